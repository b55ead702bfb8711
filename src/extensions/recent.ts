/**
 * recent match, revision 1 (libxt_recent / xt_recent): named address lists
 * with set/check/update/remove, age and hit-count conditions, a mask.
 */
import { paramError } from "../core/errors.js";
import { formatIPv4 } from "../core/ipv4.js";
import { defineMatch, NF_INET_FORWARD, NF_INET_POST_ROUTING, XTOPT_INVERT, XTOPT_PUT, XtType } from "./api.js";
import { asInt32, procNameOk } from "./misc1-util.js";
import { HZ, jiffiesAt, namedObject } from "./stateful-util.js";

const RECENT_CHECK = 1 << 0;
const RECENT_SET = 1 << 1;
const RECENT_UPDATE = 1 << 2;
const RECENT_REMOVE = 1 << 3;
const RECENT_TTL = 1 << 4;
const RECENT_REAP = 1 << 5;
const RECENT_MODIFIERS = RECENT_TTL | RECENT_REAP;
const SOURCE = 0;
const DEST = 1;
/** XT_RECENT_NAME_LEN */
const NAME_LEN = 200;
/** XT_RECENT_MAX_NSTAMPS of this kernel: hit counts up to 65535. */
const MAX_NSTAMPS = 65536;

const O_SET = 0;
const O_RCHECK = 1;
const O_UPDATE = 2;
const O_REMOVE = 3;
const O_SECONDS = 4;
const O_REAP = 5;
const O_HITCOUNT = 6;
const O_RTTL = 7;
const O_NAME = 8;
const O_RSOURCE = 9;
const O_RDEST = 10;
const O_MASK = 11;
const F_SET = 1 << O_SET;
const F_RCHECK = 1 << O_RCHECK;
const F_UPDATE = 1 << O_UPDATE;
const F_REMOVE = 1 << O_REMOVE;
const F_SECONDS = 1 << O_SECONDS;
const F_ANY_OP = F_SET | F_RCHECK | F_UPDATE | F_REMOVE;

export interface RecentData {
  seconds: number;
  hitCount: number;
  checkSet: number;
  invert: number;
  name: string;
  side: number;
  /** The IPv4 mask (first word of the nf_inet_addr union). */
  mask: number;
  /**
   * --mask zeroes the other 12 bytes of the union, the default leaves them
   * 0xff: invisible in the text, but -D/-C compare them.
   */
  maskGiven: boolean;
}

function printText(d: RecentData): string {
  let out = d.invert ? " !" : "";
  out += " recent:";
  if (d.checkSet & RECENT_SET) out += " SET";
  if (d.checkSet & RECENT_CHECK) out += " CHECK";
  if (d.checkSet & RECENT_UPDATE) out += " UPDATE";
  if (d.checkSet & RECENT_REMOVE) out += " REMOVE";
  if (d.seconds) out += ` seconds: ${asInt32(d.seconds)}`;
  if (d.checkSet & RECENT_REAP) out += " reap";
  if (d.hitCount) out += ` hit_count: ${asInt32(d.hitCount)}`;
  if (d.checkSet & RECENT_TTL) out += " TTL-Match";
  out += ` name: ${d.name}`;
  if (d.side === SOURCE) out += " side: source";
  if (d.side === DEST) out += " side: dest";
  out += ` mask: ${formatIPv4(d.mask)}`;
  return out;
}

function saveText(d: RecentData): string {
  let out = d.invert ? " !" : "";
  if (d.checkSet & RECENT_SET) out += " --set";
  if (d.checkSet & RECENT_CHECK) out += " --rcheck";
  if (d.checkSet & RECENT_UPDATE) out += " --update";
  if (d.checkSet & RECENT_REMOVE) out += " --remove";
  if (d.seconds) out += ` --seconds ${asInt32(d.seconds)}`;
  if (d.checkSet & RECENT_REAP) out += " --reap";
  if (d.hitCount) out += ` --hitcount ${asInt32(d.hitCount)}`;
  if (d.checkSet & RECENT_TTL) out += " --rttl";
  out += ` --name ${d.name}`;
  out += ` --mask ${formatIPv4(d.mask)}`;
  if (d.side === SOURCE) out += " --rsource";
  if (d.side === DEST) out += " --rdest";
  return out;
}

/** ip_list_tot: addresses remembered per list (module parameter, default). */
const IP_LIST_TOT = 100;

interface RecentEntry {
  addr: number;
  ttl: number;
  /** jiffies of the last hits, a ring of nstamps_max_mask + 1 slots. */
  stamps: number[];
  index: number;
  nstamps: number;
}

/** struct recent_table: entries by address, in LRU order (Map order: oldest first). */
export interface RecentTable {
  mask: number;
  nstampsMaxMask: number;
  entries: Map<number, RecentEntry>;
}

/** The rule's wish for the stamp ring (recent_mt_check(), ip_pkt_list_tot = 0). */
function nstampMask(hitCount: number): number {
  if (!hitCount) return 31;
  let p = 1;
  while (p < hitCount) p *= 2;
  return p - 1;
}

/** The recent list `name` of the host (/proc/net/xt_recent/NAME), if a rule created it. */
export function recentTable(shared: Map<string, unknown>, name: string): RecentTable | undefined {
  return (shared.get("xt:recent") as Map<string, RecentTable> | undefined)?.get(name);
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}

export const recentMatch = defineMatch<RecentData>({
  name: "recent",
  revision: 1,
  options: [
    { name: "set", id: O_SET, type: XtType.NONE, excl: F_ANY_OP, flags: XTOPT_INVERT },
    { name: "rcheck", id: O_RCHECK, type: XtType.NONE, excl: F_ANY_OP, flags: XTOPT_INVERT },
    { name: "update", id: O_UPDATE, type: XtType.NONE, excl: F_ANY_OP, flags: XTOPT_INVERT },
    { name: "remove", id: O_REMOVE, type: XtType.NONE, excl: F_ANY_OP, flags: XTOPT_INVERT },
    { name: "seconds", id: O_SECONDS, type: XtType.UINT32, flags: XTOPT_PUT, put: "seconds", min: 1 },
    { name: "reap", id: O_REAP, type: XtType.NONE, also: F_SECONDS },
    { name: "hitcount", id: O_HITCOUNT, type: XtType.UINT32, flags: XTOPT_PUT, put: "hitCount" },
    { name: "rttl", id: O_RTTL, type: XtType.NONE, excl: F_SET | F_REMOVE },
    { name: "name", id: O_NAME, type: XtType.STRING, flags: XTOPT_PUT, put: "name", size: NAME_LEN },
    { name: "rsource", id: O_RSOURCE, type: XtType.NONE },
    { name: "rdest", id: O_RDEST, type: XtType.NONE },
    { name: "mask", id: O_MASK, type: XtType.HOST, flags: XTOPT_PUT, put: "mask" },
  ],
  init: () => ({
    seconds: 0,
    hitCount: 0,
    checkSet: 0,
    invert: 0,
    name: "DEFAULT",
    side: SOURCE,
    mask: 0xffffffff,
    maskGiven: false,
  }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_SET:
        d.checkSet |= RECENT_SET;
        if (cb.invert) d.invert = 1;
        break;
      case O_RCHECK:
        d.checkSet |= RECENT_CHECK;
        if (cb.invert) d.invert = 1;
        break;
      case O_UPDATE:
        d.checkSet |= RECENT_UPDATE;
        if (cb.invert) d.invert = 1;
        break;
      case O_REMOVE:
        d.checkSet |= RECENT_REMOVE;
        if (cb.invert) d.invert = 1;
        break;
      case O_RTTL:
        d.checkSet |= RECENT_TTL;
        break;
      case O_RSOURCE:
        d.side = SOURCE;
        break;
      case O_RDEST:
        d.side = DEST;
        break;
      case O_REAP:
        d.checkSet |= RECENT_REAP;
        break;
      case O_MASK:
        d.maskGiven = true;
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.xflags & F_ANY_OP))
      throw paramError("recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'");
  },
  print: (d) => printText(d),
  save: (d) => saveText(d),
  compareKey: (d) => `${saveText(d)}${d.maskGiven ? "\u0000mask" : ""}`,
  compile(d) {
    const cs = d.checkSet;
    const isSet = (cs & RECENT_SET) !== 0;
    const isRemove = (cs & RECENT_REMOVE) !== 0;
    const isCheck = (cs & (RECENT_CHECK | RECENT_UPDATE)) !== 0;
    const isUpdate = (cs & RECENT_UPDATE) !== 0;
    const useTtl = (cs & RECENT_TTL) !== 0;
    const reap = (cs & RECENT_REAP) !== 0;
    const seconds = d.seconds >>> 0;
    // info->seconds * HZ is computed in 32 bits
    const window = Math.imul(seconds, HZ) >>> 0;
    const hitCount = d.hitCount >>> 0;
    const dest = d.side === DEST;
    const wantMask = nstampMask(hitCount);
    let shared: Map<string, unknown> | null = null;
    let t: RecentTable | undefined;
    const remove = (e: RecentEntry) => t!.entries.delete(e.addr);
    return (p, ctx) => {
      if (ctx.shared !== shared) {
        // recent_mt_check(): the first rule creates the list with its mask; a rule wanting a
        // longer stamp ring flushes it
        shared = ctx.shared;
        t = namedObject<RecentTable>(ctx, "recent", d.name, () => ({
          mask: d.mask >>> 0,
          nstampsMaxMask: wantMask,
          entries: new Map(),
        }));
        if (wantMask > t.nstampsMaxMask) {
          t.entries.clear();
          t.nstampsMaxMask = wantMask;
        }
      }
      const tbl = t!;
      let ret = d.invert !== 0;
      const addr = ((dest ? p.dst : p.src) & tbl.mask) >>> 0;
      let ttl = p.ttl & 0xff;
      // the TTL as seen before forwarding: an output device and no socket (a forwarded packet;
      // the host's own packets, replies included, carry one)
      const h = ctx.hook;
      if (h === NF_INET_FORWARD || (h === NF_INET_POST_ROUTING && p.inDev !== "")) ttl = (ttl + 1) & 0xff;
      const now = jiffiesAt(ctx.nowNs);
      const want = useTtl ? ttl : 0;
      let e = tbl.entries.get(addr);
      if (e && !(want === e.ttl || want === 0 || e.ttl === 0)) e = undefined;
      if (!e) {
        if (!isSet) return ret;
        // recent_entry_init(): a full list forgets its least recently seen address
        if (tbl.entries.size >= IP_LIST_TOT) {
          const oldest = tbl.entries.keys().next().value as number;
          tbl.entries.delete(oldest);
        }
        const stamps = new Array<number>(tbl.nstampsMaxMask + 1).fill(0);
        stamps[0] = now;
        tbl.entries.set(addr, { addr, ttl, stamps, index: 1, nstamps: 1 });
        return !ret;
      }
      if (isSet) ret = !ret;
      else if (isRemove) {
        remove(e);
        ret = !ret;
      } else if (isCheck) {
        const time = now - window;
        let hits = 0;
        for (let i = 0; i < e.nstamps; i++) {
          if (seconds && e.stamps[i]! < time) continue;
          if (!hitCount || ++hits >= hitCount) {
            ret = !ret;
            break;
          }
        }
        if (reap) {
          // recent_entry_reap(): the least recently seen entry goes if its last hit is too old,
          // unless it is the one about to be updated
          const head = tbl.entries.values().next().value as RecentEntry;
          if (!(head === e && isUpdate && ret) && head.stamps[(head.index - 1) & 0xffff]! < time) remove(head);
        }
      }
      if (isSet || (isUpdate && ret)) {
        // recent_entry_update(): a new stamp, and the entry becomes the most recently seen
        e.index &= tbl.nstampsMaxMask;
        e.stamps[e.index++] = now;
        if (e.index > e.nstamps) e.nstamps = e.index;
        tbl.entries.delete(e.addr);
        tbl.entries.set(e.addr, e);
        e.ttl = ttl;
      }
      return ret;
    };
  },
  kernelCheck(d, ctx) {
    // checkentry runs at insertion only; jumps into a user chain do not re-run it
    if (!ctx.checkentry) return undefined;
    const ops = d.checkSet & (RECENT_SET | RECENT_REMOVE | RECENT_CHECK | RECENT_UPDATE);
    if (popcount(ops) !== 1) return { errno: "EINVAL" };
    if (d.checkSet & (RECENT_SET | RECENT_REMOVE) && (d.seconds || d.hitCount || d.checkSet & RECENT_MODIFIERS))
      return { errno: "EINVAL" };
    if (d.checkSet & RECENT_REAP && !d.seconds) return { errno: "EINVAL" };
    if (d.hitCount >= MAX_NSTAMPS) return { errno: "EINVAL" };
    if (!procNameOk(d.name)) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "recent match options:\n" +
    "[!] --set                       Add source address to list, always matches.\n" +
    "[!] --rcheck                    Match if source address in list.\n" +
    "[!] --update                    Match if source address in list, also update last-seen time.\n" +
    "[!] --remove                    Match if source address in list, also removes that address from list.\n" +
    "    --seconds seconds           For check and update commands above.\n" +
    "                                Specifies that the match will only occur if source address last seen within\n" +
    "                                the last 'seconds' seconds.\n" +
    "    --reap                      Purge entries older then 'seconds'.\n" +
    "                                Can only be used in conjunction with the seconds option.\n" +
    "    --hitcount hits             For check and update commands above.\n" +
    "                                Specifies that the match will only occur if source address seen hits times.\n" +
    "                                May be used in conjunction with the seconds option.\n" +
    "    --rttl                      For check and update commands above.\n" +
    "                                Specifies that the match will only occur if the source address and the TTL\n" +
    "                                match between this packet and the one which was set.\n" +
    "                                Useful if you have problems with people spoofing their source address in order\n" +
    "                                to DoS you via this module.\n" +
    "    --name name                 Name of the recent list to be used.  DEFAULT used if none given.\n" +
    "    --rsource                   Match/Save the source address of each packet in the recent list table (default).\n" +
    "    --rdest                     Match/Save the destination address of each packet in the recent list table.\n" +
    "    --mask netmask              Netmask that will be applied to this recent list.\n" +
    "xt_recent by: Stephen Frost <sfrost@snowman.net>.\n",
});
