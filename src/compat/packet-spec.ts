/**
 * What a `send` packet is made of, read from iptables-style options or from
 * one JSON object, checked field by field, then turned into a Packet with
 * the host's defaults. Also the reverse: a Packet as the same JSON fields
 * (emitted packets can be fed back as input).
 */
import { cidrToMask, formatIPv4 } from "../core/ipv4.js";
import { getProtoByName, getProtoByNumber, getServByName, type NameDb } from "../core/netdb.js";
import {
  IP_DF,
  IP_MF,
  IP_OFFMASK,
  IPPROTO_ICMP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  macToString,
  PACKET_BROADCAST,
  PACKET_MULTICAST,
  Packet,
  parseMac,
  TCP_ACK,
  TCP_CWR,
  TCP_ECE,
  TCP_FIN,
  TCP_PSH,
  TCP_RST,
  TCP_SYN,
  TCP_URG,
} from "../core/packet.js";
import { utf8Encoder } from "../core/utf8.js";
import type { NetConfig } from "../engine/net.js";
import { ICMP_CODES } from "../extensions/icmp.js";
import { JsonWriter, lit, putIpv4, putLit, putUint } from "./json-writer.js";

/** The quoted packet of an ICMP error. */
export interface InnerSpec {
  src?: number;
  dst?: number;
  proto?: number;
  sport?: number;
  dport?: number;
  type?: number;
  code?: number;
}

/** A packet to send, every field optional until defaults are applied. */
export interface PacketSpec {
  /** Arriving on this interface; absent with `local`. */
  in?: string;
  local?: boolean;
  src?: number;
  dst?: number;
  proto?: number;
  sport?: number;
  dport?: number;
  flags?: number;
  type?: number;
  code?: number;
  /** ICMP echo identifier for ICMP, the IP identification otherwise. */
  id?: number;
  /** IP identification (any protocol). */
  ipid?: number;
  /** TCP sequence number, or ICMP echo sequence. */
  seq?: number;
  ack?: number;
  window?: number;
  len?: number;
  ttl?: number;
  tos?: number;
  mark?: number;
  df?: boolean;
  /** More fragments (IP_MF) and the fragment offset (8-byte units): a fragment. */
  mf?: boolean;
  fragoff?: number;
  macSrc?: number;
  uid?: number;
  gid?: number;
  inner?: InnerSpec;
  /** IP options bytes, padded with END (0) to a multiple of 4, at most 40. */
  ipopts?: Uint8Array;
}

/** A field that does not make sense: `field` names it as the user wrote it. */
export class SpecError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const FLAG_LETTERS: Record<string, number> = {
  F: TCP_FIN,
  S: TCP_SYN,
  R: TCP_RST,
  P: TCP_PSH,
  A: TCP_ACK,
  ".": TCP_ACK,
  U: TCP_URG,
  E: TCP_ECE,
  C: TCP_CWR,
  W: TCP_CWR,
};

const FLAG_NAMES: Record<string, number> = {
  FIN: TCP_FIN,
  SYN: TCP_SYN,
  RST: TCP_RST,
  PSH: TCP_PSH,
  ACK: TCP_ACK,
  URG: TCP_URG,
  ECE: TCP_ECE,
  CWR: TCP_CWR,
  ALL: 0x3f,
  NONE: 0,
};

/** TCP flags as letters in the order tcpdump prints them ("S", "SA", "RA", "" for none). */
export function flagLetters(f: number): string {
  let s = "";
  if (f & TCP_FIN) s += "F";
  if (f & TCP_SYN) s += "S";
  if (f & TCP_RST) s += "R";
  if (f & TCP_PSH) s += "P";
  if (f & TCP_ACK) s += "A";
  if (f & TCP_URG) s += "U";
  if (f & TCP_ECE) s += "E";
  if (f & TCP_CWR) s += "C";
  return s;
}

function parseFlagLetters(field: string, s: string): number {
  let f = 0;
  for (const ch of s.toUpperCase()) {
    const v = FLAG_LETTERS[ch];
    if (v === undefined) throw new SpecError(field, `unknown TCP flag letter '${ch}' (use F S R P A U E C)`);
    f |= v;
  }
  return f;
}

/** Whether `s` is a list of TCP flag names (the second word of iptables' --tcp-flags MASK COMP). */
function isFlagList(s: string): boolean {
  return s.split(",").every((part) => FLAG_NAMES[part.toUpperCase()] !== undefined);
}

function parseFlagNames(field: string, s: string): number {
  let f = 0;
  for (const part of s.split(",")) {
    const v = FLAG_NAMES[part.toUpperCase()];
    if (v === undefined) throw new SpecError(field, `unknown TCP flag '${part}'`);
    f |= v;
  }
  return f;
}

/** A dotted quad, strictly (four decimal parts 0-255). */
export function parseDotted(s: string): number | undefined {
  let v = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return undefined;
      v = v * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  return v * 256 + part;
}

function addr(field: string, v: unknown, db?: NameDb): number {
  if (typeof v !== "string") throw new SpecError(field, "expected an IPv4 address as a string");
  const a = parseDotted(v);
  if (a !== undefined) return a;
  const names = db?.lookupHost(v);
  if (names?.length) return names[0]!;
  throw new SpecError(field, `bad IPv4 address '${v}'`);
}

/** An integer in [min, max], from a number or a decimal/0x-hex string. */
function int(field: string, v: unknown, min: number, max: number): number {
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string" && /^(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(v)) n = Number(v);
  else throw new SpecError(field, `expected an integer, got ${JSON.stringify(v)}`);
  if (!Number.isInteger(n)) throw new SpecError(field, `expected an integer, got ${JSON.stringify(v)}`);
  if (n < min || n > max) throw new SpecError(field, `${n} out of range (${min}-${max})`);
  return n;
}

function proto(field: string, v: unknown): number {
  if (typeof v === "number") return int(field, v, 0, 255);
  if (typeof v !== "string") throw new SpecError(field, "expected a protocol name or number");
  const low = v.toLowerCase();
  if (low === "tcp") return IPPROTO_TCP;
  if (low === "udp") return IPPROTO_UDP;
  if (low === "icmp") return IPPROTO_ICMP;
  if (/^[0-9]+$/.test(v)) return int(field, v, 0, 255);
  const n = getProtoByName(low);
  if (n === undefined) throw new SpecError(field, `unknown protocol '${v}'`);
  return n;
}

function port(field: string, v: unknown, protoName: string): number {
  if (typeof v === "string" && !/^[0-9]+$/.test(v)) {
    const n = getServByName(v, protoName) ?? getServByName(v);
    if (n === undefined) throw new SpecError(field, `unknown service '${v}'`);
    return n;
  }
  return int(field, v, 0, 65535);
}

/** --icmp-type NAME[/CODE] | TYPE[/CODE], names as iptables knows them (unique prefixes too). */
export function parseIcmpType(field: string, s: string): { type: number; code: number } {
  const slash = s.indexOf("/");
  const head = slash >= 0 ? s.slice(0, slash) : s;
  const codeText = slash >= 0 ? s.slice(slash + 1) : undefined;
  let type: number;
  let code = 0;
  if (/^[0-9]+$/.test(head)) type = int(field, head, 0, 255);
  else {
    const low = head.toLowerCase();
    const exact = ICMP_CODES.find(([n]) => n.toLowerCase() === low);
    const hits = exact ? [exact] : ICMP_CODES.filter(([n]) => n.toLowerCase().startsWith(low));
    if (hits.length === 0) throw new SpecError(field, `unknown ICMP type '${head}'`);
    if (hits.length > 1)
      throw new SpecError(field, `ambiguous ICMP type '${head}': '${hits[0]![0]}' or '${hits[1]![0]}'?`);
    const [, t, lo] = hits[0]!;
    if (t === 0xff) throw new SpecError(field, "'any' is not a packet's ICMP type");
    type = t;
    code = lo;
  }
  if (codeText !== undefined) code = int(field, codeText, 0, 255);
  return { type, code };
}

function boolField(field: string, v: unknown): boolean {
  if (typeof v !== "boolean") throw new SpecError(field, "expected true or false");
  return v;
}

function protoNameOf(p: number | undefined): string {
  return p === IPPROTO_UDP ? "udp" : "tcp";
}

const INNER_FIELDS = new Set(["src", "dst", "proto", "sport", "dport", "type", "code"]);

function innerSpec(v: unknown): InnerSpec {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new SpecError("inner", "expected an object");
  const o = v as Record<string, unknown>;
  const s: InnerSpec = {};
  for (const k of Object.keys(o)) if (!INNER_FIELDS.has(k)) throw new SpecError(`inner.${k}`, "unknown field");
  if (o.src !== undefined) s.src = addr("inner.src", o.src);
  if (o.dst !== undefined) s.dst = addr("inner.dst", o.dst);
  if (o.proto !== undefined) s.proto = proto("inner.proto", o.proto);
  const pn = protoNameOf(s.proto);
  if (o.sport !== undefined) s.sport = port("inner.sport", o.sport, pn);
  if (o.dport !== undefined) s.dport = port("inner.dport", o.dport, pn);
  if (o.type !== undefined) s.type = int("inner.type", o.type, 0, 255);
  if (o.code !== undefined) s.code = int("inner.code", o.code, 0, 255);
  return s;
}

/** One JSON input line's object → spec (throws SpecError naming the field). */
/** IP options as hex ("07070400000000" …): padded with END to a multiple of 4, at most 40 bytes. */
function ipOptionsHex(field: string, v: unknown): Uint8Array {
  if (typeof v !== "string" || !/^([0-9a-fA-F]{2})*$/.test(v))
    throw new SpecError(field, `expected IP option bytes in hex, e.g. "0707040000000001", not ${JSON.stringify(v)}`);
  const n = v.length / 2;
  if (n > 40) throw new SpecError(field, `${n} bytes of IP options: at most 40 fit in the header`);
  const b = new Uint8Array((n + 3) & ~3);
  for (let i = 0; i < n; i++) b[i] = Number.parseInt(v.slice(2 * i, 2 * i + 2), 16);
  return b;
}

export function specFromJson(o: unknown): PacketSpec {
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new SpecError("(line)", "expected a JSON object");
  const r = o as Record<string, unknown>;
  const s: PacketSpec = {};
  let pv: unknown;
  for (const k in r) {
    const v = r[k];
    switch (k) {
      case "in":
        if (typeof v !== "string" || v === "") throw new SpecError(k, "expected an interface name");
        s.in = v;
        break;
      case "local":
        s.local = boolField(k, v);
        break;
      case "src":
        s.src = addr(k, v);
        break;
      case "dst":
        s.dst = addr(k, v);
        break;
      case "proto":
        s.proto = proto(k, v);
        break;
      case "sport":
      case "dport":
        pv = v; // resolved below, once the protocol is known
        break;
      case "flags":
        if (typeof v !== "string") throw new SpecError(k, 'expected TCP flag letters, e.g. "SA"');
        s.flags = parseFlagLetters(k, v);
        break;
      case "type":
        if (typeof v === "string" && !/^[0-9]+$/.test(v)) {
          const t = parseIcmpType(k, v);
          s.type = t.type;
          if (s.code === undefined) s.code = t.code;
        } else s.type = int(k, v, 0, 255);
        break;
      case "code":
        s.code = int(k, v, 0, 255);
        break;
      case "id":
        s.id = int(k, v, 0, 65535);
        break;
      case "ipid":
        s.ipid = int(k, v, 0, 65535);
        break;
      case "seq":
        s.seq = int(k, v, 0, 0xffffffff);
        break;
      case "ack":
        s.ack = int(k, v, 0, 0xffffffff);
        break;
      case "window":
        s.window = int(k, v, 0, 65535);
        break;
      case "len":
        s.len = int(k, v, 20, 65535);
        break;
      case "ttl":
        s.ttl = int(k, v, 0, 255);
        break;
      case "tos":
        s.tos = int(k, v, 0, 255);
        break;
      case "mark":
        s.mark = int(k, v, 0, 0xffffffff);
        break;
      case "df":
        s.df = boolField(k, v);
        break;
      case "mf":
        s.mf = boolField(k, v);
        break;
      case "fragoff":
        s.fragoff = int(k, v, 0, 8191);
        break;
      case "mac":
      case "macsrc": {
        const m = typeof v === "string" ? parseMac(v) : undefined;
        if (m === undefined) throw new SpecError(k, `bad MAC address ${JSON.stringify(v)}`);
        s.macSrc = m;
        break;
      }
      case "uid":
        s.uid = int(k, v, 0, 0xfffffffe);
        break;
      case "gid":
        s.gid = int(k, v, 0, 0xfffffffe);
        break;
      case "inner":
        s.inner = innerSpec(v);
        break;
      case "ipopts":
        s.ipopts = ipOptionsHex(k, v);
        break;
      case "out":
        // Emitted packets carry "out": feeding one back needs "in" instead.
        throw new SpecError(k, 'an input packet arrives ("in") or is local ("local"), it has no "out"');
      default:
        throw new SpecError(k, "unknown field");
    }
  }
  if (pv !== undefined) {
    const pn = protoNameOf(s.proto);
    if (r.sport !== undefined) s.sport = port("sport", r.sport, pn);
    if (r.dport !== undefined) s.dport = port("dport", r.dport, pn);
  }
  return s;
}

// ---- fast path of send --json ----
// A line that is a flat object of the usual fields with plain values is read here straight
// into a spec, without JSON.parse and without a regex per field. Anything else (escapes,
// nested objects, names to resolve, a value out of range, an unknown field) returns null and
// the caller takes the general path (JSON.parse + specFromJson), which also words the errors.

const F_IN = 1;
const F_LOCAL = 2;
const F_SRC = 3;
const F_DST = 4;
const F_PROTO = 5;
const F_SPORT = 6;
const F_DPORT = 7;
const F_FLAGS = 8;
const F_TYPE = 9;
const F_CODE = 10;
const F_ID = 11;
const F_IPID = 12;
const F_SEQ = 13;
const F_ACK = 14;
const F_WINDOW = 15;
const F_LEN = 16;
const F_TTL = 17;
const F_TOS = 18;
const F_MARK = 19;
const F_DF = 20;
const F_UID = 21;
const F_GID = 22;

/** Field id of a key by its keyCode(), or 0 (no key string is built; the cases are keyCode() of the field names). */
function fieldOfCode(code: number): number {
  switch (code) {
    case 302: // in
      return F_IN;
    case 13077548: // local
      return F_LOCAL;
    case 20035: // src
      return F_SRC;
    case 4724: // dst
      return F_DST;
    case 17383055: // proto
      return F_PROTO;
    case 20463188: // sport
      return F_SPORT;
    case 4734548: // dport
      return F_DPORT;
    case 6685939: // flags
      return F_FLAGS;
    case 681477: // type
      return F_TYPE;
    case 113797: // code
      return F_CODE;
    case 292: // id
      return F_ID;
    case 311588: // ipid
      return F_IPID;
    case 19633: // seq
      return F_SEQ;
    case 1131: // ack
      return F_ACK;
    case 781652471: // window
      return F_WINDOW;
    case 12462: // len
      return F_LEN;
    case 21132: // ttl
      return F_TTL;
    case 20979: // tos
      return F_TOS;
    case 427595: // mark
      return F_MARK;
    case 134: // df
      return F_DF;
    case 21796: // uid
      return F_UID;
    case 7460: // gid
      return F_GID;
    default:
      return 0;
  }
}

/** TCP flag bits of a letter (char code), -1 for none; "." is ACK as in tcpdump. */
function flagBit(c: number): number {
  switch (c | 0x20) {
    case 0x66:
      return TCP_FIN;
    case 0x73:
      return TCP_SYN;
    case 0x72:
      return TCP_RST;
    case 0x70:
      return TCP_PSH;
    case 0x61:
      return TCP_ACK;
    case 0x75:
      return TCP_URG;
    case 0x65:
      return TCP_ECE;
    case 0x63:
    case 0x77:
      return TCP_CWR;
    default:
      return c === 0x2e ? TCP_ACK : -1;
  }
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * The spec of a JSON line in the common form, or null when the general path must read it.
 * For every line it accepts, the spec equals specFromJson(JSON.parse(line)).
 */
export function fastSpecFromLine(line: string, from = 0, to = line.length): PacketSpec | null {
  const bytes = encoder.encode(line.slice(from, to));
  return fastSpecFromBytes(bytes, 0, bytes.length);
}

const encoder = utf8Encoder;

/**
 * fastSpecFromLine() on the line's UTF-8 bytes b[from, to) (send --json encodes its input once:
 * bytes are read faster than a string's characters). Anything but ASCII goes the general way.
 * `into`: a spec to fill instead of a new one (send --json reuses one: a spec is not kept).
 */
export function fastSpecFromBytes(line: Uint8Array, from: number, to: number, into?: PacketSpec): PacketSpec | null {
  const n = to;
  let i = from;
  while (i < n && isWs(line[i]!)) i++;
  if (line[i]! !== 0x7b) return null;
  i++;
  // every field present (undefined until read): one shape for all specs, whatever the keys
  const s = into === undefined ? emptySpec() : clearSpec(into);
  let sport = -1;
  let dport = -1;
  while (i < n && isWs(line[i]!)) i++;
  let done = line[i]! === 0x7d;
  if (done) i++;
  while (!done) {
    while (i < n && isWs(line[i]!)) i++;
    // key: a plain string
    if (line[i]! !== 0x22) return null;
    const ka = ++i;
    while (i < n) {
      const c = line[i]!;
      if (c === 0x22) break;
      if (c === 0x5c || c < 0x20 || c > 0x7e) return null;
      i++;
    }
    if (i >= n) return null;
    const field = fastField(line, ka, i);
    if (field === 0) return null;
    i++;
    while (i < n && isWs(line[i]!)) i++;
    if (line[i]! !== 0x3a) return null;
    i++;
    while (i < n && isWs(line[i]!)) i++;
    // value: a plain string, a non-negative integer, true or false
    const c0 = line[i]!;
    let num = -1;
    // a string value is line[va, vb) (read in place; sliced only for "in")
    let va = -1;
    let vb = -1;
    let bool = -1;
    if (c0 === 0x22) {
      va = ++i;
      while (i < n) {
        const c = line[i]!;
        if (c === 0x22) break;
        if (c === 0x5c || c < 0x20 || c > 0x7e) return null;
        i++;
      }
      if (i >= n) return null;
      vb = i++;
    } else if (c0 >= 0x30 && c0 <= 0x39) {
      const na = i;
      num = 0;
      while (i < n) {
        const c = line[i]!;
        if (c < 0x30 || c > 0x39) break;
        num = num * 10 + (c - 0x30);
        i++;
      }
      // leading zeros are not JSON; fractions, exponents and long numbers go the general way
      if ((c0 === 0x30 && i - na > 1) || i - na > 15) return null;
      const c = line[i]!;
      if (c === 0x2e || c === 0x65 || c === 0x45) return null;
    } else if (c0 === 0x74 && line[i + 1] === 0x72 && line[i + 2] === 0x75 && line[i + 3] === 0x65 && i + 3 < n) {
      bool = 1;
      i += 4;
    } else if (
      c0 === 0x66 &&
      line[i + 1] === 0x61 &&
      line[i + 2] === 0x6c &&
      line[i + 3] === 0x73 &&
      line[i + 4] === 0x65 &&
      i + 4 < n
    ) {
      bool = 0;
      i += 5;
    } else return null;
    switch (field) {
      case F_IN:
        if (va < 0 || vb === va) return null;
        s.in = asciiText(line, va, vb);
        break;
      case F_LOCAL:
        if (bool < 0) return null;
        s.local = bool === 1;
        break;
      case F_DF:
        if (bool < 0) return null;
        s.df = bool === 1;
        break;
      case F_SRC:
      case F_DST: {
        if (va < 0) return null;
        const a = parseDottedAt(line, va, vb);
        if (a < 0) return null;
        if (field === F_SRC) s.src = a;
        else s.dst = a;
        break;
      }
      case F_PROTO:
        if (num >= 0) {
          if (num > 255) return null;
          s.proto = num;
        } else if (va >= 0 && vb - va === 3 && line[va] === 0x74 && line[va + 1] === 0x63 && line[va + 2] === 0x70)
          s.proto = IPPROTO_TCP;
        else if (va >= 0 && vb - va === 3 && line[va] === 0x75 && line[va + 1] === 0x64 && line[va + 2] === 0x70)
          s.proto = IPPROTO_UDP;
        else if (
          va >= 0 &&
          vb - va === 4 &&
          line[va] === 0x69 &&
          line[va + 1] === 0x63 &&
          line[va + 2] === 0x6d &&
          line[va + 3] === 0x70
        )
          s.proto = IPPROTO_ICMP;
        else return null;
        break;
      case F_SPORT:
      case F_DPORT:
        if (num < 0 || num > 65535) return null;
        if (field === F_SPORT) sport = num;
        else dport = num;
        break;
      case F_FLAGS: {
        if (va < 0) return null;
        let f = 0;
        for (let k = va; k < vb; k++) {
          const b = flagBit(line[k]!);
          if (b < 0) return null;
          f |= b;
        }
        s.flags = f;
        break;
      }
      default: {
        // the integer fields
        if (num < 0) return null;
        const max =
          field === F_SEQ || field === F_ACK || field === F_MARK
            ? 0xffffffff
            : field === F_UID || field === F_GID
              ? 0xfffffffe
              : field === F_TYPE || field === F_CODE || field === F_TTL || field === F_TOS
                ? 255
                : 65535;
        if (num > max || (field === F_LEN && num < 20)) return null;
        switch (field) {
          case F_TYPE:
            s.type = num;
            break;
          case F_CODE:
            s.code = num;
            break;
          case F_ID:
            s.id = num;
            break;
          case F_IPID:
            s.ipid = num;
            break;
          case F_SEQ:
            s.seq = num;
            break;
          case F_ACK:
            s.ack = num;
            break;
          case F_WINDOW:
            s.window = num;
            break;
          case F_LEN:
            s.len = num;
            break;
          case F_TTL:
            s.ttl = num;
            break;
          case F_TOS:
            s.tos = num;
            break;
          case F_MARK:
            s.mark = num;
            break;
          case F_UID:
            s.uid = num;
            break;
          default:
            s.gid = num;
        }
      }
    }
    while (i < n && isWs(line[i]!)) i++;
    const sep = line[i++]!;
    if (sep === 0x7d) done = true;
    else if (sep !== 0x2c) return null;
  }
  while (i < n && isWs(line[i]!)) i++;
  if (i !== n) return null;
  if (sport >= 0) s.sport = sport;
  if (dport >= 0) s.dport = dport;
  return s;
}

function emptySpec(): PacketSpec {
  return {
    in: undefined,
    local: undefined,
    src: undefined,
    dst: undefined,
    proto: undefined,
    sport: undefined,
    dport: undefined,
    flags: undefined,
    type: undefined,
    code: undefined,
    id: undefined,
    ipid: undefined,
    seq: undefined,
    ack: undefined,
    window: undefined,
    len: undefined,
    ttl: undefined,
    tos: undefined,
    mark: undefined,
    df: undefined,
    mf: undefined,
    fragoff: undefined,
    macSrc: undefined,
    uid: undefined,
    gid: undefined,
    inner: undefined,
    ipopts: undefined,
  };
}

/** Every field of `s` back to undefined (emptySpec()'s state). */
function clearSpec(s: PacketSpec): PacketSpec {
  s.in = undefined;
  s.local = undefined;
  s.src = undefined;
  s.dst = undefined;
  s.proto = undefined;
  s.sport = undefined;
  s.dport = undefined;
  s.flags = undefined;
  s.type = undefined;
  s.code = undefined;
  s.id = undefined;
  s.ipid = undefined;
  s.seq = undefined;
  s.ack = undefined;
  s.window = undefined;
  s.len = undefined;
  s.ttl = undefined;
  s.tos = undefined;
  s.mark = undefined;
  s.df = undefined;
  s.mf = undefined;
  s.fragoff = undefined;
  s.macSrc = undefined;
  s.uid = undefined;
  s.gid = undefined;
  s.inner = undefined;
  s.ipopts = undefined;
  return s;
}

/** A spec for fastSpecFromBytes() to fill again and again. */
export function scratchSpec(): PacketSpec {
  return emptySpec();
}

/** Up to six lowercase letters as a small integer, 5 bits each (-1 for anything else). */
function keyCode(s: Uint8Array, a: number, b: number): number {
  if (b - a > 6) return -1;
  let code = 0;
  for (let i = a; i < b; i++) {
    const c = s[i]! - 0x60;
    if (c < 1 || c > 26) return -1;
    code = code * 32 + c;
  }
  return code;
}

/** Field id of the key at s[a, b), or 0. */
function fastField(s: Uint8Array, a: number, b: number): number {
  return fieldOfCode(keyCode(s, a, b));
}

/** parseDotted() of the ASCII text s[a, b), read in place; -1 for undefined. */
function parseDottedAt(s: Uint8Array, a: number, b: number): number {
  let v = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = a; i < b; i++) {
    const c = s[i]!;
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      v = v * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return -1;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return v * 256 + part;
}

/** Interface names read lately: the same few names come in every line (no string made per packet). */
const asciiSeen: string[] = [];

/** The ASCII text of s[a, b). */
function asciiText(s: Uint8Array, a: number, b: number): string {
  const len = b - a;
  for (let k = 0; k < asciiSeen.length; k++) {
    const t = asciiSeen[k]!;
    if (t.length !== len) continue;
    let same = true;
    for (let i = 0; i < len && same; i++) same = t.charCodeAt(i) === s[a + i];
    if (same) return t;
  }
  let t = "";
  for (let i = a; i < b; i++) t += String.fromCharCode(s[i]!);
  if (asciiSeen.length >= 16) asciiSeen.shift();
  asciiSeen.push(t);
  return t;
}

/** Usage text of the packet options shared by send and trace. */
export const SEND_OPTIONS_HELP = `Packet options (as iptables users write them):
  -i IFACE | --local         arriving on IFACE, or sent by the host itself
  -p tcp|udp|icmp|NUM        protocol (default tcp)
  -s ADDR  -d ADDR           source and destination
  --sport N  --dport N       ports (numbers or service names)
  --syn | --tcp-flags F,F    TCP flags set (SYN,ACK,FIN,RST,PSH,URG,ECE,CWR; default SYN); iptables'
                             MASK COMP form is taken too (the packet has the flags of COMP)
  --seq N  --ack N  --window N
  --icmp-type NAME[/CODE]|TYPE[/CODE]   (default echo-request)
  --id N                     ICMP echo id (ICMP) or IP id (others); --ip-id N for the IP id
  --inner-src A --inner-dst A --inner-proto P --inner-sport N --inner-dport N   quoted packet of an ICMP error
  --len N                    IP total length (payload padded with zeros)
  --ttl N  --tos N  --mark N  --df  --mac-source MAC  --uid N  --gid N
  --mf  --frag-offset N      a fragment: more fragments, offset in 8-byte units (as LOG's FRAG:);
                             one at a non-zero offset carries --len bytes of zeros after its header
  --ip-options HEX           IP options (hex bytes, padded with END to 4-byte words, at most 40), e.g.
                             0707040000000001 (record route, one slot), 440c05010000000000000000 (timestamp)
`;

/** iptables-style words → spec. Throws SpecError naming the option. */
export function specFromArgs(args: readonly string[], db: NameDb): PacketSpec {
  const s: PacketSpec = {};
  let sport: string | undefined;
  let dport: string | undefined;
  let innerSport: string | undefined;
  let innerDport: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new SpecError(a, "needs a value");
      return v;
    };
    const inner = (): InnerSpec => {
      s.inner ??= {};
      return s.inner;
    };
    switch (a) {
      case "-i":
      case "--in-interface":
        s.in = value();
        break;
      case "--local":
        s.local = true;
        break;
      case "-p":
      case "--protocol":
        s.proto = proto(a, value());
        break;
      case "-s":
      case "--source":
      case "--src":
        s.src = addr(a, value(), db);
        break;
      case "-d":
      case "--destination":
      case "--dst":
        s.dst = addr(a, value(), db);
        break;
      case "--sport":
      case "--source-port":
        sport = value();
        break;
      case "--dport":
      case "--destination-port":
        dport = value();
        break;
      case "--syn":
        s.flags = TCP_SYN;
        break;
      case "--tcp-flags": {
        const first = value();
        // iptables' form, MASK COMP: the packet has the flags of COMP (the mask says nothing of it)
        const next = args[i + 1];
        if (next !== undefined && isFlagList(next)) {
          parseFlagNames(a, first);
          s.flags = parseFlagNames(a, next);
          i++;
        } else s.flags = parseFlagNames(a, first);
        break;
      }
      case "--icmp-type": {
        const t = parseIcmpType(a, value());
        s.type = t.type;
        s.code = t.code;
        s.proto ??= IPPROTO_ICMP;
        break;
      }
      case "--id":
        s.id = int(a, value(), 0, 65535);
        break;
      case "--ip-id":
        s.ipid = int(a, value(), 0, 65535);
        break;
      case "--seq":
        s.seq = int(a, value(), 0, 0xffffffff);
        break;
      case "--ack":
        s.ack = int(a, value(), 0, 0xffffffff);
        break;
      case "--window":
        s.window = int(a, value(), 0, 65535);
        break;
      case "--len":
      case "--length":
        s.len = int(a, value(), 20, 65535);
        break;
      case "--ttl":
        s.ttl = int(a, value(), 0, 255);
        break;
      case "--tos":
        s.tos = int(a, value(), 0, 255);
        break;
      case "--ip-options":
        s.ipopts = ipOptionsHex(a, value());
        break;
      case "--mark":
        s.mark = int(a, value(), 0, 0xffffffff);
        break;
      case "--df":
        s.df = true;
        break;
      case "--mf":
        s.mf = true;
        break;
      case "--frag-offset":
        s.fragoff = int(a, value(), 0, 8191);
        break;
      case "--mac-source": {
        const v = value();
        const m = parseMac(v);
        if (m === undefined) throw new SpecError(a, `bad MAC address '${v}'`);
        s.macSrc = m;
        break;
      }
      case "--uid":
      case "--uid-owner":
        s.uid = int(a, value(), 0, 0xfffffffe);
        break;
      case "--gid":
      case "--gid-owner":
        s.gid = int(a, value(), 0, 0xfffffffe);
        break;
      case "--inner-src":
        inner().src = addr(a, value(), db);
        break;
      case "--inner-dst":
        inner().dst = addr(a, value(), db);
        break;
      case "--inner-proto":
        inner().proto = proto(a, value());
        break;
      case "--inner-sport":
        innerSport = value();
        inner();
        break;
      case "--inner-dport":
        innerDport = value();
        inner();
        break;
      default:
        throw new SpecError(a, "unknown option");
    }
  }
  if (s.proto === undefined && (sport !== undefined || dport !== undefined || s.flags !== undefined))
    s.proto = IPPROTO_TCP;
  const pn = protoNameOf(s.proto);
  if (sport !== undefined) s.sport = port("--sport", sport, pn);
  if (dport !== undefined) s.dport = port("--dport", dport, pn);
  if (s.inner) {
    const ipn = protoNameOf(s.inner.proto);
    if (innerSport !== undefined) s.inner.sport = port("--inner-sport", innerSport, ipn);
    if (innerDport !== undefined) s.inner.dport = port("--inner-dport", innerDport, ipn);
  }
  return s;
}

/** ICMP types whose body quotes the offending packet. */
export function isIcmpError(type: number): boolean {
  return type === 3 || type === 4 || type === 5 || type === 11 || type === 12;
}

/** Echo-like ICMP types (id and sequence in the header). */
export function isIcmpQuery(type: number): boolean {
  return type === 0 || type === 8 || type === 13 || type === 14 || type === 17 || type === 18;
}

function l4Len(proto: number): number {
  return proto === IPPROTO_TCP ? 20 : proto === IPPROTO_UDP || proto === IPPROTO_ICMP ? 8 : 0;
}

/** Default source of a packet arriving on `dev`: a neighbour on the interface's subnet. */
function neighbourOf(net: NetConfig, dev: string): number {
  const a = net.iface(dev)?.addrs[0];
  if (!a) return 0x0a000002;
  if (a.plen >= 31) return a.addr ^ 1;
  const mask = cidrToMask(a.plen);
  const base = (a.addr & mask) >>> 0;
  const cand = base + 1 === a.addr ? base + 2 : base + 1;
  return cand >>> 0;
}

/** The packet a spec describes, on `net` (defaults: tcp SYN, ports 40000 → 80, ttl 64). Throws SpecError. */
export function buildPacket(s: PacketSpec, net: NetConfig): Packet {
  if (s.local && s.in !== undefined)
    throw new SpecError("in", "a packet either arrives on an interface or is local, not both");
  if (!s.local && s.in === undefined)
    throw new SpecError("in", 'say where the packet comes from: an interface (-i / "in") or --local');
  const iface = s.in !== undefined ? net.iface(s.in) : undefined;
  if (s.in !== undefined && !iface) throw new SpecError("in", `no interface '${s.in}' on this host`);
  const p = new Packet();
  p.proto = s.proto ?? IPPROTO_TCP;
  if (s.dst === undefined) {
    if (s.local) throw new SpecError("dst", "a local packet needs a destination (-d)");
    p.dst = iface?.addrs[0]?.addr ?? 0x7f000001;
  } else p.dst = s.dst;
  if (s.src !== undefined) p.src = s.src;
  else if (!s.local) p.src = neighbourOf(net, s.in!);
  p.ttl = s.ttl ?? 64;
  p.tos = s.tos ?? 0;
  p.mark = s.mark ?? 0;
  if (s.ipopts?.length) p.ipOptions = s.ipopts;
  if (s.df) p.frag = IP_DF;
  if (s.mf) p.frag |= IP_MF;
  if (s.fragoff) p.frag |= s.fragoff;
  if (s.uid !== undefined) p.uid = s.uid;
  if (s.gid !== undefined) p.gid = s.gid;
  const icmp = p.proto === IPPROTO_ICMP;
  p.id = s.ipid ?? (!icmp && s.id !== undefined ? s.id : 0);
  switch (p.proto) {
    case IPPROTO_TCP:
      p.sport = s.sport ?? 40000;
      p.dport = s.dport ?? 80;
      p.tcpFlags = s.flags ?? TCP_SYN;
      p.seq = s.seq ?? 0;
      p.ack = s.ack ?? 0;
      p.window = s.window ?? 64240;
      break;
    case IPPROTO_UDP:
      p.sport = s.sport ?? 40000;
      p.dport = s.dport ?? 53;
      break;
    case IPPROTO_ICMP:
      p.icmpType = s.type ?? 8;
      p.icmpCode = s.code ?? 0;
      if (isIcmpQuery(p.icmpType)) {
        if (s.seq !== undefined && s.seq > 65535)
          throw new SpecError("seq", `${s.seq} out of range (0-65535) for ICMP`);
        p.icmpId = s.id ?? 1;
        p.icmpSeq = s.seq ?? 1;
        p.icmpRest = ((p.icmpId << 16) | p.icmpSeq) >>> 0;
      }
      break;
    default:
      if (s.sport !== undefined || s.dport !== undefined) {
        // Ports of other protocols (sctp, dccp, udplite) sit in the first four bytes.
        p.sport = s.sport ?? 0;
        p.dport = s.dport ?? 0;
        const b = new Uint8Array(4);
        b[0] = p.sport >>> 8;
        b[1] = p.sport & 255;
        b[2] = p.dport >>> 8;
        b[3] = p.dport & 255;
        p.payload = b;
      }
  }
  let min = p.ihl + l4Len(p.proto) + (p.payload?.length ?? 0);
  if (icmp && isIcmpError(p.icmpType)) {
    const q = s.inner ?? {};
    const inner = new Packet();
    inner.src = q.src ?? p.dst;
    inner.dst = q.dst ?? p.src;
    inner.proto = q.proto ?? IPPROTO_UDP;
    inner.ttl = 64;
    if (inner.proto === IPPROTO_TCP || inner.proto === IPPROTO_UDP) {
      inner.sport = q.sport ?? 40000;
      inner.dport = q.dport ?? (inner.proto === IPPROTO_TCP ? 80 : 53);
      if (inner.proto === IPPROTO_TCP) inner.tcpFlags = TCP_SYN;
    } else if (inner.proto === IPPROTO_ICMP) {
      inner.icmpType = q.type ?? 8;
      inner.icmpCode = q.code ?? 0;
      inner.icmpId = q.sport ?? 1;
      inner.icmpSeq = 1;
    }
    inner.len = 20 + Math.max(8, l4Len(inner.proto));
    p.inner = inner;
    p.innerLen = inner.len - 20;
    min = p.ihl + 8 + inner.len;
  } else if (s.inner)
    throw new SpecError("inner", "only ICMP errors (destination-unreachable, time-exceeded, …) quote a packet");
  if (s.len !== undefined && s.len < min) throw new SpecError("len", `${s.len} is shorter than the headers (${min})`);
  p.len = s.len ?? min;
  if (icmp && p.inner && p.len > min) {
    // Extra length after the quoted header: more of the quoted packet.
    p.inner.len += p.len - min;
    p.innerLen = p.inner.len - 20;
  }
  if (iface) {
    p.hasMac = true;
    p.macDst = iface.mac;
    p.macSrc = s.macSrc ?? 0x0200000000fe;
    let brd = p.dst === 0xffffffff;
    for (let i = 0; !brd && i < iface.addrs.length; i++)
      brd = iface.addrs[i]!.brd !== 0 && iface.addrs[i]!.brd === p.dst;
    if (brd) {
      p.pktType = PACKET_BROADCAST;
      p.macDst = 0xffffffffffff;
    } else if (p.dst >>> 28 === 0xe) {
      p.pktType = PACKET_MULTICAST;
      p.macDst = 0x01005e000000 + (p.dst & 0x7fffff);
    }
  }
  return p;
}

/** A packet as the JSON fields `send --json` reads (plus "out" for where it went). */
export function packetJson(p: Packet, out: string | undefined): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (out !== undefined) o.out = out;
  o.src = formatIPv4(p.src);
  o.dst = formatIPv4(p.dst);
  o.proto = protoName(p.proto);
  switch (p.proto) {
    case IPPROTO_TCP:
      o.sport = p.sport;
      o.dport = p.dport;
      o.flags = flagLetters(p.tcpFlags);
      o.seq = p.seq >>> 0;
      o.ack = p.ack >>> 0;
      o.window = p.window;
      break;
    case IPPROTO_UDP:
      o.sport = p.sport;
      o.dport = p.dport;
      break;
    case IPPROTO_ICMP:
      o.type = p.icmpType;
      o.code = p.icmpCode;
      if (isIcmpQuery(p.icmpType)) {
        o.id = p.icmpId;
        o.seq = p.icmpSeq;
      }
      if (p.inner) {
        const q = p.inner;
        const inner: Record<string, unknown> = {
          src: formatIPv4(q.src),
          dst: formatIPv4(q.dst),
          proto: protoName(q.proto),
        };
        if (q.proto === IPPROTO_TCP || q.proto === IPPROTO_UDP) {
          inner.sport = q.sport;
          inner.dport = q.dport;
        } else if (q.proto === IPPROTO_ICMP) {
          inner.type = q.icmpType;
          inner.code = q.icmpCode;
        }
        o.inner = inner;
      }
      break;
  }
  o.len = p.len;
  o.ttl = p.ttl;
  o.tos = p.tos;
  o.ipid = p.id;
  if (p.frag & IP_DF) o.df = true;
  if (p.frag & IP_MF) o.mf = true;
  if (p.frag & IP_OFFMASK) o.fragoff = p.frag & IP_OFFMASK;
  if (p.mark) o.mark = p.mark >>> 0;
  if (p.ipOptions?.length) o.ipopts = hexOf(p.ipOptions);
  if (p.hasMac) o.mac = macToString(p.macSrc);
  return o;
}

const J_OUT = lit('{"out":');
const J_SRC0 = lit('{"src":');
const J_SRC = lit(',"src":');
const J_DST = lit(',"dst":');
const J_PROTO = lit(',"proto":');
const J_TCP = lit('"tcp"');
const J_UDP = lit('"udp"');
const J_ICMP = lit('"icmp"');
const J_SPORT = lit(',"sport":');
const J_DPORT = lit(',"dport":');
const J_FLAGS = lit(',"flags":"');
const J_SEQ_T = lit('","seq":');
const J_ACK = lit(',"ack":');
const J_WINDOW = lit(',"window":');
const J_TYPE = lit(',"type":');
const J_CODE = lit(',"code":');
const J_ID = lit(',"id":');
const J_SEQ = lit(',"seq":');
const J_INNER = lit(',"inner":{"src":');
const J_LEN = lit(',"len":');
const J_TTL = lit(',"ttl":');
const J_TOS = lit(',"tos":');
const J_IPID = lit(',"ipid":');
const J_DF = lit(',"df":true');
const J_MARK = lit(',"mark":');
const J_MF = lit(',"mf":true');
const J_FRAGOFF = lit(',"fragoff":');
const J_MAC = lit(',"mac":');
const J_IPOPTS = lit(',"ipopts":"');
/** Lower-case hex digits as character codes. */
const HEXD = Array.from("0123456789abcdef", (c) => c.charCodeAt(0));

function hexOf(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}
/** Flag bits and their letters in flagLetters() order. */
const FLAG_BITS = [TCP_FIN, TCP_SYN, TCP_RST, TCP_PSH, TCP_ACK, TCP_URG, TCP_ECE, TCP_CWR];
const FLAG_CHARS = lit("FSRPAUEC");

/** Room for the bounded part of a packet's JSON (all but strings, which make their own). */
const PACKET_JSON_MAX = 1024;

function writeProto(w: JsonWriter, n: number): void {
  if (n === IPPROTO_TCP) w.lit(J_TCP);
  else if (n === IPPROTO_UDP) w.lit(J_UDP);
  else if (n === IPPROTO_ICMP) w.lit(J_ICMP);
  else {
    const v = protoName(n);
    if (typeof v === "number") w.num(v);
    else {
      w.str(v);
      w.room(PACKET_JSON_MAX);
    }
  }
}

/** JSON.stringify(packetJson(p, out)), written into `w` (send --json writes one per emitted packet). */
export function writePacketJson(w: JsonWriter, p: Packet, out: string | undefined): void {
  w.room(PACKET_JSON_MAX);
  if (out !== undefined) {
    w.lit(J_OUT);
    w.name(out);
    w.room(PACKET_JSON_MAX);
    w.lit(J_SRC);
  } else w.lit(J_SRC0);
  // the fields at a local position (room made above; an unusual protocol name makes its own)
  let b = w.buf;
  let n = putIpv4(b, w.n, p.src);
  n = putLit(b, n, J_DST);
  n = putIpv4(b, n, p.dst);
  n = putLit(b, n, J_PROTO);
  const proto = p.proto;
  if (proto === IPPROTO_TCP) n = putLit(b, n, J_TCP);
  else if (proto === IPPROTO_UDP) n = putLit(b, n, J_UDP);
  else if (proto === IPPROTO_ICMP) n = putLit(b, n, J_ICMP);
  else {
    w.n = n;
    writeProto(w, proto);
    b = w.buf;
    n = w.n;
  }
  switch (proto) {
    case IPPROTO_TCP: {
      n = putLit(b, n, J_SPORT);
      n = putUint(b, n, p.sport);
      n = putLit(b, n, J_DPORT);
      n = putUint(b, n, p.dport);
      n = putLit(b, n, J_FLAGS);
      const f = p.tcpFlags;
      for (let i = 0; i < 8; i++) if (f & FLAG_BITS[i]!) b[n++] = FLAG_CHARS[i]!;
      n = putLit(b, n, J_SEQ_T);
      n = putUint(b, n, p.seq >>> 0);
      n = putLit(b, n, J_ACK);
      n = putUint(b, n, p.ack >>> 0);
      n = putLit(b, n, J_WINDOW);
      n = putUint(b, n, p.window);
      break;
    }
    case IPPROTO_UDP:
      n = putLit(b, n, J_SPORT);
      n = putUint(b, n, p.sport);
      n = putLit(b, n, J_DPORT);
      n = putUint(b, n, p.dport);
      break;
    case IPPROTO_ICMP:
      n = putLit(b, n, J_TYPE);
      n = putUint(b, n, p.icmpType);
      n = putLit(b, n, J_CODE);
      n = putUint(b, n, p.icmpCode);
      if (isIcmpQuery(p.icmpType)) {
        n = putLit(b, n, J_ID);
        n = putUint(b, n, p.icmpId);
        n = putLit(b, n, J_SEQ);
        n = putUint(b, n, p.icmpSeq);
      }
      if (p.inner) {
        const q = p.inner;
        n = putLit(b, n, J_INNER);
        n = putIpv4(b, n, q.src);
        n = putLit(b, n, J_DST);
        n = putIpv4(b, n, q.dst);
        n = putLit(b, n, J_PROTO);
        w.n = n;
        writeProto(w, q.proto);
        b = w.buf;
        n = w.n;
        if (q.proto === IPPROTO_TCP || q.proto === IPPROTO_UDP) {
          n = putLit(b, n, J_SPORT);
          n = putUint(b, n, q.sport);
          n = putLit(b, n, J_DPORT);
          n = putUint(b, n, q.dport);
        } else if (q.proto === IPPROTO_ICMP) {
          n = putLit(b, n, J_TYPE);
          n = putUint(b, n, q.icmpType);
          n = putLit(b, n, J_CODE);
          n = putUint(b, n, q.icmpCode);
        }
        b[n++] = 0x7d;
      }
      break;
  }
  n = putLit(b, n, J_LEN);
  n = putUint(b, n, p.len);
  n = putLit(b, n, J_TTL);
  n = putUint(b, n, p.ttl);
  n = putLit(b, n, J_TOS);
  n = putUint(b, n, p.tos);
  n = putLit(b, n, J_IPID);
  n = putUint(b, n, p.id);
  if (p.frag & IP_DF) n = putLit(b, n, J_DF);
  if (p.frag & (IP_MF | IP_OFFMASK)) {
    if (p.frag & IP_MF) n = putLit(b, n, J_MF);
    if (p.frag & IP_OFFMASK) {
      n = putLit(b, n, J_FRAGOFF);
      n = putUint(b, n, p.frag & IP_OFFMASK);
    }
  }
  if (p.mark) {
    n = putLit(b, n, J_MARK);
    n = putUint(b, n, p.mark >>> 0);
  }
  if (p.ipOptions?.length) {
    n = putLit(b, n, J_IPOPTS);
    const o = p.ipOptions;
    for (let i = 0; i < o.length; i++) {
      b[n++] = HEXD[o[i]! >>> 4]!;
      b[n++] = HEXD[o[i]! & 15]!;
    }
    b[n++] = 0x22;
  }
  if (p.hasMac) {
    n = putLit(b, n, J_MAC);
    // the few interface addresses an output has: the last one's text is kept
    if (p.macSrc !== lastMac) {
      const t = new JsonWriter();
      t.mac(p.macSrc);
      lastMacText = t.buf.slice(0, t.n);
      lastMac = p.macSrc;
    }
    n = putLit(b, n, lastMacText);
  }
  b[n++] = 0x7d;
  w.n = n;
}

let lastMac = -1;
let lastMacText = new Uint8Array(0);

/** JSON.stringify(packetJson(p, out)). */
export function packetJsonText(p: Packet, out: string | undefined): string {
  const w = new JsonWriter();
  writePacketJson(w, p, out);
  return w.text();
}

export function protoName(n: number): string | number {
  if (n === IPPROTO_TCP) return "tcp";
  if (n === IPPROTO_UDP) return "udp";
  if (n === IPPROTO_ICMP) return "icmp";
  return getProtoByNumber(n) ?? n;
}
