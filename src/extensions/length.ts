/**
 * length match (libxt_length / xt_length): layer-3 packet length or range.
 */

import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XtType } from "./api.js";
import { totalLen } from "./pkt-util.js";

export interface LengthData {
  min: number;
  max: number;
  invert: number;
}

function lenText(d: LengthData): string {
  return d.min === d.max ? String(d.min) : `${d.min}:${d.max}`;
}

export const lengthMatch = defineMatch<LengthData>({
  name: "length",
  revision: 0,
  options: [{ name: "length", id: 0, type: XtType.UINT16RC, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ min: 0, max: 0, invert: 0 }),
  parse(cb) {
    // 1.8.9 accepts a reversed range as given.
    cb.data.min = cb.val.range[0]!;
    cb.data.max = cb.nvals >= 2 ? cb.val.range[1]! : cb.data.min;
    if (cb.invert) cb.data.invert = 1;
  },
  compile(d) {
    // length_mt(): ntohs(iph->tot_len)
    const { min, max } = d;
    const inv = d.invert !== 0;
    return (p) => {
      const len = totalLen(p);
      return (len >= min && len <= max) !== inv;
    };
  },
  print: (d) => ` length ${d.invert ? "!" : ""}${lenText(d)}`,
  save: (d) => `${d.invert ? " !" : ""} --length ${lenText(d)}`,
  help: () =>
    "length match options:\n" +
    "[!] --length length[:length]    Match packet length against value or range\n" +
    "                                of values (inclusive)\n",
});
