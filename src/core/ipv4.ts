/**
 * IPv4 addresses as unsigned 32-bit integers (host order: 10.0.0.1 is
 * 0x0a000001), parsed and printed the way libxtables does.
 */

import { cStrtoumax, xtStrtouiWhole } from "./cnum.js";
import { paramError } from "./errors.js";
import type { NameDb } from "./netdb.js";

export function formatIPv4(a: number): string {
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}

/** Prefix length of a contiguous mask, or -1. */
export function maskToCidr(mask: number): number {
  const m = mask >>> 0;
  if (m === 0) return 0;
  const inv = ~m >>> 0;
  if ((inv & (inv + 1)) !== 0) return -1;
  return Math.clz32(inv);
}

export function cidrToMask(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/**
 * __numeric_to_ipaddr(): dotted quad with xtables' leniency (each part parsed
 * with base auto-detection; fewer than four parts complete a network address
 * unless it is a mask). The C code copies at most 19 characters first.
 */
export function numericToIPv4(dotted: string, isMask = false): number | undefined {
  const buf = dotted.length > 19 ? dotted.slice(0, 19) : dotted;
  const bytes = [0, 0, 0, 0];
  let p = 0;
  for (let i = 0; i < 3; i++) {
    const q = buf.indexOf(".", p);
    if (q < 0) {
      if (isMask) return undefined;
      const v = xtStrtouiWhole(buf.slice(p), 0, 255);
      if (v === undefined) return undefined;
      bytes[i] = v;
      return ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    }
    const v = xtStrtouiWhole(buf.slice(p, q), 0, 255);
    if (v === undefined) return undefined;
    bytes[i] = v;
    p = q + 1;
  }
  const last = xtStrtouiWhole(buf.slice(p), 0, 255);
  if (last === undefined) return undefined;
  bytes[3] = last;
  return ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
}

/** glibc inet_aton (exact): a, a.b, a.b.c, a.b.c.d with C integer syntax per part. */
export function inetAton(s: string): number | undefined {
  if (s.length === 0) return undefined;
  const parts: number[] = [];
  let i = 0;
  for (;;) {
    const c = s.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) return undefined;
    const r = cStrtoumax(s, i, 0);
    if (r.end === i || r.overflow || r.big > 0xffffffffn) return undefined;
    parts.push(Number(r.big));
    i = r.end;
    if (i === s.length) break;
    if (s[i] !== "." || parts.length === 4) return undefined;
    i++;
  }
  const [a, b, c, d] = parts as [number, number?, number?, number?];
  switch (parts.length) {
    case 1:
      return a >>> 0;
    case 2:
      if (a > 255 || b! > 0xffffff) return undefined;
      return ((a << 24) | b!) >>> 0;
    case 3:
      if (a > 255 || b! > 255 || c! > 0xffff) return undefined;
      return ((a << 24) | (b! << 16) | c!) >>> 0;
    default:
      if (a > 255 || b! > 255 || c! > 255 || d! > 255) return undefined;
      return ((a << 24) | (b! << 16) | (c! << 8) | d!) >>> 0;
  }
}

/** ipparse_hostnetwork(): numeric, then networks, then hosts (getaddrinfo). */
export function parseHostNetwork(name: string, db: NameDb): number[] {
  const n = numericToIPv4(name);
  if (n !== undefined) return [n];
  const net = db.networkByName(name);
  if (net !== undefined) return [net];
  const aton = inetAton(name);
  if (aton !== undefined) return [aton];
  const hosts = db.lookupHost(name);
  if (hosts.length > 0) return hosts;
  throw paramError(`host/network \`${name}' not found`);
}

/** parse_ipmask() */
export function parseIPMask(mask: string | undefined): number {
  if (mask === undefined) return 0xffffffff;
  const dotted = numericToIPv4(mask, true);
  if (dotted !== undefined) return dotted;
  const bits = xtStrtouiWhole(mask, 0, 32);
  if (bits === undefined) throw paramError(`invalid mask \`${mask}' specified`);
  return cidrToMask(bits);
}

export interface AddrMask {
  addr: number;
  mask: number;
}

function isCSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
}

/** A plain decimal number (no sign, no leading zero: those mean octal or hex) in s[from, to), else -1. */
function plainDecimal(s: string, from: number, to: number): number {
  const n = to - from;
  if (n < 1 || n > 3) return -1;
  if (n > 1 && s.charCodeAt(from) === 48) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The common `a.b.c.d[/n]` form in plain decimal, parsed without the generic
 * path (same result: each part base-auto-detected, which plain decimal is);
 * undefined for anything else.
 */
function fastAddrMask(spec: string): AddrMask | undefined {
  const n = spec.length;
  if (n < 7 || n > 18) return undefined;
  let mask = 0xffffffff;
  let end = n;
  const slash = spec.indexOf("/");
  if (slash >= 0) {
    const bits = plainDecimal(spec, slash + 1, n);
    if (bits < 0 || bits > 32) return undefined;
    mask = cidrToMask(bits);
    end = slash;
  }
  let addr = 0;
  let p = 0;
  for (let part = 0; part < 4; part++) {
    let q = part < 3 ? spec.indexOf(".", p) : end;
    if (q < 0 || q > end) return undefined;
    if (part === 3) q = end;
    const v = plainDecimal(spec, p, q);
    if (v < 0 || v > 255) return undefined;
    addr = addr * 256 + v;
    p = q + 1;
  }
  return { addr: (addr & mask) >>> 0, mask };
}

/** xtables_ipparse_multiple(): comma list, each host[/mask]; names may expand. */
export function ipParseMultiple(spec: string, db: NameDb): AddrMask[] {
  const fast = fastAddrMask(spec);
  if (fast !== undefined) return [fast];
  const out: AddrMask[] = [];
  let loop = 0;
  for (;;) {
    while (isCSpace(spec[loop])) loop++;
    const next = spec.indexOf(",", loop);
    let buf = next >= 0 ? spec.slice(loop, next) : spec.slice(loop);
    if (buf.length > 255) throw paramError("Hostname too long");
    const slash = buf.lastIndexOf("/");
    let mask: number;
    if (slash >= 0) {
      mask = parseIPMask(buf.slice(slash + 1));
      buf = buf.slice(0, slash);
    } else {
      mask = 0xffffffff;
    }
    if (mask === 0) buf = "0.0.0.0";
    for (const a of parseHostNetwork(buf, db)) out.push({ addr: (a & mask) >>> 0, mask });
    if (next < 0) break;
    loop = next + 1;
  }
  return out;
}

/** xtables_ipparse_any(): one host[/mask]; duplicate addresses removed. */
export function ipParseAny(spec: string, db: NameDb): AddrMask[] {
  let buf = spec.length > 255 ? spec.slice(0, 255) : spec;
  const slash = buf.lastIndexOf("/");
  let mask = 0xffffffff;
  if (slash >= 0) {
    mask = parseIPMask(buf.slice(slash + 1));
    buf = buf.slice(0, slash);
  }
  if (mask === 0) buf = "0.0.0.0";
  const seen: number[] = [];
  for (const a of parseHostNetwork(buf, db)) {
    const m = (a & mask) >>> 0;
    if (!seen.includes(m)) seen.push(m);
  }
  return seen.map((addr) => ({ addr, mask }));
}

/** xtables_ipmask_to_numeric(): "", "/N" or "/a.b.c.d". */
export function maskSuffix(mask: number): string {
  const c = maskToCidr(mask);
  if (c === -1) return `/${formatIPv4(mask)}`;
  if (c === 32) return "";
  return `/${c}`;
}

/** xtables_ipaddr_to_anyname(): hosts name, else networks name, else dotted quad. */
export function addrToAnyName(addr: number, db: NameDb): string {
  return db.reverseHost(addr) ?? db.networkByAddr(addr) ?? formatIPv4(addr);
}

/** ipv4_addr_to_string() as -L prints a rule's source/destination. */
export function addrMaskToListString(addr: number, mask: number, numeric: boolean, db: NameDb): string {
  if (mask === 0 && !numeric) return "anywhere";
  return (numeric ? formatIPv4(addr) : addrToAnyName(addr, db)) + maskSuffix(mask);
}

/** mask_to_str() of save output: "32", "N" or dotted. */
export function maskToSaveString(mask: number): string {
  if (mask >>> 0 === 0xffffffff) return "32";
  const c = maskToCidr(mask);
  return c >= 0 ? String(c) : formatIPv4(mask);
}
