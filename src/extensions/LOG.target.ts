/**
 * LOG target (libxt_LOG / xt_LOG): kernel log of packet headers with a
 * syslog level, a prefix (29 characters kept) and decoding flags.
 */
import { paramError } from "../core/errors.js";
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, XTOPT_PUT, XtType } from "./api.js";
import { saveString } from "./common.js";
import { nfLogIpPacket } from "./nf-log-dump.js";

export interface LogData {
  level: number;
  logflags: number;
  prefix: string;
}

/** Option ids equal the XT_LOG_* bit positions for the flag options. */
const O_LOG_TCPSEQ = 0;
const O_LOG_TCPOPTS = 1;
const O_LOG_IPOPTS = 2;
const O_LOG_UID = 3;
const O_LOG_MAC = 5;
const O_LOG_LEVEL = 6;
const O_LOG_PREFIX = 7;

const XT_LOG_TCPSEQ = 0x01;
const XT_LOG_TCPOPT = 0x02;
const XT_LOG_IPOPT = 0x04;
const XT_LOG_UID = 0x08;
const XT_LOG_MACDECODE = 0x20;
const XT_LOG_MASK = 0x2f;

const LOG_DEFAULT_LEVEL = 4;
/** sizeof(xt_log_info.prefix) */
const LOG_PREFIX_SIZE = 30;

/** glibc prioritynames[], first match wins (so 3 is "err", 4 is "warn"). */
const PRIORITY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ["alert", 1],
  ["crit", 2],
  ["debug", 7],
  ["emerg", 0],
  ["err", 3],
  ["error", 3],
  ["info", 6],
  ["none", 0x10],
  ["notice", 5],
  ["panic", 0],
  ["warn", 4],
  ["warning", 4],
];

function priorityName(level: number): string | undefined {
  return PRIORITY_NAMES.find(([, v]) => v === level)?.[0];
}

export const logTarget = defineTarget<LogData>({
  name: "LOG",
  revision: 0,
  options: [
    { name: "log-level", id: O_LOG_LEVEL, type: XtType.SYSLOGLEVEL, flags: XTOPT_PUT, put: "level" },
    {
      name: "log-prefix",
      id: O_LOG_PREFIX,
      type: XtType.STRING,
      flags: XTOPT_PUT,
      put: "prefix",
      min: 1,
      size: LOG_PREFIX_SIZE,
    },
    { name: "log-tcp-sequence", id: O_LOG_TCPSEQ, type: XtType.NONE },
    { name: "log-tcp-options", id: O_LOG_TCPOPTS, type: XtType.NONE },
    { name: "log-ip-options", id: O_LOG_IPOPTS, type: XtType.NONE },
    { name: "log-uid", id: O_LOG_UID, type: XtType.NONE },
    { name: "log-macdecode", id: O_LOG_MAC, type: XtType.NONE },
  ],
  init: () => ({ level: LOG_DEFAULT_LEVEL, logflags: 0, prefix: "" }),
  parse(cb) {
    switch (cb.entry.id) {
      case O_LOG_PREFIX:
        if (cb.arg.includes("\n")) throw paramError("Newlines not allowed in --log-prefix");
        break;
      case O_LOG_TCPSEQ:
      case O_LOG_TCPOPTS:
      case O_LOG_IPOPTS:
      case O_LOG_UID:
      case O_LOG_MAC:
        cb.data.logflags |= 1 << cb.entry.id;
        break;
    }
  },
  print(d, ctx) {
    let out = " LOG";
    if (ctx.numeric) out += ` flags ${d.logflags} level ${d.level}`;
    else {
      const pname = priorityName(d.level);
      out += pname !== undefined ? ` level ${pname}` : ` UNKNOWN level ${d.level}`;
      if (d.logflags & XT_LOG_TCPSEQ) out += " tcp-sequence";
      if (d.logflags & XT_LOG_TCPOPT) out += " tcp-options";
      if (d.logflags & XT_LOG_IPOPT) out += " ip-options";
      if (d.logflags & XT_LOG_UID) out += " uid";
      if (d.logflags & XT_LOG_MACDECODE) out += " macdecode";
      if (d.logflags & ~XT_LOG_MASK) out += " unknown-flags";
    }
    if (d.prefix !== "") out += ` prefix "${d.prefix}"`;
    return out;
  },
  save(d) {
    let out = "";
    if (d.prefix !== "") out += ` --log-prefix${saveString(d.prefix)}`;
    if (d.level !== LOG_DEFAULT_LEVEL) out += ` --log-level ${d.level}`;
    if (d.logflags & XT_LOG_TCPSEQ) out += " --log-tcp-sequence";
    if (d.logflags & XT_LOG_TCPOPT) out += " --log-tcp-options";
    if (d.logflags & XT_LOG_IPOPT) out += " --log-ip-options";
    if (d.logflags & XT_LOG_UID) out += " --log-uid";
    if (d.logflags & XT_LOG_MACDECODE) out += " --log-macdecode";
    return out;
  },
  compile(d) {
    // log_tg() → nf_log_packet() → nf_log_ip_packet(): one printk line at the rule's level.
    return (p, ctx) => {
      ctx.log(d.level, nfLogIpPacket(p, d.prefix, d.logflags));
      return XT_CONTINUE;
    };
  },
  kernelCheck(d) {
    // log_tg_check(): level and NUL termination are guaranteed by the parser.
    if (d.level >= 8) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "LOG target options:\n" +
    " --log-level level\t\tLevel of logging (numeric or see syslog.conf)\n" +
    " --log-prefix prefix\t\tPrefix log messages with this prefix.\n" +
    " --log-tcp-sequence\t\tLog TCP sequence numbers.\n" +
    " --log-tcp-options\t\tLog TCP options.\n" +
    " --log-ip-options\t\tLog IP options.\n" +
    " --log-uid\t\t\tLog UID owning the local socket.\n" +
    " --log-macdecode\t\tDecode MAC addresses and protocol.\n",
});
