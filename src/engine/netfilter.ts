/**
 * Rule traversal (ipt_do_table / nft_do_chain): tables compiled into flat
 * rule arrays per chain with per-hook entry points; matches and targets are
 * closures built once per rule; counters and traces as the kernel keeps them.
 *
 * Speed: runs of rules that differ only in an exact destination, protocol and
 * destination port (KUBE-SERVICES, DOCKER) are indexed by a hash on typed
 * arrays that yields the first rule of the run that can match; the traversal
 * jumps there instead of testing each rule. No allocation per packet: the
 * jump stack is a typed array and the deciding rule is left in `decision`.
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
 * A run of rules [start, end) of one chain that only test an exact (masked)
 * destination, a protocol and a destination port, hashed by that key.
 * Open addressing with linear probing; slots hold the first rule with the key,
 * `nextSame` links later rules of the run with the same key.
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
  keyDst: Int32Array;
  keyPP: Int32Array;
  /** Absolute rule index per slot, -1 for an empty slot. */
  first: Int32Array;
  /** Per rule of the run (index - start): the next rule of the run with the same key, or -1. */
  nextSame: Int32Array;
}

export interface CompiledChain {
  chain: Chain;
  rules: CompiledRule[];
  /** Per rule: the index of its run in `runs`, or -1 (null: the chain has no run). */
  runAt: Int32Array | null;
  runs: RuleIndex[];
}

export interface CompiledTable {
  table: Table;
  chains: CompiledChain[];
  /** Entry point per NF_INET hook (-1: the base chain does not exist, so the hook is not registered). */
  base: number[];
}

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
  for (const c of table.chains.values()) {
    index.set(c.name, chains.length);
    chains.push({ chain: c, rules: [], runAt: null, runs: [] });
  }
  for (const cc of chains) {
    for (const rule of cc.chain.rules) cc.rules.push(compileRule(rule, cc.chain, index));
    if (opts.index !== false) indexChain(cc, opts.minRun ?? MIN_INDEXED_RUN);
  }
  const base = [-1, -1, -1, -1, -1];
  if (table.exists) {
    for (let i = 0; i < chains.length; i++) {
      const c = chains[i]!.chain;
      if (c.hook >= 0 && c.present) base[c.hook] = i;
    }
  }
  return { table, chains, base };
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
  return { dmsk: ip.dmsk >>> 0, hasProto: ip.proto !== 0, port, dst: ip.dst >>> 0, proto: ip.proto };
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

function ppOf(proto: number, port: number): number {
  return (proto << 16) | port;
}

function buildIndex(start: number, keys: RuleKey[]): RuleIndex {
  const n = keys.length;
  let size = 16;
  while (size < n * 2) size <<= 1;
  const mask = size - 1;
  const k0 = keys[0]!;
  const hasPort = k0.port >= 0;
  const ix: RuleIndex = {
    start,
    end: start + n,
    dmsk: k0.dmsk,
    hasProto: k0.hasProto,
    hasPort,
    mask,
    keyDst: new Int32Array(size),
    keyPP: new Int32Array(size),
    first: new Int32Array(size).fill(-1),
    nextSame: new Int32Array(n).fill(-1),
  };
  // rules later in the run with the same key are chained from the first one
  const last = new Int32Array(size).fill(-1);
  for (let j = 0; j < n; j++) {
    const k = keys[j]!;
    const dst = k.dst | 0;
    const pp = ppOf(k.proto, hasPort ? k.port : 0);
    let h = hashKey(dst, pp) & mask;
    for (;;) {
      if (ix.first[h] === -1) {
        ix.first[h] = start + j;
        ix.keyDst[h] = dst;
        ix.keyPP[h] = pp;
        last[h] = j;
        break;
      }
      if (ix.keyDst[h] === dst && ix.keyPP[h] === pp) {
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
function indexChain(cc: CompiledChain, minRun: number): void {
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
      cc.runAt ??= new Int32Array(rules.length).fill(-1);
      cc.runAt.fill(cc.runs.length, i, j);
      cc.runs.push(buildIndex(i, keys));
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
    const total = p.len > 0 ? p.len : p.ihl + p.l4HeaderLen + (p.payload?.length ?? 0);
    if (total - p.ihl < (proto === IPPROTO_TCP ? 20 : 8)) return -1;
    pp = (proto << 16) | p.dport;
  } else if (ix.hasProto) pp = p.proto << 16;
  const dst = p.dst & ix.dmsk;
  const mask = ix.mask;
  const keyDst = ix.keyDst;
  const keyPP = ix.keyPP;
  const first = ix.first;
  let h = hashKey(dst, pp) & mask;
  for (;;) {
    let r = first[h]!;
    if (r < 0) return ix.end;
    if (keyDst[h] === dst && keyPP[h] === pp) {
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

/** Jump stack shared by all traversals (chain, rule pairs); nested runs (REJECT replies) stack above. */
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
  const chains = t.chains;
  let cc = chains[entry]!;
  let ci = entry;
  let rules = cc.rules;
  let runAt = cc.runAt;
  let i = 0;
  ctx.hotdrop = false;
  for (;;) {
    if (i >= rules.length) {
      if (jumpSp === sp0) {
        const base = chains[entry]!.chain;
        const v = base.policy === "DROP" ? NF_DROP : NF_ACCEPT;
        decide(base.name, 0);
        if (base.counting) {
          base.pcnt++;
          base.bcnt += p.len;
        }
        if (p.nfTrace && trace) trace({ table: tableName, chain: base.name, kind: "policy", verdict: verdictText(v) });
        return v;
      }
      if (p.nfTrace && trace) trace({ table: tableName, chain: cc.chain.name, kind: "return", verdict: "RETURN" });
      i = jumpStack[--jumpSp]!;
      ci = jumpStack[--jumpSp]!;
      cc = chains[ci]!;
      rules = cc.rules;
      runAt = cc.runAt;
      continue;
    }
    if (runAt !== null) {
      const run = runAt[i]!;
      if (run >= 0) {
        const j = indexLookup(cc.runs[run]!, p, i);
        if (j >= 0) {
          i = j;
          if (i >= rules.length) continue;
        }
      }
    }
    const r = rules[i]!;
    let ok = ipMatch(r, p);
    if (ok) {
      const ms = r.matches;
      for (let k = 0; k < ms.length; k++) {
        if (!ms[k]!(p, ctx)) {
          ok = false;
          break;
        }
      }
    }
    if (ctx.hotdrop) {
      decide(cc.chain.name, i + 1);
      return NF_DROP;
    }
    if (!ok) {
      i++;
      continue;
    }
    r.rule.pcnt++;
    r.rule.bcnt += p.len;
    switch (r.kind) {
      case K_NONE:
        if (p.nfTrace && trace) trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: "CONTINUE" });
        i++;
        continue;
      case K_VERDICT:
        if (p.nfTrace && trace) trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: verdictText(r.verdict) });
        decide(cc.chain.name, i + 1);
        return r.verdict;
      case K_RETURN:
        if (p.nfTrace && trace) trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: "RETURN" });
        if (jumpSp === sp0) {
          cc = chains[entry]!;
          ci = entry;
          rules = cc.rules;
          runAt = cc.runAt;
          i = rules.length;
          continue;
        }
        i = jumpStack[--jumpSp]!;
        ci = jumpStack[--jumpSp]!;
        cc = chains[ci]!;
        rules = cc.rules;
        runAt = cc.runAt;
        continue;
      case K_JUMP:
      case K_GOTO: {
        const target = r.next >= 0 ? chains[r.next] : undefined;
        if (p.nfTrace && trace)
          trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: `${r.kind === K_JUMP ? "JUMP" : "GOTO"}:${target?.chain.name}` });
        if (!target) {
          i++;
          continue;
        }
        if (r.kind === K_JUMP) {
          if (jumpSp + 2 > jumpStack.length) {
            const bigger = new Int32Array(jumpStack.length * 2);
            bigger.set(jumpStack);
            jumpStack = bigger;
          }
          jumpStack[jumpSp++] = ci;
          jumpStack[jumpSp++] = i + 1;
        }
        cc = target;
        ci = r.next;
        rules = cc.rules;
        runAt = cc.runAt;
        i = 0;
        continue;
      }
      default: {
        const v = r.target!(p, ctx);
        if (p.nfTrace && trace) {
          const name = v === XT_CONTINUE ? "CONTINUE" : v === XT_RETURN ? "RETURN" : verdictText(v);
          trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: name });
        }
        if (ctx.hotdrop || (v !== XT_CONTINUE && v !== XT_RETURN)) decide(cc.chain.name, i + 1);
        if (ctx.hotdrop) return NF_DROP;
        if (v === XT_CONTINUE) {
          i++;
          continue;
        }
        if (v === XT_RETURN) {
          if (jumpSp === sp0) {
            cc = chains[entry]!;
            ci = entry;
            rules = cc.rules;
            runAt = cc.runAt;
            i = rules.length;
            continue;
          }
          i = jumpStack[--jumpSp]!;
          ci = jumpStack[--jumpSp]!;
          cc = chains[ci]!;
          rules = cc.rules;
          runAt = cc.runAt;
          continue;
        }
        return v;
      }
    }
  }
}
