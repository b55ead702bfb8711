/**
 * icmp match (libipt_icmp / ip_tables icmp_match): type by name or number,
 * optional code or code range; type 255 means "any".
 */
import { xtStrtoul } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XtType } from "./api.js";
import { dataKey, wrongProto } from "./l4-common.js";
import { fragOff, l4Avail, rawByte, rawL4 } from "./pkt-util.js";

const IPT_ICMP_INV = 0x01;
const IPPROTO_ICMP = 1;

export interface IcmpData {
  type: number;
  code: number[];
  invflags: number;
}

/** icmp_codes[] of libxt_icmp.h: name, type, code range. */
export const ICMP_CODES: ReadonlyArray<readonly [string, number, number, number]> = [
  ["any", 0xff, 0, 0xff],
  ["echo-reply", 0, 0, 0xff],
  ["pong", 0, 0, 0xff],
  ["destination-unreachable", 3, 0, 0xff],
  ["network-unreachable", 3, 0, 0],
  ["host-unreachable", 3, 1, 1],
  ["protocol-unreachable", 3, 2, 2],
  ["port-unreachable", 3, 3, 3],
  ["fragmentation-needed", 3, 4, 4],
  ["source-route-failed", 3, 5, 5],
  ["network-unknown", 3, 6, 6],
  ["host-unknown", 3, 7, 7],
  ["network-prohibited", 3, 9, 9],
  ["host-prohibited", 3, 10, 10],
  ["TOS-network-unreachable", 3, 11, 11],
  ["TOS-host-unreachable", 3, 12, 12],
  ["communication-prohibited", 3, 13, 13],
  ["host-precedence-violation", 3, 14, 14],
  ["precedence-cutoff", 3, 15, 15],
  ["source-quench", 4, 0, 0xff],
  ["redirect", 5, 0, 0xff],
  ["network-redirect", 5, 0, 0],
  ["host-redirect", 5, 1, 1],
  ["TOS-network-redirect", 5, 2, 2],
  ["TOS-host-redirect", 5, 3, 3],
  ["echo-request", 8, 0, 0xff],
  ["ping", 8, 0, 0xff],
  ["router-advertisement", 9, 0, 0xff],
  ["router-solicitation", 10, 0, 0xff],
  ["time-exceeded", 11, 0, 0xff],
  ["ttl-exceeded", 11, 0, 0xff],
  ["ttl-zero-during-transit", 11, 0, 0],
  ["ttl-zero-during-reassembly", 11, 1, 1],
  ["parameter-problem", 12, 0, 0xff],
  ["ip-header-bad", 12, 0, 0],
  ["required-option-missing", 12, 1, 1],
  ["timestamp-request", 13, 0, 0xff],
  ["timestamp-reply", 14, 0, 0xff],
  ["address-mask-request", 17, 0, 0xff],
  ["address-mask-reply", 18, 0, 0xff],
];

/** parse_range(): N or N:M, each 0-255; index after it, or -1. */
function parseRange(s: string, start: number, res: number[]): number {
  const a = xtStrtoul(s.slice(start), 0, 255);
  if (!a.ok) return -1;
  let next = start + a.end;
  res[0] = a.value;
  res[1] = a.value;
  if (s[next] === ":") {
    const b = xtStrtoul(s.slice(next + 1), 0, 255);
    if (!b.ok) return -1;
    res[1] = b.value;
    next = next + 1 + b.end;
  }
  return next;
}

/** ipt_parse_icmp(): unique name prefix (case-insensitive), or type[:type][/code[:code]]. */
function parseIcmp(s: string): { type: number; code: [number, number] } {
  const low = s.toLowerCase();
  let match = -1;
  for (let i = 0; i < ICMP_CODES.length; i++) {
    if (!ICMP_CODES[i]![0].toLowerCase().startsWith(low)) continue;
    if (match >= 0)
      throw paramError(`Ambiguous ICMP type \`${s}': \`${ICMP_CODES[match]![0]}' or \`${ICMP_CODES[i]![0]}'?`);
    match = i;
  }
  if (match >= 0) {
    const [, type, lo, hi] = ICMP_CODES[match]!;
    return { type, code: [lo, hi] };
  }
  const types = [0, 0];
  let next = parseRange(s, 0, types);
  if (next < 0) throw paramError(`Unknown ICMP type \`${s}'`);
  const code: [number, number] = [0, 255];
  if (next < s.length) {
    if (s[next] !== "/") throw paramError(`unknown character ${s[next]}`);
    const codes = [0, 0];
    next = parseRange(s, next + 1, codes);
    if (next < 0) throw paramError(`Unknown ICMP code \`${s}'`);
    code[0] = codes[0]!;
    code[1] = codes[1]!;
    if (next < s.length) throw paramError(`unknown character ${s[next]}`);
  }
  if (types[0] !== types[1]) throw paramError("ICMP type range not supported");
  return { type: types[0]!, code };
}

function printType(type: number, lo: number, hi: number, invert: boolean, numeric: boolean): string {
  if (!numeric) {
    const e = ICMP_CODES.find(([, t, a, b]) => t === type && a === lo && b === hi);
    if (e) return ` ${invert ? "!" : ""}${e[0]}`;
  }
  let out = invert ? " !" : "";
  out += `type ${type}`;
  if (lo === hi) out += ` code ${lo}`;
  else if (lo !== 0 || hi !== 0xff) out += ` codes ${lo}-${hi}`;
  return out;
}

/** xt_print_icmp_types(): aliases in parentheses, sub-codes indented. */
function typeList(): string {
  let out = "";
  ICMP_CODES.forEach(([name, type, lo, hi], i) => {
    const prev = ICMP_CODES[i - 1];
    if (i && type === prev![1]) out += lo === prev![2] && hi === prev![3] ? ` (${name})` : `\n   ${name}`;
    else out += `\n${name}`;
  });
  return `${out}\n`;
}

export const icmpMatch = defineMatch<IcmpData>({
  name: "icmp",
  revision: 0,
  options: [{ name: "icmp-type", id: 0, type: XtType.STRING, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ type: 0xff, code: [0, 0xff], invflags: 0 }),
  parse(cb) {
    const r = parseIcmp(cb.arg);
    cb.data.type = r.type;
    cb.data.code = r.code;
    if (cb.invert) cb.data.invflags |= IPT_ICMP_INV;
  },
  kernelCheck(d, ctx) {
    if (wrongProto(ctx.ip, IPPROTO_ICMP) || d.invflags & ~IPT_ICMP_INV) return { errno: "EINVAL" };
    return undefined;
  },
  print(d, ctx) {
    let out = " icmp";
    out += printType(d.type, d.code[0]!, d.code[1]!, (d.invflags & IPT_ICMP_INV) !== 0, ctx.numeric);
    if (d.invflags & ~IPT_ICMP_INV)
      out += ` Unknown invflags: 0x${(d.invflags & ~IPT_ICMP_INV).toString(16).toUpperCase()}`;
    return out;
  },
  save(d) {
    let out = d.invflags & IPT_ICMP_INV ? " !" : "";
    if (d.type === 0xff) return `${out} --icmp-type any`;
    out += ` --icmp-type ${d.type}`;
    if (d.code[0] !== 0 || d.code[1] !== 0xff) out += `/${d.code[0]}`;
    return out;
  },
  compareKey: (d) => dataKey(d),
  compile(d) {
    // icmp_match() of xt_tcpudp: type 0xff is any type
    const { type } = d;
    const [lo, hi] = d.code as [number, number];
    const inv = (d.invflags & IPT_ICMP_INV) !== 0;
    return (p, ctx) => {
      if (fragOff(p) !== 0) return false;
      if (l4Avail(p) < 8) {
        ctx.hotdrop = true;
        return false;
      }
      if (type === 0xff) return !inv;
      const raw = rawL4(p);
      const t = raw ? rawByte(p, 0) : p.icmpType;
      const c = raw ? rawByte(p, 1) : p.icmpCode;
      return (t === type && c >= lo && c <= hi) !== inv;
    };
  },
  help: () =>
    "icmp match options:\n" +
    "[!] --icmp-type typename\tmatch icmp type\n" +
    "[!] --icmp-type type[/code]\t(or numeric type or type/code)\n" +
    `Valid ICMP Types:${typeList()}`,
});
