/**
 * The kernel side of an iptables-legacy commit (translate_table() of
 * ip_tables.c): the loop walk from each hook, then checkentry of every
 * entry with the hooks the walk reached it from; plus the checks of xt
 * modules that iptables-nft replaces with native expressions.
 */

import { utf8Decoder, utf8Encoder } from "../../core/utf8.js";
import { type Chain, orderedChains, type Rule, type Table } from "../../engine/ruleset.js";
import { checkRuleHooks } from "../../engine/validate.js";
import { IPT_INV_PROTO } from "../../extensions/api.js";
import { type LegacyHandle, VERDICTS } from "./legacy.js";
import type { Errno } from "./nft-errors.js";

/** unconditional() with a verdict: the kernel's walk ends a path at such an entry. */
function endsPath(r: Rule): boolean {
  const ip = r.ip;
  const uncond =
    r.matches.length === 0 &&
    !ip.src &&
    !ip.smsk &&
    !ip.dst &&
    !ip.dmsk &&
    ip.iniface === "" &&
    ip.outiface === "" &&
    !ip.proto &&
    !ip.flags &&
    !ip.invflags;
  return uncond && r.target?.ext.name === "standard" && VERDICTS.has(r.jumpto);
}

/**
 * mark_source_chains(): from each hook, entry by entry, following jumps; an
 * entry already seen from that hook or an unconditional verdict ends the
 * path, a jump back into the path is a loop. Returns each reached rule's
 * hook mask (rules never reached have none), or ELOOP.
 */
function markSourceChains(t: Table): Map<Rule, number> | "ELOOP" {
  const masks = new Map<Rule, number>();
  for (const base of orderedChains(t)) {
    if (base.hook < 0) continue;
    const bit = 1 << base.hook;
    /** Chains whose first entry this hook's walk reached. */
    const visited = new Set<string>();
    const path = new Set<string>();
    const walk = (c: Chain): boolean => {
      if (path.has(c.name)) return false;
      if (visited.has(c.name)) return true;
      visited.add(c.name);
      path.add(c.name);
      for (const r of c.rules) {
        masks.set(r, (masks.get(r) ?? 0) | bit);
        if (endsPath(r)) break;
        if (r.target !== null || r.jumpto === "" || VERDICTS.has(r.jumpto)) continue;
        const next = t.chains.get(r.jumpto);
        if (next && !walk(next)) return false;
      }
      path.delete(c.name);
      return true;
    };
    if (!walk(base)) return "ELOOP";
  }
  return masks;
}

const maskCache = new WeakMap<Table, Map<Rule, number> | "ELOOP">();

function cachedMasks(t: Table): Map<Rule, number> | "ELOOP" {
  let m = maskCache.get(t);
  if (!m) {
    m = markSourceChains(t);
    maskCache.set(t, m);
  }
  return m;
}

const IPPROTO_TCP = 6;
const IPPROTO_UDP = 17;
const TCPHDR_SYN = 0x02;
const XT_TCP_INV_FLAGS = 0x04;

/** Kernel checks iptables-nft never reaches (there these become native expressions). */
function legacyOnlyCheck(t: Table, rule: Rule): Errno | undefined {
  const ip = rule.ip;
  for (const m of rule.matches) {
    // xt_tcpudp registers with .proto: the rule must name the protocol, uninverted.
    const proto = m.ext.name === "tcp" ? IPPROTO_TCP : m.ext.name === "udp" ? IPPROTO_UDP : 0;
    if (proto && (ip.proto !== proto || ip.invflags & IPT_INV_PROTO)) return "EINVAL";
  }
  const target = rule.target?.ext.name;
  if (target === "TCPMSS") {
    // tcpmss_tg4_check(): only for rules matching SYN packets (skipped for nft_compat).
    const syn = rule.matches.some(
      (m) => m.ext.name === "tcp" && m.data.flgCmp & TCPHDR_SYN && !(m.data.invflags & XT_TCP_INV_FLAGS),
    );
    if (!syn) return "EINVAL";
  }
  // xt_TRACE is a raw-table target (iptables-nft emits meta nftrace instead).
  if (target === "TRACE" && t.name !== "raw") return "EINVAL";
  for (const m of rule.matches) {
    // limit_mt_check(): a zero burst or one whose credits overflow.
    if (
      m.ext.name === "limit" &&
      (m.data.burst === 0 || userToCredits(Math.imul(m.data.avg, m.data.burst) >>> 0) < userToCredits(m.data.avg))
    )
      return "ERANGE";
  }
  return undefined;
}

/** HZ (250 on the reference kernel) times CREDITS_PER_JIFFY (128 there). */
const HZ_CREDITS = 250 * 128;
const XT_LIMIT_SCALE = 10000;

/** xt_limit's user2credits(), in u32 arithmetic. */
function userToCredits(user: number): number {
  if (user > Math.floor(0xffffffff / HZ_CREDITS)) return Math.imul(Math.floor(user / XT_LIMIT_SCALE), HZ_CREDITS) >>> 0;
  return Math.floor((user * HZ_CREDITS) / XT_LIMIT_SCALE);
}

/** NFLOG_PREFIXLEN - 1: struct xt_nflog_info keeps this much of --nflog-prefix. */
const NFLOG_PREFIX_MAX = 63;

/** What the rule's blobs hold where iptables-nft keeps more (its udata copies). */
export function legacyBlob(rule: Rule): Rule {
  const t = rule.target;
  if (t?.ext.name === "NFLOG") {
    const bytes = utf8Encoder.encode(t.data.prefix);
    if (bytes.length > NFLOG_PREFIX_MAX) {
      const prefix = utf8Decoder.decode(bytes.subarray(0, NFLOG_PREFIX_MAX));
      return { ...rule, target: { ext: t.ext, data: { ...t.data, prefix } } };
    }
  }
  return rule;
}

/**
 * translate_table(): loops first, then every entry's checkentry with the
 * hooks its walk reached it from. Entries that did not change and keep
 * their hook mask passed before and are not checked again.
 */
export function translateTable(h: LegacyHandle): Errno | undefined {
  const t = h.work;
  const masks = markSourceChains(t);
  if (masks === "ELOOP") return "ELOOP";
  const before = cachedMasks(h.original);
  const oldMasks = before === "ELOOP" ? new Map<Rule, number>() : before;
  // What the kernel holds while an entry is checked: the old tables and the new entries checked before it.
  const checked: Rule[] = [];
  const peers = () => {
    const held: Array<{ ext: any; data: unknown }> = [];
    const add = (r: Rule): void => {
      for (const m of r.matches) held.push(m);
      if (r.target) held.push(r.target);
    };
    for (const tab of h.env.ruleset.tables.values()) for (const c of tab.chains.values()) c.rules.forEach(add);
    checked.forEach(add);
    return held;
  };
  for (const c of orderedChains(t)) {
    for (const r of c.rules) {
      const mask = masks.get(r) ?? 0;
      const added = h.added.has(r);
      if (!added && mask === (oldMasks.get(r) ?? 0)) continue;
      const own = legacyOnlyCheck(t, r);
      if (own) return own;
      const e = checkRuleHooks(t, c, r, mask, peers);
      if (e) return e.errno as Errno;
      if (added) checked.push(r);
    }
  }
  // The table committed is this one: its walk is known.
  maskCache.set(t, masks);
  return undefined;
}
