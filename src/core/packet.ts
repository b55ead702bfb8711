/**
 * An IPv4 packet as the twin handles it: numeric header fields (no strings
 * on the hot path), optional payload bytes, and per-packet metadata
 * (skb->mark, conntrack, devices). Serialises to and from wire bytes
 * (Ethernet + IPv4 + TCP/UDP/ICMP) with correct checksums.
 */

export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;
export const TCP_URG = 0x20;
export const TCP_ECE = 0x40;
export const TCP_CWR = 0x80;

export const IP_DF = 0x4000;
export const IP_MF = 0x2000;
export const IP_OFFMASK = 0x1fff;

/** Packet.sockKind */
export const SOCK_FILE = 0;
export const SOCK_KERNEL = 1;
export const SOCK_REQUEST = 2;

/** skb->pkt_type */
export const PACKET_HOST = 0;
export const PACKET_BROADCAST = 1;
export const PACKET_MULTICAST = 2;
export const PACKET_OTHERHOST = 3;
export const PACKET_OUTGOING = 4;

/** A 48-bit MAC address as a number (fits exactly in a double). */
export type Mac = number;

export function macToString(m: Mac): string {
  let s = "";
  for (let i = 5; i >= 0; i--) {
    const b = Math.floor(m / 2 ** (8 * i)) % 256;
    s += (s ? ":" : "") + b.toString(16).padStart(2, "0");
  }
  return s;
}

export function parseMac(s: string): Mac | undefined {
  const parts = s.split(":");
  if (parts.length !== 6) return undefined;
  let m = 0;
  for (const p of parts) {
    if (!/^[0-9a-fA-F]{1,2}$/.test(p)) return undefined;
    m = m * 256 + Number.parseInt(p, 16);
  }
  return m;
}

/**
 * struct ip_options as IPCB(skb) holds it after ip_options_compile(): offsets of the options from
 * the start of the IP header (0: absent) and what is left to fill. Never changed in place (a
 * packet's clones share it): a change makes a new one.
 */
export interface IpOptCb {
  optlen: number;
  srr: number;
  rr: number;
  ts: number;
  routerAlert: number;
  cipso: number;
  isStrictroute: boolean;
  srrIsHit: boolean;
  rrNeedaddr: boolean;
  tsNeedtime: boolean;
  tsNeedaddr: boolean;
  /** The first hop of a source route (echoed options: where the reply goes). */
  faddr: number;
  /** ip_options_rcv_srr(): the next hop of a source route this host forwards along. */
  nexthop: number;
  /**
   * The option bytes the header checksum still covers: ip_options_compile() fills record route and
   * timestamps on receipt without fixing the checksum (ip_forward_options() fixes it, for a
   * forwarded packet, after FORWARD); null: the checksum is right.
   */
  csumOver: Uint8Array | null;
}

export class Packet {
  // Link layer (absent for locally generated packets until they are routed out).
  macSrc: Mac = 0;
  macDst: Mac = 0;
  hasMac = false;
  pktType = PACKET_HOST;

  // IPv4
  tos = 0;
  /** Total length (IP header + payload), as on the wire. */
  len = 0;
  id = 0;
  /** Flags and fragment offset: IP_DF | IP_MF | offset (in 8-byte units). */
  frag = 0;
  ttl = 64;
  proto = 0;
  src = 0;
  dst = 0;
  /** IP options bytes (a multiple of 4), usually empty. */
  ipOptions: Uint8Array | null = null;
  /** IPCB(skb)->opt: the options as ip_options_compile() found them on receipt (src/engine/ip-options.ts), or null. */
  ipOpt: IpOptCb | null = null;

  // Transport
  sport = 0;
  dport = 0;
  // TCP
  seq = 0;
  ack = 0;
  tcpFlags = 0;
  /** The low nibble of TCP header byte 12: AE (0x1, accurate ECN) and the reserved bits (0xe). */
  tcpRes = 0;
  /** UDP sent without a checksum (the field is 0 on the wire and stays so, NAT included). */
  udpNoCsum = false;
  window = 0;
  urgPtr = 0;
  /** TCP options bytes (a multiple of 4). */
  tcpOptions: Uint8Array | null = null;
  // ICMP
  icmpType = 0;
  icmpCode = 0;
  /** Echo id/seq, or the 32-bit rest-of-header word of other ICMP types. */
  icmpId = 0;
  icmpSeq = 0;
  icmpRest = 0;
  /** For ICMP errors: the quoted packet (its IP header and first 8 bytes at least). */
  inner: Packet | null = null;
  /** Bytes of the quoted packet that were present after its IP header (ICMP errors). */
  innerLen = 0;

  /** Transport payload (after the TCP/UDP/ICMP header), or null: zeros of the right length. */
  payload: Uint8Array | null = null;
  /**
   * A first fragment's bytes after its IP header as they came (its transport header, whose checksum
   * covers the whole datagram, cannot be rebuilt from the fields): ipBytes() writes them as they are.
   */
  fragData: Uint8Array | null = null;

  // Metadata (sk_buff)
  mark = 0;
  priority = 0;
  secmark = 0;
  /** Interfaces: names, "" when none. */
  inDev = "";
  outDev = "";
  /** For bridged packets: physical in/out ports. */
  physIn = "";
  physOut = "";
  /** Owner of a locally generated packet. */
  uid = -1;
  gid = -1;
  /**
   * Which socket a packet the kernel made belongs to (owner match, LOG --log-uid): SOCK_FILE (0) an
   * application's (uid < 0: none), SOCK_KERNEL a control socket without a file (TCP resets, ICMP),
   * SOCK_REQUEST a request socket (SYN-ACK: owner sees its listener's uid/gid, LOG no UID).
   */
  sockKind = 0;
  /** Set by the TRACE target. */
  nfTrace = false;
  /** nf_tables trace id of this skb (0 until its first trace event). */
  traceId = 0;
  /** Conntrack entry (skb->_nfct) and how this packet relates to it (IP_CT_*), set by the engine. */
  ct: object | null = null;
  ctinfo = 0;

  clone(): Packet {
    // field by field (Object.assign over 45 fields is the slow generic path; emitted packets are
    // cloned once each); test/chain-index.test.ts checks that every field is copied
    const p = new Packet();
    p.macSrc = this.macSrc;
    p.macDst = this.macDst;
    p.hasMac = this.hasMac;
    p.pktType = this.pktType;
    p.tos = this.tos;
    p.len = this.len;
    p.id = this.id;
    p.frag = this.frag;
    p.ttl = this.ttl;
    p.proto = this.proto;
    p.src = this.src;
    p.dst = this.dst;
    p.ipOptions = this.ipOptions;
    p.ipOpt = this.ipOpt;
    p.sport = this.sport;
    p.dport = this.dport;
    p.seq = this.seq;
    p.ack = this.ack;
    p.tcpFlags = this.tcpFlags;
    p.tcpRes = this.tcpRes;
    p.udpNoCsum = this.udpNoCsum;
    p.window = this.window;
    p.urgPtr = this.urgPtr;
    p.tcpOptions = this.tcpOptions;
    p.icmpType = this.icmpType;
    p.icmpCode = this.icmpCode;
    p.icmpId = this.icmpId;
    p.icmpSeq = this.icmpSeq;
    p.icmpRest = this.icmpRest;
    p.innerLen = this.innerLen;
    p.payload = this.payload;
    p.fragData = this.fragData;
    p.mark = this.mark;
    p.priority = this.priority;
    p.secmark = this.secmark;
    p.inDev = this.inDev;
    p.outDev = this.outDev;
    p.physIn = this.physIn;
    p.physOut = this.physOut;
    p.uid = this.uid;
    p.gid = this.gid;
    p.sockKind = this.sockKind;
    p.nfTrace = this.nfTrace;
    p.traceId = this.traceId;
    p.ct = this.ct;
    p.ctinfo = this.ctinfo;
    if (this.inner) p.inner = this.inner.clone();
    return p;
  }

  get ihl(): number {
    return 20 + (this.ipOptions?.length ?? 0);
  }

  /** Length of the transport header. */
  get l4HeaderLen(): number {
    switch (this.proto) {
      case IPPROTO_TCP:
        return 20 + (this.tcpOptions?.length ?? 0);
      case IPPROTO_UDP:
        return 8;
      case IPPROTO_ICMP:
        return 8;
      default:
        return 0;
    }
  }

  /** Bytes of transport payload implied by the total length. */
  get payloadLen(): number {
    return Math.max(0, this.len - this.ihl - this.l4HeaderLen);
  }

  isFragment(): boolean {
    return (this.frag & IP_OFFMASK) !== 0;
  }
}

/** The Internet checksum over `data[start, end)`, folded, not inverted. */
export function onesSum(data: Uint8Array, start: number, end: number, init = 0): number {
  let sum = init;
  let i = start;
  for (; i + 1 < end; i += 2) sum += (data[i]! << 8) | data[i + 1]!;
  if (i < end) sum += data[i]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 8) & 255;
  b[o + 1] = v & 255;
}

function put32(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 24) & 255;
  b[o + 1] = (v >>> 16) & 255;
  b[o + 2] = (v >>> 8) & 255;
  b[o + 3] = v & 255;
}

function get16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}

function get32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

/** The IPv4 packet as bytes (IP header, transport header, payload), checksums filled in. */
export function ipBytes(p: Packet): Uint8Array {
  const ihl = p.ihl;
  const total = p.len > 0 ? p.len : ihl + p.l4HeaderLen + (p.payload?.length ?? 0);
  const b = new Uint8Array(total);
  b[0] = 0x40 | (ihl >>> 2);
  b[1] = p.tos;
  put16(b, 2, total);
  put16(b, 4, p.id);
  put16(b, 6, p.frag);
  b[8] = p.ttl;
  b[9] = p.proto;
  put32(b, 12, p.src);
  put32(b, 16, p.dst);
  const stale = p.ipOpt?.csumOver;
  if (stale) b.set(stale, 20);
  else if (p.ipOptions) b.set(p.ipOptions, 20);
  put16(b, 10, ~onesSum(b, 0, ihl) & 0xffff);
  if (stale && p.ipOptions) b.set(p.ipOptions, 20);
  if (p.isFragment()) {
    if (p.payload) b.set(p.payload.subarray(0, total - ihl), ihl);
    return b;
  }
  if (p.fragData && p.frag & IP_MF) {
    b.set(p.fragData.subarray(0, total - ihl), ihl);
    return b;
  }
  const l4 = ihl;
  switch (p.proto) {
    case IPPROTO_TCP: {
      const hl = p.l4HeaderLen;
      if (total < l4 + hl) break;
      put16(b, l4, p.sport);
      put16(b, l4 + 2, p.dport);
      put32(b, l4 + 4, p.seq);
      put32(b, l4 + 8, p.ack);
      b[l4 + 12] = ((hl >>> 2) << 4) | (p.tcpRes & 0x0f);
      b[l4 + 13] = p.tcpFlags;
      put16(b, l4 + 14, p.window);
      put16(b, l4 + 18, p.urgPtr);
      if (p.tcpOptions) b.set(p.tcpOptions, l4 + 20);
      if (p.payload) b.set(p.payload.subarray(0, total - l4 - hl), l4 + hl);
      put16(b, l4 + 16, ~onesSum(b, l4, total, pseudo(p, total - l4)) & 0xffff);
      break;
    }
    case IPPROTO_UDP: {
      if (total < l4 + 8) break;
      put16(b, l4, p.sport);
      put16(b, l4 + 2, p.dport);
      put16(b, l4 + 4, total - l4);
      if (p.payload) b.set(p.payload.subarray(0, total - l4 - 8), l4 + 8);
      const c = ~onesSum(b, l4, total, pseudo(p, total - l4)) & 0xffff;
      put16(b, l4 + 6, p.udpNoCsum ? 0 : c === 0 ? 0xffff : c);
      break;
    }
    case IPPROTO_ICMP: {
      if (total < l4 + 8) break;
      b[l4] = p.icmpType;
      b[l4 + 1] = p.icmpCode;
      if (p.icmpType === 0 || p.icmpType === 8 || p.icmpType === 13 || p.icmpType === 14) {
        put16(b, l4 + 4, p.icmpId);
        put16(b, l4 + 6, p.icmpSeq);
      } else put32(b, l4 + 4, p.icmpRest);
      if (p.inner) {
        const q = ipBytes(p.inner);
        b.set(q.subarray(0, Math.min(q.length, total - l4 - 8)), l4 + 8);
      } else if (p.payload) b.set(p.payload.subarray(0, total - l4 - 8), l4 + 8);
      put16(b, l4 + 2, ~onesSum(b, l4, total) & 0xffff);
      break;
    }
    default:
      if (p.payload) b.set(p.payload.subarray(0, total - l4), l4);
  }
  return b;
}

function pseudo(p: Packet, l4len: number): number {
  let s = (p.src >>> 16) + (p.src & 0xffff) + (p.dst >>> 16) + (p.dst & 0xffff) + p.proto + l4len;
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}

/** An Ethernet frame carrying the packet (ethertype 0x0800). */
export function frameBytes(p: Packet): Uint8Array {
  const ip = ipBytes(p);
  const f = new Uint8Array(14 + ip.length);
  const putMac = (o: number, m: Mac) => {
    for (let i = 0; i < 6; i++) f[o + i] = Math.floor(m / 2 ** (8 * (5 - i))) % 256;
  };
  putMac(0, p.macDst);
  putMac(6, p.macSrc);
  f[12] = 0x08;
  f[13] = 0x00;
  f.set(ip, 14);
  return f;
}

/** Parses an IPv4 packet from bytes; `quoted` allows a truncated packet (inside ICMP errors). */
export function parseIp(b: Uint8Array, quoted = false): Packet | undefined {
  if (b.length < 20 || b[0]! >>> 4 !== 4) return undefined;
  const p = new Packet();
  const ihl = (b[0]! & 15) * 4;
  if (ihl < 20 || b.length < ihl) return undefined;
  p.tos = b[1]!;
  p.len = get16(b, 2);
  p.id = get16(b, 4);
  p.frag = get16(b, 6);
  p.ttl = b[8]!;
  p.proto = b[9]!;
  p.src = get32(b, 12);
  p.dst = get32(b, 16);
  if (ihl > 20) p.ipOptions = b.slice(20, ihl);
  const end = quoted ? b.length : Math.min(b.length, p.len);
  const l4 = ihl;
  if (p.isFragment()) {
    p.payload = b.slice(l4, end);
    return p;
  }
  if (p.frag & IP_MF) p.fragData = b.slice(l4, end);
  switch (p.proto) {
    case IPPROTO_TCP:
      if (end - l4 >= 4) {
        p.sport = get16(b, l4);
        p.dport = get16(b, l4 + 2);
      }
      if (end - l4 >= 8) p.seq = get32(b, l4 + 4);
      if (end - l4 >= 20) {
        p.ack = get32(b, l4 + 8);
        const hl = (b[l4 + 12]! >>> 4) * 4;
        p.tcpFlags = b[l4 + 13]!;
        p.tcpRes = b[l4 + 12]! & 0x0f;
        p.window = get16(b, l4 + 14);
        p.urgPtr = get16(b, l4 + 18);
        if (hl > 20 && end - l4 >= hl) p.tcpOptions = b.slice(l4 + 20, l4 + hl);
        if (end > l4 + hl) p.payload = b.slice(l4 + hl, end);
      }
      break;
    case IPPROTO_UDP:
      if (end - l4 >= 4) {
        p.sport = get16(b, l4);
        p.dport = get16(b, l4 + 2);
      }
      if (end - l4 >= 8) p.udpNoCsum = get16(b, l4 + 6) === 0;
      if (end > l4 + 8) p.payload = b.slice(l4 + 8, end);
      break;
    case IPPROTO_ICMP:
      if (end - l4 >= 8) {
        p.icmpType = b[l4]!;
        p.icmpCode = b[l4 + 1]!;
        p.icmpId = get16(b, l4 + 4);
        p.icmpSeq = get16(b, l4 + 6);
        p.icmpRest = get32(b, l4 + 4);
        const isError =
          p.icmpType === 3 || p.icmpType === 4 || p.icmpType === 5 || p.icmpType === 11 || p.icmpType === 12;
        if (isError && end - l4 > 8) {
          const inner = parseIp(b.subarray(l4 + 8, end), true);
          if (inner) {
            p.inner = inner;
            p.innerLen = end - l4 - 8;
          }
        } else if (end > l4 + 8) p.payload = b.slice(l4 + 8, end);
      }
      break;
    default:
      if (end > l4) p.payload = b.slice(l4, end);
  }
  return p;
}

/** Parses an Ethernet frame carrying IPv4. */
export function parseFrame(f: Uint8Array): Packet | undefined {
  if (f.length < 14 || f[12] !== 0x08 || f[13] !== 0x00) return undefined;
  const p = parseIp(f.subarray(14));
  if (!p) return undefined;
  let dst = 0;
  let src = 0;
  for (let i = 0; i < 6; i++) {
    dst = dst * 256 + f[i]!;
    src = src * 256 + f[6 + i]!;
  }
  p.macDst = dst;
  p.macSrc = src;
  p.hasMac = true;
  return p;
}

/** A u32 as its four bytes in network order. */
export function u32Bytes(v: number): number[] {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}

/** The TSval of a TCP segment, when it carries the timestamp option. */
export function tcpTsval(p: Packet): number | undefined {
  const o = p.tcpOptions;
  if (!o) return undefined;
  for (let i = 0; i < o.length; ) {
    const k = o[i]!;
    if (k === 0) break;
    if (k === 1) {
      i++;
      continue;
    }
    const len = o[i + 1] ?? 0;
    if (len < 2) break;
    if (k === 8 && len === 10) return ((o[i + 2]! << 24) | (o[i + 3]! << 16) | (o[i + 4]! << 8) | o[i + 5]!) >>> 0;
    i += len;
  }
  return undefined;
}

/**
 * The UDP-Lite header of a packet whose transport bytes the twin holds raw (ports, then checksum
 * coverage and checksum; bytes past the payload are zeros): what udplite_error() and
 * udplite_checksum_init() refuse — a short header, a coverage outside 8..length (0 is all), and a
 * zero checksum, which UDP-Lite forbids. (The checksum's value is not verified.)
 */
export function udpliteHeaderBad(p: Packet, l4len: number): boolean {
  if (l4len < 8) return true;
  const b = p.payload;
  const at = (i: number) => b?.[i] ?? 0;
  const cscov = (at(4) << 8) | at(5);
  if (cscov !== 0 && (cscov < 8 || cscov > l4len)) return true;
  return ((at(6) << 8) | at(7)) === 0;
}
