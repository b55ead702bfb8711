/**
 * ipcomp match (libxt_ipcomp / xt_ipcomp): CPI (SPI) range of the IPComp
 * header. Without --ipcompspi the range is 0:0 (the module has no init).
 */
import { defineMatch, XTOPT_INVERT, XtType } from "./api.js";
import { dataKey, wrongProto } from "./l4-common.js";
import { type SpiData, spiMatchFn, spiOption, spiParse, spiSave } from "./spi-common.js";

const XT_IPCOMP_INV_SPI = 0x01;
const XT_IPCOMP_INV_MASK = 0x01;
const IPPROTO_COMP = 108;

export interface IpcompData extends SpiData {
  hdrres: number;
}

export const ipcompMatch = defineMatch<IpcompData>({
  name: "ipcomp",
  revision: 0,
  options: [spiOption("ipcompspi", 0, XTOPT_INVERT, XtType.UINT32RC), { name: "compres", id: 1, type: XtType.NONE }],
  init: () => ({ spis: [0, 0], invflags: 0, hdrres: 0 }),
  parse(cb) {
    if (cb.entry.id === 0) spiParse(cb, XT_IPCOMP_INV_SPI);
    else cb.data.hdrres = 1;
  },
  kernelCheck(d, ctx) {
    if (wrongProto(ctx.ip, IPPROTO_COMP) || d.invflags & ~XT_IPCOMP_INV_MASK) return { errno: "EINVAL" };
    return undefined;
  },
  print(d) {
    const [min, max] = d.spis as [number, number];
    const inv = (d.invflags & XT_IPCOMP_INV_SPI) !== 0;
    let out = " comp ";
    if (min !== 0 || max !== 0xffffffff || inv)
      out += min === max ? `spi:${inv ? "!" : ""}${min}` : `spis:${inv ? "!" : ""}${min}:${max}`;
    if (d.hdrres) out += " reserved";
    if (d.invflags & ~XT_IPCOMP_INV_MASK)
      out += ` Unknown invflags: 0x${(d.invflags & ~XT_IPCOMP_INV_MASK).toString(16).toUpperCase()}`;
    return out;
  },
  save: (d) => spiSave("ipcompspi", d, XT_IPCOMP_INV_SPI) + (d.hdrres ? " --compres" : ""),
  compareKey: (d) => dataKey(d),
  // comp_mt(): 4-byte struct ip_comp_hdr, 16-bit CPI at offset 2; --compres is not tested by the kernel
  compile: (d) => spiMatchFn(d, 4, 2, 2, (d.invflags & XT_IPCOMP_INV_SPI) !== 0),
  help: () => "comp match options:\n[!] --ipcompspi spi[:spi]\n\t\t\t\tmatch spi (range)\n",
});
