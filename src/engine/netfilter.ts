/**
 * Rule traversal (ipt_do_table / nft_do_chain): tables compiled into flat
 * rule arrays per chain with per-hook entry points; matches and targets are
 * closures built once per rule; counters and traces as the kernel keeps them.
 */
import { type Packet } from "../core/packet.js";
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
import type { Chain, Rule, Table } from "./ruleset.js";
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

export interface CompiledChain {
  chain: Chain;
  rules: CompiledRule[];
}

export interface CompiledTable {
  table: Table;
  chains: CompiledChain[];
  /** Entry point per NF_INET hook (-1: the base chain does not exist, so the hook is not registered). */
  base: number[];
}

/** Where runHook's verdict came from (rule: 1-based position in `chain`, 0 for the policy); read by the stack. */
type Decided = EvalContext & { decided?: { chain: string; rule: number } };

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

/** Compiles a table; extensions without packet semantics make the rule refuse to compile. */
export function compileTable(table: Table): CompiledTable {
  const chains: CompiledChain[] = [];
  const index = new Map<string, number>();
  for (const c of table.chains.values()) {
    index.set(c.name, chains.length);
    chains.push({ chain: c, rules: [] });
  }
  for (const cc of chains) {
    for (const rule of cc.chain.rules) cc.rules.push(compileRule(rule, cc.chain, index));
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
  const tableName = t.table.name;
  let cc = t.chains[entry]!;
  let i = 0;
  const stack: Array<[CompiledChain, number]> = [];
  ctx.hotdrop = false;
  for (;;) {
    const rules = cc.rules;
    if (i >= rules.length) {
      if (stack.length === 0) {
        const base = t.chains[entry]!.chain;
        const v = base.policy === "DROP" ? NF_DROP : NF_ACCEPT;
        (ctx as Decided).decided = { chain: base.name, rule: 0 };
        if (base.counting) {
          base.pcnt++;
          base.bcnt += p.len;
        }
        if (p.nfTrace && trace) trace({ table: tableName, chain: base.name, kind: "policy", verdict: verdictText(v) });
        return v;
      }
      if (p.nfTrace && trace) trace({ table: tableName, chain: cc.chain.name, kind: "return", verdict: "RETURN" });
      [cc, i] = stack.pop()!;
      continue;
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
      (ctx as Decided).decided = { chain: cc.chain.name, rule: i + 1 };
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
        (ctx as Decided).decided = { chain: cc.chain.name, rule: i + 1 };
        return r.verdict;
      case K_RETURN:
        if (p.nfTrace && trace) trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: "RETURN" });
        if (stack.length === 0) {
          i = rules.length;
          cc = t.chains[entry]!;
          i = cc.rules.length;
          continue;
        }
        [cc, i] = stack.pop()!;
        continue;
      case K_JUMP:
      case K_GOTO: {
        const target = t.chains[r.next];
        if (p.nfTrace && trace)
          trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: `${r.kind === K_JUMP ? "JUMP" : "GOTO"}:${target?.chain.name}` });
        if (!target) {
          i++;
          continue;
        }
        if (r.kind === K_JUMP) stack.push([cc, i + 1]);
        cc = target;
        i = 0;
        continue;
      }
      default: {
        const v = r.target!(p, ctx);
        if (p.nfTrace && trace) {
          const name = v === XT_CONTINUE ? "CONTINUE" : v === XT_RETURN ? "RETURN" : verdictText(v);
          trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: name });
        }
        if (ctx.hotdrop || (v !== XT_CONTINUE && v !== XT_RETURN)) (ctx as Decided).decided = { chain: cc.chain.name, rule: i + 1 };
        if (ctx.hotdrop) return NF_DROP;
        if (v === XT_CONTINUE) {
          i++;
          continue;
        }
        if (v === XT_RETURN) {
          if (stack.length === 0) {
            cc = t.chains[entry]!;
            i = cc.rules.length;
            continue;
          }
          [cc, i] = stack.pop()!;
          continue;
        }
        return v;
      }
    }
  }
}
