/**
 * statistic match (libxt_statistic / xt_statistic): random sampling with a
 * 31-bit probability, or every nth packet.
 */
import { paramError } from "../core/errors.js";
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { cLround, formatFixedRational } from "./misc1-util.js";
import { ruleStateCache } from "./stateful-util.js";

const MODE_RANDOM = 0;
const MODE_NTH = 1;
const STATISTIC_INVERT = 1;

const O_MODE = 0;
const O_PROBABILITY = 1;
const O_EVERY = 2;
const O_PACKET = 3;
const F_PROBABILITY = 1 << O_PROBABILITY;
const F_EVERY = 1 << O_EVERY;
const F_PACKET = 1 << O_PACKET;

export interface StatisticData {
  mode: number;
  flags: number;
  /** Probability as a fraction of 2^31. */
  probability: number;
  /** n - 1 for --every n. */
  every: number;
  packet: number;
}

function printMatch(d: StatisticData, prefix: string): string {
  const inv = d.flags & STATISTIC_INVERT ? " !" : "";
  if (d.mode === MODE_RANDOM) {
    const p = formatFixedRational(BigInt(d.probability), 0x80000000n, 11);
    return ` ${prefix}mode random${inv} ${prefix}probability ${p}`;
  }
  if (d.mode === MODE_NTH) {
    let out = ` ${prefix}mode nth${inv} ${prefix}every ${(d.every + 1) >>> 0}`;
    if (d.packet || prefix) out += ` ${prefix}packet ${d.packet}`;
    return out;
  }
  return "";
}

export const statisticMatch = defineMatch<StatisticData>({
  name: "statistic",
  revision: 0,
  options: [
    { name: "mode", id: O_MODE, type: XtType.STRING, flags: XTOPT_MAND },
    {
      name: "probability",
      id: O_PROBABILITY,
      type: XtType.DOUBLE,
      flags: XTOPT_INVERT,
      min: 0,
      max: 1,
      excl: F_EVERY | F_PACKET,
    },
    {
      name: "every",
      id: O_EVERY,
      type: XtType.UINT32,
      min: 1,
      flags: XTOPT_INVERT | XTOPT_PUT,
      put: "every",
      excl: F_PROBABILITY,
      also: F_PACKET,
    },
    {
      name: "packet",
      id: O_PACKET,
      type: XtType.UINT32,
      flags: XTOPT_PUT,
      put: "packet",
      excl: F_PROBABILITY,
      also: F_EVERY,
    },
  ],
  init: () => ({ mode: MODE_RANDOM, flags: 0, probability: 0, every: 0, packet: 0 }),
  parse(cb) {
    const d = cb.data;
    if (cb.invert) d.flags |= STATISTIC_INVERT;
    switch (cb.entry.id) {
      case O_MODE:
        if (cb.arg === "random") d.mode = MODE_RANDOM;
        else if (cb.arg === "nth") d.mode = MODE_NTH;
        else throw paramError(`Bad mode "${cb.arg}"`);
        break;
      case O_PROBABILITY:
        d.probability = cLround(0x80000000 * cb.val.dbl) >>> 0;
        break;
      case O_EVERY:
        d.every = (d.every - 1) >>> 0;
        break;
    }
  },
  finalCheck(cb) {
    const d = cb.data;
    if (d.mode === MODE_RANDOM && !(cb.xflags & F_PROBABILITY))
      throw paramError("--probability must be specified when using random mode");
    if (d.mode === MODE_NTH && !(cb.xflags & (F_EVERY | F_PACKET)))
      throw paramError("--every and --packet must be specified when using nth mode");
    // every has been decremented already
    if (d.packet > d.every) throw paramError("the --packet p must be 0 <= p <= n-1");
  },
  compile(d) {
    const inv = (d.flags & STATISTIC_INVERT) !== 0;
    if (d.mode === MODE_RANDOM) {
      // (prandom_u32() & 0x7FFFFFFF) < probability
      const prob = d.probability >>> 0;
      return (_p, ctx) => (ctx.random32() & 0x7fffffff) < prob !== inv;
    }
    // statistic_mt_check(): the counter (an atomic_t) starts at u.nth.count = every - packet
    const every = d.every | 0;
    const state = ruleStateCache(d, () => ({ count: (d.every - d.packet) | 0 }));
    return (_p, ctx) => {
      const st = state(ctx);
      const nval = st.count === every ? 0 : (st.count + 1) | 0;
      st.count = nval;
      return (nval === 0) !== inv;
    };
  },
  print: (d) => ` statistic${printMatch(d, "")}`,
  save: (d) => printMatch(d, "--"),
  help: () =>
    "statistic match options:\n" +
    " --mode mode                    Match mode (random, nth)\n" +
    " random mode:\n" +
    "[!] --probability p\t\t Probability\n" +
    " nth mode:\n" +
    "[!] --every n\t\t\t Match every nth packet\n" +
    " --packet p\t\t\t Initial counter value (0 <= p <= n-1, default 0)\n",
});
