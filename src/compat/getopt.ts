/**
 * GNU getopt_long(), as iptables drives it: optstring in RETURN_IN_ORDER mode
 * ("-" prefix) with silent errors (":"), unambiguous long-option prefixes,
 * `--name=value`, bundled short options, and an option table that may grow
 * between calls (extensions merge their options in as they load).
 */

export const NO_ARG = 0;
export const REQUIRED_ARG = 1;
export const OPTIONAL_ARG = 2;

export interface LongOption {
  name: string;
  hasArg: number;
  val: number;
}

/** Character code of a short option letter. */
export function ch(c: string): number {
  return c.charCodeAt(0);
}

export const GETOPT_END = -1;
/** Returned for a non-option argument (RETURN_IN_ORDER). */
export const GETOPT_NONOPT = 1;
export const GETOPT_UNKNOWN = ch("?");
export const GETOPT_MISSING = ch(":");

interface ShortSpec {
  arg: number;
}

/** Short options by character code (an array: looked up for every short option of every command). */
type Shorts = Array<ShortSpec | undefined>;

function parseOptstring(optstring: string): Shorts {
  const m = new Map<number, ShortSpec>();
  let s = optstring;
  if (s[0] === "-" || s[0] === "+") s = s.slice(1);
  if (s[0] === ":") s = s.slice(1);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let arg = NO_ARG;
    if (s[i + 1] === ":") {
      arg = REQUIRED_ARG;
      i++;
      if (s[i + 1] === ":") {
        arg = OPTIONAL_ARG;
        i++;
      }
    }
    if (!m.has(c)) m.set(c, { arg });
  }
  const out: Shorts = [];
  for (const [c, spec] of m) {
    while (out.length <= c) out.push(undefined);
    out[c] = spec;
  }
  return out;
}

const optstringCache = new Map<string, Shorts>();

/** First option of each name, per option table (tables are immutable once built). */
const exactCache = new WeakMap<readonly LongOption[], Map<string, LongOption>>();

/** The same, keyed by the whole `--name` argument. */
const dashCache = new WeakMap<readonly LongOption[], Map<string, LongOption>>();

function dashIndex(opts: readonly LongOption[]): Map<string, LongOption> {
  let m = dashCache.get(opts);
  if (!m) {
    m = new Map();
    for (const o of opts) if (!m.has(`--${o.name}`)) m.set(`--${o.name}`, o);
    dashCache.set(opts, m);
  }
  return m;
}

function exactIndex(opts: readonly LongOption[]): Map<string, LongOption> {
  let m = exactCache.get(opts);
  if (!m) {
    m = new Map();
    for (const o of opts) if (!m.has(o.name)) m.set(o.name, o);
    exactCache.set(opts, m);
  }
  return m;
}

function isNonopt(a: string): boolean {
  return a[0] !== "-" || a.length === 1;
}

export class Getopt {
  argv: string[];
  optind = 1;
  optarg: string | null = null;
  optopt = 0;
  private nextchar = "";
  private firstNonopt = 1;
  private lastNonopt = 1;
  private readonly shorts: Shorts;
  /** opterr: collect glibc's diagnostics (read them with takeErrors()). */
  printErrors = false;
  private errors = "";

  private readonly ordering: "permute" | "return-in-order" | "require-order";

  constructor(argv: string[], optstring: string) {
    this.argv = argv;
    this.ordering = optstring[0] === "-" ? "return-in-order" : optstring[0] === "+" ? "require-order" : "permute";
    let m = optstringCache.get(optstring);
    if (!m) {
      m = parseOptstring(optstring);
      optstringCache.set(optstring, m);
    }
    this.shorts = m;
  }

  /** Starts over on a new argument vector (same option string). */
  restart(argv: string[]): void {
    this.argv = argv;
    this.optind = 1;
    this.optarg = null;
    this.optopt = 0;
    this.nextchar = "";
    this.firstNonopt = 1;
    this.lastNonopt = 1;
    this.printErrors = false;
    this.errors = "";
  }

  /** Diagnostics printed since the last call. */
  takeErrors(): string {
    const e = this.errors;
    this.errors = "";
    return e;
  }

  private err(msg: string): void {
    if (this.printErrors) this.errors += `${this.argv[0]}: ${msg}\n`;
  }

  /** One getopt_long() call over the current option table. */
  next(opts: readonly LongOption[]): number {
    const argv = this.argv;
    const argc = argv.length;
    this.optarg = null;
    if (this.optind < 1) this.optind = 1;

    if (this.nextchar === "") {
      if (this.lastNonopt > this.optind) this.lastNonopt = this.optind;
      if (this.firstNonopt > this.optind) this.firstNonopt = this.optind;
      if (this.ordering === "permute") {
        if (this.firstNonopt !== this.lastNonopt && this.lastNonopt !== this.optind) this.exchange();
        else if (this.lastNonopt !== this.optind) this.firstNonopt = this.optind;
        while (this.optind < argc && isNonopt(argv[this.optind]!)) this.optind++;
        this.lastNonopt = this.optind;
      }
      if (this.optind !== argc && argv[this.optind] === "--") {
        this.optind++;
        if (this.firstNonopt !== this.lastNonopt && this.lastNonopt !== this.optind) this.exchange();
        else if (this.firstNonopt === this.lastNonopt) this.firstNonopt = this.optind;
        this.lastNonopt = argc;
        this.optind = argc;
      }
      if (this.optind === argc) {
        if (this.firstNonopt !== this.lastNonopt) this.optind = this.firstNonopt;
        return GETOPT_END;
      }
      const cur = argv[this.optind]!;
      if (cur.charCodeAt(0) !== 45 /* - */ || cur.length === 1) {
        if (this.ordering !== "return-in-order") return GETOPT_END;
        this.optarg = cur;
        this.optind++;
        return GETOPT_NONOPT;
      }
      if (cur.charCodeAt(1) === 45 /* - */) {
        return this.longOption(cur, opts);
      }
      this.nextchar = cur.slice(1);
    }

    // Short option inside a (possibly bundled) argument.
    const c = this.nextchar.charCodeAt(0);
    this.nextchar = this.nextchar.slice(1);
    const spec = c < this.shorts.length ? this.shorts[c] : undefined;
    if (this.nextchar === "") this.optind++;
    if (spec === undefined || c === 58 /* ':' */ || c === 59 /* ';' */) {
      this.err(`invalid option -- '${String.fromCharCode(c)}'`);
      this.optopt = c;
      return GETOPT_UNKNOWN;
    }
    if (spec.arg === OPTIONAL_ARG) {
      if (this.nextchar !== "") {
        this.optarg = this.nextchar;
        this.optind++;
      } else {
        this.optarg = null;
      }
      this.nextchar = "";
    } else if (spec.arg === REQUIRED_ARG) {
      if (this.nextchar !== "") {
        this.optarg = this.nextchar;
        this.optind++;
      } else if (this.optind === argc) {
        this.err(`option requires an argument -- '${String.fromCharCode(c)}'`);
        this.optopt = c;
        this.nextchar = "";
        return GETOPT_MISSING;
      } else {
        this.optarg = argv[this.optind++]!;
      }
      this.nextchar = "";
    }
    return c;
  }

  /** glibc exchange(): moves the skipped non-options after the options just read. */
  private exchange(): void {
    const a = this.argv;
    const nonopts = a.slice(this.firstNonopt, this.lastNonopt);
    const opts = a.slice(this.lastNonopt, this.optind);
    a.splice(this.firstNonopt, this.optind - this.firstNonopt, ...opts, ...nonopts);
    this.firstNonopt += this.optind - this.lastNonopt;
    this.lastNonopt = this.optind;
  }

  /** `cur` is the whole argument, `--name[=value]`. */
  private longOption(cur: string, opts: readonly LongOption[]): number {
    const eqAt = cur.indexOf("=", 2);
    // The common `--name` is looked up as it stands (no copy of the name).
    let found: LongOption | undefined = eqAt < 0 ? dashIndex(opts).get(cur) : exactIndex(opts).get(cur.slice(2, eqAt));
    const body = found ? "" : cur.slice(2);
    const eq = eqAt < 0 ? -1 : eqAt - 2;
    const name = found ? "" : eq >= 0 ? body.slice(0, eq) : body;
    if (!found) {
      let ambiguous = false;
      const candidates: LongOption[] = [];
      for (const o of opts) {
        if (!o.name.startsWith(name)) continue;
        candidates.push(o);
        if (!found) found = o;
        else if (found.hasArg !== o.hasArg || found.val !== o.val) ambiguous = true;
      }
      if (ambiguous) {
        this.err(`option '--${name}' is ambiguous; possibilities:${candidates.map((o) => ` '--${o.name}'`).join("")}`);
        this.optind++;
        this.optopt = 0;
        return GETOPT_UNKNOWN;
      }
    }
    if (!found) {
      this.err(`unrecognized option '--${body}'`);
      this.optind++;
      this.optopt = 0;
      return GETOPT_UNKNOWN;
    }
    this.optind++;
    if (eq >= 0) {
      if (found.hasArg !== NO_ARG) {
        this.optarg = cur.slice(eqAt + 1);
      } else {
        this.err(`option '--${found.name}' doesn't allow an argument`);
        this.optopt = found.val;
        return GETOPT_UNKNOWN;
      }
    } else if (found.hasArg === REQUIRED_ARG) {
      if (this.optind < this.argv.length) {
        this.optarg = this.argv[this.optind++]!;
      } else {
        this.err(`option '--${found.name}' requires an argument`);
        this.optopt = found.val;
        return GETOPT_MISSING;
      }
    }
    return found.val;
  }
}
