/**
 * The iptwin command's lab side: `lab up|down|show`, `-H HOST` / `@HOST`
 * (any command on one host of the lab), and the host tools (ping, nc, curl,
 * service, systemctl, dmesg, journalctl, cat, …) on a lab host or on a
 * single-host state.
 */
import { existsSync, readFileSync, unlinkSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { CommandResult } from "../compat/iptables/commands.js";
import { parseRestoreArgs } from "../compat/iptables/restore.js";
import { ShellSession } from "../compat/session.js";
import { formatIPv4 } from "../core/ipv4.js";
import { macToString } from "../core/packet.js";
import type { Host } from "../host.js";
import { labFromFile } from "../lab/build.js";
import { hostIO, LAB_COMMANDS, runLabCommand } from "../lab/commands.js";
import { LabFileError } from "../lab/file.js";
import { ensureLabHost, type Lab, type LabHost } from "../lab/lab.js";
import { labAnchor, labOfState } from "../lab/state.js";
import { realIO, runShellScript } from "./shell-cli.js";
import { CliError, StateDir } from "./state-dir.js";

export interface LabGlobals {
  stateDir: string;
  wait: number | null;
  /** -H HOST / @HOST */
  host?: string;
}

/**
 * Commands that are the lab's (they route here even without -H). send and
 * trace too: on a single host the lab layer opens its declared listeners.
 */
export function isLabTool(cmd: string, _args: readonly string[]): boolean {
  return LAB_COMMANDS.has(cmd);
}

function readStdin(): string {
  try {
    if (process.stdin.isTTY) return "";
    return readFileSync(0, "utf8");
  } catch {
    return "";
  }
}

/** Whether the command reads standard input (only then is it read: a terminal would block). */
function wantsStdin(cmd: string, args: readonly string[]): boolean {
  if (/^iptables(-nft|-legacy)?-restore$/.test(cmd)) {
    const parsed = parseRestoreArgs(args, "iptables-restore", "nft");
    return parsed.kind !== "exit" && parsed.input.kind !== "file";
  }
  if (cmd === "nc" || cmd === "netcat") return !args.some((a) => /^-[a-zA-Z]*[zl]/.test(a));
  if (cmd === "cat") return args.length === 0 || args.includes("-");
  if (cmd === "send") return args.includes("--json");
  if (cmd === "shell") return args.filter((a) => a !== "--json").length === 0;
  return false;
}

function labHostNames(lab: Lab): string {
  return [...lab.hosts.keys()].join(", ");
}

/** The error for a command without -H on a lab state. */
export function assertNotLab(host: Host, stateDir: string): void {
  const lab = labOfState(host);
  if (lab)
    throw new CliError(
      `iptwin: ${stateDir} holds a lab (hosts: ${labHostNames(lab)}): choose a host with -H HOST or @HOST\n`,
      2,
    );
}

function withState<T>(g: LabGlobals, fn: (anchor: Host, dir: StateDir) => T, save = true): T {
  const dir = new StateDir(g.stateDir);
  dir.lock(g.wait);
  try {
    const loaded = dir.load({});
    const out = fn(loaded, dir);
    if (save) dir.save(loaded);
    return out;
  } finally {
    dir.unlock();
  }
}

/** Runs one command on a host of the lab (-H) or on the single host of the state. */
export function runOnHost(g: LabGlobals, argv: readonly string[]): CommandResult {
  const cmd = argv[0];
  if (cmd === undefined)
    return { stdout: "", stderr: "iptwin: -H HOST needs a command to run on the host\n", status: 2 };
  const args = argv.slice(1);
  let target = g.host;
  if (target === undefined && (cmd === "send" || cmd === "trace")) {
    const i = args.indexOf("--from");
    if (i >= 0) target = args[i + 1];
  }
  const stdin = wantsStdin(cmd, args) ? readStdin() : "";
  return withState(g, (anchor) => {
    const lab = labOfState(anchor);
    let host: Host;
    if (target !== undefined) {
      if (!lab)
        throw new CliError(
          `iptwin: -H ${target}: ${g.stateDir} holds a single host, not a lab (iptwin lab up FILE makes one)\n`,
          2,
        );
      const lh = lab.host(target);
      if (!lh) throw new CliError(`iptwin: no host '${target}' in the lab (hosts: ${labHostNames(lab)})\n`, 2);
      host = lh.host;
    } else {
      assertNotLab(anchor, g.stateDir);
      host = anchor;
      ensureLabHost(host);
    }
    return runCommand(host, cmd, args, stdin);
  });
}

function runCommand(host: Host, cmd: string, args: string[], stdin: string): CommandResult {
  const io = hostIO(host, realIO());
  if (LAB_COMMANDS.has(cmd)) return runLabCommand(host, cmd, args, stdin, io);
  if (cmd === "shell") {
    const json = args.includes("--json");
    const files = args.filter((a) => a !== "--json");
    const script = files.length ? readFileSync(resolve(files[0]!), "utf8") : stdin;
    return runShellScript(host, io, script, json);
  }
  const session = new ShellSession(host, io);
  const handler = session.commands.get(cmd);
  if (!handler) return { stdout: "", stderr: `iptwin: unknown command '${cmd}' for a host\n`, status: 2 };
  return handler([cmd, ...args], stdin, session);
}

// ------------------------------------------------------------------ lab up/down/show

const LAB_USAGE = `Usage: iptwin lab up [--replace] FILE   create the lab a YAML file describes (see examples/lab-basic.yaml)
       iptwin lab down                   remove the lab from the state directory
       iptwin lab show                   its hosts, interfaces, addresses, routes, listeners and links
`;

export function runLabCli(g: LabGlobals, args: readonly string[]): CommandResult {
  const verb = args[0];
  if (verb === "up") return labUp(g, args.slice(1));
  if (verb === "down") return labDown(g);
  if (verb === "show") return labShow(g);
  if (verb === undefined || verb === "help" || verb === "--help" || verb === "-h")
    return { stdout: LAB_USAGE, stderr: "", status: verb === undefined ? 2 : 0 };
  return { stdout: "", stderr: `iptwin: lab: unknown command '${verb}'\n${LAB_USAGE}`, status: 2 };
}

function labUp(g: LabGlobals, args: readonly string[]): CommandResult {
  const replace = args.includes("--replace");
  const files = args.filter((a) => a !== "--replace");
  if (files.length !== 1) return { stdout: "", stderr: LAB_USAGE, status: 2 };
  const file = files[0]!;
  let text: string;
  try {
    text = readFileSync(resolve(file), "utf8");
  } catch (e) {
    return {
      stdout: "",
      stderr: `iptwin: lab up: ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "No such file or directory" : (e as Error).message}\n`,
      status: 1,
    };
  }
  const dir = new StateDir(g.stateDir);
  dir.lock(g.wait);
  try {
    if (existsSync(dir.file) && !replace) {
      return {
        stdout: "",
        stderr: `iptwin: lab up: ${g.stateDir} already holds a twin; \`iptwin lab down\` first, or \`iptwin lab up --replace ${file}\`\n`,
        status: 1,
      };
    }
    let lab: Lab;
    try {
      const base = dirname(resolve(file));
      lab = labFromFile(file, text, { readFile: (p) => readFileSync(resolve(base, p), "utf8") });
    } catch (e) {
      if (e instanceof LabFileError) return { stdout: "", stderr: `iptwin: lab up: ${e.message}\n`, status: 1 };
      throw e;
    }
    dir.save(labAnchor(lab));
    const names = [...lab.hosts.keys()];
    return {
      stdout: `lab up: ${names.length} host${names.length === 1 ? "" : "s"} (${names.join(", ")}), ${lab.segments.length} link${lab.segments.length === 1 ? "" : "s"}\n`,
      stderr: "",
      status: 0,
    };
  } finally {
    dir.unlock();
  }
}

function labDown(g: LabGlobals): CommandResult {
  const dir = new StateDir(g.stateDir);
  dir.lock(g.wait);
  try {
    if (!existsSync(dir.file)) return { stdout: "", stderr: `iptwin: lab down: no lab in ${g.stateDir}\n`, status: 1 };
    const anchor = dir.load({});
    if (!labOfState(anchor))
      return {
        stdout: "",
        stderr: `iptwin: lab down: ${g.stateDir} holds a single host, not a lab (left untouched)\n`,
        status: 1,
      };
    unlinkSync(dir.file);
    return { stdout: "lab down\n", stderr: "", status: 0 };
  } finally {
    dir.unlock();
  }
}

function labShow(g: LabGlobals): CommandResult {
  return withState(
    g,
    (anchor) => {
      const lab = labOfState(anchor);
      if (!lab) return { stdout: "", stderr: `iptwin: lab show: ${g.stateDir} holds no lab\n`, status: 1 };
      return { stdout: describeLab(lab), stderr: "", status: 0 };
    },
    false,
  );
}

function peersOf(lh: LabHost, dev: string): string {
  const seg = lh.links.get(dev);
  if (!seg) return "not connected";
  const others = seg.ports.filter((p) => !(p.host === lh && p.dev === dev)).map((p) => `${p.host.name}:${p.dev}`);
  return `${seg.kind} ${seg.name} → ${others.join(" ") || "(nothing)"}`;
}

/** A readable summary of the lab. */
export function describeLab(lab: Lab): string {
  const boot = new Date(lab.epoch * 1000).toISOString().replace(".000Z", "Z");
  let s = `lab: ${lab.hosts.size} host${lab.hosts.size === 1 ? "" : "s"}, ${lab.segments.length} link${lab.segments.length === 1 ? "" : "s"}; booted ${boot}, clock +${(lab.nowNs / 1e9).toFixed(6)}s\n`;
  for (const lh of lab.hosts.values()) {
    const h = lh.host;
    s += `\nhost ${lh.name}${lh.hostname !== lh.name ? ` (hostname ${lh.hostname})` : ""}, iptables ${h.flavour}\n`;
    for (const i of h.net.ifaces) {
      if (i.kind === "loopback") continue;
      const addrs = i.addrs.map((a) => `${formatIPv4(a.addr)}/${a.plen}`).join(" ") || "-";
      s += `  ${i.name.padEnd(8)} ${macToString(i.mac)}  ${addrs.padEnd(18)} ${i.up ? "" : "DOWN "}${peersOf(lh, i.name)}\n`;
    }
    const routes = h.ip(["route", "show"]).stdout.trimEnd();
    if (routes) for (const r of routes.split("\n")) s += `  route ${r}\n`;
    const fwd = h.net.sysctlInt("net.ipv4.ip_forward");
    if (fwd) s += "  ip_forward 1\n";
    for (const l of lh.sys.listeners)
      s += `  listen ${l.addr ? `${formatIPv4(l.addr)}:` : ""}${l.port}/${l.proto} ${l.app}\n`;
    const rules = [...h.ruleset.tables.values()].reduce(
      (n, t) => n + [...t.chains.values()].reduce((m, c) => m + c.rules.length, 0),
      0,
    );
    s += `  ${rules} rule${rules === 1 ? "" : "s"}\n`;
  }
  return s;
}
