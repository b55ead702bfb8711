/**
 * The kernel's checks when a rule set is committed: per-rule checkentry of
 * matches and targets (table, protocol, hooks) and the table-wide
 * validation of jumps (loops, hooks reachable through user chains).
 */
import type { KernelCheckContext, KernelCheckError } from "../extensions/api.js";
import { IPT_F_GOTO, IPT_INV_DSTIP, IPT_INV_PROTO, IPT_INV_SRCIP } from "../extensions/api.js";
import type { Chain, Rule, Table } from "./ruleset.js";

const STANDARD = new Set(["ACCEPT", "DROP", "QUEUE", "RETURN", ""]);

/** The chain a rule jumps or goes to, if any. */
export function jumpTarget(rule: Rule): string | undefined {
  if (rule.target !== null || rule.jumpto === "") return undefined;
  // -g takes any name as a chain, verdict names too (nft_cmd_new(): no target, so a jump).
  if (rule.jumpto === "" || (STANDARD.has(rule.jumpto) && !(rule.ip.flags & IPT_F_GOTO))) return undefined;
  return rule.jumpto;
}

/**
 * checkentry at insertion: the chain's own hook if it is a base chain,
 * no hooks for a user chain (validated later through the jumps).
 */
export function checkRule(
  table: Table,
  chain: Chain,
  rule: Rule,
  peers?: KernelCheckContext["peers"],
): KernelCheckError | undefined {
  const e = checkRuleIp(rule);
  if (e) return e;
  const hookMask = chain.hook >= 0 ? 1 << chain.hook : 0;
  return checkRuleHooks(table, chain, rule, hookMask, peers ?? (() => []));
}

/** An inverted match on a zero-length prefix is refused by nf_tables. */
export function checkRuleIp(rule: Rule): KernelCheckError | undefined {
  const ip = rule.ip;
  if ((ip.invflags & IPT_INV_SRCIP && ip.smsk === 0) || (ip.invflags & IPT_INV_DSTIP && ip.dmsk === 0)) return { errno: "EINVAL" };
  return undefined;
}

export function checkRuleHooks(
  table: Table,
  chain: Chain,
  rule: Rule,
  hookMask: number,
  peers?: KernelCheckContext["peers"],
): KernelCheckError | undefined {
  const ctx: KernelCheckContext = { table: table.name, hookMask, ip: rule.ip, chain: chain.name, peers, checkentry: peers !== undefined };
  for (const m of rule.matches) {
    const e = m.ext.kernelCheck?.(m.data, ctx);
    if (e) return e;
  }
  const t = rule.target;
  if (t) {
    const ext = t.ext;
    if (ext.tables && !ext.tables.includes(table.name)) return { errno: "EINVAL" };
    if (ext.hooks !== undefined && hookMask & ~ext.hooks) return { errno: "EINVAL" };
    const proto = targetProto(ext.name);
    if (proto !== undefined && (rule.ip.proto !== proto || rule.ip.invflags & IPT_INV_PROTO)) return { errno: "EINVAL" };
    const e = ext.kernelCheck?.(t.data, ctx);
    if (e) return e;
  }
  return undefined;
}

/** Targets the kernel restricts to one protocol (xt_target.proto). */
function targetProto(name: string): number | undefined {
  switch (name) {
    case "TCPMSS":
    case "TCPOPTSTRIP":
      return 6;
    default:
      return undefined;
  }
}

export interface TableValidation {
  error?: KernelCheckError;
  /** The rule that made the table invalid, when one is to blame. */
  rule?: Rule;
  chain?: string;
  /** The rules from the failing one out to the base chain (jumps), innermost first. */
  path?: { rule: Rule; chain: string }[];
}

/**
 * nft_table_validate(): walk from each base chain through jumps; a loop or
 * more than 15 nested user chains overflow the kernel's jump stack (EMLINK;
 * loops no base chain reaches are fine), a hook-restricted target reached
 * from a forbidden hook is EINVAL.
 */
export function validateTable(table: Table): TableValidation {
  // The precise walk below reports errors like the kernel; most commits are
  // valid, and a linear pass over the chain graph proves that much faster.
  if (quickValid(table)) return {};
  return validateTablePrecise(table);
}

/**
 * One pass over the chain graph: every chain reached from a base chain gets
 * the union of hooks and the deepest jump level it is reached at (in
 * topological order); false when anything might fail (a loop, the depth, a
 * hook check), in which case the precise walk decides.
 */
function quickValid(table: Table): boolean {
  const chains = [...table.chains.values(), ...(table.foreign ?? [])];
  const edges = new Map<Chain, Chain[]>();
  for (const c of chains) {
    let out: Chain[] | undefined;
    for (const r of c.rules) {
      const j = jumpTarget(r);
      if (j === undefined) continue;
      const next = table.chains.get(j);
      if (next) (out ??= []).push(next);
    }
    if (out) edges.set(c, out);
  }
  // Topological order of what the base chains reach (iterative DFS, cycle = not quick).
  const state = new Map<Chain, number>(); // 1 = on stack, 2 = done
  const order: Chain[] = [];
  for (const base of chains) {
    if (base.hook < 0 || state.has(base)) continue;
    const stack: Array<[Chain, number]> = [[base, 0]];
    state.set(base, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const out = edges.get(top[0]);
      if (out && top[1] < out.length) {
        const next = out[top[1]++]!;
        const st = state.get(next);
        if (st === 1) return false;
        if (st === undefined) {
          state.set(next, 1);
          stack.push([next, 0]);
        }
      } else {
        state.set(top[0], 2);
        order.push(top[0]);
        stack.pop();
      }
    }
  }
  order.reverse();
  const mask = new Map<Chain, number>();
  const depth = new Map<Chain, number>();
  for (const c of order) {
    if (c.hook >= 0) {
      mask.set(c, (mask.get(c) ?? 0) | (1 << c.hook));
      depth.set(c, Math.max(depth.get(c) ?? 0, 0));
    }
    const m = mask.get(c) ?? 0;
    const d = depth.get(c) ?? 0;
    if (d + 1 >= JUMP_STACK_SIZE && edges.has(c)) return false;
    for (const next of edges.get(c) ?? []) {
      mask.set(next, (mask.get(next) ?? 0) | m);
      depth.set(next, Math.max(depth.get(next) ?? 0, d + 1));
    }
  }
  for (const c of order) {
    if (c.hook >= 0) continue;
    const m = mask.get(c) ?? 0;
    for (const rule of c.rules) {
      if ((rule.hookOk ?? hookOkInit(rule)) === -1 || (rule.hookOk! & m) === m) continue;
      // Check each hook separately, as the kernel walks each base chain.
      for (let h = 0; h < 5; h++) {
        const bit = 1 << h;
        if (!(m & bit) || rule.hookOk! & bit) continue;
        if (checkRuleHooks(table, c, rule, bit)) return false;
        rule.hookOk! |= bit;
      }
    }
  }
  return true;
}

function validateTablePrecise(table: Table): TableValidation {
  // Foreign (renamed) base chains keep their hooks.
  for (const base of [...table.chains.values(), ...(table.foreign ?? [])]) {
    if (base.hook < 0) continue;
    const r = walk(table, base, 1 << base.hook, [], new Map());
    if (r) return r;
  }
  return {};
}

/** Sets and returns rule.hookOk: -1 when nothing in the rule depends on the hook, else 0 (no hook proven yet). */
function hookOkInit(rule: Rule): number {
  const t = rule.target;
  let sensitive = t !== null && (t.ext.hooks !== undefined || t.ext.kernelCheck !== undefined || t.ext.tables !== undefined);
  if (!sensitive) for (const m of rule.matches) if (m.ext.kernelCheck) sensitive = true;
  rule.hookOk = sensitive ? 0 : -1;
  return rule.hookOk;
}

/** NFT_JUMP_STACK_SIZE: a base chain and at most 15 nested user chains. */
const JUMP_STACK_SIZE = 16;

/** Depth-first walk; `done` maps chains proven fine for this hook mask to the deepest level proven. */
function walk(table: Table, chain: Chain, hookMask: number, stack: string[], done: Map<string, number>): TableValidation | undefined {
  if (stack.includes(chain.name) || stack.length >= JUMP_STACK_SIZE) return { error: { errno: "EMLINK" }, chain: chain.name };
  if ((done.get(chain.name) ?? -1) >= stack.length) return undefined;
  const level = stack.length;
  stack.push(chain.name);
  for (const rule of chain.rules) {
    if (hookMask !== 0 && chain.hook < 0 && (rule.hookOk ?? hookOkInit(rule)) !== -1 && (rule.hookOk! & hookMask) !== hookMask) {
      const e = checkRuleHooks(table, chain, rule, hookMask);
      if (!e) rule.hookOk! |= hookMask;
      if (e) {
        stack.pop();
        return { error: e, rule, chain: chain.name, path: [{ rule, chain: chain.name }] };
      }
    }
    const j = jumpTarget(rule);
    if (j === undefined) continue;
    const next = table.chains.get(j);
    if (!next) continue;
    const r = walk(table, next, hookMask, stack, done);
    if (r) {
      stack.pop();
      const path = [...(r.path ?? []), { rule, chain: chain.name }];
      return r.rule ? { ...r, path } : { ...r, rule, chain: chain.name, path };
    }
  }
  stack.pop();
  done.set(chain.name, level);
  return undefined;
}
