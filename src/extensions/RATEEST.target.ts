/**
 * RATEEST target (libxt_RATEEST / xt_RATEEST): feed a named rate
 * estimator. The interval and averaging constant are given as times and
 * stored as the kernel's log2 codes. The kernel keeps one estimator per
 * name in the network namespace: a rule naming an existing one with other
 * parameters is refused.
 */
import { paramError } from "../core/errors.js";
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, type ExtensionBase, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { totalLen } from "./pkt-util.js";
import { advanceEstimator, type RateEstimator, rateEstimator } from "./rate-estimator.js";

export interface RateestTargetData {
  name: string;
  /** __s8 interval: log2(interval / 250ms), -2..3 */
  interval: number;
  /** __u8 ewma_log */
  ewmaLog: number;
}

const O_NAME = 0;
const O_INTERVAL = 1;
const O_EWMALOG = 2;
const TIME_UNITS_PER_SEC = 1000000;
/** IFNAMSIZ */
const NAME_SIZE = 16;

/** The number glibc strtod() reads at the start of s, and where it stopped (end 0: none). */
export function cStrtodPrefix(s: string): { value: number; end: number } {
  const ws = /^[ \t\n\v\f\r]*/.exec(s)![0].length;
  const rest = s.slice(ws);
  let m = /^([+-]?)(inf(?:inity)?|nan(?:\([0-9A-Za-z_]*\))?)/i.exec(rest);
  if (m) {
    const neg = m[1] === "-";
    const v = m[2]![0]!.toLowerCase() === "i" ? Infinity : Number.NaN;
    return { value: neg ? -v : v, end: ws + m[0].length };
  }
  m = /^([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))([pP][+-]?[0-9]+)?/.exec(rest);
  if (m) {
    const [ip, fp = ""] = m[2]!.split(".");
    let v = 0;
    for (const c of `${ip}${fp}`) v = v * 16 + Number.parseInt(c, 16);
    v /= 16 ** fp.length;
    if (m[3]) v *= 2 ** Number(m[3].slice(1));
    return { value: m[1] === "-" ? -v : v, end: ws + m[0].length };
  }
  m = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(rest);
  if (m) return { value: Number(m[0]), end: ws + m[0].length };
  return { value: 0, end: 0 };
}

/** (unsigned int) of a double as gcc on x86-64 converts it: via int64, NaN and overflow give 0. */
function doubleToUint32(t: number): number {
  if (Number.isNaN(t) || Math.abs(t) >= 2 ** 63) return 0;
  return Number(BigInt(Math.trunc(t)) & 0xffffffffn);
}

/** RATEEST_get_time(): a time in microseconds, or undefined. */
function getTime(str: string): number | undefined {
  const r = cStrtodPrefix(str);
  if (r.end === 0) return undefined;
  let t = r.value;
  const unit = str.slice(r.end).toLowerCase();
  if (unit !== "") {
    if (unit === "s" || unit === "sec" || unit === "secs") t *= TIME_UNITS_PER_SEC;
    else if (unit === "ms" || unit === "msec" || unit === "msecs") t *= TIME_UNITS_PER_SEC / 1000;
    else if (unit === "us" || unit === "usec" || unit === "usecs") t *= TIME_UNITS_PER_SEC / 1000000;
    else return undefined;
  }
  return doubleToUint32(t);
}

/** printf("%.<prec>f", x) with glibc's exact round-half-even. */
export function printfFixed(x: number, prec: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
  const neg = x < 0 || Object.is(x, -0);
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const bits = buf.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  let exp: number;
  if (expBits === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  let num = mant * 10n ** BigInt(prec);
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  let digits = q.toString().padStart(prec + 1, "0");
  if (prec > 0) digits = `${digits.slice(0, -prec)}.${digits.slice(-prec)}`;
  return (neg ? "-" : "") + digits;
}

/** RATEEST_print_time() */
function timeText(time: number): string {
  if (time >= TIME_UNITS_PER_SEC) return ` ${printfFixed(time / TIME_UNITS_PER_SEC, 1)}s`;
  if (time >= TIME_UNITS_PER_SEC / 1000) return ` ${printfFixed(time / (TIME_UNITS_PER_SEC / 1000), 1)}ms`;
  return ` ${time}us`;
}

function rateestText(d: RateestTargetData, prefix: string): string {
  const localInterval = Math.floor((TIME_UNITS_PER_SEC * 2 ** (d.interval + 2)) / 4) >>> 0;
  const localEwmaLog = Number((BigInt(localInterval) << BigInt(d.ewmaLog)) & 0xffffffffn);
  return ` ${prefix}name ${d.name} ${prefix}interval${timeText(localInterval)} ${prefix}ewmalog${timeText(localEwmaLog)}`;
}

interface RateestUdata {
  interval?: number;
  ewmaLog?: number;
}

export const rateestTarget = defineTarget<RateestTargetData>({
  udata: true,
  name: "RATEEST",
  revision: 0,
  options: [
    {
      name: "rateest-name",
      id: O_NAME,
      type: XtType.STRING,
      flags: XTOPT_MAND | XTOPT_PUT,
      put: "name",
      size: NAME_SIZE,
    },
    { name: "rateest-interval", id: O_INTERVAL, type: XtType.STRING, flags: XTOPT_MAND },
    { name: "rateest-ewmalog", id: O_EWMALOG, type: XtType.STRING, flags: XTOPT_MAND },
  ],
  init: () => ({ name: "", interval: 0, ewmaLog: 0 }),
  parse(cb) {
    const u = cb.udata as RateestUdata;
    if (cb.entry.id === O_INTERVAL) {
      u.interval = getTime(cb.arg);
      if (u.interval === undefined) throw paramError(`RATEEST: bad interval value "${cb.arg}"`);
    } else if (cb.entry.id === O_EWMALOG) {
      u.ewmaLog = getTime(cb.arg);
      if (u.ewmaLog === undefined) throw paramError(`RATEEST: bad ewmalog value "${cb.arg}"`);
    }
  },
  finalCheck(cb) {
    // RATEEST_final_check(): runs before the mandatory-option check, on zeroed udata
    const u = cb.udata as RateestUdata;
    const uInterval = u.interval ?? 0;
    const uEwma = u.ewmaLog ?? 0;
    let interval = 0;
    for (; interval <= 5; interval++) if (uInterval <= 2 ** interval * (TIME_UNITS_PER_SEC / 4)) break;
    if (interval > 5) throw paramError("RATEEST: interval value is too large");
    let ewma = 1;
    for (; ewma < 32; ewma++) {
      const w = 1.0 - 1.0 / (1 << ewma);
      if (uInterval / -Math.log(w) > uEwma) break;
    }
    ewma--;
    if (ewma === 0 || ewma >= 31) throw paramError("RATEEST: ewmalog value is out of range");
    cb.data.interval = interval - 2;
    cb.data.ewmaLog = ewma;
  },
  print: (d) => rateestText(d, ""),
  save: (d) => rateestText(d, "--rateest-"),
  compile(d) {
    // xt_rateest_tg(): count the packet into the named estimator (the first rule's parameters)
    let shared: Map<string, unknown> | null = null;
    let est: RateEstimator | undefined;
    return (p, ctx) => {
      if (ctx.shared !== shared) {
        shared = ctx.shared;
        est = rateEstimator(ctx, d.name, d.interval, d.ewmaLog);
      }
      // the periods that ended before this packet sample the counters without it
      advanceEstimator(est!, ctx.nowNs);
      est!.bytes += totalLen(p);
      est!.packets++;
      return XT_CONTINUE;
    };
  },
  kernelCheck(d, ctx) {
    // xt_rateest_tg_checkentry(): an estimator of that name must have the same parameters
    if (!ctx.peers) return undefined;
    for (const p of ctx.peers()) {
      if ((p.ext as ExtensionBase<unknown>) !== (rateestTarget as ExtensionBase<unknown>)) continue;
      const o = p.data as RateestTargetData;
      if (o.name !== d.name) continue;
      if ((!d.interval && !d.ewmaLog) || d.interval !== o.interval || d.ewmaLog !== o.ewmaLog)
        return { errno: "EINVAL" };
    }
    return undefined;
  },
  help: () =>
    "RATEEST target options:\n" +
    "  --rateest-name name\t\tRate estimator name\n" +
    "  --rateest-interval sec\tRate measurement interval in seconds\n" +
    "  --rateest-ewmalog value\tRate measurement averaging time constant\n",
});
