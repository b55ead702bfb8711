/**
 * osf match (libxt_osf / xt_osf): passive OS fingerprinting of TCP SYNs.
 * The kernel requires `-p tcp` and PREROUTING, INPUT or FORWARD.
 */

import { formatIPv4 } from "../core/ipv4.js";
import {
  defineMatch,
  HOOK_FWD,
  HOOK_IN,
  HOOK_PRE,
  IPT_INV_PROTO,
  XTOPT_INVERT,
  XTOPT_MAND,
  XTOPT_PUT,
  XtType,
} from "./api.js";
import { structKey } from "./misc2-util.js";
import { NF_LOG_DEFAULT_MASK, nfLogIpPacket } from "./nf-log-dump.js";
import { l4Avail, rawL4, rawU16, tcpFlagsByte, tcpHdrLen } from "./pkt-util.js";

/** MAXGENRELEN */
const MAXGENRELEN = 32;

const XT_OSF_TTL = 1 << 1;
const XT_OSF_LOG = 1 << 2;
const XT_OSF_INVERT = 1 << 3;

const O_GENRE = 0;
const O_TTL = 1;
const O_LOGLEVEL = 2;

export interface OsfData {
  genre: string;
  flags: number;
  loglevel: number;
  ttl: number;
  len: number;
}

export const osfMatch = defineMatch<OsfData>({
  name: "osf",
  revision: 0,
  options: [
    {
      name: "genre",
      id: O_GENRE,
      type: XtType.STRING,
      flags: XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT,
      size: MAXGENRELEN,
      put: "genre",
    },
    { name: "ttl", id: O_TTL, type: XtType.UINT32, flags: XTOPT_PUT, put: "ttl", min: 0, max: 2 },
    { name: "log", id: O_LOGLEVEL, type: XtType.UINT32, flags: XTOPT_PUT, put: "loglevel", min: 0, max: 2 },
  ],
  init: () => ({ genre: "", flags: 0, loglevel: 0, ttl: 0, len: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_GENRE:
        if (cb.invert) d.flags |= XT_OSF_INVERT;
        d.len = d.genre.length;
        break;
      case O_TTL:
        d.flags |= XT_OSF_TTL;
        break;
      case O_LOGLEVEL:
        d.flags |= XT_OSF_LOG;
        break;
    }
  },
  print: (d) => ` OS fingerprint match ${d.flags & XT_OSF_INVERT ? "! " : ""}${d.genre}`,
  save(d) {
    let out = `${d.flags & XT_OSF_INVERT ? " !" : ""} --genre ${d.genre}`;
    if (d.flags & XT_OSF_TTL) out += ` --ttl ${d.ttl}`;
    if (d.flags & XT_OSF_LOG) out += ` --log ${d.loglevel}`;
    return out;
  },
  compareKey: (d) => structKey("osf", d),
  compile(d) {
    // nf_osf_match(): the twin loads no fingerprints (nfnl_osf), so no genre ever matches, with or
    // without "!" (the kernel ignores the invert flag). With --log, a TCP SYN whose header is
    // complete is reported as unknown through nf_log_packet() with the default loginfo.
    if (!(d.flags & XT_OSF_LOG)) return () => false;
    return (p, ctx) => {
      const avail = l4Avail(p);
      if (avail < 20 || !(tcpFlagsByte(p) & 0x02)) return false;
      const hl = tcpHdrLen(p);
      if (hl > 20 && avail < hl) return false;
      const raw = rawL4(p);
      const sport = raw ? rawU16(p, 0) : p.sport;
      const dport = raw ? rawU16(p, 2) : p.dport;
      const prefix = `Remote OS is not known: ${formatIPv4(p.src)}:${sport} -> ${formatIPv4(p.dst)}:${dport}\n`;
      ctx.log(5, nfLogIpPacket(p, prefix, NF_LOG_DEFAULT_MASK));
      return false;
    };
  },
  kernelCheck(_d, ctx) {
    // xt_osf: .hooks = PRE_ROUTING | LOCAL_IN | FORWARD (also through jumps); .proto = TCP at insertion
    if (ctx.hookMask & ~(HOOK_PRE | HOOK_IN | HOOK_FWD)) return { errno: "EINVAL" };
    if (ctx.checkentry && (ctx.ip.proto !== 6 || ctx.ip.invflags & IPT_INV_PROTO)) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "OS fingerprint match options:\n" +
    "[!] --genre string     Match a OS genre by passive fingerprinting.\n" +
    "--ttl level            Use some TTL check extensions to determine OS:\n" +
    "       0                       true ip and fingerprint TTL comparison. Works for LAN.\n" +
    "       1                       check if ip TTL is less than fingerprint one. Works for global addresses.\n" +
    "       2                       do not compare TTL at all. This allows NMAP detection, but can produce false results.\n" +
    "--log level            Log determined genres into dmesg even if they do not match desired one:\n" +
    "       0                       log all matched or unknown signatures.\n" +
    "       1                       log only first one.\n" +
    "       2                       log all known matched signatures.\n",
});
