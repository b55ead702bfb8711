/**
 * HMARK target, IPv4 (libxt_HMARK / xt_HMARK): packet mark from a hash of
 * selected header fields. The port masks and port values are unions: the
 * SPI view covers both 16-bit port halves.
 */
import { paramError } from "../core/errors.js";
import { IP_MF, IP_OFFMASK, IPPROTO_ICMP, ipBytes, type Packet } from "../core/packet.js";
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, type OptionCall, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { l4Avail, rawL4, rawU16 } from "./pkt-util.js";
import { jhash3words, reciprocalScale } from "./stateful-util.js";

export interface HmarkData {
  /** union nf_inet_addr as four 32-bit words (network order values). */
  srcMask: number[];
  dstMask: number[];
  /** union hmark_ports as a network-order u32: sport = high half, dport = low half, spi = all. */
  portMask: number;
  portSet: number;
  flags: number;
  protoMask: number;
  hashrnd: number;
  hmodulus: number;
  hoffset: number;
}

// Option ids equal the XT_HMARK_* flag bits they set.
const O_SADDR_MASK = 0;
const O_DADDR_MASK = 1;
const O_SPI = 2;
const O_SPI_MASK = 3;
const O_SPORT = 4;
const O_DPORT = 5;
const O_SPORT_MASK = 6;
const O_DPORT_MASK = 7;
const O_PROTO_MASK = 8;
const O_RND = 9;
const O_MODULUS = 10;
const O_OFFSET = 11;
const O_CT = 12;
const O_TYPE = 13;

const F = (b: number): number => 1 << b;

const PKT_MASK =
  F(O_SADDR_MASK) |
  F(O_DADDR_MASK) |
  F(O_SPI_MASK) |
  F(O_SPORT_MASK) |
  F(O_DPORT_MASK) |
  F(O_PROTO_MASK) |
  F(O_SPORT) |
  F(O_DPORT) |
  F(O_SPI);

const ALL_ONES = [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff];

function setHigh(v: number, half: number): number {
  return ((v & 0xffff) | (half << 16)) >>> 0;
}

function setLow(v: number, half: number): number {
  return ((v & 0xffff0000) | half) >>> 0;
}

/** The four words xtopt_parse_plenmask stores for an IPv4 prefix (uint8 hlen: -1 is 255, all ones). */
function plenWords(hlen: number): number[] {
  if (hlen < 0 || hlen > 32) return ALL_ONES.slice();
  if (hlen === 0) return [0, 0, 0, 0];
  return [(0xffffffff << (32 - hlen)) >>> 0, 0, 0, 0];
}

/** xtables_ipmask_to_cidr() of the first word; -1 when not contiguous. */
function maskToCidr(m: number): number {
  for (let i = 32; i >= 0; i--) {
    const bits = i === 0 ? 0 : (0xffffffff << (32 - i)) >>> 0;
    if (bits === m >>> 0) return i;
  }
  return -1;
}

const TUPLE_TYPES = ["ct", "src", "dst", "sport", "dport", "proto", "spi"] as const;

/** hmark_parse(): one tuple keyword, given as a case-insensitive prefix. */
function tupleKeyword(cb: OptionCall<HmarkData>, tok: string): boolean {
  const d = cb.data;
  const kw = TUPLE_TYPES.find((k) => tok.length <= k.length && k.slice(0, tok.length) === tok.toLowerCase());
  switch (kw) {
    case "ct":
      d.flags |= F(O_CT);
      cb.xflags |= F(O_CT);
      break;
    case "src":
      d.srcMask = ALL_ONES.slice();
      d.flags |= F(O_SADDR_MASK);
      cb.xflags |= F(O_SADDR_MASK);
      break;
    case "dst":
      d.dstMask = ALL_ONES.slice();
      d.flags |= F(O_DADDR_MASK);
      cb.xflags |= F(O_DADDR_MASK);
      break;
    case "sport":
      d.portMask = setHigh(d.portMask, 0xffff);
      d.flags |= F(O_SPORT_MASK);
      cb.xflags |= F(O_SPORT_MASK);
      break;
    case "dport":
      d.portMask = setLow(d.portMask, 0xffff);
      d.flags |= F(O_DPORT_MASK);
      cb.xflags |= F(O_DPORT_MASK);
      break;
    case "proto":
      d.protoMask = 0xffff;
      d.flags |= F(O_PROTO_MASK);
      cb.xflags |= F(O_PROTO_MASK);
      break;
    case "spi":
      d.portMask = 0xffffffff;
      d.flags |= F(O_SPI_MASK);
      cb.xflags |= F(O_SPI_MASK);
      break;
    default:
      return false;
  }
  return true;
}

function parseTuple(cb: OptionCall<HmarkData>): void {
  let arg = cb.arg;
  for (let comma = arg.indexOf(","); comma >= 0; comma = arg.indexOf(",")) {
    if (comma === 0 || !tupleKeyword(cb, arg.slice(0, comma))) throw paramError(`Bad type "${arg}"`);
    arg = arg.slice(comma + 1);
  }
  if (arg === "")
    throw paramError('"--hmark-tuple" requires a list of types with no spaces, e.g. src,dst,sport,dport,proto');
  if (!tupleKeyword(cb, arg)) throw paramError(`Bad type "${arg}"`);
}

const hex = (n: number): string => (n >>> 0).toString(16);
const hexPad = (n: number, w: number): string => hex(n).padStart(w, "0");

function printText(d: HmarkData): string {
  const f = d.flags;
  let out = " HMARK ";
  if (f & F(O_MODULUS)) out += `mod ${d.hmodulus} `;
  if (f & F(O_OFFSET)) out += `+ 0x${hex(d.hoffset)} `;
  if (f & F(O_CT)) out += "ct, ";
  // %u of an int: -1 would print as 4294967295
  if (f & F(O_SADDR_MASK)) out += `src-prefix ${maskToCidr(d.srcMask[0] ?? 0) >>> 0} `;
  if (f & F(O_DADDR_MASK)) out += `dst-prefix ${maskToCidr(d.dstMask[0] ?? 0) >>> 0} `;
  if (f & F(O_SPORT_MASK)) out += `sport-mask 0x${hex(d.portMask >>> 16)} `;
  if (f & F(O_DPORT_MASK)) out += `dport-mask 0x${hex(d.portMask & 0xffff)} `;
  if (f & F(O_SPI_MASK)) out += `spi-mask 0x${hex(d.portMask)} `;
  if (f & F(O_SPORT)) out += `sport 0x${hex(d.portSet >>> 16)} `;
  if (f & F(O_DPORT)) out += `dport 0x${hex(d.portSet & 0xffff)} `;
  if (f & F(O_SPI)) out += `spi 0x${hex(d.portSet)} `;
  if (f & F(O_PROTO_MASK)) out += `proto-mask 0x${hex(d.protoMask)} `;
  if (f & F(O_RND)) out += `rnd 0x${hex(d.hashrnd)} `;
  return out;
}

function saveText(d: HmarkData): string {
  const f = d.flags;
  let out = "";
  if (f & F(O_SADDR_MASK)) out += ` --hmark-src-prefix ${maskToCidr(d.srcMask[0] ?? 0)}`;
  if (f & F(O_DADDR_MASK)) out += ` --hmark-dst-prefix ${maskToCidr(d.dstMask[0] ?? 0)}`;
  if (f & F(O_SPORT_MASK)) out += ` --hmark-sport-mask 0x${hexPad(d.portMask >>> 16, 4)}`;
  if (f & F(O_DPORT_MASK)) out += ` --hmark-dport-mask 0x${hexPad(d.portMask & 0xffff, 4)}`;
  if (f & F(O_SPI_MASK)) out += ` --hmark-spi-mask 0x${hexPad(d.portMask, 8)}`;
  if (f & F(O_SPORT)) out += ` --hmark-sport 0x${hexPad(d.portSet >>> 16, 4)}`;
  if (f & F(O_DPORT)) out += ` --hmark-dport 0x${hexPad(d.portSet & 0xffff, 4)}`;
  if (f & F(O_SPI)) out += ` --hmark-spi 0x${hexPad(d.portSet, 8)}`;
  if (f & F(O_PROTO_MASK)) out += ` --hmark-proto-mask 0x${hexPad(d.protoMask, 2)}`;
  if (f & F(O_RND)) out += ` --hmark-rnd 0x${hexPad(d.hashrnd, 8)}`;
  if (f & F(O_MODULUS)) out += ` --hmark-mod ${d.hmodulus}`;
  if (f & F(O_OFFSET)) out += ` --hmark-offset ${d.hoffset}`;
  if (f & F(O_CT)) out += " --hmark-tuple ct";
  return out;
}

// ---- packet semantics (hmark_tg_v4) ----

/** proto_ports_offset() */
function portsOffset(proto: number): number {
  if (proto === 6 || proto === 17 || proto === 33 || proto === 50 || proto === 132 || proto === 136) return 0;
  return proto === 51 ? 4 : -1;
}

/** What hmark_tg_v4() hashes: masked addresses, the swapped ports word, the protocol; null: no tuple. */
interface HmarkTuple {
  src: number;
  dst: number;
  ports: number;
  proto: number;
}

/** The conntrack entry as HMARK reads it (engine/conntrack.ts Conn). */
interface CtView {
  orig: { src: number; proto: number; sport: number };
  reply: { src: number; proto: number; sport: number };
}

function compileHmark(d: HmarkData): (p: Packet) => number {
  const srcMask = d.srcMask[0]! >>> 0;
  const dstMask = d.dstMask[0]! >>> 0;
  const portMask = d.portMask >>> 0;
  const portSet = d.portSet >>> 0;
  const ct = (d.flags & F(O_CT)) !== 0;
  const rnd = d.hashrnd >>> 0;
  const protoMask = d.protoMask & 0xffff;
  const mod = d.hmodulus >>> 0;
  const off = d.hoffset >>> 0;
  /** hmark_swap_ports(): `raw` is the ports word as the packet holds it (big-endian value). */
  const swap = (raw: number): number => {
    const hp = ((raw & portMask) | portSet) >>> 0;
    const src = hp >>> 16;
    const dst = hp & 0xffff;
    return dst > src ? ((dst << 16) | src) >>> 0 : ((src << 16) | dst) >>> 0;
  };
  const fromCt = (p: Packet): HmarkTuple | null => {
    const c = p.ct as CtView | null;
    if (!c) return null;
    const o = c.orig;
    const r = c.reply;
    const t: HmarkTuple = {
      src: (o.src & srcMask) >>> 0,
      dst: (r.src & dstMask) >>> 0,
      ports: 0,
      proto: o.proto & 0xff,
    };
    if (t.proto !== IPPROTO_ICMP) t.ports = swap(((o.sport << 16) | r.sport) >>> 0);
    return t;
  };
  /** hmark_pkt_set_htuple_ipv4() for ICMP: an error's quoted header counts, from the bytes. */
  const fromIcmp = (p: Packet): HmarkTuple | null => {
    const b = ipBytes(p);
    const u16 = (o: number) => (b[o]! << 8) | b[o + 1]!;
    const u32 = (o: number) => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
    let nh = 0;
    const iphsz = (b[0]! & 15) * 4;
    if (b.length >= iphsz + 8) {
      const type = b[iphsz]!;
      if (type <= 18 && (type === 3 || type === 4 || type === 5 || type === 11 || type === 12)) {
        nh = iphsz + 8;
        if (b.length < nh + 20) return null;
      }
    }
    const t: HmarkTuple = {
      src: (u32(nh + 12) & srcMask) >>> 0,
      dst: (u32(nh + 16) & dstMask) >>> 0,
      ports: 0,
      proto: b[nh + 9]!,
    };
    if (t.proto === IPPROTO_ICMP || u16(nh + 6) & (IP_MF | IP_OFFMASK)) return t;
    const poff = portsOffset(t.proto);
    if (poff < 0) return t;
    const at = nh + (b[nh]! & 15) * 4 + poff;
    if (at + 4 <= b.length) t.ports = swap(u32(at));
    return t;
  };
  const fromPacket = (p: Packet): HmarkTuple | null => {
    if (p.proto === IPPROTO_ICMP) return fromIcmp(p);
    const t: HmarkTuple = {
      src: (p.src & srcMask) >>> 0,
      dst: (p.dst & dstMask) >>> 0,
      ports: 0,
      proto: p.proto & 0xff,
    };
    // fragments carry no ports (the first one neither, by the kernel's choice)
    if (p.frag & (IP_MF | IP_OFFMASK)) return t;
    const poff = portsOffset(t.proto);
    if (poff < 0 || l4Avail(p) < poff + 4) return t;
    const raw = rawL4(p) ? ((rawU16(p, poff) << 16) | rawU16(p, poff + 2)) >>> 0 : ((p.sport << 16) | p.dport) >>> 0;
    t.ports = swap(raw);
    return t;
  };
  return (p) => {
    const t = ct ? fromCt(p) : fromPacket(p);
    if (!t) return XT_CONTINUE;
    // hmark_hash(): endian independent, the smaller address first
    let a = t.src;
    let b = t.dst;
    if (b < a) [a, b] = [b, a];
    const hash = (jhash3words(a, b, t.ports, rnd) ^ (t.proto & protoMask)) >>> 0;
    p.mark = (reciprocalScale(hash, mod) + off) >>> 0;
    return XT_CONTINUE;
  };
}

export const hmarkTarget = defineTarget<HmarkData>({
  name: "HMARK",
  revision: 0,
  options: [
    { name: "hmark-tuple", id: O_TYPE, type: XtType.STRING },
    { name: "hmark-src-prefix", id: O_SADDR_MASK, type: XtType.PLENMASK },
    { name: "hmark-dst-prefix", id: O_DADDR_MASK, type: XtType.PLENMASK },
    { name: "hmark-sport-mask", id: O_SPORT_MASK, type: XtType.UINT16 },
    { name: "hmark-dport-mask", id: O_DPORT_MASK, type: XtType.UINT16 },
    { name: "hmark-spi-mask", id: O_SPI_MASK, type: XtType.UINT32 },
    { name: "hmark-sport", id: O_SPORT, type: XtType.UINT16 },
    { name: "hmark-dport", id: O_DPORT, type: XtType.UINT16 },
    { name: "hmark-spi", id: O_SPI, type: XtType.UINT32 },
    { name: "hmark-proto-mask", id: O_PROTO_MASK, type: XtType.UINT16, flags: XTOPT_PUT, put: "protoMask" },
    { name: "hmark-rnd", id: O_RND, type: XtType.UINT32, flags: XTOPT_PUT, put: "hashrnd" },
    { name: "hmark-mod", id: O_MODULUS, type: XtType.UINT32, min: 1, flags: XTOPT_PUT | XTOPT_MAND, put: "hmodulus" },
    { name: "hmark-offset", id: O_OFFSET, type: XtType.UINT32, flags: XTOPT_PUT, put: "hoffset" },
  ],
  init: () => ({
    srcMask: [0, 0, 0, 0],
    dstMask: [0, 0, 0, 0],
    portMask: 0,
    portSet: 0,
    flags: 0,
    protoMask: 0,
    hashrnd: 0,
    hmodulus: 0,
    hoffset: 0,
  }),
  parse(cb) {
    const d = cb.data;
    const id = cb.entry.id;
    const v = cb.val.u >>> 0;
    switch (id) {
      case O_TYPE:
        parseTuple(cb);
        return;
      case O_SADDR_MASK:
        d.srcMask = plenWords(cb.val.hlen);
        break;
      case O_DADDR_MASK:
        d.dstMask = plenWords(cb.val.hlen);
        break;
      case O_SPI:
        d.portSet = v;
        break;
      case O_SPORT:
        d.portSet = setHigh(d.portSet, v);
        break;
      case O_DPORT:
        d.portSet = setLow(d.portSet, v);
        break;
      case O_SPORT_MASK:
        d.portMask = setHigh(d.portMask, v);
        break;
      case O_DPORT_MASK:
        d.portMask = setLow(d.portMask, v);
        break;
      case O_SPI_MASK:
        d.portMask = v;
        break;
    }
    d.flags |= F(id);
  },
  finalCheck(cb) {
    const x = cb.xflags;
    if (!(x & F(O_MODULUS))) throw paramError("--hmark-mod is mandatory");
    if (!(x & F(O_RND))) throw paramError("--hmark-rnd is mandatory");
    if (x & F(O_SPI_MASK) && x & (F(O_SPORT_MASK) | F(O_DPORT_MASK)))
      throw paramError("you cannot use --hmark-spi-mask and --hmark-?port-mask,at the same time");
    if (!(x & PKT_MASK || x & F(O_CT))) throw paramError("you have to specify --hmark-tuple at least");
  },
  print: (d) => printText(d),
  save: (d) => saveText(d),
  compile: (d) => compileHmark(d),
  // The whole struct is compared: the unused mask words differ between "src" and "--hmark-src-prefix 32".
  compareKey: (d) => `${saveText(d)} [${d.srcMask.join(",")}/${d.dstMask.join(",")}]`,
  kernelCheck(d) {
    // hmark_tg_check()
    if (!d.hmodulus) return { errno: "EINVAL", log: "hmark-mod can't be zero" };
    if (d.flags & F(O_SPI_MASK) && d.flags & (F(O_SPORT_MASK) | F(O_DPORT_MASK)))
      return { errno: "EINVAL", log: "spi-mask and port-mask can't be combined" };
    if (d.flags & F(O_SPI) && d.flags & (F(O_SPORT) | F(O_DPORT)))
      return { errno: "EINVAL", log: "spi-set and port-set can't be combined" };
    return undefined;
  },
  help: () =>
    "HMARK target options, i.e. modify hash calculation by:\n" +
    "  --hmark-tuple [src|dst|sport|dport|spi|proto|ct][,...]\n" +
    "  --hmark-mod value\t\t    nfmark modulus value\n" +
    "  --hmark-offset value\t\t    Last action add value to nfmark\n\n" +
    "  --hmark-rnd\t\t\t    Random see for hashing\n" +
    " Alternatively, fine tuning of what will be included in hash calculation\n" +
    "  --hmark-src-prefix length\t    Source address mask CIDR prefix\n" +
    "  --hmark-dst-prefix length\t    Dest address mask CIDR prefix\n" +
    "  --hmark-sport-mask value\t    Mask src port with value\n" +
    "  --hmark-dport-mask value\t    Mask dst port with value\n" +
    "  --hmark-spi-mask value\t    For esp and ah AND spi with value\n" +
    "  --hmark-sport value\t\t    OR src port with value\n" +
    "  --hmark-dport value\t\t    OR dst port with value\n" +
    "  --hmark-spi value\t\t    For esp and ah OR spi with value\n" +
    "  --hmark-proto-mask value\t    Mask Protocol with value\n",
});
