/**
 * SPI range options shared by the ah, esp and ipcomp matches (XTTYPE_UINT32RC).
 */
import type { MatchFn } from "../engine/context.js";
import type { OptionCall, XtOptionEntry, XtType } from "./api.js";
import { fragOff, l4Avail, rawU16, rawU32 } from "./pkt-util.js";

export interface SpiData {
  spis: number[];
  invflags: number;
}

export function spiOption(name: string, id: number, flags: number, type: XtType): XtOptionEntry {
  return { name, id, type, flags };
}

/** x6 parse: one value sets both ends; a missing end takes its default. */
export function spiParse(cb: OptionCall<SpiData>, invFlag: number): void {
  const r = cb.val.range;
  cb.data.spis = [r[0]!, cb.nvals === 1 ? r[0]! : r[1]!];
  if (cb.invert) cb.data.invflags |= invFlag;
}

/** " [!] --NAME a[:b]", nothing for the full range even when inverted. */
export function spiSave(opt: string, d: SpiData, invFlag: number): string {
  const [min, max] = d.spis as [number, number];
  if (min === 0 && max === 0xffffffff) return "";
  return `${d.invflags & invFlag ? " !" : ""} --${opt} ${min !== max ? `${min}:${max}` : min}`;
}

/**
 * ah_mt()/esp_mt()/comp_mt(): no match on non-first fragments, hotdrop when
 * the header (hdrLen bytes) is cut short, else the SPI (`width` bytes at
 * `off`) in the range, inverted on request.
 */
export function spiMatchFn(d: SpiData, hdrLen: number, off: number, width: 2 | 4, invert: boolean): MatchFn {
  const min = d.spis[0]! >>> 0;
  const max = d.spis[1]! >>> 0;
  return (p, ctx) => {
    if (fragOff(p) !== 0) return false;
    if (l4Avail(p) < hdrLen) {
      ctx.hotdrop = true;
      return false;
    }
    const spi = width === 4 ? rawU32(p, off) : rawU16(p, off);
    return (spi >= min && spi <= max) !== invert;
  };
}
