/**
 * quota match (libxt_quota / xt_quota): a byte budget, optionally inverted.
 */
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { totalLen } from "./pkt-util.js";
import { ruleStateCache } from "./stateful-util.js";

const QUOTA_INVERT = 1;

export interface QuotaData {
  flags: number;
  quota: bigint;
}

export const quotaMatch = defineMatch<QuotaData>({
  name: "quota",
  revision: 0,
  options: [{ name: "quota", id: 0, type: XtType.UINT64, flags: XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT, put: "quota" }],
  init: () => ({ flags: 0, quota: 0n }),
  parse(cb) {
    if (cb.invert) cb.data.flags |= QUOTA_INVERT;
  },
  compile(d) {
    // quota_mt(): a per-rule budget (xt_quota_priv), counted down by skb->len; a packet
    // larger than what is left empties it
    const inv = (d.flags & QUOTA_INVERT) !== 0;
    const state = ruleStateCache(d, () => ({ quota: BigInt.asUintN(64, d.quota) }));
    return (p, ctx) => {
      const st = state(ctx);
      const len = BigInt(totalLen(p));
      if (st.quota >= len) {
        st.quota -= len;
        return !inv;
      }
      st.quota = 0n;
      return inv;
    };
  },
  // -L does not show the inversion
  print: (d) => ` quota: ${d.quota} bytes`,
  save: (d) => `${d.flags & QUOTA_INVERT ? " !" : ""} --quota ${d.quota}`,
  help: () => "quota match options:\n[!] --quota quota\t\tquota (bytes)\n",
});
