/**
 * IPv4 reassembly (src/engine/defrag.ts) against a real kernel: every case
 * of test/kernel/frag.json, written by
 * `python3 scripts/kernel-frag.py > test/kernel/frag.json` on Linux 6.18
 * (iptables 1.8.9 nf_tables; the namespaces, addresses, listeners and
 * sysctls of scripts/kernel-replies.py, net.ipv4.ipfrag_time=1), is replayed
 * on a whole twin host (conntrack and nat included: a conntrack match in the
 * rules makes nf_defrag_ipv4 run, as in the kernel). Compared: what dut put
 * on the wire (with the random IP ID of its own ICMP messages masked) and
 * the LOG lines.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runSend } from "../src/compat/send.js";
import { MemoryIO, ShellSession } from "../src/compat/session.js";
import { ipBytes, Packet, parseFrame, parseIp } from "../src/core/packet.js";
import { deserializeHost, serializeHost } from "../src/state/serialize.js";
import "../src/state/defrag-section.js";
import { IP_DEFRAG_CONNTRACK_IN, IP_DEFRAG_LOCAL_DELIVER } from "../src/engine/defrag.js";
import type { PacketReport } from "../src/engine/stack.js";
import { Host } from "../src/host.js";
import { labFromFile } from "../src/lab/build.js";
import { hostIO } from "../src/lab/commands.js";
import { hexBytes, toHex } from "./support/hex.js";

interface Inject {
  dev: string;
  hex: string;
  error?: string;
}
interface Reply {
  dev: string;
  hex: string;
}
interface Case {
  name: string;
  setup?: string[];
  rules?: string[];
  sysctl?: Record<string, string>;
  note?: string;
  inject: Inject[];
  replies: Reply[];
  log: Array<{ level: number; text: string }>;
}

const REC: { kernel: string; cases: Case[] } = JSON.parse(
  readFileSync(new URL("./kernel/frag.json", import.meta.url), "utf8"),
);

/** scripts/kernel-replies.py setup() and BASE_SYSCTLS, as kernel-frag.py sets them for every case. */
const SETUP = `ip link add eth0 address 02:77:00:00:01:01 type veth peer name veth0 address 02:77:00:00:01:02
ip link add eth1 address 02:77:00:00:02:01 type veth peer name veth1 address 02:77:00:00:02:02
ip link set veth0 up
ip link set veth1 up
ip link set eth0 up
ip link set eth1 up
ip addr add 10.77.1.1/24 brd + dev eth0
ip addr add 10.77.2.1/24 brd + dev eth1
ip route add default via 10.77.1.2 dev eth0
sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.send_redirects=0 net.ipv4.conf.default.send_redirects=0 net.ipv4.conf.eth0.send_redirects=0 net.ipv4.conf.eth1.send_redirects=0 net.ipv4.ipfrag_time=1
sysctl -qw net.ipv4.icmp_ratelimit=0 net.ipv4.icmp_echo_ignore_all=0 net.ipv4.icmp_echo_ignore_broadcasts=1 net.ipv4.ip_default_ttl=64
`;
/** Sysctls of the local stack's own (not in the twin's sysctl table yet). */
const LOCAL_SYSCTLS = {
  "net.ipv4.tcp_ecn": "2",
  "net.ipv4.icmp_msgs_burst": "50",
  "net.ipv4.icmp_msgs_per_sec": "1000",
};

class Twin {
  readonly host = new Host({ epoch: 1_700_000_000 });
  readonly sh = new ShellSession(this.host);

  constructor(c: Case) {
    const run = (script: string) => {
      for (const r of this.sh.run(script)) expect(r.stderr, r.cmd).toBe("");
    };
    run(SETUP);
    for (const [k, v] of Object.entries(LOCAL_SYSCTLS)) this.host.local.sysctls.set(k, v);
    for (const cmd of c.setup ?? []) run(`${cmd}\n`);
    for (const [k, v] of Object.entries(c.sysctl ?? {})) run(`sysctl -qw ${k}=${v}\n`);
    const s = this.host.local.sockets;
    s.listen("tcp", 0, 8080, 128);
    s.listen("tcp", 0x0a4d0101, 8081, 16);
    s.listen("tcp", 0, 8082, 0);
    s.listen("udp", 0, 5353);
    for (const r of c.rules ?? []) expect(this.host.iptables(r.split(" ")).stderr, r).toBe("");
  }

  inject(i: Inject): Reply[] {
    const b = hexBytes(i.hex);
    let rep: PacketReport;
    if (i.dev === "local") {
      const p = parseIp(b)!;
      p.uid = p.gid = 0;
      rep = this.host.stack().send(p);
    } else rep = this.host.stack().receive(parseFrame(b)!, i.dev === "veth1" ? "eth1" : "eth0");
    // the script waits 10 ms between packets
    this.host.elapsedNs += 10_000_000n;
    return replies(rep);
  }

  after(ns: number): Reply[] {
    this.host.elapsedNs += BigInt(ns);
    return replies(this.host.stack().timers());
  }

  log(): string[] {
    return this.host.kernlog.map((l) => `<${l.level}>${maskLog(l.line)}`);
  }
}

function replies(rep: PacketReport): Reply[] {
  return rep.emitted
    .filter((e) => e.dev === "eth0" || e.dev === "eth1")
    .map((e) => ({ dev: e.dev === "eth0" ? "veth0" : "veth1", hex: masked(ipBytes(e.pkt)) }));
}

/** An IP packet with the IP ID of dut's own ICMP messages and the outer checksums zeroed. */
function masked(ip: Uint8Array): string {
  const b = Uint8Array.from(ip);
  const ihl = (b[0]! & 15) * 4;
  b[10] = b[11] = 0;
  if (b[9] === 1 && !(((b[6]! << 8) | b[7]!) & 0x3fff)) {
    b[4] = b[5] = 0;
    b[ihl + 2] = b[ihl + 3] = 0;
  }
  return toHex(b);
}

function maskLog(line: string): string {
  return line.replace(
    /^(.*?SRC=10\.77\.[12]\.1 DST=\S+ LEN=\d+ TOS=\S+ PREC=\S+ TTL=\d+ ID=)\d+( PROTO=ICMP)/,
    "$1#$2",
  );
}

describe(`IPv4 reassembly vs. Linux ${REC.kernel}`, () => {
  for (const c of REC.cases) {
    it(`${c.name}${c.note ? ` (${c.note})` : ""}`, () => {
      const t = new Twin(c);
      const got: Reply[] = [];
      for (const i of c.inject) got.push(...t.inject(i));
      // the capture waited at least 2 s
      got.push(...t.after(2e9));
      for (const dev of ["veth0", "veth1"]) {
        const want = c.replies.filter((r) => r.dev === dev).map((r) => masked(hexBytes(r.hex).subarray(14)));
        expect(
          got.filter((r) => r.dev === dev).map((r) => r.hex),
          `${dev} replies`,
        ).toEqual(want);
      }
      expect(t.log()).toEqual(c.log.map((l) => `<${l.level}>${maskLog(l.text)}`));
    });
  }
});

describe("reassembly queues", () => {
  const frag = (off: number, len: number, mf: boolean, id = 7): Packet => {
    const p = new Packet();
    p.src = 0x0a000002;
    p.dst = 0x0a000001;
    p.proto = 17;
    p.id = id;
    p.frag = (off >>> 3) | (mf ? 0x2000 : 0);
    p.payload = Uint8Array.from({ length: len }, (_, i) => (off + i) & 255);
    p.len = 20 + len;
    const q = parseIp(ipBytes(p))!;
    q.inDev = "eth0";
    return q;
  };

  it("keys queues by user: conntrack's and local delivery's are apart", () => {
    const h = new Host();
    const d = h.stack().defrag;
    expect(d.defrag(frag(0, 16, true), IP_DEFRAG_CONNTRACK_IN)).not.toBe("ok");
    expect(d.defrag(frag(16, 8, false), IP_DEFRAG_LOCAL_DELIVER)).not.toBe("ok");
    expect(d.size).toBe(2);
    const last = frag(16, 8, false);
    expect(d.defrag(last, IP_DEFRAG_CONNTRACK_IN)).toBe("ok");
    expect(last.len).toBe(44);
    expect(last.frag).toBe(0);
    expect(d.size).toBe(1);
  });

  it("expires after ipfrag_time on the virtual clock, read when the queue is made", () => {
    const h = new Host();
    expect(new ShellSession(h).run("sysctl -qw net.ipv4.ipfrag_time=5\n")[0]!.status).toBe(0);
    const d = h.stack().defrag;
    d.defrag(frag(0, 16, true), IP_DEFRAG_LOCAL_DELIVER);
    expect(h.stack().nextTimerNs()).toBe(5e9);
    h.elapsedNs = 4_999_999_999n;
    expect(d.expire(Number(h.elapsedNs))).toEqual([]);
    expect(d.size).toBe(1);
    expect(d.expire(5e9).map((e) => e.headLen)).toEqual([36]);
    expect(d.size).toBe(0);
  });

  it("are kept in the host's state file (fragments sent by separate commands meet)", () => {
    const h = new Host({ epoch: 1_700_000_000 });
    new ShellSession(h).run("ip link add eth0 type dummy\nip addr add 10.0.0.1/24 dev eth0\nip link set eth0 up\n");
    const rep1 = h.stack().receive(frag(0, 16, true), "eth0");
    expect(rep1.fate).toEqual({ kind: "discarded", reason: "fragment queued for reassembly (ip_local_deliver)" });
    const h2 = deserializeHost(serializeHost(h));
    expect(h2.stack().defrag.size).toBe(1);
    // the rest arrives in the next command: the datagram (UDP to a closed port) is complete
    const rep2 = h2.stack().receive(frag(16, 8, false), "eth0");
    expect(rep2.fate.kind).toBe("delivered");
    expect(rep2.final.len).toBe(44);
    expect(rep2.emitted.map((e) => [e.pkt.icmpType, e.pkt.icmpCode, e.pkt.inner?.len])).toEqual([[3, 3, 44]]);
    // nothing waits: the state file has no defrag section
    expect(serializeHost(h2)).not.toContain('"defrag"');
  });

  it("says what became of each fragment", () => {
    const h = new Host();
    new ShellSession(h).run("ip link add eth0 type dummy\nip addr add 10.0.0.1/24 dev eth0\nip link set eth0 up\n");
    const fate = (p: Packet) => {
      const f = h.stack().receive(p, "eth0").fate;
      return f.kind === "discarded" ? f.reason : f.kind;
    };
    expect(fate(frag(0, 16, true))).toBe("fragment queued for reassembly (ip_local_deliver)");
    expect(fate(frag(0, 8, true))).toBe("duplicate fragment dropped (ip_local_deliver)");
    expect(fate(frag(32, 16, true))).toBe("fragment queued for reassembly (ip_local_deliver)");
    expect(fate(frag(8, 16, true))).toBe("overlapping fragment: its reassembly queue dropped (ip_local_deliver)");
    expect(fate(frag(8, 0, true))).toBe("bad fragment: its reassembly queue dropped (ip_local_deliver)");
    expect(h.stack().defrag.size).toBe(0);
    // with conntrack in use, nf_defrag_ipv4 takes them at PREROUTING
    expect(h.iptables(["-A", "INPUT", "-m", "conntrack", "--ctstate", "INVALID", "-j", "DROP"]).status).toBe(0);
    expect(fate(frag(0, 16, true))).toBe("fragment queued for reassembly (nf_defrag_ipv4)");
    expect(fate(frag(16, 8, false))).toBe("delivered");
  });

  it("does not queue with ipfrag_high_thresh 0", () => {
    const h = new Host();
    const sh = new ShellSession(h);
    expect(sh.run("sysctl -qw net.ipv4.ipfrag_low_thresh=0 net.ipv4.ipfrag_high_thresh=0\n")[0]!.status).toBe(0);
    h.stack().defrag.defrag(frag(0, 16, true), IP_DEFRAG_LOCAL_DELIVER);
    expect(h.stack().defrag.size).toBe(0);
  });

  it("sysctls as a namespace of the reference kernel has them", () => {
    const sh = new ShellSession(new Host());
    const out = (cmd: string) => sh.run(`${cmd}\n`)[0]!;
    expect(
      out("sysctl net.ipv4.ipfrag_high_thresh net.ipv4.ipfrag_low_thresh net.ipv4.ipfrag_time net.ipv4.ipfrag_max_dist")
        .stdout,
    ).toBe(
      "net.ipv4.ipfrag_high_thresh = 4194304\nnet.ipv4.ipfrag_low_thresh = 3145728\nnet.ipv4.ipfrag_time = 30\nnet.ipv4.ipfrag_max_dist = 64\n",
    );
    // each bounds the other; no negative value
    expect(out("sysctl -w net.ipv4.ipfrag_high_thresh=100").stderr).toBe(
      'sysctl: setting key "net.ipv4.ipfrag_high_thresh": Invalid argument\n',
    );
    expect(out("sysctl -w net.ipv4.ipfrag_low_thresh=5000000").status).toBe(1);
    expect(out("sysctl -w net.ipv4.ipfrag_low_thresh=-1").status).toBe(1);
    expect(out("sysctl -w net.ipv4.ipfrag_max_dist=-1").status).toBe(1);
    expect(out("sysctl -w net.ipv4.ipfrag_high_thresh=99999999999").stdout).toBe(
      "net.ipv4.ipfrag_high_thresh = 99999999999\n",
    );
    expect(out("sysctl -w net.ipv4.ipfrag_time=-5").status).toBe(0);
    expect(out("sysctl -n net.ipv4.ipfrag_time").stdout).toBe("-5\n");
  });
});

describe("reassembly timers in a lab", () => {
  const LAB = `
start: 2017-09-02T08:50:00Z
hosts:
  a:
    interfaces:
      eth0: 10.0.0.2/24
    iptables:
      - -A INPUT -p icmp -j LOG --log-prefix A-IN
  b:
    interfaces:
      eth0: 10.0.0.1/24
links:
  - [a:eth0, b:eth0]
`;
  it("an incomplete datagram expires on the lab's clock: ICMP 11/1 goes back on the link", () => {
    const lab = labFromFile("frag.yaml", LAB);
    const a = lab.host("a")!;
    const p = new Packet();
    p.src = 0x0a000002;
    p.dst = 0x0a000001;
    p.proto = 17;
    p.id = 0x1234;
    p.frag = 0x2000;
    p.sport = 1000;
    p.dport = 9;
    p.payload = new Uint8Array(16);
    p.len = 20 + 8 + 16;
    const first = parseIp(ipBytes(p))!;
    lab.send(a, first);
    lab.advance(1e9);
    const logs = () => a.host.kernlog.filter((l) => l.line.startsWith("A-IN")).map((l) => l.line);
    expect(logs()).toEqual([]);
    lab.advance(30e9);
    expect(logs()).toHaveLength(1);
    expect(logs()[0]).toMatch(/SRC=10\.0\.0\.1 DST=10\.0\.0\.2 LEN=72 .*PROTO=ICMP TYPE=11 CODE=1 \[SRC=10\.0\.0\.2/);
    expect(lab.host("b")!.host.stack().defrag.size).toBe(0);
  });
});

describe("send builds fragments", () => {
  const host = () => {
    const h = new Host({ epoch: 1_700_000_000 });
    const sh = new ShellSession(h);
    sh.run(
      "ip link add eth0 type dummy\nip link add eth1 type dummy\nip addr add 10.0.0.1/24 dev eth0\nip addr add 10.0.1.1/24 dev eth1\nip link set eth0 up\nip link set eth1 up\nsysctl -qw net.ipv4.ip_forward=1\n",
    );
    return h;
  };

  it("--mf and --frag-offset: the pieces of one datagram meet before INPUT", () => {
    const h = host();
    const a = ["-i", "eth0", "-p", "udp", "-s", "10.0.0.2", "-d", "10.0.0.1", "--ip-id", "77"];
    expect(runSend(h, [...a, "--dport", "9", "--mf", "--len", "44"], "").stdout).toBe(
      "discarded: fragment queued for reassembly (ip_local_deliver)\n",
    );
    const out = runSend(h, [...a, "--frag-offset", "3", "--len", "36"], "").stdout;
    expect(out).toBe(
      "delivered locally\nout eth0: IP 10.0.0.1 > 10.0.0.2: ICMP 10.0.0.1 udp port 9 unreachable, length 68, ttl 64\n",
    );
    expect(runSend(h, [...a, "--frag-offset", "8192"], "").stderr).toContain("--frag-offset");
  });

  it("JSON fields mf and fragoff, in and out (a reassembled datagram forwarded in its fragments)", () => {
    const h = host();
    expect(h.iptables(["-t", "nat", "-A", "POSTROUTING", "-o", "eth1", "-j", "MASQUERADE"]).status).toBe(0);
    const lines = [
      { in: "eth0", proto: "udp", src: "10.0.0.2", dst: "10.0.1.2", dport: 7, ipid: 9, mf: true, len: 44 },
      { in: "eth0", proto: "udp", src: "10.0.0.2", dst: "10.0.1.2", ipid: 9, fragoff: 3, len: 36 },
    ];
    const out = runSend(h, ["--json"], lines.map((l) => JSON.stringify(l)).join("\n"))
      .stdout.trim()
      .split("\n");
    const res = out.map((l) => JSON.parse(l));
    expect(res[0].verdict).toBe("discarded");
    const em = res[1].emitted as Array<Record<string, unknown>>;
    expect(em.map((e) => [e.src, e.len, e.mf, e.fragoff, e.ttl])).toEqual([
      ["10.0.1.1", 44, true, undefined, 63],
      ["10.0.1.1", 36, undefined, 3, 63],
    ]);
  });
});

describe("big pings across a router (iputils ping between namespaces on Linux 6.18)", () => {
  const LAB = `
start: 2017-09-02T08:50:00Z
hosts:
  client:
    interfaces:
      eth0: 10.0.0.2/24
    routes: [default via 10.0.0.1]
  gw:
    interfaces:
      eth0: 10.0.0.1/24
      eth1: 192.168.1.1/24
    sysctls: { net.ipv4.ip_forward: 1 }
  web:
    interfaces:
      eth0: 192.168.1.10/24
    routes: [default via 192.168.1.1]
links:
  - [client:eth0, gw:eth0]
switches:
  lan: [gw:eth1, web:eth0]
`;
  const sh = (lab: ReturnType<typeof labFromFile>, name: string, cmd: string) => {
    const h = lab.host(name)!.host;
    return new ShellSession(h, hostIO(h, new MemoryIO())).run(cmd)[0]!;
  };
  const lines = (s: string) => s.split("\n").map((l) => l.replace(/ time=.*/, ""));

  it("longer than the MTU: sent in fragments (no DF), reassembled, answered in fragments", () => {
    for (const nat of [false, true]) {
      const lab = labFromFile("big.yaml", LAB);
      if (nat) expect(sh(lab, "gw", "iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE").status).toBe(0);
      const out = lines(sh(lab, "client", "ping -c 2 -s 2000 192.168.1.10").stdout);
      expect(out.slice(0, 3)).toEqual([
        "PING 192.168.1.10 (192.168.1.10) 2000(2028) bytes of data.",
        "2008 bytes from 192.168.1.10: icmp_seq=1 ttl=63",
        "2008 bytes from 192.168.1.10: icmp_seq=2 ttl=63",
      ]);
    }
  });

  it("a smaller MTU after the router: DF within the route's MTU gets fragmentation needed, a longer one passes", () => {
    const lab = labFromFile("big.yaml", LAB);
    expect(sh(lab, "gw", "ip link set eth1 mtu 1000").status).toBe(0);
    expect(sh(lab, "web", "ip link set eth0 mtu 1000").status).toBe(0);
    expect(lines(sh(lab, "client", "ping -c 1 -s 1400 192.168.1.10").stdout).slice(0, 2)).toEqual([
      "PING 192.168.1.10 (192.168.1.10) 1400(1428) bytes of data.",
      "From 10.0.0.1 icmp_seq=1 Frag needed and DF set (mtu = 1000)",
    ]);
    expect(lines(sh(lab, "client", "ping -c 1 -s 3000 192.168.1.10").stdout).slice(0, 2)).toEqual([
      "PING 192.168.1.10 (192.168.1.10) 3000(3028) bytes of data.",
      "3008 bytes from 192.168.1.10: icmp_seq=1 ttl=63",
    ]);
  });
});
