/**
 * `ip rule` of iproute2 6.1 (ip/iprule.c) over the twin's policy routing rules: list/show with
 * iproute2's client-side filter, add, del, flush. IPv4 only; selectors and actions the twin does not
 * route by (l3mdev, tun_id, realms, suppress_ifgroup, nat) are refused, never stored unused.
 * save/restore (a binary netlink dump) are refused too.
 */
import { formatIPv4 } from "../../core/ipv4.js";
import {
  defaultPref,
  type FibRule,
  FR_ACT_GOTO,
  FR_ACT_NOP,
  FR_ACT_PROHIBIT,
  FR_ACT_TO_TBL,
  newRule,
  portRangeSet,
  type RuleSelector,
  UID_RANGE_END,
  uidRangeSet,
} from "../../engine/fib-rules.js";
import { kerr, RT_TABLE_MAIN } from "../../engine/net.js";
import type { IpCtx } from "./link.js";
import {
  AF_INET,
  AF_INET6,
  AF_UNSPEC,
  type Args,
  checkIfname,
  dsfieldA2n,
  dsfieldN2a,
  fail,
  getInteger,
  getPrefix,
  getU32,
  inetProtoA2n,
  inetProtoN2a,
  invarg,
  kernelError,
  matches,
  type Prefix,
  protoA2n,
  protoN2a,
  rtntypeA2n,
  rtntypeN2a,
  tableA2n,
  tableN2a,
  unsupported,
} from "./util.js";

const RTPROT_KERNEL = 2;

const USAGE =
  "Usage: ip rule { add | del } SELECTOR ACTION\n" +
  "       ip rule { flush | save | restore }\n" +
  "       ip rule [ list [ SELECTOR ]]\n" +
  "SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]\n" +
  "            [ fwmark FWMARK[/MASK] ]\n" +
  "            [ iif STRING ] [ oif STRING ] [ pref NUMBER ] [ l3mdev ]\n" +
  "            [ uidrange NUMBER-NUMBER ]\n" +
  "            [ ipproto PROTOCOL ]\n" +
  "            [ sport [ NUMBER | NUMBER-NUMBER ]\n" +
  "            [ dport [ NUMBER | NUMBER-NUMBER ] ]\n" +
  "ACTION := [ table TABLE_ID ]\n" +
  "          [ protocol PROTO ]\n" +
  "          [ nat ADDRESS ]\n" +
  "          [ realms [SRCREALM/]DSTREALM ]\n" +
  "          [ goto NUMBER ]\n" +
  "          SUPPRESSOR\n" +
  "SUPPRESSOR := [ suppress_prefixlength NUMBER ]\n" +
  "              [ suppress_ifgroup DEVGROUP ]\n" +
  "TABLE_ID := [ local | main | default | NUMBER ]\n";

function usage(ctx: IpCtx): never {
  fail(ctx.out, USAGE, 255);
}

/** do_iprule(). */
export function doIprule(ctx: IpCtx, a: Args): number {
  if (ctx.family !== AF_UNSPEC && ctx.family !== AF_INET) unsupported(ctx.out, "rules of other families than inet");
  if (!a.more) return listOrFlush(ctx, a, false);
  const w = a.cur;
  a.advance();
  if (matches(w, "list") || matches(w, "lst") || matches(w, "show")) return listOrFlush(ctx, a, false);
  if (matches(w, "save") || matches(w, "restore"))
    unsupported(ctx.out, `"ip rule ${matches(w, "save") ? "save" : "restore"}"`);
  if (matches(w, "add")) return modify(ctx, a, true);
  if (matches(w, "delete")) return modify(ctx, a, false);
  if (matches(w, "flush")) return listOrFlush(ctx, a, true);
  if (matches(w, "help")) usage(ctx);
  fail(ctx.out, `Command "${w}" is unknown, try "ip rule help".\n`, 255);
}

interface Filter {
  pref?: number;
  not: boolean;
  src?: Prefix;
  dst?: Prefix;
  tos?: number;
  fwmark: number;
  fwmask: number;
  iif?: string;
  oif?: string;
  tb: number;
  protocol: number;
  protocolmask: number;
  ipproto: number;
  sport: PortRange;
  dport: PortRange;
  uidrange?: { start: number; end: number };
}

interface PortRange {
  start: number;
  end: number;
}

/** sscanf(arg, "%hu-%hu") (bits 16) or "%u-%u" (bits 32): how many numbers it read, and them. */
function scanRange(arg: string, bits: 16 | 32): { n: number; start: number; end: number } {
  const num = (at: number): { v: number; end: number } | undefined => {
    const m = /^\s*([+-]?)(\d+)/.exec(arg.slice(at));
    if (!m) return undefined;
    // strtoul's wrap of a sign and of what does not fit, then the conversion's truncation
    let v = BigInt(m[2]!);
    if (v > 0xffffffffffffffffn) v = 0xffffffffffffffffn;
    if (m[1] === "-") v = (1n << 64n) - v;
    return { v: Number(v & (bits === 16 ? 0xffffn : 0xffffffffn)), end: at + m[0].length };
  };
  const a = num(0);
  if (!a) return { n: 0, start: 0, end: 0 };
  if (arg[a.end] !== "-") return { n: 1, start: a.v, end: 0 };
  const b = num(a.end + 1);
  if (!b) return { n: 1, start: a.v, end: 0 };
  return { n: 2, start: a.v, end: b.v };
}

/** A port range word of an add, a del or a filter (sscanf "%hu-%hu": one number is start and end). */
function portRange(ctx: IpCtx, v: string, msg: string): PortRange {
  const r = scanRange(v, 16);
  if (r.n === 1) return { start: r.start, end: r.start };
  if (r.n !== 2) invarg(ctx.out, msg, v);
  return { start: r.start, end: r.end };
}

function uidRange(ctx: IpCtx, v: string): { start: number; end: number } {
  const r = scanRange(v, 32);
  if (r.n !== 2) invarg(ctx.out, "invalid UID range\n", v);
  return { start: r.start, end: r.end };
}

/** iprule_list_flush_or_save(): the filter words, then the rules that pass it printed or deleted. */
function listOrFlush(ctx: IpCtx, a: Args, flush: boolean): number {
  const { out, net } = ctx;
  const f: Filter = {
    not: false,
    fwmark: 0,
    fwmask: 0,
    tb: 0,
    protocol: 0,
    protocolmask: 0,
    ipproto: 0,
    sport: { start: 0, end: 0 },
    dport: { start: 0, end: 0 },
  };
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (matches(w, "preference") || matches(w, "order") || matches(w, "priority")) {
      const v = a.next();
      const p = getU32(v);
      if (p === undefined) invarg(out, "preference value is invalid\n", v);
      f.pref = p;
    } else if (w === "not") f.not = true;
    else if (w === "tos" || w === "dsfield") {
      const v = a.next();
      const t = dsfieldA2n(v);
      if (t === undefined) invarg(out, "TOS value is invalid\n", v);
      f.tos = t;
    } else if (w === "fwmark") {
      const v = a.next();
      const slash = v.indexOf("/");
      const m = getU32(slash >= 0 ? v.slice(0, slash) : v);
      if (m === undefined) invarg(out, "fwmark value is invalid\n", slash >= 0 ? v.slice(0, slash) : v);
      f.fwmark = m;
      if (slash >= 0) {
        const k = getU32(v.slice(slash + 1));
        if (k === undefined) invarg(out, "fwmask value is invalid\n", v.slice(slash + 1));
        f.fwmask = k;
      }
    } else if (w === "dev" || w === "iif") {
      const v = a.next();
      if (!checkIfname(v)) invarg(out, '"iif"/"dev" not a valid ifname', v);
      f.iif = v;
    } else if (w === "oif") {
      const v = a.next();
      if (!checkIfname(v)) invarg(out, '"oif" not a valid ifname', v);
      f.oif = v;
    } else if (w === "uidrange") f.uidrange = uidRange(ctx, a.next());
    else if (w === "ipproto") {
      const v = a.next();
      const p = inetProtoA2n(v);
      if (p === undefined) invarg(out, 'Invalid "ipproto" value\n', v);
      f.ipproto = p;
    } else if (w === "sport") f.sport = portRange(ctx, a.next(), "invalid port range\n");
    else if (w === "dport") f.dport = portRange(ctx, a.next(), "invalid dport range\n");
    else if (w === "l3mdev" || matches(w, "tun_id")) {
      unsupported(out, `"${w}" in rules`);
    } else if (matches(w, "lookup") || matches(w, "table")) {
      const v = a.next();
      const t = tableA2n(v);
      if (t === undefined) invarg(out, "table id value is invalid\n", v);
      f.tb = t;
    } else if (matches(w, "from") || matches(w, "src")) {
      f.src = getPrefix(out, a.next(), AF_INET);
    } else if (matches(w, "protocol")) {
      const v = a.next();
      const p = protoA2n(v);
      f.protocolmask = -1;
      if (p === undefined) {
        if (v !== "all") invarg(out, 'invalid "protocol"\n', v);
        f.protocol = 0;
        f.protocolmask = 0;
      } else f.protocol = p;
    } else {
      let v = w;
      if (matches(v, "dst") || matches(v, "to")) v = a.next();
      f.dst = getPrefix(out, v, AF_INET);
    }
  }
  const rules = [...net.rules];
  for (const r of rules) {
    if (!passes(f, r)) continue;
    if (flush) {
      if ((f.protocol ^ r.proto) & f.protocolmask) continue;
      // (the kernel leaves out a priority of 0: such a rule is listed, not deleted)
      if (r.pref) net.dropRule(r);
    } else out.stdout += formatRule(ctx, r);
  }
  return 0;
}

/** filter_nlmsg(). */
function passes(f: Filter, r: FibRule): boolean {
  if (f.pref !== undefined && f.pref !== r.pref) return false;
  if (f.not && !r.invert) return false;
  if (f.src && !prefixPasses(f.src, r.src, r.srcLen)) return false;
  if (f.dst && !prefixPasses(f.dst, r.dst, r.dstLen)) return false;
  if (f.tos !== undefined && f.tos !== r.tos) return false;
  if (f.fwmark && f.fwmark !== r.mark) return false;
  if (f.fwmask && f.fwmask !== (r.mark || r.markMask ? r.markMask : 0)) return false;
  if (f.iif !== undefined && f.iif !== r.iif) return false;
  if (f.oif !== undefined && f.oif !== r.oif) return false;
  if (f.tb && f.tb !== r.table) return false;
  if (f.uidrange && (!uidRangeSet(r) || r.uidStart !== f.uidrange.start || r.uidEnd !== f.uidrange.end)) return false;
  if (f.ipproto && f.ipproto !== r.ipProto) return false;
  if (
    f.sport.start &&
    (!portRangeSet(r.sportStart, r.sportEnd) || r.sportStart !== f.sport.start || r.sportEnd !== f.sport.end)
  )
    return false;
  if (
    f.dport.start &&
    (!portRangeSet(r.dportStart, r.dportEnd) || r.dportStart !== f.dport.start || r.dportEnd !== f.dport.end)
  )
    return false;
  return true;
}

/** The filter's prefix no longer than the rule's, and equal over its own length. */
function prefixPasses(f: Prefix, addr: number, len: number): boolean {
  if (f.family !== AF_INET || f.bitlen > len) return false;
  if (!len || f.bitlen <= 0) return true;
  const m = (0xffffffff << (32 - f.bitlen)) >>> 0;
  return ((addr ^ f.addr) & m) >>> 0 === 0;
}

const hex = (n: number) => (n ? `0x${(n >>> 0).toString(16)}` : "0");

/** print_rule(). */
function formatRule(ctx: IpCtx, r: FibRule): string {
  const net = ctx.net;
  let s = `${r.pref}:\t`;
  if (r.invert) s += "not ";
  s += r.srcLen ? `from ${formatIPv4(r.src)}${r.srcLen !== 32 ? `/${r.srcLen}` : ""}` : "from all";
  if (r.dstLen) s += ` to ${formatIPv4(r.dst)}${r.dstLen !== 32 ? `/${r.dstLen}` : ""}`;
  if (r.tos) s += ` tos ${dsfieldN2a(r.tos)}`;
  if (r.mark || r.markMask) {
    s += ` fwmark ${hex(r.mark)}`;
    if (r.markMask >>> 0 !== 0xffffffff) s += `/${hex(r.markMask)}`;
  }
  if (r.iif) s += ` iif ${r.iif}${net.iface(r.iif) ? "" : " [detached]"}`;
  if (r.oif) s += ` oif ${r.oif}${net.iface(r.oif) ? "" : " [detached]"}`;
  if (uidRangeSet(r)) s += ` uidrange ${r.uidStart}-${r.uidEnd}`;
  if (r.ipProto) s += ` ipproto ${inetProtoN2a(r.ipProto)}`;
  if (portRangeSet(r.sportStart, r.sportEnd))
    s += r.sportStart === r.sportEnd ? ` sport ${r.sportStart}` : ` sport ${r.sportStart}-${r.sportEnd}`;
  if (portRangeSet(r.dportStart, r.dportEnd))
    s += r.dportStart === r.dportEnd ? ` dport ${r.dportStart}` : ` dport ${r.dportStart}-${r.dportEnd}`;
  if (r.table) {
    s += ` lookup ${tableN2a(r.table)}`;
    if (r.suppressPrefixlen !== -1) s += ` suppress_prefixlength ${r.suppressPrefixlen}`;
  }
  if (r.action === FR_ACT_GOTO) {
    s += r.target ? ` goto ${r.target}` : " goto none";
    if (!r.ctarget) s += " [unresolved]";
  } else if (r.action === FR_ACT_NOP) s += " nop";
  else if (r.action !== FR_ACT_TO_TBL) s += ` ${rtntypeN2a(r.action)}`;
  if (r.proto && r.proto !== RTPROT_KERNEL) s += ` proto ${protoN2a(r.proto)}`;
  return `${s}\n`;
}

/** iprule_modify(): the words of an add or a del, then the kernel's answer. */
function modify(ctx: IpCtx, a: Args, add: boolean): number {
  const { out, net } = ctx;
  if (!a.more) {
    out.stderr += `"ip rule ${add ? "add" : "del"}" requires arguments.\n`;
    return 1;
  }
  const r = newRule({ action: add ? FR_ACT_TO_TBL : 0 });
  const given: RuleSelector = {};
  let tableOk = false;
  let hasPref = false;
  let hasGoto = false;
  let uidGiven = false;
  let sportGiven = false;
  let dportGiven = false;
  const prefix = (v: string): Prefix => {
    const p = getPrefix(out, v, ctx.family);
    // an IPv6 prefix in an IPv4 rule: the kernel refuses its address length
    if (p.family === AF_INET6) kernelError(out, kerr("EINVAL"));
    return p;
  };
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "not") r.invert = true;
    else if (w === "from") {
      const p = prefix(a.next());
      r.srcLen = Math.max(p.bitlen, 0);
      r.src = r.srcLen ? p.addr >>> 0 : 0;
      given.srcLen = r.srcLen;
      given.src = r.src;
    } else if (w === "to") {
      const p = prefix(a.next());
      r.dstLen = Math.max(p.bitlen, 0);
      r.dst = r.dstLen ? p.addr >>> 0 : 0;
      given.dstLen = r.dstLen;
      given.dst = r.dst;
    } else if (matches(w, "preference") || matches(w, "order") || matches(w, "priority")) {
      const v = a.next();
      const p = getU32(v);
      if (p === undefined) invarg(out, "preference value is invalid\n", v);
      r.pref = p;
      given.pref = p;
      hasPref = true;
    } else if (w === "tos" || matches(w, "dsfield")) {
      const v = a.next();
      const t = dsfieldA2n(v);
      if (t === undefined) invarg(out, "TOS value is invalid\n", v);
      r.tos = t;
      given.tos = t;
    } else if (w === "fwmark") {
      const v = a.next();
      const slash = v.indexOf("/");
      const text = slash >= 0 ? v.slice(0, slash) : v;
      const m = getU32(text);
      if (m === undefined) invarg(out, "fwmark value is invalid\n", text);
      // a non-zero mark alone compares all bits
      r.mark = m;
      if (m) r.markMask = 0xffffffff;
      if (slash >= 0) {
        const k = getU32(v.slice(slash + 1));
        if (k === undefined) invarg(out, "fwmask value is invalid\n", v.slice(slash + 1));
        r.markMask = k;
      }
      given.mark = r.mark;
      given.markMask = r.markMask;
    } else if (matches(w, "realms")) {
      a.next();
      unsupported(out, '"realms" in rules');
    } else if (matches(w, "protocol")) {
      const v = a.next();
      const p = protoA2n(v);
      if (p === undefined) invarg(out, '"protocol" value is invalid\n', v);
      r.proto = p;
      given.proto = p;
    } else if (matches(w, "tun_id")) {
      a.next();
      unsupported(out, '"tun_id" in rules');
    } else if (matches(w, "table") || w === "lookup") {
      const v = a.next();
      const t = tableA2n(v);
      if (t === undefined) invarg(out, "invalid table ID\n", v);
      r.table = t;
      given.table = t;
      tableOk = true;
    } else if (matches(w, "suppress_prefixlength") || w === "sup_pl") {
      const v = a.next();
      const pl = getInteger(v);
      if (pl === undefined || pl < 0) invarg(out, "suppress_prefixlength value is invalid\n", v);
      r.suppressPrefixlen = pl;
      given.suppressPrefixlen = pl;
    } else if (matches(w, "suppress_ifgroup") || w === "sup_group") {
      a.next();
      unsupported(out, '"suppress_ifgroup" in rules');
    } else if (w === "dev" || w === "iif") {
      const v = a.next();
      if (!checkIfname(v)) invarg(out, '"iif"/"dev" not a valid ifname', v);
      r.iif = v;
      given.iif = v;
    } else if (w === "oif") {
      const v = a.next();
      if (!checkIfname(v)) invarg(out, '"oif" not a valid ifname', v);
      r.oif = v;
      given.oif = v;
    } else if (w === "uidrange") {
      const u = uidRange(ctx, a.next());
      r.uidStart = u.start;
      r.uidEnd = u.end;
      given.uidStart = u.start;
      given.uidEnd = u.end;
      uidGiven = true;
    } else if (w === "ipproto") {
      const v = a.next();
      const p = inetProtoA2n(v);
      if (p === undefined) invarg(out, 'Invalid "ipproto" value\n', v);
      r.ipProto = p;
      given.ipProto = p;
    } else if (w === "sport" || w === "dport") {
      const pr = portRange(ctx, a.next(), w === "sport" ? "invalid port range\n" : "invalid dport range\n");
      if (w === "sport") {
        r.sportStart = given.sportStart = pr.start;
        r.sportEnd = given.sportEnd = pr.end;
        sportGiven = true;
      } else {
        r.dportStart = given.dportStart = pr.start;
        r.dportEnd = given.dportEnd = pr.end;
        dportGiven = true;
      }
    } else if (w === "l3mdev") {
      unsupported(out, `"${w}" in rules`);
    } else if (w === "nat" || matches(w, "map-to")) {
      a.next();
      unsupported(out, "route NAT in rules");
    } else {
      let v = w;
      if (v === "type") v = a.next();
      if (matches(v, "help")) usage(ctx);
      let type: number;
      if (matches(v, "goto")) {
        type = FR_ACT_GOTO;
        const t = a.next();
        const target = getU32(t);
        if (target === undefined) invarg(out, "invalid target\n", t);
        r.target = target;
        hasGoto = true;
      } else if (matches(v, "nop")) type = FR_ACT_NOP;
      else {
        const t = rtntypeA2n(v);
        if (t === undefined) invarg(out, "Failed to parse rule type", v);
        type = t;
      }
      r.action = type;
      given.action = type;
      tableOk = true;
    }
  }
  // fib_nl2rule(): the ranges (INVALID_UID ends none; a port range from 1 to 65534)
  if (uidGiven && (r.uidStart === UID_RANGE_END || r.uidEnd === UID_RANGE_END || r.uidStart > r.uidEnd))
    kernelError(out, kerr("EINVAL", "Invalid uid range"));
  const badPorts = (start: number, end: number) => start === 0 || end === 0xffff || start > end;
  if (sportGiven && badPorts(r.sportStart, r.sportEnd)) kernelError(out, kerr("EINVAL", "Invalid sport range"));
  if (dportGiven && badPorts(r.dportStart, r.dportEnd)) kernelError(out, kerr("EINVAL", "Invalid dport range"));
  if (!add) {
    const e = net.delRule(given);
    if (e) kernelError(out, e);
    return 0;
  }
  if (!tableOk) r.table = RT_TABLE_MAIN;
  // fib_nl2rule(): the default priority, a goto's target, the action, the dsfield
  if (!hasPref) r.pref = defaultPref(net.rules);
  if (hasGoto !== (r.action === FR_ACT_GOTO)) kernelError(out, kerr("EINVAL"));
  if (r.action > FR_ACT_PROHIBIT || r.action === 0) kernelError(out, kerr("EINVAL"));
  if (r.tos & 3) kernelError(out, kerr("EINVAL", "Invalid dsfield (tos): ECN bits must be 0"));
  if (r.tos & ~0x1e) kernelError(out, kerr("EINVAL", "Invalid tos"));
  const e = net.addRule(r);
  if (e) kernelError(out, e);
  return 0;
}
