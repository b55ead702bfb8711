/**
 * `conntrack -I` / `-A` as conntrack-tools 1.4.7 and the reference kernel answer them: the commands
 * of scripts/kernel-ctinsert.mjs, run one after another in a fresh namespace there (recorded in
 * test/kernel/ctinsert.json), replayed here on a fresh twin host: every command's output and
 * status, then the table (`conntrack -L`, in the kernel's hash order there, compared as a set) and
 * the statistics' insert count. Then what packets of an entry made so meet.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ShellSession } from "../src/compat/session.js";
import { Host } from "../src/index.js";

interface Recorded {
  results: Array<{ cmd: string; stdout: string; stderr: string; status: number }>;
  table: string[];
  insert: number;
}
const rec = JSON.parse(readFileSync(new URL("kernel/ctinsert.json", import.meta.url), "utf8")) as Recorded;

function run(sh: ShellSession, cmd: string) {
  const [r] = sh.run(cmd);
  return { stdout: r!.stdout, stderr: r!.stderr, status: r!.status };
}

describe("conntrack -I as the kernel answers it", () => {
  const host = new Host({ epoch: 1_700_000_000 });
  const sh = new ShellSession(host);
  for (const r of rec.results) {
    it(`conntrack ${r.cmd}`, () => {
      expect(run(sh, `conntrack ${r.cmd}`)).toEqual({ stdout: r.stdout, stderr: r.stderr, status: r.status });
    });
  }

  it("leaves the table the kernel has", () => {
    // the kernel listed the table a moment after the last command: timeouts shown one second less
    run(sh, "clock advance 0.001");
    const list = run(sh, "conntrack -L");
    const lines = list.stdout.split("\n").filter((l) => l);
    expect(list.stderr).toBe(`conntrack v1.4.7 (conntrack-tools): ${rec.table.length} flow entries have been shown.\n`);
    const timeoutOf = (l: string) => Number(/^\S+\s+\d+ (\d+) /.exec(l)![1]);
    const masked = (l: string) => l.replace(/^(\S+\s+\d+) \d+ /, "$1 T ");
    expect(lines.map(masked).sort()).toEqual(rec.table.map(masked).sort());
    // (the real run may have taken more than a second between a command and the listing)
    const want = new Map(rec.table.map((l) => [masked(l), timeoutOf(l)]));
    for (const l of lines) expect(timeoutOf(l) - want.get(masked(l))!).toBeOneOf([0, 1]);
    const stats = run(sh, "conntrack -S").stdout;
    expect(stats).toContain(` insert=${rec.insert} `);
  });

  it("reports each created entry as a NEW event from userspace", () => {
    const ev = run(sh, "conntrack -E -e NEW")
      .stdout.split("\n")
      .filter((l) => l);
    expect(ev).toHaveLength(rec.insert);
    expect(ev).toContain(
      "    [NEW] udp      17 10 src=1.1.1.1 dst=2.2.2.2 sport=5 dport=6 src=2.2.2.2 dst=1.1.1.1 sport=6 dport=5 [ASSURED] mark=7 [USERSPACE] portid=0",
    );
  });
});
