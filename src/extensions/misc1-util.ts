/**
 * Helpers for the misc1 group's matches: the C library behaviour their
 * parsers and printers rely on (atoi/atoll, strtoul, strtod prefixes,
 * printf("%.Nf") rounding, bytes of argv strings).
 */
import { cStrtoumax } from "../core/cnum.js";
import { utf8Encoder } from "../core/utf8.js";

const U32 = 0xffffffffn;
const U64 = 0xffffffffffffffffn;

/** isspace() in the C locale. */
export function cIsSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
}

/** strtol(s, NULL, 10) on a 64-bit long: clamped to LONG_MIN/LONG_MAX. */
export function cStrtol(s: string): bigint {
  let i = 0;
  while (i < s.length && cIsSpace(s[i])) i++;
  let neg = false;
  if (s[i] === "+" || s[i] === "-") {
    neg = s[i] === "-";
    i++;
  }
  let v = 0n;
  let any = false;
  while (i < s.length && s[i]! >= "0" && s[i]! <= "9") {
    v = v * 10n + BigInt(s.charCodeAt(i) - 48);
    if (v > 1n << 64n) v = 1n << 64n; // keep it small; clamped below anyway
    any = true;
    i++;
  }
  if (!any) return 0n;
  if (neg) return -v < -(1n << 63n) ? -(1n << 63n) : -v;
  return v > (1n << 63n) - 1n ? (1n << 63n) - 1n : v;
}

/** atoi(): strtol truncated to a 32-bit int. */
export function cAtoi(s: string): number {
  return Number(BigInt.asIntN(32, cStrtol(s)));
}

/** atoll(): strtoll (same as strtol on LP64). */
export function cAtoll(s: string): bigint {
  return cStrtol(s);
}

/** strtoul(s + start, &end, base) on a 64-bit unsigned long. */
export function cStrtoul(s: string, start: number, base: number): { value: bigint; end: number } {
  const r = cStrtoumax(s, start, base);
  return { value: r.big, end: r.end };
}

/** The low 32 bits, as (unsigned int) does. */
export function u32(v: bigint): number {
  return Number(v & U32);
}

/** The low 64 bits. */
export function u64(v: bigint): bigint {
  return v & U64;
}

/** printf("%d") of an unsigned 32-bit value (glibc prints it as a signed int). */
export function asInt32(n: number): number {
  return n | 0;
}

/**
 * strtod() on a prefix of s: the value and the index where parsing stopped
 * (start when nothing could be converted). Decimal, hexadecimal, inf, nan.
 */
export function cStrtodPrefix(s: string): { value: number; end: number } {
  let i = 0;
  while (i < s.length && cIsSpace(s[i])) i++;
  let sign = 1;
  if (s[i] === "+" || s[i] === "-") {
    if (s[i] === "-") sign = -1;
    i++;
  }
  const rest = s.slice(i);
  const lower = rest.toLowerCase();
  if (lower.startsWith("infinity")) return { value: sign * Infinity, end: i + 8 };
  if (lower.startsWith("inf")) return { value: sign * Infinity, end: i + 3 };
  if (lower.startsWith("nan")) {
    let end = i + 3;
    const m = /^\([0-9A-Za-z_]*\)/.exec(rest.slice(3));
    if (m) end += m[0].length;
    return { value: Number.NaN, end };
  }
  const hex = /^0[xX](?=[0-9a-fA-F]|\.[0-9a-fA-F])([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?/.exec(rest);
  if (hex) {
    const intPart = hex[1] ?? "";
    const frac = hex[2] ?? "";
    let v = 0;
    for (const c of intPart + frac) v = v * 16 + Number.parseInt(c, 16);
    v /= 16 ** frac.length;
    if (hex[3] !== undefined) v *= 2 ** Number(hex[3]);
    return { value: sign * v, end: i + hex[0].length };
  }
  const dec = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
  if (!dec) return { value: 0, end: 0 };
  return { value: sign * Number(dec[0]), end: i + dec[0].length };
}

/**
 * A double converted to uint32_t the way gcc on x86-64 does it (through a
 * 64-bit signed conversion, keeping the low 32 bits).
 */
export function doubleToU32(x: number): number {
  if (Number.isNaN(x) || Math.abs(x) >= 2 ** 63) return 0;
  return u32(BigInt(Math.trunc(x)));
}

/** lround() for non-negative finite values. */
export function cLround(x: number): number {
  const f = Math.floor(x);
  return x - f >= 0.5 ? f + 1 : f;
}

/** printf("%.Nf") of the exact rational num/den (den > 0), rounding half to even as glibc does. */
export function formatFixedRational(num: bigint, den: bigint, digits: number): string {
  const neg = num < 0n;
  const n = neg ? -num : num;
  const scale = 10n ** BigInt(digits);
  const scaled = n * scale;
  let q = scaled / den;
  const r = scaled % den;
  if (r * 2n > den || (r * 2n === den && q % 2n === 1n)) q++;
  let s = q.toString();
  if (digits > 0) {
    s = s.padStart(digits + 1, "0");
    s = `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  }
  return (neg ? "-" : "") + s;
}

/** printf("%.0f") of a finite double: nearest integer, ties to even. */
export function formatDouble0(x: number): string {
  const f = Math.floor(x);
  const d = x - f;
  let v = f;
  if (d > 0.5 || (d === 0.5 && f % 2 !== 0)) v = f + 1;
  return Object.is(v, -0) ? "-0" : v.toFixed(0);
}

/** The bytes of an argv string (the shell hands UTF-8 to the program). */
export function utf8Bytes(s: string): number[] {
  return Array.from(utf8Encoder.encode(s));
}

/** A byte string as one JS char per byte (so that indexes count bytes). */
export function byteString(s: string): string {
  return String.fromCharCode(...utf8Bytes(s));
}

/** strncasecmp(a, b, strlen(a)) == 0 for ASCII: a is a case-insensitive prefix of b. */
export function isCasePrefix(a: string, b: string): boolean {
  if (a.length > b.length) return false;
  return a.toLowerCase() === b.slice(0, a.length).toLowerCase();
}

/** xt_check_proc_name(): names the kernel can create a /proc entry for. */
export function procNameOk(name: string): boolean {
  return name !== "" && name !== "." && name !== ".." && !name.includes("/");
}
