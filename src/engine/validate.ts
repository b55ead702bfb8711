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
  if ((ip.invflags & IPT_INV_SRCIP && ip.smsk === 0) || (ip.invflags & IPT_INV_DSTIP && ip.dmsk === 0))
    return { errno: "EINVAL" };
  return undefined;
}

export function checkRuleHooks(
  table: Table,
  chain: Chain,
  rule: Rule,
  hookMask: number,
  peers?: KernelCheckContext["peers"],
): KernelCheckError | undefined {
  // The context is made for the first kernelCheck (most rules have none).
  let ctx: KernelCheckContext | null = null;
  for (const m of rule.matches) {
    if (m.ext.kernelCheck === undefined) continue;
    ctx ??= { table: table.name, hookMask, ip: rule.ip, chain: chain.name, peers, checkentry: peers !== undefined };
    const e = m.ext.kernelCheck(m.data, ctx);
    if (e) return e;
  }
  const t = rule.target;
  if (t) {
    const ext = t.ext;
    if (ext.tables && !ext.tables.includes(table.name)) return { errno: "EINVAL" };
    if (ext.hooks !== undefined && hookMask & ~ext.hooks) return { errno: "EINVAL" };
    const proto = targetProto(ext.name);
    if (proto !== undefined && (rule.ip.proto !== proto || rule.ip.invflags & IPT_INV_PROTO))
      return { errno: "EINVAL" };
    if (ext.kernelCheck === undefined) return undefined;
    ctx ??= { table: table.name, hookMask, ip: rule.ip, chain: chain.name, peers, checkentry: peers !== undefined };
    const e = ext.kernelCheck(t.data, ctx);
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
  // Chains by index (the map's, then the foreign base chains); edges as index lists (CSR), no per-chain maps.
  const chains: Chain[] = [];
  const index = new Map<string, number>();
  table.chains.forEach((c, name) => {
    index.set(name, chains.length);
    chains.push(c);
  });
  if (table.foreign) for (const c of table.foreign) chains.push(c);
  const n = chains.length;
  const first = new Int32Array(n + 1);
  const targets: number[] = [];
  // The rules of user chains whose checks depend on the hook, by chain (the only ones the last pass looks at).
  const sensFirst = new Int32Array(n + 1);
  const sens: Rule[] = [];
  for (let i = 0; i < n; i++) {
    first[i] = targets.length;
    sensFirst[i] = sens.length;
    const c = chains[i]!;
    const rules = c.rules;
    for (let k = 0; k < rules.length; k++) {
      const rule = rules[k]!;
      if (c.hook < 0 && (rule.hookOk ?? hookOkInit(rule, table)) !== -1) sens.push(rule);
      const j = jumpTarget(rule);
      if (j === undefined) continue;
      const next = index.get(j);
      if (next !== undefined) targets.push(next);
    }
  }
  first[n] = targets.length;
  sensFirst[n] = sens.length;
  // Topological order of what the base chains reach (iterative DFS, cycle = not quick).
  const state = new Uint8Array(n); // 1 = on stack, 2 = done
  const order = new Int32Array(n);
  let ordered = 0;
  const stackNode = new Int32Array(n);
  const stackEdge = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    if (chains[b]!.hook < 0 || state[b] !== 0) continue;
    let top = 0;
    stackNode[0] = b;
    stackEdge[0] = first[b]!;
    state[b] = 1;
    while (top >= 0) {
      const c = stackNode[top]!;
      const e = stackEdge[top]!;
      if (e < first[c + 1]!) {
        stackEdge[top] = e + 1;
        const next = targets[e]!;
        const st = state[next];
        if (st === 1) return false;
        if (st === 0) {
          state[next] = 1;
          top++;
          stackNode[top] = next;
          stackEdge[top] = first[next]!;
        }
      } else {
        state[c] = 2;
        order[ordered++] = c;
        top--;
      }
    }
  }
  const mask = new Int32Array(n);
  const depth = new Int32Array(n);
  for (let k = ordered - 1; k >= 0; k--) {
    const c = order[k]!;
    const hook = chains[c]!.hook;
    if (hook >= 0) mask[c] = mask[c]! | (1 << hook);
    const m = mask[c]!;
    const d = depth[c]!;
    const from = first[c]!;
    const to = first[c + 1]!;
    if (d + 1 >= JUMP_STACK_SIZE && to > from) return false;
    for (let e = from; e < to; e++) {
      const next = targets[e]!;
      mask[next] = mask[next]! | m;
      if (depth[next]! < d + 1) depth[next] = d + 1;
    }
  }
  for (let k = ordered - 1; k >= 0; k--) {
    const ci = order[k]!;
    const c = chains[ci]!;
    if (c.hook >= 0) continue;
    const m = mask[ci]!;
    for (let k = sensFirst[ci]!; k < sensFirst[ci + 1]!; k++) {
      const rule = sens[k]!;
      if ((rule.hookOk! & m) === m) continue;
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

/**
 * Sets and returns rule.hookOk: -1 when nothing in the rule depends on the hook, else the hooks it is proven to
 * pass from: none yet, or, when only its target's table, protocol and hook lists decide (no kernelCheck anywhere),
 * all the hooks it passes from (what checkRuleHooks() would find hook by hook).
 */
function hookOkInit(rule: Rule, table: Table): number {
  const t = rule.target;
  let checked = t !== null && t.ext.kernelCheck !== undefined;
  for (const m of rule.matches) if (m.ext.kernelCheck) checked = true;
  if (t === null || (!checked && t.ext.hooks === undefined && t.ext.tables === undefined)) {
    rule.hookOk = checked ? 0 : -1;
    return rule.hookOk;
  }
  if (checked) {
    rule.hookOk = 0;
    return 0;
  }
  const ext = t.ext;
  const proto = targetProto(ext.name);
  const anyHook =
    (ext.tables && !ext.tables.includes(table.name)) ||
    (proto !== undefined && (rule.ip.proto !== proto || rule.ip.invflags & IPT_INV_PROTO));
  rule.hookOk = anyHook ? 0 : (ext.hooks ?? ALL_HOOKS);
  return rule.hookOk;
}

/** The hook bits of all five hooks. */
const ALL_HOOKS = (1 << 5) - 1;

/** NFT_JUMP_STACK_SIZE: a base chain and at most 15 nested user chains. */
const JUMP_STACK_SIZE = 16;

/** Depth-first walk; `done` maps chains proven fine for this hook mask to the deepest level proven. */
function walk(
  table: Table,
  chain: Chain,
  hookMask: number,
  stack: string[],
  done: Map<string, number>,
): TableValidation | undefined {
  if (stack.includes(chain.name) || stack.length >= JUMP_STACK_SIZE)
    return { error: { errno: "EMLINK" }, chain: chain.name };
  if ((done.get(chain.name) ?? -1) >= stack.length) return undefined;
  const level = stack.length;
  stack.push(chain.name);
  for (const rule of chain.rules) {
    if (
      hookMask !== 0 &&
      chain.hook < 0 &&
      (rule.hookOk ?? hookOkInit(rule, table)) !== -1 &&
      (rule.hookOk! & hookMask) !== hookMask
    ) {
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
