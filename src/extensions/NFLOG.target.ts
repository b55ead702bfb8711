/**
 * NFLOG target (libxt_NFLOG). iptables-nft turns it into a native nft "log"
 * expression (add_log) and reads that back (nft_parse_log): the prefix keeps
 * up to 127 characters (the udata copy), a length without --nflog-size is
 * dropped, and rule comparison memcmp()s only the first 68 prefix bytes.
 */
import { paramError } from "../core/errors.js";
import { utf8Decoder, utf8Encoder } from "../core/utf8.js";
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, XTOPT_PUT, XtType } from "./api.js";
import { saveString } from "./common.js";

export interface NflogData {
  len: number;
  group: number;
  threshold: number;
  flags: number;
  prefix: string;
}

const O_GROUP = 0;
const O_PREFIX = 1;
const O_RANGE = 2;
const O_SIZE = 3;
const O_THRESHOLD = 4;
const F_RANGE = 1 << O_RANGE;
const F_SIZE = 1 << O_SIZE;

const XT_NFLOG_F_COPY_LEN = 0x1;
const XT_NFLOG_DEFAULT_THRESHOLD = 0;
/** NF_LOG_PREFIXLEN: the udata copy that reaches nf_tables. */
const NF_LOG_PREFIXLEN = 128;
/** Prefix bytes inside the compared userspacesize of struct xt_nflog_info (80 - 12). */
const COMPARED_PREFIX = 68;

function nflogText(d: NflogData, prefix: string): string {
  let out = "";
  if (d.prefix !== "") out += ` ${prefix}nflog-prefix${saveString(d.prefix)}`;
  if (d.group) out += ` ${prefix}nflog-group ${d.group}`;
  if (d.flags & XT_NFLOG_F_COPY_LEN) out += ` ${prefix}nflog-size ${d.len}`;
  else if (d.len) out += ` ${prefix}nflog-range ${d.len}`;
  if (d.threshold !== XT_NFLOG_DEFAULT_THRESHOLD) out += ` ${prefix}nflog-threshold ${d.threshold}`;
  return out;
}

export const nflogTarget = defineTarget<NflogData>({
  name: "NFLOG",
  revision: 0,
  options: [
    { name: "nflog-group", id: O_GROUP, type: XtType.UINT16, flags: XTOPT_PUT, put: "group" },
    { name: "nflog-prefix", id: O_PREFIX, type: XtType.STRING, min: 1 },
    { name: "nflog-range", id: O_RANGE, type: XtType.UINT32, excl: F_SIZE, flags: XTOPT_PUT, put: "len" },
    { name: "nflog-size", id: O_SIZE, type: XtType.UINT32, excl: F_RANGE, flags: XTOPT_PUT, put: "len" },
    { name: "nflog-threshold", id: O_THRESHOLD, type: XtType.UINT16, flags: XTOPT_PUT, put: "threshold" },
  ],
  init: () => ({ len: 0, group: 0, threshold: XT_NFLOG_DEFAULT_THRESHOLD, flags: 0, prefix: "" }),
  parse(cb) {
    if (cb.entry.id === O_PREFIX) {
      if (cb.arg.includes("\n")) throw paramError("Newlines not allowed in --log-prefix");
      // The struct keeps 63 characters, but nft receives the 127-character udata copy.
      const bytes = utf8Encoder.encode(cb.arg);
      cb.data.prefix =
        bytes.length < NF_LOG_PREFIXLEN ? cb.arg : utf8Decoder.decode(bytes.subarray(0, NF_LOG_PREFIXLEN - 1));
    }
  },
  finalCheck(cb) {
    if (cb.xflags & F_RANGE)
      cb.warn?.("warn: --nflog-range has never worked and is no longer supported, please use --nflog-size instead\n");
    if (cb.xflags & F_SIZE) cb.data.flags |= XT_NFLOG_F_COPY_LEN;
  },
  normalize(d) {
    // nft's log expression has no place for a length without the copy-len flag.
    return { ...d, len: d.flags & XT_NFLOG_F_COPY_LEN ? d.len : 0, flags: d.flags & XT_NFLOG_F_COPY_LEN };
  },
  // nft "log group N": nfnetlink_log finds no listener for the group, so nothing is sent
  // or printed (nothing reaches dmesg) and the packet goes on.
  compile: () => () => XT_CONTINUE,
  print: (d) => nflogText(d, ""),
  save: (d) => nflogText(d, "--"),
  compareKey: (d) => nflogText({ ...d, prefix: d.prefix.slice(0, COMPARED_PREFIX) }, "--"),
  help: () =>
    "NFLOG target options:\n" +
    " --nflog-group NUM\t\tNETLINK group used for logging\n" +
    " --nflog-range NUM\t\tThis option has no effect, use --nflog-size\n" +
    " --nflog-size NUM\t\tNumber of bytes to copy\n" +
    " --nflog-threshold NUM\t\tMessage threshold of in-kernel queue\n" +
    " --nflog-prefix STRING\t\tPrefix string for log messages\n",
});
