/**
 * NAT as Linux 6.x does it (net/netfilter/nf_nat_core.c, nf_nat_proto.c,
 * nf_nat_masquerade.c, nf_nat_redirect.c, xt_NETMAP.c): the nat chain is
 * consulted for the first packet of a connection only (per manip type), a
 * null binding is set up when no rule decides, and the binding is applied to
 * every later packet in both directions; ICMP errors are translated inside
 * and out (nf_nat_icmp_reply_translation).
 *
 * Tuple choice follows get_unique_tuple(): keep the original tuple when it is
 * free, reuse the mapping of the same source (find_appropriate_src), pick the
 * address with the kernel's jhash2 (exact: address choice in a range matches
 * the kernel), then search ports from an offset that the kernel draws with
 * get_random_u16() for SNAT and --random*, and 0 for plain DNAT; the twin
 * draws it from the host's seeded Rng.
 */
import { IPPROTO_ICMP, type Packet } from "../core/packet.js";
import { NF_INET_LOCAL_IN, NF_INET_LOCAL_OUT, NF_INET_POST_ROUTING, NF_INET_PRE_ROUTING } from "../extensions/api.js";
import {
  type Conn,
  type Conntrack,
  copyTuple,
  ctinfoDir,
  hasPorts,
  IP_CT_DIR_ORIGINAL,
  IP_CT_DIR_REPLY,
  IP_CT_ESTABLISHED,
  IP_CT_ESTABLISHED_REPLY,
  IP_CT_NEW,
  IP_CT_RELATED,
  IP_CT_RELATED_REPLY,
  IPPROTO_GRE,
  IPS_DST_NAT,
  IPS_DST_NAT_DONE,
  IPS_DYING,
  IPS_FIXED_TIMEOUT,
  IPS_NAT_MASK,
  IPS_SEQ_ADJUST,
  IPS_SRC_NAT,
  IPS_SRC_NAT_DONE,
  invertTuple,
  invertTupleInto,
  TCP_CONNTRACK_SYN_SENT,
  TCP_CONNTRACK_TIME_WAIT,
  type Tuple,
  tupleEqual,
  wireLen,
  zoneIdFor,
} from "./conntrack.js";
import type { Ruleset } from "./ruleset.js";
import type { NatHooks } from "./stack.js";

export const NF_NAT_MANIP_SRC = 0;
export const NF_NAT_MANIP_DST = 1;

export const NF_NAT_RANGE_MAP_IPS = 1 << 0;
export const NF_NAT_RANGE_PROTO_SPECIFIED = 1 << 1;
export const NF_NAT_RANGE_PROTO_RANDOM = 1 << 2;
export const NF_NAT_RANGE_PERSISTENT = 1 << 3;
export const NF_NAT_RANGE_PROTO_RANDOM_FULLY = 1 << 4;
export const NF_NAT_RANGE_PROTO_OFFSET = 1 << 5;
const NF_NAT_RANGE_PROTO_RANDOM_ALL = NF_NAT_RANGE_PROTO_RANDOM | NF_NAT_RANGE_PROTO_RANDOM_FULLY;

const NF_DROP = 0;
const NF_ACCEPT = 1;

const NF_NAT_MAX_ATTEMPTS = 128;
const NF_NAT_HARDER_THRESH = NF_NAT_MAX_ATTEMPTS / 4;

/** struct nf_nat_range2, IPv4: addresses in host order, ports (or the ICMP id) as numbers. */
export interface NatRange2 {
  flags: number;
  minAddr: number;
  maxAddr: number;
  minProto: number;
  maxProto: number;
  baseProto: number;
}

/** HOOK2MANIP() */
export function hook2manip(hook: number): number {
  return hook !== NF_INET_POST_ROUTING && hook !== NF_INET_LOCAL_IN ? NF_NAT_MANIP_DST : NF_NAT_MANIP_SRC;
}

// ---- jhash2 (include/linux/jhash.h), as find_best_ips_proto() uses it ----
const rol32 = (w: number, s: number) => ((w << s) | (w >>> (32 - s))) >>> 0;

export function jhash2(k: readonly number[], initval: number): number {
  let length = k.length;
  let a = (0xdeadbeef + (length << 2) + initval) >>> 0;
  let b = a;
  let c = a;
  let i = 0;
  while (length > 3) {
    a = (a + k[i]!) >>> 0;
    b = (b + k[i + 1]!) >>> 0;
    c = (c + k[i + 2]!) >>> 0;
    // __jhash_mix
    a = (a - c) >>> 0;
    a = (a ^ rol32(c, 4)) >>> 0;
    c = (c + b) >>> 0;
    b = (b - a) >>> 0;
    b = (b ^ rol32(a, 6)) >>> 0;
    a = (a + c) >>> 0;
    c = (c - b) >>> 0;
    c = (c ^ rol32(b, 8)) >>> 0;
    b = (b + a) >>> 0;
    a = (a - c) >>> 0;
    a = (a ^ rol32(c, 16)) >>> 0;
    c = (c + b) >>> 0;
    b = (b - a) >>> 0;
    b = (b ^ rol32(a, 19)) >>> 0;
    a = (a + c) >>> 0;
    c = (c - b) >>> 0;
    c = (c ^ rol32(b, 4)) >>> 0;
    b = (b + a) >>> 0;
    length -= 3;
    i += 3;
  }
  if (length === 0) return c;
  if (length >= 3) c = (c + k[i + 2]!) >>> 0;
  if (length >= 2) b = (b + k[i + 1]!) >>> 0;
  a = (a + k[i]!) >>> 0;
  // __jhash_final
  c = (c ^ b) >>> 0;
  c = (c - rol32(b, 14)) >>> 0;
  a = (a ^ c) >>> 0;
  a = (a - rol32(c, 11)) >>> 0;
  b = (b ^ a) >>> 0;
  b = (b - rol32(a, 25)) >>> 0;
  c = (c ^ b) >>> 0;
  c = (c - rol32(b, 16)) >>> 0;
  a = (a ^ c) >>> 0;
  a = (a - rol32(c, 4)) >>> 0;
  b = (b ^ a) >>> 0;
  b = (b - rol32(a, 14)) >>> 0;
  c = (c ^ b) >>> 0;
  c = (c - rol32(b, 24)) >>> 0;
  return c;
}

/** find_best_ips_proto()'s key for IPv4: the address, then three zero words (one array, reused). */
const ADDR_KEY = [0, 0, 0, 0];

/** jhash2() of [w0, 0, 0, 0]. */
function jhashAddr(w0: number, initval: number): number {
  ADDR_KEY[0] = w0;
  return jhash2(ADDR_KEY, initval);
}

/** An IPv4 address (host order) as the little-endian u32 the kernel hashes (bytes in network order in memory). */
function memWord(addr: number): number {
  return (((addr & 0xff) << 24) | ((addr & 0xff00) << 8) | ((addr >>> 8) & 0xff00) | (addr >>> 24)) >>> 0;
}

/** reciprocal_scale() */
function reciprocalScale(val: number, epRo: number): number {
  return Number((BigInt(val >>> 0) * BigInt(epRo >>> 0)) >> 32n);
}

// ---- tuple helpers ----
function manipPort(t: Tuple, manip: number): number {
  if (t.proto === IPPROTO_ICMP) return t.sport;
  return manip === NF_NAT_MANIP_SRC ? t.sport : t.dport;
}

/** l4proto_in_range() */
function l4protoInRange(t: Tuple, manip: number, min: number, max: number): boolean {
  if (t.proto === IPPROTO_ICMP) return t.sport >= min && t.sport <= max;
  if (hasPorts(t.proto) || t.proto === 47) {
    const port = manip === NF_NAT_MANIP_SRC ? t.sport : t.dport;
    return port >= min && port <= max;
  }
  return true;
}

/** nf_in_range() (source manip) */
function inRange(t: Tuple, r: NatRange2): boolean {
  if (r.flags & NF_NAT_RANGE_MAP_IPS && !(t.src >= r.minAddr && t.src <= r.maxAddr)) return false;
  if (!(r.flags & NF_NAT_RANGE_PROTO_SPECIFIED)) return true;
  return l4protoInRange(t, NF_NAT_MANIP_SRC, r.minProto, r.maxProto);
}

/**
 * Scratch tuples and range (no object per packet): INV for the inverted tuples the used-tuple
 * tests look up, CURR / NEXT for get_unique_tuple()'s current and chosen tuple, TARGET for the
 * tuple a packet is rewritten to, RANGE for the ranges MASQUERADE, REDIRECT, NETMAP and null
 * bindings build. None is kept beyond the call that fills it.
 */
const newTuple = (): Tuple => ({ src: 0, dst: 0, proto: 0, sport: 0, dport: 0, type: 0, code: 0 });
const INV = newTuple();
const CURR = newTuple();
const NEXT = newTuple();
const TARGET = newTuple();
const RANGE: NatRange2 = { flags: 0, minAddr: 0, maxAddr: 0, minProto: 0, maxProto: 0, baseProto: 0 };

/** The scratch range filled with these values (valid until the next call; setupInfo() does not keep it). */
export function natRange(
  flags: number,
  minAddr: number,
  maxAddr: number,
  minProto: number,
  maxProto: number,
  baseProto: number,
): NatRange2 {
  RANGE.flags = flags;
  RANGE.minAddr = minAddr;
  RANGE.maxAddr = maxAddr;
  RANGE.minProto = minProto;
  RANGE.maxProto = maxProto;
  RANGE.baseProto = baseProto;
  return RANGE;
}

/** The port (or ICMP id) get_unique_tuple() changes. */
function setManipPort(t: Tuple, manip: number, v: number): void {
  if (t.proto === IPPROTO_ICMP || manip === NF_NAT_MANIP_SRC) t.sport = v;
  else t.dport = v;
}

function allowClash(ct: Conn): boolean {
  const p = ct.proto;
  return p === 17 || p === 136 || p === IPPROTO_ICMP;
}

/** The NAT engine of one host. */
export class Nat implements NatHooks {
  constructor(
    readonly ct: Conntrack,
    private readonly ruleset: () => Ruleset,
  ) {
    ct.nat = this;
  }

  private rand16(): number {
    return this.ct.opts.rng.next32() & 0xffff;
  }

  /** nf_nat_used_tuple() */
  private usedTuple(t: Tuple, ignored: Conn): boolean {
    const reply = invertTupleInto(INV, t);
    if (!reply) return false;
    return this.ct.tupleTaken(reply, ignored);
  }

  /** nf_nat_used_tuple_new(): like usedTuple, but a clash with an un-NATed twin flow is left to confirm. */
  private usedTupleNew(t: Tuple, ignored: Conn): boolean {
    if (!this.usedTuple(t, ignored)) return false;
    if (!allowClash(ignored)) return true;
    if (ignored.status & (IPS_NAT_MASK | IPS_SEQ_ADJUST)) return true;
    let h = this.ct.find(t, ignored.zone);
    if (!h) {
      const reply = invertTuple(t)!;
      h = this.ct.find(reply, ignored.zone);
      if (!h) return false;
    }
    const other = h.ct;
    if (other.status & (IPS_NAT_MASK | IPS_SEQ_ADJUST)) return true;
    return !tupleEqual(other.orig, ignored.reply);
  }

  /** nf_nat_used_tuple_harder(): in the last attempts, evict a TIME_WAIT entry whose sequence has advanced. */
  private usedTupleHarder(t: Tuple, ignored: Conn, attemptsLeft: number): boolean {
    const reply = invertTupleInto(INV, t)!;
    if (attemptsLeft > NF_NAT_HARDER_THRESH || t.proto !== 6 || ignored.tcp?.state !== TCP_CONNTRACK_SYN_SENT)
      return this.ct.tupleTaken(reply, ignored);
    const h = this.ct.find(reply, ignored.zone);
    if (!h) return false;
    const other = h.ct;
    if (h.dir === IP_CT_DIR_ORIGINAL || other === ignored) return true;
    const flags = other.status;
    if ((other.tcp?.state ?? 0) < TCP_CONNTRACK_TIME_WAIT) return true;
    if (flags & (IPS_FIXED_TIMEOUT | IPS_DYING) || !(flags & IPS_SRC_NAT)) return true;
    if (((ignored.tcp!.end0 - other.tcp!.end0) | 0) <= 0) return true;
    this.ct.remove(other, false);
    return false;
  }

  /** find_appropriate_src(): an existing source mapping of the same source, newest first. */
  private findAppropriateSrc(ct: Conn, t: Tuple, r: NatRange2): Tuple | undefined {
    // the entries of this source from the index (nf_nat_bysource), not a walk of the whole table
    const all = this.ct.sameSource(t.proto, t.src, t.sport);
    for (let i = 0; i < all.length; i++) {
      const other = all[i]!;
      if (!(other.status & IPS_SRC_NAT_DONE)) continue;
      const o = other.orig;
      if (o.proto !== t.proto || o.src !== t.src || o.sport !== t.sport) continue;
      if (zoneIdFor(other.zone, 0) !== zoneIdFor(ct.zone, 0)) continue;
      const res = invertTuple(other.reply)!;
      const out: Tuple = {
        ...res,
        dst: t.dst,
        dport: t.dport,
        type: t.type,
        code: t.code,
      };
      if (t.proto === IPPROTO_ICMP) out.dport = 0;
      if (inRange(out, r)) return out;
    }
    return undefined;
  }

  /** find_best_ips_proto(): the address in the range, hashed as the kernel does (jhash2). */
  private findBestIps(ct: Conn, t: Tuple, r: NatRange2, manip: number): void {
    if (!(r.flags & NF_NAT_RANGE_MAP_IPS)) return;
    if (r.minAddr === r.maxAddr) {
      if (manip === NF_NAT_MANIP_SRC) t.src = r.minAddr;
      else t.dst = r.minAddr;
      return;
    }
    const init = r.flags & NF_NAT_RANGE_PERSISTENT ? 0 : (memWord(t.dst) ^ ct.zone.id) >>> 0;
    const j = jhashAddr(memWord(t.src), init);
    const dist = (r.maxAddr - r.minAddr + 1) >>> 0;
    const v = (r.minAddr + reciprocalScale(j, dist)) >>> 0;
    if (manip === NF_NAT_MANIP_SRC) t.src = v;
    else t.dst = v;
  }

  /** nf_nat_l4proto_unique_tuple() */
  private uniqueProto(t: Tuple, r: NatRange2, manip: number, ct: Conn): void {
    let min: number;
    let rangeSize: number;
    const isIcmp = t.proto === IPPROTO_ICMP;
    if (isIcmp) {
      if (!(r.flags & NF_NAT_RANGE_PROTO_SPECIFIED)) {
        min = 0;
        rangeSize = 65536;
      } else {
        min = r.minProto;
        rangeSize = r.maxProto - r.minProto + 1;
      }
    } else if (hasPorts(t.proto)) {
      if (!(r.flags & NF_NAT_RANGE_PROTO_SPECIFIED)) {
        if (manip === NF_NAT_MANIP_DST) return;
        const port = manipPort(t, manip);
        if (port < 1024) {
          if (port < 512) {
            min = 1;
            rangeSize = 511;
          } else {
            min = 600;
            rangeSize = 1023 - 600 + 1;
          }
        } else {
          min = 1024;
          rangeSize = 65535 - 1024 + 1;
        }
      } else {
        const lo = Math.min(r.minProto, r.maxProto);
        const hi = Math.max(r.minProto, r.maxProto);
        min = lo;
        rangeSize = hi - lo + 1;
      }
    } else {
      return;
    }
    let off: number;
    if (r.flags & NF_NAT_RANGE_PROTO_OFFSET) off = (manipPort(t, manip) - r.baseProto) & 0xffff;
    else if (r.flags & NF_NAT_RANGE_PROTO_RANDOM_ALL || manip !== NF_NAT_MANIP_DST) off = this.rand16();
    else off = 0;
    let attempts = Math.min(rangeSize, NF_NAT_MAX_ATTEMPTS);
    for (;;) {
      for (let i = 0; i < attempts; i++, off = (off + 1) & 0xffff) {
        setManipPort(t, manip, min + (off % rangeSize));
        if (!this.usedTupleHarder(t, ct, attempts - i)) return;
      }
      if (attempts >= rangeSize || attempts < 16) return;
      attempts = Math.floor(attempts / 2);
      off = this.rand16();
    }
  }

  /** get_unique_tuple() */
  private uniqueTuple(orig: Tuple, r: NatRange2, ct: Conn, manip: number): Tuple {
    if (manip === NF_NAT_MANIP_SRC && !(r.flags & NF_NAT_RANGE_PROTO_RANDOM_ALL)) {
      if (inRange(orig, r)) {
        if (!this.usedTupleNew(orig, ct)) return copyTuple(NEXT, orig);
      } else {
        const found = this.findAppropriateSrc(ct, orig, r);
        if (found && !this.usedTuple(found, ct)) return found;
      }
    }
    const t = copyTuple(NEXT, orig);
    this.findBestIps(ct, t, r, manip);
    if (!(r.flags & NF_NAT_RANGE_PROTO_RANDOM_ALL)) {
      if (r.flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
        if (
          !(r.flags & NF_NAT_RANGE_PROTO_OFFSET) &&
          l4protoInRange(t, manip, r.minProto, r.maxProto) &&
          (r.minProto === r.maxProto || !this.usedTuple(t, ct))
        )
          return t;
      } else if (!this.usedTuple(t, ct)) {
        return t;
      }
    }
    this.uniqueProto(t, r, manip, ct);
    return t;
  }

  /** nf_nat_initialized() */
  static initialized(ct: Conn, manip: number): boolean {
    return (ct.status & (manip === NF_NAT_MANIP_SRC ? IPS_SRC_NAT_DONE : IPS_DST_NAT_DONE)) !== 0;
  }

  /** nf_nat_setup_info(): the binding of a new connection for one manip type. */
  setupInfo(ct: Conn, r: NatRange2, manip: number): number {
    if (ct.isConfirmed()) return NF_ACCEPT;
    if (Nat.initialized(ct, manip)) return NF_DROP;
    const curr = invertTupleInto(CURR, ct.reply)!;
    const next = this.uniqueTuple(curr, r, ct, manip);
    if (!tupleEqual(next, curr)) {
      // the unconfirmed entry's own reply tuple, rewritten in place (no one else holds it yet)
      invertTupleInto(ct.reply, next);
      ct.status |= manip === NF_NAT_MANIP_SRC ? IPS_SRC_NAT : IPS_DST_NAT;
    }
    ct.status |= manip === NF_NAT_MANIP_DST ? IPS_DST_NAT_DONE : IPS_SRC_NAT_DONE;
    return NF_ACCEPT;
  }

  /** nf_nat_alloc_null_binding() */
  nullBinding(ct: Conn, hook: number): number {
    const manip = hook2manip(hook);
    const reply = ct.reply;
    const ip = manip === NF_NAT_MANIP_SRC ? reply.dst : reply.src;
    return this.setupInfo(ct, natRange(NF_NAT_RANGE_MAP_IPS, ip, ip, 0, 0, 0), manip);
  }

  /** Whether the nat table has registered its hooks (any of its base chains exists). */
  private registered(): boolean {
    const t = this.ruleset().table("nat");
    if (!t?.exists) return false;
    for (const c of t.chains.values()) if (c.hook >= 0 && c.present) return true;
    return false;
  }

  /** nf_nat_ipv4_fn() / nf_nat_inet_fn() */
  hook(p: Packet, hook: number, runChain: () => number, _nowNs: number): number {
    if (!this.registered()) return NF_ACCEPT;
    const ct = p.ct as Conn | null;
    if (!ct || ct.isTemplate()) return NF_ACCEPT;
    const ctinfo = p.ctinfo;
    if ((ctinfo === IP_CT_RELATED || ctinfo === IP_CT_RELATED_REPLY) && p.proto === IPPROTO_ICMP) {
      return this.icmpReplyTranslation(p, ct, ctinfo, hook) ? NF_ACCEPT : NF_DROP;
    }
    const manip = hook2manip(hook);
    if (ctinfo === IP_CT_RELATED || ctinfo === IP_CT_RELATED_REPLY || ctinfo === IP_CT_NEW) {
      if (!Nat.initialized(ct, manip)) {
        const v = runChain();
        if (v !== NF_ACCEPT) return v;
        if (!Nat.initialized(ct, manip)) {
          const r = this.nullBinding(ct, hook);
          if (r !== NF_ACCEPT) return r;
        }
      } else if (this.oifChanged(hook, ctinfo, ct, p)) {
        this.ct.remove(ct, false);
        return NF_DROP;
      }
    } else if (ctinfo === IP_CT_ESTABLISHED || ctinfo === IP_CT_ESTABLISHED_REPLY) {
      if (this.oifChanged(hook, ctinfo, ct, p)) {
        this.ct.remove(ct, false);
        return NF_DROP;
      }
    }
    return this.natPacket(p, ct, ctinfo, hook);
  }

  /** nf_nat_oif_changed(): a masqueraded flow leaving through another device is killed. */
  private oifChanged(hook: number, ctinfo: number, ct: Conn, p: Packet): boolean {
    return (
      ct.masqDev !== "" &&
      hook === NF_INET_POST_ROUTING &&
      ctinfoDir(ctinfo) === IP_CT_DIR_ORIGINAL &&
      ct.masqDev !== p.outDev
    );
  }

  /** nf_nat_packet() */
  natPacket(p: Packet, ct: Conn, ctinfo: number, hook: number): number {
    const mtype = hook2manip(hook);
    const dir = ctinfoDir(ctinfo);
    let statusbit = mtype === NF_NAT_MANIP_SRC ? IPS_SRC_NAT : IPS_DST_NAT;
    if (dir === IP_CT_DIR_REPLY) statusbit ^= IPS_NAT_MASK;
    if (ct.status & statusbit && !manipPkt(p, invertTupleInto(TARGET, ct.tupleOf(1 - dir))!, mtype)) return NF_DROP;
    return NF_ACCEPT;
  }

  /** nf_nat_icmp_reply_translation(): the quoted packet is un-NATed, the outer header made to look like a reply. */
  icmpReplyTranslation(p: Packet, ct: Conn, ctinfo: number, hook: number): boolean {
    const dir = ctinfoDir(ctinfo);
    const manip = hook2manip(hook);
    if (p.icmpType === 5) {
      if ((ct.status & (IPS_SRC_NAT_DONE | IPS_DST_NAT_DONE)) !== (IPS_SRC_NAT_DONE | IPS_DST_NAT_DONE)) return false;
      if (ct.status & IPS_NAT_MASK) return false;
    }
    let statusbit = manip === NF_NAT_MANIP_SRC ? IPS_SRC_NAT : IPS_DST_NAT;
    if (dir === IP_CT_DIR_REPLY) statusbit ^= IPS_NAT_MASK;
    if (!(ct.status & statusbit)) return true;
    if (p.inner)
      manipPkt(p.inner, ct.tupleOf(1 - dir), manip === NF_NAT_MANIP_SRC ? NF_NAT_MANIP_DST : NF_NAT_MANIP_SRC);
    const target = invertTuple(ct.tupleOf(1 - dir))!;
    target.proto = IPPROTO_ICMP;
    manipPkt(p, target, manip);
    return true;
  }

  // ---- the targets' entry points (xt_nat, xt_MASQUERADE, xt_REDIRECT, xt_NETMAP) ----

  /** MASQUERADE: SNAT to the out device's address; remembers the device. */
  masquerade(
    p: Packet,
    ct: Conn,
    r: NatRange2,
    newsrc: number | undefined,
    klog: { log(level: number, line: string): void },
  ): number {
    if (ct.orig.src === 0) return NF_ACCEPT;
    if (!newsrc) {
      klog.log(6, `MASQUERADE: ${p.outDev} ate my IP address`);
      return NF_DROP;
    }
    ct.masqDev = p.outDev;
    const range = natRange(r.flags | NF_NAT_RANGE_MAP_IPS, newsrc, newsrc, r.minProto, r.maxProto, r.baseProto);
    return this.setupInfo(ct, range, NF_NAT_MANIP_SRC);
  }

  /** REDIRECT: DNAT to 127.0.0.1 from OUTPUT, else to the primary address of the in device. */
  redirect(ct: Conn, r: NatRange2, hook: number, inAddr: number | undefined): number {
    let newdst: number;
    if (hook === NF_INET_LOCAL_OUT) newdst = 0x7f000001;
    else {
      if (!inAddr) return NF_DROP;
      newdst = inAddr;
    }
    const range = natRange(r.flags | NF_NAT_RANGE_MAP_IPS, newdst, newdst, r.minProto, r.maxProto, r.baseProto);
    return this.setupInfo(ct, range, NF_NAT_MANIP_DST);
  }

  /** NETMAP: keep the host part, replace the network part. */
  netmap(p: Packet, ct: Conn, flags: number, minIp: number, maxIp: number, hook: number): number {
    const netmask = ~(minIp ^ maxIp) >>> 0;
    const base = hook === NF_INET_PRE_ROUTING || hook === NF_INET_LOCAL_OUT ? p.dst : p.src;
    const newIp = ((base & ~netmask) | (minIp & netmask)) >>> 0;
    return this.setupInfo(ct, natRange(flags | NF_NAT_RANGE_MAP_IPS, newIp, newIp, 0, 0, 0), hook2manip(hook));
  }
}

/**
 * nf_nat_ipv4_manip_pkt(): rewrite one side of the packet to the target tuple. False (the packet is
 * dropped) when the transport header cannot be written: gre_manip_pkt() needs 8 bytes of GRE header.
 */
export function manipPkt(p: Packet, target: Tuple, manip: number): boolean {
  if (target.proto === IPPROTO_GRE && wireLen(p) - p.ihl < 8) return false;
  if (!p.isFragment()) {
    if (target.proto === IPPROTO_ICMP) {
      const t = p.icmpType;
      if (
        p.proto === IPPROTO_ICMP &&
        (t === 0 || t === 8 || t === 13 || t === 14 || t === 15 || t === 16 || t === 17 || t === 18)
      ) {
        p.icmpId = target.sport;
        p.icmpRest = ((p.icmpId << 16) | p.icmpSeq) >>> 0;
      }
    } else if (hasPorts(target.proto)) {
      if (manip === NF_NAT_MANIP_SRC) p.sport = target.sport;
      else p.dport = target.dport;
    }
  }
  if (manip === NF_NAT_MANIP_SRC) p.src = target.src;
  else p.dst = target.dst;
  return true;
}
