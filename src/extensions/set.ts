/**
 * set match, revision 4 (libxt_set / xt_set): membership in an ipset.
 *
 * The twin has no ipset: no set exists, so `--match-set NAME FLAGS` fails
 * at parse time exactly as real iptables does for a missing set
 * ("Set NAME doesn't exist."), after the checks that come before that
 * lookup. The other options parse as in the real old-style parser.
 */
import { xtStrtoul } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { defineMatch, type OptionCall, XtType } from "./api.js";
import { structKey } from "./misc2-util.js";

const IPSET_MAXNAMELEN = 32;

const IPSET_INV_MATCH = 1 << 0;
const IPSET_FLAG_RETURN_NOMATCH = 1 << 7;
const IPSET_FLAG_SKIP_COUNTER_UPDATE = 1 << 8;
const IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE = 1 << 9;

const IPSET_COUNTER_NONE = 0;
const IPSET_COUNTER_EQ = 1;
const IPSET_COUNTER_NE = 2;
const IPSET_COUNTER_LT = 3;
const IPSET_COUNTER_GT = 4;

const O_MATCH_SET = 1;
const O_SET = 2;
const O_RETURN_NOMATCH = 3;
const O_UPDATE_COUNTERS = 4;
const O_PACKETS_EQ = 5;
const O_PACKETS_LT = 6;
const O_PACKETS_GT = 7;
const O_BYTES_EQ = 8;
const O_BYTES_LT = 9;
const O_BYTES_GT = 10;
const O_UPDATE_SUBCOUNTERS = 11;

interface Counter {
  op: number;
  value: bigint;
}

/** struct xt_set_info_match_v4 (the set's index replaced by its name: the twin has no kernel sets). */
export interface SetData {
  name: string;
  dim: number;
  setFlags: number;
  flags: number;
  packets: Counter;
  bytes: Counter;
}

function parseCounter(opt: string): bigint {
  const r = xtStrtoul(opt, 0n, 0xffffffffffffffffn);
  if (!r.ok || r.end !== opt.length) throw paramError(`Cannot parse ${opt} as a counter value`);
  return r.big;
}

function counter(cb: OptionCall<SetData>, c: Counter, which: string, op: number): void {
  if (c.op !== IPSET_COUNTER_NONE) throw paramError(`only one of the --${which}-[eq|lt|gt] is allowed`);
  if (op === IPSET_COUNTER_EQ) {
    c.op = cb.invert ? IPSET_COUNTER_NE : IPSET_COUNTER_EQ;
  } else {
    if (cb.invert) throw paramError(`--${which}-${op === IPSET_COUNTER_LT ? "lt" : "gt"} option cannot be inverted`);
    c.op = op;
  }
  c.value = parseCounter(cb.arg);
}

function setParse(cb: OptionCall<SetData>): void {
  const d = cb.data;
  const g = cb.getopt;
  switch (cb.entry.id) {
    case O_UPDATE_SUBCOUNTERS:
      if (cb.invert) d.flags |= IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE;
      break;
    case O_BYTES_GT:
      counter(cb, d.bytes, "bytes", IPSET_COUNTER_GT);
      break;
    case O_BYTES_LT:
      counter(cb, d.bytes, "bytes", IPSET_COUNTER_LT);
      break;
    case O_BYTES_EQ:
      counter(cb, d.bytes, "bytes", IPSET_COUNTER_EQ);
      break;
    case O_PACKETS_GT:
      counter(cb, d.packets, "packets", IPSET_COUNTER_GT);
      break;
    case O_PACKETS_LT:
      counter(cb, d.packets, "packets", IPSET_COUNTER_LT);
      break;
    case O_PACKETS_EQ:
      counter(cb, d.packets, "packets", IPSET_COUNTER_EQ);
      break;
    case O_UPDATE_COUNTERS:
      if (cb.invert) d.flags |= IPSET_FLAG_SKIP_COUNTER_UPDATE;
      break;
    case O_RETURN_NOMATCH:
      if (cb.invert) throw paramError("--return-nomatch flag cannot be inverted");
      d.flags |= IPSET_FLAG_RETURN_NOMATCH;
      break;
    case O_SET:
    case O_MATCH_SET: {
      if (cb.entry.id === O_SET) cb.warn?.("--set option deprecated, please use --match-set\n");
      if (d.dim) throw paramError("--match-set can be specified only once");
      if (cb.invert) d.setFlags |= IPSET_INV_MATCH;
      const next = g.argv[g.optind];
      if (next === undefined || next[0] === "-" || next[0] === "!") throw paramError("--match-set requires two args.");
      if (cb.arg.length > IPSET_MAXNAMELEN - 1)
        throw paramError(`setname \`${cb.arg}' too long, max ${IPSET_MAXNAMELEN - 1} characters.`);
      // get_set_byname(): the kernel knows no set of that name.
      throw paramError(`Set ${cb.arg} doesn't exist.\n`);
    }
  }
}

function counterText(c: Counter, name: string, sep: string): string {
  switch (c.op) {
    case IPSET_COUNTER_EQ:
      return ` ${sep}${name}-eq ${c.value}`;
    case IPSET_COUNTER_NE:
      return ` ! ${sep}${name}-eq ${c.value}`;
    case IPSET_COUNTER_LT:
      return ` ${sep}${name}-lt ${c.value}`;
    case IPSET_COUNTER_GT:
      return ` ${sep}${name}-gt ${c.value}`;
    default:
      return "";
  }
}

/** set_print_v4_matchinfo() */
function matchinfo(d: SetData, opt: string, sep: string): string {
  let out = `${d.setFlags & IPSET_INV_MATCH ? " !" : ""} ${opt} ${d.name}`;
  for (let i = 1; i <= d.dim; i++) out += `${i === 1 ? " " : ","}${d.setFlags & (1 << i) ? "src" : "dst"}`;
  if (d.flags & IPSET_FLAG_RETURN_NOMATCH) out += ` ${sep}return-nomatch`;
  if (d.flags & IPSET_FLAG_SKIP_COUNTER_UPDATE) out += ` ! ${sep}update-counters`;
  if (d.flags & IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE) out += ` ! ${sep}update-subcounters`;
  return out + counterText(d.packets, "packets", sep) + counterText(d.bytes, "bytes", sep);
}

export const setMatch = defineMatch<SetData>({
  name: "set",
  revision: 4,
  rawParse: true,
  options: [
    { name: "match-set", id: O_MATCH_SET, type: XtType.STRING },
    { name: "set", id: O_SET, type: XtType.STRING },
    { name: "return-nomatch", id: O_RETURN_NOMATCH, type: XtType.NONE },
    { name: "update-counters", id: O_UPDATE_COUNTERS, type: XtType.NONE },
    { name: "packets-eq", id: O_PACKETS_EQ, type: XtType.STRING },
    { name: "packets-lt", id: O_PACKETS_LT, type: XtType.STRING },
    { name: "packets-gt", id: O_PACKETS_GT, type: XtType.STRING },
    { name: "bytes-eq", id: O_BYTES_EQ, type: XtType.STRING },
    { name: "bytes-lt", id: O_BYTES_LT, type: XtType.STRING },
    { name: "bytes-gt", id: O_BYTES_GT, type: XtType.STRING },
    { name: "update-subcounters", id: O_UPDATE_SUBCOUNTERS, type: XtType.NONE },
  ],
  init: () => ({
    name: "",
    dim: 0,
    setFlags: 0,
    flags: 0,
    packets: { op: IPSET_COUNTER_NONE, value: 0n },
    bytes: { op: IPSET_COUNTER_NONE, value: 0n },
  }),
  parse: setParse,
  finalCheck(cb) {
    // set_check_v0(): *flags is only set by a successful --match-set
    if (cb.data.dim === 0) throw paramError("You must specify `--match-set' with proper arguments");
  },
  print: (d) => matchinfo(d, "match-set", ""),
  save: (d) => matchinfo(d, "--match-set", "--"),
  compareKey: (d) => structKey("set", d),
  help: () =>
    "set match options:\n" +
    " [!] --match-set name flags [--return-nomatch]\n" +
    "   [! --update-counters] [! --update-subcounters]\n" +
    "   [[!] --packets-eq value | --packets-lt value | --packets-gt value\n" +
    "   [[!] --bytes-eq value | --bytes-lt value | --bytes-gt value\n" +
    "\t\t 'name' is the set name from to match,\n" +
    "\t\t 'flags' are the comma separated list of\n" +
    "\t\t 'src' and 'dst' specifications.\n",
});
