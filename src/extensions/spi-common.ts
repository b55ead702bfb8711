/**
 * SPI range options shared by the ah, esp and ipcomp matches (XTTYPE_UINT32RC).
 */
import type { OptionCall, XtOptionEntry, XtType } from "./api.js";

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
