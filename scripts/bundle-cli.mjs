#!/usr/bin/env node
// Bundles the CLI into one file (dist/iptwin-cli.mjs): starting node on one
// module instead of ~170 makes each iptwin call several times faster, which
// matters when a program (ufw, a firewall script) calls iptables hundreds of times.
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
await build({
  entryPoints: [`${root}src/cli/main.ts`],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: `${root}dist/iptwin-cli.mjs`,
  logLevel: "error",
  // CommonJS dependencies (yaml) require() Node built-ins: give the ES module a require().
  banner: {
    js: 'import { createRequire as __iptwinCreateRequire } from "node:module"; const require = __iptwinCreateRequire(import.meta.url);',
  },
});
