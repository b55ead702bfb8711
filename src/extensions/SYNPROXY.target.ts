/**
 * SYNPROXY target (libxt_SYNPROXY / xt_SYNPROXY): answer SYNs with
 * syncookies on the server's behalf. INPUT and FORWARD hooks, -p tcp.
 */
import { defineTarget, HOOK_FWD, HOOK_IN, IPT_INV_PROTO, XtType } from "./api.js";

export interface SynproxyData {
  options: number;
  /** u8 in the kernel struct */
  wscale: number;
  /** u16 in the kernel struct */
  mss: number;
}

const O_SACK_PERM = 0;
const O_TIMESTAMP = 1;
const O_WSCALE = 2;
const O_MSS = 3;
const O_ECN = 4;

const XT_SYNPROXY_OPT_MSS = 0x01;
const XT_SYNPROXY_OPT_WSCALE = 0x02;
const XT_SYNPROXY_OPT_SACK_PERM = 0x04;
const XT_SYNPROXY_OPT_TIMESTAMP = 0x08;
const XT_SYNPROXY_OPT_ECN = 0x10;

export const synproxyTarget = defineTarget<SynproxyData>({
  name: "SYNPROXY",
  revision: 0,
  hooks: HOOK_IN | HOOK_FWD,
  options: [
    { name: "sack-perm", id: O_SACK_PERM, type: XtType.NONE },
    { name: "timestamp", id: O_TIMESTAMP, type: XtType.NONE },
    { name: "wscale", id: O_WSCALE, type: XtType.UINT32 },
    { name: "mss", id: O_MSS, type: XtType.UINT32 },
    { name: "ecn", id: O_ECN, type: XtType.NONE },
  ],
  init: () => ({ options: 0, wscale: 0, mss: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_SACK_PERM:
        d.options |= XT_SYNPROXY_OPT_SACK_PERM;
        break;
      case O_TIMESTAMP:
        d.options |= XT_SYNPROXY_OPT_TIMESTAMP;
        break;
      case O_WSCALE:
        d.options |= XT_SYNPROXY_OPT_WSCALE;
        d.wscale = cb.val.u & 0xff;
        break;
      case O_MSS:
        d.options |= XT_SYNPROXY_OPT_MSS;
        d.mss = cb.val.u & 0xffff;
        break;
      case O_ECN:
        d.options |= XT_SYNPROXY_OPT_ECN;
        break;
    }
  },
  print(d) {
    let out = " SYNPROXY ";
    if (d.options & XT_SYNPROXY_OPT_SACK_PERM) out += "sack-perm ";
    if (d.options & XT_SYNPROXY_OPT_TIMESTAMP) out += "timestamp ";
    if (d.options & XT_SYNPROXY_OPT_WSCALE) out += `wscale ${d.wscale} `;
    if (d.options & XT_SYNPROXY_OPT_MSS) out += `mss ${d.mss} `;
    if (d.options & XT_SYNPROXY_OPT_ECN) out += "ecn ";
    return out;
  },
  save(d) {
    let out = "";
    if (d.options & XT_SYNPROXY_OPT_SACK_PERM) out += " --sack-perm";
    if (d.options & XT_SYNPROXY_OPT_TIMESTAMP) out += " --timestamp";
    if (d.options & XT_SYNPROXY_OPT_WSCALE) out += ` --wscale ${d.wscale}`;
    if (d.options & XT_SYNPROXY_OPT_MSS) out += ` --mss ${d.mss}`;
    if (d.options & XT_SYNPROXY_OPT_ECN) out += " --ecn";
    return out;
  },
  kernelCheck(_d, ctx) {
    // xt_target.proto = IPPROTO_TCP and synproxy_tg4_check()
    if (ctx.ip.proto !== 6 || ctx.ip.invflags & IPT_INV_PROTO) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "SYNPROXY target options:\n" +
    "  --sack-perm                        Set SACK_PERM\n" +
    "  --timestamp                        Set TIMESTAMP\n" +
    "  --wscale value                     Set window scaling factor\n" +
    "  --mss value                        Set MSS value\n" +
    "  --ecn                              Set ECN\n",
});
