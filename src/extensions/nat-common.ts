/**
 * What the NAT targets of libxt_NAT share (DNAT, SNAT, MASQUERADE, REDIRECT):
 * the range struct, parse_to()/parse_ports() with their messages, and the
 * print/save text of sprint_range()/__NAT_print().
 */
import { xtStrtoul } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { formatIPv4 } from "../core/ipv4.js";
import { getServByName } from "../core/netdb.js";

export const NF_NAT_RANGE_MAP_IPS = 1 << 0;
export const NF_NAT_RANGE_PROTO_SPECIFIED = 1 << 1;
export const NF_NAT_RANGE_PROTO_RANDOM = 1 << 2;
export const NF_NAT_RANGE_PERSISTENT = 1 << 3;
export const NF_NAT_RANGE_PROTO_RANDOM_FULLY = 1 << 4;
export const NF_NAT_RANGE_PROTO_OFFSET = 1 << 5;

/**
 * The range as the kernel struct holds it. The IPv4 compat layout
 * (revision 0) has no base port: basePort stays 0 there.
 */
export interface NatRange {
  flags: number;
  minIp: number;
  maxIp: number;
  minPort: number;
  maxPort: number;
  basePort: number;
}

export const O_TO_DEST = 0;
export const O_TO_SRC = 1;
export const O_TO_PORTS = 2;
export const O_RANDOM = 3;
export const O_RANDOM_FULLY = 4;
export const O_PERSISTENT = 5;

export function emptyRange(): NatRange {
  return { flags: 0, minIp: 0, maxIp: 0, minPort: 0, maxPort: 0, basePort: 0 };
}

/** __NAT_parse(): ports need one of these protocols (ICMP too, despite the message). */
export function natPortOk(proto: number): boolean {
  return proto === 6 || proto === 17 || proto === 132 || proto === 33 || proto === 1;
}

/** glibc inet_pton(AF_INET): exactly four decimal parts 0-255, no leading zeros. */
export function inetPton4(s: string): number | undefined {
  // Four dot-separated parts of 1-3 decimal digits, no leading zero, each at most 255.
  let v = 0;
  let parts = 0;
  let n = 0;
  let digits = 0;
  let first = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46; // the end closes the last part
    if (c === 46 /* . */) {
      if (digits === 0 || (digits > 1 && first === 48) || n > 255 || parts === 4) return undefined;
      v = v * 256 + n;
      parts++;
      n = 0;
      digits = 0;
      continue;
    }
    if (c < 48 || c > 57 || digits === 3) return undefined;
    if (digits === 0) first = c;
    n = n * 10 + (c - 48);
    digits++;
  }
  return parts === 4 ? v : undefined;
}

/** xtables_service_to_port(name, NULL) */
function serviceToPort(name: string): number | undefined {
  return getServByName(name);
}

/** parse_ports(): port[-port[/port]] into the range. */
export function parsePorts(arg: string, portok: boolean, range: NatRange): void {
  if (!portok) throw paramError("Need TCP, UDP, SCTP or DCCP with port specification");
  range.flags |= NF_NAT_RANGE_PROTO_SPECIFIED;
  let port: number;
  let rest: string;
  const first = xtStrtoul(arg, 0, 65535);
  if (first.ok) {
    port = first.value;
    rest = arg.slice(first.end);
  } else {
    const p = serviceToPort(arg);
    if (p === undefined) throw paramError(`Port \`${arg}' not valid`);
    port = p;
    rest = "";
  }
  if (rest === "") {
    range.minPort = range.maxPort = port;
    return;
  }
  if (rest[0] === ":") throw paramError("Invalid port:port syntax - use dash");
  if (rest[0] !== "-") throw paramError(`Garbage after port value: \`${rest}'`);
  // a range: no service names here
  const maxArg = rest.slice(1);
  const second = xtStrtoul(maxArg, 0, 65535);
  if (!second.ok) throw paramError(`Port \`${maxArg}' not valid`);
  if (second.value < port) throw paramError(`Port range \`${maxArg}' funky`);
  range.minPort = port;
  range.maxPort = second.value;
  const tail = maxArg.slice(second.end);
  if (tail === "") return;
  if (tail[0] !== "/") throw paramError(`Garbage after port range: \`${tail}'`);
  const baseArg = tail.slice(1);
  const third = xtStrtoul(baseArg, 1, 65535);
  let base: number;
  if (third.ok) base = third.value;
  else {
    const p = serviceToPort(baseArg);
    if (p === undefined) throw paramError(`Port \`${baseArg}' not valid`);
    base = p;
  }
  range.flags |= NF_NAT_RANGE_PROTO_OFFSET;
  range.basePort = base;
}

/** parse_to(): [ipaddr[-ipaddr]][:port[-port[/port]]] for AF_INET. */
export function parseTo(orig: string, portok: boolean, range: NatRange): void {
  if (orig.includes("[")) throw paramError("Invalid address format");
  let colon = orig.indexOf(":");
  // more than one colon: taken for an IPv6 address
  if (colon >= 0 && orig.indexOf(":", colon + 1) >= 0) colon = -1;
  let start = orig;
  if (colon >= 0) {
    parsePorts(orig.slice(colon + 1), portok, range);
    // "Starts with colon or [] colon?" (the check also catches any two characters)
    if (colon === 0 || colon === 2) return;
    start = orig.slice(0, colon);
  }
  range.flags |= NF_NAT_RANGE_MAP_IPS;
  const dash = start.indexOf("-");
  const lo = dash >= 0 ? start.slice(0, dash) : start;
  const min = inetPton4(lo);
  if (min === undefined) throw paramError(`Bad IP address "${lo}"`);
  range.minIp = min;
  if (dash >= 0) {
    const hi = start.slice(dash + 1);
    const max = inetPton4(hi);
    if (max === undefined) throw paramError(`Bad IP address "${hi}"`);
    range.maxIp = max;
  } else {
    range.maxIp = min;
  }
}

/** sprint_range() */
function sprintRange(r: NatRange): string {
  let buf = "";
  if (r.flags & NF_NAT_RANGE_MAP_IPS) {
    buf += formatIPv4(r.minIp);
    if (r.minIp !== r.maxIp) buf += `-${formatIPv4(r.maxIp)}`;
  }
  if (r.flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
    buf += `:${r.minPort}`;
    if (r.maxPort !== r.minPort) buf += `-${r.maxPort}`;
    if (r.flags & NF_NAT_RANGE_PROTO_OFFSET) buf += `/${r.basePort}`;
  }
  return buf;
}

/** __NAT_print(): the range after `rangeopt`, then the flags. */
export function natPrint(r: NatRange, rangeopt: string, flagPfx: string, skipColon: boolean): string {
  let out = "";
  let s = sprintRange(r);
  if (s.length > 0) {
    if (s[0] === ":" && skipColon) s = s.slice(1);
    out += ` ${rangeopt}${s}`;
  }
  if (r.flags & NF_NAT_RANGE_PROTO_RANDOM) out += ` ${flagPfx}random`;
  if (r.flags & NF_NAT_RANGE_PROTO_RANDOM_FULLY) out += ` ${flagPfx}random-fully`;
  if (r.flags & NF_NAT_RANGE_PERSISTENT) out += ` ${flagPfx}persistent`;
  return out;
}

/**
 * NAT_parse() of the IPv4 compat layout: the option's own range is parsed
 * fresh, then addresses, ports and flags are copied as the C code does (the
 * base port has no place in the compat struct and is lost).
 */
export function natParseCompat(id: number, arg: string, proto: number, d: NatRange): void {
  const range = emptyRange();
  const portok = natPortOk(proto);
  switch (id) {
    case O_TO_DEST:
    case O_TO_SRC:
      parseTo(arg, portok, range);
      d.minIp = range.minIp;
      d.maxIp = range.maxIp;
      d.minPort = range.minPort;
      d.maxPort = range.maxPort;
      break;
    case O_TO_PORTS:
      parsePorts(arg, portok, range);
      d.minPort = range.minPort;
      d.maxPort = range.maxPort;
      break;
    case O_PERSISTENT:
      range.flags |= NF_NAT_RANGE_PERSISTENT;
      break;
    case O_RANDOM:
      range.flags |= NF_NAT_RANGE_PROTO_RANDOM;
      break;
    case O_RANDOM_FULLY:
      range.flags |= NF_NAT_RANGE_PROTO_RANDOM_FULLY;
      break;
  }
  d.flags |= range.flags;
}
