/**
 * IPv4 options as Linux 6.x processes them (net/ipv4/ip_options.c):
 *   receipt:  ip_options_compile() after the input route (ip_rcv_options()): validates every
 *             option (ICMP parameter problem pointing at the bad byte, packet dropped), fills
 *             record route and timestamps in place with the receiving address and the time of
 *             day, and does not fix the header checksum;
 *             ip_options_rcv_srr() for a source route (if accept_source_route lets it in);
 *   forward:  ip_forward_options() after FORWARD: the outgoing address into record route, the
 *             source route's next hop, and the header checksum recomputed;
 *   replies:  __ip_options_echo() (ICMP errors and replies, TCP resets and SYN-ACKs) and
 *             ip_options_build() as the reply leaves.
 * Offsets (rr, ts, srr…) count from the start of the IP header, as the kernel's do.
 */
import { formatIPv4 } from "../core/ipv4.js";
import type { IpOptCb, Packet } from "../core/packet.js";
import { RTN_UNICAST } from "./context.js";
import type { NetConfig, RouteResult } from "./net.js";

export const IPOPT_END = 0;
export const IPOPT_NOOP = 1;
export const IPOPT_RR = 7;
export const IPOPT_TIMESTAMP = 68;
export const IPOPT_SEC = 130;
export const IPOPT_LSRR = 131;
export const IPOPT_CIPSO = 134;
export const IPOPT_SID = 136;
export const IPOPT_SSRR = 137;
export const IPOPT_RA = 148;

const IPOPT_TS_TSONLY = 0;
const IPOPT_TS_TSANDADDR = 1;
const IPOPT_TS_PRESPEC = 3;

function emptyCb(optlen: number): IpOptCb {
  return {
    optlen,
    srr: 0,
    rr: 0,
    ts: 0,
    routerAlert: 0,
    cipso: 0,
    isStrictroute: false,
    srrIsHit: false,
    rrNeedaddr: false,
    tsNeedtime: false,
    tsNeedaddr: false,
    faddr: 0,
    nexthop: 0,
    csumOver: null,
  };
}

function put32(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 24) & 255;
  b[o + 1] = (v >>> 16) & 255;
  b[o + 2] = (v >>> 8) & 255;
  b[o + 3] = v & 255;
}

function get32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

/** inet_current_timestamp(): milliseconds since midnight UTC. */
export function midnightMs(wallMs: number): number {
  const d = Math.floor(wallMs) % 86_400_000;
  return d < 0 ? d + 86_400_000 : d;
}

/** What ip_options_compile() asks of the host for a received packet. */
export interface RcvEnv {
  /** fib_compute_spec_dst(): the address recorded for this host (asked at most once). */
  specDst(): number;
  /** The wall clock, milliseconds since the epoch. */
  wallMs(): number;
  /** inet_addr_type(net, addr) == RTN_UNICAST: not one of this host's (nor a broadcast) address. */
  isUnicast(addr: number): boolean;
}

/**
 * __ip_options_compile() for a received packet (skb and its route present). On success the packet
 * gets its IPCB (p.ipOpt) and, when something was filled, a fresh copy of its option bytes (the
 * header checksum left as it was); returns -1. On a bad option returns the parameter problem
 * pointer (offset of the bad byte from the IP header), the packet keeping what the kernel did
 * before it stopped (options found, slots filled: the parameter problem echoes them).
 */
export function compileReceived(p: Packet, env: RcvEnv): number {
  const src = p.ipOptions;
  if (!src || src.length === 0) return -1;
  const b = Uint8Array.from(src);
  const opt = emptyCb(b.length);
  let changed = false;
  let spec = -1;
  const specDst = () => (spec === -1 ? (spec = env.specDst() >>> 0) : spec);
  // i: index into b (header offset i + 20); l: bytes left
  let i = 0;
  let l = b.length;
  let pp = -1;
  scan: while (l > 0) {
    const kind = b[i]!;
    if (kind === IPOPT_END) {
      for (i++, l--; l > 0; i++, l--) {
        if (b[i] !== IPOPT_END) {
          b[i] = IPOPT_END;
          changed = true;
        }
      }
      break;
    }
    if (kind === IPOPT_NOOP) {
      l--;
      i++;
      continue;
    }
    if (l < 2) {
      pp = i;
      break;
    }
    const optlen = b[i + 1]!;
    if (optlen < 2 || optlen > l) {
      pp = i;
      break;
    }
    const at = i + 20;
    switch (kind) {
      case IPOPT_SSRR:
      case IPOPT_LSRR:
        if (optlen < 3) {
          pp = i + 1;
          break scan;
        }
        if (b[i + 2]! < 4) {
          pp = i + 2;
          break scan;
        }
        // RFC 1812 5.2.4.1: one source route only
        if (opt.srr) {
          pp = i;
          break scan;
        }
        opt.isStrictroute = kind === IPOPT_SSRR;
        opt.srr = at;
        break;
      case IPOPT_RR: {
        if (opt.rr) {
          pp = i;
          break scan;
        }
        if (optlen < 3) {
          pp = i + 1;
          break scan;
        }
        const ptr = b[i + 2]!;
        if (ptr < 4) {
          pp = i + 2;
          break scan;
        }
        if (ptr <= optlen) {
          if (ptr + 3 > optlen) {
            pp = i + 2;
            break scan;
          }
          put32(b, i + ptr - 1, specDst());
          changed = true;
          b[i + 2] = ptr + 4;
          opt.rrNeedaddr = true;
        }
        opt.rr = at;
        break;
      }
      case IPOPT_TIMESTAMP: {
        if (opt.ts) {
          pp = i;
          break scan;
        }
        if (optlen < 4) {
          pp = i + 1;
          break scan;
        }
        const ptr = b[i + 2]!;
        if (ptr < 5) {
          pp = i + 2;
          break scan;
        }
        if (ptr <= optlen) {
          let timeAt = -1;
          if (ptr + 3 > optlen) {
            pp = i + 2;
            break scan;
          }
          switch (b[i + 3]! & 0xf) {
            case IPOPT_TS_TSONLY:
              timeAt = i + ptr - 1;
              opt.tsNeedtime = true;
              b[i + 2] = ptr + 4;
              break;
            case IPOPT_TS_TSANDADDR:
              if (ptr + 7 > optlen) {
                pp = i + 2;
                break scan;
              }
              put32(b, i + ptr - 1, specDst());
              timeAt = i + ptr + 3;
              opt.tsNeedaddr = true;
              opt.tsNeedtime = true;
              b[i + 2] = ptr + 8;
              break;
            case IPOPT_TS_PRESPEC:
              if (ptr + 7 > optlen) {
                pp = i + 2;
                break scan;
              }
              // a prespecified address not this host's: its slot is not ours to fill
              if (env.isUnicast(get32(b, i + ptr - 1))) break;
              timeAt = i + ptr + 3;
              opt.tsNeedtime = true;
              b[i + 2] = ptr + 8;
              break;
            default:
              // unknown flags: accepted from the network (a local sender needs CAP_NET_RAW)
              break;
          }
          if (timeAt >= 0) {
            put32(b, timeAt, midnightMs(env.wallMs()));
            changed = true;
          }
        } else if ((b[i + 3]! & 0xf) !== IPOPT_TS_PRESPEC) {
          // no room: count the overflow
          const overflow = b[i + 3]! >>> 4;
          if (overflow === 15) {
            pp = i + 3;
            break scan;
          }
          b[i + 3] = (b[i + 3]! & 0xf) | ((overflow + 1) << 4);
          changed = true;
        }
        opt.ts = at;
        break;
      }
      case IPOPT_RA:
        if (optlen < 4) {
          pp = i + 1;
          break scan;
        }
        if (b[i + 2] === 0 && b[i + 3] === 0) opt.routerAlert = at;
        break;
      case IPOPT_CIPSO: {
        if (opt.cipso) {
          pp = i;
          break scan;
        }
        opt.cipso = at;
        // cipso_v4_validate() (CONFIG_NETLABEL): too short, else no DOI is configured in the twin
        pp = optlen < 8 ? i + 1 : i + 2;
        break scan;
      }
      default:
        // IPOPT_SEC, IPOPT_SID and unknown options: accepted from the network
        break;
    }
    l -= optlen;
    i += optlen;
  }
  // on an error too: what was filled and found so far stays (the ICMP error echoes it)
  if (changed) {
    opt.csumOver = src;
    p.ipOptions = b;
  }
  p.ipOpt = opt;
  return pp >= 0 ? pp + 20 : -1;
}

/** The outcome of ip_options_rcv_srr(). */
export type SrrResult =
  | { kind: "ok" }
  | { kind: "drop" }
  | { kind: "paramprob"; pointer: number }
  /** Forward to `nexthop` (the source route's next hop), with the packet's destination now `dst`. */
  | { kind: "forward"; nexthop: number };

/**
 * ip_options_rcv_srr() for a packet with a source route that arrived for `routeType` ("local",
 * "unicast" for a forwarding route, or another kind). `routeNexthop(addr)` is the input route
 * to addr: "local", "unicast" or null (error or another type). A local hop is skipped at once
 * (the destination becomes it, "superfast loopback forward"); the first remote one is where
 * the packet goes on.
 */
export function rcvSrr(
  p: Packet,
  routeType: string,
  routeNexthop: (addr: number) => "local" | "unicast" | null,
): SrrResult {
  const opt = p.ipOpt!;
  if (p.pktType !== 0) return { kind: "drop" };
  if (routeType === "unicast") {
    if (!opt.isStrictroute) return { kind: "ok" };
    return { kind: "paramprob", pointer: 16 };
  }
  if (routeType !== "local") return { kind: "drop" };
  const b = p.ipOptions!;
  const o = opt.srr - 20;
  const space = b[o + 1]!;
  let ptr = b[o + 2]!;
  let nexthop = 0;
  for (; ptr <= space; ptr += 4) {
    if (ptr + 3 > space) return { kind: "paramprob", pointer: opt.srr + 2 };
    nexthop = get32(b, o + ptr - 1);
    const t = routeNexthop(nexthop);
    if (t === null) return { kind: "drop" };
    if (t !== "local") break;
    // "superfast loopback forward" (the header checksum is not fixed for it: not modelled)
    p.dst = nexthop;
  }
  if (ptr <= space) {
    p.ipOpt = { ...opt, srrIsHit: true, nexthop };
    return { kind: "forward", nexthop };
  }
  return { kind: "ok" };
}

/**
 * ip_forward_options(), after FORWARD: `source` (ip_rt_get_source(): the address this host has
 * toward the destination) into the record route slot the receipt reserved, the source route's
 * next hop as destination with `source` recorded in its slot, and the header checksum made
 * right again.
 */
export function forwardOptions(p: Packet, source: () => number): void {
  const opt = p.ipOpt;
  if (!opt || !p.ipOptions) return;
  const b = Uint8Array.from(p.ipOptions);
  let changed = opt.csumOver !== null;
  if (opt.rrNeedaddr) {
    const o = opt.rr - 20;
    put32(b, o + b[o + 2]! - 5, source());
    changed = true;
  }
  if (opt.srrIsHit) {
    const o = opt.srr - 20;
    const space = b[o + 1]!;
    let ptr = b[o + 2]!;
    for (; ptr <= space; ptr += 4) {
      if (ptr + 3 > space) break;
      if (get32(b, o + ptr - 1) === opt.nexthop >>> 0) break;
    }
    if (ptr + 3 <= space) {
      changed = true;
      p.dst = opt.nexthop >>> 0;
      put32(b, o + ptr - 1, source());
      b[o + 2] = ptr + 4;
    }
    if (opt.tsNeedaddr) {
      const t = opt.ts - 20;
      put32(b, t + b[t + 2]! - 9, source());
      changed = true;
    }
  }
  if (!changed) return;
  p.ipOptions = b;
  p.ipOpt = { ...opt, csumOver: null };
}

/** Options for a reply (__ip_options_echo()): bytes and what ip_options_build() fills as it leaves. */
export interface EchoedOptions {
  data: Uint8Array;
  rr: number;
  ts: number;
  srr: number;
  rrNeedaddr: boolean;
  tsNeedaddr: boolean;
  tsNeedtime: boolean;
  /** With a source route: the reply's first hop. */
  faddr: number;
}

/**
 * __ip_options_echo(): the options of a reply to `p`, from its compiled options (record route
 * and timestamp copied with room taken for this host, the source route reversed, CIPSO copied);
 * null when it has none, "EINVAL" when the kernel gives up (no reply is sent).
 */
export function optionsEcho(p: Packet, isUnicast: (addr: number) => boolean): EchoedOptions | null | "EINVAL" {
  const sopt = p.ipOpt;
  if (!sopt || sopt.optlen === 0 || !p.ipOptions) return null;
  const s = p.ipOptions;
  const sp = (off: number) => s[off - 20]!;
  const d = new Uint8Array(40);
  let n = 0;
  const r: EchoedOptions = {
    data: d,
    rr: 0,
    ts: 0,
    srr: 0,
    rrNeedaddr: false,
    tsNeedaddr: false,
    tsNeedtime: false,
    faddr: 0,
  };
  if (sopt.rr) {
    const optlen = sp(sopt.rr + 1);
    const soffset = sp(sopt.rr + 2);
    r.rr = n + 20;
    d.set(s.subarray(sopt.rr - 20, sopt.rr - 20 + optlen), n);
    if (sopt.rrNeedaddr && soffset <= optlen) {
      if (soffset + 3 > optlen) return "EINVAL";
      d[n + 2] = soffset + 4;
      r.rrNeedaddr = true;
    }
    n += optlen;
  }
  if (sopt.ts) {
    const optlen = sp(sopt.ts + 1);
    let soffset = sp(sopt.ts + 2);
    r.ts = n + 20;
    d.set(s.subarray(sopt.ts - 20, sopt.ts - 20 + optlen), n);
    if (soffset <= optlen) {
      if (sopt.tsNeedaddr) {
        if (soffset + 3 > optlen) return "EINVAL";
        r.tsNeedaddr = true;
        soffset += 4;
      }
      if (sopt.tsNeedtime) {
        if (soffset + 3 > optlen) return "EINVAL";
        if ((d[n + 3]! & 0xf) !== IPOPT_TS_PRESPEC) {
          r.tsNeedtime = true;
          soffset += 4;
        } else if (soffset + 7 <= optlen) {
          if (!isUnicast(get32(d, n + soffset - 1))) {
            r.tsNeedtime = true;
            soffset += 8;
          }
        }
      }
      d[n + 2] = soffset;
    }
    n += optlen;
  }
  if (sopt.srr) {
    const start = sopt.srr - 20;
    const optlen = s[start + 1]!;
    let soffset = s[start + 2]!;
    let doffset = 0;
    let faddr = 0;
    if (soffset > optlen) soffset = optlen + 1;
    soffset -= 4;
    if (soffset > 3) {
      faddr = get32(s, start + soffset - 1);
      for (soffset -= 4, doffset = 4; soffset > 3; soffset -= 4, doffset += 4)
        d.set(s.subarray(start + soffset - 1, start + soffset + 3), n + doffset - 1);
      // RFC 1812 requires to fix illegal source routes
      if (get32(s, start + soffset + 3) === p.src >>> 0) doffset -= 4;
    }
    if (doffset > 3) {
      r.faddr = faddr;
      d[n] = s[start]!;
      d[n + 1] = doffset + 3;
      d[n + 2] = 4;
      r.srr = n + 20;
      n += doffset + 3;
    }
  }
  if (sopt.cipso) {
    const optlen = sp(sopt.cipso + 1);
    d.set(s.subarray(sopt.cipso - 20, sopt.cipso - 20 + optlen), n);
    n += optlen;
  }
  while (n & 3) d[n++] = IPOPT_END;
  if (n === 0) return null;
  r.data = d.slice(0, n);
  return r;
}

/**
 * ip_options_build() for a reply this host sends (an output route: ip_rt_get_source() gives the
 * packet's own source): the final destination into the source route's last slot, this host's
 * address and the time into the room the echo took. Sets the reply's option bytes.
 */
export function buildOptions(r: Packet, o: EchoedOptions, daddr: number, wallMs: () => number): void {
  const b = Uint8Array.from(o.data);
  const at = (off: number) => off - 20;
  if (o.srr) put32(b, at(o.srr) + b[at(o.srr) + 1]! - 4, daddr);
  if (o.rrNeedaddr) put32(b, at(o.rr) + b[at(o.rr) + 2]! - 5, r.src);
  if (o.tsNeedaddr) put32(b, at(o.ts) + b[at(o.ts) + 2]! - 9, r.src);
  if (o.tsNeedtime) put32(b, at(o.ts) + b[at(o.ts) + 2]! - 5, midnightMs(wallMs()));
  r.ipOptions = b;
}

/**
 * nf_ip_checksum() over a received packet as REJECT sees it (skb->data at the IP header,
 * CHECKSUM_NONE on a veth): the sum covers the IP header too, so a header whose checksum the
 * option fill left stale fails it, for every protocol nf_reject_verify_csum() checks.
 */
export function rejectCsumFails(p: Packet): boolean {
  const stale = p.ipOpt?.csumOver;
  if (!stale || !p.ipOptions) return false;
  let same = stale.length === p.ipOptions.length;
  for (let i = 0; same && i < stale.length; i++) same = stale[i] === p.ipOptions[i];
  if (same) return false;
  switch (p.proto) {
    case 17:
      return !p.udpNoCsum;
    case 47: // GRE
    case 51: // AH
    case 50: // ESP
    case 132: // SCTP
    case 136: // UDP-Lite
    case 33: // DCCP
      return false;
    default:
      return true;
  }
}

/** What ip_rcv_options() needs of the stack. */
export interface RcvOptionsEnv {
  net: NetConfig;
  wallMs(): number;
  /** The packet is dropped, for this reason. */
  discard(reason: string): void;
  /** icmp_send(ICMP_PARAMETERPROB) about the packet, pointing at `pointer`. */
  paramProblem(pointer: number): void;
  /** A line for the kernel log at `level` when the device logs martians (behind net_ratelimit()). */
  martianLog?(level: number, line: string): void;
}

/**
 * ip_rcv_options() for a packet received on `dev` whose input route is of `kind` ("local",
 * "broadcast", "unicast" for a forwarding route, or another: an error route): a bad option is
 * answered with a parameter problem and drops the packet (null); a source route is dropped
 * unless accept_source_route lets it in, then ip_options_rcv_srr(): one this host forwards along
 * gives the route to its next hop. Otherwise undefined: on as routed.
 */
export function receiveOptions(
  p: Packet,
  dev: string,
  kind: string,
  env: RcvOptionsEnv,
): RouteResult | null | undefined {
  const net = env.net;
  const bad = compileReceived(p, {
    // fib_compute_spec_dst(): the destination of a packet for this host, else the source the
    // route back to the sender prefers
    specDst: () =>
      kind === "local" ? p.dst : net.lookup(p.src >>> 0)?.src || net.selectAddr(net.iface(dev), p.src >>> 0, 0),
    wallMs: env.wallMs,
    isUnicast: (a) => net.addrTypeDev(a >>> 0) === RTN_UNICAST,
  });
  if (bad >= 0) {
    env.discard("bad IP options (parameter problem)");
    env.paramProblem(bad);
    return null;
  }
  if (!p.ipOpt!.srr) return undefined;
  if (!net.confInt(dev, "accept_source_route", "and")) {
    env.discard("source route option (accept_source_route is off)");
    env.martianLog?.(6, `IPv4: source route option ${formatIPv4(p.src)} -> ${formatIPv4(p.dst)}`);
    return null;
  }
  const forwarding = () => net.confInt(dev, "forwarding", "and") || net.sysctlInt("net.ipv4.ip_forward");
  const res = rcvSrr(p, kind, (a) => {
    // ip_route_input() to the hop: this host, or a route it forwards along
    const r = net.lookup(a >>> 0);
    if (r?.type === "local") return "local";
    return r?.type === "unicast" && forwarding() ? "unicast" : null;
  });
  switch (res.kind) {
    case "ok":
      return undefined;
    case "drop":
      env.discard("source route not followed");
      return null;
    case "paramprob":
      env.discard("source route: parameter problem");
      env.paramProblem(res.pointer);
      return null;
    default:
      return net.lookup(res.nexthop >>> 0) ?? null;
  }
}

/**
 * ip_options_fragment(): the options of the fragments after the first (what the refragmenting
 * output copies into them): options without the copied flag (record route, timestamp) become
 * NOPs; the scan stops at END or a malformed length. It runs only when IPCB holds options (a
 * received packet's, compiled on receipt): a raw IP_HDRINCL packet's own bytes are copied as
 * they are. Returns the bytes for the later fragments (the packet's own when nothing changes).
 */
export function fragmentOptions(p: Packet): Uint8Array | null {
  const src = p.ipOptions;
  if (!src || !p.ipOpt || p.ipOpt.optlen === 0) return src;
  const b = Uint8Array.from(src);
  let l = b.length;
  let i = 0;
  while (l > 0) {
    const k = b[i]!;
    if (k === IPOPT_END) return b;
    if (k === IPOPT_NOOP) {
      l--;
      i++;
      continue;
    }
    const optlen = b[i + 1] ?? 0;
    if (optlen < 2 || optlen > l) return b;
    if (!(k & 0x80)) b.fill(IPOPT_NOOP, i, i + optlen);
    l -= optlen;
    i += optlen;
  }
  return b;
}
