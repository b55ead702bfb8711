/**
 * Differential runs: the same steps on the real iptables (in a private
 * netns) and on a twin Host; after every step the step's own output and
 * four views of the state are compared (dates masked).
 */

import type { CommandResult } from "../../src/compat/iptables/commands.js";
import { Host } from "../../src/host.js";
import type { Step } from "./gen.js";
import { normalize } from "./golden.js";
import { Netns, type RealCommand, shQuote } from "./netns.js";

/** What is compared after a step: the step itself and the views of the state. */
export interface Observation {
  step: CommandResult;
  /** iptables -t T -S */
  rules: CommandResult;
  /** iptables -t T -L -n -v --line-numbers */
  list: CommandResult;
  /** iptables-save */
  save: CommandResult;
  /** iptables-save -c */
  saveCounters: CommandResult;
}

export const VIEWS = ["step", "rules", "list", "save", "saveCounters"] as const;
export type View = (typeof VIEWS)[number];

/** The table whose -S / -L views follow a step. */
export function stepTable(step: Step): string {
  if (step.kind !== "iptables") return "filter";
  let t = "filter";
  for (let i = 0; i < step.argv.length - 1; i++)
    if (step.argv[i] === "-t" || step.argv[i] === "--table") t = step.argv[i + 1]!;
  return t;
}

/** A step as a shell command line, for reports. */
export function stepText(step: Step): string {
  switch (step.kind) {
    case "iptables":
      return ["iptables", ...step.argv].map(shQuote).join(" ");
    case "save":
      return ["iptables-save", ...step.args].map(shQuote).join(" ");
    default:
      return `${["iptables-restore", ...step.args].map(shQuote).join(" ")} <<'EOF'\n${step.input}EOF`;
  }
}

function viewCommands(table: string): RealCommand[] {
  return [
    { prog: "iptables", argv: ["-t", table, "-S"] },
    {
      prog: "iptables",
      argv: ["-t", table, "-L", "-n", "-v", "--line-numbers"],
    },
    { prog: "iptables-save", argv: [] },
    { prog: "iptables-save", argv: ["-c"] },
  ];
}

function stepCommand(step: Step): RealCommand {
  switch (step.kind) {
    case "iptables":
      return { prog: "iptables", argv: step.argv };
    case "save":
      return { prog: "iptables-save", argv: step.args };
    default:
      return { prog: "iptables-restore", argv: step.args, stdin: step.input };
  }
}

function clean(r: CommandResult): CommandResult {
  return {
    stdout: normalize(r.stdout),
    stderr: normalize(r.stderr),
    status: r.status,
  };
}

function toObservation(rs: CommandResult[]): Observation {
  const [step, rules, list, save, saveCounters] = rs.map(clean);
  return {
    step: step!,
    rules: rules!,
    list: list!,
    save: save!,
    saveCounters: saveCounters!,
  };
}

/** Runs steps on the real iptables, one batch (one process tree) for all of them. */
export function observeRealAll(ns: Netns, steps: readonly Step[]): Observation[] {
  const cmds: RealCommand[] = [];
  for (const s of steps) cmds.push(stepCommand(s), ...viewCommands(stepTable(s)));
  const rs = ns.batch(cmds);
  const out: Observation[] = [];
  for (let i = 0; i < steps.length; i++) out.push(toObservation(rs.slice(i * 5, i * 5 + 5)));
  return out;
}

export function observeReal(ns: Netns, step: Step): Observation {
  return observeRealAll(ns, [step])[0]!;
}

function twinStep(host: Host, step: Step): CommandResult {
  try {
    switch (step.kind) {
      case "iptables":
        return host.iptables(step.argv);
      case "save":
        return host.iptablesSave(step.args);
      default:
        return host.iptablesRestore(step.args, step.input);
    }
  } catch (e) {
    return {
      stdout: "",
      stderr: `twin threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      status: -1,
    };
  }
}

function safe(fn: () => CommandResult): CommandResult {
  try {
    return fn();
  } catch (e) {
    return {
      stdout: "",
      stderr: `twin threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      status: -1,
    };
  }
}

/** The views of a twin's state for a table. */
export function twinViews(host: Host, table: string): Omit<Observation, "step"> {
  return {
    rules: clean(safe(() => host.iptables(["-t", table, "-S"]))),
    list: clean(safe(() => host.iptables(["-t", table, "-L", "-n", "-v", "--line-numbers"]))),
    save: clean(safe(() => host.iptablesSave([]))),
    saveCounters: clean(safe(() => host.iptablesSave(["-c"]))),
  };
}

export function observeTwin(host: Host, step: Step): Observation {
  const r = clean(twinStep(host, step));
  return { step: r, ...twinViews(host, stepTable(step)) };
}

export interface Mismatch {
  view: View;
  field: "stdout" | "stderr" | "status";
  want: string;
  got: string;
}

/** The differences between the real observation and the twin's, first line that differs in each. */
export function compare(want: Observation, got: Observation): Mismatch[] {
  const out: Mismatch[] = [];
  for (const v of VIEWS) {
    for (const f of ["status", "stdout", "stderr"] as const) {
      const a = String(want[v][f]);
      const b = String(got[v][f]);
      if (a === b) continue;
      if (f === "status") {
        out.push({ view: v, field: f, want: a, got: b });
        continue;
      }
      const al = a.split("\n");
      const bl = b.split("\n");
      let i = 0;
      while (i < al.length && al[i] === bl[i]) i++;
      out.push({
        view: v,
        field: f,
        want: `line ${i + 1}: ${JSON.stringify(al[i] ?? "<end>")}`,
        got: JSON.stringify(bl[i] ?? "<end>"),
      });
    }
  }
  return out;
}

export function describeMismatch(ms: readonly Mismatch[]): string {
  return ms
    .map(
      (m) =>
        `    ${m.view}.${m.field}: real ${m.want}\n    ${" ".repeat(m.view.length + m.field.length + 2)}twin ${m.got}`,
    )
    .join("\n");
}

/** A twin whose state is the real one's: restored from `iptables-save -c`. */
export function resyncedHost(realSaveCounters: string): Host | null {
  const h = new Host();
  if (realSaveCounters === "") return h;
  const r = safe(() => h.iptablesRestore(["-c"], realSaveCounters));
  return r.status === 0 ? h : null;
}

/**
 * Replays steps on a fresh twin against the observations (recorded or just
 * made); returns the index of the first step that disagrees, or -1.
 */
export function firstDisagreement(
  steps: readonly Step[],
  want: readonly Observation[],
): { index: number; mismatches: Mismatch[] } {
  const host = new Host();
  for (let i = 0; i < steps.length; i++) {
    const ms = compare(want[i]!, observeTwin(host, steps[i]!));
    if (ms.length) return { index: i, mismatches: ms };
  }
  return { index: -1, mismatches: [] };
}

/** Real observations of a whole step list, in a fresh namespace of its own. */
export function realRun(steps: readonly Step[]): Observation[] {
  const ns = Netns.create("iptwin-diff");
  try {
    return observeRealAll(ns, steps);
  } finally {
    ns.destroy();
  }
}

/**
 * ddmin-style shrinking of a failing step list: drops chunks while the twin
 * still disagrees with the real iptables somewhere. Deterministic: bounded
 * by a number of candidate runs, not by time.
 */
export function shrink(steps: readonly Step[], maxRuns = 40): { steps: Step[]; expect: Observation[] } {
  let cur = steps.slice();
  let curObs = realRun(cur);
  let runs = 1;
  let n = 2;
  while (cur.length >= 2 && runs < maxRuns) {
    const chunk = Math.ceil(cur.length / n);
    let reduced = false;
    for (let start = 0; start < cur.length && runs < maxRuns; start += chunk) {
      const cand = [...cur.slice(0, start), ...cur.slice(start + chunk)];
      if (cand.length === 0) continue;
      const obs = realRun(cand);
      runs++;
      if (firstDisagreement(cand, obs).index >= 0) {
        cur = cand;
        curObs = obs;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (chunk <= 1) break;
      n = Math.min(n * 2, cur.length);
    }
  }
  // Cut after the first disagreeing step.
  const d = firstDisagreement(cur, curObs);
  if (d.index >= 0) {
    cur = cur.slice(0, d.index + 1);
    curObs = curObs.slice(0, d.index + 1);
  }
  return { steps: cur, expect: curObs };
}
