/**
 * TRACE target (libxt_TRACE). iptables-nft emits `meta nftrace set 1`
 * instead of the xt target, so the kernel's raw-table restriction does not
 * apply; reading the rule back gives TRACE again.
 */
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget } from "./api.js";

export const traceTarget = defineTarget<Record<string, never>>({
  name: "TRACE",
  revision: 0,
  init: () => ({}),
  // meta nftrace set 1: the rule goes on to the next one
  compile: () => (p) => {
    p.nfTrace = true;
    return XT_CONTINUE;
  },
});
