/**
 * iptables-restore (xtables-restore.c, nf_tables build): per-table
 * transactions committed at COMMIT, parse errors stop at once, prepare and
 * kernel errors report the failing line; a failed table is left untouched.
 */
import { ExitStatus, paramError, XtablesError } from "../../core/errors.js";
import { scanUnsigned } from "../../core/cnum.js";
import { findBuiltinTable, hookOfBuiltin, newTable, type Table } from "../../engine/ruleset.js";
import { ch, Getopt, GETOPT_END, type LongOption } from "../getopt.js";
import {
  applyCommand,
  type CommandResult,
  errorStatus,
  errorText,
  type IptablesEnv,
  KernelBatchError,
  prepareCommand,
  Transaction,
  versionString,
} from "./commands.js";
import { NftOpError, nftStrerror } from "./nft-errors.js";
import { CacheRequest, cacheFetchText, commandCacheRequest, NftBatch } from "./nft-debug.js";
import { assertValidChainName, parseCommand } from "./parse.js";
import { parseLegacyRestoreArgs, runLegacyRestore } from "./legacy-restore.js";
import type { ExtensionBase } from "../../extensions/api.js";

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
        return { kind: "exit", result: { stdout: "", stderr: `${stderr}Try \`${program} -h' for more information.\n`, status: 1 } };
    }
  }
  if (g.optind === argv.length - 1) return { kind: "run", options: o, input: { kind: "file", path: argv[g.optind]! } };
  if (g.optind < argv.length) {
    return { kind: "exit", result: { stdout: "", stderr: `${stderr}Unknown arguments found on commandline\n`, status: 1 } };
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
export function splitRestoreLine(s: string, out: string[]): void {
  const n = s.length;
  let param = "";
  let has = false;
  let i = 0;
  const push = () => {
    if (param.length > 1023) throw paramError("Parameter too long!");
    if (out.length + 1 >= 255) throw paramError("Parser cannot handle more arguments");
    out.push(param);
    param = "";
    has = false;
  };
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
          push();
          break;
        }
        i++;
      }
      continue;
    }
    if (c === 32 || c === 9 || c === 10) {
      if (param.length || has) push();
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const d = s.charCodeAt(i);
      if (d === 32 || d === 9 || d === 10 || d === 34) break;
      i++;
    }
    param += s.slice(start, i);
    has = true;
  }
  if (param.length) push();
}

interface PendingTable {
  tx: Transaction;
  /** Deferred operations: run at COMMIT in order (nft_prepare). */
  ops: Array<{ line: number; run: () => void }>;
  /** What the cache fetches at COMMIT (printed with -vv). */
  req: CacheRequest;
}

/**
 * Restores `input` into env.ruleset. Tables committed before an error stay
 * committed; the table being restored when it fails is left as it was.
 */
export function runRestore(env: IptablesEnv, input: string, o: RestoreOptions, program = "iptables-restore", now?: number): CommandResult {
  if (env.flavour === "legacy") return runLegacyRestore(env, input, o, program);
  void now;
  const version = versionString(env.flavour);
  let stdout = "";
  let stderr = "";
  let line = 0;
  let pending: PendingTable | null = null;
  let lastTx: Transaction | null = null;
  let curTable: string | null = null;
  const announced = new Set<string>();
  const loaded = new Set<ExtensionBase<any>>();
  /** h->verbose: each rule line's own -v count (restore adds its -v to them unless --noflush). */
  let hVerbose = 0;
  /** NFT_CL_FAKE: a plain restore that flushes never fetches the rule cache. */
  const fakeCache = !o.verbose && !o.noflush;

  const fail = (e: unknown, atLine: number): CommandResult => ({
    stdout,
    stderr: stderr + (e instanceof XtablesError ? e.warnings : "") + errorText(e, program, version, atLine),
    status: errorStatus(e),
  });

  const commit = (p: PendingTable): CommandResult | null => {
    let opLine = 0;
    if (hVerbose > 1) {
      p.tx.debug = new NftBatch(p.tx.original, hVerbose);
      p.tx.debug.restore = true;
      if (!fakeCache) p.tx.stdout = cacheFetchText(p.tx.original, p.req) + p.tx.stdout;
    }
    try {
      for (const op of p.ops) {
        opLine = op.line;
        p.tx.line = op.line;
        op.run();
      }
    } catch (e) {
      stdout += p.tx.stdout;
      if (e instanceof NftOpError) {
        return { stdout, stderr: `${stderr}${program}: line ${opLine} failed: ${nftStrerror(e.fn, e.errno)}.\n`, status: 1 };
      }
      return fail(e, line);
    }
    stdout += p.tx.stdout + (p.tx.debug?.render() ?? "");
    const failures = p.tx.commit();
    if (failures.length) return fail(new KernelBatchError(failures), line);
    env.ruleset.tables.set(p.tx.work.name, p.tx.work);
    return null;
  };

  const lines = splitLines(input);
  for (const raw of lines) {
    line++;
    const buffer = raw;
    if (buffer === "\n") continue;
    if (buffer[0] === "#") {
      if (o.verbose) stdout += buffer;
      continue;
    }
    let ret = false;
    try {
      if (pending && buffer.startsWith("COMMIT") && (buffer.length === 6 || buffer[6] === "\n")) {
        if (!o.test) {
          const r = commit(pending);
          if (r) return r;
        }
        pending = null;
        ret = true;
      } else if (buffer[0] === "*" && !pending) {
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
        pending = { tx, ops: [], req: new CacheRequest() };
        if (!o.noflush && o.verbose) {
          // nft_cmd_table_flush() verbose: a rule flush and a chain delete of every chain
          pending.req.add(false, null);
          pending.req.add(true, null);
          pending.ops.push({
            line,
            run: () => {
              tx.flush(null, true);
              tx.deleteChain(null, true);
            },
          });
        } else if (!o.noflush) {
          const def = findBuiltinTable(table)!;
          pending.ops.push({
            line,
            run: () => {
              // nft_table_flush(): the table is deleted and recreated on demand.
              tx.lastFn = "table_flush";
              tx.debug?.tableFlush();
              tx.tableCached = false;
              const fresh: Table = newTable(def, false);
              tx.work.exists = false;
              tx.work.chains = fresh.chains;
              tx.cachedPolicy.clear();
              tx.work.foreign = undefined;
            },
          });
        }
        ret = true;
      } else if (buffer[0] === ":" && pending) {
        const toks = tokens(buffer.slice(1));
        const chain = toks[0];
        if (chain === undefined) throw paramError(`${program}: line ${line} chain name invalid`);
        announced.add(chain);
        assertValidChainName(chain, env.registry, announced);
        const policy = toks[1];
        if (policy === undefined) throw paramError(`${program}: line ${line} policy invalid`);
        const tx = pending.tx;
        const builtin = findBuiltinTable(tx.work.name)!.hooks.includes(hookOfBuiltin(chain));
        if (builtin) {
          let counters = { pcnt: 0, bcnt: 0 };
          if (o.counters) {
            const c = parseCounters(toks[2]);
            if (!c) throw paramError(`invalid policy counters for chain '${chain}'`);
            counters = c;
          }
          pending.ops.push({ line, run: () => tx.setPolicy(chain, policy, counters) });
        } else {
          pending.ops.push({ line, run: () => tx.restoreChain(chain) });
        }
        pending.req.add(false, chain);
        ret = true;
      } else if (pending) {
        let rest = buffer;
        let pc: string | undefined;
        let bc: string | undefined;
        if (rest[0] === "[") {
          const close = rest.indexOf("]");
          if (close < 0) throw paramError(`Bad line ${line}: need ]`);
          const inner = rest.slice(1, close);
          const colon = inner.indexOf(":");
          const parts = inner.split(":").filter((x) => x !== "");
          if (parts.length === 0) throw paramError(`Bad line ${line}: need :`);
          if (colon < 0 || parts.length < 2) throw paramError(`Bad line ${line}: need ]`);
          pc = parts[0];
          bc = parts[1];
          rest = rest.slice(close + 1);
        }
        const argv = [program, "-t", pending.tx.work.name];
        if (!o.noflush) for (let i = 0; i < (o.verbose ?? 0); i++) argv.push("-v");
        if (o.counters && pc !== undefined && bc !== undefined) argv.push("--set-counters", pc, bc);
        splitRestoreLine(rest, argv);
        const parsed = parseCommand(argv, {
          registry: env.registry,
          db: env.db,
          table: pending.tx.work.name,
          restore: true,
          line,
          announced,
          loaded,
        });
        if (parsed.kind !== "command") {
          stdout += parsed.stdout.replaceAll("@PROGRAM@", program).replaceAll("@VERSION@", version);
          return { stdout, stderr: stderr + parsed.warnings, status: 0 };
        }
        stderr += parsed.warnings;
        hVerbose = parsed.verbose;
        if (!findBuiltinTable(parsed.table)) {
          throw new XtablesError(ExitStatus.Version, `table '${parsed.table}' does not exist`, "version");
        }
        const prepared = prepareCommand(parsed);
        commandCacheRequest(pending.req, prepared);
        const tx = pending.tx;
        pending.ops.push({ line, run: () => applyCommand(tx, prepared, program) });
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

/** fgets() chunks: lines keep their newline; a last line may lack it. */
function splitLines(input: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (;;) {
    const nl = input.indexOf("\n", start);
    if (nl < 0) {
      if (start < input.length) out.push(input.slice(start));
      break;
    }
    out.push(input.slice(start, nl + 1));
    start = nl + 1;
  }
  return out;
}

function tokens(s: string): string[] {
  return s.split(/[ \t\n]+/).filter((t) => t.length > 0);
}

function firstToken(s: string, from: number): string | undefined {
  return tokens(s.slice(from))[0];
}

/** parse_counters(): `[pkts:bytes]` */
function parseCounters(s: string | undefined): { pcnt: number; bcnt: number } | undefined {
  if (!s || s[0] !== "[") return undefined;
  const colon = s.indexOf(":");
  if (colon < 0) return undefined;
  const p = scanUnsigned(s.slice(1, colon));
  const b = scanUnsigned(s.slice(colon + 1));
  if (p === undefined || b === undefined) return undefined;
  return { pcnt: Number(p), bcnt: Number(b) };
}
