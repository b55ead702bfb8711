/**
 * The lab's commands in a host's shell session (CLI -H HOST, shell scripts,
 * tests): ping, nc, curl, service, systemctl, dmesg, journalctl, cat, tail,
 * hostname, sleep, ss, and send/trace that follow the packet across the lab
 * (`send --from HOST …` sends as that host). A host outside any lab gets the
 * same commands, as the only host of a lab of its own.
 */

import { runConntrack } from "../compat/conntrack-tool.js";
import type { CommandResult } from "../compat/iptables/commands.js";
import { buildPacket, specFromArgs } from "../compat/packet-spec.js";
import { traceLines } from "../compat/packet-text.js";
import { failure, outcomeText, runSend, runTrace, takeAfter } from "../compat/send.js";
import { MemoryIO, SESSION_HOOKS, type ShellIO, type ShellSession } from "../compat/session.js";
import type { Host } from "../host.js";
import { ensureLabHost, type Hop, type LabHost } from "./lab.js";
import {
  readHostFile,
  runCat,
  runDmesg,
  runJournalctl,
  runService,
  runSleep,
  runSystemctl,
  runTail,
} from "./system.js";
import { runCurl } from "./tools/curl.js";
import { runClock, runListen, runUnlisten } from "./tools/host-admin.js";
import { runNc } from "./tools/nc.js";
import { runPing } from "./tools/ping.js";
import { runSsh } from "./tools/ssh.js";
import { runTally } from "./tools/tally.js";

export type LabCommand = (lh: LabHost, argv: string[], stdin: string, io: ShellIO) => CommandResult;

function hostRead(lh: LabHost, io: ShellIO): (p: string) => string | undefined {
  return (p) => {
    const v = readHostFile(lh, p);
    if (v !== undefined) return v;
    try {
      return io.readFile(p);
    } catch {
      return undefined;
    }
  };
}

/** The elapsed virtual time of a hop, "+0.000040s" after the first. */
function hopHeader(h: Hop, t0: number): string {
  const where = h.dev === null ? "" : ` in ${h.dev}`;
  const dt = h.t - t0;
  return `== ${h.host.name}${where}${dt > 0 ? ` +${(dt / 1e9).toFixed(6)}s` : ""} ==\n`;
}

/** send/trace across the lab: the packet, then every host it (and what it caused) reached, in time order. */
export function labSend(lh: LabHost, argv: readonly string[], trace: boolean, stdin = ""): CommandResult {
  const prog = trace ? "trace" : "send";
  const args = [...argv];
  let from: LabHost | undefined;
  const fi = args.indexOf("--from");
  if (fi >= 0) {
    const name = args[fi + 1];
    if (name === undefined) return { stdout: "", stderr: `${prog}: --from: needs a host name\n`, status: 2 };
    from = lh.lab.host(name);
    if (!from) {
      const known = [...lh.lab.hosts.keys()].join(", ");
      return { stdout: "", stderr: `${prog}: --from: no host '${name}' in the lab (hosts: ${known})\n`, status: 2 };
    }
    args.splice(fi, 2);
    if (!args.includes("--local") && !args.includes("-i") && !args.includes("--in-interface")) args.push("--local");
  }
  const origin = from ?? lh;
  const lab = origin.lab;
  if (lab.solo && !from) return trace ? runTrace(origin.host, args) : runSend(origin.host, args, stdin);
  if (args.includes("-h") || args.includes("--help")) return runSend(origin.host, ["--help"], "");
  if (args.includes("--json"))
    return {
      stdout: "",
      stderr: `${prog}: --json works on a host's own path; in a lab use send/trace with options\n`,
      status: 2,
    };
  try {
    lab.catchUp();
    const t = takeAfter(args);
    const spec = specFromArgs(t.args, origin.host.db);
    const p = buildPacket(spec, origin.host.net);
    for (const h of lab.hosts.values()) h.host.stack().prepare();
    if (t.after > 0) lab.advance(Math.round(t.after * 1e9));
    if (trace) p.nfTrace = true;
    const hops: Hop[] = [];
    lab.recorder = hops;
    lab.tracing = trace;
    lab.watch = true;
    try {
      if (spec.local) lab.send(origin, p);
      else lab.receive(origin, spec.in!, p);
      lab.drain();
    } finally {
      lab.recorder = null;
      lab.tracing = false;
      lab.watch = false;
    }
    const t0 = hops[0]?.t ?? lab.nowNs;
    let out = "";
    for (const h of hops) {
      out += hopHeader(h, t0);
      if (trace) out += traceLines(h.report.trace, h.host.host.db);
      out += outcomeText(h.host.host, { report: h.report, logs: h.logs });
      for (const l of h.lost) out += `lost ${l}\n`;
    }
    if (lab.storms) out += `storm: more than 10000 frames for one packet (a loop?); the rest were dropped\n`;
    return { stdout: out, stderr: "", status: 0 };
  } catch (e) {
    return failure(prog, e);
  }
}

/** The lab commands by name. */
export const LAB_COMMANDS: ReadonlyMap<string, LabCommand> = new Map<string, LabCommand>([
  ["ping", (lh, argv) => runPing(lh, argv)],
  ["nc", (lh, argv, stdin) => runNc(lh, argv, stdin)],
  ["netcat", (lh, argv, stdin) => runNc(lh, argv, stdin)],
  ["ssh", (lh, argv) => runSsh(lh, argv)],
  ["curl", (lh, argv, _stdin, io) => runCurl(lh, argv, { writeFile: (p, d) => io.writeFile(p, d, false) })],
  ["service", (lh, argv) => runService(lh, argv)],
  ["systemctl", (lh, argv) => runSystemctl(lh, argv)],
  ["dmesg", (lh, argv) => runDmesg(lh, argv)],
  ["journalctl", (lh, argv) => runJournalctl(lh, argv)],
  ["cat", (lh, argv, stdin, io) => runCat(lh, argv, stdin, hostRead(lh, io))],
  ["tail", (lh, argv, _stdin, io) => runTail(lh, argv, hostRead(lh, io))],
  ["hostname", (lh) => ({ stdout: `${lh.hostname}\n`, stderr: "", status: 0 })],
  ["sleep", (lh, argv) => runSleep(lh, argv)],
  ["ss", (lh, argv) => lh.host.local.sockets.ss(argv)],
  ["send", (lh, argv, stdin) => labSend(lh, argv, false, stdin)],
  ["trace", (lh, argv) => labSend(lh, argv, true)],
  ["listen", (lh, argv) => runListen(lh, argv)],
  ["unlisten", (lh, argv) => runUnlisten(lh, argv)],
  ["clock", (lh, argv) => runClock(lh, argv)],
  ["conntrack", (lh, argv) => runConntrack(lh.host.conntrack(), argv, Number(lh.host.elapsedNs))],
  ["tally", (lh, argv, _stdin, io) => runTally(lh, argv, (a) => LAB_COMMANDS.get(a[0]!)?.(lh, a.slice(1), "", io))],
]);

/** Runs one lab command on the host (the lab's clock first catches up, every host's follows after). */
export function runLabCommand(
  host: Host,
  name: string,
  argv: string[],
  stdin = "",
  io: ShellIO = hostIO(host, new MemoryIO()),
): CommandResult {
  const cmd = LAB_COMMANDS.get(name);
  if (!cmd) return { stdout: "", stderr: `iptwin: ${name}: command not found\n`, status: 127 };
  const lh = ensureLabHost(host);
  lh.lab.catchUp();
  try {
    return cmd(lh, argv, stdin, io);
  } finally {
    lh.lab.settle();
  }
}

/**
 * A file system for a lab host's session: absolute paths are the host's own
 * files (/etc/sysconfig/iptables, /var/log/messages), relative ones `base`'s.
 */
export function hostIO(host: Host, base: ShellIO): ShellIO {
  const lh = ensureLabHost(host);
  return {
    readFile(path: string): string {
      if (!path.startsWith("/")) return base.readFile(path);
      const v = readHostFile(lh, path);
      if (v === undefined) {
        const e = new Error(`ENOENT: ${path}`) as Error & { code: string };
        e.code = "ENOENT";
        throw e;
      }
      return v;
    },
    writeFile(path: string, data: string, append: boolean): void {
      if (!path.startsWith("/")) {
        base.writeFile(path, data, append);
        return;
      }
      if (path === "/dev/null") return;
      const files = lh.sys.files;
      files.set(path, append ? (files.get(path) ?? "") + data : data);
    },
  };
}

SESSION_HOOKS.push((session: ShellSession) => {
  for (const name of LAB_COMMANDS.keys()) {
    session.commands.set(name, (argv, stdin, s) => runLabCommand(s.host, name, argv.slice(1), stdin, s.io));
  }
});
