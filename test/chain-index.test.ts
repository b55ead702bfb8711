/**
 * The rule index of the traversal (netfilter.ts): runs of rules that differ
 * only in exact destination / protocol / destination port are hashed, and the
 * traversal jumps to the first rule that can match. It must give exactly what
 * a plain rule-by-rule scan gives: verdicts, the deciding rule, rule and
 * policy counters, trace events and the targets' side effects, for random
 * rule sets (duplicate keys, wildcard and inverted rules before and inside
 * runs, other shapes, fragments, truncated headers) and random packets. The
 * scan here is a reference written independently of the engine's.
 *
 * Also: the fast `send --json` line reader and writer give what JSON.parse +
 * specFromJson and JSON.stringify give.
 */
import { describe, expect, it } from "vitest";
import {
  buildPacket,
  fastSpecFromLine,
  type PacketSpec,
  packetJson,
  packetJsonText,
  SpecError,
  specFromJson,
} from "../src/compat/packet-spec.js";
import { sendJson } from "../src/compat/send.js";
import { IP_OFFMASK, IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, Packet, TCP_ACK, TCP_SYN } from "../src/core/packet.js";
import { Rng } from "../src/core/rng.js";
import type { EvalContext, MatchFn, TargetFn } from "../src/engine/context.js";
import { NetConfig } from "../src/engine/net.js";
import { compileTable, deferCounters, lastDecision, runHook, type TraceEvent } from "../src/engine/netfilter.js";
import type { Rule, Table } from "../src/engine/ruleset.js";
import { NF_ACCEPT, NF_DROP, XT_CONTINUE, XT_RETURN } from "../src/engine/verdict.js";
import { IPT_F_FRAG, IPT_F_GOTO, NF_INET_LOCAL_IN } from "../src/extensions/api.js";
import { Host } from "../src/host.js";

// ---- reference traversal: a plain scan, written from ipt_do_table() ----

interface RefRule {
  rule: Rule;
  matches: MatchFn[];
  target: TargetFn | null;
}

interface RefResult {
  verdict: number;
  chain: string;
  rule: number;
  trace: string[];
}

function refMatchIp(r: Rule, p: Packet): boolean {
  const ip = r.ip;
  const inv = ip.invflags;
  const test = (cond: boolean, bit: number) => cond !== ((inv & bit) !== 0);
  if ((ip.smsk !== 0 || inv & 0x08) && !test((p.src & ip.smsk) >>> 0 === ip.src >>> 0, 0x08)) return false;
  if ((ip.dmsk !== 0 || inv & 0x10) && !test((p.dst & ip.dmsk) >>> 0 === ip.dst >>> 0, 0x10)) return false;
  const dev = (spec: string, have: string) => (spec.endsWith("+") ? have.startsWith(spec.slice(0, -1)) : have === spec);
  if (ip.iniface !== "" && !test(dev(ip.iniface, p.inDev), 0x01)) return false;
  if (ip.outiface !== "" && !test(dev(ip.outiface, p.outDev), 0x02)) return false;
  if ((ip.proto !== 0 || inv & 0x40) && !test(p.proto === ip.proto, 0x40)) return false;
  if (ip.flags & IPT_F_FRAG && !test((p.frag & IP_OFFMASK) !== 0, 0x20)) return false;
  return true;
}

class RefTable {
  readonly chains = new Map<string, RefRule[]>();

  constructor(readonly table: Table) {
    for (const c of table.chains.values()) {
      this.chains.set(
        c.name,
        c.rules.map((rule) => ({
          rule,
          matches: rule.matches.map((m) => m.ext.compile!(m.data, rule.ip)),
          target:
            rule.target && rule.target.ext.name !== "standard"
              ? rule.target.ext.compile!(rule.target.data, rule.ip)
              : null,
        })),
      );
    }
  }

  run(base: string, p: Packet, ctx: EvalContext): RefResult {
    const trace: string[] = [];
    const ev = (chain: string, kind: string, rule: number, verdict: string) => {
      if (p.nfTrace) trace.push(`${chain}:${kind}:${rule}:${verdict}`);
    };
    const stack: Array<[string, number]> = [];
    let chain = base;
    let i = 0;
    ctx.hotdrop = false;
    for (;;) {
      const rules = this.chains.get(chain)!;
      if (i >= rules.length) {
        if (stack.length === 0) {
          const c = this.table.chains.get(base)!;
          const v = c.policy === "DROP" ? NF_DROP : NF_ACCEPT;
          if (c.counting) {
            c.pcnt++;
            c.bcnt += p.len;
          }
          ev(base, "policy", 0, v === NF_DROP ? "DROP" : "ACCEPT");
          return { verdict: v, chain: base, rule: 0, trace };
        }
        ev(chain, "return", 0, "RETURN");
        [chain, i] = stack.pop()!;
        continue;
      }
      const r = rules[i]!;
      let ok = refMatchIp(r.rule, p);
      for (let k = 0; ok && k < r.matches.length; k++) ok = r.matches[k]!(p, ctx);
      if (ctx.hotdrop) {
        // a match's hotdrop is the rule's verdict (nft_match_eval), traced as such
        ev(chain, "rule", i + 1, "DROP");
        return { verdict: NF_DROP, chain, rule: i + 1, trace };
      }
      if (!ok) {
        i++;
        continue;
      }
      r.rule.pcnt++;
      r.rule.bcnt += p.len;
      const pos = i + 1;
      if (r.rule.target === null) {
        if (!r.rule.jumpto) {
          ev(chain, "rule", pos, "CONTINUE");
          i++;
          continue;
        }
        const gotoRule = (r.rule.ip.flags & IPT_F_GOTO) !== 0;
        ev(chain, "rule", pos, `${gotoRule ? "GOTO" : "JUMP"}:${r.rule.jumpto}`);
        if (!gotoRule) stack.push([chain, i + 1]);
        chain = r.rule.jumpto;
        i = 0;
        continue;
      }
      let v: number;
      if (r.target) v = r.target(p, ctx);
      else if (r.rule.jumpto === "RETURN") v = XT_RETURN;
      else v = r.rule.jumpto === "DROP" ? NF_DROP : NF_ACCEPT;
      ev(
        chain,
        "rule",
        pos,
        v === XT_CONTINUE ? "CONTINUE" : v === XT_RETURN ? "RETURN" : v === NF_DROP ? "DROP" : "ACCEPT",
      );
      if (ctx.hotdrop) return { verdict: NF_DROP, chain, rule: pos, trace };
      if (v === XT_CONTINUE) {
        i++;
        continue;
      }
      if (v === XT_RETURN) {
        if (stack.length === 0) {
          chain = base;
          i = this.chains.get(base)!.length;
          continue;
        }
        [chain, i] = stack.pop()!;
        continue;
      }
      return { verdict: v, chain, rule: pos, trace };
    }
  }
}

function traceKey(t: Table, e: TraceEvent): string {
  const pos = e.rule ? t.chains.get(e.chain)!.rules.indexOf(e.rule) + 1 : 0;
  return `${e.chain}:${e.kind}:${pos}:${e.verdict}`;
}

function ctx(rng?: Rng): EvalContext {
  return {
    hook: NF_INET_LOCAL_IN,
    table: "filter",
    nowNs: 0,
    hotdrop: false,
    net: { addrType: () => 1, routeDev: () => "", primaryAddr: () => undefined, devGroup: () => 0 },
    random32: () => (rng ? rng.next32() : 0),
    log: () => {},
    sendLocal: () => {},
    shared: new Map(),
  };
}

// ---- random rule sets and packets ----

const DSTS = ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.1.7", "10.0.1.8"];
const PORTS = [22, 53, 80, 443, 8080];

function pick<T>(rng: Rng, a: readonly T[]): T {
  return a[rng.next32() % a.length]!;
}

function chance(rng: Rng, n: number): boolean {
  return rng.next32() % 1000 < n;
}

function target(rng: Rng): string {
  const r = rng.next32() % 100;
  if (r < 25) return "-j ACCEPT";
  if (r < 45) return "-j DROP";
  if (r < 55) return "-j RETURN";
  if (r < 70) return `-j MARK --set-xmark 0x${(rng.next32() % 255) + 1}/0xff`;
  if (r < 80) return "-j S";
  if (r < 85) return "-g S";
  return ""; // counts only
}

/** One rule body; most have the indexed shape, the rest break or straddle runs. */
function ruleBody(rng: Rng): string {
  const d = pick(rng, DSTS);
  const port = pick(rng, PORTS);
  const proto = chance(rng, 800) ? "tcp" : "udp";
  const comment = chance(rng, 500) ? ` -m comment --comment "c${rng.next32() % 9}"` : "";
  const r = rng.next32() % 106;
  if (r >= 100) {
    // the matches evaluated in place: xt tcp/udp testing nothing, statistic first or not
    if (r < 103) return `-d ${d}/32 -p ${proto} -m ${proto}`;
    const prob = pick(rng, ["0.5", "0.25", "0.99999999953", "1"]);
    const inv = chance(rng, 500) ? "! " : "";
    return chance(rng, 500)
      ? `-d ${d}/32 -m comment --comment s -m statistic --mode random ${inv}--probability ${prob}`
      : `-d ${d}/32 -p ${proto} --dport ${port} -m statistic --mode random ${inv}--probability ${prob}`;
  }
  if (r < 60) return `-d ${d}/32 -p ${proto}${comment} -m ${proto} --dport ${port}`;
  if (r < 64) return `-d ${d}/32${comment}`;
  if (r < 68) return `-d ${d}/32 -p ${proto}${comment}`;
  if (r < 71) return `-d 10.0.1.0/24 -p ${proto} --dport ${port}`;
  if (r < 74) return `-p ${proto} --dport ${port}`;
  if (r < 76) return `-p ${proto}`;
  if (r < 79) return `! -d ${d}/32 -p ${proto} --dport ${port}`;
  if (r < 82) return `-d ${d}/32 -p ${proto} ! --dport ${port}`;
  if (r < 84) return `-f -d ${d}/32`;
  if (r < 86) return `! -f -d ${d}/32 -p ${proto}`;
  if (r < 88) return `-d ${d}/32 -p ${proto} --sport ${pick(rng, PORTS)} --dport ${port}`;
  if (r < 90) return `-d ${d}/32 -p ${proto} -m ${proto}`;
  if (r < 92) return `-d ${d}/32 -p tcp --dport ${port} --tcp-flags SYN,ACK SYN`;
  if (r < 93)
    return `${pick(rng, ["-i eth0", "-i eth+", "! -i eth1", "-i et+", "! -i eth+", "-o eth+"])} -d ${d}/32 -p ${proto} --dport ${port}`;
  if (r < 94) return `-d ${d}/32 -p ${proto} -m ${proto} --dport ${port}:${port + 1}`;
  if (r < 95) return `-s 10.9.0.0/16 -d ${d}/32 -p ${proto} --dport ${port}`;
  if (r < 98)
    return `-d ${d}/32 -p ${proto} ${chance(rng, 500) ? "!" : ""} --dport :${port} ${chance(rng, 500) ? "! --sport 1:1000" : "--sport 1000:9000"}`;
  return `-d ${d}/32 -p udp -m udp --dport ${port} -m comment --comment x`;
}

function ruleset(rng: Rng): string {
  const policy = chance(rng, 300) ? "DROP" : "ACCEPT";
  const lines = ["*filter", `:INPUT ${policy} [0:0]`, ":R - [0:0]", ":S - [0:0]"];
  const pre = rng.next32() % 3;
  for (let i = 0; i < pre; i++) lines.push(`-A INPUT ${ruleBody(rng)} ${target(rng)}`.trimEnd());
  lines.push("-A INPUT -j R");
  const n = 5 + (rng.next32() % 60);
  for (let i = 0; i < n; i++) {
    const t = target(rng).replace("-g S", "-j S");
    lines.push(`-A R ${ruleBody(rng)} ${t}`.trimEnd());
  }
  lines.push(
    "-A S -p udp -j RETURN",
    "-A S -d 10.0.0.2/32 -j MARK --set-xmark 0x100/0x100",
    "-A S -p tcp --dport 22 -j DROP",
  );
  lines.push("COMMIT", "");
  return lines.join("\n");
}

function packet(rng: Rng): Packet {
  const p = new Packet();
  const r = rng.next32() % 100;
  p.proto = r < 70 ? IPPROTO_TCP : r < 90 ? IPPROTO_UDP : r < 97 ? IPPROTO_ICMP : 47;
  p.src = chance(rng, 100) ? 0x0a090101 : 0x0a000202;
  p.dst = chance(rng, 900)
    ? pick(rng, [0x0a000001, 0x0a000002, 0x0a000003, 0x0a000004, 0x0a000107, 0x0a000108]) >>> 0
    : 0x0a000063;
  p.sport = pick(rng, [...PORTS, 40000]);
  p.dport = chance(rng, 900) ? pick(rng, PORTS) : 9999;
  p.tcpFlags = chance(rng, 500) ? TCP_SYN : TCP_ACK;
  p.inDev = chance(rng, 800) ? "eth0" : "eth1";
  const hdr = p.proto === IPPROTO_TCP ? 20 : p.proto === IPPROTO_UDP || p.proto === IPPROTO_ICMP ? 8 : 0;
  p.len = 20 + hdr + (rng.next32() % 40);
  if (chance(rng, 80)) p.len = 20 + (rng.next32() % (hdr + 1)); // truncated transport header
  if (chance(rng, 80)) {
    // a fragment: offset 1 (the tcp match hotdrops it) or further; its bytes are the payload
    p.frag = chance(rng, 500) ? 1 : 1 + (rng.next32() % 100);
    const b = new Uint8Array(8);
    for (let i = 0; i < 8; i++) b[i] = rng.next32() & 255;
    if (chance(rng, 700)) {
      // a port the rules name, the packet's own or another: the index must not read the header's
      const port = chance(rng, 500) ? p.dport : pick(rng, PORTS);
      b[2] = port >> 8;
      b[3] = port & 255;
    }
    p.payload = b;
  }
  p.nfTrace = chance(rng, 300);
  return p;
}

function counters(t: Table): string {
  const out: string[] = [];
  for (const c of t.chains.values()) {
    out.push(`${c.name} ${c.pcnt}:${c.bcnt}`);
    for (const r of c.rules) out.push(`  ${r.pcnt}:${r.bcnt}`);
  }
  return out.join("\n");
}

function restored(text: string): Host {
  const h = new Host({ epoch: 0 });
  const r = h.restore(text);
  if (r.status !== 0) throw new Error(`${r.stderr}\n${text}`);
  return h;
}

describe("rule index: the same as a plain scan", () => {
  for (let seed = 1; seed <= 60; seed++) {
    it(`random rule set ${seed}`, () => {
      const rng = new Rng(seed * 7919);
      const text = ruleset(rng);
      const a = restored(text);
      const b = restored(text);
      const ta = a.ruleset.table("filter")!;
      const tb = b.ruleset.table("filter")!;
      const indexed = compileTable(ta, { minRun: 2 });
      // every other seed keeps the counters in the compiled table until the end (send --json does)
      if (seed % 2 === 0) deferCounters(indexed, true);
      const ref = new RefTable(tb);
      // the generator makes runs: some must have been indexed
      if (seed <= 10) expect(indexed.runs.length).toBeGreaterThan(0);
      // statistic draws from each side's own generator, in step
      const ra = new Rng(seed);
      const rb = new Rng(seed);
      for (let k = 0; k < 300; k++) {
        const pkt = packet(rng);
        const pa = pkt.clone();
        const pb = pkt.clone();
        const trace: string[] = [];
        const va = runHook(indexed, NF_INET_LOCAL_IN, pa, ctx(ra), (e) => trace.push(traceKey(ta, e)));
        const got = { verdict: va, ...lastDecision(), trace };
        const want = ref.run("INPUT", pb, ctx(rb));
        expect(got, `packet ${k}: ${JSON.stringify(pkt)}\n${text}`).toEqual(want);
        expect(pa.mark).toBe(pb.mark);
        expect(ra.next32()).toBe(rb.next32());
      }
      if (seed % 2 === 0) {
        expect(ta.chains.get("R")!.rules.every((r) => r.pcnt === 0)).toBe(true);
        deferCounters(indexed, false);
      }
      expect(counters(ta)).toBe(counters(tb));
    });
  }

  it("a wildcard rule before a run and duplicates inside it keep first-match order", () => {
    const rules = ["*filter", ":INPUT ACCEPT [0:0]"];
    rules.push("-A INPUT -p tcp --dport 80 -j MARK --set-xmark 0x1/0x1");
    for (let i = 0; i < 50; i++)
      rules.push(
        `-A INPUT -d 10.0.0.${i}/32 -p tcp -m tcp --dport 80 -j MARK --set-xmark 0x${(i + 2).toString(16)}/0xfe`,
      );
    rules.push("-A INPUT -d 10.0.0.7/32 -p tcp -m tcp --dport 80 -j DROP");
    for (let i = 0; i < 20; i++) rules.push(`-A INPUT -d 10.0.0.${i}/32 -p tcp -m tcp --dport 80 -j ACCEPT`);
    rules.push("COMMIT", "");
    const h = restored(rules.join("\n"));
    const t = compileTable(h.ruleset.table("filter")!);
    expect(t.runs.length).toBe(1);
    expect(t.runs[0]!.end - t.runs[0]!.start).toBe(71);
    const p = new Packet();
    p.proto = IPPROTO_TCP;
    p.dst = 0x0a000007;
    p.dport = 80;
    p.len = 40;
    expect(runHook(t, NF_INET_LOCAL_IN, p, ctx())).toBe(NF_DROP);
    expect(lastDecision()).toEqual({ chain: "INPUT", rule: 52 });
    expect(p.mark).toBe(0x8); // --set-xmark: (0x1 & ~0xfe) ^ 0x9
    const c = h.ruleset.table("filter")!.chains.get("INPUT")!.rules;
    expect(c.map((r) => r.pcnt).filter((n) => n > 0).length).toBe(3);
    expect([c[0]!.pcnt, c[8]!.pcnt, c[51]!.pcnt]).toEqual([1, 1, 1]);
    // a fragment is scanned: the port tests look at its own bytes
    const f = new Packet();
    f.proto = IPPROTO_TCP;
    f.dst = 0x0a000003;
    f.frag = 20;
    f.len = 28;
    f.payload = new Uint8Array([0, 0, 0, 80, 0, 0, 0, 0]);
    expect(runHook(t, NF_INET_LOCAL_IN, f, ctx())).toBe(NF_ACCEPT);
    expect(lastDecision()).toEqual({ chain: "INPUT", rule: 56 });
    expect(f.mark).toBe(0x4);
  });

  it("deferred counters reach the rules, past 2^30 bytes too", () => {
    const h = restored("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp\n-A INPUT -p udp -j ACCEPT\nCOMMIT\n");
    const t = compileTable(h.ruleset.table("filter")!);
    deferCounters(t, true);
    const p = new Packet();
    p.proto = IPPROTO_UDP;
    p.len = 60000;
    for (let i = 0; i < 20000; i++) runHook(t, NF_INET_LOCAL_IN, p, ctx());
    const rules = h.ruleset.table("filter")!.chains.get("INPUT")!.rules;
    deferCounters(t, false);
    expect(rules.map((r) => [r.pcnt, r.bcnt])).toEqual([
      [20000, 1.2e9],
      [20000, 1.2e9],
    ]);
    for (let i = 0; i < 3; i++) runHook(t, NF_INET_LOCAL_IN, p, ctx());
    expect(rules[0]!.pcnt).toBe(20003);
  });

  it("indexes kube-proxy's KUBE-SERVICES and stays exact at 2,000 services", () => {
    const lines = ["*nat", ":PREROUTING ACCEPT [0:0]", ":KUBE-SERVICES - [0:0]", ":SVC - [0:0]"];
    lines.push("-A PREROUTING -j KUBE-SERVICES");
    for (let i = 0; i < 2000; i++)
      lines.push(
        `-A KUBE-SERVICES -d 10.96.${i >> 8}.${i & 255}/32 -p tcp -m comment --comment "s${i}" -m tcp --dport 80 -j SVC`,
      );
    lines.push(
      "-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j RETURN",
      "-A SVC -j MARK --set-xmark 0x4000/0x4000",
      "COMMIT",
      "",
    );
    const h = restored(lines.join("\n"));
    const t = compileTable(h.ruleset.table("nat")!);
    expect(t.runs.map((r) => r.end - r.start)).toEqual([2000]);
    const rules = h.ruleset.table("nat")!.chains.get("KUBE-SERVICES")!.rules;
    for (const i of [0, 1, 999, 1999]) {
      const p = new Packet();
      p.proto = IPPROTO_TCP;
      p.dst = (0x0a600000 | ((i >> 8) << 8) | (i & 255)) >>> 0;
      p.dport = 80;
      p.len = 40;
      runHook(t, 0, p, ctx());
      expect(p.mark).toBe(0x4000);
      expect(rules[i]!.pcnt).toBe(1);
    }
    expect(rules.reduce((n, r) => n + r.pcnt, 0)).toBe(4);
  });
});

// ---- send --json reading and writing ----

function slowSpec(line: string): PacketSpec | string {
  try {
    return specFromJson(JSON.parse(line));
  } catch (e) {
    if (e instanceof SpecError || e instanceof SyntaxError) return "error";
    throw e;
  }
}

describe("send --json fast reader and writer", () => {
  const VALUES: Record<string, string[]> = {
    in: ['"eth0"', '""', "1", '"a\\"b"'],
    local: ["true", "false", '"yes"'],
    src: ['"10.0.0.2"', '"10.0.0.256"', '"host"', "7"],
    dst: ['"10.96.0.1"', '"1.2.3"'],
    proto: ['"tcp"', '"udp"', '"icmp"', '"TCP"', "6", "300", '"17"', '"gre"', "-1"],
    sport: ["1024", "65535", "65536", '"80"', '"http"', "1.5", "01"],
    dport: ["80", "0", "8080", "1e2"],
    flags: ['"S"', '"SA"', '"ra"', '"."', '"Q"', '""', "2"],
    type: ["8", "3", '"echo-request"', "256"],
    code: ["0", "13"],
    id: ["1", "65535", "70000"],
    ipid: ["5"],
    seq: ["4294967295", "4294967296"],
    ack: ["0"],
    window: ["64240"],
    len: ["40", "19", "100"],
    ttl: ["64", "0", "255"],
    tos: ["16"],
    mark: ["16384", "4294967295"],
    df: ["true"],
    uid: ["0", "4294967294"],
    gid: ["4294967295"],
    color: ['"red"'],
    after: ["1"],
    inner: ['{"src":"1.2.3.4"}'],
  };
  const keys = Object.keys(VALUES);

  it("reads what JSON.parse + specFromJson read, or leaves the line to them", () => {
    const rng = new Rng(42);
    let fast = 0;
    for (let k = 0; k < 4000; k++) {
      const n = 1 + (rng.next32() % 7);
      const parts: string[] = [];
      for (let i = 0; i < n; i++) {
        const key = chance(rng, 850)
          ? pick(rng, ["in", "src", "dst", "proto", "sport", "dport", "flags"])
          : pick(rng, keys);
        const vals = VALUES[key]!;
        const v = chance(rng, 800) ? vals[0]! : pick(rng, vals);
        const ws = chance(rng, 100) ? " " : "";
        parts.push(`${ws}"${key}"${ws}:${ws}${v}`);
      }
      let line = `{${parts.join(",")}}`;
      if (chance(rng, 30)) line += " \r";
      if (chance(rng, 20)) line = line.replace("}", ",}");
      if (chance(rng, 20)) line = line.slice(0, -1);
      const got = fastSpecFromLine(line);
      const want = slowSpec(line);
      if (got !== null) {
        fast++;
        expect(got, line).toEqual(want);
      }
      // in place, inside a longer input
      const wide = `xx\n${line}\nyy`;
      expect(fastSpecFromLine(wide, 3, 3 + line.length), line).toEqual(got);
    }
    expect(fast).toBeGreaterThan(1000);
  });

  it("writes packets as JSON.stringify(packetJson()) does", () => {
    const net = new NetConfig();
    const rng = new Rng(7);
    const lines = [
      '{"local":true,"dst":"10.0.0.9","proto":"tcp","sport":1,"dport":2,"flags":"SAF","seq":4294967295,"mark":4294967295,"df":true}',
      '{"local":true,"dst":"10.0.0.9","proto":"udp","len":100,"tos":16,"ttl":3}',
      '{"local":true,"dst":"10.0.0.9","proto":"icmp","type":8,"id":7,"seq":9}',
      '{"local":true,"dst":"10.0.0.9","proto":"icmp","type":3,"code":3,"inner":{"src":"1.2.3.4","dst":"5.6.7.8","proto":"udp","sport":5,"dport":6}}',
      '{"local":true,"dst":"10.0.0.9","proto":"icmp","type":11,"inner":{"proto":"icmp","type":8}}',
      '{"local":true,"dst":"10.0.0.9","proto":47}',
      '{"local":true,"dst":"10.0.0.9","proto":"sctp","sport":1,"dport":2}',
      '{"local":true,"dst":"10.0.0.9","proto":253}',
    ];
    for (const l of lines) {
      const p = buildPacket(specFromJson(JSON.parse(l)), net);
      for (const out of [undefined, "eth0", 'we"ird\u00e9']) {
        if (rng.next32() & 1) {
          p.hasMac = true;
          p.macSrc = pick(rng, [0x02000000ab01, 0xffffffffffff, 0x0a0b0c0d0e0f, 0, 0x800000000001]);
        }
        p.seq = pick(rng, [0, 9, 10, 99, 2147483647, 2147483648, 4294967295]);
        expect(packetJsonText(p, out)).toBe(JSON.stringify(packetJson(p, out)));
      }
    }
  });

  it("send --json gives the same results by the fast and the general path", () => {
    const text = `*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 23 -j REJECT\n-A INPUT -p udp -j LOG --log-prefix "é "\nCOMMIT\n`;
    const mk = () => {
      const h = restored(text);
      h.ip(["link", "add", "eth0", "type", "dummy"]);
      h.ip(["addr", "add", "10.0.0.1/24", "dev", "eth0"]);
      h.ip(["link", "set", "eth0", "up"]);
      return h;
    };
    const lines = [
      '{"in":"eth0","src":"10.0.0.2","dst":"10.0.0.1","proto":"tcp","dport":23,"flags":"S"}',
      '{"in":"eth0","src":"10.0.0.2","dst":"10.0.0.1","proto":"udp","dport":53}',
      '{"in":"eth0","src":"10.0.0.2","dst":"10.0.0.1","proto":"icmp","type":8}',
      '{"in":"eth0","src":"10.0.0.2","dst":"10.0.0.1","proto":"tcp","dport":80,"flags":"S"}',
    ];
    // the same packets, once as fast lines and once spelled so that the general path reads them
    const slow = lines.map((l) => l.replace("{", '{"after":0,'));
    const a = sendJsonOf(mk(), lines);
    const b = sendJsonOf(mk(), slow);
    expect(a).toBe(b);
    for (const l of a.trim().split("\n")) expect(JSON.stringify(JSON.parse(l))).toBe(l);
  });
});

function sendJsonOf(h: Host, lines: string[]): string {
  return sendJson(h, `${lines.join("\n")}\n`).stdout;
}

describe("Packet.clone", () => {
  it("copies every field (a field added to Packet must be added to clone too)", () => {
    const p = new Packet();
    const keys = Object.keys(p) as Array<keyof Packet>;
    const rec = p as unknown as Record<string, unknown>;
    keys.forEach((k, i) => {
      const v = rec[k];
      rec[k] =
        typeof v === "number"
          ? 1000 + i
          : typeof v === "boolean"
            ? !v
            : typeof v === "string"
              ? `s${i}`
              : new Uint8Array([i]);
    });
    p.inner = new Packet();
    p.inner.src = 77;
    p.ct = { any: 1 };
    const c = p.clone();
    for (const k of keys) {
      if (k === "inner") continue;
      expect((c as unknown as Record<string, unknown>)[k], k).toBe(rec[k]);
    }
    expect(c.inner).not.toBe(p.inner);
    expect(c.inner!.src).toBe(77);
    expect(Object.keys(c)).toEqual(keys);
  });
});
