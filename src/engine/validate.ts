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
  if (rule.target !== null) return undefined;
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
  // An inverted match on a zero-length prefix is refused by nf_tables.
  const ip = rule.ip;
  if ((ip.invflags & IPT_INV_SRCIP && ip.smsk === 0) || (ip.invflags & IPT_INV_DSTIP && ip.dmsk === 0)) return { errno: "EINVAL" };
  const hookMask = chain.hook >= 0 ? 1 << chain.hook : 0;
  return checkRuleHooks(table, chain, rule, hookMask, peers ?? (() => []));
}

function checkRuleHooks(
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
  // Foreign (renamed) base chains keep their hooks.
  for (const base of [...table.chains.values(), ...(table.foreign ?? [])]) {
    if (base.hook < 0) continue;
    const r = walk(table, base, 1 << base.hook, [], new Map());
    if (r) return r;
  }
  return {};
}

/** Hooks a rule is known to pass its hook checks from (rules are immutable once stored). */
const okHooks = new WeakMap<Rule, number>();

/** Whether anything in the rule depends on the hook it is reached from. */
function hookSensitive(rule: Rule): boolean {
  const t = rule.target;
  if (t && (t.ext.hooks !== undefined || t.ext.kernelCheck !== undefined || t.ext.tables !== undefined)) return true;
  for (const m of rule.matches) if (m.ext.kernelCheck) return true;
  return false;
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
    if (hookMask !== 0 && chain.hook < 0 && hookSensitive(rule) && ((okHooks.get(rule) ?? 0) & hookMask) !== hookMask) {
      const e = checkRuleHooks(table, chain, rule, hookMask);
      if (!e) okHooks.set(rule, (okHooks.get(rule) ?? 0) | hookMask);
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
