/**
 * The applications behind a lab host's listeners. The kernel's TCP (the
 * host's LocalHost) answers the handshake; once a connection is accepted the
 * application owns it here: it reads, answers (http, banner) and closes, and
 * the segments it sends follow the connection's sequence numbers, window
 * scale and timestamps, so conntrack on every host along the way sees a
 * proper TCP conversation (ESTABLISHED, FIN_WAIT, TIME_WAIT, …).
 */
import { formatIPv4 } from "../core/ipv4.js";
import { IP_DF, IPPROTO_TCP, Packet, TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, tcpTsval, u32Bytes } from "../core/packet.js";
import type { AppHook, LabHost } from "./lab.js";
import type { ListenerSpec } from "./sys.js";
import { dec, enc } from "./tools/common.js";

type OwnedState = "ESTAB" | "CLOSE-WAIT" | "FIN-WAIT-1" | "FIN-WAIT-2" | "CLOSING" | "LAST-ACK";

interface Owned {
  spec: ListenerSpec;
  laddr: number;
  lport: number;
  raddr: number;
  rport: number;
  sndNxt: number;
  rcvNxt: number;
  tsOk: boolean;
  tsOff: number;
  tsRecent: number;
  wscale: number;
  window: number;
  ipId: number;
  state: OwnedState;
  request: string;
  answered: boolean;
}

/** The body a listener's http application answers with. */
export function httpBody(lh: LabHost, spec: ListenerSpec, laddr: number, lport: number): string {
  return spec.body ?? `Hello from ${lh.hostname} (${formatIPv4(laddr)}:${lport})\n`;
}

export class ServerApps implements AppHook {
  private readonly owned = new Map<string, Owned>();

  constructor(readonly lh: LabHost) {}

  private get listeners(): ListenerSpec[] {
    return this.lh.sys.listeners;
  }

  /** Opens the kernel sockets of the declared listeners (after a load, or when one is added). */
  open(): void {
    const sockets = this.lh.host.local.sockets;
    for (const l of this.listeners) {
      if (!sockets.bound.some((s) => s.proto === l.proto && s.addr === l.addr >>> 0 && s.port === l.port))
        sockets.listen(l.proto, l.addr, l.port);
    }
  }

  before(p: Packet, send: (reply: Packet) => void): boolean {
    if (this.owned.size === 0 || p.proto !== IPPROTO_TCP) return false;
    const key = `${p.dst >>> 0}:${p.dport}-${p.src >>> 0}:${p.sport}`;
    const c = this.owned.get(key);
    if (!c) return false;
    this.segmentIn(key, c, p, send);
    return true;
  }

  after(p: Packet, send: (reply: Packet) => void): void {
    if (p.proto !== IPPROTO_TCP || this.listeners.length === 0) return;
    const key = `${p.dst >>> 0}:${p.dport}-${p.src >>> 0}:${p.sport}`;
    const sockets = this.lh.host.local.sockets;
    const k = sockets.conns.get(key);
    if (!k || k.state === "SYN-RECV" || k.state === "CLOSE") return;
    const l = k.listener;
    const spec = this.listeners.find((s) => s.proto === l.proto && s.addr >>> 0 === l.addr && s.port === l.port);
    if (!spec || spec.app === "hold") return;
    // accept(): the application owns the connection from here on.
    sockets.conns.delete(key);
    const c: Owned = {
      spec,
      laddr: k.laddr,
      lport: k.lport,
      raddr: k.raddr,
      rport: k.rport,
      sndNxt: (k.isn + 1) >>> 0,
      rcvNxt: k.rcvNxt,
      tsOk: k.tsOk,
      tsOff: k.tsOff,
      tsRecent: k.tsRecent,
      wscale: k.wscale,
      window: Math.min(65535, Math.floor(k.rcvWnd / 2 ** k.wscale)),
      ipId: k.ipId,
      state: k.state === "CLOSE-WAIT" ? "CLOSE-WAIT" : "ESTAB",
      request: p.payloadLen > 0 && p.payload ? dec.decode(p.payload.subarray(0, p.payloadLen)) : "",
      answered: false,
    };
    this.owned.set(key, c);
    if (spec.app === "banner" && spec.body) this.write(c, enc.encode(spec.body), send);
    this.react(key, c, send);
  }

  private segment(c: Owned, flags: number, data?: Uint8Array): Packet {
    const r = new Packet();
    r.ttl = 64;
    r.proto = IPPROTO_TCP;
    r.src = c.laddr;
    r.dst = c.raddr;
    r.frag = IP_DF;
    r.id = c.ipId;
    c.ipId = (c.ipId + 1) & 0xffff;
    r.sport = c.lport;
    r.dport = c.rport;
    r.seq = c.sndNxt;
    r.ack = c.rcvNxt;
    r.tcpFlags = flags;
    r.window = c.window;
    r.uid = 0;
    r.gid = 0;
    if (c.tsOk) {
      const tsval = (c.tsOff + Math.floor(this.lh.lab.nowNs / 1e6)) >>> 0;
      r.tcpOptions = new Uint8Array([1, 1, 8, 10, ...u32Bytes(tsval), ...u32Bytes(c.tsRecent)]);
    }
    if (data?.length) r.payload = data;
    r.len = 40 + (r.tcpOptions?.length ?? 0) + (data?.length ?? 0);
    return r;
  }

  private write(c: Owned, data: Uint8Array, send: (reply: Packet) => void): void {
    const r = this.segment(c, TCP_PSH | TCP_ACK, data);
    c.sndNxt = (c.sndNxt + data.length) >>> 0;
    send(r);
  }

  private close(c: Owned, send: (reply: Packet) => void): void {
    const r = this.segment(c, TCP_FIN | TCP_ACK);
    c.sndNxt = (c.sndNxt + 1) >>> 0;
    c.state = c.state === "CLOSE-WAIT" ? "LAST-ACK" : "FIN-WAIT-1";
    send(r);
  }

  /** What the application does now: answer a complete request, close after the peer did. */
  private react(key: string, c: Owned, send: (reply: Packet) => void): void {
    if (c.spec.app === "http" && !c.answered && c.request.length > 0) {
      c.answered = true;
      const head = c.request.startsWith("HEAD ");
      const body = httpBody(this.lh, c.spec, c.laddr, c.lport);
      const bodyBytes = enc.encode(body);
      const text =
        "HTTP/1.1 200 OK\r\nServer: iptwin\r\nContent-Type: text/plain\r\n" +
        `Content-Length: ${bodyBytes.length}\r\nConnection: close\r\n\r\n`;
      const headBytes = enc.encode(text);
      const all = new Uint8Array(headBytes.length + (head ? 0 : bodyBytes.length));
      all.set(headBytes, 0);
      if (!head) all.set(bodyBytes, headBytes.length);
      this.write(c, all, send);
      this.close(c, send);
      return;
    }
    if (c.state === "CLOSE-WAIT") this.close(c, send);
    if (c.state === "LAST-ACK" || c.state === "FIN-WAIT-1" || c.state === "FIN-WAIT-2" || c.state === "CLOSING")
      this.owned.set(key, c);
  }

  private segmentIn(key: string, c: Owned, p: Packet, send: (reply: Packet) => void): void {
    const f = p.tcpFlags;
    if (f & TCP_RST) {
      this.owned.delete(key);
      return;
    }
    const ts = tcpTsval(p);
    if (c.tsOk && ts !== undefined) c.tsRecent = ts;
    if (f & TCP_ACK && p.ack >>> 0 === c.sndNxt) {
      if (c.state === "FIN-WAIT-1") c.state = "FIN-WAIT-2";
      else if (c.state === "LAST-ACK") {
        this.owned.delete(key);
        return;
      } else if (c.state === "CLOSING") {
        this.owned.delete(key); // TIME-WAIT: not kept
        return;
      }
    }
    const len = p.payloadLen;
    let ack = false;
    if (
      len > 0 &&
      p.seq >>> 0 === c.rcvNxt &&
      (c.state === "ESTAB" || c.state === "FIN-WAIT-1" || c.state === "FIN-WAIT-2")
    ) {
      c.rcvNxt = (c.rcvNxt + len) >>> 0;
      if (p.payload) c.request += dec.decode(p.payload.subarray(0, len));
      ack = true;
    } else if (len > 0) ack = true;
    let timeWait = false;
    if (f & TCP_FIN && (p.seq + len) >>> 0 === c.rcvNxt) {
      c.rcvNxt = (c.rcvNxt + 1) >>> 0;
      ack = true;
      if (c.state === "ESTAB") c.state = "CLOSE-WAIT";
      else if (c.state === "FIN-WAIT-1") c.state = "CLOSING";
      else if (c.state === "FIN-WAIT-2") timeWait = true;
    }
    if (ack) send(this.segment(c, TCP_ACK));
    if (timeWait) {
      this.owned.delete(key);
      return;
    }
    this.react(key, c, send);
  }
}
