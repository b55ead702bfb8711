/**
 * What a twin host has around its network stack, as far as the tutorials
 * use it: a hostname, a small file system (/etc/sysconfig/iptables, /etc/hosts…)
 * and the state of iptables.service (iptables-services). Kept beside the Host
 * (not in it) and written into the host's state as the "sys" section.
 */
import { Rng } from "../core/rng.js";
import type { Host } from "../host.js";
import { STATE_SECTIONS } from "../state/serialize.js";

/** A unit's last run, as systemctl status reports it. */
export interface UnitRun {
  /** Virtual ns (since boot) of the start or stop. */
  at: number;
  pid: number;
  /** ExecStart or ExecStop, and its exit status. */
  exec: "start" | "stop";
  status: number;
}

/** A listening socket and the application behind it (lab file `listen:`, or nc -l). */
export interface ListenerSpec {
  proto: "tcp" | "udp";
  /** 0: any address. */
  addr: number;
  port: number;
  /**
   * close: reads, closes when the peer closes (nc -l); http: answers one request with a small
   * HTTP response and closes; banner: sends `body` when a connection is accepted; hold: never closes.
   */
  app: "close" | "http" | "banner" | "hold";
  body?: string;
}

export interface HostSys {
  hostname: string;
  listeners: ListenerSpec[];
  /** Absolute path → contents. */
  files: Map<string, string>;
  /** iptables.service */
  iptables: {
    active: boolean;
    enabled: boolean;
    /** The start that made it active (or failed), and the last stop. */
    start?: UnitRun;
    stop?: UnitRun;
    /** Journal lines of the unit: [virtual ns, identifier, text]. */
    journal: Array<[number, string, string]>;
  };
  /** Next process id handed out (systemd units, tools). */
  nextPid: number;
  /** Index in host.kernlog where dmesg's ring starts (dmesg -c / -C cleared what came before). */
  dmesgFrom: number;
}

/** Kernel log records kept in the state (/var/log/messages keeps them; dmesg shows its ring). */
const KERNLOG_KEEP = 20_000;

const SYS = new WeakMap<Host, HostSys>();

export function freshSys(hostname = "localhost"): HostSys {
  return {
    hostname,
    listeners: [],
    files: new Map(),
    iptables: { active: false, enabled: false, journal: [] },
    nextPid: 1000,
    dmesgFrom: 0,
  };
}

/** The host's system state (created on first use). */
export function sysOf(host: Host): HostSys {
  let s = SYS.get(host);
  if (!s) {
    s = freshSys();
    SYS.set(host, s);
  }
  return s;
}

export function setSys(host: Host, s: HostSys): void {
  SYS.set(host, s);
}

interface SysRecord {
  hostname: string;
  listeners: ListenerSpec[];
  /** The host's random generator (NAT ports, ISNs, statistic) goes on where it stopped. */
  rng: number[];
  files: Array<[string, string]>;
  iptables: HostSys["iptables"];
  nextPid: number;
  dmesgFrom: number;
  /** The kernel log: [ns, level, text]. */
  kernlog: Array<[number, number, string]>;
}

STATE_SECTIONS.set("sys", {
  write: (host) => {
    const s = SYS.get(host);
    const log = host.kernlog;
    if (!s && log.length === 0) return undefined;
    const from = Math.max(0, log.length - KERNLOG_KEEP);
    const kernlog: Array<[number, number, string]> = [];
    for (let i = from; i < log.length; i++) kernlog.push([log[i]!.ns, log[i]!.level, log[i]!.line]);
    if (!s) return { kernlog };
    const rec: SysRecord = {
      hostname: s.hostname,
      listeners: s.listeners,
      rng: host.rng.state(),
      files: [...s.files],
      iptables: s.iptables,
      nextPid: s.nextPid,
      dmesgFrom: Math.max(0, s.dmesgFrom - from),
      kernlog,
    };
    return rec;
  },
  read: (host, data) => {
    const r = data as Partial<SysRecord>;
    for (const [ns, level, line] of r.kernlog ?? []) host.kernlog.push({ ns, level, line });
    if (r.hostname === undefined) return;
    // Into the same generator object: conntrack and the local stack hold it already.
    if (Array.isArray(r.rng)) Object.assign(host.rng, Rng.fromState(r.rng));
    const ipt = r.iptables ?? freshSys().iptables;
    SYS.set(host, {
      hostname: r.hostname,
      listeners: r.listeners ?? [],
      files: new Map(r.files ?? []),
      iptables: { ...ipt, journal: ipt.journal ?? [] },
      nextPid: r.nextPid ?? 1000,
      dmesgFrom: r.dmesgFrom ?? 0,
    });
  },
});
