/**
 * `iptables ARGS…` against a twin's rule set, with the semantics of the
 * nf_tables build of iptables 1.8.9 (nft.c): commands run on a working copy
 * of the table, kernel checks run at commit, and any failure leaves the
 * table exactly as it was.
 */
import { ExitStatus, formatXtablesError, paramError, versionError, XtablesError } from "../../core/errors.js";
import type { NameDb } from "../../core/netdb.js";
import {
  type Chain,
  cloneTable,
  findBuiltinTable,
  freshBaseChain,
  HOOK_NAMES,
  isBuiltinChain,
  type MatchInst,
  newUserChain,
  orderedChains,
  type Rule,
  type Ruleset,
  type Table,
} from "../../engine/ruleset.js";
import { checkRule, checkRuleIp, jumpTarget, type TableValidation, validateTable } from "../../engine/validate.js";
import type { ExtensionBase } from "../../extensions/api.js";
import { takePrintWarnings } from "../../extensions/diag.js";
import type { ExtensionRegistry } from "../../extensions/registry.js";
import {
  FMT_C_COUNTS,
  FMT_KILOMEGAGIGA,
  FMT_LINENUMBERS,
  FMT_NOCOUNTS,
  FMT_NOTABLE,
  FMT_NUMERIC,
  FMT_OPTIONS,
  FMT_VIA,
  printHeader,
  printRule,
  saveRuleBody,
} from "./format.js";
import { runLegacyIptables } from "./legacy-command.js";
import {
  CacheRequest,
  cacheFetchText,
  commandCacheRequest,
  NftBatch,
  nftSource,
  rebuiltRule,
  sentView,
} from "./nft-debug.js";
import {
  type BatchType,
  type Errno,
  type KernelFailure,
  kernelFailureText,
  type NftFn,
  NftOpError,
  nftStrerror,
} from "./nft-errors.js";
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
  CMD_NONE,
  CMD_RENAME_CHAIN,
  CMD_REPLACE,
  CMD_SET_POLICY,
  CMD_ZERO,
  CMD_ZERO_NUM,
  OPT_EXPANDED,
  OPT_LINENUMBERS,
  OPT_NUMERIC,
  OPT_VERBOSE,
  type ParsedCommand,
  parseCommand,
} from "./parse.js";

export type Flavour = "nft" | "legacy";

export interface IptablesEnv {
  ruleset: Ruleset;
  db: NameDb;
  registry: ExtensionRegistry;
  flavour: Flavour;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  status: number;
}

export const IPTABLES_VERSION = "1.8.9";

export function versionString(flavour: Flavour): string {
  return `${IPTABLES_VERSION} (${flavour === "nft" ? "nf_tables" : "legacy"})`;
}

/** Kernel refusal of a committed batch. */
export class KernelBatchError extends Error {
  constructor(
    readonly failures: KernelFailure[],
    /** What the command printed before the kernel refused its batch. */
    readonly stdout = "",
  ) {
    super("kernel refused batch");
  }
}

function hasLimit(ms: readonly MatchInst[]): boolean {
  for (const m of ms) if (m.ext.name === "limit") return true;
  return false;
}

/** Applies rule-level normalisation of the nf_tables round trip. */
export function normalizeRule(rule: Rule): Rule {
  let ip = rule.ip;
  if (ip.iniface === "+" && !(ip.invflags & 0x01)) ip = { ...ip, iniface: "" };
  if (ip.outiface === "+" && !(ip.invflags & 0x02)) ip = { ...ip, outiface: "" };
  const given = rule.matches;
  let matches: MatchInst[] = given;
  // Matches up to the first that may change are kept as they are (most rules: all of them, no new list).
  let kept = 0;
  while (kept < given.length && !given[kept]!.ext.normalize) kept++;
  if (kept < given.length) {
    // At most as many as given: filled in order, cut to size if some vanish or merge.
    matches = new Array(given.length);
    for (let i = 0; i < kept; i++) matches[i] = given[i]!;
    let count = kept;
    let same = true;
    for (let i = kept; i < given.length; i++) {
      const m = given[i]!;
      if (!m.ext.normalize) {
        matches[count++] = m;
        continue;
      }
      const data = m.ext.normalize(m.data, ip);
      if (data === null) {
        same = false;
        continue;
      }
      // A later native tcp/udp lands in the first native instance when read back.
      let host = -1;
      if (m.ext.nftMerge) {
        for (let k = 0; k < count; k++) {
          const p = matches[k]!;
          if (p.ext === m.ext && m.ext.nftMerge(p.data, m.data, ip)) {
            host = k;
            break;
          }
        }
      }
      if (host >= 0) {
        matches[host] = { ext: m.ext, data: m.ext.nftMerge!(matches[host]!.data, m.data, ip) };
        same = false;
      } else if (data === m.data) {
        matches[count++] = m;
      } else {
        matches[count++] = { ext: m.ext, data };
        same = false;
      }
    }
    // Kept for the rule's lifetime: the parse's array when nothing changed, else one of the exact size.
    if (same) matches = given;
    else if (count < given.length) matches = matches.slice(0, count);
  }
  let target = rule.target;
  if (target?.ext.normalize) {
    const data = target.ext.normalize(target.data, ip);
    target = data === null ? null : data === target.data ? target : { ext: target.ext, data };
  }
  if (
    ip === rule.ip &&
    matches.length === given.length &&
    rule.saveText === undefined &&
    rule.hookOk === undefined &&
    rule.nftSrc === undefined &&
    rule.handle === undefined &&
    !hasLimit(given)
  ) {
    // Nothing for -vv to keep (nftSource() would find no difference): the rule as parsed becomes its own
    // normalised form (callers hand it over, as they do the result).
    rule.matches = matches;
    rule.target = target;
    return rule;
  }
  // One object shape for every stored rule (the engine reads them on hot paths).
  const out: Rule = {
    ip,
    matches,
    target,
    jumpto: rule.jumpto,
    pcnt: rule.pcnt,
    bcnt: rule.bcnt,
    saveText: undefined,
    hookOk: undefined,
    nftSrc: undefined,
    handle: undefined,
  };
  // -vv prints what the kernel keeps: the rule as given, where reading it back loses something.
  out.nftSrc = nftSource(rule, out);
  return out;
}

/** The comparison key of a rule for -D/-C (nft_rule_cmp ignores counters). */
export function ruleKey(rule: Rule, db: NameDb): string {
  // A jump to a chain renamed to a verdict's name (-E web ACCEPT) saves like the verdict but is not one.
  const jump = rule.target === null && rule.jumpto !== "" ? "\u0000chain" : "";
  if (rule.saveText === undefined) rule.saveText = saveRuleBody(withCompareKeys(rule), db) + jump;
  return rule.saveText;
}

/** The rule with each extension's save text replaced by its compareKey, where it has one. */
function withCompareKeys(rule: Rule): Rule {
  const swap = <T extends { ext: { compareKey?: unknown; save?: unknown } }>(i: T): T =>
    i.ext.compareKey ? { ...i, ext: { ...i.ext, save: i.ext.compareKey } } : i;
  if (!rule.target?.ext.compareKey && !rule.matches.some((m) => m.ext.compareKey)) return rule;
  return { ...rule, matches: rule.matches.map(swap), target: rule.target ? swap(rule.target) : null };
}

/** The rule as the kernel dumps it back (extensions whose blob is copied back short). */
function anyReadback(ms: readonly MatchInst[]): boolean {
  for (const m of ms) if (m.ext.readback) return true;
  return false;
}

function readbackRule(rule: Rule): Rule {
  const t = rule.target;
  if (!t?.ext.readback && !anyReadback(rule.matches)) return rule;
  return {
    ...rule,
    matches: rule.matches.map((m) => (m.ext.readback ? { ext: m.ext, data: m.ext.readback(m.data) } : m)),
    target: t?.ext.readback ? { ext: t.ext, data: t.ext.readback(t.data) } : t,
    saveText: undefined,
  };
}

/**
 * The rule as the kernel stores it, with its handle. One literal with every field in one order (not a spread with
 * a new key: V8 would give each copy a map of its own and make the packet path's counter updates megamorphic).
 */
function storedRule(r: Rule, handle: number): Rule {
  return {
    ip: r.ip,
    matches: r.matches,
    target: r.target,
    jumpto: r.jumpto,
    pcnt: r.pcnt,
    bcnt: r.bcnt,
    saveText: r.saveText,
    hookOk: r.hookOk,
    nftSrc: r.nftSrc,
    handle,
  };
}

function referenceCount(table: Table, name: string): number {
  let n = 0;
  // The kernel counts jumps from foreign base chains too.
  for (const c of [...table.chains.values(), ...(table.foreign ?? [])])
    for (const r of c.rules) if (r.target === null && r.jumpto === name) n++;
  return n;
}

const BASE_CHAIN_NAMES = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"];
/** nft.c lists the nat table's base chains in this order (it decides their handles). */
const NAT_CHAIN_ORDER = ["PREROUTING", "INPUT", "POSTROUTING", "OUTPUT"];

interface AddedRule {
  type: BatchType;
  chain: string;
  line: number;
}

/**
 * The rules a transaction added, in order. Kept as plain lists while rules are only added (a restore adds a
 * hundred thousand); indexed by rule in a map from the first lookup on.
 */
class AddedRules {
  private rules: Rule[] = [];
  private types: BatchType[] = [];
  private chains: string[] = [];
  private lines: number[] = [];
  private map: Map<Rule, AddedRule> | null = null;

  /** `r` is new to the batch (a rule object is added once). */
  add(r: Rule, type: BatchType, chain: string, line: number): void {
    if (this.map !== null) {
      this.map.set(r, { type, chain, line });
      return;
    }
    this.rules.push(r);
    this.types.push(type);
    this.chains.push(chain);
    this.lines.push(line);
  }

  private index(): Map<Rule, AddedRule> {
    if (this.map === null) {
      const m = new Map<Rule, AddedRule>();
      for (let i = 0; i < this.rules.length; i++) {
        m.set(this.rules[i]!, { type: this.types[i]!, chain: this.chains[i]!, line: this.lines[i]! });
      }
      this.map = m;
      this.rules = [];
      this.types = [];
      this.chains = [];
      this.lines = [];
    }
    return this.map;
  }

  get(r: Rule): AddedRule | undefined {
    return this.index().get(r);
  }

  has(r: Rule): boolean {
    return this.index().has(r);
  }

  delete(r: Rule): boolean {
    return this.index().delete(r);
  }

  keys(): Iterable<Rule> {
    return this.map === null ? this.rules : this.map.keys();
  }

  entries(): Iterable<[Rule, AddedRule]> {
    return this.index().entries();
  }
}

/** State of one iptables invocation's transaction on one table. */
export class Transaction {
  readonly work: Table;
  readonly failures: KernelFailure[] = [];
  /** nft_fn: the last nft.c operation run in this process (nft_strerror() keys on it; some ops never set it). */
  lastFn: NftFn | null = null;
  /** Rules a restore `:CHAIN` line flushed in the kernel but left in iptables' rule cache (nft_chain_restore()). */
  private readonly stale = new Set<Rule>();
  /** Failures of rule operations still in the batch, by chain (a flush drops them). */
  private readonly pendingRuleFailures = new Map<KernelFailure, string>();
  stdout = "";
  /** `-vv`: the nf_tables batch objects, printed at commit. */
  debug: NftBatch | null = null;
  /** The cache's idea that the table exists (nft_table_find()): a restore's table flush clears it for good. */
  tableCached: boolean;
  /** Base chains a -X dropped from the cache though the kernel kept them (busy): a later use re-adds them. */
  private readonly uncached = new Set<string>();
  /** NFTA_RULE_ID of rules of this batch (no handle yet), h->rule_id the last one given. */
  private readonly ruleIds = new Map<Rule, number>();
  private lastRuleId = 0;
  /** Inserts placed by a batch rule's id: a later delete gives that rule a new id and the insert fails. */
  private readonly positionIds: Array<{ rule: Rule; ref: Rule; id: number; chain: string; line: number }> = [];
  /** Rules added in this transaction, for blaming kernel validation errors. */
  private readonly added = new AddedRules();
  /** Chains created in this transaction (their reference count is not known yet). */
  readonly created = new Set<string>();
  /**
   * Policies as nft's cache knows them: a policy set in this batch is not
   * seen by a listing in the same batch (restore files with -L lines).
   */
  readonly cachedPolicy = new Map<string, "ACCEPT" | "DROP" | null>();

  constructor(
    readonly original: Table,
    readonly env: IptablesEnv,
    public line = 0,
  ) {
    this.work = cloneTable(original);
    this.tableCached = original.exists;
    for (const c of this.work.chains.values()) if (c.hook >= 0 && c.present) this.cachedPolicy.set(c.name, c.policy);
  }

  get db(): NameDb {
    return this.env.db;
  }

  /** The table was (re)created in this batch: handles it allocates are not the committed table's. */
  private recreated = false;

  /** nf_tables_alloc_handle(): chains and rules share the table's counter. */
  nextHandle(): number {
    this.work.hgen = (this.work.hgen ?? 0) + 1;
    return this.work.hgen;
  }

  /**
   * nft_xt_builtin_init(): the table comes into existence; with `null` all
   * its base chains, with a name that base chain (undefined: the table only).
   */
  builtinInit(chain?: string | null): void {
    if (!this.work.exists) {
      // A new nf_tables table: its handle generator starts again.
      this.work.hgen = 0;
      this.recreated = true;
    }
    this.work.exists = true;
    this.debug?.tableAdd();
    if (chain === undefined) return;
    if (chain !== null) {
      this.baseChainInit(chain);
      return;
    }
    for (const name of this.work.name === "nat" ? NAT_CHAIN_ORDER : BASE_CHAIN_NAMES) this.baseChainInit(name);
  }

  /** builtinInit(name), returning the table's chain of that name (present or not). */
  private builtinInitOne(name: string): Chain | undefined {
    if (!this.work.exists) {
      this.work.hgen = 0;
      this.recreated = true;
    }
    this.work.exists = true;
    this.debug?.tableAdd();
    return this.baseChainInit(name);
  }

  /** builtinInit() of one chain name: a base chain comes into existence (a user chain is left alone). */
  private baseChainInit(name: string): Chain | undefined {
    const c = this.work.chains.get(name);
    if (!c || c.hook < 0) return c;
    if (c.present && this.uncached.size && this.uncached.delete(name)) {
      // Added again as a fresh base chain: the kernel updates the one it has, policy ACCEPT.
      c.policy = "ACCEPT";
      this.cachedPolicy.set(c.name, "ACCEPT");
      this.debug?.chainAdd(c.hook);
      return c;
    }
    if (c.present) return c;
    c.present = true;
    c.handle = this.nextHandle();
    this.created.add(c.name);
    this.cachedPolicy.set(c.name, "ACCEPT");
    this.debug?.chainAdd(c.hook);
    return c;
  }

  chainFind(name: string): Chain | undefined {
    if (!this.work.exists) return undefined;
    const c = this.work.chains.get(name);
    return c?.present ? c : undefined;
  }

  /** nft_chain_exists(): built-in names count even before the table exists. */
  chainExists(name: string): boolean {
    const c = this.work.chains.get(name);
    if (c && c.hook >= 0) return true;
    return this.chainFind(name) !== undefined;
  }

  /** Chains present, in the order nft enumerates them (sorted when `sorted`). */
  presentChains(sorted: boolean): Chain[] {
    if (!this.work.exists) return [];
    // Unsorted, user chains come in the kernel's order: creation order (the map keeps it).
    const all = sorted
      ? orderedChains(this.work)
      : [...this.work.chains.values()]
          .filter((c) => c.hook >= 0)
          .sort((a, b) => a.hook - b.hook)
          .concat([...this.work.chains.values()].filter((c) => c.hook < 0));
    return all.filter((c) => c.present);
  }

  assertChainExists(rule: Rule): void {
    const j = jumpTarget(rule);
    if (j !== undefined && !this.chainExists(j)) throw paramError(`Chain '${j}' does not exist`);
  }

  /** peers() for kernel checks, made once per transaction. */
  private readonly peersFn = (): Array<{ ext: ExtensionBase<any>; data: unknown }> => this.peers();

  /** Extension instances the kernel holds now: committed rules of every table plus this batch's additions. */
  private peers(): Array<{ ext: ExtensionBase<any>; data: unknown }> {
    const out: Array<{ ext: ExtensionBase<any>; data: unknown }> = [];
    const add = (r: Rule): void => {
      for (const m of r.matches) out.push(m);
      if (r.target) out.push(r.target);
    };
    for (const t of this.env.ruleset.tables.values()) for (const c of t.chains.values()) c.rules.forEach(add);
    for (const r of this.added.keys()) add(r);
    return out;
  }

  private kernelAdd(chain: Chain, rule: Rule, type: BatchType, handle?: number): Rule {
    // iptables-nft sends -j QUEUE as an xt target named "QUEUE", which no kernel has.
    const queue = this.env.flavour === "nft" && rule.target?.ext.name === "standard" && rule.jumpto === "QUEUE";
    // The kernel parses every expression before it initialises any: the address compare and the unknown
    // target fail at parse time, ahead of all checkentry errors.
    const err = queue ? (checkRuleIp(rule) ?? { errno: "ENOENT" }) : checkRule(this.work, chain, rule, this.peersFn);
    if (err) {
      const f: KernelFailure = {
        type,
        errno: err.errno as Errno,
        what: `rule in chain ${chain.name}`,
        line: this.line,
      };
      this.failures.push(f);
      this.pendingRuleFailures.set(f, chain.name);
    }
    const back = readbackRule(rule);
    const h = handle ?? this.nextHandle();
    let stored: Rule;
    if (back === rule && !queue && this.debug === null && rule.handle === undefined) {
      // The rule as given is what the kernel keeps (nothing else holds it): no copy.
      rule.handle = h;
      stored = rule;
    } else {
      stored = storedRule(back, h);
    }
    if (queue) {
      // Read back from the batch, the xt target "QUEUE" is the standard target: listed as "standard",
      // still matched (-D, -C) as the QUEUE rule it was made from.
      stored.saveText = ruleKey(rule, this.db);
      stored.jumpto = "standard";
    }
    this.added.add(stored, type, chain.name, this.line);
    return stored;
  }

  append(chainName: string, rule: Rule): void {
    this.lastFn = "rule_append";
    this.assertChainExists(rule);
    // builtinInit(chainName) then chainFind(chainName), with one lookup
    const found = this.builtinInitOne(chainName);
    const c = found?.present ? found : undefined;
    if (!c) throw new NftOpError("rule_append", "ENOENT");
    const stored = this.kernelAdd(c, rule, "RULE_APPEND");
    c.rules.push(stored);
    this.debug?.ruleAdd("append", c.name, rule, stored);
  }

  /** rulenum is 0-based as nft_rule_insert receives it. */
  insert(chainName: string, rule: Rule, rulenum: number): void {
    this.lastFn = "rule_insert";
    this.assertChainExists(rule);
    this.builtinInit(chainName);
    const c = this.chainFind(chainName);
    if (!c) throw new NftOpError("rule_insert", "ENOENT");
    if (rulenum > 0 && rulenum >= c.rules.length) {
      if (rulenum - 1 < c.rules.length) {
        // nft_rule_append(): the table init runs again
        this.debug?.tableAdd();
        const stored = this.kernelAdd(c, rule, "RULE_APPEND");
        c.rules.push(stored);
        this.debug?.ruleAdd("append", c.name, rule, stored);
        return;
      }
      throw new NftOpError("rule_insert", "E2BIG");
    }
    const ref = rulenum > 0 ? c.rules[rulenum] : undefined;
    const stored = this.kernelAdd(c, rule, "RULE_INSERT");
    c.rules.splice(rulenum > 0 ? rulenum : 0, 0, stored);
    let refId: number | undefined;
    if (ref && this.isBatchRule(ref)) {
      // nft_rule_add(): placed after a rule without a handle, by its id
      refId = this.ruleIds.get(ref);
      if (refId === undefined) this.ruleIds.set(ref, (refId = ++this.lastRuleId));
      this.positionIds.push({ rule: stored, ref, id: refId, chain: c.name, line: this.line });
    }
    this.debug?.ruleAdd("insert", c.name, rule, stored, ref, refId);
  }

  /** A rule this batch adds (it has no handle until the kernel takes the batch). */
  private isBatchRule(r: Rule): boolean {
    const a = this.added.get(r);
    return a !== undefined && a.type !== "RULE_REPLACE";
  }

  /** __nft_rule_del(): a rule without a handle is deleted by a new id. */
  private deleteId(r: Rule): number | undefined {
    if (!this.isBatchRule(r)) return undefined;
    const id = ++this.lastRuleId;
    this.ruleIds.set(r, id);
    return id;
  }

  private findRule(c: Chain, rule: Rule): number {
    // Compared as iptables parses its own rule back: not yet through the kernel (a zero limit burst).
    const key = ruleKey(sentView(rule), this.db);
    for (let i = 0; i < c.rules.length; i++) {
      const r = c.rules[i]!;
      if (ruleKey(this.added.has(r) ? sentView(r) : r, this.db) === key) return i;
    }
    return -1;
  }

  /** Returns the rule found (as stored: -v prints it, not the command's rule). */
  delete(chainName: string, rule: Rule): Rule {
    this.lastFn = "rule_delete";
    this.assertChainExists(rule);
    const c = this.chainFind(chainName);
    if (!c) throw new NftOpError("rule_delete", "ENOENT");
    const i = this.findRule(c, rule);
    if (i < 0) throw new NftOpError("rule_delete", "ENOENT");
    this.touchStale(c, c.rules[i]!, "RULE_DELETE");
    this.debug?.ruleDelete(c.name, c.rules[i]!, this.deleteId(c.rules[i]!));
    return c.rules.splice(i, 1)[0]!;
  }

  deleteNum(chainName: string, rulenum: number): void {
    this.lastFn = "rule_delete_num";
    const c = this.chainFind(chainName);
    if (!c) throw new NftOpError("rule_delete_num", "ENOENT");
    if (rulenum >= c.rules.length) throw new NftOpError("rule_delete_num", "E2BIG");
    this.touchStale(c, c.rules[rulenum]!, "RULE_DELETE");
    this.debug?.ruleDelete(c.name, c.rules[rulenum]!, this.deleteId(c.rules[rulenum]!));
    c.rules.splice(rulenum, 1);
  }

  /** Returns the rule found (as stored: -v prints it, not the command's rule). */
  check(chainName: string, rule: Rule): Rule {
    this.lastFn = "rule_check";
    this.assertChainExists(rule);
    const c = this.chainFind(chainName);
    if (!c) throw new NftOpError("rule_check", "ENOENT");
    const i = this.findRule(c, rule);
    if (i < 0) throw new NftOpError("rule_check", "ENOENT");
    return c.rules[i]!;
  }

  replace(chainName: string, rule: Rule, rulenum: number): void {
    this.lastFn = "rule_replace";
    this.assertChainExists(rule);
    const c = this.chainFind(chainName);
    if (!c) throw new NftOpError("rule_replace", "ENOENT");
    if (rulenum >= c.rules.length) throw new NftOpError("rule_replace", "E2BIG");
    this.touchStale(c, c.rules[rulenum]!, "RULE_REPLACE");
    const old = c.rules[rulenum]!;
    c.rules[rulenum] = this.kernelAdd(c, rule, "RULE_REPLACE", old.handle);
    // nft_rule_append() with the old rule as reference: the table init runs first
    this.debug?.tableAdd();
    this.debug?.ruleAdd("replace", c.name, rule, c.rules[rulenum]!, old);
  }

  flush(chainName: string | null, verbose: boolean): void {
    this.lastFn = "rule_flush";
    if (chainName !== null || verbose) this.builtinInit(chainName);
    else if (!this.tableCached) return;
    if (chainName !== null) {
      const c = this.chainFind(chainName);
      if (!c) throw new NftOpError("rule_flush", "ENOENT");
      this.dropPendingRules(chainName);
      if (verbose) this.stdout += `Flushing chain \`${chainName}'\n`;
      this.debug?.dropPending(chainName);
      this.debug?.ruleFlush(chainName);
      c.rules = [];
      return;
    }
    if (!verbose) {
      this.debug?.dropPending(null);
      this.debug?.ruleFlush(null);
      this.dropPendingRules(null);
      // A flush of the whole table reaches the foreign base chains as well.
      this.work.foreign = this.work.foreign?.map((c) => ({ ...c, rules: [] }));
    }
    for (const c of this.presentChains(verbose)) {
      if (verbose) this.stdout += `Flushing chain \`${c.name}'\n`;
      this.debug?.dropPending(c.name);
      this.debug?.ruleFlush(c.name);
      c.rules = [];
    }
  }

  /** Deleting or replacing a rule the batch already flushed: found in the cache, gone from the kernel. */
  private touchStale(c: Chain, r: Rule, type: BatchType): void {
    if (!this.stale.has(r)) return;
    const f: KernelFailure = { type, errno: "ENOENT", what: `rule in chain ${c.name}`, line: this.line };
    this.failures.push(f);
    this.pendingRuleFailures.set(f, c.name);
  }

  /** The rules the kernel holds (without those a restore `:CHAIN` line flushed). */
  private liveRules(c: Chain): Rule[] {
    return this.stale.size ? c.rules.filter((r) => !this.stale.has(r)) : c.rules;
  }

  /** batch_chain_flush(): rule operations of this batch in the chain (null: the table) never reach the kernel. */
  private dropPendingRules(chainName: string | null): void {
    const freed: number[] = [];
    for (const [r, a] of this.added.entries()) {
      if (chainName !== null && a.chain !== chainName) continue;
      this.added.delete(r);
      // Never sent: the kernel gives its handle to what comes after.
      if (a.type !== "RULE_REPLACE" && r.handle !== undefined) freed.push(r.handle);
    }
    if (freed.length) this.releaseHandles(freed);
    for (const [f, chain] of this.pendingRuleFailures) {
      if (chainName !== null && chain !== chainName) continue;
      this.failures.splice(this.failures.indexOf(f), 1);
      this.pendingRuleFailures.delete(f);
    }
  }

  /** Handles allocated after ones never used move down (nf_tables_alloc_handle() is a counter). */
  private releaseHandles(freed: number[]): void {
    const shift = (h: number): number => {
      let n = 0;
      for (const f of freed) if (f < h) n++;
      return h - n;
    };
    const low = Math.min(...freed);
    for (const c of this.work.chains.values()) {
      if (c.handle !== undefined && c.handle > low) c.handle = shift(c.handle);
      for (const r of c.rules) if (r.handle !== undefined && r.handle > low) r.handle = shift(r.handle);
    }
    this.work.hgen = (this.work.hgen ?? 0) - freed.length;
  }

  private zeroChain(c: Chain, verbose: boolean): void {
    if (verbose) this.stdout += `Zeroing chain \`${c.name}'\n`;
    this.debug?.chainZero(c, c.rules);
    if (isBuiltinChain(c)) {
      c.pcnt = 0;
      c.bcnt = 0;
      c.counting = true;
      // The zero update sends the cached chain, policy included: a -P earlier in the batch is undone.
      const cached = this.cachedPolicy.get(c.name);
      if (cached !== undefined && cached !== null) c.policy = cached;
    }
    for (const r of c.rules) {
      if (!(r.pcnt || r.bcnt) || !this.isBatchRule(r)) continue;
      // A rule of this batch has no handle to be replaced by: the kernel refuses the replacement.
      const what = `rule in chain ${c.name}`;
      const f: KernelFailure = { type: "RULE_REPLACE", errno: "EINVAL", what, line: this.line };
      this.failures.push(f);
      this.pendingRuleFailures.set(f, c.name);
    }
    c.rules = c.rules.map((r) => (r.pcnt || r.bcnt ? { ...r, pcnt: 0, bcnt: 0 } : r));
  }

  zero(chainName: string | null, verbose: boolean): void {
    if (chainName !== null) {
      const c = this.chainFind(chainName);
      // nft_chain_zero_counters() sets no nft_fn: the message is that of the operation before it.
      if (!c) throw new NftOpError(this.lastFn ?? "chain_zero", "ENOENT");
      this.zeroChain(c, verbose);
      return;
    }
    for (const c of this.presentChains(verbose)) this.zeroChain(c, verbose);
  }

  /**
   * -L/-S with -Z: the listing faked absent base chains into the cache, so
   * zeroing them creates them (or fails when the table does not exist).
   */
  listZero(chainName: string | null, verbose: boolean): void {
    const base = [...this.work.chains.values()].filter(
      (c) => c.hook >= 0 && (chainName === null || c.name === chainName),
    );
    if (!this.work.exists) {
      base.sort((a, b) => a.hook - b.hook);
      // The faked chains are zeroed (and announced) before the kernel finds no table.
      if (verbose) for (const c of base) this.stdout += `Zeroing chain \`${c.name}'\n`;
      for (const c of base) this.debug?.chainZero(c, []);
      const first = base[0];
      if (first)
        this.failures.push({ type: "CHAIN_ZERO", errno: "ENOENT", what: `chain ${first.name}`, line: this.line });
      return;
    }
    for (const c of base) c.present = true;
    this.zero(chainName, verbose);
  }

  listZeroNum(chainName: string, rulenum: number): void {
    const c = this.work.chains.get(chainName);
    if (c && c.hook >= 0 && !c.present) throw new NftOpError("rule_delete", "0");
    this.zeroNum(chainName, rulenum);
  }

  /** nft_rule_zero_counters(): a missing rule is not an error. */
  zeroNum(chainName: string, rulenum: number): void {
    this.lastFn = "rule_delete";
    const c = this.chainFind(chainName);
    if (!c) {
      // No errno of its own: the cache fetched this chain and the table's base chains one by one,
      // in strcmp order, and the last answer (found: 0, missing: ENOENT) is what errno holds.
      const names = [...findBuiltinTable(this.work.name)!.hooks.map((h) => HOOK_NAMES[h]!), chainName].sort((x, y) =>
        x < y ? -1 : x > y ? 1 : 0,
      );
      throw new NftOpError("rule_delete", this.chainFind(names.at(-1)!) ? "0" : "ENOENT");
    }
    const r = c.rules[rulenum];
    if (!r) return;
    // Rebuilt from its parsed-back form and sent as a replacement (nft_rule_append() with a reference).
    const z: Rule = Object.assign({}, rebuiltRule(r), { pcnt: 0, bcnt: 0 });
    this.debug?.tableAdd();
    this.debug?.ruleAdd("replace", c.name, z, z, r);
    c.rules[rulenum] = z;
  }

  /** nft_chain_restore(): a restore file's `:NAME - [p:b]` creates the chain or flushes it. */
  restoreChain(name: string): void {
    this.builtinInit();
    const c = this.work.chains.get(name);
    if (c?.present) {
      for (const r of c.rules) this.stale.add(r);
      this.debug?.ruleFlush(name);
    } else {
      this.debug?.chainUserAdd(name);
      const chain = newUserChain(name);
      chain.handle = this.nextHandle();
      this.work.chains.set(name, chain);
      this.created.add(name);
      this.foreignClash(name, "CHAIN_USER_ADD");
    }
  }

  /** A name a foreign base chain holds: iptables does not see it, the kernel refuses it. */
  private foreignClash(name: string, type: BatchType): void {
    if (this.work.foreign?.some((f) => f.name === name)) {
      this.failures.push({ type, errno: "EEXIST", what: `chain ${name}`, line: this.line });
    }
  }

  newChain(name: string): void {
    this.lastFn = "chain_user_add";
    this.builtinInit();
    if (this.chainExists(name)) throw new NftOpError("chain_user_add", "EEXIST");
    this.debug?.chainUserAdd(name);
    this.work.chains.set(name, Object.assign(newUserChain(name), { handle: this.nextHandle() }));
    this.created.add(name);
    this.foreignClash(name, "CHAIN_USER_ADD");
  }

  deleteChain(name: string | null, verbose: boolean): void {
    this.lastFn = "chain_del";
    const refs = new Map<string, number>();
    for (const c of [...this.work.chains.values(), ...(this.work.foreign ?? [])])
      for (const r of this.liveRules(c))
        if (r.target === null && r.jumpto) refs.set(r.jumpto, (refs.get(r.jumpto) ?? 0) + 1);
    const del = (c: Chain, explicit: boolean) => {
      if (verbose && !isBuiltinChain(c)) this.stdout += `Deleting chain \`${c.name}'\n`;
      if (isBuiltinChain(c)) {
        this.debug?.chainDel(c, c.policy !== "ACCEPT" || (!explicit && c.rules.length > 0));
        if (c.policy !== "ACCEPT") {
          if (explicit) throw new NftOpError("chain_del", "EBUSY");
          // Skipped, but gone from the cache all the same.
          this.uncached.add(c.name);
          return;
        }
        if (c.rules.length > 0) {
          // -X CHAIN fetches no rules and the kernel refuses; -X alone has them cached and skips the chain.
          if (explicit)
            this.failures.push({ type: "CHAIN_DEL", errno: "EBUSY", what: `chain ${c.name}`, line: this.line });
          else this.uncached.add(c.name);
          return;
        }
        const fresh = freshBaseChain(c.hook, false);
        Object.assign(c, fresh);
        return;
      }
      this.debug?.chainDel(c, false);
      if (this.liveRules(c).length > 0 || (refs.get(c.name) ?? 0) > 0) {
        this.failures.push({ type: "CHAIN_DEL", errno: "EBUSY", what: `chain ${c.name}`, line: this.line });
        return;
      }
      this.work.chains.delete(c.name);
    };
    if (name !== null) {
      const c = this.chainFind(name);
      if (!c) throw new NftOpError("chain_del", "ENOENT");
      del(c, true);
      return;
    }
    for (const c of this.presentChains(verbose)) del(c, false);
  }

  rename(oldName: string, newName: string): void {
    this.lastFn = "chain_user_rename";
    if (this.chainExists(newName)) throw new NftOpError("chain_user_rename", "EEXIST");
    const c = this.chainFind(oldName);
    if (!c) throw new NftOpError("chain_user_rename", "ENOENT");
    this.debug?.chainRename(newName, c.handle);
    this.foreignClash(newName, "CHAIN_RENAME");
    if (isBuiltinChain(c)) {
      // The base chain keeps its hook under a name iptables does not know.
      this.work.foreign = [...(this.work.foreign ?? []), { ...c, name: newName }];
      Object.assign(c, freshBaseChain(c.hook, false));
      return;
    }
    const chains = new Map<string, Chain>();
    for (const [k, v] of this.work.chains) {
      if (k === oldName) chains.set(newName, { ...v, name: newName });
      else chains.set(k, v);
    }
    for (const ch of chains.values()) {
      if (ch.rules.some((r) => r.target === null && r.jumpto === oldName)) {
        ch.rules = ch.rules.map((r) =>
          r.target === null && r.jumpto === oldName ? { ...r, jumpto: newName, saveText: undefined } : r,
        );
      }
    }
    this.work.chains = chains;
  }

  setPolicy(chainName: string, policy: string, counters?: { pcnt: number; bcnt: number }): void {
    this.lastFn = "chain_set";
    if (policy !== "DROP" && policy !== "ACCEPT" && policy !== "-") throw new NftOpError("chain_set", "EINVAL");
    if (!findBuiltinTable(this.work.name)) throw new NftOpError("chain_set", "ENXIO");
    this.builtinInit(chainName);
    const c = this.work.chains.get(chainName);
    if (!c || !isBuiltinChain(c)) throw new NftOpError("chain_set", "ENOENT");
    this.debug?.chainUpdate(c.hook, policy, counters ?? { pcnt: 0, bcnt: 0 });
    if (policy !== "-") c.policy = policy;
    c.counting = true;
    if (counters) {
      c.pcnt = counters.pcnt;
      c.bcnt = counters.bcnt;
    }
  }

  /** The kernel's commit: table-wide validation; returns the failures (empty when accepted). */
  commit(): KernelFailure[] {
    if (this.stale.size) for (const c of this.work.chains.values()) c.rules = this.liveRules(c);
    for (const p of this.positionIds) {
      if (!this.added.has(p.rule) || this.ruleIds.get(p.ref) === p.id) continue;
      // The rule id the insert names was replaced by a delete's: the kernel finds no such rule.
      const f: KernelFailure = { type: "RULE_INSERT", errno: "ENOENT", what: `rule in chain ${p.chain}`, line: p.line };
      const at = this.failures.findIndex((x) => x.line > p.line);
      this.failures.splice(at < 0 ? this.failures.length : at, 0, f);
    }
    const failures = this.validateCommit();
    // An aborted batch still used up the handles it allocated in a table that stays.
    if (failures.length > 0 && !this.recreated && this.original.exists && this.work.hgen !== this.original.hgen) {
      const t = this.env.ruleset.tables.get(this.original.name);
      if (t === this.original) this.env.ruleset.tables.set(t.name, { ...t, hgen: this.work.hgen });
    }
    return failures;
  }

  private validateCommit(): KernelFailure[] {
    if (this.failures.length > 0) return this.failures;
    const v = validateTable(this.work);
    if (!v.error) return [];
    // The kernel validates the table at the end of the batch; when that fails it replays the batch
    // validating after each new rule: the first rule that leaves the table invalid fails, and since
    // it stays in place until the abort, so does every rule added after it.
    const order = [...this.added.keys()];
    const index = new Map(order.map((r, i) => [r, i]));
    const upTo = (k: number): Table => {
      const chains = new Map<string, Chain>();
      for (const [n, c] of this.work.chains)
        chains.set(n, { ...c, rules: c.rules.filter((r) => (index.get(r) ?? -1) <= k) });
      return { ...this.work, chains };
    };
    const invalid = (k: number) => validateTable(upTo(k)).error;
    if (invalid(-1)) return [this.blameOne(v)];
    let lo = 0;
    let hi = order.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (invalid(mid)) hi = mid;
      else lo = mid + 1;
    }
    const firstErr = invalid(lo)!;
    return order.slice(lo).map((r, i) => {
      const a = this.added.get(r)!;
      return {
        type: a.type,
        errno: (i === 0 ? firstErr : v.error!).errno as Errno,
        what: `rule in chain ${a.chain}`,
        line: a.line,
      };
    });
  }

  /** A table invalid before this batch's rules: blame the last-added rule on the bad path. */
  private blameOne(v: TableValidation): KernelFailure {
    const order = [...this.added.keys()];
    const onPath = (v.path ?? []).filter((p) => this.added.has(p.rule)).map((p) => p.rule);
    const hit = onPath.sort((x, y) => order.indexOf(y) - order.indexOf(x))[0] ?? v.rule;
    const blamed = hit ? this.added.get(hit) : undefined;
    const chain = blamed?.chain ?? v.chain ?? "";
    return {
      type: blamed?.type ?? "RULE_APPEND",
      errno: v.error!.errno as Errno,
      what: `rule in chain ${chain}`,
      line: blamed?.line ?? this.line,
    };
  }
}

function listFormat(options: number): number {
  let format = FMT_OPTIONS;
  if (!(options & OPT_VERBOSE)) format |= FMT_NOCOUNTS;
  else format |= FMT_VIA;
  if (options & OPT_NUMERIC) format |= FMT_NUMERIC;
  if (!(options & OPT_EXPANDED)) format |= FMT_KILOMEGAGIGA;
  if (options & OPT_LINENUMBERS) format |= FMT_LINENUMBERS;
  return format;
}

/** Name shown in the target column: the verdict, extension or chain. */
export function targetName(rule: Rule): string {
  return rule.target?.ext.realName ?? rule.jumpto;
}

const TAINT_LINE = (t: Table) =>
  `# Table \`${t.name}' contains incompatible base-chains, use 'nft' tool to list them.\n`;

/** nft_rule_list(); `unknownRefs` names chains whose reference count is not known yet. */
export function listTable(
  table: Table,
  chain: string | null,
  rulenum: number,
  format: number,
  db: NameDb,
  unknownRefs?: ReadonlySet<string>,
  cachedPolicy?: ReadonlyMap<string, "ACCEPT" | "DROP" | null>,
): string {
  const pol = (c: Chain) => (cachedPolicy?.has(c.name) ? cachedPolicy.get(c.name)! : c.policy);
  // Listing one chain fetches only that chain: the foreign base chains go unnoticed.
  const taint = chain === null && table.foreign?.length ? TAINT_LINE(table) : "";
  // A chain made in this batch has no use count (0): refs - entries is negative once it has rules.
  const refs = (c: Chain) => (unknownRefs?.has(c.name) && c.hook < 0 ? -c.rules.length : referenceCount(table, c.name));
  if (chain !== null) {
    const c = listableChain(table, chain);
    if (!c) return taint;
    let out = taint;
    if (!rulenum) out += printHeader(format, c.name, pol(c), c.pcnt, c.bcnt, refs(c));
    out += listRules(c, rulenum, format, db);
    return out;
  }
  const parts: string[] = [];
  for (const c of listableChains(table)) {
    parts.push(printHeader(format, c.name, pol(c), c.pcnt, c.bcnt, refs(c)) + listRules(c, 0, format, db));
  }
  return taint + parts.join("\n");
}

function listRules(c: Chain, rulenum: number, format: number, db: NameDb): string {
  if (rulenum > 0) {
    const r = c.rules[rulenum - 1];
    return r ? printRule(r, rulenum, format, targetName(r), db) : "";
  }
  let out = "";
  for (let i = 0; i < c.rules.length; i++) out += printRule(c.rules[i]!, i + 1, format, targetName(c.rules[i]!), db);
  return out;
}

/** Chains -L/-S see: the table's, with absent base chains faked as fresh ones. */
function listableChains(table: Table): Chain[] {
  return orderedChains(table).filter((c) => table.exists || c.hook >= 0);
}

function listableChain(table: Table, name: string): Chain | undefined {
  const c = table.chains.get(name);
  if (!c) return undefined;
  if (!table.exists && c.hook < 0) return undefined;
  return c;
}

/** nft_rule_list_save(): -S output. */
export function listRulesSave(
  table: Table,
  chain: string | null,
  rulenum: number,
  counters: boolean,
  db: NameDb,
  cachedPolicy?: ReadonlyMap<string, "ACCEPT" | "DROP" | null>,
): string {
  const chainLine = (c: Chain) => {
    if (c.hook < 0) return `-N ${c.name}\n`;
    const policy = cachedPolicy?.has(c.name) ? cachedPolicy.get(c.name) : c.policy;
    return `-P ${c.name} ${policy}${counters ? ` -c ${c.pcnt} ${c.bcnt}` : ""}\n`;
  };
  const rulesOf = (c: Chain, num: number) => {
    let out = "";
    const list = num > 0 ? (c.rules[num - 1] ? [c.rules[num - 1]!] : []) : c.rules;
    for (const r of list) out += `-A ${c.name}${saveRuleBody(r, db, counters)}\n`;
    return out;
  };
  // Listing one chain fetches only that chain: the foreign base chains go unnoticed.
  const taint = chain === null && table.foreign?.length ? TAINT_LINE(table) : "";
  if (chain !== null) {
    const c = listableChain(table, chain);
    if (!c) return taint;
    return taint + (rulenum ? "" : chainLine(c)) + rulesOf(c, rulenum);
  }
  const chains = listableChains(table);
  let out = taint;
  for (const c of chains) out += chainLine(c);
  for (const c of chains) out += rulesOf(c, 0);
  return out;
}

function assertListable(table: Table, chain: string | null, program: string, flavour: Flavour): void {
  if (chain !== null && !listableChain(table, chain)) {
    throw new XtablesError(
      ExitStatus.Other,
      `chain \`${chain}' in table \`${table.name}' is incompatible, use 'nft' tool.`,
      "plain",
    );
  }
  void program;
  void flavour;
}

/** Runs one parsed command; throws XtablesError, NftOpError or KernelBatchError. */
export function executeCommand(
  env: IptablesEnv,
  p: ParsedCommand,
  program: string,
): { stdout: string; table: Table | null } {
  if (!findBuiltinTable(p.table)) throw versionError(`table '${p.table}' does not exist`);
  const original = env.ruleset.table(p.table)!;
  // nft_rule_new(): the rule is translated to nf_tables form before anything runs.
  const prepared = prepareCommand(p);
  const tx = new Transaction(original, env);
  if (p.verbose > 1) {
    // -vv: the rules the cache fetches are printed as they come, the batch at commit.
    const req = new CacheRequest();
    commandCacheRequest(req, prepared);
    tx.debug = new NftBatch(original, p.verbose);
    tx.stdout = cacheFetchText(original, req);
  }
  try {
    applyCommand(tx, prepared, program);
  } catch (e) {
    if (e instanceof NftOpError || e instanceof XtablesError) e.stdout = tx.stdout;
    throw e;
  }
  if (tx.debug) tx.stdout += tx.debug.render();
  if (
    p.command === CMD_CHECK ||
    (p.command & (CMD_LIST | CMD_LIST_RULES) && !(p.command & (CMD_ZERO | CMD_ZERO_NUM)))
  ) {
    return { stdout: tx.stdout, table: null };
  }
  const failures = tx.commit();
  if (failures.length > 0) throw new KernelBatchError(failures, tx.stdout);
  return { stdout: tx.stdout, table: tx.work };
}

/** Normalises the command's rules as nft_rule_new() would (may throw its errors). */
export function prepareCommand(p: ParsedCommand): ParsedCommand {
  return p.rules.length ? { ...p, rules: p.rules.map(normalizeRule) } : p;
}

/** One command's operations on a transaction (nft_prepare() of its nft_cmd). */
export function applyCommand(tx: Transaction, p: ParsedCommand, program: string): void {
  const env = tx.env;
  const verbose = (p.options & OPT_VERBOSE) !== 0;
  const chain = p.chain;
  const cmd = p.command;
  if (cmd & (CMD_LIST | CMD_LIST_RULES)) {
    const t = tx.work;
    assertListable(t, chain, program, env.flavour);
    if (cmd & CMD_LIST)
      tx.stdout += listTable(t, chain, p.rulenum, listFormat(p.options), env.db, tx.created, tx.cachedPolicy);
    else tx.stdout += listRulesSave(t, chain, p.rulenum, verbose, env.db, tx.cachedPolicy);
    if (cmd & CMD_ZERO) tx.listZero(chain, verbose);
    else if (cmd & CMD_ZERO_NUM) tx.listZeroNum(chain!, p.rulenum - 1);
    return;
  }
  const echo = verbose && cmd & (CMD_APPEND | CMD_INSERT | CMD_DELETE | CMD_REPLACE | CMD_CHECK);
  switch (cmd) {
    case CMD_APPEND:
      for (const r of p.rules) {
        // nft_rule_append() echoes the rule before it looks for the chain.
        if (echo) {
          tx.assertChainExists(r);
          tx.stdout += verboseRule(sentView(r), env);
        }
        tx.append(chain!, r);
      }
      break;
    case CMD_INSERT:
      for (const r of p.rules) {
        tx.insert(chain!, r, p.rulenum - 1);
        if (echo) tx.stdout += verboseRule(sentView(r), env);
      }
      break;
    case CMD_DELETE:
      for (const r of p.rules) {
        const found = tx.delete(chain!, r);
        if (echo) tx.stdout += verboseRule(found, env);
      }
      break;
    case CMD_DELETE_NUM:
      tx.deleteNum(chain!, p.rulenum - 1);
      break;
    case CMD_CHECK:
      for (const r of p.rules) {
        const found = tx.check(chain!, r);
        if (echo) tx.stdout += verboseRule(found, env);
      }
      break;
    case CMD_REPLACE:
      tx.replace(chain!, p.rules[0]!, p.rulenum - 1);
      if (echo) tx.stdout += verboseRule(sentView(p.rules[0]!), env);
      break;
    case CMD_FLUSH:
      tx.flush(chain, verbose);
      break;
    case CMD_ZERO:
      tx.zero(chain, verbose);
      break;
    case CMD_ZERO_NUM:
      tx.zeroNum(chain!, p.rulenum - 1);
      break;
    case CMD_NEW_CHAIN:
      tx.newChain(chain!);
      break;
    case CMD_DELETE_CHAIN:
      tx.deleteChain(chain, verbose);
      break;
    case CMD_RENAME_CHAIN:
      tx.rename(chain!, p.newname!);
      break;
    case CMD_SET_POLICY:
      // nft_cmd_chain_set() passes zeroed counters: -P resets the policy counters.
      tx.setPolicy(chain!, p.policy!, { pcnt: 0, bcnt: 0 });
      break;
    case CMD_NONE:
      break;
    default:
      throw paramError("unknown command");
  }
}

/** With -v, rule commands echo each rule in FMT_PRINT_RULE format. */
function verboseRule(r: Rule, env: IptablesEnv): string {
  const format = FMT_NOCOUNTS | FMT_OPTIONS | FMT_VIA | FMT_NUMERIC | FMT_NOTABLE;
  // The echo is of the nft rule read back: an xt target "QUEUE" reads back as the standard target.
  const queue = env.flavour === "nft" && r.target?.ext.name === "standard" && r.jumpto === "QUEUE";
  return printRule(r, 0, format, queue ? "standard" : targetName(r), env.db);
}

/** Full `iptables` invocation: parse, run, report as the real binary does. */
export function runIptables(env: IptablesEnv, args: readonly string[]): CommandResult {
  if (env.flavour === "legacy") return runLegacyIptables(env, args);
  const program = "iptables";
  const version = versionString(env.flavour);
  let warnings = "";
  takePrintWarnings(); // drop text queued outside a command
  try {
    const parsed = parseCommand([program, ...args], {
      registry: env.registry,
      db: env.db,
      table: "filter",
      restore: false,
      line: -1,
    });
    warnings = parsed.warnings;
    if (parsed.kind === "help")
      return { stdout: fillProgram(parsed.stdout, program, version), stderr: warnings, status: 0 };
    if (parsed.kind === "version")
      return { stdout: fillProgram(parsed.stdout, program, version), stderr: warnings, status: 0 };
    const { stdout, table } = executeCommand(env, parsed, program);
    if (table) env.ruleset.tables.set(table.name, table);
    return { stdout, stderr: warnings + takePrintWarnings(), status: 0 };
  } catch (e) {
    if (e instanceof XtablesError && e.warnings) warnings += e.warnings;
    const stdout =
      e instanceof KernelBatchError || e instanceof NftOpError || e instanceof XtablesError ? e.stdout : "";
    return {
      stdout,
      stderr: warnings + takePrintWarnings() + errorText(e, program, version, -1),
      status: errorStatus(e),
    };
  }
}

export function fillProgram(text: string, program: string, version: string): string {
  return text.replaceAll("@PROGRAM@", program).replaceAll("@VERSION@", version);
}

/** The stderr text of a failure, as iptables prints it. */
export function errorText(e: unknown, program: string, version: string, line: number): string {
  if (e instanceof XtablesError) return formatXtablesError(e, program, version, line);
  if (e instanceof NftOpError) {
    return `${program}: ${nftStrerror(e.fn, e.errno)}.${e.errno === "EINVAL" ? " Run `dmesg' for more information." : ""}\n`;
  }
  if (e instanceof KernelBatchError) {
    let msg = "";
    for (const f of e.failures) {
      msg += kernelFailureText(f);
      if (!f.line) break;
    }
    return `${program} v${version}: ${msg}\n`;
  }
  throw e;
}

export function errorStatus(e: unknown): number {
  if (e instanceof XtablesError) return e.status;
  if (e instanceof NftOpError) return e.errno === "EAGAIN" ? ExitStatus.Resource : 1;
  if (e instanceof KernelBatchError) return ExitStatus.Resource;
  throw e;
}

export { FMT_C_COUNTS };
