/**
 * The iptwin command: global options, the state directory, and dispatch to
 * the twin's commands. The only layer that touches process, files and exit codes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ip6tablesRefusal, isIp6tablesName } from "../compat/ip6tables.js";
import type { Flavour } from "../compat/iptables/commands.js";
import { parseRestoreArgs } from "../compat/iptables/restore.js";
import { runSend, runSendJsonBytes, runTrace } from "../compat/send.js";
import type { Host } from "../host.js";
import { runDemo } from "./demo.js";
import { assertNotLab, isLabTool, runLabCli, runOnHost } from "./lab-cli.js";
import { realIO, runShellScript } from "./shell-cli.js";
import { runShims } from "./shims.js";
import { CliError, StateDir } from "./state-dir.js";
import { runWrap } from "./wrap.js";

const VERSION = "0.1.0";

const USAGE = `Usage: iptwin [--state DIR] [--flavour nft|legacy] COMMAND [ARGS...]

A twin of a Linux host's netfilter: the real commands, no root, no kernel.

Commands:
  iptables ARGS...           what iptables 1.8.9 does (also iptables-nft / iptables-legacy)
  iptables-save ARGS...      iptables-save
  iptables-restore ARGS...   iptables-restore (reads FILE or standard input)
  ip ARGS...                 what ip (iproute2 6.1) does: link, address, route, neigh
  sysctl ARGS...             what sysctl (procps-ng 4.0.2) does with the twin's sysctls
  shell [--json] [FILE]      run a shell script of such commands (FILE or standard input)
  send PACKET-OPTIONS...     send a packet through the twin (-i IFACE|--local -p -s -d --dport …; send --help)
  send --json                packets as JSON lines on standard input, one JSON result per line
  trace PACKET-OPTIONS...    the rules the packet meets (xtables-monitor --trace), then what send says
  shims DIR                  write iptables/iptables-save/iptables-restore/sysctl shims for this twin into DIR
  wrap [--] COMMAND...       run COMMAND with the shims in front of the real tools (iptwin wrap --help)
  lab up|down|show [FILE]    a lab of several hosts from a YAML file (examples/*/lab.yaml)
  -H HOST COMMAND... | @HOST COMMAND...   run any command on one host of the lab
  ping, nc, curl, ssh        traffic from the host (iputils, netcat-openbsd, curl, OpenSSH's connect messages)
  conntrack ARGS...          what conntrack (conntrack-tools 1.4.7) does: -L, -G, -D, -F, -E, -C, -S, -I, -A, -U
  listen tcp|udp [ADDR:]PORT a listening socket on the host (unlisten removes it; ss -ltn/-lun lists them)
  clock [advance DURATION]   the host's virtual clock (conntrack timeouts, limits, recent, reassembly)
  tally N COMMAND...         run a host command N times and count its distinct outputs
  service, systemctl         iptables-services: save/start/stop/restart/status of /etc/sysconfig/iptables
  dmesg, journalctl, cat     the kernel log, the journal, the host's files (/var/log/messages)
  demo [--state DIR]         a short tour on a built-in lab (Docker DNAT, a Service split, REJECT/LOG, trace)
  version                    print the iptwin version

Options:
  --state DIR      where the twin host lives (default $IPTWIN_STATE, else ./.iptwin)
  --flavour F      nft (default) or legacy, for a new state (also $IPTWIN_FLAVOUR)
  --wait[=SECS]    for shell: wait for the lock instead of failing
`;

interface Globals {
  stateDir: string;
  flavour: Flavour;
  /** The flavour was asked for (option, environment or command name), not defaulted. */
  flavourExplicit: boolean;
  wait: number | null;
  /** -H HOST / @HOST: the lab host a command runs on. */
  host?: string;
}

/** What a command wants written and the exit status. */
interface Outcome {
  stdout: string | Uint8Array;
  stderr: string;
  status: number;
}

function parseGlobals(argv: string[]): { g: Globals; rest: string[] } {
  const g: Globals = {
    stateDir: process.env.IPTWIN_STATE || ".iptwin",
    flavour: process.env.IPTWIN_FLAVOUR === "legacy" ? "legacy" : "nft",
    flavourExplicit: Boolean(process.env.IPTWIN_FLAVOUR),
    wait: null,
  };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    const take = (name: string): string => {
      if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
      const v = argv[++i];
      if (v === undefined) throw new CliError(`iptwin: option ${name} needs a value\n${USAGE}`, 2);
      return v;
    };
    if (a === "--state" || a.startsWith("--state=")) g.stateDir = take("--state");
    else if (a === "--flavour" || a.startsWith("--flavour=") || a === "--flavor" || a.startsWith("--flavor=")) {
      const f = take(a.startsWith("--flavor") ? "--flavor" : "--flavour");
      if (f !== "nft" && f !== "legacy") throw new CliError(`iptwin: unknown flavour '${f}' (nft or legacy)\n`, 2);
      g.flavour = f;
      g.flavourExplicit = true;
    } else if (a === "-H" || a === "--host" || a.startsWith("--host=")) g.host = take("--host");
    else if (a.startsWith("@") && a.length > 1) g.host = a.slice(1);
    else if (a === "--wait") g.wait = -1;
    else if (a.startsWith("--wait=")) g.wait = Number(a.slice(7));
    else break;
  }
  return { g, rest: argv.slice(i) };
}

/** The -w of an iptables command line, as parse_wait_time() reads it. */
function iptablesWait(args: readonly string[]): number | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-w" || a === "--wait") {
      const next = args[i + 1];
      if (next !== undefined && /^-?\d+$/.test(next)) return Number(next);
      return -1;
    }
    if (/^-w\d+$/.test(a)) return Number(a.slice(2));
    if (a.startsWith("--wait=")) return Number(a.slice(7));
  }
  return null;
}

function readStdinBytes(): Uint8Array {
  try {
    return readFileSync(0);
  } catch {
    return new Uint8Array(0);
  }
}

function readStdin(): string {
  try {
    return readFileSync(0, "utf8");
  } catch {
    return "";
  }
}

/** Runs one command with the state loaded and locked; saves it if the rule set changed. */
function withHost(g: Globals, wait: number | null, fn: (host: Host) => Outcome, alwaysSave = false): Outcome {
  const dir = new StateDir(g.stateDir);
  dir.lock(wait);
  try {
    const host = dir.load({ flavour: g.flavour });
    assertNotLab(host, g.stateDir);
    if (host.flavour !== g.flavour && g.flavourExplicit) {
      throw new CliError(
        `iptwin: the twin in ${g.stateDir} runs iptables ${host.flavour}; it cannot switch to ${g.flavour}\n`,
        2,
      );
    }
    const before = [...host.ruleset.tables.values()];
    const out = fn(host);
    const after = [...host.ruleset.tables.values()];
    if (alwaysSave || before.some((t, i) => t !== after[i])) dir.save(host);
    return out;
  } finally {
    dir.unlock();
  }
}

const FLAVOURED = /^iptables(-nft|-legacy)?(-save|-restore)?$/;

export function main(argv: string[]): number {
  let outcome: Outcome;
  try {
    const { g, rest } = parseGlobals(argv);
    const cmd = rest[0];
    const args = rest.slice(1);
    if (cmd === "lab" && g.host === undefined) {
      outcome = runLabCli(g, args);
    } else if (cmd === "demo" && g.host === undefined) {
      // Only an explicit --state keeps the demo's lab: never ./.iptwin or $IPTWIN_STATE.
      const globals = argv.slice(0, argv.length - rest.length);
      const explicit = globals.some((a) => a === "--state" || a.startsWith("--state="));
      outcome = runDemo(args, explicit ? g.stateDir : undefined);
    } else if (cmd !== undefined && (g.host !== undefined || isLabTool(cmd, args))) {
      // A lab host (-H), or a host tool (ping, nc, service, …) on the single host.
      outcome = runOnHost(g, rest);
    } else if (cmd === undefined || cmd === "help" || cmd === "--help" || cmd === "-h") {
      outcome = { stdout: USAGE, stderr: "", status: cmd === undefined ? 2 : 0 };
    } else if (cmd === "version" || cmd === "--version") {
      outcome = { stdout: `iptwin ${VERSION}\n`, stderr: "", status: 0 };
    } else if (FLAVOURED.test(cmd)) {
      const m = FLAVOURED.exec(cmd)!;
      const flavour = m[1] === "-legacy" ? "legacy" : m[1] === "-nft" ? "nft" : g.flavour;
      const gg = { ...g, flavour, flavourExplicit: g.flavourExplicit || m[1] !== undefined };
      if (m[2] === "-save") {
        outcome = withHost(gg, null, (h) => {
          const r = h.iptablesSave(args);
          if (r.file !== undefined) {
            writeFileSync(resolve(r.file), r.stdout);
            return { ...r, stdout: "" };
          }
          return r;
        });
      } else if (m[2] === "-restore") {
        // Standard input unless the arguments name a file (as restore's own parser reads them: `-w 5`, `-T nat`).
        const parsed = parseRestoreArgs(args, "iptables-restore", flavour);
        const needsStdin = parsed.kind !== "exit" && parsed.input.kind !== "file";
        const input = needsStdin ? readStdin() : "";
        outcome = withHost(gg, iptablesWait(args), (h) =>
          h.iptablesRestore(args, input, (p) => readFileSync(resolve(p), "utf8")),
        );
      } else {
        outcome = withHost(gg, iptablesWait(args), (h) => h.iptables(args));
      }
    } else if (cmd === "ip" || cmd === "sysctl") {
      outcome = withHost(
        g,
        null,
        (h) => (cmd === "ip" ? h.ip(args) : h.sysctl(args, (p) => readFileSync(resolve(p), "utf8"))),
        true,
      );
    } else if (cmd === "send" || cmd === "trace") {
      // Packets move counters, conntrack and time: the state is saved whatever happened.
      // packets as JSON lines are read and answered as bytes
      const json = cmd === "send" && args.includes("--json") ? readStdinBytes() : null;
      outcome = withHost(
        g,
        g.wait,
        (h) => (json ? runSendJsonBytes(h, args, json) : cmd === "send" ? runSend(h, args, "") : runTrace(h, args)),
        true,
      );
    } else if (cmd === "shims") {
      outcome = runShims(args, g.stateDir);
    } else if (cmd === "wrap") {
      outcome = runWrap(args, g.stateDir);
    } else if (cmd === "shell") {
      const json = args.includes("--json");
      const files = args.filter((a) => a !== "--json");
      const script = files.length ? readFileSync(resolve(files[0]!), "utf8") : readStdin();
      outcome = withHost(g, g.wait, (h) => runShellScript(h, realIO(), script, json), true);
    } else if (isIp6tablesName(cmd)) {
      outcome = ip6tablesRefusal(cmd);
    } else {
      outcome = { stdout: "", stderr: `iptwin: unknown command '${cmd}'\n${USAGE}`, status: 2 };
    }
  } catch (e) {
    if (e instanceof CliError) outcome = { stdout: "", stderr: e.message, status: e.status };
    else throw e;
  }
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  return outcome.status;
}
