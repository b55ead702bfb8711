/**
 * TTL target (libipt_TTL / xt_HL): set, decrement or increment the IPv4
 * TTL. mangle table only.
 */
import { paramError } from "../core/errors.js";
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, XTOPT_PUT, XtType } from "./api.js";

export interface TtlData {
  mode: number;
  ttl: number;
}

const O_TTL_SET = 0;
const O_TTL_INC = 1;
const O_TTL_DEC = 2;
const F_ANY = (1 << O_TTL_SET) | (1 << O_TTL_INC) | (1 << O_TTL_DEC);

const IPT_TTL_SET = 0;
const IPT_TTL_INC = 1;
const IPT_TTL_DEC = 2;

export const ttlTarget = defineTarget<TtlData>({
  name: "TTL",
  revision: 0,
  tables: ["mangle"],
  // table order matters for the exclusion message
  options: [
    { name: "ttl-set", id: O_TTL_SET, type: XtType.UINT8, excl: F_ANY, flags: XTOPT_PUT, put: "ttl" },
    { name: "ttl-dec", id: O_TTL_DEC, type: XtType.UINT8, excl: F_ANY, flags: XTOPT_PUT, put: "ttl", min: 1 },
    { name: "ttl-inc", id: O_TTL_INC, type: XtType.UINT8, excl: F_ANY, flags: XTOPT_PUT, put: "ttl", min: 1 },
  ],
  init: () => ({ mode: 0, ttl: 0 }),
  parse(cb) {
    switch (cb.entry.id) {
      case O_TTL_SET:
        cb.data.mode = IPT_TTL_SET;
        break;
      case O_TTL_DEC:
        cb.data.mode = IPT_TTL_DEC;
        break;
      case O_TTL_INC:
        cb.data.mode = IPT_TTL_INC;
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.xflags & F_ANY)) throw paramError("TTL: You must specify an action");
  },
  print(d) {
    const what =
      d.mode === IPT_TTL_SET
        ? "set to"
        : d.mode === IPT_TTL_DEC
          ? "decrement by"
          : d.mode === IPT_TTL_INC
            ? "increment by"
            : "";
    return ` TTL ${what} ${d.ttl}`;
  },
  save(d) {
    const opt =
      d.mode === IPT_TTL_SET
        ? " --ttl-set"
        : d.mode === IPT_TTL_DEC
          ? " --ttl-dec"
          : d.mode === IPT_TTL_INC
            ? " --ttl-inc"
            : "";
    return `${opt} ${d.ttl}`;
  },
  compile(d) {
    // ttl_tg() of xt_HL: saturating at 0 and 255
    const v = d.ttl;
    const mode = d.mode;
    return (p) => {
      if (mode === IPT_TTL_SET) p.ttl = v;
      else if (mode === IPT_TTL_INC) p.ttl = Math.min(255, p.ttl + v);
      else if (mode === IPT_TTL_DEC) p.ttl = Math.max(0, p.ttl - v);
      return XT_CONTINUE;
    };
  },
  kernelCheck(d) {
    // ttl_tg_check()
    if (d.mode > IPT_TTL_DEC) return { errno: "EINVAL" };
    if (d.mode !== IPT_TTL_SET && d.ttl === 0) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "TTL target options\n" +
    "  --ttl-set value\t\tSet TTL to <value 0-255>\n" +
    "  --ttl-dec value\t\tDecrement TTL by <value 1-255>\n" +
    "  --ttl-inc value\t\tIncrement TTL by <value 1-255>\n",
});
