/**
 * CONNMARK target (libxt_CONNMARK revision 2 / xt_connmark): set the ctmark,
 * or copy between nfmark and ctmark under masks, with an optional shift.
 */
import { paramError } from "../core/errors.js";
import { connmarkTarget as connmarkTg } from "../engine/ct-extensions.js";
import { defineTarget, type KernelCheckError, XTOPT_PUT, XtType } from "./api.js";
import { dataKey, hx } from "./ct-util.js";

const XT_CONNMARK_SET = 0;
const XT_CONNMARK_SAVE = 1;
const XT_CONNMARK_RESTORE = 2;

const D_SHIFT_LEFT = 0;
const D_SHIFT_RIGHT = 1;

/** struct xt_connmark_tginfo2 */
export interface ConnmarkTargetData {
  ctmark: number;
  ctmask: number;
  nfmask: number;
  shiftDir: number;
  shiftBits: number;
  mode: number;
}

const O_SET_MARK = 0;
const O_SAVE_MARK = 1;
const O_RESTORE_MARK = 2;
const O_AND_MARK = 3;
const O_OR_MARK = 4;
const O_XOR_MARK = 5;
const O_LEFT_SHIFT_MARK = 6;
const O_RIGHT_SHIFT_MARK = 7;
const O_SET_XMARK = 8;
const O_CTMASK = 9;
const O_NFMASK = 10;
const O_MASK = 11;
const F_OP_ANY =
  (1 << O_SET_MARK) |
  (1 << O_SAVE_MARK) |
  (1 << O_RESTORE_MARK) |
  (1 << O_AND_MARK) |
  (1 << O_OR_MARK) |
  (1 << O_XOR_MARK) |
  (1 << O_SET_XMARK);
const F_MASK = 1 << O_MASK;

const SHIFT_OPS = ["left-shift-mark", "right-shift-mark"];

function modeText(d: ConnmarkTargetData): string {
  switch (d.mode) {
    case XT_CONNMARK_SET:
      if (d.ctmark === 0) return ` CONNMARK and 0x${hx(~d.ctmask)}`;
      if (d.ctmark === d.ctmask) return ` CONNMARK or 0x${hx(d.ctmark)}`;
      if (d.ctmask === 0) return ` CONNMARK xor 0x${hx(d.ctmark)}`;
      if (d.ctmask === 0xffffffff) return ` CONNMARK set 0x${hx(d.ctmark)}`;
      return ` CONNMARK xset 0x${hx(d.ctmark)}/0x${hx(d.ctmask)}`;
    case XT_CONNMARK_SAVE:
      if (d.nfmask === 0xffffffff && d.ctmask === 0xffffffff) return " CONNMARK save";
      if (d.nfmask === d.ctmask) return ` CONNMARK save mask 0x${hx(d.nfmask)}`;
      return ` CONNMARK save nfmask 0x${hx(d.nfmask)} ctmask ~0x${hx(d.ctmask)}`;
    case XT_CONNMARK_RESTORE:
      if (d.ctmask === 0xffffffff && d.nfmask === 0xffffffff) return " CONNMARK restore";
      if (d.ctmask === d.nfmask) return ` CONNMARK restore mask 0x${hx(d.ctmask)}`;
      return ` CONNMARK restore ctmask 0x${hx(d.ctmask)} nfmask ~0x${hx(d.nfmask)}`;
    default:
      return " ERROR: UNKNOWN CONNMARK MODE";
  }
}

function saveText(d: ConnmarkTargetData): string {
  switch (d.mode) {
    case XT_CONNMARK_SET:
      return ` --set-xmark 0x${hx(d.ctmark)}/0x${hx(d.ctmask)}`;
    case XT_CONNMARK_SAVE:
      return ` --save-mark --nfmask 0x${hx(d.nfmask)} --ctmask 0x${hx(d.ctmask)}`;
    case XT_CONNMARK_RESTORE:
      return ` --restore-mark --nfmask 0x${hx(d.nfmask)} --ctmask 0x${hx(d.ctmask)}`;
    default:
      return " ERROR: UNKNOWN CONNMARK MODE";
  }
}

export const connmarkTarget = defineTarget<ConnmarkTargetData>({
  name: "CONNMARK",
  revision: 2,
  options: [
    { name: "set-xmark", id: O_SET_XMARK, type: XtType.MARKMASK32, excl: F_OP_ANY },
    { name: "set-mark", id: O_SET_MARK, type: XtType.MARKMASK32, excl: F_OP_ANY },
    { name: "and-mark", id: O_AND_MARK, type: XtType.UINT32, excl: F_OP_ANY },
    { name: "or-mark", id: O_OR_MARK, type: XtType.UINT32, excl: F_OP_ANY },
    { name: "xor-mark", id: O_XOR_MARK, type: XtType.UINT32, excl: F_OP_ANY },
    { name: "save-mark", id: O_SAVE_MARK, type: XtType.NONE, excl: F_OP_ANY },
    { name: "restore-mark", id: O_RESTORE_MARK, type: XtType.NONE, excl: F_OP_ANY },
    { name: "left-shift-mark", id: O_LEFT_SHIFT_MARK, type: XtType.UINT8, min: 0, max: 32 },
    { name: "right-shift-mark", id: O_RIGHT_SHIFT_MARK, type: XtType.UINT8, min: 0, max: 32 },
    { name: "ctmask", id: O_CTMASK, type: XtType.UINT32, excl: F_MASK, flags: XTOPT_PUT, put: "ctmask" },
    { name: "nfmask", id: O_NFMASK, type: XtType.UINT32, excl: F_MASK, flags: XTOPT_PUT, put: "nfmask" },
    { name: "mask", id: O_MASK, type: XtType.UINT32, excl: (1 << O_CTMASK) | (1 << O_NFMASK) },
  ],
  init: () => ({ ctmark: 0, ctmask: 0xffffffff, nfmask: 0xffffffff, shiftDir: D_SHIFT_LEFT, shiftBits: 0, mode: 0 }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => connmarkTg(d),
  parse(cb) {
    const d = cb.data;
    const v = cb.val;
    switch (cb.entry.id) {
      case O_SET_XMARK:
        d.mode = XT_CONNMARK_SET;
        d.ctmark = v.mark >>> 0;
        d.ctmask = v.mask >>> 0;
        break;
      case O_SET_MARK:
        d.mode = XT_CONNMARK_SET;
        d.ctmark = v.mark >>> 0;
        d.ctmask = (v.mark | v.mask) >>> 0;
        break;
      case O_AND_MARK:
        d.mode = XT_CONNMARK_SET;
        d.ctmark = 0;
        d.ctmask = ~v.u >>> 0;
        break;
      case O_OR_MARK:
        d.mode = XT_CONNMARK_SET;
        d.ctmark = v.u >>> 0;
        d.ctmask = v.u >>> 0;
        break;
      case O_XOR_MARK:
        d.mode = XT_CONNMARK_SET;
        d.ctmark = v.u >>> 0;
        d.ctmask = 0;
        break;
      case O_SAVE_MARK:
        d.mode = XT_CONNMARK_SAVE;
        break;
      case O_RESTORE_MARK:
        d.mode = XT_CONNMARK_RESTORE;
        break;
      case O_MASK:
        d.nfmask = v.u >>> 0;
        d.ctmask = v.u >>> 0;
        break;
      case O_LEFT_SHIFT_MARK:
        d.shiftDir = D_SHIFT_LEFT;
        d.shiftBits = v.u;
        break;
      case O_RIGHT_SHIFT_MARK:
        d.shiftDir = D_SHIFT_RIGHT;
        d.shiftBits = v.u;
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.xflags & F_OP_ANY)) throw paramError("CONNMARK target: No operation specified");
  },
  print(d) {
    let out = modeText(d);
    if (d.mode <= XT_CONNMARK_RESTORE && d.shiftBits !== 0) out += ` ${SHIFT_OPS[d.shiftDir]} ${d.shiftBits}`;
    return out;
  },
  save(d) {
    let out = saveText(d);
    if (d.mode <= XT_CONNMARK_RESTORE && d.shiftBits !== 0) out += ` --${SHIFT_OPS[d.shiftDir]} ${d.shiftBits}`;
    return out;
  },
  compareKey: (d) => dataKey(d),
  kernelCheck(d): KernelCheckError | undefined {
    // connmark_tg_check_v2: a shift of 32 or more bits is refused
    if (d.shiftBits > 31) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "CONNMARK target options:\n" +
    "  --set-xmark value[/ctmask]    Zero mask bits and XOR ctmark with value\n" +
    "  --save-mark [--ctmask mask] [--nfmask mask]\n" +
    "                                Copy ctmark to nfmark using masks\n" +
    "  --restore-mark [--ctmask mask] [--nfmask mask]\n" +
    "                                Copy nfmark to ctmark using masks\n" +
    "  --set-mark value[/mask]       Set conntrack mark value\n" +
    "  --save-mark [--mask mask]     Save the packet nfmark in the connection\n" +
    "  --restore-mark [--mask mask]  Restore saved nfmark value\n" +
    "  --and-mark value              Binary AND the ctmark with bits\n" +
    "  --or-mark value               Binary OR  the ctmark with bits\n" +
    "  --xor-mark value              Binary XOR the ctmark with bits\n" +
    "  --left-shift-mark value       Left shift the ctmark with bits\n" +
    "  --right-shift-mark value      Right shift the ctmark with bits\n",
});
