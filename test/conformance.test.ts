/**
 * Upstream iptables unit-test files (../shared/conformance/iptables-t/*.t)
 * through the twin: one describe per file, one test per chain-level check,
 * a pass table at the end. Lines listed in the calibration expect what real
 * iptables 1.8.9 (nf_tables) did. IPTWIN_WRITE_STATUS=1 also writes
 * test/conformance-status.json; IPTWIN_CONFORMANCE_REAL=1 also runs the
 * runner against the real binary (root) as a check of the runner itself.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { Host } from "../src/host.js";
import {
  type FileOutcome,
  formatTable,
  listTFiles,
  loadCalibration,
  loadTFile,
  runTFile,
  statusJson,
} from "./support/conformance.js";
import { describeWith, livePrereq, REPO_ROOT, sharedPath, sharedPrereq } from "./support/env.js";
import { Netns } from "./support/netns.js";

const DIR = "conformance/iptables-t";
const CALIBRATION = "observed-iptables-1.8.9-debian12.json";

const dirPrereq = sharedPrereq(DIR);
const prereqs = dirPrereq.ok ? [sharedPrereq(`${DIR}/${CALIBRATION}`)] : [dirPrereq];

describeWith(prereqs, "conformance: upstream .t files", () => {
  const dir = sharedPath(DIR);
  const cal = loadCalibration(join(dir, CALIBRATION));
  // Run everything while collecting: each test then reports its own check.
  const outcomes: FileOutcome[] = listTFiles(dir).map((name) => runTFile(loadTFile(dir, name), cal, () => new Host()));

  for (const o of outcomes) {
    describe(o.name, () => {
      for (const c of o.checks) {
        const note = c.expect.note ? ` [${c.expect.note}]` : "";
        it(`line ${c.line} ${c.chain} ${c.expect.result}: ${c.rule}${note}`, () => {
          if (!c.ok) throw new Error(c.reason);
        });
      }
      if (o.batch) {
        const b = o.batch;
        it("batch: OK lines through one iptables-restore, saved as one block", () => {
          if (!b.ok) throw new Error(b.reason);
        });
      }
    });
  }

  afterAll(() => {
    const notices = outcomes.flatMap((o) => o.notices.map((n) => `  ${o.name} ${n}`));
    console.log(`\nConformance (iptables 1.8.9 nf_tables, calibrated):\n${formatTable(outcomes)}\n`);
    if (notices.length) console.log(`Notices:\n${notices.join("\n")}\n`);
    if (process.env.IPTWIN_WRITE_STATUS === "1") {
      writeFileSync(join(REPO_ROOT, "test/conformance-status.json"), statusJson(outcomes));
    }
  });
});

// Self-check of the runner (opt-in, ~1 min, root): the same files against the real iptables,
// each in a fresh netns, must all pass: a failure here is a runner or calibration bug.
if (process.env.IPTWIN_CONFORMANCE_REAL === "1") {
  describeWith([...prereqs, livePrereq()], "conformance runner against the real iptables", () => {
    it("passes every check and batch", () => {
      const dir = sharedPath(DIR);
      const cal = loadCalibration(join(dir, CALIBRATION));
      const outcomes: FileOutcome[] = [];
      for (const name of listTFiles(dir)) {
        const made: Netns[] = [];
        try {
          outcomes.push(
            runTFile(loadTFile(dir, name), cal, () => {
              const ns = Netns.create("iptwin-conf");
              made.push(ns);
              return ns;
            }),
          );
        } finally {
          for (const ns of made) ns.destroy();
        }
      }
      console.log(`\nConformance runner on the real iptables:\n${formatTable(outcomes)}\n`);
      const bad = outcomes.flatMap((o) => [
        ...o.checks.filter((c) => !c.ok).map((c) => `${o.name} line ${c.line} ${c.chain}: ${c.reason}`),
        ...(o.batch && !o.batch.ok ? [`${o.name} batch: ${o.batch.reason}`] : []),
      ]);
      if (bad.length) throw new Error(bad.join("\n"));
    }, 600_000);
  });
}
