/**
 * The on-disk form of a twin host: a versioned header, the rule set as
 * iptables-save -c text per table, what save output cannot show (which
 * tables and base chains exist), and a trailer with length and checksum so
 * that a truncated or damaged file is detected, never half-loaded.
 */
import { Host } from "../host.js";
import type { Flavour } from "../compat/iptables/commands.js";
import { runRestore } from "../compat/iptables/restore.js";
import { saveTable } from "../compat/iptables/save.js";
import { versionString } from "../compat/iptables/commands.js";
import { NameDb } from "../core/netdb.js";

const MAGIC = "# iptwin state v1";

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

interface TableMeta {
  exists: boolean;
  /** Base chains present in nf_tables. */
  present: string[];
  /** Base chains keeping policy counters. */
  counting?: string[];
  foreign?: Array<{ name: string; hook: number; policy: string; pcnt: number; bcnt: number }>;
}

interface Meta {
  flavour: Flavour;
  epoch: number;
  elapsedNs: string;
  tables: Record<string, TableMeta>;
  hosts: Array<{ addr: number; names: string[] }>;
}

export function serializeHost(host: Host): string {
  const meta: Meta = {
    flavour: host.flavour,
    epoch: host.epoch,
    elapsedNs: host.elapsedNs.toString(),
    tables: {},
    hosts: host.db.hosts,
  };
  let rules = "";
  for (const t of host.ruleset.tables.values()) {
    meta.tables[t.name] = {
      exists: t.exists,
      present: [...t.chains.values()].filter((c) => c.hook >= 0 && c.present).map((c) => c.name),
      counting: [...t.chains.values()].filter((c) => c.hook >= 0 && c.counting).map((c) => c.name),
    };
    if (t.foreign?.length) {
      meta.tables[t.name]!.foreign = t.foreign.map((c) => ({
        name: c.name,
        hook: c.hook,
        policy: c.policy ?? "ACCEPT",
        pcnt: c.pcnt,
        bcnt: c.bcnt,
      }));
    }
    if (t.exists) rules += saveTable(t, true, host.db, "iptables-save", versionString(host.flavour), 0);
  }
  const body = `${MAGIC}\n${JSON.stringify(meta)}\n${rules}`;
  return `${body}# end ${body.length} ${fnv1a(body)}\n`;
}

export function deserializeHost(text: string): Host {
  const endAt = text.lastIndexOf("# end ");
  if (!text.startsWith(`${MAGIC}\n`)) throw new StateError("not an iptwin state file (bad header)");
  if (endAt < 0) throw new StateError("truncated (no end marker)");
  const body = text.slice(0, endAt);
  const m = /^# end (\d+) ([0-9a-f]{8})\n?$/.exec(text.slice(endAt));
  if (!m) throw new StateError("damaged end marker");
  if (Number(m[1]) !== body.length) throw new StateError(`length mismatch (expected ${m[1]}, found ${body.length})`);
  if (m[2] !== fnv1a(body)) throw new StateError("checksum mismatch");
  const nl = body.indexOf("\n", MAGIC.length + 1);
  let meta: Meta;
  try {
    meta = JSON.parse(body.slice(MAGIC.length + 1, nl)) as Meta;
  } catch (e) {
    throw new StateError(`bad metadata: ${(e as Error).message}`);
  }
  const host = new Host({
    flavour: meta.flavour,
    epoch: meta.epoch,
    db: new NameDb(meta.hosts),
  });
  host.elapsedNs = BigInt(meta.elapsedNs);
  const rules = body.slice(nl + 1);
  if (rules.length) {
    const r = runRestore(host.env, rules, { counters: true });
    if (r.status !== 0) throw new StateError(`rules do not load: ${r.stderr.trim()}`);
  }
  for (const t of host.ruleset.tables.values()) {
    const tm = meta.tables[t.name];
    if (!tm) continue;
    t.exists = tm.exists;
    for (const c of t.chains.values()) {
      if (c.hook < 0) continue;
      c.present = tm.present.includes(c.name);
      c.counting = tm.counting?.includes(c.name) ?? false;
    }
    if (tm.foreign) {
      t.foreign = tm.foreign.map((f) => ({
        name: f.name,
        hook: f.hook,
        present: true,
        counting: true,
        policy: f.policy as "ACCEPT" | "DROP",
        pcnt: f.pcnt,
        bcnt: f.bcnt,
        rules: [],
      }));
    }
  }
  return host;
}
