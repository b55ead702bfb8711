/**
 * limit match (libxt_limit / xt_limit). iptables-nft stores it as a native
 * nft `limit` expression (add_nft_limit) and rebuilds the xt data from it
 * (nft_parse_limit): the average is re-derived from rate and unit, and a
 * burst of 0 comes back as the kernel's default of 5.
 */
import { paramError } from "../core/errors.js";
import { defineMatch, XTOPT_PUT, XtType } from "./api.js";
import { cAtoi, isCasePrefix } from "./misc1-util.js";
import { ruleStateCache } from "./stateful-util.js";

const LIMIT_SCALE = 10000;
const DEFAULT_BURST = 5;
/** NFT_LIMIT_PKT_BURST_DEFAULT: what nft_limit_init() puts for a zero burst. */
const NFT_DEFAULT_BURST = 5;

const O_LIMIT = 0;
const O_BURST = 1;

export interface LimitData {
  /** Average period between packets, in 1/10000 s. */
  avg: number;
  burst: number;
}

const RATES: ReadonlyArray<readonly [string, number]> = [
  ["day", LIMIT_SCALE * 24 * 60 * 60],
  ["hour", LIMIT_SCALE * 60 * 60],
  ["min", LIMIT_SCALE * 60],
  ["sec", LIMIT_SCALE],
];

/** parse_rate(): "N[/second|minute|hour|day]" (any prefix of the unit name). */
function parseRate(rate: string): number | undefined {
  let mult = 1;
  const slash = rate.indexOf("/");
  if (slash >= 0) {
    const unit = rate.slice(slash + 1);
    if (unit.length === 0) return undefined;
    if (isCasePrefix(unit, "second")) mult = 1;
    else if (isCasePrefix(unit, "minute")) mult = 60;
    else if (isCasePrefix(unit, "hour")) mult = 60 * 60;
    else if (isCasePrefix(unit, "day")) mult = 24 * 60 * 60;
    else return undefined;
  }
  const r = cAtoi(rate) >>> 0;
  if (!r) return undefined;
  const val = Math.floor((LIMIT_SCALE * mult) / r);
  // the rate maps to infinity
  if (val === 0) throw paramError(`Rate too fast "${rate}"`);
  return val;
}

/** The unit index print_rate() and add_nft_limit() pick for a period. */
function rateIndex(period: number): number {
  let i = 1;
  for (; i < RATES.length; i++) {
    const mult = RATES[i]![1];
    if (period > mult || Math.floor(mult / period) < mult % period) break;
  }
  return i - 1;
}

function printRate(period: number): string {
  if (period === 0) return " inf";
  const [name, mult] = RATES[rateIndex(period)]!;
  return ` ${Math.floor(mult / period)}/${name}`;
}

export const limitMatch = defineMatch<LimitData>({
  name: "limit",
  revision: 0,
  options: [
    { name: "limit", id: O_LIMIT, type: XtType.STRING },
    { name: "limit-burst", id: O_BURST, type: XtType.UINT32, flags: XTOPT_PUT, put: "burst", min: 0, max: 10000 },
  ],
  init: () => ({ avg: parseRate("3/hour")!, burst: DEFAULT_BURST }),
  parse(cb) {
    if (cb.entry.id === O_LIMIT) {
      const avg = parseRate(cb.arg);
      if (avg === undefined) throw paramError(`bad rate "${cb.arg}"'`);
      cb.data.avg = avg;
    }
  },
  normalize(d) {
    // nft limit: rate per unit (seconds), then avg = SCALE * unit / rate
    const mult = RATES[rateIndex(d.avg)]![1];
    const rate = Math.floor(mult / d.avg);
    const unit = mult / LIMIT_SCALE;
    return { avg: Math.floor((LIMIT_SCALE * unit) / rate) >>> 0, burst: d.burst === 0 ? NFT_DEFAULT_BURST : d.burst };
  },
  compile(d) {
    // iptables-nft runs limit as a native nft limit expression (add_nft_limit): rate per unit
    // seconds, and nft_limit_pkts_eval() keeps a token bucket in nanoseconds
    const mult = RATES[rateIndex(d.avg)]![1];
    const rate = Math.floor(mult / d.avg);
    const nsecs = BigInt(mult / LIMIT_SCALE) * 1_000_000_000n;
    const burst = d.burst === 0 ? NFT_DEFAULT_BURST : d.burst;
    const costBig = nsecs / BigInt(rate);
    const maxBig = costBig * BigInt(burst);
    if (maxBig <= BigInt(Number.MAX_SAFE_INTEGER)) {
      const cost = Number(costBig);
      const max = Number(maxBig);
      const state = ruleStateCache(d, (ctx) => ({ tokens: max, last: ctx.nowNs }));
      return (_p, ctx) => {
        const st = state(ctx);
        const now = ctx.nowNs;
        const elapsed = now - st.last;
        let tokens = elapsed >= max - st.tokens ? max : st.tokens + elapsed;
        st.last = now;
        if (tokens >= cost) {
          tokens -= cost;
          st.tokens = tokens;
          return true;
        }
        st.tokens = tokens;
        return false;
      };
    }
    const state = ruleStateCache(d, (ctx) => ({ tokens: maxBig, last: BigInt(ctx.nowNs) }));
    return (_p, ctx) => {
      const st = state(ctx);
      const now = BigInt(ctx.nowNs);
      let tokens = st.tokens + now - st.last;
      if (tokens > maxBig) tokens = maxBig;
      st.last = now;
      const ok = tokens >= costBig;
      st.tokens = ok ? tokens - costBig : tokens;
      return ok;
    };
  },
  print: (d) => ` limit: avg${printRate(d.avg)} burst ${d.burst}`,
  save: (d) => ` --limit${printRate(d.avg)}${d.burst !== DEFAULT_BURST ? ` --limit-burst ${d.burst}` : ""}`,
  help: () =>
    "limit match options:\n" +
    "--limit avg\t\t\tmax average match rate: default 3/hour\n" +
    "                                [Packets per second unless followed by \n" +
    "                                /sec /minute /hour /day postfixes]\n" +
    `--limit-burst number\t\tnumber to match in a burst, default ${DEFAULT_BURST}\n`,
});
