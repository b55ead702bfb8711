/**
 * connlimit match (libxt_connlimit revision 1 / xt_connlimit): the number of
 * connections per source or destination group.
 */
import { paramError } from "../core/errors.js";
import { connlimitMatch as connlimitFn } from "../engine/ct-extensions.js";
import { defineMatch, XTOPT_INVERT, XTOPT_PUT, XtType } from "./api.js";
import { dataKey } from "./ct-util.js";

const XT_CONNLIMIT_INVERT = 1 << 0;
const XT_CONNLIMIT_DADDR = 1 << 1;

/** struct xt_connlimit_info (the IPv4 part of the mask, plus whether its IPv6 words are all ones). */
export interface ConnlimitData {
  mask: number;
  /** init sets all 16 mask bytes; --connlimit-mask N clears the words past the prefix. */
  maskFull: boolean;
  limit: number;
  flags: number;
}

const O_UPTO = 0;
const O_ABOVE = 1;
const O_MASK = 2;
const O_SADDR = 3;
const O_DADDR = 4;

/** count_bits4() */
function countBits(mask: number): number {
  let bits = 0;
  for (let m = ~mask >>> 0; m !== 0; m >>>= 1) bits++;
  return 32 - bits;
}

export const connlimitMatch = defineMatch<ConnlimitData>({
  name: "connlimit",
  revision: 1,
  options: [
    {
      name: "connlimit-upto",
      id: O_UPTO,
      excl: 1 << O_ABOVE,
      type: XtType.UINT32,
      flags: XTOPT_INVERT | XTOPT_PUT,
      put: "limit",
    },
    {
      name: "connlimit-above",
      id: O_ABOVE,
      excl: 1 << O_UPTO,
      type: XtType.UINT32,
      flags: XTOPT_INVERT | XTOPT_PUT,
      put: "limit",
    },
    { name: "connlimit-mask", id: O_MASK, type: XtType.PLENMASK },
    { name: "connlimit-saddr", id: O_SADDR, excl: 1 << O_DADDR, type: XtType.NONE },
    { name: "connlimit-daddr", id: O_DADDR, excl: 1 << O_SADDR, type: XtType.NONE },
  ],
  init: () => ({ mask: 0xffffffff, maskFull: true, limit: 0, flags: 0 }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => connlimitFn(d),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_ABOVE:
        if (cb.invert) d.flags |= XT_CONNLIMIT_INVERT;
        break;
      case O_UPTO:
        if (!cb.invert) d.flags |= XT_CONNLIMIT_INVERT;
        break;
      case O_MASK:
        d.mask = cb.val.hmask >>> 0;
        // a non-contiguous dotted mask leaves hlen out of range: all 16 bytes stay set
        d.maskFull = cb.val.hlen < 0;
        break;
      case O_SADDR:
        d.flags &= ~XT_CONNLIMIT_DADDR;
        break;
      case O_DADDR:
        d.flags |= XT_CONNLIMIT_DADDR;
        break;
    }
  },
  finalCheck(cb) {
    if ((cb.xflags & ((1 << O_UPTO) | (1 << O_ABOVE))) === 0)
      throw paramError('You must specify "--connlimit-above" or "--connlimit-upto".');
  },
  print: (d) => {
    const dir = d.flags & XT_CONNLIMIT_DADDR ? "dst" : "src";
    return ` #conn ${dir}/${countBits(d.mask)} ${d.flags & XT_CONNLIMIT_INVERT ? "<=" : ">"} ${d.limit}`;
  },
  save: (d) =>
    ` --connlimit-${d.flags & XT_CONNLIMIT_INVERT ? "upto" : "above"} ${d.limit} --connlimit-mask ${countBits(d.mask)}` +
    ` --connlimit-${d.flags & XT_CONNLIMIT_DADDR ? "daddr" : "saddr"}`,
  compareKey: (d) => dataKey(d),
  help: () =>
    "connlimit match options:\n" +
    "  --connlimit-upto n     match if the number of existing connections is 0..n\n" +
    "  --connlimit-above n    match if the number of existing connections is >n\n" +
    "  --connlimit-mask n     group hosts using prefix length (default: max len)\n" +
    "  --connlimit-saddr      select source address for grouping\n" +
    "  --connlimit-daddr      select destination addresses for grouping\n",
});
