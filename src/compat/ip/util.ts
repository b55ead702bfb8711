/**
 * iproute2's helpers as `ip` uses them (lib/utils.c, lib/rt_names.c):
 * keyword abbreviation, number and address parsing with their exact error
 * messages, and the name tables of /etc/iproute2 as Debian 12 ships them.
 */
import { cStrtoumax } from "../../core/cnum.js";
import { formatIPv4 } from "../../core/ipv4.js";
import { getProtoByName, getProtoByNumber } from "../../core/netdb.js";
import type { KErr } from "../../engine/net.js";
import { STRERROR } from "../../engine/net.js";

/** What a command printed and its exit status. */
export interface IpOut {
  stdout: string;
  stderr: string;
}

/** exit(status) from deep inside a parser. */
export class IpExit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

/** iproute2's matches(): `prefix` abbreviates `word` (an empty prefix never matches). */
export function matches(prefix: string, word: string): boolean {
  return prefix.length > 0 && word.startsWith(prefix);
}

/** An argv cursor with NEXT_ARG()/NEXT_ARG_OK() semantics. */
export class Args {
  i = 0;
  constructor(
    readonly argv: readonly string[],
    readonly out: IpOut,
  ) {}

  get more(): boolean {
    return this.i < this.argv.length;
  }

  get cur(): string {
    return this.argv[this.i]!;
  }

  get rest(): number {
    return this.argv.length - this.i;
  }

  /** NEXT_ARG(): the next word, or "Command line is not complete". */
  next(): string {
    this.i++;
    if (this.i >= this.argv.length) incompleteCommand(this.out);
    return this.argv[this.i]!;
  }

  advance(): void {
    this.i++;
  }
}

export function fail(out: IpOut, text: string, status: number): never {
  out.stderr += text;
  throw new IpExit(status);
}

export function incompleteCommand(out: IpOut): never {
  fail(out, 'Command line is not complete. Try option "help"\n', 255);
}

export function invarg(out: IpOut, msg: string, arg: string): never {
  fail(out, `Error: argument "${arg}" is wrong: ${msg}\n`, 255);
}

export function duparg(out: IpOut, key: string, arg: string): never {
  fail(out, `Error: duplicate "${key}": "${arg}" is the second value.\n`, 255);
}

export function duparg2(out: IpOut, key: string, arg: string): never {
  fail(out, `Error: either "${key}" is duplicate, or "${arg}" is a garbage.\n`, 255);
}

/** The message rtnl_talk() prints for a kernel error; the command then returns -2 (exit 2). */
export function kernelError(out: IpOut, e: KErr): never {
  if (e.extack !== undefined) out.stderr += `Error: ${e.extack}${e.extack.endsWith(".") ? "" : "."}\n`;
  else out.stderr += `RTNETLINK answers: ${STRERROR[e.errno]}\n`;
  throw new IpExit(2);
}

/** A feature iproute2 has and the twin does not model. */
export function unsupported(out: IpOut, what: string): never {
  fail(out, `iptwin: ip: ${what} is not supported by the twin\n`, 2);
}

/** strtoul(arg, &end, base) whole-string, as get_u32()/get_unsigned() check it. */
function strtoulWhole(arg: string, base: number): bigint | undefined {
  if (!arg) return undefined;
  const r = cStrtoumax(arg, 0, base);
  if (r.end === 0 || r.end !== arg.length) return undefined;
  if (r.overflow) return undefined;
  return r.big;
}

export function getU32(arg: string, base = 0): number | undefined {
  const v = strtoulWhole(arg, base);
  if (v === undefined || v > 0xffffffffn) return undefined;
  return Number(v);
}

export const getUnsigned = getU32;

/** get_u16() */
export function getU16(arg: string, base = 0): number | undefined {
  const v = strtoulWhole(arg, base);
  if (v === undefined || v > 0xffffn) return undefined;
  return Number(v);
}

export function getU8(arg: string, base = 0): number | undefined {
  const v = strtoulWhole(arg, base);
  if (v === undefined || v > 0xffn) return undefined;
  return Number(v);
}

/** get_integer(): strtol() whole-string within int. */
export function getInteger(arg: string, base = 0): number | undefined {
  if (!arg) return undefined;
  const r = cStrtoumax(arg, 0, base);
  if (r.end === 0 || r.end !== arg.length) return undefined;
  let v: bigint;
  if (r.negative) {
    const mag = r.big === 0n ? 0n : (0xffffffffffffffffn + 1n - r.big) & 0xffffffffffffffffn;
    if (r.overflow || mag > 0x8000000000000000n) return undefined;
    v = -mag;
  } else {
    if (r.overflow || r.big > 0x7fffffffffffffffn) return undefined;
    v = r.big;
  }
  if (v < -0x80000000n || v > 0x7fffffffn) return undefined;
  return Number(v);
}

/** get_addr_ipv4(): up to four parts, each strtoul(.., 0) <= 255; "10.8" is 10.8.0.0. */
export function getAddrIPv4(s: string): number | undefined {
  const b = [0, 0, 0, 0];
  let p = 0;
  for (let i = 0; i < 4; i++) {
    const r = cStrtoumax(s, p, 0);
    if (r.end === p) return undefined;
    if (r.overflow || r.big > 255n) return undefined;
    b[i] = Number(r.big);
    if (r.end === s.length) break;
    if (i === 3 || s[r.end] !== ".") return undefined;
    p = r.end + 1;
  }
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}

export const AF_UNSPEC = 0;
export const AF_INET = 2;
export const AF_INET6 = 10;
export const AF_PACKET = 17;
export const AF_BRIDGE = 7;
export const AF_MPLS = 28;

/** An inet_prefix. */
export interface Prefix {
  family: number;
  addr: number;
  /** -1: not given; -2: "default"/"all"/"any". */
  bitlen: number;
  prefixSpecified: boolean;
  /** "default" (bytelen = address size) or "all"/"any" (bytelen 0). */
  isDefault: boolean;
  bytelen: number;
}

/** __get_addr_1(): undefined on failure; IPv6 text is recognised but has family inet6. */
function getAddr1(name: string, family: number): Prefix | undefined {
  if (name === "default") {
    if (family === AF_MPLS) return undefined;
    return {
      family,
      addr: 0,
      bitlen: -2,
      prefixSpecified: true,
      isDefault: true,
      bytelen: family === AF_INET6 ? 16 : family === AF_INET ? 4 : 0,
    };
  }
  if (name === "all" || name === "any") {
    if (family === AF_MPLS) return undefined;
    return { family, addr: 0, bitlen: -2, prefixSpecified: false, isDefault: true, bytelen: 0 };
  }
  if (family === AF_PACKET) return undefined;
  if (name.includes(":")) {
    if (family !== AF_UNSPEC && family !== AF_INET6) return undefined;
    if (!validIPv6(name)) return undefined;
    return { family: AF_INET6, addr: 0, bitlen: -1, prefixSpecified: false, isDefault: false, bytelen: 16 };
  }
  if (family !== AF_UNSPEC && family !== AF_INET) return undefined;
  const a = getAddrIPv4(name);
  if (a === undefined) return undefined;
  return { family: AF_INET, addr: a, bitlen: -1, prefixSpecified: false, isDefault: false, bytelen: 4 };
}

/** inet_pton(AF_INET6) acceptance. */
function validIPv6(s: string): boolean {
  let body = s;
  const lastColon = s.lastIndexOf(":");
  let groupsNeeded = 8;
  const tail = s.slice(lastColon + 1);
  if (tail.includes(".")) {
    if (getAddrIPv4(tail) === undefined || tail.split(".").length !== 4 || !/^\d+(\.\d+){3}$/.test(tail)) return false;
    body = s.slice(0, lastColon + 1) + (s[lastColon - 1] === ":" ? "" : "0");
    groupsNeeded = 6;
    if (body.endsWith(":") && !body.endsWith("::")) body = body.slice(0, -1);
  }
  const dbl = body.split("::");
  if (dbl.length > 2) return false;
  const parts = (x: string) => (x === "" ? [] : x.split(":"));
  const left = parts(dbl[0]!);
  const right = dbl.length === 2 ? parts(dbl[1]!) : [];
  for (const g of [...left, ...right]) if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
  const n = left.length + right.length;
  return dbl.length === 2 ? n < groupsNeeded : n === groupsNeeded;
}

export function familyName(f: number): string {
  switch (f) {
    case AF_INET:
      return "inet";
    case AF_INET6:
      return "inet6";
    case AF_PACKET:
      return "link";
    case AF_MPLS:
      return "mpls";
    case AF_BRIDGE:
      return "bridge";
    default:
      return "???";
  }
}

function familyNameVerbose(f: number): string {
  return f === AF_UNSPEC ? "any valid" : familyName(f);
}

/** read_family(). */
export function readFamily(name: string): number {
  switch (name) {
    case "inet":
      return AF_INET;
    case "inet6":
      return AF_INET6;
    case "link":
      return AF_PACKET;
    case "ipx":
      return 4;
    case "dnet":
      return 12;
    case "mpls":
      return AF_MPLS;
    case "bridge":
      return AF_BRIDGE;
    default:
      return AF_UNSPEC;
  }
}

/** get_netmask(): a prefix length, or a dotted mask turned into one. */
function getNetmask(s: string): number | undefined {
  const u = getUnsigned(s);
  if (u !== undefined) return u;
  const m = getAddr1(s, AF_INET);
  if (m && m.family === AF_INET) {
    const host = ~m.addr >>> 0;
    if ((host & (host + 1)) >>> 0 !== 0) return undefined;
    let bits = 0;
    for (let x = m.addr >>> 0; x; x = (x << 1) >>> 0) bits++;
    return bits;
  }
  return undefined;
}

/** get_prefix_1(). */
export function getPrefix1(arg: string, family: number): Prefix | undefined {
  const slash = arg.indexOf("/");
  const p = getAddr1(slash >= 0 ? arg.slice(0, slash) : arg, family);
  if (!p) return undefined;
  const maxbits = p.family === AF_INET ? 32 : p.family === AF_INET6 ? 128 : 0;
  if (slash >= 0) {
    if (p.bitlen === -2) return undefined;
    const plen = getNetmask(arg.slice(slash + 1));
    if (plen === undefined || plen > maxbits) return undefined;
    p.prefixSpecified = true;
    p.bitlen = plen;
  } else {
    p.bitlen = p.bitlen === -2 ? 0 : maxbits;
  }
  return p;
}

/** get_prefix(): exits 1 with iproute2's message. */
export function getPrefix(out: IpOut, arg: string, family: number): Prefix {
  if (family === AF_PACKET)
    fail(out, `Error: "${arg}" may be inet prefix, but it is not allowed in this context.\n`, 1);
  const p = getPrefix1(arg, family);
  if (!p) fail(out, `Error: ${familyNameVerbose(family)} prefix is expected rather than "${arg}".\n`, 1);
  return p;
}

/** get_addr(): exits 1 with iproute2's message. */
export function getAddr(out: IpOut, arg: string, family: number): Prefix {
  const p = getAddr1(arg, family);
  if (!p) fail(out, `Error: ${familyNameVerbose(family)} address is expected rather than "${arg}".\n`, 1);
  if (p.bitlen === -1) p.bitlen = p.family === AF_INET ? 32 : 128;
  return p;
}

/** check_ifname(): what the kernel's dev_valid_name() would refuse. */
export function checkIfname(name: string): boolean {
  if (name.length >= 16) return false;
  return checkAltIfname(name);
}

export function checkAltIfname(name: string): boolean {
  if (name === "") return false;
  return !/[/\s]/.test(name);
}

/** ll_addr_a2n(): a link-layer address; `len` bytes or the message iproute2 prints. */
export function llAddrA2n(out: IpOut, arg: string): { bytes: number[] } | undefined {
  if (arg.includes(".")) {
    const p = getAddr1(arg, AF_INET);
    if (!p) {
      out.stderr += `"${arg}" is invalid lladdr.\n`;
      return undefined;
    }
    return { bytes: [p.addr >>> 24, (p.addr >>> 16) & 255, (p.addr >>> 8) & 255, p.addr & 255] };
  }
  const bytes: number[] = [];
  let rest = arg;
  for (let i = 0; i < 32; i++) {
    const colon = rest.indexOf(":");
    const part = colon >= 0 ? rest.slice(0, colon) : rest;
    // sscanf("%x"): optional space and sign, optional 0x, hex digits.
    const m = /^\s*([+-]?)(0[xX])?([0-9a-fA-F]+)/.exec(part);
    if (!m) {
      out.stderr += `"${part}" is invalid lladdr.\n`;
      return undefined;
    }
    let v = Number.parseInt(m[3]!.slice(-9), 16);
    if (m[3]!.length > 8) v = -1;
    if (m[1] === "-") v = -v;
    if (v < 0 || v > 255) {
      out.stderr += `"${part}" is invalid lladdr.\n`;
      return undefined;
    }
    bytes.push(v);
    if (colon < 0) break;
    rest = rest.slice(colon + 1);
  }
  return { bytes };
}

export function bytesToMac(b: readonly number[]): number {
  let m = 0;
  for (const x of b.slice(0, 6)) m = m * 256 + x;
  return m;
}

export function macToText(m: number, len = 6): string {
  const parts: string[] = [];
  for (let i = len - 1; i >= 0; i--) parts.push((Math.floor(m / 2 ** (8 * i)) % 256).toString(16).padStart(2, "0"));
  return parts.join(":");
}

export { formatIPv4 };

// ---------------------------------------------------------------- name tables

const RT_SCOPES: ReadonlyArray<readonly [number, string]> = [
  [0, "global"],
  [255, "nowhere"],
  [254, "host"],
  [253, "link"],
  [200, "site"],
];

export function scopeN2a(id: number): string {
  return RT_SCOPES.find(([n]) => n === id)?.[1] ?? String(id);
}

function numA2n(arg: string, max: number): number | undefined {
  const r = cStrtoumax(arg, 0, 0);
  if (!arg || r.end === 0 || r.end !== arg.length || r.big > BigInt(max)) return undefined;
  return Number(r.big);
}

export function scopeA2n(arg: string): number | undefined {
  for (const [n, s] of RT_SCOPES) if (s === arg) return n;
  return numA2n(arg, 255);
}

const RT_PROTOS: ReadonlyArray<readonly [number, string]> = [
  [0, "unspec"],
  [1, "redirect"],
  [2, "kernel"],
  [3, "boot"],
  [4, "static"],
  [8, "gated"],
  [9, "ra"],
  [10, "mrt"],
  [11, "zebra"],
  [12, "bird"],
  [13, "dnrouted"],
  [14, "xorp"],
  [15, "ntk"],
  [16, "dhcp"],
  [18, "keepalived"],
  [42, "babel"],
  [99, "openr"],
  [186, "bgp"],
  [187, "isis"],
  [188, "ospf"],
  [189, "rip"],
  [192, "eigrp"],
];

export function protoN2a(id: number): string {
  return RT_PROTOS.find(([n]) => n === id)?.[1] ?? String(id);
}

/** inet_proto_a2n(): a number 0-255 or a name of /etc/protocols; undefined for neither. */
export function inetProtoA2n(v: string): number | undefined {
  return getU8(v, 10) ?? getProtoByName(v);
}

/** inet_proto_n2a() */
export function inetProtoN2a(n: number): string {
  return getProtoByNumber(n) ?? `ipproto-${n}`;
}

export function protoA2n(arg: string): number | undefined {
  for (const [n, s] of RT_PROTOS) if (s === arg) return n;
  return numA2n(arg, 255);
}

const RT_TABLES: ReadonlyArray<readonly [number, string]> = [
  [255, "local"],
  [254, "main"],
  [253, "default"],
  [0, "unspec"],
];

export function tableN2a(id: number): string {
  return RT_TABLES.find(([n]) => n === id)?.[1] ?? String(id);
}

export function tableA2n(arg: string): number | undefined {
  for (const [n, s] of RT_TABLES) if (s === arg) return n;
  return numA2n(arg, 0xffffffff);
}

const RTN_A2N: ReadonlyArray<readonly [string, number]> = [
  ["local", 2],
  ["nat", 10],
  ["broadcast", 3],
  ["brd", 3],
  ["anycast", 4],
  ["multicast", 5],
  ["prohibit", 8],
  ["unreachable", 7],
  ["blackhole", 6],
  ["xresolve", 11],
  ["unicast", 1],
  ["throw", 9],
];

/** rtnl_rtntype_a2n(). */
export function rtntypeA2n(arg: string): number | undefined {
  for (const [s, n] of RTN_A2N) if (s === arg) return n;
  const r = cStrtoumax(arg, 0, 0);
  if (!arg || r.end === 0 || r.end !== arg.length || r.big > 255n) return undefined;
  return Number(r.big);
}

const RTN_N2A = [
  "unspec",
  "unicast",
  "local",
  "broadcast",
  "anycast",
  "multicast",
  "blackhole",
  "unreachable",
  "prohibit",
  "throw",
  "nat",
  "xresolve",
];

export function rtntypeN2a(t: number): string {
  return RTN_N2A[t] ?? String(t);
}

/** rtnl_dsfield_a2n() with Debian's /etc/iproute2/rt_dsfield. */
const DSFIELD: ReadonlyArray<readonly [number, string]> = [
  [0x00, "default"],
  [0x28, "AF11"],
  [0x30, "AF12"],
  [0x38, "AF13"],
  [0x48, "AF21"],
  [0x50, "AF22"],
  [0x58, "AF23"],
  [0x68, "AF31"],
  [0x70, "AF32"],
  [0x78, "AF33"],
  [0x88, "AF41"],
  [0x90, "AF42"],
  [0x98, "AF43"],
  [0x20, "CS1"],
  [0x40, "CS2"],
  [0x60, "CS3"],
  [0x80, "CS4"],
  [0xa0, "CS5"],
  [0xc0, "CS6"],
  [0xe0, "CS7"],
  [0xb8, "EF"],
];

export function dsfieldA2n(arg: string): number | undefined {
  for (const [n, s] of DSFIELD) if (s === arg) return n;
  const r = cStrtoumax(arg, 0, 16);
  if (!arg || r.end === 0 || r.end !== arg.length || r.big > 255n) return undefined;
  return Number(r.big);
}

export function dsfieldN2a(id: number): string {
  for (const [n, s] of DSFIELD) if (n === id) return s;
  return `0x${id.toString(16).padStart(2, "0")}`;
}

export function groupN2a(id: number): string {
  return id === 0 ? "default" : String(id);
}

export function groupA2n(arg: string): number | undefined {
  if (arg === "default") return 0;
  const v = getInteger(arg);
  if (v === undefined || v < 0) return undefined;
  return v;
}
