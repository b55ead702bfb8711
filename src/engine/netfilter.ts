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
 * - the jump stack is a typed array and the deciding rule is left in `decision`.
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
import type { EvalContext, MatchFn, TargetFn } from "./context.js";
import type { Chain, MatchInst, Rule, Table } from "./ruleset.js";
import { NF_ACCEPT, NF_DROP, NF_QUEUE, XT_CONTINUE, XT_RETURN } from "./verdict.js";

const K_NONE = 0;
const K_VERDICT = 1;
const K_JUMP = 2;
const K_GOTO = 3;
const K_TARGET = 4;
const K_RETURN = 5;

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
  /** Match closures of all rules; a rule's are matchFns[R_MSTART … R_MSTART + R_MCOUNT). */
  matchFns: MatchFn[];
  /** Interface names the rules compare (R_IN / R_OUT index it). */
  ifaceNames: string[];
  runs: RuleIndex[];
}

// Fields of a packed rule.
const R_SRC = 0;
const R_SMSK = 1;
const R_DST = 2;
const R_DMSK = 3;
const R_PROTO = 4;
const R_FLAGS = 5;
const R_INV = 6;
/** Interface name index, -1 when the rule names none (prefix rules too: "eth+" is name "eth" with R_PFX). */
const R_IN = 7;
const R_OUT = 8;
/** Bit 0: the input interface is a prefix, bit 1: the output interface is. */
const R_PFX = 9;
const R_KIND = 10;
const R_VERDICT = 11;
const R_NEXT = 12;
const R_MSTART = 13;
const R_MCOUNT = 14;
/** Index run the rule belongs to, -1 for none. */
const R_RUN = 15;
const RS = 16;

/** Ints per index slot: destination, protocol/port, first rule, unused. */
const SLOT = 4;

/** Where the last runHook verdict came from (rule: 1-based position in `chain`, 0 for the policy); read by the stack. */
export const decision = { chain: "", rule: 0 };

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
  const ifaceId = (name: string): number => {
    let id = ifaceIds.get(name);
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
      code[o + R_PROTO] = r.proto;
      code[o + R_FLAGS] = r.flags;
      code[o + R_INV] = r.invflags;
      code[o + R_IN] = r.inName !== "" || r.inPrefix ? ifaceId(r.inName) : -1;
      code[o + R_OUT] = r.outName !== "" || r.outPrefix ? ifaceId(r.outName) : -1;
      code[o + R_PFX] = (r.inPrefix ? 1 : 0) | (r.outPrefix ? 2 : 0);
      code[o + R_KIND] = r.kind;
      code[o + R_VERDICT] = r.verdict;
      code[o + R_NEXT] = r.next;
      code[o + R_MSTART] = matchFns.length;
      code[o + R_MCOUNT] = r.matches.length;
      code[o + R_RUN] = -1;
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
  return { table, chains, base, code, chainFirst, chainEnd, chainNames, ruleOf, targetOf, matchFns, ifaceNames, runs };
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
      while (r >= 0 && r < from - 1) r = ix.nextSame[r - start]!;
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
    if ((((p.src & r.smsk) >>> 0) === r.src) === ((inv & IPT_INV_SRCIP) !== 0)) return false;
  }
  if (r.dmsk !== 0 || inv & IPT_INV_DSTIP) {
    if ((((p.dst & r.dmsk) >>> 0) === r.dst) === ((inv & IPT_INV_DSTIP) !== 0)) return false;
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
  const inv = code[o + R_INV]!;
  const smsk = code[o + R_SMSK]!;
  if (smsk !== 0 || inv & IPT_INV_SRCIP) {
    if (((p.src & smsk) === code[o + R_SRC]) === ((inv & IPT_INV_SRCIP) !== 0)) return false;
  }
  const dmsk = code[o + R_DMSK]!;
  if (dmsk !== 0 || inv & IPT_INV_DSTIP) {
    if (((p.dst & dmsk) === code[o + R_DST]) === ((inv & IPT_INV_DSTIP) !== 0)) return false;
  }
  const inI = code[o + R_IN]!;
  if (inI >= 0) {
    if (ifaceMatch(p.inDev, ifaces[inI]!, (code[o + R_PFX]! & 1) !== 0) === ((inv & IPT_INV_VIA_IN) !== 0)) return false;
  }
  const outI = code[o + R_OUT]!;
  if (outI >= 0) {
    if (ifaceMatch(p.outDev, ifaces[outI]!, (code[o + R_PFX]! & 2) !== 0) === ((inv & IPT_INV_VIA_OUT) !== 0)) return false;
  }
  const proto = code[o + R_PROTO]!;
  if (proto !== 0 || inv & IPT_INV_PROTO) {
    if ((p.proto === proto) === ((inv & IPT_INV_PROTO) !== 0)) return false;
  }
  if (code[o + R_FLAGS]! & IPT_F_FRAG) {
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
  decision.chain = chain;
  decision.rule = rule;
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
      const m0 = code[o + R_MSTART]!;
      const m1 = m0 + code[o + R_MCOUNT]!;
      for (let k = m0; k < m1; k++) {
        if (!matchFns[k]!(p, ctx)) {
          ok = false;
          break;
        }
      }
    }
    if (ctx.hotdrop) {
      decide(names[ci]!, g - chainFirst[ci]! + 1);
      return NF_DROP;
    }
    if (!ok) {
      g++;
      continue;
    }
    const rule = t.ruleOf[g]!;
    rule.pcnt++;
    rule.bcnt += p.len;
    switch (code[o + R_KIND]) {
      case K_NONE:
        if (p.nfTrace && trace) trace({ table: tableName, chain: names[ci]!, kind: "rule", rule, verdict: "CONTINUE" });
        g++;
        continue;
      case K_VERDICT: {
        const v = code[o + R_VERDICT]!;
        if (p.nfTrace && trace) trace({ table: tableName, chain: names[ci]!, kind: "rule", rule, verdict: verdictText(v) });
        decide(names[ci]!, g - chainFirst[ci]! + 1);
        return v;
      }
      case K_RETURN:
        if (p.nfTrace && trace) trace({ table: tableName, chain: names[ci]!, kind: "rule", rule, verdict: "RETURN" });
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
        const next = code[o + R_NEXT]!;
        const kind = code[o + R_KIND]!;
        if (p.nfTrace && trace)
          trace({ table: tableName, chain: names[ci]!, kind: "rule", rule, verdict: `${kind === K_JUMP ? "JUMP" : "GOTO"}:${next >= 0 ? names[next] : undefined}` });
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
        g = chainFirst[ci]!;
        end = chainEnd[ci]!;
        continue;
      }
      default: {
        const v = t.targetOf[g]!(p, ctx);
        if (p.nfTrace && trace) {
          const name = v === XT_CONTINUE ? "CONTINUE" : v === XT_RETURN ? "RETURN" : verdictText(v);
          trace({ table: tableName, chain: names[ci]!, kind: "rule", rule, verdict: name });
        }
        if (ctx.hotdrop || (v !== XT_CONTINUE && v !== XT_RETURN)) decide(names[ci]!, g - chainFirst[ci]! + 1);
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
