/**
 * TOS target (libxt_TOS / xt_DSCP): iptables-nft uses revision 1, a
 * value/mask pair (zero the mask bits, XOR the value). mangle table only.
 */
import { paramError } from "../core/errors.js";
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, XtType } from "./api.js";

export interface TosTargetData {
  value: number;
  mask: number;
}

const O_SET_TOS = 0;
const O_AND_TOS = 1;
const O_OR_TOS = 2;
const O_XOR_TOS = 3;
const F_ANY = 0xf;

/** tos_values.c */
const TOS_SYMBOLS: ReadonlyArray<readonly [number, string]> = [
  [0x10, "Minimize-Delay"],
  [0x08, "Maximize-Throughput"],
  [0x04, "Maximize-Reliability"],
  [0x02, "Minimize-Cost"],
  [0x00, "Normal-Service"],
];

const hex2 = (n: number) => n.toString(16).padStart(2, "0");

export const tosTarget = defineTarget<TosTargetData>({
  name: "TOS",
  revision: 1,
  tables: ["mangle"],
  options: [
    { name: "set-tos", id: O_SET_TOS, type: XtType.TOSMASK, excl: F_ANY, max: 0x3f },
    { name: "and-tos", id: O_AND_TOS, type: XtType.UINT8, excl: F_ANY },
    { name: "or-tos", id: O_OR_TOS, type: XtType.UINT8, excl: F_ANY },
    { name: "xor-tos", id: O_XOR_TOS, type: XtType.UINT8, excl: F_ANY },
  ],
  init: () => ({ value: 0, mask: 0 }),
  parse(cb) {
    const d = cb.data;
    const u8 = cb.val.u & 0xff;
    switch (cb.entry.id) {
      case O_SET_TOS:
        d.value = cb.val.tosValue;
        d.mask = cb.val.tosMask;
        break;
      case O_AND_TOS:
        d.value = 0;
        d.mask = ~u8 & 0xff;
        break;
      case O_OR_TOS:
        d.value = u8;
        d.mask = u8;
        break;
      case O_XOR_TOS:
        d.value = u8;
        d.mask = 0;
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.xflags & F_ANY)) throw paramError("TOS: An action is required");
  },
  print(d, ctx) {
    if (ctx.numeric) return ` TOS set 0x${hex2(d.value)}/0x${hex2(d.mask)}`;
    if (d.mask === 0x3f) {
      // tos_try_print_symbolic(" TOS set", ...) prints " %s%s"
      const sym = TOS_SYMBOLS.find(([v]) => v === d.value);
      if (sym) return `  TOS set${sym[1]}`;
    }
    if (d.value === 0) return ` TOS and 0x${hex2(~d.mask & 0xff)}`;
    if (d.value === d.mask) return ` TOS or 0x${hex2(d.value)}`;
    if (d.mask === 0) return ` TOS xor 0x${hex2(d.value)}`;
    return ` TOS set 0x${hex2(d.value)}/0x${hex2(d.mask)}`;
  },
  compile(d) {
    // tos_tg() of xt_DSCP: clear the mask bits, XOR the value
    const keep = ~d.mask & 0xff;
    const value = d.value & 0xff;
    return (p) => {
      p.tos = ((p.tos & keep) ^ value) & 0xff;
      return XT_CONTINUE;
    };
  },
  save: (d) => ` --set-tos 0x${hex2(d.value)}/0x${hex2(d.mask)}`,
  help() {
    let out =
      "TOS target vlibxtables.so.12 options:\n" +
      "  --set-tos value[/mask]  Set Type of Service/Priority field to value\n" +
      "                          (Zero out bits in mask and XOR value into TOS)\n" +
      "  --set-tos symbol        Set TOS field (IPv4 only) by symbol\n" +
      "                          (this zeroes the 4-bit Precedence part!)\n" +
      "                          Accepted symbolic names for value are:\n";
    for (const [v, name] of TOS_SYMBOLS)
      out += `                            (0x${hex2(v)}) ${String(v).padStart(2)} ${name}\n`;
    out +=
      "\n" +
      "  --and-tos bits          Binary AND the TOS value with bits\n" +
      "  --or-tos  bits          Binary OR the TOS value with bits\n" +
      "  --xor-tos bits          Binary XOR the TOS value with bits\n";
    return out;
  },
});
