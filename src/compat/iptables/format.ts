/**
 * Text forms of rules and chains: `iptables -L` (print_header,
 * print_rule_details, …) and `-S`/iptables-save (save_ipv4_addr,
 * save_rule_details, save_matches_and_target), byte for byte.
 */
import { addrMaskToListString, formatIPv4, maskToSaveString } from "../../core/ipv4.js";
import type { NameDb } from "../../core/netdb.js";
import { getProtoByNumber } from "../../core/netdb.js";
import type { Chain, Rule } from "../../engine/ruleset.js";
import {
  IPT_F_FRAG,
  IPT_F_GOTO,
  IPT_INV_DSTIP,
  IPT_INV_FRAG,
  IPT_INV_PROTO,
  IPT_INV_SRCIP,
  IPT_INV_VIA_IN,
  IPT_INV_VIA_OUT,
  type IpSpec,
  type PrintContext,
} from "../../extensions/api.js";
import { CHAIN_PROTOS } from "../../extensions/xtoptions.js";

export const FMT_NUMERIC = 0x0001;
export const FMT_NOCOUNTS = 0x0002;
export const FMT_KILOMEGAGIGA = 0x0004;
export const FMT_OPTIONS = 0x0008;
export const FMT_NOTABLE = 0x0010;
export const FMT_NOTARGET = 0x0020;
export const FMT_VIA = 0x0040;
export const FMT_NONEWLINE = 0x0080;
export const FMT_LINENUMBERS = 0x0100;
export const FMT_C_COUNTS = 0x0400;

function padRight(s: string, w: number): string {
  return s.length >= w ? s : s + " ".repeat(w - s.length);
}

function padLeft(s: string, w: number): string {
  return s.length >= w ? s : " ".repeat(w - s.length) + s;
}

/** xtables_print_num() */
export function printNum(n: number, format: number): string {
  const notable = (format & FMT_NOTABLE) !== 0;
  if (!(format & FMT_KILOMEGAGIGA)) return notable ? `${n} ` : `${padLeft(String(n), 8)} `;
  if (n <= 99999) return notable ? `${n} ` : `${padLeft(String(n), 5)} `;
  let v = Math.floor((n + 500) / 1000);
  for (const unit of ["K", "M", "G"]) {
    if (v <= 9999) return notable ? `${v}${unit} ` : `${padLeft(String(v), 4)}${unit} `;
    v = Math.floor((v + 500) / 1000);
  }
  return notable ? `${v}T ` : `${padLeft(String(v), 4)}T `;
}

/** print_header(); refs < 0 means the count is unknown (a chain created in this batch). */
export function printHeader(
  format: number,
  chain: string,
  policy: string | null,
  pcnt: number,
  bcnt: number,
  refs: number,
): string {
  let out = `Chain ${chain}`;
  if (policy) {
    out += ` (policy ${policy}`;
    if (!(format & FMT_NOCOUNTS)) {
      out += ` ${printNum(pcnt, format | FMT_NOTABLE)}packets, ${printNum(bcnt, format | FMT_NOTABLE)}bytes`;
    }
    out += ")\n";
  } else if (refs < 0) {
    out += " (ERROR obtaining refs)\n";
  } else {
    out += ` (${refs} references)\n`;
  }
  if (format & FMT_LINENUMBERS) out += `${padRight("num", 4)} `;
  if (!(format & FMT_NOCOUNTS)) {
    if (format & FMT_KILOMEGAGIGA) out += `${padLeft("pkts", 5)} ${padLeft("bytes", 5)} `;
    else out += `${padLeft("pkts", 8)} ${padLeft("bytes", 10)} `;
  }
  if (!(format & FMT_NOTARGET)) out += `${padRight("target", 9)} `;
  out += " prot ";
  if (format & FMT_OPTIONS) out += "opt";
  if (format & FMT_VIA) out += ` ${padRight("in", 6)} ${padRight("out", 6)} `;
  out += ` ${padRight("source", 19)} `;
  out += ` ${padRight("destination", 19)} `;
  return `${out}\n`;
}

/** proto_to_name() */
export function protoToName(proto: number, nolookup: boolean): string | undefined {
  for (const [name, num] of CHAIN_PROTOS) if (num === proto) return name;
  if (proto && !nolookup) return getProtoByNumber(proto);
  return undefined;
}

/** The `-L` line of one rule (print_rule_details … print_matches_and_target). */
export function printRule(rule: Rule, num: number, format: number, targetName: string, db: NameDb): string {
  const ip = rule.ip;
  const notable = (format & FMT_NOTABLE) !== 0;
  let out = "";
  if (format & FMT_LINENUMBERS) out += notable ? `${num} ` : `${padRight(String(num), 4)} `;
  if (!(format & FMT_NOCOUNTS)) out += printNum(rule.pcnt, format) + printNum(rule.bcnt, format);
  if (!(format & FMT_NOTARGET)) out += notable ? `${targetName} ` : `${padRight(targetName, 9)} `;
  out += ip.invflags & IPT_INV_PROTO ? "!" : " ";
  const pname = protoToName(ip.proto, (format & FMT_NUMERIC) !== 0);
  const protoText =
    (format & (FMT_NUMERIC | FMT_NOTABLE)) === FMT_NUMERIC || pname === undefined ? String(ip.proto) : pname;
  out += notable ? `${protoText} ` : `${padRight(protoText, 4)} `;
  // print_fragment
  if (format & FMT_OPTIONS) {
    if (notable) out += "opt ";
    out += ip.invflags & IPT_INV_FRAG ? "!" : "-";
    out += ip.flags & IPT_F_FRAG ? "f" : "-";
    out += " ";
  }
  // print_ifaces
  if (format & FMT_VIA) {
    const any = format & FMT_NUMERIC ? "*" : "any";
    const inName = (ip.invflags & IPT_INV_VIA_IN ? "!" : "") + (ip.iniface !== "" ? ip.iniface : any);
    const outName = (ip.invflags & IPT_INV_VIA_OUT ? "!" : "") + (ip.outiface !== "" ? ip.outiface : any);
    out += notable ? `in ${inName} out ${outName} ` : ` ${padRight(inName, 6)} ${padRight(outName, 6)} `;
  }
  const numeric = (format & FMT_NUMERIC) !== 0;
  const src = addrMaskToListString(ip.src, ip.smsk, numeric, db);
  const dst = addrMaskToListString(ip.dst, ip.dmsk, numeric, db);
  out += ip.invflags & IPT_INV_SRCIP ? "!" : " ";
  out += notable ? `${src} ` : `${padRight(src, 19)} `;
  out += ip.invflags & IPT_INV_DSTIP ? "!" : " ";
  out += notable ? `-> ${dst}` : `${padRight(dst, 19)} `;
  if (notable) out += "  ";
  if (ip.flags & IPT_F_GOTO) out += "[goto] ";
  const ctx: PrintContext = { ip, numeric, db };
  for (const m of rule.matches) if (m.ext.print) out += m.ext.print(m.data, ctx);
  if (rule.target?.ext.print) out += rule.target.ext.print(rule.target.data, ctx);
  if (!(format & FMT_NONEWLINE)) out += "\n";
  return out;
}

/** save_iface() */
function saveIface(letter: string, iface: string, invert: boolean): string {
  if (iface === "") return "";
  return `${invert ? " !" : ""} -${letter} ${iface}`;
}

/** The rule body as -S/iptables-save print it after `-A CHAIN` (leading space, no newline). */
export function saveRuleBody(rule: Rule, db: NameDb, cCounts = false): string {
  const ip = rule.ip;
  let out = "";
  out += saveAddr("s", ip.src, ip.smsk, (ip.invflags & IPT_INV_SRCIP) !== 0);
  out += saveAddr("d", ip.dst, ip.dmsk, (ip.invflags & IPT_INV_DSTIP) !== 0);
  out += saveIface("i", ip.iniface, (ip.invflags & IPT_INV_VIA_IN) !== 0);
  out += saveIface("o", ip.outiface, (ip.invflags & IPT_INV_VIA_OUT) !== 0);
  if (ip.proto > 0) {
    const pname = protoToName(ip.proto, false);
    if (ip.invflags & IPT_INV_PROTO) out += " !";
    out += pname !== undefined ? ` -p ${pname}` : ` -p ${ip.proto}`;
  }
  if (ip.flags & IPT_F_FRAG) {
    if (ip.invflags & IPT_INV_FRAG) out += " !";
    out += " -f";
  }
  out += saveMatchesAndTarget(rule, db, cCounts);
  return out;
}

function saveAddr(letter: string, addr: number, mask: number, invert: boolean): string {
  if (!mask && !invert && !addr) return "";
  return `${invert ? " !" : ""} -${letter} ${formatIPv4(addr)}/${maskToSaveString(mask)}`;
}

export function saveMatchesAndTarget(rule: Rule, db: NameDb, cCounts: boolean): string {
  const ctx: PrintContext = { ip: rule.ip, numeric: false, db };
  let out = "";
  for (const m of rule.matches) {
    out += ` -m ${m.ext.saveName ? m.ext.saveName(m.data) : m.ext.name}`;
    if (m.ext.save) out += m.ext.save(m.data, ctx);
  }
  if (cCounts) out += ` -c ${rule.pcnt} ${rule.bcnt}`;
  if (rule.target) {
    const t = rule.target;
    out += ` -j ${t.ext.saveName ? t.ext.saveName(t.data) : rule.jumpto}`;
    if (t.ext.save) out += t.ext.save(t.data, ctx);
  } else if (rule.jumpto.length > 0) {
    out += ` -${rule.ip.flags & IPT_F_GOTO ? "g" : "j"} ${rule.jumpto}`;
  }
  return out;
}

/** `:NAME POLICY [p:b]` */
export function saveChainLine(c: Chain): string {
  return `:${c.name} ${c.policy ?? "-"} [${c.pcnt}:${c.bcnt}]\n`;
}

export type { IpSpec };
