/**
 * The sockets a tool opens on a lab host (nc, curl): an active TCP open
 * with Linux's SYN, retransmissions and error reporting, and a connected UDP
 * socket. They see packets delivered to their host after the host's INPUT
 * chain (see LabHost), so the host's own firewall applies to their replies.
 *
 * Checked against Linux 6.18 (the reference kernel) with tcpdump in network
 * namespaces: SYN options MSS, SACK_PERM, TS, NOP, WS in that layout, window
 * 64240, DF; SYN retransmissions 1 s apart five times (tcp_syn_linear_timeouts=4),
 * then 2, 4, 8, 16, 32 s; connect() fails with ETIMEDOUT 64 s after the tenth.
 */
import {
  IP_DF,
  IPPROTO_ICMP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  Packet,
  TCP_ACK,
  TCP_FIN,
  TCP_PSH,
  TCP_RST,
  TCP_SYN,
  tcpTsval,
  u32Bytes,
} from "../core/packet.js";
import type { Endpoint, Lab, LabHost } from "./lab.js";

export type SockErrno =
  | "ECONNREFUSED"
  | "EHOSTUNREACH"
  | "ENETUNREACH"
  | "ETIMEDOUT"
  | "ECONNRESET"
  | "ENOPROTOOPT"
  | "EHOSTDOWN"
  | "ENONET"
  | "EOPNOTSUPP"
  | "EMSGSIZE";

export const SOCK_STRERROR: Record<SockErrno, string> = {
  ECONNREFUSED: "Connection refused",
  EHOSTUNREACH: "No route to host",
  ENETUNREACH: "Network is unreachable",
  ETIMEDOUT: "Connection timed out",
  ECONNRESET: "Connection reset by peer",
  ENOPROTOOPT: "Protocol not available",
  EHOSTDOWN: "Host is down",
  ENONET: "Machine is not on the network",
  EOPNOTSUPP: "Operation not supported",
  EMSGSIZE: "Message too long",
};

/** icmp_err_convert[]: errno of an ICMP destination-unreachable code (frag-needed is PMTU, not an error). */
const UNREACH_ERRNO: ReadonlyArray<SockErrno | null> = [
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ENOPROTOOPT",
  "ECONNREFUSED",
  null,
  "EOPNOTSUPP",
  "ENETUNREACH",
  "EHOSTDOWN",
  "ENONET",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EHOSTUNREACH",
  "EHOSTUNREACH",
  "EHOSTUNREACH",
];

/** icmp_err_convert[].fatal */
const UNREACH_FATAL = [0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1];

/** The errno an ICMP error reports to a socket, or null when it is not one (or not for the socket). */
export function icmpErrno(type: number, code: number): SockErrno | null {
  if (type === 3) return code < UNREACH_ERRNO.length ? UNREACH_ERRNO[code]! : null;
  if (type === 11) return "EHOSTUNREACH";
  if (type === 12) return "EHOSTUNREACH";
  return null;
}

/** A local port from ip_local_port_range (32768-60999) not used by the host's other tool sockets. */
export function ephemeralPort(lh: LabHost, used: ReadonlySet<number>): number {
  const rng = lh.host.rng;
  for (let i = 0; i < 64; i++) {
    const p = 32768 + rng.below(60999 - 32768 + 1);
    if (!used.has(p)) return p;
  }
  return 32768 + rng.below(60999 - 32768 + 1);
}

function sysctlNum(lh: LabHost, name: string, dflt: number): number {
  const v = lh.host.net.sysctlRead(name.split("."));
  const n = v === undefined ? Number.NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : dflt;
}

export type TcpState =
  | "SYN-SENT"
  | "ESTAB"
  | "FIN-WAIT-1"
  | "FIN-WAIT-2"
  | "CLOSING"
  | "TIME-WAIT"
  | "CLOSE-WAIT"
  | "LAST-ACK"
  | "CLOSED";

/** An active TCP open from a lab host (what connect() does), then the connection. */
export class TcpClient implements Endpoint {
  state: TcpState = "CLOSED";
  error: SockErrno | null = null;
  /** Virtual ns when connect() returned (success or error). */
  doneAt = -1;
  readonly received: Uint8Array[] = [];
  peerClosed = false;
  readonly laddr: number;
  readonly lport: number;
  private iss: number;
  private sndNxt: number;
  private rcvNxt = 0;
  private tsOff: number;
  private tsRecent = 0;
  private ipId: number;
  private readonly wscale: number;
  private retrans = 0;
  private readonly ttl: number;

  constructor(
    readonly lh: LabHost,
    readonly raddr: number,
    readonly rport: number,
    laddr: number,
    lport: number,
  ) {
    const rng = lh.host.rng;
    this.laddr = laddr >>> 0;
    this.lport = lport;
    this.iss = rng.next32();
    this.sndNxt = this.iss;
    this.tsOff = rng.next32();
    this.ipId = rng.next32() & 0xffff;
    // tcp_select_initial_window(): the scale that fits the largest receive buffer
    const rmem = (lh.host.net.sysctlRead(["net", "ipv4", "tcp_rmem"]) ?? "4096\t131072\t33554432").trim().split(/\s+/);
    const max = Math.max(Number(rmem[2]) || 0, sysctlNum(lh, "net.core.rmem_max", 212992));
    this.wscale = Math.max(0, Math.min(14, Math.floor(Math.log2(max)) - 15));
    this.ttl = sysctlNum(lh, "net.ipv4.ip_default_ttl", 64);
  }

  private get lab(): Lab {
    return this.lh.lab;
  }

  private tsval(): number {
    return (this.tsOff + Math.floor(this.lab.nowNs / 1e6)) >>> 0;
  }

  private segment(flags: number, data?: Uint8Array): Packet {
    const p = new Packet();
    p.tos = 0;
    p.ttl = this.ttl;
    p.proto = IPPROTO_TCP;
    p.src = this.laddr;
    p.dst = this.raddr;
    p.frag = IP_DF;
    p.id = this.ipId;
    this.ipId = (this.ipId + 1) & 0xffff;
    p.sport = this.lport;
    p.dport = this.rport;
    p.seq = flags & TCP_SYN ? this.iss : this.sndNxt;
    p.ack = flags & TCP_ACK ? this.rcvNxt : 0;
    p.tcpFlags = flags;
    p.uid = 0;
    p.gid = 0;
    if (flags & TCP_SYN) {
      p.window = 64240;
      const mss = 1460;
      p.tcpOptions = new Uint8Array([
        2,
        4,
        mss >>> 8,
        mss & 255,
        4,
        2,
        8,
        10,
        ...u32Bytes(this.tsval()),
        0,
        0,
        0,
        0,
        1,
        3,
        3,
        this.wscale,
      ]);
    } else {
      p.window = Math.min(65535, Math.floor(64512 / 2 ** this.wscale));
      p.tcpOptions = new Uint8Array([1, 1, 8, 10, ...u32Bytes(this.tsval()), ...u32Bytes(this.tsRecent)]);
    }
    if (data?.length) p.payload = data;
    p.len = 20 + 20 + p.tcpOptions.length + (data?.length ?? 0);
    return p;
  }

  /** Sends the SYN and arms the retransmission timer (connect() in progress). */
  connect(): void {
    this.state = "SYN-SENT";
    this.lh.endpoints.push(this);
    this.sendSyn();
  }

  private sendSyn(): void {
    const t0 = this.lab.nowNs;
    this.lab.send(this.lh, this.segment(TCP_SYN));
    const retries = sysctlNum(this.lh, "net.ipv4.tcp_syn_retries", 6);
    const linear = sysctlNum(this.lh, "net.ipv4.tcp_syn_linear_timeouts", 4);
    // RTO: 1 s for the first linear+1 intervals, then doubling (at most TCP_RTO_MAX).
    const k = this.retrans;
    const rto = Math.min(120, k <= linear ? 1 : 2 ** (k - linear));
    this.lab.at(t0 + rto * 1e9, () => {
      if (this.state !== "SYN-SENT") return;
      if (this.retrans >= retries + linear) {
        this.fail("ETIMEDOUT");
        return;
      }
      this.retrans++;
      this.sendSyn();
    });
  }

  private fail(e: SockErrno): void {
    this.error = e;
    this.state = "CLOSED";
    if (this.doneAt < 0) this.doneAt = this.lab.nowNs;
    this.detach();
  }

  /** The socket is closed without a FIN (connect gave up, or the tool was killed before a connection). */
  abort(): void {
    if (this.state === "SYN-SENT") this.state = "CLOSED";
    this.detach();
  }

  private detach(): void {
    const i = this.lh.endpoints.indexOf(this);
    if (i >= 0) this.lh.endpoints.splice(i, 1);
  }

  /** write(): one segment with the data. */
  write(data: Uint8Array): void {
    if (this.state !== "ESTAB" && this.state !== "CLOSE-WAIT") return;
    const p = this.segment(TCP_PSH | TCP_ACK, data);
    this.sndNxt = (this.sndNxt + data.length) >>> 0;
    this.lab.send(this.lh, p);
  }

  /** close(): FIN (the kernel lingers in FIN-WAIT/TIME-WAIT after the tool exits). */
  close(): void {
    if (this.state === "ESTAB") this.state = "FIN-WAIT-1";
    else if (this.state === "CLOSE-WAIT") this.state = "LAST-ACK";
    else {
      this.abort();
      return;
    }
    const p = this.segment(TCP_FIN | TCP_ACK);
    this.sndNxt = (this.sndNxt + 1) >>> 0;
    this.lab.send(this.lh, p);
  }

  take(p: Packet, send: (reply: Packet) => void): boolean {
    if (p.proto === IPPROTO_ICMP) return this.icmp(p);
    if (p.proto !== IPPROTO_TCP || p.dst >>> 0 !== this.laddr || p.dport !== this.lport) return false;
    if (p.src >>> 0 !== this.raddr || p.sport !== this.rport) return false;
    const f = p.tcpFlags;
    const ts = tcpTsval(p);
    if (this.state === "SYN-SENT") {
      if (f & TCP_ACK && p.ack >>> 0 !== (this.iss + 1) >>> 0) {
        if (!(f & TCP_RST)) send(this.reset(p));
        return true;
      }
      if (f & TCP_RST) {
        if (f & TCP_ACK) this.fail("ECONNREFUSED");
        return true;
      }
      if (f & TCP_SYN && f & TCP_ACK) {
        this.sndNxt = (this.iss + 1) >>> 0;
        this.rcvNxt = (p.seq + 1) >>> 0;
        if (ts !== undefined) this.tsRecent = ts;
        this.state = "ESTAB";
        this.doneAt = this.lab.nowNs;
        send(this.segment(TCP_ACK));
      }
      return true;
    }
    if (f & TCP_RST) {
      if (this.state === "ESTAB" || this.state === "CLOSE-WAIT") this.error = "ECONNRESET";
      this.state = "CLOSED";
      this.detach();
      return true;
    }
    if (this.state === "CLOSED" || this.state === "TIME-WAIT") {
      if (f & TCP_FIN && this.state === "TIME-WAIT") send(this.segment(TCP_ACK));
      return true;
    }
    if (ts !== undefined) this.tsRecent = ts;
    if (f & TCP_ACK && p.ack >>> 0 === this.sndNxt) {
      if (this.state === "FIN-WAIT-1") this.state = "FIN-WAIT-2";
      else if (this.state === "CLOSING") this.state = "TIME-WAIT";
      else if (this.state === "LAST-ACK") {
        this.state = "CLOSED";
        this.detach();
        return true;
      }
    }
    const len = p.payloadLen;
    let ackNeeded = false;
    if (len > 0 && p.seq >>> 0 === this.rcvNxt) {
      this.received.push(p.payload ? p.payload.subarray(0, len) : new Uint8Array(len));
      this.rcvNxt = (this.rcvNxt + len) >>> 0;
      ackNeeded = true;
    }
    if (f & TCP_FIN && (p.seq + len) >>> 0 === this.rcvNxt) {
      this.rcvNxt = (this.rcvNxt + 1) >>> 0;
      this.peerClosed = true;
      ackNeeded = true;
      if (this.state === "ESTAB") this.state = "CLOSE-WAIT";
      else if (this.state === "FIN-WAIT-1") this.state = "CLOSING";
      else if (this.state === "FIN-WAIT-2") this.state = "TIME-WAIT";
    }
    if (ackNeeded) send(this.segment(TCP_ACK));
    return true;
  }

  /** The tool exits: a socket in TIME-WAIT or closed stops taking packets (the twin keeps no TIME-WAIT sockets). */
  release(): void {
    if (this.state === "SYN-SENT") this.state = "CLOSED";
    this.detach();
  }

  private reset(p: Packet): Packet {
    const r = this.segment(TCP_RST);
    r.seq = p.ack >>> 0;
    r.ack = 0;
    r.tcpOptions = null;
    r.len = 40;
    r.window = 0;
    return r;
  }

  /** An ICMP error about one of our segments (tcp_v4_err). */
  private icmp(p: Packet): boolean {
    const q = p.inner;
    if (!q || q.proto !== IPPROTO_TCP) return false;
    if (q.src >>> 0 !== this.laddr || q.sport !== this.lport || q.dst >>> 0 !== this.raddr || q.dport !== this.rport)
      return false;
    const e = icmpErrno(p.icmpType, p.icmpCode);
    // In SYN-SENT any such error ends connect(); later on it is only a soft error.
    if (e && this.state === "SYN-SENT") this.fail(e);
    return true;
  }
}

/** A connected UDP socket (nc -u): datagrams, and the ICMP errors its next send reports. */
export class UdpClient implements Endpoint {
  readonly received: Uint8Array[] = [];
  /** A pending error (sk_err), reported by the next send. */
  pending: SockErrno | null = null;
  private ipId: number;
  private readonly ttl: number;

  constructor(
    readonly lh: LabHost,
    readonly raddr: number,
    readonly rport: number,
    readonly laddr: number,
    readonly lport: number,
  ) {
    this.ipId = lh.host.rng.next32() & 0xffff;
    this.ttl = sysctlNum(lh, "net.ipv4.ip_default_ttl", 64);
    lh.endpoints.push(this);
  }

  /** send(): fails with a pending error (which it clears), else transmits. */
  send(data: Uint8Array): SockErrno | null {
    if (this.pending) {
      const e = this.pending;
      this.pending = null;
      return e;
    }
    const p = new Packet();
    p.ttl = this.ttl;
    p.proto = IPPROTO_UDP;
    p.src = this.laddr >>> 0;
    p.dst = this.raddr >>> 0;
    p.frag = IP_DF;
    p.id = this.ipId;
    this.ipId = (this.ipId + 1) & 0xffff;
    p.sport = this.lport;
    p.dport = this.rport;
    p.payload = data;
    p.len = 28 + data.length;
    p.uid = 0;
    p.gid = 0;
    this.lh.lab.send(this.lh, p);
    return null;
  }

  close(): void {
    const i = this.lh.endpoints.indexOf(this);
    if (i >= 0) this.lh.endpoints.splice(i, 1);
  }

  take(p: Packet): boolean {
    if (p.proto === IPPROTO_UDP) {
      if (p.dst >>> 0 !== this.laddr || p.dport !== this.lport || p.src >>> 0 !== this.raddr || p.sport !== this.rport)
        return false;
      const len = Math.max(0, p.len - p.ihl - 8);
      this.received.push(p.payload ? p.payload.subarray(0, len) : new Uint8Array(len));
      return true;
    }
    if (p.proto !== IPPROTO_ICMP) return false;
    const q = p.inner;
    if (!q || q.proto !== IPPROTO_UDP) return false;
    if (q.src >>> 0 !== this.laddr || q.sport !== this.lport || q.dst >>> 0 !== this.raddr || q.dport !== this.rport)
      return false;
    // __udp4_lib_err() without IP_RECVERR: only the "fatal" unreachables reach a connected socket.
    const e = p.icmpType === 3 && UNREACH_FATAL[p.icmpCode] ? icmpErrno(3, p.icmpCode) : null;
    if (e) this.pending = e;
    return true;
  }
}
