/**
 * `ip address` and the listing `ip link show` shares with it
 * (ip/ipaddress.c: ipaddr_list_flush_or_save, print_addrinfo, ipaddr_modify).
 */
import { cidrToMask } from "../../core/ipv4.js";
import { type IfAddr, type Iface, RT_SCOPE_HOST, RT_SCOPE_NOWHERE } from "../../engine/net.js";
import { emptyLinkFilter, type IpCtx, type LinkFilter, printLink } from "./link.js";
import {
  AF_INET,
  AF_INET6,
  AF_PACKET,
  AF_UNSPEC,
  type Args,
  duparg,
  duparg2,
  fail,
  familyName,
  formatIPv4,
  getAddr,
  getPrefix,
  getU32,
  groupA2n,
  IpExit,
  invarg,
  kernelError,
  matches,
  type Prefix,
  scopeA2n,
  scopeN2a,
  unsupported,
} from "./util.js";

export const IPADDR_USAGE =
  "Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]\n" +
  "                                                      [ CONFFLAG-LIST ]\n" +
  "       ip address del IFADDR dev IFNAME [mngtmpaddr]\n" +
  "       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]\n" +
  "                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]\n" +
  "       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]\n" +
  "                         [ nomaster ]\n" +
  "                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]\n" +
  "                         [ label LABEL ] [up] [ vrf NAME ] ]\n" +
  "       ip address {showdump|restore}\n" +
  "IFADDR := PREFIX | ADDR peer PREFIX\n" +
  "          [ broadcast ADDR ] [ anycast ADDR ]\n" +
  "          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]\n" +
  "SCOPE-ID := [ host | link | global | NUMBER ]\n" +
  "FLAG-LIST := [ FLAG-LIST ] FLAG\n" +
  "FLAG  := [ permanent | dynamic | secondary | primary |\n" +
  "           [-]tentative | [-]deprecated | [-]dadfailed | temporary |\n" +
  "           CONFFLAG-LIST ]\n" +
  "CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG\n" +
  "CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]\n" +
  "LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]\n" +
  "LFT := forever | SECONDS\n" +
  "TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |\n" +
  "          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |\n" +
  "          ip6erspan | ip6gre | ip6gretap | ip6tnl |\n" +
  "          ipip | ipoib | ipvlan | ipvtap |\n" +
  "          macsec | macvlan | macvtap |\n" +
  "          netdevsim | nlmon | rmnet | sit | team | team_slave |\n" +
  "          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |\n" +
  "          xfrm | virt_wifi }\n";

const IFA_F_SECONDARY = 0x01;
const IFA_F_NODAD = 0x02;
const IFA_F_OPTIMISTIC = 0x04;
const IFA_F_DADFAILED = 0x08;
const IFA_F_HOMEADDRESS = 0x10;
const IFA_F_DEPRECATED = 0x20;
const IFA_F_TENTATIVE = 0x40;
const IFA_F_PERMANENT = 0x80;
const IFA_F_MANAGETEMPADDR = 0x100;
const IFA_F_NOPREFIXROUTE = 0x200;
const IFA_F_MCAUTOJOIN = 0x400;
const IFA_F_STABLE_PRIVACY = 0x800;

/** ifa_flag_data[]: name, mask, read-only, IPv6-only. */
const IFA_FLAGS: ReadonlyArray<readonly [string, number, boolean, boolean]> = [
  ["secondary", IFA_F_SECONDARY, true, false],
  ["temporary", IFA_F_SECONDARY, true, false],
  ["nodad", IFA_F_NODAD, false, true],
  ["optimistic", IFA_F_OPTIMISTIC, false, true],
  ["dadfailed", IFA_F_DADFAILED, true, true],
  ["home", IFA_F_HOMEADDRESS, false, true],
  ["deprecated", IFA_F_DEPRECATED, true, true],
  ["tentative", IFA_F_TENTATIVE, true, true],
  ["permanent", IFA_F_PERMANENT, true, true],
  ["mngtmpaddr", IFA_F_MANAGETEMPADDR, false, true],
  ["noprefixroute", IFA_F_NOPREFIXROUTE, false, false],
  ["autojoin", IFA_F_MCAUTOJOIN, false, false],
  ["stable-privacy", IFA_F_STABLE_PRIVACY, true, true],
];

function addrFlags(a: IfAddr): number {
  return (a.secondary ? IFA_F_SECONDARY : 0) | IFA_F_PERMANENT | (a.noprefixroute ? IFA_F_NOPREFIXROUTE : 0);
}

interface AddrFilter extends LinkFilter {
  family: number;
  scope: number;
  scopemask: number;
  flags: number;
  flagmask: number;
  pfx?: Prefix;
}

/** fnmatch(pattern, s, 0) for the shell patterns `label` takes. */
function fnmatch(pattern: string, s: string): boolean {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        let body = pattern.slice(i + 1, end);
        if (body[0] === "!") body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`${re}$`).test(s);
}

function addrPasses(f: AddrFilter, a: IfAddr): boolean {
  if (f.family && f.family !== AF_INET) return false;
  if ((f.scope ^ a.scope) & f.scopemask) return false;
  if ((f.flags ^ addrFlags(a)) & f.flagmask) return false;
  if (f.label !== undefined && !fnmatch(f.label, a.label)) return false;
  if (f.pfx && f.pfx.bytelen > 0) {
    if (f.pfx.family !== AF_INET) return false;
    const bits = f.pfx.bitlen;
    if (bits > 0 && ((a.addr ^ f.pfx.addr) & cidrToMask(bits)) >>> 0 !== 0) return false;
  }
  return true;
}

/** print_addrinfo() for one IPv4 address. */
function printAddr(ctx: IpCtx, i: Iface, a: IfAddr): void {
  const nl = ctx.oneline ? "\\" : "\n";
  let s = "";
  if (!ctx.brief) {
    if (ctx.oneline) s += `${i.index}: ${i.name}`;
    s += `    ${familyName(AF_INET)} `;
  }
  s += formatIPv4(a.addr);
  if (a.peer !== a.addr) s += ` peer ${formatIPv4(a.peer)}`;
  s += `/${a.plen} `;
  if (a.metric) s += `metric ${a.metric} `;
  if (ctx.brief) {
    ctx.out.stdout += s;
    return;
  }
  if (a.brd) s += `brd ${formatIPv4(a.brd)} `;
  s += `scope ${scopeN2a(a.scope)} `;
  let flags = addrFlags(a);
  for (const [name, mask] of IFA_FLAGS) {
    if (mask === IFA_F_PERMANENT) {
      if (!(flags & mask)) s += "dynamic ";
    } else if (flags & mask) s += `${name} `;
    flags &= ~mask;
  }
  s += a.label;
  s += `${nl}       valid_lft forever preferred_lft forever\n`;
  ctx.out.stdout += s;
}

/** get_filter(): address flag filters and their negations. */
function getFilter(f: AddrFilter, arg: string): boolean {
  let inv = false;
  let w = arg;
  if (w[0] === "-") {
    inv = true;
    w = w.slice(1);
  }
  if (w === "dynamic") {
    inv = !inv;
    w = "permanent";
  } else if (w === "primary") {
    inv = !inv;
    w = "secondary";
  }
  const d = IFA_FLAGS.find(([n]) => n === w);
  if (!d) return false;
  if (inv) f.flags &= ~d[1];
  else f.flags |= d[1];
  f.flagmask |= d[1];
  return true;
}

/** ipaddr_list_flush_or_save(): `ip address show`, `ip link show` (doLink) and `ip address flush`. */
export function ipaddrList(ctx: IpCtx, a: Args, doLink: boolean, flush = false): number {
  const { net, out } = ctx;
  const f: AddrFilter = {
    ...emptyLinkFilter(),
    family: doLink ? AF_PACKET : ctx.family,
    scope: 0,
    scopemask: 0,
    flags: 0,
    flagmask: 0,
  };
  if (flush) {
    if (!a.more) {
      out.stderr += "Flush requires arguments.\n";
      return 1;
    }
    if (f.family === AF_PACKET) {
      out.stderr += "Cannot flush link addresses.\n";
      return 1;
    }
  }
  let filterDev: string | undefined;
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "to") {
      const v = a.next();
      f.pfx = getPrefix(out, v, f.family);
      if (f.family === AF_UNSPEC) f.family = f.pfx.family;
    } else if (w === "scope") {
      const v = a.next();
      f.scopemask = -1;
      const sc = scopeA2n(v);
      if (sc === undefined) {
        if (v !== "all") invarg(out, 'invalid "scope"\n', v);
        f.scope = RT_SCOPE_NOWHERE;
        f.scopemask = 0;
      } else f.scope = sc;
    } else if (w === "up") f.up = true;
    else if (getFilter(f, w)) {
      // an address flag
    } else if (w === "label") f.label = a.next();
    else if (w === "group") {
      const v = a.next();
      const g = groupA2n(v);
      if (g === undefined) invarg(out, 'Invalid "group" value\n', v);
      f.group = g;
    } else if (w === "master") {
      const v = a.next();
      const m = net.iface(v);
      if (!m) invarg(out, "Device does not exist\n", v);
      f.master = m.index;
    } else if (w === "vrf") {
      const v = a.next();
      invarg(out, "Not a valid VRF name\n", v);
    } else if (w === "nomaster") f.master = -1;
    else if (w === "type") {
      const v = a.next();
      if (v.endsWith("_slave") && v.length >= 6) f.slaveKind = v.slice(0, -6);
      else f.kind = v;
    } else {
      let v = w;
      if (w === "dev") v = a.next();
      else if (matches(w, "help")) {
        out.stderr += IPADDR_USAGE;
        throw new IpExit(255);
      }
      if (filterDev !== undefined) duparg2(out, "dev", v);
      filterDev = v;
    }
  }
  if (filterDev !== undefined) {
    const d = net.iface(filterDev);
    if (!d) {
      out.stderr += `Device "${filterDev}" does not exist.\n`;
      return 1;
    }
    f.ifindex = d.index;
  }
  if (flush) {
    for (const d of net.ifaces) {
      if (f.ifindex && d.index !== f.ifindex) continue;
      if (f.up && !d.up) continue;
      net.flushAddrs(d, (x) => addrPasses(f, x));
    }
    return 0;
  }
  // With only a device named, ip link asks for that one link.
  const links = net.ifaces.filter((d) => !f.ifindex || d.index === f.ifindex);
  const noLink = f.family !== AF_PACKET && ctx.oneline;
  for (const d of links) {
    if (f.family !== AF_PACKET && !(filterDev !== undefined && f.group === -1 && doLink)) {
      // ipaddr_filter(): links without a matching address are not listed.
      const own = d.addrs;
      let ok = own.some((x) => addrPasses(f, x));
      if (own.length === 0 && (f.family === AF_UNSPEC || f.family === AF_PACKET)) ok = true;
      if (!ok) continue;
    }
    let res = 0;
    if (ctx.brief || !noLink) res = printLink(ctx, d, f, f.family, doLink);
    if (res >= 0 && f.family !== AF_PACKET) {
      if (!(filterDev !== undefined && f.group === -1 && doLink)) {
        for (const x of d.addrs) {
          if (f.up && !d.up) continue;
          if (!addrPasses(f, x)) continue;
          printAddr(ctx, d, x);
        }
      }
      if (ctx.brief) out.stdout += "\n";
    }
  }
  return 0;
}

/** default_scope(). */
function defaultScope(p: Prefix): number {
  return p.family === AF_INET && p.addr >>> 24 === 127 ? RT_SCOPE_HOST : 0;
}

/** ipaddr_modify(). */
function ipaddrModify(ctx: IpCtx, a: Args, cmd: "add" | "replace" | "del"): number {
  const { net, out } = ctx;
  let family = ctx.family;
  let dev: string | undefined;
  let label: string | undefined;
  let local: Prefix | undefined;
  let localArg = "";
  let peer: Prefix | undefined;
  let brdLen = 0;
  let brd = 0;
  let scope = 0;
  let scoped = false;
  let metric = 0;
  let noprefixroute = false;
  let prefixlen = 0;
  let validLft: string | undefined;
  let prefLft: string | undefined;
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "peer" || w === "remote") {
      const v = a.next();
      if (peer) duparg(out, "peer", v);
      peer = getPrefix(out, v, family);
      if (family === AF_UNSPEC) family = peer.family;
      prefixlen = peer.bitlen;
    } else if (matches(w, "broadcast") || w === "brd") {
      const v = a.next();
      if (brdLen) duparg(out, "broadcast", v);
      if (v === "+") brdLen = -1;
      else if (v === "-") brdLen = -2;
      else {
        const b = getAddr(out, v, family);
        if (family === AF_UNSPEC) family = b.family;
        brd = b.addr;
        brdLen = 4;
      }
    } else if (w === "anycast") {
      const v = a.next();
      getAddr(out, v, family);
      unsupported(out, "anycast addresses");
    } else if (w === "scope") {
      const v = a.next();
      const s = scopeA2n(v);
      if (s === undefined) invarg(out, "invalid scope value.", v);
      scope = s;
      scoped = true;
    } else if (w === "dev") dev = a.next();
    else if (w === "label") label = a.next();
    else if (matches(w, "metric") || matches(w, "priority") || matches(w, "preference")) {
      const v = a.next();
      const m = getU32(v);
      if (m === undefined) invarg(out, '"metric" value is invalid\n', v);
      metric = m;
    } else if (matches(w, "valid_lft")) {
      if (validLft !== undefined) duparg(out, "valid_lft", w);
      validLft = a.next();
      if (validLft !== "forever" && getU32(validLft) === undefined) invarg(out, "valid_lft value", validLft);
    } else if (matches(w, "preferred_lft")) {
      if (prefLft !== undefined) duparg(out, "preferred_lft", w);
      prefLft = a.next();
      if (prefLft !== "forever" && getU32(prefLft) === undefined) invarg(out, "preferred_lft value", prefLft);
    } else if (IFA_FLAGS.some(([n]) => n === w)) {
      const d = IFA_FLAGS.find(([n]) => n === w)!;
      if (d[2]) out.stderr += `Warning: ${d[0]} option is not mutable from userspace\n`;
      else if (d[3] && family !== AF_INET6)
        out.stderr += `Warning: ${d[0]} option can be set only for IPv6 addresses\n`;
      else if (d[1] === IFA_F_NOPREFIXROUTE) noprefixroute = true;
      else unsupported(out, `the "${d[0]}" flag`);
    } else {
      let v = w;
      if (w === "local") v = a.next();
      if (matches(v, "help")) {
        out.stderr += IPADDR_USAGE;
        throw new IpExit(255);
      }
      if (local) duparg2(out, "local", v);
      localArg = v;
      local = getPrefix(out, v, family);
      if (family === AF_UNSPEC) family = local.family;
    }
  }
  if (dev === undefined) {
    out.stderr += 'Not enough information: "dev" argument is required.\n';
    return 1;
  }
  let wildcard = false;
  if (!peer && local) {
    if (cmd === "del" && local.family === AF_INET && !local.prefixSpecified) {
      out.stderr +=
        "Warning: Executing wildcard deletion to stay compatible with old scripts.\n" +
        `         Explicitly specify the prefix length (${localArg}/${local.bytelen * 8}) to avoid this warning.\n` +
        "         This special behaviour is likely to disappear in further releases,\n" +
        "         fix your scripts!\n";
      wildcard = true;
    } else peer = local;
  }
  if (prefixlen === 0 && local) prefixlen = local.bitlen;
  if (brdLen < 0 && cmd !== "del") {
    if (family !== AF_INET) {
      out.stderr += "Broadcast can be set only for IPv4 addresses\n";
      return 1;
    }
    const base = peer ?? local;
    const bitlen = base ? base.bitlen : 0;
    if (bitlen <= 30) {
      const host = ~cidrToMask(bitlen) >>> 0;
      brd = brdLen === -1 ? ((base?.addr ?? 0) | host) >>> 0 : ((base?.addr ?? 0) & ~host) >>> 0;
      brdLen = 4;
    } else brdLen = 0;
  }
  if (!scoped && cmd !== "del") scope = local ? defaultScope(local) : 0;
  const d = net.iface(dev);
  if (!d) {
    out.stderr += `Cannot find device "${dev}"\n`;
    return 1;
  }
  if ((validLft && validLft !== "forever") || (prefLft && prefLft !== "forever")) {
    const v = validLft === undefined || validLft === "forever" ? 0xffffffff : getU32(validLft)!;
    const p = prefLft === undefined || prefLft === "forever" ? 0xffffffff : getU32(prefLft)!;
    if (!v) {
      out.stderr += "valid_lft is zero\n";
      return 1;
    }
    if (v < p) {
      out.stderr += "preferred_lft is greater than valid_lft\n";
      return 1;
    }
    unsupported(out, "address lifetimes");
  }
  // A message without an address family has no handler in the kernel.
  if (family === AF_UNSPEC) kernelError(out, { errno: "EOPNOTSUPP" });
  if (family === AF_INET6) kernelError(out, { errno: "EPERM", extack: "ipv6: IPv6 is disabled on this device" });
  if (family !== AF_INET) kernelError(out, { errno: "EOPNOTSUPP" });
  if (cmd === "del") {
    if (!local) {
      if (!peer) kernelError(out, { errno: "EINVAL" });
    }
    const m: { addr: number; peer?: number; plen?: number; label?: string } = { addr: local ? local.addr : 0 };
    if (!wildcard && peer) {
      m.peer = peer.addr;
      m.plen = prefixlen;
    }
    if (label !== undefined) m.label = label;
    const e = net.delAddr(d, m);
    if (e) kernelError(out, e);
    return 0;
  }
  if (!local) kernelError(out, { errno: "EINVAL" });
  const e = net.addAddr(
    d,
    {
      addr: local.addr,
      ...(peer && peer !== local ? { peer: peer.addr } : {}),
      plen: prefixlen,
      brd: brdLen > 0 ? brd : 0,
      scope,
      ...(label !== undefined ? { label } : {}),
      metric,
      noprefixroute,
    },
    cmd === "add" ? "add" : "replace",
  );
  if (e) kernelError(out, e);
  return 0;
}

/** do_ipaddr(). */
export function doIpaddr(ctx: IpCtx, a: Args): number {
  const { out } = ctx;
  if (!a.more) return ipaddrList(ctx, a, false);
  const w = a.cur;
  a.advance();
  if (matches(w, "add")) return ipaddrModify(ctx, a, "add");
  if (matches(w, "change") || w === "chg") return ipaddrModify(ctx, a, "replace");
  if (matches(w, "replace")) return ipaddrModify(ctx, a, "replace");
  if (matches(w, "delete")) return ipaddrModify(ctx, a, "del");
  if (matches(w, "list") || matches(w, "show") || matches(w, "lst")) return ipaddrList(ctx, a, false);
  if (matches(w, "flush")) return ipaddrList(ctx, a, false, true);
  if (matches(w, "save") || matches(w, "showdump") || matches(w, "restore")) unsupported(out, `"ip address ${w}"`);
  if (matches(w, "help")) {
    out.stderr += IPADDR_USAGE;
    throw new IpExit(255);
  }
  fail(out, `Command "${w}" is unknown, try "ip address help".\n`, 255);
}
