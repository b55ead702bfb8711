/**
 * The twin host's own IPv4 stack, as far as the packet path needs it: what
 * Linux 6.x answers to packets delivered to it (TCP SYN-ACK/ACK/RST, ICMP
 * port/protocol unreachable, echo and timestamp replies), icmp_send() with
 * its rate limits, ip_error()'s limiter, ICMP redirects with their per-peer
 * backoff, and nf_send_reset() for REJECT. Each reply carries the socket the
 * kernel sends it from (the owner match and LOG --log-uid see it): the
 * listener for a SYN-ACK (its request socket) and for resets of segments a
 * listener refused, the TCP or ICMP control socket (no file) for other
 * resets and ICMP, none for nf_send_reset().
 * Every byte was checked against a real kernel: scripts/kernel-replies.py,
 * recorded in test/kernel/replies.json (see test/local-stack.test.ts).
 *
 * What the kernel draws at random (the twin takes it from the host's Rng):
 *   - the IP ID of ICMP errors, echo and timestamp replies (ip_idents_reserve:
 *     a per-destination counter with a random start and random jumps after idle
 *     time; consecutive packets to one destination get consecutive IDs);
 *   - the ISN of a SYN-ACK (secure_tcp_seq) and the TSval offset of a
 *     connection (secure_tcp_ts_off; TSval = offset + milliseconds);
 *   - the IP ID of an established socket's segments (inet_id: random start, +1);
 *   - the credits icmp_global_consume() takes (0..2 per message).
 * Deterministic: RST and SYN-ACK IP ID (0, with DF), TTLs, TOS, windows,
 * options and their order, quoted bytes.
 * Not modelled: IP options processing (record route/timestamp filled on
 * receipt, echoed in replies), reassembly, delayed ACKs, SACK blocks,
 * retransmission timers, raw sockets, UDP receive queues.
 */
import { formatIPv4 } from "../core/ipv4.js";
import { getServByPort } from "../core/netdb.js";
import {
  IP_DF,
  IP_OFFMASK,
  IPPROTO_ICMP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  ipBytes,
  PACKET_HOST,
  Packet,
  SOCK_KERNEL,
  SOCK_REQUEST,
  TCP_ACK,
  TCP_CWR,
  TCP_ECE,
  TCP_FIN,
  TCP_RST,
  TCP_SYN,
  udpliteHeaderBad,
} from "../core/packet.js";
import type { Rng } from "../core/rng.js";
import type { Conn } from "./conntrack.js";
import { RTN_UNICAST } from "./context.js";
import { buildOptions, type EchoedOptions, optionsEcho } from "./ip-options.js";
import type { NetConfig } from "./net.js";

/** A Map that counts its writes (a cache of what it holds knows when to start again). */
class CountedMap<K, V> extends Map<K, V> {
  writes = 0;
  override set(k: K, v: V): this {
    this.writes++;
    return super.set(k, v);
  }
  override delete(k: K): boolean {
    this.writes++;
    return super.delete(k);
  }
  override clear(): void {
    this.writes++;
    super.clear();
  }
}
/** CONFIG_HZ of the reference kernel (Debian's too). */
export const HZ = 250;
/** INITIAL_JIFFIES: jiffies start 5 minutes before wrapping. */
const INITIAL_JIFFIES = (-300 * HZ) >>> 0;

const IPPROTO_IGMP = 2;
const IPPROTO_UDPLITE = 136;
/** Transport protocols a fresh namespace has handlers for (inet_protos[]). */
const KNOWN_PROTOS = new Set([IPPROTO_ICMP, IPPROTO_IGMP, IPPROTO_TCP, IPPROTO_UDP, IPPROTO_UDPLITE]);

const ICMP_ECHOREPLY = 0;
const ICMP_DEST_UNREACH = 3;
const ICMP_ECHO = 8;
const ICMP_TIMESTAMP = 13;
const ICMP_TIMESTAMPREPLY = 14;
const ICMP_ADDRESS = 17;
const ICMP_ADDRESSREPLY = 18;
const NR_ICMP_TYPES = 18;
const ICMP_PORT_UNREACH = 3;
const ICMP_PROT_UNREACH = 2;
const ICMP_FRAG_NEEDED = 4;
/** icmp_pointers[type].error */
const ICMP_ERROR_TYPES = new Set([3, 4, 5, 11, 12]);
const INADDR_DUMMY = 0xc0000008;

/** Values of a fresh network namespace on the reference kernel (6.18, HZ=250). */
const SYSCTL_DEFAULTS: Record<string, string> = {
  "net.ipv4.ip_default_ttl": "64",
  "net.ipv4.icmp_echo_ignore_all": "0",
  "net.ipv4.icmp_echo_ignore_broadcasts": "1",
  "net.ipv4.icmp_ratelimit": "1000",
  "net.ipv4.icmp_ratemask": "6168",
  "net.ipv4.icmp_msgs_per_sec": "1000",
  "net.ipv4.icmp_msgs_burst": "50",
  "net.ipv4.icmp_errors_use_inbound_ifaddr": "0",
  "net.ipv4.fwmark_reflect": "0",
  "net.ipv4.tcp_timestamps": "1",
  "net.ipv4.tcp_sack": "1",
  "net.ipv4.tcp_window_scaling": "1",
  "net.ipv4.tcp_ecn": "2",
  "net.ipv4.tcp_rmem": "4096\t131072\t33554432",
  "net.core.rmem_max": "212992",
  "net.ipv4.route.error_cost": "250",
  "net.ipv4.route.error_burst": "1250",
};

// ---------------------------------------------------------------- sockets

export type SockProto = "tcp" | "udp";

/** A bound socket: a TCP listener or a UDP socket. */
export interface BoundSocket {
  proto: SockProto;
  addr: number;
  port: number;
  /** listen() backlog after the somaxconn clamp (ss Send-Q of a listener). */
  backlog: number;
  /** Credentials of the socket's file (the owner match): root, like the sockets an administrator opens. */
  uid: number;
  gid: number;
}

/** A socket a lookup found: a full socket (not a request socket) and the address it is bound to (0: INADDR_ANY). */
export interface SockHit {
  full: boolean;
  boundAddr: number;
}

/** Connection states a passive open goes through (ss names). */
export type ConnState = "SYN-RECV" | "ESTAB" | "CLOSE-WAIT" | "CLOSE";

/** A passively opened TCP connection (a request socket, then the child in the accept queue). */
export interface TcpConn {
  state: ConnState;
  listener: BoundSocket;
  laddr: number;
  lport: number;
  raddr: number;
  rport: number;
  /** Our initial sequence number (random on Linux). */
  isn: number;
  /** The peer's initial sequence number. */
  peerIsn: number;
  /** Next sequence number expected from the peer. */
  rcvNxt: number;
  /** Bytes received and not read (ss Recv-Q of the child). */
  unread: number;
  /** Receive window: its right edge is rcvWup + rcvWnd. */
  rcvWnd: number;
  rcvWup: number;
  wscale: number;
  wscaleOk: boolean;
  tsOk: boolean;
  sackOk: boolean;
  ecnOk: boolean;
  /** TSval offset (random per address pair on Linux). */
  tsOff: number;
  /** The peer's latest TSval (our TSecr). */
  tsRecent: number;
  /** IP ID of the next segment of the established socket (inet_id). */
  ipId: number;
  /** IP options of the connection (tcp_v4_save_options(): the SYN's, echoed), carried by every segment. */
  ipOpts?: EchoedOptions | null;
}

const SOMAXCONN = 4096;

/** ss's rendering of a column: header, alignment, left delimiter (iproute2 6.1, output not a terminal). */
interface SsColumn {
  header: string;
  right: boolean;
  ldelim: string;
}

const SS_COLUMNS: readonly SsColumn[] = [
  { header: "Netid", right: false, ldelim: "" },
  { header: "State", right: false, ldelim: " " },
  { header: "Recv-Q", right: false, ldelim: " " },
  { header: "Send-Q", right: false, ldelim: " " },
  { header: "Local Address:", right: true, ldelim: " " },
  { header: "Port", right: false, ldelim: "" },
  { header: "Peer Address:", right: true, ldelim: " " },
  { header: "Port", right: false, ldelim: "" },
  { header: "Process", right: false, ldelim: "" },
];

export interface SsResult {
  stdout: string;
  stderr: string;
  status: number;
}

/**
 * The host's sockets: listeners and bound UDP sockets an administrator (or
 * a scenario) opened, and the connections the stack accepted for them.
 */
export class Sockets {
  readonly bound: BoundSocket[] = [];
  readonly conns = new Map<string, TcpConn>();

  /** bind() + listen() (TCP) or bind() (UDP); the address 0 is INADDR_ANY. */
  listen(proto: SockProto, addr: number, port: number, backlog = SOMAXCONN): BoundSocket {
    const clash = this.bound.find(
      (s) => s.proto === proto && s.port === port && (s.addr === addr || s.addr === 0 || addr === 0),
    );
    if (clash) throw new Error(`${proto} ${formatIPv4(addr)}:${port}: Address already in use`);
    const s: BoundSocket = {
      proto,
      addr: addr >>> 0,
      port,
      backlog: proto === "tcp" ? Math.min(backlog, SOMAXCONN) : 0,
      uid: 0,
      gid: 0,
    };
    this.bound.push(s);
    return s;
  }

  /** close() of a listener: its half-open requests and unaccepted children go with it. */
  unlisten(proto: SockProto, addr: number, port: number): boolean {
    const i = this.bound.findIndex((s) => s.proto === proto && s.addr === addr >>> 0 && s.port === port);
    if (i < 0) return false;
    const [s] = this.bound.splice(i, 1);
    for (const [k, c] of this.conns) if (c.listener === s) this.conns.delete(k);
    return true;
  }

  /** The socket a packet to dst:port reaches: a socket bound to that address first, then a wildcard one. */
  lookup(proto: SockProto, dst: number, port: number): BoundSocket | undefined {
    let wild: BoundSocket | undefined;
    for (const s of this.bound) {
      if (s.proto !== proto || s.port !== port) continue;
      if (s.addr === dst >>> 0) return s;
      if (s.addr === 0) wild = s;
    }
    return wild;
  }

  /**
   * inet_lookup() / udp4_lib_lookup() as nf_sk_lookup_slow_v4() calls them (the socket match): for
   * TCP a connection by its four-tuple first (a half-open one is a request socket, not a full
   * socket; a closed one is unhashed), then a listener; for UDP a bound socket. Either binds any
   * destination address when bound to INADDR_ANY, a forwarded packet's too.
   */
  find(proto: SockProto, saddr: number, sport: number, daddr: number, dport: number): SockHit | undefined {
    if (proto === "tcp") {
      const c = this.conns.get(connKey(daddr >>> 0, dport, saddr >>> 0, sport));
      if (c && c.state !== "CLOSE") return { full: c.state !== "SYN-RECV", boundAddr: c.laddr };
    }
    const s = this.lookup(proto, daddr, dport);
    return s ? { full: true, boundAddr: s.addr } : undefined;
  }

  /** Children waiting in a listener's accept queue (ss Recv-Q of the listener). */
  acceptQueue(s: BoundSocket): number {
    let n = 0;
    for (const c of this.conns.values()) if (c.listener === s && c.state !== "SYN-RECV") n++;
    return n;
  }

  /**
   * `ss` for TCP/UDP sockets: -t -u -l -a -n -H -4 and combinations (no
   * filters, no -p process column: the twin has no processes). Sockets are
   * listed in creation order; the kernel's order is its hash tables' (random
   * per namespace).
   */
  ss(argv: readonly string[]): SsResult {
    let tcp = false;
    let udp = false;
    let listening = false;
    let all = false;
    let numeric = false;
    let header = true;
    for (const a of argv) {
      if (a === "--tcp") tcp = true;
      else if (a === "--udp") udp = true;
      else if (a === "--listening") listening = true;
      else if (a === "--all") all = true;
      else if (a === "--numeric") numeric = true;
      else if (a === "--no-header") header = false;
      else if (a === "--ipv4") continue;
      else if (/^-[a-zA-Z0-9]+$/.test(a)) {
        for (const ch of a.slice(1)) {
          if (ch === "t") tcp = true;
          else if (ch === "u") udp = true;
          else if (ch === "l") listening = true;
          else if (ch === "a") all = true;
          else if (ch === "n") numeric = true;
          else if (ch === "H") header = false;
          else if (ch === "4" || ch === "p" || ch === "o" || ch === "e") continue;
          else
            return {
              stdout: "",
              stderr: `ss: invalid option -- '${ch}'\n`,
              status: 1,
            };
        }
      } else
        return {
          stdout: "",
          stderr: `ss: bad filter: ${a} (the twin's ss takes no filters)\n`,
          status: 1,
        };
    }
    if (!tcp && !udp) {
      tcp = true;
      udp = true;
    }
    const showNetid = tcp && udp;
    const rows: string[][] = [];
    const port = (p: number, proto: SockProto) => {
      if (p === 0) return "*";
      if (numeric || (p >= 32768 && p <= 60999)) return String(p);
      return getServByPort(p, proto) ?? String(p);
    };
    const q = (n: number) => String(n).padEnd(6);
    const row = (
      proto: SockProto,
      state: string,
      rq: number,
      wq: number,
      la: number,
      lp: number,
      ra: number,
      rp: number,
    ) =>
      rows.push([
        proto,
        state,
        q(rq),
        q(wq),
        `${formatIPv4(la)}:`,
        port(lp, proto),
        `${formatIPv4(ra)}:`,
        port(rp, proto),
        "",
      ]);
    if (udp) {
      for (const s of this.bound) {
        if (s.proto === "udp" && (listening || all)) row("udp", "UNCONN", 0, 0, s.addr, s.port, 0, 0);
      }
    }
    if (tcp) {
      if (listening || all) {
        for (const s of this.bound) {
          if (s.proto === "tcp") row("tcp", "LISTEN", this.acceptQueue(s), s.backlog, s.addr, s.port, 0, 0);
        }
      }
      if (!listening || all) {
        for (const c of this.conns.values()) {
          if (c.state === "SYN-RECV" && !all) continue;
          const state = c.state === "CLOSE" ? "CLOSE-WAIT" : c.state;
          row("tcp", state, c.state === "SYN-RECV" ? 0 : c.unread, 0, c.laddr, c.lport, c.raddr, c.rport);
        }
      }
    }
    return { stdout: ssRender(rows, showNetid, header), stderr: "", status: 0 };
  }
}

/** iproute2's render(): columns as wide as their widest cell (plus delimiter), no screen to fill. */
function ssRender(rows: string[][], showNetid: boolean, header: boolean): string {
  const cols = SS_COLUMNS.map((c, i) => ({ ...c, i })).filter((c) => c.i !== 0 || showNetid);
  const lines: string[][] = [];
  if (header) lines.push(cols.map((c) => c.header));
  for (const r of rows) lines.push(cols.map((c) => r[c.i]!));
  const widths = cols.map((c, k) => {
    const max = Math.max(0, ...lines.map((l) => l[k]!.length));
    return k > 0 && max > 0 ? max + c.ldelim.length : max;
  });
  let out = "";
  for (const l of lines) {
    let s = "";
    cols.forEach((c, k) => {
      const w = widths[k]!;
      let printed = 0;
      if (k > 0) {
        s += c.ldelim;
        printed = c.ldelim.length;
      }
      const text = l[k]!;
      if (c.right && w) {
        const pad = w - text.length - printed;
        if (pad > 0) s += " ".repeat(pad);
        s += text;
      } else {
        s += text;
        printed += text.length;
        if (w && w - printed > 0) s += " ".repeat(w - printed);
      }
    });
    out += `${s}\n`;
  }
  return out;
}

// ---------------------------------------------------------------- the stack

export interface LocalHostDeps {
  net: NetConfig;
  rng: Rng;
  /** Virtual time since boot, in nanoseconds. */
  nowNs(): number;
  /** Virtual wall clock, milliseconds since the Unix epoch (ICMP timestamp replies); default: boot at midnight. */
  wallMs?(): number;
  sockets?: Sockets;
}

/** Where a packet was routed: the rt_flags/rt_type icmp_send(), tcp_v4_send_reset() and nf_send_reset() check. */
type RouteClass = "local" | "broadcast" | "multicast" | "forward" | "output";

interface Peer {
  tokens: number;
  last: number;
  /** Redirects sent since the last silence (n_redirects). */
  redirects: number;
}

const ICMP_REDIRECT = 5;
const ICMP_REDIR_HOST = 1;
/** ip_rt_redirect_number, ip_rt_redirect_load, ip_rt_redirect_silence (jiffies). */
const REDIRECT_NUMBER = 9;
const REDIRECT_LOAD = Math.floor(HZ / 50);
const REDIRECT_SILENCE = REDIRECT_LOAD << (REDIRECT_NUMBER + 1);

/** time_after(a, b) on u32 jiffies. */
function timeAfter(a: number, b: number): boolean {
  return ((b - a) | 0) < 0;
}

/** The parsed options of a SYN. */
interface SynOpts {
  mss?: number;
  ws?: number;
  sackPerm: boolean;
  tsval?: number;
}

function parseTcpOptions(opts: Uint8Array | null): SynOpts {
  const r: SynOpts = { sackPerm: false };
  if (!opts) return r;
  for (let i = 0; i < opts.length; ) {
    const kind = opts[i]!;
    if (kind === 0) break;
    if (kind === 1) {
      i++;
      continue;
    }
    const len = opts[i + 1] ?? 0;
    if (len < 2 || i + len > opts.length) break;
    if (kind === 2 && len === 4) r.mss = (opts[i + 2]! << 8) | opts[i + 3]!;
    else if (kind === 3 && len === 3) r.ws = opts[i + 2]!;
    else if (kind === 4 && len === 2) r.sackPerm = true;
    else if (kind === 8 && len === 10)
      r.tsval = ((opts[i + 2]! << 24) | (opts[i + 3]! << 16) | (opts[i + 4]! << 8) | opts[i + 5]!) >>> 0;
    i += len;
  }
  return r;
}

function u32be(v: number): number[] {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}

const connKey = (laddr: number, lport: number, raddr: number, rport: number) => `${laddr}:${lport}-${raddr}:${rport}`;

/**
 * The host's answers to packets delivered to it, and icmp_send(). Build one
 * per host; the same object serves the NetStack (deps.local) and REJECT
 * (through the stack's context).
 */
export class LocalHost {
  readonly sockets: Sockets;
  /** inet_peer entries: the per-destination token bucket of icmp_ratelimit and ip_error. */
  private peers = new Map<number, Peer>();
  /** ip_idents buckets: per (destination, source, protocol). */
  private idents = new Map<string, { id: number; stamp: number }>();
  /** TSval offsets per address pair. */
  private tsOffsets = new Map<string, number>();
  /** icmp_global_credit / icmp_global_stamp. */
  private globalCredit = 0;
  private globalStamp = 0;
  private closedSeq = 0;
  /** The icmp socket's lock is held (a packet of it is on its way out). */
  private icmpBusy = false;

  constructor(private readonly deps: LocalHostDeps) {
    this.sockets = deps.sockets ?? new Sockets();
  }

  /**
   * Sysctls the NetConfig does not know yet (tcp_*, icmp_msgs_*, route.error_*), as
   * /proc/sys text; NetConfig's own value wins when it has the file.
   */
  readonly sysctls = new CountedMap<string, string>();

  // ---- helpers ----
  private sysctlText(name: string): string {
    return this.deps.net.sysctlRead(name.split(".")) ?? this.sysctls.get(name) ?? SYSCTL_DEFAULTS[name] ?? "0";
  }

  /**
   * The sysctls as numbers, while NetConfig's generation (every write bumps it) and `sysctls`
   * stay as they were: a packet reads several, and a read by name splits and looks up its path.
   */
  private readonly sysNum = new Map<string, number>();
  private sysNumNet: NetConfig | null = null;
  private sysNumGen = -1;
  private sysNumWrites = -1;

  private sysctl(name: string): number {
    const net = this.deps.net;
    if (net !== this.sysNumNet || net.gen !== this.sysNumGen || this.sysctls.writes !== this.sysNumWrites) {
      this.sysNum.clear();
      this.sysNumNet = net;
      this.sysNumGen = net.gen;
      this.sysNumWrites = this.sysctls.writes;
    }
    let v = this.sysNum.get(name);
    if (v === undefined) {
      v = Number.parseInt(this.sysctlText(name), 10) || 0;
      this.sysNum.set(name, v);
    }
    return v;
  }

  private sysctlList(name: string): number[] {
    return this.sysctlText(name)
      .trim()
      .split(/\s+/)
      .map((x) => Number.parseInt(x, 10) || 0);
  }

  /** jiffies at the current virtual time (u32). */
  private jiffies(): number {
    return (INITIAL_JIFFIES + Math.floor(this.deps.nowNs() / (1e9 / HZ))) >>> 0;
  }

  private nowMs(): number {
    return Math.floor(this.deps.nowNs() / 1e6);
  }

  private wallMs(): number {
    return this.deps.wallMs ? this.deps.wallMs() : this.nowMs();
  }

  /** __ip_options_echo(): the options of a reply to `orig` (src/engine/ip-options.ts); "EINVAL": no reply. */
  private echoOpts(orig: Packet): EchoedOptions | null | "EINVAL" {
    if (orig.ipOpt === null) return null;
    const net = this.deps.net;
    return optionsEcho(orig, (a) => net.addrTypeDev(a >>> 0) === RTN_UNICAST);
  }

  /**
   * ip_options_build() as a reply with echoed options leaves (its source chosen): the options in,
   * the length grown, and a source-routed reply sent to its first hop (`daddr` in the last slot).
   */
  private withOpts(r: Packet, o: EchoedOptions | null | undefined, daddr: number): void {
    if (!o) return;
    buildOptions(r, o, daddr >>> 0, () => this.wallMs());
    if (r.len > 0) r.len += o.data.length;
    if (o.srr) r.dst = o.faddr >>> 0;
  }

  /** tcp_v4_send_reset() through ip_send_unicast_reply(): the segment's options echoed. */
  private sendReset(p: Packet, r: Packet, send: (reply: Packet) => void): void {
    const o = this.echoOpts(p);
    if (o === "EINVAL") return;
    this.withOpts(r, o, p.src);
    send(r);
  }

  private ttl(): number {
    return this.sysctl("net.ipv4.ip_default_ttl");
  }

  private replyMark(orig: Packet): number {
    return this.sysctl("net.ipv4.fwmark_reflect") ? orig.mark : 0;
  }

  /** Where a packet's route went: the rt_flags and rt_type icmp_send() and tcp_v4_send_reset() check. */
  private routeClass(p: Packet): RouteClass {
    const dst = p.dst >>> 0;
    if (dst >>> 28 === 0xe) return "multicast";
    if (dst === 0xffffffff) return "broadcast";
    const r = this.deps.net.lookup(dst);
    if (r?.type === "broadcast") return "broadcast";
    if (r?.type === "local") return p.inDev ? "local" : "output";
    return p.inDev ? "forward" : "output";
  }

  /** ip_idents_reserve(): the IP ID of a packet without DF, from a hashed bucket. */
  private ipIdent(dst: number, src: number, proto: number): number {
    const key = `${dst}/${src}/${proto}`;
    const now = this.jiffies();
    let b = this.idents.get(key);
    if (!b) {
      b = { id: this.deps.rng.next32() & 0xffff, stamp: now };
      this.idents.set(key, b);
    } else if (b.stamp !== now) {
      const gap = (now - b.stamp) >>> 0;
      b.stamp = now;
      b.id = (b.id + Math.floor((this.deps.rng.next32() / 0x100000000) * gap)) & 0xffff;
    }
    const id = b.id;
    b.id = (b.id + 1) & 0xffff;
    return id;
  }

  private peer(addr: number): Peer {
    let p = this.peers.get(addr >>> 0);
    if (!p) {
      // inet_getpeer(): rate_last = jiffies - 60 * HZ, so the first use finds a full bucket
      p = { tokens: 0, last: (this.jiffies() - 60 * HZ) >>> 0, redirects: 0 };
      this.peers.set(addr >>> 0, p);
    }
    return p;
  }

  /** inet_peer_xrlim_allow() */
  private xrlimAllow(p: Peer, timeout: number): boolean {
    let token = p.tokens;
    const now = this.jiffies();
    const delta = (now - p.last) >>> 0;
    if (delta) {
      p.last = now;
      token = Math.min(token + delta, 6 * timeout);
    }
    let rc = false;
    if (token >= timeout) {
      token -= timeout;
      rc = true;
    }
    p.tokens = token;
    return rc;
  }

  /** icmpv4_mask_allow(): true when this type is not rate limited. */
  private maskAllow(type: number, code: number): boolean {
    if (type > NR_ICMP_TYPES) return true;
    if (type === ICMP_DEST_UNREACH && code === ICMP_FRAG_NEEDED) return true;
    return !((1 << type) & this.sysctl("net.ipv4.icmp_ratemask"));
  }

  /** icmp_global_allow() */
  private globalAllow(): boolean {
    if (this.globalCredit > 0) return true;
    const now = this.jiffies();
    const delta = Math.min((now - this.globalStamp) >>> 0, HZ);
    if (delta < Math.floor(HZ / 50)) return false;
    const incr = Math.floor((this.sysctl("net.ipv4.icmp_msgs_per_sec") * delta) / HZ);
    if (!incr) return false;
    this.globalStamp = now;
    this.globalCredit = Math.min(this.globalCredit + incr, this.sysctl("net.ipv4.icmp_msgs_burst"));
    return true;
  }

  /** icmp_global_consume(): a random 0..2 credits. */
  private globalConsume(): void {
    this.globalCredit -= this.deps.rng.below(3);
  }

  /** MSS advertised for a route through `dev` (ipv4_default_advmss()). */
  private advmss(dev: string): number {
    const mtu = this.deps.net.iface(dev)?.mtu ?? 1500;
    return Math.min(Math.max(mtu - 40, 256), 65535 - 40);
  }

  private tsOffset(laddr: number, raddr: number): number {
    if (this.sysctl("net.ipv4.tcp_timestamps") === 2) return 0;
    const key = `${laddr}-${raddr}`;
    let off = this.tsOffsets.get(key);
    if (off === undefined) {
      off = this.deps.rng.next32();
      this.tsOffsets.set(key, off);
    }
    return off;
  }

  // ---- LocalStack ----

  /** ip_local_deliver_finish(): the protocol handlers. */
  deliver(p: Packet, send: (reply: Packet) => void): void {
    // Fragments are reassembled before INPUT in the kernel; the twin does not reassemble.
    if (p.frag & (IP_OFFMASK | 0x2000)) return;
    switch (p.proto) {
      case IPPROTO_TCP:
        this.tcpRcv(p, send);
        break;
      case IPPROTO_UDP:
      case IPPROTO_UDPLITE:
        this.udpRcv(p, send);
        break;
      case IPPROTO_ICMP:
        this.icmpRcv(p, send);
        break;
      default:
        if (!KNOWN_PROTOS.has(p.proto)) this.icmpError(p, ICMP_DEST_UNREACH, ICMP_PROT_UNREACH, send);
    }
  }

  /**
   * __icmp_send(): an ICMP error about `orig` (as it is at the calling hook),
   * if the kernel would send one; `info` is the rest-of-header word (the MTU of
   * fragmentation-needed); `skbLen` the bytes of `orig` the kernel holds when fewer than its
   * total length (a queued fragment, trimmed to its end).
   */
  icmpError(orig: Packet, type: number, code: number, send: (reply: Packet) => void, info = 0, skbLen?: number): void {
    const cls = this.routeClass(orig);
    if (orig.pktType !== PACKET_HOST) return;
    if (cls === "broadcast" || cls === "multicast") return;
    if (orig.frag & IP_OFFMASK) return;
    if (ICMP_ERROR_TYPES.has(type) && orig.proto === IPPROTO_ICMP) {
      // No error about an error; an unknown type counts as one. Without the type byte: nothing.
      if (origTotal(orig) - orig.ihl < 1) return;
      if (orig.icmpType > NR_ICMP_TYPES || ICMP_ERROR_TYPES.has(orig.icmpType)) return;
    }
    const net = this.deps.net;
    const fromLoopback = orig.inDev === "lo";
    let applyRatelimit = false;
    if (!fromLoopback) {
      if (!this.maskAllow(type, code)) {
        if (!this.globalAllow()) return;
        applyRatelimit = true;
      }
    }
    // icmp_xmit_lock(): a spin_trylock on the icmp socket, which the packet being sent may hold
    // (REJECT in OUTPUT of an echo reply or of an ICMP error): then no error
    if (this.icmpBusy) return;
    const opts = this.echoOpts(orig);
    if (opts === "EINVAL") return;
    // Source address: the destination of a packet that was for us, else what routing picks.
    let saddr = orig.dst >>> 0;
    if (cls !== "local") {
      saddr = 0;
      if (cls === "forward" && this.sysctl("net.ipv4.icmp_errors_use_inbound_ifaddr"))
        saddr = net.sourceFor(orig.inDev, orig.src >>> 0);
    }
    const route = net.lookup(orig.src >>> 0);
    if (!route || route.type === "blackhole" || route.type === "unreachable" || route.type === "prohibit") return;
    const outDev = route.type === "local" ? "lo" : route.dev;
    if (applyRatelimit && outDev !== "lo") {
      const rl = this.sysctl("net.ipv4.icmp_ratelimit");
      if (!this.xrlimAllow(this.peer(orig.src), Math.round((rl * HZ) / 1000))) return;
    }
    if (applyRatelimit) this.globalConsume();
    if (!saddr) saddr = route.src || INADDR_DUMMY;
    // RFC 1812: as much of the packet as fits in 576 bytes (or the route's MTU).
    const mtu = outDev === "lo" ? (net.iface("lo")?.mtu ?? 65536) : (net.iface(outDev)?.mtu ?? 1500);
    const room = Math.min(mtu, 576) - 20 - (opts?.data.length ?? 0) - 8;
    if (room <= 20) return;
    const origLen = origTotal(orig);
    const dataLen = Math.min(skbLen ?? origLen, origLen, room);
    const r = new Packet();
    r.tos = ICMP_ERROR_TYPES.has(type) ? (orig.tos & 0x1e) | 0xc0 : orig.tos;
    r.ttl = this.ttl();
    r.proto = IPPROTO_ICMP;
    r.src = saddr >>> 0;
    r.dst = orig.src >>> 0;
    r.frag = 0;
    r.id = this.ipIdent(r.dst, r.src, IPPROTO_ICMP);
    r.icmpType = type;
    r.icmpCode = code;
    r.icmpRest = info >>> 0;
    // The whole original rides along; the reply's length cuts the quote (its checksums stay the original's).
    const inner = orig.clone();
    inner.len = origLen;
    r.inner = inner;
    r.innerLen = dataLen - inner.ihl;
    r.len = 20 + 8 + dataLen;
    this.withOpts(r, opts, orig.src);
    r.mark = this.replyMark(orig);
    r.sockKind = SOCK_KERNEL; // the icmp control socket
    attachRelated(r, orig);
    this.icmpSend(r, send);
  }

  /** Sends a packet of the icmp socket, holding its lock. */
  private icmpSend(r: Packet, send: (reply: Packet) => void): void {
    this.icmpBusy = true;
    try {
      send(r);
    } finally {
      this.icmpBusy = false;
    }
  }

  /** ip_error(): ICMP for a packet routing refused (no route, unreachable, prohibit), behind its own peer limit. */
  routeError(orig: Packet, code: number, send: (reply: Packet) => void): void {
    const p = this.peer(orig.src);
    const now = this.jiffies();
    const cost = this.sysctl("net.ipv4.route.error_cost");
    const burst = this.sysctl("net.ipv4.route.error_burst");
    p.tokens = Math.min(p.tokens + ((now - p.last) >>> 0), burst);
    p.last = now;
    if (p.tokens < cost) return;
    p.tokens -= cost;
    this.icmpError(orig, ICMP_DEST_UNREACH, code, send);
  }

  /**
   * ip_rt_send_redirect(): a host redirect to `gw` for the sender of a packet forwarded back out
   * the device it came in on. Per sender (inet_peer): the first at once, then each only after
   * ip_rt_redirect_load << (redirects sent) jiffies, none after ip_rt_redirect_number of them
   * until the sender's redirected packets pause for ip_rt_redirect_silence.
   */
  redirect(orig: Packet, gw: number, send: (reply: Packet) => void): void {
    const p = this.peer(orig.src);
    const now = this.jiffies();
    if (timeAfter(now, (p.last + REDIRECT_SILENCE) >>> 0)) {
      p.tokens = 0;
      p.redirects = 0;
    }
    if (p.redirects >= REDIRECT_NUMBER) {
      p.last = now;
      return;
    }
    if (p.redirects === 0 || timeAfter(now, (p.last + REDIRECT_LOAD * 2 ** p.redirects) >>> 0)) {
      this.icmpError(orig, ICMP_REDIRECT, ICMP_REDIR_HOST, send, gw);
      p.last = now;
      p.redirects++;
    }
  }

  /**
   * nf_send_reset() (REJECT --reject-with tcp-reset): a RST from the
   * original's destination, ID 0 with DF, TOS 0, TTL from the route
   * (ip_default_ttl); nothing for a fragment, a RST or a broadcast.
   */
  tcpReset(orig: Packet, send: (reply: Packet) => void): void {
    if (orig.frag & IP_OFFMASK || orig.proto !== IPPROTO_TCP) return;
    if (origTotal(orig) - orig.ihl < 20) return;
    if (orig.tcpFlags & TCP_RST) return;
    const cls = this.routeClass(orig);
    if (cls === "broadcast" || cls === "multicast") return;
    const r = resetFor(orig, this.ttl(), 0, null);
    r.mark = this.replyMark(orig);
    attachRelated(r, orig);
    // nf_ct_set_closing(): the connection of the refused segment is closing
    const ct = orig.ct as Conn | null;
    if (ct && !ct.isTemplate()) ct.owner?.setClosing(ct);
    send(r);
  }

  // ---- UDP ----
  private udpRcv(p: Packet, send: (reply: Packet) => void): void {
    if (origTotal(p) - p.ihl < 8) return; // no complete header: dropped
    // udplite_checksum_init(): no checksum or a bad coverage is a checksum error, dropped silently
    if (p.proto === IPPROTO_UDPLITE && udpliteHeaderBad(p, origTotal(p) - p.ihl)) return;
    const cls = this.routeClass(p);
    if (p.proto === IPPROTO_UDP && this.sockets.lookup("udp", p.dst, p.dport)) return;
    if (cls !== "local") return;
    // __udp4_lib_rcv() calls nf_reset_ct() first: the error carries no connection (conntrack
    // finds it again at OUTPUT, as RELATED, unless raw OUTPUT untracks it)
    const q = p.clone();
    q.ct = null;
    q.ctinfo = 0;
    this.icmpError(q, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, send);
  }

  // ---- ICMP ----
  private icmpRcv(p: Packet, send: (reply: Packet) => void): void {
    if (origTotal(p) - p.ihl < 8) return;
    const cls = this.routeClass(p);
    const t = p.icmpType;
    if (cls === "broadcast" || cls === "multicast") {
      if ((t === ICMP_ECHO || t === ICMP_TIMESTAMP) && this.sysctl("net.ipv4.icmp_echo_ignore_broadcasts")) return;
      if (t !== ICMP_ECHO && t !== ICMP_TIMESTAMP && t !== ICMP_ADDRESS && t !== ICMP_ADDRESSREPLY) return;
    }
    if (t === ICMP_ECHO) {
      if (this.sysctl("net.ipv4.icmp_echo_ignore_all")) return;
      const opts = this.echoOpts(p); // icmp_reply()
      if (opts === "EINVAL") return;
      const r = this.icmpReplyBase(p, cls);
      r.icmpType = ICMP_ECHOREPLY;
      r.icmpCode = p.icmpCode;
      r.icmpId = p.icmpId;
      r.icmpSeq = p.icmpSeq;
      r.payload = p.payload;
      r.len = 20 + 8 + Math.max(0, origTotal(p) - p.ihl - 8);
      this.withOpts(r, opts, p.src);
      this.icmpSend(r, send);
    } else if (t === ICMP_TIMESTAMP) {
      if (origTotal(p) - p.ihl - 8 < 4) return;
      const opts = this.echoOpts(p); // icmp_reply()
      if (opts === "EINVAL") return;
      const r = this.icmpReplyBase(p, cls);
      r.icmpType = ICMP_TIMESTAMPREPLY;
      r.icmpCode = 0;
      r.icmpId = p.icmpId;
      r.icmpSeq = p.icmpSeq;
      const wall = this.deps.wallMs ? this.deps.wallMs() : this.nowMs();
      const ms = ((wall % 86400000) + 86400000) % 86400000;
      const orig = p.payload ?? new Uint8Array(4);
      r.payload = new Uint8Array([orig[0] ?? 0, orig[1] ?? 0, orig[2] ?? 0, orig[3] ?? 0, ...u32be(ms), ...u32be(ms)]);
      r.len = 20 + 8 + 12;
      this.withOpts(r, opts, p.src);
      this.icmpSend(r, send);
    }
  }

  /** icmp_reply(): from the address the request was for (the interface's own for a broadcast). */
  private icmpReplyBase(p: Packet, cls: RouteClass): Packet {
    const r = new Packet();
    r.tos = p.tos;
    r.ttl = this.ttl();
    r.proto = IPPROTO_ICMP;
    r.src = cls === "local" ? p.dst >>> 0 : this.deps.net.sourceFor(p.inDev, p.src >>> 0);
    r.dst = p.src >>> 0;
    r.frag = 0;
    r.id = this.ipIdent(r.dst, r.src, IPPROTO_ICMP);
    r.mark = this.replyMark(p);
    r.sockKind = SOCK_KERNEL; // the icmp control socket
    return r;
  }

  // ---- TCP ----
  private tcpRcv(p: Packet, send: (reply: Packet) => void): void {
    if (this.routeClass(p) !== "local") return;
    if (origTotal(p) - p.ihl < 20) return;
    const f = p.tcpFlags;
    const key = connKey(p.dst >>> 0, p.dport, p.src >>> 0, p.sport);
    const conn = this.sockets.conns.get(key);
    if (conn && conn.state !== "CLOSE") {
      if (conn.state === "SYN-RECV") this.tcpCheckReq(conn, key, p, send);
      else this.tcpEstablished(conn, p, send);
      return;
    }
    const l = this.sockets.lookup("tcp", p.dst, p.dport);
    if (!l) {
      if (!(f & TCP_RST)) this.sendReset(p, resetFor(p, this.ttl(), p.tos & ~3, "ctl"), send);
      return;
    }
    // LISTEN (tcp_rcv_state_process)
    if (f & TCP_ACK) {
      if (!(f & TCP_RST)) this.sendReset(p, resetFor(p, this.ttl(), p.tos & ~3, l), send);
      return;
    }
    if (f & TCP_RST || !(f & TCP_SYN) || f & TCP_FIN) return;
    // sk_acceptq_is_full(): more children waiting than the backlog: the SYN is dropped
    if (this.sockets.acceptQueue(l) > l.backlog) return;
    // A closed child stays in the accept queue as its own socket.
    if (conn) {
      this.sockets.conns.delete(key);
      this.sockets.conns.set(`${key}#${++this.closedSeq}`, conn);
    }
    const c = this.newRequest(l, p);
    this.sockets.conns.set(key, c);
    send(this.synAck(c, p));
  }

  private newRequest(l: BoundSocket, p: Packet): TcpConn {
    const o = parseTcpOptions(p.tcpOptions);
    const tsOk = o.tsval !== undefined && this.sysctl("net.ipv4.tcp_timestamps") !== 0;
    const sackOk = o.sackPerm && this.sysctl("net.ipv4.tcp_sack") !== 0;
    const wscaleOk = o.ws !== undefined && this.sysctl("net.ipv4.tcp_window_scaling") !== 0;
    const ecnOk = (p.tcpFlags & (TCP_ECE | TCP_CWR)) === (TCP_ECE | TCP_CWR) && this.sysctl("net.ipv4.tcp_ecn") !== 0;
    const route = this.deps.net.lookup(p.src >>> 0);
    const dev = !route || route.type === "local" ? "lo" : route.dev;
    const mss = this.advmss(dev) - (tsOk ? 12 : 0);
    // tcp_select_initial_window(): half of tcp_rmem[1] (the default scaling ratio), whole segments.
    const rmem = this.sysctlList("net.ipv4.tcp_rmem");
    let space = Math.floor((rmem[1] ?? 131072) / 2);
    if (space > mss) space -= space % mss;
    const rcvWnd = Math.min(space, 65535);
    let wscale = 0;
    if (wscaleOk) {
      const max = Math.max(space, rmem[2] ?? 0, this.sysctl("net.core.rmem_max"));
      wscale = Math.max(0, Math.min(14, Math.floor(Math.log2(max)) - 15));
    }
    const peerIsn = p.seq >>> 0;
    const ipOpts = this.echoOpts(p);
    return {
      state: "SYN-RECV",
      listener: l,
      laddr: p.dst >>> 0,
      lport: p.dport,
      raddr: p.src >>> 0,
      rport: p.sport,
      isn: this.deps.rng.next32(),
      peerIsn,
      rcvNxt: (peerIsn + 1) >>> 0,
      unread: 0,
      rcvWnd,
      rcvWup: (peerIsn + 1) >>> 0,
      wscale,
      wscaleOk,
      tsOk,
      sackOk,
      ecnOk,
      tsOff: tsOk ? this.tsOffset(p.dst >>> 0, p.src >>> 0) : 0,
      tsRecent: o.tsval ?? 0,
      ipId: 0,
      // tcp_v4_save_options(): an echo the kernel refuses leaves the request without options
      ipOpts: ipOpts === "EINVAL" ? null : ipOpts,
    };
  }

  /** tcp_make_synack(): ID 0 with DF, TOS 0, options MSS [TS] [SACK_PERM] [WS] in Linux's layout. */
  private synAck(c: TcpConn, syn: Packet): Packet {
    const r = this.segment(c, 0);
    r.id = 0;
    r.seq = c.isn;
    r.ack = c.rcvNxt;
    r.tcpFlags = TCP_SYN | TCP_ACK | (c.ecnOk ? TCP_ECE : 0);
    r.window = c.rcvWnd;
    const route = this.deps.net.lookup(syn.src >>> 0);
    const mss = this.advmss(!route || route.type === "local" ? "lo" : route.dev);
    const o: number[] = [2, 4, mss >>> 8, mss & 255];
    if (c.tsOk) {
      o.push(...(c.sackOk ? [4, 2, 8, 10] : [1, 1, 8, 10]), ...u32be(this.tsval(c)), ...u32be(c.tsRecent));
    } else if (c.sackOk) o.push(1, 1, 4, 2);
    if (c.wscaleOk) o.push(1, 3, 3, c.wscale);
    r.tcpOptions = new Uint8Array(o);
    r.len = 20 + 20 + o.length;
    this.withOpts(r, c.ipOpts, c.raddr);
    // skb->sk is the request socket; the owner match sees its listener
    r.sockKind = SOCK_REQUEST;
    r.uid = c.listener.uid;
    r.gid = c.listener.gid;
    return r;
  }

  private tsval(c: TcpConn): number {
    return (c.tsOff + this.nowMs()) >>> 0;
  }

  /** A segment of connection `c` (IP part and ports). */
  private segment(c: TcpConn, id: number): Packet {
    const r = new Packet();
    r.tos = 0;
    r.ttl = this.ttl();
    r.proto = IPPROTO_TCP;
    r.src = c.laddr;
    r.dst = c.raddr;
    r.frag = IP_DF;
    r.id = id;
    r.sport = c.lport;
    r.dport = c.rport;
    return r;
  }

  /** tcp_check_req(): a segment for a half-open connection. */
  private tcpCheckReq(c: TcpConn, key: string, p: Packet, send: (reply: Packet) => void): void {
    const f = p.tcpFlags;
    if ((f & (TCP_SYN | TCP_ACK | TCP_RST)) === TCP_SYN && p.seq >>> 0 === c.peerIsn) {
      send(this.synAck(c, p));
      return;
    }
    if (f & TCP_ACK && !(f & TCP_RST) && p.ack >>> 0 !== (c.isn + 1) >>> 0) {
      // the listener sees it: an ACK in LISTEN is answered with a reset
      this.sendReset(p, resetFor(p, this.ttl(), p.tos & ~3, c.listener), send);
      return;
    }
    if (f & (TCP_RST | TCP_SYN)) {
      this.sockets.conns.delete(key);
      if (!(f & TCP_RST)) this.sendReset(p, resetFor(p, this.ttl(), p.tos & ~3, c.listener), send);
      return;
    }
    if (!(f & TCP_ACK)) return;
    // Accept queue full: the ACK is ignored and the request stays (tcp_abort_on_overflow=0).
    if (this.sockets.acceptQueue(c.listener) > c.listener.backlog) return;
    // The handshake completes: the child joins the accept queue.
    c.state = "ESTAB";
    c.ipId = this.deps.rng.next32() & 0xffff;
    const ts = parseTcpOptions(p.tcpOptions).tsval;
    if (c.tsOk && ts !== undefined) c.tsRecent = ts;
    this.tcpEstablished(c, p, send);
  }

  /** tcp_rcv_established() / tcp_rcv_state_process() for ESTABLISHED and CLOSE_WAIT, in-order data only. */
  private tcpEstablished(c: TcpConn, p: Packet, send: (reply: Packet) => void): void {
    const f = p.tcpFlags;
    if (f & TCP_RST) {
      c.state = "CLOSE";
      return;
    }
    if (f & TCP_SYN) {
      send(this.ack(c)); // challenge ACK
      return;
    }
    if (!(f & TCP_ACK)) return;
    const len = Math.max(0, origTotal(p) - p.ihl - p.l4HeaderLen);
    const fin = f & TCP_FIN ? 1 : 0;
    if (len === 0 && !fin) return;
    if (c.state === "CLOSE-WAIT") return; // data after the peer's FIN is not queued
    if (p.seq >>> 0 !== c.rcvNxt) {
      send(this.ack(c)); // duplicate ACK (the kernel adds SACK/D-SACK blocks: not modelled)
      return;
    }
    const ts = parseTcpOptions(p.tcpOptions).tsval;
    if (c.tsOk && ts !== undefined) c.tsRecent = ts;
    c.rcvNxt = (c.rcvNxt + len + fin) >>> 0;
    c.unread += len;
    if (fin) c.state = "CLOSE-WAIT";
    send(this.ack(c));
  }

  /** tcp_send_ack(): the window never shrinks (tcp_select_window keeps the current right edge). */
  private ack(c: TcpConn): Packet {
    const r = this.segment(c, c.ipId);
    c.ipId = (c.ipId + 1) & 0xffff;
    r.seq = (c.isn + 1) >>> 0;
    r.ack = c.rcvNxt;
    r.tcpFlags = TCP_ACK;
    let win = (c.rcvWup + c.rcvWnd - c.rcvNxt) >>> 0;
    if (c.wscale) win = Math.ceil(win / 2 ** c.wscale) * 2 ** c.wscale;
    c.rcvWnd = win;
    c.rcvWup = c.rcvNxt;
    r.window = Math.min(65535, Math.floor(win / 2 ** c.wscale));
    if (c.tsOk) {
      r.tcpOptions = new Uint8Array([1, 1, 8, 10, ...u32be(this.tsval(c)), ...u32be(c.tsRecent)]);
    }
    r.len = 40 + (r.tcpOptions?.length ?? 0);
    this.withOpts(r, c.ipOpts, c.raddr);
    return r;
  }
}

/** Total length of a packet as on the wire. */
function origTotal(p: Packet): number {
  return p.len > 0 ? p.len : ipBytes(p).length;
}

/**
 * The reset tcp_v4_send_reset() and nf_send_reset() build: seq = the
 * segment's ACK if it had one, else seq 0 and ACK covering it (SYN and FIN
 * count one). Its socket: the listener that refused the segment, the TCP
 * control socket when no socket did ("ctl"), none for nf_send_reset (null).
 */
function resetFor(p: Packet, ttl: number, tos: number, sk: BoundSocket | "ctl" | null): Packet {
  const r = new Packet();
  if (sk === "ctl") r.sockKind = SOCK_KERNEL;
  else if (sk) {
    r.uid = sk.uid;
    r.gid = sk.gid;
  }
  r.tos = tos;
  r.ttl = ttl;
  r.proto = IPPROTO_TCP;
  r.src = p.dst >>> 0;
  r.dst = p.src >>> 0;
  r.frag = IP_DF;
  r.id = 0;
  r.sport = p.dport;
  r.dport = p.sport;
  r.window = 0;
  if (p.tcpFlags & TCP_ACK) {
    r.seq = p.ack >>> 0;
    r.ack = 0;
    r.tcpFlags = TCP_RST;
  } else {
    const len = Math.max(0, origTotal(p) - p.ihl - p.l4HeaderLen);
    const syn = p.tcpFlags & TCP_SYN ? 1 : 0;
    const fin = p.tcpFlags & TCP_FIN ? 1 : 0;
    r.seq = 0;
    r.ack = (p.seq + syn + fin + len) >>> 0;
    r.tcpFlags = TCP_RST | TCP_ACK;
  }
  r.len = 40;
  return r;
}

/** IP_CT_* values (nf_conntrack_common.h). */
const IP_CT_IS_REPLY = 3;
const IP_CT_RELATED = 1;
const IP_CT_RELATED_REPLY = 4;

/**
 * nf_ct_attach() (icmp_glue_bits() for errors, nf_send_reset()): the reply carries the original's
 * connection, as related in the other direction. An untracked original (no entry, IP_CT_UNTRACKED)
 * gives a reply with no entry but ctinfo RELATED: a nonzero _nfct, so CT --notrack leaves it alone
 * and conntrack tracks it afresh at OUTPUT.
 */
function attachRelated(reply: Packet, orig: Packet): void {
  if (!orig.ct && orig.ctinfo === 0) return;
  reply.ct = orig.ct;
  reply.ctinfo = orig.ctinfo >= IP_CT_IS_REPLY ? IP_CT_RELATED : IP_CT_RELATED_REPLY;
}
