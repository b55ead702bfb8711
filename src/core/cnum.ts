/**
 * C number parsing as libxtables relies on it: strtoumax(s, &end, 0) semantics
 * (leading white space, optional sign, 0x hex, leading-0 octal, ERANGE) and
 * the xtables_strtoul/strtoui wrappers that refuse a minus sign.
 */

const UINT64_MAX = 0xffffffffffffffffn;

function isCSpace(c: number): boolean {
  // isspace() in the C locale: space, \t, \n, \v, \f, \r
  return c === 32 || (c >= 9 && c <= 13);
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

export interface StrtoulResult {
  /** The value; exact as a bigint. */
  big: bigint;
  /** Index just past the last digit consumed (== start when nothing was parsed). */
  end: number;
  /** A minus sign was present (the value is negated modulo 2^64, as C does). */
  negative: boolean;
  overflow: boolean;
}

/** strtoumax(s + start, &end, base) with base 0 (auto) or an explicit base. */
export function cStrtoumax(s: string, start = 0, base = 0): StrtoulResult {
  let i = start;
  const n = s.length;
  while (i < n && isCSpace(s.charCodeAt(i))) i++;
  let negative = false;
  if (i < n && (s[i] === "+" || s[i] === "-")) {
    negative = s[i] === "-";
    i++;
  }
  let b = base;
  if (
    (b === 0 || b === 16) &&
    s[i] === "0" &&
    (s[i + 1] === "x" || s[i + 1] === "X") &&
    digitValue(s.charCodeAt(i + 2)) < 16
  ) {
    i += 2;
    b = 16;
  } else if (b === 0) {
    b = s[i] === "0" ? 8 : 10;
  }
  const digitsStart = i;
  let v = 0n;
  let small = 0;
  let useBig = false;
  let overflow = false;
  const bb = BigInt(b);
  while (i < n) {
    const d = digitValue(s.charCodeAt(i));
    if (d >= b) break;
    if (!useBig && small < 2 ** 48) {
      small = small * b + d;
    } else {
      if (!useBig) {
        useBig = true;
        v = BigInt(small);
      }
      v = v * bb + BigInt(d);
      if (v > UINT64_MAX) overflow = true;
    }
    i++;
  }
  if (i === digitsStart) return { big: 0n, end: start, negative: false, overflow: false };
  let big = useBig ? v : BigInt(small);
  if (overflow) big = UINT64_MAX;
  else if (negative) big = (UINT64_MAX + 1n - big) & UINT64_MAX;
  return { big, end: i, negative, overflow };
}

/**
 * xtables_strtoul: true when a number in [min, max] was read. With `needEnd`
 * false the whole string must be consumed; otherwise `end` tells where it stopped.
 * max of 0 means "no upper bound" as in libxtables.
 */
export function xtStrtoul(
  s: string,
  min: bigint | number,
  max: bigint | number,
): { ok: boolean; value: number; big: bigint; end: number } {
  // Fast path: short decimal or hex numbers (no sign, space or octal), no BigInt.
  const n = s.length;
  if (n > 0 && n < 11 && typeof min === "number" && typeof max === "number") {
    let v = 0;
    let i = 0;
    const c0 = s.charCodeAt(0);
    if (c0 >= 49 && c0 <= 57 && n < 10) {
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57) break;
        v = v * 10 + (c - 48);
      }
      return new FastStrtoul(v >= min && (max === 0 || v <= max), v, i);
    }
    if (c0 === 48 && n === 1) return new FastStrtoul(0 >= min && (max === 0 || 0 <= max), 0, 1);
    if (c0 === 48 && n > 2 && (s[1] === "x" || s[1] === "X")) {
      i = 2;
      for (; i < n; i++) {
        const d = hexDigit(s.charCodeAt(i));
        if (d < 0) break;
        v = v * 16 + d;
      }
      if (i > 2) return new FastStrtoul(v >= min && (max === 0 || v <= max), v, i);
    }
  }
  let p = 0;
  while (p < s.length && isCSpace(s.charCodeAt(p))) p++;
  if (s[p] === "-") return { ok: false, value: 0, big: 0n, end: 0 };
  const r = cStrtoumax(s, 0, 0);
  if (r.end === 0) return { ok: false, value: 0, big: 0n, end: 0 };
  const bmin = BigInt(min);
  const bmax = BigInt(max);
  const inRange = !r.overflow && r.big >= bmin && (bmax === 0n || r.big <= bmax);
  return { ok: inRange, value: Number(r.big), big: r.big, end: r.end };
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** A fast-path result; the bigint form is only made when asked for. */
class FastStrtoul {
  constructor(
    readonly ok: boolean,
    readonly value: number,
    readonly end: number,
  ) {}

  get big(): bigint {
    return BigInt(this.value);
  }
}

/** xtables_strtoui(s, NULL, &v, min, max): whole string, in range. */
export function xtStrtouiWhole(s: string, min: number, max: number): number | undefined {
  const r = xtStrtoul(s, min, max);
  if (!r.ok || r.end !== s.length) return undefined;
  return r.value;
}

/** sscanf(s, "%u") / "%llu" style leading number: returns undefined if none. */
export function scanUnsigned(s: string): bigint | undefined {
  const r = cStrtoumax(s, 0, 10);
  if (r.end === 0) return undefined;
  return r.big;
}

/** sscanf(s, "%i"): signed int with base auto-detection (0x, 0), truncated to int32. */
export function scanInt(s: string): number | undefined {
  const r = cStrtoumax(s, 0, 0);
  if (r.end === 0) return undefined;
  const v = r.big & 0xffffffffn;
  return Number(BigInt.asIntN(32, v));
}

/** C's strtod() acceptance, as used by xtopt_parse_float: returns NaN on failure. */
export function cStrtodWhole(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan))$/i.exec(s);
  if (!m) {
    // hexadecimal floating point: 0xH[.H][pE]
    const hex =
      /^[ \t\n\v\f\r]*([+-]?)0[xX](?=\.?[0-9a-fA-F])([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(s);
    if (!hex) return Number.NaN;
    const frac = hex[3] ?? "";
    let v = 0;
    for (const c of hex[2]! + frac) v = v * 16 + Number.parseInt(c, 16);
    v = (v / 16 ** frac.length) * 2 ** Number(hex[4] ?? 0);
    return (hex[1] === "-" ? -1 : 1) * v;
  }
  const t = m[1]!.toLowerCase();
  if (t.endsWith("inf") || t.endsWith("infinity")) return t.startsWith("-") ? -Infinity : Infinity;
  return Number(m[1]);
}
