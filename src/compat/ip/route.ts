/**
 * `ip route`: add, change, replace, prepend, append, delete, show/list,
 * flush and get (ip/iproute.c), against the twin's FIB.
 */

import { cidrToMask } from "../../core/ipv4.js";
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP } from "../../core/packet.js";
import {
  type KErr,
  type NetConfig,
  type Route,
  type RouteFlags,
  type RouteGet,
  type RouteSpec,
  RT_SCOPE_HOST,
  RT_SCOPE_LINK,
  RT_SCOPE_NOWHERE,
  RT_SCOPE_UNIVERSE,
  RT_TABLE_LOCAL,
  RT_TABLE_MAIN,
  RTCF_BROADCAST,
  RTCF_DOREDIRECT,
  RTCF_LOCAL,
  RTCF_MULTICAST,
  RTCF_NOTIFY,
  RTPROT_BOOT,
} from "../../engine/net.js";
import type { IpCtx } from "./link.js";
import {
  AF_INET,
  AF_INET6,
  AF_UNSPEC,
  type Args,
  dsfieldA2n,
  duparg2,
  fail,
  formatIPv4,
  getAddr,
  getPrefix,
  getU16,
  getU32,
  getUnsigned,
  IpExit,
  inetProtoA2n,
  invarg,
  kernelError,
  matches,
  type Prefix,
  protoA2n,
  protoN2a,
  readFamily,
  rtntypeA2n,
  rtntypeN2a,
  scopeA2n,
  scopeN2a,
  tableA2n,
  tableN2a,
  unsupported,
} from "./util.js";

const RTN_UNICAST = 1;
const RTN_LOCAL = 2;
const RTN_BROADCAST = 3;
const RTN_ANYCAST = 4;
const RTN_MULTICAST = 5;
const RTN_NAT = 10;

export const IPROUTE_USAGE =
  "Usage: ip route { list | flush } SELECTOR\n" +
  "       ip route save SELECTOR\n" +
  "       ip route restore\n" +
  "       ip route showdump\n" +
  "       ip route get [ ROUTE_GET_FLAGS ] ADDRESS\n" +
  "                            [ from ADDRESS iif STRING ]\n" +
  "                            [ oif STRING ] [ tos TOS ]\n" +
  "                            [ mark NUMBER ] [ vrf NAME ]\n" +
  "                            [ uid NUMBER ] [ ipproto PROTOCOL ]\n" +
  "                            [ sport NUMBER ] [ dport NUMBER ]\n" +
  "       ip route { add | del | change | append | replace } ROUTE\n" +
  "SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]\n" +
  "            [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ]\n" +
  "            [ type TYPE ] [ scope SCOPE ]\n" +
  "ROUTE := NODE_SPEC [ INFO_SPEC ]\n" +
  "NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]\n" +
  "             [ table TABLE_ID ] [ proto RTPROTO ]\n" +
  "             [ scope SCOPE ] [ metric METRIC ]\n" +
  "             [ ttl-propagate { enabled | disabled } ]\n" +
  "INFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...\n" +
  "NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]\n" +
  "      [ dev STRING ] [ weight NUMBER ] NHFLAGS\n" +
  "FAMILY := [ inet | inet6 | mpls | bridge | link ]\n" +
  "OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]\n" +
  "           [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]\n" +
  "           [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]\n" +
  "           [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]\n" +
  "           [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]\n" +
  "           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]\n" +
  "           [ pref PREF ] [ expires TIME ] [ fastopen_no_cookie BOOL ]\n" +
  "TYPE := { unicast | local | broadcast | multicast | throw |\n" +
  "          unreachable | prohibit | blackhole | nat }\n" +
  "TABLE_ID := [ local | main | default | all | NUMBER ]\n" +
  "SCOPE := [ host | link | global | NUMBER ]\n" +
  "NHFLAGS := [ onlink | pervasive ]\n" +
  "RTPROTO := [ kernel | boot | static | NUMBER ]\n" +
  "PREF := [ low | medium | high ]\n" +
  "TIME := NUMBER[s|ms]\n" +
  "BOOL := [1|0]\n" +
  "FEATURES := ecn\n" +
  "ENCAPTYPE := [ mpls | ip | ip6 | seg6 | seg6local | rpl | ioam6 | xfrm ]\n" +
  "ENCAPHDR := [ MPLSLABEL | SEG6HDR | SEG6LOCAL | IOAM6HDR | XFRMINFO ]\n" +
  "SEG6HDR := [ mode SEGMODE ] segs ADDR1,ADDRi,ADDRn [hmac HMACKEYID] [cleanup]\n" +
  "SEGMODE := [ encap | encap.red | inline | l2encap | l2encap.red ]\n" +
  "SEG6LOCAL := action ACTION [ OPTIONS ] [ count ]\n" +
  "ACTION := { End | End.X | End.T | End.DX2 | End.DX6 | End.DX4 |\n" +
  "            End.DT6 | End.DT4 | End.DT46 | End.B6 | End.B6.Encaps |\n" +
  "            End.BM | End.S | End.AS | End.AM | End.BPF }\n" +
  "OPTIONS := OPTION [ OPTIONS ]\n" +
  "OPTION := { flavors FLAVORS | srh SEG6HDR | nh4 ADDR | nh6 ADDR | iif DEV | oif DEV |\n" +
  "            table TABLEID | vrftable TABLEID | endpoint PROGNAME }\n" +
  "FLAVORS := { FLAVOR[,FLAVOR] }\n" +
  "FLAVOR := { psp | usp | usd | next-csid }\n" +
  "IOAM6HDR := trace prealloc type IOAM6_TRACE_TYPE ns IOAM6_NAMESPACE size IOAM6_TRACE_SIZE\n" +
  "XFRMINFO := if_id IF_ID [ link_dev LINK ]\n" +
  "ROUTE_GET_FLAGS := [ fibmatch ]\n";

function usage(ctx: IpCtx): never {
  ctx.out.stderr += IPROUTE_USAGE;
  throw new IpExit(255);
}

/** Metric options iproute2 sends as RTA_METRICS; the twin keeps none of them. */
const METRIC_OPTS = ["mtu", "hoplimit", "advmss", "rtt", "rto_min"];
const METRIC_OPTS_ABBR = [
  "reordering",
  "window",
  "cwnd",
  "initcwnd",
  "initrwnd",
  "features",
  "quickack",
  "congctl",
  "rttvar",
  "ssthresh",
  "fastopen_no_cookie",
];

/** iproute_modify(). */
function iprouteModify(ctx: IpCtx, a: Args, del: boolean, flags: RouteFlags): number {
  const { net, out } = ctx;
  let family = ctx.family;
  let table = RT_TABLE_MAIN;
  let scope = del ? RT_SCOPE_NOWHERE : RT_SCOPE_UNIVERSE;
  let type = del ? 0 : RTN_UNICAST;
  let proto = del ? 0 : RTPROT_BOOT;
  let dev: string | undefined;
  let gw: Prefix | undefined;
  let dst: Prefix | undefined;
  let prefsrc = 0;
  let metric = 0;
  let onlink = false;
  let tableOk = false;
  let scopeOk = false;
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "src") {
      const v = a.next();
      const p = getAddr(out, v, family);
      if (family === AF_UNSPEC) family = p.family;
      prefsrc = p.addr;
    } else if (w === "as") {
      let v = a.next();
      if (v === "to") v = a.next();
      getAddr(out, v, family);
      unsupported(out, '"as" (RTA_NEWDST)');
    } else if (w === "via") {
      if (gw) invarg(out, "use nexthop syntax to specify multiple via\n", w);
      let v = a.next();
      let fam = readFamily(v);
      if (fam === AF_UNSPEC) fam = family;
      else v = a.next();
      const p = getAddr(out, v, fam);
      if (family === AF_UNSPEC) family = p.family;
      gw = p;
    } else if (w === "from") {
      const v = a.next();
      getPrefix(out, v, family);
      unsupported(out, 'source-specific routes ("from")');
    } else if (w === "tos" || matches(w, "dsfield")) {
      a.next();
      unsupported(out, "routes with a TOS");
    } else if (w === "expires") {
      const v = a.next();
      if (getU32(v) === undefined) invarg(out, '"expires" value is invalid\n', v);
      unsupported(out, '"expires"');
    } else if (matches(w, "metric") || matches(w, "priority") || w === "preference") {
      const v = a.next();
      const m = getU32(v);
      if (m === undefined) invarg(out, '"metric" value is invalid\n', v);
      metric = m;
    } else if (w === "scope") {
      const v = a.next();
      const s = scopeA2n(v);
      if (s === undefined) invarg(out, 'invalid "scope" value\n', v);
      scope = s;
      scopeOk = true;
    } else if (METRIC_OPTS.includes(w) || METRIC_OPTS_ABBR.some((o) => matches(w, o))) {
      a.next();
      unsupported(out, `the route metric "${w}"`);
    } else if (matches(w, "realms")) {
      a.next();
      unsupported(out, "realms");
    } else if (w === "onlink") onlink = true;
    else if (w === "nexthop" || w === "nhid") unsupported(out, "multipath and nexthop objects");
    else if (matches(w, "protocol")) {
      const v = a.next();
      const p = protoA2n(v);
      if (p === undefined) invarg(out, '"protocol" value is invalid\n', v);
      proto = p;
    } else if (matches(w, "table")) {
      const v = a.next();
      const t = tableA2n(v);
      if (t === undefined) invarg(out, '"table" value is invalid\n', v);
      table = t;
      tableOk = true;
    } else if (matches(w, "vrf")) {
      const v = a.next();
      invarg(out, "Invalid VRF\n", v);
    } else if (w === "dev" || w === "oif") dev = a.next();
    else if (matches(w, "pref") || w === "encap" || w === "ttl-propagate") {
      a.next();
      unsupported(out, `"${w}"`);
    } else {
      let v = w;
      if (v === "to") v = a.next();
      if ((v[0]! < "0" || v[0]! > "9") && rtntypeA2n(v) !== undefined) {
        type = rtntypeA2n(v)!;
        v = a.next();
      }
      if (matches(v, "help")) usage(ctx);
      if (dst) duparg2(out, "to", v);
      dst = getPrefix(out, v, family);
      if (family === AF_UNSPEC) family = dst.family;
    }
  }
  if (!dst) usage(ctx);
  let oif = 0;
  if (dev !== undefined) {
    const d = net.iface(dev);
    if (!d) {
      out.stderr += `Cannot find device "${dev}"\n`;
      return 1;
    }
    oif = d.index;
  }
  if (family === AF_UNSPEC) family = AF_INET;
  if (!tableOk && [RTN_LOCAL, RTN_BROADCAST, RTN_NAT, RTN_ANYCAST].includes(type)) table = RT_TABLE_LOCAL;
  if (!scopeOk) {
    if (family === AF_INET6) scope = RT_SCOPE_UNIVERSE;
    else if (type === RTN_LOCAL || type === RTN_NAT) scope = RT_SCOPE_HOST;
    else if (type === RTN_BROADCAST || type === RTN_MULTICAST || type === RTN_ANYCAST) scope = RT_SCOPE_LINK;
    else if (type === RTN_UNICAST || type === 0) {
      if (del) scope = RT_SCOPE_NOWHERE;
      else if (!gw) scope = RT_SCOPE_LINK;
    }
  }
  if (family === AF_INET6)
    kernelError(out, del ? { errno: "ESRCH" } : { errno: "EACCES", extack: "IPv6 is disabled on nexthop device" });
  if (family !== AF_INET || (gw && gw.family !== AF_INET)) unsupported(out, "non-IPv4 routes");
  const spec: RouteSpec = {
    table: table === 0 ? RT_TABLE_MAIN : table,
    type,
    dst: dst.addr,
    plen: dst.bitlen,
    tos: 0,
    metric,
    proto,
    scope,
    prefsrc,
    gateway: gw ? gw.addr : 0,
    oif,
    onlink,
  };
  const e: KErr | undefined = del ? net.delRoute(spec) : net.addRoute(spec, flags);
  if (e) kernelError(out, e);
  return 0;
}

interface RouteFilter {
  /** 0 = every table. */
  tb: number;
  protocol: number;
  protocolmask: number;
  scope: number;
  scopemask: number;
  typemask: number;
  oif: number;
  oifmask: number;
  iif: number;
  iifmask: number;
  metric: number;
  metricmask: number;
  rvia?: Prefix;
  rprefsrc?: Prefix;
  rdst?: Prefix;
  mdst?: Prefix;
  rsrc?: Prefix;
  msrc?: Prefix;
}

function prefixMatch(addr: number, p: Prefix, bits: number): boolean {
  if (bits <= 0) return true;
  return ((addr ^ p.addr) & cidrToMask(Math.min(bits, 32))) >>> 0 === 0;
}

/** filter_nlmsg() for an IPv4 FIB entry. */
function routePasses(f: RouteFilter, r: Route): boolean {
  if (f.tb > 0 && f.tb !== r.table) return false;
  if ((f.protocol ^ r.proto) & f.protocolmask) return false;
  if ((f.scope ^ r.scope) & f.scopemask) return false;
  if (f.typemask && !(f.typemask & (1 << r.type))) return false;
  if (f.rdst && (f.rdst.family !== AF_INET && f.rdst.family !== AF_UNSPEC ? true : f.rdst.bitlen > r.plen))
    return false;
  if (f.mdst && f.mdst.family !== AF_INET && f.mdst.family !== AF_UNSPEC) return false;
  if (f.mdst && f.mdst.bitlen >= 0 && f.mdst.bitlen < r.plen) return false;
  if (f.rsrc && f.rsrc.bitlen > 0) return false;
  if (f.rvia && f.rvia.family !== AF_INET && f.rvia.family !== AF_UNSPEC) return false;
  if (f.rdst && !prefixMatch(r.dst, f.rdst, f.rdst.bitlen)) return false;
  if (f.mdst && !prefixMatch(r.dst, f.mdst, r.plen)) return false;
  if (f.rvia && !prefixMatch(r.gateway, f.rvia, f.rvia.bitlen)) return false;
  if (f.rprefsrc && !prefixMatch(r.prefsrc, f.rprefsrc, f.rprefsrc.bitlen)) return false;
  if (f.iifmask && f.iif !== 0) return false;
  if ((f.oif ^ r.oif) & f.oifmask) return false;
  if ((f.metric ^ r.metric) & f.metricmask) return false;
  return true;
}

/** print_route() for a FIB entry. */
export function formatRoute(net: NetConfig, r: Route, showTable: boolean, f?: RouteFilter): string {
  let s = "";
  if (r.type !== RTN_UNICAST && (!f?.typemask || f.typemask & (1 << r.type))) s += `${rtntypeN2a(r.type)} `;
  s += r.plen === 0 ? "default " : r.plen === 32 ? `${formatIPv4(r.dst)} ` : `${formatIPv4(r.dst)}/${r.plen} `;
  if (r.gateway && !(f?.rvia && f.rvia.bitlen === 32)) s += `via ${formatIPv4(r.gateway)} `;
  if (r.oif && (!f || f.oifmask !== -1)) s += `dev ${net.nameOf(r.oif)} `;
  if (r.table !== RT_TABLE_MAIN && showTable) s += `table ${tableN2a(r.table)} `;
  if (r.proto !== RTPROT_BOOT && (!f || f.protocolmask !== -1)) s += `proto ${protoN2a(r.proto)} `;
  if (r.scope !== RT_SCOPE_UNIVERSE && (!f || f.scopemask !== -1)) s += `scope ${scopeN2a(r.scope)} `;
  if (r.prefsrc && !(f?.rprefsrc && f.rprefsrc.bitlen === 32)) s += `src ${formatIPv4(r.prefsrc)} `;
  if (r.metric && (!f || f.metricmask !== -1)) s += `metric ${r.metric} `;
  if (r.onlink) s += "onlink ";
  if (net.linkdown(r)) s += "linkdown ";
  return `${s}\n`;
}

/** iproute_list_flush_or_save(). */
function iprouteList(ctx: IpCtx, a: Args, flush: boolean): number {
  const { net, out } = ctx;
  let dumpFamily = ctx.family;
  const f: RouteFilter = {
    tb: RT_TABLE_MAIN,
    protocol: 0,
    protocolmask: 0,
    scope: 0,
    scopemask: 0,
    typemask: 0,
    oif: 0,
    oifmask: 0,
    iif: 0,
    iifmask: 0,
    metric: 0,
    metricmask: 0,
  };
  let cloned = false;
  let od: string | undefined;
  let id: string | undefined;
  if (flush && !a.more) {
    out.stderr += '"ip route flush" requires arguments.\n';
    return 1;
  }
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (matches(w, "table")) {
      const v = a.next();
      const t = tableA2n(v);
      if (t === undefined) {
        if (v === "all") f.tb = 0;
        else if (v === "cache") cloned = true;
        else if (v === "help") usage(ctx);
        else invarg(out, "table id value is invalid\n", v);
      } else f.tb = t;
    } else if (matches(w, "vrf")) {
      const v = a.next();
      invarg(out, "Invalid VRF\n", v);
    } else if (matches(w, "cached") || matches(w, "cloned")) cloned = true;
    else if (w === "tos" || matches(w, "dsfield")) {
      a.next();
      unsupported(out, "a TOS selector");
    } else if (matches(w, "protocol")) {
      const v = a.next();
      f.protocolmask = -1;
      const p = protoA2n(v);
      if (p === undefined) {
        if (v !== "all") invarg(out, 'invalid "protocol"\n', v);
        f.protocol = 0;
        f.protocolmask = 0;
      } else f.protocol = p;
    } else if (matches(w, "scope")) {
      const v = a.next();
      f.scopemask = -1;
      const s = scopeA2n(v);
      if (s === undefined) {
        if (v !== "all") invarg(out, 'invalid "scope"\n', v);
        f.scope = RT_SCOPE_NOWHERE;
        f.scopemask = 0;
      } else f.scope = s;
    } else if (matches(w, "type")) {
      const v = a.next();
      const t = rtntypeA2n(v);
      if (t === undefined) invarg(out, "node type value is invalid\n", v);
      f.typemask = 1 << t;
    } else if (w === "dev" || w === "oif") od = a.next();
    else if (w === "iif") id = a.next();
    else if (w === "mark") {
      const v = a.next();
      if (getUnsigned(v) === undefined) invarg(out, "invalid mark value", v);
    } else if (matches(w, "metric") || matches(w, "priority") || w === "preference") {
      const v = a.next();
      const m = getU32(v);
      if (m === undefined) invarg(out, '"metric" value is invalid\n', v);
      f.metric = m;
      f.metricmask = -1;
    } else if (w === "via") {
      let v = a.next();
      let fam = readFamily(v);
      if (fam === AF_UNSPEC) fam = dumpFamily;
      else v = a.next();
      f.rvia = getPrefix(out, v, fam);
    } else if (w === "src") {
      const v = a.next();
      f.rprefsrc = getPrefix(out, v, dumpFamily);
    } else if (matches(w, "realms")) {
      a.next();
      unsupported(out, "a realms selector");
    } else if (matches(w, "from")) {
      let v = a.next();
      if (matches(v, "root")) f.rsrc = getPrefix(out, a.next(), dumpFamily);
      else if (matches(v, "match")) f.msrc = getPrefix(out, a.next(), dumpFamily);
      else {
        if (matches(v, "exact")) v = a.next();
        f.msrc = getPrefix(out, v, dumpFamily);
        f.rsrc = f.msrc;
      }
    } else {
      let v = w;
      if (matches(v, "to")) v = a.next();
      if (matches(v, "root")) f.rdst = getPrefix(out, a.next(), dumpFamily);
      else if (matches(v, "match")) f.mdst = getPrefix(out, a.next(), dumpFamily);
      else {
        if (matches(v, "exact")) v = a.next();
        f.mdst = getPrefix(out, v, dumpFamily);
        f.rdst = f.mdst;
      }
    }
  }
  if (dumpFamily === AF_UNSPEC && f.tb) dumpFamily = AF_INET;
  if (id !== undefined || od !== undefined) {
    if (id !== undefined) {
      const d = net.iface(id);
      if (!d) {
        out.stderr += `Cannot find device "${id}"\n`;
        return 1;
      }
      f.iif = d.index;
      f.iifmask = -1;
    }
    if (od !== undefined) {
      const d = net.iface(od);
      if (!d) {
        out.stderr += `Cannot find device "${od}"\n`;
        return 1;
      }
      f.oif = d.index;
      f.oifmask = -1;
    }
  }
  if (dumpFamily !== AF_UNSPEC && dumpFamily !== AF_INET) return 0;
  if (f.tb && !net.tables.has(f.tb) && !cloned) {
    out.stderr += `Error: ipv4: FIB table does not exist.\n${flush ? "Flush" : "Dump"} terminated\n`;
    return 2;
  }
  if (cloned) return 0;
  const tables = f.tb ? [net.tables.get(f.tb)!] : net.dumpTables();
  if (flush) {
    const doomed = new Set<Route>();
    for (const t of tables) for (const r of t.routes) if (routePasses(f, r)) doomed.add(r);
    net.flushRoutes((r) => doomed.has(r));
    return 0;
  }
  for (const t of tables) for (const r of t.routes) if (routePasses(f, r)) out.stdout += formatRoute(net, r, !f.tb, f);
  return 0;
}

/** print_route() for the answer of RTM_GETROUTE (a cloned route). */
function formatGet(
  net: NetConfig,
  dst: number,
  from: number | undefined,
  g: RouteGet,
  mark: number,
  uid: number,
  iif: number,
  oneline: boolean,
): string {
  let s = "";
  if (g.type !== RTN_UNICAST) s += `${rtntypeN2a(g.type)} `;
  s += `${formatIPv4(dst)} `;
  if (from !== undefined) s += `from ${formatIPv4(from)} `;
  if (g.gateway) s += `via ${formatIPv4(g.gateway)} `;
  s += `dev ${net.nameOf(g.oif)} `;
  // RTA_TABLE: the table the route came from (main not named)
  const table = g.fib ? net.reportedTable(g.fib) : RT_TABLE_MAIN;
  if (table !== RT_TABLE_MAIN) s += `table ${tableN2a(table)} `;
  if (!g.input && g.src && g.src !== from) s += `src ${formatIPv4(g.src)} `;
  if (g.flags & RTCF_MULTICAST) s += "rt_offload_failed ";
  if (mark) s += mark >= 16 ? `mark 0x${mark.toString(16)} ` : `mark ${mark} `;
  // (an input lookup's flow has no uid unless the request gave one)
  if (!g.input || uid >= 0) s += `uid ${uid} `;
  s += `${oneline ? "\\" : "\n"}    cache `;
  const names: Array<[number, string]> = [
    [RTCF_LOCAL, "local"],
    [RTCF_MULTICAST, "mc"],
    [RTCF_BROADCAST, "brd"],
    [RTCF_DOREDIRECT, "redirect"],
    [RTCF_NOTIFY, "notify"],
  ];
  let fl = g.flags;
  if (fl) {
    s += "<";
    for (const [bit, name] of names) {
      if (!(fl & bit)) continue;
      fl &= ~bit;
      s += fl ? `${name},` : `${name}> `;
    }
  }
  if (g.input) s += `iif ${net.nameOf(iif)} `;
  return `${s}\n`;
}

/** iproute_get(). */
function iprouteGet(ctx: IpCtx, a: Args): number {
  const { net, out } = ctx;
  let family = ctx.family;
  let idev: string | undefined;
  let odev: string | undefined;
  let from: Prefix | undefined;
  let mark = 0;
  let uid = 0;
  let uidGiven = false;
  let tos = 0;
  // inet_rtm_getroute(): a flow of UDP unless told otherwise
  let ipproto = IPPROTO_UDP;
  let sport = 0;
  let dport = 0;
  let dst: Prefix | undefined;
  let fibmatch = false;
  let connected = false;
  let notify = false;
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "tos" || matches(w, "dsfield")) {
      const v = a.next();
      const t = dsfieldA2n(v);
      if (t === undefined) invarg(out, "TOS value is invalid\n", v);
      tos = t;
    } else if (matches(w, "from")) {
      const v = a.next();
      if (matches(v, "help")) usage(ctx);
      from = getPrefix(out, v, family);
      if (family === AF_UNSPEC) family = from.family;
    } else if (matches(w, "iif")) idev = a.next();
    else if (matches(w, "mark")) {
      const v = a.next();
      const m = getUnsigned(v);
      if (m === undefined) invarg(out, "invalid mark value", v);
      mark = m;
    } else if (matches(w, "oif") || w === "dev") odev = a.next();
    else if (matches(w, "notify")) notify = true;
    else if (matches(w, "connected")) connected = true;
    else if (matches(w, "vrf")) {
      const v = a.next();
      invarg(out, "Invalid VRF\n", v);
    } else if (matches(w, "uid")) {
      const v = a.next();
      const u = getUnsigned(v);
      if (u === undefined) invarg(out, "invalid UID\n", v);
      uid = u;
      uidGiven = true;
    } else if (matches(w, "fibmatch")) fibmatch = true;
    else if (w === "as") {
      let v = a.next();
      if (v === "to") v = a.next();
      getAddr(out, v, family);
      unsupported(out, '"as" in route lookups');
    } else if (matches(w, "sport") || matches(w, "dport")) {
      const v = a.next();
      const port = getU16(v);
      if (port === undefined) invarg(out, `invalid ${matches(w, "sport") ? "sport" : "dport"}\n`, v);
      if (matches(w, "sport")) sport = port;
      else dport = port;
    } else if (matches(w, "ipproto")) {
      const v = a.next();
      const n = inetProtoA2n(v);
      if (n === undefined) invarg(out, 'Invalid "ipproto" value\n', v);
      ipproto = n;
    } else {
      let v = w;
      if (v === "to") v = a.next();
      if (matches(v, "help")) usage(ctx);
      dst = getPrefix(out, v, family);
      if (family === AF_UNSPEC) family = dst.family;
      if (dst.family === AF_INET && dst.bitlen !== 32)
        out.stderr += `Warning: /${dst.bitlen} as prefix is invalid, only /32 (or none) is supported.\n`;
    }
  }
  if (!dst) {
    out.stderr += "need at least a destination address\n";
    return 1;
  }
  let iif = 0;
  let oif = 0;
  if (idev !== undefined) {
    const d = net.iface(idev);
    if (!d) {
      out.stderr += `Cannot find device "${idev}"\n`;
      return 1;
    }
    iif = d.index;
  }
  if (odev !== undefined) {
    const d = net.iface(odev);
    if (!d) {
      out.stderr += `Cannot find device "${odev}"\n`;
      return 1;
    }
    oif = d.index;
  }
  if (family === AF_INET6) kernelError(out, { errno: "ENETUNREACH" });
  // rtm_getroute_parse_ip_proto(): the protocols a lookup may name
  if (ipproto !== IPPROTO_UDP && ipproto !== IPPROTO_TCP && ipproto !== IPPROTO_ICMP)
    kernelError(out, { errno: "EOPNOTSUPP", extack: "Unsupported ip proto" });
  const src = from?.bytelen ? from.addr : undefined;
  const l4 = { proto: ipproto, sport, dport };
  // (an input lookup routes a packet built of the request: ports only in a TCP or UDP header)
  const inPorts = ipproto === IPPROTO_TCP || ipproto === IPPROTO_UDP;
  const g = iif
    ? net.routeInput({
        dst: dst.addr,
        src: src ?? 0,
        iif,
        mark,
        tos,
        proto: ipproto,
        sport: inPorts ? sport : 0,
        dport: inPorts ? dport : 0,
      })
    : net.routeOutput({
        dst: dst.addr,
        ...(src !== undefined ? { src } : {}),
        ...(oif ? { oif } : {}),
        mark,
        tos,
        ...l4,
        uid,
      });
  if ("errno" in g) kernelError(out, g);
  if (notify) g.flags |= RTCF_NOTIFY;
  if (fibmatch) {
    if (!g.fib) kernelError(out, { errno: "ENETUNREACH" });
    // While local and main share one trie, the answer names the merged table (main).
    out.stdout += formatRoute(net, { ...g.fib, table: net.reportedTable(g.fib) }, true);
    return 0;
  }
  const line = formatGet(net, dst.addr, src, g, mark, iif && !uidGiven ? -1 : uid, iif, ctx.oneline);
  out.stdout += line;
  if (connected && !from) out.stdout += line;
  return 0;
}

/** do_iproute(). */
export function doIproute(ctx: IpCtx, a: Args): number {
  const { out } = ctx;
  if (!a.more) return iprouteList(ctx, a, false);
  const w = a.cur;
  a.advance();
  if (matches(w, "add")) return iprouteModify(ctx, a, false, { create: true, excl: true });
  if (matches(w, "change") || w === "chg") return iprouteModify(ctx, a, false, { replace: true });
  if (matches(w, "replace")) return iprouteModify(ctx, a, false, { create: true, replace: true });
  if (matches(w, "prepend")) return iprouteModify(ctx, a, false, { create: true });
  if (matches(w, "append")) return iprouteModify(ctx, a, false, { create: true, append: true });
  if (matches(w, "test")) return iprouteModify(ctx, a, false, { excl: true });
  if (matches(w, "delete")) return iprouteModify(ctx, a, true, {});
  if (matches(w, "list") || matches(w, "show") || matches(w, "lst")) return iprouteList(ctx, a, false);
  if (matches(w, "get")) return iprouteGet(ctx, a);
  if (matches(w, "flush")) return iprouteList(ctx, a, true);
  if (matches(w, "save") || matches(w, "restore") || matches(w, "showdump")) unsupported(out, `"ip route ${w}"`);
  if (matches(w, "help")) usage(ctx);
  fail(out, `Command "${w}" is unknown, try "ip route help".\n`, 255);
}
