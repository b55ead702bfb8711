// Scratch experiment runner (not part of the project): node /tmp/kp/exp.mjs case.json [kernel|twin|both]
import { readFileSync } from "node:fs";
import { KernelLab } from "./test/support/kernel-host.js";
import { compareObs, KernelSide, runCase, TwinSide } from "./test/support/packet-diff.js";
import { generateCase, type KCase } from "./test/support/packet-gen.js";

async function main() {
  const arg = process.argv[2]!;
  const mode = process.argv[3] ?? "both";
  let cases: KCase[];
  if (/^\d+$/.test(arg)) cases = [generateCase(Number(arg))];
  else if (arg.startsWith("reg:")) {
    const f = JSON.parse(readFileSync("test/kernel-packets/regressions.json", "utf8"));
    cases = f.cases.filter((c: { seed: number }) => c.seed === Number(arg.slice(4))).map((c: { case: KCase }) => c.case);
  } else {
    const j = JSON.parse(readFileSync(arg, "utf8"));
    cases = Array.isArray(j) ? j : [j];
  }
  let lab: KernelLab | null = null;
  if (mode !== "twin") {
    lab = KernelLab.create();
    await lab.start();
  }
  try {
    for (const c of cases) {
      if (process.env.SHOWRULES) console.log(c.rules);
      if (process.env.SHOWSTEPS) console.log(JSON.stringify(c.steps, null, 1));
      const t = await runCase(c, new TwinSide());
      if (mode === "twin") {
        console.log(JSON.stringify(t, null, 1));
        continue;
      }
      const k = await runCase(c, new KernelSide(lab!));
      if (mode === "kernel") {
        console.log(JSON.stringify(k, null, 1));
        continue;
      }
      if (process.env.SHOWK) console.log("KERNEL", JSON.stringify(k, null, 1));
      if (process.env.SHOWT) console.log("TWIN", JSON.stringify(t, null, 1));
      const d = compareObs(k, t);
      console.log(`seed ${c.seed}: ${d.length} diffs`);
      for (const x of d) console.log(`  ${x.kind} step ${x.step === undefined ? "-" : x.step + 1}: ${x.detail}`);
    }
  } finally {
    await lab?.destroy();
  }
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
