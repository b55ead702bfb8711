/**
 * The text filters tutorials pipe iptables output into (`iptables -nL | grep
 * 80`): grep, head, tail, wc, sort, uniq and cat over standard input, with
 * GNU coreutils/grep options and exit statuses for the common cases.
 */

import { utf8Encoder } from "../core/utf8.js";
import type { CommandResult } from "./iptables/commands.js";

export type TextFilter = (argv: string[], stdin: string) => CommandResult;

function ok(stdout: string, status = 0): CommandResult {
  return { stdout, stderr: "", status };
}

function fail(prog: string, msg: string, status: number): CommandResult {
  return { stdout: "", stderr: `${prog}: ${msg}\n`, status };
}

function lines(text: string): string[] {
  if (text === "") return [];
  const l = text.split("\n");
  if (l[l.length - 1] === "") l.pop();
  return l;
}

function joinLines(l: readonly string[]): string {
  return l.length ? `${l.join("\n")}\n` : "";
}

/** A POSIX basic regular expression (GNU flavour) as a JavaScript one. */
export function breToJs(re: string): string {
  let out = "";
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === "\\" && i + 1 < re.length) {
      const n = re[++i]!;
      out += "+?|(){}".includes(n) ? n : `\\${n}`;
    } else if (c === "[") {
      const close = re.indexOf("]", i + (re[i + 1] === "]" ? 2 : re[i + 1] === "^" && re[i + 2] === "]" ? 3 : 1));
      if (close < 0) {
        out += "\\[";
        continue;
      }
      out += re.slice(i, close + 1).replace(/\\/g, "\\\\");
      i = close;
    } else out += "+?|(){}".includes(c) ? `\\${c}` : c;
  }
  return out;
}

function escapeFixed(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Splits bundled short options (-vn → -v -n), keeping option arguments. */
function shortOpts(
  argv: readonly string[],
  withArg: string,
): { opts: Array<[string, string?]>; rest: string[] } | string {
  const opts: Array<[string, string?]> = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (a.length < 2 || a[0] !== "-" || /^-\d+$/.test(a)) {
      rest.push(a);
      continue;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      opts.push(eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a]);
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const o = a[k]!;
      if (withArg.includes(o)) {
        const v = k + 1 < a.length ? a.slice(k + 1) : argv[++i];
        if (v === undefined) return `option requires an argument -- '${o}'`;
        opts.push([`-${o}`, v]);
        break;
      }
      opts.push([`-${o}`]);
    }
  }
  return { opts, rest };
}

function grep(argv: string[], stdin: string): CommandResult {
  const p = shortOpts(argv.slice(1), "e");
  if (typeof p === "string") return fail("grep", p, 2);
  const patterns: string[] = [];
  let mode: "basic" | "extended" | "fixed" = "basic";
  let icase = false;
  let invert = false;
  let count = false;
  let number = false;
  let word = false;
  let whole = false;
  let quiet = false;
  for (const [o, v] of p.opts) {
    if (o === "-e" || o === "--regexp") patterns.push(v ?? "");
    else if (o === "-E" || o === "--extended-regexp") mode = "extended";
    else if (o === "-F" || o === "--fixed-strings") mode = "fixed";
    else if (o === "-G" || o === "--basic-regexp") mode = "basic";
    else if (o === "-P" || o === "--perl-regexp") mode = "extended";
    else if (o === "-i" || o === "--ignore-case") icase = true;
    else if (o === "-v" || o === "--invert-match") invert = true;
    else if (o === "-c" || o === "--count") count = true;
    else if (o === "-n" || o === "--line-number") number = true;
    else if (o === "-w" || o === "--word-regexp") word = true;
    else if (o === "-x" || o === "--line-regexp") whole = true;
    else if (o === "-q" || o === "--quiet" || o === "--silent") quiet = true;
    else
      return fail(
        "grep",
        `invalid option -- '${o.replace(/^-+/, "")}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.`,
        2,
      );
  }
  const rest = p.rest;
  if (patterns.length === 0) {
    if (rest.length === 0)
      return {
        stdout: "",
        stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
        status: 2,
      };
    patterns.push(...rest.shift()!.split("\n"));
  }
  if (rest.length > 0)
    return fail("grep", `${rest[0]}: files are not readable in the twin's shell; pipe into grep instead`, 2);
  let res: RegExp[];
  try {
    res = patterns.map((pat) => {
      let src = mode === "fixed" ? escapeFixed(pat) : mode === "basic" ? breToJs(pat) : pat;
      if (word) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
      if (whole) src = `^(?:${src})$`;
      return new RegExp(src, icase ? "i" : "");
    });
  } catch {
    return fail("grep", "Invalid regular expression", 2);
  }
  const out: string[] = [];
  let n = 0;
  lines(stdin).forEach((l, i) => {
    if (res.some((r) => r.test(l)) === invert) return;
    n++;
    if (!count && !quiet) out.push(number ? `${i + 1}:${l}` : l);
  });
  if (quiet) return ok("", n ? 0 : 1);
  return ok(count ? `${n}\n` : joinLines(out), n ? 0 : 1);
}

/** -n N, -N, -n +N / -n -N forms of head and tail. */
function countArg(prog: string, argv: string[]): { n: number; from: boolean; bytes: boolean } | CommandResult {
  let n = 10;
  let from = false;
  let bytes = false;
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    let a = args[i]!;
    if (/^-\d+$/.test(a)) {
      n = Number(a.slice(1));
      continue;
    }
    let opt = a;
    let v: string | undefined;
    if (/^-[nc].+/.test(a)) {
      opt = a.slice(0, 2);
      v = a.slice(2);
    } else if (a.startsWith("--lines=") || a.startsWith("--bytes=")) {
      opt = a.startsWith("--lines") ? "-n" : "-c";
      v = a.slice(8);
    } else if (a === "-n" || a === "-c" || a === "--lines" || a === "--bytes") {
      opt = a === "-c" || a === "--bytes" ? "-c" : "-n";
      v = args[++i];
    } else {
      return fail(
        prog,
        a.startsWith("-")
          ? `invalid option -- '${a.slice(1)}'`
          : `cannot open '${a}' for reading: files are not readable in the twin's shell`,
        1,
      );
    }
    if (v === undefined) return fail(prog, `option requires an argument -- '${opt.slice(1)}'`, 1);
    a = v;
    if (a.startsWith("+")) {
      from = true;
      a = a.slice(1);
    }
    if (!/^-?\d+$/.test(a)) return fail(prog, `invalid number of lines: '${v}'`, 1);
    n = Number(a);
    bytes = opt === "-c";
  }
  return { n, from, bytes };
}

function head(argv: string[], stdin: string): CommandResult {
  const c = countArg("head", argv);
  if ("status" in c) return c;
  if (c.bytes) return ok(c.n >= 0 ? stdin.slice(0, c.n) : stdin.slice(0, c.n));
  const l = lines(stdin);
  return ok(joinLines(c.n >= 0 ? l.slice(0, c.n) : l.slice(0, c.n)));
}

function tail(argv: string[], stdin: string): CommandResult {
  const c = countArg("tail", argv);
  if ("status" in c) return c;
  if (c.bytes) return ok(c.from ? stdin.slice(Math.max(0, c.n - 1)) : stdin.slice(-Math.abs(c.n) || stdin.length));
  const l = lines(stdin);
  if (c.from) return ok(joinLines(l.slice(Math.max(0, c.n - 1))));
  const k = Math.abs(c.n);
  return ok(joinLines(k === 0 ? [] : l.slice(-k)));
}

function wc(argv: string[], stdin: string): CommandResult {
  const p = shortOpts(argv.slice(1), "");
  if (typeof p === "string") return fail("wc", p, 1);
  let want = { l: false, w: false, c: false };
  for (const [o] of p.opts) {
    if (o === "-l" || o === "--lines") want.l = true;
    else if (o === "-w" || o === "--words") want.w = true;
    else if (o === "-c" || o === "--bytes" || o === "-m" || o === "--chars") want.c = true;
    else return fail("wc", `invalid option -- '${o.replace(/^-+/, "")}'`, 1);
  }
  if (!want.l && !want.w && !want.c) want = { l: true, w: true, c: true };
  const nums: number[] = [];
  if (want.l) nums.push((stdin.match(/\n/g) ?? []).length);
  if (want.w) nums.push(stdin.split(/\s+/).filter((x) => x).length);
  if (want.c) nums.push(utf8Encoder.encode(stdin).length);
  // GNU wc on standard input: one count alone is unpadded, several share width 7.
  return ok(nums.length === 1 ? `${nums[0]}\n` : `${nums.map((n) => String(n).padStart(7)).join(" ")}\n`);
}

function sort(argv: string[], stdin: string): CommandResult {
  const p = shortOpts(argv.slice(1), "k");
  if (typeof p === "string") return fail("sort", p, 2);
  let numeric = false;
  let reverse = false;
  let unique = false;
  for (const [o] of p.opts) {
    if (o === "-n" || o === "--numeric-sort") numeric = true;
    else if (o === "-r" || o === "--reverse") reverse = true;
    else if (o === "-u" || o === "--unique") unique = true;
    else return fail("sort", `invalid option -- '${o.replace(/^-+/, "")}'`, 2);
  }
  let l = lines(stdin);
  const num = (s: string) => Number.parseFloat(s.trim()) || 0;
  l.sort((a, b) => (numeric ? num(a) - num(b) || (a < b ? -1 : a > b ? 1 : 0) : a < b ? -1 : a > b ? 1 : 0));
  if (reverse) l.reverse();
  if (unique) l = l.filter((x, i) => i === 0 || (numeric ? num(x) !== num(l[i - 1]!) : x !== l[i - 1]));
  return ok(joinLines(l));
}

function uniq(argv: string[], stdin: string): CommandResult {
  const p = shortOpts(argv.slice(1), "");
  if (typeof p === "string") return fail("uniq", p, 1);
  let count = false;
  for (const [o] of p.opts) {
    if (o === "-c" || o === "--count") count = true;
    else return fail("uniq", `invalid option -- '${o.replace(/^-+/, "")}'`, 1);
  }
  const out: string[] = [];
  let prev: string | undefined;
  let n = 0;
  const flush = () => {
    if (prev !== undefined) out.push(count ? `${String(n).padStart(7)} ${prev}` : prev);
  };
  for (const l of lines(stdin)) {
    if (l === prev) n++;
    else {
      flush();
      prev = l;
      n = 1;
    }
  }
  flush();
  return ok(joinLines(out));
}

/** A cut LIST (1-based positions and ranges) as a membership test. */
function cutList(list: string): ((i: number) => boolean) | undefined {
  const parts = list.split(",").map((r) => /^(\d*)(-?)(\d*)$/.exec(r));
  if (parts.some((m) => !m || (m[1] === "" && m[3] === ""))) return undefined;
  return (i) =>
    parts.some((m) => {
      const lo = m![1] ? Number(m![1]) : 1;
      const hi = m![2] ? (m![3] ? Number(m![3]) : Number.POSITIVE_INFINITY) : lo;
      return i >= lo && i <= hi;
    });
}

function cut(argv: string[], stdin: string): CommandResult {
  const p = shortOpts(argv.slice(1), "cdf");
  if (typeof p === "string") return fail("cut", p, 1);
  let chars: string | undefined;
  let fields: string | undefined;
  let delim = "\t";
  for (const [o, v] of p.opts) {
    if (o === "-c" || o === "-b") chars = v;
    else if (o === "-f") fields = v;
    else if (o === "-d") delim = v ?? "";
    else return fail("cut", `invalid option -- '${o.replace(/^-+/, "")}'`, 1);
  }
  const spec = chars ?? fields;
  if (spec === undefined)
    return fail(
      "cut",
      "you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.",
      1,
    );
  const inList = cutList(spec);
  if (!inList) return fail("cut", `invalid field value '${spec}'\nTry 'cut --help' for more information.`, 1);
  const out = lines(stdin).map((l) => {
    if (chars !== undefined) return [...l].filter((_, i) => inList(i + 1)).join("");
    if (!l.includes(delim)) return l;
    return l
      .split(delim)
      .filter((_, i) => inList(i + 1))
      .join(delim);
  });
  return ok(joinLines(out));
}

function cat(argv: string[], stdin: string): CommandResult {
  const files = argv.slice(1).filter((a) => a !== "-");
  if (files.length)
    return fail("cat", `${files[0]}: files are not readable in the twin's shell (outside a lab host)`, 1);
  return ok(stdin);
}

export const TEXT_FILTERS: ReadonlyMap<string, TextFilter> = new Map<string, TextFilter>([
  ["grep", grep],
  ["egrep", (argv, stdin) => grep(["grep", "-E", ...argv.slice(1)], stdin)],
  ["fgrep", (argv, stdin) => grep(["grep", "-F", ...argv.slice(1)], stdin)],
  ["head", head],
  ["tail", tail],
  ["wc", wc],
  ["sort", sort],
  ["uniq", uniq],
  ["cat", cat],
  ["cut", cut],
]);
