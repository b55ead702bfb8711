/**
 * Packet access shared by the stateless matches and mangle targets: what
 * skb_header_pointer() would find at the transport offset, the fragment
 * offset (par->fragoff) and the byte count the kernel sees (skb->len), all
 * from the numeric fields of a Packet.
 */
import { IP_OFFMASK, IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, type Packet } from "../core/packet.js";

/** skb->pkt_type of a multicast/broadcast frame looped back (not exported by packet.ts). */
export const PACKET_LOOPBACK = 5;

/** ntohs(iph->tot_len): the IP total length, as ipBytes() computes it when `len` is unset. */
export function totalLen(p: Packet): number {
  return p.len > 0 ? p.len : p.ihl + p.l4HeaderLen + (p.payload?.length ?? 0);
}

/** Bytes from the transport header to the end of the packet (skb->len - par->thoff). */
export function l4Avail(p: Packet): number {
  return totalLen(p) - p.ihl;
}

/** par->fragoff: the fragment offset in 8-byte units. */
export function fragOff(p: Packet): number {
  return p.frag & IP_OFFMASK;
}

/**
 * Whether the transport bytes of `p` live in `payload` (non-first fragments
 * and protocols the Packet does not decode) rather than in header fields.
 */
export function rawL4(p: Packet): boolean {
  return (
    (p.frag & IP_OFFMASK) !== 0 || (p.proto !== IPPROTO_TCP && p.proto !== IPPROTO_UDP && p.proto !== IPPROTO_ICMP)
  );
}

/** A byte of the raw transport area (see rawL4); zeros past the stored payload. */
export function rawByte(p: Packet, off: number): number {
  return p.payload?.[off] ?? 0;
}

export function rawU16(p: Packet, off: number): number {
  return (rawByte(p, off) << 8) | rawByte(p, off + 1);
}

export function rawU32(p: Packet, off: number): number {
  return (
    ((rawByte(p, off) << 24) | (rawByte(p, off + 1) << 16) | (rawByte(p, off + 2) << 8) | rawByte(p, off + 3)) >>> 0
  );
}

/** The first two 16-bit words at the transport offset (ports of TCP/UDP/SCTP/DCCP/UDP-Lite). */
export function l4Port(p: Packet, which: 0 | 1): number {
  if (rawL4(p)) return rawU16(p, which * 2);
  if (p.proto === IPPROTO_ICMP) return which === 0 ? (p.icmpType << 8) | p.icmpCode : 0;
  return which === 0 ? p.sport : p.dport;
}

/** The TCP header's byte 13 (flags) as the transport area holds it. */
export function tcpFlagsByte(p: Packet): number {
  return rawL4(p) || p.proto !== IPPROTO_TCP ? rawByte(p, 13) : p.tcpFlags;
}

/** TCP data offset in bytes (doff * 4) as the header holds it. */
export function tcpHdrLen(p: Packet): number {
  if (rawL4(p) || p.proto !== IPPROTO_TCP) return (rawByte(p, 12) >>> 4) * 4;
  return 20 + (p.tcpOptions?.length ?? 0);
}

/** Byte `i` of the TCP options area (transport offset 20 + i). */
export function tcpOptByte(p: Packet, i: number): number {
  if (rawL4(p) || p.proto !== IPPROTO_TCP) return rawByte(p, 20 + i);
  return p.tcpOptions?.[i] ?? 0;
}

/** ifname_compare_aligned() with the mask xtables_parse_interface() derives from `spec` (`+` = prefix). */
export function ifnameMatcher(spec: string): (name: string) => boolean {
  if (spec === "") return () => true;
  if (spec.endsWith("+")) {
    const prefix = spec.slice(0, -1);
    return (name) => name.startsWith(prefix);
  }
  return (name) => name === spec;
}

/**
 * What the cluster match reads of a conntrack entry (p.ct, a Conn of
 * engine/conntrack.ts): the original-direction tuple's source address and,
 * for an expected connection, its master.
 */
export interface CtOrigView {
  orig: { src: number };
  master?: CtOrigView | null;
}

function rol32(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** jhash_1word() of include/linux/jhash.h. */
export function jhash1word(a: number, initval: number): number {
  const iv = (initval + 0xdeadbeef + 4) >>> 0;
  a = (a + iv) >>> 0;
  let b = iv;
  let c = iv;
  // __jhash_final()
  c = ((c ^ b) - rol32(b, 14)) >>> 0;
  a = ((a ^ c) - rol32(c, 11)) >>> 0;
  b = ((b ^ a) - rol32(a, 25)) >>> 0;
  c = ((c ^ b) - rol32(b, 16)) >>> 0;
  a = ((a ^ c) - rol32(c, 4)) >>> 0;
  b = ((b ^ a) - rol32(a, 14)) >>> 0;
  c = ((c ^ b) - rol32(b, 24)) >>> 0;
  return c;
}

/** The 32-bit word of an address as a little-endian CPU loads it from network order. */
export function bswap32(x: number): number {
  return (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
}
