/**
 * The twin host's network configuration, kept the way the kernel keeps it:
 * interfaces (loopback, veth pairs, bridges, dummies) with their IPv4
 * addresses in kernel list order, the FIB tables with kernel insertion order
 * (routes the kernel derives from addresses are added and removed on the same
 * events as in net/ipv4/fib_frontend.c), the per-device and global sysctls
 * with their coupling, and route lookups (output, input with reverse-path
 * check). Pure data and lookups: no Node built-ins, runs in a browser too.
 */
import { cidrToMask } from "../core/ipv4.js";
import type { Mac } from "../core/packet.js";
import { Rng } from "../core/rng.js";
import {
  RTN_ANYCAST,
  RTN_BLACKHOLE,
  RTN_BROADCAST,
  RTN_LOCAL,
  RTN_MULTICAST,
  RTN_NAT,
  RTN_PROHIBIT,
  RTN_THROW,
  RTN_UNICAST,
  RTN_UNREACHABLE,
} from "./context.js";
import {
  defaultRules,
  type FibRule,
  FR_ACT_BLACKHOLE,
  FR_ACT_GOTO,
  FR_ACT_NOP,
  FR_ACT_PROHIBIT,
  FR_ACT_TO_TBL,
  FR_ACT_UNREACHABLE,
  findRule,
  insertRule,
  type RuleFlow,
  type RuleSelector,
  removeRule,
  requiresFlowDissect,
  ruleExists,
  ruleMatches,
  rulesFromJSON,
  rulesToJSON,
} from "./fib-rules.js";
import {
  type ConfKind,
  formatConf,
  GLOBAL_KIND,
  GLOBAL_SYSCTLS,
  IPV4_CONF,
  IPV4_CONF_KEYS,
  LOOPBACK_CONF,
  parseConfWrite,
} from "./net-conf.js";

/** "ether": a host's own Ethernet NIC (a lab host's eth0, cabled to another host by src/lab). */
export type IfaceKind = "loopback" | "dummy" | "veth" | "bridge" | "ether";

export const RT_SCOPE_UNIVERSE = 0;
export const RT_SCOPE_SITE = 200;
export const RT_SCOPE_LINK = 253;
export const RT_SCOPE_HOST = 254;
export const RT_SCOPE_NOWHERE = 255;

export const RTPROT_KERNEL = 2;
export const RTPROT_BOOT = 3;
export const RTPROT_STATIC = 4;

export const RT_TABLE_DEFAULT = 253;
export const RT_TABLE_MAIN = 254;
export const RT_TABLE_LOCAL = 255;

/** Route type names as iproute2 prints them (rtnl_rtntype_n2a). */
export const RTN_NAMES = [
  "none",
  "unicast",
  "local",
  "broadcast",
  "anycast",
  "multicast",
  "blackhole",
  "unreachable",
  "prohibit",
  "throw",
  "nat",
  "xresolve",
];

export interface IfAddr {
  /** ifa_local. */
  addr: number;
  /** ifa_address: the peer for point-to-point addresses, else the local address. */
  peer: number;
  plen: number;
  /** Broadcast address, 0 for none. */
  brd: number;
  /** RT_SCOPE_*. */
  scope: number;
  secondary: boolean;
  label: string;
  /** IFA_RT_PRIORITY: metric of the prefix route. */
  metric: number;
  noprefixroute: boolean;
}

export interface Iface {
  index: number;
  name: string;
  kind: IfaceKind;
  mac: Mac;
  mtu: number;
  /** Administratively up (IFF_UP). */
  up: boolean;
  txqlen: number;
  group: number;
  /** IPv4 addresses in kernel list order (primaries by scope, then secondaries). */
  addrs: IfAddr[];
  /** ifindex of the veth peer (0: none). */
  peer: number;
  /** ifindex of the bridge this device is a port of (0: none). */
  master: number;
  /** Bridge: the address was chosen by the user (NET_ADDR_SET), so ports do not change it. */
  macSet: boolean;
  /** Bridge: the MTU was set by the user, so ports do not change it. */
  mtuSet: boolean;
  /** Bridge: the carrier has been evaluated from the ports at least once. */
  brEval: boolean;
  /** Has been up: its qdisc stays "noqueue" once attached. */
  everUp?: boolean;
  /** The device has IPv4 (in_device): false while its MTU is below 68. */
  inet: boolean;
  /** net.ipv4.conf.DEV.* values, and the keys written explicitly (the kernel's state bits). */
  conf: Record<string, number>;
  confSet: string[];
  /** net.ipv6.conf.DEV.disable_ipv6 (the twin has no IPv6 whatever it says). */
  disableIpv6: number;
  alias: string;
}

export interface Route {
  table: number;
  /** RTN_*. */
  type: number;
  dst: number;
  plen: number;
  tos: number;
  metric: number;
  /** RTPROT_*. */
  proto: number;
  /** RT_SCOPE_*. */
  scope: number;
  prefsrc: number;
  gateway: number;
  /** ifindex of the nexthop device (0: none). */
  oif: number;
  onlink: boolean;
  /** Scope of the nexthop (fib_nh_scope): NOWHERE for host routes, HOST for direct ones, LINK via a gateway. */
  nhScope: number;
  /** Only on what a rule's blackhole / unreachable / prohibit action answers: its error. */
  ruleErr?: Errno;
}

interface FibTable {
  id: number;
  /** Creation order (tables of the same hash bucket dump newest first). */
  seq: number;
  /** In dump order: by destination, longer prefixes first, then alias order. */
  routes: Route[];
}

export type Errno =
  | "EPERM"
  | "ENOENT"
  | "ESRCH"
  | "EBUSY"
  | "EEXIST"
  | "ENODEV"
  | "EINVAL"
  | "ENOBUFS"
  | "EACCES"
  | "ERANGE"
  | "ELOOP"
  | "EOPNOTSUPP"
  | "EADDRNOTAVAIL"
  | "ENETDOWN"
  | "ENETUNREACH"
  | "ENOTCONN"
  | "EHOSTUNREACH"
  | "EXDEV";

/** A kernel error: errno, and the extended ack message when the kernel gives one. */
export interface KErr {
  errno: Errno;
  extack?: string;
}

export const STRERROR: Record<Errno, string> = {
  EPERM: "Operation not permitted",
  ENOENT: "No such file or directory",
  ESRCH: "No such process",
  EBUSY: "Device or resource busy",
  EEXIST: "File exists",
  ENODEV: "No such device",
  EINVAL: "Invalid argument",
  ENOBUFS: "No buffer space available",
  EACCES: "Permission denied",
  ERANGE: "Numerical result out of range",
  ELOOP: "Too many levels of symbolic links",
  EOPNOTSUPP: "Operation not supported",
  EADDRNOTAVAIL: "Cannot assign requested address",
  ENETDOWN: "Network is down",
  ENETUNREACH: "Network is unreachable",
  ENOTCONN: "Transport endpoint is not connected",
  EHOSTUNREACH: "No route to host",
  EXDEV: "Invalid cross-device link",
};

export function kerr(errno: Errno, extack?: string): KErr {
  return extack === undefined ? { errno } : { errno, extack };
}

/** Route types as the rest of the twin names them. */
export type RouteType =
  | "unicast"
  | "local"
  | "broadcast"
  | "blackhole"
  | "unreachable"
  | "prohibit"
  | "multicast"
  | "throw"
  | "anycast"
  | "nat";

export interface RouteResult {
  type: RouteType;
  route?: Route;
  /** Output device name ("lo" for local delivery). */
  dev: string;
  gateway: number;
  /** Preferred source address. */
  src: number;
}

/** A route as `ip route get` reports it (rt_fill_info). */
export interface RouteGet {
  type: number;
  /** Output device (ifindex). */
  oif: number;
  gateway: number;
  /** fl4->saddr: the source the route picked. */
  src: number;
  /** RTCF_* flags. */
  flags: number;
  /** The FIB entry that matched (for fibmatch), if any. */
  fib?: Route;
  input: boolean;
  redirect: boolean;
}

export const RTCF_NOTIFY = 0x00010000;
export const RTCF_DOREDIRECT = 0x01000000;
export const RTCF_BROADCAST = 0x10000000;
export const RTCF_MULTICAST = 0x20000000;
export const RTCF_LOCAL = 0x80000000;

/** fib_props[type].error for the route types that reject. */
const TYPE_ERROR: Record<number, Errno | undefined> = {
  [RTN_BLACKHOLE]: "EINVAL",
  [RTN_UNREACHABLE]: "EHOSTUNREACH",
  [RTN_PROHIBIT]: "EACCES",
  [RTN_THROW]: "EAGAIN" as Errno,
};

/** The error a looked-up route gives (a rejecting type's, or a rule's own), undefined for a usable one. */
function routeErrno(r: Route): Errno | undefined {
  return r.ruleErr ?? TYPE_ERROR[r.type];
}

const LOOPBACK_IFINDEX = 1;
const VS_TX_REDIRECTS = 4;
const VS_ACCEPT_LOCAL = 8;
const MERGED_MAIN = [RT_TABLE_LOCAL, RT_TABLE_MAIN];
const DEFAULT_ONLY = [RT_TABLE_DEFAULT];

/** What a rule's blackhole / unreachable / prohibit action answers (fib4_rule_action()): a route of no table. */
function ruleReject(type: number, err: Errno): Route {
  return {
    table: 0,
    type,
    dst: 0,
    plen: 0,
    tos: 0,
    metric: 0,
    proto: 0,
    scope: RT_SCOPE_UNIVERSE,
    prefsrc: 0,
    gateway: 0,
    oif: 0,
    onlink: false,
    nhScope: RT_SCOPE_NOWHERE,
    ruleErr: err,
  };
}
const RULE_REJECT: Record<number, Route> = {
  [FR_ACT_BLACKHOLE]: ruleReject(RTN_BLACKHOLE, "EINVAL"),
  [FR_ACT_UNREACHABLE]: ruleReject(RTN_UNREACHABLE, "ENETUNREACH"),
  [FR_ACT_PROHIBIT]: ruleReject(RTN_PROHIBIT, "EACCES"),
};

/** fib_props[type].scope: the narrowest scope a route of the type may have. */
const TYPE_SCOPE: Record<number, number> = {
  [RTN_UNICAST]: RT_SCOPE_UNIVERSE,
  [RTN_LOCAL]: RT_SCOPE_HOST,
  [RTN_BROADCAST]: RT_SCOPE_LINK,
  [RTN_ANYCAST]: RT_SCOPE_LINK,
  [RTN_MULTICAST]: RT_SCOPE_UNIVERSE,
  [RTN_BLACKHOLE]: RT_SCOPE_UNIVERSE,
  [RTN_UNREACHABLE]: RT_SCOPE_UNIVERSE,
  [RTN_PROHIBIT]: RT_SCOPE_UNIVERSE,
  [RTN_THROW]: RT_SCOPE_UNIVERSE,
  [RTN_NAT]: RT_SCOPE_NOWHERE,
};

const TYPE_NAME: Record<number, RouteType> = {
  [RTN_UNICAST]: "unicast",
  [RTN_LOCAL]: "local",
  [RTN_BROADCAST]: "broadcast",
  [RTN_ANYCAST]: "anycast",
  [RTN_MULTICAST]: "multicast",
  [RTN_BLACKHOLE]: "blackhole",
  [RTN_UNREACHABLE]: "unreachable",
  [RTN_PROHIBIT]: "prohibit",
  [RTN_THROW]: "throw",
  [RTN_NAT]: "nat",
};

/** A route request as `ip route add/del/replace` sends it (struct fib_config). */
export interface RouteSpec {
  table: number;
  /** RTN_*, 0 = unspecified (delete). */
  type: number;
  dst: number;
  plen: number;
  tos: number;
  metric: number;
  /** 0 = unspecified (delete). */
  proto: number;
  /** RT_SCOPE_NOWHERE = unspecified (delete). */
  scope: number;
  prefsrc: number;
  gateway: number;
  oif: number;
  onlink: boolean;
}

export interface RouteFlags {
  create?: boolean;
  excl?: boolean;
  replace?: boolean;
  append?: boolean;
}

/** A flow to route (struct flowi4). */
export interface Flow {
  dst: number;
  src?: number;
  oif?: number;
  iif?: number;
  mark?: number;
  tos?: number;
  /** What policy rules by ipproto, ports and uid read (flowi4_proto, fl4_sport/dport, flowi4_uid). */
  proto?: number;
  sport?: number;
  dport?: number;
  uid?: number;
}

/** What to create with `ip link add`. */
export interface LinkSpec {
  name?: string;
  mac?: Mac;
  /** Raw address length given (EINVAL unless 6). */
  macLen?: number;
  mtu?: number;
  up?: boolean;
  txqlen?: number;
  group?: number;
  master?: number;
  alias?: string;
}

/** What `ip addr add` asks for. */
export interface AddrSpec {
  addr: number;
  /** IFA_ADDRESS: the peer, when given. */
  peer?: number;
  plen: number;
  brd: number;
  scope: number;
  label?: string;
  metric: number;
  noprefixroute: boolean;
}

export interface NetConfigOptions {
  /** A source of uniformly distributed 32-bit integers (random MAC addresses); a seeded generator by default. */
  random32?: () => number;
  seed?: number;
}

const isMulticast = (a: number) => a >>> 28 === 0xe;
const isLoopbackAddr = (a: number) => a >>> 24 === 127;
const isZeronet = (a: number) => a >>> 24 === 0;
const LBCAST = 0xffffffff;

function inSubnet(a: number, net: number, plen: number): boolean {
  const m = cidrToMask(plen);
  return (a & m) >>> 0 === (net & m) >>> 0;
}

function freshConf(dflt: Record<string, number>): Record<string, number> {
  return { ...dflt };
}

export class NetConfig {
  /** Interfaces in ifindex order. */
  ifaces: Iface[] = [];
  tables = new Map<number, FibTable>();
  /** Global sysctls (stored form, see net-conf.ts). */
  sys = new Map<string, number>();
  confAll: Record<string, number> = {};
  confDflt: Record<string, number> = {};
  confDfltSet: string[] = [];
  v6All = 1;
  v6Dflt = 1;
  nextIndex = 1;
  private tableSeq = 0;
  /** A route of type local was added by a user (fib_has_custom_local_routes). */
  customLocalRoutes = false;
  /** Whether a policy rule reads transport headers (inputFlow()), valid in generation dissectGen. */
  private dissect = false;
  private dissectGen = -1;
  /** validateSource()'s per-device sysctls (rp_filter | VS_*) and local addresses, valid in generation vsGen. */
  private vsGen = -1;
  private readonly vsFlags: number[] = [];
  private readonly vsLocal = new Set<number>();
  /** Policy routing rules in priority order (`ip rule`). */
  rules: FibRule[] = defaultRules();
  /**
   * A rule was added or deleted (fib_has_custom_rules, and fib_unmerge() has split the local table
   * from main): lookups walk the rules. Until then the kernel looks up main, which holds the local
   * routes too, then default.
   */
  customRules = false;
  /** Bumped on every change, so that callers know when to save. */
  gen = 0;
  rng: Rng;
  private readonly random32: () => number;

  constructor(opts: NetConfigOptions = {}) {
    this.rng = new Rng(opts.seed ?? 0x6e657431);
    this.random32 = opts.random32 ?? (() => this.rng.next32());
    for (const c of IPV4_CONF) {
      this.confAll[c.key] = c.all;
      this.confDflt[c.key] = c.dflt;
    }
    for (const [name, , v] of GLOBAL_SYSCTLS) this.sys.set(name, v);
    this.table(RT_TABLE_MAIN, true);
    this.table(RT_TABLE_LOCAL, true);
    // A booted host: lo exists, is up and has 127.0.0.1/8.
    const lo = this.register("loopback", "lo", 0, 65536);
    this.setUp(lo, true);
    this.gen = 0;
  }

  // ---------------------------------------------------------------- interfaces

  iface(name: string): Iface | undefined {
    // loops, not find(): these run several times per packet
    const l = this.ifaces;
    for (let i = 0; i < l.length; i++) if (l[i]!.name === name) return l[i];
    return undefined;
  }

  ifaceByIndex(index: number): Iface | undefined {
    const l = this.ifaces;
    for (let i = 0; i < l.length; i++) if (l[i]!.index === index) return l[i];
    return undefined;
  }

  nameOf(index: number): string {
    return this.ifaceByIndex(index)?.name ?? `if${index}`;
  }

  /** eth_random_addr(): a random unicast, locally administered address. */
  randomMac(): Mac {
    const hi = this.random32();
    const lo = this.random32();
    const b0 = (((hi >>> 24) & 0xfe) | 0x02) >>> 0;
    const top = (b0 << 8) | ((hi >>> 16) & 0xff);
    const low = (((hi & 0xffff) << 16) | (lo & 0xffff)) >>> 0;
    return top * 2 ** 32 + low;
  }

  /** dev_alloc_name(): the first free NAME%d. */
  allocName(pattern: string): string {
    for (let n = 0; ; n++) {
      const name = pattern.replace("%d", String(n));
      if (!this.iface(name)) return name;
    }
  }

  private register(kind: IfaceKind, name: string, mac: Mac, mtu: number): Iface {
    const i: Iface = {
      index: this.nextIndex++,
      name,
      kind,
      mac,
      mtu,
      up: false,
      txqlen: 1000,
      group: 0,
      addrs: [],
      peer: 0,
      master: 0,
      macSet: false,
      mtuSet: false,
      brEval: false,
      inet: mtu >= 68,
      conf: freshConf(this.confDflt),
      confSet: [...this.confDfltSet],
      disableIpv6: this.v6Dflt,
      alias: "",
    };
    if (kind === "loopback") {
      for (const [k, v] of LOOPBACK_CONF) {
        i.conf[k] = v;
        if (!i.confSet.includes(k)) i.confSet.push(k);
      }
    }
    this.ifaces.push(i);
    this.ifaces.sort((a, b) => a.index - b.index);
    this.gen++;
    return i;
  }

  static minMtu(kind: IfaceKind): number {
    return kind === "loopback" || kind === "dummy" ? 0 : 68;
  }

  static maxMtu(kind: IfaceKind): number {
    return kind === "loopback" ? Number.POSITIVE_INFINITY : 65535;
  }

  /** IFF_LOWER_UP material: whether the device has carrier. */
  carrier(i: Iface): boolean {
    switch (i.kind) {
      case "loopback":
      case "dummy":
      case "ether":
        return true;
      case "veth": {
        const p = this.ifaceByIndex(i.peer);
        return i.up && !!p && p.up;
      }
      case "bridge":
        if (!i.brEval) return true;
        return i.up && this.ifaces.some((p) => p.master === i.index && p.up && this.carrier(p));
    }
  }

  /** RFC 2863 operational state as iproute2 names it. */
  operstate(i: Iface): "UP" | "DOWN" | "UNKNOWN" | "LOWERLAYERDOWN" {
    if (!i.up) return "DOWN";
    switch (i.kind) {
      case "loopback":
      case "dummy":
        return "UNKNOWN";
      case "veth":
        return this.carrier(i) ? "UP" : "LOWERLAYERDOWN";
      case "ether":
        return "UP";
      case "bridge":
        if (!i.brEval) return "UNKNOWN";
        return this.carrier(i) ? "UP" : "DOWN";
    }
  }

  /** Link flags, in iproute2's print order. */
  linkFlags(i: Iface): string[] {
    const f: string[] = [];
    const running = i.up && this.operstate(i) !== "DOWN" && this.operstate(i) !== "LOWERLAYERDOWN";
    if (i.up && !running) f.push("NO-CARRIER");
    if (i.kind === "loopback") f.push("LOOPBACK");
    else f.push("BROADCAST");
    if (i.kind === "veth" || i.kind === "bridge" || i.kind === "ether") f.push("MULTICAST");
    if (i.kind === "dummy") f.push("NOARP");
    if (i.up) f.push("UP");
    if (i.up && this.carrier(i)) f.push("LOWER_UP");
    return f;
  }

  /** `ip link add`: creates a device (and its veth peer first). */
  addLink(kind: IfaceKind, spec: LinkSpec, peer?: LinkSpec): KErr | undefined {
    if (spec.name !== undefined && this.iface(spec.name)) return kerr("EEXIST");
    const check = (s: LinkSpec): KErr | undefined => {
      if (s.mtu !== undefined) {
        if (kind === "veth") {
          if (s.mtu < 68 || s.mtu > 65535) return kerr("EINVAL");
        } else if (s.mtu < NetConfig.minMtu(kind)) return kerr("EINVAL", "mtu less than device minimum");
        else if (s.mtu > NetConfig.maxMtu(kind)) return kerr("EINVAL", "mtu greater than device maximum");
      }
      if (s.macLen !== undefined) {
        if (s.macLen !== 6) return kerr("EINVAL");
        if (!validEther(s.mac!)) return kerr("EADDRNOTAVAIL");
      }
      return undefined;
    };
    let e = check(spec);
    if (e) return e;
    if (kind === "veth" && peer) {
      e = check(peer);
      if (e) return e;
    }
    const master = spec.master;
    if (master !== undefined && master !== 0 && !this.ifaceByIndex(master)) return kerr("EINVAL");
    let p: Iface | undefined;
    if (kind === "veth") {
      const ps = peer ?? {};
      const pname = ps.name ?? this.allocName("veth%d");
      if (this.iface(pname)) return kerr("EEXIST");
      p = this.register("veth", pname, ps.mac ?? this.randomMac(), ps.mtu ?? 1500);
      this.applyCommon(p, ps);
      if (ps.up) {
        // veth_open() on the peer before its own peer exists.
        this.unregister(p);
        return kerr("ENOTCONN");
      }
    }
    const name = spec.name ?? this.allocName(kind === "veth" ? "veth%d" : kind === "bridge" ? "bridge%d" : "dummy%d");
    if (this.iface(name)) {
      if (p) this.unregister(p);
      return kerr("EEXIST");
    }
    const i = this.register(kind, name, spec.mac ?? this.randomMac(), spec.mtu ?? 1500);
    this.applyCommon(i, spec);
    if (p) {
      i.peer = p.index;
      p.peer = i.index;
    }
    if (kind === "bridge" && spec.mac !== undefined) {
      i.macSet = true;
      i.brEval = true;
    }
    if (spec.up) this.setUp(i, true);
    if (master) {
      const err = this.setMaster(i, master);
      if (err) {
        this.deleteLink(i);
        return err;
      }
    }
    return undefined;
  }

  private applyCommon(i: Iface, s: LinkSpec): void {
    if (s.txqlen !== undefined) i.txqlen = s.txqlen;
    if (s.group !== undefined) i.group = s.group;
    if (s.alias !== undefined) i.alias = s.alias;
  }

  private unregister(i: Iface): void {
    this.ifaces = this.ifaces.filter((x) => x !== i);
    this.gen++;
  }

  /** `ip link del`. */
  deleteLink(i: Iface): KErr | undefined {
    if (i.kind === "loopback") return kerr("EOPNOTSUPP");
    const gone = [i];
    if (i.kind === "veth") {
      const p = this.ifaceByIndex(i.peer);
      if (p) gone.push(p);
    }
    for (const g of gone) {
      if (g.up) this.setUp(g, false);
      if (g.master) this.setMaster(g, 0);
      if (g.kind === "bridge")
        for (const port of this.ifaces.filter((x) => x.master === g.index)) this.setMaster(port, 0);
      const locals = g.addrs.map((a) => a.addr);
      g.addrs = [];
      // NETDEV_UNREGISTER: every route through the device goes, host routes too.
      this.removeRoutes((r) => r.oif === g.index);
      // Addresses the local table no longer resolves as local take their preferring routes along.
      for (const a of locals) if (this.addrTypeDev(a) !== RTN_LOCAL) this.syncDownAddr(a);
      this.unregister(g);
    }
    return undefined;
  }

  /** dev_open() / dev_close() and what the kernel does around them. */
  setUp(i: Iface, up: boolean): KErr | undefined {
    if (i.up === up) return undefined;
    const bridgeOf = i.master ? this.ifaceByIndex(i.master) : undefined;
    if (up) {
      if (i.kind === "veth" && !this.ifaceByIndex(i.peer)) return kerr("ENOTCONN");
      i.up = true;
      i.everUp = true;
      if (i.inet && i.kind === "loopback") {
        // ipv4_devconf_setall(): from now on lo keeps its values whatever conf.default says.
        i.confSet = IPV4_CONF.map((c) => c.key);
        if (!i.addrs.some((a) => a.addr === 0x7f000001 && a.plen === 8)) {
          this.insertAddr(i, {
            addr: 0x7f000001,
            plen: 8,
            brd: 0,
            scope: RT_SCOPE_HOST,
            metric: 0,
            noprefixroute: false,
          });
        }
      }
      for (const a of [...i.addrs]) this.fibAddIfaddr(i, a);
    } else {
      i.up = false;
      // fib_disable_ip(): routes through the device die, host-scope ones survive.
      this.removeRoutes((r) => r.oif === i.index && r.nhScope !== RT_SCOPE_NOWHERE);
    }
    if (bridgeOf) bridgeOf.brEval = true;
    if (i.kind === "veth") {
      const p = this.ifaceByIndex(i.peer);
      if (p?.master) this.ifaceByIndex(p.master)!.brEval = true;
    }
    this.gen++;
    return undefined;
  }

  /** dev_set_mac_address(). */
  setMac(i: Iface, mac: Mac): KErr | undefined {
    if (i.kind === "loopback") return kerr("EOPNOTSUPP");
    if (!validEther(mac)) return kerr("EADDRNOTAVAIL");
    i.mac = mac;
    if (i.kind === "bridge") {
      i.macSet = true;
      i.brEval = true;
    } else if (i.master) this.bridgeRecalcMac(this.ifaceByIndex(i.master)!);
    this.gen++;
    return undefined;
  }

  /** dev_set_mtu_ext(). */
  setMtu(i: Iface, mtu: number): KErr | undefined {
    if (mtu === i.mtu) return undefined;
    if (mtu < 0 || mtu < NetConfig.minMtu(i.kind)) return kerr("EINVAL", "mtu less than device minimum");
    if (mtu > NetConfig.maxMtu(i.kind)) return kerr("EINVAL", "mtu greater than device maximum");
    i.mtu = mtu;
    if (i.kind === "bridge") i.mtuSet = true;
    if (i.master) this.bridgeMtuAdjust(this.ifaceByIndex(i.master)!);
    if (mtu < 68 && i.inet) {
      // inetdev_destroy(): the addresses and the IPv4 settings go.
      for (const a of [...i.addrs]) this.removeAddr(i, a, false);
      i.inet = false;
      this.removeRoutes((r) => r.oif === i.index);
    } else if (mtu >= 68 && !i.inet) {
      i.inet = true;
      i.conf = freshConf(this.confDflt);
      i.confSet = [...this.confDfltSet];
    }
    this.gen++;
    return undefined;
  }

  /** dev_change_name(). */
  rename(i: Iface, name: string): KErr | undefined {
    if (name === i.name) return undefined;
    if (this.iface(name)) return kerr("EEXIST");
    i.name = name;
    // inetdev_changename(): the first label becomes the name, the others keep their suffix.
    i.addrs.forEach((a, n) => {
      if (n === 0) {
        a.label = name;
        return;
      }
      const colon = a.label.indexOf(":");
      const dot = colon >= 0 ? a.label.slice(colon) : `:${n + 1}`;
      a.label = dot.length + name.length < 16 ? name + dot : name.slice(0, 16 - dot.length - 1) + dot;
    });
    this.gen++;
    return undefined;
  }

  /** do_set_master(): 0 releases. */
  setMaster(i: Iface, master: number): KErr | undefined {
    if (i.master === master) return undefined;
    if (i.master) {
      const old = this.ifaceByIndex(i.master)!;
      i.master = 0;
      old.brEval = true;
      this.bridgeRecalcMac(old);
      this.bridgeMtuAdjust(old);
    }
    if (master) {
      const br = this.ifaceByIndex(master);
      if (!br) return kerr("EINVAL");
      if (br.kind !== "bridge") return kerr("EOPNOTSUPP");
      if (i.kind === "loopback") return kerr("EINVAL");
      if (i.kind === "bridge") return kerr("ELOOP", "Can not enslave a bridge to a bridge");
      i.master = br.index;
      br.brEval = true;
      this.bridgeRecalcMac(br);
      this.bridgeMtuAdjust(br);
    }
    this.gen++;
    return undefined;
  }

  /** br_stp_recalculate_bridge_id(): the lowest port address, unless the user chose one. */
  private bridgeRecalcMac(br: Iface): void {
    if (br.macSet) return;
    let best: Mac | undefined;
    for (const p of this.ifaces) if (p.master === br.index && (best === undefined || p.mac < best)) best = p.mac;
    br.mac = best ?? 0;
  }

  /** br_mtu_auto_adjust(). */
  private bridgeMtuAdjust(br: Iface): void {
    if (br.mtuSet) return;
    let m = 0;
    for (const p of this.ifaces) if (p.master === br.index && (!m || p.mtu < m)) m = p.mtu;
    br.mtu = m || 1500;
  }

  // ------------------------------------------------------------------ addresses

  /** inet_rtm_newaddr() (NLM_F_CREATE|NLM_F_EXCL unless `replace`). */
  addAddr(i: Iface, spec: AddrSpec, mode: "add" | "replace" = "add"): KErr | undefined {
    if (spec.label !== undefined && spec.label.length > 15) return kerr("EINVAL", "Attribute failed policy validation");
    if (!i.inet) return kerr("ENOBUFS");
    // rtm_to_ifaddr(): ipv4_devconf_setall(): the device stops following conf.default.
    i.confSet = IPV4_CONF.map((c) => c.key);
    const peer = spec.peer ?? spec.addr;
    const existing = i.addrs.find(
      (a) => a.plen === spec.plen && inSubnet(a.peer, peer, spec.plen) && a.addr === spec.addr,
    );
    if (existing) {
      if (mode === "add") return kerr("EEXIST", "ipv4: Address already assigned");
      if (existing.metric !== spec.metric) {
        // fib_modify_prefix_metric(): the prefix route is replaced by one with the new metric.
        const prefix = (existing.peer & cidrToMask(existing.plen)) >>> 0;
        const old = this.tableRoutes(RT_TABLE_MAIN).find(
          (r) =>
            r.proto === RTPROT_KERNEL &&
            r.oif === i.index &&
            r.prefsrc === existing.addr &&
            r.dst === prefix &&
            r.plen === existing.plen &&
            r.type === RTN_UNICAST,
        );
        existing.metric = spec.metric;
        if (old) {
          this.removeRoutes((r) => r === old);
          this.insertRoute({ ...old, metric: spec.metric }, { create: true, append: true });
        }
      }
      this.gen++;
      return undefined;
    }
    if (!spec.addr) return undefined;
    return this.insertAddr(i, spec);
  }

  /** __inet_insert_ifa(). */
  private insertAddr(i: Iface, s: AddrSpec): KErr | undefined {
    const a: IfAddr = {
      addr: s.addr,
      peer: s.peer ?? s.addr,
      plen: s.plen,
      brd: s.brd,
      scope: s.scope,
      secondary: false,
      label: s.label ?? i.name,
      metric: s.metric,
      noprefixroute: s.noprefixroute,
    };
    let lastPrimary = 0;
    for (let n = 0; n < i.addrs.length; n++) {
      const b = i.addrs[n]!;
      if (!b.secondary && a.scope <= b.scope) lastPrimary = n + 1;
      if (b.plen === a.plen && inSubnet(b.peer, a.peer, a.plen)) {
        if (b.addr === a.addr) return kerr("EEXIST", "ipv4: Address already assigned");
        if (b.scope !== a.scope) return kerr("EINVAL", "ipv4: Invalid scope value");
        a.secondary = true;
      }
    }
    if (a.secondary) i.addrs.push(a);
    else i.addrs.splice(lastPrimary, 0, a);
    this.fibAddIfaddr(i, a);
    this.gen++;
    return undefined;
  }

  /** inet_rtm_deladdr(): the first address matching. */
  delAddr(i: Iface, m: { addr: number; peer?: number; plen?: number; label?: string }): KErr | undefined {
    for (const a of i.addrs) {
      if (a.addr !== m.addr) continue;
      if (m.label !== undefined && a.label !== m.label) continue;
      if (m.plen !== undefined && (a.plen !== m.plen || !inSubnet(m.peer ?? m.addr, a.peer, a.plen))) continue;
      this.removeAddr(i, a, true);
      return undefined;
    }
    return kerr("EADDRNOTAVAIL", "ipv4: Address not found");
  }

  /** The primary address of `a`'s subnet (inet_ifa_byprefix). */
  private primaryOf(i: Iface, a: IfAddr): IfAddr | undefined {
    if (!a.secondary) return a;
    return i.addrs.find((b) => !b.secondary && b.plen === a.plen && inSubnet(b.peer, a.peer, a.plen));
  }

  /** __inet_del_ifa(): a primary takes its secondaries along unless promote_secondaries is set. */
  private removeAddr(i: Iface, a: IfAddr, allowPromote: boolean): void {
    const candidates: Route[] = [];
    const sameSubnet = (b: IfAddr) => b !== a && b.secondary && b.plen === a.plen && inSubnet(b.peer, a.peer, a.plen);
    const promote = allowPromote && !a.secondary && (this.confAll.promote_secondaries || i.conf.promote_secondaries);
    const removed: IfAddr[] = [a];
    let promoted: IfAddr | undefined;
    if (!a.secondary) {
      const secs = i.addrs.filter(sameSubnet);
      if (promote && secs.length) promoted = secs[0];
      else removed.push(...secs);
    }
    for (const r of removed) candidates.push(...this.derivedRoutes(i, r, this.primaryOf(i, r) ?? a));
    if (promoted) for (const s of i.addrs.filter(sameSubnet)) candidates.push(...this.derivedRoutes(i, s, a));
    const pos = i.addrs.indexOf(a);
    i.addrs = i.addrs.filter((x) => !removed.includes(x));
    if (promoted) {
      promoted.secondary = false;
      i.addrs = i.addrs.filter((x) => x !== promoted);
      let at = pos;
      for (let n = pos; n < i.addrs.length; n++) if (!i.addrs[n]!.secondary && a.scope <= i.addrs[n]!.scope) at = n + 1;
      i.addrs.splice(Math.min(at, i.addrs.length), 0, promoted);
    }
    // What the remaining addresses still need stays (fib_del_ifaddr's LOCAL_OK / BRD_OK bookkeeping).
    const want = new Set<string>();
    for (const d of this.ifaces)
      for (const b of d.addrs)
        for (const r of this.derivedRoutes(d, b, this.primaryOf(d, b) ?? b)) want.add(routeKey(r));
    const drop = new Set(candidates.map(routeKey).filter((k) => !want.has(k)));
    this.removeRoutes((r) => r.proto === RTPROT_KERNEL && drop.has(routeKey(r)));
    if (promoted) {
      this.fibAddIfaddr(i, promoted);
      for (const s of i.addrs.filter(
        (b) => b.secondary && b.plen === promoted.plen && inSubnet(b.peer, promoted.peer, b.plen),
      ))
        this.fibAddIfaddr(i, s);
    }
    for (const r of removed) {
      // Still local somewhere (the local table's answer for it): routes preferring it stay.
      if (!i.addrs.some((b) => b.addr === r.addr) && this.addrTypeDev(r.addr) !== RTN_LOCAL) this.syncDownAddr(r.addr);
    }
    // The last address gone: fib_disable_ip(force) takes every route through the device.
    if (i.addrs.length === 0) this.removeRoutes((r) => r.oif === i.index);
    this.gen++;
  }

  /** `ip addr flush`: deletes the matching addresses one by one. */
  flushAddrs(i: Iface, pred: (a: IfAddr) => boolean): void {
    for (;;) {
      const a = i.addrs.find(pred);
      if (!a) return;
      this.removeAddr(i, a, true);
    }
  }

  /** fib_sync_down_addr(): main-table routes preferring a vanished address die. */
  private syncDownAddr(addr: number): void {
    this.removeRoutes((r) => r.table === RT_TABLE_MAIN && r.prefsrc === addr);
  }

  /** The routes fib_add_ifaddr() makes for an address (its primary given). */
  private derivedRoutes(i: Iface, a: IfAddr, prim: IfAddr): Route[] {
    const out: Route[] = [];
    const mk = (type: number, dst: number, plen: number, metric = 0): Route => ({
      table: type === RTN_UNICAST ? RT_TABLE_MAIN : RT_TABLE_LOCAL,
      type,
      dst,
      plen,
      tos: 0,
      metric,
      proto: RTPROT_KERNEL,
      scope: type === RTN_LOCAL ? RT_SCOPE_HOST : RT_SCOPE_LINK,
      prefsrc: prim.addr,
      gateway: 0,
      oif: i.index,
      onlink: false,
      nhScope: type === RTN_LOCAL ? RT_SCOPE_NOWHERE : RT_SCOPE_HOST,
    });
    out.push(mk(RTN_LOCAL, a.addr, 32));
    if (!i.up) return out;
    const mask = cidrToMask(a.plen);
    const prefix = (a.peer & mask) >>> 0;
    if (isMulticast(prefix)) return out;
    if (a.brd && a.brd !== LBCAST) out.push(mk(RTN_BROADCAST, a.brd, 32));
    if (!isZeronet(prefix) && !a.secondary && (prefix !== a.addr || a.plen < 32)) {
      if (!a.noprefixroute) out.push(mk(i.kind === "loopback" ? RTN_LOCAL : RTN_UNICAST, prefix, a.plen, a.metric));
      if (a.plen < 31) out.push(mk(RTN_BROADCAST, (prefix | ~mask) >>> 0, 32));
    }
    return out;
  }

  /** fib_add_ifaddr(): fib_magic(RTM_NEWROUTE, …) with NLM_F_CREATE|NLM_F_APPEND. */
  private fibAddIfaddr(i: Iface, a: IfAddr): void {
    const prim = this.primaryOf(i, a);
    if (!prim) return;
    for (const r of this.derivedRoutes(i, a, prim)) {
      // fib_create_info() refuses a preferred source that the local table does not resolve as local
      // (e.g. an address that is already another subnet's broadcast address).
      if (!(r.type === RTN_LOCAL && r.dst === r.prefsrc) && this.addrTypeDev(r.prefsrc) !== RTN_LOCAL) continue;
      this.insertRoute(r, { create: true, append: true });
    }
  }

  // ---------------------------------------------------------------------- FIB

  /** fib_new_table() when `create`, else fib_get_table(). */
  table(id: number, create = false): FibTable | undefined {
    let t = this.tables.get(id);
    if (!t && create) {
      t = { id, seq: this.tableSeq++, routes: [] };
      this.tables.set(id, t);
    }
    return t;
  }

  tableRoutes(id: number): Route[] {
    return this.tables.get(id)?.routes ?? [];
  }

  /** Tables in the order a dump of every table visits them (by id modulo 256, newest first within a bucket). */
  dumpTables(): FibTable[] {
    return [...this.tables.values()].sort((a, b) => (a.id & 255) - (b.id & 255) || b.seq - a.seq);
  }

  private removeRoutes(pred: (r: Route) => boolean): void {
    for (const t of this.tables.values()) {
      const before = t.routes.length;
      t.routes = t.routes.filter((r) => !pred(r));
      if (t.routes.length !== before) this.gen++;
    }
  }

  /** Whether a route's nexthop is in a device without carrier (RTNH_F_LINKDOWN). */
  linkdown(r: Route): boolean {
    if (!r.oif || r.nhScope === RT_SCOPE_NOWHERE) return false;
    const d = this.ifaceByIndex(r.oif);
    return !!d && !this.carrier(d);
  }

  /** fib_table_insert() of a fully checked route. */
  private insertRoute(r: Route, f: RouteFlags): KErr | undefined {
    const t = this.table(r.table, true)!;
    const rs = t.routes;
    // The leaf's section: same destination and prefix length.
    let start = 0;
    while (start < rs.length && (rs[start]!.dst < r.dst || (rs[start]!.dst === r.dst && rs[start]!.plen > r.plen)))
      start++;
    let end = start;
    while (end < rs.length && rs[end]!.dst === r.dst && rs[end]!.plen === r.plen) end++;
    // fib_find_alias(): first alias with tos <= ours and priority >= ours (or a lower tos).
    let fa = start;
    while (fa < end && (rs[fa]!.tos > r.tos || (rs[fa]!.tos === r.tos && rs[fa]!.metric < r.metric))) fa++;
    if (fa < end && rs[fa]!.tos === r.tos && rs[fa]!.metric === r.metric) {
      if (f.excl) return kerr("EEXIST");
      const first = fa;
      let match = -1;
      let n = fa;
      for (; n < end && rs[n]!.tos === r.tos && rs[n]!.metric === r.metric; n++) {
        if (sameRoute(rs[n]!, r)) {
          match = n;
          break;
        }
      }
      if (f.replace) {
        if (match >= 0) return match === first ? undefined : kerr("EEXIST");
        rs[first] = r;
        this.gen++;
        return undefined;
      }
      if (match >= 0) return kerr("EEXIST");
      if (f.append) {
        while (n < end && rs[n]!.tos === r.tos && rs[n]!.metric === r.metric) n++;
        fa = n;
      } else fa = first;
    }
    if (!f.create) return kerr("ENOENT");
    rs.splice(fa, 0, r);
    this.gen++;
    return undefined;
  }

  /** inet_rtm_newroute(): the checks of fib_create_info() and fib_check_nh(), then the insert. */
  addRoute(s: RouteSpec, f: RouteFlags): KErr | undefined {
    this.table(s.table, true);
    if (s.plen < 32 && (s.dst << s.plen) >>> 0 !== 0 && s.plen > 0)
      return kerr("EINVAL", "Invalid prefix for given prefix length");
    if (s.plen === 0 && s.dst !== 0) return kerr("EINVAL", "Invalid prefix for given prefix length");
    if ((TYPE_SCOPE[s.type] ?? RT_SCOPE_NOWHERE) > s.scope) return kerr("EINVAL", "Invalid scope");
    const r: Route = { ...s, nhScope: RT_SCOPE_NOWHERE };
    if (TYPE_ERROR[s.type]) {
      if (s.gateway || s.oif)
        return kerr("EINVAL", "Gateway, device and multipath can not be specified for this route type");
    } else {
      if (![RTN_UNICAST, RTN_LOCAL, RTN_BROADCAST, RTN_ANYCAST, RTN_MULTICAST].includes(s.type))
        return kerr("EINVAL", "Invalid route type");
      if (s.scope > RT_SCOPE_HOST) return kerr("EINVAL", "Invalid scope");
      if (s.scope === RT_SCOPE_HOST) {
        if (s.gateway) return kerr("EINVAL", "Route with host scope can not have a gateway");
        if (!this.ifaceByIndex(s.oif)) return kerr("ENODEV");
        r.nhScope = RT_SCOPE_NOWHERE;
      } else {
        const e = this.checkNexthop(r);
        if (e) return e;
      }
      if (s.prefsrc && !this.validPrefsrc(s)) return kerr("EINVAL", "Invalid prefsrc address");
    }
    const e = this.insertRoute(r, f);
    if (!e && s.type === RTN_LOCAL) this.customLocalRoutes = true;
    return e;
  }

  /** fib_check_nh(): resolves the nexthop's device and scope. */
  private checkNexthop(r: Route): KErr | undefined {
    if (!r.gateway) {
      if (r.onlink) return kerr("EINVAL", "Invalid flags for nexthop - PERVASIVE and ONLINK can not be set");
      const d = this.ifaceByIndex(r.oif);
      if (!d?.inet) return kerr("ENODEV");
      if (!d.up) return kerr("ENETDOWN", "Device for nexthop is not up");
      r.nhScope = RT_SCOPE_HOST;
      return undefined;
    }
    if (r.onlink) {
      if (r.scope >= RT_SCOPE_LINK) return kerr("EINVAL", "Nexthop has invalid scope");
      const d = this.ifaceByIndex(r.oif);
      if (!d) return kerr("ENODEV", "Nexthop device required for onlink");
      if (!d.up) return kerr("ENETDOWN", "Nexthop device is not up");
      if (this.addrTypeDev(r.gateway) !== RTN_UNICAST) return kerr("EINVAL", "Nexthop has invalid gateway");
      r.nhScope = RT_SCOPE_LINK;
      return undefined;
    }
    const scope = Math.max(r.scope + 1, RT_SCOPE_LINK);
    let hit: Route | undefined;
    if (r.table !== RT_TABLE_MAIN && this.tables.has(r.table))
      hit = this.tableLookup([r.table], { dst: r.gateway, oif: r.oif }, scope, true);
    if (!hit) hit = this.fibLookup({ dst: r.gateway, oif: r.oif }, scope, true);
    if (!hit || (hit.type !== RTN_UNICAST && hit.type !== RTN_LOCAL))
      return kerr("EINVAL", "Nexthop has invalid gateway");
    r.nhScope = hit.scope;
    r.oif = hit.oif;
    const d = this.ifaceByIndex(r.oif);
    if (!d) return kerr("EINVAL", "No egress device for nexthop gateway");
    return d.up ? undefined : kerr("ENETDOWN");
  }

  /** fib_valid_prefsrc(): the preferred source must be a local address. */
  private validPrefsrc(s: RouteSpec): boolean {
    if (s.type === RTN_LOCAL && s.dst && s.prefsrc === s.dst) return true;
    return this.addrTypeDev(s.prefsrc) === RTN_LOCAL;
  }

  /** fib_table_delete(). */
  delRoute(s: RouteSpec): KErr | undefined {
    const t = this.tables.get(s.table);
    if (!t) return kerr("ESRCH", "FIB table does not exist");
    const rs = t.routes;
    for (let n = 0; n < rs.length; n++) {
      const r = rs[n]!;
      if (r.dst !== s.dst || r.plen !== s.plen) continue;
      if (r.tos !== s.tos) continue;
      if (s.type && r.type !== s.type) continue;
      if (s.scope !== RT_SCOPE_NOWHERE && r.scope !== s.scope) continue;
      if (s.prefsrc && r.prefsrc !== s.prefsrc) continue;
      if (s.proto && r.proto !== s.proto) continue;
      if (s.metric && r.metric !== s.metric) continue;
      if (s.oif && r.oif !== s.oif) continue;
      if (s.gateway && r.gateway !== s.gateway) continue;
      rs.splice(n, 1);
      this.gen++;
      return undefined;
    }
    return kerr("ESRCH");
  }

  /** Removes every route `pred` selects (ip route flush). */
  flushRoutes(pred: (r: Route) => boolean): number {
    let n = 0;
    for (const t of this.tables.values()) {
      const keep = t.routes.filter((r) => !pred(r));
      n += t.routes.length - keep.length;
      t.routes = keep;
    }
    if (n) this.gen++;
    return n;
  }

  /**
   * fib_table_lookup() over `ids` merged (longest prefix first, then alias
   * order): the first alias whose scope is wide enough and whose nexthop
   * fits the flow's oif.
   */
  private tableLookup(ids: number[], fl: Flow, scope: number, ignoreLinkstate: boolean): Route | undefined {
    // The first fitting route in the order: longer prefixes first; local before main for the same
    // prefix (tb_id descending), then alias order. One pass keeping the best fit (no list sorted per
    // packet): a later route replaces it only when strictly earlier in that order.
    let best: Route | undefined;
    for (let t = 0; t < ids.length; t++) {
      const routes = this.tableRoutes(ids[t]!);
      for (let i = 0; i < routes.length; i++) {
        const r = routes[i]!;
        if (!inSubnet(fl.dst, r.dst, r.plen)) continue;
        if (best && (r.plen < best.plen || (r.plen === best.plen && r.table <= best.table))) continue;
        if (this.routeFits(r, fl, scope, ignoreLinkstate)) best = r;
      }
    }
    return best;
  }

  /** Whether tableLookup() takes `r` (error routes always end the lookup). */
  private routeFits(r: Route, fl: Flow, scope: number, ignoreLinkstate: boolean): boolean {
    if (r.tos && r.tos !== (fl.tos ?? 0)) return false;
    if (r.scope < scope) return false;
    if (TYPE_ERROR[r.type]) return true;
    if (!ignoreLinkstate && r.oif) {
      const d = this.ifaceByIndex(r.oif);
      if (d && !this.carrier(d) && this.confOr(d, "ignore_routes_with_linkdown") && r.nhScope !== RT_SCOPE_NOWHERE)
        return false;
    }
    if (fl.oif && r.oif && fl.oif !== r.oif) return false;
    if (fl.oif && !r.oif) return false;
    return true;
  }

  /**
   * fib_lookup(): the route for a flow, possibly of a rejecting type (or a rule's rejection, see
   * RULE_REJECT); undefined when nothing routes it (ENETUNREACH).
   */
  fibLookup(fl: Flow, scope = RT_SCOPE_UNIVERSE, ignoreLinkstate = false): Route | undefined {
    if (this.customRules) return this.rulesLookup(fl, scope, ignoreLinkstate);
    // main (holding the local routes while they are merged), then default
    const r = this.tableLookup(MERGED_MAIN, fl, scope, ignoreLinkstate);
    if (r && r.type !== RTN_THROW) return r;
    if (!this.tables.has(RT_TABLE_DEFAULT)) return r;
    return this.tableLookup(DEFAULT_ONLY, fl, scope, ignoreLinkstate) ?? r;
  }

  /** fib_rules_lookup() with fib4_rule_action() and fib4_rule_suppress(). */
  private rulesLookup(fl: Flow, scope: number, ignoreLinkstate: boolean): Route | undefined {
    const rf: RuleFlow = {
      src: fl.src ?? 0,
      dst: fl.dst,
      iif: fl.iif ?? LOOPBACK_IFINDEX,
      oif: fl.oif ?? 0,
      mark: fl.mark ?? 0,
      tos: fl.tos ?? 0,
      proto: fl.proto ?? 0,
      sport: fl.sport ?? 0,
      dport: fl.dport ?? 0,
      uid: fl.uid ?? 0,
    };
    const ifindex = (name: string) => this.iface(name)?.index ?? -1;
    const rules = this.rules;
    for (let i = 0; i < rules.length; i++) {
      let rule = rules[i]!;
      if (!ruleMatches(rule, rf, ifindex)) continue;
      if (rule.action === FR_ACT_GOTO) {
        const target = rule.ctarget;
        if (!target) continue;
        // jumped: the target is matched in its turn
        i = rules.indexOf(target);
        if (i < 0 || !ruleMatches(target, rf, ifindex)) continue;
        rule = target;
        if (rule.action === FR_ACT_GOTO || rule.action === FR_ACT_NOP) {
          i--;
          continue;
        }
      }
      if (rule.action === FR_ACT_NOP) continue;
      if (rule.action !== FR_ACT_TO_TBL) return RULE_REJECT[rule.action] ?? RULE_REJECT[FR_ACT_BLACKHOLE];
      const r = this.tableLookup([rule.table], fl, scope, ignoreLinkstate);
      if (!r || r.type === RTN_THROW) continue;
      if (!TYPE_ERROR[r.type] && r.plen <= rule.suppressPrefixlen) continue;
      return r;
    }
    return undefined;
  }

  /** The table `ip route get` names for a route: local routes are main's while the tables are merged. */
  reportedTable(r: Route): number {
    return !this.customRules && r.table === RT_TABLE_LOCAL ? RT_TABLE_MAIN : r.table;
  }

  /** ip rule add (fib_nl_newrule() with NLM_F_EXCL). */
  addRule(rule: FibRule): KErr | undefined {
    if (rule.action === FR_ACT_GOTO && rule.target <= rule.pref) return kerr("EINVAL", "Backward goto not supported");
    if (ruleExists(this.rules, rule)) return kerr("EEXIST");
    if (rule.table === 0 && rule.action === FR_ACT_TO_TBL) {
      // fib_empty_table(): the first unused table id
      let id = 1;
      while (this.tables.has(id)) id++;
      this.table(id, true);
      rule.table = id;
    }
    insertRule(this.rules, rule);
    this.customRules = true;
    this.gen++;
    return undefined;
  }

  /** ip rule del (fib_nl_delrule()). */
  delRule(sel: RuleSelector): KErr | undefined {
    const r = findRule(this.rules, sel);
    if (!r) return kerr("ENOENT");
    removeRule(this.rules, r);
    this.customRules = true;
    this.gen++;
    return undefined;
  }

  /** Removes one rule (ip rule flush deletes what it listed, one by one). */
  dropRule(r: FibRule): void {
    removeRule(this.rules, r);
    this.customRules = true;
    this.gen++;
  }

  /**
   * __inet_dev_addr_type() on the local table: the RTN_* class of `addr` as
   * seen from `dev`. The local table shares its trie with main (no policy
   * rules), and a lookup in it does not look at which table a route is in.
   */
  addrTypeDev(addr: number, dev?: Iface): number {
    if (isZeronet(addr) || addr === LBCAST) return RTN_BROADCAST;
    if (isMulticast(addr)) return RTN_MULTICAST;
    const hit = this.tableLookup([RT_TABLE_LOCAL, RT_TABLE_MAIN], { dst: addr }, RT_SCOPE_UNIVERSE, true);
    if (hit && !TYPE_ERROR[hit.type] && (!dev || hit.oif === dev.index)) return hit.type;
    return RTN_UNICAST;
  }

  /** inet_select_addr(): the source address `dev` prefers towards `dst` within `scope`. */
  selectAddr(dev: Iface | undefined, dst: number, scope: number): number {
    if (dev) {
      const localnet = this.confOr(dev, "route_localnet") ? RT_SCOPE_LINK : RT_SCOPE_HOST;
      let addr = 0;
      for (const a of dev.addrs) {
        if (a.secondary) continue;
        if (Math.min(a.scope, localnet) > scope) continue;
        if (!dst || inSubnet(dst, a.peer, a.plen)) return a.addr;
        if (!addr) addr = a.addr;
      }
      if (addr) return addr;
    }
    // in_dev_select_addr() on every device, lo first (no route_localnet widening here).
    for (const d of this.ifaces) {
      for (const a of d.addrs) if (!a.secondary && a.scope !== RT_SCOPE_LINK && a.scope <= scope) return a.addr;
    }
    return 0;
  }

  /** FIB_RES_PREFSRC(): the route's preferred source, or one chosen for its nexthop. */
  private prefsrcOf(r: Route): number {
    if (r.prefsrc) return r.prefsrc;
    return this.selectAddr(this.ifaceByIndex(r.oif), r.gateway, r.scope);
  }

  /**
   * ip_route_output_key(): what `ip route get` (without iif) finds. `ruleFl`, when given, is the flow
   * the FIB lookup itself matches rules against (the packet path routes arriving packets this way).
   */
  routeOutput(fl: Flow, ruleFl?: Flow): RouteGet | KErr {
    const lo = this.iface("lo")!;
    let src = fl.src ?? 0;
    let dst = fl.dst;
    const oifDev = fl.oif ? this.ifaceByIndex(fl.oif) : undefined;
    if (src) {
      if (isMulticast(src) || src === LBCAST || isZeronet(src)) return kerr("EINVAL");
      // __ip_dev_find(): an address of a device, or one the local table routes as local (loopback subnets).
      const local = this.ifaces.some((d) => d.addrs.some((a) => a.addr === src)) || this.addrTypeDev(src) === RTN_LOCAL;
      if (!local) return kerr("ENETUNREACH");
    }
    if (fl.oif) {
      if (!oifDev) return kerr("ENODEV");
      if (!oifDev.up || !oifDev.inet) return kerr("ENETUNREACH");
      if (dst >>> 8 === 0xe00000 || dst === LBCAST) {
        if (!src) src = this.selectAddr(oifDev, 0, RT_SCOPE_LINK);
        return this.mkOutput(dst, src, oifDev.index, 0, dst === LBCAST ? RTN_BROADCAST : RTN_MULTICAST, undefined);
      }
      if (!src) {
        if (isMulticast(dst)) src = this.selectAddr(oifDev, 0, RT_SCOPE_UNIVERSE);
        else if (!dst) src = this.selectAddr(oifDev, 0, RT_SCOPE_HOST);
      }
    }
    if (!dst) {
      dst = src;
      if (!dst) dst = src = 0x7f000001;
      return this.mkOutput(dst, src, lo.index, 0, RTN_LOCAL, undefined);
    }
    // (the rules see the source and mark asked for, not the source chosen above)
    const r = this.fibLookup(
      ruleFl ?? {
        dst,
        oif: fl.oif,
        tos: fl.tos,
        src: fl.src,
        mark: fl.mark,
        proto: fl.proto,
        sport: fl.sport,
        dport: fl.dport,
        uid: fl.uid,
      },
    );
    if (!r || (fl.oif && routeErrno(r))) {
      // With an output device, a failed lookup means "assume the destination is on link".
      if (fl.oif && oifDev) {
        if (!src) src = this.selectAddr(oifDev, 0, RT_SCOPE_LINK);
        return this.mkOutput(
          dst,
          src,
          oifDev.index,
          0,
          isMulticast(dst) ? RTN_MULTICAST : dst === LBCAST ? RTN_BROADCAST : RTN_UNICAST,
          undefined,
        );
      }
      return kerr("ENETUNREACH");
    }
    const te = routeErrno(r);
    if (te) return kerr(te === ("EAGAIN" as Errno) ? "ENETUNREACH" : te);
    if (r.type === RTN_LOCAL) {
      if (!src) src = r.prefsrc || dst;
      return this.mkOutput(dst, src, lo.index, 0, RTN_LOCAL, r);
    }
    if (!src) src = this.prefsrcOf(r);
    let type = r.type;
    if (dst === LBCAST) type = RTN_BROADCAST;
    else if (isMulticast(dst)) type = RTN_MULTICAST;
    // rt_uses_gateway: only a gateway reached on link is one.
    const gw = type === RTN_UNICAST && r.nhScope === RT_SCOPE_LINK ? r.gateway : 0;
    return this.mkOutput(dst, src, r.oif, gw, type, r);
  }

  private mkOutput(
    dst: number,
    src: number,
    oif: number,
    gateway: number,
    type: number,
    fib: Route | undefined,
  ): RouteGet | KErr {
    const dev = this.ifaceByIndex(oif);
    // __mkroute_output(): a loopback source leaves through a loopback device only (unless route_localnet).
    if (isLoopbackAddr(src) && dev?.kind !== "loopback" && !(dev && this.confOr(dev, "route_localnet")))
      return kerr("EINVAL");
    let flags = dev?.kind === "loopback" ? RTCF_LOCAL : 0;
    if (type === RTN_LOCAL) flags |= RTCF_LOCAL;
    if (type === RTN_BROADCAST) flags |= RTCF_BROADCAST | RTCF_LOCAL;
    if (type === RTN_MULTICAST) {
      flags |= RTCF_MULTICAST;
      // Every host is in 224.0.0.1 on every interface.
      if (dst === 0xe0000001) flags |= RTCF_LOCAL;
    }
    return { type, oif, gateway, src, flags, fib, input: false, redirect: false };
  }

  /** ip_route_input_slow(): what `ip route get … from S iif DEV` finds. */
  routeInput(fl: Flow & { iif: number; src: number }): RouteGet | KErr {
    const dev = this.ifaceByIndex(fl.iif);
    if (!dev) return kerr("ENODEV");
    if (!dev.inet) return kerr("EINVAL");
    const { dst, src } = fl;
    const lo = this.iface("lo")!;
    const localnet = this.confOr(dev, "route_localnet");
    if (isMulticast(src) || src === LBCAST) return kerr("EINVAL");
    if (dst === LBCAST || (src === 0 && dst === 0)) return this.brdInput(dev, fl, lo);
    if (isZeronet(src)) return kerr("EINVAL");
    if (isZeronet(dst)) return kerr("EINVAL");
    if (isLoopbackAddr(dst)) {
      if (!localnet) return kerr("EINVAL");
    } else if (isLoopbackAddr(src) && !localnet) return kerr("EINVAL");
    if (isMulticast(dst)) return kerr("EINVAL");
    const forward = this.confOf(dev, "forwarding") !== 0;
    const r = this.fibLookup({ dst, src, iif: fl.iif, mark: fl.mark, tos: fl.tos, ...this.inputFlow(fl) });
    if (!r || routeErrno(r)) {
      if (!forward) return kerr("EHOSTUNREACH");
      const te = r ? routeErrno(r)! : "ENETUNREACH";
      return kerr(te === ("EAGAIN" as Errno) ? "ENETUNREACH" : te);
    }
    if (r.type === RTN_BROADCAST) {
      if (this.confAnd(dev, "bc_forwarding")) return this.forwardInput(dev, fl, r);
      return this.brdInput(dev, fl, lo);
    }
    if (r.type === RTN_LOCAL) {
      const v = this.validateSource(src, dst, 0, dev, fl.mark ?? 0, fl.tos ?? 0, fl);
      if (v < 0) return kerr("EINVAL");
      return {
        type: RTN_LOCAL,
        oif: lo.index,
        gateway: 0,
        src,
        flags: RTCF_LOCAL,
        fib: r,
        input: true,
        redirect: false,
      };
    }
    if (!forward) return kerr("EHOSTUNREACH");
    if (r.type !== RTN_UNICAST) return kerr("EINVAL");
    return this.forwardInput(dev, fl, r);
  }

  private brdInput(dev: Iface, fl: Flow & { src: number }, lo: Iface): RouteGet | KErr {
    if (!isZeronet(fl.src) && this.validateSource(fl.src, fl.dst, 0, dev, fl.mark ?? 0, fl.tos ?? 0, fl) < 0)
      return kerr("EINVAL");
    return {
      type: RTN_BROADCAST,
      oif: lo.index,
      gateway: 0,
      src: fl.src,
      flags: RTCF_BROADCAST | RTCF_LOCAL,
      input: true,
      redirect: false,
    };
  }

  /** __mkroute_input(). */
  private forwardInput(dev: Iface, fl: Flow & { src: number }, r: Route): RouteGet | KErr {
    const out = this.ifaceByIndex(r.oif);
    if (!out) return kerr("EINVAL");
    const v = this.validateSource(fl.src, fl.dst, r.oif, dev, fl.mark ?? 0, fl.tos ?? 0, fl);
    if (v < 0) return kerr("EINVAL");
    let redirect = false;
    if (out === dev && v > 0 && this.confOr(out, "send_redirects")) {
      if (this.confOr(out, "shared_media") || (r.gateway ? inSubnetOnlink(out, fl.src, r.gateway) : false))
        redirect = true;
    }
    return {
      type: RTN_UNICAST,
      oif: r.oif,
      gateway: r.nhScope === RT_SCOPE_LINK ? r.gateway : 0,
      src: fl.src,
      flags: redirect ? RTCF_DOREDIRECT : 0,
      fib: r,
      input: true,
      redirect,
    };
  }

  /**
   * fib_validate_source(): <0 rejects (martian / reverse path), 1 when the
   * source is directly connected on the arrival device, else 0.
   */
  validateSource(
    src: number,
    dst: number,
    oif: number,
    dev: Iface,
    mark: number,
    tos = 0,
    l4?: { proto?: number; sport?: number; dport?: number },
  ): number {
    // the sysctls and addresses it reads, per generation (every arriving packet comes here)
    if (this.vsGen !== this.gen) {
      this.vsFlags.length = 0;
      this.vsLocal.clear();
      for (const d of this.ifaces) for (const a of d.addrs) this.vsLocal.add(a.addr >>> 0);
      this.vsGen = this.gen;
    }
    let f = this.vsFlags[dev.index];
    if (f === undefined) {
      f =
        Math.max(this.confAll.rp_filter!, dev.conf.rp_filter ?? 0) |
        (this.confOr(dev, "send_redirects") ? VS_TX_REDIRECTS : 0) |
        (this.confOr(dev, "accept_local") ? VS_ACCEPT_LOCAL : 0);
      this.vsFlags[dev.index] = f;
    }
    const rpf = f & 3;
    if (!rpf && (dev.index !== oif || !(f & VS_TX_REDIRECTS))) {
      if (f & VS_ACCEPT_LOCAL) return 0;
      // with custom local routes or rules the full check follows
      if (!this.customLocalRoutes && !this.customRules) return this.vsLocal.has(src >>> 0) ? -1 : 0;
    }
    // the reverse flow: the packet's tos, protocol and swapped ports when a rule needs them, root's uid
    const fl: Flow = {
      dst: src,
      src: dst,
      iif: oif || 1,
      mark: this.confOr(dev, "src_valid_mark") ? mark : 0,
      tos,
    };
    if (l4 && this.customRules) {
      const d = this.inputFlow(l4);
      fl.proto = d.proto;
      fl.sport = d.dport;
      fl.dport = d.sport;
      fl.uid = 0;
    }
    const noAddr = dev.addrs.length === 0;
    const r = this.fibLookup(fl);
    if (!r || routeErrno(r)) return rpf ? -1 : 0;
    if (r.type !== RTN_UNICAST && (r.type !== RTN_LOCAL || !this.confOr(dev, "accept_local"))) return -1;
    const lo = this.iface("lo");
    if (r.oif === dev.index || (r.type === RTN_LOCAL && dev === lo)) return r.nhScope >= RT_SCOPE_HOST ? 1 : 0;
    if (noAddr) return rpf ? -1 : 0;
    if (rpf === 1) return -1;
    const r2 = this.fibLookup({ ...fl, oif: dev.index }, RT_SCOPE_UNIVERSE, true);
    if (r2 && r2.type === RTN_UNICAST) return r2.nhScope >= RT_SCOPE_HOST ? 1 : 0;
    return 0;
  }

  // ---------------------------------------------------------------- sysctls

  confOf(dev: Iface, key: string): number {
    return dev.conf[key] ?? this.confDflt[key] ?? 0;
  }

  /** IN_DEV_ORCONF(). */
  confOr(dev: Iface, key: string): boolean {
    return !!(this.confAll[key] || this.confOf(dev, key));
  }

  /** IN_DEV_ANDCONF(). */
  confAnd(dev: Iface, key: string): boolean {
    return !!(this.confAll[key] && this.confOf(dev, key));
  }

  /** Every sysctl the twin has, as /proc/sys paths split in components, sorted as readdir() lists them. */
  sysctlPaths(): string[][] {
    const out: string[][] = [];
    for (const [name] of GLOBAL_SYSCTLS) out.push(name.split("."));
    out.push(["net", "ipv4", "ip_forward"]);
    const devs = ["all", "default", ...this.ifaces.filter((i) => i.inet).map((i) => i.name)];
    for (const d of devs) for (const c of IPV4_CONF) out.push(["net", "ipv4", "conf", d, c.key]);
    for (const d of ["all", "default", ...this.ifaces.map((i) => i.name)])
      out.push(["net", "ipv6", "conf", d, "disable_ipv6"]);
    out.sort(comparePaths);
    return out;
  }

  /** Whether the path (components) names a directory of the sysctl tree. */
  sysctlIsDir(parts: readonly string[]): boolean {
    return this.sysctlPaths().some((p) => p.length > parts.length && parts.every((c, n) => p[n] === c));
  }

  private confTarget(
    parts: readonly string[],
  ): { scope: "all" | "default" | Iface; key: string; v6: boolean } | undefined {
    if (parts.length !== 5 || parts[0] !== "net" || parts[2] !== "conf") return undefined;
    const v6 = parts[1] === "ipv6";
    if (!v6 && parts[1] !== "ipv4") return undefined;
    const key = parts[4]!;
    if (v6 ? key !== "disable_ipv6" : !IPV4_CONF_KEYS.has(key)) return undefined;
    const d = parts[3]!;
    if (d === "all" || d === "default") return { scope: d, key, v6 };
    const i = this.iface(d);
    if (!i || (!v6 && !i.inet)) return undefined;
    return { scope: i, key, v6 };
  }

  /** The value a read of the sysctl prints, or undefined when there is no such file. */
  sysctlRead(parts: readonly string[]): string | undefined {
    const name = parts.join(".");
    if (name === "net.ipv4.ip_forward") return String(this.confAll.forwarding);
    const k = GLOBAL_KIND.get(name);
    if (k) return formatConf(k, this.sys.get(name)!);
    const t = this.confTarget(parts);
    if (!t) return undefined;
    if (t.v6) return String(t.scope === "all" ? this.v6All : t.scope === "default" ? this.v6Dflt : t.scope.disableIpv6);
    const rec = t.scope === "all" ? this.confAll : t.scope === "default" ? this.confDflt : t.scope.conf;
    return String(rec[t.key] ?? 0);
  }

  /** The handler of a sysctl file, or undefined when there is none. */
  sysctlKind(parts: readonly string[]): ConfKind | undefined {
    const name = parts.join(".");
    if (name === "net.ipv4.ip_forward") return { k: "int" };
    const k = GLOBAL_KIND.get(name);
    if (k) return k;
    const t = this.confTarget(parts);
    if (!t) return undefined;
    if (!t.v6 && IPV4_CONF_KEYS.get(t.key)!.ro) return { k: "ro" };
    return { k: "int" };
  }

  /**
   * A write to the sysctl, with the kernel's side effects. "EINVAL" when the
   * value does not parse or is out of range, "ENOENT" when there is no such file.
   */
  sysctlWrite(parts: readonly string[], text: string): "ok" | "EINVAL" | "ENOENT" {
    const kind = this.sysctlKind(parts);
    if (!kind) return "ENOENT";
    const name = parts.join(".");
    const v = parseConfWrite(kind, text, (n) => this.sys.get(n) ?? 0);
    const t = this.confTarget(parts);
    if (v === undefined) {
      // devinet_conf_proc() marks the entry set even when the value was refused.
      if (t && !t.v6 && t.scope !== "all" && IPV4_CONF_KEYS.get(t.key)!.propagate) this.markSet(t.scope, t.key);
      return "EINVAL";
    }
    this.gen++;
    if (name === "net.ipv4.ip_forward") {
      this.writeForwarding("all", v);
      return "ok";
    }
    if (GLOBAL_KIND.has(name)) {
      this.sys.set(name, v);
      return "ok";
    }
    if (!t) return "ENOENT";
    if (t.v6) {
      if (t.scope === "all") {
        // addrconf_disable_ipv6(): all also sets default and every device.
        this.v6All = v;
        this.v6Dflt = v;
        for (const i of this.ifaces) i.disableIpv6 = v;
      } else if (t.scope === "default") this.v6Dflt = v;
      else t.scope.disableIpv6 = v;
      return "ok";
    }
    if (t.key === "forwarding") {
      this.writeForwarding(t.scope, v);
      return "ok";
    }
    const def = IPV4_CONF_KEYS.get(t.key)!;
    if (t.scope === "all") this.confAll[t.key] = v;
    else if (t.scope === "default") {
      this.confDflt[t.key] = v;
      if (def.propagate) {
        this.markSet("default", t.key);
        // devinet_copy_dflt_conf(): devices that never set the key follow.
        for (const i of this.ifaces) if (i.inet && !i.confSet.includes(t.key)) i.conf[t.key] = v;
      }
    } else {
      t.scope.conf[t.key] = v;
      if (def.propagate) this.markSet(t.scope, t.key);
    }
    return "ok";
  }

  private markSet(scope: "default" | Iface, key: string): void {
    const set = scope === "default" ? this.confDfltSet : scope.confSet;
    if (!set.includes(key)) set.push(key);
  }

  /** devinet_sysctl_forward(): all.forwarding (= ip_forward) drives default and every device. */
  private writeForwarding(scope: "all" | "default" | Iface, v: number): void {
    if (scope === "default") {
      this.confDflt.forwarding = v;
      return;
    }
    if (scope !== "all") {
      scope.conf.forwarding = v;
      return;
    }
    const old = this.confAll.forwarding;
    this.confAll.forwarding = v;
    if (old === v) return;
    // inet_forward_change()
    this.confAll.accept_redirects = v ? 0 : 1;
    this.confDflt.forwarding = v;
    for (const i of this.ifaces) {
      if (!i.inet) continue;
      i.conf.forwarding = v;
      if (!i.confSet.includes("forwarding")) i.confSet.push("forwarding");
    }
  }

  // ------------------------------------------------ compatibility for the packet path

  sysctlInt(name: string): number {
    this.checkCaches();
    const hit = this.intCache.get(name);
    if (hit !== undefined) return hit;
    const v = this.sysctlRead(name.split("."));
    const n = v === undefined ? 0 : Number.parseInt(v, 10);
    this.intCache.set(name, n);
    return n;
  }

  /**
   * lookup() results by destination and sysctlInt() values, valid while `gen` (bumped on every
   * change) is the one they were computed in: a route cache with a generation, as the kernel's
   * dst cache is invalidated by rt_genid.
   */
  private readonly routeCache = new RouteCache();
  /** The distinct results of the route cache: destinations of one route share one object (fewer cold objects). */
  private readonly routeResults = new Map<string, RouteResult>();
  private readonly routeIds = new WeakMap<Route, number>();
  private routeIdSeq = 0;
  private readonly intCache = new Map<string, number>();
  private cacheGen = -1;

  private checkCaches(): void {
    if (this.cacheGen === this.gen) return;
    this.routeCache.clear();
    this.routeResults.clear();
    this.intCache.clear();
    this.cacheGen = this.gen;
  }

  private internRoute(r: RouteResult): RouteResult {
    let id = 0;
    if (r.route) {
      id = this.routeIds.get(r.route) ?? 0;
      if (!id) this.routeIds.set(r.route, (id = ++this.routeIdSeq));
    }
    const key = `${r.type}|${r.dev}|${r.gateway}|${r.src}|${id}`;
    const hit = this.routeResults.get(key);
    if (hit) return hit;
    this.routeResults.set(key, r);
    return r;
  }

  /** A per-interface sysctl combined with conf.all the way the kernel does for the key. */
  confInt(dev: string, key: string, combine: "max" | "and" | "or" = "max"): number {
    const i = this.iface(dev);
    const own = i ? this.confOf(i, key) : (this.confDflt[key] ?? 0);
    const all = this.confAll[key] ?? 0;
    if (combine === "and") return all && own ? 1 : 0;
    if (combine === "or") return all || own ? 1 : 0;
    return Math.max(all, own);
  }

  /** Output route lookup for the packet path (cached per destination; callers do not change the result). */
  lookup(dst: number): RouteResult | undefined {
    this.checkCaches();
    const hit = this.routeCache.get(dst);
    if (hit !== undefined) return hit ?? undefined;
    const found = this.lookupUncached(dst);
    const r = found && this.internRoute(found);
    this.routeCache.set(dst, r ?? null);
    return r;
  }

  /**
   * The packet path's route for a flow: arriving on `iif` (LOOPBACK_IFINDEX for the host's own),
   * from `src` (0: not chosen yet), with its mark and TOS. Per destination, cached, while no
   * policy rule can tell flows apart.
   */
  lookupFlow(
    dst: number,
    src: number,
    iif: number,
    mark: number,
    tos: number,
    l4?: { proto: number; sport: number; dport: number; uid: number },
  ): RouteResult | undefined {
    if (!this.customRules) return this.lookup(dst);
    this.checkCaches();
    const fl: Flow = { dst, src, iif, mark, tos };
    if (l4) Object.assign(fl, iif === LOOPBACK_IFINDEX ? l4 : this.inputFlow(l4));
    const found = this.lookupUncached(dst, fl);
    return found && this.internRoute(found);
  }

  /**
   * What an arriving packet's flow holds for the rules (ip_route_input_slow()): its uid is
   * root's, its protocol and ports only when a rule needs them (fib4_rules_early_flow_dissect()).
   */
  inputFlow(fl: { proto?: number; sport?: number; dport?: number }): {
    proto: number;
    sport: number;
    dport: number;
    uid: number;
  } {
    // (net->ipv4.fib_rules_require_fldissect, read once per change of the configuration)
    if (this.dissectGen !== this.gen) {
      this.dissect = this.rules.some(requiresFlowDissect);
      this.dissectGen = this.gen;
    }
    return this.dissect
      ? { proto: fl.proto ?? 0, sport: fl.sport ?? 0, dport: fl.dport ?? 0, uid: 0 }
      : { proto: 0, sport: 0, dport: 0, uid: 0 };
  }

  private lookupUncached(dst: number, ruleFl?: Flow): RouteResult | undefined {
    const r = this.routeOutput({ dst }, ruleFl);
    if ("errno" in r) {
      const fib = this.fibLookup(ruleFl ?? { dst });
      if (fib && routeErrno(fib) && fib.type !== RTN_THROW)
        return { type: TYPE_NAME[fib.type]!, route: fib, dev: "", gateway: 0, src: 0 };
      return undefined;
    }
    return {
      type: TYPE_NAME[r.type] ?? "unicast",
      route: r.fib,
      dev: this.nameOf(r.oif),
      gateway: r.gateway,
      src: r.src,
    };
  }

  /** Preferred source address on `dev` for reaching `dst`. */
  sourceFor(dev: string, dst: number): number {
    return this.selectAddr(this.iface(dev), dst, RT_SCOPE_UNIVERSE);
  }

  isLocal(addr: number): boolean {
    return this.ifaces.some((i) => i.addrs.some((a) => a.addr === addr)) || isLoopbackAddr(addr);
  }

  /** RTN_* class of an address for addrtype; `dev` limits to routes via that device. */
  addrType(addr: number, dev: string): number {
    const d = dev ? this.iface(dev) : undefined;
    if (dev && !d) return RTN_UNICAST;
    return this.addrTypeDev(addr, d);
  }

  // -------------------------------------------------------------------- state

  toJSON(): unknown {
    return {
      ifaces: this.ifaces,
      tables: [...this.tables.values()],
      sys: [...this.sys],
      confAll: this.confAll,
      confDflt: this.confDflt,
      confDfltSet: this.confDfltSet,
      v6All: this.v6All,
      v6Dflt: this.v6Dflt,
      nextIndex: this.nextIndex,
      tableSeq: this.tableSeq,
      customLocalRoutes: this.customLocalRoutes,
      rules: rulesToJSON(this.rules),
      customRules: this.customRules,
      rng: this.rng.state(),
    };
  }

  static fromJSON(data: unknown): NetConfig {
    const d = data as ReturnType<NetConfig["toJSON"]> & Record<string, unknown>;
    const n = new NetConfig();
    const j = d as {
      ifaces: Iface[];
      tables: FibTable[];
      sys: Array<[string, number]>;
      confAll: Record<string, number>;
      confDflt: Record<string, number>;
      confDfltSet: string[];
      v6All: number;
      v6Dflt: number;
      nextIndex: number;
      tableSeq: number;
      customLocalRoutes: boolean;
      rules?: unknown;
      customRules?: boolean;
      rng: number[];
    };
    n.ifaces = j.ifaces;
    n.tables = new Map(j.tables.map((t) => [t.id, t]));
    n.sys = new Map(j.sys);
    // Sysctls added after the state was written keep their defaults.
    for (const [name, , v] of GLOBAL_SYSCTLS) if (!n.sys.has(name)) n.sys.set(name, v);
    n.confAll = { ...n.confAll, ...j.confAll };
    n.confDflt = { ...n.confDflt, ...j.confDflt };
    n.confDfltSet = j.confDfltSet;
    n.v6All = j.v6All;
    n.v6Dflt = j.v6Dflt;
    n.nextIndex = j.nextIndex;
    n.tableSeq = j.tableSeq;
    n.customLocalRoutes = j.customLocalRoutes;
    // (states written before `ip rule` have the default rules)
    if (j.rules) n.rules = rulesFromJSON(j.rules);
    n.customRules = j.customRules ?? false;
    n.rng = Rng.fromState(j.rng);
    n.gen = 0;
    return n;
  }
}

/** Same route in the kernel's sense (same type and fib_info). */
function sameRoute(a: Route, b: Route): boolean {
  return (
    a.type === b.type &&
    a.proto === b.proto &&
    a.scope === b.scope &&
    a.prefsrc === b.prefsrc &&
    a.metric === b.metric &&
    a.gateway === b.gateway &&
    a.oif === b.oif &&
    a.onlink === b.onlink
  );
}

function routeKey(r: Route): string {
  return `${r.table}|${r.type}|${r.dst}|${r.plen}|${r.oif}|${r.prefsrc}`;
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let n = 0; n < Math.min(a.length, b.length); n++) {
    if (a[n] !== b[n]) return a[n]! < b[n]! ? -1 : 1;
  }
  return a.length - b.length;
}

/** is_valid_ether_addr(): not multicast, not all zeros. */
export function validEther(m: Mac): boolean {
  if (m === 0) return false;
  return (Math.floor(m / 2 ** 40) & 1) === 0;
}

/** inet_addr_onlink(): both addresses on one of the device's subnets. */
function inSubnetOnlink(dev: Iface, a: number, b: number): boolean {
  return dev.addrs.some((x) => inSubnet(a, x.peer, x.plen) && (!b || inSubnet(b, x.peer, x.plen)));
}

/** Most destinations the route cache keeps; past that it starts again empty. */
const ROUTE_CACHE_MAX = 1 << 16;

/**
 * lookup()'s results by destination: open addressing on one Int32Array of (destination, result
 * number + 1) pairs, 0 marking an empty slot, and the results (few: one per route) in a list. A
 * Map of tens of thousands of destinations costs several cache misses a lookup; this costs one.
 */
class RouteCache {
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;
  private size = 0;
  private results: Array<RouteResult | null> = [];
  private resultIds = new Map<RouteResult | null, number>();

  /** The cached result (null: no route), or undefined when `dst` is not cached. */
  get(dst: number): RouteResult | null | undefined {
    const key = dst | 0;
    const slots = this.slots;
    for (let h = hashAddr(key) & this.mask; ; h = (h + 1) & this.mask) {
      const v = slots[2 * h + 1]!;
      if (v === 0) return undefined;
      if (slots[2 * h] === key) return this.results[v - 1];
    }
  }

  /** Caches `r` for `dst` (not cached yet). */
  set(dst: number, r: RouteResult | null): void {
    if (this.size >= ROUTE_CACHE_MAX) this.clear();
    else if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    let id = this.resultIds.get(r);
    if (id === undefined) {
      id = this.results.length + 1;
      this.results.push(r);
      this.resultIds.set(r, id);
    }
    this.put(dst | 0, id);
    this.size++;
  }

  clear(): void {
    this.slots = new Int32Array(2 * 1024);
    this.mask = 1023;
    this.size = 0;
    this.results = [];
    this.resultIds = new Map();
  }

  private put(key: number, id: number): void {
    const slots = this.slots;
    let h = hashAddr(key) & this.mask;
    while (slots[2 * h + 1] !== 0) h = (h + 1) & this.mask;
    slots[2 * h] = key;
    slots[2 * h + 1] = id;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.put(old[i]!, old[i + 1]!);
  }
}

/** A 32-bit mix of an address (neighbouring addresses land far apart). */
function hashAddr(a: number): number {
  let h = Math.imul(a ^ (a >>> 16), 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return h ^ (h >>> 16);
}
