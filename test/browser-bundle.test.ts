/**
 * The library is plain TypeScript with no Node built-ins: it bundles for the
 * browser with every node: module refused, and the bundle runs in a bare
 * context (no process, no require) to list, save and restore rules.
 */

import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;

describe("browser bundle", () => {
  it("bundles src/index.ts for the browser without Node built-ins and runs it", async () => {
    const result = await build({
      entryPoints: [`${root}src/index.ts`],
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: "iptwin",
      write: false,
      logLevel: "silent",
      plugins: [
        {
          name: "no-node-builtins",
          setup(b) {
            b.onResolve(
              { filter: /^node:|^(fs|path|os|child_process|crypto|util|events|stream|buffer|process)$/ },
              (args) => ({
                errors: [{ text: `Node built-in ${args.path} imported by ${args.importer}` }],
              }),
            );
          },
        },
      ],
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    // A bare context: no process, no require, no Buffer; only what browsers have.
    const sandbox: Record<string, unknown> = { TextEncoder, TextDecoder, console, performance, Date, Math, JSON };
    runInNewContext(`${code}\n;globalThis.__iptwin = iptwin;`, sandbox);
    const lib = sandbox.__iptwin as typeof import("../src/index.js");
    const host = new lib.Host({ epoch: 0 });
    expect(host.iptables(["-A", "INPUT", "-p", "tcp", "--dport", "22", "-j", "ACCEPT"]).status).toBe(0);
    expect(host.iptables(["-S", "INPUT"]).stdout).toBe(
      "-P INPUT ACCEPT\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n",
    );
    const saved = host.save();
    const again = new lib.Host({ epoch: 0 });
    expect(again.restore(saved).status).toBe(0);
    expect(again.save()).toBe(saved);
  });
});
