/**
 * iptables-restore of iptables-legacy (iptables-restore.c): each `*table`
 * opens a libiptc handle (flushing the table unless --noflush), every line
 * runs do_command4 on it at once, COMMIT hands the table to the kernel.
 * libiptc and kernel failures only say `line N failed`.
 */
import { scanUnsigned } from "../../core/cnum.js";
import { ExitStatus, formatXtablesError, otherError, paramError, XtablesError } from "../../core/errors.js";
import type { ExtensionBase } from "../../extensions/api.js";
import { ch, GETOPT_END, Getopt, type LongOption } from "../getopt.js";
import { type CommandResult, type IptablesEnv, versionString } from "./commands.js";
import { LegacyExit, LegacyHandle, legacyOpen, legacyStrerror } from "./legacy.js";
import { legacyDeleteChain, legacyDoCommand, legacyFlush } from "./legacy-command.js";
import { STRERROR } from "./nft-errors.js";
import { parseCommand } from "./parse.js";
import type { RestoreArgs, RestoreOptions } from "./restore.js";
import { splitRestoreLine } from "./restore.js";

const RESTORE_OPTS: readonly LongOption[] = [
  { name: "counters", hasArg: 0, val: ch("c") },
  { name: "verbose", hasArg: 0, val: ch("v") },
  { name: "version", hasArg: 0, val: ch("V") },
  { name: "test", hasArg: 0, val: ch("t") },
  { name: "help", hasArg: 0, val: ch("h") },
  { name: "noflush", hasArg: 0, val: ch("n") },
  { name: "modprobe", hasArg: 1, val: ch("M") },
  { name: "table", hasArg: 1, val: ch("T") },
  { name: "wait", hasArg: 2, val: ch("w") },
  { name: "wait-interval", hasArg: 2, val: ch("W") },
];

function usage(name: string): string {
  return (
    `Usage: ${name} [-c] [-v] [-V] [-t] [-h] [-n] [-w secs] [-W usecs] [-T table] [-M command] [file]\n` +
    "\t   [ --counters ]\n" +
    "\t   [ --verbose ]\n" +
    "\t   [ --version]\n" +
    "\t   [ --test ]\n" +
    "\t   [ --help ]\n" +
    "\t   [ --noflush ]\n" +
    "\t   [ --wait=<seconds>\n" +
    "\t   [ --table=<TABLE> ]\n" +
    "\t   [ --modprobe=<command> ]\n"
  );
}

/** sscanf(s, "%i") / "%u": the value, or undefined when nothing converts. */
function scanNumber(s: string, base: number): bigint | undefined {
  const t = s.replace(/^[ \t\n\v\f\r]+/, "");
  const neg = t[0] === "-";
  const body = t[0] === "-" || t[0] === "+" ? t.slice(1) : t;
  let digits: RegExpExecArray | null;
  let v: bigint;
  if (base === 0 && /^0[xX][0-9a-fA-F]/.test(body)) {
    digits = /^0[xX]([0-9a-fA-F]+)/.exec(body);
    v = BigInt(`0x${digits![1]}`);
  } else if (base === 0 && body[0] === "0") {
    digits = /^0([0-7]*)/.exec(body);
    v = digits![1] ? BigInt(`0o${digits![1]}`) : 0n;
  } else {
    digits = /^[0-9]+/.exec(body);
    if (!digits) return undefined;
    v = BigInt(digits[0]);
  }
  return neg ? -v : v;
}

/** Options, plus what parsing them already printed (getopt complaints, notices). */
export interface LegacyRestoreOptions extends RestoreOptions {
  stderr?: string;
}

/** Parses iptables-legacy-restore's own options. */
export function parseLegacyRestoreArgs(args: readonly string[], program: string): RestoreArgs {
  const argv = [program, ...args];
  const g = new Getopt(argv, "bcvVthnwWM:T:");
  g.printErrors = true;
  const o: LegacyRestoreOptions = {};
  let stderr = "";
  let wait = 0;
  let intervalSet = false;
  const version = versionString("legacy");
  const hasArg = () => g.optind < argv.length && argv[g.optind]![0] !== "-" && argv[g.optind]![0] !== "!";
  // basic_exit_err() with the global line counter still at 0.
  const fail = (msg: string): RestoreArgs => ({
    kind: "exit",
    result: {
      stdout: "",
      stderr: stderr + formatXtablesError(paramError(msg), program, version, 0),
      status: ExitStatus.Parameter,
    },
  });
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
        return {
          kind: "exit",
          result: { stdout: `${program} v${version}\n`, stderr, status: 0 },
        };
      case ch("t"):
        o.test = true;
        break;
      case ch("h"):
        return {
          kind: "exit",
          result: { stdout: "", stderr: stderr + usage(program), status: 0 },
        };
      case ch("n"):
        o.noflush = true;
        break;
      case ch("w"): {
        // parse_wait_time()
        const arg = g.optarg ?? (hasArg() ? argv[g.optind++]! : null);
        wait = -1;
        if (arg !== null) {
          const v = scanNumber(arg, 0);
          if (v === undefined) return fail("wait seconds not numeric");
          wait = Number(BigInt.asIntN(32, v));
        }
        break;
      }
      case ch("W"): {
        // parse_wait_interval()
        const arg = g.optarg ?? (hasArg() ? argv[g.optind++]! : null);
        if (arg === null) return fail("wait interval value required");
        const v = scanNumber(arg, 10);
        if (v === undefined) return fail("wait interval not numeric");
        const usec = BigInt.asUintN(32, v);
        if (usec > 999999n) return fail(`too long usec wait ${usec} > 999999 usec`);
        stderr += "Ignoring deprecated --wait-interval option.\n";
        intervalSet = true;
        break;
      }
      case ch("M"):
        break;
      case ch("T"):
        o.table = g.optarg!;
        break;
      default:
        return {
          kind: "exit",
          result: {
            stdout: "",
            stderr: `${stderr}Try \`${program} -h' for more information.\n`,
            status: 1,
          },
        };
    }
  }
  let input: { kind: "stdin" } | { kind: "file"; path: string } = {
    kind: "stdin",
  };
  if (g.optind === argv.length - 1) input = { kind: "file", path: argv[g.optind]! };
  else if (g.optind < argv.length) {
    return {
      kind: "exit",
      result: {
        stdout: "",
        stderr: `${stderr}Unknown arguments found on commandline\n`,
        status: 1,
      },
    };
  }
  if (intervalSet && !wait) {
    return {
      kind: "exit",
      result: {
        stdout: "",
        stderr: `${stderr}Option --wait-interval requires option --wait\n`,
        status: 1,
      },
    };
  }
  if (stderr) o.stderr = stderr;
  return { kind: "run", options: o, input };
}

/** fgets() into a 10240-byte buffer: lines keep their newline, long ones come in pieces. */
function fgetsLines(input: string): string[] {
  const out: string[] = [];
  const max = 10239;
  let start = 0;
  while (start < input.length) {
    const nl = input.indexOf("\n", start);
    const end = nl < 0 ? input.length : nl + 1;
    for (let i = start; i < end; i += max) out.push(input.slice(i, Math.min(end, i + max)));
    start = end;
  }
  return out;
}

/** strtok() over a string: the tokens separated by any of `delims`. */
function strtokAll(s: string, delims: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const c of s) {
    if (delims.includes(c)) {
      if (cur) out.push(cur);
      cur = "";
    } else cur += c;
  }
  if (cur) out.push(cur);
  return out;
}

/** tokenize_rule_counters(): `[pkts:bytes]` ahead of a rule line. */
function ruleCounters(buffer: string, line: number): { rest: string; pcnt?: string; bcnt?: string } {
  if (buffer[0] !== "[") return { rest: buffer };
  const close = buffer.indexOf("]");
  if (close < 0) throw paramError(`Bad line ${line}: need ]`);
  // strtok(buffer + 1, ":") then strtok(NULL, "]")
  const s = buffer.slice(1);
  let i = 0;
  while (i < s.length && s[i] === ":") i++;
  if (i >= s.length) throw paramError(`Bad line ${line}: need :`);
  let j = i;
  while (j < s.length && s[j] !== ":") j++;
  const pcnt = s.slice(i, j);
  let k = j < s.length ? j + 1 : j;
  while (k < s.length && s[k] === "]") k++;
  if (k >= s.length) throw paramError(`Bad line ${line}: need ]`);
  let m = k;
  while (m < s.length && s[m] !== "]") m++;
  return { rest: buffer.slice(close + 1), pcnt, bcnt: s.slice(k, m) };
}

/** parse_counters(): sscanf "[%llu:%llu]". */
function policyCounters(s: string | undefined): { pcnt: number; bcnt: number } | undefined {
  if (s?.[0] !== "[") return undefined;
  const colon = s.indexOf(":");
  if (colon < 0) return undefined;
  const p = scanUnsigned(s.slice(1, colon));
  const b = scanUnsigned(s.slice(colon + 1));
  if (p === undefined || b === undefined) return undefined;
  return { pcnt: Number(p), bcnt: Number(b) };
}

/** ip46tables_restore_main() after option parsing. */
export function runLegacyRestore(
  env: IptablesEnv,
  input: string,
  o: LegacyRestoreOptions,
  program = "iptables-restore",
): CommandResult {
  const version = versionString("legacy");
  let stdout = "";
  let stderr = o.stderr ?? "";
  let handle: LegacyHandle | null = null;
  let inTable = false;
  let curtable = "";
  let line = 0;
  const announced = new Set<string>();
  const loaded = new Set<ExtensionBase<any>>();
  const take = (): void => {
    if (handle) {
      stdout += handle.stdout;
      handle.stdout = "";
    }
  };

  for (const buffer of fgetsLines(input)) {
    line++;
    let ret = false;
    if (buffer[0] === "\n") continue;
    if (buffer[0] === "#") {
      if (o.verbose) stdout += buffer;
      continue;
    }
    try {
      if (buffer === "COMMIT\n" && inTable) {
        ret = o.test ? true : handle!.commit();
        handle = null;
        inTable = false;
      } else if (buffer[0] === "*" && !inTable) {
        const table = strtokAll(buffer.slice(1), " \t\n")[0];
        if (table === undefined) throw paramError(`${program}: line ${line} table name invalid`);
        curtable = table.slice(0, 32);
        if (o.table !== undefined && o.table !== table) continue;
        const opened = legacyOpen(env, table);
        if (!(opened instanceof LegacyHandle)) throw paramError(`${program}: unable to initialize table '${table}'`);
        handle = opened;
        if (!o.noflush) {
          legacyFlush(handle, null, (o.verbose ?? 0) > 0);
          legacyDeleteChain(handle, null, (o.verbose ?? 0) > 0);
          take();
        }
        ret = true;
        inTable = true;
      } else if (buffer[0] === ":" && inTable) {
        const h = handle!;
        const toks = strtokAll(buffer.slice(1), " \t\n");
        const chain = toks[0];
        if (chain === undefined) throw paramError(`${program}: line ${line} chain name invalid`);
        if (chain.length >= 29) throw paramError(`Invalid chain name \`${chain}' (28 chars max)`);
        if (!h.builtin(chain)) {
          if (o.noflush && h.isChain(chain)) {
            if (!h.flush(chain)) throw paramError(`error flushing chain '${chain}':${STRERROR[h.errno]}`);
          } else if (!h.createChain(chain)) {
            throw paramError(`error creating chain '${chain}':${STRERROR[h.errno]}`);
          }
        }
        const policy = toks[1];
        if (policy === undefined) throw paramError(`${program}: line ${line} policy invalid`);
        if (policy !== "-") {
          let count = { pcnt: 0, bcnt: 0 };
          if (o.counters) {
            const c = policyCounters(toks[2]);
            if (!c) throw paramError(`invalid policy counters for chain '${chain}'`);
            count = c;
          }
          if (!h.setPolicy(chain, policy, count)) {
            throw otherError(
              `Can't set policy \`${policy}' on \`${chain}' line ${line}: ${legacyStrerror(h.fn, h.errno)}`,
            );
          }
        }
        announced.add(chain);
        ret = true;
      } else if (inTable) {
        const h = handle!;
        const argv = [program, "-t", curtable];
        if (!o.noflush) for (let i = 0; i < (o.verbose ?? 0); i++) argv.push("-v");
        const { rest, pcnt, bcnt } = ruleCounters(buffer, line);
        if (o.counters && pcnt !== undefined && bcnt !== undefined) argv.push("--set-counters", pcnt, bcnt);
        splitRestoreLine(rest, argv);
        const parsed = parseCommand(argv, {
          registry: env.registry,
          db: env.db,
          table: curtable,
          restore: true,
          line,
          announced,
          loaded,
        });
        stderr += parsed.warnings;
        if (parsed.kind !== "command") {
          stdout += parsed.stdout.replaceAll("@PROGRAM@", program).replaceAll("@VERSION@", version);
          return { stdout, stderr, status: 0 };
        }
        ret = legacyDoCommand(h, parsed, (w) => {
          stderr += w;
        });
        take();
      }
    } catch (e) {
      take();
      if (e instanceof LegacyExit) return { stdout, stderr: stderr + e.stderr, status: e.status };
      if (!(e instanceof XtablesError)) throw e;
      return {
        stdout,
        stderr: stderr + e.warnings + formatXtablesError(e, program, version, line),
        status: e.status,
      };
    }
    if (o.table !== undefined && o.table !== curtable) continue;
    if (!ret)
      return {
        stdout,
        stderr: `${stderr}${program}: line ${line} failed\n`,
        status: 1,
      };
  }
  if (inTable)
    return {
      stdout,
      stderr: `${stderr}${program}: COMMIT expected at line ${line + 1}\n`,
      status: 1,
    };
  return { stdout, stderr, status: 0 };
}
