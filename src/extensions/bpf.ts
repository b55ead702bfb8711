/**
 * bpf match, revision 1 (libxt_bpf / xt_bpf): a classic BPF program given
 * as "N,code jt jf k,...", checked by the kernel's classic verifier. Pinned
 * eBPF objects need a bpf file system, which the twin does not have.
 */
import { paramError } from "../core/errors.js";
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
  // checkentry runs at insertion only, not when a jump reaches the chain
  kernelCheck: (d, ctx) => (!ctx.checkentry || classicOk(d.program) ? undefined : { errno: "EINVAL" }),
  help: () =>
    "bpf match options:\n" +
    "--bytecode <program>\t        : a bpf program as generated by\n" +
    "                                 $(nfbpf_compile RAW '<filter>')\n" +
    "--object-pinned <bpf object>\t: a path to a pinned BPF object in bpf fs\n",
});
