/**
 * Live differential test: seeded random command sequences run on the real
 * iptables 1.8.9 (nf_tables), in a fresh private network namespace per
 * seed, and on a twin Host. After every step the step's stdout, stderr and
 * exit status are compared, and so are `iptables -t T -S`,
 * `iptables -t T -L -n -v --line-numbers`, `iptables-save` and
 * `iptables-save -c` (dates masked).
 *
 * Needs root, the real binary and `ip netns` (see support/env.ts).
 * IPTWIN_DIFF_SEEDS / IPTWIN_DIFF_STEPS / IPTWIN_DIFF_SEED set how many
 * seeds, steps per seed and the first seed. The first disagreement of a seed
 * is shrunk and kept in test/differential/regressions.json with the real
 * outputs, and every recorded case is replayed on each run (root or not).
 * IPTWIN_RECORD_REGRESSIONS=0 keeps the file untouched.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { Host } from "../src/host.js";
import {
  compare,
  describeMismatch,
  firstDisagreement,
  type Mismatch,
  type Observation,
  observeReal,
  observeTwin,
  resyncedHost,
  shrink,
  stepTable,
  stepText,
  twinViews,
} from "./support/diff.js";
import { describeWith, livePrereq, REPO_ROOT } from "./support/env.js";
import { availableFrom, parseSave, SequenceGen, type Step, type World } from "./support/gen.js";
import { Netns } from "./support/netns.js";

const REGRESSIONS = join(REPO_ROOT, "test/differential/regressions.json");
const MAX_CASES = 150;
const MAX_SHRINKS = 4;

interface RegressionCase {
  seed: number;
  /** Why it was kept: the first disagreement when it was found. */
  note: string;
  steps: Step[];
  /** What the real iptables printed for each step and view (dates masked). */
  expect: Observation[];
  /** The failing sequence before shrinking (seed and hash): found again, it is not shrunk again. */
  origin?: string;
  /** What kind of disagreement it was (command, views that differed): one case per kind is kept. */
  signature?: string;
}

interface RegressionFile {
  about: string;
  cases: RegressionCase[];
}

function loadRegressions(): RegressionFile {
  if (!existsSync(REGRESSIONS)) {
    return {
      about:
        "Differential disagreements (twin vs real iptables 1.8.9 nf_tables), shrunk; replayed by test/differential.test.ts.",
      cases: [],
    };
  }
  return JSON.parse(readFileSync(REGRESSIONS, "utf8")) as RegressionFile;
}

function envInt(name: string, dflt: number): number {
  const v = process.env[name];
  const n = v === undefined ? Number.NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : dflt;
}

/** The command a step runs, for the per-command tally (-A, -D, restore --noflush, …). */
function opOf(step: Step): string {
  if (step.kind === "save") return "save";
  if (step.kind === "restore")
    return step.args.some((a) => a === "-n" || a === "--noflush") ? "restore --noflush" : "restore";
  const long: Record<string, string> = {
    "--append": "-A",
    "--new-chain": "-N",
    "--new": "-N",
    "--list": "-L",
    "--list-rules": "-S",
  };
  for (const a of step.argv) {
    const s = long[a] ?? a;
    if (/^-[AIDRCNXEPFZLS]$/.test(s)) return s;
  }
  return "?";
}

const regressions = loadRegressions();

describe("differential regressions (recorded real outputs)", () => {
  if (regressions.cases.length === 0) {
    it("no recorded disagreements", () => {});
    return;
  }
  regressions.cases.forEach((c, k) => {
    it(`#${k + 1} seed ${c.seed}: ${c.note}`, () => {
      const d = firstDisagreement(c.steps, c.expect);
      if (d.index >= 0) {
        throw new Error(
          `step ${d.index + 1}/${c.steps.length}: ${stepText(c.steps[d.index]!)}\n${describeMismatch(d.mismatches)}`,
        );
      }
    });
  });
});

interface SeedResult {
  seed: number;
  steps: Step[];
  agree: number;
  total: number;
  failures: Array<{ index: number; mismatches: Mismatch[] }>;
  /** Set when the twin could not be brought back in line after a disagreement. */
  stopped?: string;
  byOp: Map<string, [number, number]>;
}

function runSeed(seed: number, nsteps: number, gen: SequenceGen): SeedResult {
  const ns = Netns.create("iptwin-diff");
  const res: SeedResult = {
    seed,
    steps: [],
    agree: 0,
    total: 0,
    failures: [],
    byOp: new Map(),
  };
  let host = new Host();
  let world: World = new Map();
  try {
    for (let i = 0; i < nsteps; i++) {
      const step = gen.next(world);
      res.steps.push(step);
      const want = observeReal(ns, step);
      const got = observeTwin(host, step);
      const ms = compare(want, got);
      res.total++;
      const op = opOf(step);
      const tally = res.byOp.get(op) ?? [0, 0];
      tally[1]++;
      if (ms.length === 0) {
        res.agree++;
        tally[0]++;
      } else {
        res.failures.push({ index: i, mismatches: ms });
        // Only the step's own output differs: the states agree, keep going as is (a resync
        // through iptables-restore would lose what the views do not show, e.g. absent base chains).
        if (ms.every((m) => m.view === "step")) {
          res.byOp.set(op, tally);
          world = parseSave(want.save.stdout);
          gen.observe(step, want.step.status);
          continue;
        }
        // Bring the twin back to the real state so later steps still test something.
        const h = resyncedHost(want.saveCounters.stdout);
        const { step: _s, ...views } = want;
        const again = h
          ? compare({ step: want.step, ...views }, { step: want.step, ...twinViews(h, stepTable(step)) })
          : [];
        if (!h || again.length) {
          res.stopped = h
            ? `after resync the twin still differs:\n${describeMismatch(again)}`
            : "the twin cannot restore the real iptables-save -c";
          res.byOp.set(op, tally);
          break;
        }
        host = h;
      }
      res.byOp.set(op, tally);
      world = parseSave(want.save.stdout);
      gen.observe(step, want.step.status);
    }
  } finally {
    ns.destroy();
  }
  return res;
}

describeWith([livePrereq()], "differential: twin vs real iptables", () => {
  const nseeds = envInt("IPTWIN_DIFF_SEEDS", 24);
  const nsteps = envInt("IPTWIN_DIFF_STEPS", 60);
  const first = envInt("IPTWIN_DIFF_SEED", 1);
  const av = availableFrom(new Host().registry);
  const results: SeedResult[] = [];
  const newCases: RegressionCase[] = [];
  const known = new Set(regressions.cases.map((c) => JSON.stringify(c.steps)));
  const origins = new Set(regressions.cases.map((c) => c.origin));
  const signatures = new Set(regressions.cases.map((c) => c.signature));
  let shrinks = 0;

  for (let seed = first; seed < first + nseeds; seed++) {
    it(`seed ${seed}`, () => {
      const r = runSeed(seed, nsteps, new SequenceGen(seed, av));
      results.push(r);
      if (r.failures.length === 0 && !r.stopped) return;
      const f0 = r.failures[0];
      const prefix = f0 ? r.steps.slice(0, f0.index + 1) : [];
      const origin = `${seed}:${createHash("sha256").update(JSON.stringify(prefix)).digest("hex").slice(0, 16)}`;
      // One kept case per kind of disagreement: the command and what differed, numbers masked.
      const signature = f0
        ? `${opOf(r.steps[f0.index]!)}|${f0.mismatches.map((m) => `${m.view}.${m.field} ${m.want}`.replace(/\d+/g, "#")).join("|")}`
        : "";
      const record = process.env.IPTWIN_RECORD_REGRESSIONS !== "0";
      if (f0 && record && !origins.has(origin) && !signatures.has(signature) && shrinks < MAX_SHRINKS) {
        // Shrinking re-runs the real iptables many times: a few per run keep the run short.
        shrinks++;
        origins.add(origin);
        signatures.add(signature);
        const s = shrink(prefix);
        const key = JSON.stringify(s.steps);
        if (!known.has(key)) {
          known.add(key);
          const last = s.steps.at(-1)!;
          const note = `${opOf(last)}: ${stepText(last).split("\n")[0]!.slice(0, 100)}`;
          newCases.push({ seed, note, ...s, origin, signature });
        }
      }
      const shown = r.failures
        .slice(0, 3)
        .map((f) => `step ${f.index + 1}: ${stepText(r.steps[f.index]!)}\n${describeMismatch(f.mismatches)}`);
      const lastFail = r.failures.at(-1);
      const script =
        process.env.IPTWIN_DIFF_VERBOSE === "1" && lastFail
          ? `\nsteps to the last disagreement:\n${r.steps
              .slice(0, lastFail.index + 1)
              .map(stepText)
              .join("\n")}`
          : "";
      throw new Error(
        `${r.agree}/${r.total} steps agree (${r.failures.length} disagree${r.stopped ? `; stopped: ${r.stopped}` : ""})\n${shown.join("\n")}${script}`,
      );
    }, 180_000);
  }

  afterAll(() => {
    const agree = results.reduce((s, r) => s + r.agree, 0);
    const total = results.reduce((s, r) => s + r.total, 0);
    const clean = results.filter((r) => r.failures.length === 0).length;
    const ops = new Map<string, [number, number]>();
    for (const r of results) {
      for (const [op, [a, t]] of r.byOp) {
        const x = ops.get(op) ?? [0, 0];
        ops.set(op, [x[0] + a, x[1] + t]);
      }
    }
    const opLines = [...ops.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([op, [a, t]]) => `  ${op.padEnd(18)} ${`${a}/${t}`.padStart(9)}`);
    console.log(
      `\nDifferential: ${agree}/${total} steps agree; ${clean}/${results.length} seeds fully agree` +
        ` (extensions used: ${[...av.matches, ...av.targets].join(", ") || "none"})\n${opLines.join("\n")}\n`,
    );
    if (newCases.length) {
      const room = Math.max(0, MAX_CASES - regressions.cases.length);
      const add = newCases.slice(0, room);
      if (add.length) {
        mkdirSync(dirname(REGRESSIONS), { recursive: true });
        const doc: RegressionFile = {
          about: regressions.about,
          cases: [...regressions.cases, ...add],
        };
        writeFileSync(REGRESSIONS, `${JSON.stringify(doc, null, 1)}\n`);
        console.log(`Recorded ${add.length} new regression case(s) in ${REGRESSIONS}`);
      }
      if (add.length < newCases.length)
        console.log(`${newCases.length - add.length} case(s) not recorded: file is full (${MAX_CASES})`);
    }
  });
});
