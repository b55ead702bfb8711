/**
 * `ip link`: add, set, delete (ip/iplink.c, link_veth.c, iplink_bridge.c)
 * and the link line every listing prints (print_linkinfo in ip/ipaddress.c).
 *
 * Device kinds: loopback, veth, bridge and dummy. The reference machine has
 * no dummy module (`ip link add d0 type dummy` says "Error: Unknown device
 * type." there), so dummy devices follow the driver (drivers/net/dummy.c:
 * ether_setup() with NOARP and without MULTICAST, IFF_NO_QUEUE, always
 * carrier, MTU 0..65535) and iproute2's formats for the other kinds:
 * "<BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN … qlen 1000" down,
 * "<BROADCAST,NOARP,UP,LOWER_UP> … qdisc noqueue state UNKNOWN" up.
 * Other kinds get the kernel's "Unknown device type", as on a kernel without
 * their modules. MAC addresses the kernel would choose at random come from
 * the host's seeded generator (NetConfig.randomMac).
 */
import type { Iface, IfaceKind, LinkSpec, NetConfig } from "../../engine/net.js";
import {
  AF_PACKET,
  Args,
  bytesToMac,
  checkAltIfname,
  checkIfname,
  duparg,
  duparg2,
  fail,
  getInteger,
  groupA2n,
  groupN2a,
  IpExit,
  type IpOut,
  invarg,
  kernelError,
  llAddrA2n,
  macToText,
  matches,
  unsupported,
} from "./util.js";

/** What the whole `ip` invocation was asked for with global options. */
export interface IpCtx {
  net: NetConfig;
  out: IpOut;
  family: number;
  oneline: boolean;
  brief: boolean;
}

export const IPLINK_USAGE =
  "Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME\n" +
  "\t\t    [ txqueuelen PACKETS ]\n" +
  "\t\t    [ address LLADDR ]\n" +
  "\t\t    [ broadcast LLADDR ]\n" +
  "\t\t    [ mtu MTU ] [index IDX ]\n" +
  "\t\t    [ numtxqueues QUEUE_COUNT ]\n" +
  "\t\t    [ numrxqueues QUEUE_COUNT ]\n" +
  "\t\t    [ netns { PID | NAME } ]\n" +
  "\t\t    type TYPE [ ARGS ]\n" +
  "\n" +
  "\tip link delete { DEVICE | dev DEVICE | group DEVGROUP } type TYPE [ ARGS ]\n" +
  "\n" +
  "\tip link set { DEVICE | dev DEVICE | group DEVGROUP }\n" +
  "\t\t\t[ { up | down } ]\n" +
  "\t\t\t[ type TYPE ARGS ]\n" +
  "\t\t[ arp { on | off } ]\n" +
  "\t\t[ dynamic { on | off } ]\n" +
  "\t\t[ multicast { on | off } ]\n" +
  "\t\t[ allmulticast { on | off } ]\n" +
  "\t\t[ promisc { on | off } ]\n" +
  "\t\t[ trailers { on | off } ]\n" +
  "\t\t[ carrier { on | off } ]\n" +
  "\t\t[ txqueuelen PACKETS ]\n" +
  "\t\t[ name NEWNAME ]\n" +
  "\t\t[ address LLADDR ]\n" +
  "\t\t[ broadcast LLADDR ]\n" +
  "\t\t[ mtu MTU ]\n" +
  "\t\t[ netns { PID | NAME } ]\n" +
  "\t\t[ link-netns NAME | link-netnsid ID ]\n" +
  "\t\t[ alias NAME ]\n" +
  "\t\t[ vf NUM [ mac LLADDR ]\n" +
  "\t\t\t [ vlan VLANID [ qos VLAN-QOS ] [ proto VLAN-PROTO ] ]\n" +
  "\t\t\t [ rate TXRATE ]\n" +
  "\t\t\t [ max_tx_rate TXRATE ]\n" +
  "\t\t\t [ min_tx_rate TXRATE ]\n" +
  "\t\t\t [ spoofchk { on | off} ]\n" +
  "\t\t\t [ query_rss { on | off} ]\n" +
  "\t\t\t [ state { auto | enable | disable} ]\n" +
  "\t\t\t [ trust { on | off} ]\n" +
  "\t\t\t [ node_guid EUI64 ]\n" +
  "\t\t\t [ port_guid EUI64 ] ]\n" +
  "\t\t[ { xdp | xdpgeneric | xdpdrv | xdpoffload } { off |\n" +
  "\t\t\t  object FILE [ { section | program } NAME ] [ verbose ] |\n" +
  "\t\t\t  pinned FILE } ]\n" +
  "\t\t[ master DEVICE ][ vrf NAME ]\n" +
  "\t\t[ nomaster ]\n" +
  "\t\t[ addrgenmode { eui64 | none | stable_secret | random } ]\n" +
  "\t\t[ protodown { on | off } ]\n" +
  "\t\t[ protodown_reason PREASON { on | off } ]\n" +
  "\t\t[ gso_max_size BYTES ] | [ gso_max_segs PACKETS ]\n" +
  "\t\t[ gro_max_size BYTES ]\n" +
  "\n" +
  "\tip link show [ DEVICE | group GROUP ] [up] [master DEV] [vrf NAME] [type TYPE]\n" +
  "\t\t[nomaster]\n" +
  "\n" +
  "\tip link xstats type TYPE [ ARGS ]\n" +
  "\n" +
  "\tip link afstats [ dev DEVICE ]\n" +
  "\tip link property add dev DEVICE [ altname NAME .. ]\n" +
  "\tip link property del dev DEVICE [ altname NAME .. ]\n" +
  "\n" +
  "\tip link help [ TYPE ]\n" +
  "\n" +
  "TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |\n" +
  "          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |\n" +
  "          ip6erspan | ip6gre | ip6gretap | ip6tnl |\n" +
  "          ipip | ipoib | ipvlan | ipvtap |\n" +
  "          macsec | macvlan | macvtap |\n" +
  "          netdevsim | nlmon | rmnet | sit | team | team_slave |\n" +
  "          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |\n" +
  "          xfrm | virt_wifi }\n";

const BRIDGE_EXPLAIN =
  "Usage: ... bridge [ fdb_flush ]\n" +
  "\t\t  [ forward_delay FORWARD_DELAY ]\n" +
  "\t\t  [ hello_time HELLO_TIME ]\n" +
  "\t\t  [ max_age MAX_AGE ]\n" +
  "\t\t  [ ageing_time AGEING_TIME ]\n" +
  "\t\t  [ stp_state STP_STATE ]\n" +
  "\t\t  [ priority PRIORITY ]\n" +
  "\t\t  [ group_fwd_mask MASK ]\n" +
  "\t\t  [ group_address ADDRESS ]\n" +
  "\t\t  [ no_linklocal_learn NO_LINKLOCAL_LEARN ]\n" +
  "\t\t  [ vlan_filtering VLAN_FILTERING ]\n" +
  "\t\t  [ vlan_protocol VLAN_PROTOCOL ]\n" +
  "\t\t  [ vlan_default_pvid VLAN_DEFAULT_PVID ]\n" +
  "\t\t  [ vlan_stats_enabled VLAN_STATS_ENABLED ]\n" +
  "\t\t  [ vlan_stats_per_port VLAN_STATS_PER_PORT ]\n" +
  "\t\t  [ mcast_snooping MULTICAST_SNOOPING ]\n" +
  "\t\t  [ mcast_vlan_snooping MULTICAST_VLAN_SNOOPING ]\n" +
  "\t\t  [ mcast_router MULTICAST_ROUTER ]\n" +
  "\t\t  [ mcast_query_use_ifaddr MCAST_QUERY_USE_IFADDR ]\n" +
  "\t\t  [ mcast_querier MULTICAST_QUERIER ]\n" +
  "\t\t  [ mcast_hash_elasticity HASH_ELASTICITY ]\n" +
  "\t\t  [ mcast_hash_max HASH_MAX ]\n" +
  "\t\t  [ mcast_last_member_count LAST_MEMBER_COUNT ]\n" +
  "\t\t  [ mcast_startup_query_count STARTUP_QUERY_COUNT ]\n" +
  "\t\t  [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]\n" +
  "\t\t  [ mcast_membership_interval MEMBERSHIP_INTERVAL ]\n" +
  "\t\t  [ mcast_querier_interval QUERIER_INTERVAL ]\n" +
  "\t\t  [ mcast_query_interval QUERY_INTERVAL ]\n" +
  "\t\t  [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]\n" +
  "\t\t  [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]\n" +
  "\t\t  [ mcast_stats_enabled MCAST_STATS_ENABLED ]\n" +
  "\t\t  [ mcast_igmp_version IGMP_VERSION ]\n" +
  "\t\t  [ mcast_mld_version MLD_VERSION ]\n" +
  "\t\t  [ nf_call_iptables NF_CALL_IPTABLES ]\n" +
  "\t\t  [ nf_call_ip6tables NF_CALL_IP6TABLES ]\n" +
  "\t\t  [ nf_call_arptables NF_CALL_ARPTABLES ]\n" +
  "\n" +
  "Where: VLAN_PROTOCOL := { 802.1Q | 802.1ad }\n";

/** The option words bridge_parse_opt() knows (in its matching order). */
const BRIDGE_OPTS = [
  "forward_delay",
  "hello_time",
  "max_age",
  "ageing_time",
  "stp_state",
  "priority",
  "vlan_filtering",
  "vlan_protocol",
  "group_fwd_mask",
  "group_address",
  "no_linklocal_learn",
  "fdb_flush",
  "vlan_default_pvid",
  "vlan_stats_enabled",
  "vlan_stats_per_port",
  "mcast_router",
  "mcast_snooping",
  "mcast_vlan_snooping",
  "mcast_query_use_ifaddr",
  "mcast_querier",
  "mcast_hash_elasticity",
  "mcast_hash_max",
  "mcast_last_member_count",
  "mcast_startup_query_count",
  "mcast_last_member_interval",
  "mcast_membership_interval",
  "mcast_querier_interval",
  "mcast_query_interval",
  "mcast_query_response_interval",
  "mcast_startup_query_interval",
  "mcast_stats_enabled",
  "mcast_igmp_version",
  "mcast_mld_version",
  "nf_call_iptables",
  "nf_call_ip6tables",
  "nf_call_arptables",
];

/** iproute2 link types the twin's kernel has (others: "Unknown device type"). */
const KINDS: Record<string, IfaceKind> = { veth: "veth", bridge: "bridge", dummy: "dummy" };

/** The types iproute2 itself knows (it has a link_util for them). */
const IPROUTE_TYPES = new Set([
  "amt",
  "bareudp",
  "bond",
  "bond_slave",
  "bridge",
  "bridge_slave",
  "can",
  "dsa",
  "dummy",
  "erspan",
  "geneve",
  "gre",
  "gretap",
  "gtp",
  "hsr",
  "ifb",
  "ip6erspan",
  "ip6gre",
  "ip6gretap",
  "ip6tnl",
  "ipip",
  "ipoib",
  "ipvlan",
  "ipvtap",
  "macsec",
  "macvlan",
  "macvtap",
  "netdevsim",
  "nlmon",
  "rmnet",
  "sit",
  "team",
  "team_slave",
  "vcan",
  "veth",
  "virt_wifi",
  "vlan",
  "vrf",
  "vti",
  "vti6",
  "vxcan",
  "vxlan",
  "wwan",
  "xfrm",
]);

// ------------------------------------------------------------------ printing

function flagsText(flags: string[], mdown: boolean): string {
  return `<${flags.join(",")}${mdown ? ",M-DOWN" : ""}> `;
}

/** print_name_and_link(): "name" or "name@peer", and whether the peer is down (M-DOWN). */
function nameAndLink(net: NetConfig, i: Iface): { name: string; mdown: boolean } {
  if (i.kind !== "veth" || !i.peer) return { name: i.name, mdown: false };
  const p = net.ifaceByIndex(i.peer);
  return { name: `${i.name}@${p ? p.name : `if${i.peer}`}`, mdown: !p?.up };
}

export interface LinkFilter {
  ifindex: number;
  up: boolean;
  group: number;
  /** >0: this master; -1: no master. */
  master: number;
  kind?: string;
  slaveKind?: string;
  label?: string;
}

export function emptyLinkFilter(): LinkFilter {
  return { ifindex: 0, up: false, group: -1, master: 0 };
}

/** The kernel's and print_linkinfo()'s filters on a link; false = not listed. */
export function linkPasses(i: Iface, f: LinkFilter): boolean {
  if (f.ifindex && i.index !== f.ifindex) return false;
  if (f.up && !i.up) return false;
  if (f.group !== -1 && i.group !== f.group) return false;
  if (f.master === -1 && i.master) return false;
  if (f.master > 0 && i.master !== f.master) return false;
  if (f.kind !== undefined && (i.kind === "loopback" || i.kind !== f.kind)) return false;
  if (f.slaveKind !== undefined && (!i.master || f.slaveKind !== "bridge")) return false;
  return true;
}

/**
 * print_linkinfo(): the link line (and link/ether line). Returns -1 when
 * filtered out, 0 when printed nothing for a label filter, 1 when printed.
 */
export function printLink(ctx: IpCtx, i: Iface, f: LinkFilter, family: number, doLink: boolean): number {
  const { net, out } = ctx;
  if (!linkPasses(i, f)) return -1;
  if (f.label !== undefined) return 0;
  const nl = ctx.oneline ? "\\" : "\n";
  const { name, mdown } = nameAndLink(net, i);
  const flags = net.linkFlags(i);
  const state = net.operstate(i);
  if (ctx.brief) {
    let s = `${name.padEnd(16)} ${state.padEnd(14)} `;
    if (family === AF_PACKET) s += `${macToText(i.mac)} ${flagsText(flags, mdown)}\n`;
    out.stdout += s;
    return 0;
  }
  let s = `${i.index}: ${name}: ${flagsText(flags, mdown)}mtu ${i.mtu} qdisc ${i.up || i.everUp ? "noqueue" : "noop"} `;
  if (i.master) s += `master ${net.nameOf(i.master)} `;
  s += `state ${state} `;
  if (doLink) s += "mode DEFAULT ";
  s += `group ${groupN2a(i.group)} `;
  if (i.txqlen) s += `qlen ${i.txqlen}`;
  if (!family || family === AF_PACKET) {
    if (i.kind === "loopback") s += `${nl}    link/loopback ${macToText(i.mac)} brd ${macToText(0)}`;
    else s += `${nl}    link/ether ${macToText(i.mac)} brd ff:ff:ff:ff:ff:ff`;
  }
  if (doLink && i.alias) s += `${nl}    alias ${i.alias}`;
  out.stdout += `${s}\n`;
  return 1;
}

// ------------------------------------------------------------ ip link add/set/del

interface LinkReq {
  up?: boolean;
  name?: string;
  dev?: string;
  mac?: { bytes: number[] };
  mtu?: number;
  txqlen?: number;
  group?: number;
  /** ifindex, 0 = nomaster. */
  master?: number;
  alias?: string;
  type?: string;
  /** Index in argv just after `type NAME`. */
  typeArgs?: number;
}

/** iplink_parse(): fills `req` from argv starting at `a.i`; stops after `type NAME`. */
function iplinkParse(ctx: IpCtx, a: Args, req: LinkReq, create: boolean): void {
  const { out, net } = ctx;
  let name: string | undefined;
  let dev: string | undefined;
  let qlen = -1;
  let mtu = -1;
  let group = -1;
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "up") req.up = true;
    else if (w === "down") req.up = false;
    else if (w === "name") {
      const v = a.next();
      if (name !== undefined) duparg(out, "name", v);
      if (!checkIfname(v)) invarg(out, '"name" not a valid ifname', v);
      name = v;
      if (dev === undefined) dev = name;
    } else if (w === "index") {
      a.next();
      unsupported(out, 'the "index" option');
    } else if (matches(w, "link")) {
      a.next();
      unsupported(out, 'the "link" option');
    } else if (matches(w, "address")) {
      const v = a.next();
      const ll = llAddrA2n(out, v);
      if (!ll) throw new IpExit(1);
      req.mac = ll;
    } else if (matches(w, "broadcast") || w === "brd") {
      a.next();
      unsupported(out, 'the "broadcast" option');
    } else if (matches(w, "txqueuelen") || w === "qlen" || matches(w, "txqlen")) {
      const v = a.next();
      if (qlen !== -1) duparg(out, "txqueuelen", v);
      const n = getInteger(v);
      if (n === undefined) invarg(out, 'Invalid "txqueuelen" value\n', v);
      qlen = n;
      req.txqlen = n;
    } else if (w === "mtu") {
      const v = a.next();
      if (mtu !== -1) duparg(out, "mtu", v);
      const n = getInteger(v);
      if (n === undefined) invarg(out, 'Invalid "mtu" value\n', v);
      mtu = n;
      req.mtu = n;
    } else if (["xdpgeneric", "xdpdrv", "xdpoffload", "xdp"].includes(w)) {
      a.next();
      unsupported(out, "XDP");
    } else if (w === "netns") {
      a.next();
      unsupported(out, "moving devices between network namespaces");
    } else if (
      ["multicast", "allmulticast", "promisc", "trailers", "arp", "carrier"].includes(w) ||
      matches(w, "dynamic")
    ) {
      const v = a.next();
      const key = matches(w, "dynamic") ? "dynamic" : w;
      if (key === "carrier") {
        if (v !== "on" && v !== "off") fail(out, `Error: argument of "carrier" must be "on" or "off", not "${v}"\n`, 1);
      } else if (v !== "on" && v !== "off")
        fail(out, `Error: argument of "${key}" must be "on" or "off", not "${v}"\n`, 1);
      unsupported(out, `the "${key}" flag`);
    } else if (w === "vf") {
      a.next();
      unsupported(out, "virtual functions");
    } else if (matches(w, "master")) {
      const v = a.next();
      const m = net.iface(v);
      if (!m) invarg(out, "Device does not exist\n", v);
      req.master = m.index;
    } else if (w === "vrf") {
      const v = a.next();
      invarg(out, "Not a valid VRF name\n", v);
    } else if (matches(w, "nomaster")) {
      req.master = 0;
    } else if (matches(w, "type")) {
      req.type = a.next();
      a.advance();
      req.typeArgs = a.i;
      break;
    } else if (matches(w, "alias")) {
      const v = a.next();
      if (v.length >= 256) invarg(out, "alias too long\n", v);
      req.alias = v;
    } else if (w === "group") {
      const v = a.next();
      if (group !== -1) duparg(out, "group", v);
      const g = groupA2n(v);
      if (g === undefined) invarg(out, 'Invalid "group" value\n', v);
      group = g;
      req.group = g;
    } else if (
      w === "mode" ||
      w === "state" ||
      matches(w, "numtxqueues") ||
      matches(w, "numrxqueues") ||
      matches(w, "addrgenmode")
    ) {
      a.next();
      unsupported(out, `the "${w}" option`);
    } else if (
      matches(w, "link-netns") ||
      matches(w, "link-netnsid") ||
      w === "protodown" ||
      w === "protodown_reason"
    ) {
      a.next();
      unsupported(out, `the "${w}" option`);
    } else if (w === "gso_max_size" || w === "gso_max_segs" || w === "gro_max_size" || w === "parentdev") {
      a.next();
      unsupported(out, `the "${w}" option`);
    } else {
      if (matches(w, "help")) {
        out.stderr += IPLINK_USAGE;
        throw new IpExit(255);
      }
      let v = w;
      if (w === "dev") v = a.next();
      if (dev !== name) duparg2(out, "dev", v);
      if (!checkAltIfname(v)) invarg(out, '"dev" not a valid ifname', v);
      dev = v;
    }
  }
  if (name === undefined) name = dev;
  else if (dev === undefined) dev = name;
  else if (name === dev) name = dev;
  if (group !== -1 && dev === undefined) {
    if (create) fail(out, "group cannot be used when creating devices.\n", 255);
    unsupported(out, "changing a group of devices");
  }
  if (create) {
    if (name !== dev) fail(out, 'both "name" and "dev" cannot be used when creating devices.\n', 255);
  }
  req.name = name;
  req.dev = dev;
}

function specOf(req: LinkReq): LinkSpec {
  const s: LinkSpec = {};
  if (req.name !== undefined) s.name = req.name;
  if (req.mac) {
    s.mac = bytesToMac(req.mac.bytes);
    s.macLen = req.mac.bytes.length;
  }
  if (req.mtu !== undefined) s.mtu = req.mtu;
  if (req.up !== undefined) s.up = req.up;
  if (req.txqlen !== undefined) s.txqlen = req.txqlen;
  if (req.group !== undefined) s.group = req.group;
  if (req.master) s.master = req.master;
  if (req.alias !== undefined) s.alias = req.alias;
  return s;
}

/** bridge_parse_opt(): the options named (the twin keeps none of them; the caller refuses them). */
function bridgeOpts(ctx: IpCtx, a: Args): string[] {
  const { out } = ctx;
  const seen: string[] = [];
  for (; a.more; a.advance()) {
    const w = a.cur;
    const known = BRIDGE_OPTS.find((o) => matches(w, o));
    if (known) {
      if (known !== "fdb_flush") a.next();
      seen.push(known);
      continue;
    }
    if (matches(w, "help")) {
      out.stderr += BRIDGE_EXPLAIN;
      throw new IpExit(1);
    }
    out.stderr += `bridge: unknown command "${w}"?\n${BRIDGE_EXPLAIN}`;
    throw new IpExit(1);
  }
  return seen;
}

function iplinkModify(ctx: IpCtx, a: Args, cmd: "add" | "set" | "del"): number {
  const { out, net } = ctx;
  const create = cmd === "add";
  const req: LinkReq = {};
  iplinkParse(ctx, a, req, create);
  if (!create) {
    if (req.dev === undefined) fail(out, 'Not enough information: "dev" argument is required.\n', 255);
  }
  let target: Iface | undefined;
  if (!create) {
    target = net.iface(req.dev!);
    if (target && req.mac && req.mac.bytes.length !== 6) {
      out.stderr += `Invalid address length ${req.mac.bytes.length} - must be 6 bytes\n`;
      return 1;
    }
    if (!target) {
      out.stderr += `Cannot find device "${req.dev}"\n`;
      return 1;
    }
  }
  let peerReq: LinkReq | undefined;
  let bridgeOptions: string[] = [];
  if (req.type !== undefined) {
    const type = req.type;
    const t = new Args(a.argv, out);
    t.i = req.typeArgs!;
    if (type === "veth") {
      if (t.more) {
        if (t.cur !== "peer") {
          out.stdout +=
            "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n";
          return 1;
        }
        t.advance();
        peerReq = {};
        iplinkParse(ctx, t, peerReq, create);
        if (peerReq.type !== undefined) duparg(out, "type", peerReq.type);
      }
    } else if (type === "bridge") {
      bridgeOptions = bridgeOpts(ctx, t);
    } else if (type === "dummy") {
      // dummy has no options of its own; iproute2 ignores what follows.
    } else if (!IPROUTE_TYPES.has(type) && t.more) {
      if (matches(t.cur, "help")) {
        out.stderr += IPLINK_USAGE;
        throw new IpExit(255);
      }
      out.stderr += `Garbage instead of arguments "${t.cur} ...". Try "ip link help".\n`;
      return 1;
    }
    if (!create && cmd === "set") unsupported(out, `changing "${type}" options`);
    // The twin's kernel has the veth, bridge and dummy drivers only.
    if (create && !KINDS[type]) kernelError(out, { errno: "EOPNOTSUPP", extack: "Unknown device type" });
  } else if (create) {
    out.stderr += 'Not enough information: "type" argument is required\n';
    return 1;
  }
  if (cmd === "add") {
    if (bridgeOptions.length) {
      if (req.name !== undefined && net.iface(req.name)) kernelError(out, { errno: "EEXIST" });
      unsupported(out, `the bridge option "${bridgeOptions[0]}"`);
    }
    const e = net.addLink(KINDS[req.type!]!, specOf(req), peerReq ? specOf(peerReq) : undefined);
    if (e) kernelError(out, e);
    return 0;
  }
  const dev = target!;
  if (cmd === "del") {
    const e = net.deleteLink(dev);
    if (e) kernelError(out, e);
    return 0;
  }
  // do_setlink(), in the kernel's order.
  if (req.mac) {
    const e = net.setMac(dev, bytesToMac(req.mac.bytes));
    if (e) kernelError(out, e);
  }
  if (req.mtu !== undefined) {
    const e = net.setMtu(dev, req.mtu);
    if (e) kernelError(out, e);
  }
  if (req.group !== undefined) dev.group = req.group;
  if (req.name !== undefined && req.name !== req.dev) {
    const e = net.rename(dev, req.name);
    if (e) kernelError(out, e);
  }
  if (req.alias !== undefined) dev.alias = req.alias;
  if (req.master !== undefined) {
    const e = net.setMaster(dev, req.master);
    if (e) kernelError(out, e);
  }
  if (req.up !== undefined) {
    const e = net.setUp(dev, req.up);
    if (e) kernelError(out, e);
  }
  if (req.txqlen !== undefined) {
    if (req.txqlen < 0) kernelError(out, { errno: "EINVAL" });
    dev.txqlen = req.txqlen;
  }
  net.gen++;
  return 0;
}

/** do_iplink(). `showList` runs `ip link show` (ipaddr_list_link). */
export function doIplink(ctx: IpCtx, a: Args, showList: (ctx: IpCtx, a: Args) => number): number {
  const { out } = ctx;
  if (!a.more) return showList(ctx, a);
  const w = a.cur;
  if (matches(w, "add")) {
    a.advance();
    return iplinkModify(ctx, a, "add");
  }
  if (matches(w, "set") || matches(w, "change")) {
    a.advance();
    return iplinkModify(ctx, a, "set");
  }
  if (matches(w, "replace")) {
    a.advance();
    unsupported(out, '"ip link replace"');
  }
  if (matches(w, "delete")) {
    a.advance();
    return iplinkModify(ctx, a, "del");
  }
  if (matches(w, "show") || matches(w, "lst") || matches(w, "list")) {
    a.advance();
    return showList(ctx, a);
  }
  if (matches(w, "xstats") || matches(w, "afstats") || matches(w, "property")) unsupported(out, `"ip link ${w}"`);
  if (matches(w, "help")) {
    a.advance();
    const type = a.more ? a.cur : undefined;
    if (type === "veth") {
      out.stdout += "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n";
      return 0;
    }
    if (type === "bridge") {
      out.stdout += BRIDGE_EXPLAIN;
      return 0;
    }
    if (type === "dummy") {
      out.stdout += "Usage: ... dummy\n";
      return 0;
    }
    out.stderr += IPLINK_USAGE;
    throw new IpExit(255);
  }
  fail(out, `Command "${w}" is unknown, try "ip link help".\n`, 255);
}
