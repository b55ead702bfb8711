#!/usr/bin/env node
// Records golden outputs from the real iptables 1.8.9: every scenario in
// test/golden/scenarios/*.sh runs, command by command, in a fresh private
// network namespace; stdout, stderr and exit status of each command are
// written to test/golden/recorded/<name>.json.
//
// Usage (as root, with iptables installed): node scripts/record-golden.mjs [NAME…]
//
// Scenario format: one command per line; `#` lines are comments; a command
// ending in `<<EOF` (or <<'EOF') takes the following lines up to `EOF` as
// its here-document. A first line `# flavour: legacy` records with
// iptables-legacy instead of the nf_tables build.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const scenDir = join(root, "test/golden/scenarios");
const outDir = join(root, "test/golden/recorded");

/** Splits a scenario into command chunks (a line plus its here-document). */
export function chunks(text) {
  const lines = text.split("\n");
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const m = /<<-?\s*'?"?([A-Za-z_][A-Za-z0-9_]*)'?"?\s*$/.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    const body = [line];
    for (i++; i < lines.length && lines[i] !== m[1]; i++) body.push(lines[i]);
    body.push(m[1]);
    out.push(body.join("\n"));
  }
  return out;
}

function legacyPath() {
  const dir = mkdtempSync(join(tmpdir(), "iptwin-legacy-"));
  for (const [name, target] of [
    ["iptables", "iptables-legacy"],
    ["iptables-save", "iptables-legacy-save"],
    ["iptables-restore", "iptables-legacy-restore"],
  ]) {
    symlinkSync(`/usr/sbin/${target}`, join(dir, name));
  }
  return dir;
}

function record(file) {
  const name = basename(file, ".sh");
  const text = readFileSync(file, "utf8");
  const flavour = /^# flavour: legacy/m.test(text) ? "legacy" : "nft";
  const ns = `iptwin-rec-${process.pid}`;
  spawnSync("ip", ["netns", "del", ns]);
  execFileSync("ip", ["netns", "add", ns]);
  const env = { ...process.env, LC_ALL: "C" };
  if (flavour === "legacy") env.PATH = `${legacyPath()}:${process.env.PATH}`;
  const results = [];
  try {
    for (const cmd of chunks(text)) {
      const r = spawnSync("ip", ["netns", "exec", ns, "bash", "-c", cmd], { env, encoding: "utf8" });
      results.push({ cmd, stdout: r.stdout, stderr: r.stderr, status: r.status });
    }
  } finally {
    spawnSync("ip", ["netns", "del", ns]);
  }
  const version = execFileSync(flavour === "legacy" ? "iptables-legacy" : "iptables", ["-V"], {
    encoding: "utf8",
  }).trim();
  const kernel = execFileSync("uname", ["-r"], { encoding: "utf8" }).trim();
  writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify({ version, kernel, flavour, results }, null, 1)}\n`);
  console.log(`${name}: ${results.length} commands (${flavour})`);
}

const wanted = process.argv.slice(2);
for (const f of readdirSync(scenDir).sort()) {
  if (!f.endsWith(".sh")) continue;
  if (wanted.length && !wanted.includes(basename(f, ".sh"))) continue;
  record(join(scenDir, f));
}
