/**
 * string match, revision 1 (libxt_string / xt_string): a pattern searched
 * with a kernel textsearch algorithm (bm, kmp, fsm) between two offsets.
 */
import { paramError } from "../core/errors.js";
import { ipBytes } from "../core/packet.js";
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { utf8Bytes } from "./misc1-util.js";
import { K_TOLOWER, K_TOUPPER } from "./stateful-util.js";

const STRING_FLAG_INVERT = 0x01;
const STRING_FLAG_IGNORECASE = 0x02;
/** XT_STRING_MAX_PATTERN_SIZE */
const MAX_PATTERN = 128;
/** XT_STRING_MAX_ALGO_NAME_SIZE */
const ALGO_SIZE = 16;

const O_FROM = 0;
const O_TO = 1;
const O_ALGO = 2;
const O_ICASE = 3;
const O_STRING = 4;
const O_HEX_STRING = 5;
const F_STRING = 1 << O_STRING;
const F_HEX_STRING = 1 << O_HEX_STRING;
const F_OP_ANY = F_STRING | F_HEX_STRING;

export interface StringData {
  from: number;
  to: number;
  algo: string;
  /** The pattern bytes. */
  pattern: number[];
  flags: number;
}

function isXdigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** parse_hex_string(): literal text, "|hex bytes|" blocks and backslash escapes. */
function parseHexString(arg: string): number[] {
  const s = utf8Bytes(arg);
  const slen = s.length;
  if (slen === 0) throw paramError("STRING must contain at least one char");
  const out: number[] = [];
  let i = 0;
  let hex = false;
  let literal = false;
  const at = (k: number): number => s[k] ?? 0;
  while (i < slen) {
    if (out.length >= MAX_PATTERN) throw paramError(`STRING too long "${arg}"`);
    if (s[i] === 0x5c && !hex) literal = true;
    else if (s[i] === 0x5c) throw paramError("Cannot include literals in hex data");
    else if (s[i] === 0x7c) {
      if (hex) hex = false;
      else {
        hex = true;
        // skip any white space right after the '|'
        while (at(i + 1) === 0x20) i++;
      }
      if (i + 1 >= slen) break;
      i++;
    }
    if (literal) {
      if (i + 1 >= slen) throw paramError("Bad literal placement at end of string");
      out.push(at(i + 1));
      i += 2;
      literal = false;
    } else if (hex) {
      if (i + 1 >= slen) throw paramError("Odd number of hex digits");
      if (i + 2 >= slen) throw paramError("Invalid hex block");
      if (!isXdigit(at(i))) throw paramError(`Invalid hex char '${String.fromCharCode(at(i))}'`);
      if (!isXdigit(at(i + 1))) throw paramError(`Invalid hex char '${String.fromCharCode(at(i + 1))}'`);
      out.push(Number.parseInt(String.fromCharCode(at(i), at(i + 1)), 16));
      i += at(i + 2) === 0x20 ? 3 : 2;
    } else {
      out.push(at(i));
      i++;
    }
  }
  return out;
}

/** is_hex_string(): non-printable bytes, or a trailing backslash, print as hex. */
function isHexString(p: readonly number[]): boolean {
  if (p.some((c) => c < 0x20 || c > 0x7e)) return true;
  return p.length > 0 && p[p.length - 1] === 0x5c;
}

function patternText(p: readonly number[]): string {
  if (isHexString(p)) return ` "|${p.map((c) => c.toString(16).padStart(2, "0")).join("")}|"`;
  let out = "";
  for (const c of p) {
    if (c === 0x22 || c === 0x5c) out += "\\";
    out += String.fromCharCode(c);
  }
  return ` "${out}"`;
}

/** ts_fsm's token checks: 4-byte tokens {u16 type, u8 recur, u8 value}. */
function fsmPatternOk(p: readonly number[], icase: boolean): boolean {
  if (p.length % 4 !== 0 || p.length === 0 || icase) return false;
  const n = p.length / 4;
  for (let i = 0; i < n; i++) {
    const type = p[4 * i]! | (p[4 * i + 1]! << 8);
    const recur = p[4 * i + 2]!;
    // TS_FSM_TYPE_MAX = 13 (SPACE), TS_FSM_RECUR_MAX = 4 (HEAD_IGNORE, only as a leading token)
    if (type > 13 || recur > 4) return false;
    if (recur === 4 && (i !== 0 || i === n - 1)) return false;
  }
  return true;
}

/** A textsearch algorithm over one block of text: the offset of the first match, or -1. */
type Finder = (text: Uint8Array, start: number, end: number) => number;

/** lib/ts_bm.c: the kernel's Boyer-Moore, with its own bad/good shift tables (run exactly as written). */
function bmFinder(pat: readonly number[], icase: boolean): Finder {
  const patlen = pat.length;
  const pattern = Uint8Array.from(pat.map((c) => (icase ? K_TOUPPER[c]! : c)));
  const bad = new Int32Array(256).fill(patlen);
  for (let i = 0; i < patlen - 1; i++) {
    bad[pattern[i]!] = patlen - 1 - i;
    if (icase) bad[K_TOLOWER[pattern[i]!]!] = patlen - 1 - i;
  }
  const good = new Int32Array(patlen).fill(patlen);
  good[0] = 1;
  // subpattern(): pattern indexes may go negative (bytes before the pattern: never equal here)
  const at = (k: number): number => (k >= 0 ? pattern[k]! : -1 - k);
  const subpattern = (i: number, j: number, g0: number): boolean => {
    let x = i + g0 - 1;
    let y = j + g0 - 1;
    let g = g0;
    while (at(x--) === at(y--)) {
      if (y < 0) return true;
      if (--g === 0) return at(i - 1) !== at(j - 1);
    }
    return false;
  };
  for (let i = patlen - 1, g = 1; i > 0; g++, i--) {
    for (let j = i - 1; j >= 1 - g; j--) {
      if (subpattern(i, j, g)) {
        good[g] = patlen - j - g;
        break;
      }
    }
  }
  const up = icase ? K_TOUPPER : null;
  return (text, start, end) => {
    const len = end - start;
    let shift = patlen - 1;
    while (shift < len) {
      let i = 0;
      for (; i < patlen; i++) {
        const c = text[start + shift - i]!;
        if ((up ? up[c]! : c) !== pattern[patlen - 1 - i]) break;
      }
      if (i === patlen) return shift - (patlen - 1);
      const bs = bad[text[start + shift - i]!]!;
      shift = Math.max(shift - i + bs, shift + good[i]!);
    }
    return -1;
  };
}

/** lib/ts_kmp.c: Knuth-Morris-Pratt (the kernel's toupper() on both sides with --icase). */
function kmpFinder(pat: readonly number[], icase: boolean): Finder {
  const m = pat.length;
  const pattern = Uint8Array.from(pat.map((c) => (icase ? K_TOUPPER[c]! : c)));
  const prefix = new Int32Array(m);
  for (let k = 0, q = 1; q < m; q++) {
    while (k > 0 && pattern[k] !== pattern[q]) k = prefix[k - 1]!;
    if (pattern[k] === pattern[q]) k++;
    prefix[q] = k;
  }
  const up = icase ? K_TOUPPER : null;
  return (text, start, end) => {
    let q = 0;
    for (let i = start; i < end; i++) {
      const c = up ? up[text[i]!]! : text[i]!;
      while (q > 0 && pattern[q] !== c) q = prefix[q - 1]!;
      if (pattern[q] === c) q++;
      if (q === m) return i + 1 - m - start;
    }
    return -1;
  };
}

// ctype classes of lib/ts_fsm.c's token_lookup_tbl
const C_U = 0x01;
const C_L = 0x02;
const C_D = 0x04;
const C_C = 0x08;
const C_P = 0x10;
const C_S = 0x20;
const C_X = 0x40;
const C_SP = 0x80;
const C_A = 0x100;
const C_W = 0x200;

const FSM_CLASS: Uint16Array = (() => {
  const t = new Uint16Array(256);
  const set = (lo: number, hi: number, v: number) => {
    for (let c = lo; c <= hi; c++) t[c] = v;
  };
  set(0, 31, C_W | C_A | C_C);
  set(9, 13, C_W | C_A | C_C | C_S);
  set(32, 32, C_W | C_A | C_S | C_SP);
  set(33, 47, C_W | C_A | C_P);
  set(48, 57, C_W | C_A | C_D);
  set(58, 64, C_W | C_A | C_P);
  set(65, 70, C_W | C_A | C_U | C_X);
  set(71, 90, C_W | C_A | C_U);
  set(91, 96, C_W | C_A | C_P);
  set(97, 102, C_W | C_A | C_L | C_X);
  set(103, 122, C_W | C_A | C_L);
  set(123, 126, C_W | C_A | C_P);
  set(127, 127, C_W | C_A | C_C);
  set(128, 159, C_W);
  set(160, 160, C_W | C_S | C_SP);
  set(161, 191, C_W | C_P);
  set(192, 222, C_W | C_U);
  set(215, 215, C_W | C_P);
  set(223, 255, C_W | C_L);
  set(247, 247, C_W | C_P);
  return t;
})();

/** token_map[]: TS_FSM_* type → class bits (0: a specific byte). */
const FSM_TOKEN_MAP = [
  0,
  C_W,
  C_D,
  C_D | C_X,
  C_P | C_U | C_L | C_D | C_SP,
  C_U | C_L,
  C_U | C_L | C_D,
  C_A,
  C_C,
  C_P | C_U | C_L | C_D,
  C_L,
  C_U,
  C_P,
  C_S,
];

const FSM_SINGLE = 0;
const FSM_PERHAPS = 1;
const FSM_ANY = 2;
const FSM_MULTI = 3;
const FSM_HEAD_IGNORE = 4;

/** lib/ts_fsm.c: fsm_find() over one block, as written (a match must reach the end of the data). */
function fsmFinder(pat: readonly number[]): Finder {
  const n = pat.length / 4;
  const types: number[] = [];
  const recurs: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    types.push(FSM_TOKEN_MAP[pat[4 * i]! | (pat[4 * i + 1]! << 8)] ?? 0);
    recurs.push(pat[4 * i + 2]!);
    values.push(pat[4 * i + 3]!);
  }
  const strict = recurs[0] !== FSM_HEAD_IGNORE;
  const NO = -1;
  return (text, start, end) => {
    const blockLen = end - start;
    let idx = 0;
    let done = false;
    const eod = (): boolean => {
      if (done) return true;
      if (idx >= blockLen) done = true;
      return done;
    };
    const tok = (k: number, d: number): boolean => (types[k] ? (FSM_CLASS[d]! & types[k]!) !== 0 : values[k] === d);
    const at = (): number => text[start + idx]!;
    if (eod()) return NO;
    startover: for (;;) {
      const matchStartBase = idx;
      let matchStart = matchStartBase;
      for (let k = 0; k < n; k++) {
        const next = k < n - 1 ? k + 1 : -1;
        const r = recurs[k];
        if (r === FSM_SINGLE) {
          if (eod()) return NO;
          if (!tok(k, at())) {
            if (strict) return NO;
            idx++;
            continue startover;
          }
        } else if (r === FSM_PERHAPS) {
          if (eod() || !tok(k, at())) continue;
        } else if (r === FSM_MULTI || r === FSM_ANY) {
          if (r === FSM_MULTI) {
            if (eod()) return NO;
            if (!tok(k, at())) {
              if (strict) return NO;
              idx++;
              continue startover;
            }
            idx++;
          }
          if (next < 0) return matchStart;
          if (eod()) continue;
          while (!tok(next, at())) {
            if (!tok(k, at())) {
              if (strict) return NO;
              idx++;
              continue startover;
            }
            idx++;
            if (eod()) return NO;
          }
          continue;
        } else if (r === FSM_HEAD_IGNORE) {
          if (eod()) continue;
          while (!tok(next, at())) {
            if (!tok(k, at())) return NO;
            idx++;
            if (eod()) return NO;
          }
          matchStart = idx;
          continue;
        }
        idx++;
      }
      return eod() ? matchStart : NO;
    }
  };
}

export const stringMatch = defineMatch<StringData>({
  name: "string",
  revision: 1,
  options: [
    { name: "from", id: O_FROM, type: XtType.UINT16, flags: XTOPT_PUT, put: "from" },
    { name: "to", id: O_TO, type: XtType.UINT16, flags: XTOPT_PUT, put: "to" },
    { name: "algo", id: O_ALGO, type: XtType.STRING, flags: XTOPT_MAND | XTOPT_PUT, put: "algo", size: ALGO_SIZE },
    { name: "string", id: O_STRING, type: XtType.STRING, flags: XTOPT_INVERT, excl: F_HEX_STRING },
    { name: "hex-string", id: O_HEX_STRING, type: XtType.STRING, flags: XTOPT_INVERT, excl: F_STRING },
    { name: "icase", id: O_ICASE, type: XtType.NONE },
  ],
  init: () => ({ from: 0, to: 0xffff, algo: "", pattern: [], flags: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_STRING: {
        const bytes = utf8Bytes(cb.arg);
        if (bytes.length > MAX_PATTERN) throw paramError(`STRING too long "${cb.arg}"`);
        d.pattern = bytes;
        if (cb.invert) d.flags |= STRING_FLAG_INVERT;
        break;
      }
      case O_HEX_STRING:
        d.pattern = parseHexString(cb.arg);
        if (cb.invert) d.flags |= STRING_FLAG_INVERT;
        break;
      case O_ICASE:
        d.flags |= STRING_FLAG_IGNORECASE;
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.xflags & F_OP_ANY)) throw paramError("STRING match: You must specify `--string' or `--hex-string'");
  },
  print(d) {
    let out = ` STRING match ${d.flags & STRING_FLAG_INVERT ? "!" : ""}${patternText(d.pattern)} ALGO name ${d.algo}`;
    if (d.from !== 0) out += ` FROM ${d.from}`;
    if (d.to !== 0xffff) out += ` TO ${d.to}`;
    if (d.flags & STRING_FLAG_IGNORECASE) out += " ICASE";
    return out;
  },
  save(d) {
    const inv = d.flags & STRING_FLAG_INVERT ? " !" : "";
    let out = `${inv} --${isHexString(d.pattern) ? "hex-string" : "string"}${patternText(d.pattern)} --algo ${d.algo}`;
    if (d.from !== 0) out += ` --from ${d.from}`;
    if (d.to !== 0xffff) out += ` --to ${d.to}`;
    if (d.flags & STRING_FLAG_IGNORECASE) out += " --icase";
    return out;
  },
  compile(d) {
    // string_mt(): skb_find_text() over [from, to) of the packet from its IP header on; a match
    // counts when it ends within to - from
    const icase = (d.flags & STRING_FLAG_IGNORECASE) !== 0;
    const inv = (d.flags & STRING_FLAG_INVERT) !== 0;
    const from = d.from;
    const to = d.to;
    const patlen = d.pattern.length;
    const find =
      d.algo === "bm"
        ? bmFinder(d.pattern, icase)
        : d.algo === "kmp"
          ? kmpFinder(d.pattern, icase)
          : fsmFinder(d.pattern);
    return (p) => {
      const b = ipBytes(p);
      const end = Math.min(to, b.length);
      const pos = from < end ? find(b, from, end) : -1;
      return (pos >= 0 && pos + patlen <= to - from) !== inv;
    };
  },
  kernelCheck(d, ctx) {
    // checkentry runs at insertion only; jumps into a user chain do not re-run it
    if (!ctx.checkentry) return undefined;
    if (d.from > d.to) return { errno: "EINVAL" };
    // textsearch_prepare(): an empty pattern first, then the algorithm lookup
    if (d.pattern.length === 0) return { errno: "EINVAL" };
    if (d.algo === "bm" || d.algo === "kmp") return undefined;
    if (d.algo === "fsm") {
      const icase = (d.flags & STRING_FLAG_IGNORECASE) !== 0;
      return fsmPatternOk(d.pattern, icase) ? undefined : { errno: "EINVAL" };
    }
    return { errno: "ENOENT" };
  },
  help: () =>
    "string match options:\n" +
    "--from                       Offset to start searching from\n" +
    "--to                         Offset to stop searching\n" +
    "--algo                       Algorithm\n" +
    "--icase                      Ignore case (default: 0)\n" +
    "[!] --string string          Match a string in a packet\n" +
    "[!] --hex-string string      Match a hex string in a packet\n",
});
