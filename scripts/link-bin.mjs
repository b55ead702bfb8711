#!/usr/bin/env node
// `npx iptwin` in this repository: npm does not link a package's own bin into
// its node_modules/.bin, so prepare does it (a relative symlink).
import { mkdirSync, rmSync, symlinkSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const link = `${root}node_modules/.bin/iptwin`;
mkdirSync(`${root}node_modules/.bin`, { recursive: true });
rmSync(link, { force: true });
symlinkSync("../../bin/iptwin.js", link);
