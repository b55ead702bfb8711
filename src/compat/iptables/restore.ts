/**
 * iptables-restore (xtables-restore.c, nf_tables build): per-table
 * transactions committed at COMMIT, parse errors stop at once, prepare and
 * kernel errors report the failing line; a failed table is left untouched.
 */

import { scanUnsigned } from "../../core/cnum.js";
import { ExitStatus, paramError, XtablesError } from "../../core/errors.js";
import { findBuiltinTable, hookOfBuiltin, newTable, type Table } from "../../engine/ruleset.js";
import type { ExtensionBase } from "../../extensions/api.js";
import { ch, GETOPT_END, Getopt, type LongOption } from "../getopt.js";
import {
  applyCommand,
  type CommandResult,
  errorStatus,
  errorText,
  type IptablesEnv,
  KernelBatchError,
  normalizeRule,
  Transaction,
  versionString,
} from "./commands.js";
import { parseLegacyRestoreArgs, runLegacyRestore } from "./legacy-restore.js";
import { CacheRequest, cacheFetchText, commandCacheRequest, NftBatch } from "./nft-debug.js";
import { type NftFn, NftOpError, nftStrerror } from "./nft-errors.js";
import { assertValidChainName, type ParseContext, type ParsedCommand, parseCommand } from "./parse.js";

const RESTORE_OPTS: readonly LongOption[] = [
  { name: "counters", hasArg: 0, val: ch("c") },
  { name: "verbose", hasArg: 0, val: ch("v") },
  { name: "version", hasArg: 0, val: ch("V") },
  { name: "test", hasArg: 0, val: ch("t") },
  { name: "help", hasArg: 0, val: ch("h") },
  { name: "noflush", hasArg: 0, val: ch("n") },
  { name: "modprobe", hasArg: 1, val: ch("M") },
  { name: "table", hasArg: 1, val: ch("T") },
  { name: "ipv4", hasArg: 0, val: ch("4") },
  { name: "ipv6", hasArg: 0, val: ch("6") },
  { name: "wait", hasArg: 2, val: ch("w") },
  { name: "wait-interval", hasArg: 2, val: ch("W") },
];

export interface RestoreOptions {
  counters?: boolean;
  verbose?: number;
  test?: boolean;
  noflush?: boolean;
  table?: string;
}

/** Where restore input comes from once options are parsed. */
export type RestoreInput = { kind: "stdin" } | { kind: "file"; path: string };

export type RestoreArgs =
  | { kind: "run"; options: RestoreOptions; input: RestoreInput }
  | { kind: "exit"; result: CommandResult };

/** Parses iptables-restore's own options. */
export function parseRestoreArgs(args: readonly string[], program: string, flavour: "nft" | "legacy"): RestoreArgs {
  if (flavour === "legacy") return parseLegacyRestoreArgs(args, program);
  const argv = [program, ...args];
  const g = new Getopt(argv, "bcvVthnM:T:wW");
  g.printErrors = true;
  const o: RestoreOptions = {};
  let stderr = "";
  for (;;) {
    const c = g.next(RESTORE_OPTS);
    if (c === GETOPT_END) break;
    stderr += g.takeErrors();
    switch (c) {
      case ch("b"):
        stderr += "-b/--binary option is not implemented\n";
        break;
      case ch("c"):
        o.counters = true;
        break;
      case ch("v"):
        o.verbose = (o.verbose ?? 0) + 1;
        break;
      case ch("V"):
        return { kind: "exit", result: { stdout: `${program} v${versionString(flavour)}\n`, stderr, status: 0 } };
      case ch("t"):
        o.test = true;
        break;
      case ch("h"):
        return { kind: "exit", result: { stdout: "", stderr: stderr + usage(program), status: 0 } };
      case ch("n"):
        o.noflush = true;
        break;
      case ch("M"):
      case ch("4"):
      case ch("6"):
        break;
      case ch("T"):
        o.table = g.optarg!;
        break;
      case ch("w"):
      case ch("W"): {
        const next = argv[g.optind];
        if (g.optarg === null && next !== undefined && next[0] !== "-" && next[0] !== "!") g.optind++;
        break;
      }
      default:
        return {
          kind: "exit",
          result: { stdout: "", stderr: `${stderr}Try \`${program} -h' for more information.\n`, status: 1 },
        };
    }
  }
  if (g.optind === argv.length - 1) return { kind: "run", options: o, input: { kind: "file", path: argv[g.optind]! } };
  if (g.optind < argv.length) {
    return {
      kind: "exit",
      result: { stdout: "", stderr: `${stderr}Unknown arguments found on commandline\n`, status: 1 },
    };
  }
  return { kind: "run", options: o, input: { kind: "stdin" } };
}

function usage(name: string): string {
  return (
    `Usage: ${name} [-c] [-v] [-V] [-t] [-h] [-n] [-T table] [-M command] [-4] [-6] [file]\n` +
    "\t   [ --counters ]\n" +
    "\t   [ --verbose ]\n" +
    "\t   [ --version]\n" +
    "\t   [ --test ]\n" +
    "\t   [ --help ]\n" +
    "\t   [ --noflush ]\n" +
    "\t   [ --table=<TABLE> ]\n" +
    "\t   [ --modprobe=<command> ]\n" +
    "\t   [ --ipv4 ]\n" +
    "\t   [ --ipv6 ]\n"
  );
}

/**
 * add_param_to_argv(): split a rule line into words. A double quote opens a
 * quoted run (backslash escapes inside it); the closing quote ends the word.
 * Runs of plain characters are sliced, not copied one by one.
 */
export function splitRestoreLine(s: string, out: string[], from = 0, to = s.length): void {
  const n = to;
  let param = "";
  let has = false;
  let i = from;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 34 /* " */) {
      // Quoted run up to the closing quote, which ends the word.
      has = true;
      i++;
      let start = i;
      for (;;) {
        if (i >= n) {
          param += s.slice(start, i);
          break;
        }
        const d = s.charCodeAt(i);
        if (d === 92 /* \ */) {
          param += s.slice(start, i);
          if (i + 1 < n) param += s[i + 1];
          i += 2;
          start = i;
          continue;
        }
        if (d === 34) {
          param += s.slice(start, i);
          i++;
          pushParam(param, out);
          param = "";
          has = false;
          break;
        }
        i++;
      }
      continue;
    }
    if (c === 32 || c === 9 || c === 10) {
      if (param.length || has) pushParam(param, out);
      param = "";
      has = false;
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const d = s.charCodeAt(i);
      if (d === 32 || d === 9 || d === 10 || d === 34) break;
      i++;
    }
    // A word that is not glued to a quoted run is the slice itself.
    param = param.length ? param + s.slice(start, i) : s.slice(start, i);
    has = true;
  }
  if (param.length) pushParam(param, out);
}

function pushParam(param: string, out: string[]): void {
  if (param.length > 1023) throw paramError("Parameter too long!");
  if (out.length + 1 >= 255) throw paramError("Parser cannot handle more arguments");
  out.push(param);
}

const OP_FLUSH_VERBOSE = 0;
const OP_TABLE_FLUSH = 1;
const OP_POLICY = 2;
const OP_CHAIN = 3;
const OP_COMMAND = 4;

/** One deferred operation (plain records, not closures: a restore queues one per line). */
class RestoreOp {
  constructor(
    readonly line: number,
    readonly kind: number,
    readonly chain: string | null,
    readonly policy: string | null,
    readonly counters: { pcnt: number; bcnt: number } | null,
    readonly cmd: ParsedCommand | null,
  ) {}
}

interface PendingTable {
  tx: Transaction;
  /**
   * Operations queued for COMMIT (nft_prepare() runs them there). Null while they run as they are parsed: the
   * table is a working copy, so the outcome is the same as long as a failure is only reported at COMMIT and a
   * later parse error still wins. Only -vv needs them queued (its batch dump starts at COMMIT): it re-parses.
   */
  ops: RestoreOp[] | null;
  /** Running as parsed: the first operation that failed (later ones are not run). */
  failed: { e: unknown; line: number } | null;
  /** Where the table's lines start (after `*table`), for a re-parse. */
  bodyAt: number;
  bodyLine: number;
  /** nft_fn when the table started. */
  lastFn: NftFn | null;
  /** Chain names this table announced first (a re-parse starts without them). */
  announcedHere: string[];
}

/** What the cache fetches at COMMIT (printed with -vv), from the operations queued. */
function cacheRequestOf(ops: readonly RestoreOp[]): CacheRequest {
  const req = new CacheRequest();
  for (const op of ops) {
    if (op.kind === OP_FLUSH_VERBOSE) {
      // nft_cmd_table_flush() verbose: a rule flush and a chain delete of every chain
      req.add(false, null);
      req.add(true, null);
    } else if (op.kind === OP_POLICY || op.kind === OP_CHAIN) {
      req.add(false, op.chain);
    } else if (op.kind === OP_COMMAND) {
      commandCacheRequest(req, op.cmd!);
    }
  }
  return req;
}

/** Runs one queued operation on the table's transaction. */
function runOp(tx: Transaction, op: RestoreOp, program: string): void {
  runOperation(tx, op.kind, op.chain, op.policy, op.counters, op.cmd, program);
}

/** Runs one operation (a RestoreOp's fields) on the table's transaction. */
function runOperation(
  tx: Transaction,
  kind: number,
  chain: string | null,
  policy: string | null,
  counters: { pcnt: number; bcnt: number } | null,
  cmd: ParsedCommand | null,
  program: string,
): void {
  switch (kind) {
    case OP_FLUSH_VERBOSE:
      tx.flush(null, true);
      tx.deleteChain(null, true);
      break;
    case OP_TABLE_FLUSH: {
      // nft_table_flush(): the table is deleted and recreated on demand.
      tx.lastFn = "table_flush";
      tx.debug?.tableFlush();
      tx.tableCached = false;
      const fresh: Table = newTable(findBuiltinTable(tx.work.name)!, false);
      tx.work.exists = false;
      tx.work.chains = fresh.chains;
      tx.cachedPolicy.clear();
      tx.work.foreign = undefined;
      break;
    }
    case OP_POLICY:
      tx.setPolicy(chain!, policy!, counters!);
      break;
    case OP_CHAIN:
      tx.restoreChain(chain!);
      break;
    default:
      applyCommand(tx, cmd!, program);
  }
}

/**
 * Restores `input` into env.ruleset. Tables committed before an error stay
 * committed; the table being restored when it fails is left as it was.
 */
export function runRestore(
  env: IptablesEnv,
  input: string,
  o: RestoreOptions,
  program = "iptables-restore",
  now?: number,
): CommandResult {
  if (env.flavour === "legacy") return runLegacyRestore(env, input, o, program);
  void now;
  const version = versionString(env.flavour);
  let stdout = "";
  let stderr = "";
  let line = 0;
  let pending: PendingTable | null = null;
  let lastTx: Transaction | null = null;
  let curTable: string | null = null;
  /** Chain names the file declared (xtables_announce_chain), each to the one string rules jumping there share. */
  const announced = new Map<string, string>();
  const loaded = new Set<ExtensionBase<any>>();
  /** h->verbose: each rule line's own -v count (restore adds its -v to them unless --noflush). */
  let hVerbose = 0;
  /** NFT_CL_FAKE: a plain restore that flushes never fetches the rule cache. */
  const fakeCache = !o.verbose && !o.noflush;
  // One parse context for every line (only the table and line number change).
  const ctx: ParseContext = {
    registry: env.registry,
    db: env.db,
    table: "",
    restore: true,
    line: 0,
    announced,
    // A jump shares the declared chain's name string (one copy, and map lookups compare it by pointer).
    chainNames: announced,
    loaded,
  };
  /** Argument words every rule line starts with (after the table name). */
  const preset: string[] = [];
  if (!o.noflush) for (let i = 0; i < (o.verbose ?? 0); i++) preset.push("-v");

  const fail = (e: unknown, atLine: number): CommandResult => ({
    stdout,
    stderr: stderr + (e instanceof XtablesError ? e.warnings : "") + errorText(e, program, version, atLine),
    status: errorStatus(e),
  });

  /** The operation a `*table` line queues (the table flush), if any. */
  const tableOp = (at: number): RestoreOp | null => {
    if (o.noflush) return null;
    return new RestoreOp(at, o.verbose ? OP_FLUSH_VERBOSE : OP_TABLE_FLUSH, null, null, null, null);
  };

  /** A `:CHAIN POLICY [p:b]` line, input[from, to) (from at the colon): its operation, run or queued. */
  const chainLine = (p: PendingTable, from: number, to: number, at: number): void => {
    // The words are found in place: only the chain name (and the counters, when used) become strings.
    let i = skipBlanks(input, from + 1, to);
    let end = wordEnd(input, i, to);
    if (i === end) throw paramError(`${program}: line ${at} chain name invalid`);
    const name = input.slice(i, end);
    let chain = announced.get(name);
    if (chain === undefined) {
      chain = ownString(name);
      announced.set(chain, chain);
      p.announcedHere.push(chain);
    }
    assertValidChainName(chain, env.registry, announced);
    i = skipBlanks(input, end, to);
    end = wordEnd(input, i, to);
    if (i === end) throw paramError(`${program}: line ${at} policy invalid`);
    const builtin = findBuiltinTable(p.tx.work.name)!.hooks.includes(hookOfBuiltin(chain));
    if (!builtin) {
      perform(p, at, OP_CHAIN, chain, null, null, null);
      return;
    }
    const policy = input.slice(i, end);
    let counters = { pcnt: 0, bcnt: 0 };
    if (o.counters) {
      i = skipBlanks(input, end, to);
      end = wordEnd(input, i, to);
      const c = parseCounters(i === end ? undefined : input.slice(i, end));
      if (!c) throw paramError(`invalid policy counters for chain '${chain}'`);
      counters = c;
    }
    perform(p, at, OP_POLICY, chain, policy, counters, null);
  };

  /** A rule line, input[from, to): its command run or queued, or what -h/-V print. `quiet`: no warnings (a re-parse). */
  const ruleLine = (p: PendingTable, from: number, to: number, at: number, quiet: boolean): CommandResult | null => {
    let pc: string | undefined;
    let bc: string | undefined;
    if (input.charCodeAt(from) === 91 /* [ */) {
      const close = input.indexOf("]", from);
      if (close < 0 || close >= to) throw paramError(`Bad line ${at}: need ]`);
      const inner = input.slice(from + 1, close);
      const colon = inner.indexOf(":");
      const parts = inner.split(":").filter((x) => x !== "");
      if (parts.length === 0) throw paramError(`Bad line ${at}: need :`);
      if (colon < 0 || parts.length < 2) throw paramError(`Bad line ${at}: need ]`);
      pc = parts[0];
      bc = parts[1];
      from = close + 1;
    }
    const table = p.tx.work.name;
    const argv = [program, "-t", table];
    for (const v of preset) argv.push(v);
    if (o.counters && pc !== undefined && bc !== undefined) argv.push("--set-counters", pc, bc);
    splitRestoreLine(input, argv, from, to);
    ctx.table = table;
    ctx.line = at;
    const parsed = parseCommand(argv, ctx);
    if (parsed.kind !== "command") {
      stdout += parsed.stdout.replaceAll("@PROGRAM@", program).replaceAll("@VERSION@", version);
      return { stdout, stderr: stderr + parsed.warnings, status: 0 };
    }
    if (!quiet) stderr += parsed.warnings;
    hVerbose = parsed.verbose;
    if (!findBuiltinTable(parsed.table)) {
      throw new XtablesError(ExitStatus.Version, `table '${parsed.table}' does not exist`, "version");
    }
    // nft_rule_new(): translated to nf_tables form now (parsed is ours: normalised in place).
    const rules = parsed.rules;
    for (let i = 0; i < rules.length; i++) rules[i] = normalizeRule(rules[i]!);
    perform(p, at, OP_COMMAND, null, null, null, parsed);
    return null;
  };

  /** Queues an operation, or runs it at once on the working copy (until one fails). */
  const queue = (p: PendingTable, op: RestoreOp | null): void => {
    if (op !== null) perform(p, op.line, op.kind, op.chain, op.policy, op.counters, op.cmd);
  };

  /** queue() of an operation given by its fields (a record only when it is queued). */
  function perform(
    p: PendingTable,
    at: number,
    kind: number,
    chain: string | null,
    policy: string | null,
    counters: { pcnt: number; bcnt: number } | null,
    cmd: ParsedCommand | null,
  ): void {
    if (o.test) return;
    if (p.ops !== null) {
      p.ops.push(new RestoreOp(at, kind, chain, policy, counters, cmd));
      return;
    }
    if (p.failed !== null) return;
    try {
      p.tx.line = at;
      runOperation(p.tx, kind, chain, policy, counters, cmd, program);
    } catch (e) {
      p.failed = { e, line: at };
    }
  }

  /** -vv: the table's lines parsed again into a queue, on a fresh working copy (the dump covers the whole batch). */
  const requeue = (p: PendingTable, commitAt: number): PendingTable => {
    for (const name of p.announcedHere) announced.delete(name);
    const tx = new Transaction(p.tx.original, env, p.bodyLine);
    tx.lastFn = p.lastFn;
    const q: PendingTable = { ...p, tx, ops: [], failed: null, announcedHere: [] };
    const first = tableOp(p.bodyLine);
    if (first) q.ops!.push(first);
    let at = p.bodyLine;
    for (let from = p.bodyAt; from < commitAt; ) {
      const nl = input.indexOf("\n", from);
      const to = nl < 0 ? input.length : nl + 1;
      at++;
      const c = input.charCodeAt(from);
      if (c === 10 /* \n */ || c === 35 /* # */) {
        // blank line or comment
      } else if (c === 58 /* : */) {
        chainLine(q, from, to, at);
      } else {
        ruleLine(q, from, to, at, true);
      }
      from = to;
    }
    return q;
  };

  const commit = (p: PendingTable): CommandResult | null => {
    if (p.ops === null) {
      if (p.failed !== null) {
        stdout += p.tx.stdout;
        const e = p.failed.e;
        if (e instanceof NftOpError) {
          const why = nftStrerror(e.fn, e.errno);
          return { stdout, stderr: `${stderr}${program}: line ${p.failed.line} failed: ${why}.\n`, status: 1 };
        }
        return fail(e, line);
      }
      stdout += p.tx.stdout;
    } else {
      let opLine = 0;
      if (hVerbose > 1) {
        p.tx.debug = new NftBatch(p.tx.original, hVerbose);
        p.tx.debug.restore = true;
        if (!fakeCache) p.tx.stdout = cacheFetchText(p.tx.original, cacheRequestOf(p.ops)) + p.tx.stdout;
      }
      try {
        for (const op of p.ops) {
          opLine = op.line;
          p.tx.line = op.line;
          runOp(p.tx, op, program);
        }
      } catch (e) {
        stdout += p.tx.stdout;
        if (e instanceof NftOpError) {
          const why = nftStrerror(e.fn, e.errno);
          return { stdout, stderr: `${stderr}${program}: line ${opLine} failed: ${why}.\n`, status: 1 };
        }
        return fail(e, line);
      }
      stdout += p.tx.stdout + (p.tx.debug?.render() ?? "");
    }
    const failures = p.tx.commit();
    if (failures.length) return fail(new KernelBatchError(failures), line);
    env.ruleset.tables.set(p.tx.work.name, p.tx.work);
    return null;
  };

  // fgets() chunks: lines keep their newline; a last line may lack it. Rule lines are split straight from the
  // input (no copy of the line).
  let next = 0;
  while (next < input.length) {
    const from = next;
    const nl = input.indexOf("\n", from);
    const to = nl < 0 ? input.length : nl + 1;
    next = to;
    line++;
    const c0 = input.charCodeAt(from);
    if (c0 === 10 /* \n */ && to === from + 1) continue;
    if (c0 === 35 /* # */) {
      if (o.verbose) stdout += input.slice(from, to);
      continue;
    }
    let ret = false;
    try {
      const commitLine =
        c0 === 67 /* C */ && input.startsWith("COMMIT", from) && (to === from + 6 || input.charCodeAt(from + 6) === 10);
      if (pending && commitLine) {
        if (!o.test) {
          if (pending.ops === null && hVerbose > 1) {
            pending = requeue(pending, from);
            lastTx = pending.tx;
          }
          const r = commit(pending);
          if (r) return r;
        }
        pending = null;
        ret = true;
      } else if (c0 === 42 /* * */ && !pending) {
        const buffer = input.slice(from, to);
        const table = firstToken(buffer, 1);
        if (table === undefined) throw paramError(`${program}: line ${line} table name invalid`);
        if (!findBuiltinTable(table)) throw paramError(`${program}: line ${line} table name '${table}' invalid`);
        curTable = table;
        if (o.table !== undefined && o.table !== table) continue;
        const original = env.ruleset.table(table)!;
        const tx = new Transaction(original, env, line);
        // One process: nft_fn carries over from the tables committed before.
        tx.lastFn = lastTx?.lastFn ?? null;
        lastTx = tx;
        pending = { tx, ops: null, failed: null, bodyAt: to, bodyLine: line, lastFn: tx.lastFn, announcedHere: [] };
        queue(pending, tableOp(line));
        ret = true;
      } else if (c0 === 58 /* : */ && pending) {
        chainLine(pending, from, to, line);
        ret = true;
      } else if (pending) {
        const r = ruleLine(pending, from, to, line, false);
        if (r !== null) return r;
        ret = true;
      }
    } catch (e) {
      return fail(e, line);
    }
    if (o.table !== undefined && curTable !== null && o.table !== curTable) continue;
    if (!ret) return { stdout, stderr: `${stderr}${program}: line ${line} failed\n`, status: 1 };
  }
  if (pending) return { stdout, stderr: `${stderr}${program}: COMMIT expected at line ${line + 1}\n`, status: 1 };
  return { stdout, stderr, status: 0 };
}

/**
 * A flat copy of a long name: a slice of the input keeps all of it alive, and sorting (iptables-save lists user
 * chains in strcmp order) compares slices several times slower.
 */
function ownString(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** The first index at or after `i` (below `to`) that is not a space, tab or newline. */
function skipBlanks(s: string, i: number, to: number): number {
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10) break;
    i++;
  }
  return i;
}

/** Where the word starting at `i` ends (the next space, tab or newline, or `to`). */
function wordEnd(s: string, i: number, to: number): number {
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10) break;
    i++;
  }
  return i;
}

/** The words of `s` separated by runs of space, tab and newline. */
function tokens(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10) {
      i++;
      continue;
    }
    const start = i;
    do {
      i++;
      c = s.charCodeAt(i);
    } while (i < n && c !== 32 && c !== 9 && c !== 10);
    out.push(s.slice(start, i));
  }
  return out;
}

function firstToken(s: string, from: number): string | undefined {
  return tokens(s.slice(from))[0];
}

/** parse_counters(): `[pkts:bytes]` */
function parseCounters(s: string | undefined): { pcnt: number; bcnt: number } | undefined {
  if (s?.[0] !== "[") return undefined;
  const colon = s.indexOf(":");
  if (colon < 0) return undefined;
  const p = scanUnsigned(s.slice(1, colon));
  const b = scanUnsigned(s.slice(colon + 1));
  if (p === undefined || b === undefined) return undefined;
  return { pcnt: Number(p), bcnt: Number(b) };
}
