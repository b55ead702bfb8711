/**
 * The generic option parser of libxtables (xtoptions.c): typed arguments,
 * ranges, once-only/invert/mandatory/exclusion checks, with the same messages.
 */
import { cStrtodWhole, cStrtoumax, xtStrtoul } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { cidrToMask, inetAton, ipParseAny, maskToCidr } from "../core/ipv4.js";
import { getPortByName, getProtoByName } from "../core/netdb.js";
import { hostLookupFailure } from "../core/resolver.js";
import { utf8Decoder, utf8Encoder } from "../core/utf8.js";
import {
  type FinalCheckCall,
  type OptionCall,
  XTOPT_INVERT,
  XTOPT_MAND,
  XTOPT_MULTI,
  XTOPT_PUT,
  type XtOptionEntry,
  type XtOptionValue,
  XtType,
} from "./api.js";

export function emptyValue(): XtOptionValue {
  return {
    u: 0,
    big: 0n,
    range: [],
    bigRange: [],
    dbl: 0,
    str: "",
    tosValue: 0,
    tosMask: 0,
    mark: 0,
    mask: 0,
    syslogLevel: 0,
    haddr: 0,
    hmask: 0,
    hlen: 0,
    protocol: 0,
    port: 0,
    portRange: [0, 0],
    ethermac: [],
  };
}

const SCRATCH = emptyValue();

/**
 * The value slot of one option call, reused between calls (parse reads it at
 * once; extensions keep copies, never the object).
 */
// Read-only empties for the scratch slot: parsers assign fresh arrays, never fill these.
const NO_RANGE: number[] = Object.freeze([]) as unknown as number[];
const NO_BIG_RANGE: bigint[] = Object.freeze([]) as unknown as bigint[];
const NO_PORT_RANGE = Object.freeze([0, 0]) as unknown as XtOptionValue["portRange"];
const NO_MAC: number[] = Object.freeze([]) as unknown as number[];

export function scratchValue(): XtOptionValue {
  const v = SCRATCH;
  v.u = 0;
  v.big = 0n;
  v.range = NO_RANGE;
  v.bigRange = NO_BIG_RANGE;
  v.dbl = 0;
  v.str = "";
  v.tosValue = 0;
  v.tosMask = 0;
  v.mark = 0;
  v.mask = 0;
  v.syslogLevel = 0;
  v.haddr = 0;
  v.hmask = 0;
  v.hlen = 0;
  v.protocol = 0;
  v.port = 0;
  v.portRange = NO_PORT_RANGE;
  v.ethermac = NO_MAC;
  return v;
}

function maxByType(t: XtType): bigint {
  switch (t) {
    case XtType.UINT8:
    case XtType.UINT8RC:
      return 0xffn;
    case XtType.UINT16:
    case XtType.UINT16RC:
      return 0xffffn;
    case XtType.UINT32:
    case XtType.UINT32RC:
      return 0xffffffffn;
    case XtType.UINT64:
    case XtType.UINT64RC:
      return 0xffffffffffffffffn;
    default:
      return 0n;
  }
}

function put(cb: OptionCall<any>, value: unknown): void {
  if (cb.entry.flags! & XTOPT_PUT && cb.entry.put) (cb.data as Record<string, unknown>)[cb.entry.put] = value;
}

function parseInt_(cb: OptionCall<any>): void {
  const e = cb.entry;
  const lmin = BigInt(e.min ?? 0);
  const lmax = e.max ? BigInt(e.max) : maxByType(e.type);
  const r = xtStrtoul(cb.arg, lmin, lmax);
  if (!r.ok || r.end !== cb.arg.length)
    throw paramError(`${cb.extName}: bad value for option "--${e.name}", or out of range (${lmin}-${lmax}).\n`);
  cb.val.u = r.value;
  cb.val.big = r.big;
  put(cb, e.type === XtType.UINT64 ? r.big : r.value);
}

function parseFloat_(cb: OptionCall<any>): void {
  const e = cb.entry;
  const v = cStrtodWhole(cb.arg);
  const min = e.min ?? 0;
  const max = e.max ?? 0;
  // strtod() accepts "nan", and NaN passes the range comparisons
  const nan = /^[ \t\n\v\f\r]*[+-]?nan(?:\([0-9A-Za-z_]*\))?$/i.test(cb.arg);
  if ((Number.isNaN(v) && !nan) || (min !== max && (v < min || v > max)))
    throw paramError(`${cb.extName}: bad value for option "--${e.name}", or out of range (${min}-${max}).\n`);
  cb.val.dbl = v;
  put(cb, v);
}

function parseMint(cb: OptionCall<any>): void {
  const e = cb.entry;
  const lmax = maxByType(e.type);
  const maxiter = e.size ?? 2;
  const arg = cb.arg;
  cb.nvals = 0;
  const vals: bigint[] = [];
  let pos = 0;
  for (;;) {
    if (cb.nvals === maxiter)
      throw paramError(`${cb.extName}: Too many components for option "--${e.name}" (max: ${maxiter})\n`);
    let value: bigint;
    let end: number;
    if (pos >= arg.length || arg[pos] === ":") {
      end = pos;
      value = cb.nvals === 1 ? lmax : 0n;
    } else {
      const sub = arg.slice(pos);
      const r = xtStrtoul(sub, 0, lmax);
      if (!r.ok)
        throw paramError(
          `${cb.extName}: bad value for option "--${e.name}" near "${sub}", or out of range (0-${lmax}).\n`,
        );
      end = pos + r.end;
      if (end < arg.length && arg[end] !== ":")
        throw paramError(
          `${cb.extName}: Argument to "--${e.name}" has unexpected characters near "${arg.slice(end)}".\n`,
        );
      value = r.big;
    }
    vals.push(value);
    cb.nvals++;
    if (end >= arg.length) break;
    pos = end + 1;
  }
  cb.val.bigRange = vals;
  cb.val.range = vals.map(Number);
  put(cb, e.type === XtType.UINT64RC ? vals : cb.val.range.slice());
}

const UTF8 = utf8Encoder;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function parseString(cb: OptionCall<any>): void {
  const e = cb.entry;
  // C counts bytes: lengths and truncation are on the UTF-8 form (a cut character decodes as U+FFFD).
  const ascii = isAscii(cb.arg);
  const bytes = ascii ? null : UTF8.encode(cb.arg);
  const z = bytes ? bytes.length : cb.arg.length;
  if (e.min && z < e.min) throw paramError(`Argument must have a minimum length of ${e.min} characters\n`);
  if (e.max && z > e.max) throw paramError(`Argument must have a maximum length of ${e.max} characters\n`);
  let s = cb.arg;
  if (e.size && z >= e.size) s = bytes ? utf8Decoder.decode(bytes.subarray(0, e.size - 1)) : s.slice(0, e.size - 1);
  cb.val.str = s;
  put(cb, s);
}

const TOS_SYMBOLS: ReadonlyArray<readonly [string, number]> = [
  ["Minimize-Delay", 0x10],
  ["Maximize-Throughput", 0x08],
  ["Maximize-Reliability", 0x04],
  ["Minimize-Cost", 0x02],
  ["Normal-Service", 0x00],
];

function parseTosmask(cb: OptionCall<any>): void {
  const arg = cb.arg;
  const first = xtStrtoul(arg, 0, 255);
  if (first.ok) {
    cb.val.tosValue = first.value;
    cb.val.tosMask = 255;
    let end = first.end;
    if (arg[end] === "/") {
      const r = xtStrtoul(arg.slice(end + 1), 0, 255);
      if (!r.ok) throw paramError(`Illegal value: "${arg}"`);
      cb.val.tosMask = r.value;
      end = end + 1 + r.end;
    }
    if (end !== arg.length) throw paramError(`Illegal value: "${arg}"`);
    return;
  }
  cb.val.tosMask = cb.entry.max ?? 0;
  for (const [name, value] of TOS_SYMBOLS) {
    if (name.toLowerCase() === arg.toLowerCase()) {
      cb.val.tosValue = value;
      return;
    }
  }
  throw paramError(`Symbolic name "${arg}" is unknown`);
}

/** xtables_parse_mark_mask(): value[/mask] with C integer syntax. */
export function parseMarkMask(cb: OptionCall<any>): { mark: number; mask: number } {
  const arg = cb.arg;
  // xtables_parse_val_mask() without a name map
  const badVal = () =>
    paramError(`${cb.extName}: bad integer value for option "--${cb.entry.name}", or out of range.\n`);
  const garbage = () => paramError(`${cb.extName}: trailing garbage after value for option "--${cb.entry.name}".\n`);
  const r = xtStrtoul(arg, 0, 0xffffffff);
  if (!r.ok) throw badVal();
  let end = r.end;
  let mask = 0xffffffff;
  if (end === arg.length) return { mark: r.value, mask };
  if (arg[end] !== "/") throw garbage();
  const m = xtStrtoul(arg.slice(end + 1), 0, 0xffffffff);
  if (!m.ok) throw badVal();
  mask = m.value;
  end = end + 1 + m.end;
  if (end !== arg.length) throw garbage();
  return { mark: r.value, mask };
}

const SYSLOG_LEVELS: Record<string, number> = {
  alert: 1,
  crit: 2,
  debug: 7,
  emerg: 0,
  error: 3,
  info: 6,
  notice: 5,
  panic: 0,
  warning: 4,
};

function parseSyslogLevel(cb: OptionCall<any>): void {
  const r = xtStrtoul(cb.arg, 0, 7);
  let num: number;
  if (r.ok && r.end === cb.arg.length) num = r.value;
  else {
    const lvl = SYSLOG_LEVELS[cb.arg];
    if (lvl === undefined || !Object.hasOwn(SYSLOG_LEVELS, cb.arg)) throw paramError(`log level "${cb.arg}" unknown\n`);
    num = lvl;
  }
  cb.val.syslogLevel = num;
  put(cb, num);
}

/** getaddrinfo() of one host for XTTYPE_HOST: exactly one address. */
function parseHost(cb: OptionCall<any>, arg: string): void {
  let addrs: number[];
  const n = inetAton(arg);
  if (n !== undefined) addrs = [n];
  else {
    addrs = cb.db.lookupHost(arg);
    if (addrs.length === 0) throw paramError(`getaddrinfo: ${hostLookupFailure(arg)}\n`); // no resolver here
  }
  if (addrs.length > 1 && addrs.some((a) => a !== addrs[0]))
    throw paramError(`${arg} resolves to more than one address\n`);
  cb.val.haddr = addrs[0]!;
  cb.val.hmask = 0xffffffff;
  cb.val.hlen = 32;
  put(cb, cb.val.haddr);
}

function parsePlen(cb: OptionCall<any>, arg: string): void {
  const r = xtStrtoul(arg, 0, 32);
  if (r.ok && r.end === arg.length) {
    cb.val.hlen = r.value;
    return;
  }
  // a full mask: getaddrinfo(AI_NUMERICHOST) takes any inet_aton form ("33" is 0.0.0.33)
  const m = inetAton(arg);
  if (m !== undefined) {
    cb.val.hmask = m;
    cb.val.hlen = maskToCidr(m);
    return;
  }
  throw paramError(
    `${cb.extName}: bad value for option "--${cb.entry.name}", neither a valid network mask nor valid CIDR (0-32).\n`,
  );
}

function parsePlenmask(cb: OptionCall<any>, arg: string): void {
  parsePlen(cb, arg);
  const hl = cb.val.hlen;
  cb.val.hmask = hl === -1 ? cb.val.hmask : cidrToMask(hl < 0 ? 0 : hl);
  if (hl === -1) cb.val.hmask = 0xffffffff; // C shifts by 32-(-1): undefined; keep all-ones
  put(cb, cb.val.hmask);
}

function parseHostmask(cb: OptionCall<any>): void {
  const slash = cb.arg.indexOf("/");
  if (slash < 0) {
    parseHost(cb, cb.arg);
    return;
  }
  parseHost(cb, cb.arg.slice(0, slash));
  parsePlenmask(cb, cb.arg.slice(slash + 1));
}

function parsePort(cb: OptionCall<any>): void {
  const p = getPortByName(cb.arg);
  if (p === undefined) throw paramError(`Port "${cb.arg}" does not resolve to anything.\n`);
  cb.val.port = p;
  put(cb, p);
}

function parsePortRange(cb: OptionCall<any>): void {
  const e = cb.entry;
  const maxiter = e.size ?? 2;
  const range: [number, number] = [0, 65535];
  cb.nvals = 0;
  for (const part of cb.arg.split(":")) {
    if (cb.nvals === maxiter)
      throw paramError(`${cb.extName}: Too many components for option "--${e.name}" (max: ${maxiter})\n`);
    if (part === "") {
      cb.nvals++;
      continue;
    }
    const v = getPortByName(part);
    if (v === undefined) throw paramError(`Port "${part}" does not resolve to anything.\n`);
    if (cb.nvals < 2) range[cb.nvals] = v;
    cb.nvals++;
  }
  if (cb.nvals === 1) {
    range[1] = range[0];
    cb.nvals++;
  }
  cb.val.portRange = range;
  put(cb, range.slice());
}

function parseEthermac(cb: OptionCall<any>): void {
  const mac = parseMacStrict(cb.arg);
  if (!mac) throw paramError("Invalid MAC address specified.");
  cb.val.ethermac = mac;
  put(cb, mac);
}

/** xtopt_parse_ethermac: six strtoul(16) groups, each at most two characters wide (may be empty). */
export function parseMacStrict(arg: string): number[] | undefined {
  const out: number[] = [];
  let pos = 0;
  for (let i = 0; i < 6; i++) {
    const r = cStrtoumax(arg, pos, 16);
    if (i < 5 ? arg[r.end] !== ":" : r.end !== arg.length) return undefined;
    if (r.end - pos > 2) return undefined;
    out.push(Number(r.big & 0xffn));
    pos = r.end + 1;
  }
  return out;
}

function parseProtocol(cb: OptionCall<any>): void {
  cb.val.protocol = parseProtocolName(cb.arg);
  put(cb, cb.val.protocol);
}

/** Names xtables knows without /etc/protocols (xtables_chain_protos). */
export const CHAIN_PROTOS: ReadonlyArray<readonly [string, number]> = [
  ["tcp", 6],
  ["sctp", 132],
  ["udp", 17],
  ["udplite", 136],
  ["icmp", 1],
  ["ipv6-icmp", 58],
  ["icmpv6", 58],
  ["esp", 50],
  ["ah", 51],
  ["mobility-header", 135],
  ["ipv6-mh", 135],
  ["mh", 135],
  ["all", 0],
];

/** xtables_parse_protocol() */
export function parseProtocolName(s: string): number {
  const r = xtStrtoul(s, 0, 255);
  if (r.ok && r.end === s.length) return r.value;
  for (const [name, num] of CHAIN_PROTOS) if (name === s) return num;
  const p = getProtoByName(s);
  if (p !== undefined) return p;
  throw paramError(`unknown protocol "${s}" specified`);
}

/** xtables_option_parse(): checks common to all options, then the typed parse. */
export function xtablesOptionParse(cb: OptionCall<any>): void {
  const e = cb.entry;
  const eflag = 1 << e.id;
  const flags = e.flags ?? 0;
  if ((!(flags & XTOPT_MULTI) || (e.excl ?? 0) & eflag) && cb.xflags & eflag)
    throw paramError(`${cb.extName}: option "--${e.name}" can only be used once.\n`);
  if (cb.invert && !(flags & XTOPT_INVERT))
    throw paramError(`${cb.extName}: option "--${e.name}" cannot be inverted.\n`);
  if (e.type !== XtType.NONE && cb.getopt.optarg === null)
    throw paramError(`${cb.extName}: option "--${e.name}" requires an argument.\n`);
  cb.nvals = 1;
  switch (e.type) {
    case XtType.UINT8:
    case XtType.UINT16:
    case XtType.UINT32:
    case XtType.UINT64:
      parseInt_(cb);
      break;
    case XtType.UINT8RC:
    case XtType.UINT16RC:
    case XtType.UINT32RC:
    case XtType.UINT64RC:
      parseMint(cb);
      break;
    case XtType.DOUBLE:
      parseFloat_(cb);
      break;
    case XtType.STRING:
      parseString(cb);
      break;
    case XtType.TOSMASK:
      parseTosmask(cb);
      break;
    case XtType.MARKMASK32: {
      const mm = parseMarkMask(cb);
      cb.val.mark = mm.mark;
      cb.val.mask = mm.mask;
      break;
    }
    case XtType.SYSLOGLEVEL:
      parseSyslogLevel(cb);
      break;
    case XtType.HOST:
      parseHost(cb, cb.arg);
      break;
    case XtType.HOSTMASK:
      parseHostmask(cb);
      break;
    case XtType.PROTOCOL:
      parseProtocol(cb);
      break;
    case XtType.PORT:
      parsePort(cb);
      break;
    case XtType.PORTRC:
      parsePortRange(cb);
      break;
    case XtType.PLEN:
      parsePlen(cb, cb.arg);
      put(cb, cb.val.hlen);
      break;
    case XtType.PLENMASK:
      parsePlenmask(cb, cb.arg);
      break;
    case XtType.ETHERMAC:
      parseEthermac(cb);
      break;
    case XtType.NONE:
      break;
  }
}

/** xtables_options_fcheck(): mandatory options, `also` and `excl` constraints. */
/** Per option table: the mandatory ids, the ids present, and the entries with also/excl constraints (bit masks). */
interface FcheckInfo {
  mand: number;
  present: number;
  constrained: Array<{ bit: number; also: number; excl: number }>;
}

const fcheckInfo = new WeakMap<readonly XtOptionEntry[], FcheckInfo | null>();

function fcheckInfoOf(table: readonly XtOptionEntry[]): FcheckInfo | null {
  let info = fcheckInfo.get(table);
  if (info !== undefined) return info;
  info = { mand: 0, present: 0, constrained: [] };
  for (const e of table) {
    // Ids outside 0..31 take the exact walk below.
    if (!(e.id >= 0 && e.id < 32)) {
      info = null;
      break;
    }
    const bit = 1 << e.id;
    info.present |= bit;
    if ((e.flags ?? 0) & XTOPT_MAND) info.mand |= bit;
    if (e.also || e.excl) info.constrained.push({ bit, also: e.also ?? 0, excl: e.excl ?? 0 });
  }
  fcheckInfo.set(table, info);
  return info;
}

/** Whether xtablesOptionsFcheck() would pass, decided on bit masks (no message needed then). */
function fcheckPasses(xflags: number, info: FcheckInfo): boolean {
  if ((xflags & info.mand) !== info.mand) return false;
  for (const c of info.constrained) {
    if (!(xflags & c.bit)) continue;
    const others = info.present & ~c.bit;
    if (c.also & others & ~xflags || c.excl & others & xflags) return false;
  }
  return true;
}

export function xtablesOptionsFcheck(name: string, xflags: number, table: readonly XtOptionEntry[]): void {
  const info = fcheckInfoOf(table);
  if (info !== null && fcheckPasses(xflags, info)) return;
  if (xflags === 0 && !table.some((e) => (e.flags ?? 0) & XTOPT_MAND)) return;
  for (const entry of table) {
    const ef = 1 << entry.id;
    if ((entry.flags ?? 0) & XTOPT_MAND && !(xflags & ef))
      throw paramError(`${name}: option "--${entry.name}" must be specified\n`);
    if (!(xflags & ef)) continue;
    if (!entry.also && !entry.excl) continue;
    for (let i = 0; i < 32; i++) {
      if (entry.id === i) continue;
      const other = table.find((o) => o.id === i);
      if (!other) continue;
      const of = 1 << other.id;
      if ((entry.also ?? 0) & of && !(xflags & of))
        throw paramError(`${name}: option "--${entry.name}" also requires "--${other.name}".\n`);
      if (!((entry.excl ?? 0) & of)) continue;
      if ((xflags & (ef | of)) !== (ef | of)) continue;
      throw paramError(`${name}: option "--${entry.name}" cannot be used together with "--${other.name}".\n`);
    }
  }
}

export type { FinalCheckCall };

/** Parse an address with an optional mask the way many extensions do (xtables_ipparse_any). */
export { ipParseAny };
