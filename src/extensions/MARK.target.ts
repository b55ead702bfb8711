/**
 * MARK target (libxt_MARK revision 2 / xt_mark): every form is stored as
 * "clear mask bits, then XOR mark", saved as --set-xmark.
 */
import { paramError } from "../core/errors.js";
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, XtType } from "./api.js";
import { hx } from "./ct-util.js";

/** struct xt_mark_tginfo2 */
export interface MarkTargetData {
  mark: number;
  mask: number;
}

const O_SET_MARK = 0;
const O_AND_MARK = 1;
const O_OR_MARK = 2;
const O_XOR_MARK = 3;
const O_SET_XMARK = 4;
const F_ANY = 0x1f;

export const markTarget = defineTarget<MarkTargetData>({
  name: "MARK",
  revision: 2,
  options: [
    { name: "set-xmark", id: O_SET_XMARK, type: XtType.MARKMASK32, excl: F_ANY },
    { name: "set-mark", id: O_SET_MARK, type: XtType.MARKMASK32, excl: F_ANY },
    { name: "and-mark", id: O_AND_MARK, type: XtType.UINT32, excl: F_ANY },
    { name: "or-mark", id: O_OR_MARK, type: XtType.UINT32, excl: F_ANY },
    { name: "xor-mark", id: O_XOR_MARK, type: XtType.UINT32, excl: F_ANY },
  ],
  init: () => ({ mark: 0, mask: 0 }),
  parse(cb) {
    const d = cb.data;
    const v = cb.val;
    switch (cb.entry.id) {
      case O_SET_XMARK:
        d.mark = v.mark >>> 0;
        d.mask = v.mask >>> 0;
        break;
      case O_SET_MARK:
        d.mark = v.mark >>> 0;
        d.mask = (v.mark | v.mask) >>> 0;
        break;
      case O_AND_MARK:
        d.mark = 0;
        d.mask = ~v.u >>> 0;
        break;
      case O_OR_MARK:
        d.mark = v.u >>> 0;
        d.mask = v.u >>> 0;
        break;
      case O_XOR_MARK:
        d.mark = v.u >>> 0;
        d.mask = 0;
        break;
    }
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required");
  },
  print(d) {
    if (d.mark === 0) return ` MARK and 0x${hx(~d.mask)}`;
    if (d.mark === d.mask) return ` MARK or 0x${hx(d.mark)}`;
    if (d.mask === 0) return ` MARK xor 0x${hx(d.mark)}`;
    if (d.mask === 0xffffffff) return ` MARK set 0x${hx(d.mark)}`;
    return ` MARK xset 0x${hx(d.mark)}/0x${hx(d.mask)}`;
  },
  compile(d) {
    // mark_tg(): clear the mask bits, XOR the mark
    const keep = ~d.mask >>> 0;
    const mark = d.mark >>> 0;
    return (p) => {
      p.mark = ((p.mark & keep) ^ mark) >>> 0;
      return XT_CONTINUE;
    };
  },
  save: (d) => ` --set-xmark 0x${hx(d.mark)}/0x${hx(d.mask)}`,
  help: () =>
    "MARK target options:\n" +
    "  --set-xmark value[/mask]  Clear bits in mask and XOR value into nfmark\n" +
    "  --set-mark value[/mask]   Clear bits in mask and OR value into nfmark\n" +
    "  --and-mark bits           Binary AND the nfmark with bits\n" +
    "  --or-mark bits            Binary OR the nfmark with bits\n" +
    "  --xor-mark bits           Binary XOR the nfmark with bits\n",
});
