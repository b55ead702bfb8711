/**
 * State files written by earlier iptwin versions still load. test/fixtures/state-v2.iptwin was
 * written by the last version with format v2 (commit ec32c5c's parent; scripts/record-state-v2.mjs), with its
 * `iptables-save -c` text (state-v2.save, header comments left out).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deserializeHost, serializeHost } from "../src/state/serialize.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const withoutComments = (s: string) => s.replace(/^#.*\n/gm, "");

describe("state file formats", () => {
  it("loads a v2 state file: the same rules, counters and policies", () => {
    const v2 = fixture("state-v2.iptwin");
    expect(v2.startsWith("# iptwin state v2\n")).toBe(true);
    const host = deserializeHost(v2);
    expect(withoutComments(host.save({ counters: true }))).toBe(fixture("state-v2.save"));
  });

  it("writes it back as v3, which loads to the same rule set", () => {
    const host = deserializeHost(fixture("state-v2.iptwin"));
    const v3 = serializeHost(host);
    expect(v3.startsWith("# iptwin state v3\n")).toBe(true);
    expect(withoutComments(deserializeHost(v3).save({ counters: true }))).toBe(fixture("state-v2.save"));
  });
});
