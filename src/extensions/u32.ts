/**
 * u32 match (libxt_u32 / xt_u32): tests on 32-bit words at computed packet
 * offsets, "location=value[,range...]" joined by "&&".
 */
import { xtStrtoul } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { ipBytes } from "../core/packet.js";
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XtType } from "./api.js";
import { byteString, cIsSpace } from "./misc1-util.js";

const U32_AND = 0;
const U32_LEFTSH = 1;
const U32_RIGHTSH = 2;
const U32_AT = 3;
/** XT_U32_MAXSIZE */
const MAXSIZE = 10;

export interface U32Test {
  /** [number, nextop] pairs; nextop of the first is unused. */
  location: Array<[number, number]>;
  value: Array<[number, number]>;
}

export interface U32Data {
  tests: U32Test[];
  invert: number;
}

const OPS = ["&", "<<", ">>", "@"];

function u32Error(msg: string): never {
  throw paramError(`u32: ${msg}`);
}

/** u32_parse(): the test language, with the same error positions (in bytes). */
function parseTests(argText: string): U32Test[] {
  const arg = byteString(argText);
  const tests: U32Test[] = [];
  let ct: U32Test = { location: [], value: [] };
  let pos = 0;
  let state = 0;

  const number = (): number => {
    const r = xtStrtoul(arg.slice(pos), 0, 0xffffffff);
    if (!r.ok || r.end === 0) u32Error(`at char ${pos}: not a number or out of range`);
    pos += r.end;
    return r.value;
  };

  for (;;) {
    while (cIsSpace(arg[pos])) pos++;
    if (pos >= arg.length) {
      if (state === 0) u32Error("abrupt end of input after location specifier");
      if (ct.value.length === 0) u32Error("test ended with no value specified");
      tests.push(ct);
      if (tests.length > MAXSIZE) u32Error(`at char ${pos}: too many "&&"s`);
      return tests;
    }
    if (state === 0) {
      if (arg[pos] === "=") {
        if (ct.location.length === 0) u32Error(`at char ${pos}: location spec missing`);
        pos++;
        state = 1;
        continue;
      }
      let op = U32_AND;
      if (ct.location.length !== 0) {
        // an operator before each further number
        const c = arg[pos];
        if (c === "&") op = U32_AND;
        else if (c === "<") {
          if (arg[++pos] !== "<") u32Error(`at char ${pos}: a second '<' was expected`);
          op = U32_LEFTSH;
        } else if (c === ">") {
          if (arg[++pos] !== ">") u32Error(`at char ${pos}: a second '>' was expected`);
          op = U32_RIGHTSH;
        } else if (c === "@") op = U32_AT;
        else u32Error(`at char ${pos}: operator expected`);
        pos++;
      }
      ct.location.push([number(), op]);
      if (ct.location.length > MAXSIZE) u32Error(`at char ${pos}: too many operators`);
    } else if (arg[pos] === "&") {
      if (arg[++pos] !== "&") u32Error(`at char ${pos}: a second '&' was expected`);
      if (ct.value.length === 0) u32Error(`at char ${pos}: value spec missing`);
      tests.push(ct);
      ct = { location: [], value: [] };
      if (tests.length > MAXSIZE) u32Error(`at char ${pos}: too many "&&"s`);
      pos++;
      state = 0;
    } else {
      if (ct.value.length > 0) {
        if (arg[pos] !== ",") u32Error(`at char ${pos}: expected "," or "&&"`);
        pos++;
      }
      const min = number();
      while (cIsSpace(arg[pos])) pos++;
      let max = min;
      if (arg[pos] === ":") {
        pos++;
        max = number();
      }
      ct.value.push([min, max]);
      if (ct.value.length > MAXSIZE) u32Error(`at char ${pos}: too many ","s`);
    }
  }
}

function hx(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}

function dump(d: U32Data): string {
  const tests = d.tests.map((t) => {
    let s = hx(t.location[0]![0]);
    for (let i = 1; i < t.location.length; i++) s += OPS[t.location[i]![1]] + hx(t.location[i]![0]);
    s += "=";
    s += t.value.map(([min, max]) => (min === max ? hx(min) : `${hx(min)}:${hx(max)}`)).join(",");
    return s;
  });
  return ` "${tests.join("&&")}"`;
}

export const u32Match = defineMatch<U32Data>({
  name: "u32",
  revision: 0,
  options: [{ name: "u32", id: 0, type: XtType.STRING, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ tests: [], invert: 0 }),
  parse(cb) {
    cb.data.invert = cb.invert ? 1 : 0;
    cb.data.tests = parseTests(cb.arg);
  },
  compile(d) {
    // u32_match_it() over the packet from the IP header on (skb->len = the IP total length)
    const tests = d.tests.map((t) => ({
      start: t.location[0]![0] >>> 0,
      ops: Int32Array.from(t.location.slice(1).map(([, op]) => op)),
      nums: Uint32Array.from(t.location.slice(1).map(([n]) => n >>> 0)),
      mins: Uint32Array.from(t.value.map(([min]) => min >>> 0)),
      maxs: Uint32Array.from(t.value.map(([, max]) => max >>> 0)),
    }));
    const inv = d.invert !== 0;
    const word = (b: Uint8Array, o: number): number =>
      ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
    const run = (b: Uint8Array): boolean => {
      const len = b.length;
      for (const t of tests) {
        let at = 0;
        let pos = t.start;
        if (len < 4 || pos > len - 4) return false;
        let val = word(b, pos);
        for (let i = 0; i < t.ops.length; i++) {
          const n = t.nums[i]!;
          switch (t.ops[i]) {
            case U32_AND:
              val = (val & n) >>> 0;
              break;
            case U32_LEFTSH:
              // x86 takes the shift count modulo 32
              val = (val << (n & 31)) >>> 0;
              break;
            case U32_RIGHTSH:
              val = val >>> (n & 31);
              break;
            case U32_AT:
              if (at + val > 0xffffffff) return false;
              at += val;
              pos = n;
              if (at + 4 > 0xffffffff || len < at + 4 || pos > len - at - 4) return false;
              val = word(b, at + pos);
              break;
          }
        }
        let ok = false;
        for (let i = 0; i < t.mins.length; i++) {
          if (t.mins[i]! <= val && val <= t.maxs[i]!) {
            ok = true;
            break;
          }
        }
        if (!ok) return false;
      }
      return true;
    };
    return (p) => run(ipBytes(p)) !== inv;
  },
  print: (d) => ` u32${d.invert ? " !" : ""}${dump(d)}`,
  save: (d) => `${d.invert ? " !" : ""} --u32${dump(d)}`,
  help: () =>
    "u32 match options:\n" +
    "[!] --u32 tests\n" +
    '\t\ttests := location "=" value | tests "&&" location "=" value\n' +
    '\t\tvalue := range | value "," range\n' +
    '\t\trange := number | number ":" number\n' +
    "\t\tlocation := number | location operator number\n" +
    '\t\toperator := "&" | "<<" | ">>" | "@"\n',
});
