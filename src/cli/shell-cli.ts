/**
 * `iptwin shell` for the CLI, on a single twin or on one lab host: the script runs in a
 * ShellSession whose files are the real ones, and its output goes out command by command.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CommandResult } from "../compat/iptables/commands.js";
import { type ShellIO, ShellSession } from "../compat/session.js";
import type { Host } from "../host.js";

/** The shell's files: paths relative to the current directory. */
export function realIO(): ShellIO {
  return {
    readFile: (p) => readFileSync(resolve(p), "utf8"),
    writeFile: (p, data, append) => (append ? appendFileSync(resolve(p), data) : writeFileSync(resolve(p), data)),
  };
}

/**
 * Runs `script`. With `json`, one {"cmd","stdout","stderr","status"} line per command is the
 * result; otherwise each command's output is written as it comes (streams keep their order per
 * stream; interleaving is by command) and the status is the script's.
 */
export function runShellScript(host: Host, io: ShellIO, script: string, json: boolean): CommandResult {
  const session = new ShellSession(host, io);
  const results = session.run(script);
  if (json) {
    const stdout = results
      .map((r) => `${JSON.stringify({ cmd: r.cmd, stdout: r.stdout, stderr: r.stderr, status: r.status })}\n`)
      .join("");
    return { stdout, stderr: "", status: 0 };
  }
  for (const r of results) {
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
  }
  return { stdout: "", stderr: "", status: session.lastStatus };
}
