/**
 * rpfilter match (libxt_rpfilter / ipt_rpfilter): reverse path filter.
 * The kernel allows it only in the raw and mangle tables, from PREROUTING.
 */
import { defineMatch, HOOK_PRE, XtType } from "./api.js";
import { structKey } from "./misc2-util.js";

const NAMES = ["loose", "validmark", "accept-local", "invert"];

export interface RpfilterData {
  flags: number;
}

function flagsText(d: RpfilterData, prefix: string): string {
  return NAMES.filter((_n, i) => d.flags & (1 << i))
    .map((n) => ` ${prefix}${n}`)
    .join("");
}

export const rpfilterMatch = defineMatch<RpfilterData>({
  name: "rpfilter",
  revision: 0,
  options: NAMES.map((name, id) => ({ name, id, type: XtType.NONE })),
  init: () => ({ flags: 0 }),
  parse(cb) {
    // XT_RPFILTER_LOOSE, _VALID_MARK, _ACCEPT_LOCAL, _INVERT are bits 0..3 in option order
    cb.data.flags |= 1 << cb.entry.id;
  },
  print: (d) => ` rpfilter${flagsText(d, "")}`,
  save: (d) => flagsText(d, "--"),
  compareKey: (d) => structKey("rpfilter", d),
  kernelCheck(d, ctx) {
    // .hooks = PRE_ROUTING (also checked through jumps); rpfilter_check(): known flags, raw/mangle only
    if (ctx.hookMask & ~HOOK_PRE) return { errno: "EINVAL" };
    if (!ctx.checkentry) return undefined;
    if (d.flags & ~0xf) return { errno: "EINVAL" };
    if (ctx.table !== "mangle" && ctx.table !== "raw") return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "rpfilter match options:\n" +
    "    --loose          permit reverse path via any interface\n" +
    "    --validmark      use skb nfmark when performing route lookup\n" +
    "    --accept-local   do not reject packets with a local source address\n" +
    "    --invert         match packets that failed the reverse path test\n",
});
