/**
 * REJECT target for IPv4 (libipt_REJECT / ipt_REJECT): drop and answer with
 * an ICMP error or a TCP reset. The kernel allows it only in the filter
 * table on INPUT/FORWARD/OUTPUT, and tcp-reset only for `-p tcp`.
 */

import { ExitStatus, paramError, XtablesError } from "../core/errors.js";
import type { Packet } from "../core/packet.js";
import { rejectCsumFails } from "../engine/ip-options.js";
import { NF_DROP } from "../engine/verdict.js";
import { defineTarget, HOOK_FWD, HOOK_IN, HOOK_OUT, IPT_INV_PROTO, XtType } from "./api.js";

export interface RejectData {
  /** enum ipt_reject_with */
  with: number;
}

const IPT_ICMP_PORT_UNREACHABLE = 3;
const IPT_ICMP_ECHOREPLY = 4;
const IPT_TCP_RESET = 7;

/** Indexed by enum ipt_reject_with; index 4 (echo-reply) is compiled out. */
const REJECT_TABLE: ReadonlyArray<readonly [string, string, string] | null> = [
  ["icmp-net-unreachable", "net-unreach", "ICMP network unreachable"],
  ["icmp-host-unreachable", "host-unreach", "ICMP host unreachable"],
  ["icmp-proto-unreachable", "proto-unreach", "ICMP protocol unreachable"],
  ["icmp-port-unreachable", "port-unreach", "ICMP port unreachable (default)"],
  null,
  ["icmp-net-prohibited", "net-prohib", "ICMP network prohibited"],
  ["icmp-host-prohibited", "host-prohib", "ICMP host prohibited"],
  ["tcp-reset", "tcp-rst", "TCP RST packet"],
  ["icmp-admin-prohibited", "admin-prohib", "ICMP administratively prohibited (*)"],
];

/** ICMP destination-unreachable code per reject type (net, host, proto, port, -, net/host prohibited, -, filtered). */
const REJECT_ICMP_CODE: ReadonlyArray<number | undefined> = [0, 1, 2, 3, undefined, 9, 10, undefined, 13];

/** strncasecmp(full, arg, strlen(arg)) == 0: arg is a case-insensitive prefix of full. */
function isPrefixCi(full: string, arg: string): boolean {
  return full.slice(0, arg.length).toLowerCase() === arg.toLowerCase();
}

function rejectName(w: number): string {
  return REJECT_TABLE[w]?.[0] ?? "(null)";
}

export const rejectTarget = defineTarget<RejectData>({
  name: "REJECT",
  revision: 0,
  tables: ["filter"],
  hooks: HOOK_IN | HOOK_FWD | HOOK_OUT,
  options: [{ name: "reject-with", id: 0, type: XtType.STRING }],
  init: () => ({ with: IPT_ICMP_PORT_UNREACHABLE }),
  parse(cb) {
    const arg = cb.arg;
    for (let i = 0; i < REJECT_TABLE.length; i++) {
      const e = REJECT_TABLE[i];
      if (!e) continue;
      if (isPrefixCi(e[0], arg) || isPrefixCi(e[1], arg)) {
        cb.data.with = i;
        return;
      }
    }
    const msg = `unknown reject type "${arg}"`;
    if (isPrefixCi("echo-reply", arg) || isPrefixCi("echoreply", arg))
      throw new XtablesError(ExitStatus.Parameter, msg, "param", "--reject-with echo-reply no longer supported\n");
    throw paramError(msg);
  },
  print: (d) => ` reject-with ${rejectName(d.with)}`,
  save: (d) => ` --reject-with ${rejectName(d.with)}`,
  kernelCheck(d, ctx) {
    if (d.with === IPT_ICMP_ECHOREPLY) return { errno: "EINVAL", log: "ECHOREPLY no longer supported." };
    if (d.with === IPT_TCP_RESET && (ctx.ip.proto !== 6 || ctx.ip.invflags & IPT_INV_PROTO))
      return { errno: "EINVAL", log: "TCP_RESET invalid for non-tcp" };
    return undefined;
  },
  compile(d) {
    // ipt_REJECT reject_tg(): nf_send_unreach() with these ICMP codes, or nf_send_reset(); always NF_DROP.
    const code = REJECT_ICMP_CODE[d.with];
    return (p, ctx) => {
      // nf_ip_checksum() fails on a header whose checksum the IP option fill left stale: no reply
      if (p.ipOpt !== null && rejectCsumFails(p)) return NF_DROP;
      if (d.with === IPT_TCP_RESET) ctx.reply?.tcpReset(p);
      else if (code !== undefined && checksumOk(p)) ctx.reply?.icmpError(p, 3, code);
      return NF_DROP;
    };
  },
  help() {
    let out =
      "REJECT target options:\n" +
      "--reject-with type              drop input packet and send back\n" +
      "                                a reply packet according to type:\n" +
      "Valid reject types:\n";
    for (const e of REJECT_TABLE) {
      if (!e) continue;
      out += `    ${e[0].padEnd(25)}\t${e[2]}\n    ${e[1].padEnd(25)}\talias\n`;
    }
    return `${out}\n(*) See man page or read the INCOMPATIBILITES file for compatibility issues.\n`;
  },
});

/**
 * Protocols nf_reject_verify_csum() lets through unchecked: TCP, UDP and ICMP (the twin's always
 * carry a right checksum), GRE, AH, ESP, SCTP (other integrity checks) and UDP-Lite (partial
 * checksum). DCCP is not among them on the reference kernel (6.18): it left with its tracker.
 */
const UNCHECKED = new Set([1, 6, 17, 47, 51, 50, 132, 136]);

/**
 * nf_send_unreach(): the ICMP error is sent only if the packet passes nf_ip_checksum(), for other
 * protocols a one's-complement sum over the whole packet (the IP header sums to zero by its own
 * checksum). The twin holds their transport bytes raw, with nothing filled in: they must sum to 0.
 */
function checksumOk(p: Packet): boolean {
  if (UNCHECKED.has(p.proto)) return true;
  const b = p.payload;
  if (!b) return true;
  let sum = 0;
  for (let i = 0; i < b.length; i += 2) sum += (b[i]! << 8) | (b[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum === 0 || sum === 0xffff;
}
