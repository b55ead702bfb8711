import { spawnSync } from "node:child_process";
import { Host } from "./src/host.ts";
import { availableFrom, parseSave, SequenceGen, type Step, type World } from "./test/support/gen.ts";
import { compare, describeMismatch, observeTwin, stepTable, stepText } from "./test/support/diff.ts";
import { normalize } from "./test/support/golden.ts";

const NAMES: Record<string, string> = { iptables: "iptables-legacy", "iptables-save": "iptables-legacy-save", "iptables-restore": "iptables-legacy-restore" };
function run(ns: string, prog: string, argv: readonly string[], input = "") {
  const r = spawnSync("ip", ["netns", "exec", ns, NAMES[prog]!, ...argv], { encoding: "utf8", input, env: { ...process.env, LC_ALL: "C" } });
  return { stdout: normalize(r.stdout), stderr: normalize(r.stderr), status: r.status ?? 128 };
}
function realObs(ns: string, step: Step) {
  const s = step.kind === "iptables" ? run(ns, "iptables", step.argv) : step.kind === "save" ? run(ns, "iptables-save", step.args) : run(ns, "iptables-restore", step.args, step.input);
  const t = stepTable(step);
  return { step: s, rules: run(ns, "iptables", ["-t", t, "-S"]), list: run(ns, "iptables", ["-t", t, "-L", "-n", "-v", "--line-numbers"]), save: run(ns, "iptables-save", []), saveCounters: run(ns, "iptables-save", ["-c"]) };
}
const first = Number(process.argv[2] ?? 1), nseeds = Number(process.argv[3] ?? 5), nsteps = Number(process.argv[4] ?? 60);
const av = availableFrom(new Host().registry);
let agree = 0, total = 0;
for (let seed = first; seed < first + nseeds; seed++) {
  const ns = `lgsz-live-${process.pid}-${seed}`;
  spawnSync("ip", ["netns", "add", ns]);
  try {
    const gen = new SequenceGen(seed, av);
    const host = new Host({ flavour: "legacy" });
    let world: World = new Map();
    for (let i = 0; i < nsteps; i++) {
      const step = gen.next(world);
      const want = realObs(ns, step);
      const got = observeTwin(host, step);
      const ms = compare(want as any, got);
      total++;
      if (ms.length === 0) agree++;
      else {
        console.log(`seed ${seed} step ${i + 1}: ${stepText(step)}\n${describeMismatch(ms)}\n`);
        break;
      }
      world = parseSave(want.save.stdout);
      gen.observe(step, want.step.status);
    }
  } finally {
    spawnSync("ip", ["netns", "del", ns]);
  }
}
console.log(`${agree}/${total} steps agree`);
