/**
 * Connection tracking as Linux 6.x does it (net/netfilter/nf_conntrack_core.c
 * and the tcp/udp/icmp/generic trackers): entries with original and reply
 * tuples, status bits, ctinfo on each packet, the TCP state machine with
 * window tracking, per-state timeouts from the sysctls on the virtual clock,
 * zones, marks, templates (CT target) and the untracked state. Conntrack only
 * runs while a rule in the namespace holds a reference (nf_ct_netns_get).
 *
 * Differences from the kernel, on purpose: the table is dumped in insertion
 * order (the kernel's order follows a randomly seeded hash); expired entries
 * are collected when the table is next touched; events are recorded as if a
 * listener had always been present (nf_conntrack_events=2 creates the event
 * extension only while `conntrack -E` runs); no helpers/expectations.
 */
import {
  IPPROTO_ICMP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  type Packet,
  TCP_ACK,
  TCP_FIN,
  TCP_RST,
  TCP_SYN,
  udpliteHeaderBad,
} from "../core/packet.js";
import type { Rng } from "../core/rng.js";
import { NF_INET_POST_ROUTING, NF_INET_PRE_ROUTING } from "../extensions/api.js";
import { type Nat, type NatRange2, NF_NAT_MANIP_DST, NF_NAT_MANIP_SRC } from "./nat.js";
import type { NetConfig } from "./net.js";
import type { Ruleset } from "./ruleset.js";
import type { ConntrackHooks } from "./stack.js";

// ---- enum ip_conntrack_info ----
export const IP_CT_ESTABLISHED = 0;
export const IP_CT_RELATED = 1;
export const IP_CT_NEW = 2;
export const IP_CT_IS_REPLY = 3;
export const IP_CT_ESTABLISHED_REPLY = 3;
export const IP_CT_RELATED_REPLY = 4;
export const IP_CT_UNTRACKED = 7;

export const IP_CT_DIR_ORIGINAL = 0;
export const IP_CT_DIR_REPLY = 1;

/** CTINFO2DIR() */
export function ctinfoDir(ctinfo: number): number {
  return ctinfo >= IP_CT_IS_REPLY ? IP_CT_DIR_REPLY : IP_CT_DIR_ORIGINAL;
}

// ---- enum ip_conntrack_status (include/uapi/linux/netfilter/nf_conntrack_common.h) ----
export const IPS_EXPECTED = 1 << 0;
export const IPS_SEEN_REPLY = 1 << 1;
export const IPS_ASSURED = 1 << 2;
export const IPS_CONFIRMED = 1 << 3;
export const IPS_SRC_NAT = 1 << 4;
export const IPS_DST_NAT = 1 << 5;
export const IPS_NAT_MASK = IPS_SRC_NAT | IPS_DST_NAT;
export const IPS_SEQ_ADJUST = 1 << 6;
export const IPS_SRC_NAT_DONE = 1 << 7;
export const IPS_DST_NAT_DONE = 1 << 8;
export const IPS_NAT_DONE_MASK = IPS_SRC_NAT_DONE | IPS_DST_NAT_DONE;
export const IPS_DYING = 1 << 9;
export const IPS_FIXED_TIMEOUT = 1 << 10;
export const IPS_TEMPLATE = 1 << 11;
export const IPS_NAT_CLASH = 1 << 12;
export const IPS_HELPER = 1 << 13;
export const IPS_OFFLOAD = 1 << 14;
export const IPS_HW_OFFLOAD = 1 << 15;

// ---- enum ip_conntrack_events (cached per entry, delivered at confirm) ----
export const IPCT_NEW = 0;
export const IPCT_RELATED = 1;
export const IPCT_DESTROY = 2;
export const IPCT_REPLY = 3;
export const IPCT_ASSURED = 4;
export const IPCT_PROTOINFO = 5;
export const IPCT_HELPER = 6;
export const IPCT_MARK = 7;
export const IPCT_SEQADJ = 8;
export const IPCT_SECMARK = 9;
export const IPCT_LABEL = 10;

// ---- zones ----
export const NF_CT_ZONE_DIR_ORIG = 1;
export const NF_CT_ZONE_DIR_REPL = 2;
export const NF_CT_DEFAULT_ZONE_DIR = 3;

export interface Zone {
  id: number;
  dir: number;
}

/** nf_ct_zone_id(): the zone that applies to one direction. */
export function zoneIdFor(z: Zone, dir: number): number {
  return z.dir & (1 << dir) ? z.id : 0;
}

// ---- TCP ----
export const TCP_CONNTRACK_NONE = 0;
export const TCP_CONNTRACK_SYN_SENT = 1;
export const TCP_CONNTRACK_SYN_RECV = 2;
export const TCP_CONNTRACK_ESTABLISHED = 3;
export const TCP_CONNTRACK_FIN_WAIT = 4;
export const TCP_CONNTRACK_CLOSE_WAIT = 5;
export const TCP_CONNTRACK_LAST_ACK = 6;
export const TCP_CONNTRACK_TIME_WAIT = 7;
export const TCP_CONNTRACK_CLOSE = 8;
export const TCP_CONNTRACK_SYN_SENT2 = 9;
const sIV = 10; // TCP_CONNTRACK_MAX
const sIG = 11; // TCP_CONNTRACK_IGNORE
const TCP_CONNTRACK_RETRANS = 12;
const TCP_CONNTRACK_UNACK = 13;

export const TCP_STATE_NAMES = [
  "NONE",
  "SYN_SENT",
  "SYN_RECV",
  "ESTABLISHED",
  "FIN_WAIT",
  "CLOSE_WAIT",
  "LAST_ACK",
  "TIME_WAIT",
  "CLOSE",
  "SYN_SENT2",
] as const;

const TCP_SYN_SET = 0;
const TCP_SYNACK_SET = 1;
const TCP_FIN_SET = 2;
const TCP_ACK_SET = 3;
const TCP_RST_SET = 4;
const TCP_NONE_SET = 5;

// sNO (0) is never a next state, so it has no name here (the columns below start with it).
const [, sSS, sSR, sES, sFW, sCW, sLA, sTW, sCL, sS2] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** tcp_conntracks[dir][index][state] of Linux 6.x. */
const TCP_CONNTRACKS: readonly (readonly (readonly number[])[])[] = [
  [
    /* ORIGINAL     sNO, sSS, sSR, sES, sFW, sCW, sLA, sTW, sCL, sS2 */
    /* syn    */ [sSS, sSS, sIG, sIG, sIG, sIG, sIG, sSS, sSS, sS2],
    /* synack */ [sIV, sIV, sSR, sIV, sIV, sIV, sIV, sIV, sIV, sSR],
    /* fin    */ [sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV],
    /* ack    */ [sES, sIV, sES, sES, sCW, sCW, sTW, sTW, sCL, sIV],
    /* rst    */ [sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL],
    /* none   */ [sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV],
  ],
  [
    /* REPLY        sNO, sSS, sSR, sES, sFW, sCW, sLA, sTW, sCL, sS2 */
    /* syn    */ [sIV, sS2, sIV, sIV, sIV, sIV, sIV, sSS, sIV, sS2],
    /* synack */ [sIV, sSR, sIG, sIG, sIG, sIG, sIG, sIG, sIG, sSR],
    /* fin    */ [sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV],
    /* ack    */ [sIV, sIG, sSR, sES, sCW, sCW, sTW, sTW, sCL, sIG],
    /* rst    */ [sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL],
    /* none   */ [sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV],
  ],
];

const IP_CT_TCP_FLAG_WINDOW_SCALE = 0x01;
export const IP_CT_TCP_FLAG_SACK_PERM = 0x02;
export const IP_CT_TCP_FLAG_CLOSE_INIT = 0x04;
export const IP_CT_TCP_FLAG_BE_LIBERAL = 0x08;
const IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED = 0x10;
const IP_CT_TCP_FLAG_MAXACK_SET = 0x20;
const IP_CT_EXP_CHALLENGE_ACK = 0x40;
const IP_CT_TCP_SIMULTANEOUS_OPEN = 0x80;

interface TcpSeen {
  end: number;
  maxend: number;
  maxwin: number;
  maxack: number;
  scale: number;
  flags: number;
}

/**
 * struct ip_ct_tcp. The two directions' ip_ct_tcp_state (seen[0], seen[1]) are fields of the
 * one object (…0, …1): an entry is one object fewer per direction to make and keep. Code that
 * works on a direction loads it into a TcpSeen (loadSeen) and stores it back (storeSeen); the
 * state file keeps the kernel's shape (tcpToJson / tcpFromJson).
 */
export interface TcpInfo {
  state: number;
  lastDir: number;
  retrans: number;
  lastIndex: number;
  lastSeq: number;
  lastAck: number;
  lastEnd: number;
  lastWin: number;
  lastWscale: number;
  lastFlags: number;
  end0: number;
  maxend0: number;
  maxwin0: number;
  maxack0: number;
  scale0: number;
  flags0: number;
  end1: number;
  maxend1: number;
  maxwin1: number;
  maxack1: number;
  scale1: number;
  flags1: number;
}

const newSeen = (): TcpSeen => ({
  end: 0,
  maxend: 0,
  maxwin: 0,
  maxack: 0,
  scale: 0,
  flags: 0,
});
const newTcp = (): TcpInfo => ({
  state: 0,
  lastDir: 0,
  retrans: 0,
  lastIndex: 0,
  lastSeq: 0,
  lastAck: 0,
  lastEnd: 0,
  lastWin: 0,
  lastWscale: 0,
  lastFlags: 0,
  end0: 0,
  maxend0: 0,
  maxwin0: 0,
  maxack0: 0,
  scale0: 0,
  flags0: 0,
  end1: 0,
  maxend1: 0,
  maxwin1: 0,
  maxack1: 0,
  scale1: 0,
  flags1: 0,
});

function copyTcp(d: TcpInfo, t: TcpInfo): void {
  d.state = t.state;
  d.lastDir = t.lastDir;
  d.retrans = t.retrans;
  d.lastIndex = t.lastIndex;
  d.lastSeq = t.lastSeq;
  d.lastAck = t.lastAck;
  d.lastEnd = t.lastEnd;
  d.lastWin = t.lastWin;
  d.lastWscale = t.lastWscale;
  d.lastFlags = t.lastFlags;
  d.end0 = t.end0;
  d.maxend0 = t.maxend0;
  d.maxwin0 = t.maxwin0;
  d.maxack0 = t.maxack0;
  d.scale0 = t.scale0;
  d.flags0 = t.flags0;
  d.end1 = t.end1;
  d.maxend1 = t.maxend1;
  d.maxwin1 = t.maxwin1;
  d.maxack1 = t.maxack1;
  d.scale1 = t.scale1;
  d.flags1 = t.flags1;
}

/** Scratch directions (the sender and receiver of tcp_in_window(), …): loaded, worked on, stored back. */
const SEEN_A = newSeen();
const ZERO_TCP = newTcp();
const SEEN_B = newSeen();

function loadSeen(s: TcpSeen, t: TcpInfo, dir: number): TcpSeen {
  if (dir === 0) {
    s.end = t.end0;
    s.maxend = t.maxend0;
    s.maxwin = t.maxwin0;
    s.maxack = t.maxack0;
    s.scale = t.scale0;
    s.flags = t.flags0;
  } else {
    s.end = t.end1;
    s.maxend = t.maxend1;
    s.maxwin = t.maxwin1;
    s.maxack = t.maxack1;
    s.scale = t.scale1;
    s.flags = t.flags1;
  }
  return s;
}

function storeSeen(t: TcpInfo, dir: number, s: TcpSeen): void {
  if (dir === 0) {
    t.end0 = s.end;
    t.maxend0 = s.maxend;
    t.maxwin0 = s.maxwin;
    t.maxack0 = s.maxack;
    t.scale0 = s.scale;
    t.flags0 = s.flags;
  } else {
    t.end1 = s.end;
    t.maxend1 = s.maxend;
    t.maxwin1 = s.maxwin;
    t.maxack1 = s.maxack;
    t.scale1 = s.scale;
    t.flags1 = s.flags;
  }
}

/** The kernel's shape of ip_ct_tcp, as state files before positional records held it. */
interface TcpJson {
  seen: [TcpSeen, TcpSeen];
  state: number;
  lastDir: number;
  retrans: number;
  lastIndex: number;
  lastSeq: number;
  lastAck: number;
  lastEnd: number;
  lastWin: number;
  lastWscale: number;
  lastFlags: number;
}

function tcpFromJson(j: TcpJson): TcpInfo {
  const t = newTcp();
  t.state = j.state;
  t.lastDir = j.lastDir;
  t.retrans = j.retrans;
  t.lastIndex = j.lastIndex;
  t.lastSeq = j.lastSeq;
  t.lastAck = j.lastAck;
  t.lastEnd = j.lastEnd;
  t.lastWin = j.lastWin;
  t.lastWscale = j.lastWscale;
  t.lastFlags = j.lastFlags;
  storeSeen(t, 0, j.seen[0]);
  storeSeen(t, 1, j.seen[1]);
  return t;
}

const u32 = (n: number) => n >>> 0;
/** before(seq1, seq2) of include/net/tcp.h */
const before = (a: number, b: number) => ((a - b) | 0) < 0;
const after = (a: number, b: number) => before(b, a);

// ---- tuples ----
/** struct nf_conntrack_tuple, IPv4 only. ICMP: sport is the id, type/code in their own fields. */
export interface Tuple {
  src: number;
  dst: number;
  proto: number;
  sport: number;
  dport: number;
  type: number;
  code: number;
}

export const IPPROTO_DCCP = 33;
export const IPPROTO_SCTP = 132;
export const IPPROTO_UDPLITE = 136;
export const IPPROTO_GRE = 47;

/**
 * Protocols whose tuple carries ports (nf_ct_get_tuple_ports()). Not DCCP: the reference kernel
 * (6.18) has no DCCP tracker any more, its packets are tracked (and NATed) as a generic protocol.
 */
export function hasPorts(proto: number): boolean {
  return proto === IPPROTO_TCP || proto === IPPROTO_UDP || proto === IPPROTO_UDPLITE || proto === IPPROTO_SCTP;
}

export function tupleEqual(a: Tuple, b: Tuple): boolean {
  return (
    a.src === b.src &&
    a.dst === b.dst &&
    a.proto === b.proto &&
    a.sport === b.sport &&
    a.dport === b.dport &&
    a.type === b.type &&
    a.code === b.code
  );
}

export function tupleKey(t: Tuple): string {
  return `${t.proto}/${t.src}/${t.dst}/${t.sport}/${t.dport}/${t.type}/${t.code}`;
}

/** A 30-bit hash of a tuple: the table's key (a small integer, no string built per packet). */
export function tupleHash(t: Tuple): number {
  let h = Math.imul(t.src ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ t.dst, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ ((t.sport << 16) | t.dport), 0x27d4eb2d);
  h = Math.imul(h ^ (h >>> 15) ^ ((t.proto << 16) | (t.type << 8) | t.code), 0x165667b1);
  return (h ^ (h >>> 16)) & 0x3fffffff;
}

/** icmp invmap: request types and their replies. */
const ICMP_INVMAP: Readonly<Record<number, number>> = {
  8: 0,
  0: 8,
  13: 14,
  14: 13,
  15: 16,
  16: 15,
  17: 18,
  18: 17,
};

/** nf_ct_invert_tuple(); undefined when the protocol cannot invert it (ICMP types without a reply). */
export function invertTuple(t: Tuple): Tuple | undefined {
  if (t.proto === IPPROTO_ICMP) {
    const inv = ICMP_INVMAP[t.type];
    if (inv === undefined) return undefined;
    return {
      src: t.dst,
      dst: t.src,
      proto: t.proto,
      sport: t.sport,
      dport: 0,
      type: inv,
      code: t.code,
    };
  }
  return {
    src: t.dst,
    dst: t.src,
    proto: t.proto,
    sport: t.dport,
    dport: t.sport,
    type: 0,
    code: 0,
  };
}

/** invertTuple() into `out` (no object made); undefined when the protocol cannot invert it. */
export function invertTupleInto(out: Tuple, t: Tuple): Tuple | undefined {
  if (t.proto === IPPROTO_ICMP) {
    const inv = ICMP_INVMAP[t.type];
    if (inv === undefined) return undefined;
    const src = t.src;
    out.src = t.dst;
    out.dst = src;
    out.proto = t.proto;
    out.sport = t.sport;
    out.dport = 0;
    out.type = inv;
    out.code = t.code;
    return out;
  }
  const src = t.src;
  const sport = t.sport;
  out.src = t.dst;
  out.dst = src;
  out.proto = t.proto;
  out.sport = t.dport;
  out.dport = sport;
  out.type = 0;
  out.code = 0;
  return out;
}

/** Total length of the packet as on the wire. */
export function wireLen(p: Packet): number {
  return p.len > 0 ? p.len : p.ihl + p.l4HeaderLen + (p.payload?.length ?? 0);
}

/** nf_ct_get_tuple() from a packet (or a quoted packet inside an ICMP error). */
export function packetTuple(p: Packet): Tuple | undefined {
  const t: Tuple = {
    src: p.src >>> 0,
    dst: p.dst >>> 0,
    proto: p.proto,
    sport: 0,
    dport: 0,
    type: 0,
    code: 0,
  };
  if (p.proto === IPPROTO_ICMP) {
    t.sport = p.icmpId;
    t.type = p.icmpType;
    t.code = p.icmpCode;
  } else if (hasPorts(p.proto)) {
    t.sport = p.sport;
    t.dport = p.dport;
  }
  return t;
}

/** The zone of entries without a CT --zone template (shared: zones are never changed in place). */
export const DEFAULT_ZONE: Zone = Object.freeze({ id: 0, dir: NF_CT_DEFAULT_ZONE_DIR }) as Zone;

/** packetTuple() into `t` (a scratch tuple for lookups). */
function packetTupleInto(t: Tuple, p: Packet): Tuple {
  t.src = p.src >>> 0;
  t.dst = p.dst >>> 0;
  t.proto = p.proto;
  t.sport = 0;
  t.dport = 0;
  t.type = 0;
  t.code = 0;
  if (p.proto === IPPROTO_ICMP) {
    t.sport = p.icmpId;
    t.type = p.icmpType;
    t.code = p.icmpCode;
  } else if (hasPorts(p.proto)) {
    t.sport = p.sport;
    t.dport = p.dport;
  }
  return t;
}

const SCRATCH: Tuple = { src: 0, dst: 0, proto: 0, sport: 0, dport: 0, type: 0, code: 0 };
const SCRATCH_REPLY: Tuple = { src: 0, dst: 0, proto: 0, sport: 0, dport: 0, type: 0, code: 0 };

/** Indexes of Conn.n. */
const N_TIMEOUT = 0;
const N_UDPSTREAMTS = 1;
const N_LASTSEQ = 2;
const N_LASTACK = 3;
const N_LASTEND = 4;
const N_END0 = 5;
const N_MAXEND0 = 6;
const N_MAXACK0 = 7;
const N_END1 = 8;
const N_MAXEND1 = 9;
const N_MAXACK1 = 10;

/**
 * One entry of the table (struct nf_conn); also used for CT templates (IPS_TEMPLATE). Made by its
 * constructor, which sets every field in one order (all entries share one map): an object literal
 * with __proto__ costs a runtime call per entry, over twice the whole constructor.
 */
export class Conn implements TcpInfo {
  declare readonly owner: Conntrack | null;
  /** The tuples (ct->tuplehash[dir].tuple), as fields rather than an array: two objects fewer per entry. */
  declare readonly orig: Tuple;
  /** Rewritten by NAT while the entry is unconfirmed. */
  declare reply: Tuple;
  declare status: number;
  declare mark: number;
  declare secmark: number;
  declare labels: bigint | null;
  declare zone: Zone;
  /** Template zone taken from the packet mark (CT --zone mark). */
  declare zoneFromMark: boolean;
  declare counters: Array<{ packets: number; bytes: number }> | null;
  declare helper: string;
  /** Event bits cached for the next delivery (ecache). */
  declare ecache: number;
  /** Output device of MASQUERADE (nat->masq_index), "" when none. */
  declare masqDev: string;
  /** References held by packets waiting in the host (an ARP queue): conntrack -L shows use=1+refs. */
  declare refs: number;
  /** The id's 32 bits as a signed integer (a small integer in the object, not a boxed number); see id. */
  declare idBits: number;
  /** The table's slot of a confirmed entry (its hash nodes are slot * 2 + dir), -1 when not in the table. */
  declare slot: number;
  /** Neighbours in the table's insertion order (confirmed entries). */
  declare older: Conn | null;
  declare newer: Conn | null;
  /**
   * ct->proto.tcp, in the entry itself (an object fewer to make and keep per connection): the
   * fields below, valid while hasTcp; `tcp` is the entry seen as TcpInfo, or null.
   */
  declare hasTcp: boolean;
  declare state: number;
  declare lastDir: number;
  declare retrans: number;
  declare lastIndex: number;
  declare lastWin: number;
  declare lastWscale: number;
  declare lastFlags: number;
  declare maxwin0: number;
  declare scale0: number;
  declare flags0: number;
  declare maxwin1: number;
  declare scale1: number;
  declare flags1: number;

  /**
   * The fields that hold numbers past the small-integer range (virtual ns, sequence numbers), in
   * one array of unboxed doubles: as object fields each would be a boxed number of its own, an
   * object more per field per entry to make and for the garbage collector to copy.
   */
  declare readonly n: number[];
  /** Events in the table's ring that read this entry (it is not reused while any does). */
  declare ringRefs: number;

  constructor(owner: Conntrack | null, orig: Tuple, reply: Tuple, id: number) {
    (this as { owner: Conntrack | null }).owner = owner;
    (this as { orig: Tuple }).orig = orig;
    this.reply = reply;
    this.status = 0;
    this.mark = 0;
    this.secmark = 0;
    this.labels = null;
    this.zone = DEFAULT_ZONE;
    this.zoneFromMark = false;
    this.counters = null;
    this.helper = "";
    this.ecache = 0;
    this.masqDev = "";
    this.refs = 0;
    this.idBits = id | 0;
    this.slot = -1;
    this.older = null;
    this.newer = null;
    this.hasTcp = false;
    this.state = 0;
    this.lastDir = 0;
    this.retrans = 0;
    this.lastIndex = 0;
    this.lastWin = 0;
    this.lastWscale = 0;
    this.lastFlags = 0;
    this.maxwin0 = 0;
    this.scale0 = 0;
    this.flags0 = 0;
    this.maxwin1 = 0;
    this.scale1 = 0;
    this.flags1 = 0;
    (this as { n: number[] }).n = newNums();
    this.ringRefs = 0;
  }

  /**
   * A dead entry made new again from the table's free list (kmem_cache_alloc() of the nf_conn
   * slab): every field as the constructor sets it, the tuple objects rewritten in place. A test
   * compares it with a fresh entry field by field. (The list is the constructor's, repeated: fields
   * set in a method the constructor calls make V8 build each entry three times slower.)
   */
  recycle(owner: Conntrack, orig: Tuple, reply: Tuple, id: number): this {
    (this as { owner: Conntrack | null }).owner = owner;
    copyTuple(this.orig, orig);
    copyTuple(this.reply, reply);
    this.status = 0;
    this.mark = 0;
    this.secmark = 0;
    this.labels = null;
    this.zone = DEFAULT_ZONE;
    this.zoneFromMark = false;
    this.counters = null;
    this.helper = "";
    this.ecache = 0;
    this.masqDev = "";
    this.refs = 0;
    this.idBits = id | 0;
    this.slot = -1;
    this.older = null;
    this.newer = null;
    this.hasTcp = false;
    this.state = 0;
    this.lastDir = 0;
    this.retrans = 0;
    this.lastIndex = 0;
    this.lastWin = 0;
    this.lastWscale = 0;
    this.lastFlags = 0;
    this.maxwin0 = 0;
    this.scale0 = 0;
    this.flags0 = 0;
    this.maxwin1 = 0;
    this.scale1 = 0;
    this.flags1 = 0;
    this.n.fill(0);
    this.ringRefs = 0;
    return this;
  }

  /** Expiry in virtual ns (absolute once confirmed, relative before, like ct->timeout). */
  get timeout(): number {
    return this.n[N_TIMEOUT]!;
  }
  set timeout(v: number) {
    this.n[N_TIMEOUT] = v;
  }

  get udpStreamTs(): number {
    return this.n[N_UDPSTREAMTS]!;
  }
  set udpStreamTs(v: number) {
    this.n[N_UDPSTREAMTS] = v;
  }

  get lastSeq(): number {
    return this.n[N_LASTSEQ]!;
  }
  set lastSeq(v: number) {
    this.n[N_LASTSEQ] = v;
  }

  get lastAck(): number {
    return this.n[N_LASTACK]!;
  }
  set lastAck(v: number) {
    this.n[N_LASTACK] = v;
  }

  get lastEnd(): number {
    return this.n[N_LASTEND]!;
  }
  set lastEnd(v: number) {
    this.n[N_LASTEND] = v;
  }

  get end0(): number {
    return this.n[N_END0]!;
  }
  set end0(v: number) {
    this.n[N_END0] = v;
  }

  get maxend0(): number {
    return this.n[N_MAXEND0]!;
  }
  set maxend0(v: number) {
    this.n[N_MAXEND0] = v;
  }

  get maxack0(): number {
    return this.n[N_MAXACK0]!;
  }
  set maxack0(v: number) {
    this.n[N_MAXACK0] = v;
  }

  get end1(): number {
    return this.n[N_END1]!;
  }
  set end1(v: number) {
    this.n[N_END1] = v;
  }

  get maxend1(): number {
    return this.n[N_MAXEND1]!;
  }
  set maxend1(v: number) {
    this.n[N_MAXEND1] = v;
  }

  get maxack1(): number {
    return this.n[N_MAXACK1]!;
  }
  set maxack1(v: number) {
    this.n[N_MAXACK1] = v;
  }

  /** ctnetlink's id: 32 bits, unsigned. */
  get id(): number {
    return this.idBits >>> 0;
  }

  /** The tuple of direction `dir` (IP_CT_DIR_ORIGINAL or IP_CT_DIR_REPLY). */
  tupleOf(dir: number): Tuple {
    return dir === 0 ? this.orig : this.reply;
  }

  get proto(): number {
    return this.orig.proto;
  }

  get tcp(): TcpInfo | null {
    return this.hasTcp ? this : null;
  }

  set tcp(t: TcpInfo | null) {
    if (t && t !== this) copyTcp(this, t);
    this.hasTcp = t !== null;
  }

  isConfirmed(): boolean {
    return (this.status & IPS_CONFIRMED) !== 0;
  }

  isTemplate(): boolean {
    return (this.status & IPS_TEMPLATE) !== 0;
  }

  /** nf_ct_expires() in ns (0 for an unconfirmed entry, whose timeout is still relative). */
  expiresNs(now: number): number {
    if (!this.isConfirmed()) return 0;
    return Math.max(this.timeout - now, 0);
  }
}

/** A new entry. */
export function newConn(owner: Conntrack | null, orig: Tuple, reply: Tuple, id: number): Conn {
  return new Conn(owner, orig, reply, id);
}

/** Conn.n of a new entry, all zero: a literal with a fraction is made as unboxed doubles. */
function newNums(): number[] {
  const n = [0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  n[0] = 0;
  return n;
}

/** `t`'s fields into `o` (no tuple made); `o`. */
export function copyTuple(o: Tuple, t: Tuple): Tuple {
  o.src = t.src;
  o.dst = t.dst;
  o.proto = t.proto;
  o.sport = t.sport;
  o.dport = t.dport;
  o.type = t.type;
  o.code = t.code;
  return o;
}

/** A tuple of a new entry: its own literal site, whose objects all live on (see Conn). */
function entryTuple(t: Tuple): Tuple {
  return { src: t.src, dst: t.dst, proto: t.proto, sport: t.sport, dport: t.dport, type: t.type, code: t.code };
}

/** nf_conntrack_tuple_hash: an entry seen from one direction. */
interface TupleHash {
  ct: Conn;
  dir: number;
}

/** A recorded event (what ctnetlink would report), with the entry's state at that time. */
export interface CtEvent {
  type: "NEW" | "UPDATE" | "DESTROY";
  orig: Tuple;
  reply: Tuple;
  status: number;
  /** Seconds left, or undefined when ctnetlink leaves the timeout out (DESTROY of an expired entry). */
  timeout: number | undefined;
  tcpState: number | undefined;
  mark: number;
  zone: Zone;
  counters: Array<{ packets: number; bytes: number }> | null;
  /** Deleted by a userspace request (conntrack -D/-F): printed as [USERSPACE]. */
  userspace: boolean;
  id: number;
}

/** What `conntrack -I` asks ctnetlink to create (IPv4; the tool has checked the options). */
export interface CreateRequest {
  orig: Tuple;
  reply: Tuple;
  /** CTA_TIMEOUT, seconds (a u32). */
  timeoutSecs: number;
  /** CTA_STATUS, when given. */
  status?: number;
  mark?: number;
  zone: Zone;
  tcpState?: number;
  /** CTA_PROTOINFO_TCP_FLAGS_ORIGINAL and _REPLY (the same for both: what the tool sends). */
  tcpFlags?: number;
  /** CTA_NAT_SRC / CTA_NAT_DST, when given. */
  snat?: NatRange2;
  dnat?: NatRange2;
}

/** Errors of createEntry() (errno values). */
export const EBUSY = 16;
export const EEXIST = 17;
export const EINVAL = 22;
export const ENOMEM = 12;

/** CONFIG_HZ of the reference kernel (a timeout past INT_MAX jiffies shows it: 8589934 s). */
const KERNEL_HZ = 250;

/** IPS_UNCHANGEABLE_MASK: bits a status from userspace cannot change. */
const IPS_UNCHANGEABLE_MASK =
  IPS_NAT_DONE_MASK |
  IPS_NAT_MASK |
  IPS_EXPECTED |
  IPS_CONFIRMED |
  IPS_DYING |
  IPS_SEQ_ADJUST |
  IPS_TEMPLATE |
  IPS_NAT_CLASH | // IPS_UNTRACKED, the same bit
  IPS_OFFLOAD |
  IPS_HW_OFFLOAD;

export interface ConntrackOptions {
  ruleset: () => Ruleset;
  net: () => NetConfig;
  rng: Rng;
  /** Kernel log (printk). */
  log?: (level: number, line: string) => void;
  /** Per-host shared state: the instance registers itself under CONNTRACK_KEY for extensions. */
  shared?: Map<string, unknown>;
}

export const CONNTRACK_KEY = "conntrack";

/** Unread conntrack events kept (older ones are dropped). */
const EVENTS_KEPT = 10000;
/** Dead entries kept for reuse at most. */
const FREE_KEPT = 1 << 16;

const EV_NEW = 0;
const EV_UPDATE = 1;
const EV_DESTROY = 2;
const EV_NAMES: readonly CtEvent["type"][] = ["NEW", "UPDATE", "DESTROY"];

/**
 * The last EVENTS_KEPT events, as numbers in a ring: an event keeps its entry (whose tuples and
 * zone no longer change once confirmed) and the fields that do change; the CtEvent objects are
 * made when someone reads them (conntrack -E, the state file). Loaded events stay objects.
 */
class EventRing {
  /** `release` is told of an entry no event of the ring reads any more. */
  constructor(private readonly release: (ct: Conn) => void) {}

  private readonly cts: Array<Conn | null> = new Array(EVENTS_KEPT).fill(null);
  private readonly objs: Array<CtEvent | null> = new Array(EVENTS_KEPT).fill(null);
  private readonly counters: Array<CtEvent["counters"]> = new Array(EVENTS_KEPT).fill(null);
  /** type | userspace << 2 | (tcp state + 1) << 3 */
  private readonly info = new Int32Array(EVENTS_KEPT);
  private readonly status = new Int32Array(EVENTS_KEPT);
  private readonly mark = new Uint32Array(EVENTS_KEPT);
  /** Seconds left; NaN when ctnetlink leaves the timeout out. */
  private readonly timeout = new Float64Array(EVENTS_KEPT);
  /** Index of the oldest event and how many there are. */
  private start = 0;
  private n = 0;

  private slot(): number {
    if (this.n < EVENTS_KEPT) return (this.start + this.n++) % EVENTS_KEPT;
    const i = this.start;
    this.start = (this.start + 1) % EVENTS_KEPT;
    return i;
  }

  push(ct: Conn, type: number, timeout: number, userspace: boolean): void {
    const i = this.slot();
    const old = this.cts[i];
    if (old && --old.ringRefs === 0) this.release(old);
    this.cts[i] = ct;
    ct.ringRefs++;
    this.objs[i] = null;
    this.info[i] = type | (userspace ? 4 : 0) | ((ct.tcp ? ct.tcp.state + 1 : 0) << 3);
    this.status[i] = ct.status;
    this.mark[i] = ct.mark;
    this.timeout[i] = timeout;
    this.counters[i] = ct.counters ? ct.counters.map((c) => ({ ...c })) : null;
  }

  clear(): void {
    for (let i = 0; i < EVENTS_KEPT; i++) {
      const ct = this.cts[i];
      if (ct && --ct.ringRefs === 0) this.release(ct);
    }
    this.cts.fill(null);
    this.objs.fill(null);
    this.counters.fill(null);
    this.start = 0;
    this.n = 0;
  }

  /** Events read back from the state file (the last EVENTS_KEPT of them). */
  load(events: readonly CtEvent[]): void {
    this.clear();
    for (let k = Math.max(0, events.length - EVENTS_KEPT); k < events.length; k++) {
      const i = this.slot();
      this.cts[i] = null;
      this.objs[i] = events[k]!;
    }
  }

  materialize(): CtEvent[] {
    const out: CtEvent[] = [];
    for (let k = 0; k < this.n; k++) {
      const i = (this.start + k) % EVENTS_KEPT;
      const obj = this.objs[i];
      if (obj) {
        out.push(obj);
        continue;
      }
      const ct = this.cts[i]!;
      const info = this.info[i]!;
      const t = this.timeout[i]!;
      const tcp = info >> 3;
      out.push({
        type: EV_NAMES[info & 3]!,
        orig: { ...ct.orig },
        reply: { ...ct.reply },
        status: this.status[i]!,
        timeout: Number.isNaN(t) ? undefined : t,
        tcpState: tcp === 0 ? undefined : tcp - 1,
        mark: this.mark[i]!,
        zone: { ...ct.zone },
        counters: this.counters[i]!,
        userspace: (info & 4) !== 0,
        id: ct.id,
      });
    }
    return out;
  }
}

/** find_appropriate_src()'s key: protocol, source address and port of an original tuple. */
function sourceKey(proto: number, src: number, sport: number): number {
  let h = Math.imul(src ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ ((proto << 16) | sport), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & 0x3fffffff;
}

/** Extensions whose checkentry calls nf_ct_netns_get() (verified on Linux 6.18: see test/conntrack.test.ts). */
const CT_MATCH_USERS = new Set([
  "state",
  "conntrack",
  "connmark",
  "connlimit",
  "connbytes",
  "connlabel",
  "helper",
  "cluster",
]);
const CT_TARGET_USERS = new Set([
  "CONNMARK",
  "CONNSECMARK",
  "SNAT",
  "DNAT",
  "MASQUERADE",
  "REDIRECT",
  "NETMAP",
  "SYNPROXY",
]);
const XT_CT_NOTRACK = 1;

interface Usage {
  active: boolean;
  labels: boolean;
  acct: boolean;
}

const SEC = 1_000_000_000;

/** Kernel defaults for the timeout sysctls the host may not list. */
const DEFAULT_TIMEOUTS: Readonly<Record<string, number>> = {
  nf_conntrack_tcp_timeout_syn_sent: 120,
  nf_conntrack_tcp_timeout_syn_recv: 60,
  nf_conntrack_tcp_timeout_established: 432000,
  nf_conntrack_tcp_timeout_fin_wait: 120,
  nf_conntrack_tcp_timeout_close_wait: 60,
  nf_conntrack_tcp_timeout_last_ack: 30,
  nf_conntrack_tcp_timeout_time_wait: 120,
  nf_conntrack_tcp_timeout_close: 10,
  nf_conntrack_tcp_timeout_max_retrans: 300,
  nf_conntrack_tcp_timeout_unacknowledged: 300,
  nf_conntrack_udp_timeout: 30,
  nf_conntrack_udp_timeout_stream: 120,
  nf_conntrack_icmp_timeout: 30,
  nf_conntrack_generic_timeout: 600,
  nf_conntrack_tcp_loose: 1,
  nf_conntrack_tcp_be_liberal: 0,
  nf_conntrack_tcp_max_retrans: 3,
  nf_conntrack_tcp_ignore_invalid_rst: 0,
  nf_conntrack_max: 65536,
  nf_conntrack_acct: 0,
};

const TCP_TIMEOUT_SYSCTL = [
  "",
  "syn_sent",
  "syn_recv",
  "established",
  "fin_wait",
  "close_wait",
  "last_ack",
  "time_wait",
  "close",
  "syn_sent",
  "",
  "",
  "max_retrans",
  "unacknowledged",
];

const NF_DROP = 0;
const NF_ACCEPT = 1;
const NF_REPEAT = 4;

/** The twin's connection tracking table and trackers. */
export class Conntrack implements ConntrackHooks {
  /**
   * The hash of confirmed entries (nf_conntrack_hash), on typed arrays: each entry has a slot and a
   * node per direction (slot * 2 + dir) holding its tuple's tupleHash() and the next node of its
   * bucket's chain (-1 ends it; chains keep insertion order), side by side in `nodes` (node n at
   * 2n and 2n + 1: one cache line for both). Only a node whose hash is the one sought leads to its
   * entry (slotCt) and a tupleEqual().
   */
  private buckets = new Int32Array(1024).fill(-1);
  private nodes = new Int32Array(4096);
  private slotCt: Array<Conn | null> = [];
  private freeSlots: number[] = [];
  /** Confirmed entries in insertion order: a list through Conn.older / Conn.newer. */
  private oldest: Conn | null = null;
  private newest: Conn | null = null;
  private size = 0;
  /** Direction of the entry the last lookup() found. */
  private hitDir = 0;
  /**
   * find_appropriate_src()'s index (nf_nat_bysource): per slot s the sourceKey() of the entry's
   * original tuple (srcNodes[2s]) and the next slot of its chain (srcNodes[2s + 1]), newest first
   * (entries are added at the head).
   */
  private srcBuckets = new Int32Array(1024).fill(-1);
  private srcNodes = new Int32Array(4096);
  /** sysctl() values, valid while the NetConfig and its generation are the same. */
  private readonly sysCache = new Map<string, number>();
  private sysNet: NetConfig | null = null;
  private sysGen = -1;
  /** tcpTimeout() per TCP state, in ns (-1: not read yet), valid with sysCache. */
  private readonly tcpTimeouts: number[] = [];
  /** Recorded events, newest last: a ring of EVENTS_KEPT (see EventRing). */
  private events = new EventRing((ct) => this.release(ct));
  /**
   * Dead entries to make new ones of (the nf_conn slab's free objects): an entry joins when it has
   * left the table and neither an event of the ring nor a waiting packet reads it any more. Reusing
   * them spares V8 a fresh object, the page faults of fresh memory and the collector's work.
   */
  private readonly free: Conn[] = [];
  private usageCache: { tables: unknown[]; usage: Usage } | null = null;
  private lastNow = 0;
  /** The NAT engine bound to this table (set by its constructor). */
  nat: Nat | null = null;
  /** Statistics of conntrack -S (per cpu in the kernel; one cpu here). */
  readonly stats = {
    found: 0,
    invalid: 0,
    insert: 0,
    insert_failed: 0,
    drop: 0,
    early_drop: 0,
    error: 0,
    search_restart: 0,
    clash_resolve: 0,
    chaintoolong: 0,
  };

  constructor(readonly opts: ConntrackOptions) {
    opts.shared?.set(CONNTRACK_KEY, this);
  }

  // ---- configuration ----
  sysctl(name: string): number {
    const net = this.opts.net();
    if (net !== this.sysNet || net.gen !== this.sysGen) {
      // any sysctl write bumps the generation: drop what was read before
      this.sysCache.clear();
      this.tcpTimeouts.length = 0;
      this.hotValid = false;
      this.sysNet = net;
      this.sysGen = net.gen;
    }
    const hit = this.sysCache.get(name);
    if (hit !== undefined) return hit;
    const v = net.sysctlRead(["net", "netfilter", name]);
    const n = v === undefined ? (DEFAULT_TIMEOUTS[name] ?? 0) : Number.parseInt(v, 10);
    this.sysCache.set(name, n);
    return n;
  }

  /** The sysctls every new TCP entry reads, as fields (valid with sysCache; see hot()). */
  private hotValid = false;
  private hotMax = 0;
  private hotAcct = 0;
  private hotLiberal = 0;
  private hotRetrans = 0;

  /** Makes the hot* fields current (a generation compare when they are). */
  private hot(): void {
    const net = this.opts.net();
    if (this.hotValid && net === this.sysNet && net.gen === this.sysGen) return;
    this.hotMax = this.sysctl("nf_conntrack_max");
    this.hotAcct = this.sysctl("nf_conntrack_acct");
    this.hotLiberal = this.sysctl("nf_conntrack_tcp_be_liberal");
    this.hotRetrans = this.sysctl("nf_conntrack_tcp_max_retrans");
    this.hotValid = true;
  }

  private timeoutSecs(name: string): number {
    return this.sysctl(name);
  }

  private tcpTimeout(state: number): number {
    if (state === TCP_CONNTRACK_SYN_SENT2) return 120 * SEC;
    const net = this.opts.net();
    const hit = net === this.sysNet && net.gen === this.sysGen ? this.tcpTimeouts[state] : undefined;
    if (hit !== undefined) return hit;
    // the name is built once per state and generation, not per packet
    const v = this.timeoutSecs(`nf_conntrack_tcp_timeout_${TCP_TIMEOUT_SYSCTL[state]}`) * SEC;
    this.tcpTimeouts[state] = v;
    return v;
  }

  /** What the committed rules ask of conntrack (nf_ct_netns_get users, labels, accounting). */
  private usage(): Usage {
    const rs = this.opts.ruleset();
    const c = this.usageCache;
    if (c && c.tables.length === rs.tables.size) {
      // the same table objects as last time: nothing was committed since (no array built per packet)
      let i = 0;
      let same = true;
      for (const t of rs.tables.values()) {
        if (t !== c.tables[i++]) {
          same = false;
          break;
        }
      }
      if (same) return c.usage;
    }
    const tables = [...rs.tables.values()];
    const usage: Usage = { active: false, labels: false, acct: false };
    for (const t of tables) {
      if (!t.exists) continue;
      for (const ch of t.chains.values()) {
        for (const r of ch.rules) {
          for (const m of r.matches) {
            if (CT_MATCH_USERS.has(m.ext.name)) usage.active = true;
            if (m.ext.name === "connlabel") usage.labels = true;
            if (m.ext.name === "connbytes") usage.acct = true;
          }
          const tg = r.target?.ext.name;
          if (tg && CT_TARGET_USERS.has(tg)) usage.active = true;
          if ((tg === "CT" || tg === "NOTRACK") && !((r.target!.data as { flags: number }).flags & XT_CT_NOTRACK))
            usage.active = true;
        }
      }
    }
    // xt_connbytes checkentry: "Forcing CT accounting to be enabled" sets the sysctl for good.
    if (usage.acct && this.sysctl("nf_conntrack_acct") === 0)
      this.opts.net().sysctlWrite(["net", "netfilter", "nf_conntrack_acct"], "1");
    this.usageCache = { tables, usage };
    return usage;
  }

  active(): boolean {
    return this.usage().active;
  }

  /** An entry no event reads any more: onto the free list if it is dead and nothing else holds it. */
  private release(ct: Conn): void {
    if (
      ct.owner === this &&
      ct.slot < 0 &&
      ct.status & IPS_DYING &&
      ct.refs === 0 &&
      !(ct.status & IPS_TEMPLATE) &&
      this.free.length < FREE_KEPT
    )
      this.free.push(ct);
  }

  // ---- the table ----
  /** Adds a confirmed entry: a slot, its two hash nodes (each at its bucket's tail), the source index. */
  private hashAdd(ct: Conn): void {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.slotCt.length;
      this.slotCt.push(null);
      if ((slot * 2 + 2) * 2 > this.nodes.length) this.growNodes();
    }
    this.slotCt[slot] = ct;
    ct.slot = slot;
    for (let dir = 0; dir < 2; dir++) this.linkNode(slot * 2 + dir, tupleHash(ct.tupleOf(dir)));
    const o = ct.orig;
    this.linkSource(slot, sourceKey(o.proto, o.src, o.sport));
    if (this.size * 2 > this.buckets.length) this.rehash(this.buckets.length * 2);
  }

  private linkSource(slot: number, key: number): void {
    const b = key & (this.srcBuckets.length - 1);
    this.srcNodes[2 * slot] = key;
    this.srcNodes[2 * slot + 1] = this.srcBuckets[b]!;
    this.srcBuckets[b] = slot;
  }

  private unlinkSource(slot: number): void {
    unlinkChained(this.srcBuckets, this.srcNodes, slot);
  }

  private linkNode(node: number, h: number): void {
    const nodes = this.nodes;
    nodes[2 * node] = h;
    nodes[2 * node + 1] = -1;
    const b = h & (this.buckets.length - 1);
    let n = this.buckets[b]!;
    if (n < 0) {
      this.buckets[b] = node;
      return;
    }
    while (nodes[2 * n + 1]! >= 0) n = nodes[2 * n + 1]!;
    nodes[2 * n + 1] = node;
  }

  private unlinkNode(node: number): void {
    unlinkChained(this.buckets, this.nodes, node);
  }

  private growNodes(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.nodes = grow(this.nodes);
    this.srcNodes = grow(this.srcNodes);
  }

  /** New bucket arrays; entries go back in insertion order, so that each chain keeps its order. */
  private rehash(nbuckets: number): void {
    this.buckets = new Int32Array(nbuckets).fill(-1);
    this.srcBuckets = new Int32Array(nbuckets).fill(-1);
    for (let ct = this.oldest; ct; ct = ct.newer) {
      const slot = ct.slot;
      this.linkNode(slot * 2, this.nodes[slot * 4]!);
      this.linkNode(slot * 2 + 1, this.nodes[slot * 4 + 2]!);
      this.linkSource(slot, this.srcNodes[slot * 2]!);
    }
  }

  private hashDel(ct: Conn): void {
    const slot = ct.slot;
    if (slot < 0) return;
    this.unlinkNode(slot * 2);
    this.unlinkNode(slot * 2 + 1);
    this.unlinkSource(slot);
    this.slotCt[slot] = null;
    this.freeSlots.push(slot);
    ct.slot = -1;
  }

  /**
   * __nf_conntrack_find_get(): the live entry with this tuple in `zone` (expired ones met are
   * reaped), or null; its direction is left in hitDir. No object is made.
   */
  private lookup(t: Tuple, zone: Zone, now: number): Conn | null {
    const h = tupleHash(t);
    const nodes = this.nodes;
    for (let n = this.buckets[h & (this.buckets.length - 1)]!; n >= 0; n = nodes[2 * n + 1]!) {
      if (nodes[2 * n] !== h) continue;
      const ct = this.slotCt[n >> 1]!;
      const dir = n & 1;
      if (!tupleEqual(ct.tupleOf(dir), t)) continue;
      if (this.expired(ct, now)) {
        this.expire(ct);
        return this.lookup(t, zone, now);
      }
      if (zoneIdFor(ct.zone, dir) === zoneIdFor(zone, dir)) {
        this.hitDir = dir;
        return ct;
      }
    }
    return null;
  }

  /** __nf_conntrack_find_get(): a live entry with this tuple in `zone` (expired ones are reaped). */
  find(t: Tuple, zone: Zone, now: number = this.lastNow): TupleHash | undefined {
    const ct = this.lookup(t, zone, now);
    return ct ? { ct, dir: this.hitDir } : undefined;
  }

  /** nf_conntrack_tuple_taken(): another confirmed entry already uses `t` (in the zone of `ignored`). */
  tupleTaken(t: Tuple, ignored: Conn): boolean {
    const h = tupleHash(t);
    const nodes = this.nodes;
    for (let n = this.buckets[h & (this.buckets.length - 1)]!; n >= 0; n = nodes[2 * n + 1]!) {
      if (nodes[2 * n] !== h) continue;
      const ct = this.slotCt[n >> 1]!;
      const dir = n & 1;
      if (ct === ignored) continue;
      if (!tupleEqual(ct.tupleOf(dir), t)) continue;
      if (this.expired(ct, this.lastNow)) {
        this.expire(ct);
        // the chain changed: look again (what was passed does not match, and still does not)
        return this.tupleTaken(t, ignored);
      }
      if (zoneIdFor(ct.zone, dir) !== zoneIdFor(ignored.zone, dir)) continue;
      if (tupleEqual(ignored.orig, ct.orig) && zoneIdFor(ct.zone, 0) === zoneIdFor(ignored.zone, 0)) continue;
      return true;
    }
    return false;
  }

  /**
   * Confirmed live entries whose original tuple has this protocol, source and source port, newest
   * first (find_appropriate_src()'s walk of nf_nat_bysource); expired ones are reaped, not listed.
   */
  sameSource(proto: number, src: number, sport: number): Conn[] {
    const key = sourceKey(proto, src, sport);
    const out: Conn[] = [];
    const srcNodes = this.srcNodes;
    for (let s = this.srcBuckets[key & (this.srcBuckets.length - 1)]!; s >= 0; s = srcNodes[2 * s + 1]!) {
      if (srcNodes[2 * s] !== key) continue;
      const ct = this.slotCt[s]!;
      const o = ct.orig;
      if (o.proto === proto && o.src === src && o.sport === sport) out.push(ct);
    }
    // reaped after the walk (removing changes the chain)
    let w = 0;
    for (let i = 0; i < out.length; i++) {
      const ct = out[i]!;
      if (this.expired(ct, this.lastNow)) this.expire(ct);
      else out[w++] = ct;
    }
    out.length = w;
    return out;
  }

  private expired(ct: Conn, now: number): boolean {
    return ct.isConfirmed() && ct.timeout - now <= 0;
  }

  private expire(ct: Conn): void {
    this.remove(ct, false);
  }

  /** nf_ct_delete(): out of the table, with a DESTROY event. */
  remove(ct: Conn, userspace: boolean): void {
    if (ct.slot < 0) {
      ct.status |= IPS_DYING;
      return;
    }
    this.unlist(ct);
    this.hashDel(ct);
    ct.status |= IPS_DYING;
    this.record(ct, EV_DESTROY, userspace);
  }

  private enlist(ct: Conn): void {
    ct.older = this.newest;
    ct.newer = null;
    if (this.newest) this.newest.newer = ct;
    else this.oldest = ct;
    this.newest = ct;
    this.size++;
  }

  private unlist(ct: Conn): void {
    if (ct.older) ct.older.newer = ct.newer;
    else this.oldest = ct.newer;
    if (ct.newer) ct.newer.older = ct.older;
    else this.newest = ct.older;
    ct.older = ct.newer = null;
    this.size--;
  }

  /** Confirmed entries in insertion order (expired ones included). */
  private all(): Conn[] {
    const out: Conn[] = [];
    for (let ct = this.oldest; ct; ct = ct.newer) out.push(ct);
    return out;
  }

  /** Reaps expired entries (the kernel's gc worker, run lazily). */
  gc(now: number): void {
    this.lastNow = Math.max(this.lastNow, now);
    for (let ct = this.oldest; ct; ) {
      const next = ct.newer;
      if (this.expired(ct, now)) this.expire(ct);
      ct = next;
    }
  }

  /** Live entries in insertion order. */
  entries(now: number = this.lastNow): Conn[] {
    this.gc(now);
    return this.all();
  }

  count(now: number = this.lastNow): number {
    this.gc(now);
    return this.size;
  }

  flush(userspace = true): number {
    const all = this.all();
    for (const ct of all) this.remove(ct, userspace);
    return all.length;
  }

  /** Events recorded since the previous call (what `conntrack -E` would have printed). */
  takeEvents(): CtEvent[] {
    const e = this.events.materialize();
    this.events.clear();
    return e;
  }

  peekEvents(): readonly CtEvent[] {
    return this.events.materialize();
  }

  /** Flushes the entries MASQUERADE bound to `dev` (device down / address removed). */
  flushMasquerade(dev: string): void {
    for (const ct of this.all()) if (ct.masqDev === dev) this.remove(ct, false);
  }

  /**
   * An event (what ctnetlink would report) with the entry's state now. Only what changes is copied;
   * the tuples and zone of a confirmed entry do not, and are read when the event is (EventRing).
   */
  private record(ct: Conn, type: number, userspace = false): void {
    if (ct.isTemplate()) return;
    let timeout: number;
    const now = this.lastNow;
    if (type === EV_DESTROY) {
      const left = Math.floor(ct.expiresNs(now) / SEC);
      timeout = left === 0 ? Number.NaN : left;
    } else {
      timeout = ct.isConfirmed() ? Math.floor(ct.expiresNs(now) / SEC) : Math.floor(ct.timeout / SEC);
    }
    this.events.push(ct, type, timeout, userspace);
  }

  /** nf_conntrack_event_cache() */
  eventCache(ct: Conn, ev: number): void {
    ct.ecache |= 1 << ev;
  }

  /** nf_ct_deliver_cached_events() */
  private deliver(ct: Conn): void {
    const ev = ct.ecache;
    ct.ecache = 0;
    if (!ev || ct.status & IPS_DYING) return;
    if (ev & ((1 << IPCT_NEW) | (1 << IPCT_RELATED))) this.record(ct, EV_NEW);
    else this.record(ct, EV_UPDATE);
  }

  // ---- timeouts and accounting ----
  /** nf_ct_refresh_acct() */
  private refreshAcct(ct: Conn, ctinfo: number, p: Packet, extraNs: number, now: number): void {
    if (!(ct.status & IPS_FIXED_TIMEOUT)) ct.timeout = ct.isConfirmed() ? now + extraNs : extraNs;
    this.acct(ct, ctinfo, p);
  }

  private acct(ct: Conn, ctinfo: number, p: Packet): void {
    if (!ct.counters) return;
    const c = ct.counters[ctinfoDir(ctinfo)]!;
    c.packets++;
    c.bytes += wireLen(p);
  }

  /** nf_ct_kill_acct() */
  private killAcct(ct: Conn, ctinfo: number, p: Packet): void {
    this.acct(ct, ctinfo, p);
    this.remove(ct, false);
  }

  // ---- the packet path ----
  private nextId(): number {
    return this.opts.rng.next32();
  }

  /** A CT target template (zone, helper); the rule holds one for its lifetime. */
  static template(zone: Zone, zoneFromMark: boolean, helper: string): Conn {
    const z: Tuple = {
      src: 0,
      dst: 0,
      proto: 0,
      sport: 0,
      dport: 0,
      type: 0,
      code: 0,
    };
    const t = newConn(null, z, { ...z }, 0);
    t.status = IPS_TEMPLATE | IPS_CONFIRMED;
    t.zone = zone;
    t.zoneFromMark = zoneFromMark;
    t.helper = helper;
    return t;
  }

  /** nf_ct_zone_tmpl() */
  private zoneOf(tmpl: Conn | null, p: Packet): Zone {
    if (!tmpl) return DEFAULT_ZONE;
    if (tmpl.zoneFromMark) return { id: p.mark & 0xffff, dir: tmpl.zone.dir };
    return tmpl.zone;
  }

  /** nf_conntrack_in() at PREROUTING or OUTPUT. */
  in(p: Packet, hook: number, nowNs: number): boolean {
    this.lastNow = Math.max(this.lastNow, nowNs);
    const now = nowNs;
    const cur = p.ct as Conn | null;
    if (cur || p.ctinfo === IP_CT_UNTRACKED) {
      // previously seen (loopback) or untracked
      if ((cur && !cur.isTemplate()) || p.ctinfo === IP_CT_UNTRACKED) return true;
    }
    const tmpl = cur?.isTemplate() ? cur : null;
    p.ct = null;
    p.ctinfo = 0;
    // nf_defrag_ipv4 ran first (src/engine/defrag.ts): a fragment it let by has no transport
    // header at a non-zero offset (ipv4_get_l4proto(): invalid, accepted); a first one is tracked.
    if (p.isFragment()) {
      this.stats.invalid++;
      return true;
    }
    if (p.proto === IPPROTO_ICMP) {
      const r = this.icmpError(tmpl, p, hook);
      if (r === "invalid") {
        this.stats.invalid++;
        return true;
      }
      if (r === "related") return true;
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = this.resolveNormal(tmpl, p, now);
      if (res === "drop") {
        this.stats.drop++;
        return false;
      }
      const ct = p.ct as Conn | null;
      if (!ct) {
        this.stats.invalid++;
        return true;
      }
      const v = this.handlePacket(ct, p, p.ctinfo, hook, now);
      if (v <= 0) {
        p.ct = null;
        p.ctinfo = 0;
        if (v === -NF_REPEAT) continue;
        this.stats.invalid++;
        if (v === NF_DROP) {
          this.stats.drop++;
          return false;
        }
        return true;
      }
      if (p.ctinfo === IP_CT_ESTABLISHED_REPLY && !(ct.status & IPS_SEEN_REPLY)) {
        ct.status |= IPS_SEEN_REPLY;
        this.eventCache(ct, IPCT_REPLY);
      }
      return true;
    }
    return true;
  }

  /** nf_conntrack_icmpv4_error(): ICMP errors become RELATED to the connection they quote. */
  private icmpError(tmpl: Conn | null, p: Packet, _hook: number): "invalid" | "related" | "normal" {
    if (wireLen(p) - p.ihl < 8) return "invalid";
    if (p.icmpType > 18) return "invalid";
    const t = p.icmpType;
    if (!(t === 3 || t === 4 || t === 5 || t === 11 || t === 12)) return "normal";
    const inner = p.inner;
    // bytes quoted after the ICMP header (innerLen counts from the quoted IP header on or after it,
    // depending on who built the packet; the outer length says it for all)
    const quoted = wireLen(p) - p.ihl - 8;
    if (!inner || quoted < inner.ihl + 8) return "invalid";
    const orig = packetTuple(inner);
    if (!orig) return "invalid";
    const innertuple = invertTuple(orig);
    if (!innertuple) return "invalid";
    const zone = this.zoneOf(tmpl, p);
    const h = this.find(innertuple, zone);
    if (!h) return "invalid";
    const ctDaddr = h.ct.tupleOf(h.dir).dst;
    if (ctDaddr !== p.dst >>> 0) return "invalid";
    p.ct = h.ct;
    p.ctinfo = h.dir === IP_CT_DIR_REPLY ? IP_CT_RELATED_REPLY : IP_CT_RELATED;
    return "related";
  }

  /** resolve_normal_ct() */
  private resolveNormal(tmpl: Conn | null, p: Packet, now: number): "ok" | "drop" {
    // looked up in a scratch tuple: a tuple is only made for a new entry
    const t = packetTupleInto(SCRATCH, p);
    const zone = this.zoneOf(tmpl, p);
    const found = this.lookup(t, zone, now);
    if (!found) {
      const reply = invertTupleInto(SCRATCH_REPLY, t);
      if (!reply) return "ok";
      this.hot();
      const max = this.hotMax;
      if (max && this.size + 1 > max) {
        this.opts.log?.(4, "nf_conntrack: nf_conntrack: table full, dropping packet");
        return "drop";
      }
      const usage = this.usage();
      const id = this.nextId();
      const dead = this.free.pop();
      const ct = dead ? dead.recycle(this, t, reply, id) : newConn(this, entryTuple(t), entryTuple(reply), id);
      ct.zone = zone === DEFAULT_ZONE ? DEFAULT_ZONE : { ...zone };
      if (tmpl?.helper) ct.helper = tmpl.helper;
      if (usage.labels) ct.labels = 0n;
      this.hot();
      if (this.hotAcct)
        ct.counters = [
          { packets: 0, bytes: 0 },
          { packets: 0, bytes: 0 },
        ];
      p.ct = ct;
      p.ctinfo = IP_CT_NEW;
      return "ok";
    }
    const ct = found;
    if (this.hitDir === IP_CT_DIR_REPLY) p.ctinfo = IP_CT_ESTABLISHED_REPLY;
    else if (ct.status & IPS_SEEN_REPLY) p.ctinfo = IP_CT_ESTABLISHED;
    else if (ct.status & IPS_EXPECTED) p.ctinfo = IP_CT_RELATED;
    else p.ctinfo = IP_CT_NEW;
    p.ct = ct;
    this.stats.found++;
    return "ok";
  }

  /** nf_conntrack_handle_packet(): >0 accept, -NF_ACCEPT invalid, -NF_REPEAT reopen, NF_DROP drop. */
  private handlePacket(ct: Conn, p: Packet, ctinfo: number, hook: number, now: number): number {
    switch (ct.proto) {
      case IPPROTO_TCP:
        return this.tcpPacket(ct, p, ctinfo, hook, now);
      case IPPROTO_UDP:
      case IPPROTO_UDPLITE:
        return this.udpPacket(ct, p, ctinfo, now);
      case IPPROTO_ICMP:
        return this.icmpPacket(ct, p, ctinfo, now);
      case IPPROTO_SCTP:
        if (sctpInvalid(ct, p, hook === 0 /* NF_INET_PRE_ROUTING */ && this.sysctl("nf_conntrack_checksum") !== 0))
          return -NF_ACCEPT;
        this.refreshAcct(ct, ctinfo, p, this.timeoutSecs("nf_conntrack_generic_timeout") * SEC, now);
        return NF_ACCEPT;
      default:
        this.refreshAcct(ct, ctinfo, p, this.timeoutSecs("nf_conntrack_generic_timeout") * SEC, now);
        return NF_ACCEPT;
    }
  }

  private udpPacket(ct: Conn, p: Packet, ctinfo: number, now: number): number {
    const l4len = wireLen(p) - p.ihl;
    if (l4len < 8) return -NF_ACCEPT;
    // udplite_error(): invalid (no entry) without a checksum or with a bad coverage
    if (ct.proto === IPPROTO_UDPLITE && udpliteHeaderBad(p, l4len)) return -NF_ACCEPT;
    const status = ct.status;
    if (!(status & IPS_CONFIRMED)) ct.udpStreamTs = now + 2 * SEC;
    if (status & IPS_SEEN_REPLY) {
      let extra = this.timeoutSecs("nf_conntrack_udp_timeout") * SEC;
      let stream = false;
      // still active after two seconds? then it is a stream
      if (now > ct.udpStreamTs) {
        extra = this.timeoutSecs("nf_conntrack_udp_timeout_stream") * SEC;
        stream = (status & IPS_ASSURED) === 0;
      }
      this.refreshAcct(ct, ctinfo, p, extra, now);
      if (status & IPS_NAT_CLASH) return NF_ACCEPT;
      if (stream && !(ct.status & IPS_ASSURED)) {
        ct.status |= IPS_ASSURED;
        this.eventCache(ct, IPCT_ASSURED);
      }
    } else {
      this.refreshAcct(ct, ctinfo, p, this.timeoutSecs("nf_conntrack_udp_timeout") * SEC, now);
    }
    return NF_ACCEPT;
  }

  private icmpPacket(ct: Conn, p: Packet, ctinfo: number, now: number): number {
    const t = ct.orig.type;
    // only requests can create a "connection"
    if (!(t === 8 || t === 13 || t === 15 || t === 17)) return -NF_ACCEPT;
    this.refreshAcct(ct, ctinfo, p, this.timeoutSecs("nf_conntrack_icmp_timeout") * SEC, now);
    return NF_ACCEPT;
  }

  // ---- TCP (nf_conntrack_proto_tcp.c) ----
  private tcpPacket(ct: Conn, p: Packet, ctinfo: number, hook: number, now: number): number {
    const len = wireLen(p);
    const doff = p.l4HeaderLen;
    if (len - p.ihl < 20 || len - p.ihl < doff) return -NF_ACCEPT; // truncated packet
    const fl = p.tcpFlags;
    if (!tcpValidFlags(fl & ~(0x40 | 0x80 | 0x08))) return -NF_ACCEPT; // invalid tcp flag combination
    void hook;
    if (!ct.isConfirmed() && !this.tcpNew(ct, p)) return -NF_ACCEPT;
    const tcp = ct.tcp!;
    let oldState = tcp.state;
    const dir = ctinfoDir(ctinfo);
    const index = conntrackIndex(fl);
    let newState = TCP_CONNTRACK_TCP(dir, index, oldState);
    const seq = p.seq >>> 0;
    const ackSeq = p.ack >>> 0;
    let skipWindow = false;

    switch (newState) {
      case TCP_CONNTRACK_SYN_SENT:
        if (oldState < TCP_CONNTRACK_TIME_WAIT) break;
        if (
          (tcp.flags0 | tcp.flags1) & IP_CT_TCP_FLAG_CLOSE_INIT ||
          (tcp.lastDir === dir && tcp.lastIndex === TCP_RST_SET)
        ) {
          // reopening a closed/aborted connection: delete it and look up again
          this.remove(ct, false);
          return -NF_REPEAT;
        }
        if (!this.tcpIgnored(tcp, p, dir, index, oldState)) return NF_ACCEPT;
        oldState = TCP_CONNTRACK_SYN_SENT;
        newState = TCP_CONNTRACK_SYN_RECV;
        break;
      case sIG:
        if (!this.tcpIgnored(tcp, p, dir, index, oldState)) return NF_ACCEPT;
        oldState = TCP_CONNTRACK_SYN_SENT;
        newState = TCP_CONNTRACK_SYN_RECV;
        break;
      case sIV:
        return -NF_ACCEPT;
      case TCP_CONNTRACK_TIME_WAIT:
        if (
          oldState === TCP_CONNTRACK_LAST_ACK &&
          index === TCP_ACK_SET &&
          tcp.lastDir !== dir &&
          tcp.lastIndex === TCP_SYN_SET &&
          tcp.lastFlags & IP_CT_EXP_CHALLENGE_ACK
        ) {
          tcp.lastFlags &= ~IP_CT_EXP_CHALLENGE_ACK;
          return NF_ACCEPT; // challenge ACK ignored
        }
        break;
      case TCP_CONNTRACK_SYN_SENT2:
        tcp.lastFlags |= IP_CT_TCP_SIMULTANEOUS_OPEN;
        break;
      case TCP_CONNTRACK_SYN_RECV:
        if (dir === IP_CT_DIR_REPLY && index === TCP_ACK_SET && tcp.lastFlags & IP_CT_TCP_SIMULTANEOUS_OPEN)
          newState = TCP_CONNTRACK_ESTABLISHED;
        break;
      case TCP_CONNTRACK_CLOSE: {
        if (index !== TCP_RST_SET) break;
        if (tcpCanEarlyDrop(tcp.state)) {
          skipWindow = true;
          break;
        }
        const other = loadSeen(SEEN_A, tcp, 1 - dir);
        if (other.flags & IP_CT_TCP_FLAG_MAXACK_SET && tcp.lastIndex !== TCP_SYN_SET) {
          const established = tcp.state === TCP_CONNTRACK_ESTABLISHED && (ct.status & IPS_ASSURED) !== 0;
          if (seq === 0 && !established) break;
          if (before(seq, other.maxack) && !this.sysctl("nf_conntrack_tcp_ignore_invalid_rst")) return -NF_ACCEPT; // invalid rst
          if (!established || seq === other.maxack) break;
          if (tcp.lastIndex === TCP_ACK_SET && tcp.lastDir === dir && seq === tcp.lastEnd) break;
          newState = oldState; // keep the state for a possible challenge ACK
        }
        if (
          ((ct.status & IPS_SEEN_REPLY && tcp.lastIndex === TCP_SYN_SET) ||
            (!(ct.status & IPS_ASSURED) && tcp.lastIndex === TCP_ACK_SET)) &&
          ackSeq === tcp.lastEnd
        ) {
          skipWindow = true;
          break;
        }
        if (
          oldState === TCP_CONNTRACK_SYN_SENT &&
          tcp.lastIndex === TCP_ACK_SET &&
          tcp.lastDir === IP_CT_DIR_REPLY &&
          seq === tcp.lastAck
        ) {
          skipWindow = true;
          break;
        }
        break;
      }
      default:
        break;
    }

    if (!skipWindow) {
      const res = this.tcpInWindow(ct, dir, index, p);
      if (res === "ignore") return NF_ACCEPT;
      if (res === "invalid") {
        this.tcpHandleInvalid(ct, dir, index, now);
        return -NF_ACCEPT;
      }
    }
    // in-window packet
    tcp.lastIndex = index;
    tcp.lastDir = dir;
    tcp.state = newState;
    if (oldState !== newState && newState === TCP_CONNTRACK_FIN_WAIT) {
      if (dir === 0) tcp.flags0 |= IP_CT_TCP_FLAG_CLOSE_INIT;
      else tcp.flags1 |= IP_CT_TCP_FLAG_CLOSE_INIT;
    }

    let timeout: number;
    const tNew = this.tcpTimeout(newState);
    const tRetrans = this.tcpTimeout(TCP_CONNTRACK_RETRANS);
    const tUnack = this.tcpTimeout(TCP_CONNTRACK_UNACK);
    this.hot();
    if (tcp.retrans >= this.hotRetrans && tNew > tRetrans) timeout = tRetrans;
    else if (index === TCP_RST_SET) timeout = this.tcpTimeout(TCP_CONNTRACK_CLOSE);
    else if ((tcp.flags0 | tcp.flags1) & IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED && tNew > tUnack) timeout = tUnack;
    else if (tcp.lastWin === 0 && tNew > tRetrans) timeout = tRetrans;
    else timeout = tNew;

    if (newState !== oldState) this.eventCache(ct, IPCT_PROTOINFO);

    if (!(ct.status & IPS_SEEN_REPLY)) {
      // only a RST answered: no connection to keep
      if (fl & TCP_RST) {
        if (ct.isConfirmed()) this.killAcct(ct, ctinfo, p);
        else ct.status |= IPS_DYING;
        return NF_ACCEPT;
      }
      // do not renew the timeout on a SYN retransmit
      if (index === TCP_SYN_SET && oldState === TCP_CONNTRACK_SYN_SENT) return NF_ACCEPT;
      // picked up mid-stream without a reply yet
      if (newState === TCP_CONNTRACK_ESTABLISHED && timeout > tUnack) timeout = tUnack;
    } else if (
      !(ct.status & IPS_ASSURED) &&
      (oldState === TCP_CONNTRACK_SYN_RECV || oldState === TCP_CONNTRACK_ESTABLISHED) &&
      newState === TCP_CONNTRACK_ESTABLISHED
    ) {
      ct.status |= IPS_ASSURED;
      this.eventCache(ct, IPCT_ASSURED);
    }
    this.refreshAcct(ct, ctinfo, p, timeout, now);
    return NF_ACCEPT;
  }

  /** The ignore path (sIG) of tcp_packet(): true when the packet brought the entry back in sync. */
  private tcpIgnored(tcp: TcpInfo, p: Packet, dir: number, index: number, oldState: number): boolean {
    const seq = p.seq >>> 0;
    const ackSeq = p.ack >>> 0;
    if (index === TCP_SYNACK_SET && tcp.lastIndex === TCP_SYN_SET && tcp.lastDir !== dir && ackSeq === tcp.lastEnd) {
      // the SYN/ACK acknowledges a SYN we ignored: get in sync from it
      const ld = loadSeen(SEEN_A, tcp, tcp.lastDir);
      ld.end = tcp.lastEnd;
      ld.maxend = tcp.lastEnd;
      ld.maxwin = tcp.lastWin === 0 ? 1 : tcp.lastWin;
      ld.scale = tcp.lastWscale;
      tcp.lastFlags &= ~IP_CT_EXP_CHALLENGE_ACK;
      ld.flags = tcp.lastFlags;
      storeSeen(tcp, tcp.lastDir, ld);
      const s = loadSeen(SEEN_B, tcp, dir);
      s.end = 0;
      s.maxend = 0;
      s.maxwin = 0;
      s.maxack = 0;
      s.scale = 0;
      s.flags &= IP_CT_TCP_FLAG_BE_LIBERAL;
      storeSeen(tcp, dir, s);
      return true;
    }
    tcp.lastIndex = index;
    tcp.lastDir = dir;
    tcp.lastSeq = seq;
    tcp.lastEnd = segEnd(p);
    tcp.lastWin = p.window;
    if (index === TCP_SYN_SET && dir === IP_CT_DIR_ORIGINAL) {
      const seen = SEEN_A;
      seen.end = seen.maxend = seen.maxwin = seen.maxack = seen.scale = seen.flags = 0;
      tcp.lastFlags = 0;
      tcp.lastWscale = 0;
      tcpOptions(p, seen);
      if (seen.flags & IP_CT_TCP_FLAG_WINDOW_SCALE) {
        tcp.lastFlags |= IP_CT_TCP_FLAG_WINDOW_SCALE;
        tcp.lastWscale = seen.scale;
      }
      if (seen.flags & IP_CT_TCP_FLAG_SACK_PERM) tcp.lastFlags |= IP_CT_TCP_FLAG_SACK_PERM;
      if (oldState === TCP_CONNTRACK_LAST_ACK) tcp.lastFlags |= IP_CT_EXP_CHALLENGE_ACK;
    }
    if (oldState === TCP_CONNTRACK_SYN_SENT && index === TCP_ACK_SET && dir === IP_CT_DIR_REPLY) tcp.lastAck = ackSeq;
    // ignored: accepted without touching state or timeout
    return false;
  }

  /** tcp_new(): the first packet of a connection. */
  private tcpNew(ct: Conn, p: Packet): boolean {
    const index = conntrackIndex(p.tcpFlags);
    const newState = TCP_CONNTRACKS[0]![index]![TCP_CONNTRACK_NONE]!;
    if (newState >= sIV) return false; // invalid new
    if (newState !== TCP_CONNTRACK_SYN_SENT && this.sysctl("nf_conntrack_tcp_loose") === 0) return false;
    // the entry's own TCP fields, from zero (ct.tcp is set once the packet is a valid first one)
    const tcp: TcpInfo = ct;
    copyTcp(tcp, ZERO_TCP);
    const s = loadSeen(SEEN_A, tcp, 0);
    if (newState === TCP_CONNTRACK_SYN_SENT) {
      s.end = segEnd(p);
      s.maxwin = p.window === 0 ? 1 : p.window;
      s.maxend = s.end;
      tcpOptions(p, s);
    } else {
      // picked up mid-stream: history lost, be liberal
      s.end = segEnd(p);
      s.maxwin = p.window === 0 ? 1 : p.window;
      s.maxend = u32(s.end + s.maxwin);
      s.flags = IP_CT_TCP_FLAG_SACK_PERM | IP_CT_TCP_FLAG_BE_LIBERAL;
      tcp.flags1 = IP_CT_TCP_FLAG_SACK_PERM | IP_CT_TCP_FLAG_BE_LIBERAL;
    }
    storeSeen(tcp, 0, s);
    tcp.lastIndex = TCP_NONE_SET;
    ct.tcp = tcp;
    return true;
  }

  /** tcp_in_window(): on the two directions loaded, stored back whatever the outcome. */
  private tcpInWindow(ct: Conn, dir: number, index: number, p: Packet): "accept" | "ignore" | "invalid" {
    const state = ct.tcp!;
    const sender = loadSeen(SEEN_A, state, dir);
    const receiver = loadSeen(SEEN_B, state, 1 - dir);
    const res = this.tcpInWindowOn(state, sender, receiver, dir, index, p);
    storeSeen(state, dir, sender);
    storeSeen(state, 1 - dir, receiver);
    return res;
  }

  private tcpInWindowOn(
    state: TcpInfo,
    sender: TcpSeen,
    receiver: TcpSeen,
    dir: number,
    index: number,
    p: Packet,
  ): "accept" | "ignore" | "invalid" {
    let seq = p.seq >>> 0;
    let ack = p.ack >>> 0;
    let sack = ack;
    const winRaw = p.window;
    let win = winRaw;
    let end = segEnd(p);
    this.hot();
    const liberal = sender.flags & IP_CT_TCP_FLAG_BE_LIBERAL || this.hotLiberal !== 0;
    const fl = p.tcpFlags;
    const syn = (fl & TCP_SYN) !== 0;
    const ackf = (fl & TCP_ACK) !== 0;
    const rst = (fl & TCP_RST) !== 0;
    if (receiver.flags & IP_CT_TCP_FLAG_SACK_PERM) sack = tcpSack(p, sack);

    if (sender.maxwin === 0) {
      if (syn) {
        tcpInitSender(sender, receiver, p, end, win, dir);
        if (!ackf) return "accept"; // simultaneous open
      } else {
        sender.end = end;
        const swin = u32(win << sender.scale);
        sender.maxwin = swin === 0 ? 1 : swin;
        sender.maxend = u32(end + sender.maxwin);
        if (receiver.maxwin === 0) {
          receiver.end = sack;
          receiver.maxend = sack;
        } else if (sack === u32(receiver.end + 1)) {
          receiver.end = u32(receiver.end + 1);
        }
      }
    } else if (
      syn &&
      after(end, sender.end) &&
      (state.state === TCP_CONNTRACK_SYN_SENT || state.state === TCP_CONNTRACK_SYN_RECV)
    ) {
      tcpInitSender(sender, receiver, p, end, win, dir);
      if (dir === IP_CT_DIR_REPLY && !ackf) return "accept";
    }

    if (!ackf) {
      ack = receiver.end;
      sack = receiver.end;
    } else if ((fl & (TCP_ACK | TCP_RST)) === (TCP_ACK | TCP_RST) && ack === 0) {
      ack = receiver.end;
      sack = receiver.end;
    }
    if (rst && seq === 0 && state.state === TCP_CONNTRACK_SYN_SENT) {
      seq = sender.end;
      end = sender.end;
    }
    const maxAckWin = sender.maxwin > 66000 ? sender.maxwin : 66000;
    const seqOk = before(seq, u32(sender.maxend + 1));
    if (!seqOk) {
      const overshot = u32(end - sender.maxend + 1);
      const ackOk = after(sack, u32(receiver.end - maxAckWin - 1));
      const inRecvWin = receiver.maxwin !== 0 && after(end, u32(sender.end - receiver.maxwin - 1));
      if (inRecvWin && ackOk && overshot <= receiver.maxwin && before(sack, u32(receiver.end + 1))) {
        sender.end = end;
        sender.flags |= IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED;
        return liberal ? "accept" : "ignore";
      }
      return liberal ? "accept" : "invalid"; // SEQ is over upper bound
    }
    if (!before(sack, u32(receiver.end + 1))) return liberal ? "accept" : "invalid"; // ACK is over upper bound
    const inRecvWin = receiver.maxwin === 0 || after(end, u32(sender.end - receiver.maxwin - 1));
    if (!inRecvWin) return liberal ? "accept" : "ignore"; // SEQ is under lower bound
    if (!after(sack, u32(receiver.end - maxAckWin - 1))) return liberal ? "accept" : "ignore"; // ACK under lower bound

    if (!syn) win = u32(win << sender.scale);
    const swin = u32(win + (sack - ack));
    if (sender.maxwin < swin) sender.maxwin = swin;
    if (after(end, sender.end)) {
      sender.end = end;
      sender.flags |= IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED;
    }
    if (ackf) {
      if (!(sender.flags & IP_CT_TCP_FLAG_MAXACK_SET)) {
        sender.maxack = ack;
        sender.flags |= IP_CT_TCP_FLAG_MAXACK_SET;
      } else if (after(ack, sender.maxack)) {
        sender.maxack = ack;
      }
    }
    if (receiver.maxwin !== 0 && after(end, sender.maxend))
      receiver.maxwin = u32(receiver.maxwin + (end - sender.maxend));
    if (after(u32(sack + win), u32(receiver.maxend - 1))) {
      receiver.maxend = u32(sack + win);
      if (win === 0) receiver.maxend = u32(receiver.maxend + 1);
    }
    if (ack === receiver.end) receiver.flags &= ~IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED;
    if (index === TCP_ACK_SET) {
      if (
        state.lastDir === dir &&
        state.lastSeq === seq &&
        state.lastAck === ack &&
        state.lastEnd === end &&
        state.lastWin === winRaw
      ) {
        state.retrans++;
      } else {
        state.lastDir = dir;
        state.lastSeq = seq;
        state.lastAck = ack;
        state.lastEnd = end;
        state.lastWin = winRaw;
        state.retrans = 0;
      }
    }
    return "accept";
  }

  /** nf_tcp_handle_invalid(): an out-of-window FIN/RST shortens an assured entry's timeout. */
  private tcpHandleInvalid(ct: Conn, dir: number, index: number, now: number): void {
    const tcp = ct.tcp!;
    if (!(ct.status & IPS_ASSURED) || ct.status & IPS_FIXED_TIMEOUT) return;
    if (index !== TCP_RST_SET && index !== TCP_FIN_SET) return;
    if (tcp.lastDir !== dir && (tcp.lastIndex === TCP_FIN_SET || tcp.lastIndex === TCP_RST_SET)) {
      const expires = ct.expiresNs(now);
      if (expires < 120 * SEC) return;
      const timeout = this.tcpTimeout(TCP_CONNTRACK_UNACK);
      if (expires > timeout) ct.timeout = now + timeout;
    } else {
      tcp.lastIndex = index;
      tcp.lastDir = dir;
    }
  }

  /** nf_confirm() / __nf_conntrack_confirm() at the end of POSTROUTING and INPUT. */
  confirm(p: Packet, nowNs: number): boolean {
    this.lastNow = Math.max(this.lastNow, nowNs);
    const ct = p.ct as Conn | null;
    if (!ct || ct.isTemplate()) return true;
    if (!ct.isConfirmed()) {
      if (ctinfoDir(p.ctinfo) !== IP_CT_DIR_ORIGINAL) return true;
      if (ct.status & IPS_DYING) return true;
      // another entry took one of our tuples meanwhile?
      for (let dir = 0; dir < 2; dir++) {
        const other = this.lookup(ct.tupleOf(dir), ct.zone, nowNs);
        if (other && other !== ct) {
          const allowClash = ct.proto === IPPROTO_UDP || ct.proto === IPPROTO_UDPLITE || ct.proto === IPPROTO_ICMP;
          if (allowClash && tupleEqual(other.orig, ct.orig) && tupleEqual(other.reply, ct.reply)) {
            // nf_ct_resolve_clash(): the packet joins the entry that won
            p.ct = other;
            this.stats.clash_resolve++;
            return true;
          }
          this.stats.insert_failed++;
          this.stats.drop++;
          return false;
        }
      }
      ct.timeout += nowNs;
      ct.status |= IPS_CONFIRMED;
      this.enlist(ct);
      this.hashAdd(ct);
      this.stats.insert++;
      this.eventCache(ct, ct.status & IPS_EXPECTED ? IPCT_RELATED : IPCT_NEW);
    }
    this.deliver(ct);
    return true;
  }

  /**
   * nf_ct_attach(): a packet the kernel makes in answer to `orig` (icmp_send,
   * REJECT's RST) belongs to orig's connection, in the other direction.
   */
  attach(nskb: Packet, orig: Packet): void {
    if (!orig.ct && orig.ctinfo === 0) return;
    nskb.ct = orig.ct;
    nskb.ctinfo = ctinfoDir(orig.ctinfo) === IP_CT_DIR_ORIGINAL ? IP_CT_RELATED_REPLY : IP_CT_RELATED;
  }

  /**
   * nf_conntrack_tcp_set_closing() (nf_send_reset() calls it for the packet it answers): a
   * confirmed TCP entry goes to CLOSE with the close timeout.
   */
  setClosing(ct: Conn): void {
    if (!ct.tcp || !ct.isConfirmed()) return;
    const old = ct.tcp.state;
    ct.tcp.state = TCP_CONNTRACK_CLOSE;
    if (old === TCP_CONNTRACK_CLOSE || ct.status & IPS_FIXED_TIMEOUT) return;
    ct.timeout = this.lastNow + this.tcpTimeout(TCP_CONNTRACK_CLOSE);
    this.eventCache(ct, IPCT_PROTOINFO);
  }

  /** A packet that keeps its entry referenced while it waits (nf_conntrack_get / nf_conntrack_put). */
  hold(p: Packet, held: boolean): void {
    const ct = p.ct as Conn | null;
    if (ct && !ct.isTemplate()) ct.refs += held ? 1 : -1;
  }

  /** ct->mark changed by a rule (event IPCT_MARK when it really changed). */
  setMark(ct: Conn, mark: number): void {
    if (ct.mark !== mark >>> 0) {
      ct.mark = mark >>> 0;
      this.eventCache(ct, IPCT_MARK);
    }
  }

  /**
   * ctnetlink_create_conntrack() and nf_conntrack_hash_check_insert(): an entry made by
   * `conntrack -I`, confirmed at once. Returns 0 or the errno the kernel answers with.
   */
  createEntry(req: CreateRequest, nowNs: number): number {
    this.lastNow = Math.max(this.lastNow, nowNs);
    this.gc(nowNs);
    this.hot();
    if (this.hotMax && this.size + 1 > this.hotMax) return ENOMEM;
    const usage = this.usage();
    const ct = newConn(this, entryTuple(req.orig), entryTuple(req.reply), this.nextId());
    ct.zone = req.zone.id === 0 && req.zone.dir === NF_CT_DEFAULT_ZONE_DIR ? DEFAULT_ZONE : { ...req.zone };
    if (usage.labels) ct.labels = 0n;
    if (this.hotAcct)
      ct.counters = [
        { packets: 0, bytes: 0 },
        { packets: 0, bytes: 0 },
      ];
    // __nf_ct_set_timeout(): seconds × HZ, at most INT_MAX jiffies
    const jiffies = Math.min(req.timeoutSecs * KERNEL_HZ, 0x7fffffff);
    ct.timeout = Math.floor((jiffies * SEC) / KERNEL_HZ);
    // ctnetlink_setup_nat(): either NAT attribute sets up both manips (a null binding for the other)
    if ((req.snat || req.dnat) && this.nat) {
      if (req.dnat) this.nat.setupInfo(ct, req.dnat, NF_NAT_MANIP_DST);
      else this.nat.nullBinding(ct, NF_INET_PRE_ROUTING);
      if (req.snat) this.nat.setupInfo(ct, req.snat, NF_NAT_MANIP_SRC);
      else this.nat.nullBinding(ct, NF_INET_POST_ROUTING);
    }
    if (req.status !== undefined) {
      // nf_ct_change_status_common()
      const d = ct.status ^ req.status;
      if (d & (IPS_EXPECTED | IPS_CONFIRMED | IPS_DYING)) return EBUSY;
      ct.status |= req.status & ~IPS_UNCHANGEABLE_MASK;
    }
    if (ct.proto === IPPROTO_TCP) {
      // the protocol info zeroed, then the state given
      ct.hasTcp = true;
      ct.state = req.tcpState ?? 0;
      ct.flags0 = ct.flags1 = req.tcpFlags ?? 0;
    }
    if (req.mark !== undefined) ct.mark = req.mark >>> 0;
    for (let dir = 0; dir < 2; dir++) if (this.lookup(ct.tupleOf(dir), ct.zone, nowNs)) return EEXIST;
    ct.timeout += nowNs;
    ct.status |= IPS_CONFIRMED;
    this.enlist(ct);
    this.hashAdd(ct);
    this.stats.insert++;
    this.record(ct, EV_NEW, true);
    return 0;
  }

  /** Deletes entries (conntrack -D). */
  deleteEntries(list: readonly Conn[]): void {
    for (const ct of list) this.remove(ct, true);
  }

  /** Alters the reply tuple (nf_conntrack_alter_reply) of an unconfirmed entry. */
  alterReply(ct: Conn, reply: Tuple): void {
    ct.reply = reply;
  }

  get now(): number {
    return this.lastNow;
  }

  /**
   * The table as plain data for the state file (entries in order, pending events, statistics),
   * holding no bigints. Entries and events are positional arrays of numbers (ENTRY_* / EVENT_*
   * below): a table of 100,000s of entries is written and read in a fraction of the time the
   * objects of earlier state files took (those still load).
   */
  snapshot(): unknown {
    const conns: unknown[] = [];
    for (const ct of this.all()) conns.push(entryRecord(ct));
    return {
      v: 2,
      now: this.lastNow,
      conns,
      events: this.events.materialize().map(eventRecord),
      stats: this.stats,
    };
  }

  /** Loads what snapshot() wrote (or the object records of earlier state files). */
  restore(data: unknown): void {
    const d = data as {
      v?: number;
      now: number;
      conns: unknown[];
      events: unknown[];
      stats: Conntrack["stats"];
    };
    for (let ct = this.oldest; ct; ) {
      const next = ct.newer;
      ct.older = ct.newer = null;
      ct.slot = -1;
      ct = next;
    }
    this.oldest = this.newest = null;
    this.size = 0;
    this.buckets = new Int32Array(1024).fill(-1);
    this.srcBuckets = new Int32Array(1024).fill(-1);
    this.slotCt = [];
    this.freeSlots = [];
    this.lastNow = d.now;
    const positional = d.v === 2;
    for (const c of d.conns) {
      const ct = positional ? this.entryFromRecord(c as EntryRecord) : this.entryFromObject(c as EntryObject);
      this.enlist(ct);
      this.hashAdd(ct);
    }
    this.events.load(positional ? (d.events as EventRecord[]).map(eventFromRecord) : (d.events as CtEvent[]));
    Object.assign(this.stats, d.stats);
  }

  private entryFromRecord(r: EntryRecord): Conn {
    const n = (k: number) => r[k] as number;
    const ct = newConn(this, tupleAt(r, E_ORIG), tupleAt(r, E_REPLY), n(E_ID));
    ct.status = n(E_STATUS);
    ct.timeout = n(E_TIMEOUT);
    ct.mark = n(E_MARK);
    ct.secmark = n(E_SECMARK);
    ct.ecache = n(E_ECACHE);
    ct.udpStreamTs = n(E_UDP);
    ct.zone = zoneOf(n(E_ZONE_ID), n(E_ZONE_DIR));
    const tcp = r[E_TCP] as number[] | 0;
    if (tcp !== 0) {
      const fields = ct as unknown as Record<string, number>;
      for (let k = 0; k < TCP_FIELDS.length; k++) fields[TCP_FIELDS[k]!] = tcp[k]!;
      ct.hasTcp = true;
    }
    if (r.length > E_LABELS) {
      const labels = r[E_LABELS] as string | null;
      ct.labels = labels === null ? null : BigInt(labels);
      ct.counters = countersOf(r[E_COUNTERS] as number[] | null);
      ct.helper = r[E_HELPER] as string;
      ct.masqDev = r[E_MASQ] as string;
    }
    return ct;
  }

  private entryFromObject(c: EntryObject): Conn {
    const ct = newConn(this, c.t[0], c.t[1], c.id);
    ct.status = c.status;
    ct.timeout = c.timeout;
    ct.mark = c.mark;
    ct.secmark = c.secmark;
    ct.labels = c.labels === null ? null : BigInt(c.labels);
    ct.zone = c.zone;
    ct.counters = c.counters;
    ct.tcp = c.tcp ? tcpFromJson(c.tcp) : null;
    ct.udpStreamTs = c.udp;
    ct.helper = c.helper;
    ct.ecache = c.ecache;
    ct.masqDev = c.masq;
    return ct;
  }
}

// ---- state file records ----
/** An entry as the state files before positional records held it. */
interface EntryObject {
  t: [Tuple, Tuple];
  status: number;
  timeout: number;
  mark: number;
  secmark: number;
  labels: string | null;
  zone: Zone;
  counters: Conn["counters"];
  tcp: TcpJson | null;
  udp: number;
  helper: string;
  ecache: number;
  masq: string;
  id: number;
}

/** The TCP fields of an entry, in the order of an EntryRecord's TCP array. */
export const TCP_FIELDS = [
  "state",
  "lastDir",
  "retrans",
  "lastIndex",
  "lastSeq",
  "lastAck",
  "lastEnd",
  "lastWin",
  "lastWscale",
  "lastFlags",
  "end0",
  "maxend0",
  "maxwin0",
  "maxack0",
  "scale0",
  "flags0",
  "end1",
  "maxend1",
  "maxwin1",
  "maxack1",
  "scale1",
  "flags1",
] as const satisfies ReadonlyArray<keyof TcpInfo>;

/**
 * An entry in the state file: id, status, timeout, mark, secmark, ecache, udp stream time, zone id
 * and directions, the original and reply tuples (7 numbers each: src dst proto sport dport type
 * code), the TCP fields (TCP_FIELDS) or 0; then, only when one of them is set, labels (decimal
 * string or null), counters ([packets, bytes] × 2, or null), helper, MASQUERADE device.
 */
type EntryRecord = unknown[];

const E_ID = 0;
const E_STATUS = 1;
const E_TIMEOUT = 2;
const E_MARK = 3;
const E_SECMARK = 4;
const E_ECACHE = 5;
const E_UDP = 6;
const E_ZONE_ID = 7;
const E_ZONE_DIR = 8;
const E_ORIG = 9;
const E_REPLY = 16;
const E_TCP = 23;
const E_LABELS = 24;
const E_COUNTERS = 25;
const E_HELPER = 26;
const E_MASQ = 27;

function pushTuple(r: unknown[], t: Tuple): void {
  r.push(t.src, t.dst, t.proto, t.sport, t.dport, t.type, t.code);
}

function tupleAt(r: ArrayLike<unknown>, at: number): Tuple {
  return {
    src: r[at] as number,
    dst: r[at + 1] as number,
    proto: r[at + 2] as number,
    sport: r[at + 3] as number,
    dport: r[at + 4] as number,
    type: r[at + 5] as number,
    code: r[at + 6] as number,
  };
}

function countersOf(c: number[] | null): Conn["counters"] {
  return c
    ? [
        { packets: c[0]!, bytes: c[1]! },
        { packets: c[2]!, bytes: c[3]! },
      ]
    : null;
}

function zoneOf(id: number, dir: number): Zone {
  return id === DEFAULT_ZONE.id && dir === DEFAULT_ZONE.dir ? DEFAULT_ZONE : { id, dir };
}

function entryRecord(ct: Conn): unknown[] {
  const r: unknown[] = [
    ct.id,
    ct.status,
    ct.timeout,
    ct.mark,
    ct.secmark,
    ct.ecache,
    ct.udpStreamTs,
    ct.zone.id,
    ct.zone.dir,
  ];
  pushTuple(r, ct.orig);
  pushTuple(r, ct.reply);
  if (ct.hasTcp) {
    const tcp: number[] = [];
    for (const f of TCP_FIELDS) tcp.push(ct[f]);
    r.push(tcp);
  } else r.push(0);
  if (ct.labels !== null || ct.counters || ct.helper || ct.masqDev) {
    const c = ct.counters;
    r.push(
      ct.labels === null ? null : ct.labels.toString(),
      c ? [c[0]!.packets, c[0]!.bytes, c[1]!.packets, c[1]!.bytes] : null,
      ct.helper,
      ct.masqDev,
    );
  }
  return r;
}

/**
 * An event in the state file: type (0 NEW, 1 UPDATE, 2 DESTROY), id, status, timeout (null when
 * left out), TCP state (null when none), mark, userspace (0/1), zone id and directions, the two
 * tuples, counters ([packets, bytes] × 2, or null).
 */
type EventRecord = unknown[];

function eventRecord(e: CtEvent): EventRecord {
  const r: unknown[] = [
    EV_NAMES.indexOf(e.type),
    e.id,
    e.status,
    e.timeout ?? null,
    e.tcpState ?? null,
    e.mark,
    e.userspace ? 1 : 0,
    e.zone.id,
    e.zone.dir,
  ];
  pushTuple(r, e.orig);
  pushTuple(r, e.reply);
  const c = e.counters;
  r.push(c ? [c[0]!.packets, c[0]!.bytes, c[1]!.packets, c[1]!.bytes] : null);
  return r;
}

function eventFromRecord(r: EventRecord): CtEvent {
  return {
    type: EV_NAMES[r[0] as number]!,
    id: r[1] as number,
    status: r[2] as number,
    timeout: (r[3] as number | null) ?? undefined,
    tcpState: (r[4] as number | null) ?? undefined,
    mark: r[5] as number,
    userspace: r[6] === 1,
    zone: zoneOf(r[7] as number, r[8] as number),
    orig: tupleAt(r, 9),
    reply: tupleAt(r, 16),
    counters: countersOf(r[23] as number[] | null),
  };
}

function TCP_CONNTRACK_TCP(dir: number, index: number, state: number): number {
  return TCP_CONNTRACKS[dir]![index]![state]!;
}

/** get_conntrack_index() */
function conntrackIndex(fl: number): number {
  if (fl & TCP_RST) return TCP_RST_SET;
  if (fl & TCP_SYN) return fl & TCP_ACK ? TCP_SYNACK_SET : TCP_SYN_SET;
  if (fl & TCP_FIN) return TCP_FIN_SET;
  if (fl & TCP_ACK) return TCP_ACK_SET;
  return TCP_NONE_SET;
}

/** tcp_valid_flags[] (PSH, ECE and CWR masked off). */
function tcpValidFlags(f: number): boolean {
  const SYN = 0x02;
  const RST = 0x04;
  const ACK = 0x10;
  const FIN = 0x01;
  const URG = 0x20;
  return (
    f === SYN ||
    f === (SYN | URG) ||
    f === (SYN | ACK) ||
    f === RST ||
    f === (RST | ACK) ||
    f === (FIN | ACK) ||
    f === (FIN | ACK | URG) ||
    f === ACK ||
    f === (ACK | URG)
  );
}

function tcpCanEarlyDrop(state: number): boolean {
  return (
    state === TCP_CONNTRACK_FIN_WAIT ||
    state === TCP_CONNTRACK_LAST_ACK ||
    state === TCP_CONNTRACK_TIME_WAIT ||
    state === TCP_CONNTRACK_CLOSE ||
    state === TCP_CONNTRACK_CLOSE_WAIT
  );
}

/** segment_seq_plus_len() */
function segEnd(p: Packet): number {
  const dataLen = Math.max(0, wireLen(p) - p.ihl - p.l4HeaderLen);
  return u32(p.seq + dataLen + (p.tcpFlags & TCP_SYN ? 1 : 0) + (p.tcpFlags & TCP_FIN ? 1 : 0));
}

/** tcp_options(): window scale and SACK permitted. */
function tcpOptions(p: Packet, s: TcpSeen): void {
  const o = p.tcpOptions;
  if (!o || o.length === 0) return;
  s.scale = 0;
  s.flags &= IP_CT_TCP_FLAG_BE_LIBERAL;
  let i = 0;
  let length = o.length;
  while (length > 0) {
    const opcode = o[i++]!;
    if (opcode === 0) return;
    if (opcode === 1) {
      length--;
      continue;
    }
    if (length < 2) return;
    const opsize = o[i++]!;
    if (opsize < 2 || opsize > length) return;
    if (opcode === 4 && opsize === 2) s.flags |= IP_CT_TCP_FLAG_SACK_PERM;
    else if (opcode === 3 && opsize === 3) {
      s.scale = Math.min(o[i]!, 14);
      s.flags |= IP_CT_TCP_FLAG_WINDOW_SCALE;
    }
    i += opsize - 2;
    length -= opsize;
  }
}

/** tcp_sack(): the highest right edge of the SACK blocks. */
function tcpSack(p: Packet, sack: number): number {
  const o = p.tcpOptions;
  if (!o || o.length === 0) return sack;
  if (o.length === 12 && o[0] === 1 && o[1] === 1 && o[2] === 8 && o[3] === 10) return sack;
  let i = 0;
  let length = o.length;
  while (length > 0) {
    const opcode = o[i++]!;
    if (opcode === 0) return sack;
    if (opcode === 1) {
      length--;
      continue;
    }
    if (length < 2) return sack;
    const opsize = o[i++]!;
    if (opsize < 2 || opsize > length) return sack;
    if (opcode === 5 && opsize >= 10 && (opsize - 2) % 8 === 0) {
      for (let k = 0; k < opsize - 2; k += 8) {
        const b = i + k + 4;
        const tmp = u32((o[b]! << 24) | (o[b + 1]! << 16) | (o[b + 2]! << 8) | o[b + 3]!);
        if (after(tmp, sack)) sack = tmp;
      }
      return sack;
    }
    i += opsize - 2;
    length -= opsize;
  }
  return sack;
}

/** tcp_init_sender() */
function tcpInitSender(sender: TcpSeen, receiver: TcpSeen, p: Packet, end: number, win: number, dir: number): void {
  sender.end = end;
  sender.maxend = end;
  sender.maxwin = win === 0 ? 1 : win;
  tcpOptions(p, sender);
  if (
    dir === IP_CT_DIR_REPLY &&
    !(sender.flags & IP_CT_TCP_FLAG_WINDOW_SCALE && receiver.flags & IP_CT_TCP_FLAG_WINDOW_SCALE)
  ) {
    sender.scale = 0;
    receiver.scale = 0;
  }
}

/** The Conntrack instance of a host, for extensions (connlimit looks up other entries). */
export function conntrackOf(p: Packet, shared: Map<string, unknown>): Conntrack | undefined {
  const ct = p.ct as Conn | null;
  if (ct?.owner) return ct.owner;
  return shared.get(CONNTRACK_KEY) as Conntrack | undefined;
}

/**
 * Takes `item` out of its bucket's chain in a hash of chained nodes, where nodes[2 * i] is node i's
 * key (its bucket is key & (buckets.length - 1)) and nodes[2 * i + 1] the next node, -1 at the end.
 */
function unlinkChained(buckets: Int32Array, nodes: Int32Array, item: number): void {
  const b = nodes[2 * item]! & (buckets.length - 1);
  let n = buckets[b]!;
  if (n === item) {
    buckets[b] = nodes[2 * item + 1]!;
    return;
  }
  while (n >= 0) {
    const next = nodes[2 * n + 1]!;
    if (next === item) {
      nodes[2 * n + 1] = nodes[2 * item + 1]!;
      return;
    }
    n = next;
  }
}

/** CRC32c (Castagnoli, reflected) table. */
const CRC32C = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

const SCTP_CID_INIT = 1;
const SCTP_CID_INIT_ACK = 2;
const SCTP_CID_ABORT = 6;
const SCTP_CID_COOKIE_ECHO = 10;
const SCTP_CID_COOKIE_ACK = 11;
const SCTP_CID_SHUTDOWN_COMPLETE = 14;

/**
 * What nf_conntrack_sctp_packet() finds invalid before its state machine (which the twin does not
 * model: a valid SCTP packet is tracked like a generic one): sctp_error() — a header shorter than
 * 12 bytes, or in PREROUTING (nf_conntrack_checksum) a wrong CRC32c; do_basic_checks() — no chunk,
 * a zero-length chunk, INIT / INIT ACK / SHUTDOWN COMPLETE or COOKIE ECHO / ACK not alone or first;
 * and for a new entry an out-of-the-blue ABORT, SHUTDOWN COMPLETE or COOKIE ACK. The twin holds
 * SCTP's bytes raw (ports first; past the payload, zeros).
 */
function sctpInvalid(ct: Conn, p: Packet, checkCrc: boolean): boolean {
  const len = wireLen(p) - p.ihl;
  if (len < 12) return true;
  const b = p.payload;
  const at = (i: number) => b?.[i] ?? 0;
  if (checkCrc) {
    let crc = 0xffffffff;
    for (let i = 0; i < len; i++) {
      const x = i >= 8 && i < 12 ? 0 : at(i);
      crc = CRC32C[(crc ^ x) & 0xff]! ^ (crc >>> 8);
    }
    crc = ~crc >>> 0;
    // the checksum field holds it little-endian (cpu_to_le32)
    const stored = (at(8) | (at(9) << 8) | (at(10) << 16) | (at(11) << 24)) >>> 0;
    if (stored !== crc) return true;
  }
  let count = 0;
  let flag = false;
  let ootb = false;
  for (let off = 12; off + 4 <= len; count++) {
    const type = at(off);
    const clen = (at(off + 2) << 8) | at(off + 3);
    if (type === SCTP_CID_INIT || type === SCTP_CID_INIT_ACK || type === SCTP_CID_SHUTDOWN_COMPLETE) flag = true;
    if (((type === SCTP_CID_COOKIE_ACK || type === SCTP_CID_COOKIE_ECHO || flag) && count !== 0) || clen === 0)
      return true;
    if (type === SCTP_CID_ABORT || type === SCTP_CID_SHUTDOWN_COMPLETE || type === SCTP_CID_COOKIE_ACK) ootb = true;
    off += (clen + 3) & ~3;
  }
  if (count === 0) return true;
  return ootb && !(ct.status & IPS_CONFIRMED);
}
