/**
 * mark match (libxt_mark revision 1 / xt_mark). iptables-nft turns it into
 * `meta mark [& mask] ==/!= value` and reads that back as the same match.
 */
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XtType } from "./api.js";
import { printValMask } from "./common.js";

/** struct xt_mark_mtinfo1 */
export interface MarkData {
  mark: number;
  mask: number;
  invert: boolean;
}

export const markMatch = defineMatch<MarkData>({
  name: "mark",
  revision: 1,
  options: [{ name: "mark", id: 0, type: XtType.MARKMASK32, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ mark: 0, mask: 0, invert: false }),
  parse(cb) {
    if (cb.invert) cb.data.invert = true;
    cb.data.mark = cb.val.mark >>> 0;
    cb.data.mask = cb.val.mask >>> 0;
  },
  // add_nft_mark()/parse_meta_mark(): value, mask and inversion survive unchanged
  normalize: (d) => d,
  compile(d) {
    // meta mark [& mask] ==/!= mark (same as xt_mark's mark_mt())
    const mark = d.mark >>> 0;
    const mask = d.mask >>> 0;
    const inv = d.invert;
    return (p) => ((p.mark & mask) >>> 0 === mark) !== inv;
  },
  print: (d) => ` mark match${d.invert ? " !" : ""}${printValMask(d.mark, d.mask)}`,
  save: (d) => `${d.invert ? " !" : ""} --mark${printValMask(d.mark, d.mask)}`,
  help: () => "mark match options:\n[!] --mark value[/mask]    Match nfmark value with optional mask\n",
});
