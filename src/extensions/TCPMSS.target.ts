/**
 * TCPMSS target (libxt_TCPMSS / xt_TCPMSS): set the MSS option of TCP SYNs
 * to a value or clamp it to the path MTU. The kernel limits it to -p tcp
 * (validate.ts) and clamping to FORWARD, OUTPUT and POSTROUTING; the SYN
 * match requirement is skipped for nft_compat.
 */
import { paramError } from "../core/errors.js";
import { defineTarget, HOOK_FWD, HOOK_OUT, HOOK_POST, XTOPT_PUT, XtType } from "./api.js";

export interface TcpmssData {
  mss: number;
}

const O_SET_MSS = 0;
const O_CLAMP_MSS = 1;
const XT_TCPMSS_CLAMP_PMTU = 0xffff;
/** sizeof(struct iphdr) */
const IPHDR_SIZE = 20;

export const tcpmssTarget = defineTarget<TcpmssData>({
  name: "TCPMSS",
  revision: 0,
  options: [
    {
      name: "set-mss",
      id: O_SET_MSS,
      type: XtType.UINT16,
      min: 0,
      max: 0xffff - IPHDR_SIZE,
      flags: XTOPT_PUT,
      put: "mss",
    },
    { name: "clamp-mss-to-pmtu", id: O_CLAMP_MSS, type: XtType.NONE },
  ],
  init: () => ({ mss: 0 }),
  parse(cb) {
    if (cb.entry.id === O_CLAMP_MSS) cb.data.mss = XT_TCPMSS_CLAMP_PMTU;
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("TCPMSS target: At least one parameter is required");
  },
  print: (d) => (d.mss === XT_TCPMSS_CLAMP_PMTU ? " TCPMSS clamp to PMTU" : ` TCPMSS set ${d.mss}`),
  save: (d) => (d.mss === XT_TCPMSS_CLAMP_PMTU ? " --clamp-mss-to-pmtu" : ` --set-mss ${d.mss}`),
  kernelCheck(d, ctx) {
    // tcpmss_tg4_check(): "path-MTU clamping only supported in FORWARD, OUTPUT and POSTROUTING hooks";
    // checkentry only, so a user chain (hook mask 0 there) is never refused through its jumps
    if (!ctx.checkentry) return undefined;
    if (d.mss === XT_TCPMSS_CLAMP_PMTU && ctx.hookMask & ~(HOOK_FWD | HOOK_OUT | HOOK_POST)) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "TCPMSS target mutually-exclusive options:\n" +
    "  --set-mss value               explicitly set MSS option to specified value\n" +
    `  --clamp-mss-to-pmtu           automatically clamp MSS value to (path_MTU - ${IPHDR_SIZE})\n`,
});
