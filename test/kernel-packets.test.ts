/**
 * Kernel differential suite for the packet path: seeded random rule sets
 * (raw, mangle, nat, filter; only extensions with packet semantics in the
 * twin) and packet sequences (to the host, forwarded, sent by the host,
 * replies through NAT) run on a real Linux host in private namespaces
 * (test/support/kernel-host.ts) and on a twin host configured the same way.
 * Compared per step: the packets the host emitted and the LOG lines; per
 * case: iptables-save -c, conntrack -L and, for trace cases,
 * xtables-monitor --trace (masks: test/support/packet-diff.ts).
 *
 * Environment: IPTWIN_KPKT_SEEDS (number of cases, default 160),
 * IPTWIN_KPKT_SEED (first seed, default 1), IPTWIN_RECORD_REGRESSIONS=0 to
 * leave test/kernel-packets/regressions.json untouched. Failing cases are
 * kept there with the kernel's observations and replayed on every run
 * (no root needed for the replay).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShellSession } from "../src/compat/session.js";
import { describeWith, livePrereq, REPO_ROOT } from "./support/env.js";
import { KernelLab, LOG_TAG, labPrereq, twinHost } from "./support/kernel-host.js";
import { compareObs, KernelSide, type KObs, runCase, stepPacket, TwinSide, traceKey } from "./support/packet-diff.js";
import { generateCase, type KCase } from "./support/packet-gen.js";

const REGRESSIONS = join(REPO_ROOT, "test/kernel-packets/regressions.json");
const MAX_NEW_REGRESSIONS = 12;
const MAX_REGRESSIONS = 80;

interface Regression {
  seed: number;
  note: string;
  case: KCase;
  expect: KObs;
}

interface RegressionFile {
  about: string;
  cases: Regression[];
}

function loadRegressions(): RegressionFile {
  if (!existsSync(REGRESSIONS)) {
    return {
      about:
        "Kernel packet-path disagreements (twin vs Linux), with the kernel's observations; replayed by test/kernel-packets.test.ts.",
      cases: [],
    };
  }
  return JSON.parse(readFileSync(REGRESSIONS, "utf8")) as RegressionFile;
}

function envInt(name: string, dflt: number): number {
  const v = process.env[name];
  const n = v === undefined ? Number.NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : dflt;
}

function describeDiffs(d: ReturnType<typeof compareObs>, c: KCase): string {
  return d
    .slice(0, 6)
    .map((x) => {
      const cat = x.step !== undefined ? ` step ${x.step + 1} (${c.steps[x.step]!.category})` : "";
      return `  ${x.kind}${cat}: ${x.detail}`;
    })
    .join("\n");
}

const regressions = loadRegressions();

describe("kernel packets: recorded disagreements replayed on the twin", () => {
  if (regressions.cases.length === 0) {
    it("no recorded disagreements", () => {});
    return;
  }
  regressions.cases.forEach((r, k) => {
    it(`#${k + 1} seed ${r.seed}: ${r.note}`, async () => {
      const got = await runCase(r.case, new TwinSide());
      const d = compareObs(r.expect, got);
      if (d.length) throw new Error(`${d.length} difference(s):\n${describeDiffs(d, r.case)}`);
    });
  });
});

interface Tally {
  agree: number;
  total: number;
}

function bump(m: Map<string, Tally>, k: string, ok: boolean): void {
  const t = m.get(k) ?? { agree: 0, total: 0 };
  t.total++;
  if (ok) t.agree++;
  m.set(k, t);
}

function pct(t: Tally): string {
  return t.total ? `${((100 * t.agree) / t.total).toFixed(1)}%` : "-";
}

describeWith([livePrereq(), labPrereq()], "kernel packets: twin vs Linux", () => {
  const nseeds = envInt("IPTWIN_KPKT_SEEDS", 160);
  const first = envInt("IPTWIN_KPKT_SEED", 1);
  let lab: KernelLab;
  let kside: KernelSide;
  const cases: Tally = { agree: 0, total: 0 };
  const steps = new Map<string, Tally>();
  const checks = new Map<string, Tally>();
  const examples = new Map<string, string>();
  const fresh: Regression[] = [];
  const signatures = new Set(regressions.cases.map((r) => r.note.split(":")[0]));

  beforeAll(async () => {
    lab = KernelLab.create();
    await lab.start();
    kside = new KernelSide(lab);
  }, 60_000);

  afterAll(async () => {
    await lab?.destroy();
    const lines = [`kernel packets: ${cases.agree}/${cases.total} cases agree (${pct(cases)})`];
    lines.push("  per packet kind (emitted packets and LOG lines of a step):");
    for (const [k, t] of [...steps].sort())
      lines.push(`    ${k.padEnd(10)} ${String(t.agree).padStart(4)}/${String(t.total).padEnd(4)} ${pct(t)}`);
    lines.push("  per check (cases):");
    for (const [k, t] of [...checks].sort())
      lines.push(`    ${k.padEnd(10)} ${String(t.agree).padStart(4)}/${String(t.total).padEnd(4)} ${pct(t)}`);
    if (examples.size) {
      lines.push("  first disagreement of each kind:");
      for (const [k, v] of examples) lines.push(`    [${k}] ${v.replaceAll("\n", "\n    ")}`);
    }
    console.log(lines.join("\n"));
    if (process.env.IPTWIN_KPKT_SUMMARY) writeFileSync(process.env.IPTWIN_KPKT_SUMMARY, `${lines.join("\n")}\n`);
    if (fresh.length && process.env.IPTWIN_RECORD_REGRESSIONS !== "0") {
      const file = loadRegressions();
      // Another run may have written the file meanwhile: keep one copy of each case.
      const have = new Set(file.cases.map((c) => JSON.stringify(c.case)));
      file.cases.push(...fresh.filter((c) => !have.has(JSON.stringify(c.case))));
      file.cases = file.cases.slice(-MAX_REGRESSIONS);
      mkdirSync(dirname(REGRESSIONS), { recursive: true });
      writeFileSync(REGRESSIONS, `${JSON.stringify(file, null, 1)}\n`);
    }
  }, 60_000);

  // ICMP redirects are off in the random cases (kernel-host.ts BASE_SYSCTLS): the kernel keeps
  // their backoff per sender (inet_peer) across cases and on its real clock. Here, first on a
  // fresh lab, each on-link sender triggers one (a second one within ip_rt_redirect_load << 1 =
  // 40 ms is held back: the twin's clock advances 1 ms a step, the kernel's its own way).
  it("redirects: forwarded back out the input device to an on-link sender", async () => {
    const on: Record<string, string> = {};
    for (const d of ["all", "default", "eth0", "eth1"]) on[`net.ipv4.conf.${d}.send_redirects`] = "1";
    const mangle =
      "*mangle\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" +
      `:POSTROUTING ACCEPT [0:0]\n-A OUTPUT -p icmp -m conntrack --ctstate RELATED -j LOG --log-prefix "${LOG_TAG}R "\n` +
      `-A FORWARD -j LOG --log-prefix "${LOG_TAG}F "\nCOMMIT\n`;
    const pkt = (from: "eth0" | "eth1", f: Record<string, unknown>) => ({ from, pkt: f, category: `fwd-${f.proto}` });
    const cases: KCase[] = [
      {
        seed: -1,
        sysctls: on,
        rules: mangle,
        steps: [
          pkt("eth0", { src: "10.0.0.2", dst: "10.0.2.5", proto: "udp", sport: 40000, dport: 53, ttl: 9, tos: 16 }),
          pkt("eth0", { src: "10.0.2.77", dst: "10.0.2.5", proto: "udp", sport: 40002, dport: 53 }),
        ],
      },
      {
        // with NAT: a redirect about a connection whose source binding is not set up yet is dropped
        seed: -2,
        sysctls: on,
        rules: `${mangle}*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\nCOMMIT\n`,
        steps: [
          pkt("eth1", { src: "10.0.1.2", dst: "198.51.100.7", proto: "tcp", sport: 40003, dport: 80, flags: "S" }),
        ],
      },
    ];
    for (const c of cases) {
      const want = await runCase(c, kside);
      const got = await runCase(c, new TwinSide());
      const d = compareObs(want, got);
      if (d.length) throw new Error(`${d.length} difference(s):\n${describeDiffs(d, c)}`);
    }
  }, 60_000);

  // Policy routing: rules by fwmark (set in mangle PREROUTING, by SO_MARK, or in mangle OUTPUT and
  // rerouted), by source, by input device, "not" and goto, and rules that reject (prohibit,
  // unreachable, blackhole). Forwarded and local packets, LOG lines in POSTROUTING naming the
  // output device.
  it("policy routing: ip rule by mark, source, input device; goto, not; rejecting rules", async () => {
    const mangle = (lines: string) =>
      "*mangle\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" +
      `:POSTROUTING ACCEPT [0:0]\n${lines}-A POSTROUTING -j LOG --log-prefix "${LOG_TAG}P "\nCOMMIT\n`;
    const step = (from: "eth0" | "eth1" | "local", f: Record<string, unknown>) => ({
      from,
      pkt: f,
      category: from === "local" ? `out-${f.proto}` : `fwd-${f.proto}`,
    });
    const udp = (src: string, dst: string, dport: number, extra: Record<string, unknown> = {}) => ({
      src,
      dst,
      proto: "udp",
      sport: 40000 + dport,
      dport,
      ...extra,
    });
    const via0 = "route add default via 10.0.0.2 dev eth0 table 100";
    const cases: KCase[] = [
      {
        seed: -10,
        sysctls: {},
        rules: mangle("-A PREROUTING -p udp --dport 53 -j MARK --set-mark 0x1\n"),
        ip: ["rule add fwmark 0x1 table 100", via0],
        steps: [
          step("eth1", udp("198.51.100.7", "203.0.113.1", 53)),
          step("eth1", udp("198.51.100.7", "203.0.113.1", 80)),
        ],
      },
      {
        seed: -11,
        sysctls: {},
        rules: mangle(""),
        ip: ["rule add from 198.51.100.0/24 table 100 pref 1000", via0],
        steps: [
          step("eth1", udp("198.51.100.7", "203.0.113.1", 53)),
          step("eth1", udp("203.0.113.250", "203.0.113.1", 53)),
        ],
      },
      {
        seed: -12,
        sysctls: {},
        rules: mangle(""),
        ip: ["rule add iif eth0 table 100", "route add unreachable 203.0.113.0/24 table 100"],
        // (senders of their own: ip_error() limits its ICMP per peer on the kernel's real clock,
        // and the random cases before these answer 10.0.2.5 often)
        steps: [
          step("eth0", udp("10.0.2.98", "203.0.113.1", 53)),
          step("eth0", udp("10.0.2.98", "198.51.100.7", 53)),
          step("eth1", udp("198.51.100.7", "203.0.113.1", 53)),
        ],
      },
      {
        seed: -13,
        sysctls: {},
        rules: mangle("-A PREROUTING -p udp --dport 123 -j MARK --set-mark 0x3\n"),
        ip: ["rule add pref 10 not fwmark 0x3 goto 32766", "rule add pref 20 table 100", via0],
        steps: [
          step("eth1", udp("198.51.100.7", "203.0.113.1", 123)),
          step("eth1", udp("198.51.100.7", "203.0.113.1", 53)),
        ],
      },
      {
        seed: -14,
        sysctls: {},
        rules: mangle(""),
        ip: [
          "rule add to 198.51.100.0/24 prohibit",
          "rule add to 203.0.113.0/25 unreachable",
          "rule add to 203.0.113.128/25 blackhole",
        ],
        steps: [
          step("eth0", udp("10.0.2.99", "198.51.100.7", 53)),
          step("eth0", udp("10.0.2.99", "203.0.113.1", 53)),
          step("eth0", udp("10.0.2.99", "203.0.113.250", 53)),
          step("eth0", udp("10.0.2.99", "192.0.2.1", 53)),
        ],
      },
      {
        seed: -15,
        sysctls: {},
        rules: mangle("-A OUTPUT -p udp --dport 53 -j MARK --set-mark 0x5\n"),
        ip: ["rule add fwmark 0x5 table 100", via0],
        steps: [
          step("local", udp("10.0.1.1", "203.0.113.1", 53)),
          step("local", udp("10.0.1.1", "203.0.113.1", 80)),
          step("local", udp("10.0.1.1", "203.0.113.1", 80, { mark: 5 })),
        ],
      },
    ];
    const FIRST_OUT: Record<number, RegExp> = {
      [-10]: /^eth0 .* 198\.51\.100\.7>203\.0\.113\.1 /,
      [-11]: /^eth0 .* 198\.51\.100\.7>203\.0\.113\.1 /,
      [-12]: / icmp 3\/1 /,
      [-13]: /^eth0 .* 198\.51\.100\.7>203\.0\.113\.1 /,
      [-14]: / icmp 3\/13 /,
      [-15]: /^eth0 .* 10\.0\.1\.1>203\.0\.113\.1 /,
    };
    for (const c of cases) {
      const want = await runCase(c, kside);
      const got = await runCase(c, new TwinSide());
      const d = compareObs(want, got);
      if (d.length) throw new Error(`case ${c.seed}: ${d.length} difference(s):\n${describeDiffs(d, c)}`);
      // the first packet of each case goes where the main table alone would not send it
      expect(want.steps[0]!.out[0], `case ${c.seed}`).toMatch(FIRST_OUT[c.seed]!);
    }
  }, 120_000);

  // Policy rules by ipproto and ports read an arriving packet's transport header (the flow
  // dissector): a TCP/UDP port, a range, a port rule without a protocol, ICMP (no ports), and the
  // fragments of a datagram (none has ports for the rules, the first included). LOG in POSTROUTING
  // names the way out.
  it("policy routing by ipproto, sport and dport of arriving packets", async () => {
    const rules =
      "*mangle\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" +
      `:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -j LOG --log-prefix "${LOG_TAG}P "\nCOMMIT\n`;
    const step = (pkt: Record<string, unknown>) => ({ from: "eth1" as const, pkt, category: `fwd-${pkt.proto}` });
    const S = "198.51.100.7";
    const D = "203.0.113.1";
    const c: KCase = {
      seed: -40,
      sysctls: {},
      rules,
      ip: [
        "rule add ipproto udp dport 53 table 100 pref 100",
        "rule add ipproto tcp sport 1000-2000 table 100 pref 110",
        "rule add dport 8080 table 100 pref 120",
        "rule add ipproto icmp table 100 pref 130",
        "route add default via 10.0.0.2 dev eth0 table 100",
      ],
      steps: [
        step({ src: S, dst: D, proto: "udp", sport: 40000, dport: 53 }),
        step({ src: S, dst: D, proto: "udp", sport: 40000, dport: 54 }),
        step({ src: S, dst: D, proto: "tcp", sport: 1500, dport: 80, flags: "S" }),
        step({ src: S, dst: D, proto: "tcp", sport: 2500, dport: 80, flags: "S" }),
        step({ src: S, dst: D, proto: "udp", sport: 40000, dport: 8080 }),
        step({ src: S, dst: D, proto: "tcp", sport: 40000, dport: 8080, flags: "S" }),
        step({ src: S, dst: D, proto: "icmp", type: 8, code: 0, id: 5, seq: 1 }),
        step({ src: S, dst: D, proto: "udp", sport: 40000, dport: 53, len: 100, mf: true, ipid: 77 }),
        step({ src: S, dst: D, proto: "udp", sport: 40000, dport: 53, len: 100, fragoff: 10, ipid: 77 }),
      ],
    };
    const want = await runCase(c, kside);
    const got = await runCase(c, new TwinSide());
    const d = compareObs(want, got);
    if (d.length) throw new Error(`${d.length} difference(s):\n${describeDiffs(d, c)}`);
    // the rules sent these through eth0 (table 100), the others out of eth1 (main)
    const way = want.steps.map((s) => (s.out[0] ?? "").slice(0, 4)).join(" ");
    expect(way).toBe("eth0 eth1 eth0 eth1 eth0 eth0 eth0 eth1 eth1");
  }, 120_000);

  // Entries made by `conntrack -I` before any packet: a TCP flow created ESTABLISHED (its window
  // tracking picks up from the first packets, as after a loose pickup), one in SYN_SENT answered
  // by a SYN-ACK, an echo request's entry meeting its reply, and a UDP entry made with --dst-nat:
  // applied only where the nat table has registered its hooks (the second case has none).
  it("conntrack -I: packets of entries made from userspace", async () => {
    const filter =
      "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" +
      `-A FORWARD -m conntrack --ctstate NEW -j LOG --log-prefix "${LOG_TAG}N "\n` +
      `-A FORWARD -m conntrack --ctstate ESTABLISHED -j LOG --log-prefix "${LOG_TAG}E "\n` +
      `-A FORWARD -m conntrack --ctstate INVALID -j LOG --log-prefix "${LOG_TAG}I "\n` +
      `-A INPUT -m conntrack --ctstate NEW,ESTABLISHED,INVALID -j LOG --log-prefix "${LOG_TAG}L "\nCOMMIT\n`;
    const nat =
      "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\nCOMMIT\n";
    const tcp = (
      from: "eth0" | "eth1",
      src: string,
      dst: string,
      sport: number,
      dport: number,
      flags: string,
      seq: number,
      ack: number,
    ) => ({
      from,
      pkt: { src, dst, proto: "tcp", sport, dport, flags, seq, ack },
      category: "ct-tcp",
    });
    const C = "10.0.2.5";
    const S = "198.51.100.7";
    const udpIn = {
      from: "eth0" as const,
      pkt: { src: C, dst: "10.0.0.1", proto: "udp", sport: 5000, dport: 53 },
      category: "ct-udp",
    };
    const entries = [
      `-I -p tcp -s ${C} -d ${S} --sport 40000 --dport 80 --state ESTABLISHED -t 300`,
      `-I -p tcp -s ${C} -d ${S} --sport 40001 --dport 80 --state SYN_SENT -t 120`,
      `-I -p icmp -s ${C} -d ${S} --icmp-type 8 --icmp-code 0 --icmp-id 77 -t 30`,
      `-I -p udp -s ${C} -d 10.0.0.1 --sport 5000 --dport 53 -t 30 -g ${S}:5353 -u SEEN_REPLY -m 9`,
    ];
    const steps = [
      tcp("eth0", C, S, 40000, 80, "A", 1000, 5000),
      tcp("eth1", S, C, 80, 40000, "A", 5000, 1000),
      tcp("eth0", C, S, 40000, 80, "PA", 1000, 5000),
      tcp("eth1", S, C, 80, 40001, "SA", 7000, 2001),
      tcp("eth0", C, S, 40001, 80, "A", 2001, 7001),
      {
        from: "eth1" as const,
        pkt: { src: S, dst: C, proto: "icmp", type: 0, code: 0, id: 77, seq: 1 },
        category: "ct-icmp",
      },
      udpIn,
    ];
    const cases: KCase[] = [
      { seed: -30, sysctls: {}, rules: filter + nat, conntrack: entries, steps },
      { seed: -31, sysctls: {}, rules: filter, conntrack: entries, steps },
    ];
    for (const c of cases) {
      const want = await runCase(c, kside);
      const got = await runCase(c, new TwinSide());
      const d = compareObs(want, got);
      if (d.length) throw new Error(`case ${c.seed}: ${d.length} difference(s):\n${describeDiffs(d, c)}`);
      // an inserted flow's first packet is NEW (no reply seen yet: ctinfo IP_CT_NEW), the reply
      // ESTABLISHED; the UDP entry made with SEEN_REPLY is ESTABLISHED at once
      expect(want.steps[0]!.log.join("\n"), `case ${c.seed}`).toMatch(/^ktwN /);
      expect(want.steps[1]!.log.join("\n"), `case ${c.seed}`).toMatch(/^ktwE /);
      expect(want.steps[6]!.log.join("\n"), `case ${c.seed}`).toMatch(c.seed === -30 ? /^ktwE / : /^ktwL /);
    }
  }, 120_000);

  // Reverse path filtering and martian sources: rp_filter strict (1) and loose (2) for local and
  // forwarded packets, a source that is one of the host's own addresses (a martian with rp_filter
  // off too), accept_local; LOG in mangle PREROUTING shows each packet arrived, LOG in INPUT and
  // FORWARD whether routing let it through.
  it("rp_filter: strict and loose, the host's own address as source, accept_local", async () => {
    const rules =
      "*mangle\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" +
      `:POSTROUTING ACCEPT [0:0]\n-A PREROUTING -j LOG --log-prefix "${LOG_TAG}R "\n-A INPUT -j LOG --log-prefix "${LOG_TAG}I "\n` +
      `-A FORWARD -j LOG --log-prefix "${LOG_TAG}F "\nCOMMIT\n`;
    const step = (from: "eth0" | "eth1", src: string, dst: string) => ({
      from,
      pkt: { src, dst, proto: "udp", sport: 40000, dport: 53 },
      category: `rpf-${from}`,
    });
    const steps = [
      // from a network routed via eth0, arriving on eth0: fine in every mode
      step("eth0", "10.0.2.5", "10.0.0.1"),
      step("eth0", "10.0.2.5", "203.0.113.1"),
      // from a network routed via eth1 (the default), arriving on eth0: strict drops, loose takes
      step("eth0", "198.51.100.7", "10.0.0.1"),
      step("eth0", "198.51.100.7", "203.0.113.1"),
      // the host's own addresses as source: martians unless accept_local
      step("eth0", "10.0.1.1", "10.0.0.1"),
      step("eth1", "10.0.0.1", "10.0.2.5"),
    ];
    const conf = (key: string, v: string) =>
      Object.fromEntries(["all", "eth0", "eth1"].map((d) => [`net.ipv4.conf.${d}.${key}`, v]));
    const cases: KCase[] = [
      { seed: -20, sysctls: {}, rules, steps },
      { seed: -21, sysctls: conf("rp_filter", "1"), rules, steps },
      { seed: -22, sysctls: conf("rp_filter", "2"), rules, steps },
      { seed: -23, sysctls: conf("accept_local", "1"), rules, steps },
      { seed: -24, sysctls: { ...conf("accept_local", "1"), ...conf("rp_filter", "1") }, rules, steps },
    ];
    const passed = (o: Awaited<ReturnType<typeof runCase>>) =>
      o.steps.map((x) => x.log.filter((l) => /^ktw[IF] /.test(l)).length).join("");
    const seen: string[] = [];
    for (const c of cases) {
      const want = await runCase(c, kside);
      const got = await runCase(c, new TwinSide());
      const d = compareObs(want, got);
      if (d.length) throw new Error(`case ${c.seed}: ${d.length} difference(s):\n${describeDiffs(d, c)}`);
      seen.push(passed(want));
    }
    // what got through, per mode (the kernel's answer, which the twin matched above): off takes the
    // other network but not the host's own addresses, strict neither, loose as off, accept_local all
    expect(seen).toEqual(["111100", "110000", "111100", "111111", "110000"]);
  }, 120_000);

  for (let seed = first; seed < first + nseeds; seed++) {
    it(`seed ${seed}`, async () => {
      const c = generateCase(seed);
      const want = await runCase(c, kside);
      const got = await runCase(c, new TwinSide());
      const d = compareObs(want, got);
      cases.total++;
      if (d.length === 0) cases.agree++;
      want.steps.forEach((_, i) => {
        const bad = d.some((x) => x.step === i);
        bump(steps, c.steps[i]!.category, !bad);
      });
      for (const kind of ["restore", "counters", "conntrack", ...(c.trace ? ["trace"] : [])])
        bump(checks, kind, !d.some((x) => x.kind === kind));
      bump(checks, "emitted", !d.some((x) => x.kind === "emitted"));
      bump(checks, "log", !d.some((x) => x.kind === "log"));
      if (d.length === 0) return;
      for (const x of d) {
        const cat = x.step !== undefined ? `${x.kind}/${c.steps[x.step]!.category}` : x.kind;
        if (!examples.has(cat)) examples.set(cat, `seed ${seed}: ${x.detail}`);
      }
      const x0 = d[0]!;
      const sig = x0.step !== undefined ? `${x0.kind}/${c.steps[x0.step]!.category}` : x0.kind;
      if (!signatures.has(sig) && fresh.length < MAX_NEW_REGRESSIONS) {
        signatures.add(sig);
        fresh.push({
          seed,
          note: `${sig}: ${x0.detail.split("\n")[1]?.trim().slice(0, 100) ?? ""}`,
          case: c,
          expect: want,
        });
      }
      throw new Error(`${d.length} difference(s):\n${describeDiffs(d, c)}`);
    });
  }

  it("trace: the trace command prints what xtables-monitor --trace prints", async () => {
    const rules = `*raw
:PREROUTING ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A PREROUTING -j TRACE
-A OUTPUT -j TRACE
COMMIT
*mangle
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -p udp -j MARK --set-xmark 0x10/0xffffffff
-A FORWARD -p tcp -j TTL --ttl-set 9
COMMIT
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:CHK - [0:0]
-A INPUT -s 10.0.0.2/32 -j CHK
-A INPUT -p tcp -m tcp --dport 22 -j REJECT --reject-with tcp-reset
-A INPUT -p udp -j ACCEPT
-A FORWARD -p tcp -m tcp --dport 80 -j ACCEPT
-A CHK -p icmp -j RETURN
-A CHK -p tcp -m tcp --dport 81 -j DROP
-A CHK -s 10.0.0.2/32
COMMIT
`;
    const packets = [
      "-i eth0 -p tcp -s 10.0.0.2 -d 10.0.0.1 --dport 22 --mac-source 02:00:00:00:01:02 --ip-id 7",
      "-i eth0 -p tcp -s 10.0.0.2 -d 10.0.0.1 --dport 81 --mac-source 02:00:00:00:01:02 --ip-id 8",
      "-i eth0 -p udp -s 10.0.0.2 -d 10.0.0.1 --dport 53 --mac-source 02:00:00:00:01:02 --ip-id 9 --tos 16",
      "-i eth0 -p icmp -s 10.0.0.2 -d 10.0.0.1 --mac-source 02:00:00:00:01:02 --ip-id 10",
      "-i eth0 -p tcp -s 10.0.2.5 -d 198.51.100.7 --dport 80 --tcp-flags SYN --df --mac-source 02:00:00:00:01:02 --ip-id 11",
      "-i eth1 -p tcp -s 198.51.100.7 -d 10.0.2.5 --dport 443 --tcp-flags ACK,PSH --mac-source 02:00:00:00:02:02 --ip-id 12",
    ];
    lab.reset({});
    await lab.drain();
    const rr = lab.restore(rules);
    expect(rr.status, rr.stderr).toBe(0);
    await lab.startMonitor();
    const twin = twinHost({});
    expect(twin.iptablesRestore([], rules).status).toBe(0);
    const session = new ShellSession(twin);
    let mine = "";
    for (const args of packets) {
      const [res] = session.run(`trace ${args}`);
      expect(res!.status, res!.stderr).toBe(0);
      mine += res!.stdout
        .split("\n")
        .filter((l) => l.startsWith("PACKET: ") || l.startsWith(" TRACE: "))
        .map((l) => `${l}\n`)
        .join("");
      const p = stepPacket(
        {
          from: args.includes("eth1") ? "eth1" : "eth0",
          pkt: specJson(args),
          category: "trace",
        },
        [],
        twinHost({}),
      );
      if (typeof p === "string") throw new Error(p);
      await kside.step(p.from, p.p);
    }
    const theirs = await lab.stopMonitor();
    expect(traceKey(mine)).toBe(traceKey(theirs));
  }, 60_000);
});

/** The send options of the trace test as JSON packet fields (the same packet for the kernel). */
function specJson(args: string): Record<string, unknown> {
  const w = args.split(" ");
  const o: Record<string, unknown> = {};
  for (let i = 0; i < w.length; i++) {
    const k = w[i]!;
    const v = w[i + 1];
    switch (k) {
      case "-p":
        o.proto = v;
        i++;
        break;
      case "-s":
        o.src = v;
        i++;
        break;
      case "-d":
        o.dst = v;
        i++;
        break;
      case "--dport":
        o.dport = Number(v);
        i++;
        break;
      case "--ip-id":
        o.ipid = Number(v);
        i++;
        break;
      case "--tos":
        o.tos = Number(v);
        i++;
        break;
      case "--df":
        o.df = true;
        break;
      case "--tcp-flags":
        o.flags = v!
          .split(",")
          .map((f) => ({ SYN: "S", ACK: "A", PSH: "P", FIN: "F", RST: "R", URG: "U" })[f] ?? "")
          .join("");
        i++;
        break;
      case "-i":
      case "--mac-source":
        i++;
        break;
    }
  }
  return o;
}
