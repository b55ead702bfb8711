/**
 * `send --json` in one batch is the same as packet by packet. A batch takes shortcuts (lines read in
 * place into one reused spec, counters kept in the packed rules until the batch ends, emitted
 * packets written without a copy, decisions resolved lazily); the general path (JSON.parse) reads
 * what the fast reader does not. Random sequences on a kube-proxy host with local, forwarded,
 * rejected, logged, untracked and NATed packets, replies to earlier NATed connections, time passing
 * and bad lines go through: one line per call, all lines in one call (as a string, and as bytes the
 * way the CLI passes standard input), and all lines reformatted so that only the general reader
 * takes them. Outputs, counters, conntrack and the kernel log agree.
 */
import { describe, expect, it } from "vitest";
import { kubeProxyRules, serviceIP } from "../bench/kube.mjs";
import { LAB_SETUP } from "../bench/packets.mjs";
import { sendJson, sendJsonBytes } from "../src/compat/send.js";
import { ShellSession } from "../src/compat/session.js";
import { Host } from "../src/index.js";

const SERVICES = 40;

const EXTRA = `iptables -A INPUT -p tcp --dport 22 -j LOG --log-prefix "SSH "
iptables -A INPUT -p tcp --dport 23 -j REJECT --reject-with tcp-reset
iptables -A INPUT -p udp --dport 9 -j REJECT
iptables -t mangle -A PREROUTING -p icmp -j MARK --set-mark 7
iptables -A FORWARD -p udp --dport 53 -j DROP
iptables -t raw -A PREROUTING -p udp --dport 123 -j NOTRACK
iptables -A INPUT -p udp --dport 123 -m conntrack --ctstate UNTRACKED -j LOG --log-prefix "NTP "
iptables -A INPUT -p icmp -m limit --limit 3/min --limit-burst 2 -j LOG --log-prefix "PING "
iptables -A INPUT -p tcp --dport 81 -m recent --name probe --set
iptables -A INPUT -p tcp --dport 81 -m recent --name probe --rcheck --seconds 2 --hitcount 2 -j DROP
iptables -t mangle -A FORWARD -p tcp --syn -j TCPMSS --set-mss 1400
listen tcp 80
`;

function host(): Host {
  const h = new Host({ epoch: 1_700_000_000 });
  const sh = new ShellSession(h);
  const r = h.restore(kubeProxyRules(SERVICES, 3));
  if (r.status !== 0) throw new Error(r.stderr);
  for (const x of sh.run(LAB_SETUP + EXTRA)) if (x.status !== 0) throw new Error(`${x.cmd}: ${x.stderr}`);
  return h;
}

/** A seeded stream of packet lines; replies answer packets the host forwarded earlier. */
class Traffic {
  private x: number;
  private readonly forwarded: Array<Record<string, unknown>> = [];
  constructor(seed: number) {
    this.x = (seed * 2654435761) >>> 0 || 1;
  }
  private next(n: number): number {
    this.x = (Math.imul(this.x, 1664525) + 1013904223) >>> 0;
    return (this.x >>> 8) % n;
  }
  /** Learns from a result line: forwarded packets can be answered later. */
  saw(result: string): void {
    const r = JSON.parse(result) as { verdict?: string; emitted?: Array<Record<string, unknown>> };
    if (r.verdict !== "forwarded") return;
    for (const e of r.emitted ?? []) if (e.out === "eth1" && e.proto === "tcp") this.forwarded.push(e);
  }
  line(i: number): string {
    const client = `10.0.2.${1 + this.next(200)}`;
    const sport = 1024 + this.next(60000);
    switch (this.next(12)) {
      case 0:
      case 1:
      case 2:
        return `{"in":"eth0","src":"${client}","dst":"${serviceIP(this.next(SERVICES))}","proto":"tcp","sport":${sport},"dport":80,"flags":"S"}`;
      case 3: {
        const f = this.forwarded[this.next(this.forwarded.length || 1)];
        if (!f)
          return `{"in":"eth0","src":"${client}","dst":"10.0.0.1","proto":"tcp","sport":${sport},"dport":22,"flags":"S"}`;
        const flags = ["SA", "A", "FA", "R"][this.next(4)];
        return `{"in":"eth1","src":"${f.dst}","dst":"${f.src}","proto":"tcp","sport":${f.dport},"dport":${f.sport},"flags":"${flags}","seq":${this.next(3)},"ack":1}`;
      }
      case 4:
        return `{"in":"eth0","src":"${client}","dst":"10.0.0.1","proto":"tcp","sport":${sport},"dport":${[22, 23, 80, 81][this.next(4)]},"flags":"S"}`;
      case 5:
        return `{"in":"eth0","src":"${client}","dst":"10.0.0.1","proto":"udp","sport":${sport},"dport":${[9, 53, 123][this.next(3)]},"len":${28 + this.next(100)}}`;
      case 6:
        return `{"in":"eth0","src":"${client}","dst":"10.0.0.1","proto":"icmp","type":8,"id":${this.next(65536)},"seq":${i & 0xffff}}`;
      case 7:
        return `{"in":"eth1","src":"198.51.100.${this.next(250)}","dst":"${client}","proto":"udp","sport":${sport},"dport":${[53, 5353][this.next(2)]},"ttl":${1 + this.next(3)}}`;
      case 8:
        return `{"local":true,"src":"10.0.0.1","dst":"${client}","proto":"tcp","sport":${sport},"dport":443,"flags":"S","mark":${this.next(3)}}`;
      case 9:
        return `{"in":"eth0","src":"${client}","dst":"${serviceIP(this.next(SERVICES))}","proto":"tcp","sport":${sport},"dport":80,"flags":"S","after":${this.next(3)}}`;
      case 10:
        return [
          "not json",
          `{"in":"eth0","src":"300.1.1.1","dst":"10.0.0.1"}`,
          `{"in":"nope","dst":"10.0.0.1"}`,
          `{"in":"eth0","dst":"10.0.0.1","proto":"tcp","dport":70000}`,
        ][this.next(4)]!;
      default:
        return `{"in":"eth0","src":"${client}","dst":"10.96.255.${this.next(5)}","proto":"tcp","sport":${sport},"dport":80,"flags":"S","tos":${this.next(4) * 4}}`;
    }
  }
}

/** The same object with its keys in reverse order and spaces around: only JSON.parse reads it. */
function reformatted(line: string): string {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return line;
  }
  const entries = Object.entries(o as Record<string, unknown>).reverse();
  return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)} : ${JSON.stringify(v)}`).join(" , ")} }`;
}

function state(h: Host): string {
  const sh = new ShellSession(h);
  let s = h.save({ counters: true }).replace(/^#.*\n/gm, "");
  for (const cmd of ["conntrack -L -o id", "conntrack -E", "conntrack -S", "dmesg"]) {
    const [r] = sh.run(cmd);
    s += `$ ${cmd}\n${r!.stdout}${r!.stderr}`;
  }
  return s;
}

describe("send --json: one batch is the same as packet by packet", () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`random traffic ${seed}`, () => {
      const traffic = new Traffic(seed);
      const one = host();
      const lines: string[] = [];
      let outputs = "";
      for (let i = 0; i < 400; i++) {
        const line = traffic.line(i);
        lines.push(line);
        const r = sendJson(one, `${line}\n`);
        expect(r.status).toBe(0);
        // (alone, every line is line 1)
        outputs += r.stdout.replace('{"error":"line 1: ', `{"error":"line ${i + 1}: `);
        traffic.saw(r.stdout);
      }
      expect(outputs).toContain('"verdict":"forwarded"');
      expect(outputs).toContain('"verdict":"rejected"');
      expect(outputs).toContain('"error":');
      expect(outputs).toMatch(
        /"emitted":\[\{"out":"eth0","src":"10\.0\.0\.1","dst":"10\.0\.2\.\d+","proto":"icmp","type":0/,
      );
      expect(outputs).toMatch(/"verdict":"forwarded","dev":"eth0","emitted":\[\{"out":"eth0","src":"10\.96\.0\.\d+"/);

      const batch = host();
      expect(sendJson(batch, `${lines.join("\n")}\n`).stdout).toBe(outputs);
      const general = host();
      expect(sendJson(general, `${lines.map(reformatted).join("\n")}\n`).stdout).toBe(outputs);
      // the CLI's way: the input's bytes in, the results' bytes out
      const bytes = host();
      const out = sendJsonBytes(bytes, new TextEncoder().encode(`${lines.join("\n")}\n`)).stdout;
      expect(new TextDecoder().decode(out)).toBe(outputs);

      const want = state(one);
      expect(state(batch)).toBe(want);
      expect(state(general)).toBe(want);
      expect(state(bytes)).toBe(want);
    });
  }
});

describe("send --json as bytes", () => {
  it("reads lines that are not ASCII through the general reader, as the string path does", () => {
    const lines = [
      '{"in":"eth0","src":"10.0.2.9","dst":"10.0.0.1","proto":"icmp","type":8,"id":7,"seq":1}',
      '{"in":"eth0","src":"10.0.2.9","dst":"10.0.0.1","proto":"icmp","type":8,"id":7,"seq":2,"note":"café"}',
      '{"in":"éth0","src":"10.0.2.9","dst":"10.0.0.1","proto":"udp","sport":1,"dport":9}',
      '{"in":"eth0","src":"10.0.2.9","dst":"10.0.0.1","proto":"udp","sport":1,"dport":9}',
      "  ",
      "{not json",
    ];
    const text = `${lines.join("\n")}\n`;
    const a = sendJson(host(), text).stdout;
    const b = new TextDecoder().decode(sendJsonBytes(host(), new TextEncoder().encode(text)).stdout);
    expect(b).toBe(a);
    expect(a.split("\n")).toHaveLength(6);
    expect(a).toContain('{"error":"line 2: field note: unknown field"}');
    expect(a).toContain('"error":"line 3: field in:');
    expect(a).toContain('"error":"line 6: not JSON:');
  });
});
