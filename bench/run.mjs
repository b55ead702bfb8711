#!/usr/bin/env node
// npm run bench: speed and memory of the twin on kube-proxy shaped rule sets.
//   restore  — iptables-restore of N services × 3 endpoints (N = 1k, 5k, 10k)
//   save     — iptables-save of that state
//   load     — reading the CLI state file back (what every later iptwin command does)
// Each size runs in its own process so that peak RSS is that work's own.
//   packets  — packets per second through `send --json` (bench/packets.mjs): the seeds' small
//              rule set and kube-proxy sets of 1k and 10k services, every packet a new connection
// With --real (root, iptables installed) the real iptables-restore runs on the
// same file in a private network namespace for comparison. --packets / --restore run one part.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
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
      const t = performance.now();
      out = fn();
      b = Math.min(b, performance.now() - t);
    }
    return [b, out];
  };
  const reps = services >= 10000 ? 3 : 5;
  const [restoreMs, host] = best(() => {
    const h = new Host({ epoch: 0 });
    const r = h.restore(text);
    if (r.status !== 0) throw new Error(r.stderr);
    return h;
  }, reps);
  const [saveMs, saved] = best(() => host.save(), reps);
  const state = serializeHost(host);
  const [loadMs] = best(() => deserializeHost(state), reps);
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ kind, services, lines, bytes: text.length, restoreMs, saveMs, loadMs, savedBytes: saved.length, peakRssMB: rss }));
}

function realRestore(services) {
  const dir = mkdtempSync(join(tmpdir(), "iptwin-bench-"));
  const file = join(dir, "rules");
  writeFileSync(file, kubeProxyRules(services, 3));
  const out = {};
  for (const bin of ["iptables-nft-restore", "iptables-legacy-restore"]) {
    const ns = `iptwin-bench-${process.pid}-${bin.includes("nft") ? "n" : "l"}`;
    spawnSync("ip", ["netns", "del", ns]);
    execFileSync("ip", ["netns", "add", ns]);
    const t = performance.now();
    const r = spawnSync("ip", ["netns", "exec", ns, bin, file]);
    out[bin] = r.status === 0 ? Math.round(performance.now() - t) : `failed: ${r.stderr}`;
    spawnSync("ip", ["netns", "del", ns]);
  }
  return out;
}

function packetChild(which) {
  const r = spawnSync(process.execPath, ["--max-old-space-size=4096", self, "--packets-child", which], { encoding: "utf8" });
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
    console.log(`${r.ruleset.padEnd(15)} ${String(r.rules).padStart(9)} ${Math.round(r.pps).toLocaleString("en").padStart(11)} ${Math.round(r.nsPerPacket).toLocaleString("en").padStart(11)}`);
  const k1 = rows[1];
  const k10 = rows[2];
  console.log(`10k services vs 1k: ${(k1.pps / k10.pps).toFixed(2)}× slower (target ≤ 2×); at 10k: ${Math.round(k10.pps).toLocaleString("en")} packets/s (target ≥ 500,000)`);
}

if (args[0] === "--child") {
  await child(args[1], Number(args[2]));
} else if (args[0] === "--packets-child") {
  const which = args[1] === "seeds" ? "seeds" : Number(args[1]);
  console.log(JSON.stringify(await packetBench("../dist", which, { n: 50000, reps: 5 })));
} else {
  if (!args.includes("--packets")) restoreBench();
  if (!args.includes("--restore")) packets();
}

function restoreBench() {
  const real = args.includes("--real");
  const rows = [];
  for (const services of [1000, 5000, 10000]) {
    const r = spawnSync(process.execPath, ["--max-old-space-size=4096", self, "--child", "restore", String(services)], { encoding: "utf8" });
    if (r.status !== 0) {
      console.error(r.stderr);
      process.exit(1);
    }
    const row = JSON.parse(r.stdout.trim().split("\n").at(-1));
    if (real) row.real = realRestore(services);
    rows.push(row);
  }
  console.log("kube-proxy shaped rule sets (services × 3 endpoints), best of several runs:");
  console.log("services   lines   restore ms   save ms   load ms   peak RSS MB" + (real ? "   real nft / legacy ms" : ""));
  for (const r of rows) {
    const realCol = real ? `   ${r.real["iptables-nft-restore"]} / ${r.real["iptables-legacy-restore"]}` : "";
    console.log(
      `${String(r.services).padStart(8)} ${String(r.lines).padStart(7)} ${r.restoreMs.toFixed(0).padStart(12)} ${r.saveMs.toFixed(0).padStart(9)} ${r.loadMs.toFixed(0).padStart(9)} ${r.peakRssMB.toFixed(0).padStart(13)}${realCol}`,
    );
  }
}
