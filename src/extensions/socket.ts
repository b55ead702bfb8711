/**
 * socket match, revision 3 (libxt_socket / xt_socket): an existing local
 * socket for the packet. The kernel allows it from PREROUTING and INPUT.
 */
import { IP_OFFMASK, IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, type Packet } from "../core/packet.js";
import { type Conn, IP_CT_ESTABLISHED_REPLY, IP_CT_RELATED_REPLY, IPS_SRC_NAT_DONE } from "../engine/conntrack.js";
import type { EvalContext } from "../engine/context.js";
import type { SockHit } from "../engine/local.js";
import { defineMatch, HOOK_IN, HOOK_PRE, XtType } from "./api.js";
import { structKey } from "./misc2-util.js";

const TRANSPARENT = 1 << 0;
const NOWILDCARD = 1 << 1;
const RESTORESKMARK = 1 << 2;

export interface SocketData {
  flags: number;
}

function flagsText(d: SocketData): string {
  let out = "";
  if (d.flags & TRANSPARENT) out += " --transparent";
  if (d.flags & NOWILDCARD) out += " --nowildcard";
  if (d.flags & RESTORESKMARK) out += " --restore-skmark";
  return out;
}

export const socketMatch = defineMatch<SocketData>({
  name: "socket",
  revision: 3,
  options: [
    { name: "transparent", id: 0, type: XtType.NONE },
    { name: "nowildcard", id: 1, type: XtType.NONE },
    { name: "restore-skmark", id: 2, type: XtType.NONE },
  ],
  init: () => ({ flags: 0 }),
  parse(cb) {
    cb.data.flags |= [TRANSPARENT, NOWILDCARD, RESTORESKMARK][cb.entry.id]!;
  },
  print: (d) => ` socket${flagsText(d)}`,
  save: (d) => flagsText(d),
  compareKey: (d) => structKey("socket", d),
  compile(d) {
    const flags = d.flags;
    return (p, ctx) => {
      // skb->sk (early demux in INPUT) is the socket the lookup finds; a fragment finds none
      if (p.frag & IP_OFFMASK) return false;
      const sk = lookup(p, ctx);
      if (!sk) return false;
      // listeners on INADDR_ANY are ignored (not request sockets) unless --nowildcard
      const wildcard = !(flags & NOWILDCARD) && sk.full && sk.boundAddr === 0;
      // inet_sk_transparent(): the host's sockets never set IP_TRANSPARENT
      const transparent = !(flags & TRANSPARENT);
      // sk_mark of the host's sockets is 0
      if (flags & RESTORESKMARK && !wildcard && transparent && sk.full) p.mark = 0;
      return !wildcard && transparent;
    };
  },
  // xt_socket revision 3: .hooks = PRE_ROUTING | LOCAL_IN
  kernelCheck: (_d, ctx) => (ctx.hookMask & ~(HOOK_PRE | HOOK_IN) ? { errno: "EINVAL" } : undefined),
  help: () =>
    "socket match options:\n" +
    "  --nowildcard     Do not ignore LISTEN sockets bound on INADDR_ANY\n" +
    "  --transparent    Ignore non-transparent sockets\n" +
    "  --restore-skmark Set the packet mark to the socket mark if\n" +
    "                   the socket matches and transparent / \n" +
    "                   nowildcard conditions are satisfied\n\n",
});

/** ICMP types extract_icmp4_fields() reads a quoted packet from: unreachable, source quench, redirect, time exceeded, parameter problem. */
const ICMP_ERRORS = new Set([3, 4, 5, 11, 12]);

/**
 * nf_sk_lookup_slow_v4(): TCP and UDP by their header; an ICMP error by the TCP or UDP packet it
 * quotes (sent from here: its source is the local end); a reply of a connection whose source was
 * NATed looks for the original source address and port.
 */
function lookup(p: Packet, ctx: EvalContext): SockHit | undefined {
  let proto: number;
  let saddr: number;
  let sport: number;
  let daddr: number;
  let dport: number;
  if (p.proto === IPPROTO_TCP || p.proto === IPPROTO_UDP) {
    proto = p.proto;
    saddr = p.src;
    sport = p.sport;
    daddr = p.dst;
    dport = p.dport;
  } else if (p.proto === IPPROTO_ICMP) {
    const q = p.inner;
    if (!ICMP_ERRORS.has(p.icmpType) || !q || (q.proto !== IPPROTO_TCP && q.proto !== IPPROTO_UDP)) return undefined;
    if (p.innerLen < 4) return undefined; // the quoted ports
    proto = q.proto;
    daddr = q.src;
    dport = q.sport;
    saddr = q.dst;
    sport = q.dport;
  } else return undefined;
  const ct = p.ct as Conn | null;
  if (
    ct &&
    ((p.proto !== IPPROTO_ICMP && p.ctinfo === IP_CT_ESTABLISHED_REPLY) ||
      (p.proto === IPPROTO_ICMP && p.ctinfo === IP_CT_RELATED_REPLY)) &&
    ct.status & IPS_SRC_NAT_DONE
  ) {
    daddr = ct.orig.src;
    dport = ct.orig.sport;
  }
  return ctx.socket?.(proto === IPPROTO_TCP ? "tcp" : "udp", saddr >>> 0, sport, daddr >>> 0, dport);
}
