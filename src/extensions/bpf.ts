/**
 * bpf match, revision 1 (libxt_bpf / xt_bpf): a classic BPF program given
 * as "N,code jt jf k,...", checked by the kernel's classic verifier. Pinned
 * eBPF objects need a bpf file system, which the twin does not have.
 */
import { paramError } from "../core/errors.js";
import { frameBytes, ipBytes, type Packet } from "../core/packet.js";
import type { EvalContext } from "../engine/context.js";
import { defineMatch, XTOPT_PUT, XtType } from "./api.js";
import { cIsSpace, cStrtoul, u32 } from "./misc1-util.js";

const MODE_BYTECODE = 0;
/** XT_BPF_MAX_NUM_INSTR */
const MAX_INSTR = 64;

const O_BCODE_STDIN = 0;
const O_OBJ_PINNED = 1;

/** One instruction: code, jt, jf, k. */
export type BpfInsn = [number, number, number, number];

export interface BpfData {
  mode: number;
  program: BpfInsn[];
  path: string;
}

/** One scanf numeric conversion (%hu, %hhu, %u): white space, then strtoul base 10. */
function scanNumber(s: string, pos: number, bits: number): { value: number; end: number } | undefined {
  let p = pos;
  while (cIsSpace(s[p])) p++;
  const r = cStrtoul(s, p, 10);
  if (r.end === p) return undefined;
  const v = bits === 32 ? u32(r.value) : Number(r.value & ((1n << BigInt(bits)) - 1n));
  return { value: v, end: r.end };
}

/** sscanf(token, "%hu %hhu %hhu %u,") == 4 */
function scanInsn(s: string, pos: number): BpfInsn | undefined {
  const out: number[] = [];
  let p = pos;
  for (const bits of [16, 8, 8, 32]) {
    const r = scanNumber(s, p, bits);
    if (!r) return undefined;
    out.push(r.value);
    p = r.end;
  }
  return out as BpfInsn;
}

/** bpf_parse_string() */
function parseProgram(prog: string): BpfInsn[] {
  const head = scanNumber(prog, 0, 16);
  if (!head || prog[head.end] !== ",") throw paramError("bpf: error parsing program length");
  const len = head.value;
  if (!len) throw paramError("bpf: illegal zero length program");
  if (len > MAX_INSTR) throw paramError("bpf: number of instructions exceeds maximum");
  const out: BpfInsn[] = [];
  let token = 0;
  for (;;) {
    const comma = prog.indexOf(",", token);
    if (comma < 0) break;
    token = comma + 1;
    if (token >= prog.length) break;
    if (out.length >= len) throw paramError("bpf: real program length exceeds the encoded length parameter");
    const insn = scanInsn(prog, token);
    if (!insn) throw paramError(`bpf: error at instr ${out.length}`);
    out.push(insn);
  }
  if (out.length !== len) throw paramError("bpf: parsed program length is less than the encoded length parameter");
  return out;
}

// classic BPF opcodes
const BPF_LD = 0x00;
const BPF_LDX = 0x01;
const BPF_ST = 0x02;
const BPF_STX = 0x03;
const BPF_ALU = 0x04;
const BPF_JMP = 0x05;
const BPF_RET = 0x06;
const BPF_MISC = 0x07;
const BPF_W = 0x00;
const BPF_H = 0x08;
const BPF_B = 0x10;
const BPF_IMM = 0x00;
const BPF_ABS = 0x20;
const BPF_IND = 0x40;
const BPF_MEM = 0x60;
const BPF_LEN = 0x80;
const BPF_MSH = 0xa0;
const BPF_K = 0x00;
const BPF_X = 0x08;
const BPF_A = 0x10;
const BPF_JA = 0x00;
const BPF_JEQ = 0x10;
const BPF_JGT = 0x20;
const BPF_JGE = 0x30;
const BPF_JSET = 0x40;
const BPF_TAX = 0x00;
const BPF_TXA = 0x80;
const BPF_MEMWORDS = 16;
/** SKF_AD_OFF as an unsigned k, and the ancillary offsets this kernel knows (0..60). */
const SKF_AD_OFF = 0xfffff000;
const SKF_AD_MAX = 64;

const ALU_OPS = [0x00, 0x10, 0x20, 0x30, 0x90, 0x50, 0x40, 0xa0, 0x60, 0x70]; // add sub mul div mod and or xor lsh rsh
const ALLOWED = new Set<number>([
  ...ALU_OPS.flatMap((op) => [BPF_ALU | op | BPF_K, BPF_ALU | op | BPF_X]),
  BPF_ALU | 0x80, // neg
  BPF_LD | BPF_W | BPF_ABS,
  BPF_LD | BPF_H | BPF_ABS,
  BPF_LD | BPF_B | BPF_ABS,
  BPF_LD | BPF_W | BPF_LEN,
  BPF_LD | BPF_W | BPF_IND,
  BPF_LD | BPF_H | BPF_IND,
  BPF_LD | BPF_B | BPF_IND,
  BPF_LD | BPF_IMM,
  BPF_LD | BPF_MEM,
  BPF_LDX | BPF_W | BPF_LEN,
  BPF_LDX | BPF_B | BPF_MSH,
  BPF_LDX | BPF_IMM,
  BPF_LDX | BPF_MEM,
  BPF_ST,
  BPF_STX,
  BPF_MISC | BPF_TAX,
  BPF_MISC | BPF_TXA,
  BPF_RET | BPF_K,
  BPF_RET | BPF_A,
  BPF_JMP | BPF_JA,
  ...[BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JSET].flatMap((op) => [BPF_JMP | op | BPF_K, BPF_JMP | op | BPF_X]),
]);

const COND_JUMPS = new Set(
  [BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JSET].flatMap((op) => [BPF_JMP | op | BPF_K, BPF_JMP | op | BPF_X]),
);

/** check_load_and_stores(): no scratch memory cell is read before it is written on every path. */
function loadsAfterStores(prog: readonly BpfInsn[]): boolean {
  const masks = new Array<number>(prog.length).fill(0xffff);
  let memvalid = 0;
  for (let pc = 0; pc < prog.length; pc++) {
    memvalid &= masks[pc]!;
    const [code, jt, jf, k] = prog[pc]!;
    if (code === BPF_ST || code === BPF_STX) memvalid |= 1 << k;
    else if (code === (BPF_LD | BPF_MEM) || code === (BPF_LDX | BPF_MEM)) {
      if (!(memvalid & (1 << k))) return false;
    } else if (code === (BPF_JMP | BPF_JA)) {
      masks[pc + 1 + k] = masks[pc + 1 + k]! & memvalid;
      memvalid = 0xffff;
    } else if (COND_JUMPS.has(code)) {
      masks[pc + 1 + jt] = masks[pc + 1 + jt]! & memvalid;
      masks[pc + 1 + jf] = masks[pc + 1 + jf]! & memvalid;
      memvalid = 0xffff;
    }
  }
  return true;
}

/** bpf_check_classic(): what bpf_prog_create() refuses with EINVAL. */
function classicOk(prog: readonly BpfInsn[]): boolean {
  const flen = prog.length;
  if (flen === 0 || flen > MAX_INSTR) return false;
  for (let pc = 0; pc < flen; pc++) {
    const [code, jt, jf, k] = prog[pc]!;
    if (!ALLOWED.has(code)) return false;
    switch (code) {
      case BPF_ALU | 0x30 | BPF_K: // div
      case BPF_ALU | 0x90 | BPF_K: // mod
        if (k === 0) return false;
        break;
      case BPF_ALU | 0x60 | BPF_K: // lsh
      case BPF_ALU | 0x70 | BPF_K: // rsh
        if (k >= 32) return false;
        break;
      case BPF_LD | BPF_MEM:
      case BPF_LDX | BPF_MEM:
      case BPF_ST:
      case BPF_STX:
        if (k >= BPF_MEMWORDS) return false;
        break;
      case BPF_JMP | BPF_JA:
        if (k >= flen - pc - 1) return false;
        break;
      case BPF_LD | BPF_W | BPF_ABS:
      case BPF_LD | BPF_H | BPF_ABS:
      case BPF_LD | BPF_B | BPF_ABS: {
        // ancillary loads: known SKF_AD_* offsets only
        const anc = k >= SKF_AD_OFF && k - SKF_AD_OFF < SKF_AD_MAX && (k - SKF_AD_OFF) % 4 === 0;
        if (!anc && k >= SKF_AD_OFF) return false;
        break;
      }
      default:
        if (COND_JUMPS.has(code) && (pc + jt + 1 >= flen || pc + jf + 1 >= flen)) return false;
    }
  }
  const last = prog[flen - 1]![0];
  if (last !== (BPF_RET | BPF_K) && last !== (BPF_RET | BPF_A)) return false;
  return loadsAfterStores(prog);
}

// negative load offsets (linux/filter.h)
const SKF_NET_OFF = -0x100000;
const SKF_LL_OFF = -0x200000;
const SKF_AD_OFF_S = -0x1000;
// SKF_AD_* ancillary data
const AD_PROTOCOL = 0;
const AD_PKTTYPE = 4;
const AD_IFINDEX = 8;
const AD_MARK = 20;
const AD_HATYPE = 28;
const AD_ALU_XOR_X = 40;
const AD_PAY_OFFSET = 52;
const AD_RANDOM = 56;

/** What a classic BPF program sees of a packet: the bytes from the IP header on, and the frame. */
interface BpfSkb {
  p: Packet;
  data: Uint8Array;
  frame: Uint8Array | null;
}

/** bpf_skb_load_helper_{8,16,32}() and the negative-offset helper: the value, or undefined to abort. */
function load(skb: BpfSkb, off: number, size: number): number | undefined {
  let buf: Uint8Array;
  let o: number;
  if (off >= 0) {
    buf = skb.data;
    o = off;
  } else if (off >= SKF_NET_OFF) {
    buf = skb.data;
    o = off - SKF_NET_OFF;
  } else if (off >= SKF_LL_OFF) {
    // the MAC header exists only for frames that came in on an Ethernet device
    if (!skb.p.hasMac || skb.p.inDev === "") return undefined;
    skb.frame ??= frameBytes(skb.p);
    buf = skb.frame;
    o = off - SKF_LL_OFF;
  } else return undefined;
  if (o + size > buf.length) return undefined;
  if (size === 1) return buf[o]!;
  if (size === 2) return (buf[o]! << 8) | buf[o + 1]!;
  return ((buf[o]! << 24) | (buf[o + 1]! << 16) | (buf[o + 2]! << 8) | buf[o + 3]!) >>> 0;
}

/** skb_get_poff(): the offset of the transport payload (TCP data offset honoured), 0 if unknown. */
function payloadOffset(p: Packet): number {
  if (p.isFragment()) return p.ihl;
  switch (p.proto) {
    case 6:
      return p.ihl + p.l4HeaderLen;
    case 17:
    case 136:
      return p.ihl + 8;
    case 1:
      return p.ihl + 8;
    default:
      return p.ihl;
  }
}

/** An ancillary load (SKF_AD_OFF + k), as convert_bpf_extensions() computes it. */
function ancillary(k: number, skb: BpfSkb, a: number, x: number, ctx: EvalContext): number {
  switch (k) {
    case AD_PROTOCOL:
      return 0x0800;
    case AD_PKTTYPE:
      return skb.p.pktType;
    case AD_IFINDEX:
      // no interface index in the twin's view: the device of an incoming packet counts as present
      return 0;
    case AD_MARK:
      return skb.p.mark >>> 0;
    case AD_HATYPE:
      // ARPHRD_ETHER (lo: ARPHRD_LOOPBACK)
      return skb.p.inDev === "lo" ? 772 : 1;
    case AD_ALU_XOR_X:
      return (a ^ x) >>> 0;
    case AD_PAY_OFFSET:
      return payloadOffset(skb.p);
    case AD_RANDOM:
      return ctx.random32() >>> 0;
    default:
      // queue, rxhash, cpu, vlan tag/present/tpid, nlattr: 0 for the twin's packets
      return 0;
  }
}

/** Runs a classic BPF program (the kernel converts it to eBPF; the result is the same): its return value. */
function runClassic(prog: readonly BpfInsn[], p: Packet, ctx: EvalContext): number {
  const skb: BpfSkb = { p, data: ipBytes(p), frame: null };
  const mem = new Uint32Array(BPF_MEMWORDS);
  let a = 0;
  let x = 0;
  for (let pc = 0; pc < prog.length; pc++) {
    const [code, jt, jf, kRaw] = prog[pc]!;
    const k = kRaw >>> 0;
    const cls = code & 0x07;
    switch (cls) {
      case BPF_LD:
      case BPF_LDX: {
        const mode = code & 0xe0;
        const size = code & 0x18;
        const bytes = size === BPF_W ? 4 : size === BPF_H ? 2 : 1;
        let v: number | undefined;
        if (mode === BPF_IMM) v = k;
        else if (mode === BPF_MEM) v = mem[k & 15]!;
        else if (mode === BPF_LEN) v = skb.data.length;
        else if (mode === BPF_MSH) {
          const b = load(skb, k | 0, 1);
          if (b === undefined) return 0;
          v = (b & 0xf) << 2;
        } else {
          const off = mode === BPF_ABS ? k | 0 : (x + k) | 0;
          if (mode === BPF_ABS && off >= SKF_AD_OFF_S && off < SKF_AD_OFF_S + SKF_AD_MAX) {
            v = ancillary(off - SKF_AD_OFF_S, skb, a, x, ctx);
          } else {
            v = load(skb, off, bytes);
            if (v === undefined) return 0;
          }
        }
        if (cls === BPF_LD) a = v >>> 0;
        else x = v >>> 0;
        break;
      }
      case BPF_ST:
        mem[k & 15] = a;
        break;
      case BPF_STX:
        mem[k & 15] = x;
        break;
      case BPF_ALU: {
        const op = code & 0xf0;
        const src = code & BPF_X ? x : k;
        switch (op) {
          case 0x00:
            a = (a + src) >>> 0;
            break;
          case 0x10:
            a = (a - src) >>> 0;
            break;
          case 0x20:
            a = Math.imul(a, src) >>> 0;
            break;
          case 0x30:
            // division by a zero X ends the program with 0
            if (src === 0) return 0;
            a = Math.floor(a / src) >>> 0;
            break;
          case 0x90:
            if (src === 0) return 0;
            a = (a % src) >>> 0;
            break;
          case 0x50:
            a = (a & src) >>> 0;
            break;
          case 0x40:
            a = (a | src) >>> 0;
            break;
          case 0xa0:
            a = (a ^ src) >>> 0;
            break;
          case 0x60:
            a = (a << (src & 31)) >>> 0;
            break;
          case 0x70:
            a = a >>> (src & 31);
            break;
          case 0x80:
            a = -a >>> 0;
            break;
        }
        break;
      }
      case BPF_JMP: {
        const op = code & 0xf0;
        if (op === BPF_JA) {
          pc += k;
          break;
        }
        const src = code & BPF_X ? x : k;
        let cond: boolean;
        if (op === BPF_JEQ) cond = a === src;
        else if (op === BPF_JGT) cond = a > src;
        else if (op === BPF_JGE) cond = a >= src;
        else cond = (a & src) !== 0;
        pc += cond ? jt : jf;
        break;
      }
      case BPF_RET:
        return (code & 0x18) === BPF_A ? a : k;
      case BPF_MISC:
        if ((code & 0xf8) === BPF_TXA) a = x;
        else x = a;
        break;
    }
  }
  return 0;
}

function code(prog: readonly BpfInsn[]): string {
  return prog.map(([c, jt, jf, k]) => `${c} ${jt} ${jf} ${k}`).join(",");
}

export const bpfMatch = defineMatch<BpfData>({
  name: "bpf",
  revision: 1,
  options: [
    { name: "bytecode", id: O_BCODE_STDIN, type: XtType.STRING },
    { name: "object-pinned", id: O_OBJ_PINNED, type: XtType.STRING, flags: XTOPT_PUT, put: "path" },
  ],
  init: () => ({ mode: MODE_BYTECODE, program: [], path: "" }),
  parse(cb) {
    if (cb.entry.id === O_BCODE_STDIN) {
      cb.data.program = parseProgram(cb.arg);
      cb.data.mode = MODE_BYTECODE;
    } else {
      // BPF_OBJ_GET: there is no bpf file system, so no pinned object exists
      throw paramError("bpf: failed to get bpf object");
    }
  },
  finalCheck(cb) {
    const flags = cb.xflags & ((1 << O_BCODE_STDIN) | (1 << O_OBJ_PINNED));
    if (flags !== 1 << O_BCODE_STDIN && flags !== 1 << O_OBJ_PINNED)
      throw paramError("bpf: one of --bytecode or --pinned is required");
  },
  // printed without a leading space, and the last instruction ends in a NUL byte
  print: (d) => `match bpf ${code(d.program)}\u0000`,
  save: (d) => ` --bytecode "${d.program.length},${code(d.program)}"`,
  compile(d) {
    // bpf_mt(): the program runs on the packet from its IP header on; a non-zero return matches
    const prog = d.program.map((i) => [...i] as BpfInsn);
    return (p, ctx) => runClassic(prog, p, ctx) !== 0;
  },
  // checkentry runs at insertion only, not when a jump reaches the chain
  kernelCheck: (d, ctx) => (!ctx.checkentry || classicOk(d.program) ? undefined : { errno: "EINVAL" }),
  help: () =>
    "bpf match options:\n" +
    "--bytecode <program>\t        : a bpf program as generated by\n" +
    "                                 $(nfbpf_compile RAW '<filter>')\n" +
    "--object-pinned <bpf object>\t: a path to a pinned BPF object in bpf fs\n",
});
