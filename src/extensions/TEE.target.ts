/**
 * TEE target (libxt_TEE / xt_TEE revision 1): clone the packet to a
 * gateway, optionally through an output interface.
 */
import { addrToAnyName, formatIPv4 } from "../core/ipv4.js";
import { defineTarget, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";

export interface TeeData {
  gw: number;
  oif: string;
}

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
  // tee_tg_check(): 0.0.0.0 is not a gateway
  kernelCheck: (d) => (d.gw === 0 ? { errno: "EINVAL" } : undefined),
  help: () =>
    "TEE target options:\n" +
    "  --gateway IPADDR    Route packet via the gateway given by address\n" +
    "  --oif NAME          Include oif in route calculation\n" +
    "\n",
});
