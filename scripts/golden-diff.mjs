#!/usr/bin/env node
// Developer aid: replays golden recordings through the twin built straight
// from src/ (bundled with esbuild, so type errors elsewhere do not block) and
// prints each mismatch compactly.
// Usage: node scripts/golden-diff.mjs [NAME-PREFIX…] [--full]
import { readdirSync, readFileSync } from "node:fs";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const out = `/tmp/iptwin-golden-diff-${process.pid}.mjs`;
await build({
  stdin: {
    contents: 'export { Host } from "./src/host.ts"; export { ShellSession } from "./src/compat/session.ts";',
    resolveDir: root,
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: out,
  logLevel: "error",
});
const { Host, ShellSession } = await import(out);

const dir = `${root}test/golden/recorded/`;
const norm = (s) => s.replace(/ on \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/gm, " on <DATE>");
const args = process.argv.slice(2);
const full = args.includes("--full");
const wanted = args.filter((a) => a !== "--full");
let bad = 0;
let total = 0;
for (const f of readdirSync(dir).sort()) {
  const name = f.replace(/\.json$/, "");
  if (wanted.length && !wanted.some((w) => name.startsWith(w))) continue;
  const rec = JSON.parse(readFileSync(dir + f, "utf8"));
  const s = new ShellSession(new Host({ flavour: rec.flavour }));
  rec.results.forEach((want, i) => {
    total++;
    let got;
    try {
      got = s.run(want.cmd);
    } catch (e) {
      bad++;
      console.log(`--- ${name} #${i + 1} CRASH: ${want.cmd.split("\n")[0]}\n${e.stack}`);
      return;
    }
    const g = {
      stdout: got.map((x) => x.stdout).join(""),
      stderr: got.map((x) => x.stderr).join(""),
      status: got.at(-1)?.status ?? 0,
    };
    for (const k of ["stdout", "stderr", "status"]) {
      const a = typeof want[k] === "string" ? norm(want[k]) : want[k];
      const b = typeof g[k] === "string" ? norm(g[k]) : g[k];
      if (a !== b) {
        bad++;
        console.log(`--- ${name} #${i + 1} ${k}: ${want.cmd.split("\n")[0]}`);
        if (full || typeof a !== "string") {
          console.log(`want: ${JSON.stringify(a)}`);
          console.log(`got:  ${JSON.stringify(b)}`);
        } else {
          // first differing line only
          const wa = a.split("\n");
          const gb = b.split("\n");
          let j = 0;
          while (j < wa.length && wa[j] === gb[j]) j++;
          console.log(`  line ${j + 1}\n  want: ${JSON.stringify(wa[j])}\n  got:  ${JSON.stringify(gb[j])}`);
        }
        break;
      }
    }
  });
}
console.log(`${total - bad}/${total} commands match`);
