/**
 * The kernel's IPv4 packet log line (nf_log_syslog.c: nf_log_ip_packet()
 * with nf_log_dump_packet_common(), dump_mac_header(), dump_ipv4_packet()),
 * from a Packet's numeric fields. Used by matches that log through
 * nf_log_packet() (osf --log); written to be reusable by LOG.
 */
import { formatIPv4 } from "../core/ipv4.js";
import { IP_DF, IP_MF, IP_OFFMASK, IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, type Packet } from "../core/packet.js";
import { rawByte, rawU16, rawU32, totalLen } from "./pkt-util.js";

export const NF_LOG_TCPSEQ = 0x01;
export const NF_LOG_TCPOPT = 0x02;
export const NF_LOG_IPOPT = 0x04;
export const NF_LOG_UID = 0x08;
export const NF_LOG_MACDECODE = 0x20;
/** NF_LOG_DEFAULT_MASK: what nf_log_packet() with no loginfo logs (default_loginfo). */
export const NF_LOG_DEFAULT_MASK = 0x0f;

const IP_CE = 0x8000;
const IPPROTO_UDPLITE = 136;
const IPPROTO_AH = 51;
const IPPROTO_ESP = 50;

const hex2 = (n: number) => n.toString(16).padStart(2, "0");
const HEX2 = (n: number) => n.toString(16).toUpperCase().padStart(2, "0");

function macText(m: number): string {
  let s = "";
  for (let i = 5; i >= 0; i--) s += (s ? ":" : "") + hex2(Math.floor(m / 2 ** (8 * i)) % 256);
  return s;
}

/** dump_mac_header(): decoded with MACDECODE on Ethernet, else the raw 14-byte header (none when absent). */
function dumpMac(p: Packet, logflags: number): string {
  const loop = p.inDev === "lo";
  if (logflags & NF_LOG_MACDECODE && !loop) {
    return `MACSRC=${macText(p.macSrc)} MACDST=${macText(p.macDst)} MACPROTO=0800 `;
  }
  if (!p.hasMac && !loop) return "MAC= ";
  const dst = loop ? 0 : p.macDst;
  const src = loop ? 0 : p.macSrc;
  return `MAC=${macText(dst)}:${macText(src)}:08:00 `;
}

/** The transport view of a (possibly quoted) packet: its bytes past the IP header. */
interface L4View {
  p: Packet;
  /** Bytes present from the transport header on (skb->len - offset). */
  avail: number;
}

/** nf_log_dump_tcp_header(): the text, and whether the dump stops there (it returned 1). */
function tcpPart(v: L4View, frag: boolean, logflags: number): [string, boolean] {
  let out = "PROTO=TCP ";
  if (frag) return [out, false];
  const { p, avail } = v;
  if (avail < 20) return [`${out}INCOMPLETE [${avail} bytes] `, true];
  const raw = p.proto !== IPPROTO_TCP;
  const sport = raw ? rawU16(p, 0) : p.sport;
  const dport = raw ? rawU16(p, 2) : p.dport;
  out += `SPT=${sport} DPT=${dport} `;
  if (logflags & NF_LOG_TCPSEQ)
    out += `SEQ=${raw ? rawU32(p, 4) : p.seq >>> 0} ACK=${raw ? rawU32(p, 8) : p.ack >>> 0} `;
  const b12 = raw ? rawByte(p, 12) : ((20 + (p.tcpOptions?.length ?? 0)) << 2) | (p.tcpRes & 0x0f);
  const f = raw ? rawByte(p, 13) : p.tcpFlags;
  out += `WINDOW=${raw ? rawU16(p, 14) : p.window} `;
  out += `RES=0x${hex2((b12 & 0x0e) << 2)} `;
  if (b12 & 0x01) out += "AE ";
  if (f & 0x80) out += "CWR ";
  if (f & 0x40) out += "ECE ";
  if (f & 0x20) out += "URG ";
  if (f & 0x10) out += "ACK ";
  if (f & 0x08) out += "PSH ";
  if (f & 0x04) out += "RST ";
  if (f & 0x02) out += "SYN ";
  if (f & 0x01) out += "FIN ";
  out += `URGP=${raw ? rawU16(p, 18) : p.urgPtr} `;
  const hl = (b12 >>> 4) * 4;
  if (logflags & NF_LOG_TCPOPT && hl > 20) {
    if (avail < hl) return [`${out}OPT (TRUNCATED)`, true];
    out += "OPT (";
    for (let i = 0; i < hl - 20; i++) out += HEX2(raw ? rawByte(p, 20 + i) : (p.tcpOptions?.[i] ?? 0));
    out += ") ";
  }
  return [out, false];
}

/** dump_ipv4_packet(); `avail` is what follows the IP header in the skb, `nested` inside an ICMP error. */
function dumpIpv4(p: Packet, avail: number, logflags: number, nested: boolean): string {
  let out = `SRC=${formatIPv4(p.src)} DST=${formatIPv4(p.dst)} `;
  out += `LEN=${totalLen(p)} TOS=0x${HEX2(p.tos & 0x1e)} PREC=0x${HEX2(p.tos & 0xe0)} TTL=${p.ttl} ID=${p.id} `;
  if (p.frag & IP_CE) out += "CE ";
  if (p.frag & IP_DF) out += "DF ";
  if (p.frag & IP_MF) out += "MF ";
  const off = p.frag & IP_OFFMASK;
  if (off) out += `FRAG:${off} `;
  if (logflags & NF_LOG_IPOPT && p.ipOptions && p.ipOptions.length) {
    out += "OPT (";
    for (const b of p.ipOptions) out += HEX2(b);
    out += ") ";
  }
  const frag = off !== 0;
  switch (p.proto) {
    case IPPROTO_TCP: {
      const [t, stop] = tcpPart({ p, avail }, frag, logflags);
      out += t;
      if (stop) return out;
      break;
    }
    case IPPROTO_UDP:
    case IPPROTO_UDPLITE:
      out += p.proto === IPPROTO_UDP ? "PROTO=UDP " : "PROTO=UDPLITE ";
      if (!frag) {
        if (avail < 8) return `${out}INCOMPLETE [${avail} bytes] `;
        const raw = p.proto !== IPPROTO_UDP;
        // the header's length field (a first fragment's says the datagram's)
        const fd = p.fragData;
        const ulen = raw ? rawU16(p, 4) : fd && fd.length >= 6 ? (fd[4]! << 8) | fd[5]! : totalLen(p) - p.ihl;
        out += `SPT=${raw ? rawU16(p, 0) : p.sport} DPT=${raw ? rawU16(p, 2) : p.dport} LEN=${ulen} `;
      }
      break;
    case IPPROTO_ICMP:
      out += "PROTO=ICMP ";
      if (frag) break;
      out += icmpPart(p, avail, logflags, nested);
      break;
    case IPPROTO_AH:
      if (frag) break;
      out += "PROTO=AH ";
      out += avail < 12 ? `INCOMPLETE [${avail} bytes] ` : `SPI=0x${rawU32(p, 4).toString(16)} `;
      break;
    case IPPROTO_ESP:
      out += "PROTO=ESP ";
      if (frag) break;
      out += avail < 8 ? `INCOMPLETE [${avail} bytes] ` : `SPI=0x${rawU32(p, 0).toString(16)} `;
      break;
    default:
      out += `PROTO=${p.proto} `;
  }
  if (!nested) {
    // only a full socket with a file (a SYN-ACK's request socket is not full: no UID)
    if (logflags & NF_LOG_UID && p.uid >= 0 && p.sockKind === 0) out += `UID=${p.uid >>> 0} GID=${p.gid >>> 0} `;
    if (p.mark) out += `MARK=0x${(p.mark >>> 0).toString(16)} `;
  }
  return out;
}

/** required_len[] of the ICMP part: bytes the type needs after the IP header. */
const ICMP_REQUIRED: Readonly<Record<number, number>> = {
  0: 4,
  3: 28,
  4: 28,
  5: 28,
  8: 4,
  11: 28,
  12: 28,
  13: 20,
  14: 20,
  17: 12,
  18: 12,
};

function icmpPart(p: Packet, avail: number, logflags: number, nested: boolean): string {
  if (avail < 8) return `INCOMPLETE [${avail} bytes] `;
  let out = `TYPE=${p.icmpType} CODE=${p.icmpCode} `;
  const need = ICMP_REQUIRED[p.icmpType];
  if (need && avail < need) return `${out}INCOMPLETE [${avail} bytes] `;
  const t = p.icmpType;
  if (t === 0 || t === 8) out += `ID=${p.icmpId} SEQ=${p.icmpSeq} `;
  else if (t === 12) out += `PARAMETER=${(p.icmpRest >>> 24) & 0xff} `;
  else if (t === 3 || t === 4 || t === 5 || t === 11) {
    if (t === 5) out += `GATEWAY=${formatIPv4(p.icmpRest >>> 0)} `;
    if (!nested) {
      // one level of recursion into the quoted packet
      const inner = p.inner;
      const quoted = avail - 8;
      out += "[";
      out += inner && quoted >= 20 ? dumpIpv4(inner, quoted - inner.ihl, logflags, true) : "TRUNCATED";
      out += "] ";
    }
    if (t === 3 && p.icmpCode === 4) out += `MTU=${p.icmpRest & 0xffff} `;
  }
  return out;
}

/**
 * nf_log_ip_packet() text after the level: prefix, IN=/OUT=, bridge ports,
 * the MAC header when there is an input device, then the IPv4 dump.
 */
export function nfLogIpPacket(p: Packet, prefix: string, logflags: number): string {
  let out = `${prefix}IN=${p.inDev} OUT=${p.outDev} `;
  if (p.physIn && p.physIn !== p.inDev) out += `PHYSIN=${p.physIn} `;
  if (p.physOut && p.physOut !== p.outDev) out += `PHYSOUT=${p.physOut} `;
  if (p.inDev) out += dumpMac(p, logflags);
  return out + dumpIpv4(p, totalLen(p) - p.ihl, logflags, false);
}
