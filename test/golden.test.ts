/**
 * Replays every golden recording (test/golden/recorded, made by
 * scripts/record-golden.mjs from the real iptables 1.8.9) through the twin
 * and compares stdout, stderr and exit status of each command.
 */
import { describe, expect, it } from "vitest";
import { ShellSession } from "../src/compat/session.js";
import { Host } from "../src/host.js";
import { normalize, recordings } from "./support/golden.js";

for (const [name, rec] of recordings()) {
  describe(`golden ${name}`, () => {
    const host = new Host({ flavour: rec.flavour });
    const session = new ShellSession(host);
    rec.results.forEach((want, i) => {
      it(`#${i + 1} ${want.cmd.split("\n")[0]}`, () => {
        const got = session.run(want.cmd);
        const one =
          got.length === 1
            ? got[0]!
            : {
                stdout: got.map((g) => g.stdout).join(""),
                stderr: got.map((g) => g.stderr).join(""),
                status: got.at(-1)?.status ?? 0,
              };
        expect({ stdout: normalize(one.stdout), stderr: normalize(one.stderr), status: one.status }).toEqual({
          stdout: normalize(want.stdout),
          stderr: normalize(want.stderr),
          status: want.status,
        });
      });
    });
  });
}
