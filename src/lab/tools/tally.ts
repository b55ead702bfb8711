/**
 * `tally N COMMAND [ARGS…]`: runs one of the lab's commands N times on the
 * host (the virtual clock moves on as the runs happen) and counts the
 * distinct results, as `for …; do COMMAND; done | sort | uniq -c` would:
 *
 *   $ iptwin -H node1 tally 10000 curl -s http://10.96.0.10/
 *      5027  50.27%  Hello from web-a (10.244.1.2:80)
 *      4973  49.73%  Hello from web-b (10.244.2.2:80)
 *
 * A run's result is its standard output (trailing newline dropped), or, when
 * that is empty, `exit STATUS: ` and the first line of its standard error. A
 * twin command, like `clock` and `listen`: real hosts have no such tool.
 */
import type { CommandResult } from "../../compat/iptables/commands.js";
import type { LabHost } from "../lab.js";

export const TALLY_USAGE = "usage: tally [-q] COUNT COMMAND [ARGS...]   (COUNT runs, at most 1000000)\n";

/** A lab command as tally runs it (the caller passes its command table: no import cycle). */
export type TallyRunner = (argv: string[]) => CommandResult | undefined;

export function runTally(lh: LabHost, argv: readonly string[], run: TallyRunner): CommandResult {
  const args = [...argv];
  let quiet = false;
  if (args[0] === "-q") {
    quiet = true;
    args.shift();
  }
  const [countText, ...cmd] = args;
  if (countText === undefined || !/^\d+$/.test(countText) || Number(countText) < 1 || Number(countText) > 1_000_000)
    return {
      stdout: "",
      stderr: `tally: ${countText === undefined ? "missing COUNT" : `bad COUNT '${countText}'`}\n${TALLY_USAGE}`,
      status: 2,
    };
  if (cmd.length === 0) return { stdout: "", stderr: `tally: missing COMMAND\n${TALLY_USAGE}`, status: 2 };
  if (cmd[0] === "tally") return { stdout: "", stderr: "tally: tally of tally: no\n", status: 2 };
  const n = Number(countText);
  const counts = new Map<string, number>();
  const start = lh.lab.nowNs;
  let failed = 0;
  for (let i = 0; i < n; i++) {
    const r = run(cmd);
    if (!r) return { stdout: "", stderr: `tally: ${cmd[0]}: not a command of the lab's hosts\n`, status: 2 };
    if (r.status !== 0) failed++;
    let key = r.stdout.replace(/\n$/, "");
    if (key === "") key = `exit ${r.status}: ${r.stderr.split("\n")[0] ?? ""}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let out = "";
  for (const k of keys) {
    const c = counts.get(k)!;
    const pct = `${((100 * c) / n).toFixed(2)}%`;
    const text = k.includes("\n") ? `${k.split("\n")[0]} …` : k;
    out += `${String(c).padStart(7)} ${pct.padStart(7)}  ${text}\n`;
  }
  const secs = ((lh.lab.nowNs - start) / 1e9).toFixed(3);
  const summary = `tally: ${n} runs of ${cmd[0]} in ${secs}s of virtual time, ${counts.size} distinct result${counts.size === 1 ? "" : "s"}${failed ? `, ${failed} failed` : ""}\n`;
  return { stdout: out, stderr: quiet ? "" : summary, status: failed ? 1 : 0 };
}
