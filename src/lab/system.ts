/**
 * The host's system commands the tutorials use around iptables:
 *   service iptables save|start|stop|restart|status   (iptables-services on CentOS/RHEL 7)
 *   systemctl start|stop|restart|status|enable|disable|is-active|is-enabled iptables
 *   dmesg, journalctl [-k] [-u iptables], cat FILE (/var/log/messages is the
 *   syslog file rsyslog writes), hostname, sleep SECONDS (virtual time), ss.
 * /etc/sysconfig/iptables lives in the host's own small file system (HostSys.files).
 */
import { KernelLog } from "../engine/kernlog.js";
import type { LabHost } from "./lab.js";
import type { HostSys, UnitRun } from "./sys.js";
import type { ToolResult } from "./tools/common.js";

export const IPTABLES_DATA = "/etc/sysconfig/iptables";
const UNIT = "iptables.service";
const DESCRIPTION = "IPv4 firewall with iptables";
const INIT = "/usr/libexec/iptables/iptables.init";
const OK = "[  OK  ]";
const FAILED = "[FAILED]";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const p2 = (n: number) => String(n).padStart(2, "0");

function wallMs(lh: LabHost, ns: number): number {
  return lh.lab.epoch * 1000 + Math.floor(ns / 1e6);
}

/** journalctl's short format: "Sep 02 08:51:48". */
function journalStamp(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** rsyslog's traditional format: "Sep  2 08:51:48". */
function syslogStamp(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** systemctl's "Sat 2017-09-02 08:51:48 UTC". */
function systemdStamp(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC`;
}

/** format_timestamp_relative(): "6s ago", "1min 5s ago", "2h 3min ago", "1 day 2h ago". */
function relative(ns: number): string {
  const s = Math.floor(ns / 1e9);
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}min ${s % 60}s ago`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}min ago`;
  const d = Math.floor(s / 86400);
  return `${d} day${d > 1 ? "s" : ""} ${Math.floor((s % 86400) / 3600)}h ago`;
}

function journal(lh: LabHost, ident: string, text: string): void {
  lh.sys.iptables.journal.push([lh.lab.nowNs, ident, text]);
}

function newPid(sys: HostSys): number {
  return sys.nextPid++;
}

// ------------------------------------------------------------------ iptables.init

/** iptables.init save: iptables-save into /etc/sysconfig/iptables. */
function initSave(lh: LabHost): { text: string; status: number } {
  const r = lh.host.iptablesSave([]);
  if (r.status !== 0) return { text: `iptables: Saving firewall rules to ${IPTABLES_DATA}: ${FAILED}\n`, status: 1 };
  lh.sys.files.set(IPTABLES_DATA, r.stdout);
  return { text: `iptables: Saving firewall rules to ${IPTABLES_DATA}:${OK}\n`, status: 0 };
}

/** iptables.init start: iptables-restore of /etc/sysconfig/iptables. */
function initStart(lh: LabHost): { lines: string[]; status: number } {
  const data = lh.sys.files.get(IPTABLES_DATA);
  if (data === undefined) return { lines: ["iptables: No config file. [WARNING]"], status: 6 };
  const r = lh.host.restore(data);
  if (r.status !== 0) {
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    return { lines: [...lines, `iptables: Applying firewall rules: ${FAILED}`], status: 1 };
  }
  return { lines: [`iptables: Applying firewall rules: ${OK}`], status: 0 };
}

/** iptables.init stop: every chain policy ACCEPT, then flush and delete the chains of each table. */
function initStop(lh: LabHost): { lines: string[]; status: number } {
  const host = lh.host;
  const tables = [...host.ruleset.tables.values()].filter((t) => t.exists).map((t) => t.name);
  if (tables.length === 0) return { lines: [], status: 0 };
  for (const t of tables) {
    const chains = [...(host.ruleset.table(t)?.chains.values() ?? [])].filter((c) => c.policy !== null);
    for (const c of chains) host.iptables(["-t", t, "-P", c.name, "ACCEPT"]);
  }
  for (const t of tables) {
    host.iptables(["-t", t, "-F"]);
    host.iptables(["-t", t, "-X"]);
    host.iptables(["-t", t, "-Z"]);
  }
  return {
    lines: [
      `iptables: Setting chains to policy ACCEPT: ${tables.join(" ")} ${OK}`,
      `iptables: Flushing firewall rules: ${OK}`,
      `iptables: Unloading modules: ${OK}`,
    ],
    status: 0,
  };
}

function unitStart(lh: LabHost): number {
  const u = lh.sys.iptables;
  if (u.active) return 0;
  const pid = newPid(lh.sys);
  journal(lh, "systemd[1]", `Starting ${DESCRIPTION}...`);
  const r = initStart(lh);
  for (const l of r.lines) journal(lh, `iptables.init[${pid}]`, l);
  u.start = { at: lh.lab.nowNs, pid, exec: "start", status: r.status };
  if (r.status === 0) {
    u.active = true;
    journal(lh, "systemd[1]", `Started ${DESCRIPTION}.`);
  } else {
    u.active = false;
    journal(lh, "systemd[1]", `${UNIT}: main process exited, code=exited, status=${r.status}/${exitName(r.status)}`);
    journal(lh, "systemd[1]", `Failed to start ${DESCRIPTION}.`);
    journal(lh, "systemd[1]", `Unit ${UNIT} entered failed state.`);
    journal(lh, "systemd[1]", `${UNIT} failed.`);
  }
  return r.status;
}

function unitStop(lh: LabHost): void {
  const u = lh.sys.iptables;
  if (!u.active) {
    // A failed unit is reset to inactive; an inactive one stays as it is.
    if (u.start && u.start.status !== 0) u.start = { ...u.start };
    return;
  }
  const pid = newPid(lh.sys);
  journal(lh, "systemd[1]", `Stopping ${DESCRIPTION}...`);
  const r = initStop(lh);
  for (const l of r.lines) journal(lh, `iptables.init[${pid}]`, l);
  u.stop = { at: lh.lab.nowNs, pid, exec: "stop", status: r.status };
  u.active = false;
  journal(lh, "systemd[1]", `Stopped ${DESCRIPTION}.`);
}

function exitName(status: number): string {
  return (
    [
      "SUCCESS",
      "FAILURE",
      "INVALIDARGUMENT",
      "NOTIMPLEMENTED",
      "NOPERMISSION",
      "NOTINSTALLED",
      "NOTCONFIGURED",
      "NOTRUNNING",
    ][status] ?? String(status)
  );
}

function processLine(r: UnitRun): string {
  return `  Process: ${r.pid} ${r.exec === "start" ? "ExecStart" : "ExecStop"}=${INIT} ${r.exec} (code=exited, status=${r.status}/${exitName(r.status)})`;
}

/** systemctl status iptables (systemd 219, CentOS/RHEL 7). */
function unitStatus(lh: LabHost): ToolResult {
  const u = lh.sys.iptables;
  const now = lh.lab.nowNs;
  const failed = !u.active && u.start !== undefined && u.start.status !== 0 && (!u.stop || u.stop.at < u.start.at);
  let s = `● ${UNIT} - ${DESCRIPTION}\n`;
  s += `   Loaded: loaded (/usr/lib/systemd/system/${UNIT}; ${u.enabled ? "enabled" : "disabled"}; vendor preset: disabled)\n`;
  if (u.active && u.start) {
    s += `   Active: active (exited) since ${systemdStamp(wallMs(lh, u.start.at))}; ${relative(now - u.start.at)}\n`;
    s += `${processLine(u.start)}\n Main PID: ${u.start.pid} (code=exited, status=0/SUCCESS)\n`;
  } else if (failed && u.start) {
    s += `   Active: failed (Result: exit-code) since ${systemdStamp(wallMs(lh, u.start.at))}; ${relative(now - u.start.at)}\n`;
    s += `${processLine(u.start)}\n Main PID: ${u.start.pid} (code=exited, status=${u.start.status}/${exitName(u.start.status)})\n`;
  } else if (u.stop) {
    s += `   Active: inactive (dead) since ${systemdStamp(wallMs(lh, u.stop.at))}; ${relative(now - u.stop.at)}\n`;
    s += `${processLine(u.stop)}\n`;
    if (u.start)
      s += `${processLine(u.start)}\n Main PID: ${u.start.pid} (code=exited, status=${u.start.status}/${exitName(u.start.status)})\n`;
  } else s += "   Active: inactive (dead)\n";
  const lines = u.journal.slice(-10);
  if (lines.length) {
    s += "\n";
    for (const [ns, ident, text] of lines) s += `${journalStamp(wallMs(lh, ns))} ${lh.hostname} ${ident}: ${text}\n`;
  }
  return { stdout: s, stderr: "", status: u.active ? 0 : 3 };
}

function unitName(n: string): string {
  return n.includes(".") ? n : `${n}.service`;
}

export function runSystemctl(lh: LabHost, argv: readonly string[]): ToolResult {
  const args = argv.filter((a) => a !== "--no-pager" && a !== "-l" && a !== "--full" && a !== "-q" && a !== "--quiet");
  const quiet = argv.includes("-q") || argv.includes("--quiet");
  const verb = args[0];
  const units = args.slice(1);
  if (verb === undefined)
    return {
      stdout: "",
      stderr:
        "iptwin: systemctl: the twin knows only iptables.service (systemctl start|stop|restart|status|enable|disable|is-active|is-enabled iptables)\n",
      status: 1,
    };
  const known = [
    "start",
    "stop",
    "restart",
    "reload",
    "status",
    "enable",
    "disable",
    "is-active",
    "is-enabled",
    "try-restart",
    "condrestart",
  ];
  if (!known.includes(verb)) return { stdout: "", stderr: `Unknown operation '${verb}'.\n`, status: 1 };
  if (units.length === 0) return { stdout: "", stderr: `Too few arguments.\n`, status: 1 };
  let out = "";
  let err = "";
  let status = 0;
  for (const raw of units) {
    const name = unitName(raw);
    if (name !== UNIT) {
      if (verb === "status") {
        err += `Unit ${name} could not be found.\n`;
        status = 4;
      } else if (verb === "is-active") {
        if (!quiet) out += "unknown\n";
        status = 3;
      } else {
        err += `Failed to ${verb} ${name}: Unit not found.\n`;
        status = 5;
      }
      continue;
    }
    const u = lh.sys.iptables;
    switch (verb) {
      case "start":
        if (unitStart(lh) !== 0) {
          err += `Job for ${UNIT} failed because the control process exited with error code. See "systemctl status ${UNIT}" and "journalctl -xe" for details.\n`;
          status = 1;
        }
        break;
      case "stop":
        unitStop(lh);
        break;
      case "restart":
      case "reload":
      case "try-restart":
      case "condrestart":
        if ((verb === "try-restart" || verb === "condrestart") && !u.active) break;
        unitStop(lh);
        if (unitStart(lh) !== 0) {
          err += `Job for ${UNIT} failed because the control process exited with error code. See "systemctl status ${UNIT}" and "journalctl -xe" for details.\n`;
          status = 1;
        }
        break;
      case "status": {
        const r = unitStatus(lh);
        out += r.stdout;
        status = r.status;
        break;
      }
      case "enable":
        if (!u.enabled)
          err += `Created symlink from /etc/systemd/system/basic.target.wants/${UNIT} to /usr/lib/systemd/system/${UNIT}.\n`;
        u.enabled = true;
        break;
      case "disable":
        if (u.enabled) err += `Removed symlink /etc/systemd/system/basic.target.wants/${UNIT}.\n`;
        u.enabled = false;
        break;
      case "is-active": {
        const failed = !u.active && u.start !== undefined && u.start.status !== 0;
        if (!quiet) out += `${u.active ? "active" : failed ? "failed" : "inactive"}\n`;
        if (!u.active) status = 3;
        break;
      }
      case "is-enabled":
        if (!quiet) out += `${u.enabled ? "enabled" : "disabled"}\n`;
        if (!u.enabled) status = 1;
        break;
    }
  }
  return { stdout: out, stderr: err, status };
}

/** service NAME ACTION (initscripts 9.49 on CentOS 7): save/panic are iptables.init's own; the rest go to systemctl. */
export function runService(lh: LabHost, argv: readonly string[]): ToolResult {
  const [name, action, ...rest] = argv;
  if (name === undefined || action === undefined)
    return {
      stdout: "",
      stderr: "Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n",
      status: 1,
    };
  if (name !== "iptables")
    return {
      stdout: "",
      stderr: `Redirecting to /bin/systemctl ${action} ${name}.service\nFailed to ${action} ${name}.service: Unit not found.\n`,
      status: 5,
    };
  if (action === "save") {
    const r = initSave(lh);
    return { stdout: r.text, stderr: "", status: r.status };
  }
  if (action === "panic") {
    return { stdout: "", stderr: "iptwin: service iptables panic is not supported by the twin\n", status: 1 };
  }
  const r = runSystemctl(lh, [action, "iptables", ...rest]);
  return { stdout: r.stdout, stderr: `Redirecting to /bin/systemctl ${action} ${UNIT}\n${r.stderr}`, status: r.status };
}

// ------------------------------------------------------------------ logs

function kernelRing(lh: LabHost): KernelLog {
  const k = new KernelLog();
  const log = lh.host.kernlog;
  for (let i = Math.min(lh.sys.dmesgFrom, log.length); i < log.length; i++)
    k.append(log[i]!.level, log[i]!.line, log[i]!.ns);
  return k;
}

export function runDmesg(lh: LabHost, argv: readonly string[]): ToolResult {
  const k = kernelRing(lh);
  const r = k.dmesg(argv, lh.lab.epoch * 1000);
  const clears = argv.some(
    (a) =>
      a === "-c" || a === "-C" || a === "--clear" || a === "--read-clear" || (/^-[a-zA-Z]+$/.test(a) && /[cC]/.test(a)),
  );
  if (r.status === 0 && clears) lh.sys.dmesgFrom = lh.host.kernlog.length;
  return r;
}

/** Kernel lines and the unit's lines in time order: [ns, identifier, text]. */
function allLines(lh: LabHost, kernelOnly: boolean, unitOnly: boolean): Array<[number, string, string]> {
  const out: Array<[number, string, string]> = [];
  if (!unitOnly) for (const r of lh.host.kernlog) out.push([r.ns, "kernel", r.line]);
  if (!kernelOnly) for (const j of lh.sys.iptables.journal) out.push(j);
  out.sort((a, b) => a[0] - b[0]);
  return out;
}

export function runJournalctl(lh: LabHost, argv: readonly string[]): ToolResult {
  let kernel = false;
  let unit = false;
  let lines: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "-k" || a === "--dmesg") kernel = true;
    else if (
      a === "-b" ||
      a === "-b0" ||
      a === "--boot" ||
      a === "--no-pager" ||
      a === "-f" ||
      a === "--follow" ||
      a === "-q"
    )
      continue;
    else if (a === "-u" || a === "--unit") {
      const u = argv[++i];
      if (u === undefined) return { stdout: "", stderr: "journalctl: option requires an argument -- 'u'\n", status: 1 };
      if (unitName(u) !== UNIT) return { stdout: "-- No entries --\n", stderr: "", status: 0 };
      unit = true;
    } else if (a === "-n" || a === "--lines") lines = Number(argv[++i]);
    else if (/^-n\d+$/.test(a)) lines = Number(a.slice(2));
    else return { stdout: "", stderr: `iptwin: journalctl: option ${a} is not supported by the twin\n`, status: 1 };
  }
  let all = allLines(lh, kernel, unit);
  if (lines !== undefined) all = all.slice(-lines);
  if (all.length === 0) return { stdout: "-- No entries --\n", stderr: "", status: 0 };
  let out = "";
  for (const [ns, ident, text] of all) out += `${journalStamp(wallMs(lh, ns))} ${lh.hostname} ${ident}: ${text}\n`;
  return { stdout: out, stderr: "", status: 0 };
}

/** /var/log/messages as rsyslog writes it on CentOS/RHEL 7 (kernel lines without the kernel's timestamp). */
export function varLogMessages(lh: LabHost): string {
  let out = "";
  for (const [ns, ident, text] of allLines(lh, false, false))
    out += `${syslogStamp(wallMs(lh, ns))} ${lh.hostname} ${ident}: ${text}\n`;
  return out;
}

/** The files of the host: its own, plus the ones the system makes (/var/log/messages, /etc/hostname). */
export function readHostFile(lh: LabHost, path: string): string | undefined {
  if (path === "/var/log/messages") return varLogMessages(lh);
  if (path === "/etc/hostname") return lh.sys.files.get(path) ?? `${lh.hostname}\n`;
  if (path === "/etc/hosts" && !lh.sys.files.has(path)) {
    let s = "";
    for (const e of lh.host.db.hosts)
      s += `${(e.addr >>> 24) & 255}.${(e.addr >>> 16) & 255}.${(e.addr >>> 8) & 255}.${e.addr & 255}\t${e.names.join(" ")}\n`;
    return s;
  }
  return lh.sys.files.get(path);
}

export function runCat(
  lh: LabHost,
  argv: readonly string[],
  stdin: string,
  read: (p: string) => string | undefined,
): ToolResult {
  if (argv.length === 0) return { stdout: stdin, stderr: "", status: 0 };
  let out = "";
  let err = "";
  let status = 0;
  for (const p of argv) {
    if (p === "-") {
      out += stdin;
      continue;
    }
    const t = read(p);
    if (t === undefined) {
      err += `cat: ${p}: No such file or directory\n`;
      status = 1;
    } else out += t;
  }
  void lh;
  return { stdout: out, stderr: err, status };
}

export function runTail(lh: LabHost, argv: readonly string[], read: (p: string) => string | undefined): ToolResult {
  let n = 10;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "-n") n = Number(argv[++i]);
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a === "-f" || a === "-F") continue;
    else files.push(a);
  }
  let out = "";
  let err = "";
  let status = 0;
  for (const f of files) {
    const t = read(f);
    if (t === undefined) {
      err += `tail: cannot open '${f}' for reading: No such file or directory\n`;
      status = 1;
      continue;
    }
    const lines = t.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    const kept = lines.slice(Math.max(0, lines.length - n));
    out += kept.length ? `${kept.join("\n")}\n` : "";
  }
  void lh;
  return { stdout: out, stderr: err, status };
}

export function runSleep(lh: LabHost, argv: readonly string[]): ToolResult {
  let total = 0;
  for (const a of argv) {
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
    if (!m)
      return {
        stdout: "",
        stderr: `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`,
        status: 1,
      };
    total += Number(m[1]) * ({ "": 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]!]!;
  }
  if (argv.length === 0)
    return { stdout: "", stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", status: 1 };
  lh.lab.advance(Math.round(total * 1e9));
  lh.lab.drain();
  return { stdout: "", stderr: "", status: 0 };
}
