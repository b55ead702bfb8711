/**
 * TCPMSS target (libxt_TCPMSS / xt_TCPMSS): set the MSS option of TCP SYNs
 * to a value or clamp it to the path MTU. The kernel limits it to -p tcp
 * (validate.ts) and clamping to FORWARD, OUTPUT and POSTROUTING; the SYN
 * match requirement is skipped for nft_compat.
 */
import { paramError } from "../core/errors.js";
import type { Packet } from "../core/packet.js";
import { type EvalContext, RTN_LOCAL } from "../engine/context.js";
import { NF_DROP, XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, HOOK_FWD, HOOK_OUT, HOOK_POST, XTOPT_PUT, XtType } from "./api.js";
import { fragOff, l4Avail } from "./pkt-util.js";

export interface TcpmssData {
  mss: number;
}

const O_SET_MSS = 0;
const O_CLAMP_MSS = 1;
const XT_TCPMSS_CLAMP_PMTU = 0xffff;
/** sizeof(struct iphdr) */
const IPHDR_SIZE = 20;

/** The MTU of the route out of `dev` (a device's MTU; 1500 when the host does not say). */
function devMtu(ctx: EvalContext, dev: string): number {
  return ctx.net.mtu ? ctx.net.mtu(dev) : 1500;
}

/** tcpmss_reverse_mtu(): the route back to the source; ~0U when there is none. */
function reverseMtu(ctx: EvalContext, p: Packet): number {
  const dev = ctx.net.routeDev(p.src, 0, 0);
  if (dev === "") return 0xffffffff;
  // a route to a local address leaves through the loopback device
  return devMtu(ctx, ctx.net.addrType(p.src, "") === RTN_LOCAL ? "lo" : dev);
}

/** TCP option length as tcpmss_mangle_packet() steps: 1 for EOL/NOP or a zero length byte. */
function optStep(o: Uint8Array, i: number): number {
  return o[i]! <= 1 || (o[i + 1] ?? 0) === 0 ? 1 : o[i + 1]!;
}

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
  compile(d) {
    const clamp = d.mss === XT_TCPMSS_CLAMP_PMTU;
    const setMss = d.mss & 0xffff;
    const MINLEN = IPHDR_SIZE + 20;
    // tcpmss_tg4() / tcpmss_mangle_packet()
    return (p, ctx) => {
      if (fragOff(p) !== 0) return XT_CONTINUE;
      const len = l4Avail(p);
      const opts = p.tcpOptions;
      const hdrLen = 20 + (opts?.length ?? 0);
      if (len < 20 || len < hdrLen) return NF_DROP;
      let newmss = setMss;
      if (clamp) {
        const minMtu = Math.min(devMtu(ctx, p.outDev), reverseMtu(ctx, p));
        if (minMtu <= MINLEN) {
          ctx.log(3, `xt_TCPMSS: unknown or invalid path-MTU (${minMtu})`);
          return NF_DROP;
        }
        newmss = (minMtu - MINLEN) & 0xffff;
      }
      if (opts) {
        for (let i = 0; i + 4 <= opts.length; i += optStep(opts, i)) {
          if (opts[i] === 2 && opts[i + 1] === 4) {
            const oldmss = (opts[i + 2]! << 8) | opts[i + 3]!;
            // never increase the MSS, even when setting it
            if (oldmss <= newmss) return XT_CONTINUE;
            const o = opts.slice();
            o[i + 2] = newmss >>> 8;
            o[i + 3] = newmss & 0xff;
            p.tcpOptions = o;
            return XT_CONTINUE;
          }
        }
      }
      // no MSS option: add one only to a header without data, if doff has room
      if (len > hdrLen || hdrLen >= 60) return XT_CONTINUE;
      newmss = Math.min(newmss, 536); // RFC 1122 default send MSS
      const o = new Uint8Array(hdrLen - 20 + 4);
      o[0] = 2;
      o[1] = 4;
      o[2] = newmss >>> 8;
      o[3] = newmss & 0xff;
      if (opts) o.set(opts, 4);
      p.tcpOptions = o;
      if (p.len > 0) p.len += 4;
      return XT_CONTINUE;
    };
  },
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
