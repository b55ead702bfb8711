/**
 * connmark match (libxt_connmark revision 1 / xt_connmark): the ctmark under a mask.
 */

import { connmarkMatch as connmarkFn } from "../engine/ct-extensions.js";
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XtType } from "./api.js";
import { printValMask } from "./common.js";

/** struct xt_connmark_mtinfo1 */
export interface ConnmarkData {
  mark: number;
  mask: number;
  invert: boolean;
}

export const connmarkMatch = defineMatch<ConnmarkData>({
  name: "connmark",
  revision: 1,
  options: [{ name: "mark", id: 0, type: XtType.MARKMASK32, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ mark: 0, mask: 0, invert: false }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => connmarkFn(d),
  parse(cb) {
    if (cb.invert) cb.data.invert = true;
    cb.data.mark = cb.val.mark >>> 0;
    cb.data.mask = cb.val.mask >>> 0;
  },
  print: (d) => ` connmark match ${d.invert ? "!" : ""}${printValMask(d.mark, d.mask)}`,
  save: (d) => `${d.invert ? " !" : ""} --mark${printValMask(d.mark, d.mask)}`,
  help: () => "connmark match options:\n[!] --mark value[/mask]    Match ctmark value with optional mask\n",
});
