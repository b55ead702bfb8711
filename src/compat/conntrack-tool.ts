/**
 * `conntrack` of conntrack-tools 1.4.7 over the twin's table: -L, -D, -F, -C,
 * -E (the events recorded since the previous -E), -S, -V, -h, with the filters
 * -p/-s/-d/-r/-q/-m/-u/-w/-f/-n/-g/-j and the protocol options (--sport,
 * --dport, --reply-port-src/dst, --state, --icmp-type/code/id), output as
 * libnetfilter_conntrack's default/extended/id/xml formats print it.
 */
import { inetAton } from "../core/ipv4.js";
import { getProtoByName } from "../core/netdb.js";
import {
  type Conn,
  type Conntrack,
  type CtEvent,
  EBUSY,
  EEXIST,
  EINVAL,
  IP_CT_TCP_FLAG_BE_LIBERAL,
  IP_CT_TCP_FLAG_CLOSE_INIT,
  IP_CT_TCP_FLAG_SACK_PERM,
  IPS_ASSURED,
  IPS_DST_NAT_DONE,
  IPS_EXPECTED,
  IPS_FIXED_TIMEOUT,
  IPS_HW_OFFLOAD,
  IPS_OFFLOAD,
  IPS_SEEN_REPLY,
  IPS_SRC_NAT_DONE,
  invertTuple,
  NF_CT_DEFAULT_ZONE_DIR,
  NF_CT_ZONE_DIR_ORIG,
  NF_CT_ZONE_DIR_REPL,
  TCP_CONNTRACK_TIME_WAIT,
  TCP_STATE_NAMES,
  type Tuple,
  type Zone,
} from "../engine/conntrack.js";
import { type NatRange2, NF_NAT_RANGE_MAP_IPS, NF_NAT_RANGE_PROTO_SPECIFIED } from "../engine/nat.js";
import {
  ch,
  GETOPT_END,
  GETOPT_MISSING,
  GETOPT_UNKNOWN,
  Getopt,
  type LongOption,
  NO_ARG,
  OPTIONAL_ARG,
  REQUIRED_ARG,
} from "./getopt.js";
import type { CommandResult } from "./iptables/commands.js";

const PROG = "conntrack";
const VERSION = "1.4.7";
const HEAD = `${PROG} v${VERSION} (conntrack-tools): `;
const TRYHELP = `Try \`${PROG} -h' or '${PROG} --help' for more information.\n`;

class ToolExit extends Error {
  constructor(
    readonly stderr: string,
    readonly status: number,
  ) {
    super(stderr);
  }
}

/** exit_error(PARAMETER_PROBLEM, …) */
function paramProblem(msg: string): ToolExit {
  return new ToolExit(`${HEAD}${msg}\n${TRYHELP}`, 2);
}

// ---- options (conntrack.c) ----
const O = {
  ORIG_SRC: 1 << 0,
  ORIG_DST: 1 << 1,
  REPL_SRC: 1 << 2,
  REPL_DST: 1 << 3,
  PROTO: 1 << 4,
  TIMEOUT: 1 << 5,
  STATUS: 1 << 6,
  ZERO: 1 << 7,
  EVENT_MASK: 1 << 8,
  EXP_SRC: 1 << 9,
  EXP_DST: 1 << 10,
  MASK_SRC: 1 << 11,
  MASK_DST: 1 << 12,
  NATRANGE: 1 << 13,
  MARK: 1 << 14,
  ID: 1 << 15,
  FAMILY: 1 << 16,
  SRC_NAT: 1 << 17,
  DST_NAT: 1 << 18,
  OUTPUT: 1 << 19,
  SECMARK: 1 << 20,
  BUFFERSIZE: 1 << 21,
  ANY_NAT: 1 << 22,
  ZONE: 1 << 23,
  LABEL: 1 << 24,
  ADD_LABEL: 1 << 25,
  DEL_LABEL: 1 << 26,
  ORIG_ZONE: 1 << 27,
  REPL_ZONE: 1 << 28,
};

const OPTFLAGS = [
  "src",
  "dst",
  "reply-src",
  "reply-dst",
  "protonum",
  "timeout",
  "status",
  "zero",
  "event-mask",
  "tuple-src",
  "tuple-dst",
  "mask-src",
  "mask-dst",
  "nat-range",
  "mark",
  "id",
  "family",
  "src-nat",
  "dst-nat",
  "output",
  "secmark",
  "buffer-size",
  "any-nat",
  "zone",
  "label",
  "label-add",
  "label-del",
  "orig-zone",
  "reply-zone",
];

type Cmd =
  | "L"
  | "I"
  | "D"
  | "G"
  | "F"
  | "E"
  | "V"
  | "h"
  | "C"
  | "S"
  | "U"
  | "A"
  | "expL"
  | "expF"
  | "expC"
  | "expE"
  | "expD"
  | "expG"
  | "expI"
  | "expS";

/** commands_v_options[]: 0 illegal, 1 compulsory, 2 optional, 3 see the tuple checks. */
const CMD_OPTS: Partial<Record<Cmd, string>> = {
  L: "22222022000220202222202220022",
  I: "33331120000002200220000202022",
  U: "22222220000220222222000022200",
  D: "22222220000220222222000220022",
  G: "33331000000000020002000020000",
  F: "00000000000000002000000000000",
  E: "22222000200220202222222220022",
  V: "00000000000000000000000000000",
  h: "00002000000000000000000000000",
  expL: "00000000000000002002000000000",
  expI: "11221120011110000000000000000",
  expD: "11221000000000000000000000000",
  expG: "11221000000000000000000000000",
  expF: "00000000000000000000000000000",
  expE: "00000000000000000002000000000",
  C: "00000000000000000000000000000",
  expC: "00000000000000000000000000000",
  S: "00000000000000000000000000000",
  expS: "00000000000000000000000000000",
  A: "33331120000002200220000202022",
};

const OPTS_BASE: LongOption[] = [
  { name: "dump", hasArg: OPTIONAL_ARG, val: ch("L") },
  { name: "create", hasArg: OPTIONAL_ARG, val: ch("I") },
  { name: "add", hasArg: OPTIONAL_ARG, val: ch("A") },
  { name: "delete", hasArg: OPTIONAL_ARG, val: ch("D") },
  { name: "update", hasArg: OPTIONAL_ARG, val: ch("U") },
  { name: "get", hasArg: OPTIONAL_ARG, val: ch("G") },
  { name: "flush", hasArg: OPTIONAL_ARG, val: ch("F") },
  { name: "event", hasArg: OPTIONAL_ARG, val: ch("E") },
  { name: "counter", hasArg: OPTIONAL_ARG, val: ch("C") },
  { name: "stats", hasArg: NO_ARG, val: ch("S") },
  { name: "version", hasArg: NO_ARG, val: ch("V") },
  { name: "help", hasArg: NO_ARG, val: ch("h") },
  { name: "orig-src", hasArg: REQUIRED_ARG, val: ch("s") },
  { name: "src", hasArg: REQUIRED_ARG, val: ch("s") },
  { name: "orig-dst", hasArg: REQUIRED_ARG, val: ch("d") },
  { name: "dst", hasArg: REQUIRED_ARG, val: ch("d") },
  { name: "reply-src", hasArg: REQUIRED_ARG, val: ch("r") },
  { name: "reply-dst", hasArg: REQUIRED_ARG, val: ch("q") },
  { name: "protonum", hasArg: REQUIRED_ARG, val: ch("p") },
  { name: "timeout", hasArg: REQUIRED_ARG, val: ch("t") },
  { name: "status", hasArg: REQUIRED_ARG, val: ch("u") },
  { name: "zero", hasArg: NO_ARG, val: ch("z") },
  { name: "event-mask", hasArg: REQUIRED_ARG, val: ch("e") },
  { name: "tuple-src", hasArg: REQUIRED_ARG, val: ch("[") },
  { name: "tuple-dst", hasArg: REQUIRED_ARG, val: ch("]") },
  { name: "mask-src", hasArg: REQUIRED_ARG, val: ch("{") },
  { name: "mask-dst", hasArg: REQUIRED_ARG, val: ch("}") },
  { name: "nat-range", hasArg: REQUIRED_ARG, val: ch("a") },
  { name: "mark", hasArg: REQUIRED_ARG, val: ch("m") },
  { name: "secmark", hasArg: REQUIRED_ARG, val: ch("c") },
  { name: "id", hasArg: OPTIONAL_ARG, val: ch("i") },
  { name: "family", hasArg: REQUIRED_ARG, val: ch("f") },
  { name: "src-nat", hasArg: OPTIONAL_ARG, val: ch("n") },
  { name: "dst-nat", hasArg: OPTIONAL_ARG, val: ch("g") },
  { name: "output", hasArg: REQUIRED_ARG, val: ch("o") },
  { name: "buffer-size", hasArg: REQUIRED_ARG, val: ch("b") },
  { name: "any-nat", hasArg: OPTIONAL_ARG, val: ch("j") },
  { name: "zone", hasArg: REQUIRED_ARG, val: ch("w") },
  { name: "label", hasArg: REQUIRED_ARG, val: ch("l") },
  { name: "label-add", hasArg: REQUIRED_ARG, val: ch("<") },
  { name: "label-del", hasArg: OPTIONAL_ARG, val: ch(">") },
  { name: "orig-zone", hasArg: REQUIRED_ARG, val: ch("(") },
  { name: "reply-zone", hasArg: REQUIRED_ARG, val: ch(")") },
];

const GETOPT_STR = ":LIUDGEFAhVs:d:r:q:p:t:u:e:a:z[:]:{:}:m:i:f:o:n::g::c:b:C::Sj::w:l:<:>::(:):";

const OPTION_OFFSET = 256;

interface ProtoHandler {
  name: string;
  num: number;
  opts: Array<{ name: string; hasArg: number; id: number }>;
}

const PORT_OPTS = [
  { name: "orig-port-src", hasArg: REQUIRED_ARG, id: 1 },
  { name: "orig-port-dst", hasArg: REQUIRED_ARG, id: 2 },
  { name: "reply-port-src", hasArg: REQUIRED_ARG, id: 3 },
  { name: "reply-port-dst", hasArg: REQUIRED_ARG, id: 4 },
  { name: "mask-port-src", hasArg: REQUIRED_ARG, id: 5 },
  { name: "mask-port-dst", hasArg: REQUIRED_ARG, id: 6 },
  { name: "tuple-port-src", hasArg: REQUIRED_ARG, id: 7 },
  { name: "tuple-port-dst", hasArg: REQUIRED_ARG, id: 8 },
  { name: "sport", hasArg: REQUIRED_ARG, id: 1 },
  { name: "dport", hasArg: REQUIRED_ARG, id: 2 },
];

/** The protocol plugins of conntrack-tools (extensions/libct_proto_*.c), in registration order. */
const PROTOS: ProtoHandler[] = [
  {
    name: "tcp",
    num: 6,
    opts: [...PORT_OPTS, { name: "state", hasArg: REQUIRED_ARG, id: 9 }],
  },
  { name: "udp", num: 17, opts: PORT_OPTS },
  { name: "udplite", num: 136, opts: PORT_OPTS },
  { name: "sctp", num: 132, opts: PORT_OPTS },
  { name: "dccp", num: 33, opts: PORT_OPTS },
  {
    name: "icmp",
    num: 1,
    opts: [
      { name: "icmp-type", hasArg: REQUIRED_ARG, id: 1 },
      { name: "icmp-code", hasArg: REQUIRED_ARG, id: 2 },
      { name: "icmp-id", hasArg: REQUIRED_ARG, id: 3 },
    ],
  },
  { name: "icmpv6", num: 58, opts: [] },
  { name: "gre", num: 47, opts: [] },
];

const UNKNOWN_PROTO: ProtoHandler = { name: "unknown", num: 0, opts: [] };

/** What a command selects (the template of conntrack.c). */
interface Filter {
  proto?: number;
  origSrc?: number;
  origDst?: number;
  replSrc?: number;
  replDst?: number;
  maskSrc?: { net: number; mask: number };
  maskDst?: { net: number; mask: number };
  origSport?: number;
  origDport?: number;
  replSport?: number;
  replDport?: number;
  tcpState?: number;
  icmpType?: number;
  icmpCode?: number;
  icmpId?: number;
  mark?: { value: number; mask: number };
  status?: { value: number; mask: number };
  zone?: number;
  origZone?: number;
  replZone?: number;
  timeout?: number;
  snatIp?: number;
  dnatIp?: number;
  snatPort?: number;
  dnatPort?: number;
  family?: "ipv4" | "ipv6";
}

const _O_XML = 1 << 0;
const _O_EXT = 1 << 1;
const _O_TMS = 1 << 2;
const _O_ID = 1 << 3;
const _O_KTMS = 1 << 4;
const _O_CL = 1 << 5;
const _O_SAVE = 1 << 6;

const CT_EVENT_F_NEW = 1;
const CT_EVENT_F_UPD = 2;
const CT_EVENT_F_DEL = 4;

const STATUS_PARAMS: ReadonlyArray<readonly [string, number]> = [
  ["ASSURED", IPS_ASSURED],
  ["SEEN_REPLY", IPS_SEEN_REPLY],
  ["UNSET", 0],
  ["FIXED_TIMEOUT", IPS_FIXED_TIMEOUT],
  ["EXPECTED", IPS_EXPECTED],
  ["OFFLOAD", IPS_OFFLOAD],
  ["HW_OFFLOAD", IPS_HW_OFFLOAD],
];
const EVENT_PARAMS: ReadonlyArray<readonly [string, number]> = [
  ["ALL", 7],
  ["NEW", CT_EVENT_F_NEW],
  ["UPDATES", CT_EVENT_F_UPD],
  ["DESTROY", CT_EVENT_F_DEL],
];
const OUTPUT_PARAMS: ReadonlyArray<readonly [string, number]> = [
  ["xml", _O_XML],
  ["extended", _O_EXT],
  ["timestamp", _O_TMS],
  ["id", _O_ID],
  ["ktimestamp", _O_KTMS],
  ["labels", _O_CL],
  ["userspace", 0],
  ["save", _O_SAVE],
];

/** strncasecmp(str, param, len) == 0 */
function prefixCase(str: string, param: string): boolean {
  return param.slice(0, str.length).toLowerCase() === str.toLowerCase();
}

function doParseParameter(
  str: string,
  table: ReadonlyArray<readonly [string, number]>,
  warn: string[],
): number | undefined {
  if (prefixCase(str, "SRC_NAT")) {
    warn.push("WARNING: ignoring SRC_NAT, use --src-nat instead\n");
    return 0;
  }
  if (prefixCase(str, "DST_NAT")) {
    warn.push("WARNING: ignoring DST_NAT, use --dst-nat instead\n");
    return 0;
  }
  for (const [name, v] of table) if (prefixCase(str, name)) return v;
  return undefined;
}

/** parse_parameter(): a comma list; the error names the rest of the list. */
function parseParameter(arg: string, table: ReadonlyArray<readonly [string, number]>, warn: string[]): number {
  let v = 0;
  let rest = arg;
  for (;;) {
    const comma = rest.indexOf(",");
    if (comma < 0) break;
    const r = comma === 0 ? undefined : doParseParameter(rest.slice(0, comma), table, warn);
    if (r === undefined) throw paramProblem(`Bad parameter \`${rest}'`);
    v |= r;
    rest = rest.slice(comma + 1);
  }
  const r = rest.length === 0 ? undefined : doParseParameter(rest, table, warn);
  if (r === undefined) throw paramProblem(`Bad parameter \`${rest}'`);
  return v | r;
}

/** parse_parameter_mask() for --status: `!NAME` clears, UNREPLIED means no SEEN_REPLY. */
function parseStatusMask(arg: string, warn: string[]): { value: number; mask: number } {
  let value = 0;
  let mask = 0;
  const parts = arg.split(",");
  for (let i = 0; i < parts.length; i++) {
    let p = parts[i]!;
    const restText = parts.slice(i).join(",");
    if (p === "" && i < parts.length - 1) throw paramProblem(`Bad parameter \`${restText}'`);
    const negated = p.startsWith("!");
    if (negated) p = p.slice(1);
    if (!negated && p.startsWith("UNREPLIED")) {
      mask |= IPS_SEEN_REPLY;
      continue;
    }
    const r = p.length === 0 ? undefined : doParseParameter(p, STATUS_PARAMS, warn);
    if (r === undefined) throw paramProblem(`Bad parameter \`${negated ? restText.slice(1) : restText}'`);
    if (negated) mask |= r;
    else value |= r;
  }
  return { value, mask: value | mask };
}

/** strtoul(str, &end, 0) over the whole string, like parse_u32_mask(). */
function cStrtoul(s: string): { v: number; end: number } | undefined {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s);
  if (!m) return undefined;
  let v = Number.parseInt(
    m[2]!,
    m[2]!.startsWith("0x") || m[2]!.startsWith("0X") ? 16 : m[2]!.startsWith("0") && m[2]!.length > 1 ? 8 : 10,
  );
  if (m[1] === "-") v = -v;
  return { v, end: m[0].length };
}

function parseU32Mask(arg: string): { value: number; mask: number } | undefined {
  const a = cStrtoul(arg);
  if (!a || a.v < 0 || a.v > 0xffffffff) return undefined;
  const rest = arg.slice(a.end);
  if (rest === "") return { value: a.v >>> 0, mask: 0xffffffff };
  if (rest[0] !== "/") return undefined;
  const b = cStrtoul(rest.slice(1));
  if (!b || b.end !== rest.length - 1) return undefined;
  return { value: a.v >>> 0, mask: b.v >>> 0 };
}

/** atoi() */
function atoi(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number.parseInt(m[1]!, 10) | 0 : 0;
}

/** parse_addr(): inet_aton with an optional /bits mask; -1 no mask, -2 invalid mask. */
function parseAddr(arg: string): {
  family: number;
  addr: number;
  mask: number;
} {
  let buf = arg.slice(0, 45);
  let mask = -1;
  const slash = buf.indexOf("/");
  if (slash >= 0) {
    const m = buf.slice(slash + 1);
    const parsed = /^[+-]?\d+/.exec(m);
    const n = parsed ? Number.parseInt(parsed[0], 10) : 0;
    mask = n < 0 || (parsed ? parsed[0].length : 0) !== m.length ? -2 : n;
    buf = buf.slice(0, slash);
  }
  const a = inetAton(buf);
  if (a !== undefined) {
    if (mask > 32) mask = -2;
    return { family: 2, addr: a >>> 0, mask };
  }
  if (buf.includes(":") && /^[0-9a-fA-F:.]+$/.test(buf)) return { family: 10, addr: 0, mask };
  return { family: 0, addr: 0, mask };
}

function protoName(num: number): string {
  const names: Record<number, string> = {
    6: "tcp",
    17: "udp",
    136: "udplite",
    1: "icmp",
    58: "icmpv6",
    132: "sctp",
    47: "gre",
    33: "dccp",
  };
  return names[num] ?? "unknown";
}

function ip(a: number): string {
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}

function tupleText(t: Tuple): string {
  let s = `src=${ip(t.src)} dst=${ip(t.dst)} `;
  switch (t.proto) {
    case 6:
    case 17:
    case 136:
    case 132:
    case 33:
      s += `sport=${t.sport} dport=${t.dport} `;
      break;
    case 47:
      s += "srckey=0x0 dstkey=0x0 ";
      break;
    case 1:
      s += `type=${t.type} code=${t.code} id=${t.sport} `;
      break;
  }
  return s;
}

/** A conntrack object as the tool sees it (from a dump or an event). */
interface CtView {
  orig: Tuple;
  reply: Tuple;
  status: number;
  timeout: number | undefined;
  tcpState: number | undefined;
  mark: number | undefined;
  zone: Zone;
  counters: Array<{ packets: number; bytes: number }> | null;
  use: number | undefined;
  id: number;
  helper: string;
  userspace?: boolean;
}

function viewOf(ct: Conn, now: number): CtView {
  return {
    orig: ct.orig,
    reply: ct.reply,
    status: ct.status,
    timeout: Math.floor(ct.expiresNs(now) / 1e9),
    tcpState: ct.tcp ? ct.tcp.state : undefined,
    mark: ct.mark,
    zone: ct.zone,
    counters: ct.counters,
    use: 1 + ct.refs,
    id: ct.id,
    helper: ct.helper,
  };
}

function viewOfEvent(e: CtEvent): CtView {
  return {
    orig: e.orig,
    reply: e.reply,
    status: e.status,
    timeout: e.timeout,
    tcpState: e.tcpState,
    mark: e.mark !== 0 ? e.mark : undefined,
    zone: e.zone,
    counters: e.type === "DESTROY" ? e.counters : null,
    use: undefined,
    id: e.id,
    helper: "",
    userspace: e.userspace,
  };
}

/** __snprintf_conntrack_default() */
function formatDefault(v: CtView, msgType: "" | CtEvent["type"], output: number): string {
  let s = "";
  if (msgType) s += `${`[${msgType}]`.padStart(9)} `;
  if (output & _O_EXT) s += "ipv4     2 ";
  s += `${protoName(v.orig.proto).padEnd(8)} ${v.orig.proto} `;
  if (v.timeout !== undefined) s += `${v.timeout} `;
  if (v.tcpState !== undefined) s += `${TCP_STATE_NAMES[v.tcpState] ?? "NONE"} `;
  s += tupleText(v.orig);
  const zid = (dir: number) =>
    v.zone.dir & dir && v.zone.dir !== NF_CT_DEFAULT_ZONE_DIR && v.zone.id ? v.zone.id : undefined;
  const zo = zid(NF_CT_ZONE_DIR_ORIG);
  if (zo !== undefined) s += `zone-orig=${zo} `;
  if (v.counters) s += `packets=${v.counters[0]!.packets} bytes=${v.counters[0]!.bytes} `;
  if (!(v.status & IPS_SEEN_REPLY)) s += "[UNREPLIED] ";
  s += tupleText(v.reply);
  const zr = zid(NF_CT_ZONE_DIR_REPL);
  if (zr !== undefined) s += `zone-reply=${zr} `;
  if (v.counters) s += `packets=${v.counters[1]!.packets} bytes=${v.counters[1]!.bytes} `;
  if (v.status & IPS_HW_OFFLOAD) s += "[HW_OFFLOAD] ";
  else if (v.status & IPS_OFFLOAD) s += "[OFFLOAD] ";
  else if (v.status & IPS_ASSURED) s += "[ASSURED] ";
  if (v.mark !== undefined) s += `mark=${v.mark} `;
  if (v.zone.dir === NF_CT_DEFAULT_ZONE_DIR && v.zone.id) s += `zone=${v.zone.id} `;
  if (v.helper) s += `helper=${v.helper} `;
  if (v.use !== undefined) s += `use=${v.use} `;
  if (output & _O_ID) s += `id=${v.id >>> 0} `;
  return s.slice(0, -1);
}

function xmlTuple(dir: string, t: Tuple): string {
  let s = `<meta direction="${dir}"><layer3 protonum="2" protoname="ipv4"><src>${ip(t.src)}</src><dst>${ip(t.dst)}</dst></layer3>`;
  s += `<layer4 protonum="${t.proto}" protoname="${protoName(t.proto)}">`;
  if (t.proto === 6 || t.proto === 17 || t.proto === 136 || t.proto === 132 || t.proto === 33)
    s += `<sport>${t.sport}</sport><dport>${t.dport}</dport>`;
  return `${s}</layer4></meta>`;
}

/** nfct_snprintf(NFCT_O_XML) of one entry. */
function formatXml(v: CtView, msgType: "" | CtEvent["type"]): string {
  const typeAttr =
    msgType === "NEW"
      ? ' type="new"'
      : msgType === "UPDATE"
        ? ' type="update"'
        : msgType === "DESTROY"
          ? ' type="destroy"'
          : "";
  let s = `<flow${typeAttr}>${xmlTuple("original", v.orig)}${xmlTuple("reply", v.reply)}<meta direction="independent">`;
  if (v.tcpState !== undefined) s += `<state>${TCP_STATE_NAMES[v.tcpState]}</state>`;
  if (v.timeout !== undefined) s += `<timeout>${v.timeout}</timeout>`;
  if (v.mark !== undefined) s += `<mark>${v.mark}</mark>`;
  if (v.zone.id && v.zone.dir === NF_CT_DEFAULT_ZONE_DIR) s += `<zone>${v.zone.id}</zone>`;
  if (v.use !== undefined) s += `<use>${v.use}</use>`;
  s += `<id>${v.id >>> 0}</id>`;
  if (v.status & IPS_ASSURED) s += "<assured/>";
  if (!(v.status & IPS_SEEN_REPLY)) s += "<unreplied/>";
  return `${s}</meta></flow>`;
}

/** NFCT_GOPT_IS_SNAT / IS_DNAT / IS_SPAT / IS_DPAT: raw comparisons of the tuple unions. */
function l4srcAll(t: Tuple): number {
  return t.proto === 1 ? t.sport : t.sport;
}
function l4dstAll(t: Tuple): number {
  return t.proto === 1 ? ((t.type << 8) | t.code) & 0xffff : t.dport;
}
const isSnat = (v: CtView) => (v.status & IPS_SRC_NAT_DONE) !== 0 && v.reply.dst !== v.orig.src;
const isDnat = (v: CtView) => (v.status & IPS_DST_NAT_DONE) !== 0 && v.reply.src !== v.orig.dst;
const isSpat = (v: CtView) => (v.status & IPS_SRC_NAT_DONE) !== 0 && l4srcAll(v.orig) !== l4dstAll(v.reply);
const isDpat = (v: CtView) => (v.status & IPS_DST_NAT_DONE) !== 0 && l4dstAll(v.orig) !== l4srcAll(v.reply);

/** filter_nat(): true = filtered out. */
function filterNat(options: number, f: Filter, v: CtView): boolean {
  let checkSrc = (options & O.SRC_NAT) !== 0;
  let checkDst = (options & O.DST_NAT) !== 0;
  if (options & O.ANY_NAT) checkSrc = checkDst = true;
  let hasSrc = false;
  let hasDst = false;
  if (checkSrc) {
    let checkAddr = false;
    let checkPort = false;
    if (f.snatIp !== undefined) {
      checkAddr = true;
      if (isSnat(v) && f.snatIp === v.reply.dst) hasSrc = true;
    }
    if (f.snatPort !== undefined) {
      checkPort = true;
      const ret = isSpat(v) && f.snatPort === v.reply.dport;
      if (checkAddr && hasSrc && !ret) hasSrc = false;
      if (!checkAddr && ret) hasSrc = true;
    }
    if (!checkAddr && !checkPort && (isSnat(v) || isSpat(v))) hasSrc = true;
  }
  if (checkDst) {
    let checkAddr = false;
    let checkPort = false;
    if (f.dnatIp !== undefined) {
      checkAddr = true;
      if (isDnat(v) && f.dnatIp === v.reply.src) hasDst = true;
    }
    if (f.dnatPort !== undefined) {
      checkPort = true;
      const ret = isDpat(v) && f.dnatPort === v.reply.sport;
      if (checkAddr && hasDst && !ret) hasDst = false;
      if (!checkAddr && ret) hasDst = true;
    }
    if (!checkAddr && !checkPort && (isDnat(v) || isDpat(v))) hasDst = true;
  }
  if (options & O.ANY_NAT) return !(hasSrc || hasDst);
  if (options & O.SRC_NAT && options & O.DST_NAT) return !(hasSrc && hasDst);
  if (options & O.SRC_NAT) return !hasSrc;
  if (options & O.DST_NAT) return !hasDst;
  return false;
}

/** nfct_filter(): true when the entry is selected. */
function selected(options: number, f: Filter, v: CtView): boolean {
  if (f.family === "ipv6") return false;
  if (filterNat(options, f, v)) return false;
  if (f.mark && ((v.mark ?? 0) & f.mark.mask) >>> 0 !== f.mark.value) return false;
  if (f.maskSrc && (v.orig.src & f.maskSrc.mask) >>> 0 !== f.maskSrc.net) return false;
  if (f.maskDst && (v.orig.dst & f.maskDst.mask) >>> 0 !== f.maskDst.net) return false;
  if (f.status && (v.status & f.status.mask) !== f.status.value) return false;
  if (f.proto !== undefined && v.orig.proto !== f.proto) return false;
  if (f.origSrc !== undefined && v.orig.src !== f.origSrc) return false;
  if (f.origDst !== undefined && v.orig.dst !== f.origDst) return false;
  if (f.replSrc !== undefined && v.reply.src !== f.replSrc) return false;
  if (f.replDst !== undefined && v.reply.dst !== f.replDst) return false;
  const ports = v.orig.proto !== 1;
  if (f.origSport !== undefined && (!ports || v.orig.sport !== f.origSport)) return false;
  if (f.origDport !== undefined && (!ports || v.orig.dport !== f.origDport)) return false;
  if (f.replSport !== undefined && (!ports || v.reply.sport !== f.replSport)) return false;
  if (f.replDport !== undefined && (!ports || v.reply.dport !== f.replDport)) return false;
  if (f.tcpState !== undefined && v.tcpState !== f.tcpState) return false;
  if (f.icmpType !== undefined && (v.orig.proto !== 1 || v.orig.type !== f.icmpType)) return false;
  if (f.icmpCode !== undefined && (v.orig.proto !== 1 || v.orig.code !== f.icmpCode)) return false;
  if (f.icmpId !== undefined && (v.orig.proto !== 1 || v.orig.sport !== f.icmpId)) return false;
  if (f.zone !== undefined && (v.zone.dir === NF_CT_DEFAULT_ZONE_DIR ? v.zone.id : 0) !== f.zone) return false;
  return true;
}

const USAGE =
  "Command line interface for the connection tracking system. Version 1.4.7\n" +
  "Usage: conntrack [commands] [options]\n\n" +
  "Commands:\n" +
  "  -L [table] [options]\t\tList conntrack or expectation table\n" +
  "  -G [table] parameters\t\tGet conntrack or expectation\n" +
  "  -D [table] parameters\t\tDelete conntrack or expectation\n" +
  "  -I [table] parameters\t\tCreate a conntrack or expectation\n" +
  "  -U [table] parameters\t\tUpdate a conntrack\n" +
  "  -E [table] [options]\t\tShow events\n" +
  "  -F [table]\t\t\tFlush table\n" +
  "  -C [table]\t\t\tShow counter\n" +
  "  -S\t\t\t\tShow statistics\n\n" +
  "Tables: conntrack, expect, dying, unconfirmed\n\n" +
  "Conntrack parameters and options:\n" +
  "  -n, --src-nat ip\t\t\tsource NAT ip\n" +
  "  -g, --dst-nat ip\t\t\tdestination NAT ip\n" +
  "  -j, --any-nat ip\t\t\tsource or destination NAT ip\n" +
  "  -m, --mark mark\t\t\tSet mark\n" +
  "  -c, --secmark secmark\t\t\tSet selinux secmark\n" +
  "  -e, --event-mask eventmask\t\tEvent mask, eg. NEW,DESTROY\n" +
  "  -z, --zero \t\t\t\tZero counters while listing\n" +
  "  -o, --output type[,...]\t\tOutput format, eg. xml\n" +
  "  -l, --label label[,...]\t\tconntrack labels\n\n" +
  "Expectation parameters and options:\n" +
  "  --tuple-src ip\tSource address in expect tuple\n" +
  "  --tuple-dst ip\tDestination address in expect tuple\n\n" +
  "Updating parameters and options:\n" +
  "  --label-add label\tAdd label\n" +
  "  --label-del label\tDelete label\n\n" +
  "Common parameters and options:\n" +
  "  -s, --src, --orig-src ip\t\tSource address from original direction\n" +
  "  -d, --dst, --orig-dst ip\t\tDestination address from original direction\n" +
  "  -r, --reply-src ip\t\tSource addres from reply direction\n" +
  "  -q, --reply-dst ip\t\tDestination address from reply direction\n" +
  "  -p, --protonum proto\t\tLayer 4 Protocol, eg. 'tcp'\n" +
  "  -f, --family proto\t\tLayer 3 Protocol, eg. 'ipv6'\n" +
  "  -t, --timeout timeout\t\tSet timeout\n" +
  "  -u, --status status\t\tSet status, eg. ASSURED\n" +
  "  -w, --zone value\t\tSet conntrack zone\n" +
  "  --orig-zone value\t\tSet zone for original direction\n" +
  "  --reply-zone value\t\tSet zone for reply direction\n" +
  "  -b, --buffer-size\t\tNetlink socket buffer size\n" +
  "  --mask-src ip\t\t\tSource mask address\n" +
  "  --mask-dst ip\t\t\tDestination mask address\n\n";

/** check_type(): the optional table name after a command. */
function checkType(g: Getopt): "conntrack" | "expect" | "dying" | "unconfirmed" {
  let table: string | null = g.optarg;
  if (table === null && g.optind < g.argv.length && g.argv[g.optind]![0] !== "-" && g.argv[g.optind]![0] !== "!") {
    table = g.argv[g.optind]!;
    g.optind++;
  }
  if (table === null) return "conntrack";
  const pre = (full: string) => full.startsWith(table!);
  if (pre("expect")) return "expect";
  if (pre("conntrack")) return "conntrack";
  if (pre("dying")) return "dying";
  if (pre("unconfirmed")) return "unconfirmed";
  throw paramProblem(`unknown type \`${table}'`);
}

/** get_optional_arg() */
function optionalArg(g: Getopt): string | null {
  if (g.optarg) return null;
  if (g.optind < g.argv.length && g.argv[g.optind]![0] !== "-" && g.argv[g.optind]![0] !== "!")
    return g.argv[g.optind++]!;
  return null;
}

/** `conntrack ARGS…` against the twin's table at virtual time `nowNs`. */
export function runConntrack(ct: Conntrack, args: readonly string[], nowNs: number): CommandResult {
  try {
    return run(ct, args, nowNs);
  } catch (e) {
    if (e instanceof ToolExit) return { stdout: "", stderr: e.stderr, status: e.status };
    throw e;
  }
}

function run(ct: Conntrack, args: readonly string[], nowNs: number): CommandResult {
  const argv = [PROG, ...args];
  const g = new Getopt(argv, GETOPT_STR);
  let opts = OPTS_BASE;
  let command: Cmd | null = null;
  let options = 0;
  const f: Filter = {};
  let proto: ProtoHandler | null = null;
  let protoOffset = 0;
  let output = 0;
  let eventMask = 0;
  const warn: string[] = [];
  let family = 0;
  let table: ReturnType<typeof checkType> = "conntrack";

  const addCommand = (c: Cmd) => {
    if (command) throw paramProblem("Invalid commands combination");
    command = c;
  };
  const setFamily = (fam: number) => {
    if (family === 0) family = fam;
    else if (family !== fam) throw paramProblem("mismatched address family");
  };

  for (;;) {
    const c = g.next(opts);
    if (c === GETOPT_END) break;
    const arg = g.optarg;
    const C = String.fromCharCode(c);
    switch (c) {
      case ch("L"): {
        table = checkType(g);
        addCommand(table === "expect" ? "expL" : "L");
        break;
      }
      case ch("I"):
      case ch("D"):
      case ch("G"):
      case ch("F"):
      case ch("E"):
      case ch("V"):
      case ch("h"):
      case ch("C"):
      case ch("S"):
      case ch("U"):
      case ch("A"): {
        table = checkType(g);
        const exp = table === "expect";
        const map: Record<string, Cmd> = exp
          ? {
              I: "expI",
              D: "expD",
              G: "expG",
              F: "expF",
              E: "expE",
              V: "V",
              h: "h",
              C: "expC",
              S: "expS",
              U: "U",
              A: "A",
            }
          : {
              I: "I",
              D: "D",
              G: "G",
              F: "F",
              E: "E",
              V: "V",
              h: "h",
              C: "C",
              S: "S",
              U: "U",
              A: "A",
            };
        addCommand(map[C]!);
        break;
      }
      case ch("s"):
      case ch("d"):
      case ch("r"):
      case ch("q"): {
        const bit = C === "s" ? O.ORIG_SRC : C === "d" ? O.ORIG_DST : C === "r" ? O.REPL_SRC : O.REPL_DST;
        options |= bit;
        const a = parseAddr(arg!);
        if (a.family === 0) throw paramProblem(`Invalid IP address \`${arg}'`);
        setFamily(a.family);
        if (a.mask === -2) throw paramProblem(`Invalid netmask \`${arg}'`);
        if (a.family === 10) {
          f.family = "ipv6";
          break;
        }
        if (a.mask >= 0 && (C === "s" || C === "d")) {
          const mask = a.mask === 0 ? 0 : (0xffffffff << (32 - a.mask)) >>> 0;
          const net = { net: (a.addr & mask) >>> 0, mask };
          if (C === "s") {
            options |= O.MASK_SRC;
            f.maskSrc = net;
          } else {
            options |= O.MASK_DST;
            f.maskDst = net;
          }
          break;
        }
        if (C === "s") f.origSrc = a.addr;
        else if (C === "d") f.origDst = a.addr;
        else if (C === "r") f.replSrc = a.addr;
        else f.replDst = a.addr;
        break;
      }
      case ch("p"): {
        options |= O.PROTO;
        const name = arg!;
        let h = PROTOS.find((p) => p.name.toLowerCase() === name.toLowerCase());
        let num = h?.num;
        if (!h) {
          const byName = getProtoByName(name);
          if (byName !== undefined) {
            h = UNKNOWN_PROTO;
            num = byName;
          } else {
            const n = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(name)
              ? Number(
                  name.startsWith("0") && !/^0[xX]/.test(name) && name.length > 1 ? Number.parseInt(name, 8) : name,
                )
              : -1;
            if (n >= 0 && n <= 255) {
              h = PROTOS.find((p) => p.num === n) ?? UNKNOWN_PROTO;
              num = n;
            }
          }
        }
        if (!h || num === undefined) throw paramProblem(`\`${name}' unsupported protocol`);
        proto = h;
        f.proto = num;
        if (h.opts.length) {
          protoOffset = OPTION_OFFSET * Math.floor(opts.length > OPTS_BASE.length ? 2 : 1);
          opts = [
            ...opts,
            ...h.opts.map((o) => ({
              name: o.name,
              hasArg: o.hasArg,
              val: o.id + protoOffset,
            })),
          ];
        }
        break;
      }
      case ch("t"): {
        options |= O.TIMEOUT;
        // strtoul() into a u32 ("abc" is 0, "-5" wraps)
        const v = cStrtoul(arg!)?.v ?? 0;
        f.timeout = ((v % 2 ** 32) + 2 ** 32) % 2 ** 32;
        break;
      }
      case ch("u"): {
        options |= O.STATUS;
        // a second --status adds to the first
        const st = parseStatusMask(arg!, warn);
        f.status = f.status ? { value: f.status.value | st.value, mask: f.status.mask | st.mask } : st;
        break;
      }
      case ch("e"):
        options |= O.EVENT_MASK;
        eventMask = parseParameter(arg!, EVENT_PARAMS, warn);
        break;
      case ch("o"):
        options |= O.OUTPUT;
        output |= parseParameter(arg!, OUTPUT_PARAMS, warn);
        break;
      case ch("z"):
        options |= O.ZERO;
        break;
      case ch("n"):
      case ch("g"):
      case ch("j"): {
        options |= C === "n" ? O.SRC_NAT : C === "g" ? O.DST_NAT : O.ANY_NAT;
        const oa = optionalArg(g);
        if (oa) {
          let addr = oa;
          let port: string | undefined;
          const colon = oa.indexOf(":");
          if (colon >= 0 && oa.indexOf(":", colon + 1) < 0) {
            addr = oa.slice(0, colon);
            port = oa.slice(colon + 1);
            if (port === "") throw paramProblem("No port specified after `:'");
            if (!/^\d+$/.test(port) || Number(port) > 65535) throw paramProblem(`Invalid port \`${port}'`);
          }
          const a = parseAddr(addr);
          if (a.family === 0) throw paramProblem(`Invalid IP address \`${addr}'`);
          setFamily(a.family);
          if (C === "n" || C === "j") f.snatIp = a.addr;
          if (C === "g" || C === "j") f.dnatIp = a.addr;
          if (port !== undefined) {
            if (C === "n" || C === "j") f.snatPort = Number(port);
            if (C === "g" || C === "j") f.dnatPort = Number(port);
          }
        }
        break;
      }
      case ch("w"):
      case ch("("):
      case ch(")"): {
        options |= C === "w" ? O.ZONE : C === "(" ? O.ORIG_ZONE : O.REPL_ZONE;
        const v = (cStrtoul(arg!)?.v ?? 0) & 0xffff;
        if (C === "w") f.zone = v;
        else if (C === "(") f.origZone = v;
        else f.replZone = v;
        break;
      }
      case ch("m"): {
        options |= O.MARK;
        const m = parseU32Mask(arg!);
        if (!m) throw paramProblem(`invalid mark value \`${arg}'`);
        f.mark = { value: m.value, mask: m.mask };
        break;
      }
      case ch("c"):
        options |= O.SECMARK;
        break;
      case ch("i"):
        options |= O.ID;
        optionalArg(g);
        break;
      case ch("l"):
      case ch("<"):
      case ch(">"):
        options |= C === "l" ? O.LABEL : C === "<" ? O.ADD_LABEL : O.DEL_LABEL;
        throw paramProblem(`unknown label '${arg ?? ""}'`);
      case ch("a"):
        options |= O.NATRANGE;
        break;
      case ch("f"): {
        options |= O.FAMILY;
        if (arg!.startsWith("ipv4")) {
          setFamily(2);
          f.family = "ipv4";
        } else if (arg!.startsWith("ipv6")) {
          setFamily(10);
          f.family = "ipv6";
        } else throw paramProblem(`\`${arg}' unsupported protocol`);
        break;
      }
      case ch("b"):
        options |= O.BUFFERSIZE;
        break;
      case ch("["):
      case ch("]"):
      case ch("{"):
      case ch("}"):
        options |= C === "[" ? O.EXP_SRC : C === "]" ? O.EXP_DST : C === "{" ? O.MASK_SRC : O.MASK_DST;
        break;
      case GETOPT_MISSING:
        throw paramProblem(`option \`${argv[g.optind - 1]}' requires an argument`);
      case GETOPT_UNKNOWN:
        throw paramProblem(`unknown option \`${argv[g.optind - 1]}'`);
      default: {
        if (!proto || c < protoOffset) throw paramProblem("parse error");
        protoOpt(proto, c - protoOffset, arg ?? "", f);
      }
    }
  }

  const out: string[] = [];
  const err = warn.join("");
  if (!command) return { stdout: USAGE, stderr: err, status: 0 };
  const cmd: Cmd = command;
  // generic_opt_check()
  const table2 = CMD_OPTS[cmd];
  if (table2) {
    for (let i = 0; i < OPTFLAGS.length; i++) {
      const legal = Number(table2[i]);
      if (!(options & (1 << i))) {
        if (legal === 1) throw paramProblem(`You need to supply the \`--${OPTFLAGS[i]}' option for this command`);
      } else if (legal === 0) {
        throw paramProblem(`Illegal option \`--${OPTFLAGS[i]}' with this command`);
      }
    }
  }
  const now = nowNs;
  const print = (v: CtView, type: "" | CtEvent["type"]) =>
    output & _O_XML ? formatXml(v, type) : formatDefault(v, type, output);

  switch (cmd) {
    case "V":
      return {
        stdout: `${PROG} v${VERSION} (conntrack-tools)\n`,
        stderr: err,
        status: 0,
      };
    case "h": {
      if (proto && proto !== UNKNOWN_PROTO)
        return {
          stdout: `${USAGE}Proto \`${proto.name}' help:\n`,
          stderr: err,
          status: 0,
        };
      return { stdout: USAGE, stderr: err, status: 0 };
    }
    case "L": {
      const list = table === "dying" || table === "unconfirmed" ? [] : ct.entries(now);
      let n = 0;
      if (output & _O_XML) out.push('<?xml version="1.0" encoding="utf-8"?>\n<conntrack>\n');
      for (const e of list) {
        const v = viewOf(e, now);
        if (!selected(options, f, v)) continue;
        out.push(`${print(v, "")}\n`);
        n++;
        if (options & O.ZERO && e.counters)
          for (const c of e.counters) {
            c.packets = 0;
            c.bytes = 0;
          }
      }
      if (output & _O_XML) out.push("</conntrack>\n");
      return {
        stdout: out.join(""),
        stderr: `${err}${HEAD}${n} flow entries have been shown.\n`,
        status: 0,
      };
    }
    case "expL":
      return {
        stdout: "",
        stderr: `${err}${HEAD}0 expectations have been shown.\n`,
        status: 0,
      };
    case "D": {
      const victims: Conn[] = [];
      for (const e of ct.entries(now)) {
        const v = viewOf(e, now);
        if (!selected(options, f, v)) continue;
        out.push(`${print(v, "")}\n`);
        victims.push(e);
      }
      ct.deleteEntries(victims);
      return {
        stdout: out.join(""),
        stderr: `${err}${HEAD}${victims.length} flow entries have been deleted.\n`,
        status: victims.length ? 0 : 1,
      };
    }
    case "G": {
      let n = 0;
      for (const e of ct.entries(now)) {
        const v = viewOf(e, now);
        if (!selected(options, f, v)) continue;
        out.push(`${print(v, "")}\n`);
        n++;
        break;
      }
      if (!n)
        return {
          stdout: "",
          stderr: `${err}${HEAD}such conntrack doesn't exist\n`,
          status: 1,
        };
      return {
        stdout: out.join(""),
        stderr: `${err}${HEAD}${n} flow entries have been shown.\n`,
        status: 0,
      };
    }
    case "F":
      ct.gc(now);
      ct.flush(true);
      return {
        stdout: "",
        stderr: `${err}${HEAD}connection tracking table has been emptied.\n`,
        status: 0,
      };
    case "expF":
      return {
        stdout: "",
        stderr: `${err}${HEAD}expectation table has been emptied.\n`,
        status: 0,
      };
    case "C":
      return { stdout: `${ct.count(now)}\n`, stderr: err, status: 0 };
    case "expC":
      return { stdout: "0\n", stderr: err, status: 0 };
    case "S": {
      const s = ct.stats;
      const line = (cpu: number, st: typeof s) =>
        `cpu=${cpu}   \tfound=${st.found} invalid=${st.invalid} insert=${st.insert} insert_failed=${st.insert_failed} drop=${st.drop} early_drop=${st.early_drop} error=${st.error} search_restart=${st.search_restart} clash_resolve=${st.clash_resolve} chaintoolong=${st.chaintoolong} \n`;
      return { stdout: line(0, s), stderr: err, status: 0 };
    }
    case "E": {
      ct.gc(now);
      const mask = options & O.EVENT_MASK ? eventMask : 7;
      let n = 0;
      if (output & _O_XML) out.push('<?xml version="1.0" encoding="utf-8"?>\n<conntrack>\n');
      for (const e of ct.takeEvents()) {
        const bit = e.type === "NEW" ? CT_EVENT_F_NEW : e.type === "UPDATE" ? CT_EVENT_F_UPD : CT_EVENT_F_DEL;
        if (!(mask & bit)) continue;
        const v = viewOfEvent(e);
        if (!selected(options, f, v)) continue;
        let line = print(v, e.type);
        if (e.userspace && !(output & _O_XML)) line += " [USERSPACE] portid=0";
        out.push(`${line}\n`);
        n++;
      }
      if (output & _O_XML) out.push("</conntrack>\n");
      return {
        stdout: out.join(""),
        stderr: `${err}${HEAD}${n} flow events have been shown.\n`,
        status: 0,
      };
    }
    case "expE":
      return {
        stdout: "",
        stderr: `${err}${HEAD}0 expectation events have been shown.\n`,
        status: 0,
      };
    case "I":
    case "A":
      return create(ct, cmd, options, f, proto, err, now);
    case "U": {
      // the entries the tuple options select (mark, status and timeout are what to set); the
      // reference kernel refuses the tool's update of any of them with EOPNOTSUPP, and the tool
      // stops at the first failure
      const select = options & ~(O.MARK | O.STATUS | O.TIMEOUT);
      const by: Filter = { ...f, mark: undefined, status: undefined };
      for (const e of ct.entries(now)) {
        if (!selected(select, by, viewOf(e, now))) continue;
        const why = "Operation failed: Operation not supported\n";
        return { stdout: "", stderr: `${err}${why}${HEAD}${why}`, status: 1 };
      }
      return { stdout: "", stderr: `${err}${HEAD}0 flow entries have been updated.\n`, status: 1 };
    }
    default:
      return {
        stdout: "",
        stderr: `${err}${HEAD}Operation not supported\n`,
        status: 1,
      };
  }
}

/** The protocol plugins' parse_options(). */
function protoOpt(h: ProtoHandler, id: number, arg: string, f: Filter): void {
  if (h.name === "icmp") {
    const v = atoi(arg);
    if (id === 1) f.icmpType = v & 0xff;
    else if (id === 2) f.icmpCode = v & 0xff;
    else if (id === 3) f.icmpId = v & 0xffff;
    return;
  }
  if (id === 9) {
    // LISTEN is the tool's name for state 9 (SYN_SENT2 in the kernel, which it also takes)
    const s = arg === "LISTEN" ? 9 : TCP_STATE_NAMES.indexOf(arg as (typeof TCP_STATE_NAMES)[number]);
    if (s < 0) throw paramProblem(`unknown TCP state \`${arg}'`);
    f.tcpState = s;
    return;
  }
  const port = atoi(arg) & 0xffff;
  if (id === 1) f.origSport = port;
  else if (id === 2) f.origDport = port;
  else if (id === 3) f.replSport = port;
  else if (id === 4) f.replDport = port;
}

/** Protocols whose trackers take ports (conntrack-tools' final checks ask for both). */
const PORT_PROTOS = new Set(["tcp", "udp", "udplite"]);

/**
 * `conntrack -I` / `-A`: the tool's checks of the tuple (after generic_opt_check), then the entry
 * as ctnetlink creates it. IPv6 entries and the trackers whose options the twin lacks (SCTP,
 * DCCP, GRE, ICMPv6) are refused.
 */
function create(
  ct: Conntrack,
  cmd: "I" | "A",
  options: number,
  f: Filter,
  proto: ProtoHandler | null,
  err: string,
  now: number,
): CommandResult {
  const ORIG = O.ORIG_SRC | O.ORIG_DST;
  const REPL = O.REPL_SRC | O.REPL_DST;
  const hasOrig = (options & ORIG) === ORIG;
  const hasRepl = (options & REPL) === REPL;
  if (!hasOrig && !hasRepl) {
    if (options & ORIG || !(options & REPL)) throw paramProblem("you have to specify `--src' and `--dst'");
    throw paramProblem("you have to specify `--reply-src' and `--reply-dst'");
  }
  const name = proto?.name ?? "unknown";
  if (name === "tcp" && f.tcpState === undefined)
    throw paramProblem("You need to supply the `--state' option for this command");
  if (PORT_PROTOS.has(name)) {
    const origPorts = f.origSport !== undefined && f.origDport !== undefined;
    const replPorts = f.replSport !== undefined && f.replDport !== undefined;
    if (!origPorts && !replPorts) {
      const replyOnly =
        (f.replSport !== undefined || f.replDport !== undefined) &&
        f.origSport === undefined &&
        f.origDport === undefined;
      throw paramProblem(
        replyOnly
          ? "you have to specify `--reply-src-port' and `--reply-dst-port'"
          : "you have to specify `--sport' and `--dport'",
      );
    }
  }
  if (name === "icmp") {
    if (f.icmpType === undefined) throw paramProblem("You need to supply the `--icmp-type' option for this command");
    if (f.icmpCode === undefined) throw paramProblem("You need to supply the `--icmp-code' option for this command");
  }
  const failed = (why: string) => ({ stdout: "", stderr: `${err}${HEAD}Operation failed: ${why}\n`, status: 1 });
  if (f.family === "ipv6" || name === "sctp" || name === "dccp" || name === "gre" || name === "icmpv6")
    return failed("Operation not supported");
  const invalid = () => failed(cmd === "I" ? "invalid parameters" : "Invalid argument");

  const p = f.proto!;
  const ports = PORT_PROTOS.has(name);
  // the tuples as libnetfilter_conntrack sends them: one given, the other its inverse
  // (NFCT_SOPT_SETUP_REPLY / _ORIGINAL); an incomplete one is refused by the kernel
  let orig: Tuple | undefined;
  let reply: Tuple | undefined;
  if (hasOrig) {
    if (ports && (f.origSport === undefined || f.origDport === undefined)) return invalid();
    orig = {
      src: f.origSrc!,
      dst: f.origDst!,
      proto: p,
      sport: name === "icmp" ? (f.icmpId ?? 0) : ports ? f.origSport! : 0,
      dport: ports ? f.origDport! : 0,
      type: name === "icmp" ? f.icmpType! : 0,
      code: name === "icmp" ? f.icmpCode! : 0,
    };
  }
  if (options & REPL) {
    // the ICMP options fill the original tuple only: a given reply tuple lacks them
    if (!hasRepl || name === "icmp") return invalid();
    if (ports && (f.replSport === undefined || f.replDport === undefined)) return invalid();
    reply = {
      src: f.replSrc!,
      dst: f.replDst!,
      proto: p,
      sport: ports ? f.replSport! : 0,
      dport: ports ? f.replDport! : 0,
      type: 0,
      code: 0,
    };
  }
  if (!orig && options & ORIG) return invalid();
  orig ??= invertTuple(reply!);
  reply ??= orig && invertTuple(orig);
  if (!orig || !reply) return invalid();

  // ctnetlink_parse_zone(), then a tuple's zone only over the default one
  let zone: Zone = { id: f.zone ?? 0, dir: NF_CT_DEFAULT_ZONE_DIR };
  if (f.origZone !== undefined) {
    if (zone.id !== 0) return invalid();
    zone = { id: f.origZone, dir: NF_CT_ZONE_DIR_ORIG };
  }
  if (f.replZone !== undefined) {
    if (zone.id !== 0) return invalid();
    zone = { id: f.replZone, dir: NF_CT_ZONE_DIR_REPL };
  }
  const nat = (ip: number | undefined, port: number | undefined): NatRange2 | undefined =>
    ip === undefined
      ? undefined
      : {
          flags: NF_NAT_RANGE_MAP_IPS | (port !== undefined ? NF_NAT_RANGE_PROTO_SPECIFIED : 0),
          minAddr: ip,
          maxAddr: ip,
          minProto: port ?? 0,
          maxProto: port ?? 0,
          baseProto: 0,
        };
  const errno = ct.createEntry(
    {
      orig,
      reply,
      timeoutSecs: f.timeout ?? 0,
      status: options & O.STATUS ? f.status!.value : undefined,
      mark: options & O.MARK ? f.mark!.value : undefined,
      zone,
      tcpState: f.tcpState,
      // libct_proto_tcp's final_check(): window tracking off for an entry made by hand, and one
      // from TIME_WAIT on may be reopened
      tcpFlags:
        IP_CT_TCP_FLAG_BE_LIBERAL |
        IP_CT_TCP_FLAG_SACK_PERM |
        ((f.tcpState ?? 0) >= TCP_CONNTRACK_TIME_WAIT ? IP_CT_TCP_FLAG_CLOSE_INIT : 0),
      snat: nat(f.snatIp, f.snatPort),
      dnat: nat(f.dnatIp, f.dnatPort),
    },
    now,
  );
  const verb = cmd === "I" ? "created" : "added";
  switch (errno) {
    case 0:
      return { stdout: "", stderr: `${err}${HEAD}1 flow entries have been ${verb}.\n`, status: 0 };
    case EEXIST:
      if (cmd === "A") return { stdout: "", stderr: `${err}${HEAD}0 flow entries have been added.\n`, status: 0 };
      return failed("Such conntrack exists, try -U to update");
    case EINVAL:
      return invalid();
    case EBUSY:
      return failed("Device or resource busy");
    default:
      return failed("Cannot allocate memory");
  }
}
