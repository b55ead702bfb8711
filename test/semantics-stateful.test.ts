/**
 * Packet semantics of the stateful and payload extensions: rules are added
 * through the real command path (so their data is what iptables-nft stores),
 * the mangle table is compiled, and packets run through PREROUTING at
 * chosen virtual times; the rule counters tell what matched.
 *
 * Cases marked "checked" were run on the sandbox's 6.18 kernel (HZ=250) with
 * iptables-nft 1.8.9: the same rules in mangle PREROUTING of a private netns
 * (no conntrack), UDP/TCP frames injected with an AF_PACKET socket from a
 * veth peer at the same relative times, and `iptables -t mangle -L -v -x`
 * read back; the expected counters below are the kernel's.
 */
import { describe, expect, it } from "vitest";
import { numericToIPv4 } from "../src/core/ipv4.js";
import { Packet } from "../src/core/packet.js";
import { Rng } from "../src/core/rng.js";
import type { EvalContext, NetView } from "../src/engine/context.js";
import { compileTable, runHook } from "../src/engine/netfilter.js";
import type { Rule } from "../src/engine/ruleset.js";
import { NF_DROP, NF_STOLEN, XT_CONTINUE } from "../src/engine/verdict.js";
import { NF_INET_FORWARD, NF_INET_PRE_ROUTING } from "../src/extensions/api.js";
import { hashlimitTable } from "../src/extensions/hashlimit.js";
import { idleTimer } from "../src/extensions/IDLETIMER.target.js";
import { findRateEstimator } from "../src/extensions/rate-estimator.js";
import { recentTable } from "../src/extensions/recent.js";
import { Host } from "../src/host.js";

const A = (s: string): number => numericToIPv4(s)!;
const SEC = 1e9;

const NET: NetView = {
  addrType: () => 1,
  routeDev: () => "",
  primaryAddr: () => undefined,
  devGroup: () => 0,
};

interface Lab {
  host: Host;
  /** The context packets see: change nowNs / wallSeconds / hook between packets. */
  ctx: EvalContext & { sent: Packet[]; dups: Array<{ p: Packet; gw: number; oif: string }> };
  /** Runs packets through mangle PREROUTING (or `hook`); returns the verdicts. */
  send(...ps: Packet[]): number[];
  /** Packet counters of the chain's rules, in order. */
  counts(chain?: string): number[];
  rules(chain?: string): Rule[];
}

/** A host with these iptables commands applied (each an argv after `iptables`). */
function lab(cmds: string[][], seed = 1): Lab {
  const host = new Host({ epoch: 1_700_000_000 });
  for (const c of cmds) {
    const r = host.iptables(c);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  }
  const rng = new Rng(seed);
  const sent: Packet[] = [];
  const dups: Array<{ p: Packet; gw: number; oif: string }> = [];
  const ctx = {
    hook: NF_INET_PRE_ROUTING,
    table: "mangle",
    nowNs: 0,
    hotdrop: false,
    net: NET,
    random32: () => rng.next32(),
    log: () => {},
    sendLocal: (p: Packet) => sent.push(p),
    shared: host.shared,
    dup: (p: Packet, gw: number, oif: string) => dups.push({ p, gw, oif }),
    sent,
    dups,
  };
  const rules = (chain = "PREROUTING") => host.ruleset.table("mangle")!.chains.get(chain)!.rules;
  return {
    host,
    ctx,
    send: (...ps) => {
      const t = compileTable(host.ruleset.table("mangle")!);
      return ps.map((p) => runHook(t, ctx.hook, p, ctx));
    },
    counts: (chain) => rules(chain).map((r) => r.pcnt),
    rules,
  };
}

const pre = (...args: string[]) => ["-t", "mangle", "-A", "PREROUTING", ...args];

type Fields = Partial<Omit<Packet, "ihl" | "l4HeaderLen" | "payloadLen">>;

function pkt(f: Fields): Packet {
  const p = new Packet();
  p.src = A("10.9.0.2");
  p.dst = A("10.9.0.1");
  p.inDev = "eth0";
  p.hasMac = true;
  Object.assign(p, f);
  if (!f.len) p.len = p.ihl + (p.isFragment() ? 0 : p.l4HeaderLen) + (p.payload?.length ?? 0);
  return p;
}

const udp = (dport: number, f: Fields = {}) => pkt({ proto: 17, sport: 1000, dport, ...f });
const tcp = (dport: number, f: Fields = {}) => pkt({ proto: 6, sport: 1000, dport, tcpFlags: 0x02, ...f });
const times = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

describe("limit (native nft limit: a token bucket in nanoseconds)", () => {
  it("spends the burst, then refills one token per period (checked)", () => {
    const l = lab([pre("-p", "udp", "--dport", "9", "-m", "limit", "--limit", "2/sec", "--limit-burst", "3")]);
    l.send(...times(5, () => udp(9)));
    expect(l.counts()).toEqual([3]);
    // 600 ms: 600 ms of tokens, one packet costs 500 ms
    l.ctx.nowNs = 0.6 * SEC;
    l.send(udp(9), udp(9));
    expect(l.counts()).toEqual([4]);
    // 1.05 s: 100 ms left + 450 ms
    l.ctx.nowNs = 1.05 * SEC;
    l.send(udp(9));
    expect(l.counts()).toEqual([5]);
    // 3 s: the bucket holds at most the burst
    l.ctx.nowNs = 3 * SEC;
    l.send(...times(5, () => udp(9)));
    expect(l.counts()).toEqual([8]);
  });

  it("keeps each rule's bucket when the table is recompiled, and a zero burst is nft's default of 5", () => {
    const l = lab([pre("-p", "udp", "-m", "limit", "--limit", "1/min", "--limit-burst", "0")]);
    l.send(...times(7, () => udp(9)));
    expect(l.counts()).toEqual([5]);
    expect(l.host.iptables(["-t", "mangle", "-A", "PREROUTING", "-p", "tcp"]).status).toBe(0);
    l.send(udp(9));
    expect(l.counts()).toEqual([5, 0]);
    l.ctx.nowNs = 60 * SEC;
    l.send(udp(9), udp(9));
    expect(l.counts()).toEqual([6, 0]);
  });
});

describe("statistic", () => {
  it("nth: --packet p matches the (p+1)th packet of every n, inversion flips (checked)", () => {
    const l = lab([
      pre("-p", "udp", "-m", "statistic", "--mode", "nth", "--every", "3", "--packet", "1"),
      pre("-p", "udp", "-m", "statistic", "--mode", "nth", "--every", "3", "--packet", "0"),
      pre("-p", "udp", "-m", "statistic", "--mode", "nth", "!", "--every", "3", "--packet", "0"),
    ]);
    const seen: number[][] = [];
    for (let i = 0; i < 7; i++) {
      l.send(udp(10));
      seen.push(l.counts());
    }
    expect(l.counts()).toEqual([2, 3, 4]);
    // the first rule matched the 2nd and 5th packets, the second the 1st, 4th and 7th
    expect(seen.map((c) => c[0])).toEqual([0, 1, 1, 1, 2, 2, 2]);
    expect(seen.map((c) => c[1])).toEqual([1, 1, 1, 2, 2, 2, 3]);
  });

  it("random: (prandom_u32() & 0x7fffffff) < probability, from the host's seeded generator", () => {
    const l = lab([pre("-m", "statistic", "--mode", "random", "--probability", "0.25")], 42);
    const rng = new Rng(42);
    let expected = 0;
    for (let i = 0; i < 200; i++) if ((rng.next32() & 0x7fffffff) < Math.round(0x80000000 * 0.25)) expected++;
    l.send(...times(200, () => udp(1)));
    expect(l.counts()).toEqual([expected]);
    const never = lab([pre("-m", "statistic", "--mode", "random", "--probability", "0")]);
    const always = lab([pre("-m", "statistic", "--mode", "random", "!", "--probability", "0")]);
    never.send(...times(20, () => udp(1)));
    always.send(...times(20, () => udp(1)));
    expect(never.counts()).toEqual([0]);
    expect(always.counts()).toEqual([20]);
  });
});

describe("quota", () => {
  it("counts skb->len down; a packet larger than the rest empties it (checked)", () => {
    const l = lab([
      pre("-p", "udp", "--dport", "11", "-m", "quota", "--quota", "100"),
      pre("-p", "udp", "--dport", "11", "-m", "quota", "!", "--quota", "100"),
    ]);
    const big = () => udp(11, { payload: new Uint8Array(12) }); // 40 bytes
    l.send(big(), big(), big(), udp(11));
    expect(l.counts()).toEqual([2, 2]);
    expect(l.rules().map((r) => r.bcnt)).toEqual([80, 68]);
  });
});

describe("recent", () => {
  it("--set, --rcheck and --rttl against the TTL stored at --set (checked)", () => {
    const l = lab([
      pre("-p", "udp", "--dport", "1", "-m", "recent", "--set", "--name", "T"),
      pre("-p", "udp", "--dport", "2", "-m", "recent", "--rcheck", "--rttl", "--name", "T"),
      pre("-p", "udp", "--dport", "2", "-m", "recent", "--rcheck", "--name", "T"),
    ]);
    l.send(udp(2));
    expect(l.counts()).toEqual([0, 0, 0]);
    l.send(udp(1, { ttl: 64 }), udp(2, { ttl: 64 }), udp(2, { ttl: 63 }));
    expect(l.counts()).toEqual([1, 1, 2]);
    const t = recentTable(l.host.shared, "T")!;
    expect([...t.entries.keys()]).toEqual([A("10.9.0.2")]);
  });

  it("--seconds with --hitcount, and --reap drops the stale head entry (checked)", () => {
    const l = lab([
      pre("-p", "udp", "--dport", "4", "-m", "recent", "--set", "--name", "U"),
      pre("-p", "udp", "--dport", "5", "-m", "recent", "--rcheck", "--seconds", "1", "--hitcount", "2", "--name", "U"),
      pre("-p", "udp", "--dport", "6", "-m", "recent", "--update", "--seconds", "1", "--reap", "--name", "U"),
    ]);
    l.send(udp(4), udp(4), udp(5));
    expect(l.counts()).toEqual([2, 1, 0]);
    l.ctx.nowNs = 1.1 * SEC;
    l.send(udp(5));
    expect(l.counts()).toEqual([2, 1, 0]);
    l.ctx.nowNs = 1.3 * SEC;
    l.send(udp(6), udp(5));
    expect(l.counts()).toEqual([2, 1, 0]);
    expect(recentTable(l.host.shared, "U")!.entries.size).toBe(0);
  });

  it("--update refreshes only on a hit; --remove deletes; --rdest and --mask pick the key", () => {
    const l = lab([
      pre("-p", "udp", "--dport", "1", "-m", "recent", "--set", "--name", "V", "--rdest", "--mask", "255.255.255.0"),
      pre("-p", "udp", "--dport", "2", "-m", "recent", "--update", "--seconds", "2", "--name", "V", "--rdest"),
      pre("-p", "udp", "--dport", "3", "-m", "recent", "--remove", "--name", "V", "--rdest"),
    ]);
    l.send(udp(1, { dst: A("192.0.2.9") }));
    expect([...recentTable(l.host.shared, "V")!.entries.keys()]).toEqual([A("192.0.2.0")]);
    // the list's mask (from the rule that created it) applies to every rule using the list
    l.ctx.nowNs = 1.5 * SEC;
    l.send(udp(2, { dst: A("192.0.2.200") }));
    l.ctx.nowNs = 3 * SEC;
    l.send(udp(2, { dst: A("192.0.2.1") })); // last seen at 1.5 s: still within 2 s, refreshed
    l.ctx.nowNs = 5.5 * SEC;
    l.send(udp(2, { dst: A("192.0.2.1") })); // 2.5 s since the last hit
    expect(l.counts()).toEqual([1, 2, 0]);
    l.send(udp(3, { dst: A("192.0.2.77") }), udp(3, { dst: A("192.0.2.77") }));
    expect(l.counts()).toEqual([1, 2, 1]);
  });

  it("forgets the least recently seen of 100 addresses; a forwarded packet's TTL counts one more", () => {
    const l = lab([pre("-m", "recent", "--set", "--name", "W")]);
    for (let i = 0; i < 101; i++) l.send(udp(1, { src: A("10.1.0.0") + i }));
    const t = recentTable(l.host.shared, "W")!;
    expect(t.entries.size).toBe(100);
    expect(t.entries.has(A("10.1.0.0"))).toBe(false);
    const f = lab([
      ["-t", "mangle", "-A", "FORWARD", "-p", "udp", "--dport", "1", "-m", "recent", "--set", "--name", "F"],
      [
        "-t",
        "mangle",
        "-A",
        "FORWARD",
        "-p",
        "udp",
        "--dport",
        "2",
        "-m",
        "recent",
        "--rcheck",
        "--rttl",
        "--name",
        "F",
      ],
    ]);
    f.ctx.hook = NF_INET_FORWARD;
    f.send(udp(1, { ttl: 63 }));
    expect(recentTable(f.host.shared, "F")!.entries.get(A("10.9.0.2"))!.ttl).toBe(64);
    f.send(udp(2, { ttl: 63 }));
    expect(f.counts("FORWARD")).toEqual([1, 1]);
  });
});

describe("hashlimit", () => {
  it("per-bucket token buckets in jiffies (checked)", () => {
    const l = lab([
      pre(
        "-p",
        "udp",
        "--dport",
        "10",
        "-m",
        "hashlimit",
        "--hashlimit-upto",
        "2/sec",
        "--hashlimit-burst",
        "3",
        "--hashlimit-mode",
        "srcip,dstport",
        "--hashlimit-name",
        "P",
      ),
    ]);
    l.send(...times(5, () => udp(10)), udp(10, { src: A("10.9.0.5") }), udp(10, { src: A("10.9.0.5") }));
    expect(l.counts()).toEqual([5]);
    l.ctx.nowNs = 0.6 * SEC;
    l.send(udp(10), udp(10));
    l.ctx.nowNs = 1.05 * SEC;
    l.send(udp(10));
    expect(l.counts()).toEqual([7]);
    // buckets expire after 1 s (the default for a rate per second): 10.9.0.5's went at the 1 s collection
    expect(hashlimitTable(l.host.shared, "P")!.count).toBe(1);
  });

  it("a full table drops new buckets until the garbage collector expires old ones (checked)", () => {
    const l = lab([
      pre(
        "-p",
        "udp",
        "--dport",
        "9",
        "-m",
        "hashlimit",
        "--hashlimit-upto",
        "100/sec",
        "--hashlimit-burst",
        "5",
        "--hashlimit-mode",
        "srcip",
        "--hashlimit-name",
        "H",
        "--hashlimit-htable-size",
        "1",
        "--hashlimit-htable-max",
        "1",
        "--hashlimit-htable-expire",
        "1000",
        "--hashlimit-htable-gcinterval",
        "500",
      ),
      pre("-p", "udp", "--dport", "9"),
    ]);
    const a = udp(9);
    const b = udp(9, { src: A("10.9.0.5") });
    expect(l.send(a)).toEqual([1]);
    l.ctx.nowNs = 0.1 * SEC;
    expect(l.send(b)).toEqual([NF_DROP]);
    expect(l.ctx.hotdrop).toBe(true);
    // a's bucket expired at 1 s and went at the 1.5 s collection
    l.ctx.nowNs = 1.8 * SEC;
    l.send(b);
    expect(l.counts()).toEqual([2, 2]);
  });

  it("--hashlimit-above inverts; byte mode spends the burst refills; masks group addresses", () => {
    const l = lab([
      pre(
        "-m",
        "hashlimit",
        "--hashlimit-above",
        "1/sec",
        "--hashlimit-burst",
        "2",
        "--hashlimit-name",
        "X",
        "--hashlimit-mode",
        "srcip",
        "--hashlimit-srcmask",
        "24",
      ),
    ]);
    l.send(udp(1), udp(1, { src: A("10.9.0.77") }), udp(1), udp(1, { src: A("10.9.1.1") }));
    // two packets fit the /24's burst; the third is above; the other /24 has its own bucket
    expect(l.counts()).toEqual([1]);
    const b = lab([
      pre("-m", "hashlimit", "--hashlimit-upto", "1kb/s", "--hashlimit-burst", "2kb", "--hashlimit-name", "B"),
    ]);
    // 1000-byte packets: the bucket holds one second of 1 kB, refilled twice by the burst
    b.send(...times(6, () => udp(1, { payload: new Uint8Array(972) })));
    expect(b.counts()).toEqual([3]);
  });

  it("rate-match matches while the flow stays under the rate in its interval", () => {
    const l = lab([
      pre(
        "-m",
        "hashlimit",
        "--hashlimit-upto",
        "2/sec",
        "--hashlimit-burst",
        "1",
        "--hashlimit-rate-match",
        "--hashlimit-name",
        "R",
        "--hashlimit-htable-expire",
        "10000",
      ),
    ]);
    // burst + rate = 3 packets per 1 s window
    l.send(...times(4, () => udp(1)));
    expect(l.counts()).toEqual([3]);
    // the next window sees that the last one went over the rate: no match in it
    l.ctx.nowNs = 1.2 * SEC;
    l.send(udp(1));
    expect(l.counts()).toEqual([3]);
    l.ctx.nowNs = 2.4 * SEC;
    l.send(udp(1), udp(1));
    expect(l.counts()).toEqual([5]);
  });

  it("buckets with ports drop a packet too short to hold them", () => {
    const l = lab([
      pre("-m", "hashlimit", "--hashlimit-upto", "5/sec", "--hashlimit-name", "S", "--hashlimit-mode", "dstport"),
    ]);
    const cut = udp(1, { len: 22 });
    expect(l.send(cut)).toEqual([NF_DROP]);
    expect(l.send(pkt({ proto: 1, icmpType: 8 }))).toEqual([1]);
  });
});

describe("time (virtual wall clock, UTC)", () => {
  // 1700000000 = Tue 2023-11-14 22:13:20 UTC
  const at = (l: Lab, t: number) => {
    l.ctx.wallSeconds = t;
    return l.send(udp(1))[0];
  };
  it("daytime, weekdays, monthdays, dates and --contiguous", () => {
    const l = lab([
      pre("-m", "time", "--timestart", "22:00", "--timestop", "22:30"),
      pre("-m", "time", "--weekdays", "Tue"),
      pre("-m", "time", "--monthdays", "14"),
      pre("-m", "time", "--datestart", "2023-11-15"),
      pre("-m", "time", "--timestart", "23:00", "--timestop", "01:00", "--weekdays", "Tue", "--contiguous"),
      pre("-m", "time", "--timestart", "23:00", "--timestop", "01:00", "--weekdays", "Tue"),
      pre("-m", "time", "--kerneltz", "--timestart", "22:00", "--timestop", "22:30"),
    ]);
    at(l, 1_700_000_000);
    expect(l.counts()).toEqual([1, 1, 1, 0, 0, 0, 1]);
    // Wed 00:30: after midnight of a Tuesday range (contiguous counts it as Tuesday)
    at(l, 1_700_008_200);
    expect(l.counts()).toEqual([1, 1, 1, 1, 1, 0, 1]);
    // Tue 23:30
    at(l, 1_700_004_600);
    expect(l.counts()).toEqual([1, 2, 2, 1, 2, 1, 1]);
  });
});

describe("cpu, nfacct", () => {
  it("the twin is one CPU: cpu 0", () => {
    const l = lab([
      pre("-m", "cpu", "--cpu", "0"),
      pre("-m", "cpu", "--cpu", "1"),
      pre("-m", "cpu", "!", "--cpu", "1"),
    ]);
    l.send(udp(1));
    expect(l.counts()).toEqual([1, 0, 1]);
  });

  it("nfacct rules are refused: no accounting object exists", () => {
    const h = new Host();
    expect(h.iptables(["-A", "INPUT", "-m", "nfacct", "--nfacct-name", "x"]).status).not.toBe(0);
  });
});

describe("u32", () => {
  it("reads words of the packet; a word past the end is no match, never a drop (checked)", () => {
    const l = lab([
      pre("-p", "udp", "--dport", "7", "-m", "u32", "--u32", "24=0:0xffffffff"),
      pre("-p", "udp", "--dport", "7", "-m", "u32", "!", "--u32", "24=0:0xffffffff"),
      pre("-p", "udp", "--dport", "7", "-m", "u32", "--u32", "0>>22&0x3C@4=0:0xffffffff"),
      pre("-p", "udp", "--dport", "7", "-m", "u32", "--u32", "0>>22&0x3C@8=0:0xffffffff"),
      pre("-p", "udp", "--dport", "7"),
    ]);
    l.send(udp(7), udp(7, { len: 27 }), udp(7, { payload: Uint8Array.of(0xaa, 0xbb, 0xcc) }));
    expect(l.counts()).toEqual([2, 1, 2, 0, 3]);
  });

  it("tests header fields: the TCP SYN flag and a destination port range", () => {
    const l = lab([
      pre("-p", "tcp", "-m", "u32", "--u32", "0>>22&0x3C@12>>16&0x2=0x2"),
      pre("-m", "u32", "--u32", "6&0xFF=6&&0>>22&0x3C@0&0xFFFF=80:90,443"),
    ]);
    l.send(tcp(80), tcp(443, { tcpFlags: 0x10 }), tcp(91), udp(80));
    expect(l.counts()).toEqual([2, 2]);
  });
});

describe("string", () => {
  const hello = (f: Fields = {}) => udp(9, { payload: new TextEncoder().encode("xxHELLO worldxx"), ...f });
  it("bm and kmp, --icase, and the window [from, to) the match must end in", () => {
    const l = lab([
      pre("-m", "string", "--algo", "bm", "--string", "HELLO"),
      pre("-m", "string", "--algo", "kmp", "--string", "hello"),
      pre("-m", "string", "--algo", "kmp", "--string", "hello", "--icase"),
      pre("-m", "string", "--algo", "bm", "--string", "world", "--icase"),
      // HELLO is at bytes 30..34 (28 bytes of headers + "xx")
      pre("-m", "string", "--algo", "bm", "--string", "HELLO", "--from", "30", "--to", "35"),
      pre("-m", "string", "--algo", "bm", "--string", "HELLO", "--from", "30", "--to", "34"),
      pre("-m", "string", "--algo", "kmp", "--string", "HELLO", "--from", "31"),
      pre("-m", "string", "--algo", "kmp", "!", "--string", "HELLO"),
      pre("-m", "string", "--algo", "kmp", "--hex-string", "|0011|"),
    ]);
    l.send(hello());
    expect(l.counts()).toEqual([1, 0, 1, 1, 1, 0, 0, 0, 0]);
    // the search covers the headers too: the UDP source port 0x0011
    l.send(udp(9, { sport: 0x11 }));
    expect(l.counts()).toEqual([1, 0, 1, 1, 1, 0, 0, 1, 1]);
  });

  it("the kernel's Boyer-Moore finds repeats and overlapping prefixes; --icase uses the kernel's Latin-1 toupper (checked)", () => {
    const l = lab([
      pre("-m", "string", "--algo", "bm", "--string", "abab"),
      pre("-m", "string", "--algo", "bm", "--string", "aab"),
      pre("-m", "string", "--algo", "bm", "--string", "ANPANMAN"),
      pre("-m", "string", "--algo", "bm", "--string", "abcab"),
      pre("-m", "string", "--algo", "bm", "--string", "bcabcab"),
      // toupper(0xff) = 0xdf and toupper(0xdf) = 0xbf in lib/ctype.c
      pre("-m", "string", "--algo", "bm", "--hex-string", "|ff|", "--icase"),
      pre("-m", "string", "--algo", "bm", "--hex-string", "|df|", "--icase"),
      pre("-m", "string", "--algo", "kmp", "--hex-string", "|bf|", "--icase"),
    ]);
    const text = new TextEncoder().encode("aababaababb ANPANANPANMANxxabcabcabcabyy");
    l.send(udp(9, { payload: Uint8Array.from([...text, 0xdf, 0xff]) }));
    // the last: the text's 0xdf uppercases to 0xbf
    expect(l.counts()).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe("bpf", () => {
  it("runs the classic program; a load past the end returns 0 (checked)", () => {
    const l = lab([
      pre("-p", "udp", "--dport", "8", "-m", "bpf", "--bytecode", "4,48 0 0 9,21 0 1 17,6 0 0 1,6 0 0 0"),
      pre("-p", "udp", "--dport", "8", "-m", "bpf", "--bytecode", "2,32 0 0 1000,6 0 0 1"),
      // ancillary: skb->protocol (ETH_P_IP)
      pre("-p", "udp", "--dport", "8", "-m", "bpf", "--bytecode", "4,40 0 0 4294963200,21 0 1 2048,6 0 0 5,6 0 0 0"),
    ]);
    l.send(udp(8), udp(8, { payload: new Uint8Array(20) }));
    expect(l.counts()).toEqual([2, 0, 2]);
  });

  it("indexed loads, scratch memory, ALU and the MAC header through SKF_LL_OFF (checked)", () => {
    // X = IP header length; A = the destination port; mem[0] = A; A = mem[0] & 0xff; match when 0x50
    const prog = "7,177 0 0 0,72 0 0 2,2 0 0 0,96 0 0 0,84 0 0 255,21 0 1 80,6 0 0 65535";
    // (the jump's false branch runs off to the last ret: 7 instructions, so add a ret 0)
    const l = lab([
      pre("-m", "bpf", "--bytecode", `8,${prog.slice(2)},6 0 0 0`),
      // ldb [SKF_LL_OFF + 12] (the ethertype's high byte, 0x08)
      pre("-m", "bpf", "--bytecode", "4,48 0 0 4292870156,21 0 1 8,6 0 0 1,6 0 0 0"),
    ]);
    l.send(tcp(80), tcp(81), udp(0x150));
    expect(l.counts()).toEqual([2, 3]);
    // a local packet has no MAC header
    l.send(udp(80, { hasMac: false, inDev: "" }));
    expect(l.counts()).toEqual([3, 3]);
  });
});

describe("rateest and RATEEST", () => {
  it("the target feeds the named estimator; the match compares its EWMA rates", () => {
    const l = lab([
      pre(
        "-p",
        "udp",
        "--dport",
        "1",
        "-j",
        "RATEEST",
        "--rateest-name",
        "E",
        "--rateest-interval",
        "250ms",
        "--rateest-ewmalog",
        "500ms",
      ),
      pre("-p", "udp", "--dport", "2", "-m", "rateest", "--rateest", "E", "--rateest-pps", "5", "--rateest-gt"),
      pre("-p", "udp", "--dport", "2", "-m", "rateest", "--rateest", "E", "--rateest-bps", "1kbit", "--rateest-lt"),
    ]);
    // no packet counted yet: zero rates
    l.send(udp(2));
    expect(l.counts()).toEqual([0, 0, 1]);
    // 40 packets per second for 2 seconds, 10 per 250 ms tick
    for (let i = 0; i < 80; i++) {
      l.ctx.nowNs = i * 25e6;
      l.send(udp(1));
    }
    l.ctx.nowNs = 2 * SEC;
    l.send(udp(2));
    const est = findRateEstimator(l.ctx, "E")!;
    expect(est.packets).toBe(80);
    expect(est.periodJiffies).toBe(62);
    expect(l.counts()).toEqual([80, 1, 1]);
    // idle for a minute: the averages decay to nothing
    l.ctx.nowNs = 62 * SEC;
    l.send(udp(2));
    expect(l.counts()).toEqual([80, 1, 2]);
  });
});

describe("targets", () => {
  it("CLASSIFY sets skb->priority", () => {
    const l = lab([["-t", "mangle", "-A", "FORWARD", "-j", "CLASSIFY", "--set-class", "1:10"]]);
    l.ctx.hook = NF_INET_FORWARD;
    const p = udp(1);
    l.send(p);
    expect(p.priority).toBe(0x10010);
  });

  it("HMARK: the kernel's jhash over the sorted tuple, reciprocal_scale and offset (checked)", () => {
    const l = lab([
      pre(
        "-j",
        "HMARK",
        "--hmark-tuple",
        "src,dst,sport,dport,proto",
        "--hmark-mod",
        "10",
        "--hmark-rnd",
        "0x12345",
        "--hmark-offset",
        "100",
      ),
      pre(
        "-p",
        "tcp",
        "-j",
        "HMARK",
        "--hmark-src-prefix",
        "24",
        "--hmark-dport-mask",
        "0xff00",
        "--hmark-sport",
        "0x1",
        "--hmark-proto-mask",
        "0x3",
        "--hmark-mod",
        "7",
        "--hmark-rnd",
        "0xdeadbeef",
      ),
    ]);
    const ps = [
      udp(20, { sport: 1000 }),
      udp(21, { sport: 1001, src: A("10.9.0.7") }),
      udp(22, { sport: 65000 }),
      tcp(23, { sport: 4000 }),
      tcp(24, { sport: 4001, src: A("10.9.0.77") }),
    ];
    // an ICMP port unreachable quoting 10.9.0.1:53 -> 10.9.0.2:4444: the quoted tuple is hashed
    const quoted = pkt({ proto: 17, src: A("10.9.0.1"), dst: A("10.9.0.2"), sport: 53, dport: 4444, len: 48, id: 7 });
    ps.push(pkt({ proto: 1, src: A("10.9.0.9"), icmpType: 3, icmpCode: 3, inner: quoted, innerLen: 28, len: 56 }));
    l.send(...ps);
    expect(ps.map((p) => p.mark)).toEqual([0x67, 0x6b, 0x64, 3, 3, 0x67]);
  });

  it("IDLETIMER re-arms its label's timer and continues", () => {
    const l = lab([pre("-j", "IDLETIMER", "--timeout", "30", "--label", "foo")]);
    l.ctx.nowNs = 5 * SEC;
    expect(l.send(udp(1))).toEqual([1]);
    expect(idleTimer(l.host.shared, "foo")!.expiresNs).toBe(35 * SEC);
  });

  it("TEE sends an untracked copy with DF (TTL - 1 from PREROUTING) to the gateway, once", () => {
    const l = lab([pre("-j", "TEE", "--gateway", "10.9.0.254")]);
    const p = udp(1, { ttl: 10 });
    expect(l.send(p)).toEqual([1]);
    expect(l.ctx.dups).toHaveLength(1);
    const d = l.ctx.dups[0]!;
    expect(d.gw).toBe(A("10.9.0.254"));
    expect(d.p).not.toBe(p);
    expect(d.p.ttl).toBe(9);
    expect(d.p.frag & 0x4000).toBe(0x4000);
    expect(p.ttl).toBe(10);
    expect(d.p.ctinfo).toBe(7);
  });

  it("TEE through the host's stack: the copy leaves by the gateway's route, the original goes on", () => {
    const h = new Host();
    for (const c of [
      ["link", "add", "eth0", "type", "veth", "peer", "name", "veth0"],
      ["link", "add", "eth1", "type", "veth", "peer", "name", "veth1"],
      ["link", "set", "eth0", "up"],
      ["link", "set", "eth1", "up"],
      ["link", "set", "veth0", "up"],
      ["link", "set", "veth1", "up"],
      ["addr", "add", "10.0.0.1/30", "dev", "eth0"],
      ["addr", "add", "10.0.1.1/30", "dev", "eth1"],
    ])
      expect(h.ip(c).status).toBe(0);
    expect(
      h.iptables(["-t", "mangle", "-A", "PREROUTING", "-p", "udp", "-j", "TEE", "--gateway", "10.0.1.2"]).status,
    ).toBe(0);
    // a TEE in OUTPUT does not copy the copy again (nf_skb_duplicated)
    expect(h.iptables(["-t", "mangle", "-A", "OUTPUT", "-p", "udp", "-j", "TEE", "--gateway", "10.0.1.2"]).status).toBe(
      0,
    );
    const p = udp(9, { src: A("10.0.0.2"), dst: A("10.0.0.1"), ttl: 64 });
    const r = h.stack().receive(p, "eth0");
    expect(r.fate).toEqual({ kind: "delivered" });
    const copy = r.emitted.filter((e) => e.dev === "eth1");
    expect(copy).toHaveLength(1);
    expect([copy[0]!.pkt.dst, copy[0]!.pkt.ttl, copy[0]!.pkt.frag & 0x4000]).toEqual([A("10.0.0.1"), 63, 0x4000]);
  });

  it("SYNPROXY answers a SYN with a cookie SYN/ACK (stolen), drops other ACKs, passes the rest", () => {
    const h = new Host();
    expect(
      h.iptables([
        "-A",
        "INPUT",
        "-p",
        "tcp",
        "-j",
        "SYNPROXY",
        "--mss",
        "1460",
        "--wscale",
        "7",
        "--sack-perm",
        "--timestamp",
      ]).status,
    ).toBe(0);
    const rule = h.ruleset.table("filter")!.chains.get("INPUT")!.rules[0]!;
    const fn = rule.target!.ext.compile!(rule.target!.data, rule.ip);
    const sent: Packet[] = [];
    const c: EvalContext = {
      hook: 1,
      table: "filter",
      nowNs: 1e9,
      hotdrop: false,
      net: NET,
      random32: () => 0x12345678,
      log: () => {},
      sendLocal: (p) => sent.push(p),
      shared: new Map(),
    };
    // MSS 1400, SACK permitted, timestamps, window scale 2
    const opts = Uint8Array.of(2, 4, 0x05, 0x78, 4, 2, 8, 10, 0, 0, 0, 9, 0, 0, 0, 0, 1, 3, 3, 2);
    const syn = tcp(80, { seq: 1000, tcpOptions: opts });
    expect(fn(syn, c)).toBe(NF_STOLEN);
    expect(sent).toHaveLength(1);
    const sa = sent[0]!;
    expect([sa.src, sa.dst, sa.sport, sa.dport, sa.tcpFlags, sa.ack]).toEqual([syn.dst, syn.src, 80, 1000, 0x12, 1001]);
    // the cookie's MSS index: 1 (1300 <= 1400 < 1440)
    expect(sa.seq & 3).toBe(1);
    expect([...sa.tcpOptions!.subarray(0, 4)]).toEqual([2, 4, 0x05, 0xb4]);
    expect(fn(tcp(80, { tcpFlags: 0x10 }), c)).toBe(NF_DROP);
    expect(fn(tcp(80, { tcpFlags: 0x18 }), c)).toBe(NF_DROP);
    expect(fn(tcp(80, { tcpFlags: 0x11 }), c)).toBe(XT_CONTINUE);
    expect(fn(tcp(80, { len: 30 }), c)).toBe(NF_DROP);
  });
});
