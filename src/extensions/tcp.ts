/**
 * tcp match (libxt_tcp / xt_tcp): ports, flags and options. iptables-nft
 * turns ports and flags into native payload expressions.
 */
import { xtStrtouiWhole } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import type { MatchFn } from "../engine/context.js";
import { defineMatch, type OptionCall, XtType } from "./api.js";
import { parsePort, portName } from "./common.js";
import { applyPortExprs, type PortExpr, portExprs } from "./l4-common.js";
import { compileNftL4, type NftL4Expr } from "./nft-l4.js";
import { fragOff, l4Avail, l4Port, tcpFlagsByte, tcpHdrLen, tcpOptByte } from "./pkt-util.js";

export const XT_TCP_INV_SRCPT = 0x01;
export const XT_TCP_INV_DSTPT = 0x02;
export const XT_TCP_INV_FLAGS = 0x04;
export const XT_TCP_INV_OPTION = 0x08;
const XT_TCP_INV_MASK = 0x0f;

export interface TcpData {
  spts: [number, number];
  dpts: [number, number];
  option: number;
  flgMask: number;
  flgCmp: number;
  invflags: number;
  /**
   * The native expressions the kernel holds for a translated match (not
   * shown anywhere: several tcp matches read back as one, but each keeps
   * its own expressions, e.g. two flag tests).
   */
  nft?: NftL4Expr[];
}

const O_SPORT = 1;
const O_DPORT = 2;
const O_SYN = 3;
const O_FLAGS = 4;
const O_OPTION = 5;

const TCP_SRC_PORTS = 0x01;
const TCP_DST_PORTS = 0x02;
const TCP_FLAGS = 0x04;
const TCP_OPTION = 0x08;

export const TCP_FLAG_NAMES: ReadonlyArray<readonly [string, number]> = [
  ["FIN", 0x01],
  ["SYN", 0x02],
  ["RST", 0x04],
  ["PSH", 0x08],
  ["ACK", 0x10],
  ["URG", 0x20],
  ["ALL", 0x3f],
  ["NONE", 0],
];

/** parse_tcp_ports()/parse_udp_ports(): port or min:max, names allowed. */
export function parsePortPair(spec: string, proto: string): [number, number] {
  const colon = spec.indexOf(":");
  if (colon < 0) {
    const p = parsePort(spec, proto);
    return [p, p];
  }
  const a = spec.slice(0, colon);
  const b = spec.slice(colon + 1);
  const lo = a ? parsePort(a, proto) : 0;
  const hi = b ? parsePort(b, proto) : 0xffff;
  if (lo > hi) throw paramError("invalid portrange (min > max)");
  return [lo, hi];
}

export function parseTcpFlagList(flags: string): number {
  let ret = 0;
  for (const tok of flags.split(",")) {
    if (tok === "") continue; // strtok skips empty tokens
    const f = TCP_FLAG_NAMES.find(([n]) => n.toLowerCase() === tok.toLowerCase());
    if (!f) throw paramError(`Unknown TCP flag \`${tok}'`);
    ret |= f[1];
  }
  return ret;
}

export function tcpFlagsText(flags: number): string {
  const parts: string[] = [];
  let f = flags;
  while (f) {
    let i = 0;
    while ((f & TCP_FLAG_NAMES[i]![1]) === 0) i++;
    parts.push(TCP_FLAG_NAMES[i]![0]);
    f &= ~TCP_FLAG_NAMES[i]![1];
  }
  return parts.length ? parts.join(",") : "NONE";
}

/** print_ports() of the tcp/udp `-L` text. */
export function printPorts(
  name: string,
  min: number,
  max: number,
  invert: boolean,
  numeric: boolean,
  proto: string,
): string {
  if (min === 0 && max === 0xffff && !invert) return "";
  const inv = invert ? "!" : "";
  if (min === max) return ` ${name}:${inv}${portName(min, proto, numeric)}`;
  return ` ${name}s:${inv}${portName(min, proto, numeric)}:${portName(max, proto, numeric)}`;
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, "0");
}

function tcpParse(cb: OptionCall<TcpData>): void {
  const d = cb.data;
  const g = cb.getopt;
  switch (cb.entry.id) {
    case O_SPORT:
      if (cb.xflags & TCP_SRC_PORTS) throw paramError("Only one `--source-port' allowed");
      d.spts = parsePortPair(cb.arg, "tcp");
      if (cb.invert) d.invflags |= XT_TCP_INV_SRCPT;
      cb.xflags |= TCP_SRC_PORTS;
      break;
    case O_DPORT:
      if (cb.xflags & TCP_DST_PORTS) throw paramError("Only one `--destination-port' allowed");
      d.dpts = parsePortPair(cb.arg, "tcp");
      if (cb.invert) d.invflags |= XT_TCP_INV_DSTPT;
      cb.xflags |= TCP_DST_PORTS;
      break;
    case O_SYN:
      if (cb.xflags & TCP_FLAGS) throw paramError("Only one of `--syn' or `--tcp-flags'  allowed");
      d.flgMask = parseTcpFlagList("SYN,RST,ACK,FIN");
      d.flgCmp = parseTcpFlagList("SYN");
      if (cb.invert) d.invflags |= XT_TCP_INV_FLAGS;
      cb.xflags |= TCP_FLAGS;
      break;
    case O_FLAGS: {
      if (cb.xflags & TCP_FLAGS) throw paramError("Only one of `--syn' or `--tcp-flags'  allowed");
      const next = g.argv[g.optind];
      if (next === undefined || next[0] === "-" || next[0] === "!") throw paramError("--tcp-flags requires two args.");
      d.flgMask = parseTcpFlagList(cb.arg);
      d.flgCmp = parseTcpFlagList(next);
      if (cb.invert) d.invflags |= XT_TCP_INV_FLAGS;
      g.optind++;
      cb.xflags |= TCP_FLAGS;
      break;
    }
    case O_OPTION: {
      if (cb.xflags & TCP_OPTION) throw paramError("Only one `--tcp-option' allowed");
      const v = xtStrtouiWhole(cb.arg, 1, 255);
      if (v === undefined) throw paramError(`Bad TCP option "${cb.arg}"`);
      d.option = v;
      if (cb.invert) d.invflags |= XT_TCP_INV_OPTION;
      cb.xflags |= TCP_OPTION;
      break;
    }
  }
}

/** The full port range of a fresh match, one pair for all (port pairs are never written: a change makes a new one). */
const ANY_PORT: [number, number] = [0, 0xffff];

function fullRange(pts: readonly number[]): boolean {
  return pts[0] === 0 && pts[1] === 0xffff;
}

function fresh(): TcpData {
  return { spts: ANY_PORT, dpts: ANY_PORT, option: 0, flgMask: 0, flgCmp: 0, invflags: 0 };
}

/** Kept as an xt match by iptables-nft (not translated to native expressions). */
function keptAsXt(d: TcpData): boolean {
  const supported = XT_TCP_INV_SRCPT | XT_TCP_INV_DSTPT | XT_TCP_INV_FLAGS;
  return (d.invflags & ~supported) !== 0 || d.option !== 0 || allZero(d);
}

function exprsOf(d: TcpData): PortExpr[] {
  return portExprs(d.spts, (d.invflags & XT_TCP_INV_SRCPT) !== 0, d.dpts, (d.invflags & XT_TCP_INV_DSTPT) !== 0);
}

/** add_nft_tcp(): the flags test, then the port expressions. */
function nftExprs(d: TcpData, ports: PortExpr[] = exprsOf(d)): NftL4Expr[] {
  // `ports` is the caller's own fresh list: kept as it is.
  if (!d.flgMask) return ports;
  const op = d.invflags & XT_TCP_INV_FLAGS ? "neq" : "eq";
  const out: NftL4Expr[] = [{ kind: "flags", mask: d.flgMask, cmp: d.flgCmp, op }];
  return out.concat(ports);
}

/** tcp_mt() of xt_tcpudp, for a match iptables-nft keeps as an xt match. */
function xtTcp(d: TcpData): MatchFn {
  const [s0, s1] = d.spts;
  const [d0, d1] = d.dpts;
  const invS = (d.invflags & XT_TCP_INV_SRCPT) !== 0;
  const invD = (d.invflags & XT_TCP_INV_DSTPT) !== 0;
  const invF = (d.invflags & XT_TCP_INV_FLAGS) !== 0;
  const invO = (d.invflags & XT_TCP_INV_OPTION) !== 0;
  const { flgMask, flgCmp, option } = d;
  return (p, ctx) => {
    const off = fragOff(p);
    if (off !== 0) {
      // "Don't allow a fragment of TCP 8 bytes in": offset 1 could overwrite the flags
      if (off === 1) ctx.hotdrop = true;
      return false;
    }
    const avail = l4Avail(p);
    if (avail < 20) {
      ctx.hotdrop = true;
      return false;
    }
    const sp = l4Port(p, 0);
    if ((sp >= s0 && sp <= s1) === invS) return false;
    const dp = l4Port(p, 1);
    if ((dp >= d0 && dp <= d1) === invD) return false;
    if (((tcpFlagsByte(p) & flgMask) === flgCmp) === invF) return false;
    if (option) {
      const hl = tcpHdrLen(p);
      if (hl < 20) {
        ctx.hotdrop = true;
        return false;
      }
      // tcp_find_option()
      const optlen = hl - 20;
      if (optlen === 0) return invO;
      if (avail < hl) {
        ctx.hotdrop = true;
        return false;
      }
      for (let i = 0; i < optlen; ) {
        const kind = tcpOptByte(p, i);
        if (kind === option) return !invO;
        if (kind < 2) {
          i++;
          continue;
        }
        if (i + 1 >= optlen) break;
        i += tcpOptByte(p, i + 1) || 1;
      }
      return invO;
    }
    return true;
  };
}

/** nft_parse_tcp(): the native expressions of `d` read back onto `into`. */
function readBack(into: TcpData, d: TcpData, ports: PortExpr[] = exprsOf(d)): TcpData {
  // applyPortExprs() copies: `into` is never written.
  const flagged = d.flgMask
    ? { ...into, flgMask: d.flgMask, flgCmp: d.flgCmp, invflags: into.invflags | (d.invflags & XT_TCP_INV_FLAGS) }
    : into;
  return applyPortExprs(flagged, ports, XT_TCP_INV_SRCPT, XT_TCP_INV_DSTPT);
}

function allZero(d: TcpData): boolean {
  return (
    d.spts[0] === 0 &&
    d.spts[1] === 0xffff &&
    d.dpts[0] === 0 &&
    d.dpts[1] === 0xffff &&
    !d.option &&
    !d.flgMask &&
    !d.flgCmp &&
    !d.invflags
  );
}

export const tcpMatch = defineMatch<TcpData>({
  name: "tcp",
  revision: 0,
  rawParse: true,
  options: [
    { name: "source-port", id: O_SPORT, type: XtType.STRING },
    { name: "sport", id: O_SPORT, type: XtType.STRING },
    { name: "destination-port", id: O_DPORT, type: XtType.STRING },
    { name: "dport", id: O_DPORT, type: XtType.STRING },
    { name: "syn", id: O_SYN, type: XtType.NONE },
    { name: "tcp-flags", id: O_FLAGS, type: XtType.STRING },
    { name: "tcp-option", id: O_OPTION, type: XtType.STRING },
  ],
  init: fresh,
  parse: tcpParse,
  normalize(d, ip) {
    // add_nft_tcp(): translated to payload expressions unless the option or
    // an unsupported inversion forces the xt match; read back from them.
    if (keptAsXt(d)) return d;
    if (ip.proto !== 6) throw paramError("TCP match requires '-p tcp'");
    const ports = exprsOf(d);
    const r = readBack(fresh(), d, ports);
    // One literal with `nft` in it (adding the key to the copy afterwards is a slow map transition).
    const out: TcpData = {
      spts: fullRange(r.spts) ? ANY_PORT : r.spts,
      dpts: fullRange(r.dpts) ? ANY_PORT : r.dpts,
      option: r.option,
      flgMask: r.flgMask,
      flgCmp: r.flgCmp,
      invflags: r.invflags,
      nft: d.nft ?? nftExprs(d, ports), // idempotent on data read back before
    };
    return out.flgMask || ports.length ? out : null;
  },
  nftMerge(into, next) {
    // A later native tcp lands in the first native instance when read back.
    if (keptAsXt(into) || keptAsXt(next)) return undefined;
    const out = readBack(into, next);
    out.nft = [...(into.nft ?? nftExprs(into)), ...nftExprs(next)];
    return out;
  },
  compile(d) {
    // Translated matches run as payload expressions, the rest as xt_tcpudp's tcp_mt().
    if (keptAsXt(d)) return xtTcp(d);
    return compileNftL4(d.nft ?? nftExprs(d));
  },
  print(d, ctx) {
    let out = " tcp";
    out += printPorts("spt", d.spts[0], d.spts[1], (d.invflags & XT_TCP_INV_SRCPT) !== 0, ctx.numeric, "tcp");
    out += printPorts("dpt", d.dpts[0], d.dpts[1], (d.invflags & XT_TCP_INV_DSTPT) !== 0, ctx.numeric, "tcp");
    if (d.option || d.invflags & XT_TCP_INV_OPTION)
      out += ` option=${d.invflags & XT_TCP_INV_OPTION ? "!" : ""}${d.option}`;
    if (d.flgMask || d.invflags & XT_TCP_INV_FLAGS) {
      out += ` flags:${d.invflags & XT_TCP_INV_FLAGS ? "!" : ""}`;
      if (ctx.numeric) out += `0x${hex2(d.flgMask)}/0x${hex2(d.flgCmp)}`;
      else out += `${tcpFlagsText(d.flgMask)}/${tcpFlagsText(d.flgCmp)}`;
    }
    if (d.invflags & ~XT_TCP_INV_MASK)
      out += ` Unknown invflags: 0x${(d.invflags & ~XT_TCP_INV_MASK).toString(16).toUpperCase()}`;
    return out;
  },
  save(d) {
    let out = "";
    if (d.spts[0] !== 0 || d.spts[1] !== 0xffff) {
      if (d.invflags & XT_TCP_INV_SRCPT) out += " !";
      out += d.spts[0] !== d.spts[1] ? ` --sport ${d.spts[0]}:${d.spts[1]}` : ` --sport ${d.spts[0]}`;
    }
    if (d.dpts[0] !== 0 || d.dpts[1] !== 0xffff) {
      if (d.invflags & XT_TCP_INV_DSTPT) out += " !";
      out += d.dpts[0] !== d.dpts[1] ? ` --dport ${d.dpts[0]}:${d.dpts[1]}` : ` --dport ${d.dpts[0]}`;
    }
    if (d.option || d.invflags & XT_TCP_INV_OPTION) {
      if (d.invflags & XT_TCP_INV_OPTION) out += " !";
      out += ` --tcp-option ${d.option}`;
    }
    if (d.flgMask || d.invflags & XT_TCP_INV_FLAGS) {
      if (d.invflags & XT_TCP_INV_FLAGS) out += " !";
      out += ` --tcp-flags ${tcpFlagsText(d.flgMask)} ${tcpFlagsText(d.flgCmp)}`;
    }
    return out;
  },
  help: () =>
    "tcp match options:\n" +
    "[!] --tcp-flags mask comp\tmatch when TCP flags & mask == comp\n" +
    "\t\t\t\t(Flags: SYN ACK FIN RST URG PSH ALL NONE)\n" +
    "[!] --syn\t\t\tmatch when only SYN flag set\n" +
    "\t\t\t\t(equivalent to --tcp-flags SYN,RST,ACK,FIN SYN)\n" +
    "[!] --source-port port[:port]\n" +
    " --sport ...\n" +
    "\t\t\t\tmatch source port(s)\n" +
    "[!] --destination-port port[:port]\n" +
    " --dport ...\n" +
    "\t\t\t\tmatch destination port(s)\n" +
    "[!] --tcp-option number        match if TCP option set\n",
});
