/**
 * `iptwin demo` end to end (built bin/iptwin.js): the tour's key lines, its
 * length, that it writes nothing unless --state is given, and that with
 * --state the lab it leaves behind goes on with the CLI.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTour } from "../src/demo/tour.js";

const BIN = new URL("../bin/iptwin.js", import.meta.url).pathname;

function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe("iptwin demo", () => {
  it("tours the built-in lab in at most 80 lines and writes nothing", () => {
    const cwd = mkdtempSync(join(tmpdir(), "iptwin-demo-"));
    const envState = join(cwd, "env-state");
    const r = run(cwd, ["demo"], { IPTWIN_STATE: envState });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(80);
    const out = r.stdout;
    // 1. curl through Docker's DNAT; the DNAT rule counted the connection.
    expect(out).toContain("$ iptwin -H kube1 curl -s http://docker1:8080/\n<h1>Welcome to nginx!</h1>\n");
    expect(out).toMatch(
      /\n {4}1 {4}60 DNAT +6 +-- +!docker0 \* +0\.0\.0\.0\/0 +0\.0\.0\.0\/0 +tcp dpt:8080 to:172\.17\.0\.2:80\n/,
    );
    expect(out).toMatch(
      /src=192\.168\.0\.20 dst=192\.168\.0\.10 sport=\d+ dport=8080 src=172\.17\.0\.2 dst=192\.168\.0\.20 sport=80 /,
    );
    // 2. The split over 10,000 connections, within 4.5 standard deviations of 5,000 each.
    const split = [...out.matchAll(/^ +(\d+) +[\d.]+% +Hello from (web-[ab]) /gm)].map((m) => [m[2], Number(m[1])]);
    expect(split.map((x) => x[0])).toEqual(["web-a", "web-b"]);
    expect((split[0]![1] as number) + (split[1]![1] as number)).toBe(10_000);
    for (const [, c] of split) expect(Math.abs((c as number) - 5000)).toBeLessThanOrEqual(4.5 * 50);
    expect(out).toContain("statistic mode random probability 0.50000000000");
    // 3. REJECT and the LOG line of the ICMP port unreachable.
    expect(out).toContain("$ iptwin -H docker1 ssh kube1\nssh: connect to host kube1 port 22: Connection refused\n");
    expect(out).toMatch(
      /\] \[OUTPUT\] IN= OUT=eth0 SRC=192\.168\.0\.20 DST=192\.168\.0\.10 LEN=88 .* PROTO=ICMP TYPE=3 CODE=3 \[SRC=192\.168\.0\.10 DST=192\.168\.0\.20 LEN=60 .* DPT=22 /,
    );
    // 4. The trace across hosts.
    expect(out).toContain("== docker1 in eth0 +0.000020s ==\n");
    expect(out).toContain("-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n");
    expect(out).toContain(
      "nat PREROUTING: dst 192.168.0.10:8080 → 172.17.0.2:80\n== nginx in eth0 +0.000040s ==\ndelivered locally\n",
    );
    // Next commands.
    expect(out).toContain("iptwin lab up examples/docker-publish/lab.yaml");
    // No state anywhere: not ./.iptwin, not $IPTWIN_STATE.
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(envState)).toBe(false);
  });

  it("--state DIR keeps the lab to go on with", () => {
    const cwd = mkdtempSync(join(tmpdir(), "iptwin-demo-"));
    const st = join(cwd, "lab");
    const r = run(cwd, ["--state", st, "demo", "--connections", "300"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`The lab is kept in ${st}. Next:`);
    expect(r.stdout).toContain(`iptwin --state ${st} -H kube1 iptables -t nat -nvL`);
    const svc = run(cwd, ["--state", st, "-H", "kube1", "iptables", "-t", "nat", "-nvxL", "KUBE-SVC-CDGGSHYLG3RE2FKL"]);
    const n = [...svc.stdout.matchAll(/^ +(\d+) +\d+ KUBE-SEP-/gm)].map((m) => Number(m[1]));
    expect(n).toHaveLength(2);
    expect(n[0]! + n[1]!).toBe(300);
    expect(run(cwd, ["--state", st, "-H", "docker1", "curl", "-s", "http://192.168.0.10:8080/"]).stdout).toBe(
      "<h1>Welcome to nginx!</h1>\n",
    );
    // A second demo does not overwrite it.
    const again = run(cwd, ["demo", "--state", st]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already holds a twin");
    expect(readdirSync(cwd)).toEqual(["lab"]);
  });

  it("is deterministic and needs no files (library)", () => {
    const a = runTour({ connections: 100 });
    const b = runTour({ connections: 100 });
    expect(a.text).toBe(b.text);
    expect([...a.lab.hosts.keys()]).toEqual(["docker1", "kube1", "nginx", "web-a", "web-b"]);
  });
});
