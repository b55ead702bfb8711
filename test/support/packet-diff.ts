/**
 * Runs a kernel differential case (test/support/packet-gen.ts) on either
 * side — the real kernel lab or a twin host — and turns what happened into
 * comparable observations: the packets emitted per step (as canonical
 * strings, with the fields Linux randomises masked), the kernel log lines,
 * `iptables-save -c`, `conntrack -L` and, for trace cases, the
 * `xtables-monitor --trace` text.
 *
 * Masked, and why:
 *  - IP id of ICMP messages the DUT generates itself (errors, echo replies;
 *    also after NAT, and in LOG lines and trace PACKET lines of packets
 *    that did not come from the wire: no input device, lo, or the copy of a
 *    broadcast looped back, which has no MAC): the kernel draws it from a keyed
 *    hash (ip_select_ident). Forwarded packets, TCP resets and the DUT's
 *    other packets keep deterministic ids and are compared.
 *  - sequence numbers of connections the DUT's own TCP answered (random
 *    ISN: shown as isn+offset) and their TCP timestamp values.
 *  - conntrack timeouts (seconds left): the kernel's clock runs while the
 *    case runs, the twin's does not.
 *  - trace ids (a keyed hash of the skb): each id is replaced by its order
 *    of first appearance, so grouping is still compared.
 *  - the date in iptables-save's comment lines.
 * The destination MAC of what the twin emits comes from the lab's static
 * neighbour table (the twin models no neighbours), or is the broadcast or
 * multicast MAC for such destinations.
 */

import { buildPacket, flagLetters, specFromJson } from "../../src/compat/packet-spec.js";
import { traceLines } from "../../src/compat/packet-text.js";
import { ShellSession } from "../../src/compat/session.js";
import { formatIPv4 } from "../../src/core/ipv4.js";
import {
  frameBytes,
  IPPROTO_ICMP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  ipBytes,
  type Packet,
  parseFrame,
} from "../../src/core/packet.js";
import type { Host } from "../../src/host.js";
import { DUT0, DUT1, type KernelLab, MAC_PEER0, MAC_PEER1, twinHost } from "./kernel-host.js";
import { type KCase, type PacketStep, PORTS } from "./packet-gen.js";

export interface StepObs {
  out: string[];
  log: string[];
  /** What sendto() returned for a packet the DUT sent itself ("EPERM" when netfilter dropped it). */
  err?: string;
}

export interface KObs {
  /** iptables-restore's status and stderr. */
  restore: string;
  steps: StepObs[];
  save: string;
  conntrack: string[];
  trace?: string;
}

const PEER_MAC: Record<string, number> = { eth0: MAC_PEER0, eth1: MAC_PEER1 };
const BROADCAST: Record<string, number> = { eth0: 0x0a000003, eth1: 0x0a000103 };

/** The destination MAC the lab's DUT uses: broadcast, multicast, else the peer (static neighbours). */
function neighbourMac(dev: string, dst: number): number {
  if (dst === 0xffffffff || dst === BROADCAST[dev]) return 0xffffffffffff;
  if (dst >>> 28 === 0xe) return 0x01005e000000 + (dst & 0x7fffff);
  return PEER_MAC[dev] ?? 0;
}
const DUT_ADDRS = new Set([DUT0, DUT1, 0x7f000001]);

function hex(b: Uint8Array | null): string {
  if (!b) return "";
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}

function fnv(b: Uint8Array | null): string {
  if (!b || b.length === 0) return "0";
  let h = 0x811c9dc5;
  for (const x of b) h = Math.imul(h ^ x, 0x01000193) >>> 0;
  return `${b.length}:${h.toString(16)}`;
}

function macHex(m: number): string {
  return m.toString(16).padStart(12, "0");
}

/**
 * Connections the DUT's own TCP answered: their initial sequence number is
 * random (secure_tcp_seq), so their sequence numbers show as ISN+offset,
 * and TCP timestamp values are masked.
 */
export class SeqNorm {
  private readonly isn = new Map<string, number>();

  /** Notes a SYN-ACK the DUT generated (not one it forwarded). */
  note(p: Packet): void {
    this.isn.set(connKey(p.src, p.sport, p.dst, p.dport), p.seq >>> 0);
  }

  base(src: number, sport: number, dst: number, dport: number): number | undefined {
    return this.isn.get(connKey(src, sport, dst, dport));
  }
}

function connKey(src: number, sport: number, dst: number, dport: number): string {
  return `${src >>> 0}:${sport}>${dst >>> 0}:${dport}`;
}

function parseDottedLoose(s: string): number {
  const p = s.split(".").map(Number);
  return ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
}

/** TCP options with the timestamp values (kind 8) masked. */
function tcpOptKey(o: Uint8Array): string {
  let s = "";
  for (let i = 0; i < o.length; ) {
    const k = o[i]!;
    if (k === 0 || k === 1) {
      s += k.toString(16).padStart(2, "0");
      i++;
      continue;
    }
    const len = Math.max(2, o[i + 1] ?? 2);
    s += k === 8 ? "08 0a ts " : `${hex(o.subarray(i, i + len))} `;
    i += len;
  }
  return s.trim();
}

/** A packet as it left `dev`, as one comparable line. */
export function packetKey(dev: string, p: Packet, norm?: SeqNorm, injected?: Packet): string {
  // An ICMP message the DUT made (not the injected one passing through): its id is random, NAT or not.
  const passing = injected !== undefined && injected.proto === IPPROTO_ICMP && injected.icmpType === p.icmpType;
  const maskId = p.proto === IPPROTO_ICMP && (injected === undefined ? DUT_ADDRS.has(p.src) : !passing);
  let s = `${dev} ${macHex(p.macSrc)}>${macHex(p.macDst)} ${formatIPv4(p.src)}>${formatIPv4(p.dst)} p${p.proto} tos=${p.tos} len=${p.len} ttl=${p.ttl} frag=${p.frag.toString(16)} id=${maskId ? "*" : p.id}`;
  if (p.ipOptions) s += ` ipopt=${hex(p.ipOptions)}`;
  if (p.isFragment()) return `${s} frag-payload=${fnv(p.payload)}`;
  switch (p.proto) {
    case IPPROTO_TCP: {
      const base = norm?.base(p.src, p.sport, p.dst, p.dport);
      const seq = base === undefined ? String(p.seq >>> 0) : `isn+${((p.seq >>> 0) - base) >>> 0}`;
      s += ` ${p.sport}>${p.dport} [${flagLetters(p.tcpFlags)}] seq=${seq} ack=${p.ack >>> 0} win=${p.window} urg=${p.urgPtr}`;
      if (p.tcpOptions) s += ` opt=${base === undefined ? hex(p.tcpOptions) : tcpOptKey(p.tcpOptions)}`;
      s += ` data=${fnv(p.payload)}`;
      break;
    }
    case IPPROTO_UDP:
      s += ` ${p.sport}>${p.dport} data=${fnv(p.payload)}`;
      break;
    case IPPROTO_ICMP:
      s += ` icmp ${p.icmpType}/${p.icmpCode} rest=${(p.icmpRest >>> 0).toString(16)}`;
      if (p.inner) {
        const q = p.inner;
        s += ` inner[${formatIPv4(q.src)}>${formatIPv4(q.dst)} p${q.proto} len=${q.len} ttl=${q.ttl} id=${q.id} tos=${q.tos}`;
        if (q.proto === IPPROTO_TCP || q.proto === IPPROTO_UDP) s += ` ${q.sport}>${q.dport}`;
        if (q.proto === IPPROTO_TCP) s += ` seq=${q.seq >>> 0}`;
        if (q.proto === IPPROTO_ICMP) s += ` ${q.icmpType}/${q.icmpCode} ${q.icmpId}/${q.icmpSeq}`;
        s += ` quoted=${p.innerLen}]`;
      } else s += ` data=${fnv(p.payload)}`;
      break;
    default:
      s += ` data=${fnv(p.payload)}`;
  }
  return s;
}

/**
 * Log lines: ID= of ICMP the DUT generated (logged without an Ethernet input
 * device: on output, or looped back through lo) is random, and so are the
 * sequence numbers of its own TCP (see above).
 */
export function logKey(line: string, norm?: SeqNorm): string {
  if (norm && / SEQ=\d+/.test(line)) {
    const m = / SRC=(\S+) DST=(\S+) .* SPT=(\d+) DPT=(\d+)/.exec(line);
    const base = m
      ? norm.base(parseDottedLoose(m[1]!), Number(m[3]), parseDottedLoose(m[2]!), Number(m[4]))
      : undefined;
    if (base !== undefined) {
      line = line
        .replace(/ SEQ=(\d+)/, (_x, v: string) => ` SEQ=isn+${(Number(v) - base) >>> 0}`)
        .replace(/ OPT \([0-9A-F]*\)/, " OPT (*)");
    }
    // The peer's side of such a connection acknowledges the random ISN (when it has the ACK flag:
    // the ACK field of a segment without it, e.g. the SYN the ISN answers, is not relative to it).
    const back =
      m && / ACK (?:[A-Z]+ )*URGP=/.test(line)
        ? norm.base(parseDottedLoose(m[2]!), Number(m[4]), parseDottedLoose(m[1]!), Number(m[3]))
        : undefined;
    if (back !== undefined)
      line = line.replace(/ ACK=(\d+)/, (_x, v: string) => ` ACK=isn+${(Number(v) - back) >>> 0}`);
  }
  // From the wire: IN=eth… with a MAC; a broadcast the DUT looped back to itself has IN=eth… and an empty MAC.
  if (!/PROTO=ICMP/.test(line) || (/ IN=eth/.test(line) && !/ MAC= /.test(line))) return line;
  return line.replace(/ ID=\d+ /, " ID=* ");
}

export function saveKey(save: string): string {
  return save
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .join("\n");
}

export function conntrackKey(text: string): string[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const t = l.split(/\s+/);
      if (t.length > 2 && /^\d+$/.test(t[2]!)) t[2] = "T";
      return t.join(" ");
    })
    .sort();
}

/**
 * Trace ids → #1, #2 … in order of first appearance; the IP id of ICMP the DUT made is masked.
 * A packet's trace starts at the -j TRACE rule that leads raw PREROUTING and raw OUTPUT: there an id
 * seen before is a new packet's. The kernel's id hashes the skb's address, flow hash and input
 * device, so a later packet of the same flow from the same device often gets the same id when
 * its skb reuses the freed one's memory (and often does not).
 */
export function traceKey(text: string): string {
  const ids = new Map<string, string>();
  let n = 0;
  const lines = text.split("\n");
  const start =
    / TRACE: 2 ([0-9a-f]{8}) raw:(PREROUTING|OUTPUT):rule:0x[0-9a-f]+:CONTINUE {2}-4 -t raw -A \2 -j TRACE$/;
  return lines
    .map((l, i) => {
      const m = /^(PACKET: 2 | TRACE: 2 )([0-9a-f]{8})/.exec(l);
      if (!m) return l;
      const id = m[2]!;
      const first = m[1] === "PACKET: 2 " && start.exec(lines[i + 1] ?? "")?.[1] === id;
      if (first || !ids.has(id)) ids.set(id, `#${++n}`);
      return `${m[1]}${ids.get(id)}${l.slice(m[0].length)}`;
    })
    .join("\n")
    .replace(/^PACKET: .*$/gm, (l) =>
      // not from the wire (no MACSRC: sent, looped through lo, or a broadcast's looped copy)
      !/ MACSRC=/.test(l) && !l.includes(" SPORT=") ? l.replace(/ ID=\d+ /, " ID=* ") : l,
    );
}

/** One side of the comparison. */
export interface Side {
  reset(c: KCase): Promise<string>;
  /** Sends the packet; returns what left the host (dut device names) and the log lines. */
  step(
    from: PacketStep["from"],
    p: Packet,
  ): Promise<{
    emitted: Array<{ dev: string; pkt: Packet }>;
    log: string[];
    err?: string;
  }>;
  save(): string;
  conntrack(): string;
  /** Called after the last step; the trace text (trace cases). */
  finish(c: KCase): Promise<string | undefined>;
}

/** The packet a step sends, or a reason it has none (reply to nothing). */
export function stepPacket(
  step: PacketStep,
  emitted: Array<Array<{ dev: string; pkt: Packet }>>,
  buildNet: Host,
): { p: Packet; from: PacketStep["from"] } | string {
  let fields: Record<string, unknown>;
  let from = step.from;
  if (step.reply) {
    const e = emitted[step.reply.step]?.[step.reply.nth];
    if (!e) return "(no reply step)";
    const r = replyFields(e.pkt, step.reply.fin === true);
    if (!r) return "(no reply step)";
    fields = r;
    from = e.dev as "eth0" | "eth1";
  } else fields = { ...step.pkt! };
  if (from === "local") {
    fields.local = true;
    fields.uid = 0;
    fields.gid = 0;
    // A raw socket's packet keeps a nonzero id; zero would make the kernel pick one.
    if (fields.ipid === undefined || fields.ipid === 0) fields.ipid = 1 + ((Number(fields.sport ?? 7) * 31) % 65000);
  } else fields.in = from;
  const p = buildPacket(specFromJson(fields), buildNet.net);
  if (from !== "local") p.macSrc = PEER_MAC[from]!;
  return { p, from };
}

/** What a peer answers to a packet the DUT sent it. */
function replyFields(e: Packet, fin: boolean): Record<string, unknown> | null {
  const f: Record<string, unknown> = {
    src: formatIPv4(e.dst),
    dst: formatIPv4(e.src),
  };
  switch (e.proto) {
    case IPPROTO_TCP: {
      f.proto = "tcp";
      f.sport = e.dport;
      f.dport = e.sport;
      const syn = (e.tcpFlags & 0x02) !== 0;
      const ack = (e.tcpFlags & 0x10) !== 0;
      if (e.tcpFlags & 0x04) return null;
      const dataLen = e.payloadLen + (syn ? 1 : 0) + (e.tcpFlags & 0x01 ? 1 : 0);
      if (syn && !ack) {
        f.flags = "SA";
        f.seq = 0x10000000 + (e.sport & 0xfff) * 4096;
        f.ack = (e.seq + 1) >>> 0;
      } else {
        f.flags = fin ? "FA" : "A";
        f.seq = e.ack >>> 0;
        f.ack = (e.seq + dataLen) >>> 0;
      }
      return f;
    }
    case IPPROTO_UDP:
      f.proto = "udp";
      f.sport = e.dport;
      f.dport = e.sport;
      return f;
    case IPPROTO_ICMP:
      if (e.icmpType !== 8) return null;
      f.proto = "icmp";
      f.type = 0;
      f.id = e.icmpId;
      f.seq = e.icmpSeq;
      f.len = e.len;
      return f;
    default:
      return null;
  }
}

function canonical(em: Array<{ dev: string; pkt: Packet }>): Array<{ dev: string; pkt: Packet }> {
  return em
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.dev < b.e.dev ? -1 : a.e.dev > b.e.dev ? 1 : a.i - b.i))
    .map((x) => x.e);
}

/** Runs the case on one side. */
export async function runCase(c: KCase, side: Side): Promise<KObs> {
  const restore = await side.reset(c);
  const builder = twinHost(c.sysctls);
  const obs: KObs = { restore, steps: [], save: "", conntrack: [] };
  const emitted: Array<Array<{ dev: string; pkt: Packet }>> = [];
  const norm = new SeqNorm();
  for (const step of c.steps) {
    const sp = stepPacket(step, emitted, builder);
    if (typeof sp === "string") {
      obs.steps.push({ out: [sp], log: [] });
      emitted.push([]);
      continue;
    }
    const r = await side.step(sp.from, sp.p);
    const em = canonical(r.emitted);
    emitted.push(em);
    // A SYN-ACK leaving the DUT that is not the one just injected (forwarded) is its own TCP's.
    const injectedSynAck = sp.p.proto === IPPROTO_TCP && (sp.p.tcpFlags & 0x12) === 0x12;
    for (const e of em)
      if (e.pkt.proto === IPPROTO_TCP && (e.pkt.tcpFlags & 0x12) === 0x12 && !injectedSynAck) norm.note(e.pkt);
    const so: StepObs = {
      out: em.map((e) => packetKey(e.dev, e.pkt, norm, sp.p)),
      log: r.log.map((l) => logKey(l, norm)),
    };
    if (r.err) so.err = r.err;
    obs.steps.push(so);
  }
  obs.save = saveKey(side.save());
  obs.conntrack = conntrackKey(side.conntrack());
  const t = await side.finish(c);
  if (t !== undefined) obs.trace = traceKey(t);
  return obs;
}

// ---- the kernel side ----

export class KernelSide implements Side {
  constructor(readonly lab: KernelLab) {}

  async reset(c: KCase): Promise<string> {
    this.lab.reset(c.sysctls);
    await this.lab.relisten();
    await this.lab.drain();
    const r = this.lab.restore(c.rules);
    if (c.ip) this.lab.ip(c.ip);
    if (c.conntrack) this.lab.conntrackCmds(c.conntrack);
    if (c.trace) await this.lab.startMonitor();
    return `${r.status} ${r.stderr}`;
  }

  async step(from: PacketStep["from"], p: Packet) {
    const r =
      from === "local"
        ? await this.lab.local(ipBytes(p), p.mark)
        : await this.lab.inject(from === "eth1" ? "veth1" : "veth0", frameBytes(p));
    // xtables-monitor asks the kernel for each rule it prints: let it keep up (no lost events).
    if (this.lab.monitoring) await new Promise((res) => setTimeout(res, 60));
    const emitted: Array<{ dev: string; pkt: Packet }> = [];
    for (const c of r.captured) {
      const q = parseFrame(c.frame);
      if (q) emitted.push({ dev: c.dev === "veth1" ? "eth1" : "eth0", pkt: q });
    }
    const log = r.log.map((l) => this.lab.fromLab(l));
    if (r.timeout) log.push(`(barrier timeout on ${r.timeout.join(",")})`);
    const err = r.error === undefined ? undefined : /Operation not permitted/.test(r.error) ? "EPERM" : r.error;
    return { emitted, log, err };
  }

  save(): string {
    return this.lab.save();
  }

  conntrack(): string {
    return this.lab.conntrack();
  }

  async finish(c: KCase): Promise<string | undefined> {
    if (!c.trace) return undefined;
    return this.lab.stopMonitor();
  }
}

// ---- the twin side ----

export class TwinSide implements Side {
  host!: Host;
  private traces: string[] = [];

  async reset(c: KCase): Promise<string> {
    this.host = twinHost(c.sysctls);
    this.traces = [];
    const r = this.host.iptablesRestore([], c.rules);
    if (c.ip) {
      const sh = new ShellSession(this.host);
      for (const x of sh.run(c.ip.map((l) => `ip ${l}`).join("\n")))
        if (x.status !== 0) throw new Error(`twin: ${x.cmd}: ${x.stderr}`);
    }
    if (c.conntrack) {
      const sh = new ShellSession(this.host);
      for (const x of sh.run(c.conntrack.map((l) => `conntrack ${l}`).join("\n")))
        if (x.status !== 0) throw new Error(`twin: ${x.cmd}: ${x.stderr}`);
    }
    return `${r.status} ${r.stderr}`;
  }

  async step(from: PacketStep["from"], p: Packet) {
    const h = this.host;
    h.elapsedNs += 1_000_000n;
    const logStart = h.kernlog.length;
    const stack = h.stack();
    const rep = from === "local" ? stack.send(p) : stack.receive(p, from);
    const emitted = rep.emitted.map((e) => {
      // Through the wire and back: the same normalisation as a captured frame.
      const q = e.pkt.clone();
      q.macDst = neighbourMac(e.dev, q.dst);
      return { dev: e.dev, pkt: parseFrame(frameBytes(q))! };
    });
    if (rep.trace.length) this.traces.push(traceLines(rep.trace, h.db));
    const log: string[] = [];
    for (let i = logStart; i < h.kernlog.length; i++) log.push(h.kernlog[i]!.line);
    // A local packet netfilter drops on its way out fails the sender's sendto() with EPERM.
    const f = rep.fate;
    const err = from === "local" && f.kind === "dropped" && (f.hook === 3 || f.hook === 4) ? "EPERM" : undefined;
    return { emitted, log, err };
  }

  save(): string {
    return this.host.iptablesSave(["-c"]).stdout;
  }

  conntrack(): string {
    const s = new ShellSession(this.host);
    const cmd = s.commands.get("conntrack");
    if (!cmd) return "";
    return cmd(["conntrack", "-L"], "", s).stdout;
  }

  async finish(c: KCase): Promise<string | undefined> {
    return c.trace ? this.traces.join("") : undefined;
  }
}

/**
 * Source ports SNAT chose (a conntrack reply tuple whose destination port is not the original
 * source port) → N1, N2 … in order of appearance, wherever ports are shown. When the original
 * port cannot be kept (taken, or outside --to-source's range), nf_nat_l4proto_unique_tuple()
 * starts its search at get_random_u16(): seed 3019 gave 4446 and then 2593 on the same kernel.
 * Ports the generator names (single-port SNAT: deterministic) stay compared.
 */
export function natPortKey(o: KObs): KObs {
  const chosen = new Set<string>();
  for (const l of o.conntrack) {
    const m = [...l.matchAll(/ sport=(\d+) dport=(\d+)/g)];
    if (m.length < 2) continue;
    const [origSport, replyDport] = [m[0]![1]!, m[1]![2]!];
    if (origSport !== replyDport && !PORTS.includes(Number(replyDport))) chosen.add(replyDport);
  }
  if (chosen.size === 0) return o;
  const label = new Map<string, string>();
  const key = (v: string) => {
    if (!chosen.has(v)) return v;
    if (!label.has(v)) label.set(v, `N${label.size + 1}`);
    return label.get(v)!;
  };
  const ports = (text: string) =>
    text
      .replace(/ (\d+)>(\d+) /g, (_m, a: string, b: string) => ` ${key(a)}>${key(b)} `)
      .replace(/\b(SPT|DPT|SPORT|DPORT|sport|dport)=(\d+)/g, (_m, k: string, v: string) => `${k}=${key(v)}`);
  return {
    ...o,
    steps: o.steps.map((st) => ({ ...st, out: st.out.map(ports), log: st.log.map(ports) })),
    conntrack: o.conntrack.map(ports).sort(),
    trace: o.trace === undefined ? undefined : ports(o.trace),
  };
}

/** Differences between two observations, as short labelled lines (empty: they agree). */
export function compareObs(want0: KObs, got0: KObs): Array<{ kind: string; step?: number; detail: string }> {
  const want = natPortKey(want0);
  const got = natPortKey(got0);
  const out: Array<{ kind: string; step?: number; detail: string }> = [];
  if (want.restore !== got.restore)
    out.push({
      kind: "restore",
      detail: `kernel: ${want.restore.trim()} | twin: ${got.restore.trim()}`,
    });
  want.steps.forEach((w, i) => {
    const g = got.steps[i] ?? { out: [], log: [] };
    if (w.out.join("\n") !== g.out.join("\n")) out.push({ kind: "emitted", step: i, detail: firstDiff(w.out, g.out) });
    if ((w.err ?? "") !== (g.err ?? ""))
      out.push({
        kind: "emitted",
        step: i,
        detail: `sendto(): kernel ${w.err ?? "ok"}, twin ${g.err ?? "ok"}`,
      });
    if (w.log.join("\n") !== g.log.join("\n")) out.push({ kind: "log", step: i, detail: firstDiff(w.log, g.log) });
  });
  if (want.save !== got.save)
    out.push({
      kind: "counters",
      detail: firstDiff(want.save.split("\n"), got.save.split("\n")),
    });
  if (want.conntrack.join("\n") !== got.conntrack.join("\n"))
    out.push({
      kind: "conntrack",
      detail: firstDiff(want.conntrack, got.conntrack),
    });
  if ((want.trace ?? "") !== (got.trace ?? ""))
    out.push({
      kind: "trace",
      detail: firstDiff((want.trace ?? "").split("\n"), (got.trace ?? "").split("\n")),
    });
  return out;
}

function firstDiff(a: readonly string[], b: readonly string[]): string {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n      kernel: ${a[i] ?? "(none)"}\n      twin:   ${b[i] ?? "(none)"}`;
  }
  return "(same lines)";
}
