/**
 * udp match (libxt_udp / xt_tcpudp). iptables-nft turns ports into native
 * payload expressions and reads them back, which canonicalises some ranges,
 * drops empty ones and merges several udp matches of a rule into one.
 */
import { paramError } from "../core/errors.js";
import { defineMatch, type IpSpec, XTOPT_INVERT, XTOPT_PUT, XtType } from "./api.js";
import { applyPortExprs, type PortExpr, portExprs, printPortRange, savePortRange, wrongProto } from "./l4-common.js";
import { compileNftL4, type NftL4Expr } from "./nft-l4.js";
import { fragOff, l4Avail, l4Port } from "./pkt-util.js";

const XT_UDP_INV_SRCPT = 0x01;
const XT_UDP_INV_DSTPT = 0x02;
const XT_UDP_INV_MASK = 0x03;
const IPPROTO_UDP = 17;

export interface UdpData {
  spts: number[];
  dpts: number[];
  invflags: number;
  /** The native expressions the kernel holds (several udp matches read back as one; each keeps its own). */
  nft?: NftL4Expr[];
}

const O_SOURCE_PORT = 0;
const O_DEST_PORT = 1;

function fresh(): UdpData {
  return { spts: [0, 0xffff], dpts: [0, 0xffff], invflags: 0 };
}

function allZero(d: UdpData): boolean {
  return d.spts[0] === 0 && d.spts[1] === 0xffff && d.dpts[0] === 0 && d.dpts[1] === 0xffff && d.invflags === 0;
}

/** The rule keeps an xt "match" expression instead of native ones. */
function keptAsXt(d: UdpData): boolean {
  return d.invflags > XT_UDP_INV_MASK || allZero(d);
}

function exprsOf(d: UdpData): PortExpr[] {
  return portExprs(d.spts, (d.invflags & XT_UDP_INV_SRCPT) !== 0, d.dpts, (d.invflags & XT_UDP_INV_DSTPT) !== 0);
}

export const udpMatch = defineMatch<UdpData>({
  name: "udp",
  revision: 0,
  options: [
    { name: "source-port", id: O_SOURCE_PORT, type: XtType.PORTRC, flags: XTOPT_INVERT | XTOPT_PUT, put: "spts" },
    { name: "sport", id: O_SOURCE_PORT, type: XtType.PORTRC, flags: XTOPT_INVERT | XTOPT_PUT, put: "spts" },
    { name: "destination-port", id: O_DEST_PORT, type: XtType.PORTRC, flags: XTOPT_INVERT | XTOPT_PUT, put: "dpts" },
    { name: "dport", id: O_DEST_PORT, type: XtType.PORTRC, flags: XTOPT_INVERT | XTOPT_PUT, put: "dpts" },
  ],
  init: fresh,
  parse(cb) {
    if (!cb.invert) return;
    if (cb.entry.id === O_SOURCE_PORT) cb.data.invflags |= XT_UDP_INV_SRCPT;
    else cb.data.invflags |= XT_UDP_INV_DSTPT;
  },
  normalize(d, ip) {
    // add_nft_udp(): xt match when empty, else native expressions read back.
    if (keptAsXt(d)) return d;
    if (ip.proto !== IPPROTO_UDP) throw paramError("UDP match requires '-p udp'");
    const exprs = exprsOf(d);
    if (!exprs.length) return null;
    const out = applyPortExprs(fresh(), exprs, XT_UDP_INV_SRCPT, XT_UDP_INV_DSTPT);
    out.nft = d.nft ?? exprs; // idempotent on data read back before
    return out;
  },
  nftMerge(into: UdpData, next: UdpData, _ip: IpSpec) {
    if (keptAsXt(into) || keptAsXt(next)) return undefined;
    const out = applyPortExprs(into, exprsOf(next), XT_UDP_INV_SRCPT, XT_UDP_INV_DSTPT);
    out.nft = [...(into.nft ?? exprsOf(into)), ...exprsOf(next)];
    return out;
  },
  compile(d) {
    // Translated matches run as payload expressions (nft-l4.ts), the rest as udp_mt().
    if (!keptAsXt(d)) return compileNftL4(d.nft ?? exprsOf(d));
    const [s0, s1] = d.spts as [number, number];
    const [d0, d1] = d.dpts as [number, number];
    const invS = (d.invflags & XT_UDP_INV_SRCPT) !== 0;
    const invD = (d.invflags & XT_UDP_INV_DSTPT) !== 0;
    return (p, ctx) => {
      if (fragOff(p) !== 0) return false;
      if (l4Avail(p) < 8) {
        ctx.hotdrop = true;
        return false;
      }
      const sp = l4Port(p, 0);
      const dp = l4Port(p, 1);
      return (sp >= s0 && sp <= s1) !== invS && (dp >= d0 && dp <= d1) !== invD;
    };
  },
  kernelCheck(d, ctx) {
    // Only an xt-kept udp reaches xt_tcpudp's checks (proto, invflags).
    if (!keptAsXt(d)) return undefined;
    if (wrongProto(ctx.ip, IPPROTO_UDP) || d.invflags & ~XT_UDP_INV_MASK) return { errno: "EINVAL" };
    return undefined;
  },
  print(d, ctx) {
    let out = " udp";
    out += printPortRange("spt", d.spts, (d.invflags & XT_UDP_INV_SRCPT) !== 0, ctx.numeric, "udp");
    out += printPortRange("dpt", d.dpts, (d.invflags & XT_UDP_INV_DSTPT) !== 0, ctx.numeric, "udp");
    if (d.invflags & ~XT_UDP_INV_MASK)
      out += ` Unknown invflags: 0x${(d.invflags & ~XT_UDP_INV_MASK).toString(16).toUpperCase()}`;
    return out;
  },
  save(d) {
    let out = "";
    if (d.spts[0] !== 0 || d.spts[1] !== 0xffff)
      out += savePortRange("sport", d.spts, (d.invflags & XT_UDP_INV_SRCPT) !== 0);
    if (d.dpts[0] !== 0 || d.dpts[1] !== 0xffff)
      out += savePortRange("dport", d.dpts, (d.invflags & XT_UDP_INV_DSTPT) !== 0);
    return out;
  },
  help: () =>
    "udp match options:\n" +
    "[!] --source-port port[:port]\n" +
    " --sport ...\n" +
    "\t\t\t\tmatch source port(s)\n" +
    "[!] --destination-port port[:port]\n" +
    " --dport ...\n" +
    "\t\t\t\tmatch destination port(s)\n",
});
