/**
 * iprange match (libxt_iprange / xt_iprange). The kernel offers revision 1
 * (struct xt_iprange_mtinfo), so that is the layout iptables uses; its
 * output equals revision 0's. Ranges are dotted quads only (no names).
 */
import { paramError } from "../core/errors.js";
import { formatIPv4, numericToIPv4 } from "../core/ipv4.js";
import { defineMatch, type OptionCall, XTOPT_INVERT, XtType } from "./api.js";
import { structKey } from "./misc2-util.js";

const IPRANGE_SRC = 0x01;
const IPRANGE_DST = 0x02;
const IPRANGE_SRC_INV = 0x10;
const IPRANGE_DST_INV = 0x20;

const O_SRC_RANGE = 0;
const O_DST_RANGE = 1;

export interface IprangeData {
  flags: number;
  srcMin: number;
  srcMax: number;
  dstMin: number;
  dstMax: number;
}

function parseAddr(spec: string, optname: string): number {
  const a = numericToIPv4(spec);
  if (a === undefined) throw paramError(`iprange: Bad value for "${optname}" option: "${spec}"`);
  return a;
}

/** iprange_parse_range(): ip or ip-ip; a reversed range is only a warning. */
function parseRange(cb: OptionCall<IprangeData>, optname: string): [number, number] {
  const arg = cb.arg;
  const dash = arg.indexOf("-");
  if (dash < 0) {
    const a = parseAddr(arg, optname);
    return [a, parseAddr(arg, optname)];
  }
  const from = arg.slice(0, dash);
  const to = arg.slice(dash + 1);
  const lo = parseAddr(from, optname);
  const hi = parseAddr(to, optname);
  if (lo > hi) cb.warn?.(`xt_iprange: range ${from}-${to} is reversed and will never match\n`);
  return [lo, hi];
}

export const iprangeMatch = defineMatch<IprangeData>({
  name: "iprange",
  revision: 1,
  options: [
    { name: "src-range", id: O_SRC_RANGE, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "dst-range", id: O_DST_RANGE, type: XtType.STRING, flags: XTOPT_INVERT },
  ],
  init: () => ({ flags: 0, srcMin: 0, srcMax: 0, dstMin: 0, dstMax: 0 }),
  parse(cb) {
    const d = cb.data;
    if (cb.entry.id === O_SRC_RANGE) {
      [d.srcMin, d.srcMax] = parseRange(cb, "--src-range");
      d.flags |= IPRANGE_SRC;
      if (cb.invert) d.flags |= IPRANGE_SRC_INV;
    } else {
      [d.dstMin, d.dstMax] = parseRange(cb, "--dst-range");
      d.flags |= IPRANGE_DST;
      if (cb.invert) d.flags |= IPRANGE_DST_INV;
    }
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("iprange match: You must specify `--src-range' or `--dst-range'");
  },
  print(d) {
    let out = "";
    if (d.flags & IPRANGE_SRC)
      out += ` source IP range${d.flags & IPRANGE_SRC_INV ? " !" : ""} ${formatIPv4(d.srcMin)}-${formatIPv4(d.srcMax)}`;
    if (d.flags & IPRANGE_DST)
      out += ` destination IP range${d.flags & IPRANGE_DST_INV ? " !" : ""} ${formatIPv4(d.dstMin)}-${formatIPv4(d.dstMax)}`;
    return out;
  },
  save(d) {
    let out = "";
    if (d.flags & IPRANGE_SRC)
      out += `${d.flags & IPRANGE_SRC_INV ? " !" : ""} --src-range ${formatIPv4(d.srcMin)}-${formatIPv4(d.srcMax)}`;
    if (d.flags & IPRANGE_DST)
      out += `${d.flags & IPRANGE_DST_INV ? " !" : ""} --dst-range ${formatIPv4(d.dstMin)}-${formatIPv4(d.dstMax)}`;
    return out;
  },
  compareKey: (d) => structKey("iprange", d),
  compile(d) {
    // iprange_mt4(): host-order comparisons
    const src = (d.flags & IPRANGE_SRC) !== 0;
    const dst = (d.flags & IPRANGE_DST) !== 0;
    const invSrc = (d.flags & IPRANGE_SRC_INV) !== 0;
    const invDst = (d.flags & IPRANGE_DST_INV) !== 0;
    const [sMin, sMax, dMin, dMax] = [d.srcMin >>> 0, d.srcMax >>> 0, d.dstMin >>> 0, d.dstMax >>> 0];
    return (p) => {
      if (src) {
        const a = p.src >>> 0;
        if ((a < sMin || a > sMax) !== invSrc) return false;
      }
      if (dst) {
        const a = p.dst >>> 0;
        if ((a < dMin || a > dMax) !== invDst) return false;
      }
      return true;
    };
  },
  help: () =>
    "iprange match options:\n" +
    "[!] --src-range ip[-ip]    Match source IP in the specified range\n" +
    "[!] --dst-range ip[-ip]    Match destination IP in the specified range\n",
});
