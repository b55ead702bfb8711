/**
 * `ip rule` differential: seeded random sequences of rule adds (every selector and action the twin
 * has), deletions by attribute subsets, filtered listings, flushes and `ip route get` lookups run
 * through the real iproute2 6.1 in a private namespace and through the twin: the same output, errors
 * and exit status after every command. The namespace and the twin start alike (two veth pairs,
 * addresses, routes in tables main, 100 and 200).
 */
import { expect, it } from "vitest";
import { ShellSession } from "../src/compat/session.js";
import { Host } from "../src/host.js";
import { describeWith, livePrereq } from "./support/env.js";
import { Netns } from "./support/netns.js";

const SETUP = [
  "sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 net.ipv4.ip_forward=1",
  "ip link set lo up",
  "ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02",
  "ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04",
  "ip link set v0 up",
  "ip link set v1 up",
  "ip link set v2 up",
  "ip link set v3 up",
  "ip addr add 10.0.0.1/24 dev v0",
  "ip addr add 10.0.1.1/24 dev v1",
  "ip addr add 10.0.2.1/24 dev v2",
  "ip route add default via 10.0.0.254",
  "ip route add default via 10.0.1.254 table 100",
  "ip route add 10.50.0.0/16 via 10.0.2.254 table 200",
  "ip route add unreachable 10.60.0.0/16 table 200",
];

/** A small seeded generator (xorshift32). */
class Rng {
  constructor(private x: number) {}
  int(n: number): number {
    let x = this.x;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.x = x >>> 0;
    return this.x % n;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.int(1000) < p * 1000;
  }
}

const PREFIXES = ["10.0.1.0/24", "10.0.1.7", "10.50.0.0/16", "192.0.2.0/24", "10.0.0.0/8", "0.0.0.0/0", "all"];
const PREFS = ["5", "10", "100", "500", "1000", "32765", "32766"];
const TABLES = ["100", "200", "main", "local", "default", "300"];
const DEVS = ["v0", "v1", "v3", "lo", "nosuch"];

function selector(r: Rng, forAdd: boolean): string[] {
  const w: string[] = [];
  if (r.chance(0.15)) w.push("not");
  if (r.chance(0.4)) w.push("from", r.pick(PREFIXES));
  if (r.chance(0.25)) w.push("to", r.pick(PREFIXES));
  if (r.chance(0.2)) w.push("fwmark", r.pick(["0x1", "1", "0x2/0xff", "0x100/0xf00", "0/0xff"]));
  if (r.chance(0.15)) w.push("iif", r.pick(DEVS));
  if (r.chance(0.1)) w.push("oif", r.pick(DEVS));
  if (r.chance(0.1)) w.push(r.pick(["tos", "dsfield"]), r.pick(["0x10", "0x04", "0x08"]));
  if (r.chance(0.15)) w.push("ipproto", r.pick(["tcp", "udp", "icmp", "17", "6"]));
  if (r.chance(0.1)) w.push("sport", r.pick(["1000-2000", "22", "5000"]));
  if (r.chance(0.15)) w.push("dport", r.pick(["53", "80", "8000-9000"]));
  if (r.chance(0.1)) w.push("uidrange", r.pick(["1000-1999", "0-0", "0-500"]));
  if (r.chance(forAdd ? 0.5 : 0.4)) w.push(r.pick(["pref", "priority", "order"]), r.pick(PREFS));
  return w;
}

function action(r: Rng): string[] {
  const k = r.int(10);
  if (k < 6) {
    const w = [r.pick(["table", "lookup"]), r.pick(TABLES)];
    if (r.chance(0.15)) w.push("suppress_prefixlength", r.pick(["0", "8"]));
    if (r.chance(0.1)) w.push("protocol", r.pick(["static", "boot", "kernel"]));
    return w;
  }
  if (k === 6) return ["goto", r.pick(PREFS)];
  if (k === 7) return ["nop"];
  return [r.pick(["blackhole", "unreachable", "prohibit"])];
}

function command(r: Rng): string {
  const k = r.int(20);
  if (k < 8) return ["ip rule add", ...selector(r, true), ...action(r)].join(" ");
  if (k < 11) {
    const sel = [...selector(r, false), ...(r.chance(0.3) ? [r.pick(["table", "lookup"]), r.pick(TABLES)] : [])];
    return ["ip rule del", ...(sel.length ? sel : ["pref", r.pick(PREFS)])].join(" ");
  }
  if (k < 14) {
    const f = r.pick([
      [],
      ["table", r.pick(TABLES)],
      ["pref", r.pick(PREFS)],
      ["from", r.pick(PREFIXES)],
      ["not"],
      ["iif", r.pick(DEVS)],
      ["fwmark", "0x1"],
      ["ipproto", r.pick(["tcp", "udp"])],
      ["dport", r.pick(["53", "8000-9000"])],
      ["sport", "1000-2000"],
      ["uidrange", "1000-1999"],
    ]);
    return ["ip rule", r.pick(["", "list", "show"]), ...f].filter(Boolean).join(" ");
  }
  if (k === 14) return r.chance(0.5) ? "ip rule flush" : "ip rule flush table 100";
  const dst = r.pick(["10.9.9.9", "10.50.1.1", "10.60.1.1", "192.0.2.7", "10.0.0.1", "10.0.1.5"]);
  const extra: string[] = [];
  if (r.chance(0.4)) extra.push("mark", r.pick(["1", "2", "0x102", "0x100"]));
  if (r.chance(0.4)) extra.push("ipproto", r.pick(["tcp", "udp", "icmp"]));
  if (r.chance(0.3)) extra.push("sport", r.pick(["22", "1500", "5000"]));
  if (r.chance(0.4)) extra.push("dport", r.pick(["53", "80", "8500"]));
  if (r.chance(0.3)) extra.push("uid", r.pick(["0", "1500", "400"]));
  if (r.chance(0.2)) extra.push(r.pick(["tos", "dsfield"]), r.pick(["0x10", "0x04", "0x08", "0x1c"]));
  const how = r.int(10);
  if (how < 3) extra.push("from", r.pick(["10.0.1.7", "10.0.3.7"]), "iif", r.pick(["v1", "v3"]));
  else if (how < 5) extra.push("from", r.pick(["10.0.1.1", "10.0.0.1"]));
  else if (how < 6) extra.push("oif", r.pick(["v0", "v1"]));
  return ["ip route get", dst, ...extra].join(" ");
}

const SEQUENCES = Number(process.env.IPTWIN_IPRULE_SEQS ?? 12);
const LENGTH = 25;

describeWith([livePrereq()], "ip rule: random sequences, twin vs iproute2", () => {
  for (let seed = 1; seed <= SEQUENCES; seed++) {
    it(`sequence ${seed}`, () => {
      const r = new Rng(seed * 2654435761);
      const cmds = [...SETUP];
      for (let i = 0; i < LENGTH; i++) cmds.push(command(r));
      const ns = Netns.create("iptwin-iprule");
      try {
        const real = ns.batch(cmds.map((c) => ({ prog: "sh", argv: ["-c", c] })));
        // the sequence changes the rules (some adds succeed on the real host)
        expect(cmds.filter((c, i) => c.startsWith("ip rule add") && real[i]!.status === 0).length).toBeGreaterThan(0);
        const sh = new ShellSession(new Host());
        cmds.forEach((c, i) => {
          const [got] = sh.run(c);
          const want = real[i]!;
          expect({ out: got!.stdout, err: got!.stderr, status: got!.status }, `#${i + 1} ${c}`).toEqual({
            out: want.stdout,
            err: want.stderr,
            status: want.status,
          });
        });
      } finally {
        ns.destroy();
      }
    });
  }
});
