/**
 * rpfilter match (libxt_rpfilter / ipt_rpfilter): reverse path filter.
 * The kernel allows it only in the raw and mangle tables, from PREROUTING.
 */
import { RTN_BROADCAST, RTN_LOCAL, RTN_UNICAST } from "../engine/context.js";
import { defineMatch, HOOK_PRE, XtType } from "./api.js";
import { structKey } from "./misc2-util.js";
import { PACKET_LOOPBACK } from "./pkt-util.js";

const XT_RPFILTER_LOOSE = 1 << 0;
const XT_RPFILTER_VALID_MARK = 1 << 1;
const XT_RPFILTER_ACCEPT_LOCAL = 1 << 2;
const XT_RPFILTER_INVERT = 1 << 3;

/**
 * ipv4_is_zeronet() (0.0.0.0 only on this kernel: addrtype calls 0.1.2.3 UNICAST), limited
 * broadcast and multicast: inet_addr_type() answers for them without a lookup, fib_lookup() does not.
 */
function specialAddr(a: number): boolean {
  return a === 0 || a === 0xffffffff || a >>> 28 === 0xe;
}

const NAMES = ["loose", "validmark", "accept-local", "invert"];

export interface RpfilterData {
  flags: number;
}

function flagsText(d: RpfilterData, prefix: string): string {
  return NAMES.filter((_n, i) => d.flags & (1 << i))
    .map((n) => ` ${prefix}${n}`)
    .join("");
}

export const rpfilterMatch = defineMatch<RpfilterData>({
  name: "rpfilter",
  revision: 0,
  options: NAMES.map((name, id) => ({ name, id, type: XtType.NONE })),
  init: () => ({ flags: 0 }),
  parse(cb) {
    // XT_RPFILTER_LOOSE, _VALID_MARK, _ACCEPT_LOCAL, _INVERT are bits 0..3 in option order
    cb.data.flags |= 1 << cb.entry.id;
  },
  print: (d) => ` rpfilter${flagsText(d, "")}`,
  save: (d) => flagsText(d, "--"),
  compareKey: (d) => structKey("rpfilter", d),
  compile(d) {
    // rpfilter_mt(): a route back to the source, out of the interface the packet came in on
    const inv = (d.flags & XT_RPFILTER_INVERT) !== 0;
    const loose = (d.flags & XT_RPFILTER_LOOSE) !== 0;
    const validMark = (d.flags & XT_RPFILTER_VALID_MARK) !== 0;
    const acceptLocal = (d.flags & XT_RPFILTER_ACCEPT_LOCAL) !== 0;
    return (p, ctx) => {
      if (p.pktType === PACKET_LOOPBACK || p.inDev === "lo") return !inv;
      const src = p.src >>> 0;
      const dst = p.dst >>> 0;
      // DHCP and the like: 0.0.0.0 to 255.255.255.255 or 224.0.0.x
      if (src === 0 && (dst === 0xffffffff || dst >>> 8 === 0xe00000)) return !inv;
      const saddr = specialAddr(dst) ? 0 : dst;
      const dev = ctx.net.routeDev(src, saddr, validMark ? p.mark : 0);
      let ok = dev !== "";
      if (ok) {
        // the lookup's route type: local-table entries are what addrType reports, the rest is unicast
        // (a rejecting route has no device, so it failed above)
        const t = specialAddr(src) ? RTN_UNICAST : ctx.net.addrType(src, "");
        const type = t === RTN_LOCAL || t === RTN_BROADCAST ? t : RTN_UNICAST;
        if (type !== RTN_UNICAST && (type !== RTN_LOCAL || !acceptLocal)) ok = false;
        else ok = dev === p.inDev || loose;
      }
      return ok !== inv;
    };
  },
  kernelCheck(d, ctx) {
    // .hooks = PRE_ROUTING (also checked through jumps); rpfilter_check(): known flags, raw/mangle only
    if (ctx.hookMask & ~HOOK_PRE) return { errno: "EINVAL" };
    if (!ctx.checkentry) return undefined;
    if (d.flags & ~0xf) return { errno: "EINVAL" };
    if (ctx.table !== "mangle" && ctx.table !== "raw") return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "rpfilter match options:\n" +
    "    --loose          permit reverse path via any interface\n" +
    "    --validmark      use skb nfmark when performing route lookup\n" +
    "    --accept-local   do not reject packets with a local source address\n" +
    "    --invert         match packets that failed the reverse path test\n",
});
