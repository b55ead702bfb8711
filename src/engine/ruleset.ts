/**
 * The rule state of one twin host: tables of chains of rules, as the kernel
 * holds them. Rules carry parsed extension data, never CLI strings.
 */
import type { AnyMatch, AnyTarget, IpSpec } from "../extensions/api.js";
import {
  HOOK_FWD,
  HOOK_IN,
  HOOK_OUT,
  HOOK_POST,
  HOOK_PRE,
  NF_INET_FORWARD,
  NF_INET_LOCAL_IN,
  NF_INET_LOCAL_OUT,
  NF_INET_POST_ROUTING,
  NF_INET_PRE_ROUTING,
} from "../extensions/api.js";

export interface MatchInst {
  ext: AnyMatch;
  data: any;
}

export interface TargetInst {
  ext: AnyTarget;
  data: any;
}

export interface Rule {
  ip: IpSpec;
  matches: MatchInst[];
  /** An extension target (including the standard verdicts ACCEPT/DROP/RETURN/QUEUE), or null for a chain jump / no target. */
  target: TargetInst | null;
  /** Verdict name for the standard target, chain name for a jump or goto, "" for none. */
  jumpto: string;
  pcnt: number;
  bcnt: number;
  /** Cached canonical save text of the rule body (without `-A CHAIN`). */
  saveText?: string;
  /** Validation cache: -1 = no hook-dependent checks, else the hooks (bit mask) it passed from. */
  hookOk?: number;
  /** nf_tables rule handle (per-table counter shared with chains), set when the kernel accepts the rule. */
  handle?: number;
  /** The rule as given, where nf_tables keeps expressions its read-back form lost (`-vv` prints them). */
  nftSrc?: Rule;
}

export interface Chain {
  name: string;
  /** Hook number for a built-in chain, -1 for a user chain. */
  hook: number;
  /**
   * nf_tables creates a base chain on first use and may delete it (-X); an
   * absent one has no hook (sees no packets) and is listed as a fresh chain.
   * Always true for user chains.
   */
  present: boolean;
  /**
   * Whether nf_tables keeps policy counters for this base chain: not for one
   * created implicitly (by -A, say), yes once -P, -Z or a restore set them.
   */
  counting: boolean;
  policy: "ACCEPT" | "DROP" | null;
  pcnt: number;
  bcnt: number;
  rules: Rule[];
  /** nf_tables chain handle (per-table counter), set when the chain is created. */
  handle?: number;
}

export interface Table {
  name: string;
  /** nf_tables creates a table only when a command first writes to it. */
  exists: boolean;
  chains: Map<string, Chain>;
  /** Base chains renamed away from their iptables name (nft "incompatible" chains): still hooked. */
  foreign?: Chain[];
  /** nf_tables handle generator of the table (last handle given to a chain or rule). */
  hgen?: number;
}

export interface BuiltinTableDef {
  name: string;
  hooks: number[];
}

/** Tables in the order iptables-save (nf_tables) prints them (enum nft_table_type). */
export const BUILTIN_TABLES: readonly BuiltinTableDef[] = [
  {
    name: "mangle",
    hooks: [NF_INET_PRE_ROUTING, NF_INET_LOCAL_IN, NF_INET_FORWARD, NF_INET_LOCAL_OUT, NF_INET_POST_ROUTING],
  },
  { name: "security", hooks: [NF_INET_LOCAL_IN, NF_INET_FORWARD, NF_INET_LOCAL_OUT] },
  { name: "raw", hooks: [NF_INET_PRE_ROUTING, NF_INET_LOCAL_OUT] },
  { name: "filter", hooks: [NF_INET_LOCAL_IN, NF_INET_FORWARD, NF_INET_LOCAL_OUT] },
  { name: "nat", hooks: [NF_INET_PRE_ROUTING, NF_INET_LOCAL_IN, NF_INET_LOCAL_OUT, NF_INET_POST_ROUTING] },
];

export const HOOK_NAMES = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"] as const;
export const HOOK_BITS = [HOOK_PRE, HOOK_IN, HOOK_FWD, HOOK_OUT, HOOK_POST] as const;

export function hookOfBuiltin(name: string): number {
  return (HOOK_NAMES as readonly string[]).indexOf(name);
}

export function findBuiltinTable(name: string): BuiltinTableDef | undefined {
  for (const t of BUILTIN_TABLES) if (t.name === name) return t;
  return undefined;
}

export function newTable(def: BuiltinTableDef, exists: boolean): Table {
  const chains = new Map<string, Chain>();
  for (const h of def.hooks) {
    chains.set(HOOK_NAMES[h]!, freshBaseChain(h, exists));
  }
  return { name: def.name, exists, chains };
}

export function freshBaseChain(hook: number, present: boolean): Chain {
  return { name: HOOK_NAMES[hook]!, hook, present, counting: false, policy: "ACCEPT", pcnt: 0, bcnt: 0, rules: [] };
}

export function newUserChain(name: string): Chain {
  return { name, hook: -1, present: true, counting: false, policy: null, pcnt: 0, bcnt: 0, rules: [] };
}

export function isBuiltinChain(c: Chain): boolean {
  return c.hook >= 0;
}

/** Chains in listing order: built-ins by hook, then user chains sorted by strcmp. */
export function orderedChains(t: Table): Chain[] {
  const builtin: Chain[] = [];
  const user: Chain[] = [];
  for (const c of t.chains.values()) (c.hook >= 0 ? builtin : user).push(c);
  builtin.sort((a, b) => a.hook - b.hook);
  user.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return builtin.concat(user);
}

export function cloneRule(r: Rule): Rule {
  return {
    ip: { ...r.ip },
    matches: r.matches.map((m) => ({ ext: m.ext, data: structuredCloneData(m.data) })),
    target: r.target ? { ext: r.target.ext, data: structuredCloneData(r.target.data) } : null,
    jumpto: r.jumpto,
    pcnt: r.pcnt,
    bcnt: r.bcnt,
    saveText: r.saveText,
    handle: r.handle,
    nftSrc: r.nftSrc,
  };
}

/** Extension data is plain data (numbers, strings, bigints, arrays, objects). */
function structuredCloneData<T>(d: T): T {
  if (d === null || typeof d !== "object") return d;
  if (Array.isArray(d)) return d.map(structuredCloneData) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d as Record<string, unknown>)) out[k] = structuredCloneData(v);
  return out as T;
}

/** Rules are shared between copies until written: copy-on-write at chain level. */
export function cloneTable(t: Table): Table {
  const chains = new Map<string, Chain>();
  for (const [k, c] of t.chains) chains.set(k, { ...c, rules: c.rules.slice() });
  return { name: t.name, exists: t.exists, chains, foreign: t.foreign?.slice(), hgen: t.hgen };
}

export class Ruleset {
  readonly tables = new Map<string, Table>();

  constructor() {
    for (const def of BUILTIN_TABLES) this.tables.set(def.name, newTable(def, false));
  }

  table(name: string): Table | undefined {
    return this.tables.get(name);
  }

  clone(): Ruleset {
    const r = new Ruleset();
    for (const [k, t] of this.tables) r.tables.set(k, cloneTable(t));
    return r;
  }
}
