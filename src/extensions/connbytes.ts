/**
 * connbytes match (libxt_connbytes / xt_connbytes): bytes, packets or average
 * packet size of a connection so far; an inverted range is stored swapped.
 */
import { paramError } from "../core/errors.js";
import { connbytesMatch as connbytesFn } from "../engine/ct-extensions.js";
import { defineMatch, type KernelCheckError, XTOPT_INVERT, XTOPT_MAND, XtType } from "./api.js";

const UINT64_MAX = 0xffffffffffffffffn;

const XT_CONNBYTES_PKTS = 0;
const XT_CONNBYTES_BYTES = 1;
const XT_CONNBYTES_AVGPKT = 2;

const XT_CONNBYTES_DIR_ORIGINAL = 0;
const XT_CONNBYTES_DIR_REPLY = 1;
const XT_CONNBYTES_DIR_BOTH = 2;

/** struct xt_connbytes_info */
export interface ConnbytesData {
  from: bigint;
  to: bigint;
  what: number;
  direction: number;
}

const O_CONNBYTES = 0;
const O_CONNBYTES_DIR = 1;
const O_CONNBYTES_MODE = 2;

const MODES = [" packets", " bytes", " avgpkt"];
const DIRS = [" original", " reply", " both"];

function fromTo(d: ConnbytesData, prefix: string): string {
  let out = "";
  let from = d.from;
  let to = d.to;
  if (d.from > d.to) {
    out += " !";
    from = d.to;
    to = d.from;
  }
  out += ` ${prefix}connbytes ${from}`;
  if (to && to < UINT64_MAX) out += `:${to}`;
  return out;
}

export const connbytesMatch = defineMatch<ConnbytesData>({
  name: "connbytes",
  revision: 0,
  options: [
    { name: "connbytes", id: O_CONNBYTES, type: XtType.UINT64RC, flags: XTOPT_MAND | XTOPT_INVERT },
    { name: "connbytes-dir", id: O_CONNBYTES_DIR, type: XtType.STRING, flags: XTOPT_MAND },
    { name: "connbytes-mode", id: O_CONNBYTES_MODE, type: XtType.STRING, flags: XTOPT_MAND },
  ],
  init: () => ({ from: 0n, to: 0n, what: 0, direction: 0 }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => connbytesFn(d),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_CONNBYTES:
        d.from = cb.val.bigRange[0]!;
        d.to = cb.nvals === 2 ? cb.val.bigRange[1]! : UINT64_MAX;
        if (d.to < d.from) throw paramError(`${d.from} should be less than ${d.to}`);
        if (cb.invert) [d.from, d.to] = [d.to, d.from];
        break;
      case O_CONNBYTES_DIR:
        if (cb.arg === "original") d.direction = XT_CONNBYTES_DIR_ORIGINAL;
        else if (cb.arg === "reply") d.direction = XT_CONNBYTES_DIR_REPLY;
        else if (cb.arg === "both") d.direction = XT_CONNBYTES_DIR_BOTH;
        else throw paramError(`Unknown --connbytes-dir \`${cb.arg}'`);
        break;
      case O_CONNBYTES_MODE:
        if (cb.arg === "packets") d.what = XT_CONNBYTES_PKTS;
        else if (cb.arg === "bytes") d.what = XT_CONNBYTES_BYTES;
        else if (cb.arg === "avgpkt") d.what = XT_CONNBYTES_AVGPKT;
        else throw paramError(`Unknown --connbytes-mode \`${cb.arg}'`);
        break;
    }
  },
  print: (d) =>
    `${fromTo(d, "")} connbytes mode${MODES[d.what] ?? " unknown"} connbytes direction${DIRS[d.direction] ?? " unknown"}`,
  save: (d) =>
    `${fromTo(d, "--")} --connbytes-mode${MODES[d.what] ?? " unknown"} --connbytes-dir${DIRS[d.direction] ?? " unknown"}`,
  kernelCheck(d): KernelCheckError | undefined {
    if (d.what > XT_CONNBYTES_AVGPKT || d.direction > XT_CONNBYTES_DIR_BOTH) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "connbytes match options:\n" +
    " [!] --connbytes from:[to]\n" +
    "     --connbytes-dir [original, reply, both]\n" +
    "     --connbytes-mode [packets, bytes, avgpkt]\n",
});
