/**
 * devgroup match (libxt_devgroup / xt_devgroup): device group of the in and
 * out interfaces. Group names come from /etc/iproute2/group, which on
 * Debian 12 (iproute2 6.1) names only group 0, "default".
 */
import { paramError } from "../core/errors.js";
import { defineMatch, HOOK_FWD, HOOK_IN, HOOK_OUT, HOOK_POST, HOOK_PRE, XTOPT_INVERT, XtType } from "./api.js";
import { type Lmap, parseValMask, printValMaskNamed, structKey } from "./misc2-util.js";

/** /etc/iproute2/group of Debian 12 */
const DEVGROUPS: Lmap = [[0, "default"]];

const MATCH_SRC = 0x1;
const INVERT_SRC = 0x2;
const MATCH_DST = 0x4;
const INVERT_DST = 0x8;

const O_SRC_GROUP = 0;
const O_DST_GROUP = 1;

export interface DevgroupData {
  flags: number;
  srcGroup: number;
  srcMask: number;
  dstGroup: number;
  dstMask: number;
}

function show(pfx: string, d: DevgroupData, numeric: boolean): string {
  let out = "";
  if (d.flags & MATCH_SRC) {
    if (d.flags & INVERT_SRC) out += " !";
    out += ` ${pfx}src-group${printValMaskNamed(d.srcGroup, d.srcMask, numeric ? undefined : DEVGROUPS)}`;
  }
  if (d.flags & MATCH_DST) {
    if (d.flags & INVERT_DST) out += " !";
    out += ` ${pfx}dst-group${printValMaskNamed(d.dstGroup, d.dstMask, numeric ? undefined : DEVGROUPS)}`;
  }
  return out;
}

export const devgroupMatch = defineMatch<DevgroupData>({
  name: "devgroup",
  revision: 0,
  options: [
    { name: "src-group", id: O_SRC_GROUP, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "dst-group", id: O_DST_GROUP, type: XtType.STRING, flags: XTOPT_INVERT },
  ],
  init: () => ({ flags: 0, srcGroup: 0, srcMask: 0, dstGroup: 0, dstMask: 0 }),
  parse(cb) {
    const d = cb.data;
    const [group, mask] = parseValMask(cb.extName, cb.entry.name, cb.arg, DEVGROUPS);
    if (cb.entry.id === O_SRC_GROUP) {
      d.srcGroup = group;
      d.srcMask = mask;
      d.flags |= MATCH_SRC;
      if (cb.invert) d.flags |= INVERT_SRC;
    } else {
      d.dstGroup = group;
      d.dstMask = mask;
      d.flags |= MATCH_DST;
      if (cb.invert) d.flags |= INVERT_DST;
    }
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("devgroup match: You must specify either '--src-group' or '--dst-group'");
  },
  print: (d, ctx) => show("", d, ctx.numeric),
  // devgroup_save() passes numeric = 0: names appear in saved rules too
  save: (d) => show("--", d, false),
  compareKey: (d) => structKey("devgroup", d),
  compile(d) {
    // devgroup_mt(): (group ^ dev->group) & mask, per direction
    const src = (d.flags & MATCH_SRC) !== 0;
    const dst = (d.flags & MATCH_DST) !== 0;
    const invSrc = (d.flags & INVERT_SRC) !== 0;
    const invDst = (d.flags & INVERT_DST) !== 0;
    const { srcGroup, srcMask, dstGroup, dstMask } = d;
    return (p, ctx) => {
      if (src && (((srcGroup ^ ctx.net.devGroup(p.inDev)) & srcMask) === 0) === invSrc) return false;
      if (dst && (((dstGroup ^ ctx.net.devGroup(p.outDev)) & dstMask) === 0) === invDst) return false;
      return true;
    };
  },
  kernelCheck(d, ctx) {
    // devgroup_mt_checkentry(): only at insertion, jumps to a user chain do not re-run it
    if (!ctx.checkentry) return undefined;
    if (d.flags & MATCH_SRC && ctx.hookMask & ~(HOOK_PRE | HOOK_IN | HOOK_FWD)) return { errno: "EINVAL" };
    if (d.flags & MATCH_DST && ctx.hookMask & ~(HOOK_FWD | HOOK_OUT | HOOK_POST)) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "devgroup match options:\n" +
    "[!] --src-group value[/mask]\tMatch device group of incoming device\n" +
    "[!] --dst-group value[/mask]\tMatch device group of outgoing device\n",
});
