/**
 * tcpmss match (libxt_tcpmss / xt_tcpmss): MSS option value or range of TCP SYNs.
 */
import { paramError } from "../core/errors.js";
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XtType } from "./api.js";
import { protoCheck } from "./l4-common.js";
import { l4Avail, tcpHdrLen, tcpOptByte } from "./pkt-util.js";

export interface TcpmssData {
  mssMin: number;
  mssMax: number;
  invert: number;
}

function mssText(d: TcpmssData): string {
  return d.mssMin === d.mssMax ? String(d.mssMin) : `${d.mssMin}:${d.mssMax}`;
}

export const tcpmssMatch = defineMatch<TcpmssData>({
  name: "tcpmss",
  revision: 0,
  options: [{ name: "mss", id: 0, type: XtType.UINT16RC, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ mssMin: 0, mssMax: 0, invert: 0 }),
  parse(cb) {
    const d = cb.data;
    d.mssMin = cb.val.range[0]!;
    d.mssMax = d.mssMin;
    if (cb.nvals === 2) {
      d.mssMax = cb.val.range[1]!;
      if (d.mssMax < d.mssMin) throw paramError("tcpmss: invalid range given");
    }
    if (cb.invert) d.invert = 1;
  },
  kernelCheck: protoCheck(6),
  compile(d) {
    // tcpmss_mt(): no fragment test, so a non-first fragment's payload is read as a TCP header
    const { mssMin, mssMax } = d;
    const inv = d.invert !== 0;
    return (p, ctx) => {
      const avail = l4Avail(p);
      const hl = avail < 20 ? 0 : tcpHdrLen(p);
      if (hl < 20 || avail < hl) {
        ctx.hotdrop = true;
        return false;
      }
      const optlen = hl - 20;
      for (let i = 0; i < optlen; ) {
        const kind = tcpOptByte(p, i);
        if (kind === 2 && optlen - i >= 4 && tcpOptByte(p, i + 1) === 4) {
          const mss = (tcpOptByte(p, i + 2) << 8) | tcpOptByte(p, i + 3);
          return (mss >= mssMin && mss <= mssMax) !== inv;
        }
        if (kind < 2) i++;
        else i += tcpOptByte(p, i + 1) || 1;
      }
      return inv;
    };
  },
  print: (d) => ` tcpmss match ${d.invert ? "!" : ""}${mssText(d)}`,
  save: (d) => `${d.invert ? " !" : ""} --mss ${mssText(d)}`,
  help: () =>
    "tcpmss match options:\n" +
    "[!] --mss value[:value]\tMatch TCP MSS range.\n" +
    "\t\t\t\t(only valid for TCP SYN or SYN/ACK packets)\n",
});
