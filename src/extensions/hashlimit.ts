/**
 * hashlimit match, revision 3 (libxt_hashlimit / xt_hashlimit): per-bucket
 * token buckets in packets or bytes, optional rate-match mode. The kernel
 * (HZ=250 here) refuses bursts whose credit computation overflows.
 */

import { xtStrtoul } from "../core/cnum.js";
import { paramError, rawError } from "../core/errors.js";
import type { Packet } from "../core/packet.js";
import type { EvalContext } from "../engine/context.js";
import { defineMatch, type OptionCall, XTOPT_INVERT, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { cAtoi, cAtoll, isCasePrefix, procNameOk, u64 } from "./misc1-util.js";
import { l4Avail, rawL4, rawU16 } from "./pkt-util.js";
import { jiffiesAt, msecsToJiffies, namedObject } from "./stateful-util.js";

const HASH_DIP = 1 << 0;
const HASH_DPT = 1 << 1;
const HASH_SIP = 1 << 2;
const HASH_SPT = 1 << 3;
const INVERT = 1 << 4;
const BYTES = 1 << 5;
const RATE_MATCH = 1 << 6;
const HASH_ANY = HASH_DIP | HASH_DPT | HASH_SIP | HASH_SPT;

const BURST_DEFAULT = 5;
const BURST_MAX = 1000000n;
const BYTE_EXPIRE = 15;
const BYTE_EXPIRE_BURST = 60;
const GCINTERVAL = 1000;
const SCALE = 1000000n;
const BYTE_SHIFT = 4n;
const UINT32_MAX = 0xffffffffn;
const UINT64_MAX = 0xffffffffffffffffn;
/** NAME_MAX: the name buffer of revision 2 and 3. */
const NAME_SIZE = 255;

/** HZ of the kernel the golden files were recorded on. */
const HZ = 250n;
/** CREDITS_PER_JIFFY (64-bit) and CREDITS_PER_JIFFY_BYTES for that HZ. */
const CREDITS_PER_JIFFY = pow2Below(UINT64_MAX / (HZ * 60n * 60n * 24n));
const CREDITS_PER_JIFFY_BYTES = pow2Below(UINT32_MAX / HZ);

const O_UPTO = 0;
const O_ABOVE = 1;
const O_MODE = 3;
const O_SRCMASK = 4;
const O_DSTMASK = 5;
const O_NAME = 6;
const O_BURST = 7;
const O_HTABLE_SIZE = 8;
const O_HTABLE_MAX = 9;
const O_HTABLE_GCINT = 10;
const O_HTABLE_EXPIRE = 11;
const O_RATEMATCH = 12;
const O_INTERVAL = 13;
const F_UPTO = 1 << O_UPTO;
const F_ABOVE = 1 << O_ABOVE;
const F_BURST = 1 << O_BURST;
const F_HTABLE_EXPIRE = 1 << O_HTABLE_EXPIRE;
const F_RATEMATCH = 1 << O_RATEMATCH;

export interface HashlimitData {
  name: string;
  mode: number;
  avg: bigint;
  burst: bigint;
  size: number;
  max: number;
  gcInterval: number;
  expire: number;
  interval: number;
  srcmask: number;
  dstmask: number;
}

function pow2Below(x: bigint): bigint {
  let p = 1n;
  while (p * 2n <= x) p *= 2n;
  return p;
}

function costToBytes(cost: bigint): bigint {
  const r = cost ? UINT32_MAX / cost : UINT32_MAX;
  return u64((r - 1n) << BYTE_SHIFT);
}

/** iptables dies of SIGFPE on an integer division by zero. */
function divisionByZero(): never {
  throw rawError(136, "Floating point exception\n");
}

function bytesToCost(bytes: bigint): bigint {
  const r = (bytes >> BYTE_SHIFT) & UINT32_MAX;
  const d = (r + 1n) & UINT32_MAX;
  if (d === 0n) divisionByZero();
  return UINT32_MAX / d;
}

function factorOf(c: string | undefined): bigint {
  if (c === "m") return 1024n * 1024n;
  if (c === "k") return 1024n;
  return 1n;
}

function burstError(): never {
  throw paramError(`bad value for option "--hashlimit-burst", or out of range (1-${BURST_MAX}).`);
}

/** parse_burst(): a count, or bytes with a k/m suffix; garbage after it is ignored. */
function parseBurst(arg: string): bigint {
  const r = xtStrtoul(arg, 1, UINT64_MAX);
  if (!r.ok || (r.end === arg.length && r.big > BURST_MAX)) burstError();
  return u64(r.big * factorOf(arg[r.end]));
}

/** parse_bytes(): "N[k|m]b/s" into a cost; sets the expiry multiplier. */
function parseBytes(rate: string, ud: Record<string, unknown>): bigint | undefined {
  const at = rate.indexOf("b/s");
  if (at <= 0) return undefined;
  const r = u64(cAtoll(rate));
  if (r === 0n) return undefined;
  const bytes = u64(r * factorOf(rate[at - 1]));
  const cost = bytesToCost(bytes);
  if (cost === 0n) throw paramError(`Rate too high "${rate}"`);
  ud.mult = BYTE_EXPIRE;
  return cost;
}

/** parse_rate(): "N[/second|minute|hour|day]" into 1/1000000 s units. */
function parseRate(rate: string, ud: Record<string, unknown>): bigint | undefined {
  ud.mult = 1;
  const slash = rate.indexOf("/");
  if (slash >= 0) {
    const unit = rate.slice(slash + 1);
    if (unit.length === 0) return undefined;
    if (isCasePrefix(unit, "second")) ud.mult = 1;
    else if (isCasePrefix(unit, "minute")) ud.mult = 60;
    else if (isCasePrefix(unit, "hour")) ud.mult = 60 * 60;
    else if (isCasePrefix(unit, "day")) ud.mult = 24 * 60 * 60;
    else return undefined;
  }
  const r = u64(cAtoll(rate));
  if (!r) return undefined;
  const tmp = (SCALE * BigInt(ud.mult as number)) / r;
  if (tmp === 0n) throw paramError(`Rate too fast "${rate}"`);
  return tmp;
}

/** parse_mode(): tokens separated by ',' or '|'. */
function parseMode(arg: string): number | undefined {
  let mode = 0;
  for (const tok of arg.split(/[,|]/)) {
    if (tok === "") continue;
    if (tok === "dstip") mode |= HASH_DIP;
    else if (tok === "srcip") mode |= HASH_SIP;
    else if (tok === "srcport") mode |= HASH_SPT;
    else if (tok === "dstport") mode |= HASH_DPT;
    else return undefined;
  }
  return mode;
}

function badValue(opt: string, arg: string): never {
  throw paramError(`hashlimit: Bad value for "${opt}" option: "${arg}"`);
}

function parseLimit(cb: OptionCall<HashlimitData>, opt: string): void {
  const d = cb.data;
  const cost = parseBytes(cb.arg, cb.udata);
  if (cost !== undefined) {
    d.avg = cost;
    d.mode |= BYTES;
    return;
  }
  const avg = parseRate(cb.arg, cb.udata);
  if (avg === undefined) badValue(opt, cb.arg);
  d.avg = avg;
}

const RATES: ReadonlyArray<readonly [string, bigint]> = [
  ["day", SCALE * 24n * 60n * 60n],
  ["hour", SCALE * 60n * 60n],
  ["min", SCALE * 60n],
  ["sec", SCALE],
];

/** print_rate(): the text and the quantum (ms) the default expiry would be. */
function printRate(period: bigint): [string, number] {
  if (period === 0n) return [" inf", 0];
  let i = 1;
  for (; i < RATES.length; i++) {
    const mult = RATES[i]![1];
    if (period > mult || mult / period < mult % period) break;
  }
  const [name, mult] = RATES[i - 1]!;
  return [` ${mult / period}/${name}`, Number((mult / SCALE) * 1000n)];
}

const UNITS: ReadonlyArray<readonly [string, bigint]> = [
  ["m", 1024n * 1024n],
  ["k", 1024n],
  ["", 1n],
];

/** print_bytes(): rate and burst in bytes with the largest exact unit. */
function printBytes(avg: bigint, burst: bigint, prefix: string): [string, number] {
  let r = costToBytes(avg);
  let i = 0;
  for (; i < UNITS.length - 1; i++) {
    const thresh = UNITS[i]![1];
    // ~(thresh - 1) is computed in 32 bits, then widened
    if (r >= thresh && bytesToCost(r & (~(thresh - 1n) & UINT32_MAX)) === avg) break;
  }
  let out = ` ${r / UNITS[i]![1]}${UNITS[i]![0]}b/s`;
  if (burst === 0n) return [out, BYTE_EXPIRE * 1000];
  r = u64(r * burst);
  out += ` ${prefix}`;
  for (i = 0; i < UNITS.length - 1; i++) if (r >= UNITS[i]![1]) break;
  out += `burst ${r / UNITS[i]![1]}${UNITS[i]![0]}b`;
  return [out, BYTE_EXPIRE_BURST * 1000];
}

function printMode(mode: number, sep: string): string {
  const parts: string[] = [];
  if (mode & HASH_SIP) parts.push("srcip");
  if (mode & HASH_SPT) parts.push("srcport");
  if (mode & HASH_DIP) parts.push("dstip");
  if (mode & HASH_DPT) parts.push("dstport");
  return ` ${parts.join(sep)}`;
}

function printText(d: HashlimitData): string {
  let out = d.mode & INVERT ? " limit: above" : " limit: up to";
  let quantum: number;
  if (d.mode & BYTES) {
    const [t, q] = printBytes(d.avg, d.burst, "");
    out += t;
    quantum = q;
  } else {
    let period = d.avg;
    if (d.interval !== 0) period = u64(period * BigInt(d.interval));
    const [t, q] = printRate(period);
    out += `${t} burst ${d.burst}`;
    quantum = q;
  }
  if (d.mode & HASH_ANY) out += ` mode${printMode(d.mode, "-")}`;
  if (d.size !== 0) out += ` htable-size ${d.size}`;
  if (d.max !== 0) out += ` htable-max ${d.max}`;
  if (d.gcInterval !== GCINTERVAL) out += ` htable-gcinterval ${d.gcInterval}`;
  if (d.expire !== quantum) out += ` htable-expire ${d.expire}`;
  if (d.srcmask !== 32) out += ` srcmask ${d.srcmask}`;
  if (d.dstmask !== 32) out += ` dstmask ${d.dstmask}`;
  if (d.mode & RATE_MATCH) {
    out += " rate-match";
    if (d.interval !== 1) out += ` rate-interval ${d.interval}`;
  }
  return out;
}

function saveText(d: HashlimitData): string {
  let out = d.mode & INVERT ? " --hashlimit-above" : " --hashlimit-upto";
  let quantum: number;
  if (d.mode & BYTES) {
    const [t, q] = printBytes(d.avg, d.burst, "--hashlimit-");
    out += t;
    quantum = q;
  } else {
    const [t, q] = printRate(d.avg);
    out += `${t} --hashlimit-burst ${d.burst}`;
    quantum = q;
  }
  if (d.mode & HASH_ANY) out += ` --hashlimit-mode${printMode(d.mode, ",")}`;
  out += ` --hashlimit-name ${d.name}`;
  if (d.size !== 0) out += ` --hashlimit-htable-size ${d.size}`;
  if (d.max !== 0) out += ` --hashlimit-htable-max ${d.max}`;
  if (d.gcInterval !== GCINTERVAL) out += ` --hashlimit-htable-gcinterval ${d.gcInterval}`;
  if (d.expire !== quantum) out += ` --hashlimit-htable-expire ${d.expire}`;
  if (d.srcmask !== 32) out += ` --hashlimit-srcmask ${d.srcmask}`;
  if (d.dstmask !== 32) out += ` --hashlimit-dstmask ${d.dstmask}`;
  if (d.mode & RATE_MATCH) {
    out += " --hashlimit-rate-match";
    if (d.interval !== 1) out += ` --hashlimit-rate-interval ${d.interval}`;
  }
  return out;
}

/** user2credits() of revision 2+: HZ * CREDITS_PER_JIFFY exceeds the scale here. */
function user2credits(user: bigint): bigint {
  const hzCpj = HZ * CREDITS_PER_JIFFY;
  if (SCALE >= hzCpj) return user / (SCALE / hzCpj);
  return u64(user * (hzCpj / SCALE));
}

function user2creditsByte(user: bigint): bigint {
  return ((user & UINT32_MAX) * HZ * CREDITS_PER_JIFFY_BYTES) >> 32n;
}

// ---- packet semantics (hashlimit_mt_common, revision 3) ----

/** htable_create(): buckets when no size is given (this machine has more than 1 GiB of RAM). */
const DEFAULT_HTABLE_SIZE = 8192;
const CPJB_HZ = CREDITS_PER_JIFFY_BYTES * HZ;

/** struct dsthash_ent: the bucket's token state. */
interface HashEnt {
  expires: number;
  prev: number;
  // packet and byte mode
  credit: bigint;
  creditCap: bigint;
  cost: bigint;
  // rate-match mode
  interval: number;
  prevWindow: boolean;
  currentRate: bigint;
  rate: bigint;
  burst: bigint;
}

/** struct xt_hashlimit_htable: the creating rule's configuration and the buckets by masked tuple. */
export interface HashlimitTable {
  cfg: HashlimitData;
  max: number;
  /** src → dst → ports (sport << 16 | dport) → bucket. */
  buckets: Map<number, Map<number, Map<number, HashEnt>>>;
  count: number;
  /** jiffies of the next garbage collection run. */
  nextGc: number;
  gcJiffies: number;
}

/** The hashlimit table `name` of the host (/proc/net/ipt_hashlimit/NAME), if a rule created it. */
export function hashlimitTable(shared: Map<string, unknown>, name: string): HashlimitTable | undefined {
  return (shared.get("xt:hashlimit") as Map<string, HashlimitTable> | undefined)?.get(name);
}

function maskl(a: number, l: number): number {
  return l ? (a & (0xffffffff << (32 - l))) >>> 0 : 0;
}

/** proto_ports_offset() */
function portsOffset(proto: number): number {
  switch (proto) {
    case 6:
    case 17:
    case 33:
    case 50:
    case 132:
    case 136:
      return 0;
    case 51:
      return 4;
    default:
      return -1;
  }
}

function createTable(d: HashlimitData, now: number): HashlimitTable {
  const size = d.size >>> 0 || DEFAULT_HTABLE_SIZE;
  let max = d.max >>> 0;
  if (max === 0) max = 8 * size;
  else if (max < size) max = size;
  const gcJiffies = msecsToJiffies(d.gcInterval >>> 0);
  return { cfg: d, max, buckets: new Map(), count: 0, nextGc: now + gcJiffies, gcJiffies: Math.max(1, gcJiffies) };
}

/** htable_gc() runs every gc_interval: buckets whose expiry time has come go away. */
function runGc(ht: HashlimitTable, now: number): void {
  while (ht.nextGc <= now) {
    const at = ht.nextGc;
    let minExp = Number.POSITIVE_INFINITY;
    for (const [src, bySrc] of ht.buckets) {
      for (const [dst, byDst] of bySrc) {
        for (const [ports, ent] of byDst) {
          if (at >= ent.expires) {
            byDst.delete(ports);
            ht.count--;
          } else if (ent.expires < minExp) minExp = ent.expires;
        }
        if (byDst.size === 0) bySrc.delete(dst);
      }
      if (bySrc.size === 0) ht.buckets.delete(src);
    }
    // the next run that can change anything
    const target = Math.min(minExp, now + 1);
    ht.nextGc += Math.max(1, Math.ceil((target - at) / ht.gcJiffies)) * ht.gcJiffies;
  }
}

/** rateinfo_init() with the table's configuration. */
function rateinfoInit(cfg: HashlimitData, now: number): HashEnt {
  const e: HashEnt = {
    expires: 0,
    prev: now,
    credit: 0n,
    creditCap: 0n,
    cost: 0n,
    interval: 0,
    prevWindow: false,
    currentRate: 0n,
    rate: 0n,
    burst: 0n,
  };
  if (cfg.mode & RATE_MATCH) {
    if (cfg.mode & BYTES) {
      // user2rate_bytes()
      const user = cfg.avg & UINT32_MAX;
      const r = user ? UINT32_MAX / user : UINT32_MAX;
      e.rate = u64((r - 1n) << BYTE_SHIFT);
      e.burst = cfg.burst ? u64(cfg.burst * e.rate) : e.rate;
    } else {
      // user2rate()
      e.rate = cfg.avg !== 0n ? SCALE / cfg.avg : 0n;
      e.burst = u64(cfg.burst + e.rate);
    }
    e.interval = cfg.interval >>> 0;
  } else if (cfg.mode & BYTES) {
    e.credit = CPJB_HZ;
    e.cost = user2creditsByte(cfg.avg);
    e.creditCap = cfg.burst;
  } else {
    e.credit = user2credits(u64(cfg.avg * cfg.burst));
    e.cost = user2credits(cfg.avg);
    e.creditCap = e.credit;
  }
  return e;
}

/** rateinfo_recalc() with the table's mode. */
function rateinfoRecalc(e: HashEnt, now: number, mode: number): void {
  const delta = now - e.prev;
  if (delta === 0) return;
  if (mode & RATE_MATCH) {
    // dh->rateinfo.interval * HZ is computed in 32 bits
    const interval = BigInt(Math.imul(e.interval, Number(HZ)) >>> 0);
    if (BigInt(delta) < interval) return;
    e.prev = now;
    e.prevWindow = u64(e.currentRate * interval) > u64(BigInt(delta) * e.rate);
    e.currentRate = 0n;
    return;
  }
  e.prev = now;
  let cap: bigint;
  if (mode & BYTES) {
    const tmp = e.credit;
    e.credit = u64(e.credit + CREDITS_PER_JIFFY_BYTES * BigInt(delta));
    cap = CPJB_HZ;
    if (tmp >= e.credit) {
      e.credit = cap;
      return;
    }
  } else {
    e.credit = u64(e.credit + BigInt(delta) * CREDITS_PER_JIFFY);
    cap = e.creditCap;
  }
  if (e.credit > cap) e.credit = cap;
}

/** hashlimit_byte_cost() */
function byteCost(len: number, e: HashEnt): bigint {
  let tmp = BigInt((len >>> Number(BYTE_SHIFT)) + 1) * e.cost;
  if (tmp > CPJB_HZ) tmp = CPJB_HZ;
  if (e.credit < tmp && e.creditCap) {
    e.creditCap--;
    e.credit = CPJB_HZ;
  }
  return tmp & UINT32_MAX;
}

function compileHashlimit(d: HashlimitData): (p: Packet, ctx: EvalContext) => boolean {
  const ruleRateMatch = (d.mode & RATE_MATCH) !== 0;
  const ruleBytes = (d.mode & BYTES) !== 0;
  const inv = (d.mode & INVERT) !== 0;
  let shared: Map<string, unknown> | null = null;
  let ht: HashlimitTable | undefined;
  return (p, ctx) => {
    const now = jiffiesAt(ctx.nowNs);
    if (ctx.shared !== shared) {
      // hashlimit_mt_check_common(): tables are shared by name; the first rule's configuration rules
      shared = ctx.shared;
      ht = namedObject<HashlimitTable>(ctx, "hashlimit", d.name, () => createTable(d, now));
    }
    const t = ht!;
    const cfg = t.cfg;
    runGc(t, now);
    // hashlimit_init_dst() with the table's mode and masks
    const mode = cfg.mode;
    const dst = mode & HASH_DIP ? maskl(p.dst >>> 0, cfg.dstmask) : 0;
    const src = mode & HASH_SIP ? maskl(p.src >>> 0, cfg.srcmask) : 0;
    let ports = 0;
    if (mode & (HASH_DPT | HASH_SPT)) {
      const poff = portsOffset(p.proto);
      if (poff >= 0) {
        // the ports must be in the packet, or it is dropped
        if (l4Avail(p) < poff + 4) {
          ctx.hotdrop = true;
          return false;
        }
        const raw = rawL4(p);
        const sp = raw ? rawU16(p, poff) : p.sport;
        const dp = raw ? rawU16(p, poff + 2) : p.dport;
        ports = ((mode & HASH_SPT ? sp << 16 : 0) | (mode & HASH_DPT ? dp : 0)) >>> 0;
      }
    }
    let bySrc = t.buckets.get(src);
    let byDst = bySrc?.get(dst);
    let e = byDst?.get(ports);
    const expireJ = msecsToJiffies(cfg.expire >>> 0);
    if (!e) {
      if (t.count >= t.max) {
        // "max count of %u reached": the packet is dropped
        ctx.hotdrop = true;
        return false;
      }
      e = rateinfoInit(cfg, now);
      if (!bySrc) t.buckets.set(src, (bySrc = new Map()));
      if (!byDst) bySrc.set(dst, (byDst = new Map()));
      byDst.set(ports, e);
      t.count++;
      e.expires = now + expireJ;
    } else {
      e.expires = now + expireJ;
      rateinfoRecalc(e, now, mode);
    }
    const len = p.len > 0 ? p.len : p.ihl + p.l4HeaderLen + (p.payload?.length ?? 0);
    if (ruleRateMatch) {
      e.currentRate += ruleBytes ? BigInt(len) : 1n;
      if (!e.prevWindow && e.currentRate <= u64(e.burst)) return !inv;
      return inv;
    }
    const cost = ruleBytes ? byteCost(len, e) : e.cost;
    if (e.credit >= cost) {
      e.credit -= cost;
      return !inv;
    }
    return inv;
  };
}

export const hashlimitMatch = defineMatch<HashlimitData>({
  udata: true,
  name: "hashlimit",
  revision: 3,
  options: [
    { name: "hashlimit-upto", id: O_UPTO, excl: F_ABOVE, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "hashlimit-above", id: O_ABOVE, excl: F_UPTO, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "hashlimit", id: O_UPTO, excl: F_ABOVE, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "hashlimit-srcmask", id: O_SRCMASK, type: XtType.PLEN },
    { name: "hashlimit-dstmask", id: O_DSTMASK, type: XtType.PLEN },
    { name: "hashlimit-burst", id: O_BURST, type: XtType.STRING },
    { name: "hashlimit-htable-size", id: O_HTABLE_SIZE, type: XtType.UINT32, flags: XTOPT_PUT, put: "size" },
    { name: "hashlimit-htable-max", id: O_HTABLE_MAX, type: XtType.UINT32, flags: XTOPT_PUT, put: "max" },
    {
      name: "hashlimit-htable-gcinterval",
      id: O_HTABLE_GCINT,
      type: XtType.UINT32,
      flags: XTOPT_PUT,
      put: "gcInterval",
    },
    { name: "hashlimit-htable-expire", id: O_HTABLE_EXPIRE, type: XtType.UINT32, flags: XTOPT_PUT, put: "expire" },
    { name: "hashlimit-mode", id: O_MODE, type: XtType.STRING },
    {
      name: "hashlimit-name",
      id: O_NAME,
      type: XtType.STRING,
      flags: XTOPT_MAND | XTOPT_PUT,
      put: "name",
      min: 1,
      size: NAME_SIZE,
    },
    { name: "hashlimit-rate-match", id: O_RATEMATCH, type: XtType.NONE },
    { name: "hashlimit-rate-interval", id: O_INTERVAL, type: XtType.STRING },
  ],
  init: () => ({
    name: "",
    mode: 0,
    avg: 0n,
    burst: BigInt(BURST_DEFAULT),
    size: 0,
    max: 0,
    gcInterval: GCINTERVAL,
    expire: 0,
    interval: 0,
    srcmask: 32,
    dstmask: 32,
  }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_BURST:
        d.burst = parseBurst(cb.arg);
        break;
      case O_UPTO:
        if (cb.invert) d.mode |= INVERT;
        parseLimit(cb, "--hashlimit-upto");
        break;
      case O_ABOVE:
        if (!cb.invert) d.mode |= INVERT;
        parseLimit(cb, "--hashlimit-above");
        break;
      case O_MODE: {
        const m = parseMode(cb.arg);
        if (m === undefined) badValue("--hashlimit-mode", cb.arg);
        d.mode |= m;
        break;
      }
      case O_SRCMASK:
        d.srcmask = cb.val.hlen & 0xff;
        break;
      case O_DSTMASK:
        d.dstmask = cb.val.hlen & 0xff;
        break;
      case O_RATEMATCH:
        d.mode |= RATE_MATCH;
        break;
      case O_INTERVAL: {
        const r = cAtoi(cb.arg);
        if (r <= 0) badValue("--hashlimit-rate-interval", cb.arg);
        d.interval = r;
        break;
      }
    }
  },
  finalCheck(cb) {
    const d = cb.data;
    const mult = (cb.udata.mult as number | undefined) ?? 0;
    if (!(cb.xflags & (F_UPTO | F_ABOVE))) throw paramError("You have to specify --hashlimit");
    if (!(cb.xflags & F_HTABLE_EXPIRE)) d.expire = (mult * 1000) >>> 0;
    if (d.mode & BYTES) {
      let burst = 0n;
      if (cb.xflags & F_BURST) {
        const unit = costToBytes(d.avg);
        if (d.burst < unit) throw paramError(`burst cannot be smaller than ${unit}b`);
        // rates under 16 bytes/s cost 0 bytes
        if (unit === 0n) divisionByZero();
        // a uint32_t in the C code
        burst = (d.burst & UINT32_MAX) / unit;
        if (d.burst % unit) burst++;
        burst &= UINT32_MAX;
        if (!(cb.xflags & F_HTABLE_EXPIRE)) d.expire = BYTE_EXPIRE_BURST * 1000;
      }
      d.burst = burst;
    } else if (d.burst > BURST_MAX) burstError();
    if (cb.xflags & F_RATEMATCH) {
      if (!(d.mode & BYTES)) d.avg /= BigInt(mult);
      if (d.interval === 0) d.interval = d.mode & BYTES ? 1 : mult;
    }
  },
  print: (d) => printText(d),
  save: (d) => saveText(d),
  compile: (d) => compileHashlimit(d),
  // the interval is part of the data even when the text leaves it out
  compareKey: (d) => `${saveText(d)}\u0000${d.interval}`,
  kernelCheck(d, ctx) {
    // checkentry runs at insertion only; jumps into a user chain do not re-run it
    if (!ctx.checkentry) return undefined;
    if (!procNameOk(d.name)) return { errno: "EINVAL" };
    if (d.gcInterval === 0 || d.expire === 0) return { errno: "EINVAL" };
    if (d.srcmask > 32 || d.dstmask > 32) return { errno: "EINVAL" };
    if (d.mode & RATE_MATCH) {
      if (d.avg === 0n || d.avg > UINT32_MAX) return { errno: "ERANGE" };
      if (d.interval === 0) return { errno: "EINVAL" };
    } else if (d.mode & BYTES) {
      if (user2creditsByte(d.avg) === 0n) return { errno: "EINVAL" };
    } else if (d.burst === 0n || user2credits(u64(d.avg * d.burst)) < user2credits(d.avg)) {
      return { errno: "ERANGE" };
    }
    // htable_create(): kvmalloc() refuses more than INT_MAX bytes of buckets
    if (d.size >= 0x10000000) return { errno: "ENOMEM" };
    return undefined;
  },
  help: () =>
    "hashlimit match options:\n" +
    "  --hashlimit-upto <avg>           max average match rate\n" +
    "                                   [Packets per second unless followed by \n" +
    "                                   /sec /minute /hour /day postfixes]\n" +
    "  --hashlimit-above <avg>          min average match rate\n" +
    "  --hashlimit-mode <mode>          mode is a comma-separated list of\n" +
    "                                   dstip,srcip,dstport,srcport (or none)\n" +
    "  --hashlimit-srcmask <length>     source address grouping prefix length\n" +
    "  --hashlimit-dstmask <length>     destination address grouping prefix length\n" +
    "  --hashlimit-name <name>          name for /proc/net/ipt_hashlimit\n" +
    `  --hashlimit-burst <num>\t    number to match in a burst, default ${BURST_DEFAULT}\n` +
    "  --hashlimit-htable-size <num>    number of hashtable buckets\n" +
    "  --hashlimit-htable-max <num>     number of hashtable entries\n" +
    "  --hashlimit-htable-gcinterval    interval between garbage collection runs\n" +
    "  --hashlimit-htable-expire        after which time are idle entries expired?\n" +
    "  --hashlimit-rate-match           rate match the flow without rate-limiting it\n" +
    "  --hashlimit-rate-interval        interval in seconds for hashlimit-rate-match\n" +
    "\n",
});
