/**
 * Runs an example of examples/ through the library: its run.sh, line by line
 * (`iptwin lab up "$HERE/lab.yaml"` builds the lab, `iptwin -H HOST COMMAND…`
 * runs the command in that host's shell), keeping every command's output.
 * run.sh stays the one source of the commands: the CLI runs the same lines.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MemoryIO, ShellSession } from "../../src/compat/session.js";
import { labFromFile } from "../../src/lab/build.js";
import { hostIO } from "../../src/lab/commands.js";
import type { Lab } from "../../src/lab/lab.js";

export const EXAMPLES_DIR = new URL("../../examples/", import.meta.url).pathname;

export interface Step {
  /** 1-based line of run.sh */
  line: number;
  host: string;
  /** The command as run on the host (after `iptwin -H HOST `). */
  cmd: string;
  stdout: string;
  stderr: string;
  status: number;
}

export interface ExampleRun {
  lab: Lab;
  steps: Step[];
  /** The step whose command is exactly `HOST COMMAND` (the n-th such, from 0; negative counts from the end). */
  step(hostAndCmd: string, nth?: number): Step;
}

export function runExample(name: string): ExampleRun {
  const dir = join(EXAMPLES_DIR, name);
  const script = readFileSync(join(dir, "run.sh"), "utf8").split("\n");
  let lab: Lab | undefined;
  const sessions = new Map<string, ShellSession>();
  const steps: Step[] = [];
  script.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(". ")) return;
    const up = /^iptwin lab up "\$HERE\/([^"]+)"$/.exec(line);
    if (up) {
      const file = join(dir, up[1]!);
      lab = labFromFile(file, readFileSync(file, "utf8"), { readFile: (p) => readFileSync(join(dir, p), "utf8") });
      return;
    }
    const m = /^iptwin -H (\S+) (.+)$/.exec(line);
    if (!m) throw new Error(`${name}/run.sh:${i + 1}: not an 'iptwin -H HOST …' line: ${line}`);
    if (!lab) throw new Error(`${name}/run.sh:${i + 1}: a command before 'iptwin lab up'`);
    const [, host, cmd] = m as unknown as [string, string, string];
    let s = sessions.get(host);
    if (!s) {
      const lh = lab.host(host);
      if (!lh) throw new Error(`${name}/run.sh:${i + 1}: no host ${host}`);
      s = new ShellSession(lh.host, hostIO(lh.host, new MemoryIO()));
      sessions.set(host, s);
    }
    const r = s.run(cmd);
    if (r.length !== 1) throw new Error(`${name}/run.sh:${i + 1}: expected one command, ran ${r.length}`);
    steps.push({ line: i + 1, host, cmd, stdout: r[0]!.stdout, stderr: r[0]!.stderr, status: r[0]!.status });
  });
  if (!lab) throw new Error(`${name}/run.sh: no 'iptwin lab up'`);
  return {
    lab,
    steps,
    step(hostAndCmd: string, nth = 0): Step {
      const all = steps.filter((s) => `${s.host} ${s.cmd}` === hostAndCmd);
      const s = all[nth < 0 ? all.length + nth : nth];
      if (!s) throw new Error(`${name}: no step '${hostAndCmd}' #${nth} (${all.length} found)`);
      return s;
    },
  };
}

/** Lines with runs of blanks collapsed and ends trimmed, blank lines dropped: how the web pages show them. */
export function norm(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l !== "");
}

/** IP and ICMP ids and TCP source ports of a log line are the run's own: masked for comparison. */
export function maskLog(line: string): string {
  return line.replace(/\bID=\d+/g, "ID=*").replace(/\bSPT=\d+/g, "SPT=*");
}
