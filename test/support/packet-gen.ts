/**
 * Seeded generator of kernel differential cases: a random rule set over
 * raw, mangle, nat and filter (only extensions the twin can run: those with
 * `compile`), sysctls, and a sequence of packets — fresh ones of several
 * kinds and replies to what the host emitted (connections through NAT).
 *
 * A case is plain data (JSON) so failing ones can be stored and replayed.
 */
import { Rng } from "../../src/core/rng.js";
import { Host } from "../../src/host.js";
import { LOG_TAG } from "./kernel-host.js";

/** A packet step: fresh (`pkt`, JSON fields of send --json without in/local) or a reply. */
export interface PacketStep {
  from: "eth0" | "eth1" | "local";
  pkt?: Record<string, unknown>;
  /** Reply to the `nth` packet the host emitted at step `step` (in canonical order). */
  reply?: { step: number; nth: number; fin?: boolean };
  category: string;
}

export interface KCase {
  seed: number;
  sysctls: Record<string, string>;
  /** iptables-restore input (the twin's canonical save of the generated rules). */
  rules: string;
  steps: PacketStep[];
  /** Also compare xtables-monitor --trace (a -j TRACE rule leads raw PREROUTING and OUTPUT). */
  trace?: boolean;
  /**
   * `ip` commands (rules and routes of tables 100 and 200) run on the host after its rules are
   * restored; the next case starts from the default rules again.
   */
  ip?: string[];
  /** `conntrack` commands (e.g. `-I …`: entries made from userspace) run after the `ip` ones. */
  conntrack?: string[];
}

type Hook = "PREROUTING" | "INPUT" | "FORWARD" | "OUTPUT" | "POSTROUTING";

const TABLE_HOOKS: Record<string, Hook[]> = {
  raw: ["PREROUTING", "OUTPUT"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
  filter: ["INPUT", "FORWARD", "OUTPUT"],
};

/** Addresses packets and rules draw from (the lab's topology). */
const LOCAL_ADDRS = ["10.0.0.1", "10.0.1.1"];
const C0_ADDRS = ["10.0.0.2", "10.0.2.5", "10.0.2.77", "10.0.2.200"];
const C1_ADDRS = ["10.0.1.2", "198.51.100.7", "198.51.100.99", "203.0.113.1", "203.0.113.250"];
export const PORTS = [22, 53, 80, 443, 8080, 1234, 5000, 33000];

function pick<T>(r: Rng, xs: readonly T[]): T {
  return xs[r.below(xs.length)]!;
}

function chance(r: Rng, p: number): boolean {
  return r.next32() / 0x100000000 < p;
}

interface Ctx {
  table: string;
  hook: Hook | null;
  /** Hooks a user chain may be reached from (for -i/-o and restricted targets). */
  hooks: Hook[];
  proto: string | null;
  r: Rng;
  logN: { n: number };
}

interface Piece {
  text: string;
  /** Extensions it needs (match names and target names). */
  needs: string[];
  proto?: string;
}

function addrSpec(r: Rng): string {
  const pool = [...LOCAL_ADDRS, ...C0_ADDRS, ...C1_ADDRS];
  const a = pick(r, pool);
  const masks = ["", "", "/32", "/24", "/16", "/8", "/30"];
  return a + pick(r, masks);
}

function inv(r: Rng, p = 0.15): string {
  return chance(r, p) ? "! " : "";
}

function portSpec(r: Rng): string {
  if (chance(r, 0.25)) {
    const a = pick(r, PORTS);
    return `${a}:${a + r.below(3000)}`;
  }
  return String(pick(r, PORTS));
}

/** The -s/-d/-i/-o/-p part. */
function ipPart(c: Ctx): { text: string; proto: string | null } {
  const r = c.r;
  let s = "";
  if (chance(r, 0.3)) s += ` ${inv(r)}-s ${addrSpec(r)}`;
  if (chance(r, 0.3)) s += ` ${inv(r)}-d ${addrSpec(r)}`;
  const inOk = c.hooks.every((h) => h === "PREROUTING" || h === "INPUT" || h === "FORWARD");
  const outOk = c.hooks.every((h) => h === "FORWARD" || h === "OUTPUT" || h === "POSTROUTING");
  if (inOk && chance(r, 0.25)) s += ` ${inv(r, 0.1)}-i ${pick(r, ["eth0", "eth1", "eth+", "lo"])}`;
  if (outOk && chance(r, 0.25)) s += ` ${inv(r, 0.1)}-o ${pick(r, ["eth0", "eth1", "eth+", "lo"])}`;
  let proto: string | null = null;
  if (chance(r, 0.6)) {
    proto = pick(r, ["tcp", "tcp", "udp", "icmp"]);
    if (chance(r, 0.08)) {
      s += ` ! -p ${proto}`;
      proto = null;
    } else s += ` -p ${proto}`;
  }
  return { text: s, proto };
}

/** Candidate matches given the rule's protocol. */
function matchPieces(c: Ctx, proto: string | null): Piece[] {
  const r = c.r;
  const out: Piece[] = [];
  if (proto === "tcp") {
    out.push({
      text: ` -m tcp ${inv(r)}--dport ${portSpec(r)}`,
      needs: ["tcp"],
    });
    out.push({
      text: ` -m tcp ${inv(r)}--sport ${portSpec(r)}`,
      needs: ["tcp"],
    });
    out.push({ text: ` -m tcp ${inv(r, 0.1)}--syn`, needs: ["tcp"] });
    out.push({
      text: ` -m tcp --tcp-flags ${pick(r, ["SYN,ACK SYN", "SYN,ACK,FIN,RST RST", "ALL ACK", "SYN,ACK SYN,ACK", "FIN,ACK FIN,ACK"])}`,
      needs: ["tcp"],
    });
    out.push({
      text: ` -m multiport --dports ${pick(r, PORTS)},${pick(r, PORTS)},${pick(r, PORTS)}`,
      needs: ["multiport"],
    });
  } else if (proto === "udp") {
    out.push({
      text: ` -m udp ${inv(r)}--dport ${portSpec(r)}`,
      needs: ["udp"],
    });
    out.push({ text: ` -m udp --sport ${portSpec(r)}`, needs: ["udp"] });
    out.push({
      text: ` -m multiport --ports ${pick(r, PORTS)},${pick(r, PORTS)}`,
      needs: ["multiport"],
    });
  } else if (proto === "icmp") {
    const t = pick(r, [
      "echo-request",
      "echo-reply",
      "destination-unreachable",
      "port-unreachable",
      "time-exceeded",
      "8/0",
      "any",
    ]);
    out.push({
      text: ` -m icmp ${inv(r, 0.1)}--icmp-type ${t}`,
      needs: ["icmp"],
    });
  }
  const st = pick(r, [
    "NEW",
    "ESTABLISHED",
    "RELATED",
    "INVALID",
    "NEW,ESTABLISHED",
    "ESTABLISHED,RELATED",
    "UNTRACKED",
    "DNAT",
    "SNAT",
  ]);
  out.push({
    text: ` -m conntrack ${inv(r, 0.1)}--ctstate ${st}`,
    needs: ["conntrack"],
  });
  out.push({
    text: ` -m state --state ${pick(r, ["NEW", "ESTABLISHED", "RELATED", "INVALID", "NEW,ESTABLISHED", "UNTRACKED"])}`,
    needs: ["state"],
  });
  if (chance(r, 0.3))
    out.push({
      text: ` -m conntrack --ctorigdst ${addrSpec(r)}`,
      needs: ["conntrack"],
    });
  if (chance(r, 0.3))
    out.push({
      text: ` -m conntrack --ctstatus ${pick(r, ["SEEN_REPLY", "ASSURED", "CONFIRMED", "EXPECTED"])}`,
      needs: ["conntrack"],
    });
  out.push({
    text: ` -m mark ${inv(r, 0.1)}--mark ${pick(r, ["0x1", "0x2", "0x10/0xf0", "0x0/0xff", "0x3"])}`,
    needs: ["mark"],
  });
  out.push({
    text: ` -m connmark --mark ${pick(r, ["0x1", "0x2", "0x0"])}`,
    needs: ["connmark"],
  });
  out.push({
    text: ` -m length ${inv(r, 0.1)}--length ${pick(r, ["0:40", "41:100", "60", "29:1500"])}`,
    needs: ["length"],
  });
  out.push({
    text: ` -m ttl --${pick(r, ["ttl-eq", "ttl-lt", "ttl-gt"])} ${pick(r, [1, 2, 10, 63, 64, 100])}`,
    needs: ["ttl"],
  });
  out.push({
    text: ` -m tos --tos ${pick(r, ["0x00", "0x10", "0x08/0x08", "Minimize-Delay"])}`,
    needs: ["tos"],
  });
  out.push({
    text: ` -m dscp --dscp ${pick(r, [0, 4, 8, 46])}`,
    needs: ["dscp"],
  });
  out.push({
    text: ` -m addrtype ${pick(r, ["--dst-type LOCAL", "--src-type LOCAL", "--dst-type UNICAST", "! --dst-type LOCAL", "--dst-type BROADCAST"])}`,
    needs: ["addrtype"],
  });
  out.push({
    text: ` -m iprange --${pick(r, ["src", "dst"])}-range ${pick(r, ["10.0.0.0-10.0.0.255", "198.51.100.1-198.51.100.50", "10.0.1.1-10.0.2.100"])}`,
    needs: ["iprange"],
  });
  if (c.hooks.every((h) => h === "PREROUTING" || h === "INPUT" || h === "FORWARD")) {
    out.push({
      text: ` -m mac ${inv(r, 0.1)}--mac-source ${pick(r, ["02:00:00:00:01:02", "02:00:00:00:02:02", "02:00:00:00:09:09"])}`,
      needs: ["mac"],
    });
  }
  out.push({
    text: ` -m pkttype --pkt-type ${pick(r, ["unicast", "broadcast", "multicast"])}`,
    needs: ["pkttype"],
  });
  out.push({
    text: ` -m comment --comment "c${r.below(100)}"`,
    needs: ["comment"],
  });
  out.push({
    text: ` -m statistic --mode nth --every ${2 + r.below(3)}${chance(r, 0.5) ? ` --packet ${r.below(2)}` : ""}`,
    needs: ["statistic"],
  });
  out.push({
    text: ` -m limit --limit ${pick(r, ["1/hour", "3/day"])} --limit-burst ${1 + r.below(4)}`,
    needs: ["limit"],
  });
  out.push({
    text: ` -m recent --name r${r.below(2)} ${pick(r, ["--set", "--rcheck", "--update", "--rcheck --hitcount 2", "--remove"])}`,
    needs: ["recent"],
  });
  // No connlimit: the kernel's count (nf_conncount) is garbage-collected on jiffies boundaries,
  // so the same packets give different counts from run to run.
  out.push({
    text: ` -m connbytes --connbytes ${pick(r, ["0:100", "100:", "2:3"])} --connbytes-dir ${pick(r, ["original", "reply", "both"])} --connbytes-mode ${pick(r, ["packets", "bytes"])}`,
    needs: ["connbytes"],
  });
  if (c.hooks.every((h) => h === "OUTPUT" || h === "POSTROUTING"))
    out.push({
      text: ` -m owner ${inv(r, 0.2)}--uid-owner 0`,
      needs: ["owner"],
    });
  return out;
}

function targetPieces(c: Ctx, proto: string | null, userChains: string[]): Piece[] {
  const r = c.r;
  const out: Piece[] = [];
  const hooks = c.hooks;
  const only = (...hs: Hook[]) => hooks.length > 0 && hooks.every((h) => hs.includes(h));
  out.push({ text: " -j ACCEPT", needs: [] }, { text: " -j ACCEPT", needs: [] });
  out.push({ text: " -j DROP", needs: [] });
  out.push({ text: " -j RETURN", needs: [] });
  out.push({ text: "", needs: [] });
  for (const u of userChains) out.push({ text: chance(r, 0.8) ? ` -j ${u}` : ` -g ${u}`, needs: [] });
  const n = ++c.logN.n;
  out.push({
    text: ` -j LOG --log-prefix "${LOG_TAG}${n} "${pick(r, ["", "", " --log-level 6", " --log-tcp-sequence", " --log-tcp-options", " --log-ip-options", " --log-uid", " --log-macdecode"])}`,
    needs: ["LOG"],
  });
  out.push({
    text: ` -j MARK --${pick(r, ["set-mark 0x1", "set-mark 0x2", "or-mark 0x10", "and-mark 0xf", "set-xmark 0x3/0x1"])}`,
    needs: ["MARK"],
  });
  out.push({
    text: ` -j CONNMARK --${pick(r, ["set-mark 0x1", "save-mark", "restore-mark", "set-mark 0x2/0xff"])}`,
    needs: ["CONNMARK"],
  });
  if (c.table === "filter" && only("INPUT", "FORWARD", "OUTPUT")) {
    const w =
      proto === "tcp" && chance(r, 0.4)
        ? "tcp-reset"
        : pick(r, [
            "icmp-port-unreachable",
            "icmp-host-unreachable",
            "icmp-net-unreachable",
            "icmp-admin-prohibited",
            "icmp-host-prohibited",
            "icmp-proto-unreachable",
          ]);
    out.push({
      text: ` -j REJECT${chance(r, 0.2) ? "" : ` --reject-with ${w}`}`,
      needs: ["REJECT"],
    });
  }
  if (c.table === "nat") {
    const to = pick(r, [...LOCAL_ADDRS, ...C0_ADDRS, ...C1_ADDRS]);
    const portful = proto === "tcp" || proto === "udp";
    const port =
      portful && chance(r, 0.5) ? `:${pick(r, PORTS)}${chance(r, 0.2) ? `-${pick(r, PORTS) + 5000}` : ""}` : "";
    if (only("PREROUTING", "OUTPUT")) {
      out.push(
        { text: ` -j DNAT --to-destination ${to}${port}`, needs: ["DNAT"] },
        { text: ` -j DNAT --to-destination ${to}${port}`, needs: ["DNAT"] },
      );
      if (portful)
        out.push({
          text: ` -j REDIRECT${chance(r, 0.6) ? ` --to-ports ${pick(r, PORTS)}` : ""}`,
          needs: ["REDIRECT"],
        });
    }
    if (only("POSTROUTING", "INPUT")) {
      out.push(
        { text: ` -j SNAT --to-source ${to}${port}`, needs: ["SNAT"] },
        { text: ` -j SNAT --to-source ${to}${port}`, needs: ["SNAT"] },
      );
    }
    if (only("POSTROUTING"))
      out.push({
        text: ` -j MASQUERADE${portful && chance(r, 0.3) ? ` --to-ports ${pick(r, PORTS)}` : ""}`,
        needs: ["MASQUERADE"],
      });
    if (only("PREROUTING", "OUTPUT") || only("POSTROUTING", "INPUT")) {
      out.push({
        text: ` -j NETMAP --to ${pick(r, ["10.0.2.0/24", "198.51.100.0/24", "10.0.0.0/30"])}`,
        needs: ["NETMAP"],
      });
    }
  }
  if (c.table === "mangle") {
    out.push({
      text: ` -j TTL --${pick(r, ["ttl-set 9", "ttl-dec 1", "ttl-inc 2"])}`,
      needs: ["TTL"],
    });
    out.push({
      text: ` -j TOS --set-tos ${pick(r, ["0x10", "0x08", "0"])}`,
      needs: ["TOS"],
    });
    out.push({
      text: ` -j DSCP --set-dscp ${pick(r, [0, 10, 46])}`,
      needs: ["DSCP"],
    });
    if (proto === "tcp") out.push({ text: ` -j ECN --ecn-tcp-remove`, needs: ["ECN"] });
  }
  if (c.table === "raw") {
    out.push({ text: " -j CT --notrack", needs: ["CT"] }, { text: " -j NOTRACK", needs: ["NOTRACK"] });
  }
  return out;
}

function available(host: Host, p: Piece): boolean {
  for (const n of p.needs) {
    const m = host.registry.findMatch(n);
    const t = host.registry.findTarget(n);
    const ext = m ?? t;
    if (!ext || !("compile" in ext) || !ext.compile) return false;
  }
  return true;
}

/** Generates the rules of one case into a scratch twin (so every rule is one iptables accepts) and returns its save. */
function genRules(r: Rng, scratch: Host, weightTable: Record<string, number>): string {
  const logN = { n: 0 };
  for (const table of ["raw", "mangle", "nat", "filter"]) {
    if (!chance(r, weightTable[table]!)) continue;
    const hooks = TABLE_HOOKS[table]!;
    const users: string[] = [];
    const nUser = chance(r, 0.4) ? 1 + r.below(2) : 0;
    for (let i = 0; i < nUser; i++) {
      const name = `U${i}`;
      if (scratch.iptables(["-t", table, "-N", name]).status === 0) users.push(name);
    }
    // Which hooks reach each user chain: decided by the jumps we add (kept simple: any hook of the table).
    for (const hook of hooks) {
      if (!chance(r, 0.7)) continue;
      if (table === "filter" && chance(r, 0.25)) scratch.iptables(["-t", table, "-P", hook, "DROP"]);
      const n = 1 + r.below(5);
      for (let i = 0; i < n; i++) addRule(r, scratch, table, hook, [hook], users, logN);
    }
    for (const u of users) {
      const n = 1 + r.below(4);
      for (let i = 0; i < n; i++)
        addRule(
          r,
          scratch,
          table,
          u,
          hooks,
          users.filter((x) => x > u),
          logN,
        );
    }
  }
  return scratch.save();
}

function addRule(
  r: Rng,
  scratch: Host,
  table: string,
  chain: string,
  hooks: Hook[],
  users: string[],
  logN: { n: number },
): void {
  for (let attempt = 0; attempt < 4; attempt++) {
    const c: Ctx = {
      table,
      hook: hooks.length === 1 ? hooks[0]! : null,
      hooks,
      proto: null,
      r,
      logN,
    };
    const ip = ipPart(c);
    let text = ip.text;
    const nMatch = r.below(3);
    const ms = matchPieces(c, ip.proto).filter((p) => available(scratch, p));
    for (let i = 0; i < nMatch && ms.length; i++) text += ms.splice(r.below(ms.length), 1)[0]!.text;
    const ts = targetPieces(c, ip.proto, users).filter((p) => available(scratch, p));
    text += pick(r, ts).text;
    const argv = ["-t", table, "-A", chain, ...splitWords(text)];
    if (scratch.iptables(argv).status === 0) return;
  }
}

/** Shell-like word split (double quotes group). */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push(m[1] ?? m[2]!);
  return out;
}

function tcpFlags(r: Rng): string {
  return pick(r, ["S", "S", "S", "S", "A", "SA", "R", "RA", "F", "FA", "PA", "", "SF"]);
}

function fresh(r: Rng, category: string): PacketStep {
  const proto = category.endsWith("tcp") ? "tcp" : category.endsWith("udp") ? "udp" : "icmp";
  let from: PacketStep["from"];
  let src: string;
  let dst: string;
  if (category.startsWith("in-")) {
    from = pick(r, ["eth0", "eth1"] as const);
    src = pick(r, from === "eth0" ? C0_ADDRS : C1_ADDRS);
    dst = pick(r, LOCAL_ADDRS);
  } else if (category.startsWith("fwd-")) {
    from = pick(r, ["eth0", "eth1"] as const);
    src = pick(r, from === "eth0" ? C0_ADDRS : C1_ADDRS);
    dst = pick(r, from === "eth0" ? C1_ADDRS : C0_ADDRS);
  } else {
    from = "local";
    src = pick(r, LOCAL_ADDRS);
    dst = pick(r, [...C0_ADDRS, ...C1_ADDRS]);
  }
  const pkt: Record<string, unknown> = { src, dst, proto };
  if (proto === "tcp") {
    pkt.sport = 1024 + r.below(60000);
    pkt.dport = pick(r, PORTS);
    pkt.flags = tcpFlags(r);
    pkt.seq = r.next32();
    if (String(pkt.flags).includes("A")) pkt.ack = r.next32();
  } else if (proto === "udp") {
    pkt.sport = 1024 + r.below(60000);
    pkt.dport = pick(r, PORTS);
  } else {
    const t = pick(r, [
      "echo-request",
      "echo-request",
      "echo-request",
      "echo-reply",
      "port-unreachable",
      "time-exceeded",
    ]);
    pkt.type = t;
    if (t.startsWith("echo")) {
      pkt.id = r.below(65536);
      pkt.seq = r.below(65536);
    } else {
      // An error about a packet the other side "sent" (rarely a known connection).
      pkt.inner = {
        src: dst,
        dst: src,
        proto: "udp",
        sport: pick(r, PORTS),
        dport: 1024 + r.below(60000),
      };
    }
  }
  if (chance(r, 0.2)) pkt.len = 60 + r.below(200);
  if (chance(r, 0.15)) pkt.ttl = pick(r, [1, 2, 5, 128, 255]);
  if (chance(r, 0.1)) pkt.tos = pick(r, [0x10, 0x08, 0x04, 0xb8]);
  if (chance(r, 0.3)) pkt.ipid = r.below(65536);
  if (chance(r, 0.2)) pkt.df = true;
  if (from === "local" && chance(r, 0.2)) pkt.mark = pick(r, [1, 2, 0x10]);
  return { from, pkt, category: `${category.split("-")[0]}-${proto}` };
}

const CATEGORIES = ["in-tcp", "in-udp", "in-icmp", "fwd-tcp", "fwd-udp", "fwd-icmp", "out-tcp", "out-udp", "out-icmp"];

export interface GenOptions {
  /** Probability that a case also compares xtables-monitor --trace. */
  trace?: number;
}

/** Case number `seed`. */
export function generateCase(seed: number, o: GenOptions = {}): KCase {
  const r = new Rng(seed * 2654435761 + 17);
  const scratch = new Host({ epoch: 1_700_000_000 });
  const trace = chance(r, o.trace ?? 0.15);
  const rules = genRules(r, scratch, {
    raw: 0.35,
    mangle: 0.45,
    nat: 0.6,
    filter: 0.85,
  });
  const sysctls: Record<string, string> = {};
  if (chance(r, 0.1)) sysctls["net.ipv4.ip_forward"] = "0";
  const steps: PacketStep[] = [];
  const n = 2 + r.below(7);
  for (let i = 0; i < n; i++) {
    const prev = steps.length - 1;
    if (prev >= 0 && !steps[prev]!.reply && chance(r, 0.45)) {
      steps.push({
        from: "eth0",
        reply: { step: prev, nth: 0 },
        category: "reply",
      });
      continue;
    }
    if (prev >= 0 && steps[prev]!.reply && chance(r, 0.4)) {
      steps.push({
        from: "eth0",
        reply: { step: prev, nth: 0, fin: chance(r, 0.3) },
        category: "reply",
      });
      continue;
    }
    steps.push(fresh(r, pick(r, CATEGORIES)));
  }
  let text = rules;
  if (trace) text = addTraceRules(text);
  return { seed, sysctls, rules: text, steps, trace: trace || undefined };
}

/** Puts `-j TRACE` first in raw PREROUTING and raw OUTPUT (creating the raw table if needed). */
function addTraceRules(save: string): string {
  const h = new Host({ epoch: 1_700_000_000 });
  if (save.trim()) h.restore(save);
  h.iptables(["-t", "raw", "-I", "PREROUTING", "1", "-j", "TRACE"]);
  h.iptables(["-t", "raw", "-I", "OUTPUT", "1", "-j", "TRACE"]);
  return h.save();
}
