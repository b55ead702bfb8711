/**
 * Runs shell scripts against a twin host: the commands of the host
 * (iptables, iptables-save, iptables-restore, …) with variables and
 * redirections, one result per simple command.
 */

import type { Host } from "../host.js";
import { runConntrack } from "./conntrack-tool.js";
import { ip6tablesRefusal, isIp6tablesName } from "./ip6tables.js";
import type { CommandResult } from "./iptables/commands.js";
import { runSend, runTrace } from "./send.js";
import {
  expandCommand,
  parseScript,
  type RawCommand,
  ShellExpansionError,
  ShellSyntaxError,
  type SimpleCommand,
} from "./shell.js";
import { TEXT_FILTERS } from "./text-filters.js";

/** Files a script reads and writes (`<`, `>`, restore FILE, save -f). */
export interface ShellIO {
  readFile(path: string): string;
  writeFile(path: string, data: string, append: boolean): void;
}

export interface ShellResult {
  cmd: string;
  stdout: string;
  stderr: string;
  status: number;
}

/** An in-memory file system for scripts run without a real one. */
export class MemoryIO implements ShellIO {
  readonly files = new Map<string, string>();

  readFile(path: string): string {
    const f = this.files.get(path);
    if (f === undefined) {
      const e = new Error(`ENOENT: ${path}`) as Error & { code: string };
      e.code = "ENOENT";
      throw e;
    }
    return f;
  }

  writeFile(path: string, data: string, append: boolean): void {
    this.files.set(path, append ? (this.files.get(path) ?? "") + data : data);
  }
}

export type CommandHandler = (argv: string[], stdin: string, session: ShellSession) => CommandResult;

function nameOf(argv0: string): string {
  const slash = argv0.lastIndexOf("/");
  return slash >= 0 ? argv0.slice(slash + 1) : argv0;
}

/** Called for every new session: other modules add their commands (src/lab adds ping, nc, service, …). */
export const SESSION_HOOKS: Array<(session: ShellSession) => void> = [];

export class ShellSession {
  readonly vars = new Map<string, string>();
  /** Extra commands (the CLI adds its own). */
  readonly commands = new Map<string, CommandHandler>();
  lastStatus = 0;
  private lineNo = 0;
  /** set -e, set -u, set -x. */
  private errexit = false;
  private nounset = false;
  private xtrace = false;
  /** `exit` ran (or set -e / a failed expansion stopped the script): nothing more runs. */
  private exited = false;

  constructor(
    readonly host: Host,
    readonly io: ShellIO = new MemoryIO(),
  ) {
    // A script run with no arguments: $# is 0 ($1… and $@ stay empty).
    this.vars.set("#", "0");
    const flavour = host.flavour === "nft" ? "nft" : "legacy";
    const ipt: CommandHandler = (argv) => host.iptables(argv.slice(1));
    const save: CommandHandler = (argv) => {
      const r = host.iptablesSave(argv.slice(1));
      // -f FILE: the output goes to that file instead of stdout.
      if (r.file !== undefined) {
        this.io.writeFile(r.file, r.stdout, false);
        return { stdout: "", stderr: r.stderr, status: r.status };
      }
      return r;
    };
    const restore: CommandHandler = (argv, stdin) =>
      host.iptablesRestore(argv.slice(1), stdin, (p) => this.io.readFile(p));
    for (const base of ["iptables", `iptables-${flavour}`]) {
      this.commands.set(base, ipt);
      this.commands.set(`${base}-save`, save);
      this.commands.set(`${base}-restore`, restore);
    }
    this.commands.set("send", (argv, stdin) => runSend(host, argv.slice(1), stdin));
    this.commands.set("trace", (argv) => runTrace(host, argv.slice(1)));
    this.commands.set("conntrack", (argv) => runConntrack(host.conntrack(), argv.slice(1), Number(host.elapsedNs)));
    this.commands.set("ip", (argv) => host.ip(argv.slice(1)));
    this.commands.set("sysctl", (argv) => host.sysctl(argv.slice(1), (p) => this.io.readFile(p)));
    this.commands.set("true", () => ({ stdout: "", stderr: "", status: 0 }));
    this.commands.set("false", () => ({ stdout: "", stderr: "", status: 1 }));
    this.commands.set(":", () => ({ stdout: "", stderr: "", status: 0 }));
    this.commands.set("set", (argv) => this.runSet(argv));
    this.commands.set("exit", (argv) => this.runExit(argv));
    this.commands.set("echo", (argv) => {
      let args = argv.slice(1);
      let nl = true;
      if (args[0] === "-n") {
        nl = false;
        args = args.slice(1);
      }
      return { stdout: args.join(" ") + (nl ? "\n" : ""), stderr: "", status: 0 };
    });
    this.commands.set("export", (argv) => {
      for (const a of argv.slice(1)) {
        const eq = a.indexOf("=");
        if (eq > 0) this.vars.set(a.slice(0, eq), a.slice(eq + 1));
      }
      return { stdout: "", stderr: "", status: 0 };
    });
    for (const [name, filter] of TEXT_FILTERS) this.commands.set(name, (argv, stdin) => filter(argv, stdin));
    for (const hook of SESSION_HOOKS) hook(this);
  }

  /** Runs a whole script; returns one result per simple command run. */
  run(script: string): ShellResult[] {
    const results: ShellResult[] = [];
    let lists: ReturnType<typeof parseScript>;
    try {
      lists = parseScript(script);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        this.lastStatus = 2;
        this.vars.set("?", "2");
        return [{ cmd: "", stdout: "", stderr: `iptwin: line ${e.line}: ${e.message}\n`, status: 2 }];
      }
      throw e;
    }
    this.exited = false;
    for (const list of lists) {
      if (this.exited) break;
      this.lineNo = list.line;
      let status = this.lastStatus;
      let first = true;
      let last = -1;
      for (let i = 0; i < list.items.length && !this.exited; i++) {
        const { op, cmd, pipe } = list.items[i]!;
        if (!first && ((op === "&&" && status !== 0) || (op === "||" && status === 0))) continue;
        first = false;
        last = i;
        let r: ShellResult | undefined;
        try {
          r = this.runTraced(cmd, undefined, results);
          // A pipeline: each stage reads the previous one's output; the status is the last stage's.
          for (const stage of pipe) {
            const next = this.runTraced(stage, r?.stdout ?? "", results);
            const stderr = (r?.stderr ?? "") + (next?.stderr ?? "");
            r = next
              ? { ...next, cmd: list.text.trim(), stderr }
              : { cmd: list.text.trim(), stdout: "", stderr, status: 0 };
          }
        } catch (e) {
          if (!(e instanceof ShellExpansionError)) throw e;
          // sh stops a script at a failed expansion (set -u, ${X?}), status 1.
          r = { cmd: list.text.trim(), stdout: "", stderr: `iptwin: line ${this.lineNo}: ${e.message}\n`, status: 1 };
          this.exited = true;
        }
        if (r) {
          results.push(r);
          status = r.status;
        } else status = 0;
        // `a || echo $?` sees a's status: $? follows every pipeline, not only whole lines.
        this.vars.set("?", String(status));
      }
      this.lastStatus = status;
      this.vars.set("?", String(status));
      // set -e: a failure stops the script unless it was the left side of && or ||.
      if (this.errexit && status !== 0 && last === list.items.length - 1) this.exited = true;
    }
    return results;
  }

  /** Expands and runs one command; under set -x its `+ words` line is a result of its own, before it. */
  private runTraced(cmd: RawCommand, piped: string | undefined, results: ShellResult[]): ShellResult | undefined {
    const c = expandCommand(cmd, this.vars, this.nounset);
    if (this.xtrace) {
      const words = [...c.assignments.map(([k, v]) => `${k}=${xtraceQuote(v)}`), ...c.argv.map(xtraceQuote)];
      results.push({ cmd: c.text.trim(), stdout: "", stderr: `+ ${words.join(" ")}\n`, status: 0 });
    }
    return this.runSimple(c, piped);
  }

  /** `set [-+]eux…` and `set [-+]o errexit|nounset|xtrace`. */
  private runSet(argv: readonly string[]): CommandResult {
    const flags: Record<string, "errexit" | "nounset" | "xtrace"> = { e: "errexit", u: "nounset", x: "xtrace" };
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i]!;
      const on = a[0] === "-";
      if ((a === "-o" || a === "+o") && i + 1 < argv.length) {
        const name = argv[++i]!;
        if (name !== "errexit" && name !== "nounset" && name !== "xtrace")
          return {
            stdout: "",
            stderr: `iptwin: line ${this.lineNo}: set: ${name}: not supported by iptwin shell\n`,
            status: 2,
          };
        this[name] = on;
        continue;
      }
      if (a === "--" || a === "-") break;
      if ((a[0] !== "-" && a[0] !== "+") || a.length < 2) {
        return {
          stdout: "",
          stderr: `iptwin: line ${this.lineNo}: set: positional parameters are not supported by iptwin shell\n`,
          status: 2,
        };
      }
      for (const ch of a.slice(1)) {
        const name = flags[ch];
        if (!name)
          return {
            stdout: "",
            stderr: `iptwin: line ${this.lineNo}: set: ${a[0]}${ch}: not supported by iptwin shell\n`,
            status: 2,
          };
        this[name] = on;
      }
    }
    return { stdout: "", stderr: "", status: 0 };
  }

  /** `exit [N]`: the script ends with N (mod 256), or with the last status. */
  private runExit(argv: readonly string[]): CommandResult {
    this.exited = true;
    const arg = argv[1];
    if (arg === undefined) return { stdout: "", stderr: "", status: Number(this.vars.get("?") ?? 0) };
    if (!/^[+-]?[0-9]+$/.test(arg))
      return {
        stdout: "",
        stderr: `iptwin: line ${this.lineNo}: exit: ${arg}: numeric argument required\n`,
        status: 2,
      };
    return { stdout: "", stderr: "", status: ((Number(arg) % 256) + 256) % 256 };
  }

  private runSimple(c: SimpleCommand, piped?: string): ShellResult | undefined {
    if (c.argv.length === 0) {
      for (const [k, v] of c.assignments) this.vars.set(k, v);
      return undefined;
    }
    let stdin = piped ?? "";
    for (const r of c.redirects) {
      if (r.fd !== 0) continue;
      if (r.kind === "<<") stdin = r.target;
      else if (r.kind === "<") {
        try {
          stdin = this.io.readFile(r.target);
        } catch {
          return {
            cmd: c.text,
            stdout: "",
            stderr: `iptwin: line ${this.lineNo}: ${r.target}: No such file or directory\n`,
            status: 1,
          };
        }
      }
    }
    const name = nameOf(c.argv[0]!);
    const handler = this.commands.get(name);
    let res: CommandResult;
    if (!handler && isIp6tablesName(name)) res = ip6tablesRefusal(name);
    else if (!handler)
      res = { stdout: "", stderr: `iptwin: line ${this.lineNo}: ${c.argv[0]}: command not found\n`, status: 127 };
    else res = handler([name, ...c.argv.slice(1)], stdin, this);
    let { stdout, stderr } = res;
    for (const r of c.redirects) {
      if (r.fd === 0) continue;
      const data = r.fd === 1 ? stdout : stderr;
      if (r.kind === ">&") {
        if (r.target === "1" && r.fd === 2) {
          stdout += stderr;
          stderr = "";
        } else if (r.target === "2" && r.fd === 1) {
          stderr += stdout;
          stdout = "";
        }
        continue;
      }
      if (r.target !== "/dev/null") this.io.writeFile(r.target, data, r.kind === ">>");
      if (r.fd === 1) stdout = "";
      else stderr = "";
    }
    return { cmd: c.text, stdout, stderr, status: res.status };
  }
}

/** A word as set -x prints it: bare when it needs no quoting, else in single quotes. */
function xtraceQuote(w: string): string {
  if (w !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(w)) return w;
  return `'${w.replaceAll("'", "'\\''")}'`;
}
