/**
 * conntrack match (libxt_conntrack / xt_conntrack revision 3, the one 1.8.9
 * uses): connection state, status, tuple addresses and ports, expiry, direction.
 * The state match is the same kernel match with the STATE_ALIAS flag.
 */
import { paramError } from "../core/errors.js";
import { addrToAnyName, formatIPv4, maskSuffix } from "../core/ipv4.js";
import { conntrackMatch as ctMatchFn } from "../engine/ct-extensions.js";
import { defineMatch, type OptionCall, type PrintContext, XTOPT_INVERT, XtType } from "./api.js";
import { dataKey, parseCommaList, prefixMatch } from "./ct-util.js";

export const XT_CONNTRACK_STATE = 1 << 0;
export const XT_CONNTRACK_PROTO = 1 << 1;
export const XT_CONNTRACK_ORIGSRC = 1 << 2;
export const XT_CONNTRACK_ORIGDST = 1 << 3;
export const XT_CONNTRACK_REPLSRC = 1 << 4;
export const XT_CONNTRACK_REPLDST = 1 << 5;
export const XT_CONNTRACK_STATUS = 1 << 6;
export const XT_CONNTRACK_EXPIRES = 1 << 7;
export const XT_CONNTRACK_ORIGSRC_PORT = 1 << 8;
export const XT_CONNTRACK_ORIGDST_PORT = 1 << 9;
export const XT_CONNTRACK_REPLSRC_PORT = 1 << 10;
export const XT_CONNTRACK_REPLDST_PORT = 1 << 11;
export const XT_CONNTRACK_DIRECTION = 1 << 12;
export const XT_CONNTRACK_STATE_ALIAS = 1 << 13;
/** XT_INV_PROTO, which the parser tests in invert_flags (where it aliases XT_CONNTRACK_STATUS). */
const XT_INV_PROTO = 0x40;

export const STATE_INVALID = 1 << 0;
export const STATE_ESTABLISHED = 1 << 1;
export const STATE_RELATED = 1 << 2;
export const STATE_NEW = 1 << 3;
export const STATE_SNAT = 1 << 6;
export const STATE_DNAT = 1 << 7;
export const STATE_UNTRACKED = 1 << 8;

const IPS_EXPECTED = 1 << 0;
const IPS_SEEN_REPLY = 1 << 1;
const IPS_ASSURED = 1 << 2;
const IPS_CONFIRMED = 1 << 3;

/** An address of the tuple: value, IPv4 mask and whether the unused IPv6 mask words are all ones. */
export interface CtAddr {
  addr: number;
  mask: number;
  /** XTTYPE_HOST fills all 16 mask bytes; a /prefix clears the upper words (the kernel blob differs). */
  full: boolean;
}

/** struct xt_conntrack_mtinfo3 */
export interface ConntrackData {
  origsrc: CtAddr;
  origdst: CtAddr;
  replsrc: CtAddr;
  repldst: CtAddr;
  expiresMin: number;
  expiresMax: number;
  l4proto: number;
  origsrcPort: number;
  origdstPort: number;
  replsrcPort: number;
  repldstPort: number;
  matchFlags: number;
  invertFlags: number;
  stateMask: number;
  statusMask: number;
  origsrcPortHigh: number;
  origdstPortHigh: number;
  replsrcPortHigh: number;
  repldstPortHigh: number;
}

const O_CTSTATE = 0;
const O_CTPROTO = 1;
const O_CTORIGSRC = 2;
const O_CTORIGDST = 3;
const O_CTREPLSRC = 4;
const O_CTREPLDST = 5;
const O_CTORIGSRCPORT = 6;
const O_CTORIGDSTPORT = 7;
const O_CTREPLSRCPORT = 8;
const O_CTREPLDSTPORT = 9;
const O_CTSTATUS = 10;
const O_CTEXPIRE = 11;
const O_CTDIR = 12;

const noAddr = (): CtAddr => ({ addr: 0, mask: 0, full: false });

export function conntrackInit(): ConntrackData {
  return {
    origsrc: noAddr(),
    origdst: noAddr(),
    replsrc: noAddr(),
    repldst: noAddr(),
    expiresMin: 0,
    expiresMax: 0,
    l4proto: 0,
    origsrcPort: 0,
    origdstPort: 0,
    replsrcPort: 0,
    repldstPort: 0,
    matchFlags: 0,
    invertFlags: 0,
    stateMask: 0,
    statusMask: 0,
    origsrcPortHigh: 0,
    origdstPortHigh: 0,
    replsrcPortHigh: 0,
    repldstPortHigh: 0,
  };
}

const CT_STATES: ReadonlyArray<readonly [string, number]> = [
  ["INVALID", STATE_INVALID],
  ["NEW", STATE_NEW],
  ["ESTABLISHED", STATE_ESTABLISHED],
  ["RELATED", STATE_RELATED],
  ["UNTRACKED", STATE_UNTRACKED],
  ["SNAT", STATE_SNAT],
  ["DNAT", STATE_DNAT],
];

/** The state names the state match knows (no SNAT/DNAT). */
export const STATE_NAMES = CT_STATES.slice(0, 5);

const CT_STATUSES: ReadonlyArray<readonly [string, number]> = [
  ["NONE", 0],
  ["EXPECTED", IPS_EXPECTED],
  ["SEEN_REPLY", IPS_SEEN_REPLY],
  ["ASSURED", IPS_ASSURED],
  ["CONFIRMED", IPS_CONFIRMED],
];

/** First table entry whose name the token abbreviates (strncasecmp with the token's length). */
export function lookupPrefix(table: ReadonlyArray<readonly [string, number]>, token: string): number | undefined {
  for (const [name, bit] of table) if (prefixMatch(token, name)) return bit;
  return undefined;
}

function parseStates(arg: string): number {
  let mask = 0;
  parseCommaList(
    arg,
    (t) => {
      const b = lookupPrefix(CT_STATES, t);
      if (b === undefined) return false;
      mask |= b;
      return true;
    },
    (rest) => paramError(`Bad ctstate "${rest}"`),
  );
  return mask;
}

function parseStatuses(arg: string): number {
  let mask = 0;
  parseCommaList(
    arg,
    (t) => {
      const b = lookupPrefix(CT_STATUSES, t);
      if (b === undefined) return false;
      mask |= b;
      return true;
    },
    (rest) => paramError(`Bad ctstatus "${rest}"`),
  );
  return mask;
}

function hostArg(cb: OptionCall<ConntrackData>): CtAddr {
  // hlen is -1 for a non-contiguous mask: the C code then leaves all 16 mask bytes set.
  const full = !cb.arg.includes("/") || cb.val.hlen < 0;
  return { addr: cb.val.haddr >>> 0, mask: cb.val.hmask >>> 0, full };
}

function conntrackParse(cb: OptionCall<ConntrackData>): void {
  const d = cb.data;
  const inv = (flag: number) => {
    d.matchFlags |= flag;
    if (cb.invert) d.invertFlags |= flag;
  };
  const ports = (): [number, number] => [cb.val.portRange[0], cb.val.portRange[cb.nvals >= 2 ? 1 : 0]];
  switch (cb.entry.id) {
    case O_CTSTATE:
      d.stateMask |= parseStates(cb.arg);
      inv(XT_CONNTRACK_STATE);
      break;
    case O_CTPROTO:
      d.l4proto = cb.val.protocol;
      if (d.l4proto === 0 && d.invertFlags & XT_INV_PROTO)
        throw paramError("conntrack: rule would never match protocol");
      inv(XT_CONNTRACK_PROTO);
      break;
    case O_CTORIGSRC:
      d.origsrc = hostArg(cb);
      inv(XT_CONNTRACK_ORIGSRC);
      break;
    case O_CTORIGDST:
      d.origdst = hostArg(cb);
      inv(XT_CONNTRACK_ORIGDST);
      break;
    case O_CTREPLSRC:
      d.replsrc = hostArg(cb);
      inv(XT_CONNTRACK_REPLSRC);
      break;
    case O_CTREPLDST:
      d.repldst = hostArg(cb);
      inv(XT_CONNTRACK_REPLDST);
      break;
    case O_CTSTATUS:
      d.statusMask |= parseStatuses(cb.arg);
      inv(XT_CONNTRACK_STATUS);
      break;
    case O_CTEXPIRE:
      d.expiresMin = cb.val.range[0]!;
      d.expiresMax = cb.nvals >= 2 ? cb.val.range[1]! : cb.val.range[0]!;
      inv(XT_CONNTRACK_EXPIRES);
      break;
    case O_CTORIGSRCPORT:
      [d.origsrcPort, d.origsrcPortHigh] = ports();
      inv(XT_CONNTRACK_ORIGSRC_PORT);
      break;
    case O_CTORIGDSTPORT:
      [d.origdstPort, d.origdstPortHigh] = ports();
      inv(XT_CONNTRACK_ORIGDST_PORT);
      break;
    case O_CTREPLSRCPORT:
      [d.replsrcPort, d.replsrcPortHigh] = ports();
      inv(XT_CONNTRACK_REPLSRC_PORT);
      break;
    case O_CTREPLDSTPORT:
      [d.repldstPort, d.repldstPortHigh] = ports();
      inv(XT_CONNTRACK_REPLDST_PORT);
      break;
    case O_CTDIR: {
      const a = cb.arg.toLowerCase();
      if (a === "original") {
        d.matchFlags |= XT_CONNTRACK_DIRECTION;
        d.invertFlags &= ~XT_CONNTRACK_DIRECTION;
      } else if (a === "reply") {
        d.matchFlags |= XT_CONNTRACK_DIRECTION;
        d.invertFlags |= XT_CONNTRACK_DIRECTION;
      } else {
        throw paramError(`conntrack: Bad value for "--ctdir" option: "${cb.arg}"`);
      }
      break;
    }
  }
}

export function printStates(mask: number): string {
  const names: string[] = [];
  for (const [name, bit] of [
    ["INVALID", STATE_INVALID],
    ["NEW", STATE_NEW],
    ["RELATED", STATE_RELATED],
    ["ESTABLISHED", STATE_ESTABLISHED],
    ["UNTRACKED", STATE_UNTRACKED],
    ["SNAT", STATE_SNAT],
    ["DNAT", STATE_DNAT],
  ] as const) {
    if (mask & bit) names.push(name);
  }
  return names.length ? ` ${names.join(",")}` : "";
}

function printStatus(mask: number): string {
  const names: string[] = [];
  if (mask & IPS_EXPECTED) names.push("EXPECTED");
  if (mask & IPS_SEEN_REPLY) names.push("SEEN_REPLY");
  if (mask & IPS_ASSURED) names.push("ASSURED");
  if (mask & IPS_CONFIRMED) names.push("CONFIRMED");
  if (mask === 0) names.push("NONE");
  return ` ${names.join(",")}`;
}

function dumpAddr(a: CtAddr, numeric: boolean, ctx: PrintContext): string {
  if (!numeric && a.addr === 0) return " anywhere";
  return ` ${numeric ? formatIPv4(a.addr) : addrToAnyName(a.addr, ctx.db)}${maskSuffix(a.mask)}`;
}

function dumpPorts(prefix: string, opt: string, low: number, high: number): string {
  if (high === 0 || low === high) return ` ${prefix}${opt} ${low}`;
  return ` ${prefix}${opt} ${low}:${high}`;
}

/** conntrack_dump() for IPv4, revision 3. */
export function conntrackDump(d: ConntrackData, prefix: string, numeric: boolean, ctx: PrintContext): string {
  const f = d.matchFlags;
  const inv = (flag: number) => (d.invertFlags & flag ? " !" : "");
  let out = "";
  if (f & XT_CONNTRACK_STATE) {
    out += `${inv(XT_CONNTRACK_STATE)} ${prefix}${f & XT_CONNTRACK_STATE_ALIAS ? "state" : "ctstate"}`;
    out += printStates(d.stateMask);
  }
  if (f & XT_CONNTRACK_PROTO) out += `${inv(XT_CONNTRACK_PROTO)} ${prefix}ctproto ${d.l4proto}`;
  const addrs: ReadonlyArray<readonly [number, string, CtAddr]> = [
    [XT_CONNTRACK_ORIGSRC, "ctorigsrc", d.origsrc],
    [XT_CONNTRACK_ORIGDST, "ctorigdst", d.origdst],
    [XT_CONNTRACK_REPLSRC, "ctreplsrc", d.replsrc],
    [XT_CONNTRACK_REPLDST, "ctrepldst", d.repldst],
  ];
  for (const [flag, name, a] of addrs) {
    if (f & flag) out += `${inv(flag)} ${prefix}${name}${dumpAddr(a, numeric, ctx)}`;
  }
  const ports: ReadonlyArray<readonly [number, string, number, number]> = [
    [XT_CONNTRACK_ORIGSRC_PORT, "ctorigsrcport", d.origsrcPort, d.origsrcPortHigh],
    [XT_CONNTRACK_ORIGDST_PORT, "ctorigdstport", d.origdstPort, d.origdstPortHigh],
    [XT_CONNTRACK_REPLSRC_PORT, "ctreplsrcport", d.replsrcPort, d.replsrcPortHigh],
    [XT_CONNTRACK_REPLDST_PORT, "ctrepldstport", d.repldstPort, d.repldstPortHigh],
  ];
  for (const [flag, name, lo, hi] of ports) {
    if (f & flag) out += inv(flag) + dumpPorts(prefix, name, lo, hi);
  }
  if (f & XT_CONNTRACK_STATUS) out += `${inv(XT_CONNTRACK_STATUS)} ${prefix}ctstatus${printStatus(d.statusMask)}`;
  if (f & XT_CONNTRACK_EXPIRES) {
    out += `${inv(XT_CONNTRACK_EXPIRES)} ${prefix}ctexpire `;
    out += d.expiresMax === d.expiresMin ? `${d.expiresMin}` : `${d.expiresMin}:${d.expiresMax}`;
  }
  if (f & XT_CONNTRACK_DIRECTION)
    out += ` ${prefix}ctdir ${d.invertFlags & XT_CONNTRACK_DIRECTION ? "REPLY" : "ORIGINAL"}`;
  return out;
}

const HOSTMASK_OPT = (name: string, id: number) => ({ name, id, type: XtType.HOSTMASK, flags: XTOPT_INVERT });
const PORT_OPT = (name: string, id: number) => ({ name, id, type: XtType.PORTRC, flags: XTOPT_INVERT });

export const conntrackMatch = defineMatch<ConntrackData>({
  name: "conntrack",
  revision: 3,
  options: [
    { name: "ctstate", id: O_CTSTATE, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "ctproto", id: O_CTPROTO, type: XtType.PROTOCOL, flags: XTOPT_INVERT },
    HOSTMASK_OPT("ctorigsrc", O_CTORIGSRC),
    HOSTMASK_OPT("ctorigdst", O_CTORIGDST),
    HOSTMASK_OPT("ctreplsrc", O_CTREPLSRC),
    HOSTMASK_OPT("ctrepldst", O_CTREPLDST),
    { name: "ctstatus", id: O_CTSTATUS, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "ctexpire", id: O_CTEXPIRE, type: XtType.UINT32RC, flags: XTOPT_INVERT },
    PORT_OPT("ctorigsrcport", O_CTORIGSRCPORT),
    PORT_OPT("ctorigdstport", O_CTORIGDSTPORT),
    PORT_OPT("ctreplsrcport", O_CTREPLSRCPORT),
    PORT_OPT("ctrepldstport", O_CTREPLDSTPORT),
    { name: "ctdir", id: O_CTDIR, type: XtType.STRING },
  ],
  init: conntrackInit,
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => ctMatchFn(d),
  parse: conntrackParse,
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("conntrack: At least one option is required");
  },
  print: (d, ctx) => conntrackDump(d, "", ctx.numeric, ctx),
  save: (d, ctx) => conntrackDump(d, "--", true, ctx),
  compareKey: (d) => dataKey(d),
  help: () =>
    "conntrack match options:\n" +
    "[!] --ctstate {INVALID|ESTABLISHED|NEW|RELATED|UNTRACKED|SNAT|DNAT}[,...]\n" +
    "                               State(s) to match\n" +
    '[!] --ctproto proto            Protocol to match; by number or name, e.g. "tcp"\n' +
    "[!] --ctorigsrc address[/mask]\n" +
    "[!] --ctorigdst address[/mask]\n" +
    "[!] --ctreplsrc address[/mask]\n" +
    "[!] --ctrepldst address[/mask]\n" +
    "                               Original/Reply source/destination address\n" +
    "[!] --ctorigsrcport port\n" +
    "[!] --ctorigdstport port\n" +
    "[!] --ctreplsrcport port\n" +
    "[!] --ctrepldstport port\n" +
    "                               TCP/UDP/SCTP orig./reply source/destination port\n" +
    "[!] --ctstatus {NONE|EXPECTED|SEEN_REPLY|ASSURED|CONFIRMED}[,...]\n" +
    "                               Status(es) to match\n" +
    "[!] --ctexpire time[:time]     Match remaining lifetime in seconds against\n" +
    "                               value or range of values (inclusive)\n" +
    "    --ctdir {ORIGINAL|REPLY}   Flow direction of packet\n",
});
