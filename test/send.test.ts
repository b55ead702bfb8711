/**
 * send and trace on a twin host (no root needed): option and JSON parsing,
 * the report's lines, trace lines with nf_tables rule handles. The packet
 * path itself is compared with Linux in kernel-packets.test.ts.
 */
import { describe, expect, it } from "vitest";
import { ShellSession } from "../src/compat/session.js";
import "../src/index.js";
import { twinHost } from "./support/kernel-host.js";

function session(script: string): ShellSession {
  const s = new ShellSession(twinHost({}));
  for (const r of s.run(script)) if (r.status !== 0) throw new Error(`${r.cmd}: ${r.stderr}`);
  return s;
}

function run(s: ShellSession, cmd: string, stdin?: string): { stdout: string; stderr: string; status: number } {
  const script = stdin === undefined ? cmd : `${cmd} <<'EOF'\n${stdin}EOF\n`;
  const [r] = s.run(script);
  return r!;
}

describe("send", () => {
  it("reports where the packet went", () => {
    const s = session(`iptables -A INPUT -p tcp --dport 22 -j DROP
iptables -P FORWARD DROP
iptables -A FORWARD -s 10.0.2.0/24 -j ACCEPT`);
    expect(run(s, "send -i eth0 -p tcp -s 10.0.0.2 -d 10.0.0.1 --dport 22").stdout.split("\n")[0]).toBe(
      "dropped by filter:INPUT rule 1",
    );
    expect(run(s, "send -i eth0 -p udp -s 10.0.0.2 -d 198.51.100.7").stdout.split("\n")[0]).toBe(
      "dropped by filter:FORWARD policy DROP",
    );
    const fwd = run(s, "send -i eth0 -p udp -s 10.0.2.9 -d 198.51.100.7 --sport 5353 --dport 53 --ttl 9");
    expect(fwd.stdout).toContain("forwarded out eth1\n");
    expect(fwd.stdout).toContain("out eth1: IP 10.0.2.9.5353 > 198.51.100.7.53: UDP, length 0, ttl 8\n");
    const save = run(s, "iptables-save -c").stdout;
    expect(save).toContain("[1:40] -A INPUT -p tcp -m tcp --dport 22 -j DROP");
    expect(save).toContain(":FORWARD DROP [1:28]");
  });

  it("shows header rewrites as before → after", () => {
    const s = session(
      "iptables -t mangle -A PREROUTING -p icmp -j MARK --set-mark 0x10\niptables -t mangle -A FORWARD -j TTL --ttl-set 5",
    );
    const r = run(s, "send -i eth0 -p icmp -s 10.0.2.9 -d 198.51.100.7 --icmp-type echo-request");
    expect(r.stdout).toContain("mangle PREROUTING: mark 0x0 → 0x10\n");
    expect(r.stdout).toContain("mangle FORWARD: ttl 63 → 5\n");
    expect(r.stdout).toContain("ICMP echo request, id 1, seq 1, length 8, ttl 5");
  });

  it("takes --tcp-flags as a list of the flags set, or in iptables' MASK COMP form", () => {
    const s = session("");
    const send = (flags: string) => run(s, `send -i eth0 -p tcp -s 10.0.2.9 -d 10.0.0.1 --dport 23 ${flags}`);
    const rst = send("--tcp-flags SYN,ACK").stdout;
    expect(rst).toContain("Flags [R], seq 0, win 0, length 0");
    expect(send("--tcp-flags SYN,ACK,FIN,RST SYN,ACK").stdout).toBe(rst);
    expect(send("--tcp-flags ALL SYN").stdout).toContain("Flags [R.], seq 0, ack 1, win 0, length 0");
    expect(send("--tcp-flags ALL NONE").stdout).toBe(send("--tcp-flags NONE").stdout);
    expect(send("--tcp-flags SYN,FOO ACK").stderr).toBe("send: --tcp-flags: unknown TCP flag 'FOO'\n");
  });

  it("refuses bad options with the option named", () => {
    const s = session("");
    expect(run(s, "send -i eth9 -d 10.0.0.1")).toEqual({
      cmd: "send -i eth9 -d 10.0.0.1",
      stdout: "",
      stderr: "send: in: no interface 'eth9' on this host\n",
      status: 2,
    });
    expect(run(s, "send -i eth0 -d 10.0.0.300").stderr).toBe("send: -d: bad IPv4 address '10.0.0.300'\n");
    expect(run(s, "send -i eth0 --dport 70000").stderr).toBe("send: --dport: 70000 out of range (0-65535)\n");
    expect(run(s, "send -i eth0 --icmp-type echo").stderr).toBe(
      "send: --icmp-type: ambiguous ICMP type 'echo': 'echo-reply' or 'echo-request'?\n",
    );
    expect(run(s, "send -d 10.0.0.1").stderr).toContain("say where the packet comes from");
    expect(run(s, "send -i eth0 --len 30").stderr).toBe("send: len: 30 is shorter than the headers (40)\n");
  });

  it("--json: one result per line, bad lines named and skipped", () => {
    const s = session("iptables -A INPUT -p tcp --dport 23 -j DROP");
    const input = [
      '{"in":"eth0","src":"10.0.0.2","dst":"10.0.0.1","proto":"tcp","dport":23,"flags":"S"}',
      '{"in":"eth0","src":"10.0.0.2","dst":"10.0.0.1","proto":"tcp","dport":23,"flags":"Q"}',
      '{"in":"eth0","src":"10.0.0.2","dst":"10.0.0.1","color":"red"}',
      '{"in":"eth0"',
      "",
      '{"in":"eth1","src":"198.51.100.7","dst":"10.0.2.5","proto":"udp","sport":53,"dport":999,"len":100}',
    ].join("\n");
    const out = run(s, "send --json", `${input}\n`)
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out[0]).toEqual({
      verdict: "dropped",
      by: "filter:INPUT:1",
      emitted: [],
    });
    expect(out[1]).toEqual({
      error: "line 2: field flags: unknown TCP flag letter 'Q' (use F S R P A U E C)",
    });
    expect(out[2]).toEqual({ error: "line 3: field color: unknown field" });
    expect(out[3].error).toMatch(/^line 4: not JSON/);
    expect(out[4].verdict).toBe("forwarded");
    expect(out[4].emitted[0]).toMatchObject({
      out: "eth0",
      src: "198.51.100.7",
      dst: "10.0.2.5",
      proto: "udp",
      sport: 53,
      dport: 999,
      len: 100,
      ttl: 63,
    });
    expect(out).toHaveLength(5);
    // Nothing half-applied: only the two good packets were counted.
    expect(run(s, "iptables-save -c").stdout).toContain("[1:40] -A INPUT -p tcp -m tcp --dport 23 -j DROP");
  });
});

describe("martian sources", () => {
  // The lines Linux logs under log_martians (ip_handle_martian_source(), net_ratelimit()), as
  // scripts/kernel-martian.py records them: "IPv4: martian source DST from SRC, on dev DEV" and
  // the link header; what gets through per rp_filter mode is compared with the kernel in
  // kernel-packets.test.ts.
  it("are dropped, and logged with their link header under log_martians, 10 per 5 s", () => {
    const s = session("sysctl -qw net.ipv4.conf.all.log_martians=1 net.ipv4.conf.all.rp_filter=1");
    const r = run(s, "send -i eth0 -p udp -s 10.0.1.1 -d 10.0.0.1 --dport 53 --mac-source 02:00:00:00:01:02");
    expect(r.stdout.split("\n")[0]).toBe("discarded: martian source 10.0.1.1");
    expect(r.stdout).toContain(
      "log: IPv4: martian source 10.0.0.1 from 10.0.1.1, on dev eth0\n" +
        "log: ll header: 00000000: 02 00 00 00 00 01 02 00 00 00 01 02 08 00",
    );
    // no route back through eth0 (the default goes out eth1): strict reverse path
    expect(run(s, "send -i eth0 -p udp -s 198.51.100.7 -d 10.0.0.1 --dport 53").stdout).toContain(
      "IPv4: martian source 10.0.0.1 from 198.51.100.7, on dev eth0",
    );
    for (let i = 0; i < 12; i++) run(s, "send -i eth0 -p udp -s 198.51.100.7 -d 10.0.0.1 --dport 53");
    const dmesg = run(s, "dmesg").stdout;
    expect(dmesg.match(/martian source/g)?.length).toBe(10);
    run(s, "clock advance 6s");
    run(s, "send -i eth0 -p udp -s 198.51.100.7 -d 10.0.0.1 --dport 53");
    expect(run(s, "dmesg").stdout).toMatch(/net_ratelimit: 4 callbacks suppressed\n.*martian source/);
  });

  it("a refused source route is logged as Linux logs it (ip_rcv_options())", () => {
    const s = session("sysctl -qw net.ipv4.conf.all.log_martians=1");
    // loose source route through 10.0.1.2; accept_source_route is off (all = 0)
    const r = run(s, "send -i eth0 -p udp -s 10.0.0.2 -d 10.0.0.1 --dport 53 --ip-options 8307040a00010200");
    expect(r.stdout).toBe(
      "discarded: source route option (accept_source_route is off)\nlog: IPv4: source route option 10.0.0.2 -> 10.0.0.1\n",
    );
  });
});

describe("send --ip-options", () => {
  it("carries IP options: filled on receipt, echoed in the reply, shown in JSON", () => {
    const s = session("");
    // record route with one slot: this host's address goes in on receipt, the error echoes it
    const line = '{"in":"eth0","proto":"udp","src":"10.0.0.2","dst":"10.0.0.1","dport":9,"ipopts":"07070400000000"}';
    const out = JSON.parse(run(s, "send --json", `${line}\n`).stdout);
    expect(out.verdict).toBe("delivered");
    expect(out.emitted[0].ipopts).toBe("0707080a00000100");
    expect(out.emitted[0].len).toBe(20 + 8 + 8 + 28 + 8);
    const text = run(s, "send -i eth0 -p icmp -s 10.0.0.2 -d 10.0.0.1 --ip-options 0707040000000001").stdout;
    expect(text).toContain("out eth0: IP 10.0.0.1 > 10.0.0.2: ICMP echo reply, id 1, seq 1, length 8, ttl 64\n");
  });

  it("a bad option is answered with a parameter problem pointing at it", () => {
    const s = session("");
    const r = run(s, "send -i eth0 -p udp -s 10.0.0.2 -d 10.0.0.1 --dport 9 --ip-options 07070300000000");
    expect(r.stdout).toBe(
      "discarded: bad IP options (parameter problem)\n" +
        "out eth0: IP 10.0.0.1 > 10.0.0.2: ICMP parameter problem - octet 22, length 44, ttl 64\n",
    );
  });

  it("refuses what is not option bytes", () => {
    const s = session("");
    expect(run(s, "send -i eth0 --ip-options 0x07").stderr).toBe(
      'send: --ip-options: expected IP option bytes in hex, e.g. "0707040000000001", not "0x07"\n',
    );
    expect(run(s, `send -i eth0 --ip-options ${"01".repeat(41)}`).stderr).toBe(
      "send: --ip-options: 41 bytes of IP options: at most 40 fit in the header\n",
    );
  });
});

describe("trace", () => {
  it("prints xtables-monitor --trace lines with the rules' nf_tables handles", () => {
    // The same commands as a run of the real xtables-monitor (Linux 6.x, iptables 1.8.9):
    // raw PREROUTING handle 1, its rule 2; filter FOO 1, INPUT 2, rules 3…
    const s = session(`iptables -t raw -A PREROUTING -p tcp -j TRACE
iptables -N FOO
iptables -A INPUT -p udp -j ACCEPT
iptables -A INPUT -p tcp -j FOO
iptables -A FOO -s 1.2.3.4
iptables -A FOO -p tcp -j MARK --set-mark 3
iptables -A INPUT -p tcp --dport 80 -j MARK --set-mark 5
iptables -t mangle -A PREROUTING -j MARK --set-mark 0x10
iptables -A FOO -p tcp --dport 81 -j RETURN`);
    const r = run(
      s,
      "trace -i eth0 -p tcp -s 10.0.0.2 -d 10.0.0.1 --sport 1234 --dport 81 --ip-id 1 --mac-source 02:00:00:00:01:02",
    );
    const lines = r.stdout.replace(/ [0-9a-f]{8} /g, " ID ").split("\n");
    expect(lines.slice(0, 10)).toEqual([
      "PACKET: 2 ID IN=eth0 MACSRC=2:0:0:0:1:2 MACDST=2:0:0:0:0:1 MACPROTO=0800 SRC=10.0.0.2 DST=10.0.0.1 LEN=40 TOS=0x0 TTL=64 ID=1 SPORT=1234 DPORT=81 SYN ",
      " TRACE: 2 ID raw:PREROUTING:rule:0x2:CONTINUE  -4 -t raw -A PREROUTING -p tcp -j TRACE",
      " TRACE: 2 ID raw:PREROUTING:policy:ACCEPT ",
      "PACKET: 2 ID IN=eth0 MACSRC=2:0:0:0:1:2 MACDST=2:0:0:0:0:1 MACPROTO=0800 SRC=10.0.0.2 DST=10.0.0.1 LEN=40 TOS=0x0 TTL=64 ID=1 SPORT=1234 DPORT=81 SYN MARK=0x10 ",
      " TRACE: 2 ID mangle:PREROUTING:rule:0x2:CONTINUE  -4 -t mangle -A PREROUTING -j MARK --set-xmark 0x10/0xffffffff",
      " TRACE: 2 ID mangle:PREROUTING:policy:ACCEPT ",
      "PACKET: 2 ID IN=eth0 MACSRC=2:0:0:0:1:2 MACDST=2:0:0:0:0:1 MACPROTO=0800 SRC=10.0.0.2 DST=10.0.0.1 LEN=40 TOS=0x0 TTL=64 ID=1 SPORT=1234 DPORT=81 SYN MARK=0x10 ",
      " TRACE: 2 ID filter:INPUT:rule:0x4:JUMP:FOO  -4 -t filter -A INPUT -p tcp -j FOO",
      " TRACE: 2 ID filter:FOO:rule:0x6:CONTINUE  -4 -t filter -A FOO -p tcp -j MARK --set-xmark 0x3/0xffffffff",
      " TRACE: 2 ID filter:FOO:rule:0x8:0xfffffffb  -4 -t filter -A FOO -p tcp -m tcp --dport 81 -j RETURN",
    ]);
    expect(lines[10]).toBe(" TRACE: 2 ID filter:INPUT:policy:ACCEPT ");
    expect(lines).toContain("delivered locally");
  });

  it("keeps handles across replace, delete and restore like nf_tables", () => {
    const s = session(`iptables -A INPUT -j ACCEPT
iptables -A OUTPUT -j ACCEPT
iptables -A INPUT -p tcp -j ACCEPT
iptables -R INPUT 1 -p udp -j ACCEPT
iptables -D INPUT 2
iptables -A INPUT -p tcp -j ACCEPT`);
    const h = (cmd: string) => /rule:(0x[0-9a-f]+)/.exec(run(s, cmd).stdout)?.[1];
    expect(h("trace -i eth0 -p tcp -d 10.0.0.1")).toBe("0x6");
    expect(h("trace -i eth0 -p udp -d 10.0.0.1")).toBe("0x2");
    const saved = run(s, "iptables-save").stdout;
    run(s, "iptables-restore", saved);
    // A restore deletes and recreates the table: chains first, then rules.
    expect(h("trace -i eth0 -p udp -d 10.0.0.1")).toBe("0x4");
  });
});

describe("policy rules by ipproto, ports and uid for the host's own packets", () => {
  // `ip route get` with these selectors is compared with iproute2 and the kernel
  // (test/golden/recorded/net-rule-sel.json); the host's own packets route as it answers.
  it("go where ip route get says for the same flow", () => {
    const s = session(
      [
        "ip route add default via 10.0.0.2 dev eth0 table 100",
        "ip rule add ipproto udp dport 53 table 100 pref 100",
        "ip rule add ipproto tcp sport 1000-2000 table 100 pref 110",
        "ip rule add uidrange 1000-1999 table 100 pref 120",
        "ip rule add dport 8080 table 100 pref 130",
      ].join("\n"),
    );
    const flows: Array<[string, string]> = [
      ["-p udp --sport 5000 --dport 53", "ipproto udp sport 5000 dport 53"],
      ["-p udp --sport 5000 --dport 54", "ipproto udp sport 5000 dport 54"],
      ["-p tcp --sport 1500 --dport 80", "ipproto tcp sport 1500 dport 80"],
      ["-p tcp --sport 2500 --dport 80", "ipproto tcp sport 2500 dport 80"],
      ["-p tcp --sport 2500 --dport 8080", "ipproto tcp sport 2500 dport 8080"],
      ["-p udp --sport 5000 --dport 9 --uid 1500", "ipproto udp sport 5000 dport 9 uid 1500"],
      ["-p udp --sport 5000 --dport 9 --uid 2500", "ipproto udp sport 5000 dport 9 uid 2500"],
    ];
    const ways: string[] = [];
    for (const [opts, get] of flows) {
      const route = run(s, `ip route get 198.51.100.7 ${get}`);
      expect(route.status, get).toBe(0);
      const dev = /dev (\S+)/.exec(route.stdout)![1]!;
      const sent = run(s, `send --local -d 198.51.100.7 ${opts}`);
      expect(sent.stdout, opts).toContain(`sent out ${dev}`);
      ways.push(dev);
    }
    // table 100 (by the rules) is eth0, main's default eth1
    expect(ways).toEqual(["eth0", "eth1", "eth0", "eth1", "eth0", "eth0", "eth1"]);
  });
});
