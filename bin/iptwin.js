#!/usr/bin/env node
// Prefer the single-file bundle (fast start); fall back to the tsc output.
import { existsSync } from "node:fs";

const bundled = new URL("../dist/iptwin-cli.mjs", import.meta.url);
const { main } = await import(existsSync(bundled) ? bundled.href : "../dist/cli/main.js");
process.exitCode = main(process.argv.slice(2));
