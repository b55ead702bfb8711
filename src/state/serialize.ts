/**
 * The on-disk form of a twin host: a versioned header, one JSON line of
 * metadata, one JSON line per table holding its chains and rules with the
 * extensions' own data (nothing re-parsed on load, and fields no listing
 * shows survive), and a trailer with length and checksum so that a
 * truncated or damaged file is detected, never half-loaded.
 *
 * v3 (written now) keeps chains and rules as positional arrays, extensions as
 * indexes into per-table name lists and jumps as chain indexes, and parses
 * without a reviver unless a table holds bigints: a kube-proxy sized state
 * loads several times faster than v2, which is still read.
 */
import type { Flavour } from "../compat/iptables/commands.js";
import { NameDb } from "../core/netdb.js";
import { NetConfig } from "../engine/net.js";
import type { Chain, Rule, Table } from "../engine/ruleset.js";
import type { AnyMatch, AnyTarget, IpSpec } from "../extensions/api.js";
import { Host } from "../host.js";

const MAGIC = "# iptwin state v3";
const MAGIC_V2 = "# iptwin state v2";

export class StateError extends Error {}

/** FNV-1a over UTF-16 code units; enough to catch damage, not an integrity seal. */
export function fnv1a(s: string, end = s.length): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

interface Meta {
  flavour: Flavour;
  epoch: number;
  elapsedNs: string;
  hosts: Array<{ addr: number; names: string[] }>;
  /** Extra sections other modules persist (network config, conntrack, …). */
  extra?: Record<string, unknown>;
}

type IpTuple = [number, number, number, number, string, string, number, number, number];
/** [ip, matches, target, jumpto, pcnt, bcnt, nft handle, the match part as given when nf_tables keeps more] */
type RuleTuple = [
  IpTuple,
  Array<[string, unknown]>,
  [string, unknown] | null,
  string,
  number,
  number,
  (number | null)?,
  [IpTuple, Array<[string, unknown]>]?,
];
interface ChainRecord {
  name: string;
  hook: number;
  present: boolean;
  counting: boolean;
  policy: "ACCEPT" | "DROP" | null;
  pcnt: number;
  bcnt: number;
  rules: RuleTuple[];
  handle?: number;
}
interface TableRecord {
  name: string;
  exists: boolean;
  hgen?: number;
  chains: ChainRecord[];
  foreign?: ChainRecord[];
}

/** Extension data may hold bigints (64-bit counters and quotas). */
function replacer(_k: string, v: unknown): unknown {
  return typeof v === "bigint" ? { $big: v.toString() } : v;
}

function reviver(_k: string, v: unknown): unknown {
  if (v && typeof v === "object" && "$big" in (v as Record<string, unknown>))
    return BigInt((v as { $big: string }).$big);
  return v;
}

function ipTuple(ip: IpSpec): IpTuple {
  return [ip.src, ip.smsk, ip.dst, ip.dmsk, ip.iniface, ip.outiface, ip.proto, ip.flags, ip.invflags];
}

/** v3 rule: [ip (0 = none), matches (0 = none, else [ext, data, …]), target ext (-1 = none), target data, jumpto
 * (a chain index or a name), pcnt, bcnt, handle (null = none), the match part as given when nf_tables keeps more]. */
type RuleV3 = [
  0 | IpTuple,
  0 | unknown[],
  number,
  unknown,
  number | string,
  number,
  number,
  number | null,
  [0 | IpTuple, 0 | unknown[]]?,
];
/** v3 chain: [name, hook, present, counting, policy, pcnt, bcnt, handle (null = none), number of rules]. */
type ChainV3 = [string, number, 0 | 1, 0 | 1, "ACCEPT" | "DROP" | null, number, number, number | null, number];
/**
 * A table is a header line (this) and `parts` lines after it, each a JSON array of rules (a part holding
 * bigints is `{"big":1,"rules":[…]}`, read with the reviver): the rules of the chains, then of the foreign
 * chains, in order. Parsed part by part, the JSON arrays die young instead of all surviving to the end.
 */
interface TableV3 {
  name: string;
  exists: boolean;
  hgen?: number;
  /** Match and target extension names the rules index. */
  mext: string[];
  text: string[];
  chains: ChainV3[];
  foreign?: ChainV3[];
  parts: number;
}

/** Rules per part line. */
const PART_RULES = 2048;

function ipV3(ip: IpSpec): 0 | IpTuple {
  if (ip.src === 0 && ip.smsk === 0 && ip.dst === 0 && ip.dmsk === 0 && ip.iniface === "" && ip.outiface === "") {
    if (ip.proto === 0 && ip.flags === 0 && ip.invflags === 0) return 0;
  }
  return ipTuple(ip);
}

/** The v3 lines of a table: its header, then its rules in parts. */
function tableLines(t: Table, out: string[]): void {
  const mext: string[] = [];
  const text: string[] = [];
  const mIndex = new Map<AnyMatch, number>();
  const tIndex = new Map<AnyTarget, number>();
  const chainIndex = new Map<string, number>();
  let k = 0;
  for (const c of t.chains.values()) chainIndex.set(c.name, k++);
  const matchesV3 = (ms: Rule["matches"]): 0 | unknown[] => {
    if (ms.length === 0) return 0;
    const list: unknown[] = new Array(ms.length * 2);
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i]!;
      let e = mIndex.get(m.ext);
      if (e === undefined) {
        e = mext.length;
        mext.push(m.ext.name);
        mIndex.set(m.ext, e);
      }
      list[2 * i] = e;
      list[2 * i + 1] = m.data;
    }
    return list;
  };
  const parts: string[] = [];
  let part: RuleV3[] = [];
  const flush = (): void => {
    try {
      parts.push(JSON.stringify(part));
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      parts.push(JSON.stringify({ big: 1, rules: part }, replacer));
    }
    part = [];
  };
  const chainV3 = (c: Chain): ChainV3 => {
    for (const r of c.rules) {
      let te = -1;
      if (r.target) {
        const e = tIndex.get(r.target.ext);
        if (e === undefined) {
          te = text.length;
          text.push(r.target.ext.name);
          tIndex.set(r.target.ext, te);
        } else te = e;
      }
      const jump = r.target === null ? chainIndex.get(r.jumpto) : undefined;
      const rec: RuleV3 = [
        ipV3(r.ip),
        matchesV3(r.matches),
        te,
        r.target ? r.target.data : 0,
        jump ?? r.jumpto,
        r.pcnt,
        r.bcnt,
        r.handle ?? null,
      ];
      if (r.nftSrc) rec.push([ipV3(r.nftSrc.ip), matchesV3(r.nftSrc.matches)]);
      part.push(rec);
      if (part.length >= PART_RULES) flush();
    }
    const present = c.present ? 1 : 0;
    return [c.name, c.hook, present, c.counting ? 1 : 0, c.policy, c.pcnt, c.bcnt, c.handle ?? null, c.rules.length];
  };
  const chains: ChainV3[] = [];
  for (const c of t.chains.values()) chains.push(chainV3(c));
  const foreign = t.foreign?.length ? t.foreign.map(chainV3) : undefined;
  if (part.length) flush();
  const rec: TableV3 = { name: t.name, exists: t.exists, mext, text, chains, parts: parts.length };
  if (t.hgen !== undefined) rec.hgen = t.hgen;
  if (foreign) rec.foreign = foreign;
  // The header holds no extension data: no bigints.
  out.push(JSON.stringify(rec));
  for (const line of parts) out.push(line);
}

function ipOfV3(ipT: 0 | IpTuple): IpSpec {
  if (ipT === 0) {
    return { src: 0, smsk: 0, dst: 0, dmsk: 0, iniface: "", outiface: "", proto: 0, flags: 0, invflags: 0 };
  }
  return {
    src: ipT[0],
    smsk: ipT[1],
    dst: ipT[2],
    dmsk: ipT[3],
    iniface: ipT[4],
    outiface: ipT[5],
    proto: ipT[6],
    flags: ipT[7],
    invflags: ipT[8],
  };
}

/** A v3 table from its header and part lines (lines[at…]); returns the table and the index after its parts. */
function reviveTableV3(host: Host, rec: TableV3, lines: readonly string[], at: number): Table {
  const mexts = rec.mext.map((name) => {
    const ext = host.registry.findMatch(name);
    if (!ext) throw new StateError(`unknown match extension '${name}'`);
    return ext as AnyMatch;
  });
  const texts = rec.text.map((name) => {
    const ext = host.registry.findTarget(name);
    if (!ext) throw new StateError(`unknown target extension '${name}'`);
    return ext as AnyTarget;
  });
  const names: string[] = rec.chains.map((c) => c[0]);
  const matchesOf = (m: 0 | unknown[]): Rule["matches"] => {
    if (m === 0) return [];
    const out: Rule["matches"] = new Array(m.length >> 1);
    for (let i = 0; i < out.length; i++) {
      const ext = mexts[m[2 * i] as number];
      if (!ext) throw new StateError("bad match reference");
      out[i] = { ext, data: m[2 * i + 1] };
    }
    return out;
  };
  const ruleOf = (r: RuleV3): Rule => {
    let target: Rule["target"] = null;
    if (r[2] >= 0) {
      const ext = texts[r[2]];
      if (!ext) throw new StateError("bad target reference");
      target = { ext, data: r[3] };
    }
    const j = r[4];
    const jumpto = typeof j === "number" ? names[j] : j;
    if (jumpto === undefined) throw new StateError("bad chain reference");
    const rule: Rule = {
      ip: ipOfV3(r[0]),
      matches: matchesOf(r[1]),
      target,
      jumpto,
      pcnt: r[5],
      bcnt: r[6],
      saveText: undefined,
      hookOk: undefined,
      nftSrc: undefined,
      handle: r[7] ?? undefined,
    };
    const src = r[8];
    if (src) {
      rule.nftSrc = {
        ip: ipOfV3(src[0]),
        matches: matchesOf(src[1]),
        target,
        jumpto,
        pcnt: rule.pcnt,
        bcnt: rule.bcnt,
      };
    }
    return rule;
  };
  // The part lines, read as the chains fill up.
  let line = at;
  let part: RuleV3[] = [];
  let next = 0;
  const nextRule = (): RuleV3 => {
    while (next >= part.length) {
      if (line >= at + rec.parts || line >= lines.length) throw new StateError("truncated rule list");
      const text = lines[line++]!;
      try {
        if (text.startsWith('{"big":1')) part = (JSON.parse(text, reviver) as { rules: RuleV3[] }).rules;
        else part = JSON.parse(text) as RuleV3[];
      } catch (e) {
        throw new StateError(`bad rule record: ${(e as Error).message}`);
      }
      next = 0;
    }
    return part[next++]!;
  };
  const chainOf = (c: ChainV3): Chain => {
    const rules: Rule[] = new Array(c[8]);
    for (let i = 0; i < rules.length; i++) rules[i] = ruleOf(nextRule());
    // The handle is added as commands add it (one chain shape whichever way a chain was made).
    const chain: Chain = {
      name: c[0],
      hook: c[1],
      present: c[2] === 1,
      counting: c[3] === 1,
      policy: c[4],
      pcnt: c[5],
      bcnt: c[6],
      rules,
    };
    if (c[7] !== null) chain.handle = c[7];
    return chain;
  };
  const chains = new Map<string, Chain>();
  for (const c of rec.chains) chains.set(c[0], chainOf(c));
  const t: Table = { name: rec.name, exists: rec.exists, chains };
  if (rec.hgen !== undefined) t.hgen = rec.hgen;
  if (rec.foreign) t.foreign = rec.foreign.map(chainOf);
  if (next < part.length || line !== at + rec.parts) throw new StateError("bad rule count");
  return t;
}

/** Sections other modules add to the state (they register a writer and a reader). */
export interface StateSection {
  write(host: Host): unknown;
  read(host: Host, data: unknown): void;
  /** Its data never holds bigints: written without the replacer (a large section writes faster). */
  plain?: boolean;
}

export const STATE_SECTIONS = new Map<string, StateSection>();

// Interfaces, addresses, routes and sysctls; a state without it gets a fresh configuration.
STATE_SECTIONS.set("net", {
  write: (host) => host.net.toJSON(),
  read: (host, data) => {
    host.net = NetConfig.fromJSON(data);
  },
});

export function serializeHost(host: Host): string {
  // the sections are written one by one into the metadata's "extra" (the same JSON as one object)
  const extra: string[] = [];
  for (const [name, s] of STATE_SECTIONS) {
    const json = JSON.stringify(s.write(host), s.plain ? undefined : replacer) as string | undefined;
    if (json !== undefined) extra.push(`${JSON.stringify(name)}:${json}`);
  }
  const meta: Omit<Meta, "extra"> = {
    flavour: host.flavour,
    epoch: host.epoch,
    elapsedNs: host.elapsedNs.toString(),
    hosts: host.db.hosts,
  };
  const head = JSON.stringify(meta, replacer);
  const parts = [MAGIC, `${head.slice(0, -1)},"extra":{${extra.join(",")}}}`];
  for (const t of host.ruleset.tables.values()) tableLines(t, parts);
  const body = `${parts.join("\n")}\n`;
  return `${body}# end ${body.length} ${fnv1a(body)}\n`;
}

function reviveChain(host: Host, c: ChainRecord): Chain {
  const matchesOf = (ms: Array<[string, unknown]>) =>
    ms.map(([name, data]) => {
      const ext = host.registry.findMatch(name);
      if (!ext) throw new StateError(`unknown match extension '${name}'`);
      return { ext: ext as AnyMatch, data };
    });
  const rules: Rule[] = c.rules.map(([ipT, ms, t, jumpto, pcnt, bcnt, handle, src]) => {
    const ip = ipOfV3(ipT);
    const matches = matchesOf(ms);
    let target: Rule["target"] = null;
    if (t) {
      const ext = host.registry.findTarget(t[0]);
      if (!ext) throw new StateError(`unknown target extension '${t[0]}'`);
      target = { ext: ext as AnyTarget, data: t[1] };
    }
    const rule: Rule = { ip, matches, target, jumpto, pcnt, bcnt };
    if (handle !== undefined && handle !== null) rule.handle = handle;
    if (src) rule.nftSrc = { ip: ipOfV3(src[0]), matches: matchesOf(src[1]), target, jumpto, pcnt, bcnt };
    return rule;
  });
  const chain: Chain = {
    name: c.name,
    hook: c.hook,
    present: c.present,
    counting: c.counting,
    policy: c.policy,
    pcnt: c.pcnt,
    bcnt: c.bcnt,
    rules,
  };
  if (c.handle !== undefined) chain.handle = c.handle;
  return chain;
}

export function deserializeHost(text: string): Host {
  const v3 = text.startsWith(`${MAGIC}\n`);
  if (!v3 && !text.startsWith(`${MAGIC_V2}\n`)) {
    throw new StateError("not an iptwin state file of this version (bad header)");
  }
  const endAt = text.lastIndexOf("# end ");
  if (endAt < 0) throw new StateError("truncated (no end marker)");
  const m = /^# end (\d+) ([0-9a-f]{8})\n?$/.exec(text.slice(endAt));
  if (!m) throw new StateError("damaged end marker");
  if (Number(m[1]) !== endAt) throw new StateError(`length mismatch (expected ${m[1]}, found ${endAt})`);
  // Over the text as read (a slice of it reads slower).
  if (m[2] !== fnv1a(text, endAt)) throw new StateError("checksum mismatch");
  const lines = text.slice(MAGIC.length + 1, endAt).split("\n");
  let meta: Meta;
  try {
    // the reviver only turns {"$big": …} back into bigints: without one it is not needed (and
    // would make reading a large conntrack section several times slower)
    const metaLine = lines[0]!;
    meta = (metaLine.includes('"$big"') ? JSON.parse(metaLine, reviver) : JSON.parse(metaLine)) as Meta;
  } catch (e) {
    throw new StateError(`bad metadata: ${(e as Error).message}`);
  }
  const host = new Host({ flavour: meta.flavour, epoch: meta.epoch, db: new NameDb(meta.hosts) });
  host.elapsedNs = BigInt(meta.elapsedNs);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    if (v3) {
      let rec3: TableV3;
      try {
        rec3 = JSON.parse(line) as TableV3;
      } catch (e) {
        throw new StateError(`bad table record: ${(e as Error).message}`);
      }
      const t = reviveTableV3(host, rec3, lines, i + 1);
      i += rec3.parts;
      // Map order is load order (iptables-legacy-save lists the newest table first).
      host.ruleset.tables.delete(t.name);
      host.ruleset.tables.set(t.name, t);
      continue;
    }
    let rec: TableRecord;
    try {
      rec = JSON.parse(line, reviver) as TableRecord;
    } catch (e) {
      throw new StateError(`bad table record: ${(e as Error).message}`);
    }
    const chains = new Map<string, Chain>();
    for (const c of rec.chains) chains.set(c.name, reviveChain(host, c));
    const t: Table = { name: rec.name, exists: rec.exists, chains };
    if (rec.hgen !== undefined) t.hgen = rec.hgen;
    if (rec.foreign) t.foreign = rec.foreign.map((c) => reviveChain(host, c));
    // Map order is load order (iptables-legacy-save lists the newest table first).
    host.ruleset.tables.delete(rec.name);
    host.ruleset.tables.set(rec.name, t);
  }
  for (const [name, s] of STATE_SECTIONS) if (meta.extra && name in meta.extra) s.read(host, meta.extra[name]);
  return host;
}
