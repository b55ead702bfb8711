/**
 * The on-disk form of a twin host: a versioned header, one JSON line of
 * metadata, one JSON line per table holding its chains and rules with the
 * extensions' own data (nothing re-parsed on load, and fields no listing
 * shows survive), and a trailer with length and checksum so that a
 * truncated or damaged file is detected, never half-loaded.
 */
import type { Flavour } from "../compat/iptables/commands.js";
import { NameDb } from "../core/netdb.js";
import { Host } from "../host.js";
import { NetConfig } from "../engine/net.js";
import type { AnyMatch, AnyTarget, IpSpec } from "../extensions/api.js";
import type { Chain, Rule, Table } from "../engine/ruleset.js";

const MAGIC = "# iptwin state v2";

export class StateError extends Error {}

/** FNV-1a over UTF-16 code units; enough to catch damage, not an integrity seal. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
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
  if (v && typeof v === "object" && "$big" in (v as Record<string, unknown>)) return BigInt((v as { $big: string }).$big);
  return v;
}

function ipTuple(ip: IpSpec): IpTuple {
  return [ip.src, ip.smsk, ip.dst, ip.dmsk, ip.iniface, ip.outiface, ip.proto, ip.flags, ip.invflags];
}

function chainRecord(c: Chain): ChainRecord {
  return {
    name: c.name,
    hook: c.hook,
    present: c.present,
    counting: c.counting,
    policy: c.policy,
    pcnt: c.pcnt,
    bcnt: c.bcnt,
    rules: c.rules.map((r) => ([
      ipTuple(r.ip),
      r.matches.map((m) => [m.ext.name, m.data] as [string, unknown]),
      r.target ? [r.target.ext.name, r.target.data] : null,
      r.jumpto,
      r.pcnt,
      r.bcnt,
      ...(r.handle !== undefined || r.nftSrc ? [r.handle ?? null] : []),
      ...(r.nftSrc ? [[ipTuple(r.nftSrc.ip), r.nftSrc.matches.map((m) => [m.ext.name, m.data])]] : []),
    ]) as RuleTuple),
    ...(c.handle !== undefined ? { handle: c.handle } : {}),
  };
}

/** Sections other modules add to the state (they register a writer and a reader). */
export interface StateSection {
  write(host: Host): unknown;
  read(host: Host, data: unknown): void;
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
  const extra: Record<string, unknown> = {};
  for (const [name, s] of STATE_SECTIONS) extra[name] = s.write(host);
  const meta: Meta = {
    flavour: host.flavour,
    epoch: host.epoch,
    elapsedNs: host.elapsedNs.toString(),
    hosts: host.db.hosts,
    extra,
  };
  let body = `${MAGIC}\n${JSON.stringify(meta, replacer)}\n`;
  for (const t of host.ruleset.tables.values()) {
    const rec: TableRecord = { name: t.name, exists: t.exists, chains: [...t.chains.values()].map(chainRecord) };
    if (t.hgen !== undefined) rec.hgen = t.hgen;
    if (t.foreign?.length) rec.foreign = t.foreign.map(chainRecord);
    body += `${JSON.stringify(rec, replacer)}\n`;
  }
  return `${body}# end ${body.length} ${fnv1a(body)}\n`;
}

function reviveChain(host: Host, c: ChainRecord): Chain {
  const ipOf = (ipT: IpTuple): IpSpec => ({
    src: ipT[0],
    smsk: ipT[1],
    dst: ipT[2],
    dmsk: ipT[3],
    iniface: ipT[4],
    outiface: ipT[5],
    proto: ipT[6],
    flags: ipT[7],
    invflags: ipT[8],
  });
  const matchesOf = (ms: Array<[string, unknown]>) =>
    ms.map(([name, data]) => {
      const ext = host.registry.findMatch(name);
      if (!ext) throw new StateError(`unknown match extension '${name}'`);
      return { ext: ext as AnyMatch, data };
    });
  const rules: Rule[] = c.rules.map(([ipT, ms, t, jumpto, pcnt, bcnt, handle, src]) => {
    const ip = ipOf(ipT);
    const matches = matchesOf(ms);
    let target: Rule["target"] = null;
    if (t) {
      const ext = host.registry.findTarget(t[0]);
      if (!ext) throw new StateError(`unknown target extension '${t[0]}'`);
      target = { ext: ext as AnyTarget, data: t[1] };
    }
    const rule: Rule = { ip, matches, target, jumpto, pcnt, bcnt };
    if (handle !== undefined && handle !== null) rule.handle = handle;
    if (src) rule.nftSrc = { ip: ipOf(src[0]), matches: matchesOf(src[1]), target, jumpto, pcnt, bcnt };
    return rule;
  });
  const chain: Chain = { name: c.name, hook: c.hook, present: c.present, counting: c.counting, policy: c.policy, pcnt: c.pcnt, bcnt: c.bcnt, rules };
  if (c.handle !== undefined) chain.handle = c.handle;
  return chain;
}

export function deserializeHost(text: string): Host {
  if (!text.startsWith(`${MAGIC}\n`)) throw new StateError("not an iptwin state file of this version (bad header)");
  const endAt = text.lastIndexOf("# end ");
  if (endAt < 0) throw new StateError("truncated (no end marker)");
  const body = text.slice(0, endAt);
  const m = /^# end (\d+) ([0-9a-f]{8})\n?$/.exec(text.slice(endAt));
  if (!m) throw new StateError("damaged end marker");
  if (Number(m[1]) !== body.length) throw new StateError(`length mismatch (expected ${m[1]}, found ${body.length})`);
  if (m[2] !== fnv1a(body)) throw new StateError("checksum mismatch");
  const lines = body.slice(MAGIC.length + 1).split("\n");
  let meta: Meta;
  try {
    meta = JSON.parse(lines[0]!, reviver) as Meta;
  } catch (e) {
    throw new StateError(`bad metadata: ${(e as Error).message}`);
  }
  const host = new Host({ flavour: meta.flavour, epoch: meta.epoch, db: new NameDb(meta.hosts) });
  host.elapsedNs = BigInt(meta.elapsedNs);
  for (const line of lines.slice(1)) {
    if (!line) continue;
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
