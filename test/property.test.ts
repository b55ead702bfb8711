/**
 * Properties of the twin alone (fast-check): rule sets over all five tables
 * built from the extension grammars the twin registers.
 *
 * - iptables-save → iptables-restore → iptables-save is the identity (dates masked), with and without -c;
 * - `iptables -t T -S` re-entered line by line into a fresh host reproduces the same -S;
 * - iptables-restore is atomic per table: with one failing line in table k, tables before k
 *   are committed, table k and the rest are exactly as they were.
 *
 * IPTWIN_FC_SEED / IPTWIN_FC_RUNS override the fixed seed and the number of runs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { putUint } from "../src/compat/json-writer.js";
import { Host } from "../src/host.js";
import {
  availableFrom,
  FAILING_LINES,
  type RuleSetSpec,
  ruleSetText,
  splitSaved,
  TABLES,
  type TableName,
} from "./support/gen.js";
import { normalize } from "./support/golden.js";

const av = availableFrom(new Host().registry);
const seed = Number.parseInt(process.env.IPTWIN_FC_SEED ?? "20260422", 10);
const numRuns = Number.parseInt(process.env.IPTWIN_FC_RUNS ?? "150", 10);
const params = { seed, numRuns, maxSkipsPerRun: 50 };

const specArb: fc.Arbitrary<RuleSetSpec> = fc.record({
  tables: fc.shuffledSubarray([...TABLES], { minLength: 1 }),
  userChains: fc.integer({ min: 0, max: 4 }),
  rules: fc.array(
    fc.record(
      {
        table: fc.nat(4),
        chain: fc.nat(8),
        seed: fc.integer(),
        counters: fc.tuple(fc.nat(1000), fc.nat(1_000_000)),
      },
      { requiredKeys: ["table", "chain", "seed"] },
    ),
    { maxLength: 25 },
  ),
  policySeed: fc.integer(),
});

/** A host holding the rule set, or null when the twin refuses it (the property then skips it). */
function hostWith(text: string, args: string[] = ["-c"]): Host | null {
  const h = new Host();
  return h.iptablesRestore(args, text).status === 0 ? h : null;
}

function saveOf(h: Host, args: string[] = []): string {
  const r = h.iptablesSave(args);
  expect(r.status).toBe(0);
  return normalize(r.stdout);
}

describe("property: save → restore → save", () => {
  for (const counters of [false, true]) {
    it(`is the identity${counters ? " with -c" : ""}`, () => {
      fc.assert(
        fc.property(specArb, (spec) => {
          // Without -c the restore zeroes counters (as the real one does): start from zero then.
          const args = counters ? ["-c"] : [];
          const h = hostWith(ruleSetText(spec, av), args);
          fc.pre(h !== null);
          const first = saveOf(h!, args);
          const again = new Host();
          const r = again.iptablesRestore(args, first);
          expect(r, `restore of:\n${first}`).toEqual({
            stdout: "",
            stderr: "",
            status: 0,
          });
          expect(saveOf(again, args)).toBe(first);
        }),
        params,
      );
    });
  }
});

describe("property: -S re-entered as commands", () => {
  it("reproduces the same -S in every table", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const h = hostWith(ruleSetText(spec, av));
        fc.pre(h !== null);
        for (const t of TABLES) {
          const listed = h!.iptables(["-t", t, "-S"]);
          expect(listed.status).toBe(0);
          const fresh = new Host();
          for (const line of listed.stdout.split("\n").filter((l) => l !== "")) {
            const r = fresh.iptables(["-t", t, ...splitSaved(line)]);
            expect(r, `iptables -t ${t} ${line}`).toEqual({
              stdout: "",
              stderr: "",
              status: 0,
            });
          }
          expect(fresh.iptables(["-t", t, "-S"]).stdout).toBe(listed.stdout);
        }
      }),
      params,
    );
  });
});

/** Splits restore text into its table sections (each `*table` … `COMMIT`). */
function sections(text: string): string[] {
  return text.split(/(?=^\*)/m).filter((s) => s.startsWith("*"));
}

describe("property: iptables-restore is atomic per table", () => {
  it("a failing line leaves its table as it was and keeps earlier tables committed", () => {
    const arb = fc.record({
      before: specArb,
      file: specArb,
      badAt: fc.nat(),
      badLine: fc.constantFrom(...FAILING_LINES),
      position: fc.nat(),
      noflush: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ before, file, badAt, badLine, position, noflush }) => {
        const initial = ruleSetText(before, av);
        const h = hostWith(initial);
        fc.pre(h !== null);
        const secs = sections(ruleSetText(file, av));
        const k = badAt % secs.length;
        const args = noflush ? ["--noflush"] : [];
        // The good prefix must apply on its own, or the property says nothing.
        const expected = hostWith(initial)!;
        const prefix = secs.slice(0, k).join("");
        fc.pre(prefix === "" || expected.iptablesRestore(args, prefix).status === 0);
        // One failing line inside section k (after its `*table` line, before COMMIT).
        const lines = secs[k]!.split("\n");
        const at = 1 + (position % (lines.length - 2));
        lines.splice(at, 0, badLine);
        secs[k] = lines.join("\n");
        const r = h!.iptablesRestore(args, secs.join(""));
        expect(r.status, `should fail:\n${secs.join("")}`).not.toBe(0);
        for (const t of TABLES as readonly TableName[]) {
          expect(saveOf(h!, ["-t", t]), `table ${t}`).toBe(saveOf(expected, ["-t", t]));
        }
        expect(saveOf(h!)).toBe(saveOf(expected));
      }),
      params,
    );
  });
});

describe("the JSON writer's numbers", () => {
  it("writes any number as JSON.stringify does", () => {
    const b = new Uint8Array(64);
    const text = (v: number) => new TextDecoder().decode(b.subarray(0, putUint(b, 0, v)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => text(v) === JSON.stringify(v)),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.double({ noNaN: true }), (v) => text(v) === JSON.stringify(v)));
    for (const v of [0, 9, 10, 99999, 100000, 999999, 1000000, 2 ** 31, 2 ** 32 - 1, 2 ** 32, -1, 0.5])
      expect(text(v)).toBe(JSON.stringify(v));
  });
});
