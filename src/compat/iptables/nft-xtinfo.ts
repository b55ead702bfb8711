/**
 * The kernel struct an xt match or target carries in NFTA_MATCH_INFO /
 * NFTA_TARGET_INFO (x86_64 layout, XT_ALIGN'ed), for `iptables -vvv`
 * netlink dumps. Encoded from the extension's data for the extensions below;
 * any other gets a zero-filled struct of the right size (the bytes of such a
 * payload are not reproduced).
 */

import { utf8Encoder } from "../../core/utf8.js";
import { xtStructSize } from "./legacy-dump.js";
import type { XtInst } from "./nft-debug.js";

/** A little-endian struct buffer. */
class S {
  readonly b: number[];

  constructor(size: number) {
    this.b = new Array<number>(size).fill(0);
  }

  u8(at: number, v: number): this {
    this.b[at] = v & 255;
    return this;
  }

  u16(at: number, v: number): this {
    this.b[at] = v & 255;
    this.b[at + 1] = (v >>> 8) & 255;
    return this;
  }

  u32(at: number, v: number): this {
    for (let i = 0; i < 4; i++) this.b[at + i] = (v >>> (8 * i)) & 255;
    return this;
  }

  /** __be16 */
  n16(at: number, v: number): this {
    this.b[at] = (v >>> 8) & 255;
    this.b[at + 1] = v & 255;
    return this;
  }

  /** __be32 (an IPv4 address, union nf_inet_addr's first word) */
  n32(at: number, v: number): this {
    for (let i = 0; i < 4; i++) this.b[at + i] = (v >>> (24 - 8 * i)) & 255;
    return this;
  }

  /** char[n], NUL-padded */
  str(at: number, n: number, s: string): this {
    const bytes = utf8Encoder.encode(s);
    for (let i = 0; i < Math.min(bytes.length, n); i++) this.b[at + i] = bytes[i]!;
    return this;
  }
}

type Encoder = (d: any) => number[];

/** union nf_inet_addr, nf_nat_ipv4_multi_range_compat with one range */
function natCompat(d: any): number[] {
  return new S(24)
    .u32(0, 1)
    .u32(4, d.flags)
    .n32(8, d.minIp)
    .n32(12, d.maxIp)
    .n16(16, d.minPort ?? 0)
    .n16(18, d.maxPort ?? 0).b;
}

const MATCHES: Record<string, Encoder> = {
  "comment/0": (d) => new S(256).str(0, 255, d.comment).b,
  "tcp/0": (d) =>
    new S(16)
      .u16(0, d.spts[0])
      .u16(2, d.spts[1])
      .u16(4, d.dpts[0])
      .u16(6, d.dpts[1])
      .u8(8, d.option)
      .u8(9, d.flgMask)
      .u8(10, d.flgCmp)
      .u8(11, d.invflags).b,
  "udp/0": (d) => new S(16).u16(0, d.spts[0]).u16(2, d.spts[1]).u16(4, d.dpts[0]).u16(6, d.dpts[1]).u8(8, d.invflags).b,
  "icmp/0": (d) => new S(8).u8(0, d.type).u8(1, d.code[0]).u8(2, d.code[1]).u8(3, d.invflags).b,
  "multiport/1": (d) => {
    const s = new S(48).u8(0, d.flags).u8(1, d.count);
    for (let i = 0; i < 15; i++) s.u16(2 + 2 * i, d.ports[i] ?? 0).u8(32 + i, d.pflags[i] ?? 0);
    return s.u8(47, d.invert).b;
  },
  "conntrack/3": (d) => {
    const s = new S(168);
    const addr = (at: number, a: { addr: number; mask: number; full: boolean }) => {
      s.n32(at, a.addr).n32(at + 16, a.mask);
      if (a.full) for (let i = 4; i < 16; i++) s.u8(at + 16 + i, 0xff);
    };
    addr(0, d.origsrc);
    addr(32, d.origdst);
    addr(64, d.replsrc);
    addr(96, d.repldst);
    s.u32(128, d.expiresMin).u32(132, d.expiresMax);
    const u16s = [
      d.l4proto,
      d.origsrcPort,
      d.origdstPort,
      d.replsrcPort,
      d.repldstPort,
      d.matchFlags,
      d.invertFlags,
      d.stateMask,
      d.statusMask,
      d.origsrcPortHigh,
      d.origdstPortHigh,
      d.replsrcPortHigh,
      d.repldstPortHigh,
    ];
    for (let i = 0; i < u16s.length; i++) s.u16(136 + 2 * i, u16s[i]);
    return s.b;
  },
  "iprange/1": (d) =>
    new S(72).n32(0, d.srcMin).n32(16, d.srcMax).n32(32, d.dstMin).n32(48, d.dstMax).u8(64, d.flags).b,
  "addrtype/1": (d) => new S(8).u16(0, d.source).u16(2, d.dest).u32(4, d.flags).b,
  "pkttype/0": (d) => new S(8).u32(0, d.pkttype).u32(4, d.invert).b,
  "length/0": (d) => new S(8).u16(0, d.min).u16(2, d.max).u8(4, d.invert).b,
  "ttl/0": (d) => new S(8).u8(0, d.mode).u8(1, d.ttl).b,
  "tos/1": (d) => new S(8).u8(0, d.tosMask).u8(1, d.tosValue).u8(2, d.invert).b,
  "mac/0": (d) => {
    const s = new S(16);
    for (let i = 0; i < 6; i++) s.u8(i, d.srcaddr[i] ?? 0);
    return s.u32(8, d.invert).b;
  },
  "owner/1": (d) =>
    new S(24).u32(0, d.uidMin).u32(4, d.uidMax).u32(8, d.gidMin).u32(12, d.gidMax).u8(16, d.match).u8(17, d.invert).b,
};

const TARGETS: Record<string, Encoder> = {
  "LOG/0": (d) => new S(32).u8(0, d.level).u8(1, d.logflags).str(2, 29, d.prefix).b,
  "REJECT/0": (d) => new S(8).u32(0, d.with).b,
  "DNAT/2": (d) =>
    new S(48)
      .u32(0, d.flags)
      .n32(4, d.minIp)
      .n32(20, d.maxIp)
      .n16(36, d.minPort)
      .n16(38, d.maxPort)
      .n16(40, d.basePort ?? 0).b,
  "SNAT/0": natCompat,
  "MASQUERADE/0": natCompat,
  "REDIRECT/0": natCompat,
  "NETMAP/0": natCompat,
  "MARK/2": (d) => new S(8).u32(0, d.mark).u32(4, d.mask).b,
  "CONNMARK/2": (d) =>
    new S(16).u32(0, d.ctmark).u32(4, d.ctmask).u32(8, d.nfmask).u8(12, d.shiftDir).u8(13, d.shiftBits).u8(14, d.mode)
      .b,
  "NFQUEUE/3": (d) => new S(8).u16(0, d.queuenum).u16(2, d.queuesTotal).u16(4, d.flags).b,
  "CLASSIFY/0": (d) => new S(8).u32(0, d.priority).b,
  "TOS/1": (d) => new S(8).u8(0, d.value).u8(1, d.mask).b,
  "TTL/0": (d) => new S(8).u8(0, d.mode).u8(1, d.ttl).b,
  "TCPMSS/0": (d) => new S(8).u16(0, d.mss).b,
  "DSCP/0": (d) => new S(8).u8(0, d.dscp).b,
  "AUDIT/0": (d) => new S(8).u8(0, d.type).b,
  "CT/2": (d) =>
    new S(72)
      .u16(0, d.flags)
      .u16(2, d.zone)
      .u32(4, d.ctEvents)
      .u32(8, d.expEvents)
      .str(12, 16, d.helper)
      .str(28, 32, d.timeout).b,
  // -j QUEUE: the standard target's int verdict, never set
  "standard/0": () => new S(8).b,
};

/** The info payload of an xt expression. */
export function xtInfoBytes(kind: "match" | "target", xname: string, rev: number, inst: XtInst | undefined): number[] {
  const table = kind === "match" ? MATCHES : TARGETS;
  const name = inst?.ext.name ?? xname;
  const enc = table[`${name}/${rev}`] ?? table[`${xname}/${rev}`];
  if (enc && inst) return enc(inst.data);
  const size = xtStructSize(kind, xname, rev) || xtStructSize(kind, name, rev) || 8;
  return new Array<number>(size).fill(0);
}
