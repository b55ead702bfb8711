/**
 * The twin host's own replies (src/engine/local.ts), REJECT/LOG/NFLOG/
 * NFQUEUE/AUDIT packet semantics and the kernel log, against a real kernel.
 *
 * Every expectation comes from test/kernel/replies.json, written by
 * `python3 scripts/kernel-replies.py > test/kernel/replies.json` on Linux
 * 6.18 (HZ=250, iptables 1.8.9 nf_tables): frames injected into a private
 * namespace "dut" through veth pairs, what dut sent back captured on the
 * peers, LOG lines read from /dev/kmsg. Each recorded case is replayed here
 * on a twin with the same addresses, routes, sysctls, listeners and rules.
 *
 * Fields Linux draws at random are masked on both sides before comparing:
 * the IP ID of ICMP messages and of established TCP segments, the ISN of
 * SYN-ACKs (and so the sequence numbers of the connection), TSval, and the
 * times of an ICMP timestamp reply, the times of day filled into IP timestamp
 * options (see maskTsTimes). Outer checksums are recomputed by the
 * masking; quoted packets (inner checksums included) are compared as is.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { numericToIPv4 } from "../src/core/ipv4.js";
import { ipBytes, type Packet, parseFrame, parseIp } from "../src/core/packet.js";
import { Rng } from "../src/core/rng.js";
import { RTN_BLACKHOLE, RTN_PROHIBIT, RTN_UNICAST, RTN_UNREACHABLE } from "../src/engine/context.js";
import { KernelLog } from "../src/engine/kernlog.js";
import { LocalHost, Sockets } from "../src/engine/local.js";
import { NetConfig, RT_TABLE_MAIN, RTPROT_STATIC } from "../src/engine/net.js";
import { NetStack } from "../src/engine/stack.js";
import { NO_CONNTRACK, NO_NAT } from "../src/engine/stack-stubs.js";
import { Host } from "../src/host.js";
import { hexBytes, toHex } from "./support/hex.js";

interface Inject {
  dev?: string;
  hex?: string;
  sleep?: number;
  error?: string;
}
interface Reply {
  dev: string;
  hex: string;
}
interface LogRec {
  level: number;
  usec: number;
  text: string;
}
interface Case {
  name: string;
  rules?: string[];
  sysctl?: Record<string, string>;
  note?: string;
  inject: Inject[];
  replies: Reply[];
  log: LogRec[];
}
interface Handshake {
  name: string;
  steps: Array<{ inject: string; replies: Reply[] }>;
}
interface Recording {
  kernel: string;
  cases: Case[];
  handshakes: Handshake[];
  ss_before: Record<string, string>;
  ss_after: Record<string, string>;
  ss_session: Record<string, string>;
  dmesg: Record<string, string[]>;
  dmesg_boot_ms: number;
}

const REC: Recording = JSON.parse(readFileSync(new URL("./kernel/replies.json", import.meta.url), "utf8"));
const A = (s: string) => numericToIPv4(s)!;

/** What the experiment set in dut for every case (scripts/kernel-replies.py BASE_SYSCTLS and main()). */
const BASE: Record<string, string> = {
  "net.ipv4.icmp_ratelimit": "0",
  "net.ipv4.icmp_echo_ignore_all": "0",
  "net.ipv4.icmp_echo_ignore_broadcasts": "1",
  "net.ipv4.ip_default_ttl": "64",
  "net.ipv4.tcp_ecn": "2",
  "net.ipv4.icmp_msgs_burst": "50",
  "net.ipv4.icmp_msgs_per_sec": "1000",
  "net.ipv4.ip_forward": "1",
  "net.ipv4.tcp_timestamps": "1",
  "net.ipv4.tcp_sack": "1",
  "net.ipv4.tcp_window_scaling": "1",
  "net.ipv4.icmp_errors_use_inbound_ifaddr": "0",
  // set once in setup()
  "net.ipv4.ipfrag_time": "1",
};

/** Cases the twin does not model (the kernel's behaviour recorded all the same). */
const NOT_MODELLED: Record<string, string> = {};

class Twin {
  clock = 0;
  readonly net = new NetConfig();
  readonly host = new Host();
  readonly klog = new KernelLog(() => this.clock);
  readonly local: LocalHost;
  readonly stack: NetStack;
  readonly sockets = new Sockets();
  /** Packets that came in through lo and reached the local stack (what a capture on lo sees, when INPUT accepts). */
  readonly loTap: string[] = [];

  constructor(rules: readonly string[], sysctl: Record<string, string>, seed = 7) {
    const net = this.net;
    const ok = (e: unknown) => expect(e).toBeUndefined();
    ok(net.addLink("veth", { name: "eth0", mac: 0x027700000101, up: true }, { name: "veth0", mac: 0x027700000102 }));
    ok(net.addLink("veth", { name: "eth1", mac: 0x027700000201, up: true }, { name: "veth1", mac: 0x027700000202 }));
    ok(net.setUp(net.iface("veth0")!, true));
    ok(net.setUp(net.iface("veth1")!, true));
    const addr = { plen: 24, scope: 0, metric: 0, noprefixroute: false };
    ok(
      net.addAddr(net.iface("eth0")!, {
        ...addr,
        addr: A("10.77.1.1"),
        brd: A("10.77.1.255"),
      }),
    );
    ok(
      net.addAddr(net.iface("eth1")!, {
        ...addr,
        addr: A("10.77.2.1"),
        brd: A("10.77.2.255"),
      }),
    );
    const route = (type: number, dst: string, plen: number, gw = "0.0.0.0", dev = "") =>
      ok(
        net.addRoute(
          {
            table: RT_TABLE_MAIN,
            type,
            dst: A(dst),
            plen,
            tos: 0,
            metric: 0,
            proto: RTPROT_STATIC,
            scope: 0,
            prefsrc: 0,
            gateway: A(gw),
            oif: dev ? net.iface(dev)!.index : 0,
            onlink: false,
          },
          { create: true, excl: true },
        ),
      );
    route(RTN_UNICAST, "0.0.0.0", 0, "10.77.1.2", "eth0");
    route(RTN_UNREACHABLE, "10.99.0.0", 16);
    route(RTN_PROHIBIT, "10.98.0.0", 16);
    route(RTN_BLACKHOLE, "10.97.0.0", 16);
    this.local = new LocalHost({
      net,
      rng: new Rng(seed),
      nowNs: () => this.clock,
      sockets: this.sockets,
    });
    const deliver = this.local.deliver.bind(this.local);
    this.local.deliver = (p, send) => {
      if (p.inDev === "lo") this.loTap.push(toHex(ipBytes(p)));
      deliver(p, send);
    };
    for (const [k, v] of Object.entries({ ...BASE, ...sysctl })) {
      if (net.sysctlWrite(k.split("."), v) !== "ok") this.local.sysctls.set(k, v);
    }
    this.sockets.listen("tcp", 0, 8080, 128);
    this.sockets.listen("tcp", A("10.77.1.1"), 8081, 16);
    this.sockets.listen("tcp", 0, 8082, 0);
    this.sockets.listen("udp", 0, 5353);
    for (const r of rules) {
      const res = this.host.iptables(r.split(" "));
      expect(res.stderr, r).toBe("");
    }
    this.stack = new NetStack({
      ruleset: this.host.ruleset,
      net,
      rng: new Rng(seed + 1),
      nowNs: () => this.clock,
      log: (level, line) => this.klog.printk(level, line),
      shared: new Map(),
      conntrack: NO_CONNTRACK,
      nat: NO_NAT,
      local: this.local,
    });
  }

  /** Injects a recorded frame (or a packet dut itself sends); returns what went out on veth0/veth1. */
  inject(i: Inject): Reply[] {
    if (i.sleep) {
      this.clock += Math.round(i.sleep * 1e9);
      return [];
    }
    const bytes = hexBytes(i.hex!);
    let rep: ReturnType<NetStack["send"]>;
    if (i.dev === "local") {
      const p = parseIp(bytes)!;
      p.uid = 0; // a root process's raw socket
      p.gid = 0;
      rep = this.stack.send(p);
    } else {
      rep = this.stack.receive(parseFrame(bytes)!, i.dev === "veth1" ? "eth1" : "eth0");
    }
    // The kernel needs a little time per packet; a few microseconds keep jiffies as they were.
    this.clock += 20_000;
    return this.replies(rep);
  }

  /** What the timers due after `ns` more nanoseconds sent (reassembly queues expiring). */
  after(ns: number): Reply[] {
    this.clock += ns;
    return this.replies(this.stack.timers());
  }

  private replies(rep: ReturnType<NetStack["send"]>): Reply[] {
    return rep.emitted
      .filter((e) => e.dev === "eth0" || e.dev === "eth1")
      .map((e) => ({
        dev: e.dev === "eth0" ? "veth0" : "veth1",
        hex: toHex(ipBytes(e.pkt)),
      }));
  }
}

/**
 * An IP packet from dut with what Linux randomises zeroed, and outer
 * checksums zeroed (they follow from the rest).
 */
function masked(ip: Uint8Array): string {
  const b = Uint8Array.from(ip);
  const ihl = (b[0]! & 15) * 4;
  const proto = b[9]!;
  b[10] = b[11] = 0;
  maskTsTimes(b, 20, ihl);
  if (proto === 1 && [3, 4, 5, 11, 12].includes(b[ihl]!) && b.length >= ihl + 28) {
    const q = ihl + 8;
    maskTsTimes(b, q + 20, Math.min(b.length, q + (b[q]! & 15) * 4));
  }
  if (proto === 1) {
    b[4] = b[5] = 0; // ip_idents_reserve()
    b[ihl + 2] = b[ihl + 3] = 0;
    if (b[ihl] === 14) b.fill(0, ihl + 12, ihl + 20); // receive/transmit times
  } else if (proto === 6) {
    const flags = b[ihl + 13]!;
    if (!(flags & 0x04) && !(flags & 0x02)) b[4] = b[5] = 0; // inet_id of an established socket
    if (!(flags & 0x04)) b.fill(0, ihl + 4, ihl + 8); // ISN-based sequence numbers
    b[ihl + 16] = b[ihl + 17] = 0;
    const doff = (b[ihl + 12]! >> 4) * 4;
    for (let i = ihl + 20; i < ihl + doff; ) {
      const k = b[i]!;
      if (k === 0) break;
      if (k === 1) {
        i++;
        continue;
      }
      if (k === 8) b.fill(0, i + 2, i + 6); // TSval
      i += b[i + 1]! || 1;
    }
  }
  return toHex(b);
}

/**
 * Zeroes the times filled into IP timestamp options in b[start, end): the kernel writes its time of
 * day (ms since midnight UTC, ktime_get_real) there, and the recording has only an estimate of
 * that clock (dmesg_boot_ms, from /proc/uptime at 10 ms resolution), so the value cannot be
 * predicted to the millisecond. Addresses, pointers and flags stay compared.
 */
function maskTsTimes(b: Uint8Array, start: number, end: number): void {
  for (let i = start; i < end; ) {
    const k = b[i]!;
    if (k === 0) break;
    if (k === 1) {
      i++;
      continue;
    }
    const len = b[i + 1] ?? 0;
    if (len < 2 || i + len > end) break;
    if (k === 68 && len >= 4) {
      const filled = Math.min(b[i + 2]! - 1, len);
      const step = (b[i + 3]! & 15) === 0 ? 4 : 8;
      for (let t = 4 + step - 4; t + 4 <= filled; t += step) b.fill(0, i + t, i + t + 4);
    }
    i += len;
  }
}

/** LOG's OPT (…) with the filled IP timestamp times masked (see maskTsTimes). */
function maskLogOpt(line: string): string {
  return line.replace(/OPT \(([0-9A-F]+)\)/, (_, h: string) => {
    const b = hexBytes(h);
    maskTsTimes(b, 0, b.length);
    return `OPT (${toHex(b).toUpperCase()})`;
  });
}

/** Kernel replies on the wire, as IP packets (frames from the capture, Ethernet header dropped). */
function kernelIp(r: Reply): Uint8Array {
  return hexBytes(r.hex).subarray(14);
}

/** LOG lines with the random IP ID of a dut-made ICMP message masked. */
function maskLog(line: string): string {
  return maskLogOpt(line).replace(
    /^(.*?SRC=10\.77\.[12]\.1 DST=\S+ LEN=\d+ TOS=\S+ PREC=\S+ TTL=\d+ ID=)\d+( PROTO=ICMP)/,
    "$1#$2",
  );
}

describe(`local stack and logging targets vs. Linux ${REC.kernel}`, () => {
  for (const c of REC.cases) {
    const skip = NOT_MODELLED[c.name];
    (skip ? it.skip : it)(`${c.name}${skip ? ` (not modelled: ${skip})` : ""}`, () => {
      const t = new Twin(c.rules ?? [], c.sysctl ?? {});
      const got: Reply[] = [];
      for (const i of c.inject) got.push(...t.inject(i));
      // the capture waited at least 2 s (ipfrag_time is 1 s there)
      got.push(...t.after(2e9));
      if (c.name.startsWith("lo-")) {
        const want = c.replies.filter((r) => r.dev === "lo").map((r) => masked(kernelIp(r)));
        expect(
          t.loTap.map((h) => masked(hexBytes(h))),
          "lo",
        ).toEqual(want);
      }
      for (const dev of ["veth0", "veth1"]) {
        const want = c.replies.filter((r) => r.dev === dev).map((r) => masked(kernelIp(r)));
        const have = got.filter((r) => r.dev === dev).map((r) => masked(hexBytes(r.hex)));
        expect(have, `${dev} replies`).toEqual(want);
      }
      const wantLog = c.log.map((l) => `<${l.level}>${maskLog(l.text)}`);
      const haveLog = t.klog.records().map((r) => `<${r.level}>${maskLog(r.text)}`);
      expect(haveLog).toEqual(wantLog);
    });
  }

  it("random fields are random on Linux, deterministic in the twin", () => {
    const c = REC.cases.find((x) => x.name === "udp-ratelimit")!;
    // ip_idents_reserve(): consecutive errors to one destination have consecutive IDs.
    const ids = c.replies.map((r) => (kernelIp(r)[4]! << 8) | kernelIp(r)[5]!);
    for (let i = 1; i < ids.length; i++) expect(ids[i]).toBe((ids[i - 1]! + 1) & 0xffff);
    const run = () => {
      const t = new Twin([], c.sysctl ?? {});
      return c.inject.flatMap((i) => t.inject(i)).map((r) => r.hex);
    };
    const a = run();
    expect(run()).toEqual(a);
    const tids = a.map((h) => Number.parseInt(h.slice(8, 12), 16));
    for (let i = 1; i < tids.length; i++) expect(tids[i]).toBe((tids[i - 1]! + 1) & 0xffff);
  });
});

/** ss text with its rows sorted: the kernel lists sockets in hash-table order, random per namespace. */
function ssSorted(text: string): string[] {
  const lines = text.split("\n").filter((x) => x !== "");
  const head = /^(State|Netid) /.test(lines[0] ?? "") ? lines.splice(0, 1) : [];
  return [...head, ...lines.sort()];
}

describe("TCP connect and close against a listener", () => {
  // The handshakes run on one host, one after the other, as in the experiment.
  const shared = new Twin([], {});
  for (const h of REC.handshakes) {
    it(h.name, () => {
      // hs-ipopt was recorded after ss_after (IP options on every segment): a host of its own
      const t = h.name === "hs-ipopt" ? new Twin([], {}) : shared;
      let delta = 0;
      for (const [n, s] of h.steps.entries()) {
        // The peer acknowledges the kernel's ISN: shift its ACK to the twin's.
        const p = parseFrame(hexBytes(s.inject))!;
        if (n > 0 && p.tcpFlags & 0x10) p.ack = (p.ack + delta) >>> 0;
        const out = t.stack.receive(p, "eth0").emitted.map((e) => ipBytes(e.pkt));
        t.clock += 20_000_000;
        if (n === 0) {
          const k = kernelIp(s.replies[0]!);
          const at = (k[0]! & 15) * 4 + 4;
          delta =
            (new DataView(out[0]!.buffer).getUint32(at) - new DataView(k.buffer, k.byteOffset).getUint32(at)) >>> 0;
        }
        expect(
          out.map((b) => masked(b)),
          `step ${n}`,
        ).toEqual(s.replies.map((r) => masked(kernelIp(r))));
        // Acknowledgment numbers are not masked: compare them exactly.
        for (const [i, r] of s.replies.entries()) {
          const at = (kernelIp(r)[0]! & 15) * 4 + 8;
          expect(toHex(out[i]!.subarray(at, at + 4)), `step ${n} ack`).toBe(toHex(kernelIp(r).subarray(at, at + 4)));
        }
      }
    });
  }
  it("the accept queue afterwards (ss -ltn Recv-Q)", () => {
    expect(ssSorted(shared.sockets.ss(["-ltn"]).stdout)).toEqual(ssSorted(REC.ss_after.ltn!));
  });
});

describe("ss", () => {
  it("lists listeners like iproute2 6.1 when stdout is not a terminal", () => {
    const t = new Twin([], {});
    expect(ssSorted(t.sockets.ss(["-ltn"]).stdout)).toEqual(ssSorted(REC.ss_before.ltn!));
    expect(t.sockets.ss(["-lun"]).stdout).toBe(REC.ss_before.lun);
  });

  it("lays out columns from their widest cell (ss_session of the recording)", () => {
    // Sockets of the experiment's ss namespace, in creation order (the kernel lists in hash order).
    const s = new Sockets();
    s.listen("udp", A("10.1.2.3"), 12345);
    s.listen("udp", 0, 53);
    s.listen("tcp", A("127.0.0.1"), 8080, 128);
    s.listen("tcp", 0, 22, 511);
    s.listen("tcp", A("10.1.2.3"), 65535, 4096);
    for (const [args, text] of Object.entries(REC.ss_session)) {
      const got = s.ss(args.split(" ")).stdout;
      expect(ssSorted(got), `ss ${args}`).toEqual(ssSorted(text));
      // UDP sockets are listed before TCP ones.
      if (args.includes("u") && args.includes("t")) expect(got.indexOf("udp ")).toBeLessThan(got.indexOf("tcp "));
    }
  });
});

describe("kernel log readers", () => {
  // The LOG lines of case log-levels as dmesg showed them in the same run.
  const c = REC.cases.find((x) => x.name === "log-levels")!;
  const klog = new KernelLog();
  for (const l of c.log) klog.append(l.level, l.text, l.usec * 1000);
  const stamps = new Set(c.log.map((l) => `${(l.usec / 1e6).toFixed(6)}]`));
  const ours = (lines: string[]) => lines.filter((ln) => [...stamps].some((s) => ln.includes(s)));
  const lines = (s: string) => s.split("\n").filter((x) => x !== "");

  it("dmesg", () => expect(lines(klog.dmesg([]).stdout)).toEqual(ours(REC.dmesg[""]!)));
  it("dmesg -x", () => expect(lines(klog.dmesg(["-x"]).stdout)).toEqual(ours(REC.dmesg["-x"]!)));
  it("dmesg -r", () => expect(lines(klog.dmesg(["-r"]).stdout)).toEqual(ours(REC.dmesg["-r"]!)));
  it("dmesg -l debug,emerg", () =>
    expect(lines(klog.dmesg(["-l", "debug,emerg"]).stdout)).toEqual(ours(REC.dmesg["-l debug,emerg"]!)));
  it("dmesg -t", () => {
    // No timestamps: this run's lines cannot be told from earlier runs', whose text is the same.
    const want = new Set(REC.dmesg["-t"]!.filter((ln) => /^KR-L[0-7]:/.test(ln)));
    expect(new Set(lines(klog.dmesg(["-t"]).stdout))).toEqual(want);
  });
  it("dmesg -T", () => {
    const got = lines(klog.dmesg(["-T"], REC.dmesg_boot_ms).stdout);
    const want = REC.dmesg["-T"]!.filter((ln) => ln.includes("KR-L0:") || ln.includes("KR-L7:")).slice(-2);
    expect([got[0], got[7]]).toEqual(want);
  });
  it("dmesg errors and -c", () => {
    // util-linux 2.38.1 on the reference machine
    expect(klog.dmesg(["-z"])).toEqual({
      stdout: "",
      stderr: "dmesg: invalid option -- 'z'\nTry 'dmesg --help' for more information.\n",
      status: 1,
    });
    expect(klog.dmesg(["--foo"]).stderr).toBe(
      "dmesg: unrecognized option '--foo'\nTry 'dmesg --help' for more information.\n",
    );
    expect(klog.dmesg(["-l", "foo"]).stderr).toBe("dmesg: unknown level 'foo'\n");
    expect(klog.dmesg(["-r", "-t"]).stderr).toBe("dmesg: mutually exclusive arguments: --raw --notime\n");
    const k2 = new KernelLog(() => 1_536_008_548_000);
    k2.printk(4, "hello ");
    expect(k2.dmesg(["-c"]).stdout).toBe("[ 1536.008548] hello \n");
    expect(k2.dmesg([]).stdout).toBe("");
  });
  it("journalctl -k and syslog renderings", () => {
    const k = new KernelLog(() => 1_536_008_548_000);
    k.printk(4, "IN=eth0 OUT= ");
    const boot = Date.UTC(2026, 8, 2, 8, 33, 21); // 1536 s before 08:58:57
    expect(k.journal("fw", boot)).toBe("Sep 02 08:58:57 fw kernel: IN=eth0 OUT= \n");
    expect(k.syslog("fw", boot)).toBe("Sep  2 08:58:57 fw kernel: [ 1536.008548] IN=eth0 OUT= \n");
    expect(new KernelLog().journal("fw", boot)).toBe("-- No entries --\n");
  });
});

describe("packets the twin builds are well formed", () => {
  it("an ICMP error quoting a long packet keeps the original's checksums", () => {
    const c = REC.cases.find((x) => x.name === "udp-closed-big")!;
    const t = new Twin([], {});
    const [r] = t.inject(c.inject[0]!);
    const q = hexBytes(r!.hex).subarray(28);
    const orig = hexBytes(c.inject[0]!.hex!).subarray(14);
    expect(toHex(q)).toBe(toHex(orig.subarray(0, q.length)));
    expect(q.length).toBe(548);
  });
  it("a parsed reply round-trips", () => {
    const t = new Twin([], {});
    const [r] = t.inject(REC.cases.find((x) => x.name === "udp-closed")!.inject[0]!);
    const p: Packet = parseIp(hexBytes(r!.hex))!;
    expect(toHex(ipBytes(p))).toBe(r!.hex);
  });
});

describe("IP options", () => {
  const rec = (name: string) => REC.cases.find((x) => x.name === name)!;

  it("a forwarded packet leaves with its header checksum fixed (ip_forward_options), byte for byte", () => {
    for (const name of ["ipopt-fwd-rr", "ipopt-lsrr"]) {
      const c = rec(name);
      const t = new Twin(c.rules ?? [], c.sysctl ?? {});
      const got = c.inject.flatMap((i) => t.inject(i));
      expect(
        got.map((r) => r.hex),
        name,
      ).toEqual(c.replies.map((r) => toHex(kernelIp(r))));
    }
  });

  it("the time of day filled on receipt is the wall clock's ms since midnight UTC (kernel: within its clock estimate)", () => {
    // The kernel's value against the recording's estimate of its wall clock at the LOG line.
    const c = rec("log-ipopt");
    const opt = hexBytes(/OPT \(([0-9A-F]+)\)/.exec(c.log[0]!.text)![1]!);
    const kernelMs = new DataView(opt.buffer).getUint32(8);
    const estimate = (REC.dmesg_boot_ms + c.log[0]!.usec / 1000) % 86_400_000;
    expect(Math.abs(kernelMs - estimate)).toBeLessThan(50);
    // The twin's: its virtual wall clock (Host: epoch + elapsed), 12:34:56.789 UTC here.
    const h = new Host({ epoch: Date.UTC(2026, 10, 22, 12, 34, 56) / 1000 });
    h.elapsedNs = 789_000_000n;
    for (const cmd of ["link add eth0 type veth peer name veth0", "link set eth0 up", "addr add 10.77.1.1/24 dev eth0"])
      expect(h.ip(cmd.split(" ")).stderr).toBe("");
    const inj = parseFrame(hexBytes(c.inject[0]!.hex!))!;
    expect(h.stack().receive(inj, "eth0").fate.kind).toBe("delivered");
    expect(toHex(inj.ipOptions!)).toBe(`440c0d010a4d0101${(45_296_789).toString(16).padStart(8, "0")}`);
  });
});
