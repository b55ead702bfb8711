/**
 * A lab: several named twin hosts and the L2 segments joining their
 * interfaces (a cable between two interfaces, or a switch with many ports).
 *
 * A packet a host puts on an interface reaches the other ports of that
 * segment after a fixed link delay: unicast only to the port whose host owns
 * the next hop's address (neighbours are resolved from the topology, no ARP
 * packets), broadcast and multicast to every other port. There it is
 * `receive`d by that host's stack, whose own emissions travel on the same
 * way, so NAT on one host, conntrack on both sides and the replies all happen.
 * A next hop nobody owns fails after 3 s as ARP does: the sender gets ICMP
 * host unreachable (so ping prints "Destination Host Unreachable" and
 * connect() fails with "No route to host").
 *
 * Time is virtual and shared: events (frames in flight, tool timers) run in
 * time order on one clock, and every host's clock follows it.
 * Loops are cut by TTL and by a cap on deliveries per injected packet.
 */
import { PACKET_BROADCAST, PACKET_HOST, PACKET_MULTICAST, Packet } from "../core/packet.js";
import type { PacketReport } from "../engine/stack.js";
import type { Host } from "../host.js";
import { ServerApps } from "./apps.js";
import { EventHeap } from "./heap.js";
import { type HostSys, sysOf } from "./sys.js";

/** One traversal of a link (a veth-like 20 µs: ping across one link shows time=0.040 ms). */
export const LINK_DELAY_NS = 20_000;
/** Frames delivered for one injected packet before the lab calls it a storm and drops the rest. */
export const MAX_DELIVERIES = 10_000;
/** ARP gives up after 3 probes, one second apart (mcast_solicit=3, retrans_time_ms=1000). */
export const ARP_FAIL_NS = 3_000_000_000;

const BCAST_MAC = 0xffffffffffff;

export interface LabPort {
  host: LabHost;
  dev: string;
}

export type SegmentKind = "link" | "switch";

export interface Segment {
  name: string;
  kind: SegmentKind;
  ports: LabPort[];
  /** Neighbour cache: address → owning port (null: nobody), valid while the hosts' networks are unchanged. */
  cache: Map<number, LabPort | null>;
  gens: number[];
}

/** A local socket of a tool: sees packets delivered to its host before the kernel's socket layer does. */
export interface Endpoint {
  /** Returns true when the packet was for this endpoint (it is consumed). `send` transmits a reply. */
  take(p: Packet, send: (reply: Packet) => void): boolean;
}

/** Something a server-side application does with packets the kernel delivered (see apps.ts). */
export interface AppHook {
  /** Before the kernel's TCP: true = consumed (a connection the application layer owns). */
  before(p: Packet, send: (reply: Packet) => void): boolean;
  /** After the kernel's TCP handled the segment (e.g. data arrived: answer it). */
  after(p: Packet, send: (reply: Packet) => void): void;
}

/** What one host did with one packet, for send/trace across the lab. */
export interface Hop {
  host: LabHost;
  /** The interface it arrived on, or null when the host itself sent it. */
  dev: string | null;
  t: number;
  report: PacketReport;
  logs: string[];
  /** Frames it put on links that nobody took (no link, or the neighbour did not answer). */
  lost: string[];
}

interface FrameEvent {
  t: number;
  seq: number;
  host?: LabHost;
  dev?: string;
  pkt?: Packet;
  fn?: () => void;
}

interface Neighbour {
  queue: Packet[];
}

/** skb metadata that does not cross a wire. */
const WIRE_RESET = new Packet();
const META_KEYS = [
  "mark",
  "priority",
  "secmark",
  "physIn",
  "physOut",
  "uid",
  "gid",
  "sockKind",
  "nfTrace",
  "traceId",
  "ct",
  "ctinfo",
] as const;

function onWire(p: Packet): void {
  const r = p as unknown as Record<string, unknown>;
  const d = WIRE_RESET as unknown as Record<string, unknown>;
  for (const k of META_KEYS) if (k in d) r[k] = d[k];
}

export class LabHost {
  /** Interface name → the segment it is plugged into. */
  readonly links = new Map<string, Segment>();
  /** Tool sockets open on this host (ping, nc, curl while they run). */
  readonly endpoints: Endpoint[] = [];
  /** Server applications (listeners declared in the lab file or opened with nc -l). */
  readonly apps: AppHook[] = [];
  /** Neighbours being resolved: "dev addr" → queued packets. */
  readonly pending = new Map<string, Neighbour>();
  /** When the lab runs the host stack's timers next (reassembly queues expiring), if armed. */
  timerAt: number | undefined;
  /** The applications behind the host's listeners. */
  readonly server: ServerApps;

  constructor(
    readonly lab: Lab,
    readonly name: string,
    readonly host: Host,
  ) {
    if (LAB_OF.has(host)) throw new Error(`host ${name} is already in a lab`);
    // The lab's sockets sit in front of the kernel's own (the stack calls deliver for local packets).
    const local = host.local;
    const kernel = local.deliver.bind(local);
    local.deliver = (p, send) => {
      for (const e of this.endpoints) if (e.take(p, send)) return;
      for (const a of this.apps) if (a.before(p, send)) return;
      kernel(p, send);
      for (const a of this.apps) a.after(p, send);
    };
    this.server = new ServerApps(this);
    this.apps.push(this.server);
    this.server.open();
    LAB_OF.set(host, this);
  }

  get sys(): HostSys {
    return sysOf(this.host);
  }

  get hostname(): string {
    return this.sys.hostname;
  }
}

const LAB_OF = new WeakMap<Host, LabHost>();

/** The lab host a Host belongs to, if any. */
export function labHostOf(host: Host): LabHost | undefined {
  return LAB_OF.get(host);
}

/** The host's place in a lab; a host outside any lab becomes the only host of a lab of its own. */
export function ensureLabHost(host: Host): LabHost {
  const lh = LAB_OF.get(host);
  if (lh) return lh;
  const lab = new Lab({ epoch: host.epoch, nowNs: Number(host.elapsedNs) });
  return lab.addHost(sysOf(host).hostname, host);
}

export class Lab {
  readonly hosts = new Map<string, LabHost>();
  readonly segments: Segment[] = [];
  /** Virtual ns since the hosts booted. */
  nowNs = 0;
  /** Wall-clock seconds at boot. */
  epoch: number;
  private readonly heap = new EventHeap<FrameEvent>();
  private seq = 0;
  private deliveries = 0;
  /** Set when a packet storm was cut (MAX_DELIVERIES). */
  storms = 0;
  /** When set, every host visit is recorded here (send/trace across the lab). */
  recorder: Hop[] | null = null;
  /** Packets are traced on every host (trace across the lab). */
  tracing = false;
  /** Watch header rewrites (send's "nat POSTROUTING: src …" lines). */
  watch = false;

  constructor(opts: { epoch?: number; nowNs?: number } = {}) {
    this.epoch = opts.epoch ?? Math.floor(Date.now() / 1000);
    this.nowNs = opts.nowNs ?? 0;
  }

  addHost(name: string, host: Host): LabHost {
    if (this.hosts.has(name)) throw new Error(`host ${name} already in the lab`);
    const lh = new LabHost(this, name, host);
    this.hosts.set(name, lh);
    host.epoch = this.epoch;
    host.elapsedNs = BigInt(this.nowNs);
    return lh;
  }

  host(name: string): LabHost | undefined {
    return this.hosts.get(name);
  }

  /** Plugs interfaces into a new segment. */
  connect(name: string, kind: SegmentKind, ports: ReadonlyArray<readonly [string, string]>): Segment {
    const seg: Segment = { name, kind, ports: [], cache: new Map(), gens: [] };
    for (const [h, dev] of ports) {
      const lh = this.hosts.get(h);
      if (!lh) throw new Error(`no host ${h} in the lab`);
      if (lh.links.has(dev)) throw new Error(`${h}:${dev} is already plugged into ${lh.links.get(dev)!.name}`);
      lh.links.set(dev, seg);
      seg.ports.push({ host: lh, dev });
    }
    this.segments.push(seg);
    return seg;
  }

  // ---------------------------------------------------------------- clock and events

  /** The host's clock follows the lab's. */
  private syncHost(lh: LabHost): void {
    lh.host.elapsedNs = BigInt(this.nowNs);
  }

  /** The lab's clock catches up with a host whose clock was moved on directly (send --after). */
  catchUp(): void {
    for (const lh of this.hosts.values()) {
      const t = Number(lh.host.elapsedNs);
      if (t > this.nowNs) this.nowNs = t;
    }
  }

  /** Every host's clock follows the lab's (after a command). */
  settle(): void {
    for (const lh of this.hosts.values()) {
      lh.host.epoch = this.epoch;
      lh.host.elapsedNs = BigInt(this.nowNs);
    }
  }

  /** Runs `fn` at virtual time `t` (ns). */
  at(t: number, fn: () => void): void {
    this.heap.push({ t: Math.max(t, this.nowNs), seq: this.seq++, fn });
  }

  /** Whether events are waiting (frames in flight or timers). */
  get busy(): boolean {
    return this.heap.size > 0;
  }

  /**
   * Processes events in time order until none is left, the next is due at
   * or after `until`, or `stop()` says so. The clock ends at the last event run
   * (or at `until` when given and nothing stopped earlier).
   */
  run(until = Number.POSITIVE_INFINITY, stop?: () => boolean): void {
    for (;;) {
      if (stop?.()) return;
      const ev = this.heap.peek();
      // Exclusive: what is due exactly at `until` comes after it (a tool's timeout beats a retransmission).
      if (!ev || ev.t >= until) break;
      this.heap.pop();
      if (ev.t > this.nowNs) this.nowNs = ev.t;
      if (ev.fn) ev.fn();
      else this.frame(ev.host!, ev.dev!, ev.pkt!);
    }
    if (Number.isFinite(until) && until > this.nowNs) this.nowNs = until;
  }

  /**
   * Lets the frames still in flight arrive (a tool has ended: its last ACKs
   * and FINs still travel); timers are dropped (their tools are gone).
   */
  drain(): void {
    for (;;) {
      const ev = this.heap.pop();
      if (!ev) break;
      if (ev.fn) continue;
      if (ev.t > this.nowNs) this.nowNs = ev.t;
      this.frame(ev.host!, ev.dev!, ev.pkt!);
    }
    for (const lh of this.hosts.values()) {
      lh.pending.clear();
      lh.timerAt = undefined;
    }
    this.settle();
  }

  /** Whether this is a lab of one host with no links (a host on its own). */
  get solo(): boolean {
    return this.hosts.size === 1 && this.segments.length === 0;
  }

  /** Lets time pass (and whatever happens meanwhile). */
  advance(ns: number): void {
    // timers a host's stack holds from before (a state file read back) run on the way
    for (const lh of this.hosts.values()) this.armTimers(lh);
    this.run(this.nowNs + ns);
  }

  /** Schedules the host stack's next timer (a reassembly queue expiring), once per due time. */
  private armTimers(lh: LabHost): void {
    const t = lh.host.stack().nextTimerNs();
    if (t === undefined || lh.timerAt === t) return;
    lh.timerAt = t;
    this.at(t, () => {
      if (lh.timerAt !== t) return;
      lh.timerAt = undefined;
      this.deliveries = 0;
      this.inHost(lh, null, null);
    });
  }

  // ---------------------------------------------------------------- packets

  /** A packet `lh` itself sends (an application's): OUTPUT, POSTROUTING, onto the links. */
  send(lh: LabHost, p: Packet): PacketReport {
    this.deliveries = 0;
    return this.inHost(lh, null, p);
  }

  /** A packet arriving on `dev` of `lh` from outside the lab (send -i). */
  receive(lh: LabHost, dev: string, p: Packet): PacketReport {
    this.deliveries = 0;
    return this.inHost(lh, dev, p);
  }

  /** One journey in `lh` (a packet it sends, one arriving on `dev`, or with no packet its due timers). */
  private inHost(lh: LabHost, dev: string | null, p: Packet | null): PacketReport {
    this.syncHost(lh);
    const host = lh.host;
    const logStart = host.kernlog.length;
    const watch = this.watch && this.recorder !== null;
    const stack = host.stack();
    const rep = p === null ? stack.timers(watch) : dev === null ? stack.send(p, watch) : stack.receive(p, dev, watch);
    let hop: Hop | undefined;
    if (this.recorder && (p !== null || rep.emitted.length || host.kernlog.length > logStart)) {
      const logs: string[] = [];
      for (let i = logStart; i < host.kernlog.length; i++) logs.push(host.kernlog[i]!.line);
      hop = { host: lh, dev, t: this.nowNs, report: rep, logs, lost: [] };
      this.recorder.push(hop);
    }
    for (const e of rep.emitted) this.transmit(lh, e.dev, e.pkt, hop);
    this.armTimers(lh);
    return rep;
  }

  private frame(lh: LabHost, dev: string, p: Packet): void {
    if (++this.deliveries > MAX_DELIVERIES) {
      if (this.deliveries === MAX_DELIVERIES + 1) {
        this.storms++;
        // Drop every frame still in flight; timers stay.
        this.heap.filter((e) => e.fn !== undefined);
      }
      return;
    }
    const iface = lh.host.net.iface(dev);
    if (!iface?.up) return;
    onWire(p);
    if (this.tracing) p.nfTrace = true;
    p.pktType =
      p.macDst === BCAST_MAC ? PACKET_BROADCAST : Math.floor(p.macDst / 2 ** 40) & 1 ? PACKET_MULTICAST : PACKET_HOST;
    this.inHost(lh, dev, p);
  }

  /** Puts a frame on the segment `dev` of `from` is plugged into. */
  private transmit(from: LabHost, dev: string, p: Packet, hop: Hop | undefined): void {
    const seg = from.links.get(dev);
    if (!seg) {
      hop?.lost.push(`${dev}: not connected to anything in the lab`);
      return;
    }
    const net = from.host.net;
    let via = p.dst >>> 0;
    const r = net.lookup(via);
    if (r?.gateway && r.dev === dev) via = r.gateway >>> 0;
    const iface = net.iface(dev);
    const broadcast = via === 0xffffffff || (iface?.addrs.some((a) => a.brd !== 0 && a.brd >>> 0 === via) ?? false);
    const multicast = via >>> 28 === 0xe;
    const t = this.nowNs + LINK_DELAY_NS;
    if (broadcast || multicast) {
      p.macDst = broadcast ? BCAST_MAC : 0x01005e000000 + (via & 0x7fffff);
      for (const port of seg.ports) {
        if (port.host === from && port.dev === dev) continue;
        this.heap.push({ t, seq: this.seq++, host: port.host, dev: port.dev, pkt: p.clone() });
      }
      return;
    }
    const owner = this.resolve(seg, from, via);
    if (owner) {
      const oif = owner.host.host.net.iface(owner.dev);
      p.macDst = oif ? oif.mac : 0;
      p.hasMac = true;
      // The sender's report keeps what it sent; a recorded journey needs its own copy on the wire.
      this.heap.push({ t, seq: this.seq++, host: owner.host, dev: owner.dev, pkt: this.recorder ? p.clone() : p });
      return;
    }
    hop?.lost.push(`${dev}: no neighbour answers for ${fmt(via)} (ARP fails after 3 s)`);
    this.unresolved(from, dev, via, p);
  }

  /** Which port of the segment owns `addr` (arp_ignore=0: any address of the host answers). */
  private resolve(seg: Segment, from: LabHost, addr: number): LabPort | null {
    let stale = seg.gens.length !== seg.ports.length;
    for (let i = 0; !stale && i < seg.ports.length; i++)
      if (seg.gens[i] !== seg.ports[i]!.host.host.net.gen) stale = true;
    if (stale) {
      seg.cache.clear();
      seg.gens = seg.ports.map((p) => p.host.host.net.gen);
    }
    const hit = seg.cache.get(addr);
    if (hit !== undefined && (hit === null || hit.host !== from)) return hit;
    let found: LabPort | null = null;
    for (const port of seg.ports) {
      if (port.host === from) continue;
      const i = port.host.host.net.iface(port.dev);
      if (!i?.up) continue;
      if (owns(port.host.host, addr)) {
        found = port;
        break;
      }
    }
    seg.cache.set(addr, found);
    return found;
  }

  /** Incomplete neighbour: packets wait; after 3 s each gets ICMP host unreachable from the sender. */
  private unresolved(from: LabHost, dev: string, via: number, p: Packet): void {
    const key = `${dev} ${via}`;
    let n = from.pending.get(key);
    if (n) {
      n.queue.push(p);
      return;
    }
    n = { queue: [p] };
    from.pending.set(key, n);
    const entry = n;
    this.at(this.nowNs + ARP_FAIL_NS, () => {
      from.pending.delete(key);
      this.deliveries = 0;
      for (const q of entry.queue) {
        this.syncHost(from);
        // ipv4_link_failure(): icmp_send(ICMP_DEST_UNREACH, ICMP_HOST_UNREACH); the error is a packet the host sends.
        const errs: Packet[] = [];
        from.host.local.icmpError(q, 3, 1, (r) => errs.push(r));
        for (const e of errs) this.inHost(from, null, e);
      }
    });
  }

  /** Addresses of a host name as the lab knows them (first: the host's first address). */
  addressesOf(name: string): number[] {
    const lh = this.hosts.get(name);
    if (!lh) return [];
    const out: number[] = [];
    for (const i of lh.host.net.ifaces) {
      if (i.kind === "loopback") continue;
      for (const a of i.addrs) if (!out.includes(a.addr >>> 0)) out.push(a.addr >>> 0);
    }
    return out;
  }
}

function owns(host: Host, addr: number): boolean {
  if (addr >>> 24 === 127) return false;
  for (const i of host.net.ifaces) {
    if (i.kind === "loopback") continue;
    for (const a of i.addrs) if (a.addr >>> 0 === addr) return true;
  }
  return false;
}

function fmt(a: number): string {
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}
