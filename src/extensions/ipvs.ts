/**
 * ipvs match (libxt_ipvs / xt_ipvs): properties of IPVS connections.
 *
 * The reference kernel is built without IPVS (CONFIG_IP_VS unset), so
 * iptables warns when it loads the extension and the kernel refuses every
 * rule that uses it with ENOENT; parse errors still come first. The twin
 * does the same.
 */
import { paramError } from "../core/errors.js";
import { addrToAnyName, formatIPv4, maskSuffix } from "../core/ipv4.js";
import { defineMatch, XTOPT_INVERT, XTOPT_PUT, XtType } from "./api.js";
import { asciiEqualsIgnoreCase, structKey } from "./misc2-util.js";

const XT_IPVS_IPVS_PROPERTY = 1 << 0;
const XT_IPVS_PROTO = 1 << 1;
const XT_IPVS_VADDR = 1 << 2;
const XT_IPVS_VPORT = 1 << 3;
const XT_IPVS_DIR = 1 << 4;
const XT_IPVS_METHOD = 1 << 5;
const XT_IPVS_VPORTCTL = 1 << 6;
const XT_IPVS_MASK = (1 << 7) - 1;
const XT_IPVS_ONCE_MASK = XT_IPVS_MASK & ~XT_IPVS_IPVS_PROPERTY;

const IP_VS_CONN_F_MASQ = 0x0000;
const IP_VS_CONN_F_TUNNEL = 0x0002;
const IP_VS_CONN_F_DROUTE = 0x0003;

const O_IPVS = 0;
const O_VPROTO = 1;
const O_VADDR = 2;
const O_VPORT = 3;
const O_VDIR = 4;
const O_VMETHOD = 5;
const O_VPORTCTL = 6;

export interface IpvsData {
  vaddr: number;
  vmask: number;
  vport: number;
  l4proto: number;
  fwdMethod: number;
  vportctl: number;
  invert: number;
  bitmask: number;
}

function dump(d: IpvsData, numeric: boolean, prefix: string, db: Parameters<typeof addrToAnyName>[1]): string {
  const inv = (bit: number) => (d.invert & bit ? " !" : "");
  let out = "";
  if (d.bitmask === XT_IPVS_IPVS_PROPERTY) out += `${inv(XT_IPVS_IPVS_PROPERTY)} ${prefix}ipvs`;
  if (d.bitmask & XT_IPVS_PROTO) out += `${inv(XT_IPVS_PROTO)} ${prefix}vproto ${d.l4proto}`;
  if (d.bitmask & XT_IPVS_VADDR) {
    out += `${inv(XT_IPVS_VADDR)} ${prefix}vaddr`;
    if (!numeric && d.vaddr === 0) out += " anywhere";
    else out += ` ${numeric ? formatIPv4(d.vaddr) : addrToAnyName(d.vaddr, db)}${maskSuffix(d.vmask)}`;
  }
  if (d.bitmask & XT_IPVS_VPORT) out += `${inv(XT_IPVS_VPORT)} ${prefix}vport ${d.vport}`;
  if (d.bitmask & XT_IPVS_DIR) out += ` ${prefix}vdir ${d.invert & XT_IPVS_DIR ? "REPLY" : "ORIGINAL"}`;
  if (d.bitmask & XT_IPVS_METHOD) {
    const m =
      d.fwdMethod === IP_VS_CONN_F_DROUTE
        ? "GATE"
        : d.fwdMethod === IP_VS_CONN_F_TUNNEL
          ? "IPIP"
          : d.fwdMethod === IP_VS_CONN_F_MASQ
            ? "MASQ"
            : "UNKNOWN";
    out += `${inv(XT_IPVS_METHOD)} ${prefix}vmethod ${m}`;
  }
  if (d.bitmask & XT_IPVS_VPORTCTL) out += `${inv(XT_IPVS_VPORTCTL)} ${prefix}vportctl ${d.vportctl}`;
  return out;
}

export const ipvsMatch = defineMatch<IpvsData>({
  name: "ipvs",
  revision: 0,
  loadWarning: "Warning: Extension ipvs revision 0 not supported, missing kernel module?\n",
  options: [
    { name: "ipvs", id: O_IPVS, type: XtType.NONE, flags: XTOPT_INVERT },
    { name: "vproto", id: O_VPROTO, type: XtType.PROTOCOL, flags: XTOPT_INVERT | XTOPT_PUT, put: "l4proto" },
    { name: "vaddr", id: O_VADDR, type: XtType.HOSTMASK, flags: XTOPT_INVERT },
    { name: "vport", id: O_VPORT, type: XtType.PORT, flags: XTOPT_INVERT | XTOPT_PUT, put: "vport" },
    { name: "vdir", id: O_VDIR, type: XtType.STRING },
    { name: "vmethod", id: O_VMETHOD, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "vportctl", id: O_VPORTCTL, type: XtType.PORT, flags: XTOPT_INVERT | XTOPT_PUT, put: "vportctl" },
  ],
  init: () => ({ vaddr: 0, vmask: 0, vport: 0, l4proto: 0, fwdMethod: 0, vportctl: 0, invert: 0, bitmask: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_VADDR:
        d.vaddr = cb.val.haddr;
        d.vmask = cb.val.hmask;
        break;
      case O_VDIR:
        if (asciiEqualsIgnoreCase(cb.arg, "ORIGINAL")) {
          d.bitmask |= XT_IPVS_DIR;
          d.invert &= ~XT_IPVS_DIR;
        } else if (asciiEqualsIgnoreCase(cb.arg, "REPLY")) {
          d.bitmask |= XT_IPVS_DIR;
          d.invert |= XT_IPVS_DIR;
        } else throw paramError(`ipvs: Bad value for "--vdir" option: "${cb.arg}"`);
        break;
      case O_VMETHOD:
        if (asciiEqualsIgnoreCase(cb.arg, "GATE")) d.fwdMethod = IP_VS_CONN_F_DROUTE;
        else if (asciiEqualsIgnoreCase(cb.arg, "IPIP")) d.fwdMethod = IP_VS_CONN_F_TUNNEL;
        else if (asciiEqualsIgnoreCase(cb.arg, "MASQ")) d.fwdMethod = IP_VS_CONN_F_MASQ;
        else throw paramError(`ipvs: Bad value for "--vmethod" option: "${cb.arg}"`);
        break;
    }
    d.bitmask |= 1 << cb.entry.id;
    if (cb.invert) d.invert |= 1 << cb.entry.id;
  },
  finalCheck(cb) {
    const d = cb.data;
    if (cb.xflags === 0) throw paramError("IPVS: At least one option is required");
    if (d.bitmask & XT_IPVS_ONCE_MASK) {
      if (d.invert & XT_IPVS_IPVS_PROPERTY) throw paramError("! --ipvs cannot be together with other options");
      d.bitmask |= XT_IPVS_IPVS_PROPERTY;
    }
  },
  print: (d, ctx) => dump(d, ctx.numeric, "", ctx.db),
  save: (d, ctx) => dump(d, true, "--", ctx.db),
  compareKey: (d) => structKey("ipvs", d),
  compile(d) {
    // ipvs_mt(): no IPVS, so skb->ipvs_property is 0: a bare [!] --ipvs compares with it, any other
    // option fails at once
    const bare = d.bitmask === XT_IPVS_IPVS_PROPERTY;
    const result = bare && (d.invert & XT_IPVS_IPVS_PROPERTY) !== 0;
    return () => result;
  },
  // No xt_ipvs in the kernel: nft_compat cannot find the match.
  kernelCheck: (_d, ctx) => (ctx.checkentry ? { errno: "ENOENT" } : undefined),
  help: () =>
    "IPVS match options:\n" +
    "[!] --ipvs                      packet belongs to an IPVS connection\n" +
    "\n" +
    "Any of the following options implies --ipvs (even negated)\n" +
    "[!] --vproto protocol           VIP protocol to match; by number or name,\n" +
    '                                e.g. "tcp"\n' +
    "[!] --vaddr address[/mask]      VIP address to match\n" +
    "[!] --vport port                VIP port to match; by number or name,\n" +
    '                                e.g. "http"\n' +
    "    --vdir {ORIGINAL|REPLY}     flow direction of packet\n" +
    "[!] --vmethod {GATE|IPIP|MASQ}  IPVS forwarding method used\n" +
    "[!] --vportctl port             VIP port of the controlling connection to\n" +
    "                                match, e.g. 21 for FTP\n",
});
