/**
 * Labs: several twin hosts joined by links. A DNAT host and a MASQUERADE
 * host, ping/nc/curl across with the real tools' output, conntrack on both
 * sides, lab-file errors, -H/@HOST on the CLI, iptables-services and the logs.
 * Expected outputs follow the real tools (iputils 20221126, netcat-openbsd
 * 1.219, curl 7.88.1) as run between network namespaces on Linux 6.18.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runConntrack } from "../src/compat/conntrack-tool.js";
import { MemoryIO, ShellSession } from "../src/compat/session.js";
import { labFromFile } from "../src/lab/build.js";
import { hostIO } from "../src/lab/commands.js";
import { LabFileError } from "../src/lab/file.js";
import type { Lab } from "../src/lab/lab.js";
import { labAnchor, labOfState } from "../src/lab/state.js";
import { deserializeHost, serializeHost } from "../src/state/serialize.js";

const BIN = new URL("../bin/iptwin.js", import.meta.url).pathname;
const EXAMPLE = new URL("../examples/lab-basic.yaml", import.meta.url).pathname;

/**
 * client ── gw ── web: gw masquerades the client network out of eth1 and
 * forwards its port 8080 to web:80 (DNAT); web serves HTTP on 80.
 */
const THREE = `
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
    rules: |
      *nat
      -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 192.168.1.10:80
      -A POSTROUTING -o eth1 -j MASQUERADE
      COMMIT
  web:
    interfaces:
      eth0: 192.168.1.10/24
    routes: [default via 192.168.1.1]
    listen: [80/tcp http, 22/tcp]
    iptables:
      - -A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT
      - -A INPUT -p tcp --dport 23 -j REJECT
      - -A INPUT -p tcp --dport 24 -j DROP
links:
  - [client:eth0, gw:eth0]
switches:
  lan: [gw:eth1, web:eth0]
`;

function session(lab: Lab, name: string): ShellSession {
  const h = lab.host(name)!.host;
  return new ShellSession(h, hostIO(h, new MemoryIO()));
}

function run(lab: Lab, name: string, cmd: string) {
  const r = session(lab, name).run(cmd);
  expect(r.length).toBe(1);
  return r[0]!;
}

function conntrack(lab: Lab, name: string): string {
  const h = lab.host(name)!.host;
  return runConntrack(h.conntrack(), ["-L"], Number(h.elapsedNs)).stdout;
}

describe("lab: packets across hosts", () => {
  it("ping crosses a router: replies, ttl, virtual times, statistics", () => {
    const lab = labFromFile("three.yaml", THREE);
    const r = run(lab, "client", "ping -c 3 192.168.1.10");
    expect(r.stdout).toBe(
      "PING 192.168.1.10 (192.168.1.10) 56(84) bytes of data.\n" +
        "64 bytes from 192.168.1.10: icmp_seq=1 ttl=63 time=0.080 ms\n" +
        "64 bytes from 192.168.1.10: icmp_seq=2 ttl=63 time=0.080 ms\n" +
        "64 bytes from 192.168.1.10: icmp_seq=3 ttl=63 time=0.080 ms\n" +
        "\n--- 192.168.1.10 ping statistics ---\n" +
        "3 packets transmitted, 3 received, 0% packet loss, time 2000ms\n" +
        "rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms\n",
    );
    expect(r.status).toBe(0);
    // By name: every host knows the others (ping prints name and address).
    const n = run(lab, "client", "ping -c 1 web");
    expect(n.stdout).toContain(
      "PING web (192.168.1.10) 56(84) bytes of data.\n64 bytes from web (192.168.1.10): icmp_seq=1 ttl=63",
    );
    expect(n.stdout).toContain("--- web ping statistics ---");
  });

  it("ping: timeouts, REJECT errors, unresolvable neighbours, no route, unknown names", () => {
    const lab = labFromFile("three.yaml", THREE);
    run(lab, "web", "iptables -I INPUT -p icmp -j DROP");
    const t0 = lab.nowNs;
    const drop = run(lab, "client", "ping -c 2 -W 1 192.168.1.10");
    expect(drop.stdout).toBe(
      "PING 192.168.1.10 (192.168.1.10) 56(84) bytes of data.\n\n--- 192.168.1.10 ping statistics ---\n" +
        "2 packets transmitted, 0 received, 100% packet loss, time 1000ms\n\n",
    );
    expect(drop.status).toBe(1);
    // -W 1 after the last probe: 2 s of virtual time, none of real time.
    expect(lab.nowNs - t0).toBeGreaterThanOrEqual(2e9);
    run(lab, "web", "iptables -R INPUT 1 -p icmp -j REJECT");
    const rej = run(lab, "client", "ping -c 2 192.168.1.10");
    expect(rej.stdout).toBe(
      "PING 192.168.1.10 (192.168.1.10) 56(84) bytes of data.\n" +
        "From 192.168.1.10 icmp_seq=1 Destination Port Unreachable\n" +
        "From 192.168.1.10 icmp_seq=2 Destination Port Unreachable\n" +
        "\n--- 192.168.1.10 ping statistics ---\n" +
        "2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms\n\n",
    );
    const arp = run(lab, "client", "ping -c 2 10.0.0.99");
    expect(arp.stdout).toBe(
      "PING 10.0.0.99 (10.0.0.99) 56(84) bytes of data.\n" +
        "From 10.0.0.2 icmp_seq=1 Destination Host Unreachable\n" +
        "From 10.0.0.2 icmp_seq=2 Destination Host Unreachable\n" +
        "\n--- 10.0.0.99 ping statistics ---\n" +
        "2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms\npipe 2\n",
    );
    expect(run(lab, "gw", "ping -c 1 172.16.0.1")).toMatchObject({
      stderr: "ping: connect: Network is unreachable\n",
      status: 2,
    });
    expect(run(lab, "client", "ping -c 1 nosuchhost.invalid")).toMatchObject({
      stderr: "ping: nosuchhost.invalid: Temporary failure in name resolution\n",
      status: 2,
    });
    expect(run(lab, "client", "ping")).toMatchObject({
      stderr: "ping: usage error: Destination address required\n",
      status: 1,
    });
    const I = run(lab, "client", "ping -c 1 -I eth0 10.0.0.1");
    expect(I.stdout.split("\n")[0]).toBe("PING 10.0.0.1 (10.0.0.1) from 10.0.0.2 eth0: 56(84) bytes of data.");
    expect(run(lab, "client", "ping -c 1 -I eth9 10.0.0.1")).toMatchObject({
      stderr: "ping: SO_BINDTODEVICE eth9: No such device\n",
      status: 2,
    });
  });

  it("DNAT on gw and MASQUERADE out of it: curl and nc reach web, conntrack on both sides", () => {
    const lab = labFromFile("three.yaml", THREE);
    const c = run(lab, "client", "curl http://10.0.0.1:8080/");
    expect(c).toMatchObject({ stdout: "Hello from web (192.168.1.10:80)\n", stderr: "", status: 0 });
    const i = run(lab, "client", "curl -i http://10.0.0.1:8080/");
    expect(i.stdout).toBe(
      "HTTP/1.1 200 OK\r\nServer: iptwin\r\nContent-Type: text/plain\r\nContent-Length: 33\r\nConnection: close\r\n\r\nHello from web (192.168.1.10:80)\n",
    );
    const nc = run(lab, "client", "nc -zv 10.0.0.1 8080");
    expect(nc).toMatchObject({
      stdout: "",
      stderr: "Connection to 10.0.0.1 8080 port [tcp/http-alt] succeeded!\n",
      status: 0,
    });
    // gw: the client's connection, translated both ways (DNAT to web, MASQUERADE to gw's address).
    const gw = conntrack(lab, "gw");
    expect(gw).toMatch(
      /^tcp +6 \d+ TIME_WAIT src=10\.0\.0\.2 dst=10\.0\.0\.1 sport=(\d+) dport=8080 src=192\.168\.1\.10 dst=192\.168\.1\.1 sport=80 dport=\1 \[ASSURED\]/m,
    );
    // web: it only sees gw talking to it (the state rule makes web track connections).
    const web = conntrack(lab, "web");
    expect(web).toMatch(
      /^tcp +6 \d+ TIME_WAIT src=192\.168\.1\.1 dst=192\.168\.1\.10 sport=\d+ dport=80 src=192\.168\.1\.10 dst=192\.168\.1\.1 sport=80 /m,
    );
    expect(web).not.toContain("10.0.0.2");
    // The DNAT rule counted the SYNs only (later packets follow the conntrack binding).
    const nat = run(lab, "gw", "iptables -t nat -nvL PREROUTING");
    expect(nat.stdout).toMatch(/^ +3 +180 DNAT/m);
  });

  it("nc: refused, REJECT, DROP with -w, DROP until the kernel gives up, no route; curl errors", () => {
    const lab = labFromFile("three.yaml", THREE);
    expect(run(lab, "client", "nc -zv 192.168.1.10 81")).toMatchObject({
      stderr: "nc: connect to 192.168.1.10 port 81 (tcp) failed: Connection refused\n",
      status: 1,
    });
    expect(run(lab, "client", "nc -z 192.168.1.10 81")).toMatchObject({ stderr: "", status: 1 });
    expect(run(lab, "client", "nc -zv 192.168.1.10 23").stderr).toBe(
      "nc: connect to 192.168.1.10 port 23 (tcp) failed: Connection refused\n",
    );
    let t0 = lab.nowNs;
    expect(run(lab, "client", "nc -zv -w 2 192.168.1.10 24").stderr).toBe(
      "nc: connect to 192.168.1.10 port 24 (tcp) timed out: Operation now in progress\n",
    );
    expect(lab.nowNs - t0).toBeGreaterThanOrEqual(2e9);
    // Without -w: SYN retransmissions (1 s apart five times, then 2, 4 … 32 s), ETIMEDOUT 131 s in.
    t0 = lab.nowNs;
    expect(run(lab, "client", "nc -zv 192.168.1.10 24").stderr).toBe(
      "nc: connect to 192.168.1.10 port 24 (tcp) failed: Connection timed out\n",
    );
    expect(Math.round((lab.nowNs - t0) / 1e9)).toBe(131);
    expect(run(lab, "web", "iptables -nvL INPUT").stdout).toMatch(/^ +13 +780 DROP/m);
    expect(run(lab, "client", "nc -zv 10.0.0.77 80").stderr).toBe(
      "nc: connect to 10.0.0.77 port 80 (tcp) failed: No route to host\n",
    );
    expect(run(lab, "gw", "nc -zv 172.16.5.5 80").stderr).toBe(
      "nc: connect to 172.16.5.5 port 80 (tcp) failed: Network is unreachable\n",
    );
    expect(run(lab, "client", "nc -zv 192.168.1.10 80-81")).toMatchObject({
      stderr:
        "Connection to 192.168.1.10 80 port [tcp/http] succeeded!\nnc: connect to 192.168.1.10 port 81 (tcp) failed: Connection refused\n",
      status: 0,
    });
    expect(run(lab, "client", "curl http://192.168.1.10:81/")).toMatchObject({
      stderr: "curl: (7) Failed to connect to 192.168.1.10 port 81 after 0 ms: Couldn't connect to server\n",
      status: 7,
    });
    expect(run(lab, "client", "curl -s http://192.168.1.10:81/")).toMatchObject({ stderr: "", status: 7 });
    expect(run(lab, "client", "curl --connect-timeout 2 http://192.168.1.10:24/")).toMatchObject({
      stderr: "curl: (28) Failed to connect to 192.168.1.10 port 24 after 2000 ms: Timeout was reached\n",
      status: 28,
    });
    expect(run(lab, "client", "curl -m 2 http://192.168.1.10:24/").stderr).toBe(
      "curl: (28) Connection timed out after 2000 milliseconds\n",
    );
    expect(run(lab, "client", "curl http://nosuch.invalid/")).toMatchObject({
      stderr: "curl: (6) Could not resolve host: nosuch.invalid\n",
      status: 6,
    });
  });

  it("nc -u: udptest against an open, a closed and a filtered port", () => {
    const lab = labFromFile(
      "udp.yaml",
      `hosts:
  a: { interfaces: { eth0: 10.0.0.1/24 } }
  b:
    interfaces: { eth0: 10.0.0.2/24 }
    listen: [5353/udp]
    iptables: ["-A INPUT -p udp --dport 5355 -j DROP"]
links: [[a:eth0, b:eth0]]
`,
    );
    expect(run(lab, "a", "nc -zvu 10.0.0.2 5353")).toMatchObject({
      stderr: "Connection to 10.0.0.2 5353 port [udp/mdns] succeeded!\n",
      status: 0,
    });
    expect(run(lab, "a", "nc -zvu 10.0.0.2 5354")).toMatchObject({ stderr: "", status: 1 });
    expect(run(lab, "a", "nc -zu 10.0.0.2 5354")).toMatchObject({ stderr: "", status: 0 });
    const t0 = lab.nowNs;
    expect(run(lab, "a", "nc -zvu 10.0.0.2 5355").status).toBe(0);
    expect(Math.round((lab.nowNs - t0) / 1e9)).toBe(3);
  });

  it("send --from and trace: every host and hook the packet passes", () => {
    const lab = labFromFile("three.yaml", THREE);
    const s = run(lab, "client", "send --from client -p icmp -d 192.168.1.10");
    expect(s.stdout).toBe(
      "== client ==\nsent out eth0\nout eth0: IP 10.0.0.2 > 192.168.1.10: ICMP echo request, id 1, seq 1, length 8, ttl 64\n" +
        "== gw in eth0 +0.000020s ==\nforwarded out eth1\nnat POSTROUTING: src 10.0.0.2 → 192.168.1.1\n" +
        "out eth1: IP 192.168.1.1 > 192.168.1.10: ICMP echo request, id 1, seq 1, length 8, ttl 63\n" +
        "== web in eth0 +0.000040s ==\ndelivered locally\n" +
        "out eth0: IP 192.168.1.10 > 192.168.1.1: ICMP echo reply, id 1, seq 1, length 8, ttl 64\n" +
        "== gw in eth1 +0.000060s ==\nforwarded out eth0\nnat PREROUTING: dst 192.168.1.1 → 10.0.0.2\n" +
        "out eth0: IP 192.168.1.10 > 10.0.0.2: ICMP echo reply, id 1, seq 1, length 8, ttl 63\n" +
        "== client in eth0 +0.000080s ==\ndelivered locally\n",
    );
    const t = run(lab, "gw", "trace --from client -p tcp -d 10.0.0.1 --dport 8080 --syn");
    expect(t.stdout).toContain("== client ==\n");
    expect(t.stdout).toMatch(/== gw in eth0 \+0\.000020s ==\nPACKET: 2 [0-9a-f]{8} IN=eth0 /);
    expect(t.stdout).toContain(" nat:PREROUTING:rule:0x");
    expect(t.stdout).toContain(
      "-A PREROUTING -i eth0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.168.1.10:80",
    );
    expect(t.stdout).toContain("== web in eth0 +0.000040s ==\n");
  });

  it("a lab survives the state file: hosts, links, listeners, clock and conntrack", () => {
    const lab = labFromFile("three.yaml", THREE);
    run(lab, "client", "curl http://10.0.0.1:8080/");
    const text = serializeHost(labAnchor(lab));
    const back = labOfState(deserializeHost(text))!;
    expect([...back.hosts.keys()]).toEqual(["client", "gw", "web"]);
    expect(back.segments.map((s) => s.name)).toEqual(["link1", "lan"]);
    expect(back.nowNs).toBe(lab.nowNs);
    expect(conntrack(back, "gw")).toBe(conntrack(lab, "gw"));
    expect(run(back, "client", "curl -s http://10.0.0.1:8080/").stdout).toBe("Hello from web (192.168.1.10:80)\n");
    // The random generators went on: a new source port.
    const ports = conntrack(back, "gw").match(/sport=\d+ dport=8080/g)!;
    expect(new Set(ports).size).toBe(2);
  });
});

describe("lab files", () => {
  const refused = (text: string): string => {
    try {
      labFromFile("lab.yaml", text);
    } catch (e) {
      if (e instanceof LabFileError) return e.message;
      throw e;
    }
    return "accepted";
  };

  it("refuses a file with an error as a whole, with file, line and reason", () => {
    expect(refused("hosts:\n  a:\n    interfaces: {eth0: 10.0.0.1/24}\n    colour: blue\n")).toBe(
      "lab.yaml:4: host a: unknown key 'colour' (known: hostname, flavour, aliases, interfaces, routes, sysctls, listen, rules, rules-file, iptables, run, files)",
    );
    expect(refused("hosts:\n  a:\n    interfaces:\n      eth0: 10.0.0.300/24\n")).toBe(
      "lab.yaml:4: host a: interface eth0: bad address '10.0.0.300/24' (expected A.B.C.D/LEN)",
    );
    expect(
      refused(
        "hosts:\n  a: {interfaces: {eth0: 10.0.0.1/24}}\n  b: {interfaces: {eth0: 10.0.0.2/24}}\nlinks:\n  - [a:eth0, b:eth1]\n",
      ),
    ).toBe("lab.yaml:5: link link1: host b has no interface 'eth1'");
    expect(refused("hosts:\n  a: {interfaces: {eth0: 10.0.0.1/24}}\nlinks:\n  - [a:eth0, c:eth0]\n")).toBe(
      "lab.yaml:4: link link1: no host 'c' in the lab",
    );
    const rules = refused(
      "hosts:\n  a:\n    interfaces: {eth0: 10.0.0.1/24}\n    rules: |\n      *filter\n      -A INPUT -j NOSUCH\n      COMMIT\n",
    );
    expect(rules).toMatch(/^lab\.yaml:\d+: host a: iptables-restore refused the rules: .*NOSUCH/);
    expect(
      refused(
        "hosts:\n  a:\n    interfaces: {eth0: 10.0.0.1/24}\n    iptables: ['-A INPUT -p tcp --dport 99999 -j ACCEPT']\n",
      ),
    ).toMatch(/^lab\.yaml:4: host a: iptables -A INPUT -p tcp --dport 99999 -j ACCEPT: iptables v1\.8\.9/);
    expect(refused("hosts:\n  a:\n    interfaces: {eth0: 10.0.0.1/24}\n    routes: [default via 192.168.9.1]\n")).toBe(
      "lab.yaml:4: host a: ip route add default via 192.168.9.1: Error: Nexthop has invalid gateway.",
    );
    expect(refused("hosts:\n  a:\n    interfaces: {eth0: 10.0.0.1/24\n")).toMatch(/^lab\.yaml:\d+: YAML: /);
    expect(refused("links: []\n")).toBe("lab.yaml:1: no hosts: a lab needs `hosts:` with at least one host");
  });
});

describe("lab: iptables-services, kernel log, messages", () => {
  it("service iptables save, systemctl start/stop/restart/status", () => {
    const lab = labFromFile("three.yaml", THREE);
    const s = session(lab, "web");
    const out = (cmd: string) => {
      const r = s.run(cmd);
      return r[r.length - 1]!;
    };
    expect(out("service iptables save")).toMatchObject({
      stdout: "iptables: Saving firewall rules to /etc/sysconfig/iptables:[  OK  ]\n",
      status: 0,
    });
    expect(out("cat /etc/sysconfig/iptables").stdout).toContain(
      "-A INPUT -p tcp -m tcp --dport 23 -j REJECT --reject-with icmp-port-unreachable\n",
    );
    expect(out("systemctl status iptables")).toMatchObject({
      stdout:
        "● iptables.service - IPv4 firewall with iptables\n" +
        "   Loaded: loaded (/usr/lib/systemd/system/iptables.service; disabled; vendor preset: disabled)\n" +
        "   Active: inactive (dead)\n",
      status: 3,
    });
    expect(out("systemctl enable iptables").stderr).toBe(
      "Created symlink from /etc/systemd/system/basic.target.wants/iptables.service to /usr/lib/systemd/system/iptables.service.\n",
    );
    expect(out("systemctl start iptables")).toMatchObject({ stdout: "", stderr: "", status: 0 });
    out("sleep 6");
    expect(out("systemctl status iptables").stdout).toBe(
      "● iptables.service - IPv4 firewall with iptables\n" +
        "   Loaded: loaded (/usr/lib/systemd/system/iptables.service; enabled; vendor preset: disabled)\n" +
        "   Active: active (exited) since Sat 2017-09-02 08:50:00 UTC; 6s ago\n" +
        "  Process: 1000 ExecStart=/usr/libexec/iptables/iptables.init start (code=exited, status=0/SUCCESS)\n" +
        " Main PID: 1000 (code=exited, status=0/SUCCESS)\n" +
        "\n" +
        "Sep 02 08:50:00 web systemd[1]: Starting IPv4 firewall with iptables...\n" +
        "Sep 02 08:50:00 web iptables.init[1000]: iptables: Applying firewall rules: [  OK  ]\n" +
        "Sep 02 08:50:00 web systemd[1]: Started IPv4 firewall with iptables.\n",
    );
    expect(out("systemctl stop iptables").status).toBe(0);
    expect(out("iptables -S").stdout).toBe("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n");
    expect(out("systemctl is-active iptables")).toMatchObject({ stdout: "inactive\n", status: 3 });
    expect(out("systemctl restart iptables").status).toBe(0);
    expect(out("iptables -S INPUT").stdout).toContain("-A INPUT -p tcp -m tcp --dport 24 -j DROP\n");
    expect(out("service iptables status").stderr).toBe("Redirecting to /bin/systemctl status iptables.service\n");
    expect(out("systemctl start nosuch")).toMatchObject({
      stderr: "Failed to start nosuch.service: Unit not found.\n",
      status: 5,
    });
  });

  it("LOG lines in dmesg, journalctl -k and /var/log/messages, with the host's name", () => {
    const lab = labFromFile("three.yaml", THREE);
    run(lab, "web", 'iptables -I INPUT -p icmp -j LOG --log-prefix "[INPUT] "');
    run(lab, "client", "ping -c 2 web");
    const d = run(lab, "web", "dmesg").stdout.split("\n");
    expect(d[0]).toMatch(
      /^\[ +0\.\d{6}\] \[INPUT\] IN=eth0 OUT= MAC=02:00:00:03:00:01:02:00:00:02:00:02:08:00 SRC=192\.168\.1\.1 DST=192\.168\.1\.10 LEN=84 TOS=0x00 PREC=0x00 TTL=63 ID=\d+ DF PROTO=ICMP TYPE=8 CODE=0 ID=\d+ SEQ=1 $/,
    );
    const m = run(lab, "web", "cat /var/log/messages").stdout.split("\n");
    expect(m[0]).toMatch(/^Sep {2}2 08:50:00 web kernel: \[INPUT\] IN=eth0 OUT= MAC=.* SEQ=1 $/);
    expect(m[1]).toMatch(/^Sep {2}2 08:50:01 web kernel: \[INPUT\] IN=eth0 .* SEQ=2 $/);
    expect(run(lab, "web", "journalctl -k").stdout.split("\n")[1]).toMatch(/^Sep 02 08:50:01 web kernel: \[INPUT\] /);
    expect(run(lab, "web", "tail -n 1 /var/log/messages").stdout).toMatch(/SEQ=2 \n$/);
    // dmesg -C empties the ring; the messages file keeps its lines.
    run(lab, "web", "dmesg -C");
    expect(run(lab, "web", "dmesg").stdout).toBe("");
    expect(run(lab, "web", "cat /var/log/messages").stdout.split("\n").length).toBe(3);
  });
});

describe("iptwin CLI with a lab", () => {
  const cli = (dir: string, args: string[], input?: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      input,
      encoding: "utf8",
      env: { ...process.env, IPTWIN_STATE: "", IPTWIN_FLAVOUR: "" },
    });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  };

  it("lab up, -H HOST and @HOST, lab show, lab down", () => {
    const d = mkdtempSync(join(tmpdir(), "iptwin-lab-"));
    expect(cli(d, ["lab", "up", EXAMPLE])).toMatchObject({
      stdout: "lab up: 2 hosts (master1, master2), 1 link\n",
      status: 0,
    });
    expect(cli(d, ["lab", "up", EXAMPLE]).status).toBe(1);
    expect(cli(d, ["-H", "master2", "iptables", "-t", "nat", "-S", "PREROUTING"]).stdout).toBe(
      "-P PREROUTING ACCEPT\n-A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.20:80\n",
    );
    expect(cli(d, ["@master1", "curl", "http://master2:8080/"]).stdout).toBe("Hello from master2 (10.0.0.20:80)\n");
    expect(cli(d, ["@master1", "nc", "-zv", "-s", "172.17.0.1", "master2", "8080"]).stderr).toBe(
      "Connection to master2 8080 port [tcp/http-alt] succeeded!\n",
    );
    const ct = cli(d, ["-H", "master2", "conntrack", "-L"]).stdout;
    expect(ct).toMatch(
      /src=10\.0\.0\.10 dst=10\.0\.0\.20 sport=\d+ dport=8080 src=10\.0\.0\.20 dst=10\.0\.0\.10 sport=80/,
    );
    expect(cli(d, ["-H", "master1", "conntrack", "-L"]).stdout).toMatch(
      /src=172\.17\.0\.1 dst=10\.0\.0\.20 sport=(\d+) dport=8080 src=10\.0\.0\.20 dst=10\.0\.0\.10 sport=8080 dport=\1/,
    );
    expect(cli(d, ["-H", "master2", "iptables", "-t", "nat", "-nvL", "PREROUTING"]).stdout).toMatch(/^ +2 +120 DNAT/m);
    expect(cli(d, ["iptables", "-L"])).toMatchObject({
      stderr: "iptwin: .iptwin holds a lab (hosts: master1, master2): choose a host with -H HOST or @HOST\n",
      status: 2,
    });
    expect(cli(d, ["-H", "nobody", "iptables", "-L"]).stderr).toBe(
      "iptwin: no host 'nobody' in the lab (hosts: master1, master2)\n",
    );
    // Files of a lab host are its own: a saved rule set never lands on the real disk.
    expect(cli(d, ["-H", "master2", "service", "iptables", "save"]).stdout).toBe(
      "iptables: Saving firewall rules to /etc/sysconfig/iptables:[  OK  ]\n",
    );
    expect(cli(d, ["-H", "master2", "cat", "/etc/sysconfig/iptables"]).stdout).toContain("*nat\n");
    expect(cli(d, ["-H", "master1", "cat", "/etc/sysconfig/iptables"])).toMatchObject({
      stderr: "cat: /etc/sysconfig/iptables: No such file or directory\n",
      status: 1,
    });
    expect(
      cli(d, ["-H", "master2", "shell"], "iptables-save -t nat > /etc/nat.rules\ncat /etc/nat.rules\n").stdout,
    ).toContain("-A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.20:80\n");
    expect(cli(d, ["send", "--from", "master1", "-p", "icmp", "-d", "10.0.0.20"]).stdout).toContain(
      "== master2 in eth0 +0.000020s ==\ndelivered locally\n",
    );
    const show = cli(d, ["lab", "show"]).stdout;
    expect(show).toContain(
      "host master2, iptables nft\n  eth0     02:00:00:02:00:01  10.0.0.20/24       link link1 → master1:eth0\n",
    );
    expect(show).toContain("  listen 80/tcp http\n");
    expect(cli(d, ["lab", "down"])).toMatchObject({ stdout: "lab down\n", status: 0 });
    expect(existsSync(join(d, ".iptwin", "state"))).toBe(false);
  });

  it("refuses a bad lab file and creates nothing", () => {
    const d = mkdtempSync(join(tmpdir(), "iptwin-lab-"));
    writeFileSync(
      join(d, "bad.yaml"),
      "hosts:\n  a:\n    interfaces: {eth0: 10.0.0.1/24}\nlinks:\n  - [a:eth0, b:eth0]\n",
    );
    expect(cli(d, ["lab", "up", "bad.yaml"])).toMatchObject({
      stderr: "iptwin: lab up: bad.yaml:5: link link1: no host 'b' in the lab\n",
      status: 1,
    });
    expect(existsSync(join(d, ".iptwin", "state"))).toBe(false);
  });

  it("a single host keeps working, with the host tools", () => {
    const d = mkdtempSync(join(tmpdir(), "iptwin-lab-"));
    expect(cli(d, ["iptables", "-A", "INPUT", "-p", "icmp", "-j", "LOG"]).status).toBe(0);
    expect(cli(d, ["service", "iptables", "save"]).stdout).toBe(
      "iptables: Saving firewall rules to /etc/sysconfig/iptables:[  OK  ]\n",
    );
    expect(cli(d, ["cat", "/etc/sysconfig/iptables"]).stdout).toContain("-A INPUT -p icmp -j LOG\n");
    expect(cli(d, ["-H", "x", "iptables", "-L"]).stderr).toBe(
      "iptwin: -H x: .iptwin holds a single host, not a lab (iptwin lab up FILE makes one)\n",
    );
    expect(readFileSync(join(d, ".iptwin", "state"), "utf8")).toContain('"sys"');
  });
});
