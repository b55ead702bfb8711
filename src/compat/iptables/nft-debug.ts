/**
 * `iptables -vv` of the nf_tables build: the libnftnl debug text of what
 * iptables reads from the kernel (nftnl_rule_list_cb() prints every rule the
 * rule cache fetches) and of each object it sends in the batch
 * (nft_compat_*_batch_add() → nft_{table,chain,rule}_print_debug()).
 *
 * Rules are turned into the nf_tables expressions iptables-nft builds for
 * them (nft_ipv4_add(): interfaces, protocol, addresses, fragment flag, the
 * matches — tcp, udp, mark and limit natively, the rest as xt "match" —,
 * a counter, then the action) and printed as nftnl_rule_snprintf() does.
 */

import { utf8Encoder } from "../../core/utf8.js";
import { type Chain, findBuiltinTable, HOOK_NAMES, type Rule, type Table } from "../../engine/ruleset.js";
import type { IpSpec } from "../../extensions/api.js";
import {
  IPT_F_FRAG,
  IPT_F_GOTO,
  IPT_INV_DSTIP,
  IPT_INV_FRAG,
  IPT_INV_PROTO,
  IPT_INV_SRCIP,
  IPT_INV_VIA_IN,
  IPT_INV_VIA_OUT,
} from "../../extensions/api.js";
import { type PortExpr, portExprs } from "../../extensions/l4-common.js";
import type { NftL4Expr } from "../../extensions/nft-l4.js";
import { nlmsgDump } from "./nft-netlink.js";
import {
  CMD_APPEND,
  CMD_CHECK,
  CMD_DELETE,
  CMD_DELETE_CHAIN,
  CMD_DELETE_NUM,
  CMD_FLUSH,
  CMD_INSERT,
  CMD_LIST,
  CMD_LIST_RULES,
  CMD_NEW_CHAIN,
  CMD_RENAME_CHAIN,
  CMD_REPLACE,
  CMD_SET_POLICY,
  CMD_ZERO,
  CMD_ZERO_NUM,
  type ParsedCommand,
} from "./parse.js";

// --- constants (linux/netfilter/nf_tables.h) ---------------------------------

export const NFT_REG_VERDICT = 0;
export const NFT_REG_1 = 1;
export const NFT_REG32_01 = 9;

export const NFT_META_MARK = 3;
export const NFT_META_IIFNAME = 6;
export const NFT_META_OIFNAME = 7;
export const NFT_META_NFTRACE = 12;
export const NFT_META_L4PROTO = 16;

export const NFT_PAYLOAD_NETWORK_HEADER = 1;
export const NFT_PAYLOAD_TRANSPORT_HEADER = 2;

export const NFT_CMP_EQ = 0;
export const NFT_CMP_NEQ = 1;
export const NFT_CMP_LTE = 3;
export const NFT_CMP_GT = 4;

export const NF_DROP = 0;
export const NF_ACCEPT = 1;
export const NFT_JUMP = -3;
export const NFT_GOTO = -4;
export const NFT_RETURN = -5;

export const NFT_LIMIT_PKTS = 0;

/** An nf_tables expression with the attributes libnftnl prints (and sends). */
export type NftExpr =
  | { name: "meta"; key: number; dreg?: number; sreg?: number }
  | { name: "cmp"; sreg: number; op: number; data: number[] }
  | { name: "payload"; base: number; offset: number; len: number; dreg: number }
  | { name: "bitwise"; sreg: number; dreg: number; mask: number[]; xor: number[] }
  | { name: "range"; sreg: number; op: number; from: number[]; to: number[] }
  | { name: "counter"; pkts: number; bytes: number }
  | { name: "immediate"; dreg: number; verdict?: number; chain?: string; data?: number[] }
  | { name: "limit"; rate: number; unit: number; burst: number; type: number; flags: number }
  | { name: "log"; prefix?: string; group: number; snaplen?: number; qthreshold?: number }
  | { name: "match"; xname: string; rev: number; inst?: XtInst }
  | { name: "target"; xname: string; rev: number; inst?: XtInst };

/** The extension instance behind an xt expression (its kernel struct goes into the message). */
export interface XtInst {
  ext: { name: string; realName?: string; revision: number };
  data: any;
}

// --- rule → expressions ------------------------------------------------------

const utf8 = utf8Encoder;

function be32(v: number): number[] {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}

function le32(v: number): number[] {
  return [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];
}

function be16(v: number): number[] {
  return [(v >>> 8) & 255, v & 255];
}

/** add_iniface()/add_outiface(): a trailing '+' compares the prefix only; a lone '+' loads and compares nothing. */
function ifaceExprs(out: NftExpr[], key: number, iface: string, op: number): void {
  const bytes = [...utf8.encode(iface)];
  out.push({ name: "meta", key, dreg: NFT_REG_1 });
  if (iface.endsWith("+")) {
    if (bytes.length > 1) out.push({ name: "cmp", sreg: NFT_REG_1, op, data: bytes.slice(0, -1) });
    else if (op !== NFT_CMP_EQ)
      out.push({ name: "cmp", sreg: NFT_REG_1, op: NFT_CMP_EQ, data: [...utf8.encode("INVAL/D"), 0] });
  } else {
    out.push({ name: "cmp", sreg: NFT_REG_1, op, data: [...bytes, 0] });
  }
}

/** add_addr(): the leading all-ones bytes of the mask, or the whole address under a bitwise mask. */
function addrExprs(out: NftExpr[], offset: number, addr: number, mask: number, op: number): void {
  const m = be32(mask >>> 0);
  let i = 0;
  let bitwise = false;
  for (; i < 4; i++) {
    if (m[i] !== 0xff) {
      bitwise = m[i] !== 0;
      break;
    }
  }
  for (let j = i + 1; !bitwise && j < 4; j++) bitwise = m[j] !== 0;
  const len = bitwise ? 4 : i;
  out.push({ name: "payload", base: NFT_PAYLOAD_NETWORK_HEADER, offset, len, dreg: NFT_REG_1 });
  if (bitwise) out.push({ name: "bitwise", sreg: NFT_REG_1, dreg: NFT_REG_1, mask: m, xor: [0, 0, 0, 0] });
  out.push({ name: "cmp", sreg: NFT_REG_1, op, data: be32(addr >>> 0).slice(0, len) });
}

const cmpOp = (inv: boolean): number => (inv ? NFT_CMP_NEQ : NFT_CMP_EQ);

function ipExprs(out: NftExpr[], ip: IpSpec): void {
  if (ip.iniface) ifaceExprs(out, NFT_META_IIFNAME, ip.iniface, cmpOp((ip.invflags & IPT_INV_VIA_IN) !== 0));
  if (ip.outiface) ifaceExprs(out, NFT_META_OIFNAME, ip.outiface, cmpOp((ip.invflags & IPT_INV_VIA_OUT) !== 0));
  if (ip.proto !== 0) {
    out.push({ name: "meta", key: NFT_META_L4PROTO, dreg: NFT_REG_1 });
    out.push({ name: "cmp", sreg: NFT_REG_1, op: cmpOp((ip.invflags & IPT_INV_PROTO) !== 0), data: [ip.proto & 255] });
  }
  if (ip.src || ip.smsk || ip.invflags & IPT_INV_SRCIP)
    addrExprs(out, 12, ip.src, ip.smsk, cmpOp((ip.invflags & IPT_INV_SRCIP) !== 0));
  if (ip.dst || ip.dmsk || ip.invflags & IPT_INV_DSTIP)
    addrExprs(out, 16, ip.dst, ip.dmsk, cmpOp((ip.invflags & IPT_INV_DSTIP) !== 0));
  if (ip.flags & IPT_F_FRAG) {
    // the 13 fragment offset bits; non-zero is a fragment
    out.push({ name: "payload", base: NFT_PAYLOAD_NETWORK_HEADER, offset: 6, len: 2, dreg: NFT_REG_1 });
    out.push({ name: "bitwise", sreg: NFT_REG_1, dreg: NFT_REG_1, mask: be16(0x1fff), xor: [0, 0] });
    out.push({ name: "cmp", sreg: NFT_REG_1, op: ip.invflags & IPT_INV_FRAG ? NFT_CMP_EQ : NFT_CMP_NEQ, data: [0, 0] });
  }
}

const CMP_OPS: Record<string, number> = { eq: 0, neq: 1, lte: 3, gt: 4 };

/** add_nft_tcpudp()/add_nft_tcpflags() expressions of one native tcp/udp group. */
function l4Exprs(out: NftExpr[], e: NftL4Expr | PortExpr): void {
  const load = (offset: number, len: number) =>
    out.push({ name: "payload", base: NFT_PAYLOAD_TRANSPORT_HEADER, offset, len, dreg: NFT_REG_1 });
  switch (e.kind) {
    case "flags":
      load(13, 1);
      out.push({ name: "bitwise", sreg: NFT_REG_1, dreg: NFT_REG_1, mask: [e.mask & 255], xor: [0] });
      out.push({ name: "cmp", sreg: NFT_REG_1, op: CMP_OPS[e.op]!, data: [e.cmp & 255] });
      break;
    case "both":
      load(0, 4);
      out.push({ name: "cmp", sreg: NFT_REG_1, op: CMP_OPS[e.op]!, data: [...be16(e.sport), ...be16(e.dport)] });
      break;
    case "cmp":
      load(e.field === "sport" ? 0 : 2, 2);
      out.push({ name: "cmp", sreg: NFT_REG_1, op: CMP_OPS[e.op]!, data: be16(e.port) });
      break;
    case "range":
      load(e.field === "sport" ? 0 : 2, 2);
      out.push({ name: "range", sreg: NFT_REG_1, op: e.op === "neq" ? 1 : 0, from: be16(e.from), to: be16(e.to) });
      break;
  }
}

interface PortsLike {
  spts: number[];
  dpts: number[];
  invflags: number;
  nft?: NftL4Expr[];
}

function fullRange(p: readonly number[]): boolean {
  return p[0] === 0 && p[1] === 0xffff;
}

/** add_nft_tcp(): an xt match for options, odd inversions or nothing at all; else flags and ports natively. */
function tcpExprs(out: NftExpr[], d: PortsLike & { option: number; flgMask: number; flgCmp: number }, m: XtRef): void {
  const allZero = fullRange(d.spts) && fullRange(d.dpts) && !d.option && !d.flgMask && !d.flgCmp && !d.invflags;
  if (d.invflags & ~0x07 || d.option || allZero) {
    out.push(xtMatch(m));
    return;
  }
  if (d.nft) {
    for (const e of d.nft) l4Exprs(out, e);
    return;
  }
  if (d.flgMask) l4Exprs(out, { kind: "flags", mask: d.flgMask, cmp: d.flgCmp, op: d.invflags & 0x04 ? "neq" : "eq" });
  for (const e of portExprs(d.spts, (d.invflags & 0x01) !== 0, d.dpts, (d.invflags & 0x02) !== 0)) l4Exprs(out, e);
}

/** add_nft_udp() */
function udpExprs(out: NftExpr[], d: PortsLike, m: XtRef): void {
  const allZero = fullRange(d.spts) && fullRange(d.dpts) && !d.invflags;
  if (d.invflags > 0x03 || allZero) {
    out.push(xtMatch(m));
    return;
  }
  const exprs = d.nft ?? portExprs(d.spts, (d.invflags & 0x01) !== 0, d.dpts, (d.invflags & 0x02) !== 0);
  for (const e of exprs) l4Exprs(out, e);
}

const XT_LIMIT_SCALE = 10000;
const LIMIT_MULT = [XT_LIMIT_SCALE * 24 * 60 * 60, XT_LIMIT_SCALE * 60 * 60, XT_LIMIT_SCALE * 60, XT_LIMIT_SCALE];

/** add_nft_limit(): packets per unit from the average period. */
export function limitExpr(avg: number, burst: number): NftExpr {
  let i = 1;
  for (; i < LIMIT_MULT.length; i++) {
    const mult = LIMIT_MULT[i]!;
    if (avg > mult || Math.floor(mult / avg) < mult % avg) break;
  }
  const mult = LIMIT_MULT[i - 1]!;
  return {
    name: "limit",
    rate: Math.floor(mult / avg),
    unit: mult / XT_LIMIT_SCALE,
    burst,
    type: NFT_LIMIT_PKTS,
    flags: 0,
  };
}

interface XtRef {
  ext: { name: string; realName?: string; revision: number };
  data?: unknown;
}

function xtMatch(m: XtRef): NftExpr {
  return { name: "match", xname: m.ext.realName ?? m.ext.name, rev: m.ext.revision, inst: m as XtInst };
}

function matchExprs(out: NftExpr[], m: Rule["matches"][number], dumped: boolean): void {
  const d = m.data;
  switch (m.ext.name) {
    case "tcp":
      tcpExprs(out, d, m);
      return;
    case "udp":
      udpExprs(out, d, m);
      return;
    case "mark":
      // add_nft_mark(): meta mark [& mask] ==/!= value
      out.push({ name: "meta", key: NFT_META_MARK, dreg: NFT_REG_1 });
      if (d.mask >>> 0 !== 0xffffffff)
        out.push({ name: "bitwise", sreg: NFT_REG_1, dreg: NFT_REG_1, mask: le32(d.mask >>> 0), xor: [0, 0, 0, 0] });
      out.push({ name: "cmp", sreg: NFT_REG_1, op: cmpOp(d.invert), data: le32(d.mark >>> 0) });
      return;
    case "limit":
      // nft_limit_init() puts its default for a zero burst
      out.push(limitExpr(d.avg, dumped && d.burst === 0 ? 5 : d.burst));
      return;
    default:
      out.push(xtMatch(m));
  }
}

/** add_action(): verdicts and jumps as immediates, NFLOG as `log`, TRACE as `meta nftrace`, the rest xt targets. */
function actionExprs(out: NftExpr[], rule: Rule): void {
  const t = rule.target;
  if (t) {
    const verdict =
      t.ext.name === "standard" ? { ACCEPT: NF_ACCEPT, DROP: NF_DROP, RETURN: NFT_RETURN }[rule.jumpto] : undefined;
    if (verdict !== undefined) {
      out.push({ name: "immediate", dreg: NFT_REG_VERDICT, verdict });
    } else if (t.ext.name === "NFLOG") {
      const d = t.data;
      const e: NftExpr = { name: "log", group: d.group };
      if (d.prefix !== "") e.prefix = d.prefix;
      if (d.flags & 0x1) e.snaplen = d.len;
      if (d.threshold) e.qthreshold = d.threshold;
      out.push(e);
    } else if (t.ext.name === "TRACE") {
      out.push({ name: "immediate", dreg: NFT_REG32_01, data: [1] });
      out.push({ name: "meta", key: NFT_META_NFTRACE, sreg: NFT_REG32_01 });
    } else {
      // The standard target keeps the name -j gave it (QUEUE).
      const xname = t.ext.name === "standard" ? rule.jumpto : (t.ext.realName ?? t.ext.name);
      out.push({ name: "target", xname, rev: t.ext.revision, inst: t });
    }
  } else if (rule.jumpto !== "") {
    out.push({
      name: "immediate",
      dreg: NFT_REG_VERDICT,
      verdict: rule.ip.flags & IPT_F_GOTO ? NFT_GOTO : NFT_JUMP,
      chain: rule.jumpto,
    });
  }
}

/**
 * The expressions of a rule as iptables-nft builds them: the match part from
 * the rule as given (the kernel keeps what was sent, even where reading it
 * back loses something), the counter, then the action of the rule as stored
 * (a renamed jump target shows its new name).
 */
export function ruleExprs(rule: Rule, pcnt: number, bcnt: number, dumped = false): NftExpr[] {
  const src = rule.nftSrc ?? rule;
  const out: NftExpr[] = [];
  ipExprs(out, src.ip);
  for (const m of src.matches) matchExprs(out, m, dumped);
  out.push({ name: "counter", pkts: pcnt, bytes: bcnt });
  actionExprs(out, rule);
  return out;
}

/**
 * What normalizeRule() may lose that the kernel keeps: a lone `-i +`, a
 * match that vanishes or merges into another, the limit rate recomputed from
 * the read-back average. Returns the rule as given when it matters.
 */
export function nftSource(given: Rule, normalized: Rule): Rule | undefined {
  if (given.ip.iniface !== normalized.ip.iniface || given.ip.outiface !== normalized.ip.outiface) return given;
  if (given.matches.length !== normalized.matches.length) return given;
  for (const m of given.matches) if (m.ext.name === "limit") return given;
  return undefined;
}

/**
 * The rule as iptables parses back what it sends (the -v echo of a new
 * rule): a zero limit burst is the kernel's doing, not yet there.
 */
export function sentView(r: Rule): Rule {
  const src = r.nftSrc;
  if (!src) return r;
  const given = src.matches.filter((m) => m.ext.name === "limit");
  if (!given.some((m) => m.data.burst === 0)) return r;
  let i = 0;
  const matches = r.matches.map((m) => {
    if (m.ext.name !== "limit") return m;
    const g = given[i++];
    return g && g.data.burst === 0 ? { ext: m.ext, data: { ...m.data, burst: 0 } } : m;
  });
  return { ...r, matches, saveText: undefined };
}

/**
 * nft_rule_zero_counters() rebuilds a rule from its parsed-back form: the
 * kernel then holds the expressions of the normalised rule.
 */
export function rebuiltRule(rule: Rule): Rule {
  const matches = rule.matches.map((m) =>
    m.data && typeof m.data === "object" && "nft" in m.data ? { ext: m.ext, data: { ...m.data, nft: undefined } } : m,
  );
  return Object.assign({}, rule, { matches, nftSrc: undefined, saveText: undefined, hookOk: undefined });
}

/** add_compat(): NFT_RULE_COMPAT_F_INV for an inverted protocol. */
function compatOf(ip: IpSpec): { proto: number; flags: number } {
  return { proto: ip.proto, flags: ip.invflags & IPT_INV_PROTO ? 2 : 0 };
}

// --- libnftnl text -----------------------------------------------------------

const META_KEYS: Record<number, string> = { 3: "mark", 6: "iifname", 7: "oifname", 12: "nftrace", 16: "l4proto" };
const BASES = ["link", "network", "transport", "inner"];
const CMP_NAMES = ["eq", "neq", "lt", "lte", "gt", "gte"];
const VERDICTS: Record<number, string> = {
  0: "drop",
  1: "accept",
  3: "queue",
  [-1]: "continue",
  [-2]: "break",
  [-3]: "jump",
  [-4]: "goto",
  [-5]: "return",
};
const UNITS: Record<number, string> = { 1: "second", 60: "minute", 3600: "hour", 86400: "day", 604800: "week" };

/** nftnl_data_reg_value_snprintf_default(): 32-bit host-order (little-endian) words. */
function dataText(b: readonly number[]): string {
  let s = "";
  for (let i = 0; i < b.length; i += 4) {
    const w = ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0;
    s += `0x${w.toString(16).padStart(8, "0")} `;
  }
  return s;
}

/** nftnl_expr_snprintf() of one expression, as the rule printer frames it: `  [ NAME … ]`. */
export function exprText(e: NftExpr): string {
  let body: string;
  switch (e.name) {
    case "meta":
      body =
        e.sreg !== undefined
          ? `set ${META_KEYS[e.key]} with reg ${e.sreg} `
          : `load ${META_KEYS[e.key]} => reg ${e.dreg} `;
      break;
    case "cmp":
      body = `${CMP_NAMES[e.op]} reg ${e.sreg} ${dataText(e.data)}`;
      break;
    case "payload":
      body = `load ${e.len}b @ ${BASES[e.base]} header + ${e.offset} => reg ${e.dreg} `;
      break;
    case "bitwise":
      body = `reg ${e.dreg} = ( reg ${e.sreg} & ${dataText(e.mask)}) ^ ${dataText(e.xor)}`;
      break;
    case "range":
      body = `${e.op ? "neq" : "eq"} reg ${e.sreg} ${dataText(e.from)}${dataText(e.to)}`;
      break;
    case "counter":
      body = `pkts ${e.pkts} bytes ${e.bytes} `;
      break;
    case "immediate":
      body = `reg ${e.dreg} `;
      if (e.data) body += dataText(e.data);
      else body += `${VERDICTS[e.verdict!]} ${e.chain !== undefined ? `-> ${e.chain} ` : ""}`;
      break;
    case "limit":
      body = `rate ${e.rate}/${UNITS[e.unit] ?? "error"} burst ${e.burst} type ${e.type ? "bytes" : "packets"} flags 0x${e.flags.toString(16)} `;
      break;
    case "log":
      body = e.prefix !== undefined ? `prefix ${e.prefix} ` : "";
      body += `group ${e.group} snaplen ${e.snaplen ?? 0} qthreshold ${e.qthreshold ?? 0} `;
      break;
    case "match":
    case "target":
      body = `name ${e.xname} rev ${e.rev} `;
      break;
  }
  return `  [ ${e.name} ${body}]\n`;
}

/** The attributes of an nftnl_rule the printer shows (unset ones are absent). */
export interface RuleMsg {
  family?: number;
  table: string;
  chain?: string;
  handle?: number;
  position?: number;
  id?: number;
  positionId?: number;
  exprs: NftExpr[];
  /** NFTA_RULE_COMPAT: the rule's protocol as nft_rule_new() (or recover_rule_compat()) sets it. */
  compat?: { proto: number; flags: number };
  /** Parsed from a kernel dump (the attributes the kernel adds or omits are encoded so). */
  dumped?: boolean;
}

export function familyName(f: number): string {
  return f === 2 ? "ip" : "unknown";
}

/** nftnl_rule_fprintf() followed by nft_rule_print_debug()'s newline. */
export function ruleText(r: RuleMsg): string {
  const head: string[] = [];
  if (r.family !== undefined) head.push(familyName(r.family));
  head.push(r.table);
  if (r.chain !== undefined) head.push(r.chain);
  if (r.handle !== undefined) head.push(String(r.handle));
  if (r.position !== undefined) head.push(String(r.position));
  if (r.id !== undefined) head.push(String(r.id));
  if (r.positionId !== undefined) head.push(String(r.positionId));
  let s = `${head.join(" ")}\n`;
  for (const e of r.exprs) s += exprText(e);
  return `${s}\n`;
}

/** The attributes of an nftnl_chain the printer shows. */
export interface ChainMsg {
  family: number;
  table: string;
  name: string;
  use?: number;
  hook?: number;
  prio?: number;
  type?: string;
  policy?: number;
  packets?: number;
  bytes?: number;
  /** NFTA_CHAIN_FLAGS as the kernel dumps it (base chains: NFT_CHAIN_BASE). */
  flags?: number;
  handle?: number;
}

const HOOK_TEXT = ["prerouting", "input", "forward", "output", "postrouting"];

/** nftnl_chain_fprintf() followed by a newline. */
export function chainText(c: ChainMsg): string {
  let s = `${familyName(c.family)} ${c.table} ${c.name} use ${c.use ?? 0}`;
  if (c.hook !== undefined) {
    s += ` type ${c.type} hook ${HOOK_TEXT[c.hook]} prio ${c.prio}`;
    if (c.policy !== undefined) s += ` policy ${VERDICTS[c.policy]}`;
    s += ` packets ${c.packets ?? 0} bytes ${c.bytes ?? 0}`;
    if (c.flags !== undefined) s += ` flags ${c.flags.toString(16)}`;
  }
  return `${s}\n`;
}

/** nftnl_table_fprintf() of a table iptables creates, followed by a newline. */
export function tableText(name: string): string {
  return `table ${name} ip flags 0 use 0 handle 0\n`;
}

// --- built-in chains (nft.c xtables_ipv4[]) ---------------------------------

const PRIO: Record<string, number> = { raw: -300, mangle: -150, filter: 0, security: 150 };

function baseChainSpec(table: string, hook: number): { type: string; prio: number } {
  if (table === "nat") return { type: "nat", prio: hook === 0 || hook === 3 ? -100 : 100 };
  if (table === "mangle" && hook === 3) return { type: "route", prio: -150 };
  return { type: "filter", prio: PRIO[table] ?? 0 };
}

/** nft_chain_builtin_alloc() */
export function builtinChainMsg(table: string, hook: number, policy: "ACCEPT" | "DROP" | null): ChainMsg {
  const spec = baseChainSpec(table, hook);
  const c: ChainMsg = { family: 2, table, name: HOOK_NAMES[hook]!, hook, prio: spec.prio, type: spec.type };
  if (policy !== null) c.policy = policy === "DROP" ? NF_DROP : NF_ACCEPT;
  return c;
}

/** How often the kernel counts a chain used: its rules and the jumps to it (NFTA_CHAIN_USE). */
function chainUse(table: Table, c: Chain): number {
  let n = c.rules.length;
  for (const o of [...table.chains.values(), ...(table.foreign ?? [])]) {
    if (o.hook >= 0 && !o.present) continue;
    for (const r of o.rules) if (r.target === null && r.jumpto === c.name) n++;
  }
  return n;
}

/** A chain as the kernel dumps it (nftnl_chain_list_cb()). */
export function kernelChainMsg(table: Table, c: Chain): ChainMsg {
  const m: ChainMsg = { family: 2, table: table.name, name: c.name, use: chainUse(table, c) };
  if (c.hook >= 0) {
    const spec = baseChainSpec(table.name, c.hook);
    Object.assign(m, {
      hook: c.hook,
      prio: spec.prio,
      type: spec.type,
      policy: c.policy === "DROP" ? NF_DROP : NF_ACCEPT,
    });
    // the kernel has counters for a chain created or updated with them
    if (c.counting) {
      m.packets = c.pcnt;
      m.bytes = c.bcnt;
    }
    m.flags = 1;
  }
  return m;
}

// --- the rule cache fetch ----------------------------------------------------

/** Which chains a command has the cache fetch (nft_cache_level_set() over its commands). */
export class CacheRequest {
  rules = false;
  all = false;
  readonly names = new Set<string>();

  add(rules: boolean, chain: string | null, ...extra: Array<string | null | undefined>): void {
    if (rules) this.rules = true;
    if (this.all) return;
    if (chain === null) {
      this.all = true;
      return;
    }
    this.names.add(chain);
    for (const x of extra) if (x) this.names.add(x);
  }
}

/**
 * The chains the cache holds, in nft_chain_foreach() order: the base chains
 * by hook, then the user chains in the kernel's order (all chains) or in
 * strcmp order of the names asked for (fetch_chain_cache() one by one). A
 * renamed base chain is refused by nft_cache_add_base_chain(): never fetched.
 */
function cachedChains(table: Table, req: CacheRequest): Chain[] {
  if (!table.exists) return [];
  const base: Chain[] = [];
  const user: Chain[] = [];
  let candidates: Iterable<Chain> = table.chains.values();
  if (!req.all) {
    const names = new Set(req.names);
    for (const h of findBuiltinTable(table.name)?.hooks ?? []) names.add(HOOK_NAMES[h]!);
    const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    candidates = sorted.map((n) => table.chains.get(n)).filter((c): c is Chain => c !== undefined);
  }
  for (const c of candidates) {
    if (c.hook < 0) user.push(c);
    else if (c.present) base[c.hook] = c;
  }
  return [...base.filter((c) => c !== undefined), ...user];
}

/** A rule as the kernel dumps it: handle, the handle of the rule before it, its counters. */
export function kernelRuleMsg(table: string, chain: string, r: Rule, prev: Rule | undefined): RuleMsg {
  const m: RuleMsg = {
    family: 2,
    table,
    chain,
    handle: r.handle ?? 0,
    exprs: ruleExprs(r, r.pcnt, r.bcnt, true),
    dumped: true,
  };
  if (prev) m.position = prev.handle ?? 0;
  return m;
}

/** What nftnl_rule_list_cb() prints while the rule cache is fetched. */
export function cacheFetchText(table: Table, req: CacheRequest): string {
  if (!req.rules) return "";
  let out = "";
  for (const c of cachedChains(table, req)) {
    for (let i = 0; i < c.rules.length; i++)
      out += ruleText(kernelRuleMsg(table.name, c.name, c.rules[i]!, c.rules[i - 1]));
  }
  return out;
}

// --- the batch ---------------------------------------------------------------

type BatchObj =
  | { kind: "table"; type: number; flags: number; name: string; skip?: boolean }
  | { kind: "chain"; type: number; flags: number; chain: ChainMsg; skip?: boolean }
  | {
      kind: "rule";
      type: number;
      flags: number;
      rule: RuleMsg;
      op: string;
      chain?: string;
      skip?: boolean;
    };

/** enum nf_tables_msg_types */
const NFT_MSG_NEWTABLE = 0;
const NFT_MSG_DELTABLE = 2;
const NFT_MSG_NEWCHAIN = 3;
const NFT_MSG_DELCHAIN = 5;
const NFT_MSG_NEWRULE = 6;
const NFT_MSG_DELRULE = 8;
const NLM_F_REPLACE = 0x100;
const NLM_F_EXCL = 0x200;
const NLM_F_CREATE = 0x400;
const NLM_F_APPEND = 0x800;
const NLM_F_NONREC = 0x100;

/**
 * The objects an iptables process puts in its nf_tables batch, printed at
 * commit (nft_action()) when h->verbose > 1; skipped ones are not sent.
 */
export class NftBatch {
  private readonly objs: BatchObj[] = [];
  /** Chains whose cache object this batch created (printed as sent, not as the kernel dumps them). */
  private readonly fresh = new Map<string, ChainMsg>();
  /** Rules added in this batch: their objects (a later delete or zero sends the same object). */
  private readonly sent = new Map<Rule, RuleMsg>();
  /** h->cache->table[].exists: whether the table was there when the cache was built (a table add never sets it). */
  tableExists: boolean;

  constructor(
    /** The table as the kernel held it when the cache was fetched. */
    readonly kernel: Table,
    public level: number,
  ) {
    this.tableExists = kernel.exists;
  }

  get table(): string {
    return this.kernel.name;
  }

  /** nft_table_builtin_add() */
  tableAdd(): void {
    if (!this.tableExists)
      this.objs.push({ kind: "table", type: NFT_MSG_NEWTABLE, flags: NLM_F_CREATE, name: this.table });
  }

  /** __nft_table_flush(): the table is deleted (skipped when the kernel has none); the cache forgets it. */
  tableFlush(): void {
    this.objs.push({ kind: "table", type: NFT_MSG_DELTABLE, flags: 0, name: this.table, skip: !this.tableExists });
    this.tableExists = false;
    this.fresh.clear();
  }

  /** nft_chain_builtin_add(): NFT_COMPAT_CHAIN_ADD, and the cache holds that object. */
  chainAdd(hook: number): void {
    const c = builtinChainMsg(this.table, hook, "ACCEPT");
    this.fresh.set(c.name, c);
    this.objs.push({ kind: "chain", type: NFT_MSG_NEWCHAIN, flags: NLM_F_CREATE, chain: c });
  }

  /** nft_chain_set(): a new object with the policy ("-": none) and the counters given. */
  chainUpdate(hook: number, policy: string, counters: { pcnt: number; bcnt: number }): void {
    const c = builtinChainMsg(this.table, hook, policy === "-" ? null : (policy as "ACCEPT" | "DROP"));
    c.packets = counters.pcnt;
    c.bytes = counters.bcnt;
    this.objs.push({ kind: "chain", type: NFT_MSG_NEWCHAIN, flags: this.restore ? NLM_F_CREATE : 0, chain: c });
  }

  /** h->restore: a chain update is sent with NLM_F_CREATE. */
  restore = false;

  /** nft_chain_user_add() / nft_chain_restore() creating the chain. */
  chainUserAdd(name: string): void {
    const c: ChainMsg = { family: 2, table: this.table, name };
    this.fresh.set(name, c);
    this.objs.push({ kind: "chain", type: NFT_MSG_NEWCHAIN, flags: NLM_F_EXCL, chain: c });
  }

  /** The cache's object for a chain: the one this batch made, else the kernel's dump. */
  private cached(c: Chain): ChainMsg {
    const f = this.fresh.get(c.name);
    if (f) return f;
    let k = this.kernel.exists ? this.kernel.chains.get(c.name) : undefined;
    if (k && k.hook >= 0 && !k.present) k = undefined;
    k ??= this.kernel.foreign?.find((x) => x.name === c.name);
    if (k) return kernelChainMsg(this.kernel, k);
    // a base chain the listing faked into the cache (nft_xt_fake_builtin_chains())
    if (c.hook >= 0) return builtinChainMsg(this.table, c.hook, "ACCEPT");
    return { family: 2, table: this.table, name: c.name };
  }

  /** __nft_chain_del(): the cached object, without its handle; a busy base chain is skipped. */
  chainDel(c: Chain, skip: boolean): void {
    const m = { ...this.cached(c) };
    this.fresh.delete(c.name);
    this.objs.push({ kind: "chain", type: NFT_MSG_DELCHAIN, flags: NLM_F_NONREC, chain: m, skip });
  }

  /** nft_chain_user_rename(): a new object with the new name and the old chain's handle. */
  chainRename(newName: string, handle: number | undefined): void {
    const c: ChainMsg = { family: 2, table: this.table, name: newName, handle };
    this.objs.push({ kind: "chain", type: NFT_MSG_NEWCHAIN, flags: 0, chain: c });
  }

  /**
   * __nft_chain_zero_counters(): a base chain is sent with zeroed counters,
   * then each rule whose counter is not zero is replaced with a zeroed one.
   */
  chainZero(c: Chain, rules: readonly Rule[]): void {
    if (c.hook >= 0) {
      const m = { ...this.cached(c), packets: 0, bytes: 0 };
      this.objs.push({ kind: "chain", type: NFT_MSG_NEWCHAIN, flags: NLM_F_CREATE, chain: m });
    }
    for (const r of rules) {
      if (!r.pcnt && !r.bcnt) continue;
      const sent = this.sent.get(r);
      let m: RuleMsg;
      if (sent) {
        // The batch's own object: zeroed in place, so its earlier print shows zeros as well.
        for (const e of sent.exprs) if (e.name === "counter") Object.assign(e, { pkts: 0, bytes: 0 });
        delete sent.position;
        m = sent;
      } else {
        m = {
          family: 2,
          table: this.table,
          chain: c.name,
          handle: r.handle ?? 0,
          exprs: ruleExprs(r, 0, 0, true),
          dumped: true,
        };
        // recover_rule_compat(): the protocol from the l4proto compare
        const ip = (r.nftSrc ?? r).ip;
        if (ip.proto) m.compat = compatOf(ip);
      }
      this.objs.push({
        kind: "rule",
        type: NFT_MSG_NEWRULE,
        flags: NLM_F_CREATE | NLM_F_REPLACE,
        op: "replace",
        chain: c.name,
        rule: m,
      });
    }
  }

  /** A rule added by this batch (append, insert, replace): `given` is the command's rule, `stored` what the chain holds. */
  ruleAdd(
    op: "append" | "insert" | "replace",
    chain: string,
    given: Rule,
    stored: Rule,
    ref?: Rule,
    refId?: number,
  ): void {
    const m: RuleMsg = { family: 2, table: this.table, chain, exprs: ruleExprs(given, given.pcnt, given.bcnt) };
    m.compat = compatOf((given.nftSrc ?? given).ip);
    if (op === "replace" && ref) m.handle = this.sent.has(ref) ? 0 : (ref.handle ?? 0);
    if (op === "insert" && ref) {
      const refMsg = this.sent.get(ref);
      if (refId !== undefined) {
        m.positionId = refId;
        if (refMsg) refMsg.id = refId;
      } else m.position = ref.handle ?? 0;
    }
    this.sent.set(stored, m);
    const flags = NLM_F_CREATE | (op === "append" ? NLM_F_APPEND : op === "replace" ? NLM_F_REPLACE : 0);
    this.objs.push({ kind: "rule", type: NFT_MSG_NEWRULE, flags, op, chain, rule: m });
  }

  /** __nft_rule_del(): the cached rule object (a rule of this batch is deleted by a new id). */
  ruleDelete(chain: string, r: Rule, id?: number): void {
    let m = this.sent.get(r);
    if (m) {
      if (id !== undefined) m.id = id;
    } else {
      const kc = this.kernel.chains.get(chain);
      const i = kc ? kc.rules.findIndex((x) => x.handle === r.handle) : -1;
      m = kernelRuleMsg(this.table, chain, r, i > 0 ? kc!.rules[i - 1] : undefined);
    }
    this.objs.push({ kind: "rule", type: NFT_MSG_DELRULE, flags: 0, op: "delete", chain, rule: m });
  }

  /** __nft_rule_flush(): a rule with table (and chain) only. */
  ruleFlush(chain: string | null, skip = false): void {
    const m: RuleMsg = { table: this.table, exprs: [] };
    if (chain !== null) m.chain = chain;
    this.objs.push({ kind: "rule", type: NFT_MSG_DELRULE, flags: 0, op: "flush", rule: m, skip });
  }

  /** batch_chain_flush(): rule operations of the chain (null: the table) still in the batch are dropped. */
  dropPending(chain: string | null): void {
    for (let i = this.objs.length - 1; i >= 0; i--) {
      const o = this.objs[i]!;
      if (o.kind !== "rule" || o.op === "flush") continue;
      if (chain === null || o.chain === chain) this.objs.splice(i, 1);
    }
  }

  /** What nft_action() prints while it builds the batch messages. */
  render(): string {
    if (this.level < 2) return "";
    let out = "";
    let seq = 2;
    for (const o of this.objs) {
      if (o.skip) continue;
      const s = seq++;
      if (o.kind === "table") {
        out += tableText(o.name);
        if (this.level > 2) out += nlmsgDump({ kind: "table", type: o.type, flags: o.flags, seq: s, name: o.name });
      } else if (o.kind === "chain") {
        out += chainText(o.chain);
        if (this.level > 2) out += nlmsgDump({ kind: "chain", type: o.type, flags: o.flags, seq: s, chain: o.chain });
      } else {
        out += ruleText(o.rule);
        if (this.level > 2) out += nlmsgDump({ kind: "rule", type: o.type, flags: o.flags, seq: s, rule: o.rule });
      }
    }
    return out;
  }
}

/** The cache request of one iptables command (the nft_cmd_*() it queues). */
export function commandCacheRequest(req: CacheRequest, cmd: ParsedCommand): void {
  const c = cmd.command;
  const r = cmd.rules[0];
  const jumpto = r && r.target === null && r.jumpto !== "" ? r.jumpto : null;
  if (c & (CMD_LIST | CMD_LIST_RULES)) {
    req.add(true, cmd.chain);
    return;
  }
  switch (c) {
    case CMD_APPEND:
      req.add(false, cmd.chain, jumpto);
      break;
    case CMD_INSERT:
      req.add(cmd.rulenum - 1 > 0, cmd.chain, jumpto);
      break;
    case CMD_DELETE:
    case CMD_REPLACE:
    case CMD_CHECK:
      req.add(true, cmd.chain, jumpto);
      break;
    case CMD_DELETE_NUM:
    case CMD_ZERO:
    case CMD_ZERO_NUM:
      req.add(true, cmd.chain);
      break;
    case CMD_DELETE_CHAIN:
      req.add(cmd.chain === null, cmd.chain);
      break;
    case CMD_RENAME_CHAIN:
      req.add(false, cmd.chain, cmd.newname);
      break;
    case CMD_FLUSH:
    case CMD_NEW_CHAIN:
    case CMD_SET_POLICY:
      req.add(false, cmd.chain);
      break;
  }
}
