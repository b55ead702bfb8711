/**
 * The twin host's network configuration: interfaces with their addresses,
 * routing tables (local table derived from addresses, as the kernel does),
 * sysctls and listening sockets. Pure data and lookups; no packet handling.
 */
import { cidrToMask } from "../core/ipv4.js";
import type { Mac } from "../core/packet.js";
import { RTN_BLACKHOLE, RTN_BROADCAST, RTN_LOCAL, RTN_MULTICAST, RTN_PROHIBIT, RTN_UNICAST, RTN_UNREACHABLE } from "./context.js";

export type IfaceKind = "loopback" | "dummy" | "veth" | "bridge";

export interface IfAddr {
  addr: number;
  plen: number;
  /** Broadcast address, 0 for none. */
  brd: number;
  /** Label / scope as iproute2 shows them. */
  scope: "host" | "link" | "global";
}

export interface Iface {
  index: number;
  name: string;
  kind: IfaceKind;
  mac: Mac;
  mtu: number;
  up: boolean;
  addrs: IfAddr[];
  /** veth peer "host/iface" in a lab, or the peer's name when both ends are on this host. */
  peer?: string;
  /** Bridge this interface is a port of. */
  master?: string;
  group: number;
}

export type RouteType = "unicast" | "local" | "broadcast" | "blackhole" | "unreachable" | "prohibit" | "multicast";

export interface Route {
  table: number;
  type: RouteType;
  dst: number;
  plen: number;
  gateway: number;
  dev: string;
  src: number;
  metric: number;
  proto: "kernel" | "boot" | "static";
  scope: "host" | "link" | "global";
}

export const RT_TABLE_MAIN = 254;
export const RT_TABLE_LOCAL = 255;

export interface RouteResult {
  type: RouteType;
  route?: Route;
  dev: string;
  gateway: number;
  /** Preferred source address. */
  src: number;
}

function rtnOf(t: RouteType): number {
  switch (t) {
    case "local":
      return RTN_LOCAL;
    case "broadcast":
      return RTN_BROADCAST;
    case "blackhole":
      return RTN_BLACKHOLE;
    case "unreachable":
      return RTN_UNREACHABLE;
    case "prohibit":
      return RTN_PROHIBIT;
    case "multicast":
      return RTN_MULTICAST;
    default:
      return RTN_UNICAST;
  }
}

export class NetConfig {
  ifaces: Iface[] = [];
  /** Routes the user added (main and numbered tables); the local table and prefix routes are derived. */
  routes: Route[] = [];
  sysctl = new Map<string, string>();
  nextIndex = 1;

  constructor() {
    this.ifaces.push({
      index: this.nextIndex++,
      name: "lo",
      kind: "loopback",
      mac: 0,
      mtu: 65536,
      up: true,
      addrs: [{ addr: 0x7f000001, plen: 8, brd: 0, scope: "host" }],
      group: 0,
    });
    for (const [k, v] of DEFAULT_SYSCTLS) this.sysctl.set(k, v);
  }

  iface(name: string): Iface | undefined {
    return this.ifaces.find((i) => i.name === name);
  }

  ifaceByIndex(index: number): Iface | undefined {
    return this.ifaces.find((i) => i.index === index);
  }

  sysctlInt(name: string): number {
    return Number.parseInt(this.sysctl.get(name) ?? "0", 10);
  }

  /** A per-interface sysctl resolved the way the kernel combines conf.all and conf.IFACE. */
  confInt(dev: string, key: string, combine: "max" | "and" | "or" = "max"): number {
    const all = this.sysctlInt(`net.ipv4.conf.all.${key}`);
    const own = this.sysctl.has(`net.ipv4.conf.${dev}.${key}`)
      ? this.sysctlInt(`net.ipv4.conf.${dev}.${key}`)
      : this.sysctlInt(`net.ipv4.conf.default.${key}`);
    if (combine === "and") return all && own ? 1 : 0;
    if (combine === "or") return all || own ? 1 : 0;
    return Math.max(all, own);
  }

  /** All routes: derived local/broadcast and prefix routes of up interfaces, then configured ones. */
  allRoutes(): Route[] {
    const out: Route[] = [];
    for (const i of this.ifaces) {
      for (const a of i.addrs) {
        out.push({ table: RT_TABLE_LOCAL, type: "local", dst: a.addr, plen: 32, gateway: 0, dev: i.name, src: a.addr, metric: 0, proto: "kernel", scope: "host" });
        if (!i.up) continue;
        const mask = cidrToMask(a.plen);
        const net = (a.addr & mask) >>> 0;
        if (i.kind === "loopback") {
          out.push({ table: RT_TABLE_LOCAL, type: "local", dst: net, plen: a.plen, gateway: 0, dev: i.name, src: a.addr, metric: 0, proto: "kernel", scope: "host" });
        } else if (a.plen < 32) {
          out.push({ table: RT_TABLE_MAIN, type: "unicast", dst: net, plen: a.plen, gateway: 0, dev: i.name, src: a.addr, metric: 0, proto: "kernel", scope: "link" });
        }
        if (a.brd) out.push({ table: RT_TABLE_LOCAL, type: "broadcast", dst: a.brd, plen: 32, gateway: 0, dev: i.name, src: a.addr, metric: 0, proto: "kernel", scope: "link" });
      }
    }
    for (const r of this.routes) {
      const dev = r.dev ? this.iface(r.dev) : undefined;
      if (r.dev && (!dev || !dev.up)) continue;
      out.push(r);
    }
    return out;
  }

  /** fib_lookup(): local table first, then main; longest prefix, then lowest metric. */
  lookup(dst: number): RouteResult | undefined {
    const routes = this.allRoutes();
    for (const table of [RT_TABLE_LOCAL, RT_TABLE_MAIN]) {
      let best: Route | undefined;
      for (const r of routes) {
        if (r.table !== table) continue;
        const mask = cidrToMask(r.plen);
        if (((dst & mask) >>> 0) !== r.dst) continue;
        if (!best || r.plen > best.plen || (r.plen === best.plen && r.metric < best.metric)) best = r;
      }
      if (best) {
        const src = best.src || this.sourceFor(best.dev, best.gateway || dst);
        return { type: best.type, route: best, dev: best.dev, gateway: best.gateway, src };
      }
    }
    return undefined;
  }

  /** Preferred source address on `dev` for reaching `dst` (same subnet first, then the primary). */
  sourceFor(dev: string, dst: number): number {
    const i = this.iface(dev);
    if (!i || i.addrs.length === 0) {
      for (const j of this.ifaces) if (j.kind !== "loopback" && j.addrs.length) return j.addrs[0]!.addr;
      return 0;
    }
    for (const a of i.addrs) {
      const m = cidrToMask(a.plen);
      if (((a.addr & m) >>> 0) === ((dst & m) >>> 0)) return a.addr;
    }
    return i.addrs[0]!.addr;
  }

  isLocal(addr: number): boolean {
    return this.ifaces.some((i) => i.addrs.some((a) => a.addr === addr)) || (addr >>> 24) === 127;
  }

  /** RTN_* class of an address for addrtype; `dev` limits to routes via that device. */
  addrType(addr: number, dev: string): number {
    if (addr === 0xffffffff) return RTN_BROADCAST;
    if ((addr >>> 28) === 0xe) return RTN_MULTICAST;
    const r = this.lookup(addr);
    if (!r) return RTN_UNREACHABLE;
    if (dev && r.dev !== dev && r.type !== "local") return RTN_UNICAST;
    return rtnOf(r.type);
  }
}

export const DEFAULT_SYSCTLS: ReadonlyArray<readonly [string, string]> = [
  ["net.ipv4.ip_forward", "0"],
  ["net.ipv4.ip_default_ttl", "64"],
  ["net.ipv4.icmp_echo_ignore_all", "0"],
  ["net.ipv4.icmp_ratelimit", "1000"],
  ["net.ipv4.conf.all.rp_filter", "0"],
  ["net.ipv4.conf.default.rp_filter", "0"],
  ["net.ipv4.conf.all.route_localnet", "0"],
  ["net.ipv4.conf.default.route_localnet", "0"],
  ["net.ipv4.conf.all.forwarding", "0"],
  ["net.ipv4.conf.default.forwarding", "0"],
  ["net.netfilter.nf_conntrack_tcp_loose", "1"],
  ["net.netfilter.nf_conntrack_max", "65536"],
  ["net.netfilter.nf_conntrack_tcp_timeout_syn_sent", "120"],
  ["net.netfilter.nf_conntrack_tcp_timeout_syn_recv", "60"],
  ["net.netfilter.nf_conntrack_tcp_timeout_established", "432000"],
  ["net.netfilter.nf_conntrack_tcp_timeout_fin_wait", "120"],
  ["net.netfilter.nf_conntrack_tcp_timeout_close_wait", "60"],
  ["net.netfilter.nf_conntrack_tcp_timeout_last_ack", "30"],
  ["net.netfilter.nf_conntrack_tcp_timeout_time_wait", "120"],
  ["net.netfilter.nf_conntrack_tcp_timeout_close", "10"],
  ["net.netfilter.nf_conntrack_tcp_timeout_unacknowledged", "300"],
  ["net.netfilter.nf_conntrack_udp_timeout", "30"],
  ["net.netfilter.nf_conntrack_udp_timeout_stream", "120"],
  ["net.netfilter.nf_conntrack_icmp_timeout", "30"],
  ["net.netfilter.nf_conntrack_generic_timeout", "600"],
];
