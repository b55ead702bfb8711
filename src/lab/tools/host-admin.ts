/**
 * Commands that set up a twin host rather than mimic a real tool:
 * `listen`/`unlisten` (local sockets, so SYNs get SYN-ACKs and UDP is
 * consumed), and `clock` (the virtual clock: `clock`, `clock advance 30s`).
 */
import type { CommandResult } from "../../compat/iptables/commands.js";
import { formatIPv4, numericToIPv4 } from "../../core/ipv4.js";
import type { LabHost } from "../lab.js";
import type { ListenerSpec } from "../sys.js";

const APPS = ["close", "http", "banner", "hold"] as const;

function usage(prog: string, text: string): CommandResult {
  return { stdout: "", stderr: `${prog}: ${text}\n`, status: 2 };
}

/** `[ADDR:]PORT` */
function parseEndpoint(s: string): { addr: number; port: number } | undefined {
  const colon = s.lastIndexOf(":");
  const addrText = colon >= 0 ? s.slice(0, colon) : "";
  const portText = colon >= 0 ? s.slice(colon + 1) : s;
  if (!/^\d+$/.test(portText)) return undefined;
  const port = Number(portText);
  if (port < 1 || port > 65535) return undefined;
  if (addrText === "" || addrText === "*" || addrText === "0.0.0.0") return { addr: 0, port };
  const addr = /^\d+\.\d+\.\d+\.\d+$/.test(addrText) ? numericToIPv4(addrText) : undefined;
  return addr === undefined ? undefined : { addr, port };
}

/** listen tcp|udp [ADDR:]PORT [close|http|banner|hold] [BODY] */
export function runListen(lh: LabHost, argv: readonly string[]): CommandResult {
  const [proto, ep, app = "http", body] = argv;
  if (proto !== "tcp" && proto !== "udp")
    return usage("listen", "usage: listen tcp|udp [ADDR:]PORT [close|http|banner|hold] [BODY]");
  const e = ep === undefined ? undefined : parseEndpoint(ep);
  if (!e) return usage("listen", `bad address or port '${ep ?? ""}' (want [ADDR:]PORT)`);
  if (!(APPS as readonly string[]).includes(app))
    return usage("listen", `unknown application '${app}' (close, http, banner or hold)`);
  const list = lh.sys.listeners;
  const clash = list.find(
    (l) => l.proto === proto && l.port === e.port && (l.addr === e.addr || l.addr === 0 || e.addr === 0),
  );
  if (clash) {
    return {
      stdout: "",
      stderr: `listen: ${proto} ${formatIPv4(e.addr)}:${e.port}: Address already in use\n`,
      status: 1,
    };
  }
  const spec: ListenerSpec = { proto, addr: e.addr, port: e.port, app: app as ListenerSpec["app"] };
  if (body !== undefined) spec.body = body;
  list.push(spec);
  lh.server.open();
  return { stdout: "", stderr: "", status: 0 };
}

/** unlisten tcp|udp [ADDR:]PORT */
export function runUnlisten(lh: LabHost, argv: readonly string[]): CommandResult {
  const [proto, ep] = argv;
  if (proto !== "tcp" && proto !== "udp") return usage("unlisten", "usage: unlisten tcp|udp [ADDR:]PORT");
  const e = ep === undefined ? undefined : parseEndpoint(ep);
  if (!e) return usage("unlisten", `bad address or port '${ep ?? ""}' (want [ADDR:]PORT)`);
  const list = lh.sys.listeners;
  const i = list.findIndex((l) => l.proto === proto && l.addr === e.addr && l.port === e.port);
  if (i < 0)
    return { stdout: "", stderr: `unlisten: no ${proto} listener on ${formatIPv4(e.addr)}:${e.port}\n`, status: 1 };
  list.splice(i, 1);
  lh.host.local.sockets.unlisten(proto, e.addr, e.port);
  return { stdout: "", stderr: "", status: 0 };
}

const UNITS: Record<string, number> = { "": 1, ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1, m: 60, min: 60, h: 3600, d: 86400 };

/** Parses `30s`, `1.5m`, `250ms`, `2h` into nanoseconds. */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ns|us|ms|s|min|m|h|d)?$/.exec(s);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNITS[m[2] ?? ""]! * 1e9);
}

function formatUptime(ns: number): string {
  return `${(ns / 1e9).toFixed(6)}s`;
}

/** clock [show] | clock advance DURATION */
export function runClock(lh: LabHost, argv: readonly string[]): CommandResult {
  const show = (): CommandResult => {
    const ns = Number(lh.host.elapsedNs);
    const wall = new Date((lh.host.epoch + Math.floor(ns / 1e9)) * 1000).toISOString().replace(".000Z", "Z");
    return { stdout: `${wall} (up ${formatUptime(ns)})\n`, stderr: "", status: 0 };
  };
  if (argv.length === 0 || (argv.length === 1 && argv[0] === "show")) return show();
  if (argv[0] === "advance" && argv.length === 2) {
    const ns = parseDuration(argv[1]!);
    if (ns === undefined) return usage("clock", `bad duration '${argv[1]}' (e.g. 30s, 250ms, 5m, 2h)`);
    lh.lab.advance(ns);
    lh.lab.drain();
    return show();
  }
  return usage("clock", "usage: clock [show] | clock advance DURATION");
}
