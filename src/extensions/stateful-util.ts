/**
 * Helpers for the stateful matches and targets (limit, hashlimit, recent,
 * quota, statistic, rateest, RATEEST, IDLETIMER, TEE): the kernel's clock
 * in jiffies, per-rule state that survives recompiling an unchanged rule,
 * kernel-wide named objects (recent lists, hashlimit tables, estimators)
 * kept in the host's shared map, jhash and the kernel's ctype.
 */
import type { EvalContext } from "../engine/context.js";

/** CONFIG_HZ of the reference kernel. */
export const HZ = 250;
/** jiffies on a 64-bit kernel start at (unsigned int)INITIAL_JIFFIES and never wrap. */
const JIFFIES_BASE = (-300 * HZ) >>> 0;
const NS_PER_JIFFY = 1e9 / HZ;

/** jiffies at virtual time `nowNs` (ns since boot). */
export function jiffiesAt(nowNs: number): number {
  return JIFFIES_BASE + Math.floor(nowNs / NS_PER_JIFFY);
}

/** msecs_to_jiffies() for HZ=250: rounds up; "negative" (int) values mean MAX_JIFFY_OFFSET. */
export function msecsToJiffies(m: number): number {
  if ((m | 0) < 0) return 2 ** 62 - 1;
  return Math.floor((m + 3) / 4);
}

/** ktime_get_real_seconds() of the virtual wall clock. */
export function wallSeconds(ctx: EvalContext): number {
  return ctx.wallSeconds ?? Math.floor(ctx.nowNs / 1e9);
}

const RULE_STATE = "xt:rule-state";

/**
 * State the kernel allocates per rule at checkentry (limit bucket, nth
 * counter, quota). Keyed by the rule's extension data object, which stays
 * the same while the rule is in the rule set (recompiling a table after
 * another rule changed keeps it); a new or replaced rule starts afresh.
 */
export function ruleState<T>(ctx: EvalContext, key: object, init: () => T): T {
  let m = ctx.shared.get(RULE_STATE) as WeakMap<object, unknown> | undefined;
  if (!m) {
    m = new WeakMap();
    ctx.shared.set(RULE_STATE, m);
  }
  let s = m.get(key) as T | undefined;
  if (s === undefined) {
    s = init();
    m.set(key, s);
  }
  return s;
}

/**
 * A closure's cached view of its per-rule state: looks it up again only
 * when the closure runs in another host (another shared map).
 */
export function ruleStateCache<T>(key: object, init: (ctx: EvalContext) => T): (ctx: EvalContext) => T {
  let shared: Map<string, unknown> | null = null;
  let st: T | undefined;
  return (ctx) => {
    if (ctx.shared !== shared) {
      shared = ctx.shared;
      st = ruleState(ctx, key, () => init(ctx));
    }
    return st!;
  };
}

/**
 * A kernel object shared by name in the network namespace (xt_recent
 * table, hashlimit htable, rate estimator, idletimer): created by the
 * first rule that uses it, found by the others. `bind` remembers which
 * object a rule found, as the kernel stores the pointer in the rule.
 */
export function namedObject<T>(ctx: EvalContext, kind: string, name: string, create: () => T): T {
  const key = `xt:${kind}`;
  let m = ctx.shared.get(key) as Map<string, T> | undefined;
  if (!m) {
    m = new Map();
    ctx.shared.set(key, m);
  }
  let o = m.get(name);
  if (o === undefined) {
    o = create();
    m.set(name, o);
  }
  return o;
}

/** The named object if it exists (a rateest match looking up its estimator). */
export function findNamedObject<T>(ctx: EvalContext, kind: string, name: string): T | undefined {
  return (ctx.shared.get(`xt:${kind}`) as Map<string, T> | undefined)?.get(name);
}

function rol32(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** jhash_3words() of include/linux/jhash.h. */
export function jhash3words(a0: number, b0: number, c0: number, initval: number): number {
  const iv = (initval + 0xdeadbeef + 12) >>> 0;
  let a = (a0 + iv) >>> 0;
  let b = (b0 + iv) >>> 0;
  let c = (c0 + iv) >>> 0;
  // __jhash_final()
  c = ((c ^ b) - rol32(b, 14)) >>> 0;
  a = ((a ^ c) - rol32(c, 11)) >>> 0;
  b = ((b ^ a) - rol32(a, 25)) >>> 0;
  c = ((c ^ b) - rol32(b, 16)) >>> 0;
  a = ((a ^ c) - rol32(c, 4)) >>> 0;
  b = ((b ^ a) - rol32(a, 14)) >>> 0;
  c = ((c ^ b) - rol32(b, 24)) >>> 0;
  return c;
}

/** reciprocal_scale(): (val * ep_ro) >> 32. */
export function reciprocalScale(val: number, epRo: number): number {
  return Number((BigInt(val >>> 0) * BigInt(epRo >>> 0)) >> 32n);
}

/** islower() of the kernel's lib/ctype.c (Latin-1). */
function kIsLower(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xf6) || (c >= 0xf8 && c <= 0xff);
}

/** isupper() of the kernel's lib/ctype.c (Latin-1). */
function kIsUpper(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xde);
}

/** The kernel's toupper() as a 256-entry table. */
export const K_TOUPPER: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = kIsLower(c) ? c - 32 : c;
  return t;
})();

/** The kernel's tolower() as a 256-entry table. */
export const K_TOLOWER: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = kIsUpper(c) ? c + 32 : c;
  return t;
})();
