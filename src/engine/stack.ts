/**
 * The twin's IPv4 packet path, in the kernel's order:
 *   receive: PREROUTING (raw, conntrack, mangle, nat) → routing →
 *            INPUT (mangle, filter, security, nat, confirm) → local stack
 *            or FORWARD (mangle, filter, security) → POSTROUTING (mangle, nat, confirm) → out
 *   local:   routing → OUTPUT (raw, conntrack, mangle, nat, filter, security)
 *            → reroute → POSTROUTING → out (or back in through lo)
 * Conntrack, NAT and the local stack's replies are modules behind small
 * interfaces; this file decides what happens to a packet and records it.
 */
import { formatIPv4 } from "../core/ipv4.js";
import { IP_DF, IP_MF, IP_OFFMASK, IPPROTO_ICMP, PACKET_HOST, Packet } from "../core/packet.js";
import type { Rng } from "../core/rng.js";
import {
  NF_INET_FORWARD,
  NF_INET_LOCAL_IN,
  NF_INET_LOCAL_OUT,
  NF_INET_POST_ROUTING,
  NF_INET_PRE_ROUTING,
} from "../extensions/api.js";
import { PACKET_LOOPBACK } from "../extensions/pkt-util.js";
import { type EvalContext, type NetView, RTN_LOCAL } from "./context.js";
import {
  Defrag,
  type DefragResult,
  fragmentForOutput,
  IP_DEFRAG_CONNTRACK_IN,
  IP_DEFRAG_CONNTRACK_OUT,
  IP_DEFRAG_LOCAL_DELIVER,
  reassembledInfo,
} from "./defrag.js";
import { forwardOptions, receiveOptions } from "./ip-options.js";
import type { Sockets } from "./local.js";
import type { NetConfig, RouteResult } from "./net.js";
import {
  type CompiledTable,
  captureDecision,
  compileTable,
  type DecisionRef,
  decisionChain,
  decisionRule,
  deferCounters,
  flushCounters,
  lastDecision,
  resetDecision,
  runHook,
  type TraceEvent,
} from "./netfilter.js";
import { diffHeaders, headerSnapshot, type Rewrite } from "./rewrites.js";
import type { Ruleset, Table } from "./ruleset.js";
import { NF_ACCEPT, NF_DROP, NF_QUEUE, NF_STOLEN } from "./verdict.js";

/** Where a packet's journey through this host ended. */
export type Fate =
  | { kind: "delivered" }
  | { kind: "forwarded"; dev: string }
  | { kind: "sent"; dev: string }
  | { kind: "dropped"; table: string; chain: string; rule: number; hook?: number }
  | { kind: "stolen"; table: string; chain: string; rule: number }
  | { kind: "queued"; table: string; chain: string; rule: number }
  | { kind: "discarded"; reason: string };

/** A packet the host put on a wire. */
export interface Emission {
  dev: string;
  pkt: Packet;
}

export interface HookTrace {
  hook: number;
  event: TraceEvent;
  /** The packet as it was at the first event of a base chain (xtables-monitor prints it as PACKET:). */
  pkt?: Packet;
  /** Trace id of the packet (its skb). */
  id?: number;
}

export interface PacketReport {
  fate: Fate;
  /** The packet as it was when its journey ended (after NAT and mangling). */
  final: Packet;
  /** Every packet the host transmitted because of this one, in order (the packet itself if forwarded or sent). */
  emitted: Emission[];
  trace: HookTrace[];
  /** Header rewrites of the packet (NAT, mangle), when the journey was started with `watch`. */
  rewrites?: Rewrite[];
}

/** Conntrack as the path needs it (src/engine/conntrack.ts implements it). */
export interface ConntrackHooks {
  /** Whether anything in this host needs conntrack (NAT, state matches, CT…); otherwise it does not run. */
  active(): boolean;
  /** nf_conntrack_in at PREROUTING/OUTPUT: attach an entry (new, or found) to p.ct/p.ctinfo; false = drop. */
  in(p: Packet, hook: number, nowNs: number): boolean;
  /** __nf_conntrack_confirm at the end of INPUT/POSTROUTING; false = drop (insertion clash). */
  confirm(p: Packet, nowNs: number): boolean | undefined;
  /** The packet keeps (true) or lets go of (false) a reference to its entry while it waits (ARP queue). */
  hold?(p: Packet, held: boolean): void;
}

/** NAT as the path needs it (src/engine/nat.ts implements it). */
export interface NatHooks {
  /**
   * nf_nat_inet_fn for the nat table at `hook`: on the first packet of a
   * connection runs the nat chain (`runChain`), then applies the binding.
   * Returns the verdict.
   */
  hook(p: Packet, hook: number, runChain: () => number, nowNs: number): number;
}

/** The local stack's answer to a packet delivered to this host. */
export interface LocalStack {
  deliver(p: Packet, send: (reply: Packet) => void): void;
  /**
   * icmp_send(): an ICMP error about `orig` (dropped packet), if the kernel would send one; `info`
   * the rest-of-header word, `skbLen` the bytes of `orig` the kernel still holds (a queued fragment's).
   */
  icmpError(
    orig: Packet,
    type: number,
    code: number,
    send: (reply: Packet) => void,
    info?: number,
    skbLen?: number,
  ): void;
  /** ip_error(): the ICMP for a packet routing refused, behind ip_error's own per-peer limit. */
  routeError?(orig: Packet, code: number, send: (reply: Packet) => void): void;
  /** nf_send_reset() (REJECT --reject-with tcp-reset). */
  tcpReset?(orig: Packet, send: (reply: Packet) => void): void;
  /** ip_rt_send_redirect(): an ICMP host redirect to `gw` for a packet forwarded back out its input device. */
  redirect?(orig: Packet, gw: number, send: (reply: Packet) => void): void;
  /** The host's sockets (the socket match looks them up). */
  readonly sockets?: Sockets;
}

export interface StackDeps {
  ruleset: Ruleset;
  net: NetConfig;
  rng: Rng;
  nowNs(): number;
  /** The virtual wall clock in whole seconds (the time match). */
  wallSeconds?(): number;
  /** The virtual wall clock in milliseconds since the epoch (IP timestamp options); default: boot at midnight. */
  wallMs?(): number;
  log(level: number, line: string): void;
  shared: Map<string, unknown>;
  conntrack: ConntrackHooks;
  nat: NatHooks;
  local: LocalStack;
}

/** The socket's uid a local packet's route lookup carries (root's for the kernel's own packets). */
function sockUid(p: Packet): number {
  return p.uid >= 0 ? p.uid : 0;
}

/**
 * What policy rules by ipproto/ports/uid read of a packet: an arriving one's transport ports as
 * the flow dissector finds them (none for ICMP, none for any fragment, the first included: no
 * FLOW_DISSECTOR_F_PARSE_1ST_FRAG), a local one's as its socket gave them (ICMP's type and code in the place of the destination port, as raw and ICMP
 * sockets fill flowi4).
 */
function ruleL4(p: Packet, output: boolean): { proto: number; sport: number; dport: number; uid: number } {
  const proto = p.proto;
  let sport = 0;
  let dport = 0;
  if (proto === IPPROTO_ICMP) {
    if (output) dport = (p.icmpType << 8) | p.icmpCode;
  } else if (PORT_PROTOS.has(proto) && (output || (p.frag & (IP_MF | IP_OFFMASK)) === 0)) {
    sport = p.sport;
    dport = p.dport;
  }
  return { proto, sport, dport, uid: output ? sockUid(p) : 0 };
}

/** Transport protocols whose ports the flow dissector reads (proto_ports_offset()). */
const PORT_PROTOS = new Set([6, 17, 33, 132, 136]);

/** Table order per hook (NF_IP_PRI_*), with the conntrack and nat points. */
const HOOK_TABLES: Record<number, readonly string[]> = {
  [NF_INET_PRE_ROUTING]: ["@defrag", "raw", "@conntrack", "mangle", "@nat"],
  [NF_INET_LOCAL_IN]: ["mangle", "filter", "security", "@nat", "@confirm"],
  [NF_INET_FORWARD]: ["mangle", "filter", "security"],
  [NF_INET_LOCAL_OUT]: ["@defrag", "raw", "@conntrack", "mangle", "@nat", "filter", "security"],
  [NF_INET_POST_ROUTING]: ["mangle", "@nat", "@confirm"],
};

export class NetStack implements NetView {
  private compiled = new Map<string, { table: Table; c: CompiledTable }>();
  private deferring = false;
  private journey: PacketReport | null = null;
  /** Nesting depth of locally generated packets (a REJECT reply inside a receive). */
  private depth = 0;
  /** Trace ids handed out (a deterministic stand-in for the kernel's skb hash). */
  private traceSeq = 0;
  /**
   * netif_rx()'s queue: frames [backlogHead, backlogTail) of these arrays, each with the nesting
   * depth of the packet that queued it. The arrays are kept when the queue empties (no shift() nor
   * length = 0, which would trim or drop their storage and make it again for the next frame).
   */
  private readonly backlogPkts: Array<Packet | null> = [];
  private readonly backlogDevs: string[] = [];
  private readonly backlogDepths: number[] = [];
  private backlogHead = 0;
  private backlogTail = 0;
  private softirq = false;
  /** local_bh_disable() nesting. */
  private bh = 0;
  /** Packets waiting for a neighbour that will not answer, per device and next hop. */
  private readonly arpQueues = new Map<string, { failAt: number; pkts: Packet[] }>();
  /** net_ratelimit_state (begin < 0: not started). */
  private readonly netRl = { begin: -1, printed: 0, missed: 0 };
  /** Evaluation contexts by nesting depth (a REJECT reply runs inside its packet's traversal): reused, not rebuilt. */
  private readonly ctxPool: EvalContext[] = [];
  private ctxDepth = 0;
  /** The traversal trace events belong to (saved and restored around nested traversals). */
  private traceHook = 0;
  private traceFirst = true;
  private tracePkt: Packet | null = null;
  private readonly traceFn = (e: TraceEvent): void => {
    const p = this.tracePkt!;
    if (p.traceId === 0) p.traceId = traceHash(++this.traceSeq);
    const hook = this.traceHook;
    const j = this.journey;
    if (j) {
      const ev: HookTrace = this.traceFirst
        ? { hook, event: e, id: p.traceId, pkt: p.clone() }
        : { hook, event: e, id: p.traceId };
      if (j.trace === NONE_TRACED) j.trace = [ev];
      else j.trace.push(ev);
    }
    this.traceFirst = false;
  };
  /** The nat table run handed to NatHooks.hook (one closure for the stack's life). */
  private natTable: CompiledTable | null = null;
  private natHookNum = 0;
  private natPkt: Packet | null = null;
  private natNow = 0;
  /** Where the nat chain decided (resolved to a name only if the packet stops there). */
  private readonly natDecision: DecisionRef = { t: null, ci: 0, g: 0, chain: "", rule: 0 };
  private readonly natRun = (): number => {
    const v = this.runTable(this.natTable!, this.natHookNum, this.natPkt!, this.natNow);
    captureDecision(this.natDecision);
    return v;
  };
  /** Compiled tables per hook in priority order, with the conntrack and nat points; rebuilt when a table changes. */
  private hookPlans: Array<HookStep[] | null> = [null, null, null, null, null];
  /** Journeys begun (receive/send); the journey (or batch, < 0) each hook's plan was last checked in. */
  private journeys = 0;
  /** During a batch (see batch()): its number, negative; 0 outside. */
  private batchEpoch = 0;
  private batches = 0;
  private readonly planChecked = [-1, -1, -1, -1, -1];
  /** IPv4 reassembly queues (nf_defrag_ipv4's and ip_local_deliver()'s). */
  readonly defrag: Defrag;

  constructor(readonly deps: StackDeps) {
    this.defrag = new Defrag({ nowNs: () => deps.nowNs(), sysctl: (n) => deps.net.sysctlInt(n) });
  }

  // ---- NetView for extensions ----
  addrType(addr: number, dev: string): number {
    return this.deps.net.addrType(addr, dev);
  }

  routeDev(dst: number, src: number, mark: number): string {
    // fib_lookup(FIB_LOOKUP_IGNORE_LINKSTATE, scope universe) as rpfilter does it: the nexthop
    // device (a local route's is the address's device, not lo), "" for no or a rejecting route
    const r = this.deps.net.fibLookup({ dst, src, mark }, 0, true);
    return r?.oif ? this.deps.net.nameOf(r.oif) : "";
  }

  primaryAddr(dev: string): number | undefined {
    return this.deps.net.iface(dev)?.addrs[0]?.addr;
  }

  masqSource(dev: string, dst: number): number {
    // rt_nexthop(): the gateway of the packet's route, else the destination itself (lo has only
    // host-scope addresses: inet_select_addr() then takes the first fit of another device)
    const r = this.deps.net.lookup(dst);
    return this.deps.net.selectAddr(this.deps.net.iface(dev), r?.gateway || dst, 0);
  }

  devGroup(dev: string): number {
    return this.deps.net.iface(dev)?.group ?? 0;
  }

  mtu(dev: string): number {
    return this.deps.net.iface(dev)?.mtu ?? 1500;
  }

  // ---- compiled tables ----
  private table(name: string): CompiledTable {
    const t = this.deps.ruleset.table(name)!;
    const hit = this.compiled.get(name);
    if (hit && hit.table === t) return hit.c;
    // counts the replaced compilation still holds belong to its rules
    if (hit) flushCounters(hit.c);
    const c = compileTable(t);
    c.deferred = this.deferring;
    this.compiled.set(name, { table: t, c });
    return c;
  }

  /**
   * A batch of packets (send --json) during which no command runs: the rules do not change
   * (hook plans are checked once) and no one reads counters (they stay in the compiled tables,
   * typed arrays, instead of a visit to each rule object per packet). Off adds them to the rules.
   */
  batch(on: boolean): void {
    this.batchEpoch = on ? -++this.batches : 0;
    this.deferring = on;
    for (const { c } of this.compiled.values()) deferCounters(c, on);
  }

  /** Compiles every table now, so that a rule without packet semantics fails before any packet moves. */
  prepare(): void {
    for (const name of this.deps.ruleset.tables.keys()) this.table(name);
  }

  private makeCtx(): EvalContext {
    const deps = this.deps;
    return {
      hook: 0,
      table: "",
      nowNs: 0,
      hotdrop: false,
      net: this,
      random32: () => deps.rng.next32(),
      log: (level, line) => deps.log(level, line),
      sendLocal: (p) => this.output(p),
      shared: deps.shared,
      // read by the time match only: no clock conversion for every table
      get wallSeconds() {
        return deps.wallSeconds?.();
      },
      dup: (p, gw, oif) => this.dup(p, gw, oif),
      socket: (proto, saddr, sport, daddr, dport) => deps.local.sockets?.find(proto, saddr, sport, daddr, dport),
      reply: {
        // icmp_send() and the reset run with bottom halves off: what they loop back comes after them
        icmpError: (p, type, code) => this.bhOff(() => deps.local.icmpError(p, type, code, (r) => this.output(r))),
        tcpReset: (p) => this.bhOff(() => deps.local.tcpReset?.(p, (r) => this.output(r))),
      },
    };
  }

  /** The steps of a hook (tables by priority, conntrack, nat, confirm), valid while no table changed. */
  private plan(hook: number): HookStep[] {
    const cached = this.hookPlans[hook];
    // rules do not change while a packet travels (nor during a batch): checked once per journey or batch
    const epoch = this.batchEpoch < 0 ? this.batchEpoch : this.journeys;
    if (cached && this.planChecked[hook] === epoch) return cached;
    this.planChecked[hook] = epoch;
    if (cached) {
      let fresh = true;
      for (let i = 0; i < cached.length; i++) {
        const st = cached[i]!;
        if (st.name !== null && this.deps.ruleset.table(st.name) !== st.src) {
          fresh = false;
          break;
        }
      }
      if (fresh) return cached;
    }
    const steps: HookStep[] = [];
    for (const name of HOOK_TABLES[hook]!) {
      if (name === "@conntrack") steps.push({ kind: STEP_CONNTRACK, name: null, src: null, t: null });
      else if (name === "@defrag") steps.push({ kind: STEP_DEFRAG, name: null, src: null, t: null });
      else if (name === "@confirm") steps.push({ kind: STEP_CONFIRM, name: null, src: null, t: null });
      else {
        const tname = name === "@nat" ? "nat" : name;
        // nat compiles on first use (only packets with a conntrack entry reach it)
        const src = this.deps.ruleset.table(tname);
        steps.push({
          kind: name === "@nat" ? STEP_NAT : STEP_TABLE,
          name: tname,
          src,
          t: name === "@nat" ? null : this.table(tname),
        });
      }
    }
    this.hookPlans[hook] = steps;
    return steps;
  }

  /**
   * Runs the hook's tables in priority order. Returns NF_ACCEPT or the
   * terminal verdict, recording where the packet stopped.
   */
  private hook(hook: number, p: Packet): number {
    const now = this.deps.nowNs();
    const steps = this.plan(hook);
    for (let i = 0; i < steps.length; i++) {
      const st = steps[i]!;
      switch (st.kind) {
        case STEP_DEFRAG:
          // nf_defrag_ipv4 (priority -400) runs wherever conntrack does
          if (p.frag & (IP_MF | IP_OFFMASK) && this.deps.conntrack.active() && !untracked(p)) {
            const user = hook === NF_INET_PRE_ROUTING ? IP_DEFRAG_CONNTRACK_IN : IP_DEFRAG_CONNTRACK_OUT;
            const r = this.defrag.defrag(p, user);
            if (r !== "ok") {
              this.discard(`${DEFRAG_FATE[r]} (nf_defrag_ipv4)`);
              return NF_STOLEN;
            }
          }
          continue;
        case STEP_CONNTRACK:
          if (this.deps.conntrack.active() && !this.deps.conntrack.in(p, hook, now))
            return this.stop(NF_DROP, "conntrack", "", 0, hook);
          continue;
        case STEP_CONFIRM:
          if (p.ct && this.deps.conntrack.confirm(p, now) === false)
            return this.stop(NF_DROP, "conntrack", "", 0, hook);
          continue;
        case STEP_NAT: {
          if (!p.ct) continue;
          const snap = this.journey?.rewrites && this.depth === 0 ? headerSnapshot(p) : null;
          // (saved in locals, not an array: this runs twice for every packet of a new connection)
          const sTable = this.natTable;
          const sHook = this.natHookNum;
          const sPkt = this.natPkt;
          const sNow = this.natNow;
          this.natTable = st.t ??= this.table("nat");
          this.natHookNum = hook;
          this.natPkt = p;
          this.natNow = now;
          this.natDecision.t = null;
          this.natDecision.chain = "";
          this.natDecision.rule = 0;
          let v: number;
          try {
            v = this.deps.nat.hook(p, hook, this.natRun, now);
          } finally {
            this.natTable = sTable;
            this.natHookNum = sHook;
            this.natPkt = sPkt;
            this.natNow = sNow;
          }
          if (snap) diffHeaders(snap, p, "nat", hook, this.journey!.rewrites!);
          if (queueBypass(v)) continue;
          if (v !== NF_ACCEPT)
            return this.stop(v, "nat", decisionChain(this.natDecision), decisionRule(this.natDecision), hook);
          continue;
        }
        default: {
          const t = st.t!;
          if (t.base[hook]! < 0) continue;
          const snap = this.journey?.rewrites && this.depth === 0 ? headerSnapshot(p) : null;
          const v = this.runTable(t, hook, p, now);
          if (snap) diffHeaders(snap, p, st.name!, hook, this.journey!.rewrites!);
          // NFQUEUE --queue-bypass with no queue listener (the twin has none): on to the next table.
          if (queueBypass(v)) continue;
          if (v !== NF_ACCEPT) {
            const d = lastDecision();
            return this.stop(v, st.name!, d.chain, d.rule, hook);
          }
        }
      }
    }
    return NF_ACCEPT;
  }

  /** One table at one hook; lastDecision() names the deciding rule. */
  private runTable(t: CompiledTable, hook: number, p: Packet, now: number): number {
    const d = this.ctxDepth++;
    const ctx = this.ctxPool[d] ?? (this.ctxPool[d] = this.makeCtx());
    ctx.hook = hook;
    ctx.table = t.table.name;
    ctx.nowNs = now;
    ctx.hotdrop = false;
    const prevHook = this.traceHook;
    const prevFirst = this.traceFirst;
    const prevPkt = this.tracePkt;
    this.traceHook = hook;
    this.traceFirst = true;
    this.tracePkt = p;
    resetDecision();
    try {
      return runHook(t, hook, p, ctx, this.traceFn);
    } finally {
      this.ctxDepth = d;
      this.traceHook = prevHook;
      this.traceFirst = prevFirst;
      this.tracePkt = prevPkt;
    }
  }

  private stop(v: number, table: string, chain: string, rule: number, hook?: number): number {
    if (this.journey && this.depth === 0) {
      if (v === NF_DROP) this.journey.fate = { kind: "dropped", table, chain, rule, hook };
      else if (v === NF_STOLEN) this.journey.fate = { kind: "stolen", table, chain, rule };
      else if ((v & 0xff) === NF_QUEUE) this.journey.fate = { kind: "queued", table, chain, rule };
    }
    // No queue listener in the twin: nf_queue() drops the packet.
    return (v & 0xff) === NF_QUEUE ? NF_DROP : v;
  }

  private begin(p: Packet, watch: boolean): PacketReport {
    this.journeys++;
    const rep: PacketReport = { fate: NO_FATE_YET, final: p, emitted: NONE_EMITTED, trace: NONE_TRACED };
    if (watch) rep.rewrites = [];
    this.journey = rep;
    this.clearBacklog();
    this.softirq = false;
    this.bh = 0;
    if (this.arpQueues.size) this.arpTimeouts();
    if (this.defrag.size) this.fragTimeouts();
    return rep;
  }

  /**
   * Timers due by now (reassembly queues that expired): a journey of no packet, whose report
   * holds what they sent. They also run at the start of every journey.
   */
  timers(watch = false): PacketReport {
    const rep = this.begin(NO_PACKET, watch);
    rep.fate = { kind: "discarded", reason: "timers: reassembly queues expired" };
    this.journey = null;
    return rep;
  }

  /** When the next timer of the stack is due (ns), if one is pending. */
  nextTimerNs(): number | undefined {
    return this.defrag.nextExpiry();
  }

  /**
   * ip_expire(): each expired queue whose first fragment came gets, once its head is routed again
   * from the interface it came in on, an ICMP time exceeded (fragment reassembly); conntrack's
   * queues only for datagrams to this host (frag_expire_skip_icmp()).
   */
  private fragTimeouts(): void {
    const expired = this.defrag.expire(this.deps.nowNs());
    if (!expired.length) return;
    const net = this.deps.net;
    this.softirq = true;
    this.depth++;
    try {
      for (const e of expired) {
        const head = e.head.clone();
        head.inDev = e.iif;
        const iif = net.iface(e.iif);
        if (!iif) continue;
        const r = net.routeInput({ dst: head.dst, src: head.src, iif: iif.index, mark: head.mark, tos: head.tos });
        if ("errno" in r) continue;
        if (e.user !== IP_DEFRAG_LOCAL_DELIVER && r.type !== RTN_LOCAL) continue;
        this.deps.local.icmpError(head, 11, 1, (reply) => this.output(reply), 0, e.headLen);
      }
    } finally {
      this.softirq = false;
      this.depth--;
    }
    if (this.backlogHead < this.backlogTail) this.runBacklog();
  }

  /**
   * netif_rx(): a frame for this host's input (from the wire, looped back through lo, a broadcast's
   * copy). Outside softirq context (an application's send) the backlog runs at once, when the
   * sender's code re-enables bottom halves; inside it (while a received packet is processed) it
   * waits until that packet is done: a REJECT reply looped back through lo comes after the
   * verdict that made it.
   */
  private netifRx(p: Packet, dev: string): void {
    const i = this.backlogTail++;
    this.backlogPkts[i] = p;
    this.backlogDevs[i] = dev;
    this.backlogDepths[i] = this.depth;
    if (!this.softirq && this.bh === 0) this.runBacklog();
  }

  private clearBacklog(): void {
    for (let i = 0; i < this.backlogTail; i++) this.backlogPkts[i] = null;
    this.backlogHead = this.backlogTail = 0;
  }

  /** local_bh_disable() … local_bh_enable(): the backlog runs (outside softirq context) at the end. */
  private bhOff(f: () => void): void {
    this.bh++;
    try {
      f();
    } finally {
      this.bh--;
    }
    if (this.bh === 0 && !this.softirq && this.backlogHead < this.backlogTail) this.runBacklog();
  }

  /** net_rx_action(): the backlog in order, each frame at the nesting depth of the packet that queued it. */
  private runBacklog(): void {
    const depth = this.depth;
    this.softirq = true;
    try {
      while (this.backlogHead < this.backlogTail) {
        const i = this.backlogHead++;
        this.depth = this.backlogDepths[i]!;
        this.rx(this.backlogPkts[i]!, this.backlogDevs[i]!);
      }
      this.clearBacklog();
    } finally {
      this.softirq = false;
      this.depth = depth;
    }
  }

  /**
   * ip_mc_output() for a broadcast route: a clone goes through POSTROUTING first and is looped back
   * (dev_loopback_xmit(): input on the same device, PACKET_LOOPBACK, no link-layer header).
   */
  private broadcastLoop(p: Packet): void {
    const copy = p.clone();
    // another skb: another trace id, and no socket (skb_clone() leaves sk out)
    copy.traceId = 0;
    copy.uid = copy.gid = -1;
    copy.sockKind = 0;
    this.depth++;
    try {
      if (this.hook(NF_INET_POST_ROUTING, copy) !== NF_ACCEPT) return;
      copy.pktType = PACKET_LOOPBACK;
      copy.hasMac = false;
      copy.traceId = 0;
      this.netifRx(copy, copy.outDev);
    } finally {
      this.depth--;
    }
  }

  /** A packet arriving on `dev` from the wire; `watch` records header rewrites. */
  receive(p: Packet, dev: string, watch = false): PacketReport {
    const rep = this.begin(p, watch);
    this.netifRx(p, dev);
    this.journey = null;
    return rep;
  }

  /** A packet the host itself sends (an application's, or --local). */
  send(p: Packet, watch = false): PacketReport {
    const rep = this.begin(p, watch);
    this.output(p);
    this.journey = null;
    return rep;
  }

  private setFate(f: Fate): void {
    if (this.journey && this.depth === 0 && this.journey.fate.kind === "discarded" && this.journey.fate.reason === "")
      this.journey.fate = f;
  }

  private discard(reason: string): void {
    this.setFate({ kind: "discarded", reason });
  }

  private rx(p: Packet, dev: string): void {
    const net = this.deps.net;
    const iface = net.iface(dev);
    if (!iface?.up) {
      this.discard(`interface ${dev} is down or missing`);
      return;
    }
    p.inDev = dev;
    p.outDev = "";
    // ip_rcv_core(): IPCB starts empty
    p.ipOpt = null;
    if (this.hook(NF_INET_PRE_ROUTING, p) !== NF_ACCEPT) return;
    const r = this.routeInput(p, dev);
    if (r === "local") {
      // ip_local_deliver(): fragments are reassembled before INPUT
      if (p.frag & (IP_MF | IP_OFFMASK)) {
        const d = this.defrag.defrag(p, IP_DEFRAG_LOCAL_DELIVER);
        if (d !== "ok") {
          this.discard(`${DEFRAG_FATE[d]} (ip_local_deliver)`);
          return;
        }
      }
      if (this.hook(NF_INET_LOCAL_IN, p) !== NF_ACCEPT) return;
      this.setFate({ kind: "delivered" });
      this.deps.local.deliver(p, (reply) => this.output(reply));
      return;
    }
    if (r === null) return;
    this.forward(p, r);
  }

  /** ip_route_input(): "local", a forwarding route, or null (dropped, with any ICMP sent). */
  private routeInput(p: Packet, dev: string): "local" | RouteResult | null {
    const net = this.deps.net;
    if (p.src === 0xffffffff || p.src >>> 28 === 0xe || (p.src >>> 24 === 0 && p.src !== 0))
      return this.martianSource(p, dev);
    // (what rules by ipproto/ports read, for the route and the source check alike)
    const l4 = net.customRules ? ruleL4(p, false) : undefined;
    const local = l4 ? net.lookupFlow(p.dst, p.src, net.iface(dev)?.index ?? 0, p.mark, p.tos, l4) : net.lookup(p.dst);
    const loopbackDst = p.dst >>> 24 === 127;
    if (loopbackDst && dev !== "lo" && !net.confInt(dev, "route_localnet", "or")) {
      this.discard(`martian destination ${formatIPv4(p.dst)}`);
      const iface = net.iface(dev);
      if (iface && net.confOr(iface, "log_martians") && this.netRatelimit())
        this.deps.log(4, `IPv4: martian destination ${formatIPv4(p.dst)} from ${formatIPv4(p.src)}, dev ${dev}`);
      return null;
    }
    // (a frame looped back, through lo or as a broadcast's copy, keeps the route it was sent by:
    // no input route, no source check)
    const iface = dev === "lo" || p.pktType === PACKET_LOOPBACK ? undefined : net.iface(dev);
    const isLocal =
      (local !== undefined && (local.type === "local" || local.type === "broadcast")) || p.dst === 0xffffffff;
    const forwarding = net.confInt(dev, "forwarding", "and") || net.sysctlInt("net.ipv4.ip_forward");
    if (iface) {
      // fib_validate_source() within the route lookup, before the options: a local input's source
      // (a broadcast's unless it is 0.0.0.0), a forwarded packet's reverse path (rp_filter)
      if (isLocal) {
        const brd = local?.type !== "local";
        if (!(brd && p.src === 0) && net.validateSource(p.src, brd ? 0 : p.dst, 0, iface, p.mark, p.tos & 0x1c, l4) < 0)
          return this.martianSource(p, dev);
      } else if (forwarding && local && !REJECTING_ROUTE.has(local.type)) {
        if (net.validateSource(p.src, p.dst, net.iface(local.dev)?.index ?? 0, iface, p.mark, p.tos & 0x1c, l4) < 0)
          return this.martianSource(p, dev);
      }
    }
    // ip_rcv_options() runs on whatever the route lookup gave (an error route included)
    if (p.ipOptions !== null) {
      const kind: string = !local
        ? "error"
        : local.type === "local" || local.type === "broadcast"
          ? local.type
          : p.dst === 0xffffffff
            ? "broadcast"
            : local.type === "unicast" && !forwarding
              ? "error"
              : local.type;
      const o = this.rcvOptions(p, dev, kind);
      if (o === null) return null;
      if (o !== undefined) return o;
    }
    if (isLocal) return "local";
    if (!forwarding) {
      this.discard("not for this host and forwarding is off");
      return null;
    }
    if (!local) {
      this.discard("no route to host");
      this.routeError(p, 0);
      return null;
    }
    if (local.type === "blackhole") {
      this.discard("blackhole route");
      return null;
    }
    if (local.type === "unreachable" || local.type === "prohibit") {
      this.discard(`${local.type} route`);
      // ip_error(): an unreachable route is EHOSTUNREACH, an unreachable rule ENETUNREACH
      this.routeError(p, local.type === "unreachable" ? (local.route?.ruleErr === "ENETUNREACH" ? 0 : 1) : 13);
      return null;
    }
    return local;
  }

  /** ip_handle_martian_source(): dropped; logged (with the link header) under log_martians. */
  private martianSource(p: Packet, dev: string): null {
    this.discard(`martian source ${formatIPv4(p.src)}`);
    const iface = this.deps.net.iface(dev);
    if (!iface || !this.deps.net.confOr(iface, "log_martians") || !this.netRatelimit()) return null;
    this.deps.log(4, `IPv4: martian source ${formatIPv4(p.dst)} from ${formatIPv4(p.src)}, on dev ${dev}`);
    if (p.hasMac) {
      let hex = "";
      for (const b of [...macBytes(p.macDst), ...macBytes(p.macSrc), 0x08, 0x00])
        hex += `${hex ? " " : ""}${b.toString(16).padStart(2, "0")}`;
      this.deps.log(4, `ll header: 00000000: ${hex}`);
    }
    return null;
  }

  /** net_ratelimit(): 10 messages per 5 s (message_burst, message_cost), then how many were held back. */
  private netRatelimit(): boolean {
    const now = this.deps.nowNs();
    const rs = this.netRl;
    if (rs.begin < 0) rs.begin = now;
    if (now > rs.begin + 5_000_000_000) {
      if (rs.missed) {
        this.deps.log(4, `net_ratelimit: ${rs.missed} callbacks suppressed`);
        rs.missed = 0;
      }
      rs.begin = now;
      rs.printed = 0;
    }
    if (rs.printed < 10) {
      rs.printed++;
      return true;
    }
    rs.missed++;
    return false;
  }

  private wallMs(): number {
    return this.deps.wallMs ? this.deps.wallMs() : Math.floor(this.deps.nowNs() / 1e6);
  }

  /** ip_rcv_options() (src/engine/ip-options.ts): null drops the packet, a route is a source route's next hop. */
  private rcvOptions(p: Packet, dev: string, kind: string): RouteResult | null | undefined {
    return receiveOptions(p, dev, kind, {
      net: this.deps.net,
      wallMs: () => this.wallMs(),
      discard: (reason) => this.discard(reason),
      paramProblem: (pointer) =>
        this.deps.local.icmpError(p, 12, 0, (reply) => this.output(reply), (pointer << 24) >>> 0),
      martianLog: (level, line) => {
        const iface = this.deps.net.iface(dev);
        if (iface && this.deps.net.confOr(iface, "log_martians") && this.netRatelimit()) this.deps.log(level, line);
      },
    });
  }

  private routeError(p: Packet, code: number): void {
    const send = (reply: Packet) => this.output(reply);
    if (this.deps.local.routeError) this.deps.local.routeError(p, code, send);
    else this.deps.local.icmpError(p, 3, code, send);
  }

  /** ip_forward(): TTL, then FORWARD, then out. */
  private forward(p: Packet, r: RouteResult): void {
    // a frame to the link's broadcast or a multicast address is not forwarded, NAT or not
    if (p.pktType !== PACKET_HOST) {
      this.discard("not for this host at the link layer");
      return;
    }
    if (p.ttl <= 1) {
      this.discard("TTL expired in transit");
      this.deps.local.icmpError(p, 11, 0, (reply) => this.output(reply));
      return;
    }
    // strict source routing permits no gatewaying
    if (p.ipOpt?.isStrictroute && r.gateway) {
      this.discard("strict source route through a gateway");
      this.deps.local.icmpError(p, 3, 5, (reply) => this.output(reply));
      return;
    }
    // ip_exceeds_mtu(): DF and longer than the route's MTU
    const mtu = this.mtu(r.dev);
    if (p.len > mtu && p.frag & IP_DF) {
      const info = reassembledInfo(p);
      if ((info?.fragMax ?? 0) > mtu || !info?.ignoreDf) {
        this.discard(`fragmentation needed (mtu ${mtu})`);
        this.deps.local.icmpError(p, 3, 4, (reply) => this.output(reply), mtu);
        return;
      }
    }
    p.ttl--;
    p.outDev = r.dev;
    if (p.inDev === r.dev && this.deps.local.redirect && !p.ipOpt?.srr) this.maybeRedirect(p);
    if (this.hook(NF_INET_FORWARD, p) !== NF_ACCEPT) return;
    // ip_forward_finish(): ip_forward_options()
    if (p.ipOpt !== null) {
      const net = this.deps.net;
      forwardOptions(p, () => net.lookup(p.dst >>> 0)?.src ?? 0);
    }
    if (this.hook(NF_INET_POST_ROUTING, p) !== NF_ACCEPT) return;
    if (this.unresolved(p, p.outDev, r.gateway || p.dst)) return;
    this.setFate({ kind: "forwarded", dev: p.outDev });
    this.finishOutput(p.outDev, p, true);
  }

  /**
   * ip_finish_output(): a packet longer than the MTU, or a reassembled one, goes out in fragments
   * (ip_fragment()); the others as they are. (The host's own with DF and too long go out whole:
   * the sockets that make them in the kernel would not have.)
   */
  private finishOutput(dev: string, p: Packet, forwarded: boolean): void {
    if (!forwarded && !reassembledInfo(p) && (p.frag & IP_DF || p.len <= this.mtu(dev))) {
      this.xmit(dev, p);
      return;
    }
    const f = fragmentForOutput(p, this.mtu(dev));
    if (f.kind === "whole") this.xmit(dev, p);
    else if (f.kind === "toobig") {
      this.discard(`fragmentation needed (mtu ${f.mtu})`);
      this.deps.local.icmpError(p, 3, 4, (reply) => this.output(reply), f.mtu);
    } else for (const q of f.pkts) this.xmit(dev, q);
  }

  /** ip_local_out(): route, OUTPUT, reroute when NAT or mangle changed the packet, POSTROUTING. */
  private output(p: Packet): void {
    this.depth += p === this.journey?.final ? 0 : 1;
    try {
      const net = this.deps.net;
      // (ip_route_output_key(): the socket's source if bound, else none yet; iif is lo)
      // (the socket's protocol, ports and uid only matter to custom rules: made only then)
      let r = net.lookupFlow(
        p.dst,
        p.src,
        LOOPBACK_IFINDEX,
        p.mark,
        p.tos,
        net.customRules ? ruleL4(p, true) : undefined,
      );
      if (!r || r.type === "blackhole" || r.type === "unreachable" || r.type === "prohibit") {
        this.discard("no route to host");
        return;
      }
      if (p.src === 0) p.src = r.src;
      p.inDev = "";
      p.outDev = r.type === "local" ? "lo" : r.dev;
      const before = { dst: p.dst, mark: p.mark, tos: p.tos };
      if (this.hook(NF_INET_LOCAL_OUT, p) !== NF_ACCEPT) return;
      if (p.dst !== before.dst || p.mark !== before.mark || p.tos !== before.tos) {
        // (ip_route_me_harder(): the packet's own protocol and ports, as an arriving one's)
        const l4 = net.customRules ? { ...net.inputFlow(ruleL4(p, false)), uid: sockUid(p) } : undefined;
        r = net.lookupFlow(p.dst, p.src, LOOPBACK_IFINDEX, p.mark, p.tos, l4);
        if (!r) {
          this.discard("no route to host after rerouting");
          return;
        }
        p.outDev = r.type === "local" ? "lo" : r.dev;
      }
      if (r.type === "broadcast" && p.outDev !== "lo") this.broadcastLoop(p);
      if (this.hook(NF_INET_POST_ROUTING, p) !== NF_ACCEPT) return;
      if (p.outDev === "lo") {
        // Looped back: the packet enters again on lo.
        this.setFate({ kind: "sent", dev: "lo" });
        const again = p.clone();
        again.inDev = "lo";
        // A new skb as far as tracing goes (the kernel's trace id hashes the input interface).
        again.traceId = 0;
        // loopback_xmit() orphans the skb: no socket on the way in
        again.uid = again.gid = -1;
        again.sockKind = 0;
        this.netifRx(again, "lo");
        return;
      }
      if (r.type === "unicast" && this.unresolved(p, p.outDev, r.gateway || p.dst)) return;
      this.setFate({ kind: "sent", dev: p.outDev });
      this.finishOutput(p.outDev, p, false);
    } finally {
      this.depth -= p === this.journey?.final ? 0 : 1;
    }
  }

  /** IPSKB_DOREDIRECT (__mkroute_input(): out the input device, send_redirects, an on-link sender): ip_forward() redirects. */
  private maybeRedirect(p: Packet): void {
    const net = this.deps.net;
    const iif = net.iface(p.inDev)?.index;
    if (iif === undefined) return;
    const ri = net.routeInput({ dst: p.dst, src: p.src, iif, mark: p.mark, tos: p.tos });
    if ("errno" in ri || !ri.redirect) return;
    // rt_nexthop(): the gateway, else the destination itself
    this.deps.local.redirect!(p, ri.gateway || p.dst, (reply) => this.output(reply));
  }

  /** nf_dup_ipv4() (TEE): the copy is routed with `gw` as next hop and sent as a local packet. */
  private dup(p: Packet, gw: number, oif: string): void {
    const net = this.deps.net;
    const o = oif ? net.iface(oif) : undefined;
    const r = net.routeOutput({ dst: gw, oif: o?.index, tos: p.tos & 0xfc });
    if ("errno" in r) return;
    this.depth++;
    try {
      p.inDev = "";
      p.outDev = net.nameOf(r.oif);
      if (this.hook(NF_INET_LOCAL_OUT, p) !== NF_ACCEPT) return;
      // nf_dup_ipv4_route() set skb->dev to the route's device, and ip_output() passes skb->dev
      // as POSTROUTING's input device: LOG and trace show the copy with IN= its output device
      p.inDev = p.outDev;
      if (this.hook(NF_INET_POST_ROUTING, p) !== NF_ACCEPT) return;
      this.xmit(p.outDev, p);
    } finally {
      this.depth--;
    }
  }

  /**
   * neigh_resolve_output(): the next hop's link address. The twin's neighbours all answer, except
   * for a connected subnet's network address (no host holds it): the packet waits in that
   * neighbour's ARP queue (keeping its conntrack entry referenced) until resolution fails,
   * after mcast_solicit (3) probes retrans_time (1 s) apart; then it is dropped with an ICMP host
   * unreachable (arp_error_report()), sent when the twin next handles a packet.
   */
  private unresolved(p: Packet, dev: string, nh: number): boolean {
    const i = this.deps.net.iface(dev);
    if (!i) return false;
    let nowhere = false;
    for (let k = 0; k < i.addrs.length && !nowhere; k++) {
      const a = i.addrs[k]!;
      if (a.plen >= 31) continue;
      const mask = (0xffffffff << (32 - a.plen)) >>> 0;
      nowhere = (a.peer & mask) >>> 0 === nh >>> 0;
    }
    if (!nowhere) return false;
    this.discard(`no neighbour answers for ${formatIPv4(nh)} (waiting in the ARP queue)`);
    const key = `${dev}/${nh >>> 0}`;
    let q = this.arpQueues.get(key);
    if (!q) {
      q = { failAt: this.deps.nowNs() + ARP_FAIL_NS, pkts: [] };
      this.arpQueues.set(key, q);
    }
    const held = p.clone();
    this.deps.conntrack.hold?.(held, true);
    q.pkts.push(held);
    return true;
  }

  /** Neighbours whose resolution failed meanwhile: their queued packets go, each with its ICMP error. */
  private arpTimeouts(): void {
    const now = this.deps.nowNs();
    // the neighbour timer runs in softirq context
    this.softirq = true;
    this.depth++;
    try {
      for (const [key, q] of this.arpQueues) {
        if (now < q.failAt) continue;
        this.arpQueues.delete(key);
        for (const p of q.pkts) {
          this.deps.local.icmpError(p, 3, 1, (reply) => this.output(reply));
          this.deps.conntrack.hold?.(p, false);
        }
      }
    } finally {
      this.softirq = false;
      this.depth--;
    }
    if (this.backlogHead < this.backlogTail) this.runBacklog();
  }

  private xmit(dev: string, p: Packet): void {
    const iface = this.deps.net.iface(dev);
    if (iface) {
      p.macSrc = iface.mac;
      p.hasMac = true;
    }
    const j = this.journey;
    if (!j) return;
    // in a batch (send --json) the report is written out before the next packet is built and
    // nothing changes the packet after it left: no copy
    const e: Emission = { dev, pkt: this.batchEpoch < 0 ? p : p.clone() };
    if (j.emitted === NONE_EMITTED) j.emitted = [e];
    else j.emitted.push(e);
  }
}

export { IPPROTO_ICMP };

/**
 * A journey's fate until something decides it ("discarded" with no reason), and its empty lists: shared
 * (a report gets its own list at its first emission or trace event; most have none or one).
 */
const NO_FATE_YET: Fate = Object.freeze({ kind: "discarded", reason: "" });
const NONE_EMITTED: Emission[] = Object.freeze([]) as unknown as Emission[];
const NONE_TRACED: HookTrace[] = Object.freeze([]) as unknown as HookTrace[];

const STEP_TABLE = 0;
const STEP_CONNTRACK = 1;
const STEP_NAT = 2;
const STEP_CONFIRM = 3;
const STEP_DEFRAG = 4;

/** What became of a fragment that did not complete its datagram. */
const DEFRAG_FATE: Record<Exclude<DefragResult, "ok">, string> = {
  queued: "fragment queued for reassembly",
  duplicate: "duplicate fragment dropped",
  overlap: "overlapping fragment: its reassembly queue dropped",
  invalid: "bad fragment: its reassembly queue dropped",
  nomem: "fragment dropped: reassembly memory over ipfrag_high_thresh",
};

/** The packet a journey of timers alone starts with (it goes nowhere). */
const NO_PACKET = new Packet();

/**
 * ipv4_conntrack_defrag(): an untracked packet is left alone. (The skip of a looped-back packet
 * that has its entry is compiled out with CONFIG_NF_NAT, as on the reference kernel.)
 */
function untracked(p: Packet): boolean {
  return p.ctinfo === 7;
}

/** One step of a hook: a table (with the Table it was compiled from), or a conntrack/nat point. */
interface HookStep {
  kind: number;
  name: string | null;
  src: Table | undefined | null;
  t: CompiledTable | null;
}

/** An NF_QUEUE verdict with NF_VERDICT_FLAG_QUEUE_BYPASS: nf_queue() finds no listener and accepts. */
function queueBypass(v: number): boolean {
  return v >= 0 && (v & 0xff) === NF_QUEUE && (v & 0x8000) !== 0;
}

/** Until an unanswered ARP resolution fails: mcast_solicit probes, retrans_time apart. */
const ARP_FAIL_NS = 3 * 1_000_000_000;
/** Route types that reject a packet (ip_error()) rather than forward it. */
const REJECTING_ROUTE = new Set(["blackhole", "unreachable", "prohibit"]);
/** A MAC address's six bytes, most significant first. */
function macBytes(m: number): number[] {
  const b: number[] = [];
  for (let i = 5; i >= 0; i--) b.push(Math.floor(m / 2 ** (8 * i)) % 256);
  return b;
}

/** The flow's input interface of a packet the host sends itself (LOOPBACK_IFINDEX). */
const LOOPBACK_IFINDEX = 1;

/** A 32-bit mix of a sequence number: trace ids look random but replay identically. */
function traceHash(n: number): number {
  let h = Math.imul(n ^ 0x5bd1e995, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0 || 1;
}
