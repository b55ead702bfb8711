/**
 * TEE target (libxt_TEE / xt_TEE revision 1): clone the packet to a
 * gateway, optionally through an output interface.
 */
import { addrToAnyName, formatIPv4 } from "../core/ipv4.js";
import { IP_DF } from "../core/packet.js";
import { IP_CT_UNTRACKED } from "../engine/conntrack.js";
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, NF_INET_LOCAL_IN, NF_INET_PRE_ROUTING, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";

export interface TeeData {
  gw: number;
  oif: string;
}

/** nf_skb_duplicated: set while the copy travels, so that TEE rules it meets do not copy it again. */
const DUPLICATING = "xt:tee-duplicating";

const O_GATEWAY = 0;
const O_OIF = 1;
/** sizeof(xt_tee_tginfo.oif) */
const OIF_SIZE = 16;

export const teeTarget = defineTarget<TeeData>({
  name: "TEE",
  revision: 1,
  options: [
    { name: "gateway", id: O_GATEWAY, type: XtType.HOST, flags: XTOPT_MAND | XTOPT_PUT, put: "gw" },
    { name: "oif", id: O_OIF, type: XtType.STRING, flags: XTOPT_PUT, put: "oif", size: OIF_SIZE },
  ],
  init: () => ({ gw: 0, oif: "" }),
  print(d, ctx) {
    let out = ` TEE gw:${ctx.numeric ? formatIPv4(d.gw) : addrToAnyName(d.gw, ctx.db)}`;
    if (d.oif !== "") out += ` oif=${d.oif}`;
    return out;
  },
  save(d) {
    let out = ` --gateway ${formatIPv4(d.gw)}`;
    if (d.oif !== "") out += ` --oif ${d.oif}`;
    return out;
  },
  compile(d) {
    // tee_tg4() → nf_dup_ipv4(): an untracked copy with DF set (and one TTL less from PREROUTING and
    // INPUT) is routed to the gateway and sent like a local packet; a copy does not copy itself
    const gw = d.gw >>> 0;
    const oif = d.oif;
    return (p, ctx) => {
      if (ctx.shared.get(DUPLICATING) || !ctx.dup) return XT_CONTINUE;
      const c = p.clone();
      c.ct = null;
      c.ctinfo = IP_CT_UNTRACKED;
      c.frag |= IP_DF;
      if (ctx.hook === NF_INET_PRE_ROUTING || ctx.hook === NF_INET_LOCAL_IN) c.ttl = (c.ttl - 1) & 0xff;
      c.traceId = 0;
      ctx.shared.set(DUPLICATING, true);
      try {
        ctx.dup(c, gw, oif);
      } finally {
        ctx.shared.delete(DUPLICATING);
      }
      return XT_CONTINUE;
    };
  },
  // tee_tg_check(): 0.0.0.0 is not a gateway
  kernelCheck: (d) => (d.gw === 0 ? { errno: "EINVAL" } : undefined),
  help: () =>
    "TEE target options:\n" +
    "  --gateway IPADDR    Route packet via the gateway given by address\n" +
    "  --oif NAME          Include oif in route calculation\n" +
    "\n",
});
