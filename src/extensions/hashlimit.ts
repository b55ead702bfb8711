/**
 * hashlimit match, revision 3 (libxt_hashlimit / xt_hashlimit): per-bucket
 * token buckets in packets or bytes, optional rate-match mode. The kernel
 * (HZ=250 here) refuses bursts whose credit computation overflows.
 */
import { paramError, rawError } from "../core/errors.js";
import { xtStrtoul } from "../core/cnum.js";
import { defineMatch, type OptionCall, XTOPT_INVERT, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { cAtoi, cAtoll, isCasePrefix, procNameOk, u64 } from "./misc1-util.js";

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

export const hashlimitMatch = defineMatch<HashlimitData>({
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
