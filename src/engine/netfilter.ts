/**
 * Rule traversal (ipt_do_table / nft_do_chain): tables compiled into flat
 * rule arrays per chain with per-hook entry points; matches and targets are
 * closures built once per rule; counters and traces as the kernel keeps them.
 *
 * Speed (no strings, no allocation per packet):
 * - the rules of a table are packed in one Int32Array, RS ints per rule (the
 *   IPv4 part, the kind of target, the jump's chain index, where its match
 *   closures start), chains being ranges of it: a rule costs one cache line;
 * - runs of rules that differ only in an exact (masked) destination, protocol
 *   and destination port (KUBE-SERVICES, DOCKER) are indexed by an open
 *   addressing hash on an Int32Array that yields the first rule of the run
 *   the packet can match; first-match order, counters and traces are those of
 *   the scan, which remains for fragments and truncated transport headers;
 * - common first matches (tcp/udp port compares, an xt tcp/udp that tests
 *   nothing, statistic --mode random) are evaluated from the packed rule for
 *   ordinary packets, without a call to their closure;
 * - in a batch (send --json) rule counters stay in the packed rules until the
 *   batch ends (deferCounters), instead of a visit to each rule object;
 * - the jump stack is a typed array and the deciding rule is kept for lastDecision().
 */
import { IP_OFFMASK, IPPROTO_TCP, IPPROTO_UDP, type Packet } from "../core/packet.js";
import {
  IPT_F_FRAG,
  IPT_F_GOTO,
  IPT_INV_DSTIP,
  IPT_INV_FRAG,
  IPT_INV_PROTO,
  IPT_INV_SRCIP,
  IPT_INV_VIA_IN,
  IPT_INV_VIA_OUT,
} from "../extensions/api.js";
import type { EvalContext, MatchFn, PackableTarget, PackedNat, TargetFn } from "./context.js";
import type { Chain, MatchInst, Rule, Table } from "./ruleset.js";
import { NF_ACCEPT, NF_DROP, NF_QUEUE, XT_CONTINUE, XT_RETURN } from "./verdict.js";

const K_NONE = 0;
const K_VERDICT = 1;
const K_JUMP = 2;
const K_GOTO = 3;
const K_TARGET = 4;
const K_RETURN = 5;
/** A SNAT/DNAT target run from the packed rule (R_ARG flags | manip << 8, R_TFIRST the address, R_TEND ports). */
const K_NAT = 6;

/** One rule, ready to run. */
export interface CompiledRule {
  rule: Rule;
  chain: Chain;
  src: number;
  smsk: number;
  dst: number;
  dmsk: number;
  proto: number;
  flags: number;
  invflags: number;
  /** Interface name to compare and whether it is a `+` prefix. */
  inName: string;
  inPrefix: boolean;
  outName: string;
  outPrefix: boolean;
  matches: MatchFn[];
  kind: number;
  verdict: number;
  /** Chain index for jumps and gotos. */
  next: number;
  target: TargetFn | null;
}

/**
 * A run of rules [start, end) (table-wide rule numbers) that only test an exact
 * (masked) destination, a protocol and a destination port, hashed by that key.
 * Open addressing with linear probing; `slots` holds SLOT ints per slot: the
 * key (destination, protocol << 16 | port) and the first rule with it (-1:
 * empty); `nextSame` links later rules of the run with the same key.
 */
export interface RuleIndex {
  start: number;
  end: number;
  /** Destination mask shared by the run (0: no destination test). */
  dmsk: number;
  /** Whether the key holds the protocol / the destination port. */
  hasProto: boolean;
  hasPort: boolean;
  /** Slot count - 1 (a power of two minus one). */
  mask: number;
  slots: Int32Array;
  /** Per rule of the run (rule - start): the next rule of the run with the same key, or -1. */
  nextSame: Int32Array;
}

export interface CompiledChain {
  chain: Chain;
  rules: CompiledRule[];
  /** Table-wide number of the chain's first rule (its rules are first … first + rules.length - 1). */
  first: number;
}

export interface CompiledTable {
  table: Table;
  chains: CompiledChain[];
  /** Entry point per NF_INET hook (-1: the base chain does not exist, so the hook is not registered). */
  base: number[];
  /** The rules packed, RS ints each, by table-wide rule number (fields R_*). */
  code: Int32Array;
  /** Per chain: first rule number and end (exclusive). */
  chainFirst: Int32Array;
  chainEnd: Int32Array;
  chainNames: string[];
  /** By rule number: the rule (counters, traces), its target closure. */
  ruleOf: Rule[];
  targetOf: Array<TargetFn | null>;
  /** Match closures of all rules; a rule's are matchFns[R_MSTART …] (R_INFO has how many). */
  matchFns: MatchFn[];
  /** Interface names the rules compare (R_IFACES indexes it). */
  ifaceNames: string[];
  runs: RuleIndex[];
  /**
   * Deferred rule counters (see deferCounters): packets and bytes by rule number not yet added to
   * the rules, and the rule numbers that have some.
   */
  deferred: boolean;
  /** Rules with deferred counts (R_DPKT, R_DBYTES of the packed rule). */
  dirty: number[];
  /** PackedNat.apply of the table's K_NAT rules (one function for all), null when it has none. */
  natApply: PackedNat["apply"] | null;
}

// Fields of a packed rule: 16 ints (64 bytes, a cache line), those an IPv4 mismatch reads first.
const R_SRC = 0;
const R_SMSK = 1;
const R_DST = 2;
const R_DMSK = 3;
/** proto | ip flags << 8 | invflags << 16 | interface prefix bits << 24 (1: input, 2: output). */
const R_IP = 4;
/** Interface name indexes: input | output << 16, 0xffff when the rule names none ("eth+" is "eth" + prefix bit). */
const R_IFACES = 5;
/** Index run the rule belongs to, -1 for none. */
const R_RUN = 6;
/** kind | first match (FM_*) << 4 | port tests << 8 | their kinds (P_*) << 10 and << 13 | match count << 16. */
const R_INFO = 7;
const R_MSTART = 8;
/** The verdict of K_VERDICT, the chain index of a jump or goto. */
const R_ARG = 9;
/** Jumps: the target chain's first rule and end. */
const R_TFIRST = 10;
const R_TEND = 11;
/** Deferred counters (see deferCounters): packets, bytes (flushed before they pass 2^30). */
const R_DPKT = 12;
const R_DBYTES = 15;
/** First-match values: port test lo << 16 | hi (or statistic's probability), the second test's. */
const R_PV0 = 13;
const R_PV1 = 14;
const RS = 16;

const NO_IFACE = 0xffff;

/**
 * The rule's first match when it is a common one evaluated here (FM_*), without its closure, for
 * ordinary packets; the closure runs for the rest (fragments, short headers). FM_PORTS: native
 * tcp/udp port compares (iptables-nft's payload compares), 1 or 2, each its kind (P_*, | P_NEG)
 * and lo << 16 | hi. FM_TCP / FM_UDP: an xt tcp/udp match that tests nothing (true for a whole
 * header). FM_RANDOM: statistic --mode random, R_PV0 the probability, kind P_NEG when inverted.
 */
const FM_NONE = 0;
const FM_PORTS = 1;
const FM_TCP = 2;
const FM_UDP = 3;
const FM_RANDOM = 4;

const P_SPORT = 0;
const P_DPORT = 1;
/** sport == lo and dport == hi (one 32-bit compare in nft). */
const P_BOTH = 2;
const P_NEG = 4;

/** Ints per index slot: destination, protocol/port, first rule, unused. */
const SLOT = 4;

/**
 * Where the last runHook verdict came from, kept as table, chain index and packed rule index;
 * its chain name and 1-based position (0 for the policy) are looked up only when asked
 * (lastDecision()): most verdicts are never asked about, and a chain name per packet in a table
 * of 10,000s of chains is a cold read.
 */
const decided: DecisionRef = { t: null, ci: 0, g: 0, chain: "", rule: 0 };

/** A trace event (nft monitor trace): a rule that matched, a return, or the policy. */
export interface TraceEvent {
  table: string;
  chain: string;
  kind: "rule" | "return" | "policy";
  rule?: Rule;
  verdict: string;
}

function ifaceSpec(name: string): { name: string; prefix: boolean } {
  if (name.endsWith("+")) return { name: name.slice(0, -1), prefix: true };
  return { name, prefix: false };
}

const STANDARD_VERDICTS: Record<string, number> = { ACCEPT: NF_ACCEPT, DROP: NF_DROP, QUEUE: NF_QUEUE };

/** Shortest run worth a hash: below this the scan is as fast. */
export const MIN_INDEXED_RUN = 8;

export interface CompileOptions {
  /** Build rule indexes (default true); false gives the plain rule-by-rule scan. */
  index?: boolean;
  /** Shortest run to index (default MIN_INDEXED_RUN; tests index short runs too). */
  minRun?: number;
}

/** Compiles a table; extensions without packet semantics make the rule refuse to compile. */
export function compileTable(table: Table, opts: CompileOptions = {}): CompiledTable {
  const chains: CompiledChain[] = [];
  const index = new Map<string, number>();
  let total = 0;
  for (const c of table.chains.values()) {
    index.set(c.name, chains.length);
    chains.push({ chain: c, rules: [], first: total });
    total += c.rules.length;
  }
  const code = new Int32Array(total * RS);
  const chainFirst = new Int32Array(chains.length);
  const chainEnd = new Int32Array(chains.length);
  const chainNames: string[] = [];
  const ruleOf: Rule[] = [];
  const targetOf: Array<TargetFn | null> = [];
  const matchFns: MatchFn[] = [];
  const ifaceNames: string[] = [];
  const ifaceIds = new Map<string, number>();
  let natApply: PackedNat["apply"] | null = null;
  const ifaceId = (name: string): number => {
    let id = ifaceIds.get(name);
    if (id === undefined && ifaceNames.length >= NO_IFACE) throw new Error("too many interface names in one table");
    if (id === undefined) {
      id = ifaceNames.length;
      ifaceNames.push(name);
      ifaceIds.set(name, id);
    }
    return id;
  };
  for (let ci = 0; ci < chains.length; ci++) {
    const cc = chains[ci]!;
    chainFirst[ci] = cc.first;
    chainEnd[ci] = cc.first + cc.chain.rules.length;
    chainNames.push(cc.chain.name);
    for (const rule of cc.chain.rules) {
      const r = compileRule(rule, cc.chain, index);
      const g = ruleOf.length;
      cc.rules.push(r);
      ruleOf.push(rule);
      targetOf.push(r.target);
      const o = g * RS;
      code[o + R_SRC] = r.src | 0;
      code[o + R_SMSK] = r.smsk | 0;
      code[o + R_DST] = r.dst | 0;
      code[o + R_DMSK] = r.dmsk | 0;
      code[o + R_IP] =
        (r.proto & 255) |
        ((r.flags & 255) << 8) |
        ((r.invflags & 255) << 16) |
        ((r.inPrefix ? 1 : 0) << 24) |
        ((r.outPrefix ? 2 : 0) << 24);
      const inI = r.inName !== "" || r.inPrefix ? ifaceId(r.inName) : NO_IFACE;
      const outI = r.outName !== "" || r.outPrefix ? ifaceId(r.outName) : NO_IFACE;
      code[o + R_IFACES] = inI | (outI << 16);
      code[o + R_INFO] = r.kind | (r.matches.length << 16);
      code[o + R_ARG] = r.kind === K_VERDICT ? r.verdict : r.next;
      code[o + R_MSTART] = matchFns.length;
      code[o + R_RUN] = -1;
      if (r.next >= 0) {
        const target = chains[r.next]!;
        code[o + R_TFIRST] = target.first;
        code[o + R_TEND] = target.first + target.chain.rules.length;
      }
      const nat = (r.target as PackableTarget | null)?.packedNat;
      if (r.kind === K_TARGET && nat) {
        // its numbers in the rule's own cache line: no closure, context and array slot to fetch
        code[o + R_INFO] = K_NAT | (r.matches.length << 16);
        code[o + R_ARG] = nat.flags | (nat.manip << 8);
        code[o + R_TFIRST] = nat.addr | 0;
        code[o + R_TEND] = (nat.minProto & 0xffff) | (nat.maxProto << 16);
        natApply = nat.apply;
      }
      packFirstMatch(rule, code, o);
      for (const m of r.matches) matchFns.push(m);
    }
  }
  const runs: RuleIndex[] = [];
  if (opts.index !== false) {
    const minRun = opts.minRun ?? MIN_INDEXED_RUN;
    for (const cc of chains) indexChain(cc, minRun, code, runs);
  }
  const base = [-1, -1, -1, -1, -1];
  if (table.exists) {
    for (let i = 0; i < chains.length; i++) {
      const c = chains[i]!.chain;
      if (c.hook >= 0 && c.present) base[c.hook] = i;
    }
  }
  return {
    table,
    chains,
    base,
    code,
    chainFirst,
    chainEnd,
    chainNames,
    ruleOf,
    targetOf,
    matchFns,
    ifaceNames,
    runs,
    deferred: false,
    dirty: [],
    natApply,
  };
}

/**
 * Rule counters kept in the compiled table (in the packed rule, R_DPKT / R_DBYTES) instead of on
 * the rule objects while `on`, for a batch of packets no one reads counters during (send --json);
 * turning it off adds them to the rules. Policy counters are always the chains'.
 */
export function deferCounters(t: CompiledTable, on: boolean): void {
  if (!on) flushCounters(t);
  t.deferred = on;
}

/** Adds the deferred counts to the rules. */
export function flushCounters(t: CompiledTable): void {
  const { code, dirty, ruleOf } = t;
  for (let i = 0; i < dirty.length; i++) {
    const g = dirty[i]!;
    const r = ruleOf[g]!;
    r.pcnt += code[g * RS + R_DPKT]!;
    r.bcnt += code[g * RS + R_DBYTES]!;
    code[g * RS + R_DPKT] = 0;
    code[g * RS + R_DBYTES] = 0;
  }
  dirty.length = 0;
}

export class MissingSemantics extends Error {
  constructor(readonly extension: string) {
    super(`the ${extension} extension has no packet semantics in iptwin yet`);
  }
}

function compileRule(rule: Rule, chain: Chain, index: Map<string, number>): CompiledRule {
  const ip = rule.ip;
  const inI = ifaceSpec(ip.iniface);
  const outI = ifaceSpec(ip.outiface);
  const matches: MatchFn[] = [];
  for (const m of rule.matches) {
    if (!m.ext.compile) throw new MissingSemantics(m.ext.name);
    // comment has no semantics: leave it out of the per-packet calls
    if (m.ext.name === "comment") continue;
    matches.push(m.ext.compile(m.data, ip));
  }
  let kind = K_NONE;
  let verdict = 0;
  let next = -1;
  let target: TargetFn | null = null;
  if (rule.target) {
    const name = rule.target.ext.name;
    if (name === "standard") {
      if (rule.jumpto === "RETURN") kind = K_RETURN;
      else if (rule.jumpto in STANDARD_VERDICTS) {
        kind = K_VERDICT;
        verdict = STANDARD_VERDICTS[rule.jumpto]!;
      }
    } else {
      if (!rule.target.ext.compile) throw new MissingSemantics(name);
      kind = K_TARGET;
      target = rule.target.ext.compile(rule.target.data, ip);
    }
  } else if (rule.jumpto) {
    next = index.get(rule.jumpto) ?? -1;
    kind = ip.flags & IPT_F_GOTO ? K_GOTO : K_JUMP;
  }
  return {
    rule,
    chain,
    src: ip.src,
    smsk: ip.smsk,
    dst: ip.dst,
    dmsk: ip.dmsk,
    proto: ip.proto,
    flags: ip.flags,
    invflags: ip.invflags,
    inName: inI.name,
    inPrefix: inI.prefix,
    outName: outI.name,
    outPrefix: outI.prefix,
    matches,
    kind,
    verdict,
    next,
    target,
  };
}

// ---- native port tests ----

interface NftPortExpr {
  kind: string;
  field?: string;
  op?: string;
  port?: number;
  from?: number;
  to?: number;
  sport?: number;
  dport?: number;
}

interface L4Data {
  nft?: NftPortExpr[];
  spts?: number[];
  dpts?: number[];
  invflags?: number;
  option?: number;
  flgMask?: number;
  flgCmp?: number;
}

/** Packs the rule's first match (FM_*) when it is one of the common ones evaluated in place. */
function packFirstMatch(rule: Rule, code: Int32Array, o: number): void {
  let m: MatchInst | undefined;
  for (const x of rule.matches) {
    if (x.ext.name === "comment") continue;
    m = x;
    break;
  }
  if (!m) return;
  const name = m.ext.name;
  if (name === "statistic") {
    // statistic_mt(), random mode: (prandom_u32() & 0x7FFFFFFF) < probability, ^ invert
    const d = m.data as { mode?: number; flags?: number; probability?: number };
    if (d.mode !== 0 || typeof d.probability !== "number") return;
    code[o + R_INFO] |= (FM_RANDOM << 4) | ((d.flags! & 1 ? P_NEG : 0) << 10);
    code[o + R_PV0] = d.probability >>> 0;
    return;
  }
  if (name !== "tcp" && name !== "udp") return;
  const d = m.data as L4Data;
  if (!d.nft) {
    // an xt match that tests nothing (-p tcp -m tcp): tcp_mt()/udp_mt() only check the header is whole
    const none =
      d.spts?.[0] === 0 &&
      d.spts[1] === 0xffff &&
      d.dpts?.[0] === 0 &&
      d.dpts[1] === 0xffff &&
      !d.invflags &&
      !d.option &&
      !d.flgMask &&
      !d.flgCmp;
    if (none && rule.ip.proto === (name === "tcp" ? IPPROTO_TCP : IPPROTO_UDP) && !(rule.ip.invflags & IPT_INV_PROTO))
      code[o + R_INFO] |= (name === "tcp" ? FM_TCP : FM_UDP) << 4;
    return;
  }
  // only data the match compiles to these expressions (tcp.ts/udp.ts: not kept as an xt match)
  if (d.nft.length === 0 || d.nft.length > 2) return;
  if ((d.option ?? 0) !== 0 || ((d.invflags ?? 0) & ~(m.ext.name === "tcp" ? 0x07 : 0x03)) !== 0) return;
  const packed: number[] = [];
  for (const e of d.nft) {
    const neg = e.op === "neq" || e.op === "gt" ? P_NEG : 0;
    if (e.kind === "both" && (e.op === "eq" || e.op === "neq")) {
      packed.push(P_BOTH | neg, (e.sport! << 16) | e.dport!);
      continue;
    }
    const field = e.field === "sport" ? P_SPORT : e.field === "dport" ? P_DPORT : -1;
    if (field < 0) return;
    if (e.kind === "cmp" && (e.op === "eq" || e.op === "neq")) packed.push(field | neg, (e.port! << 16) | e.port!);
    // v <= port, or v > port as its negation
    else if (e.kind === "cmp" && (e.op === "lte" || e.op === "gt")) packed.push(field | neg, e.port!);
    else if (e.kind === "range" && (e.op === "eq" || e.op === "neq")) packed.push(field | neg, (e.from! << 16) | e.to!);
    else return;
  }
  code[o + R_INFO] |= (FM_PORTS << 4) | ((packed.length / 2) << 8) | (packed[0]! << 10) | ((packed[2] ?? 0) << 13);
  code[o + R_PV0] = packed[1]!;
  if (packed.length > 2) code[o + R_PV1] = packed[3]!;
}

function portTest(kind: number, v: number, p: Packet): boolean {
  let ok: boolean;
  if ((kind & 3) === P_BOTH) ok = p.sport === v >>> 16 && p.dport === (v & 0xffff);
  else {
    const x = (kind & 3) === P_SPORT ? p.sport : p.dport;
    ok = x >= v >>> 16 && x <= (v & 0xffff);
  }
  return ok !== ((kind & P_NEG) !== 0);
}

/** Bytes from the transport header on (l4Avail() of pkt-util). */
function l4Bytes(p: Packet): number {
  const ihl = p.ihl;
  return (p.len > 0 ? p.len : ihl + p.l4HeaderLen + (p.payload?.length ?? 0)) - ihl;
}

/**
 * The rule's packed first match (FM_*): 1 true, 0 false, -1 when its closure must decide (a
 * fragment, a short header: where the match reads other bytes or drops the packet).
 */
function firstMatch(info: number, code: Int32Array, o: number, p: Packet, ctx: EvalContext): number {
  const fm = (info >> 4) & 7;
  if (fm === FM_RANDOM)
    return (ctx.random32() & 0x7fffffff) >>> 0 < code[o + R_PV0]! >>> 0 !== (((info >> 10) & 7) === P_NEG) ? 1 : 0;
  const proto = p.proto;
  if ((proto !== IPPROTO_TCP && proto !== IPPROTO_UDP) || (p.frag & IP_OFFMASK) !== 0) return -1;
  if (fm === FM_TCP) return proto === IPPROTO_TCP && l4Bytes(p) >= 20 ? 1 : -1;
  if (fm === FM_UDP) return proto === IPPROTO_UDP && l4Bytes(p) >= 8 ? 1 : -1;
  // FM_PORTS: the ports are the header's once its first 4 bytes are there
  if (l4Bytes(p) < 4) return -1;
  if (!portTest((info >> 10) & 7, code[o + R_PV0]!, p)) return 0;
  return ((info >> 8) & 3) < 2 || portTest((info >> 13) & 7, code[o + R_PV1]!, p) ? 1 : 0;
}

// ---- rule indexes ----

/** The single exact destination port of a tcp/udp match that tests nothing else, or -1. */
function exactDport(m: MatchInst, proto: number): number {
  const name = m.ext.name;
  if (!((name === "tcp" && proto === IPPROTO_TCP) || (name === "udp" && proto === IPPROTO_UDP))) return -1;
  const d = m.data as {
    spts?: number[];
    dpts?: number[];
    invflags?: number;
    option?: number;
    flgMask?: number;
    nft?: Array<{ kind: string; field?: string; op?: string; port?: number }>;
  };
  if (!d.spts || !d.dpts || d.invflags !== 0) return -1;
  if ((d.option ?? 0) !== 0 || (d.flgMask ?? 0) !== 0) return -1;
  if (d.spts[0] !== 0 || d.spts[1] !== 0xffff) return -1;
  const port = d.dpts[0]!;
  if (d.dpts[1] !== port) return -1;
  if (d.nft !== undefined) {
    // the native expressions are what runs: exactly one "dport == port"
    if (d.nft.length !== 1) return -1;
    const e = d.nft[0]!;
    if (e.kind !== "cmp" || e.field !== "dport" || e.op !== "eq" || e.port !== port) return -1;
  }
  return port;
}

/** A rule's index key, or null when the rule tests anything but dst/proto/dport. */
interface RuleKey {
  dmsk: number;
  hasProto: boolean;
  /** -1: no port test. */
  port: number;
  dst: number;
  proto: number;
}

function ruleKey(r: Rule): RuleKey | null {
  const ip = r.ip;
  if (ip.smsk !== 0 || ip.invflags !== 0 || ip.flags & IPT_F_FRAG) return null;
  if (ip.iniface !== "" || ip.outiface !== "") return null;
  let port = -1;
  for (const m of r.matches) {
    if (m.ext.name === "comment") continue;
    if (port >= 0) return null;
    port = exactDport(m, ip.proto);
    if (port < 0) return null;
  }
  if (ip.dmsk === 0 && ip.proto === 0) return null;
  // the masked destination: a rule whose address has bits outside its mask never matches, and
  // the full test that follows every hit says so
  return { dmsk: ip.dmsk >>> 0, hasProto: ip.proto !== 0, port, dst: (ip.dst & ip.dmsk) >>> 0, proto: ip.proto };
}

function sameShape(a: RuleKey, b: RuleKey): boolean {
  return a.dmsk === b.dmsk && a.hasProto === b.hasProto && a.port >= 0 === b.port >= 0;
}

function hashKey(dst: number, pp: number): number {
  let h = Math.imul(dst ^ Math.imul(pp, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 13);
}

function buildIndex(start: number, keys: RuleKey[]): RuleIndex {
  const n = keys.length;
  let size = 16;
  while (size < n * 2) size <<= 1;
  const mask = size - 1;
  const k0 = keys[0]!;
  const hasPort = k0.port >= 0;
  const slots = new Int32Array(size * SLOT);
  for (let h = 0; h < size; h++) slots[h * SLOT + 2] = -1;
  const ix: RuleIndex = {
    start,
    end: start + n,
    dmsk: k0.dmsk,
    hasProto: k0.hasProto,
    hasPort,
    mask,
    slots,
    nextSame: new Int32Array(n).fill(-1),
  };
  // rules later in the run with the same key are chained from the first one
  const last = new Int32Array(size).fill(-1);
  for (let j = 0; j < n; j++) {
    const k = keys[j]!;
    const dst = k.dst | 0;
    const pp = (k.proto << 16) | (hasPort ? k.port : 0);
    let h = hashKey(dst, pp) & mask;
    for (;;) {
      const o = h * SLOT;
      if (slots[o + 2] === -1) {
        slots[o] = dst;
        slots[o + 1] = pp;
        slots[o + 2] = start + j;
        last[h] = j;
        break;
      }
      if (slots[o] === dst && slots[o + 1] === pp) {
        ix.nextSame[last[h]!] = start + j;
        last[h] = j;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return ix;
}

/** Finds the runs of same-shape indexable rules of a chain and hashes the long ones. */
function indexChain(cc: CompiledChain, minRun: number, code: Int32Array, runs: RuleIndex[]): void {
  const rules = cc.chain.rules;
  let i = 0;
  while (i < rules.length) {
    const k = ruleKey(rules[i]!);
    if (!k) {
      i++;
      continue;
    }
    const keys = [k];
    let j = i + 1;
    while (j < rules.length) {
      const kj = ruleKey(rules[j]!);
      if (!kj || !sameShape(k, kj)) break;
      keys.push(kj);
      j++;
    }
    if (keys.length >= minRun) {
      for (let g = cc.first + i; g < cc.first + j; g++) code[g * RS + R_RUN] = runs.length;
      runs.push(buildIndex(cc.first + i, keys));
    }
    i = j;
  }
}

/**
 * The first rule at or after `from` in run `ix` that the packet's key selects,
 * `ix.end` when none can match, or -1 when the packet must be scanned (a
 * fragment or truncated transport header, where the port tests differ).
 */
export function indexLookup(ix: RuleIndex, p: Packet, from: number): number {
  let pp = 0;
  if (ix.hasPort) {
    const proto = p.proto;
    // every rule of the run tests tcp or udp: another protocol matches none
    if (proto !== IPPROTO_TCP && proto !== IPPROTO_UDP) return ix.end;
    if ((p.frag & IP_OFFMASK) !== 0) return -1;
    const ihl = p.ihl;
    const total = p.len > 0 ? p.len : ihl + p.l4HeaderLen + (p.payload?.length ?? 0);
    if (total - ihl < (proto === IPPROTO_TCP ? 20 : 8)) return -1;
    pp = (proto << 16) | p.dport;
  } else if (ix.hasProto) pp = p.proto << 16;
  const dst = p.dst & ix.dmsk;
  const mask = ix.mask;
  const slots = ix.slots;
  let h = hashKey(dst, pp) & mask;
  for (;;) {
    const o = h * SLOT;
    let r = slots[o + 2]!;
    if (r < 0) return ix.end;
    if (slots[o] === dst && slots[o + 1] === pp) {
      const start = ix.start;
      while (r >= 0 && r < from) r = ix.nextSame[r - start]!;
      return r < 0 ? ix.end : r;
    }
    h = (h + 1) & mask;
  }
}

// ---- traversal ----

function ifaceMatch(dev: string, name: string, prefix: boolean): boolean {
  if (prefix) return dev.startsWith(name);
  return dev === name;
}

/** ip_packet_match(): the fixed IPv4 part of a rule. */
export function ipMatch(r: CompiledRule, p: Packet): boolean {
  const inv = r.invflags;
  if (r.smsk !== 0 || inv & IPT_INV_SRCIP) {
    if (((p.src & r.smsk) >>> 0 === r.src) === ((inv & IPT_INV_SRCIP) !== 0)) return false;
  }
  if (r.dmsk !== 0 || inv & IPT_INV_DSTIP) {
    if (((p.dst & r.dmsk) >>> 0 === r.dst) === ((inv & IPT_INV_DSTIP) !== 0)) return false;
  }
  if (r.inName !== "" || r.inPrefix) {
    if (ifaceMatch(p.inDev, r.inName, r.inPrefix) === ((inv & IPT_INV_VIA_IN) !== 0)) return false;
  }
  if (r.outName !== "" || r.outPrefix) {
    if (ifaceMatch(p.outDev, r.outName, r.outPrefix) === ((inv & IPT_INV_VIA_OUT) !== 0)) return false;
  }
  if (r.proto !== 0 || inv & IPT_INV_PROTO) {
    if ((p.proto === r.proto) === ((inv & IPT_INV_PROTO) !== 0)) return false;
  }
  if (r.flags & IPT_F_FRAG) {
    if (p.isFragment() === ((inv & IPT_INV_FRAG) !== 0)) return false;
  }
  return true;
}

/** ipMatch() on the packed rule at `o` (the same tests in the same order). */
function packedIpMatch(code: Int32Array, o: number, p: Packet, ifaces: string[]): boolean {
  const ipw = code[o + R_IP]!;
  const inv = (ipw >> 16) & 255;
  const smsk = code[o + R_SMSK]!;
  if (smsk !== 0 || inv & IPT_INV_SRCIP) {
    if (((p.src & smsk) === code[o + R_SRC]) === ((inv & IPT_INV_SRCIP) !== 0)) return false;
  }
  const dmsk = code[o + R_DMSK]!;
  if (dmsk !== 0 || inv & IPT_INV_DSTIP) {
    if (((p.dst & dmsk) === code[o + R_DST]) === ((inv & IPT_INV_DSTIP) !== 0)) return false;
  }
  const ifs = code[o + R_IFACES]!;
  const inI = ifs & 0xffff;
  if (inI !== NO_IFACE) {
    if (ifaceMatch(p.inDev, ifaces[inI]!, ((ipw >> 24) & 1) !== 0) === ((inv & IPT_INV_VIA_IN) !== 0)) return false;
  }
  const outI = ifs >>> 16;
  if (outI !== NO_IFACE) {
    if (ifaceMatch(p.outDev, ifaces[outI]!, ((ipw >> 24) & 2) !== 0) === ((inv & IPT_INV_VIA_OUT) !== 0)) return false;
  }
  const proto = ipw & 255;
  if (proto !== 0 || inv & IPT_INV_PROTO) {
    if ((p.proto === proto) === ((inv & IPT_INV_PROTO) !== 0)) return false;
  }
  if ((ipw >> 8) & IPT_F_FRAG) {
    if (p.isFragment() === ((inv & IPT_INV_FRAG) !== 0)) return false;
  }
  return true;
}

function verdictText(v: number): string {
  switch (v) {
    case NF_ACCEPT:
      return "ACCEPT";
    case NF_DROP:
      return "DROP";
    case NF_QUEUE:
      return "QUEUE";
    default:
      return String(v);
  }
}

/** Jump stack shared by all traversals (chain, next rule pairs); nested runs (REJECT replies) stack above. */
let jumpStack = new Int32Array(256);
let jumpSp = 0;

function decide(chain: string, rule: number): void {
  decided.t = null;
  decided.chain = chain;
  decided.rule = rule;
}

/** The decision as it stands (for a caller that reads it later, after other traversals). */
export interface DecisionRef {
  t: CompiledTable | null;
  ci: number;
  g: number;
  chain: string;
  rule: number;
}

/** Forgets the last decision (the policy of no chain). */
export function resetDecision(): void {
  decided.t = null;
  decided.chain = "";
  decided.rule = 0;
}

export function captureDecision(into: DecisionRef): void {
  into.t = decided.t;
  into.ci = decided.ci;
  into.g = decided.g;
  into.chain = decided.chain;
  into.rule = decided.rule;
}

/** The chain and 1-based rule (0: the policy) of the last runHook verdict. */
export function lastDecision(): { chain: string; rule: number } {
  return { chain: decisionChain(decided), rule: decisionRule(decided) };
}

export function decisionChain(d: DecisionRef): string {
  return d.t ? d.t.chainNames[d.ci]! : d.chain;
}

export function decisionRule(d: DecisionRef): number {
  return d.t ? d.g - d.t.chainFirst[d.ci]! + 1 : d.rule;
}

/** decide() for rule g of chain ci, resolved when read. */
function decideRule(t: CompiledTable, ci: number, g: number): void {
  decided.t = t;
  decided.ci = ci;
  decided.g = g;
}

/**
 * Runs the packet through one table at one hook. Returns the verdict
 * (NF_ACCEPT when the hook has no base chain). `trace` receives nft trace
 * events when the packet carries the trace flag.
 */
export function runHook(
  t: CompiledTable,
  hook: number,
  p: Packet,
  ctx: EvalContext,
  trace?: (e: TraceEvent) => void,
): number {
  const entry = t.base[hook]!;
  if (entry < 0) return NF_ACCEPT;
  const sp0 = jumpSp;
  try {
    return traverse(t, entry, p, ctx, trace, sp0);
  } finally {
    jumpSp = sp0;
  }
}

function traverse(
  t: CompiledTable,
  entry: number,
  p: Packet,
  ctx: EvalContext,
  trace: ((e: TraceEvent) => void) | undefined,
  sp0: number,
): number {
  const tableName = t.table.name;
  const code = t.code;
  const chainFirst = t.chainFirst;
  const chainEnd = t.chainEnd;
  const names = t.chainNames;
  const ifaces = t.ifaceNames;
  const matchFns = t.matchFns;
  let ci = entry;
  let g = chainFirst[ci]!;
  let end = chainEnd[ci]!;
  ctx.hotdrop = false;
  for (;;) {
    if (g >= end) {
      if (jumpSp === sp0) {
        const base = t.chains[entry]!.chain;
        const v = base.policy === "DROP" ? NF_DROP : NF_ACCEPT;
        decide(base.name, 0);
        if (base.counting) {
          base.pcnt++;
          base.bcnt += p.len;
        }
        if (p.nfTrace && trace) trace({ table: tableName, chain: base.name, kind: "policy", verdict: verdictText(v) });
        return v;
      }
      if (p.nfTrace && trace) trace({ table: tableName, chain: names[ci]!, kind: "return", verdict: "RETURN" });
      g = jumpStack[--jumpSp]!;
      ci = jumpStack[--jumpSp]!;
      end = chainEnd[ci]!;
      continue;
    }
    let o = g * RS;
    const run = code[o + R_RUN]!;
    if (run >= 0) {
      const j = indexLookup(t.runs[run]!, p, g);
      if (j >= 0 && j !== g) {
        g = j;
        if (g >= end) continue;
        o = g * RS;
      }
    }
    let ok = packedIpMatch(code, o, p, ifaces);
    if (ok) {
      const info = code[o + R_INFO]!;
      let m0 = code[o + R_MSTART]!;
      const m1 = m0 + (info >>> 16);
      if (((info >> 4) & 7) !== FM_NONE) {
        // the first match evaluated here instead of by its closure (the same result and effects)
        const r = firstMatch(info, code, o, p, ctx);
        if (r === 0) ok = false;
        else if (r === 1) m0++;
      }
      for (let k = m0; ok && k < m1; k++) {
        if (!matchFns[k]!(p, ctx)) {
          ok = false;
          break;
        }
      }
    }
    if (ctx.hotdrop) {
      // nft_match_eval(): a hotdrop is the rule's verdict, NF_DROP, and nft_trace_verdict() shows it
      if (p.nfTrace && trace)
        trace({ table: tableName, chain: names[ci]!, kind: "rule", rule: t.ruleOf[g], verdict: "DROP" });
      decideRule(t, ci, g);
      return NF_DROP;
    }
    if (!ok) {
      g++;
      continue;
    }
    if (t.deferred) {
      // (then the rule object is only read for a trace event)
      // in the rule's own cache line; bytes go to the rule before they could overflow
      const n = code[o + R_DPKT]!;
      if (n === 0) t.dirty.push(g);
      code[o + R_DPKT] = n + 1;
      const b = code[o + R_DBYTES]! + p.len;
      if (n + 1 < 0x3fffffff && b < 0x3fffffff) code[o + R_DBYTES] = b;
      else {
        const rule = t.ruleOf[g]!;
        rule.pcnt += n + 1;
        rule.bcnt += b;
        code[o + R_DPKT] = 0;
        code[o + R_DBYTES] = 0;
        // (still listed in dirty: flushing a zero count adds nothing)
      }
    } else {
      const rule = t.ruleOf[g]!;
      rule.pcnt++;
      rule.bcnt += p.len;
    }
    const kind = code[o + R_INFO]! & 15;
    switch (kind) {
      case K_NONE:
        if (p.nfTrace && trace)
          trace({ table: tableName, chain: names[ci]!, kind: "rule", rule: t.ruleOf[g], verdict: "CONTINUE" });
        g++;
        continue;
      case K_VERDICT: {
        const v = code[o + R_ARG]!;
        if (p.nfTrace && trace)
          trace({ table: tableName, chain: names[ci]!, kind: "rule", rule: t.ruleOf[g], verdict: verdictText(v) });
        decideRule(t, ci, g);
        return v;
      }
      case K_RETURN:
        if (p.nfTrace && trace)
          trace({ table: tableName, chain: names[ci]!, kind: "rule", rule: t.ruleOf[g], verdict: "RETURN" });
        if (jumpSp === sp0) {
          ci = entry;
          g = end = chainEnd[ci]!;
          continue;
        }
        g = jumpStack[--jumpSp]!;
        ci = jumpStack[--jumpSp]!;
        end = chainEnd[ci]!;
        continue;
      case K_JUMP:
      case K_GOTO: {
        const next = code[o + R_ARG]!;
        if (p.nfTrace && trace)
          trace({
            table: tableName,
            chain: names[ci]!,
            kind: "rule",
            rule: t.ruleOf[g],
            verdict: `${kind === K_JUMP ? "JUMP" : "GOTO"}:${next >= 0 ? names[next] : undefined}`,
          });
        if (next < 0) {
          g++;
          continue;
        }
        if (kind === K_JUMP) {
          if (jumpSp + 2 > jumpStack.length) {
            const bigger = new Int32Array(jumpStack.length * 2);
            bigger.set(jumpStack);
            jumpStack = bigger;
          }
          jumpStack[jumpSp++] = ci;
          jumpStack[jumpSp++] = g + 1;
        }
        ci = next;
        g = code[o + R_TFIRST]!;
        end = code[o + R_TEND]!;
        continue;
      }
      default: {
        let v: number;
        if (kind === K_NAT) {
          const arg = code[o + R_ARG]!;
          const ports = code[o + R_TEND]!;
          v = t.natApply!(p, arg >> 8, arg & 255, code[o + R_TFIRST]! >>> 0, ports & 0xffff, ports >>> 16);
        } else v = t.targetOf[g]!(p, ctx);
        if (p.nfTrace && trace) {
          const name = v === XT_CONTINUE ? "CONTINUE" : v === XT_RETURN ? "RETURN" : verdictText(v);
          trace({ table: tableName, chain: names[ci]!, kind: "rule", rule: t.ruleOf[g], verdict: name });
        }
        if (ctx.hotdrop || (v !== XT_CONTINUE && v !== XT_RETURN)) decideRule(t, ci, g);
        if (ctx.hotdrop) return NF_DROP;
        if (v === XT_CONTINUE) {
          g++;
          continue;
        }
        if (v === XT_RETURN) {
          if (jumpSp === sp0) {
            ci = entry;
            g = end = chainEnd[ci]!;
            continue;
          }
          g = jumpStack[--jumpSp]!;
          ci = jumpStack[--jumpSp]!;
          end = chainEnd[ci]!;
          continue;
        }
        return v;
      }
    }
  }
}
