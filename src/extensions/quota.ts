/**
 * quota match (libxt_quota / xt_quota): a byte budget, optionally inverted.
 */
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";

const QUOTA_INVERT = 1;

export interface QuotaData {
  flags: number;
  quota: bigint;
}

export const quotaMatch = defineMatch<QuotaData>({
  name: "quota",
  revision: 0,
  options: [
    { name: "quota", id: 0, type: XtType.UINT64, flags: XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT, put: "quota" },
  ],
  init: () => ({ flags: 0, quota: 0n }),
  parse(cb) {
    if (cb.invert) cb.data.flags |= QUOTA_INVERT;
  },
  // -L does not show the inversion
  print: (d) => ` quota: ${d.quota} bytes`,
  save: (d) => `${d.flags & QUOTA_INVERT ? " !" : ""} --quota ${d.quota}`,
  help: () => "quota match options:\n[!] --quota quota\t\tquota (bytes)\n",
});
