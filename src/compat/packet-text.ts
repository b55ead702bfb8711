/**
 * Packets as text: a compact tcpdump -n style line for `send`, and the
 * lines of `xtables-monitor --trace` (PACKET:/TRACE:) for `trace`.
 */
import { formatIPv4 } from "../core/ipv4.js";
import type { NameDb } from "../core/netdb.js";
import {
  IP_DF,
  IP_MF,
  IP_OFFMASK,
  IPPROTO_ICMP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  type Packet,
  TCP_ACK,
  TCP_CWR,
  TCP_ECE,
  TCP_FIN,
  TCP_PSH,
  TCP_RST,
  TCP_SYN,
  TCP_URG,
} from "../core/packet.js";
import type { HookTrace } from "../engine/stack.js";
import { saveRuleBody } from "./iptables/format.js";

function tcpdumpFlags(f: number): string {
  let s = "";
  if (f & TCP_FIN) s += "F";
  if (f & TCP_SYN) s += "S";
  if (f & TCP_RST) s += "R";
  if (f & TCP_PSH) s += "P";
  if (f & TCP_ACK) s += ".";
  if (f & TCP_URG) s += "U";
  if (f & TCP_ECE) s += "E";
  if (f & TCP_CWR) s += "W";
  return s || "none";
}

function protoWord(n: number): string {
  return n === IPPROTO_TCP ? "tcp" : n === IPPROTO_UDP ? "udp" : n === IPPROTO_ICMP ? "icmp" : `ip-proto-${n}`;
}

/** The body of an ICMP message as tcpdump describes it. */
function icmpText(p: Packet): string {
  const len = p.len - p.ihl;
  const q = p.inner;
  switch (p.icmpType) {
    case 0:
      return `ICMP echo reply, id ${p.icmpId}, seq ${p.icmpSeq}, length ${len}`;
    case 8:
      return `ICMP echo request, id ${p.icmpId}, seq ${p.icmpSeq}, length ${len}`;
    case 3: {
      const dst = q ? formatIPv4(q.dst) : "?";
      switch (p.icmpCode) {
        case 0:
          return `ICMP net ${dst} unreachable, length ${len}`;
        case 1:
          return `ICMP host ${dst} unreachable, length ${len}`;
        case 2:
          return `ICMP ${dst} protocol ${q?.proto ?? "?"} unreachable, length ${len}`;
        case 3:
          return `ICMP ${dst} ${q ? protoWord(q.proto) : "?"} port ${q?.dport ?? "?"} unreachable, length ${len}`;
        case 4:
          return `ICMP ${dst} unreachable - need to frag, length ${len}`;
        case 9:
          return `ICMP net ${dst} unreachable - admin prohibited, length ${len}`;
        case 10:
          return `ICMP host ${dst} unreachable - admin prohibited, length ${len}`;
        case 13:
          return `ICMP host ${dst} unreachable - admin prohibited filter, length ${len}`;
        default:
          return `ICMP ${dst} unreachable - code ${p.icmpCode}, length ${len}`;
      }
    }
    case 11:
      return `ICMP time exceeded in-${p.icmpCode === 0 ? "transit" : "reassembly"}, length ${len}`;
    case 12:
      // print-icmp.c ICMP_PARAMPROB: the pointer byte
      return p.icmpCode
        ? `ICMP parameter problem - code ${p.icmpCode}, length ${len}`
        : `ICMP parameter problem - octet ${p.icmpRest >>> 24}, length ${len}`;
    default:
      return `ICMP type-#${p.icmpType}, length ${len}`;
  }
}

/** `IP 10.0.0.2.40000 > 10.0.0.1.80: Flags [S], seq 0, win 64240, length 0` (tcpdump -n -S, plus ttl). */
export function packetLine(p: Packet): string {
  const frag = (p.frag & IP_OFFMASK) !== 0;
  const ttl = `ttl ${p.ttl}`;
  if (!frag && p.proto === IPPROTO_TCP) {
    const payload = p.payloadLen;
    let s = `IP ${formatIPv4(p.src)}.${p.sport} > ${formatIPv4(p.dst)}.${p.dport}: Flags [${tcpdumpFlags(p.tcpFlags)}], seq ${p.seq >>> 0}`;
    if (p.tcpFlags & TCP_ACK) s += `, ack ${p.ack >>> 0}`;
    s += `, win ${p.window}, length ${payload}, ${ttl}`;
    return s;
  }
  if (!frag && p.proto === IPPROTO_UDP) {
    return `IP ${formatIPv4(p.src)}.${p.sport} > ${formatIPv4(p.dst)}.${p.dport}: UDP, length ${Math.max(0, p.len - p.ihl - 8)}, ${ttl}`;
  }
  if (!frag && p.proto === IPPROTO_ICMP)
    return `IP ${formatIPv4(p.src)} > ${formatIPv4(p.dst)}: ${icmpText(p)}, ${ttl}`;
  const what = frag ? `frag offset ${(p.frag & IP_OFFMASK) * 8}` : protoWord(p.proto);
  return `IP ${formatIPv4(p.src)} > ${formatIPv4(p.dst)}: ${what}, length ${p.len - p.ihl}, ${ttl}`;
}

// ---- xtables-monitor --trace ----

/** ether_ntoa(): hex bytes without leading zeros. */
function etherNtoa(m: number): string {
  let s = "";
  for (let i = 5; i >= 0; i--) {
    const b = Math.floor(m / 2 ** (8 * i)) % 256;
    s += (i < 5 ? ":" : "") + b.toString(16);
  }
  return s;
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, "0");
}

/**
 * trace_print_packet(): the packet as a base chain first saw it. A received
 * packet keeps its input device (and link-layer header) up to POSTROUTING
 * (checked on Linux 6.x); one looped back through lo shows LOOPBACK.
 */
export function tracePacketLine(p: Packet, _hook: number): string {
  let s = `PACKET: 2 ${hex8(p.traceId)} `;
  if (p.inDev) s += `IN=${p.inDev} `;
  if (p.outDev) s += `OUT=${p.outDev} `;
  if (p.inDev === "lo") s += "LOOPBACK ";
  else if (p.inDev && p.hasMac) s += `MACSRC=${etherNtoa(p.macSrc)} MACDST=${etherNtoa(p.macDst)} MACPROTO=0800 `;
  s += `SRC=${formatIPv4(p.src)} DST=${formatIPv4(p.dst)} LEN=${p.len} TOS=0x${p.tos.toString(16)} TTL=${p.ttl} ID=${p.id} `;
  if (p.frag & 0x8000) s += "CE ";
  if (p.frag & IP_DF) s += "DF ";
  if (p.frag & IP_MF) s += "MF ";
  if (p.frag & IP_OFFMASK) s += `FRAG:${p.frag & IP_OFFMASK} `;
  if (p.ipOptions?.length) {
    s += "OPT (";
    for (const b of p.ipOptions) s += b.toString(16).toUpperCase().padStart(2, "0");
    s += ") ";
  }
  if (!(p.frag & IP_OFFMASK)) {
    if (p.proto === IPPROTO_TCP) {
      s += `SPORT=${p.sport} DPORT=${p.dport} `;
      const f = p.tcpFlags;
      if (f & TCP_SYN) s += "SYN ";
      if (f & TCP_ACK) s += "ACK ";
      if (f & TCP_FIN) s += "FIN ";
      if (f & TCP_RST) s += "RST ";
      if (f & TCP_PSH) s += "PSH ";
      if (f & TCP_URG) s += "URG ";
    } else if (p.proto === IPPROTO_UDP || p.proto === 132 || p.proto === 33 || p.proto === 136) {
      s += `SPORT=${p.sport} DPORT=${p.dport} `;
    }
  }
  if (p.mark) s += `MARK=0x${(p.mark >>> 0).toString(16)} `;
  return s;
}

function verdictWord(v: string): string {
  switch (v) {
    case "RETURN":
      return "0xfffffffb";
    case "2":
      return "STOLEN";
    case "4":
      return "0x4";
    default:
      return /^-?\d+$/.test(v) ? `0x${(Number(v) >>> 0).toString(16)}` : v;
  }
}

/** The lines xtables-monitor --trace prints for these events (each ends with "\n"). */
export function traceLines(events: readonly HookTrace[], db: NameDb): string {
  let out = "";
  for (const t of events) {
    const e = t.event;
    if (t.pkt) out += `${tracePacketLine(t.pkt, t.hook)}\n`;
    if (e.kind === "return") continue;
    const head = ` TRACE: 2 ${hex8(t.id ?? 0)} ${e.table}:${e.chain}`;
    if (e.kind === "policy") {
      out += `${head}:policy:${verdictWord(e.verdict)} \n`;
      continue;
    }
    const r = e.rule!;
    out += `${head}:rule:0x${(r.handle ?? 0).toString(16)}:${verdictWord(e.verdict)}  -4 -t ${e.table} -A ${e.chain}${saveRuleBody(r, db)}\n`;
  }
  return out;
}
