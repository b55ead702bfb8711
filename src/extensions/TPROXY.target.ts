/**
 * TPROXY target (libxt_TPROXY / xt_TPROXY revision 1): hand a packet to a
 * local socket on another port/address and mark it. mangle PREROUTING only,
 * for -p tcp or -p udp.
 */
import { formatIPv4 } from "../core/ipv4.js";
import { defineTarget, HOOK_PRE, IPT_INV_PROTO, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { hex } from "./common.js";

export interface TproxyData {
  markMask: number;
  markValue: number;
  laddr: number;
  lport: number;
}

const P_PORT = 0;
const P_ADDR = 1;
const P_MARK = 2;

export const tproxyTarget = defineTarget<TproxyData>({
  name: "TPROXY",
  revision: 1,
  tables: ["mangle"],
  hooks: HOOK_PRE,
  options: [
    { name: "on-port", id: P_PORT, type: XtType.PORT, flags: XTOPT_MAND | XTOPT_PUT, put: "lport" },
    { name: "on-ip", id: P_ADDR, type: XtType.HOST, flags: XTOPT_PUT, put: "laddr" },
    { name: "tproxy-mark", id: P_MARK, type: XtType.MARKMASK32 },
  ],
  init: () => ({ markMask: 0, markValue: 0, laddr: 0, lport: 0 }),
  parse(cb) {
    if (cb.entry.id === P_MARK) {
      cb.data.markValue = cb.val.mark;
      cb.data.markMask = cb.val.mask;
    }
  },
  print: (d) => ` TPROXY redirect ${formatIPv4(d.laddr)}:${d.lport} mark 0x${hex(d.markValue)}/0x${hex(d.markMask)}`,
  save: (d) =>
    ` --on-port ${d.lport} --on-ip ${formatIPv4(d.laddr)} --tproxy-mark 0x${hex(d.markValue)}/0x${hex(d.markMask)}`,
  kernelCheck(_d, ctx) {
    // tproxy_tg4_check(): "Can be used only with -p tcp or -p udp"
    if ((ctx.ip.proto === 6 || ctx.ip.proto === 17) && !(ctx.ip.invflags & IPT_INV_PROTO)) return undefined;
    return { errno: "EINVAL" };
  },
  help: () =>
    "TPROXY target options:\n" +
    "  --on-port port\t\t    Redirect connection to port, or the original port if 0\n" +
    "  --on-ip ip\t\t\t    Optionally redirect to the given IP\n" +
    "  --tproxy-mark value[/mask]\t    Mark packets with the given value/mask\n\n",
});
