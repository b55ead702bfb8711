/**
 * The iptwin command end to end (built bin/iptwin.js): state persistence,
 * the lock, atomic and damage-proof state files, shell and its JSON mode.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const BIN = new URL("../bin/iptwin.js", import.meta.url).pathname;

function run(dir: string, args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    input,
    encoding: "utf8",
    env: { ...process.env, IPTWIN_STATE: "", IPTWIN_FLAVOUR: "", ...env },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "iptwin-cli-"));
}

const sleepers: ChildProcess[] = [];
afterEach(() => {
  for (const p of sleepers.splice(0)) p.kill();
});

describe("iptwin CLI", () => {
  it("keeps the twin's rules between invocations in ./.iptwin", () => {
    const d = tmp();
    expect(run(d, ["iptables", "-A", "INPUT", "-p", "tcp", "--dport", "22", "-j", "ACCEPT"]).status).toBe(0);
    expect(run(d, ["iptables", "-N", "LOGDROP"]).status).toBe(0);
    const s = run(d, ["iptables", "-S"]);
    expect(s.stdout).toBe(
      "-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-N LOGDROP\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n",
    );
    expect(existsSync(join(d, ".iptwin", "state"))).toBe(true);
  });

  it("honours --state and IPTWIN_STATE", () => {
    const d = tmp();
    run(d, ["--state", "a", "iptables", "-N", "A"]);
    run(d, ["iptables", "-N", "B"], undefined, { IPTWIN_STATE: "b" });
    expect(run(d, ["--state=a", "iptables", "-S"]).stdout).toContain("-N A\n");
    expect(run(d, ["--state", "b", "iptables", "-S"]).stdout).toContain("-N B\n");
    expect(run(d, ["--state", "b", "iptables", "-S"]).stdout).not.toContain("-N A\n");
  });

  it("prints iptables' errors and exit statuses", () => {
    const d = tmp();
    const r = run(d, ["iptables", "-D", "INPUT", "-j", "ACCEPT"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("iptables: Bad rule (does a matching rule exist in that chain?).\n");
    const u = run(d, ["iptables", "-A", "INPUT", "--bogus"]);
    expect(u.status).toBe(2);
    expect(u.stderr).toBe(
      "iptables v1.8.9 (nf_tables): unknown option \"--bogus\"\nTry `iptables -h' or 'iptables --help' for more information.\n",
    );
  });

  it("restores from a file and from standard input, and saves to a file", () => {
    const d = tmp();
    writeFileSync(join(d, "rules.v4"), "*filter\n:INPUT DROP [0:0]\n-A INPUT -i lo -j ACCEPT\nCOMMIT\n");
    expect(run(d, ["iptables-restore", "rules.v4"]).status).toBe(0);
    expect(run(d, ["iptables", "-S", "INPUT"]).stdout).toBe("-P INPUT DROP\n-A INPUT -i lo -j ACCEPT\n");
    expect(run(d, ["iptables-restore", "--noflush"], "*filter\n-A INPUT -s 10.0.0.1 -j ACCEPT\nCOMMIT\n").status).toBe(
      0,
    );
    expect(run(d, ["iptables-save", "-f", "out.v4"]).stdout).toBe("");
    const saved = readFileSync(join(d, "out.v4"), "utf8");
    expect(saved).toContain("-A INPUT -s 10.0.0.1/32 -j ACCEPT\n");
    expect(run(d, ["iptables-restore", "missing.v4"]).stderr).toBe(
      "Can't open missing.v4: No such file or directory\n",
    );
  });

  it("refuses a second writer while the lock is held, and waits with -w", async () => {
    const d = tmp();
    run(d, ["iptables", "-N", "X"]);
    const holder = spawn("sleep", ["30"]);
    sleepers.push(holder);
    writeFileSync(join(d, ".iptwin", "lock"), `${holder.pid}\n`);
    const r = run(d, ["iptables", "-A", "INPUT", "-j", "ACCEPT"]);
    expect(r.status).toBe(4);
    expect(r.stderr).toBe(
      "Another app is currently holding the xtables lock. Perhaps you want to use the -w option?\n",
    );
    const t0 = Date.now();
    const w = run(d, ["iptables", "-w", "1", "-A", "INPUT", "-j", "ACCEPT"]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(w.status).toBe(4);
    expect(w.stderr).toBe("Another app is currently holding the xtables lock. Stopped waiting after 1s.\n");
    // A lock left by a process that is gone is taken over.
    const gone = new Promise((res) => holder.on("exit", res));
    holder.kill();
    await gone;
    expect(run(d, ["iptables", "-A", "INPUT", "-j", "ACCEPT"]).status).toBe(0);
  });

  it("serialises concurrent writers with -w: no rule is lost", async () => {
    const d = tmp();
    run(d, ["iptables", "-N", "X"]);
    const n = 8;
    await Promise.all(
      Array.from(
        { length: n },
        (_, i) =>
          new Promise<void>((res, rej) => {
            const p = spawn(
              process.execPath,
              [BIN, "iptables", "-w", "-A", "X", "-s", `10.0.0.${i + 1}`, "-j", "ACCEPT"],
              {
                cwd: d,
                env: { ...process.env, IPTWIN_STATE: "" },
              },
            );
            p.on("exit", (code) => (code === 0 ? res() : rej(new Error(`exit ${code}`))));
          }),
      ),
    );
    const rules = run(d, ["iptables", "-S", "X"])
      .stdout.split("\n")
      .filter((l) => l.startsWith("-A X"));
    expect(rules.length).toBe(n);
    expect(readdirSync(join(d, ".iptwin")).sort()).toEqual(["state"]);
  });

  it("detects a damaged or truncated state file and leaves it untouched", () => {
    const d = tmp();
    run(d, ["iptables", "-A", "INPUT", "-j", "ACCEPT"]);
    const file = join(d, ".iptwin", "state");
    const good = readFileSync(file, "utf8");
    const truncated = good.slice(0, Math.floor(good.length / 2));
    writeFileSync(file, truncated);
    const r = run(d, ["iptables", "-A", "INPUT", "-j", "DROP"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/state file .* is damaged \(truncated \(no end marker\)\); it was left untouched/);
    expect(readFileSync(file, "utf8")).toBe(truncated);
    writeFileSync(file, good.replace('"ACCEPT"', '"DROPPP"'));
    const r2 = run(d, ["iptables", "-S"]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/is damaged \((length|checksum) mismatch/);
  });

  it("runs scripts with shell, in text and JSON", () => {
    const d = tmp();
    const script =
      'IPT=iptables\nCHAIN="MY CHAIN"\n$IPT -N LOGDROP # comment\n$IPT -A LOGDROP -j DROP\n$IPT -A INPUT -j nosuch || echo failed\niptables -S LOGDROP\n';
    const text = run(d, ["shell"], script);
    expect(text.stdout).toBe("failed\n-N LOGDROP\n-A LOGDROP -j DROP\n");
    expect(text.stderr).toContain("Chain 'nosuch' does not exist");
    const d2 = tmp();
    const json = run(d2, ["shell", "--json"], "iptables -N A\niptables -N A\n");
    const lines = json.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { cmd: "iptables -N A", stdout: "", stderr: "", status: 0 },
      { cmd: "iptables -N A", stdout: "", stderr: "iptables: Chain already exists.\n", status: 1 },
    ]);
  });

  it("refuses ip6tables as a command and in scripts, changing nothing (IPv6 is not modelled)", () => {
    const d = tmp();
    const refusal = (n: string) =>
      `${n}: IPv6 is not modelled by iptwin (the twin has IPv4 iptables only); nothing was done.\n`;
    expect(run(d, ["ip6tables", "-A", "INPUT", "-j", "ACCEPT"])).toEqual({
      stdout: "",
      stderr: refusal("ip6tables"),
      status: 1,
    });
    expect(run(d, ["ip6tables-legacy-save"]).status).toBe(3);
    expect(existsSync(join(d, ".iptwin"))).toBe(false);
    const script =
      "iptables -A INPUT -j ACCEPT\nip6tables -A INPUT -j ACCEPT || echo v6=$?\nip6tables-restore < /dev/null\n";
    const r = run(d, ["shell"], script);
    expect(r.stdout).toBe("v6=1\n");
    expect(r.stderr).toBe(refusal("ip6tables") + refusal("ip6tables-restore"));
    expect(run(d, ["iptables", "-S", "INPUT"]).stdout).toBe("-P INPUT ACCEPT\n-A INPUT -j ACCEPT\n");
  });
});
