/**
 * SET target, revision 3 (libxt_SET / xt_SET): add to, delete from or map
 * through ipset sets. The twin has no ipset, so naming a set fails the way
 * real iptables fails for a set that does not exist (get_set_byname()).
 */
import { xtStrtouiWhole } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { defineTarget, type OptionCall, XtType } from "./api.js";

interface SetRef {
  name: string;
  /** Number of src/dst dimensions; 0 when the set is not used. */
  dim: number;
  /** Bit (1 << i) set for a "src" dimension i (1-based). */
  flags: number;
}

export interface SetTargetData {
  addSet: SetRef;
  delSet: SetRef;
  mapSet: SetRef;
  flags: number;
  timeout: number;
}

const O_ADD = 1;
const O_DEL = 2;
const O_EXIST = 3;
const O_TIMEOUT = 4;
const O_MAP = 5;
const O_MAP_MARK = 6;
const O_MAP_PRIO = 7;
const O_MAP_QUEUE = 8;

const SET_TARGET_ADD = 0x1;
const SET_TARGET_DEL = 0x2;
const SET_TARGET_EXIST = 0x4;
const SET_TARGET_TIMEOUT = 0x8;
const SET_TARGET_MAP = 0x10;
const SET_TARGET_MAP_MARK = 0x20;
const SET_TARGET_MAP_PRIO = 0x40;
const SET_TARGET_MAP_QUEUE = 0x80;

const IPSET_FLAG_EXIST = 1 << 2;
const IPSET_FLAG_MAP_SKBMARK = 1 << 4;
const IPSET_FLAG_MAP_SKBPRIO = 1 << 5;
const IPSET_FLAG_MAP_SKBQUEUE = 1 << 6;
const IPSET_MAXNAMELEN = 32;
const UINT32_MAX = 0xffffffff;

function emptyRef(): SetRef {
  return { name: "", dim: 0, flags: 0 };
}

/** parse_target(): `--OPT name dirs`, the directions being the next word. */
function parseSetRef(cb: OptionCall<SetTargetData>, ref: SetRef, what: string): void {
  const g = cb.getopt;
  if (ref.dim) throw paramError(`--${what} can be specified only once`);
  const next = g.argv[g.optind];
  if (next === undefined || next[0] === "-" || next[0] === "!") throw paramError(`--${what} requires two args.`);
  if (cb.arg.length > IPSET_MAXNAMELEN - 1)
    throw paramError(`setname \`${cb.arg}' too long, max ${IPSET_MAXNAMELEN - 1} characters.`);
  // get_set_byname(): no set exists on the twin.
  throw paramError(`Set ${cb.arg} doesn't exist.\n`);
}

function printRef(prefix: string, ref: SetRef): string {
  if (!ref.dim) return "";
  let out = ` ${prefix} ${ref.name}`;
  for (let i = 1; i <= ref.dim; i++) out += `${i === 1 ? " " : ","}${ref.flags & (1 << i) ? "src" : "dst"}`;
  return out;
}

function setText(d: SetTargetData, p: string): string {
  let out = printRef(`${p}add-set`, d.addSet);
  if (d.flags & IPSET_FLAG_EXIST) out += ` ${p}exist`;
  if (d.timeout !== UINT32_MAX) out += ` ${p}timeout ${d.timeout}`;
  out += printRef(`${p}del-set`, d.delSet);
  out += printRef(`${p}map-set`, d.mapSet);
  if (d.flags & IPSET_FLAG_MAP_SKBMARK) out += ` ${p}map-mark`;
  if (d.flags & IPSET_FLAG_MAP_SKBPRIO) out += ` ${p}map-prio`;
  if (d.flags & IPSET_FLAG_MAP_SKBQUEUE) out += ` ${p}map-queue`;
  return out;
}

export const setTarget = defineTarget<SetTargetData>({
  name: "SET",
  revision: 3,
  rawParse: true,
  options: [
    { name: "add-set", id: O_ADD, type: XtType.STRING },
    { name: "del-set", id: O_DEL, type: XtType.STRING },
    { name: "exist", id: O_EXIST, type: XtType.NONE },
    { name: "timeout", id: O_TIMEOUT, type: XtType.STRING },
    { name: "map-set", id: O_MAP, type: XtType.STRING },
    { name: "map-mark", id: O_MAP_MARK, type: XtType.NONE },
    { name: "map-prio", id: O_MAP_PRIO, type: XtType.NONE },
    { name: "map-queue", id: O_MAP_QUEUE, type: XtType.NONE },
  ],
  init: () => ({ addSet: emptyRef(), delSet: emptyRef(), mapSet: emptyRef(), flags: 0, timeout: UINT32_MAX }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_ADD:
        parseSetRef(cb, d.addSet, "add-set");
        cb.xflags |= SET_TARGET_ADD;
        break;
      case O_DEL:
        parseSetRef(cb, d.delSet, "del-set");
        cb.xflags |= SET_TARGET_DEL;
        break;
      case O_EXIST:
        d.flags |= IPSET_FLAG_EXIST;
        cb.xflags |= SET_TARGET_EXIST;
        break;
      case O_TIMEOUT: {
        const t = xtStrtouiWhole(cb.arg, 0, UINT32_MAX - 1);
        if (t === undefined) throw paramError(`Invalid value for option --timeout or out of range 0-${UINT32_MAX - 1}`);
        d.timeout = t;
        cb.xflags |= SET_TARGET_TIMEOUT;
        break;
      }
      case O_MAP:
        parseSetRef(cb, d.mapSet, "map-set");
        cb.xflags |= SET_TARGET_MAP;
        break;
      case O_MAP_MARK:
        d.flags |= IPSET_FLAG_MAP_SKBMARK;
        cb.xflags |= SET_TARGET_MAP_MARK;
        break;
      case O_MAP_PRIO:
        d.flags |= IPSET_FLAG_MAP_SKBPRIO;
        cb.xflags |= SET_TARGET_MAP_PRIO;
        break;
      case O_MAP_QUEUE:
        d.flags |= IPSET_FLAG_MAP_SKBQUEUE;
        cb.xflags |= SET_TARGET_MAP_QUEUE;
        break;
    }
  },
  finalCheck(cb) {
    const f = cb.xflags;
    if (!(f & (SET_TARGET_ADD | SET_TARGET_DEL | SET_TARGET_MAP)))
      throw paramError("You must specify either `--add-set' or `--del-set' or `--map-set'");
    if (!(f & SET_TARGET_ADD)) {
      if (f & SET_TARGET_EXIST) throw paramError("Flag `--exist' can be used with `--add-set' only");
      if (f & SET_TARGET_TIMEOUT) throw paramError("Option `--timeout' can be used with `--add-set' only");
    }
    if (!(f & SET_TARGET_MAP)) {
      if (f & SET_TARGET_MAP_MARK) throw paramError("Flag `--map-mark' can be used with `--map-set' only");
      if (f & SET_TARGET_MAP_PRIO) throw paramError("Flag `--map-prio' can be used with `--map-set' only");
      if (f & SET_TARGET_MAP_QUEUE) throw paramError("Flag `--map-queue' can be used with `--map-set' only");
    }
    if (f & SET_TARGET_MAP && !(f & (SET_TARGET_MAP_MARK | SET_TARGET_MAP_PRIO | SET_TARGET_MAP_QUEUE)))
      throw paramError("You must specify flags `--map-mark' or '--map-prio` or `--map-queue'");
  },
  print: (d) => setText(d, ""),
  save: (d) => setText(d, "--"),
  help: () =>
    "SET target options:\n" +
    " --add-set name flags [--exist] [--timeout n]\n" +
    " --del-set name flags\n" +
    " --map-set name flags [--map-mark] [--map-prio] [--map-queue]\n" +
    "\t\tadd/del src/dst IP/port from/to named sets,\n" +
    "\t\twhere flags are the comma separated list of\n" +
    "\t\t'src' and 'dst' specifications.\n",
});
