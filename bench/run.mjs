#!/usr/bin/env node
// npm run bench: speed and memory of the twin on kube-proxy shaped rule sets.
//   restore  — iptables-restore of N services × 3 endpoints (N = 1k, 5k, 10k)
//   save     — iptables-save of that state
//   load     — reading the CLI state file back (what every later iptwin command does)
//   store    — writing the state (what every iptwin command that changes the rule set does)
//   CLI      — one `iptwin` process each (node start, state file read and written with fsync):
//              iptables-restore FILE into a fresh state, then a next `iptables -A`, then iptables-save;
//              wall time and the process's peak RSS
// Each size runs in its own processes so that peak RSS is that work's own.
//   packets  — packets per second through `send --json` (bench/packets.mjs): the seeds' small
//              rule set and kube-proxy sets of 1k and 10k services, every packet a new connection
// With --real (root, iptables installed) the real iptables-restore runs on the
// same file in a private network namespace for comparison. --packets / --restore run one part.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { kubeProxyRules } from "./kube.mjs";
import { packetBench } from "./packets.mjs";

const self = new URL(import.meta.url).pathname;
const args = process.argv.slice(2);

async function child(kind, services) {
  const { Host } = await import("../dist/index.js");
  const { serializeHost, deserializeHost } = await import("../dist/state/serialize.js");
  const text = kubeProxyRules(services, 3);
  const lines = text.split("\n").length - 1;
  const best = (fn, reps) => {
    let b = Number.POSITIVE_INFINITY;
    let out;
    for (let i = 0; i < reps; i++) {
      out = undefined; // the previous run's result is not kept alive while the next one is timed
      const t = performance.now();
      out = fn();
      b = Math.min(b, performance.now() - t);
    }
    return [b, out];
  };
  const reps = 5;
  const [restoreMs, host] = best(() => {
    const h = new Host({ epoch: 0 });
    const r = h.restore(text);
    if (r.status !== 0) throw new Error(r.stderr);
    return h;
  }, reps);
  const [saveMs, saved] = best(() => host.save(), reps);
  const [storeMs, state] = best(() => serializeHost(host), reps);
  const [loadMs] = best(() => deserializeHost(state), reps);
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      kind,
      services,
      lines,
      bytes: text.length,
      restoreMs,
      saveMs,
      loadMs,
      storeMs,
      savedBytes: saved.length,
      peakRssMB: rss,
    }),
  );
}

function realRestore(file) {
  const out = {};
  for (const bin of ["iptables-nft-restore", "iptables-legacy-restore"]) {
    const ns = `iptwin-bench-${process.pid}-${bin.includes("nft") ? "n" : "l"}`;
    try {
      spawnSync("ip", ["netns", "del", ns], { stdio: "ignore" });
      execFileSync("ip", ["netns", "add", ns], { stdio: "ignore" });
    } catch {
      out[bin] = "n/a (needs root and iproute2)";
      continue;
    }
    const t = performance.now();
    const r = spawnSync("ip", ["netns", "exec", ns, bin, file]);
    out[bin] = r.status === 0 ? Math.round(performance.now() - t) : `failed: ${String(r.stderr ?? r.error).trim()}`;
    spawnSync("ip", ["netns", "del", ns], { stdio: "ignore" });
  }
  return out;
}

/** One `iptwin` command in its own process: wall time (start to exit) and the process's peak RSS. */
function cliRun(stateDir, argv) {
  const report = join(stateDir, "..", "report.json");
  const t = performance.now();
  const r = spawnSync(process.execPath, [self, "--cli-child", report, "--state", stateDir, ...argv], {
    stdio: "ignore",
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`iptwin ${argv.join(" ")} failed (status ${r.status})`);
  return { ms, ...JSON.parse(readFileSync(report, "utf8")) };
}

/** The CLI on one rule set: restore into a fresh state, a next command, a save. */
function cliBench(services) {
  const dir = mkdtempSync(join(tmpdir(), "iptwin-bench-"));
  const file = join(dir, "rules");
  writeFileSync(file, kubeProxyRules(services, 3));
  const state = join(dir, "state");
  const restore = cliRun(state, ["iptables-restore", file]);
  const rule = ["-A", "KUBE-NODEPORTS", "-p", "tcp", "--dport", "30080", "-j", "KUBE-MARK-MASQ"];
  const next = cliRun(state, ["iptables", "-t", "nat", ...rule]);
  const save = cliRun(state, ["iptables-save"]);
  const real = args.includes("--real") ? realRestore(file) : undefined;
  rmSync(dir, { recursive: true, force: true });
  return { restore, next, save, real };
}

function packetChild(which) {
  const r = spawnSync(process.execPath, ["--max-old-space-size=4096", self, "--packets-child", which], {
    encoding: "utf8",
  });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  return JSON.parse(r.stdout.trim().split("\n").at(-1));
}

function packets() {
  // each rule set in its own process; CPU time of the batch, best of several (see packets.mjs)
  const rows = ["seeds", "1000", "10000"].map(packetChild);
  console.log("send --json, packets per second on one core (CPU time, best of 5 batches of 50,000):");
  console.log("rule set            rules   packets/s   ns/packet");
  for (const r of rows)
    console.log(
      `${r.ruleset.padEnd(15)} ${String(r.rules).padStart(9)} ${Math.round(r.pps).toLocaleString("en").padStart(11)} ${Math.round(r.nsPerPacket).toLocaleString("en").padStart(11)}`,
    );
  const k1 = rows[1];
  const k10 = rows[2];
  console.log(
    `10k services vs 1k: ${(k1.pps / k10.pps).toFixed(2)}× slower (target ≤ 2×); at 10k: ${Math.round(k10.pps).toLocaleString("en")} packets/s (target ≥ 500,000)`,
  );
}

if (args[0] === "--child") {
  await child(args[1], Number(args[2]));
} else if (args[0] === "--cli-child") {
  // The CLI as bin/iptwin.js runs it; the report goes to a file (stdout is the command's).
  const { main } = await import("../dist/iptwin-cli.mjs");
  const t = performance.now();
  const status = main(args.slice(2));
  const mainMs = performance.now() - t;
  writeFileSync(args[1], JSON.stringify({ status, mainMs, rssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exitCode = status;
} else if (args[0] === "--packets-child") {
  const which = args[1] === "seeds" ? "seeds" : Number(args[1]);
  console.log(JSON.stringify(await packetBench("../dist", which, { n: 50000, reps: 5 })));
} else {
  if (!args.includes("--packets")) restoreBench();
  if (!args.includes("--restore")) packets();
}

function restoreBench() {
  const rows = [];
  for (const services of [1000, 5000, 10000]) {
    const r = spawnSync(process.execPath, ["--max-old-space-size=4096", self, "--child", "restore", String(services)], {
      encoding: "utf8",
    });
    if (r.status !== 0) {
      console.error(r.stderr);
      process.exit(1);
    }
    const row = JSON.parse(r.stdout.trim().split("\n").at(-1));
    row.cli = cliBench(services);
    rows.push(row);
  }
  const n = (v, w) => (typeof v === "number" ? v.toFixed(0) : String(v)).padStart(w);
  console.log("kube-proxy shaped rule sets (services × 3 endpoints); in one process, best of several runs:");
  console.log("services   lines   restore ms   save ms   load ms   store ms");
  for (const r of rows) {
    const cols = [
      n(r.services, 8),
      n(r.lines, 7),
      n(r.restoreMs, 12),
      n(r.saveMs, 9),
      n(r.loadMs, 9),
      n(r.storeMs, 10),
    ];
    console.log(cols.join(" "));
  }
  console.log("the CLI, one `iptwin` process per command (node start, state file read and written): ms / peak RSS MB");
  const real = args.includes("--real");
  const realHead = real ? "   real restore: nft / legacy ms" : "";
  console.log(`services   iptables-restore   next iptables -A     iptables-save${realHead}`);
  for (const r of rows) {
    const c = r.cli;
    const col = (x) => `${n(x.ms, 6)} / ${n(x.rssMB, 4)}`.padStart(18);
    const realCol = real ? `   ${c.real["iptables-nft-restore"]} / ${c.real["iptables-legacy-restore"]}` : "";
    console.log(`${n(r.services, 8)} ${col(c.restore)} ${col(c.next)} ${col(c.save)}${realCol}`);
  }
}
