/**
 * Seeded generator of iptables command sequences for the differential test
 * (and rule sets for the property tests). Only core features and the
 * extensions the twin registers are generated: each extension has a small
 * grammar of guarded values, used once the registry knows its name, so the
 * generator grows as extensions land.
 */
import type { ExtensionRegistry } from "../../src/extensions/registry.js";
import { stripCounters } from "./conformance.js";

/** mulberry32: small, fast, deterministic. */
export class Rng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** lo..hi inclusive */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)]!;
  }

  weighted<T>(items: ReadonlyArray<readonly [number, T]>): T {
    const total = items.reduce((s, [w]) => s + w, 0);
    let x = this.next() * total;
    for (const [w, v] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return items.at(-1)![1];
  }

  shuffle<T>(a: T[]): T[] {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
}

/** One step of a sequence, as a user would type it. */
export type Step =
  | { kind: "iptables"; argv: string[] }
  | { kind: "restore"; args: string[]; input: string }
  | { kind: "save"; args: string[] };

export const TABLES = ["filter", "nat", "mangle", "raw", "security"] as const;
export type TableName = (typeof TABLES)[number];

export const TABLE_CHAINS: Record<TableName, readonly string[]> = {
  raw: ["PREROUTING", "OUTPUT"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  security: ["INPUT", "FORWARD", "OUTPUT"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
};

/** The rule set as iptables-save shows it: what the generator bases its choices on. */
export interface ChainState {
  builtin: boolean;
  policy: string;
  /** Each rule as saved, without `-A CHAIN `. */
  rules: string[];
}
export type World = Map<string, Map<string, ChainState>>;

/** Parses iptables-save output (tables, chains, rules). */
export function parseSave(text: string): World {
  const w: World = new Map();
  let cur: Map<string, ChainState> | undefined;
  for (const line of text.split("\n")) {
    if (line.startsWith("*")) {
      cur = new Map();
      w.set(line.slice(1), cur);
    } else if (line.startsWith(":") && cur) {
      const [name, policy] = line.slice(1).split(" ");
      cur.set(name!, {
        builtin: policy !== "-",
        policy: policy ?? "-",
        rules: [],
      });
    } else if (line.startsWith("-A ") && cur) {
      const sp = line.indexOf(" ", 3);
      const chain = sp < 0 ? line.slice(3) : line.slice(3, sp);
      cur.get(chain)?.rules.push(sp < 0 ? "" : line.slice(sp + 1));
    }
  }
  return w;
}

// ---------------------------------------------------------------- values

const ADDRS = [
  "10.0.0.1",
  "192.168.1.0/24",
  "10.1.2.3/8",
  "0.0.0.0/0",
  "1.2.3.4/32",
  "172.16.0.0/255.240.0.0",
  "10.0.0.0/255.0.255.0",
  "127.0.0.1",
  "224.0.0.0/4",
  "192.168.0.1/16",
  "8.8.8.8",
  "10.0.0.0/31",
  "100.64.0.0/10",
];
const MULTI_ADDRS = ["10.0.0.1,10.0.0.2", "192.168.1.0/24,10.0.0.0/8", "1.1.1.1,2.2.2.2,3.3.3.3"];
const BAD_ADDRS = ["10.0.0.256", "1.2.3.4/33", "10.0.0.0/255.255.0.255.0", "", "1.2.3.4/-1"];
const IFACES = ["eth0", "eth1", "lo", "eth+", "br-lan", "wg0", "veth1234567890a", "ppp+", "+"];
const PROTOS = [
  "tcp",
  "udp",
  "icmp",
  "all",
  "6",
  "17",
  "1",
  "gre",
  "47",
  "esp",
  "ah",
  "sctp",
  "udplite",
  "igmp",
  "TCP",
  "255",
  "ipv6-icmp",
];
const BAD_PROTOS = ["256", "foo", "-1", "tcpx"];
const USER_CHAINS = [
  "web",
  "ssh_in",
  "c1",
  "c-2",
  "LOGDROP",
  "a",
  "zz_last",
  "Chain_With_28_Chars_Name_xy",
  "fw-out",
  "Web",
];
const BAD_CHAIN_NAMES = [
  "this-name-is-way-too-long-for-xt",
  "-bad",
  "!bang",
  "ACCEPT",
  "DROP",
  "has space",
  "RETURN",
  "",
];
const PORTS = [
  "22",
  "80",
  "ssh",
  "http",
  "1024:65535",
  "1024:",
  ":1023",
  "0",
  "65535",
  "8000:8080",
  "https",
  "domain",
  "3:3",
  "0:0",
];
const COMMENTS = [
  "allow ssh",
  "x",
  'quote"d',
  "back\\slash",
  "with  two  spaces",
  "café",
  "a;b",
  "tab\there",
  "$HOME",
  "'single'",
];
const TCP_FLAGS: ReadonlyArray<readonly [string, string]> = [
  ["SYN,ACK,FIN,RST", "SYN"],
  ["ALL", "NONE"],
  ["SYN,RST", "SYN"],
  ["FIN,SYN,RST,PSH,ACK,URG", "ACK"],
  ["NONE", "NONE"],
  ["ACK", "ACK"],
];

function inv(r: Rng, p = 0.15): string[] {
  return r.chance(p) ? ["!"] : [];
}

// ---------------------------------------------------------------- grammars

/** What an extension grammar sees of the rule being built. */
export interface RuleCtx {
  table: TableName;
  /** The chain the rule goes to. */
  chain: string;
  /** Built-in chain (hook) name, or null for a user chain. */
  hook: string | null;
  /** Protocol name given with -p (lowercase), if any, and not inverted. */
  proto: string | null;
}

interface MatchGrammar {
  /** Protocols (-p) the match needs, if any. */
  protos?: readonly string[];
  /** Built-in chains it may be used in (user chains always allowed). */
  hooks?: readonly string[];
  /** May be written without `-m NAME` after `-p NAME`. */
  implicit?: boolean;
  gen(r: Rng, c: RuleCtx): string[];
}

interface TargetGrammar {
  tables?: readonly TableName[];
  hooks?: readonly string[];
  protos?: readonly string[];
  gen(r: Rng, c: RuleCtx): string[];
}

function some(r: Rng, parts: ReadonlyArray<() => string[]>, min = 0): string[] {
  const out: string[] = [];
  const order = r.shuffle(parts.map((_, i) => i));
  let n = 0;
  for (const i of order) {
    if (n < min || r.chance(0.4)) {
      out.push(...parts[i]!());
      n++;
    }
  }
  return out;
}

const portOpts = (r: Rng) => [
  () => [...inv(r), r.pick(["--sport", "--source-port"]), r.pick(PORTS)],
  () => [...inv(r), r.pick(["--dport", "--destination-port"]), r.pick(PORTS)],
];

export const MATCH_GRAMMARS: Record<string, MatchGrammar> = {
  tcp: {
    protos: ["tcp"],
    implicit: true,
    gen: (r) =>
      some(r, [
        ...portOpts(r),
        () => {
          if (r.chance(0.4)) return [...inv(r), "--syn"];
          const [m, c] = r.pick(TCP_FLAGS);
          return [...inv(r), "--tcp-flags", m, c];
        },
        () => [...inv(r, 0.1), "--tcp-option", r.pick(["2", "8", "255"])],
      ]),
  },
  udp: { protos: ["udp"], implicit: true, gen: (r) => some(r, portOpts(r)) },
  icmp: {
    protos: ["icmp"],
    implicit: true,
    gen: (r) => [
      ...inv(r),
      "--icmp-type",
      r.pick([
        "echo-request",
        "echo-reply",
        "8",
        "0",
        "3/1",
        "destination-unreachable",
        "any",
        "time-exceeded",
        "11/0",
        "port-unreachable",
      ]),
    ],
  },
  comment: { gen: (r) => ["--comment", r.pick(COMMENTS)] },
  multiport: {
    protos: ["tcp", "udp"],
    gen: (r) => [
      ...inv(r),
      r.pick(["--dports", "--sports", "--ports", "--destination-ports"]),
      r.pick(["22,80,443", "1000:2000", "ssh,http", "53", "1:1024,8080"]),
    ],
  },
  state: {
    gen: (r) => [
      ...inv(r),
      "--state",
      r.pick(["NEW", "ESTABLISHED,RELATED", "INVALID", "NEW,ESTABLISHED", "UNTRACKED"]),
    ],
  },
  conntrack: {
    gen: (r) =>
      some(
        r,
        [
          () => [...inv(r), "--ctstate", r.pick(["NEW", "ESTABLISHED,RELATED", "INVALID", "DNAT", "SNAT,DNAT"])],
          () => [...inv(r), "--ctproto", r.pick(["tcp", "udp", "6"])],
          () => [...inv(r), "--ctorigsrc", r.pick(["10.0.0.0/8", "1.2.3.4"])],
          () => [...inv(r), "--ctstatus", r.pick(["ASSURED", "SEEN_REPLY", "EXPECTED,CONFIRMED"])],
          () => ["--ctdir", r.pick(["ORIGINAL", "REPLY"])],
        ],
        1,
      ),
  },
  mark: {
    gen: (r) => [...inv(r), "--mark", r.pick(["0x1", "1", "0x10/0xff", "0xffffffff", "5/0xf"])],
  },
  limit: {
    gen: (r) => [
      "--limit",
      r.pick(["5/min", "10/second", "1/hour", "3/s", "100/day", "2/minute"]),
      ...(r.chance(0.5) ? ["--limit-burst", r.pick(["5", "10", "1"])] : []),
    ],
  },
  iprange: {
    gen: (r) => [
      ...inv(r),
      r.pick(["--src-range", "--dst-range"]),
      r.pick(["10.0.0.1-10.0.0.99", "192.168.1.10-192.168.1.20", "1.1.1.1-1.1.1.1"]),
    ],
  },
  mac: {
    hooks: ["PREROUTING", "INPUT", "FORWARD"],
    gen: (r) => [...inv(r), "--mac-source", r.pick(["00:11:22:33:44:55", "aa:BB:cc:dd:ee:ff"])],
  },
  pkttype: {
    gen: (r) => [...inv(r), "--pkt-type", r.pick(["unicast", "broadcast", "multicast"])],
  },
  length: {
    gen: (r) => [...inv(r), "--length", r.pick(["100", "40:1500", "0:65535", "1500:"])],
  },
  ttl: {
    gen: (r) =>
      r.pick([
        ["--ttl-eq", "64"],
        ["--ttl-gt", "5"],
        ["--ttl-lt", "10"],
        ["!", "--ttl-eq", "1"],
      ]),
  },
  addrtype: {
    gen: (r) =>
      some(
        r,
        [
          () => [...inv(r), "--src-type", r.pick(["LOCAL", "UNICAST", "BROADCAST,MULTICAST"])],
          () => [...inv(r), "--dst-type", r.pick(["LOCAL", "UNICAST", "BLACKHOLE"])],
        ],
        1,
      ),
  },
  connmark: {
    gen: (r) => [...inv(r), "--mark", r.pick(["0x1", "0x1/0xff", "7"])],
  },
  owner: {
    hooks: ["OUTPUT", "POSTROUTING"],
    gen: (r) => r.pick([["--uid-owner", "0"], ["--gid-owner", "0"], ["!", "--uid-owner", "1000"], ["--socket-exists"]]),
  },
  dscp: {
    gen: (r) =>
      r.pick([
        ["--dscp", "10"],
        ["!", "--dscp", "0x2e"],
        ["--dscp-class", "AF11"],
        ["--dscp-class", "EF"],
      ]),
  },
  tos: {
    gen: (r) => [...inv(r), "--tos", r.pick(["0x10", "Minimize-Delay", "0x08/0xff", "Normal-Service"])],
  },
  helper: { gen: (r) => [...inv(r), "--helper", r.pick(["ftp", "sip"])] },
  ecn: {
    protos: ["tcp"],
    gen: (r) => r.pick([["--ecn-tcp-cwr"], ["--ecn-tcp-ece"], ["--ecn-ip-ect", "1"], ["!", "--ecn-tcp-cwr"]]),
  },
  statistic: {
    gen: (r) =>
      r.chance(0.5)
        ? ["--mode", "random", "--probability", r.pick(["0.5", "0.25", "1"])]
        : ["--mode", "nth", "--every", r.pick(["3", "10"]), "--packet", "1"],
  },
  quota: {
    gen: (r) => [...inv(r), "--quota", r.pick(["1000", "0", "18446744073709551615"])],
  },
  connlimit: {
    gen: (r) =>
      r.chance(0.5)
        ? ["--connlimit-above", r.pick(["2", "10"])]
        : ["--connlimit-upto", "10", "--connlimit-mask", r.pick(["24", "32"])],
  },
  string: {
    gen: (r) =>
      r.chance(0.6)
        ? ["--string", r.pick(["GET /", "test"]), "--algo", r.pick(["bm", "kmp"])]
        : ["--hex-string", "|0d0a|", "--algo", "bm"],
  },
};

const NAT_HOOKS_DNAT = ["PREROUTING", "OUTPUT"];
const NAT_HOOKS_SNAT = ["POSTROUTING", "INPUT"];

export const TARGET_GRAMMARS: Record<string, TargetGrammar> = {
  LOG: {
    gen: (r) =>
      some(r, [
        () => ["--log-prefix", r.pick(["DROP: ", "in", "x y"])],
        () => ["--log-level", r.pick(["4", "debug", "alert", "7"])],
        () => ["--log-tcp-options"],
        () => ["--log-uid"],
        () => ["--log-ip-options"],
      ]),
  },
  REJECT: {
    hooks: ["INPUT", "FORWARD", "OUTPUT"],
    gen: (r, c) =>
      r.chance(0.4)
        ? []
        : [
            "--reject-with",
            c.proto === "tcp" && r.chance(0.4)
              ? "tcp-reset"
              : r.pick([
                  "icmp-port-unreachable",
                  "icmp-host-unreachable",
                  "icmp-admin-prohibited",
                  "icmp-net-prohibited",
                ]),
          ],
  },
  NFLOG: {
    gen: (r) =>
      some(r, [
        () => ["--nflog-group", r.pick(["1", "0", "65535"])],
        () => ["--nflog-prefix", r.pick(["pfx", "a b"])],
        () => ["--nflog-size", "128"],
        () => ["--nflog-threshold", "2"],
      ]),
  },
  NFQUEUE: {
    gen: (r) => r.pick([["--queue-num", "1"], ["--queue-balance", "0:3"], ["--queue-num", "2", "--queue-bypass"], []]),
  },
  AUDIT: { gen: (r) => ["--type", r.pick(["accept", "drop", "reject"])] },
  CLASSIFY: {
    tables: ["mangle"],
    hooks: ["FORWARD", "OUTPUT", "POSTROUTING"],
    gen: (r) => ["--set-class", r.pick(["1:10", "0:0", "ffff:ffff"])],
  },
  MARK: {
    tables: ["mangle"],
    gen: (r) =>
      r.pick([
        ["--set-mark", "0x1"],
        ["--set-xmark", "0x1/0xff"],
        ["--and-mark", "0xf"],
        ["--or-mark", "1"],
        ["--xor-mark", "2"],
      ]),
  },
  CONNMARK: {
    tables: ["mangle"],
    gen: (r) => r.pick([["--set-mark", "1"], ["--save-mark"], ["--restore-mark"], ["--set-xmark", "0x1/0x3"]]),
  },
  DNAT: {
    tables: ["nat"],
    hooks: NAT_HOOKS_DNAT,
    gen: (r, c) => [
      "--to-destination",
      c.proto === "tcp" || c.proto === "udp"
        ? r.pick(["10.0.0.1:80", "10.0.0.1", "10.0.0.1-10.0.0.5:80-90"])
        : "10.0.0.1",
    ],
  },
  SNAT: {
    tables: ["nat"],
    hooks: NAT_HOOKS_SNAT,
    gen: (r) => ["--to-source", r.pick(["1.2.3.4", "1.2.3.4-1.2.3.9"])],
  },
  MASQUERADE: {
    tables: ["nat"],
    hooks: ["POSTROUTING"],
    gen: (r, c) =>
      (c.proto === "tcp" || c.proto === "udp") && r.chance(0.5)
        ? ["--to-ports", r.pick(["1000-2000", "80"])]
        : r.chance(0.3)
          ? ["--random"]
          : [],
  },
  REDIRECT: {
    tables: ["nat"],
    hooks: NAT_HOOKS_DNAT,
    gen: (r, c) =>
      (c.proto === "tcp" || c.proto === "udp") && r.chance(0.7) ? ["--to-ports", r.pick(["8080", "8000-8010"])] : [],
  },
  DSCP: {
    tables: ["mangle"],
    gen: (r) =>
      r.pick([
        ["--set-dscp", "10"],
        ["--set-dscp-class", "AF21"],
      ]),
  },
  TOS: {
    tables: ["mangle"],
    gen: (r) =>
      r.pick([
        ["--set-tos", "0x10"],
        ["--and-tos", "0x0f"],
        ["--set-tos", "Minimize-Delay"],
      ]),
  },
  TTL: {
    tables: ["mangle"],
    gen: (r) =>
      r.pick([
        ["--ttl-set", "64"],
        ["--ttl-dec", "1"],
        ["--ttl-inc", "2"],
      ]),
  },
  CT: {
    tables: ["raw"],
    gen: (r) => r.pick([["--notrack"], ["--zone", "1"], ["--helper", "ftp"]]),
  },
  NOTRACK: { tables: ["raw"], gen: () => [] },
  TRACE: { tables: ["raw"], gen: () => [] },
  CHECKSUM: { tables: ["mangle"], gen: () => ["--checksum-fill"] },
};

/** Which grammars the twin can take: extension names its registry knows. */
export interface Available {
  matches: string[];
  targets: string[];
}

export function availableFrom(reg: ExtensionRegistry): Available {
  return {
    matches: Object.keys(MATCH_GRAMMARS).filter((n) => reg.findMatch(n) !== undefined),
    targets: Object.keys(TARGET_GRAMMARS).filter((n) => reg.findTarget(n) !== undefined),
  };
}

// ---------------------------------------------------------------- rules

function hookAllows(hooks: readonly string[] | undefined, c: RuleCtx): boolean {
  return !hooks || c.hook === null || hooks.includes(c.hook);
}

export interface RuleOptions {
  /** Chains a jump may name (user chains of the table). */
  userChains: readonly string[];
  /** Allow -c (append/insert/replace). */
  counters?: boolean;
  /** Inject an error now and then. */
  errors?: boolean;
}

/** A rule specification (the words after `-A CHAIN`). */
export function genRule(r: Rng, av: Available, c0: Omit<RuleCtx, "proto">, o: RuleOptions): string[] {
  const c: RuleCtx = { ...c0, proto: null };
  const err = o.errors && r.chance(0.12);
  const core: string[][] = [];

  // Matches first: they decide the protocol.
  const matches: Array<[string, MatchGrammar]> = [];
  const n = r.weighted([
    [50, 0],
    [35, 1],
    [15, 2],
  ] as const);
  for (let k = 0; k < n && av.matches.length; k++) {
    const name = r.pick(av.matches);
    const g = MATCH_GRAMMARS[name]!;
    if (matches.some(([m]) => m === name) && name !== "comment") continue;
    if (!hookAllows(g.hooks, c) && !err) continue;
    if (g.protos) {
      if (c.proto && !g.protos.includes(c.proto)) continue;
      c.proto ??= r.pick(g.protos);
    }
    matches.push([name, g]);
  }
  let protoInv = false;
  if (!c.proto && r.chance(0.45)) {
    c.proto = r.pick(PROTOS).toLowerCase();
    protoInv = r.chance(0.1);
  }
  if (err && r.chance(0.3)) core.push(["-p", r.pick(BAD_PROTOS)]);
  else if (c.proto) core.push([...(protoInv ? ["!"] : []), "-p", r.chance(0.1) ? c.proto.toUpperCase() : c.proto]);
  if (protoInv) c.proto = null;

  const addr = (opt: string) => {
    if (err && r.chance(0.2)) return [opt, r.pick(BAD_ADDRS)];
    if (r.chance(0.15)) return [opt, r.pick(MULTI_ADDRS)];
    return [...inv(r), opt, r.pick(ADDRS)];
  };
  if (r.chance(0.3)) core.push(addr(r.pick(["-s", "--source", "--src"])));
  if (r.chance(0.3)) core.push(addr(r.pick(["-d", "--destination", "--dst"])));
  const inOk = c.hook === null || !["OUTPUT", "POSTROUTING"].includes(c.hook);
  const outOk = c.hook === null || !["INPUT", "PREROUTING"].includes(c.hook);
  if (r.chance(0.2) && (inOk || err)) core.push([...inv(r), r.pick(["-i", "--in-interface"]), r.pick(IFACES)]);
  if (r.chance(0.2) && (outOk || err)) core.push([...inv(r), r.pick(["-o", "--out-interface"]), r.pick(IFACES)]);
  if (r.chance(0.05)) core.push([...inv(r, 0.5), "-f"]);
  if (o.counters && r.chance(0.06))
    core.push(r.chance(0.5) ? ["-c", `${r.int(1000)}`, `${r.int(100000)}`] : ["-c", `${r.int(9)},${r.int(999)}`]);

  const words: string[] = [];
  for (const part of r.shuffle(core)) words.push(...part);
  for (const [name, g] of matches) {
    const opts = g.gen(r, c);
    const implicit = g.implicit && c.proto === name && !words.includes("-m") && r.chance(0.3) && opts.length > 0;
    if (!implicit) words.push("-m", name);
    words.push(...opts);
    if (err && r.chance(0.2)) words.push(r.pick(["--bogus-option", "--dport"]));
  }

  const target = genTarget(r, av, c, o.userChains, !!err, !!o.errors);
  if (target.length && r.chance(0.1)) return [...target, ...words];
  return [...words, ...target];
}

function genTarget(
  r: Rng,
  av: Available,
  c: RuleCtx,
  userChains: readonly string[],
  err: boolean,
  errors: boolean,
): string[] {
  const exts = av.targets.filter((t) => {
    const g = TARGET_GRAMMARS[t]!;
    return (
      (!g.tables || g.tables.includes(c.table)) &&
      hookAllows(g.hooks, c) &&
      (!g.protos || (c.proto && g.protos.includes(c.proto)))
    );
  });
  const kind = r.weighted([
    [10, "none"],
    [40, "verdict"],
    [userChains.length ? 18 : 0, "jump"],
    [userChains.length ? 5 : 0, "goto"],
    [exts.length ? 25 : 0, "ext"],
    [err ? 8 : 0, "bad"],
  ] as const);
  switch (kind) {
    case "none":
      return [];
    case "verdict": {
      // QUEUE: the nf_tables build cannot add it (ENOENT), so only where errors are wanted.
      const v =
        c.table === "nat"
          ? r.pick(["ACCEPT", "RETURN"])
          : r.pick(["ACCEPT", "DROP", "RETURN", "ACCEPT", "DROP", errors ? "QUEUE" : "DROP"]);
      return [r.pick(["-j", "--jump"]), v];
    }
    case "jump":
      return ["-j", r.pick(userChains)];
    case "goto":
      return [r.pick(["-g", "--goto"]), r.pick(userChains)];
    case "ext": {
      const name = r.pick(exts);
      return ["-j", name, ...TARGET_GRAMMARS[name]!.gen(r, c)];
    }
    default:
      return r.pick([["-j", "nochain"], ["-j", "DROP"], ["-g", "ACCEPT"], ["-j"], ["-j", "ACCEPT", "-j", "DROP"]]);
  }
}

/** Quotes a word for an iptables-restore line (double quotes, backslash escapes). */
export function restoreWord(w: string): string {
  if (w !== "" && !/[\s"\\']/.test(w)) return w;
  return `"${w.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

// ---------------------------------------------------------------- sequences

function userChainsOf(w: World, table: string): string[] {
  return [...(w.get(table)?.entries() ?? [])].filter(([, c]) => !c.builtin).map(([n]) => n);
}

function chainsOf(w: World, table: TableName): Array<[string, ChainState | undefined]> {
  const t = w.get(table);
  const out: Array<[string, ChainState | undefined]> = TABLE_CHAINS[table].map((n) => [n, t?.get(n)]);
  for (const u of userChainsOf(w, table)) out.push([u, t?.get(u)]);
  return out;
}

/**
 * Generates one command at a time from the current rule set (as the real
 * iptables-save shows it); `observe` tells it which rules were accepted.
 */
export class SequenceGen {
  readonly r: Rng;
  /** Rule specs accepted per table/chain, to delete or check by spec later. */
  private readonly specs = new Map<string, string[][]>();

  constructor(
    seed: number,
    readonly av: Available,
  ) {
    this.r = new Rng(seed);
  }

  private pickTable(): TableName {
    return this.r.weighted([
      [60, "filter"],
      [12, "nat"],
      [14, "mangle"],
      [7, "raw"],
      [7, "security"],
    ] as const);
  }

  private tflag(table: TableName): string[] {
    if (table === "filter" && this.r.chance(0.8)) return [];
    return [this.r.pick(["-t", "--table"]), table];
  }

  private pickChain(w: World, table: TableName, errors = true): string {
    const r = this.r;
    if (errors && r.chance(0.04)) return r.pick(["nosuchchain", "INPUT", "POSTROUTING", "input"]);
    const all = chainsOf(w, table).map(([n]) => n);
    return r.pick(all);
  }

  private ctxFor(table: TableName, chain: string): Omit<RuleCtx, "proto"> {
    return {
      table,
      chain,
      hook: (TABLE_CHAINS[table] as readonly string[]).includes(chain) ? chain : null,
    };
  }

  private rule(w: World, table: TableName, chain: string, counters = false): string[] {
    return genRule(this.r, this.av, this.ctxFor(table, chain), {
      userChains: userChainsOf(w, table),
      counters,
      errors: true,
    });
  }

  /** A rule already in the chain: its original words or its saved form; or an absent one. */
  private existingSpec(w: World, table: TableName, chain: string): string[] {
    const r = this.r;
    const known = this.specs.get(`${table}\0${chain}`) ?? [];
    const saved = w.get(table)?.get(chain)?.rules ?? [];
    if (known.length && r.chance(0.5)) return stripCounters(known[r.int(known.length)]!);
    if (saved.length && r.chance(0.8)) return splitSaved(r.pick(saved));
    return this.rule(w, table, chain);
  }

  next(w: World): Step {
    const r = this.r;
    const table = this.pickTable();
    const t = this.tflag(table);
    const chain = this.pickChain(w, table);
    const len = w.get(table)?.get(chain)?.rules.length ?? 0;
    const v = r.chance(0.08) ? ["-v"] : [];
    const op = r.weighted([
      [24, "append"],
      [9, "insert"],
      [8, "delete"],
      [6, "deletenum"],
      [5, "replace"],
      [5, "check"],
      [7, "newchain"],
      [5, "delchain"],
      [3, "rename"],
      [4, "policy"],
      [3, "flush"],
      [3, "zero"],
      [4, "list"],
      [6, "restore"],
      [2, "save"],
      [4, "odd"],
    ] as const);
    switch (op) {
      case "append":
        return {
          kind: "iptables",
          argv: [...t, r.pick(["-A", "--append"]), chain, ...this.rule(w, table, chain, true), ...v],
        };
      case "insert": {
        const num = r.chance(0.4) ? [] : [`${r.range(1, len + 2)}`];
        return {
          kind: "iptables",
          argv: [...t, "-I", chain, ...num, ...this.rule(w, table, chain, true), ...v],
        };
      }
      case "delete":
        return {
          kind: "iptables",
          argv: [...t, "-D", chain, ...this.existingSpec(w, table, chain), ...v],
        };
      case "deletenum":
        return {
          kind: "iptables",
          argv: [...t, "-D", chain, `${r.range(r.chance(0.05) ? 0 : 1, len + 1)}`],
        };
      case "replace":
        return {
          kind: "iptables",
          argv: [...t, "-R", chain, `${r.range(1, len + 1)}`, ...this.rule(w, table, chain, true), ...v],
        };
      case "check":
        return {
          kind: "iptables",
          argv: [...t, "-C", chain, ...this.existingSpec(w, table, chain), ...v],
        };
      case "newchain": {
        const name = r.chance(0.1) ? r.pick(BAD_CHAIN_NAMES) : r.pick(USER_CHAINS);
        return {
          kind: "iptables",
          argv: [...t, r.pick(["-N", "--new-chain", "--new"]), name],
        };
      }
      case "delchain": {
        const users = userChainsOf(w, table);
        const pick = r.weighted([
          [users.length ? 70 : 0, () => [r.pick(users)]],
          [8, () => []],
          [8, () => [r.pick(TABLE_CHAINS[table])]],
          [6, () => ["nosuchchain"]],
        ] as const)();
        return { kind: "iptables", argv: [...t, "-X", ...pick, ...v] };
      }
      case "rename": {
        const users = userChainsOf(w, table);
        const from = users.length && r.chance(0.85) ? r.pick(users) : r.pick([...TABLE_CHAINS[table], "nosuchchain"]);
        const to = r.chance(0.1) ? r.pick([...BAD_CHAIN_NAMES, ...users]) : r.pick(USER_CHAINS);
        return { kind: "iptables", argv: [...t, "-E", from, to] };
      }
      case "policy": {
        const c = r.chance(0.85) ? r.pick(TABLE_CHAINS[table]) : chain;
        const pol = r.weighted([
          [45, "ACCEPT"],
          [table === "nat" ? 3 : 45, "DROP"],
          [4, r.pick(["REJECT", "accept", "RETURN", "QUEUE", "-"])],
        ] as const);
        return { kind: "iptables", argv: [...t, "-P", c, pol] };
      }
      case "flush":
        return {
          kind: "iptables",
          argv: [...t, "-F", ...(r.chance(0.6) ? [chain] : []), ...v],
        };
      case "zero": {
        const args = r.weighted([
          [4, () => []],
          [4, () => [chain]],
          [2, () => [chain, `${r.range(1, len + 1)}`]],
        ] as const)();
        return { kind: "iptables", argv: [...t, "-Z", ...args, ...v] };
      }
      case "list": {
        const which = r.pick(["-L", "-S", "--list", "--list-rules"]);
        const args = r.chance(0.5) ? [chain, ...(r.chance(0.3) ? [`${r.range(1, len + 1)}`] : [])] : [];
        const listing = which === "-L" || which === "--list";
        const flags = listing
          ? [
              "-n",
              ...(r.chance(0.5) ? ["-v"] : []),
              ...(r.chance(0.3) ? ["-x"] : []),
              ...(r.chance(0.3) ? ["--line-numbers"] : []),
            ]
          : r.chance(0.2)
            ? ["-v"]
            : [];
        return { kind: "iptables", argv: [...t, which, ...args, ...flags] };
      }
      case "restore":
        return this.restore(w);
      case "odd":
        return { kind: "iptables", argv: [...t, ...r.pick(oddCommands(chain, len))] };
      default: {
        const args = [...(r.chance(0.3) ? ["-c"] : []), ...(r.chance(0.3) ? ["-t", this.pickTable()] : [])];
        return { kind: "save", args };
      }
    }
  }

  /** An iptables-restore run: a generated rule set, maybe --noflush, maybe one bad line. */
  private restore(w: World): Step {
    const r = this.r;
    const noflush = r.chance(0.35);
    const counters = r.chance(0.2);
    const args: string[] = [];
    if (noflush) args.push(r.pick(["-n", "--noflush"]));
    if (counters) args.push("-c");
    if (r.chance(0.05)) args.push("-t");
    if (r.chance(0.08)) args.push("-v");
    const tables = r.shuffle([...TABLES]).slice(
      0,
      r.weighted([
        [60, 1],
        [30, 2],
        [10, 3],
      ] as const),
    );
    if (r.chance(0.05)) args.push("-T", r.pick(tables));
    const bad = r.chance(0.15) ? r.int(tables.length) : -1;
    const input = genRestoreText(r, this.av, tables, {
      world: noflush ? w : undefined,
      counters,
      badTable: bad,
    });
    return { kind: "restore", args, input };
  }

  /** Records rules the real iptables accepted (for later -D/-C by spec). */
  observe(step: Step, status: number): void {
    if (step.kind !== "iptables" || status !== 0) return;
    let table = "filter";
    const rest: string[] = [];
    let chain: string | undefined;
    const a = step.argv;
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      if (x === "-t" || x === "--table") table = a[++i]!;
      else if (chain === undefined && (x === "-A" || x === "--append" || x === "-I")) {
        chain = a[++i];
        if (x === "-I" && /^\d+$/.test(a[i + 1] ?? "")) i++;
      } else if (x !== "-v") rest.push(x);
    }
    if (chain === undefined) return;
    const key = `${table}\0${chain}`;
    this.specs.set(key, [...(this.specs.get(key) ?? []), rest]);
  }
}

/** Words of a saved rule (iptables-save quotes with double quotes and backslashes). */
export function splitSaved(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let have = false;
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (q) {
      if (ch === "\\" && i + 1 < s.length) cur += s[++i];
      else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') {
      q = true;
      have = true;
    } else if (ch === " ") {
      if (have) out.push(cur);
      cur = "";
      have = false;
    } else {
      cur += ch;
      have = true;
    }
  }
  if (have) out.push(cur);
  return out;
}

export interface RestoreTextOptions {
  /** The current rule set, for --noflush edits (-D/-I/-F of what is there). */
  world?: World;
  /** `[p:b]` counters on rules. */
  counters?: boolean;
  /** Index of the table that gets one bad line (-1: none). */
  badTable?: number;
  /** Never produce lines that are expected to fail (property tests). */
  valid?: boolean;
}

const BAD_LINES = [
  "-A INPUT --bogus",
  "-A nosuchchain -j ACCEPT",
  "-A INPUT -j nosuchchain",
  "-X nosuchchain",
  "-D INPUT -s 203.0.113.77 -j DROP",
  "-P INPUT",
  ":INPUT",
  "-A INPUT -p 256",
  "bogus line",
  "-A INPUT -s 1.2.3.4/99",
];

/** The text of an iptables-restore input covering `tables`, in that order. */
export function genRestoreText(
  r: Rng,
  av: Available,
  tables: readonly TableName[],
  o: RestoreTextOptions = {},
): string {
  let out = "";
  tables.forEach((table, ti) => {
    const lines: string[] = [];
    out += r.chance(0.1) ? `# table ${table}\n` : "";
    out += `*${table}\n`;
    const builtins = TABLE_CHAINS[table];
    for (const c of builtins) {
      if (!o.valid && r.chance(0.1)) continue;
      const pol = table === "nat" || r.chance(0.7) ? "ACCEPT" : "DROP";
      lines.push(`:${c} ${pol} [${o.counters && r.chance(0.5) ? `${r.int(50)}:${r.int(5000)}` : "0:0"}]`);
    }
    const existing = o.world ? userChainsOf(o.world, table) : [];
    const users = r.shuffle([...USER_CHAINS]).slice(0, r.int(4));
    for (const u of users) lines.push(`:${u} - [0:0]`);
    const jumpable = [...new Set([...users, ...existing])];
    const chains = [...builtins, ...users];
    const nrules = r.int(8);
    for (let k = 0; k < nrules; k++) {
      const chain = r.pick(chains);
      const ctx = {
        table,
        chain,
        hook: (builtins as readonly string[]).includes(chain) ? chain : null,
      };
      const words = genRule(r, av, ctx, {
        userChains: jumpable,
        errors: !o.valid,
      });
      const pc = o.counters && r.chance(0.5) ? `[${r.int(100)}:${r.int(10000)}] ` : "";
      lines.push(`${pc}-A ${chain} ${words.map(restoreWord).join(" ")}`.trimEnd());
    }
    if (o.world && !o.valid) {
      // --noflush edits of what is there already.
      const t = o.world.get(table);
      for (const [name, c] of t ?? []) {
        if (c.rules.length && r.chance(0.3)) lines.push(`-D ${name} ${r.pick(c.rules)}`);
        if (r.chance(0.1)) lines.push(`-F ${name}`);
        if (r.chance(0.1)) lines.push(`-I ${name} 1 -j ${table === "nat" ? "ACCEPT" : "DROP"}`);
      }
    }
    if (!o.valid && r.chance(0.1) && users.length) lines.push(`-X ${r.pick(users)}`);
    if (!o.valid && r.chance(0.15)) {
      // Other commands a restore file may hold, and layout it must take.
      const odd = [
        "",
        "# a comment",
        `-N ${r.pick(USER_CHAINS)}`,
        `-P ${r.pick(builtins)} ${table === "nat" ? "ACCEPT" : "DROP"}`,
        "-Z",
        `-Z ${r.pick(builtins)}`,
        "-F",
        `-E ${r.pick([...users, "nosuchchain"])} renamed`,
        `  -A ${r.pick(builtins)} -j ACCEPT`,
        `-A ${r.pick(builtins)}  -s  10.0.0.1   -j ACCEPT`,
        `-I ${r.pick(builtins)} -j RETURN`,
        `-S`,
        `-L -n`,
        `-A ${r.pick(builtins)} -m comment --comment "a \\"quoted\\" word" -j ACCEPT`,
      ];
      lines.splice(r.int(lines.length + 1), 0, r.pick(odd));
    }
    if (ti === o.badTable) lines.splice(r.int(lines.length + 1), 0, r.pick(BAD_LINES));
    out += lines.map((l) => `${l}\n`).join("");
    if (!o.valid && r.chance(0.04)) return; // missing COMMIT
    out += "COMMIT\n";
  });
  return out;
}

/** A rule set described by small numbers, so that fast-check can shrink it. */
export interface RuleSetSpec {
  tables: TableName[];
  /** User chains per table (0..4). */
  userChains: number;
  rules: Array<{
    table: number;
    chain: number;
    seed: number;
    counters?: [number, number];
  }>;
  /** Seeds for the built-in chains' policies and counters. */
  policySeed: number;
}

/**
 * iptables-restore text for a spec: built-in chains with policies, user
 * chains, rules from the extension grammars. Jumps only go "down" (base
 * chain to user chain, user chain i to user chain j > i): no loops.
 */
export function ruleSetText(spec: RuleSetSpec, av: Available): string {
  const pr = new Rng(spec.policySeed);
  let out = "";
  spec.tables.forEach((table, ti) => {
    out += `*${table}\n`;
    const builtins = TABLE_CHAINS[table];
    for (const c of builtins) {
      const pol = table === "nat" || pr.chance(0.6) ? "ACCEPT" : "DROP";
      out += `:${c} ${pol} [${pr.chance(0.3) ? `${pr.int(100)}:${pr.int(10000)}` : "0:0"}]\n`;
    }
    const users = USER_CHAINS.slice(0, spec.userChains);
    for (const u of users) out += `:${u} - [0:0]\n`;
    const chains = [...builtins, ...users];
    for (const rs of spec.rules) {
      if (rs.table % spec.tables.length !== ti) continue;
      const chain = chains[rs.chain % chains.length]!;
      const ui = users.indexOf(chain);
      const jumpable = ui < 0 ? users : users.slice(ui + 1);
      const ctx = { table, chain, hook: ui < 0 ? chain : null };
      const words = genRule(new Rng(rs.seed), av, ctx, {
        userChains: jumpable,
        errors: false,
      });
      const pc = rs.counters ? `[${rs.counters[0]}:${rs.counters[1]}] ` : "";
      out += `${`${pc}-A ${chain} ${words.map(restoreWord).join(" ")}`.trimEnd()}\n`;
    }
    out += "COMMIT\n";
  });
  return out;
}

/** Lines that make iptables-restore fail wherever they appear in a table section. */
export const FAILING_LINES = [
  "-A INPUT --bogus-option",
  "-A nosuchchain -j ACCEPT",
  "-X nosuchchain",
  "bogus line",
  "-A FORWARD -p 256",
  "-D nosuchchain -s 203.0.113.77 -j DROP",
  "-N has space",
] as const;

/** Unusual but legal-looking invocations: bundled flags, misplaced options, combined commands, typos. */
function oddCommands(chain: string, len: number): string[][] {
  return [
    ["-nvL"],
    ["-L", "-n", "--line"],
    ["-vnxL", chain],
    ["-L", chain, "-n", "-Z"],
    ["-S", "-Z"],
    ["-Z", "-L", "-n", "-v"],
    ["-Z", chain, "-S"],
    ["-V"],
    ["-6", "-A", chain, "-j", "ACCEPT"],
    ["-4", "-A", chain, "-j", "ACCEPT"],
    ["-w", "-A", chain, "-j", "ACCEPT"],
    ["-w", "5", "-S"],
    ["-W", "100", "-S"],
    ["-A"],
    ["-A", chain, "--dport", "22"],
    ["-A", chain, "!", "!", "-s", "1.2.3.4"],
    ["-A", chain, "-s", "!", "1.2.3.4"],
    ["!", "-A", chain],
    ["-A", chain, "!", "-j", "ACCEPT"],
    ["-P", chain, "DROP", "-c", "5", "6"],
    ["-P", chain, "ACCEPT", "extra"],
    ["-I", chain, "0", "-j", "ACCEPT"],
    ["-I", chain, `${len + 1}`, "-j", "ACCEPT"],
    ["-D", chain, "0"],
    ["-R", chain, "1"],
    ["-L", chain, "x"],
    ["-L", chain, `${len + 3}`, "-n"],
    ["-F", chain, "extra"],
    ["-X", "a", "b"],
    ["-E", chain],
    ["-N"],
    ["--bogus"],
    ["-t", "nosuchtable", "-L"],
    ["-t", "filter", "-t", "nat", "-S"],
    ["-C", chain],
    ["-S", chain, "0"],
    ["-A", chain, "-p", "tcp", "-p", "udp"],
    ["-i", "eth0", "-A", chain, "-j", "ACCEPT"],
    ["-A", chain, "-i", ""],
    ["-A", chain, "-o", "abcdefghijklmnop"],
    ["-A", chain, "-i", "a/b"],
    ["-A", chain, "-j", "ACCEPT", "extra"],
    ["-A", chain, "-s", "10.0.0.1", "-s", "10.0.0.2"],
    ["-A", chain, "-c", "1"],
    ["-A", chain, "-c", "x", "y"],
    ["-A", chain, "-f", "-p", "tcp", "--dport", "80"],
    ["-A", chain, "-m", "nosuchmatch"],
    ["-A", chain, "-m", "tcp", "--dport", "80"],
    ["--append", chain, "--protocol", "tcp", "--jump", "ACCEPT"],
    [`--append=${chain}`, "-j", "ACCEPT"],
    ["-A", chain, "--proto", "udp", "--jump", "DROP"],
    ["-A", chain, "-j", "RETURN", "-v", "-v"],
    ["-S", chain, "-v", "-v"],
    ["-L", "-n", "-v", "-v", chain],
    ["-F", "-v"],
    ["-Z", "-v"],
    ["-X", "-v"],
    ["-E", chain, chain],
    ["-N", chain],
    ["-A", chain, "-s", "0/0", "-d", "0.0.0.0/0.0.0.0", "-j", "ACCEPT"],
    ["-A", chain, "-s", "10.0.0.0/8", "!", "-d", "10.0.0.0/8"],
    ["-A", chain, "-p", "0"],
    ["-A", chain, "!", "-p", "0"],
    ["-A", chain, "-p", "all", "!", "-f"],
  ];
}
