/**
 * `iptwin demo`: the built-in tour (src/demo/tour.ts). The lab lives in
 * memory; it is written to a state directory only when one is asked for
 * with --state (before or after `demo`), never to ./.iptwin or
 * $IPTWIN_STATE by default.
 */
import { existsSync } from "node:fs";
import type { CommandResult } from "../compat/iptables/commands.js";
import { runTour } from "../demo/tour.js";
import { labAnchor } from "../lab/state.js";
import { StateDir } from "./state-dir.js";

const DEMO_USAGE = `Usage: iptwin [--state DIR] demo [--connections N]

A short tour on a built-in lab of two hosts (a Docker node, a kube-proxy node):
curl through Docker's DNAT, a Service split by -m statistic, REJECT and LOG, a
trace across hosts. Nothing is written unless --state DIR is given: then the
lab is kept in DIR, to go on with \`iptwin --state DIR -H HOST …\`.
`;

/** `argv` is what follows `demo`; `stateDir` the global --state, when one was given explicitly. */
export function runDemo(argv: readonly string[], stateDir: string | undefined): CommandResult {
  let state = stateDir;
  let connections = 10_000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "-h" || a === "--help") return { stdout: DEMO_USAGE, stderr: "", status: 0 };
    const value = (name: string): string | undefined =>
      a.startsWith(`${name}=`) ? a.slice(name.length + 1) : argv[++i];
    if (a === "--state" || a.startsWith("--state=")) {
      state = value("--state");
      if (!state) return { stdout: "", stderr: `iptwin demo: --state needs a directory\n${DEMO_USAGE}`, status: 2 };
    } else if (a === "--connections" || a.startsWith("--connections=")) {
      const v = value("--connections") ?? "";
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 1_000_000)
        return { stdout: "", stderr: `iptwin demo: --connections: 1 to 1000000, not '${v}'\n`, status: 2 };
      connections = Number(v);
    } else return { stdout: "", stderr: `iptwin demo: unknown argument '${a}'\n${DEMO_USAGE}`, status: 2 };
  }
  const dir = state !== undefined ? new StateDir(state) : undefined;
  if (dir && existsSync(dir.file))
    return {
      stdout: "",
      stderr: `iptwin demo: ${state} already holds a twin; choose another --state (or \`iptwin --state ${state} lab down\`)\n`,
      status: 1,
    };
  const tour = runTour({ connections, ...(state !== undefined ? { stateDir: state } : {}) });
  if (dir) {
    dir.lock(null);
    try {
      dir.save(labAnchor(tour.lab));
    } finally {
      dir.unlock();
    }
  }
  return { stdout: tour.text, stderr: "", status: 0 };
}
