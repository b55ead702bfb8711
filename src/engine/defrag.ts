/**
 * IPv4 reassembly as Linux 6.x does it (net/ipv4/ip_fragment.c,
 * net/ipv4/inet_fragment.c) and the fragmentation of what it reassembled on
 * the way out (ip_fragment()/ip_do_fragment() in net/ipv4/ip_output.c).
 *
 * Queues are keyed by (source, destination, id, protocol, user): the user is
 * IP_DEFRAG_LOCAL_DELIVER (ip_local_deliver(), no conntrack) or
 * IP_DEFRAG_CONNTRACK_IN/OUT (nf_defrag_ipv4 at PREROUTING/OUTPUT). Within a
 * queue fragments are kept in "runs" of adjacent fragments, as
 * inet_frag_queue_insert() keeps them: a fragment inside a run is a duplicate
 * (dropped alone), one that overlaps anything else kills the queue. A queue
 * lives net.ipv4.ipfrag_time seconds from its first fragment; then
 * ip_expire() sends ICMP time exceeded (fragment reassembly) about the
 * first fragment, if it came (for conntrack's queues only when the
 * datagram was for this host).
 */
import { IP_DF, IP_MF, IP_OFFMASK, ipBytes, onesSum, type Packet, parseIp } from "../core/packet.js";
import { HZ } from "./net-conf.js";

export const IP_DEFRAG_LOCAL_DELIVER = 0;
export const IP_DEFRAG_CONNTRACK_IN = 1;
export const IP_DEFRAG_CONNTRACK_OUT = 2;

/** What the reassembled skb keeps of its fragments (IPCB frag_max_size, IPSKB_FRAG_PMTU, its frag_list). */
export interface Reassembled {
  /** max(largest fragment, largest DF fragment) (IPCB(skb)->frag_max_size). */
  fragMax: number;
  /** IPSKB_FRAG_PMTU: the largest fragment had DF (fragmenting again keeps DF). */
  pmtu: boolean;
  /** skb->ignore_df (nf_ct_ipv4_gather_frags() sets it). */
  ignoreDf: boolean;
  /** Data lengths of the original fragments in order (frag_list), for conntrack's queues (no coalescing). */
  sizes: number[] | null;
}

const REASSEMBLED = new WeakMap<Packet, Reassembled>();
/** Whether any datagram was reassembled yet (until then no packet is looked up). */
let anyReassembled = false;

/** What `p` kept from its reassembly, if it is a reassembled datagram. */
export function reassembledInfo(p: Packet): Reassembled | undefined {
  return anyReassembled ? REASSEMBLED.get(p) : undefined;
}

interface Frag {
  off: number;
  /** The fragment's data, trimmed to its end (an MF fragment's end rounded down to 8). */
  data: Uint8Array;
  /** The fragment as it was queued (the first one's is the head, quoted by ip_expire()). */
  pkt: Packet;
  /** Its IP header bytes. */
  hdr: Uint8Array;
}

interface Run {
  start: number;
  len: number;
}

interface Queue {
  key: string;
  user: number;
  frags: Frag[];
  runs: Run[];
  /** The fragment last placed at the end (fragments_tail) and the run it is in (last_run_head). */
  tail: Frag | null;
  lastRun: Run | null;
  len: number;
  meat: number;
  first: boolean;
  last: boolean;
  maxSize: number;
  maxDfSize: number;
  ecn: number;
  /** Interface of the fragment last queued (qp->iif). */
  iif: string;
  rid: number;
  src: number;
  expires: number;
  /** Approximate memory charged (skb truesize of the fragments). */
  mem: number;
}

/** An expired queue whose first fragment came: ip_expire() may send ICMP about it. */
export interface Expired {
  head: Packet;
  /** Bytes of the head the kernel still holds (header and trimmed data): the ICMP quote's limit. */
  headLen: number;
  iif: string;
  user: number;
}

export type DefragResult =
  /** The datagram is complete: `p` is now the whole datagram. */
  | "ok"
  /** Otherwise the fragment is gone: queued, */
  | "queued"
  /** dropped alone (inside what is queued), */
  | "duplicate"
  /** dropped with its whole queue (overlapping what is queued), */
  | "overlap"
  /** dropped with its queue (an end that contradicts the queue's, no data, a datagram that cannot be), */
  | "invalid"
  /** or dropped for want of memory (ipfrag_high_thresh). */
  | "nomem";

/** ip_frag_ecn_table[]: the ECN bits of the reassembled datagram, 0xff = drop. */
const ECN_TABLE = (() => {
  const t = new Array<number>(16).fill(0);
  const NOT_ECT = 1;
  const ECT_1 = 2;
  const ECT_0 = 4;
  const CE = 8;
  t[CE | ECT_0] = t[CE | ECT_1] = t[CE | ECT_0 | ECT_1] = 3;
  for (const o of [CE, ECT_0, ECT_1, ECT_0 | ECT_1, CE | ECT_0, CE | ECT_1, CE | ECT_0 | ECT_1]) t[NOT_ECT | o] = 0xff;
  return t;
})();

/** An skb's truesize as the reassembly memory limit counts it (a rough SKB_TRUESIZE of a received frame). */
function truesize(len: number): number {
  return 768 + ((len + 14 + 63) & ~63);
}

/** sizeof(struct ipq), charged per queue. */
const QUEUE_MEM = 200;

export interface DefragDeps {
  nowNs(): number;
  sysctl(name: string): number;
}

export class Defrag {
  private readonly queues = new Map<string, Queue>();
  /** inet_peer rid counters by source (ipfrag_max_dist). */
  private readonly peers = new Map<number, number>();
  private mem = 0;

  constructor(private readonly deps: DefragDeps) {}

  get size(): number {
    return this.queues.size;
  }

  /** When the next queue expires (ns), if any. */
  nextExpiry(): number | undefined {
    let t: number | undefined;
    for (const q of this.queues.values()) if (t === undefined || q.expires < t) t = q.expires;
    return t;
  }

  /**
   * ip_defrag(): queues the fragment `p`. "ok" when `p` completed its datagram: `p` itself then
   * becomes the datagram (the kernel morphs the completing skb into the head).
   */
  defrag(p: Packet, user: number): DefragResult {
    // inet_frag_find(): over the memory limit, no fragment is taken (not even for a queue that waits)
    const high = this.deps.sysctl("net.ipv4.ipfrag_high_thresh");
    if (!high || this.mem > high) return "nomem";
    const key = `${p.src >>> 0} ${p.dst >>> 0} ${p.id} ${p.proto} ${user}`;
    let q = this.queues.get(key);
    if (!q) {
      q = {
        key,
        user,
        frags: [],
        runs: [],
        tail: null,
        lastRun: null,
        len: 0,
        meat: 0,
        first: false,
        last: false,
        maxSize: 0,
        maxDfSize: 0,
        ecn: 0,
        iif: "",
        rid: 0,
        src: p.src >>> 0,
        expires: this.expiry(),
        mem: QUEUE_MEM,
      };
      this.mem += QUEUE_MEM;
      this.queues.set(key, q);
    }
    return this.queue(q, p);
  }

  /** ip_frag_queue() */
  private queue(q: Queue, p: Packet): DefragResult {
    if (this.tooFar(q)) this.reinit(q);
    const ihl = p.ihl;
    const wire = fragmentBytes(p);
    const offset = (p.frag & IP_OFFMASK) << 3;
    let end = offset + wire.length - ihl;
    if (!(p.frag & IP_MF)) {
      // the last fragment: bytes beyond it already, or another end, corrupt the datagram
      if (end < q.len || (q.last && end !== q.len)) return this.kill(q, "invalid");
      q.last = true;
      q.len = end;
    } else {
      end &= ~7;
      if (end > q.len) {
        if (q.last) return this.kill(q, "invalid");
        q.len = end;
      }
    }
    if (end === offset) return this.kill(q, "invalid");
    const f: Frag = { off: offset, data: wire.slice(ihl, ihl + (end - offset)), pkt: p, hdr: wire.slice(0, ihl) };
    const r = this.insert(q, f, end);
    if (r === "dup") return "duplicate";
    if (r === "overlap") return this.kill(q, "overlap");
    if (p.inDev) q.iif = p.inDev;
    q.meat += end - offset;
    q.ecn |= 1 << (p.tos & 3);
    const ts = truesize(wire.length);
    q.mem += ts;
    this.mem += ts;
    if (offset === 0) q.first = true;
    const fragsize = end - offset + ihl;
    if (fragsize > q.maxSize) q.maxSize = fragsize;
    if (p.frag & IP_DF && fragsize > q.maxDfSize) q.maxDfSize = fragsize;
    if (q.first && q.last && q.meat === q.len) return this.reasm(q, p);
    return "queued";
  }

  /** inet_frag_queue_insert() */
  private insert(q: Queue, f: Frag, end: number): "ok" | "dup" | "overlap" {
    const last = q.tail;
    const runAt = (i: number, run: Run) => q.runs.splice(i, 0, run);
    if (!last) {
      const run = { start: f.off, len: f.data.length };
      q.runs.push(run);
      q.lastRun = run;
      q.tail = f;
    } else if (last.off + last.data.length < end) {
      // the common case: it goes at the end
      const lastEnd = last.off + last.data.length;
      if (f.off < lastEnd) return "overlap";
      if (f.off === lastEnd) q.lastRun!.len += f.data.length;
      else {
        const run = { start: f.off, len: f.data.length };
        runAt(runIndex(q.runs, f.off), run);
        q.lastRun = run;
      }
      q.tail = f;
    } else {
      // somewhere before the tail: a duplicate when inside one run, else an overlap
      for (const run of q.runs) {
        if (end <= run.start || f.off >= run.start + run.len) continue;
        return f.off >= run.start && end <= run.start + run.len ? "dup" : "overlap";
      }
      runAt(runIndex(q.runs, f.off), { start: f.off, len: f.data.length });
    }
    let i = q.frags.length;
    while (i > 0 && q.frags[i - 1]!.off > f.off) i--;
    q.frags.splice(i, 0, f);
    return "ok";
  }

  /** ip_frag_too_far(): more than ipfrag_max_dist fragments from the source since this queue's last. */
  private tooFar(q: Queue): boolean {
    const max = this.deps.sysctl("net.ipv4.ipfrag_max_dist");
    if (!max) return false;
    const start = q.rid;
    const end = ((this.peers.get(q.src) ?? 0) + 1) >>> 0;
    this.peers.set(q.src, end);
    q.rid = end;
    return q.tail !== null && (end - start) >>> 0 > max;
  }

  /** ip_frag_reinit(): the queue starts again (its timer too). */
  private reinit(q: Queue): void {
    this.mem -= q.mem - QUEUE_MEM;
    q.mem = QUEUE_MEM;
    q.frags = [];
    q.runs = [];
    q.tail = q.lastRun = null;
    q.first = q.last = false;
    q.len = q.meat = 0;
    q.iif = "";
    q.ecn = 0;
    q.expires = this.expiry();
  }

  /** jiffies + ipfrag_time (proc_dointvec_jiffies: whole ticks). */
  private expiry(): number {
    const ticks = Math.max(0, Math.round(this.deps.sysctl("net.ipv4.ipfrag_time") * HZ));
    return this.deps.nowNs() + ticks * (1e9 / HZ);
  }

  /** inet_frag_kill(): the queue and its fragments go (the fragment in hand with them). */
  private kill<R extends DefragResult>(q: Queue, r: R): R {
    this.queues.delete(q.key);
    this.mem -= q.mem;
    return r;
  }

  /** ip_frag_reasm(): `p` (the fragment that completed the queue) becomes the datagram. */
  private reasm(q: Queue, p: Packet): DefragResult {
    this.kill(q, "ok");
    const ecn = ECN_TABLE[q.ecn]!;
    if (ecn === 0xff) return "invalid";
    const head = q.frags[0]!;
    const ihl = head.hdr.length;
    const len = ihl + q.len;
    // Oversized IP packet
    if (len > 65535) return "invalid";
    const b = new Uint8Array(len);
    b.set(head.hdr, 0);
    for (const f of q.frags) b.set(f.data, ihl + f.off);
    b[1] = b[1]! | ecn;
    b[2] = len >>> 8;
    b[3] = len & 255;
    const pmtu = q.maxDfSize === q.maxSize;
    b[6] = pmtu ? IP_DF >>> 8 : 0;
    b[7] = 0;
    b[10] = b[11] = 0;
    const c = ~onesSum(b, 0, ihl) & 0xffff;
    b[10] = c >>> 8;
    b[11] = c & 255;
    const whole = parseIp(b)!;
    // skb_morph(): the completing skb takes the head's data and metadata; its own device stays
    // (the head may be `p` itself: its metadata is read before `p` is overwritten)
    const h = head.pkt === p ? p.clone() : head.pkt;
    const inDev = p.inDev;
    const outDev = p.outDev;
    Object.assign(p, whole);
    p.inDev = inDev;
    p.outDev = outDev;
    p.macSrc = h.macSrc;
    p.macDst = h.macDst;
    p.hasMac = h.hasMac;
    p.pktType = h.pktType;
    // ip_defrag() orphans the skb: no socket any more
    p.uid = p.gid = -1;
    p.sockKind = 0;
    p.mark = h.mark;
    p.priority = h.priority;
    p.secmark = h.secmark;
    p.nfTrace = h.nfTrace;
    p.traceId = h.traceId;
    p.ct = h.ct;
    p.ctinfo = h.ctinfo;
    p.physIn = h.physIn;
    p.physOut = h.physOut;
    anyReassembled = true;
    REASSEMBLED.set(p, {
      fragMax: Math.max(q.maxDfSize, q.maxSize),
      pmtu,
      ignoreDf: q.user !== IP_DEFRAG_LOCAL_DELIVER,
      // ip_frag_coalesce_ok(): only local delivery's queue coalesces the fragments into one buffer
      sizes: q.user === IP_DEFRAG_LOCAL_DELIVER ? null : q.frags.map((f) => f.data.length),
    });
    return "ok";
  }

  /** Queues whose time ran out by `now` (in expiry order); the ones holding a first fragment are returned. */
  expire(now: number): Expired[] {
    const out: Expired[] = [];
    const due = [...this.queues.values()].filter((q) => q.expires <= now).sort((a, b) => a.expires - b.expires);
    for (const q of due) {
      this.kill(q, "ok");
      if (!q.first || !q.iif) continue;
      const f = q.frags[0]!;
      out.push({ head: f.pkt, headLen: f.hdr.length + f.data.length, iif: q.iif, user: q.user });
    }
    return out;
  }

  /** All queues go (the namespace's reassembly state is dropped). */
  clear(): void {
    this.queues.clear();
    this.mem = 0;
  }

  /** The queues as plain data (the host's state file keeps them between CLI commands). */
  snapshot(): DefragSnapshot {
    const queues: QueueSnapshot[] = [];
    for (const q of this.queues.values()) {
      const { frags, runs, tail, lastRun, ...rest } = q;
      queues.push({
        ...rest,
        frags: frags.map((f) => ({ off: f.off, data: hexOf(f.data), hdr: hexOf(f.hdr), pkt: pktSnapshot(f.pkt) })),
        runs: runs.map((r) => [r.start, r.len]),
        tail: tail ? frags.indexOf(tail) : -1,
        lastRun: lastRun ? runs.indexOf(lastRun) : -1,
      });
    }
    return { mem: this.mem, peers: [...this.peers], queues };
  }

  restore(snap: DefragSnapshot): void {
    this.clear();
    this.peers.clear();
    for (const [k, v] of snap.peers ?? []) this.peers.set(k, v);
    this.mem = snap.mem ?? 0;
    for (const qs of snap.queues ?? []) {
      const frags = qs.frags.map((f) => ({
        off: f.off,
        data: bytesOf(f.data),
        hdr: bytesOf(f.hdr),
        pkt: pktOf(f.pkt),
      }));
      const runs = qs.runs.map(([start, len]) => ({ start, len }));
      const { frags: _f, runs: _r, tail, lastRun, ...rest } = qs;
      this.queues.set(qs.key, {
        ...rest,
        frags,
        runs,
        tail: frags[tail] ?? null,
        lastRun: runs[lastRun] ?? null,
      });
    }
  }
}

interface PacketSnapshot {
  ip: string;
  inDev: string;
  outDev: string;
  macSrc: number;
  macDst: number;
  hasMac: boolean;
  pktType: number;
  mark: number;
}

interface QueueSnapshot extends Omit<Queue, "frags" | "runs" | "tail" | "lastRun"> {
  frags: Array<{ off: number; data: string; hdr: string; pkt: PacketSnapshot }>;
  runs: Array<[number, number]>;
  tail: number;
  lastRun: number;
}

export interface DefragSnapshot {
  mem: number;
  peers: Array<[number, number]>;
  queues: QueueSnapshot[];
}

function hexOf(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}

function bytesOf(h: string): Uint8Array {
  const b = new Uint8Array(h.length >>> 1);
  for (let i = 0; i < b.length; i++) b[i] = Number.parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return b;
}

function pktSnapshot(p: Packet): PacketSnapshot {
  return {
    ip: hexOf(ipBytes(p)),
    inDev: p.inDev,
    outDev: p.outDev,
    macSrc: p.macSrc,
    macDst: p.macDst,
    hasMac: p.hasMac,
    pktType: p.pktType,
    mark: p.mark,
  };
}

function pktOf(s: PacketSnapshot): Packet {
  const p = parseIp(bytesOf(s.ip))!;
  p.inDev = s.inDev;
  p.outDev = s.outDev;
  p.macSrc = s.macSrc;
  p.macDst = s.macDst;
  p.hasMac = s.hasMac;
  p.pktType = s.pktType;
  p.mark = s.mark;
  return p;
}

function runIndex(runs: Run[], start: number): number {
  let i = runs.length;
  while (i > 0 && runs[i - 1]!.start > start) i--;
  return i;
}

/** The fragment as bytes on the wire (header and data, as long as its total length says). */
function fragmentBytes(p: Packet): Uint8Array {
  return ipBytes(p);
}

// ---------------------------------------------------------------- output

/**
 * ip_options_fragment(): the options of every fragment after the first keep
 * only those with the copied bit; the others become NOPs.
 */
function optionsFragment(hdr: Uint8Array): void {
  let i = 20;
  while (i < hdr.length) {
    const k = hdr[i]!;
    if (k === 0) return;
    if (k === 1) {
      i++;
      continue;
    }
    const l = hdr[i + 1] ?? 0;
    if (l < 2 || i + l > hdr.length) return;
    if (!(k & 0x80)) hdr.fill(1, i, i + l);
    i += l;
  }
}

function fragmentPacket(p: Packet, hdr: Uint8Array, data: Uint8Array, frag: number): Packet {
  const b = new Uint8Array(hdr.length + data.length);
  b.set(hdr, 0);
  b.set(data, hdr.length);
  const len = b.length;
  b[2] = len >>> 8;
  b[3] = len & 255;
  b[6] = frag >>> 8;
  b[7] = frag & 255;
  b[10] = b[11] = 0;
  const c = ~onesSum(b, 0, hdr.length) & 0xffff;
  b[10] = c >>> 8;
  b[11] = c & 255;
  const f = parseIp(b)!;
  // ip_copy_metadata()
  f.macSrc = p.macSrc;
  f.macDst = p.macDst;
  f.hasMac = p.hasMac;
  f.pktType = p.pktType;
  f.mark = p.mark;
  f.priority = p.priority;
  f.secmark = p.secmark;
  f.inDev = p.inDev;
  f.outDev = p.outDev;
  f.physIn = p.physIn;
  f.physOut = p.physOut;
  f.uid = p.uid;
  f.gid = p.gid;
  f.sockKind = p.sockKind;
  f.nfTrace = p.nfTrace;
  f.traceId = p.traceId;
  f.ct = p.ct;
  f.ctinfo = p.ctinfo;
  return f;
}

export type FragmentOutcome =
  /** Goes out as it is. */
  | { kind: "whole" }
  /** ip_do_fragment(): these go out instead. */
  | { kind: "fragments"; pkts: Packet[] }
  /** DF forbids it: ICMP fragmentation needed (with this MTU), and the packet is dropped. */
  | { kind: "toobig"; mtu: number };

/**
 * __ip_finish_output(): a packet longer than the device's MTU, or a reassembled one (IPCB
 * frag_max_size), goes through ip_fragment(): fragments along the original ones when they
 * fit (the frag_list fast path: DF cleared), else cut to the MTU (slow path: DF kept for
 * IPSKB_FRAG_PMTU).
 */
export function fragmentForOutput(p: Packet, devMtu: number): FragmentOutcome {
  const info = reassembledInfo(p);
  if (!info && p.len <= devMtu) return { kind: "whole" };
  if (p.frag & IP_DF) {
    // ip_fragment()
    if (!info?.ignoreDf || (info.fragMax && info.fragMax > devMtu)) return { kind: "toobig", mtu: devMtu };
  }
  const wire = ipBytes(p);
  const hl = p.ihl;
  let mtu = devMtu;
  if (info?.fragMax && info.fragMax < mtu) mtu = info.fragMax;
  mtu -= hl;
  const hdr = wire.slice(0, hl);
  const data = wire.subarray(hl);
  const out: Packet[] = [];
  const sizes = info?.sizes;
  if (sizes && fastPathFits(sizes, mtu, p)) {
    let off = 0;
    let h = hdr;
    for (let i = 0; i < sizes.length; i++) {
      const n = sizes[i]!;
      const more = i < sizes.length - 1;
      if (i === 1 && hl > 20) {
        h = hdr.slice();
        optionsFragment(h);
      }
      out.push(fragmentPacket(p, h, data.subarray(off, off + n), (off >>> 3) | (more ? IP_MF : 0)));
      off += n;
    }
    return { kind: "fragments", pkts: out };
  }
  // the slow path: pieces of the MTU, rounded to 8 but the last
  const base = (p.frag & IP_OFFMASK) << 3;
  const notLast = (p.frag & IP_MF) !== 0;
  const df = info?.pmtu ? IP_DF : 0;
  let h = hdr;
  for (let ptr = 0; ptr < data.length; ) {
    let n = data.length - ptr;
    if (n > mtu) n = mtu;
    if (n < data.length - ptr) n &= ~7;
    if (n <= 0) break;
    const left = data.length - ptr - n;
    const frag = ((base + ptr) >>> 3) | df | (left > 0 || notLast ? IP_MF : 0);
    out.push(fragmentPacket(p, h, data.subarray(ptr, ptr + n), frag));
    if (ptr === 0 && base === 0 && hl > 20) {
      h = hdr.slice();
      optionsFragment(h);
    }
    ptr += n;
  }
  return { kind: "fragments", pkts: out };
}

/** ip_do_fragment(): whether the original fragments can go out as they came. */
function fastPathFits(sizes: number[], mtu: number, p: Packet): boolean {
  const first = sizes[0]!;
  if (first > mtu || first & 7 || p.frag & (IP_MF | IP_OFFMASK)) return false;
  for (let i = 1; i < sizes.length; i++) {
    const n = sizes[i]!;
    if (n > mtu || (n & 7 && i < sizes.length - 1)) return false;
  }
  // the datagram may have grown or shrunk since (a mangled length): then the list does not fit it
  let total = 0;
  for (const n of sizes) total += n;
  return total === p.len - p.ihl;
}
