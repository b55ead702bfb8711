/**
 * Packet semantics of the conntrack-dependent matches and targets (xt_conntrack,
 * xt_connmark, xt_CT, xt_connlimit, xt_connbytes, xt_connlabel, xt_helper and
 * the NAT targets), compiled once per rule.
 */
import type { Packet } from "../core/packet.js";
import type { ConnmarkTargetData } from "../extensions/CONNMARK.target.js";
import type { CtTargetData } from "../extensions/CT.target.js";
import type { ConnbytesData } from "../extensions/connbytes.js";
import type { ConnlabelData } from "../extensions/connlabel.js";
import type { ConnlimitData } from "../extensions/connlimit.js";
import type { ConnmarkData } from "../extensions/connmark.js";
import type { ConntrackData } from "../extensions/conntrack.js";
import type { HelperData } from "../extensions/helper.js";
import type { NetmapData } from "../extensions/NETMAP.target.js";
import type { NatRange } from "../extensions/nat-common.js";
import {
  type Conn,
  Conntrack,
  conntrackOf,
  ctinfoDir,
  IP_CT_DIR_ORIGINAL,
  IP_CT_NEW,
  IP_CT_UNTRACKED,
  IPCT_LABEL,
  IPS_DST_NAT,
  IPS_SRC_NAT,
  NF_CT_DEFAULT_ZONE_DIR,
  NF_CT_ZONE_DIR_ORIG,
  NF_CT_ZONE_DIR_REPL,
  packetTuple,
  TCP_CONNTRACK_CLOSE,
  TCP_CONNTRACK_TIME_WAIT,
  type Tuple,
  tupleKey,
} from "./conntrack.js";
import type { EvalContext, MatchFn, PackableTarget, TargetFn } from "./context.js";
import { type NatRange2, NF_NAT_MANIP_DST, NF_NAT_MANIP_SRC, natRange } from "./nat.js";
import { NF_ACCEPT, XT_CONTINUE } from "./verdict.js";

const SEC = 1_000_000_000;

/** The packet's entry (templates count: matches in raw see them, as nf_ct_get() does). */
function ctOf(p: Packet): Conn | null {
  return p.ct as Conn | null;
}

// ---- xt_conntrack (revision 3; the state match is its alias) ----
const XT_CONNTRACK_STATE = 1 << 0;
const XT_CONNTRACK_PROTO = 1 << 1;
const XT_CONNTRACK_ORIGSRC = 1 << 2;
const XT_CONNTRACK_ORIGDST = 1 << 3;
const XT_CONNTRACK_REPLSRC = 1 << 4;
const XT_CONNTRACK_REPLDST = 1 << 5;
const XT_CONNTRACK_STATUS = 1 << 6;
const XT_CONNTRACK_EXPIRES = 1 << 7;
const XT_CONNTRACK_ORIGSRC_PORT = 1 << 8;
const XT_CONNTRACK_ORIGDST_PORT = 1 << 9;
const XT_CONNTRACK_REPLSRC_PORT = 1 << 10;
const XT_CONNTRACK_REPLDST_PORT = 1 << 11;
const XT_CONNTRACK_DIRECTION = 1 << 12;

const STATE_INVALID = 1 << 0;
const STATE_SNAT = 1 << 6;
const STATE_DNAT = 1 << 7;
const STATE_UNTRACKED = 1 << 8;

/** ntohs(tuple->src.u.all) / ntohs(tuple->dst.u.all) */
function srcAll(t: Tuple): number {
  return t.sport;
}
function dstAll(t: Tuple): number {
  return t.proto === 1 ? ((t.type << 8) | t.code) & 0xffff : t.dport;
}

export function conntrackMatch(d: ConntrackData): MatchFn {
  const f = d.matchFlags;
  const inv = d.invertFlags;
  const addrMatch = (a: number, spec: { addr: number; mask: number }) =>
    (a & spec.mask) >>> 0 === (spec.addr & spec.mask) >>> 0;
  const portMatch = (lo: number, hi: number, port: number, invert: boolean) => (port >= lo && port <= hi) !== invert;
  return (p, ctx) => {
    const ct = ctOf(p);
    const ctinfo = p.ctinfo;
    let statebit: number;
    if (ct) statebit = 1 << ((ctinfo % 3) + 1);
    else if (ctinfo === IP_CT_UNTRACKED) statebit = STATE_UNTRACKED;
    else statebit = STATE_INVALID;
    if (f & XT_CONNTRACK_STATE) {
      if (ct) {
        if (ct.status & IPS_SRC_NAT) statebit |= STATE_SNAT;
        if (ct.status & IPS_DST_NAT) statebit |= STATE_DNAT;
      }
      if (((d.stateMask & statebit) !== 0) !== ((inv & XT_CONNTRACK_STATE) === 0)) return false;
    }
    if (!ct) return (f & XT_CONNTRACK_STATE) !== 0;
    if (
      f & XT_CONNTRACK_DIRECTION &&
      (ctinfoDir(ctinfo) === IP_CT_DIR_ORIGINAL) !== ((inv & XT_CONNTRACK_DIRECTION) === 0)
    )
      return false;
    const o = ct.orig;
    const r = ct.reply;
    if (f & XT_CONNTRACK_ORIGSRC && addrMatch(o.src, d.origsrc) !== ((inv & XT_CONNTRACK_ORIGSRC) === 0)) return false;
    if (f & XT_CONNTRACK_ORIGDST && addrMatch(o.dst, d.origdst) !== ((inv & XT_CONNTRACK_ORIGDST) === 0)) return false;
    if (f & XT_CONNTRACK_REPLSRC && addrMatch(r.src, d.replsrc) !== ((inv & XT_CONNTRACK_REPLSRC) === 0)) return false;
    if (f & XT_CONNTRACK_REPLDST && addrMatch(r.dst, d.repldst) !== ((inv & XT_CONNTRACK_REPLDST) === 0)) return false;
    if (f & XT_CONNTRACK_PROTO && (ct.proto === d.l4proto) !== ((inv & XT_CONNTRACK_PROTO) === 0)) return false;
    if (
      f & XT_CONNTRACK_ORIGSRC_PORT &&
      !portMatch(d.origsrcPort, d.origsrcPortHigh, srcAll(o), (inv & XT_CONNTRACK_ORIGSRC_PORT) !== 0)
    )
      return false;
    if (
      f & XT_CONNTRACK_ORIGDST_PORT &&
      !portMatch(d.origdstPort, d.origdstPortHigh, dstAll(o), (inv & XT_CONNTRACK_ORIGDST_PORT) !== 0)
    )
      return false;
    if (
      f & XT_CONNTRACK_REPLSRC_PORT &&
      !portMatch(d.replsrcPort, d.replsrcPortHigh, srcAll(r), (inv & XT_CONNTRACK_REPLSRC_PORT) !== 0)
    )
      return false;
    if (
      f & XT_CONNTRACK_REPLDST_PORT &&
      !portMatch(d.repldstPort, d.repldstPortHigh, dstAll(r), (inv & XT_CONNTRACK_REPLDST_PORT) !== 0)
    )
      return false;
    if (f & XT_CONNTRACK_STATUS && ((d.statusMask & ct.status) !== 0) !== ((inv & XT_CONNTRACK_STATUS) === 0))
      return false;
    if (f & XT_CONNTRACK_EXPIRES) {
      const expires = Math.floor(ct.expiresNs(ctx.nowNs) / SEC);
      if ((expires >= d.expiresMin && expires <= d.expiresMax) !== ((inv & XT_CONNTRACK_EXPIRES) === 0)) return false;
    }
    return true;
  };
}

// ---- connmark / CONNMARK ----
export function connmarkMatch(d: ConnmarkData): MatchFn {
  return (p) => {
    const ct = ctOf(p);
    if (!ct) return false;
    return ((ct.mark & d.mask) >>> 0 === d.mark) !== d.invert;
  };
}

const XT_CONNMARK_SET = 0;
const XT_CONNMARK_SAVE = 1;
const XT_CONNMARK_RESTORE = 2;
const D_SHIFT_RIGHT = 1;

export function connmarkTarget(d: ConnmarkTargetData): TargetFn {
  const shift = (v: number) => (d.shiftDir === D_SHIFT_RIGHT ? v >>> d.shiftBits : (v << d.shiftBits) >>> 0);
  return (p) => {
    const ct = ctOf(p);
    if (!ct) return XT_CONTINUE;
    const setCt = (v: number) => {
      if (ct.owner) ct.owner.setMark(ct, v);
      else ct.mark = v >>> 0;
    };
    switch (d.mode) {
      case XT_CONNMARK_SET:
        setCt(shift(((ct.mark & ~d.ctmask) ^ d.ctmark) >>> 0));
        break;
      case XT_CONNMARK_SAVE:
        setCt(((ct.mark & ~d.ctmask) ^ shift((p.mark & d.nfmask) >>> 0)) >>> 0);
        break;
      case XT_CONNMARK_RESTORE:
        p.mark = ((p.mark & ~d.nfmask) ^ shift((ct.mark & d.ctmask) >>> 0)) >>> 0;
        break;
    }
    return XT_CONTINUE;
  };
}

// ---- CT / NOTRACK ----
const XT_CT_NOTRACK = 1 << 0;
const XT_CT_ZONE_DIR_ORIG = 1 << 2;
const XT_CT_ZONE_DIR_REPL = 1 << 3;
const XT_CT_ZONE_MARK = 1 << 4;

export function ctTarget(d: CtTargetData, proto: number): TargetFn {
  let tmpl: Conn | null = null;
  if (!(d.flags & XT_CT_NOTRACK)) {
    const dirFlags = d.flags & (XT_CT_ZONE_DIR_ORIG | XT_CT_ZONE_DIR_REPL);
    const dir =
      dirFlags === XT_CT_ZONE_DIR_ORIG
        ? NF_CT_ZONE_DIR_ORIG
        : dirFlags === XT_CT_ZONE_DIR_REPL
          ? NF_CT_ZONE_DIR_REPL
          : NF_CT_DEFAULT_ZONE_DIR;
    // a helper is only assigned to connections of the protocol it was looked up for
    tmpl = Conntrack.template({ id: d.zone, dir }, (d.flags & XT_CT_ZONE_MARK) !== 0, d.helper);
    void proto;
  }
  return (p) => {
    // previously seen (loopback): ignore
    if (p.ct || p.ctinfo !== 0) return XT_CONTINUE;
    if (tmpl) {
      p.ct = tmpl;
      p.ctinfo = IP_CT_NEW;
    } else {
      p.ct = null;
      p.ctinfo = IP_CT_UNTRACKED;
    }
    return XT_CONTINUE;
  };
}

// ---- connlimit (nf_conncount: a per-rule list of connections per key) ----
const XT_CONNLIMIT_INVERT = 1 << 0;
const XT_CONNLIMIT_DADDR = 1 << 1;

interface CountEntry {
  tuple: Tuple;
  zone: number;
}

interface CountList {
  entries: CountEntry[];
  lastGc: number;
}

/** jiffies at HZ=250 from the virtual clock (nf_conncount skips its scan within one jiffy). */
function jiffies(ns: number): number {
  return Math.floor(ns / 4_000_000);
}

export function connlimitMatch(d: ConnlimitData): MatchFn {
  const trees = new Map<number, CountList>();
  return (p, ctx) => {
    const ct = ctOf(p);
    const table = conntrackOf(p, ctx.shared);
    let tuple: Tuple | undefined;
    let zone = 0;
    if (ct && !ct.isTemplate()) {
      tuple = ct.orig;
      zone = ct.zone.id;
    } else {
      tuple = packetTuple(p);
    }
    if (!tuple) {
      ctx.hotdrop = true;
      return false;
    }
    const key = ((d.flags & XT_CONNLIMIT_DADDR ? p.dst : p.src) & d.mask) >>> 0;
    const now = jiffies(ctx.nowNs);
    const k = tupleKey(tuple);
    const list = trees.get(key);
    if (!list) {
      trees.set(key, { entries: [{ tuple: { ...tuple }, zone }], lastGc: now });
      return 1 > d.limit !== ((d.flags & XT_CONNLIMIT_INVERT) !== 0);
    }
    let add = true;
    if (now !== list.lastGc) {
      // __nf_conncount_add(): scan until a duplicate of this tuple is met
      const kept: CountEntry[] = [];
      let i = 0;
      for (; i < list.entries.length; i++) {
        const e = list.entries[i]!;
        const h = table?.find(e.tuple, { id: e.zone, dir: 3 }, ctx.nowNs);
        if (!h) continue;
        if (tupleKey(e.tuple) === k && e.zone === zone) {
          add = false;
          break;
        }
        const st = h.ct.tcp?.state;
        if (h.ct.proto === 6 && (st === TCP_CONNTRACK_TIME_WAIT || st === TCP_CONNTRACK_CLOSE)) continue;
        kept.push(e);
      }
      list.entries = add ? kept : [...kept, ...list.entries.slice(i)];
      if (add) list.lastGc = now;
    }
    if (add) {
      list.entries.push({ tuple: { ...tuple }, zone });
      list.lastGc = now;
    }
    return list.entries.length > d.limit !== ((d.flags & XT_CONNLIMIT_INVERT) !== 0);
  };
}

// ---- connbytes ----
const XT_CONNBYTES_PKTS = 0;
const XT_CONNBYTES_BYTES = 1;
const XT_CONNBYTES_DIR_ORIGINAL = 0;
const XT_CONNBYTES_DIR_REPLY = 1;

export function connbytesMatch(d: ConnbytesData): MatchFn {
  return (p) => {
    const ct = ctOf(p);
    if (!ct?.counters) return false;
    const [o, r] = ct.counters as [{ packets: number; bytes: number }, { packets: number; bytes: number }];
    const pick = (a: number, b: number) =>
      d.direction === XT_CONNBYTES_DIR_ORIGINAL ? a : d.direction === XT_CONNBYTES_DIR_REPLY ? b : a + b;
    let what = 0n;
    if (d.what === XT_CONNBYTES_PKTS) what = BigInt(pick(o.packets, r.packets));
    else if (d.what === XT_CONNBYTES_BYTES) what = BigInt(pick(o.bytes, r.bytes));
    else {
      const pkts = pick(o.packets, r.packets);
      if (pkts !== 0) what = BigInt(Math.floor(pick(o.bytes, r.bytes) / pkts));
    }
    if (d.to >= d.from) return what <= d.to && what >= d.from;
    return what < d.to || what > d.from;
  };
}

// ---- connlabel ----
const XT_CONNLABEL_OP_INVERT = 1 << 0;
const XT_CONNLABEL_OP_SET = 1 << 1;

export function connlabelMatch(d: ConnlabelData): MatchFn {
  const invert = (d.options & XT_CONNLABEL_OP_INVERT) !== 0;
  const bit = 1n << BigInt(d.bit);
  return (p) => {
    const ct = ctOf(p);
    if (!ct || ct.labels === null) return invert;
    if (ct.labels & bit) return !invert;
    if (d.options & XT_CONNLABEL_OP_SET) {
      ct.labels |= bit;
      ct.owner?.eventCache(ct, IPCT_LABEL);
      return !invert;
    }
    return invert;
  };
}

// ---- helper: only connections expected by a helper have a master (none in the twin) ----
export function helperMatch(d: HelperData): MatchFn {
  return () => d.invert;
}

// ---- NAT targets ----
/** The packet's entry when NAT can bind it (a tracked, non-template entry of a table with NAT), else null. */
function natCt(p: Packet): Conn | null {
  const ct = ctOf(p);
  if (!ct || ct.isTemplate() || !ct.owner?.nat) return null;
  return ct;
}

function range2(d: NatRange, base: boolean): NatRange2 {
  return {
    flags: d.flags,
    minAddr: d.minIp,
    maxAddr: d.maxIp,
    minProto: d.minPort,
    maxProto: d.maxPort,
    baseProto: base ? d.basePort : 0,
  };
}

/**
 * SNAT / DNAT: the range is held as numbers in the closure itself and put in the scratch range
 * per call, not read from an object of its own (one cold object less per rule with 10,000s of them).
 */
function natTarget(d: NatRange, manip: number): TargetFn {
  const r = range2(d, manip === NF_NAT_MANIP_DST);
  const flags = r.flags;
  const minAddr = r.minAddr;
  const maxAddr = r.maxAddr;
  const minProto = r.minProto;
  const maxProto = r.maxProto;
  const baseProto = r.baseProto;
  const fn: PackableTarget = (p) => {
    const ct = natCt(p);
    if (!ct) return NF_ACCEPT;
    return ct.owner!.nat!.setupInfo(ct, natRange(flags, minAddr, maxAddr, minProto, maxProto, baseProto), manip);
  };
  // one address and no port offset: the compiled table may run it from the packed rule
  if (minAddr === maxAddr && baseProto === 0 && (flags & ~0xff) === 0)
    fn.packedNat = { manip, flags, addr: minAddr, minProto, maxProto, apply: natApply };
  return fn;
}

/** natTarget()'s closure for a packed rule (the same for every rule: its numbers are arguments). */
function natApply(p: Packet, manip: number, flags: number, addr: number, minProto: number, maxProto: number): number {
  const ct = natCt(p);
  if (!ct) return NF_ACCEPT;
  return ct.owner!.nat!.setupInfo(ct, natRange(flags, addr, addr, minProto, maxProto, 0), manip);
}

export function snatTarget(d: NatRange): TargetFn {
  return natTarget(d, NF_NAT_MANIP_SRC);
}

export function dnatTarget(d: NatRange): TargetFn {
  return natTarget(d, NF_NAT_MANIP_DST);
}

export function masqueradeTarget(d: NatRange): TargetFn {
  const r = range2(d, false);
  return (p, ctx: EvalContext) => {
    const ct = natCt(p);
    if (!ct) return NF_ACCEPT;
    const src = ctx.net.masqSource ? ctx.net.masqSource(p.outDev, p.dst) : ctx.net.primaryAddr(p.outDev);
    return ct.owner!.nat!.masquerade(p, ct, r, src, ctx);
  };
}

export function redirectTarget(d: NatRange): TargetFn {
  const r = range2(d, false);
  return (p, ctx) => {
    const ct = natCt(p);
    if (!ct) return NF_ACCEPT;
    return ct.owner!.nat!.redirect(ct, r, ctx.hook, ctx.net.primaryAddr(p.inDev));
  };
}

export function netmapTarget(d: NetmapData): TargetFn {
  return (p, ctx) => {
    const ct = natCt(p);
    if (!ct) return NF_ACCEPT;
    return ct.owner!.nat!.netmap(p, ct, d.flags, d.minIp, d.maxIp, ctx.hook);
  };
}
