/**
 * The libiptc side of iptables-legacy 1.8.9: a handle is a private copy of
 * one table that commands edit; TC_COMMIT hands the whole table to the
 * kernel (legacy-kernel.ts). Failures are an errno worded by iptc_strerror()
 * according to the libiptc function that ran last (iptc_fn).
 */

import type { NameDb } from "../../core/netdb.js";
import {
  type Chain,
  cloneTable,
  findBuiltinTable,
  newTable,
  newUserChain,
  orderedChains,
  type Rule,
  type Ruleset,
  type Table,
} from "../../engine/ruleset.js";
import { type IptablesEnv, ruleKey } from "./commands.js";
import { translateTable } from "./legacy-kernel.js";
import { type Errno, STRERROR } from "./nft-errors.js";

/** The libiptc function iptc_strerror() keys its messages on. */
export type LegacyFn =
  | "INIT"
  | "IS_CHAIN"
  | "NEXT_CHAIN"
  | "BUILTIN"
  | "GET_POLICY"
  | "INSERT_ENTRY"
  | "REPLACE_ENTRY"
  | "APPEND_ENTRY"
  | "DELETE_ENTRY"
  | "DELETE_NUM_ENTRY"
  | "FLUSH_ENTRIES"
  | "ZERO_ENTRIES"
  | "ZERO_COUNTER"
  | "CREATE_CHAIN"
  | "GET_REFERENCES"
  | "DELETE_CHAIN"
  | "RENAME_CHAIN"
  | "SET_POLICY"
  | "COMMIT"
  | "DUMP_ENTRIES";

const STRERROR_TABLE: ReadonlyArray<readonly [LegacyFn | null, Errno, string]> = [
  ["INIT", "EPERM", "Permission denied (you must be root)"],
  ["INIT", "EINVAL", "Module is wrong version"],
  ["INIT", "ENOENT", "Table does not exist (do you need to insmod?)"],
  ["DELETE_CHAIN", "ENOTEMPTY", "Chain is not empty"],
  ["DELETE_CHAIN", "EINVAL", "Can't delete built-in chain"],
  ["DELETE_CHAIN", "EMLINK", "Can't delete chain with references left"],
  ["CREATE_CHAIN", "EEXIST", "Chain already exists"],
  ["INSERT_ENTRY", "E2BIG", "Index of insertion too big"],
  ["REPLACE_ENTRY", "E2BIG", "Index of replacement too big"],
  ["DELETE_NUM_ENTRY", "E2BIG", "Index of deletion too big"],
  ["ZERO_COUNTER", "E2BIG", "Index of counter too big"],
  ["INSERT_ENTRY", "ELOOP", "Loop found in table"],
  ["INSERT_ENTRY", "EINVAL", "Target problem"],
  ["DELETE_ENTRY", "ENOENT", "Bad rule (does a matching rule exist in that chain?)"],
  ["SET_POLICY", "ENOENT", "Bad built-in chain name"],
  ["SET_POLICY", "EINVAL", "Bad policy name"],
  [null, "0", "Incompatible with this kernel"],
  [null, "ENOMEM", "Memory allocation problem"],
  [null, "ENOENT", "No chain/target/match by that name"],
];

/** iptc_strerror() */
export function legacyStrerror(fn: LegacyFn, errno: Errno): string {
  for (const [f, e, msg] of STRERROR_TABLE) if ((f === null || f === fn) && e === errno) return msg;
  return STRERROR[errno] ?? errno;
}

/** exit() from deep inside a listing (print_rule4 cannot find a target library). */
export class LegacyExit extends Error {
  constructor(
    readonly stderr: string,
    readonly status: number,
  ) {
    super(stderr);
  }
}

export const VERDICTS = new Set(["ACCEPT", "DROP", "QUEUE", "RETURN"]);
/** XT_TABLE_MAXNAMELEN */
const TABLE_MAXNAMELEN = 32;
/** sizeof(xt_chainlabel) */
const CHAINLABEL_SIZE = 32;

/**
 * iptc_init(): the kernel instantiates a table in the namespace the first
 * time it is asked for; /proc/net/ip_tables_names (and so iptables-save)
 * lists the newest first. The rule set's map order is the load order.
 */
export function legacyInit(rs: Ruleset, name: string): { table: Table } | { errno: Errno } {
  if (name.length >= TABLE_MAXNAMELEN) return { errno: "EINVAL" };
  const def = findBuiltinTable(name);
  if (!def) return { errno: "ENOENT" };
  const t = rs.tables.get(name);
  if (t?.exists) return { table: t };
  // Every built-in chain exists from the start and always counts its policy.
  const fresh = newTable(def, true);
  for (const c of fresh.chains.values()) c.counting = true;
  rs.tables.delete(name);
  rs.tables.set(name, fresh);
  return { table: fresh };
}

/** Loaded tables in the order iptables-save prints them (newest first). */
export function legacyLoadedTables(rs: Ruleset): Table[] {
  return [...rs.tables.values()].filter((t) => t.exists).reverse();
}

/** A libiptc handle: a private copy of one table, committed as a whole. */
export class LegacyHandle {
  readonly work: Table;
  changed = false;
  fn: LegacyFn = "INIT";
  errno: Errno = "0";
  stdout = "";
  /** Rules this handle put in the table (the kernel checks them with peers). */
  readonly added = new Set<Rule>();
  /** Jump rules added here: their target blob still names the chain, which print_rule4 cannot load. */
  readonly namedJumps = new Map<Rule, string>();
  /** Built-in chains whose policy counters this handle set (-P, restore's `:CHAIN POLICY`). */
  readonly policyCounters = new Set<string>();
  /** Rules from the kernel whose counters -Z zeroes at the commit (COUNTER_MAP_ZEROED). */
  readonly zeroed = new Set<Rule>();

  constructor(
    readonly env: IptablesEnv,
    readonly original: Table,
  ) {
    // The copy's rule arrays are its own: the handle edits them in place.
    this.work = cloneTable(original);
  }

  private fail(errno: Errno): false {
    this.errno = errno;
    return false;
  }

  /** iptcc_find_label(): built-in and user chains (not the verdict names). */
  find(name: string): Chain | undefined {
    return this.work.chains.get(name);
  }

  isChain(name: string): boolean {
    this.fn = "IS_CHAIN";
    return this.work.chains.has(name);
  }

  /** TC_BUILTIN(): 1 built-in, 0 user chain or none (errno ENOENT). */
  builtin(name: string): boolean {
    this.fn = "BUILTIN";
    const c = this.find(name);
    if (!c) {
      this.errno = "ENOENT";
      return false;
    }
    return c.hook >= 0;
  }

  chains(): Chain[] {
    this.fn = "NEXT_CHAIN";
    return orderedChains(this.work);
  }

  /** iptcc_map_target(): verdicts, chain jumps, or a module target the kernel will judge. */
  private mapTarget(rule: Rule): boolean {
    const name = rule.target === null || rule.target.ext.name === "standard" ? rule.jumpto : null;
    if (name === null) {
      // An extension target: TC_BUILTIN() runs on its name first.
      this.builtin(rule.jumpto);
      return true;
    }
    if (name === "" || VERDICTS.has(name)) return true;
    if (this.builtin(name)) return this.fail("EINVAL");
    return true;
  }

  private store(rule: Rule): Rule {
    const r = { ...rule };
    this.added.add(r);
    if (r.target === null && r.jumpto !== "") this.namedJumps.set(r, r.jumpto);
    return r;
  }

  append(chain: string, rule: Rule): boolean {
    this.fn = "APPEND_ENTRY";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    if (!this.mapTarget(rule)) return false;
    c.rules.push(this.store(rule));
    this.changed = true;
    return true;
  }

  /** rulenum is 0-based. */
  insert(chain: string, rule: Rule, rulenum: number): boolean {
    this.fn = "INSERT_ENTRY";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    if (rulenum > c.rules.length) return this.fail("E2BIG");
    if (!this.mapTarget(rule)) return false;
    c.rules.splice(rulenum, 0, this.store(rule));
    this.changed = true;
    return true;
  }

  replace(chain: string, rule: Rule, rulenum: number): boolean {
    this.fn = "REPLACE_ENTRY";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    if (rulenum >= c.rules.length) return this.fail("E2BIG");
    if (!this.mapTarget(rule)) return false;
    c.rules[rulenum] = this.store(rule);
    this.changed = true;
    return true;
  }

  /** delete_entry(): the first rule equal to `rule` (is_same + target_same); dry run for -C. */
  deleteEntry(chain: string, rule: Rule, dryRun: boolean): boolean {
    this.fn = "DELETE_ENTRY";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    if (!this.mapTarget(rule)) return false;
    const key = compareKey(rule, this.env.db);
    const i = c.rules.findIndex((r) => compareKey(r, this.env.db) === key);
    if (i < 0) return this.fail("ENOENT");
    if (dryRun) return true;
    c.rules.splice(i, 1);
    this.changed = true;
    return true;
  }

  deleteNum(chain: string, rulenum: number): boolean {
    this.fn = "DELETE_NUM_ENTRY";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    if (rulenum >= c.rules.length) return this.fail("E2BIG");
    c.rules.splice(rulenum, 1);
    this.changed = true;
    return true;
  }

  flush(chain: string): boolean {
    this.fn = "FLUSH_ENTRIES";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    c.rules = [];
    this.changed = true;
    return true;
  }

  /**
   * TC_ZERO_ENTRIES(): counters read from the kernel are marked zeroed (they
   * read as before until the commit); counters set in this handle stay.
   */
  zero(chain: string): boolean {
    this.fn = "ZERO_ENTRIES";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    for (const r of c.rules) if (!this.added.has(r)) this.zeroed.add(r);
    this.changed = true;
    return true;
  }

  /** iptc_zero_counter(): rulenum is 1-based here. */
  zeroCounter(chain: string, rulenum: number): boolean {
    this.fn = "ZERO_COUNTER";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    const r = rulenum >= 1 ? c.rules[rulenum - 1] : undefined;
    if (!r) return this.fail("E2BIG");
    if (!this.added.has(r)) this.zeroed.add(r);
    this.changed = true;
    return true;
  }

  createChain(name: string): boolean {
    this.fn = "CREATE_CHAIN";
    if (this.find(name) || VERDICTS.has(name)) return this.fail("EEXIST");
    if (name.length + 1 > CHAINLABEL_SIZE) return this.fail("EINVAL");
    this.work.chains.set(name, newUserChain(name));
    this.changed = true;
    return true;
  }

  references(name: string): number {
    this.fn = "GET_REFERENCES";
    let n = 0;
    for (const c of this.work.chains.values()) for (const r of c.rules) if (r.target === null && r.jumpto === name) n++;
    return n;
  }

  deleteChain(name: string): boolean {
    this.fn = "DELETE_CHAIN";
    const c = this.find(name);
    if (!c) return this.fail("ENOENT");
    if (this.builtin(name)) return this.fail("EINVAL");
    if (this.references(name) > 0) return this.fail("EMLINK");
    if (c.rules.length) return this.fail("ENOTEMPTY");
    this.work.chains.delete(name);
    this.changed = true;
    return true;
  }

  rename(oldName: string, newName: string): boolean {
    this.fn = "RENAME_CHAIN";
    if (this.find(newName) || VERDICTS.has(newName)) return this.fail("EEXIST");
    if (!this.find(oldName) || this.builtin(oldName)) return this.fail("ENOENT");
    if (newName.length + 1 > CHAINLABEL_SIZE) return this.fail("EINVAL");
    const chains = new Map<string, Chain>();
    for (const [k, v] of this.work.chains) {
      const ch = k === oldName ? { ...v, name: newName } : v;
      // Jumps point at the chain itself: they follow the new name.
      if (ch.rules.some((r) => r.target === null && r.jumpto === oldName)) {
        ch.rules = ch.rules.map((r) => {
          if (r.target !== null || r.jumpto !== oldName) return r;
          const moved = { ...r, jumpto: newName, saveText: undefined };
          const named = this.namedJumps.get(r);
          if (named !== undefined) this.namedJumps.set(moved, named);
          if (this.added.has(r)) this.added.add(moved);
          return moved;
        });
      }
      chains.set(k === oldName ? newName : k, ch);
    }
    this.work.chains = chains;
    this.changed = true;
    return true;
  }

  setPolicy(chain: string, policy: string, counters: { pcnt: number; bcnt: number } | null): boolean {
    this.fn = "SET_POLICY";
    const c = this.find(chain);
    if (!c || c.hook < 0) return this.fail("ENOENT");
    if (policy !== "ACCEPT" && policy !== "DROP") return this.fail("EINVAL");
    c.policy = policy;
    // Without counters the map is NOMAP: the kernel gets zero.
    c.pcnt = counters?.pcnt ?? 0;
    c.bcnt = counters?.bcnt ?? 0;
    this.policyCounters.add(c.name);
    this.changed = true;
    return true;
  }

  /** TC_COMMIT(): the kernel's translate_table() over the whole new table. */
  commit(): boolean {
    this.fn = "COMMIT";
    if (!this.changed) return true;
    const errno = translateTable(this);
    if (errno) return this.fail(errno);
    // The handle ends with its commit: its copy becomes the table.
    const stored = this.work;
    for (const c of stored.chains.values()) {
      if (this.zeroed.size) c.rules = c.rules.map((r) => (this.zeroed.has(r) ? { ...r, pcnt: 0, bcnt: 0 } : r));
      if (c.rules.some((r) => r.matches.some((m) => m.ext.readback) || r.target?.ext.readback))
        c.rules = c.rules.map(readback);
      // Policy counters not set in this handle come back zeroed from every replace.
      if (c.hook >= 0 && !this.policyCounters.has(c.name)) {
        c.pcnt = 0;
        c.bcnt = 0;
      }
    }
    this.env.ruleset.tables.set(stored.name, stored);
    return true;
  }
}

const keys = new WeakMap<Rule, string>();

/**
 * is_same() + target_same(): the entry blobs compared under the delete
 * mask. Interface names count only where their mask is set, so a bare `+`
 * (empty mask) equals no interface at all; the inversion flags still count.
 */
function compareKey(rule: Rule, db: NameDb): string {
  let k = keys.get(rule);
  if (k === undefined) {
    const ip = rule.ip;
    const masked =
      ip.iniface === "+" || ip.outiface === "+"
        ? {
            ...rule,
            ip: {
              ...ip,
              iniface: ip.iniface === "+" ? "" : ip.iniface,
              outiface: ip.outiface === "+" ? "" : ip.outiface,
            },
            saveText: undefined,
          }
        : rule;
    k = `${ip.invflags}|${ruleKey(masked, db)}`;
    keys.set(rule, k);
  }
  return k;
}

/** What the kernel copies back of a rule's blobs (usersize). */
function readback(rule: Rule): Rule {
  const t = rule.target;
  if (!t?.ext.readback && !rule.matches.some((m) => m.ext.readback)) return rule;
  return {
    ...rule,
    matches: rule.matches.map((m) => (m.ext.readback ? { ext: m.ext, data: m.ext.readback(m.data) } : m)),
    target: t?.ext.readback ? { ext: t.ext, data: t.ext.readback(t.data) } : t,
    saveText: undefined,
  };
}

/** iptc_init() for a command: the table, or the error do_command4 exits with. */
export function legacyOpen(env: IptablesEnv, table: string): LegacyHandle | { errno: Errno } {
  const r = legacyInit(env.ruleset, table);
  if ("errno" in r) return r;
  return new LegacyHandle(env, r.table);
}
