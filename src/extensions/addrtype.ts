/**
 * addrtype match, revision 1 (libxt_addrtype / xt_addrtype): source and
 * destination address types, optionally limited to the in/out interface.
 */
import { paramError } from "../core/errors.js";
import { defineMatch, HOOK_IN, HOOK_OUT, HOOK_POST, HOOK_PRE, XTOPT_INVERT, XtType } from "./api.js";
import { asciiLower, structKey } from "./misc2-util.js";

/** Route types in rtnetlink order: bit i of a mask is type i. */
const RTN_NAMES = [
  "UNSPEC",
  "UNICAST",
  "LOCAL",
  "BROADCAST",
  "ANYCAST",
  "MULTICAST",
  "BLACKHOLE",
  "UNREACHABLE",
  "PROHIBIT",
  "THROW",
  "NAT",
  "XRESOLVE",
];

const INVERT_SOURCE = 0x1;
const INVERT_DEST = 0x2;
const LIMIT_IFACE_IN = 0x4;
const LIMIT_IFACE_OUT = 0x8;

const O_SRC_TYPE = 0;
const O_DST_TYPE = 1;
const O_LIMIT_IFACE_IN = 2;
const O_LIMIT_IFACE_OUT = 3;

export interface AddrtypeData {
  source: number;
  dest: number;
  flags: number;
}

/** parse_type(): strncasecmp over `len` characters, so any prefix of a name matches its first holder. */
function parseType(name: string): number | undefined {
  const lower = asciiLower(name);
  for (let i = 0; i < RTN_NAMES.length; i++) {
    const full = RTN_NAMES[i]!;
    if (name.length <= full.length && asciiLower(full.slice(0, name.length)) === lower) return 1 << i;
  }
  return undefined;
}

/** parse_types(): comma list; the two error forms quote differently. */
function parseTypes(arg: string): number {
  let mask = 0;
  let rest = arg;
  for (let comma = rest.indexOf(","); comma >= 0; comma = rest.indexOf(",")) {
    const bit = comma === 0 ? undefined : parseType(rest.slice(0, comma));
    if (bit === undefined) throw paramError(`addrtype: bad type \`${rest}'`);
    mask |= bit;
    rest = rest.slice(comma + 1);
  }
  const bit = rest.length === 0 ? undefined : parseType(rest);
  if (bit === undefined) throw paramError(`addrtype: bad type "${rest}"`);
  return mask | bit;
}

function typesText(mask: number): string {
  return RTN_NAMES.filter((_n, i) => mask & (1 << i)).join(",");
}

export const addrtypeMatch = defineMatch<AddrtypeData>({
  name: "addrtype",
  revision: 1,
  options: [
    { name: "src-type", id: O_SRC_TYPE, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "dst-type", id: O_DST_TYPE, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "limit-iface-in", id: O_LIMIT_IFACE_IN, type: XtType.NONE, excl: 1 << O_LIMIT_IFACE_OUT },
    { name: "limit-iface-out", id: O_LIMIT_IFACE_OUT, type: XtType.NONE, excl: 1 << O_LIMIT_IFACE_IN },
  ],
  init: () => ({ source: 0, dest: 0, flags: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_SRC_TYPE:
        d.source |= parseTypes(cb.arg);
        if (cb.invert) d.flags |= INVERT_SOURCE;
        break;
      case O_DST_TYPE:
        d.dest |= parseTypes(cb.arg);
        if (cb.invert) d.flags |= INVERT_DEST;
        break;
      case O_LIMIT_IFACE_IN:
        d.flags |= LIMIT_IFACE_IN;
        break;
      case O_LIMIT_IFACE_OUT:
        d.flags |= LIMIT_IFACE_OUT;
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.xflags & ((1 << O_SRC_TYPE) | (1 << O_DST_TYPE))))
      throw paramError("addrtype: you must specify --src-type or --dst-type");
  },
  print(d) {
    let out = " ADDRTYPE match";
    if (d.source) out += ` src-type ${d.flags & INVERT_SOURCE ? "!" : ""}${typesText(d.source)}`;
    if (d.dest) out += ` dst-type ${d.flags & INVERT_DEST ? "!" : ""}${typesText(d.dest)}`;
    if (d.flags & LIMIT_IFACE_IN) out += " limit-in";
    if (d.flags & LIMIT_IFACE_OUT) out += " limit-out";
    return out;
  },
  save(d) {
    let out = "";
    if (d.source) out += `${d.flags & INVERT_SOURCE ? " !" : ""} --src-type ${typesText(d.source)}`;
    if (d.dest) out += `${d.flags & INVERT_DEST ? " !" : ""} --dst-type ${typesText(d.dest)}`;
    if (d.flags & LIMIT_IFACE_IN) out += " --limit-iface-in";
    if (d.flags & LIMIT_IFACE_OUT) out += " --limit-iface-out";
    return out;
  },
  compareKey: (d) => structKey("addrtype", d),
  compile(d) {
    // addrtype_mt_v1(): inet_dev_addr_type() of each address, on the in/out device when limited
    const { source, dest } = d;
    const invSrc = (d.flags & INVERT_SOURCE) !== 0;
    const invDst = (d.flags & INVERT_DEST) !== 0;
    const limIn = (d.flags & LIMIT_IFACE_IN) !== 0;
    const limOut = !limIn && (d.flags & LIMIT_IFACE_OUT) !== 0;
    return (p, ctx) => {
      const dev = limIn ? p.inDev : limOut ? p.outDev : "";
      if (source && ((source & (1 << ctx.net.addrType(p.src, dev))) !== 0) === invSrc) return false;
      if (dest && ((dest & (1 << ctx.net.addrType(p.dst, dev))) !== 0) === invDst) return false;
      return true;
    };
  },
  kernelCheck(d, ctx) {
    // addrtype_mt_checkentry_v1(): only at insertion, jumps to a user chain do not re-run it
    if (!ctx.checkentry) return undefined;
    if (d.flags & LIMIT_IFACE_IN && d.flags & LIMIT_IFACE_OUT) return { errno: "EINVAL" };
    if (ctx.hookMask & (HOOK_PRE | HOOK_IN) && d.flags & LIMIT_IFACE_OUT) return { errno: "EINVAL" };
    if (ctx.hookMask & (HOOK_POST | HOOK_OUT) && d.flags & LIMIT_IFACE_IN) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "Address type match options:\n" +
    " [!] --src-type type[,...]      Match source address type\n" +
    " [!] --dst-type type[,...]      Match destination address type\n" +
    "     --limit-iface-in           Match only on the packet's incoming device\n" +
    "     --limit-iface-out          Match only on the packet's outgoing device\n" +
    "\n" +
    "Valid types:           \n" +
    RTN_NAMES.map((n) => `                                ${n}\n`).join(""),
});
