/**
 * The kernel's rate estimator (net/core/gen_estimator.c) as RATEEST rules
 * feed it and the rateest match reads it: byte and packet counters sampled
 * by a timer every (HZ/4 << intvl_log) jiffies into EWMA averages scaled
 * by 2^8, run lazily on the virtual clock. One estimator per name
 * (xt_rateest_lookup), kept in the host's shared map.
 */
import type { EvalContext } from "../engine/context.js";
import { findNamedObject, HZ, jiffiesAt, namedObject } from "./stateful-util.js";

export interface RateEstimator {
  intvlLog: number;
  ewmaLog: number;
  /** est->bstats, counted by the RATEEST target. */
  bytes: number;
  packets: number;
  lastBytes: number;
  lastPackets: number;
  /** EWMA of bytes and packets per second, << 8. */
  avbps: number;
  avpps: number;
  nextJiffies: number;
  periodJiffies: number;
}

const KIND = "rateest";

/** x >> n for a non-negative integer below 2^53. */
function shr(x: number, n: number): number {
  return Math.floor(x / 2 ** n);
}

/** gen_new_estimator(): `interval` is the target's log2 code (-2..3), `ewmaLog` its averaging constant. */
export function rateEstimator(ctx: EvalContext, name: string, interval: number, ewmaLog: number): RateEstimator {
  return namedObject<RateEstimator>(ctx, KIND, name, () => {
    const intvlLog = interval + 2;
    const periodJiffies = Math.floor(HZ / 4) * 2 ** intvlLog;
    return {
      intvlLog,
      ewmaLog,
      bytes: 0,
      packets: 0,
      lastBytes: 0,
      lastPackets: 0,
      avbps: 0,
      avpps: 0,
      nextJiffies: jiffiesAt(ctx.nowNs) + periodJiffies,
      periodJiffies,
    };
  });
}

/** The estimator of that name, if a RATEEST rule created one. */
export function findRateEstimator(ctx: EvalContext, name: string): RateEstimator | undefined {
  return findNamedObject<RateEstimator>(ctx, KIND, name);
}

/** est_timer() for every period that has ended by `nowNs`. */
export function advanceEstimator(est: RateEstimator, nowNs: number): void {
  const now = jiffiesAt(nowNs);
  const e = est.ewmaLog;
  const scale = 10 - est.intvlLog;
  // a bound for absurd averaging constants (decay by av >> 30 per period): the rest is skipped
  let budget = 1_000_000;
  while (est.nextJiffies <= now && budget-- > 0) {
    const brate = shr((est.bytes - est.lastBytes) * 2 ** scale, e) - shr(est.avbps, e);
    const prate = shr((est.packets - est.lastPackets) * 2 ** scale, e) - shr(est.avpps, e);
    est.avbps += brate;
    est.avpps += prate;
    est.lastBytes = est.bytes;
    est.lastPackets = est.packets;
    est.nextJiffies += est.periodJiffies;
    if (shr(est.avbps, e) === 0 && shr(est.avpps, e) === 0) {
      // the counters do not move before `now`: the next periods change nothing
      const skip = Math.floor((now - est.nextJiffies) / est.periodJiffies) + 1;
      if (skip > 0) est.nextJiffies += skip * est.periodJiffies;
    }
  }
  // periods beyond the budget leave the averages where they were
  if (est.nextJiffies <= now)
    est.nextJiffies += (Math.floor((now - est.nextJiffies) / est.periodJiffies) + 1) * est.periodJiffies;
}

/** gen_estimator_read(): bytes and packets per second. */
export function readEstimator(est: RateEstimator, nowNs: number): { bps: number; pps: number } {
  advanceEstimator(est, nowNs);
  return { bps: shr(est.avbps, 8), pps: shr(est.avpps, 8) };
}
