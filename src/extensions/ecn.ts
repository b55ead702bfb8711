/**
 * ecn match (libxt_ecn / xt_ecn): TCP ECE/CWR bits and the IP ECN codepoint.
 */
import { paramError } from "../core/errors.js";
import { defineMatch, XTOPT_INVERT, XtType } from "./api.js";
import { wrongProto } from "./l4-common.js";
import { l4Avail, tcpFlagsByte } from "./pkt-util.js";

const XT_ECN_OP_MATCH_IP = 0x01;
const XT_ECN_OP_MATCH_ECE = 0x10;
const XT_ECN_OP_MATCH_CWR = 0x20;
const XT_ECN_OP_MATCH_MASK = 0xce;

export interface EcnData {
  operation: number;
  invert: number;
  ipEct: number;
}

const O_ECN_TCP_CWR = 0;
const O_ECN_TCP_ECE = 1;
const O_ECN_IP_ECT = 2;

export const ecnMatch = defineMatch<EcnData>({
  name: "ecn",
  revision: 0,
  options: [
    { name: "ecn-tcp-cwr", id: O_ECN_TCP_CWR, type: XtType.NONE, flags: XTOPT_INVERT },
    { name: "ecn-tcp-ece", id: O_ECN_TCP_ECE, type: XtType.NONE, flags: XTOPT_INVERT },
    { name: "ecn-ip-ect", id: O_ECN_IP_ECT, type: XtType.UINT8, min: 0, max: 3, flags: XTOPT_INVERT },
  ],
  init: () => ({ operation: 0, invert: 0, ipEct: 0 }),
  parse(cb) {
    const d = cb.data;
    const op = [XT_ECN_OP_MATCH_CWR, XT_ECN_OP_MATCH_ECE, XT_ECN_OP_MATCH_IP][cb.entry.id]!;
    d.operation |= op;
    if (cb.invert) d.invert |= op;
    if (cb.entry.id === O_ECN_IP_ECT) d.ipEct = cb.val.u;
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("ECN match: some option required");
  },
  kernelCheck(d, ctx) {
    if (d.operation & XT_ECN_OP_MATCH_MASK || d.invert & XT_ECN_OP_MATCH_MASK) return { errno: "EINVAL" };
    if (d.operation & (XT_ECN_OP_MATCH_ECE | XT_ECN_OP_MATCH_CWR) && wrongProto(ctx.ip, 6)) {
      return { errno: "EINVAL", log: "cannot match TCP bits in rule for non-tcp packets" };
    }
    return undefined;
  },
  compile(d) {
    // ecn_mt4(): the IP codepoint, then the TCP bits (no fragment test; a short header is no match)
    const ip = (d.operation & XT_ECN_OP_MATCH_IP) !== 0;
    const ect = d.ipEct;
    const invIp = (d.invert & XT_ECN_OP_MATCH_IP) !== 0;
    const ece = (d.operation & XT_ECN_OP_MATCH_ECE) !== 0;
    const invEce = (d.invert & XT_ECN_OP_MATCH_ECE) !== 0;
    const cwr = (d.operation & XT_ECN_OP_MATCH_CWR) !== 0;
    const invCwr = (d.invert & XT_ECN_OP_MATCH_CWR) !== 0;
    return (p) => {
      if (ip && ((p.tos & 3) === ect) === invIp) return false;
      if (ece || cwr) {
        if (l4Avail(p) < 20) return false;
        const f = tcpFlagsByte(p);
        if (ece && ((f & 0x40) !== 0) === invEce) return false;
        if (cwr && ((f & 0x80) !== 0) === invCwr) return false;
      }
      return true;
    };
  },
  print(d) {
    let out = " ECN match";
    if (d.operation & XT_ECN_OP_MATCH_ECE) out += ` ${d.invert & XT_ECN_OP_MATCH_ECE ? "!" : ""}ECE`;
    if (d.operation & XT_ECN_OP_MATCH_CWR) out += ` ${d.invert & XT_ECN_OP_MATCH_CWR ? "!" : ""}CWR`;
    if (d.operation & XT_ECN_OP_MATCH_IP) out += ` ${d.invert & XT_ECN_OP_MATCH_IP ? "!" : ""}ECT=${d.ipEct}`;
    return out;
  },
  save(d) {
    let out = "";
    if (d.operation & XT_ECN_OP_MATCH_ECE) out += `${d.invert & XT_ECN_OP_MATCH_ECE ? " !" : ""} --ecn-tcp-ece`;
    if (d.operation & XT_ECN_OP_MATCH_CWR) out += `${d.invert & XT_ECN_OP_MATCH_CWR ? " !" : ""} --ecn-tcp-cwr`;
    if (d.operation & XT_ECN_OP_MATCH_IP) out += `${d.invert & XT_ECN_OP_MATCH_IP ? " !" : ""} --ecn-ip-ect ${d.ipEct}`;
    return out;
  },
  help: () =>
    "ECN match options\n" +
    "[!] --ecn-tcp-cwr \t\tMatch CWR bit of TCP header\n" +
    "[!] --ecn-tcp-ece\t\tMatch ECE bit of TCP header\n" +
    "[!] --ecn-ip-ect [0..3]\tMatch ECN codepoint in IPv4/IPv6 header\n",
});
