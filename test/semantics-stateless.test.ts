/**
 * Packet semantics of the stateless matches and mangle targets: rules are
 * added through the real command path (so their data is what iptables-nft
 * stores, normalisation included), compiled, and run on Packets.
 *
 * Kernel facts marked "checked" were verified on the sandbox's 6.x kernel
 * with iptables-nft 1.8.9: rules without a target in mangle PREROUTING of a
 * private netns (no conntrack, so fragments are not reassembled), one frame
 * per case injected with an AF_PACKET socket from a veth peer, and the
 * rule counters of `iptables -L -v -x` read back.
 */
import { describe, expect, it } from "vitest";
import { numericToIPv4 } from "../src/core/ipv4.js";
import { IP_DF, IP_MF, PACKET_BROADCAST, PACKET_HOST, PACKET_MULTICAST, Packet } from "../src/core/packet.js";
import {
  type EvalContext,
  type MatchFn,
  type NetView,
  RTN_BLACKHOLE,
  RTN_UNICAST,
  type TargetFn,
} from "../src/engine/context.js";
import { NetConfig, RT_TABLE_MAIN, RTPROT_STATIC } from "../src/engine/net.js";
import { compileTable, runHook } from "../src/engine/netfilter.js";
import type { Rule } from "../src/engine/ruleset.js";
import { NF_ACCEPT, NF_DROP, XT_CONTINUE } from "../src/engine/verdict.js";
import { NF_INET_LOCAL_IN, NF_INET_PRE_ROUTING } from "../src/extensions/api.js";
import { bswap32, jhash1word } from "../src/extensions/pkt-util.js";
import { Host } from "../src/host.js";

const A = (s: string): number => numericToIPv4(s)!;

// ---- the host the packets see ----
function makeNet(): NetConfig {
  const net = new NetConfig();
  const must = (e: unknown) => expect(e).toBeUndefined();
  must(net.addLink("veth", { name: "eth0", mac: 0x020000000001, up: true, group: 0 }, { name: "veth0" }));
  must(net.addLink("veth", { name: "eth1", mac: 0x020000000011, up: true, mtu: 1400, group: 5 }, { name: "veth1" }));
  must(net.setUp(net.iface("veth0")!, true));
  must(net.setUp(net.iface("veth1")!, true));
  const addr = (dev: string, a: string, plen: number, brd: string) =>
    must(
      net.addAddr(net.iface(dev)!, {
        addr: A(a),
        plen,
        brd: A(brd),
        scope: 0,
        metric: 0,
        noprefixroute: false,
      }),
    );
  addr("eth0", "10.0.0.1", 30, "10.0.0.3");
  addr("eth1", "192.168.5.1", 24, "192.168.5.255");
  const route = (type: number, dst: string, plen: number, gateway: string, dev: string) =>
    must(
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
          gateway: A(gateway),
          oif: dev ? net.iface(dev)!.index : 0,
          onlink: false,
        },
        { create: true, excl: true },
      ),
    );
  route(RTN_UNICAST, "172.16.0.0", 16, "192.168.5.254", "eth1");
  route(RTN_BLACKHOLE, "203.0.113.0", 24, "0.0.0.0", "");
  return net;
}

/** The NetView the stack gives extensions, over a NetConfig. */
function viewOf(net: NetConfig): NetView {
  return {
    addrType: (addr, dev) => net.addrType(addr, dev),
    routeDev: (dst, src, mark) => {
      const r = net.fibLookup({ dst, src, mark }, 0, true);
      return r?.oif ? net.nameOf(r.oif) : "";
    },
    primaryAddr: (dev) => net.iface(dev)?.addrs[0]?.addr,
    devGroup: (dev) => net.iface(dev)?.group ?? 0,
    mtu: (dev) => net.iface(dev)?.mtu ?? 1500,
  };
}

interface TestCtx extends EvalContext {
  logs: string[];
}

function ctx(hook = NF_INET_PRE_ROUTING, table = "mangle"): TestCtx {
  const logs: string[] = [];
  return {
    hook,
    table,
    nowNs: 0,
    hotdrop: false,
    net: viewOf(makeNet()),
    random32: () => 0,
    log: (_l, line) => logs.push(line),
    sendLocal: () => {},
    shared: new Map(),
    logs,
  };
}

// ---- rules through the command path ----
function addRule(args: string[], table = "mangle", chain = "PREROUTING"): { host: Host; rule: Rule } {
  const host = new Host();
  const r = host.iptables(["-t", table, "-A", chain, ...args]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const rules = host.ruleset.table(table)!.chains.get(chain)!.rules;
  return { host, rule: rules[rules.length - 1]! };
}

/** All matches of the rule, compiled, as one predicate; hotdrop is left in the context. */
function matcher(args: string[], table = "mangle", chain = "PREROUTING"): (p: Packet, c?: TestCtx) => boolean {
  const { rule } = addRule(args, table, chain);
  const fns: MatchFn[] = rule.matches.map((m) => m.ext.compile!(m.data, rule.ip));
  return (p, c = ctx()) => fns.every((f) => f(p, c));
}

function target(args: string[], table = "mangle", chain = "PREROUTING"): TargetFn {
  const { rule } = addRule(args, table, chain);
  return rule.target!.ext.compile!(rule.target!.data, rule.ip);
}

// ---- packets ----
type Fields = Partial<Omit<Packet, "ihl" | "l4HeaderLen" | "payloadLen">>;

function pkt(f: Fields): Packet {
  const p = new Packet();
  p.src = A("10.0.0.2");
  p.dst = A("10.0.0.1");
  p.inDev = "eth0";
  Object.assign(p, f);
  if (!f.len) p.len = p.ihl + (p.isFragment() ? 0 : p.l4HeaderLen) + (p.payload?.length ?? 0);
  return p;
}

const tcpP = (f: Fields = {}) => pkt({ proto: 6, sport: 1000, dport: 80, tcpFlags: 0x02, ...f });
const udpP = (f: Fields = {}) => pkt({ proto: 17, sport: 1000, dport: 53, ...f });
const bytes = (...b: number[]) => Uint8Array.from(b);

/** A non-first fragment whose payload starts with these bytes. */
const frag = (proto: number, off: number, ...b: number[]) => pkt({ proto, frag: off, payload: bytes(...b) });

describe("tcp", () => {
  it("matches ports, ranges and flags (native payload expressions)", () => {
    const m = matcher(["-p", "tcp", "--dport", "80"]);
    expect(m(tcpP())).toBe(true);
    expect(m(tcpP({ dport: 81 }))).toBe(false);
    const r = matcher(["-p", "tcp", "--sport", "1000:1010", "!", "--dport", "22"]);
    expect(r(tcpP())).toBe(true);
    expect(r(tcpP({ sport: 1011 }))).toBe(false);
    expect(r(tcpP({ dport: 22 }))).toBe(false);
    const syn = matcher(["-p", "tcp", "--syn"]);
    expect(syn(tcpP({ tcpFlags: 0x02 }))).toBe(true);
    expect(syn(tcpP({ tcpFlags: 0x12 }))).toBe(false);
    expect(syn(tcpP({ tcpFlags: 0x02 | 0x40 | 0x80 }))).toBe(true); // ECE/CWR outside the mask
    const nsyn = matcher(["-p", "tcp", "!", "--syn"]);
    expect(nsyn(tcpP({ tcpFlags: 0x10 }))).toBe(true);
    expect(nsyn(tcpP({ tcpFlags: 0x02 }))).toBe(false);
    const flags = matcher(["-p", "tcp", "--tcp-flags", "SYN,ACK", "ACK"]);
    expect(flags(tcpP({ tcpFlags: 0x18 }))).toBe(true);
    expect(flags(tcpP({ tcpFlags: 0x12 }))).toBe(false);
    // `! --dport :1023` is stored as `gt 1023`
    const high = matcher(["-p", "tcp", "!", "--dport", ":1023"]);
    expect(high(tcpP({ dport: 1024 }))).toBe(true);
    expect(high(tcpP({ dport: 1023 }))).toBe(false);
  });

  it("reads a non-first fragment's payload as the ports, without a hotdrop (checked)", () => {
    const m = matcher(["-p", "tcp", "--dport", "80"]);
    const c = ctx();
    expect(m(frag(6, 1, 0x00, 0x01, 0x00, 0x50, 0, 0, 0, 0), c)).toBe(true);
    expect(c.hotdrop).toBe(false);
    expect(m(frag(6, 100, 0x00, 0x01, 0x00, 0x51))).toBe(false);
    // too short for the load: the rule just does not match
    expect(m(frag(6, 100, 0x00, 0x01))).toBe(false);
  });

  it("is no match, never a hotdrop, on a cut header; the ports alone need 4 bytes (checked)", () => {
    const cut = tcpP({ len: 28 }); // 8 bytes of TCP header
    const c = ctx();
    expect(matcher(["-p", "tcp", "--dport", "80"])(cut, c)).toBe(true);
    expect(matcher(["-p", "tcp", "--sport", "1000"])(cut, c)).toBe(true);
    expect(matcher(["-p", "tcp", "--syn"])(cut, c)).toBe(false); // flags are byte 13
    expect(c.hotdrop).toBe(false);
    expect(matcher(["-p", "tcp", "--dport", "80"])(tcpP({ len: 23 }))).toBe(false);
    expect(matcher(["-p", "tcp", "--sport", "1000"])(tcpP({ len: 22 }))).toBe(true);
  });

  it("tests `! --sport A ! --dport B` as one 32-bit compare: either port differing matches (checked)", () => {
    const m = matcher(["-p", "tcp", "!", "--sport", "1", "!", "--dport", "2"]);
    expect(m(tcpP({ sport: 1, dport: 3 }))).toBe(true);
    expect(m(tcpP({ sport: 5, dport: 2 }))).toBe(true);
    expect(m(tcpP({ sport: 1, dport: 2 }))).toBe(false);
    // two tcp matches read back as the same text but keep separate compares (an AND)
    const two = matcher(["-p", "tcp", "-m", "tcp", "!", "--sport", "1", "-m", "tcp", "!", "--dport", "2"]);
    expect(two(tcpP({ sport: 1, dport: 3 }))).toBe(false);
    expect(two(tcpP({ sport: 0, dport: 3 }))).toBe(true);
    // port 0 is never folded into the 32-bit compare
    const zero = matcher(["-p", "tcp", "!", "--sport", "0", "!", "--dport", "2"]);
    expect(zero(tcpP({ sport: 0, dport: 3 }))).toBe(false);
  });

  it("keeps both flag tests of two tcp matches (only the last one is listed)", () => {
    const { rule } = addRule([
      "-p",
      "tcp",
      "-m",
      "tcp",
      "--tcp-flags",
      "SYN",
      "SYN",
      "-m",
      "tcp",
      "--tcp-flags",
      "ACK",
      "ACK",
    ]);
    expect(rule.matches.length).toBe(1);
    const m = matcher([
      "-p",
      "tcp",
      "-m",
      "tcp",
      "--tcp-flags",
      "SYN",
      "SYN",
      "-m",
      "tcp",
      "--tcp-flags",
      "ACK",
      "ACK",
    ]);
    expect(m(tcpP({ tcpFlags: 0x12 }))).toBe(true);
    expect(m(tcpP({ tcpFlags: 0x10 }))).toBe(false);
  });

  it("runs --tcp-option through xt_tcpudp: fragment offset 1 and cut headers are hotdropped (checked)", () => {
    const m = matcher(["-p", "tcp", "-m", "tcp", "--tcp-option", "2"]);
    const opts = bytes(2, 4, 5, 0xb4);
    expect(m(tcpP({ tcpOptions: opts }))).toBe(true);
    expect(m(tcpP({ tcpOptions: bytes(1, 1, 8, 2) }))).toBe(false); // option 8 of length 2
    expect(m(tcpP())).toBe(false);
    const inv = matcher(["-p", "tcp", "-m", "tcp", "!", "--tcp-option", "2"]);
    expect(inv(tcpP())).toBe(true);
    expect(inv(tcpP({ tcpOptions: opts }))).toBe(false);
    let c = ctx();
    expect(m(frag(6, 1, 0, 0, 0, 0, 0, 0, 0, 0), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
    c = ctx();
    expect(m(frag(6, 2, 0, 0, 0, 0), c)).toBe(false);
    expect(c.hotdrop).toBe(false);
    c = ctx();
    expect(m(tcpP({ len: 28 }), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
    // options announced by doff but cut off
    c = ctx();
    expect(m(tcpP({ tcpOptions: opts, len: 42 }), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
  });

  it("drops the packet on a hotdrop, before later rules count it", () => {
    const host = new Host();
    host.iptables(["-t", "mangle", "-A", "PREROUTING", "-p", "tcp", "-m", "tcp", "--tcp-option", "2", "-j", "ACCEPT"]);
    host.iptables(["-t", "mangle", "-A", "PREROUTING", "-p", "tcp"]);
    const t = compileTable(host.ruleset.table("mangle")!);
    const rules = host.ruleset.table("mangle")!.chains.get("PREROUTING")!.rules;
    expect(runHook(t, NF_INET_PRE_ROUTING, frag(6, 1, 0, 0, 0, 0, 0, 0, 0, 0), ctx())).toBe(NF_DROP);
    expect(rules[1]!.pcnt).toBe(0);
    expect(runHook(t, NF_INET_PRE_ROUTING, frag(6, 2, 0, 0, 0, 0), ctx())).toBe(NF_ACCEPT);
    expect(rules[1]!.pcnt).toBe(1);
  });

  it("a bare -m tcp is kept as xt: no fragment matches, a cut header is hotdropped", () => {
    const m = matcher(["-p", "tcp", "-m", "tcp"]);
    expect(m(tcpP())).toBe(true);
    expect(m(frag(6, 3, 0, 0x50, 0, 0x50))).toBe(false);
    const c = ctx();
    expect(m(tcpP({ len: 30 }), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
  });
});

describe("udp", () => {
  it("matches ports and inversions", () => {
    const m = matcher(["-p", "udp", "--dport", "53"]);
    expect(m(udpP())).toBe(true);
    expect(m(udpP({ dport: 54 }))).toBe(false);
    const r = matcher(["-p", "udp", "--sport", "1024:", "!", "--dport", "53:54"]);
    expect(r(udpP({ sport: 2000, dport: 55 }))).toBe(true);
    expect(r(udpP({ sport: 2000, dport: 54 }))).toBe(false);
    expect(r(udpP({ sport: 1023, dport: 55 }))).toBe(false);
  });

  it("native ports read a fragment's payload; -m udp and multiport do not (checked)", () => {
    const f = frag(17, 1, 0x00, 0x01, 0x00, 0x50, 0, 8, 0, 0);
    expect(matcher(["-p", "udp", "--dport", "80"])(f)).toBe(true);
    expect(matcher(["-p", "udp", "--sport", "1"])(f)).toBe(true);
    expect(matcher(["-p", "udp", "-m", "multiport", "--dports", "80"])(f)).toBe(false);
    expect(matcher(["-p", "udp", "-m", "udp"])(f)).toBe(false);
  });

  it("a 2-byte UDP header matches --sport, not --dport; -m udp hotdrops it (checked)", () => {
    const cut = udpP({ sport: 1, len: 22 });
    expect(matcher(["-p", "udp", "--dport", "53"])(cut)).toBe(false);
    expect(matcher(["-p", "udp", "--sport", "1"])(cut)).toBe(true);
    const c = ctx();
    expect(matcher(["-p", "udp", "-m", "udp"])(cut, c)).toBe(false);
    expect(c.hotdrop).toBe(true);
  });

  it("`! --sport 1 ! --dport 2` is one compare; two udp matches are two (checked)", () => {
    const one = matcher(["-p", "udp", "!", "--sport", "1", "!", "--dport", "2"]);
    const two = matcher(["-p", "udp", "-m", "udp", "!", "--sport", "1", "-m", "udp", "!", "--dport", "2"]);
    expect(one(udpP({ sport: 1, dport: 3 }))).toBe(true);
    expect(two(udpP({ sport: 1, dport: 3 }))).toBe(false);
    expect(one(udpP({ sport: 0, dport: 3 }))).toBe(true);
    expect(two(udpP({ sport: 0, dport: 3 }))).toBe(true);
  });
});

describe("icmp", () => {
  const icmp = (type: number, code = 0, f: Fields = {}) => pkt({ proto: 1, icmpType: type, icmpCode: code, ...f });
  it("matches types, code ranges, any and inversion", () => {
    expect(matcher(["-p", "icmp", "--icmp-type", "echo-request"])(icmp(8))).toBe(true);
    expect(matcher(["-p", "icmp", "--icmp-type", "echo-request"])(icmp(0))).toBe(false);
    const pu = matcher(["-p", "icmp", "--icmp-type", "port-unreachable"]);
    expect(pu(icmp(3, 3))).toBe(true);
    expect(pu(icmp(3, 1))).toBe(false);
    expect(matcher(["-p", "icmp", "--icmp-type", "destination-unreachable"])(icmp(3, 13))).toBe(true);
    expect(matcher(["-p", "icmp", "--icmp-type", "any"])(icmp(42, 7))).toBe(true);
    expect(matcher(["-p", "icmp", "!", "--icmp-type", "any"])(icmp(42, 7))).toBe(false);
    expect(matcher(["-p", "icmp", "!", "--icmp-type", "8"])(icmp(0))).toBe(true);
    expect(matcher(["-p", "icmp", "--icmp-type", "11/1"])(icmp(11, 1))).toBe(true);
    expect(matcher(["-p", "icmp", "--icmp-type", "11/1"])(icmp(11, 0))).toBe(false);
  });
  it("never matches a fragment; hotdrops a header under 8 bytes", () => {
    const m = matcher(["-p", "icmp", "!", "--icmp-type", "8"]);
    expect(m(frag(1, 5, 0, 0, 0, 0, 0, 0, 0, 0))).toBe(false);
    const c = ctx();
    expect(m(icmp(0, 0, { len: 24 }), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
  });
});

describe("multiport", () => {
  it("matches lists and ranges per direction, with inversion", () => {
    const d = matcher(["-p", "tcp", "-m", "multiport", "--dports", "22,80:90,443"]);
    expect(d(tcpP({ dport: 22 }))).toBe(true);
    expect(d(tcpP({ dport: 85 }))).toBe(true);
    expect(d(tcpP({ dport: 91 }))).toBe(false);
    expect(d(tcpP({ sport: 443, dport: 1 }))).toBe(false);
    const s = matcher(["-p", "udp", "-m", "multiport", "--sports", "1000"]);
    expect(s(udpP())).toBe(true);
    expect(s(udpP({ sport: 53, dport: 1000 }))).toBe(false);
    const e = matcher(["-p", "tcp", "-m", "multiport", "--ports", "1000"]);
    expect(e(tcpP())).toBe(true);
    expect(e(tcpP({ sport: 5, dport: 1000 }))).toBe(true);
    expect(e(tcpP({ sport: 5, dport: 6 }))).toBe(false);
    const inv = matcher(["-p", "tcp", "-m", "multiport", "!", "--dports", "80,443"]);
    expect(inv(tcpP({ dport: 22 }))).toBe(true);
    expect(inv(tcpP({ dport: 443 }))).toBe(false);
  });
  it("reads SCTP ports from the raw header; fragments never match, cut headers hotdrop", () => {
    const m = matcher(["-p", "sctp", "-m", "multiport", "--dports", "5000"]);
    expect(
      m(
        pkt({
          proto: 132,
          payload: bytes(0, 1, 0x13, 0x88, 0, 0, 0, 0, 0, 0, 0, 0),
        }),
      ),
    ).toBe(true);
    expect(m(frag(132, 2, 0, 1, 0x13, 0x88))).toBe(false);
    const c = ctx();
    expect(m(pkt({ proto: 132, payload: bytes(0, 1, 0x13) }), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
  });
});

describe("sctp", () => {
  const chunk = (type: number, flags: number, len: number) => [
    type,
    flags,
    len >> 8,
    len & 0xff,
    ...new Array(((len + 3) & ~3) - 4).fill(0),
  ];
  const sctp = (sport: number, dport: number, ...chunks: number[][]) =>
    pkt({
      proto: 132,
      payload: bytes(sport >> 8, sport & 0xff, dport >> 8, dport & 0xff, 0, 0, 0, 0, 0, 0, 0, 0, ...chunks.flat()),
    });
  it("matches ports", () => {
    const m = matcher(["-p", "sctp", "--dport", "80", "!", "--sport", "1:10"]);
    expect(m(sctp(20, 80, chunk(0, 0, 16)))).toBe(true);
    expect(m(sctp(5, 80, chunk(0, 0, 16)))).toBe(false);
    expect(m(sctp(20, 81, chunk(0, 0, 16)))).toBe(false);
  });
  it("matches chunk types with any/all/only and flags", () => {
    const any = matcher(["-p", "sctp", "--chunk-types", "any", "INIT,ABORT"]);
    expect(any(sctp(1, 2, chunk(1, 0, 20)))).toBe(true);
    expect(any(sctp(1, 2, chunk(0, 0, 16), chunk(6, 0, 4)))).toBe(true);
    expect(any(sctp(1, 2, chunk(0, 0, 16)))).toBe(false);
    const all = matcher(["-p", "sctp", "--chunk-types", "all", "DATA,SACK"]);
    expect(all(sctp(1, 2, chunk(0, 0, 16), chunk(3, 0, 16)))).toBe(true);
    expect(all(sctp(1, 2, chunk(0, 0, 16)))).toBe(false);
    const only = matcher(["-p", "sctp", "--chunk-types", "only", "DATA"]);
    expect(only(sctp(1, 2, chunk(0, 0, 16), chunk(0, 0, 16)))).toBe(true);
    expect(only(sctp(1, 2, chunk(0, 0, 16), chunk(3, 0, 16)))).toBe(false);
    const flags = matcher(["-p", "sctp", "--chunk-types", "any", "DATA:Be"]);
    expect(flags(sctp(1, 2, chunk(0, 0x02, 16)))).toBe(true);
    expect(flags(sctp(1, 2, chunk(0, 0x03, 16)))).toBe(false);
    const inv = matcher(["-p", "sctp", "!", "--chunk-types", "any", "INIT"]);
    expect(inv(sctp(1, 2, chunk(0, 0, 16)))).toBe(true);
    expect(inv(sctp(1, 2, chunk(1, 0, 20)))).toBe(false);
  });
  it("hotdrops a zero-length or cut chunk, and a header under 12 bytes; fragments never match", () => {
    const any = matcher(["-p", "sctp", "--chunk-types", "any", "INIT"]);
    let c = ctx();
    expect(any(sctp(1, 2, chunk(0, 0, 16), [3, 0, 0, 0]), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
    c = ctx();
    expect(any(sctp(1, 2, chunk(0, 0, 16), [3, 0]), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
    c = ctx();
    const ports = matcher(["-p", "sctp", "--dport", "2"]);
    expect(ports(pkt({ proto: 132, payload: bytes(0, 1, 0, 2, 0, 0) }), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
    expect(ports(frag(132, 4, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0))).toBe(false);
    // ports alone never walk the chunks
    c = ctx();
    expect(ports(sctp(1, 2, [3, 0, 0, 0]), c)).toBe(true);
    expect(c.hotdrop).toBe(false);
  });
});

describe("dccp", () => {
  // generic header: ports, doff (in words), ccval, checksum, res|type|x, reserved, seq
  const dccp = (sport: number, dport: number, type: number, doffWords: number, rest: number[] = []) =>
    pkt({
      proto: 33,
      payload: bytes(
        sport >> 8,
        sport & 0xff,
        dport >> 8,
        dport & 0xff,
        doffWords,
        0,
        0,
        0,
        (type << 1) | 1,
        0,
        0,
        0,
        ...rest,
      ),
    });
  it("matches ports, types and options", () => {
    expect(matcher(["-p", "dccp", "--dport", "5000"])(dccp(1, 5000, 0, 5, [0, 0, 0, 0, 0, 0, 0, 0]))).toBe(true);
    const req = matcher(["-p", "dccp", "--dccp-types", "REQUEST,RESET"]);
    expect(req(dccp(1, 2, 0, 5))).toBe(true);
    expect(req(dccp(1, 2, 2, 5))).toBe(false);
    // REQUEST with x=1: 16 + 4 bytes of header, then options up to doff
    const opt = matcher(["-p", "dccp", "--dccp-option", "32"]);
    expect(opt(dccp(1, 2, 0, 6, [0, 0, 0, 0, 0, 0, 0, 0, 32, 0, 0, 0]))).toBe(true);
    expect(opt(dccp(1, 2, 0, 6, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]))).toBe(false);
    expect(
      matcher(["-p", "dccp", "!", "--dccp-option", "32"])(dccp(1, 2, 0, 6, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1])),
    ).toBe(true);
  });
  it("hotdrops when doff is shorter than the header or the options are cut", () => {
    const opt = matcher(["-p", "dccp", "--dccp-option", "32"]);
    let c = ctx();
    expect(opt(dccp(1, 2, 0, 4, [0, 0, 0, 0, 0, 0, 0, 0]), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
    c = ctx();
    expect(opt(dccp(1, 2, 0, 8, [0, 0, 0, 0, 0, 0, 0, 0, 32]), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
    c = ctx();
    expect(matcher(["-p", "dccp", "--dport", "2"])(pkt({ proto: 33, payload: bytes(0, 1, 0, 2) }), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
  });
});

describe("ah, esp, ipcomp", () => {
  it("match the SPI and its range; fragments never, short headers hotdrop", () => {
    const ah = matcher(["-p", "ah", "-m", "ah", "--ahspi", "500:600"]);
    const ahP = (spi: number, extra = 4) =>
      pkt({
        proto: 51,
        payload: bytes(
          6,
          4,
          0,
          0,
          spi >>> 24,
          (spi >>> 16) & 255,
          (spi >>> 8) & 255,
          spi & 255,
          ...new Array(extra).fill(0),
        ),
      });
    expect(ah(ahP(550))).toBe(true);
    expect(ah(ahP(601))).toBe(false);
    let c = ctx();
    expect(ah(ahP(550, 3), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
    const esp = matcher(["-p", "esp", "-m", "esp", "!", "--espspi", "0x10"]);
    expect(esp(pkt({ proto: 50, payload: bytes(0, 0, 0, 0x11, 0, 0, 0, 1) }))).toBe(true);
    expect(esp(pkt({ proto: 50, payload: bytes(0, 0, 0, 0x10, 0, 0, 0, 1) }))).toBe(false);
    expect(esp(frag(50, 9, 0, 0, 0, 0x11, 0, 0, 0, 1))).toBe(false);
    c = ctx();
    expect(esp(pkt({ proto: 50, payload: bytes(0, 0, 0, 0x11) }), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
    const comp = matcher(["-p", "ipcomp", "-m", "ipcomp", "--ipcompspi", "0x1234"]);
    expect(comp(pkt({ proto: 108, payload: bytes(4, 0, 0x12, 0x34) }))).toBe(true);
    expect(comp(pkt({ proto: 108, payload: bytes(4, 0, 0x12, 0x35) }))).toBe(false);
  });
});

describe("tcpmss", () => {
  it("matches the MSS option value or range; no option matches only inverted", () => {
    const m = matcher(["-p", "tcp", "-m", "tcpmss", "--mss", "1000:1460"]);
    expect(m(tcpP({ tcpOptions: bytes(1, 1, 4, 2, 2, 4, 5, 0xb4) }))).toBe(true);
    expect(m(tcpP({ tcpOptions: bytes(2, 4, 5, 0xb5) }))).toBe(false);
    expect(m(tcpP())).toBe(false);
    expect(matcher(["-p", "tcp", "-m", "tcpmss", "!", "--mss", "1460"])(tcpP())).toBe(true);
  });
  it("has no fragment test (the payload is read as a TCP header); cut headers hotdrop", () => {
    const m = matcher(["-p", "tcp", "-m", "tcpmss", "--mss", "1460"]);
    const f = frag(6, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x60, 0, 0, 0, 0, 0, 0, 0, 2, 4, 5, 0xb4);
    expect(m(f)).toBe(true);
    const c = ctx();
    expect(m(tcpP({ tcpOptions: bytes(2, 4, 5, 0xb4), len: 42 }), c)).toBe(false);
    expect(c.hotdrop).toBe(true);
  });
});

describe("ecn", () => {
  it("matches the IP codepoint and the TCP ECE/CWR bits", () => {
    expect(matcher(["-m", "ecn", "--ecn-ip-ect", "2"])(udpP({ tos: 0x12 }))).toBe(true);
    expect(matcher(["-m", "ecn", "--ecn-ip-ect", "2"])(udpP({ tos: 0x11 }))).toBe(false);
    expect(matcher(["-m", "ecn", "!", "--ecn-ip-ect", "2"])(udpP({ tos: 0x11 }))).toBe(true);
    const ece = matcher(["-p", "tcp", "-m", "ecn", "--ecn-tcp-ece", "!", "--ecn-tcp-cwr"]);
    expect(ece(tcpP({ tcpFlags: 0x42 }))).toBe(true);
    expect(ece(tcpP({ tcpFlags: 0xc2 }))).toBe(false);
    expect(ece(tcpP({ tcpFlags: 0x02 }))).toBe(false);
    // a cut TCP header is no match, not a hotdrop
    const c = ctx();
    expect(ece(tcpP({ tcpFlags: 0x42, len: 30 }), c)).toBe(false);
    expect(c.hotdrop).toBe(false);
  });
});

describe("length, ttl, tos, dscp", () => {
  it("compare header fields", () => {
    const len = matcher(["-m", "length", "--length", "40:100"]);
    expect(len(tcpP())).toBe(true); // 40 bytes
    expect(len(tcpP({ payload: new Uint8Array(61) }))).toBe(false);
    expect(matcher(["-m", "length", "!", "--length", "40"])(tcpP())).toBe(false);
    // 1.8.9 keeps a reversed range, which never matches
    expect(matcher(["-m", "length", "--length", "100:40"])(tcpP())).toBe(false);
    expect(matcher(["-m", "ttl", "--ttl-eq", "64"])(tcpP())).toBe(true);
    expect(matcher(["-m", "ttl", "!", "--ttl-eq", "64"])(tcpP())).toBe(false);
    expect(matcher(["-m", "ttl", "--ttl-lt", "64"])(tcpP({ ttl: 63 }))).toBe(true);
    expect(matcher(["-m", "ttl", "--ttl-lt", "64"])(tcpP())).toBe(false);
    expect(matcher(["-m", "ttl", "--ttl-gt", "64"])(tcpP({ ttl: 65 }))).toBe(true);
    expect(matcher(["-m", "tos", "--tos", "0x10/0x3f"])(tcpP({ tos: 0xd0 }))).toBe(true);
    expect(matcher(["-m", "tos", "--tos", "Minimize-Delay"])(tcpP({ tos: 0x12 }))).toBe(false);
    expect(matcher(["-m", "tos", "!", "--tos", "Minimize-Delay"])(tcpP({ tos: 0x12 }))).toBe(true);
    expect(matcher(["-m", "dscp", "--dscp-class", "EF"])(tcpP({ tos: 0xb9 }))).toBe(true);
    expect(matcher(["-m", "dscp", "--dscp", "0x2e"])(tcpP({ tos: 0xb4 }))).toBe(false);
    expect(matcher(["-m", "dscp", "!", "--dscp", "0"])(tcpP({ tos: 0x03 }))).toBe(false);
  });
});

describe("pkttype, realm, comment, mark", () => {
  it("pkttype compares skb->pkt_type; a looped-back frame counts as multicast or broadcast", () => {
    expect(matcher(["-m", "pkttype", "--pkt-type", "unicast"])(udpP())).toBe(true);
    expect(matcher(["-m", "pkttype", "--pkt-type", "broadcast"])(udpP({ pktType: PACKET_BROADCAST }))).toBe(true);
    expect(matcher(["-m", "pkttype", "!", "--pkt-type", "multicast"])(udpP({ pktType: PACKET_MULTICAST }))).toBe(false);
    const mc = matcher(["-m", "pkttype", "--pkt-type", "multicast"]);
    expect(mc(udpP({ pktType: 5, dst: A("224.0.0.9") }))).toBe(true);
    expect(mc(udpP({ pktType: 5, dst: A("10.0.0.3") }))).toBe(false);
    expect(matcher(["-m", "pkttype", "--pkt-type", "broadcast"])(udpP({ pktType: 5, dst: A("10.0.0.3") }))).toBe(true);
  });
  it("realm: twin routes have realm 0", () => {
    expect(matcher(["-m", "realm", "--realm", "0"], "filter", "INPUT")(udpP())).toBe(true);
    expect(matcher(["-m", "realm", "--realm", "1"], "filter", "INPUT")(udpP())).toBe(false);
    expect(matcher(["-m", "realm", "!", "--realm", "0x10/0xf0"], "filter", "INPUT")(udpP())).toBe(true);
  });
  it("comment matches everything; mark compares under the mask", () => {
    expect(matcher(["-m", "comment", "--comment", "x"])(udpP())).toBe(true);
    const m = matcher(["-m", "mark", "--mark", "0x10/0xf0"]);
    expect(m(udpP({ mark: 0x1f }))).toBe(true);
    expect(m(udpP({ mark: 0x20 }))).toBe(false);
    expect(matcher(["-m", "mark", "!", "--mark", "0xffffffff"])(udpP({ mark: 0xffffffff }))).toBe(false);
    expect(matcher(["-m", "mark", "--mark", "0x80000000"])(udpP({ mark: 0x80000000 }))).toBe(true);
  });
});

describe("addrtype (inet_dev_addr_type: local table only; checked)", () => {
  it("classifies local, broadcast, unicast and zero-net addresses", () => {
    const local = matcher(["-m", "addrtype", "--dst-type", "LOCAL"]);
    expect(local(udpP({ dst: A("192.168.5.1") }))).toBe(true);
    expect(local(udpP({ dst: A("10.0.0.2") }))).toBe(false);
    const uni = matcher(["-m", "addrtype", "--dst-type", "UNICAST"]);
    expect(uni(udpP({ dst: A("10.0.0.2") }))).toBe(true);
    expect(uni(udpP({ dst: A("8.8.8.8") }))).toBe(true); // no route at all: still UNICAST
    expect(uni(udpP({ dst: A("203.0.113.5") }))).toBe(true); // a blackhole route is in main, not local
    expect(matcher(["-m", "addrtype", "--dst-type", "UNREACHABLE,BLACKHOLE"])(udpP({ dst: A("203.0.113.5") }))).toBe(
      false,
    );
    const bc = matcher(["-m", "addrtype", "--dst-type", "BROADCAST"]);
    expect(bc(udpP({ dst: A("10.0.0.3") }))).toBe(true);
    expect(bc(udpP({ dst: A("255.255.255.255") }))).toBe(true);
    expect(matcher(["-m", "addrtype", "--src-type", "BROADCAST"])(udpP({ src: 0 }))).toBe(true);
    expect(matcher(["-m", "addrtype", "--dst-type", "MULTICAST"])(udpP({ dst: A("239.1.2.3") }))).toBe(true);
    expect(matcher(["-m", "addrtype", "!", "--dst-type", "LOCAL"])(udpP())).toBe(false);
    const both = matcher(["-m", "addrtype", "--src-type", "UNICAST", "!", "--dst-type", "BROADCAST"]);
    expect(both(udpP())).toBe(true);
    expect(both(udpP({ dst: A("10.0.0.3") }))).toBe(false);
  });
  it("with --limit-iface-in, another interface's address or broadcast is UNICAST", () => {
    const local = matcher(["-m", "addrtype", "--dst-type", "LOCAL", "--limit-iface-in"]);
    expect(local(udpP({ dst: A("10.0.0.1") }))).toBe(true);
    expect(local(udpP({ dst: A("192.168.5.1") }))).toBe(false);
    const uni = matcher(["-m", "addrtype", "--dst-type", "UNICAST", "--limit-iface-in"]);
    expect(uni(udpP({ dst: A("192.168.5.1") }))).toBe(true);
    expect(uni(udpP({ dst: A("192.168.5.255") }))).toBe(true);
    expect(
      matcher(["-m", "addrtype", "--dst-type", "BROADCAST", "--limit-iface-in"])(udpP({ dst: A("10.0.0.3") })),
    ).toBe(true);
    const out = matcher(["-m", "addrtype", "--src-type", "LOCAL", "--limit-iface-out"], "filter", "OUTPUT");
    expect(out(udpP({ src: A("192.168.5.1"), inDev: "", outDev: "eth1" }))).toBe(true);
    expect(out(udpP({ src: A("192.168.5.1"), inDev: "", outDev: "eth0" }))).toBe(false);
  });
});

describe("iprange", () => {
  it("compares host-order ranges, inverted on request", () => {
    const m = matcher([
      "-m",
      "iprange",
      "--src-range",
      "10.0.0.0-10.0.0.255",
      "!",
      "--dst-range",
      "192.168.0.0-192.168.255.255",
    ]);
    expect(m(udpP())).toBe(true);
    expect(m(udpP({ src: A("10.0.1.0") }))).toBe(false);
    expect(m(udpP({ dst: A("192.168.3.3") }))).toBe(false);
    const hi = matcher(["-m", "iprange", "--dst-range", "128.0.0.1-255.255.255.254"]);
    expect(hi(udpP({ dst: A("200.1.1.1") }))).toBe(true);
    expect(hi(udpP({ dst: A("255.255.255.255") }))).toBe(false);
    expect(hi(udpP({ dst: A("127.255.255.255") }))).toBe(false);
  });
});

describe("mac", () => {
  it("compares the received frame's source; no Ethernet header, no match even inverted", () => {
    const m = matcher(["-m", "mac", "--mac-source", "02:00:00:00:00:02"]);
    const inv = matcher(["-m", "mac", "!", "--mac-source", "02:00:00:00:00:02"]);
    expect(m(udpP({ hasMac: true, macSrc: 0x020000000002 }))).toBe(true);
    expect(m(udpP({ hasMac: true, macSrc: 0x020000000003 }))).toBe(false);
    expect(inv(udpP({ hasMac: true, macSrc: 0x020000000003 }))).toBe(true);
    expect(m(udpP({ hasMac: false }))).toBe(false);
    expect(inv(udpP({ hasMac: false }))).toBe(false);
    expect(inv(udpP({ hasMac: true, inDev: "lo" }))).toBe(false);
  });
});

describe("owner", () => {
  const out = (args: string[]) => matcher(args, "filter", "OUTPUT");
  const local = (uid: number, gid: number) => udpP({ inDev: "", outDev: "eth0", uid, gid });
  it("matches the socket's uid/gid ranges", () => {
    expect(out(["-m", "owner", "--uid-owner", "1000-2000"])(local(1500, 0))).toBe(true);
    expect(out(["-m", "owner", "--uid-owner", "1000-2000"])(local(999, 0))).toBe(false);
    expect(out(["-m", "owner", "!", "--uid-owner", "0"])(local(5, 0))).toBe(true);
    expect(out(["-m", "owner", "--gid-owner", "100", "--suppl-groups"])(local(5, 100))).toBe(true);
    expect(out(["-m", "owner", "--uid-owner", "root", "--gid-owner", "5"])(local(0, 6))).toBe(false);
    expect(out(["-m", "owner", "--socket-exists"])(local(33, 33))).toBe(true);
    expect(out(["-m", "owner", "!", "--socket-exists"])(local(33, 33))).toBe(false);
  });
  it("without a socket: match only when every option is inverted", () => {
    const none = local(-1, -1);
    expect(out(["-m", "owner", "--uid-owner", "0"])(none)).toBe(false);
    expect(out(["-m", "owner", "!", "--uid-owner", "0"])(none)).toBe(true);
    expect(out(["-m", "owner", "!", "--socket-exists"])(none)).toBe(true);
    expect(out(["-m", "owner", "!", "--uid-owner", "0", "--gid-owner", "0"])(none)).toBe(false);
    expect(out(["-m", "owner", "!", "--gid-owner", "0", "--suppl-groups"])(none)).toBe(false);
  });
});

describe("physdev", () => {
  const fwd = (args: string[]) => matcher(args, "filter", "FORWARD");
  const bridged = (physIn: string, physOut: string) => udpP({ inDev: "br0", outDev: "br0", physIn, physOut });
  it("without bridge info, matches only if every option is inverted", () => {
    expect(fwd(["-m", "physdev", "--physdev-in", "veth0"])(udpP())).toBe(false);
    expect(fwd(["-m", "physdev", "!", "--physdev-in", "veth0"])(udpP())).toBe(true);
    expect(fwd(["-m", "physdev", "!", "--physdev-is-bridged", "!", "--physdev-is-in"])(udpP())).toBe(true);
  });
  it("compares bridge ports with + wildcards", () => {
    expect(fwd(["-m", "physdev", "--physdev-in", "veth+"])(bridged("veth3", "veth4"))).toBe(true);
    expect(fwd(["-m", "physdev", "--physdev-in", "veth"])(bridged("veth3", "veth4"))).toBe(false);
    expect(fwd(["-m", "physdev", "--physdev-out", "veth4", "--physdev-is-bridged"])(bridged("veth3", "veth4"))).toBe(
      true,
    );
    expect(fwd(["-m", "physdev", "!", "--physdev-out", "veth4"])(bridged("veth3", "veth4"))).toBe(false);
    expect(fwd(["-m", "physdev", "--physdev-is-bridged"])(bridged("veth3", ""))).toBe(false);
    expect(fwd(["-m", "physdev", "--physdev-is-in", "!", "--physdev-is-out"])(bridged("veth3", ""))).toBe(true);
    // an output port test with no output port yet fails even inverted
    expect(fwd(["-m", "physdev", "!", "--physdev-out", "veth9"])(bridged("veth3", ""))).toBe(false);
  });
});

describe("policy, socket, cgroup, ipvs, osf (no IPsec, sockets, IPVS or fingerprints in the twin)", () => {
  it("policy: only --pol none matches (no sec path, no xfrm dst)", () => {
    expect(matcher(["-m", "policy", "--dir", "in", "--pol", "none"])(udpP())).toBe(true);
    expect(matcher(["-m", "policy", "--dir", "in", "--pol", "ipsec"])(udpP())).toBe(false);
    expect(
      matcher(["-m", "policy", "--dir", "out", "--pol", "ipsec", "--proto", "esp"], "filter", "OUTPUT")(udpP()),
    ).toBe(false);
  });
  it("socket finds no socket", () => {
    expect(matcher(["-m", "socket"])(tcpP())).toBe(false);
    expect(matcher(["-m", "socket", "--nowildcard"])(tcpP())).toBe(false);
  });
  it("cgroup needs the packet's socket: root path and classid 0", () => {
    const out = (args: string[]) => matcher(args, "filter", "OUTPUT");
    const local = udpP({ inDev: "", uid: 1000, gid: 1000 });
    expect(out(["-m", "cgroup", "--path", "/"])(local)).toBe(true);
    expect(out(["-m", "cgroup", "!", "--path", "/"])(local)).toBe(false);
    expect(out(["-m", "cgroup", "--cgroup", "0"])(local)).toBe(true);
    expect(out(["-m", "cgroup", "--cgroup", "0x100001"])(local)).toBe(false);
    expect(out(["-m", "cgroup", "!", "--cgroup", "0x100001"])(local)).toBe(true);
    expect(out(["-m", "cgroup", "!", "--cgroup", "0x100001"])(udpP({ inDev: "" }))).toBe(false);
  });
  it("ipvs: ipvs_property is 0 (the kernel refuses the rule, so this is ipvs_mt()'s answer)", async () => {
    const { ipvsMatch } = await import("../src/extensions/ipvs.js");
    const base = {
      vaddr: 0,
      vmask: 0,
      vport: 0,
      l4proto: 0,
      fwdMethod: 0,
      vportctl: 0,
    };
    const ip = addRule(["-p", "tcp"]).rule.ip;
    expect(ipvsMatch.compile!({ ...base, invert: 0, bitmask: 1 }, ip)(tcpP(), ctx())).toBe(false);
    expect(ipvsMatch.compile!({ ...base, invert: 1, bitmask: 1 }, ip)(tcpP(), ctx())).toBe(true);
    expect(ipvsMatch.compile!({ ...base, invert: 3, bitmask: 3 }, ip)(tcpP(), ctx())).toBe(false);
  });
  it("osf: no genre matches, inverted or not; --log reports a SYN as unknown (checked)", () => {
    const m = matcher(["-p", "tcp", "-m", "osf", "--genre", "Linux"], "filter", "INPUT");
    expect(m(tcpP())).toBe(false);
    expect(matcher(["-p", "tcp", "-m", "osf", "!", "--genre", "Linux"], "filter", "INPUT")(tcpP())).toBe(false);
    const log = matcher(["-p", "tcp", "-m", "osf", "--genre", "Linux", "--log", "0"], "filter", "INPUT");
    const c = ctx(NF_INET_LOCAL_IN, "filter");
    const syn = tcpP({
      id: 7,
      tcpOptions: bytes(2, 4, 5, 0xb4),
      window: 1024,
      seq: 1,
      hasMac: true,
      macDst: 0x020000000001,
      macSrc: 0x020000000002,
    });
    expect(log(syn, c)).toBe(false);
    expect(log(tcpP({ tcpFlags: 0x10 }), c)).toBe(false);
    // the real line (dmesg), sent from 10.0.0.2 into eth0
    expect(c.logs).toEqual([
      "Remote OS is not known: 10.0.0.2:1000 -> 10.0.0.1:80\n" +
        "IN=eth0 OUT= MAC=02:00:00:00:00:01:02:00:00:00:00:02:08:00 SRC=10.0.0.2 DST=10.0.0.1 LEN=44 TOS=0x00 PREC=0x00 " +
        "TTL=64 ID=7 PROTO=TCP SPT=1000 DPT=80 SEQ=1 ACK=0 WINDOW=1024 RES=0x00 SYN URGP=0 OPT (020405B4) ",
    ]);
  });
});

// checked: sources 10.0.0.1 (eth0's), 192.168.5.1 (eth1's), 10.0.0.2, 192.168.5.7, a blackhole
// route, 10.0.0.3 and 0.0.0.0 into eth0 against plain, --accept-local, --loose, both, --invert
describe("rpfilter", () => {
  const rp = (...flags: string[]) => matcher(["-m", "rpfilter", ...flags]);
  it("needs a unicast route back out of the input interface", () => {
    expect(rp()(udpP({ src: A("10.0.0.2"), inDev: "eth0" }))).toBe(true);
    expect(rp()(udpP({ src: A("10.0.0.2"), inDev: "eth1" }))).toBe(false);
    expect(rp("--loose")(udpP({ src: A("10.0.0.2"), inDev: "eth1" }))).toBe(true);
    expect(rp("--invert")(udpP({ src: A("10.0.0.2"), inDev: "eth1" }))).toBe(true);
    expect(rp()(udpP({ src: A("8.8.8.8") }))).toBe(false); // no route
    expect(rp("--loose")(udpP({ src: A("203.0.113.9") }))).toBe(false); // blackhole
    expect(rp()(udpP({ src: A("172.16.3.3"), inDev: "eth1" }))).toBe(true);
  });
  it("refuses local sources unless --accept-local; always passes lo and DHCP-style packets", () => {
    expect(rp()(udpP({ src: A("10.0.0.1") }))).toBe(false);
    expect(rp("--accept-local")(udpP({ src: A("10.0.0.1") }))).toBe(true);
    expect(rp("--accept-local")(udpP({ src: A("192.168.5.1") }))).toBe(false); // eth1's address, in on eth0
    expect(rp()(udpP({ src: A("10.0.0.3") }))).toBe(false); // broadcast source
    expect(rp()(udpP({ src: A("8.8.8.8"), inDev: "lo" }))).toBe(true);
    expect(rp("--invert")(udpP({ src: A("8.8.8.8"), inDev: "lo" }))).toBe(false);
    expect(rp()(udpP({ src: 0, dst: A("255.255.255.255") }))).toBe(true);
    expect(rp()(udpP({ src: 0, dst: A("224.0.0.22") }))).toBe(true);
    expect(rp()(udpP({ src: 0, dst: A("10.0.0.1") }))).toBe(false);
  });
});

describe("devgroup", () => {
  it("compares device groups under a mask", () => {
    const m = matcher(["-m", "devgroup", "--src-group", "0x4/0x4", "!", "--dst-group", "0"], "filter", "FORWARD");
    expect(m(udpP({ inDev: "eth1", outDev: "eth1" }))).toBe(true);
    expect(m(udpP({ inDev: "eth0", outDev: "eth1" }))).toBe(false);
    expect(m(udpP({ inDev: "eth1", outDev: "eth0" }))).toBe(false);
  });
});

describe("cluster", () => {
  const conn = (src: string) => ({
    orig: { src: A(src) },
    reply: { src: A("10.0.0.1") },
  });
  it("hashes the original source as the kernel does (checked: node per source, 32 and 3 nodes)", () => {
    // (source, seed 0x12345678 over 32 nodes, seed 7 over 3 nodes) seen on the kernel
    const seen: Array<[string, number, number]> = [
      ["10.0.0.2", 17, 2],
      ["10.0.0.5", 22, 2],
      ["192.168.1.77", 13, 1],
      ["1.2.3.4", 30, 0],
    ];
    for (const [src, n32, n3] of seen) {
      expect(Math.floor((jhash1word(bswap32(A(src)), 0x12345678) * 32) / 2 ** 32)).toBe(n32);
      expect(Math.floor((jhash1word(bswap32(A(src)), 7) * 3) / 2 ** 32)).toBe(n3);
      const node = matcher([
        "-m",
        "cluster",
        "--cluster-total-nodes",
        "32",
        "--cluster-local-node",
        String(n32 + 1),
        "--cluster-hash-seed",
        "0x12345678",
      ]);
      const other = matcher([
        "-m",
        "cluster",
        "--cluster-total-nodes",
        "32",
        "--cluster-local-node",
        String(((n32 + 1) % 32) + 1),
        "--cluster-hash-seed",
        "0x12345678",
      ]);
      expect(node(udpP({ ct: conn(src) }))).toBe(true);
      expect(other(udpP({ ct: conn(src) }))).toBe(false);
    }
  });
  it("uses the master of an expected connection, needs conntrack, and fixes pkt_type", () => {
    const m = matcher([
      "-m",
      "cluster",
      "--cluster-total-nodes",
      "3",
      "--cluster-local-nodemask",
      "1",
      "--cluster-hash-seed",
      "7",
    ]);
    const inv = matcher([
      "-m",
      "cluster",
      "--cluster-total-nodes",
      "3",
      "!",
      "--cluster-local-nodemask",
      "1",
      "--cluster-hash-seed",
      "7",
    ]);
    expect(m(udpP({ ct: conn("1.2.3.4") }))).toBe(true);
    expect(inv(udpP({ ct: conn("1.2.3.4") }))).toBe(false);
    expect(m(udpP({ ct: { ...conn("10.0.0.2"), master: conn("1.2.3.4") } }))).toBe(true);
    expect(m(udpP())).toBe(false);
    expect(inv(udpP())).toBe(false);
    const p = udpP({ pktType: PACKET_MULTICAST });
    m(p);
    expect(p.pktType).toBe(PACKET_HOST);
    const q = udpP({ pktType: PACKET_MULTICAST, dst: A("239.0.0.1") });
    m(q);
    expect(q.pktType).toBe(PACKET_MULTICAST);
  });
});

describe("mangle targets", () => {
  it("TTL sets, increments and decrements with saturation", () => {
    const p = tcpP({ ttl: 10 });
    expect(target(["-j", "TTL", "--ttl-set", "200"])(p, ctx())).toBe(XT_CONTINUE);
    expect(p.ttl).toBe(200);
    target(["-j", "TTL", "--ttl-inc", "100"])(p, ctx());
    expect(p.ttl).toBe(255);
    target(["-j", "TTL", "--ttl-dec", "250"])(p, ctx());
    expect(p.ttl).toBe(5);
    target(["-j", "TTL", "--ttl-dec", "10"])(p, ctx());
    expect(p.ttl).toBe(0);
  });
  it("TOS, DSCP, CLASS-free forms and ECN", () => {
    const p = tcpP({ tos: 0xff });
    target(["-j", "TOS", "--set-tos", "0x10/0x3f"])(p, ctx());
    expect(p.tos).toBe(0xd0);
    target(["-j", "TOS", "--and-tos", "0x0f"])(p, ctx());
    expect(p.tos).toBe(0x00);
    target(["-j", "TOS", "--or-tos", "0x81"])(p, ctx());
    expect(p.tos).toBe(0x81);
    target(["-j", "TOS", "--xor-tos", "0x01"])(p, ctx());
    expect(p.tos).toBe(0x80);
    const q = tcpP({ tos: 0x03 });
    target(["-j", "DSCP", "--set-dscp-class", "EF"])(q, ctx());
    expect(q.tos).toBe(0xbb);
    target(["-j", "DSCP", "--set-dscp", "0"])(q, ctx());
    expect(q.tos).toBe(0x03);
    const e = tcpP({ tos: 0x01, tcpFlags: 0xc2 });
    target(["-p", "tcp", "-j", "ECN", "--ecn-tcp-remove"])(e, ctx());
    expect(e.tcpFlags).toBe(0x02);
    target(["-p", "tcp", "-j", "ECN", "--ecn-tcp-ece", "1", "--ecn-ip-ect", "2"])(e, ctx());
    expect(e.tcpFlags).toBe(0x42);
    expect(e.tos).toBe(0x02);
    // a cut TCP header is dropped; a non-first fragment's payload byte 13 is rewritten
    expect(target(["-p", "tcp", "-j", "ECN", "--ecn-tcp-remove"])(tcpP({ tcpFlags: 0xc2, len: 30 }), ctx())).toBe(
      NF_DROP,
    );
    const f = frag(6, 4, ...new Array(13).fill(0), 0xc2, 0, 0, 0, 0, 0, 0);
    target(["-p", "tcp", "-j", "ECN", "--ecn-tcp-remove"])(f, ctx());
    expect(f.payload![13]).toBe(0x02);
    // not TCP: only the IP part applies
    const u = udpP();
    expect(target(["-p", "tcp", "-j", "ECN", "--ecn-tcp-remove"])(u, ctx())).toBe(XT_CONTINUE);
  });
  it("MARK, TRACE, CHECKSUM", () => {
    const p = udpP({ mark: 0xff00 });
    target(["-j", "MARK", "--set-mark", "0x1/0xf"])(p, ctx());
    expect(p.mark).toBe(0xff01);
    target(["-j", "MARK", "--or-mark", "0x80000000"])(p, ctx());
    expect(p.mark).toBe(0x8000ff01);
    target(["-j", "MARK", "--and-mark", "0xff"])(p, ctx());
    expect(p.mark).toBe(0x01);
    target(["-j", "MARK", "--xor-mark", "0x3"])(p, ctx());
    expect(p.mark).toBe(0x02);
    target(["-j", "MARK", "--set-xmark", "0x10/0x0"])(p, ctx());
    expect(p.mark).toBe(0x12);
    expect(target(["-j", "TRACE"], "raw")(p, ctx())).toBe(XT_CONTINUE);
    expect(p.nfTrace).toBe(true);
    expect(target(["-p", "udp", "-j", "CHECKSUM", "--checksum-fill"])(p, ctx())).toBe(XT_CONTINUE);
  });
  it("TCPMSS lowers an MSS option, never raises it, and adds one to a bare SYN", () => {
    const set = target(["-p", "tcp", "--syn", "-j", "TCPMSS", "--set-mss", "1400"], "mangle", "FORWARD");
    const p = tcpP({ tcpOptions: bytes(1, 1, 4, 2, 2, 4, 5, 0xb4) });
    const shared = p.tcpOptions;
    expect(set(p, ctx())).toBe(XT_CONTINUE);
    expect([...p.tcpOptions!]).toEqual([1, 1, 4, 2, 2, 4, 0x05, 0x78]);
    expect([...shared!]).toEqual([1, 1, 4, 2, 2, 4, 5, 0xb4]); // clones keep their own options
    const low = tcpP({ tcpOptions: bytes(2, 4, 1, 0) });
    set(low, ctx());
    expect([...low.tcpOptions!]).toEqual([2, 4, 1, 0]);
    const bare = tcpP();
    set(bare, ctx());
    expect([...bare.tcpOptions!]).toEqual([2, 4, 0x02, 0x18]); // min(1400, 536)
    expect(bare.len).toBe(44);
    const data = tcpP({ payload: new Uint8Array(10) });
    set(data, ctx());
    expect(data.tcpOptions).toBeNull();
    expect(set(frag(6, 9, 1, 2, 3), ctx())).toBe(XT_CONTINUE);
    expect(set(tcpP({ len: 30 }), ctx())).toBe(NF_DROP);
  });
  it("TCPMSS --clamp-mss-to-pmtu uses the smaller of the out and reverse route MTUs", () => {
    const clamp = target(["-p", "tcp", "--syn", "-j", "TCPMSS", "--clamp-mss-to-pmtu"], "mangle", "FORWARD");
    // out eth1 (MTU 1400), back to 10.0.0.2 via eth0 (1500): 1400 - 40
    const p = tcpP({ outDev: "eth1", tcpOptions: bytes(2, 4, 5, 0xb4) });
    clamp(p, ctx());
    expect([...p.tcpOptions!]).toEqual([2, 4, 0x05, 0x50]);
    const q = tcpP({
      src: A("172.16.0.9"),
      inDev: "eth1",
      outDev: "eth0",
      tcpOptions: bytes(2, 4, 5, 0xb4),
    });
    clamp(q, ctx());
    expect((q.tcpOptions![2]! << 8) | q.tcpOptions![3]!).toBe(1360);
  });
  it("TCPOPTSTRIP turns listed options into NOPs, keeping the length", () => {
    const strip = target(["-p", "tcp", "-j", "TCPOPTSTRIP", "--strip-options", "sack-permitted,timestamp"]);
    const opts = bytes(2, 4, 5, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7);
    const p = tcpP({ tcpOptions: opts });
    expect(strip(p, ctx())).toBe(XT_CONTINUE);
    expect([...p.tcpOptions!]).toEqual([2, 4, 5, 0xb4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 7]);
    expect([...opts]).toEqual([2, 4, 5, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7]);
    // the last option byte is never examined
    const last = tcpP({ tcpOptions: bytes(1, 1, 1, 4) });
    strip(last, ctx());
    expect([...last.tcpOptions!]).toEqual([1, 1, 1, 4]);
    expect(strip(tcpP({ tcpOptions: opts, len: 50 }), ctx())).toBe(NF_DROP);
  });
});

describe("the engine runs compiled extensions", () => {
  it("a whole table: fragments, flags and verdicts", () => {
    const host = new Host();
    for (const args of [
      ["-p", "udp", "-m", "multiport", "--dports", "53,123", "-j", "ACCEPT"],
      ["-p", "tcp", "--syn", "-m", "tcpmss", "!", "--mss", "536:1460", "-j", "DROP"],
      ["-m", "length", "--length", "1000:", "-j", "DROP"],
    ])
      expect(host.iptables(["-A", "INPUT", ...args]).status).toBe(0);
    host.iptables(["-P", "INPUT", "DROP"]);
    const t = compileTable(host.ruleset.table("filter")!);
    const run = (p: Packet) => runHook(t, NF_INET_LOCAL_IN, p, ctx(NF_INET_LOCAL_IN, "filter"));
    expect(run(udpP({ dport: 123 }))).toBe(NF_ACCEPT);
    expect(run(udpP({ dport: 124 }))).toBe(NF_DROP);
    expect(run(tcpP({ tcpOptions: bytes(2, 4, 0x10, 0) }))).toBe(NF_DROP);
    expect(run(pkt({ proto: 17, frag: IP_MF | IP_DF, sport: 1, dport: 53, len: 28 }))).toBe(NF_ACCEPT);
  });
});
