/**
 * string match, revision 1 (libxt_string / xt_string): a pattern searched
 * with a kernel textsearch algorithm (bm, kmp, fsm) between two offsets.
 */
import { paramError } from "../core/errors.js";
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { utf8Bytes } from "./misc1-util.js";

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
