/**
 * The real rule sets of ../shared/corpus/real-rulesets (administrators' dumps; see its README),
 * read at test time, never copied here:
 *  - restored by the real iptables-restore 1.8.9 in a private namespace and by the twin, then
 *    listed both ways: the same iptables-save text, and per table the same -S and -L -n -v;
 *  - on the kernel lab (test/support/kernel-host.ts), generated packet sequences through each rule
 *    set on Linux and on the twin: the same packets out, LOG lines, counters and conntrack table.
 *    (LOG prefixes get the lab's tag in front, the only change, so that the kernel's lines are
 *    told from other namespaces'.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Host } from "../src/host.js";
import { describeWith, livePrereq, sharedPath, sharedPrereq } from "./support/env.js";
import { KernelLab, LOG_TAG, labPrereq } from "./support/kernel-host.js";
import { Netns } from "./support/netns.js";
import { compareObs, KernelSide, runCase, TwinSide } from "./support/packet-diff.js";
import { generateCase } from "./support/packet-gen.js";

const DIR = "corpus/real-rulesets";
const shared = sharedPrereq(DIR);

function rulesets(): Array<[string, string]> {
  if (!shared.ok) return [];
  return readdirSync(sharedPath(DIR))
    .filter((f) => !f.toLowerCase().endsWith(".md"))
    .sort()
    .map((f) => [f, readFileSync(join(sharedPath(DIR), f), "utf8")]);
}

const withoutComments = (s: string) => s.replace(/^#.*\n/gm, "");

describeWith([shared, livePrereq()], "real rule sets: restored and listed as iptables 1.8.9 does", () => {
  const files = rulesets();
  it("the corpus is there", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
  for (const [name, text] of files) {
    it(name, () => {
      const ns = Netns.create("iptwin-real");
      try {
        const host = new Host();
        const real = ns.iptablesRestore([], text);
        const twin = host.iptablesRestore([], text);
        expect({ status: twin.status, stderr: twin.stderr }).toEqual({ status: real.status, stderr: real.stderr });
        const saved = withoutComments(ns.iptablesSave([]).stdout);
        expect(withoutComments(host.iptablesSave([]).stdout)).toBe(saved);
        const tables = [...saved.matchAll(/^\*(\w+)$/gm)].map((m) => m[1]!);
        expect(tables.length).toBeGreaterThan(0);
        // (numeric listings: names would come from this machine's /etc/passwd, hosts and services)
        for (const t of tables)
          for (const view of [["-S"], ["-L", "-n", "-v", "--line-numbers"], ["-L", "-n", "-x", "-v"]]) {
            const argv = ["-t", t, ...view];
            const r = ns.iptables(argv);
            expect(host.iptables(argv), argv.join(" ")).toEqual(r);
          }
      } finally {
        ns.destroy();
      }
    });
  }
});

/** LOG prefixes with the lab's tag in front (prefixes stay within iptables' 29 characters). */
function tagged(text: string): string {
  return text
    .replace(/--log-prefix "([^"]*)"/g, (_, p: string) => `--log-prefix "${LOG_TAG}${p.slice(0, 29 - LOG_TAG.length)}"`)
    .replace(/-j LOG(?![^\n]*--log-prefix)/g, `-j LOG --log-prefix "${LOG_TAG} "`);
}

const SEEDS_PER_RULESET = Number(process.env.IPTWIN_REAL_SEEDS ?? 8);

describeWith([shared, livePrereq(), labPrereq()], "real rule sets: packets, twin vs Linux", () => {
  let lab: KernelLab;
  let kside: KernelSide;
  beforeAll(async () => {
    lab = KernelLab.create();
    await lab.start();
    kside = new KernelSide(lab);
  }, 60_000);
  afterAll(async () => {
    await lab?.destroy();
  }, 60_000);
  for (const [name, text] of rulesets()) {
    it(name, async () => {
      const rules = tagged(text);
      let steps = 0;
      for (let s = 1; s <= SEEDS_PER_RULESET; s++) {
        // the generator's packets and replies, this rule set instead of its random one
        const c = { ...generateCase(70_000 + s), rules, trace: false };
        const want = await runCase(c, kside);
        expect(want.restore, "the real iptables-restore takes the rule set").toMatch(/^0 /);
        const got = await runCase(c, new TwinSide());
        const d = compareObs(want, got);
        if (d.length)
          throw new Error(
            `${name}, packets of seed ${70_000 + s}: ${d.length} difference(s):\n` +
              d.map((x) => `${x.kind}${x.step !== undefined ? ` step ${x.step}` : ""}: ${x.detail}`).join("\n"),
          );
        steps += c.steps.length;
      }
      expect(steps).toBeGreaterThan(0);
    }, 300_000);
  }
});
