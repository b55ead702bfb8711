/**
 * ttl match (libipt_ttl / xt_hl): TTL equal, unequal, less or greater.
 */
import { paramError } from "../core/errors.js";
import { defineMatch, XTOPT_INVERT, XTOPT_PUT, XtType } from "./api.js";

const IPT_TTL_EQ = 0;
const IPT_TTL_NE = 1;
const IPT_TTL_LT = 2;
const IPT_TTL_GT = 3;

export interface TtlData {
  mode: number;
  ttl: number;
}

const O_TTL_EQ = 0;
const O_TTL_LT = 1;
const O_TTL_GT = 2;
const F_ANY = 0x7;

export const ttlMatch = defineMatch<TtlData>({
  name: "ttl",
  revision: 0,
  // Table order matters: "--ttl" shares the id of "--ttl-eq", whose entry (and invert flag) is found first.
  options: [
    { name: "ttl-lt", id: O_TTL_LT, excl: F_ANY, type: XtType.UINT8, flags: XTOPT_PUT, put: "ttl" },
    { name: "ttl-gt", id: O_TTL_GT, excl: F_ANY, type: XtType.UINT8, flags: XTOPT_PUT, put: "ttl" },
    { name: "ttl-eq", id: O_TTL_EQ, excl: F_ANY, type: XtType.UINT8, flags: XTOPT_INVERT | XTOPT_PUT, put: "ttl" },
    { name: "ttl", id: O_TTL_EQ, excl: F_ANY, type: XtType.UINT8, flags: XTOPT_PUT, put: "ttl" },
  ],
  init: () => ({ mode: 0, ttl: 0 }),
  parse(cb) {
    if (cb.entry.id === O_TTL_EQ) cb.data.mode = cb.invert ? IPT_TTL_NE : IPT_TTL_EQ;
    else cb.data.mode = cb.entry.id === O_TTL_LT ? IPT_TTL_LT : IPT_TTL_GT;
  },
  finalCheck(cb) {
    if (!(cb.xflags & F_ANY)) throw paramError("TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt");
  },
  kernelCheck: (d) => (d.mode > IPT_TTL_GT ? { errno: "EINVAL" } : undefined),
  compile(d) {
    // ttl_mt() of xt_hl
    const v = d.ttl;
    switch (d.mode) {
      case IPT_TTL_EQ:
        return (p) => p.ttl === v;
      case IPT_TTL_NE:
        return (p) => p.ttl !== v;
      case IPT_TTL_LT:
        return (p) => p.ttl < v;
      case IPT_TTL_GT:
        return (p) => p.ttl > v;
      default:
        return () => false;
    }
  },
  print(d) {
    const op = ["TTL ==", "TTL !=", "TTL <", "TTL >"][d.mode] ?? "";
    return ` TTL match ${op} ${d.ttl}`;
  },
  save(d) {
    const opt = [" --ttl-eq", " ! --ttl-eq", " --ttl-lt", " --ttl-gt"][d.mode] ?? "";
    return `${opt} ${d.ttl}`;
  },
  help: () =>
    "ttl match options:\n" +
    "[!] --ttl-eq value\tMatch time to live value\n" +
    "  --ttl-lt value\tMatch TTL < value\n" +
    "  --ttl-gt value\tMatch TTL > value\n",
});
