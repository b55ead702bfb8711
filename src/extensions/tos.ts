/**
 * tos match, revision 1 (libxt_tos / xt_dscp tos_mt): TOS value/mask or a
 * symbolic name (mask 0x3f).
 */
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XtType } from "./api.js";
import { hex2 } from "./l4-common.js";

export interface TosData {
  tosMask: number;
  tosValue: number;
  invert: number;
}

const TOS_SYMBOLS: ReadonlyArray<readonly [number, string]> = [
  [0x10, "Minimize-Delay"],
  [0x08, "Maximize-Throughput"],
  [0x04, "Maximize-Reliability"],
  [0x02, "Minimize-Cost"],
  [0x00, "Normal-Service"],
];

/** tos_try_print_symbolic(): only for the symbolic mask 0x3f. */
function symbolic(value: number, mask: number): string | undefined {
  if (mask !== 0x3f) return undefined;
  return TOS_SYMBOLS.find(([v]) => v === value)?.[1];
}

export const tosMatch = defineMatch<TosData>({
  name: "tos",
  revision: 1,
  options: [{ name: "tos", id: 1, type: XtType.TOSMASK, flags: XTOPT_INVERT | XTOPT_MAND, max: 0x3f }],
  init: () => ({ tosMask: 0, tosValue: 0, invert: 0 }),
  parse(cb) {
    cb.data.tosValue = cb.val.tosValue;
    cb.data.tosMask = cb.val.tosMask;
    if (cb.invert) cb.data.invert = 1;
  },
  compile(d) {
    // tos_mt() of xt_dscp
    const { tosMask, tosValue } = d;
    const inv = d.invert !== 0;
    return (p) => ((p.tos & tosMask) === tosValue) !== inv;
  },
  print(d, ctx) {
    // The numeric form follows "match" without a space, as in the C code.
    let out = " tos match";
    if (d.invert) out += "!";
    const sym = ctx.numeric ? undefined : symbolic(d.tosValue, d.tosMask);
    return out + (sym !== undefined ? ` ${sym}` : `0x${hex2(d.tosValue)}/0x${hex2(d.tosMask)}`);
  },
  save: (d) => `${d.invert ? " !" : ""} --tos 0x${hex2(d.tosValue)}/0x${hex2(d.tosMask)}`,
  help() {
    let out =
      "tos match options:\n" +
      "[!] --tos value[/mask]    Match Type of Service/Priority field value\n" +
      "[!] --tos symbol          Match TOS field (IPv4 only) by symbol\n" +
      "                          Accepted symbolic names for value are:\n";
    for (const [v, name] of TOS_SYMBOLS)
      out += `                          (0x${hex2(v)}) ${String(v).padStart(2)} ${name}\n`;
    return `${out}\n`;
  },
});
