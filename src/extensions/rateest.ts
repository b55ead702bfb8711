/**
 * rateest match (libxt_rateest / xt_rateest): compares rate estimators
 * created by RATEEST target rules. Without such an estimator the kernel
 * refuses the rule with ENOENT.
 */
import { xtStrtouiWhole } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { defineMatch, type KernelCheckContext, type OptionCall, XtType } from "./api.js";
import { cStrtodPrefix, doubleToU32, formatDouble0 } from "./misc1-util.js";
import { findRateEstimator, type RateEstimator, readEstimator } from "./rate-estimator.js";

const MATCH_INVERT = 1 << 0;
const MATCH_ABS = 1 << 1;
const MATCH_REL = 1 << 2;
const MATCH_DELTA = 1 << 3;
const MATCH_BPS = 1 << 4;
const MATCH_PPS = 1 << 5;
const MODE_EQ = 1;
const MODE_LT = 2;
const MODE_GT = 3;
/** IFNAMSIZ - 1 characters are copied. */
const NAME_CHARS = 15;

const OPT_RATEEST1 = 0;
const OPT_RATEEST2 = 1;
const OPT_BPS1 = 2;
const OPT_PPS1 = 3;
const OPT_BPS2 = 4;
const OPT_PPS2 = 5;
const OPT_DELTA = 6;
const OPT_LT = 7;
const OPT_GT = 8;
const OPT_EQ = 9;

export interface RateestData {
  name1: string;
  name2: string;
  flags: number;
  mode: number;
  bps1: number;
  pps1: number;
  bps2: number;
  pps2: number;
}

/** Rate suffixes (from iproute2), scale in bits per second. */
const SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ["bit", 1],
  ["Kibit", 1024],
  ["kbit", 1000],
  ["Mibit", 1024 * 1024],
  ["mbit", 1000000],
  ["Gibit", 1024 * 1024 * 1024],
  ["gbit", 1000000000],
  ["Tibit", 1024 * 1024 * 1024 * 1024],
  ["tbit", 1000000000000],
  ["Bps", 8],
  ["KiBps", 8 * 1024],
  ["KBps", 8000],
  ["MiBps", 8 * 1024 * 1024],
  ["MBps", 8000000],
  ["GiBps", 8 * 1024 * 1024 * 1024],
  ["GBps", 8000000000],
  ["TiBps", 8 * 1024 * 1024 * 1024 * 1024],
  ["TBps", 8000000000000],
];

/** rateest_get_rate(): bytes per second from "N[suffix]" (bare numbers are bits). */
function getRate(str: string): number | undefined {
  const r = cStrtodPrefix(str);
  if (r.end === 0) return undefined;
  const rest = str.slice(r.end);
  if (rest === "") return doubleToU32(r.value / 8);
  for (const [name, scale] of SUFFIXES) {
    if (name.toLowerCase() === rest.toLowerCase()) return doubleToU32((r.value * scale) / 8);
  }
  return undefined;
}

/** The optional value after --rateest-bps/pps: the next word unless it looks like an option. */
function optionalArg(cb: OptionCall<RateestData>): string | undefined {
  const g = cb.getopt;
  const next = g.argv[g.optind];
  if (next === undefined || next[0] === "-" || next[0] === "!") return undefined;
  g.optind++;
  return next;
}

function once(cb: OptionCall<RateestData>, id: number, what: string): void {
  if (cb.xflags & (1 << id)) throw paramError(`rateest: can't specify ${what} twice`);
  cb.xflags |= 1 << id;
}

function noInvert(cb: OptionCall<RateestData>, what: string): void {
  if (cb.invert) throw paramError(`rateest: ${what} can't be inverted`);
}

function parseBps(cb: OptionCall<RateestData>): number | undefined {
  const arg = optionalArg(cb);
  if (arg === undefined) return undefined;
  const v = getRate(arg);
  if (v === undefined) throw paramError(`rateest: could not parse rate \`${arg}'`);
  return v;
}

function parsePps(cb: OptionCall<RateestData>): number | undefined {
  const arg = optionalArg(cb);
  if (arg === undefined) return undefined;
  const v = xtStrtouiWhole(arg, 0, 0xffffffff);
  if (v === undefined) throw paramError(`rateest: could not parse pps \`${arg}'`);
  return v;
}

function setMode(cb: OptionCall<RateestData>, id: number, mode: number): void {
  if (cb.xflags & (1 << id)) throw paramError("rateest: can't specify lt/gt/eq twice");
  cb.xflags |= 1 << id;
  cb.data.mode = mode;
  if (cb.invert) cb.data.flags |= MATCH_INVERT;
}

function printRate(rate: number, numeric: boolean): string {
  if (numeric) return ` ${rate}`;
  const tmp = rate * 8;
  if (tmp >= 1000.0 * 1000000.0) return ` ${formatDouble0(tmp / 1000000.0)}Mbit`;
  if (tmp >= 1000.0 * 1000.0) return ` ${formatDouble0(tmp / 1000.0)}Kbit`;
  return ` ${formatDouble0(tmp)}bit`;
}

function printMode(d: RateestData, prefix: string): string {
  const inv = d.flags & MATCH_INVERT ? " !" : "";
  const name = d.mode === MODE_EQ ? "eq" : d.mode === MODE_LT ? "lt" : d.mode === MODE_GT ? "gt" : "";
  return `${inv} ${prefix}${name}`;
}

function saveRate(d: RateestData, name: string, r1: number, r2: number, numeric: boolean): string {
  let out: string;
  if (d.flags & MATCH_DELTA) {
    out = ` --rateest-${name}1${printRate(r1, numeric)}${printMode(d, "--rateest-")} --rateest-${name}2`;
  } else {
    out = `${printMode(d, "--rateest-")} --rateest-${name}`;
  }
  if (d.flags & (MATCH_ABS | MATCH_DELTA)) out += printRate(r2, numeric);
  return out;
}

function saveRates(d: RateestData): string {
  let out = "";
  if (d.flags & MATCH_BPS) out += saveRate(d, "bps", d.bps1, d.bps2, false);
  if (d.flags & MATCH_PPS) out += saveRate(d, "pps", d.pps1, d.pps2, true);
  return out;
}

/** A RATEEST target instance the kernel holds with that estimator name. */
function estimatorExists(ctx: KernelCheckContext, name: string): boolean {
  const peers = ctx.peers?.() ?? [];
  return peers.some((p) => p.ext.name === "RATEEST" && (p.data as { name?: unknown } | null)?.name === name);
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}

export const rateestMatch = defineMatch<RateestData>({
  name: "rateest",
  revision: 0,
  rawParse: true,
  options: [
    { name: "rateest1", id: OPT_RATEEST1, type: XtType.STRING },
    { name: "rateest", id: OPT_RATEEST1, type: XtType.STRING },
    { name: "rateest2", id: OPT_RATEEST2, type: XtType.STRING },
    { name: "rateest-bps1", id: OPT_BPS1, type: XtType.NONE },
    { name: "rateest-pps1", id: OPT_PPS1, type: XtType.NONE },
    { name: "rateest-bps2", id: OPT_BPS2, type: XtType.NONE },
    { name: "rateest-pps2", id: OPT_PPS2, type: XtType.NONE },
    { name: "rateest-bps", id: OPT_BPS2, type: XtType.NONE },
    { name: "rateest-pps", id: OPT_PPS2, type: XtType.NONE },
    { name: "rateest-delta", id: OPT_DELTA, type: XtType.NONE },
    { name: "rateest-lt", id: OPT_LT, type: XtType.NONE },
    { name: "rateest-gt", id: OPT_GT, type: XtType.NONE },
    { name: "rateest-eq", id: OPT_EQ, type: XtType.NONE },
  ],
  init: () => ({ name1: "", name2: "", flags: 0, mode: 0, bps1: 0, pps1: 0, bps2: 0, pps2: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case OPT_RATEEST1:
        noInvert(cb, "rateest");
        once(cb, OPT_RATEEST1, "--rateest1");
        d.name1 = cb.arg.slice(0, NAME_CHARS);
        break;
      case OPT_RATEEST2:
        noInvert(cb, "rateest");
        once(cb, OPT_RATEEST2, "--rateest2");
        d.name2 = cb.arg.slice(0, NAME_CHARS);
        d.flags |= MATCH_REL;
        break;
      case OPT_BPS1: {
        noInvert(cb, "rateest-bps");
        once(cb, OPT_BPS1, "--rateest-bps1");
        d.flags |= MATCH_BPS;
        const v = parseBps(cb);
        if (v !== undefined) d.bps1 = v;
        break;
      }
      case OPT_PPS1: {
        noInvert(cb, "rateest-pps");
        once(cb, OPT_PPS1, "--rateest-pps1");
        d.flags |= MATCH_PPS;
        const v = parsePps(cb);
        if (v !== undefined) d.pps1 = v;
        break;
      }
      case OPT_BPS2: {
        noInvert(cb, "rateest-bps");
        once(cb, OPT_BPS2, "--rateest-bps2");
        d.flags |= MATCH_BPS;
        const v = parseBps(cb);
        if (v !== undefined) d.bps2 = v;
        break;
      }
      case OPT_PPS2: {
        noInvert(cb, "rateest-pps");
        once(cb, OPT_PPS2, "--rateest-pps2");
        d.flags |= MATCH_PPS;
        const v = parsePps(cb);
        if (v !== undefined) d.pps2 = v;
        break;
      }
      case OPT_DELTA:
        noInvert(cb, "rateest-delta");
        once(cb, OPT_DELTA, "--rateest-delta");
        d.flags |= MATCH_DELTA;
        break;
      case OPT_EQ:
        setMode(cb, OPT_EQ, MODE_EQ);
        break;
      case OPT_LT:
        setMode(cb, OPT_LT, MODE_LT);
        break;
      case OPT_GT:
        setMode(cb, OPT_GT, MODE_GT);
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.data.flags & MATCH_REL)) cb.data.flags |= MATCH_ABS;
  },
  print(d, ctx) {
    const n = ctx.numeric;
    let out = ` rateest match ${d.name1}`;
    if (d.flags & MATCH_DELTA) out += " delta";
    if (d.flags & MATCH_BPS) {
      out += " bps";
      if (d.flags & MATCH_DELTA) out += printRate(d.bps1, n);
      if (d.flags & MATCH_ABS) out += printRate(d.bps2, n) + printMode(d, "");
    }
    if (d.flags & MATCH_PPS) {
      out += " pps";
      if (d.flags & MATCH_DELTA) out += ` ${d.pps1}`;
      if (d.flags & MATCH_ABS) out += `${printMode(d, "")} ${d.pps2}`;
    }
    if (d.flags & MATCH_REL) {
      out += `${printMode(d, "")} ${d.name2}`;
      if (d.flags & MATCH_BPS) {
        out += " bps";
        if (d.flags & MATCH_DELTA) out += printRate(d.bps2, n);
      }
      if (d.flags & MATCH_PPS) {
        out += " pps";
        if (d.flags & MATCH_DELTA) out += ` ${d.pps2}`;
      }
    }
    return out;
  },
  save(d) {
    let out = d.flags & MATCH_DELTA ? " --rateest-delta" : "";
    if (d.flags & MATCH_REL) out += ` --rateest1 ${d.name1}${saveRates(d)} --rateest2 ${d.name2}`;
    else out += ` --rateest ${d.name1}${saveRates(d)}`;
    return out;
  },
  compile(d) {
    // xt_rateest_mt(); an estimator no RATEEST rule has fed yet reads as zero rates
    const delta = (d.flags & MATCH_DELTA) !== 0;
    const abs = (d.flags & MATCH_ABS) !== 0;
    const bps = (d.flags & MATCH_BPS) !== 0;
    const pps = (d.flags & MATCH_PPS) !== 0;
    const inv = (d.flags & MATCH_INVERT) !== 0;
    const [b1, p1, b2, p2] = [d.bps1 >>> 0, d.pps1 >>> 0, d.bps2 >>> 0, d.pps2 >>> 0];
    const sample = (est: RateEstimator | undefined, nowNs: number) =>
      est ? readEstimator(est, nowNs) : { bps: 0, pps: 0 };
    return (_p, ctx) => {
      const s1 = sample(findRateEstimator(ctx, d.name1), ctx.nowNs);
      let bps1 = s1.bps;
      let pps1 = s1.pps;
      if (delta) {
        bps1 = b1 >= s1.bps ? b1 - s1.bps : 0;
        pps1 = p1 >= s1.pps ? p1 - s1.pps : 0;
      }
      let bps2: number;
      let pps2: number;
      if (abs) {
        bps2 = b2;
        pps2 = p2;
      } else {
        const s2 = sample(findRateEstimator(ctx, d.name2), ctx.nowNs);
        bps2 = delta ? (b2 >= s2.bps ? b2 - s2.bps : 0) : s2.bps;
        pps2 = delta ? (p2 >= s2.pps ? p2 - s2.pps : 0) : s2.pps;
      }
      let ret = true;
      if (d.mode === MODE_LT) {
        if (bps) ret &&= bps1 < bps2;
        if (pps) ret &&= pps1 < pps2;
      } else if (d.mode === MODE_GT) {
        if (bps) ret &&= bps1 > bps2;
        if (pps) ret &&= pps1 > pps2;
      } else if (d.mode === MODE_EQ) {
        if (bps) ret &&= bps1 === bps2;
        if (pps) ret &&= pps1 === pps2;
      }
      return ret !== inv;
    };
  },
  kernelCheck(d, ctx) {
    // checkentry runs at insertion only; jumps into a user chain do not re-run it
    if (!ctx.checkentry) return undefined;
    if (popcount(d.flags & (MATCH_ABS | MATCH_REL)) !== 1) return { errno: "EINVAL" };
    if (!(d.flags & (MATCH_BPS | MATCH_PPS))) return { errno: "EINVAL" };
    if (d.mode !== MODE_EQ && d.mode !== MODE_LT && d.mode !== MODE_GT) return { errno: "EINVAL" };
    // xt_rateest_lookup(): an estimator exists while a RATEEST rule names it
    if (!estimatorExists(ctx, d.name1)) return { errno: "ENOENT" };
    if (d.flags & MATCH_REL && !estimatorExists(ctx, d.name2)) return { errno: "ENOENT" };
    return undefined;
  },
  help: () =>
    "rateest match options:\n" +
    " --rateest1 name\t\tRate estimator name\n" +
    " --rateest2 name\t\tRate estimator name\n" +
    " --rateest-delta\t\tCompare difference(s) to given rate(s)\n" +
    " --rateest-bps1 [bps]\t\tCompare bps\n" +
    " --rateest-pps1 [pps]\t\tCompare pps\n" +
    " --rateest-bps2 [bps]\t\tCompare bps\n" +
    " --rateest-pps2 [pps]\t\tCompare pps\n" +
    " [!] --rateest-lt\t\tMatch if rate is less than given rate/estimator\n" +
    " [!] --rateest-gt\t\tMatch if rate is greater than given rate/estimator\n" +
    " [!] --rateest-eq\t\tMatch if rate is equal to given rate/estimator\n",
});
