/**
 * A real Linux host to compare the twin's packet path with: three private
 * network namespaces (the device under test and two peers), veth links
 * eth0–veth0 and eth1–veth1, static neighbours, IPv6 off, no ICMP rate
 * limit. Frames are injected and captured by test/support/kernel-lab.py
 * (AF_PACKET sockets in the peers); the twin host gets the same addresses,
 * routes and sysctls (twinHost()).
 *
 * Topology (fixed; the generator and the twin use these constants):
 *   c0 veth0 02:00:00:00:01:02 "10.0.0.2"  ——  dut eth0 02:00:00:00:00:01 10.0.0.1/30
 *   c1 veth1 02:00:00:00:02:02 "10.0.1.2"  ——  dut eth1 02:00:00:00:00:02 10.0.1.1/30
 *   dut routes: default via 10.0.1.2 dev eth1; 10.0.2.0/24 via 10.0.0.2 dev eth0
 * The peers have no address (their kernels stay silent); they answer nothing.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { ShellSession } from "../../src/compat/session.js";
import { Host } from "../../src/host.js";
import { type Prereq, REPO_ROOT } from "./env.js";

export const MAC_ETH0 = 0x020000000001;
export const MAC_ETH1 = 0x020000000002;
export const MAC_PEER0 = 0x020000000102;
export const MAC_PEER1 = 0x020000000202;
export const DUT0 = 0x0a000001;
export const PEER0 = 0x0a000002;
export const DUT1 = 0x0a000101;
export const PEER1 = 0x0a000102;
/** Reached through eth0 (c0's side). */
export const NET_C0 = 0x0a000200;
/** Sockets open in the DUT (TCP listeners that never accept, UDP sockets that never read). */
export const LISTENERS: ReadonlyArray<readonly ["tcp" | "udp", number]> = [
  ["tcp", 22],
  ["tcp", 8080],
  ["udp", 53],
];

interface SocketTable {
  listen(proto: "tcp" | "udp", addr: number, port: number): unknown;
}

/** The twin host's socket table, where the twin has one. */
export function twinSockets(h: Host): SocketTable | undefined {
  const any = h as unknown as {
    sockets?: SocketTable;
    local?: { sockets?: SocketTable };
  };
  const s = any.sockets ?? any.local?.sockets;
  return typeof s?.listen === "function" ? s : undefined;
}

/** Listeners are part of the lab only once the twin can have them too. */
export function listenersSupported(): boolean {
  return twinSockets(new Host()) !== undefined;
}

/** Tag in LOG prefixes: kernel log lines without it are someone else's. */
export const LOG_TAG = "ktw";

/** Sysctls the suite sets in the DUT for every case (more may vary per case). */
export const BASE_SYSCTLS: Record<string, string> = {
  "net.ipv4.icmp_ratelimit": "0",
  "net.ipv4.conf.all.rp_filter": "0",
  "net.ipv4.conf.default.rp_filter": "0",
  "net.ipv4.conf.eth0.rp_filter": "0",
  "net.ipv4.conf.eth1.rp_filter": "0",
  "net.ipv4.ip_forward": "1",
  // Redirects back off per sender with state (inet_peer) that outlives a case, on the kernel's real
  // clock: off here; test/kernel-packets.test.ts checks them once on a fresh lab.
  "net.ipv4.conf.all.send_redirects": "0",
  "net.ipv4.conf.default.send_redirects": "0",
  "net.ipv4.conf.eth0.send_redirects": "0",
  "net.ipv4.conf.eth1.send_redirects": "0",
};

const ENV = {
  ...process.env,
  LC_ALL: "C",
  PATH: `/usr/sbin:/sbin:${process.env.PATH ?? "/usr/bin:/bin"}`,
};

export interface Captured {
  dev: "veth0" | "veth1";
  frame: Uint8Array;
}

export interface InjectResult {
  captured: Captured[];
  log: string[];
  timeout?: string[];
  error?: string;
}

function hexToBytes(h: string): Uint8Array {
  const b = new Uint8Array(h.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = Number.parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return b;
}

function bytesToHex(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}

function macText(m: number): string {
  const parts: string[] = [];
  for (let i = 5; i >= 0; i--) parts.push((Math.floor(m / 2 ** (8 * i)) % 256).toString(16).padStart(2, "0"));
  return parts.join(":");
}

const live = new Set<KernelLab>();
let hooked = false;

export class KernelLab {
  readonly dut: string;
  readonly c0: string;
  readonly c1: string;
  /**
   * LOG prefixes use LOG_TAG; in this lab's kernel they carry this tag instead
   * (same length), so that lines of other labs running at the same time
   * (the kernel log is global) are not taken for ours.
   */
  readonly tag: string;
  private helper: ChildProcess | null = null;
  private lines: Interface | null = null;
  private waiters: Array<(line: string) => void> = [];
  private pending: string[] = [];
  private monitor: ChildProcess | null = null;
  private monitorOut = "";
  private logAllNetns: string | null = null;
  private dead = false;

  private constructor(tag: string) {
    this.dut = `kp-dut-${tag}`;
    this.c0 = `kp-c0-${tag}`;
    this.c1 = `kp-c1-${tag}`;
    this.tag = `k${(Number(tag) % 1296).toString(36).padStart(2, "0")}`;
  }

  /** Builds the namespaces and links; throws with the failing command's stderr. */
  static create(): KernelLab {
    if (!hooked) {
      hooked = true;
      process.on("exit", () => {
        for (const l of live) l.destroySync();
      });
    }
    const lab = new KernelLab(String(process.pid));
    live.add(lab);
    try {
      lab.build();
    } catch (e) {
      lab.destroySync();
      throw e;
    }
    return lab;
  }

  private sh(argv: string[], input?: string): { stdout: string; stderr: string; status: number } {
    const r = spawnSync(argv[0]!, argv.slice(1), {
      encoding: "utf8",
      env: ENV,
      input: input ?? "",
    });
    if (r.error) throw r.error;
    return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? 128 };
  }

  private must(argv: string[]): string {
    const r = this.sh(argv);
    if (r.status !== 0) throw new Error(`${argv.join(" ")}: ${r.stderr.trim()}`);
    return r.stdout;
  }

  /** A command inside the DUT namespace. */
  inDut(argv: string[], input?: string): { stdout: string; stderr: string; status: number } {
    return this.sh(["ip", "netns", "exec", this.dut, ...argv], input);
  }

  private build(): void {
    for (const n of [this.dut, this.c0, this.c1]) {
      this.sh(["ip", "netns", "del", n]);
      this.must(["ip", "netns", "add", n]);
    }
    this.must([
      "ip",
      "link",
      "add",
      "eth0",
      "netns",
      this.dut,
      "type",
      "veth",
      "peer",
      "name",
      "veth0",
      "netns",
      this.c0,
    ]);
    this.must([
      "ip",
      "link",
      "add",
      "eth1",
      "netns",
      this.dut,
      "type",
      "veth",
      "peer",
      "name",
      "veth1",
      "netns",
      this.c1,
    ]);
    const ipv6Off = ["net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"];
    for (const n of [this.dut, this.c0, this.c1]) {
      this.must(["ip", "netns", "exec", n, "sysctl", "-qw", ...ipv6Off]);
      this.must(["ip", "-n", n, "link", "set", "lo", "up"]);
    }
    this.must([
      "ip",
      "netns",
      "exec",
      this.dut,
      "sysctl",
      "-qw",
      "net.ipv6.conf.eth0.disable_ipv6=1",
      "net.ipv6.conf.eth1.disable_ipv6=1",
    ]);
    this.must(["ip", "netns", "exec", this.c0, "sysctl", "-qw", "net.ipv6.conf.veth0.disable_ipv6=1"]);
    this.must(["ip", "netns", "exec", this.c1, "sysctl", "-qw", "net.ipv6.conf.veth1.disable_ipv6=1"]);
    this.must(["ip", "-n", this.dut, "link", "set", "eth0", "address", macText(MAC_ETH0)]);
    this.must(["ip", "-n", this.dut, "link", "set", "eth1", "address", macText(MAC_ETH1)]);
    this.must(["ip", "-n", this.c0, "link", "set", "veth0", "address", macText(MAC_PEER0)]);
    this.must(["ip", "-n", this.c1, "link", "set", "veth1", "address", macText(MAC_PEER1)]);
    this.must(["ip", "-n", this.dut, "addr", "add", "10.0.0.1/30", "brd", "+", "dev", "eth0"]);
    this.must(["ip", "-n", this.dut, "addr", "add", "10.0.1.1/30", "brd", "+", "dev", "eth1"]);
    for (const [n, d] of [
      [this.dut, "eth0"],
      [this.dut, "eth1"],
      [this.c0, "veth0"],
      [this.c1, "veth1"],
    ] as const) {
      this.must(["ip", "-n", n, "link", "set", d, "up"]);
    }
    this.must([
      "ip",
      "-n",
      this.dut,
      "neigh",
      "add",
      "10.0.0.2",
      "lladdr",
      macText(MAC_PEER0),
      "dev",
      "eth0",
      "nud",
      "permanent",
    ]);
    this.must([
      "ip",
      "-n",
      this.dut,
      "neigh",
      "add",
      "10.0.1.2",
      "lladdr",
      macText(MAC_PEER1),
      "dev",
      "eth1",
      "nud",
      "permanent",
    ]);
    this.must(["ip", "-n", this.dut, "route", "add", "default", "via", "10.0.1.2", "dev", "eth1"]);
    this.must(["ip", "-n", this.dut, "route", "add", "10.0.2.0/24", "via", "10.0.0.2", "dev", "eth0"]);
    this.setSysctls(BASE_SYSCTLS);
    // LOG inside a namespace reaches the kernel log only with this (a global switch).
    const cur = this.sh(["sysctl", "-n", "net.netfilter.nf_log_all_netns"]);
    if (cur.status === 0 && cur.stdout.trim() !== "1") {
      this.logAllNetns = cur.stdout.trim();
      this.must(["sysctl", "-qw", "net.netfilter.nf_log_all_netns=1"]);
    }
  }

  setSysctls(s: Record<string, string>): void {
    const args = Object.entries(s).map(([k, v]) => `${k}=${v}`);
    if (args.length) this.must(["ip", "netns", "exec", this.dut, "sysctl", "-qw", ...args]);
  }

  /** Starts the inject/capture helper (with the DUT's listeners when `listen`). */
  async start(listen = listenersSupported()): Promise<void> {
    const script = join(REPO_ROOT, "test/support/kernel-lab.py");
    const peer = (ns: string, dev: string, mac: number, ip: string, target: string) =>
      `${ns},${dev},${macText(mac)},${ip},${target}`;
    const child = spawn(
      "python3",
      [
        script,
        "--dut",
        this.dut,
        "--kmsg",
        this.tag,
        ...(listen ? LISTENERS.flatMap(([proto, port]) => ["--listen", `${proto}:${port}`]) : []),
        peer(this.c0, "veth0", MAC_PEER0, "10.0.0.2", "10.0.0.1"),
        peer(this.c1, "veth1", MAC_PEER1, "10.0.1.2", "10.0.1.1"),
      ],
      { stdio: ["pipe", "pipe", "inherit"], env: ENV },
    );
    this.helper = child;
    this.lines = createInterface({ input: child.stdout! });
    this.lines.on("line", (l) => {
      const w = this.waiters.shift();
      if (w) w(l);
      else this.pending.push(l);
    });
    const ready = await this.next();
    if (!JSON.parse(ready).ready) throw new Error(`kernel-lab.py did not start: ${ready}`);
  }

  private next(): Promise<string> {
    const p = this.pending.shift();
    if (p !== undefined) return Promise.resolve(p);
    return new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error("kernel-lab.py did not answer")), 10_000);
      this.waiters.push((l) => {
        clearTimeout(t);
        res(l);
      });
    });
  }

  private async call(cmd: object): Promise<InjectResult> {
    if (!this.helper) throw new Error("lab not started");
    this.helper.stdin!.write(`${JSON.stringify(cmd)}\n`);
    const r = JSON.parse(await this.next()) as {
      captured: Array<{ dev: string; frame: string; error?: string }>;
      log?: string[];
      timeout?: string[];
    };
    const out: InjectResult = { captured: [], log: r.log ?? [] };
    for (const c of r.captured) {
      if (c.error) out.error = c.error;
      else
        out.captured.push({
          dev: c.dev as Captured["dev"],
          frame: hexToBytes(c.frame),
        });
    }
    if (r.timeout) out.timeout = r.timeout;
    return out;
  }

  /** A frame arriving at the DUT from a peer (veth0 → eth0, veth1 → eth1). */
  inject(dev: "veth0" | "veth1", frame: Uint8Array): Promise<InjectResult> {
    return this.call({ op: "inject", dev, frame: bytesToHex(frame) });
  }

  /** A packet the DUT sends itself (raw socket with the header included). */
  local(ip: Uint8Array, mark: number): Promise<InjectResult> {
    return this.call({ op: "local", ip: bytesToHex(ip), mark });
  }

  /** Closes and reopens the DUT's listeners: no connection survives from an earlier case. */
  async relisten(): Promise<void> {
    this.helper!.stdin!.write(`${JSON.stringify({ op: "relisten" })}\n`);
    await this.next();
  }

  async drain(): Promise<void> {
    this.helper!.stdin!.write(`${JSON.stringify({ op: "drain" })}\n`);
    await this.next();
  }

  /** Empties the rule set (all tables go, with their handles), conntrack and sets the sysctls. */
  /** Policy routing a case set up (ip rules, routes of tables 100 and 200): undone by the next reset. */
  private ipDirty = false;

  /** Runs a case's `ip` commands in the DUT; a failure is the case's error. */
  ip(cmds: readonly string[]): void {
    this.ipDirty = true;
    for (const c of cmds) {
      const r = this.inDut(["ip", ...c.split(" ")]);
      if (r.status !== 0) throw new Error(`ip ${c}: ${r.stderr}`);
    }
  }

  /** `conntrack` commands in the DUT (conntrack -I makes entries from userspace). */
  conntrackCmds(cmds: readonly string[]): void {
    for (const c of cmds) {
      const r = this.inDut(["conntrack", ...c.split(" ")]);
      if (r.status !== 0) throw new Error(`conntrack ${c}: ${r.stderr}`);
    }
  }

  reset(sysctls: Record<string, string>): void {
    if (this.ipDirty) {
      // ip rule flush keeps the priority 0 rule only: main and default come back by hand
      this.inDut(["ip", "rule", "flush"]);
      this.inDut(["ip", "rule", "add", "from", "all", "lookup", "main", "pref", "32766"]);
      this.inDut(["ip", "rule", "add", "from", "all", "lookup", "default", "pref", "32767"]);
      for (const t of ["100", "200"]) this.inDut(["ip", "route", "flush", "table", t]);
      this.ipDirty = false;
    }
    this.inDut(["nft", "flush", "ruleset"]);
    this.inDut(["conntrack", "-F"]);
    // A packet still waiting for a neighbour that never answers (an ARP queue, e.g. for a subnet's
    // network address) would fail ~3 s later, in another case, with an ICMP host unreachable:
    // flushing the unresolved neighbours fails it now (the drain that follows takes the ICMP).
    for (const dev of ["eth0", "eth1"]) this.inDut(["ip", "neigh", "flush", "dev", dev]);
    // A connbytes rule switches accounting on for the namespace for good: off again for the next case.
    this.inDut(["sysctl", "-qw", "net.netfilter.nf_conntrack_acct=0"]);
    this.setSysctls({ ...BASE_SYSCTLS, ...sysctls });
  }

  /** Our LOG tag → this lab's. */
  toLab(text: string): string {
    return text.replaceAll(`"${LOG_TAG}`, `"${this.tag}`);
  }

  /** This lab's LOG tag → ours (in saves, log lines and traces). */
  fromLab(text: string): string {
    return text.replaceAll(`"${this.tag}`, `"${LOG_TAG}`).replace(new RegExp(`^${this.tag}`, "gm"), LOG_TAG);
  }

  restore(text: string): { stdout: string; stderr: string; status: number } {
    const r = this.inDut(["iptables-restore"], this.toLab(text));
    return { ...r, stderr: this.fromLab(r.stderr) };
  }

  save(): string {
    return this.fromLab(this.inDut(["iptables-save", "-c"]).stdout);
  }

  conntrack(): string {
    return this.inDut(["conntrack", "-L"]).stdout;
  }

  get monitoring(): boolean {
    return this.monitor !== null;
  }

  /** xtables-monitor --trace in the DUT, collecting what it prints. */
  async startMonitor(): Promise<void> {
    this.monitorOut = "";
    const m = spawn("ip", ["netns", "exec", this.dut, "xtables-monitor", "--trace"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: ENV,
    });
    m.stdout!.setEncoding("utf8");
    m.stdout!.on("data", (d: string) => {
      this.monitorOut += d;
    });
    this.monitor = m;
    // It subscribes before printing anything; give it a moment to bind.
    await new Promise((r) => setTimeout(r, 300));
  }

  /** Stops the monitor (after letting its last events arrive) and returns its output. */
  async stopMonitor(): Promise<string> {
    const m = this.monitor;
    if (!m) return "";
    let last = -1;
    for (let i = 0; i < 20 && last !== this.monitorOut.length; i++) {
      last = this.monitorOut.length;
      await new Promise((r) => setTimeout(r, 100));
    }
    const done = new Promise((r) => m.once("exit", r));
    m.kill("SIGTERM");
    await done;
    this.monitor = null;
    return this.fromLab(this.monitorOut);
  }

  async destroy(): Promise<void> {
    if (this.helper) {
      this.helper.stdin!.write(`${JSON.stringify({ op: "quit" })}\n`);
      const h = this.helper;
      await new Promise((r) => {
        const t = setTimeout(() => {
          h.kill("SIGKILL");
          r(undefined);
        }, 2000);
        h.once("exit", () => {
          clearTimeout(t);
          r(undefined);
        });
      });
      this.helper = null;
    }
    this.destroySync();
  }

  destroySync(): void {
    if (this.dead) return;
    this.dead = true;
    this.monitor?.kill("SIGKILL");
    this.helper?.kill("SIGKILL");
    this.lines?.close();
    for (const n of [this.dut, this.c0, this.c1]) spawnSync("ip", ["netns", "del", n]);
    if (this.logAllNetns !== null) spawnSync("sysctl", ["-qw", `net.netfilter.nf_log_all_netns=${this.logAllNetns}`]);
    live.delete(this);
  }
}

/** The twin's side of the lab: the DUT's links, addresses, routes and sysctls, set with the twin's own ip and sysctl. */
export const TWIN_SETUP = `ip link add eth0 type dummy
ip link add eth1 type dummy
ip link set eth0 address ${macText(MAC_ETH0)}
ip link set eth1 address ${macText(MAC_ETH1)}
ip addr add 10.0.0.1/30 brd + dev eth0
ip addr add 10.0.1.1/30 brd + dev eth1
ip link set eth0 up
ip link set eth1 up
ip route add default via 10.0.1.2 dev eth1
ip route add 10.0.2.0/24 via 10.0.0.2 dev eth0
`;

/** A twin host configured as the lab's DUT. */
export function twinHost(sysctls: Record<string, string>): Host {
  const h = new Host({ epoch: 1_700_000_000 });
  const sockets = twinSockets(h);
  if (sockets) for (const [proto, port] of LISTENERS) sockets.listen(proto, 0, port);
  const all = { ...BASE_SYSCTLS, ...sysctls };
  const s = new ShellSession(h);
  if (s.commands.has("ip") && s.commands.has("sysctl")) {
    const script = `${TWIN_SETUP}sysctl -qw ${Object.entries(all)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}\n`;
    for (const r of s.run(script)) if (r.status !== 0) throw new Error(`twin setup: ${r.cmd}: ${r.stderr}`);
    return h;
  }
  // Until the twin's ip/sysctl commands are registered: the same through NetConfig's own calls.
  const net = h.net as unknown as NetApi;
  const link = (name: string, mac: number, addr: number, brd: number) => {
    check(net.addLink("dummy", { name, mac }));
    const i = net.iface(name)!;
    check(
      net.addAddr(i, {
        addr,
        plen: 30,
        brd,
        scope: 0,
        metric: 0,
        noprefixroute: false,
      }),
    );
    check(net.setUp(i, true));
  };
  link("eth0", MAC_ETH0, DUT0, 0x0a000003);
  link("eth1", MAC_ETH1, DUT1, 0x0a000103);
  const route = (dst: number, plen: number, gateway: number, dev: string) =>
    check(
      net.addRoute(
        {
          table: 254,
          type: 1,
          dst,
          plen,
          tos: 0,
          metric: 0,
          proto: 3,
          scope: 0,
          prefsrc: 0,
          gateway,
          oif: net.iface(dev)!.index,
          onlink: false,
        },
        { create: true, excl: true },
      ),
    );
  route(0, 0, PEER1, "eth1");
  route(NET_C0, 24, PEER0, "eth0");
  for (const [k, v] of Object.entries(all)) {
    const r = net.sysctlWrite(k.split("."), v);
    if (r !== "ok") throw new Error(`twin setup: sysctl ${k}=${v}: ${r}`);
  }
  return h;
}

function check(e: unknown): void {
  if (e) throw new Error(`twin setup: ${JSON.stringify(e)}`);
}

interface NetApi {
  iface(name: string): { index: number } | undefined;
  addLink(kind: string, spec: { name: string; mac: number }): unknown;
  addAddr(i: unknown, spec: object): unknown;
  setUp(i: unknown, up: boolean): unknown;
  addRoute(spec: object, flags: object): unknown;
  sysctlWrite(parts: string[], text: string): string;
}

/** The tools the lab needs besides root and iptables. */
export function labPrereq(): Prereq {
  for (const [tool, args] of [
    ["python3", ["-c", "import ctypes, socket; socket.AF_PACKET"]],
    ["conntrack", ["--version"]],
    ["nft", ["--version"]],
    ["xtables-monitor", ["--help"]],
  ] as const) {
    const r = spawnSync(tool, [...args], {
      encoding: "utf8",
      env: { ...process.env, PATH: `/usr/sbin:/sbin:${process.env.PATH}` },
    });
    if (r.error)
      return {
        ok: false,
        reason: `${tool} not found (apt-get install ${tool === "python3" ? "python3" : tool === "nft" ? "nftables" : tool === "conntrack" ? "conntrack" : "iptables"})`,
      };
  }
  return { ok: true };
}
