/**
 * ah match (libipt_ah / ipt_ah): SPI or SPI range of the IPsec AH header.
 */
import { defineMatch, XTOPT_INVERT, XtType } from "./api.js";
import { dataKey, wrongProto } from "./l4-common.js";
import { type SpiData, spiMatchFn, spiOption, spiParse, spiSave } from "./spi-common.js";

const IPT_AH_INV_SPI = 0x01;
const IPT_AH_INV_MASK = 0x01;
const IPPROTO_AH = 51;

export const ahMatch = defineMatch<SpiData>({
  name: "ah",
  revision: 0,
  options: [spiOption("ahspi", 0, XTOPT_INVERT, XtType.UINT32RC)],
  init: () => ({ spis: [0, 0xffffffff], invflags: 0 }),
  parse: (cb) => spiParse(cb, IPT_AH_INV_SPI),
  kernelCheck(d, ctx) {
    if (wrongProto(ctx.ip, IPPROTO_AH) || d.invflags & ~IPT_AH_INV_MASK) return { errno: "EINVAL" };
    return undefined;
  },
  print(d) {
    const [min, max] = d.spis as [number, number];
    const inv = (d.invflags & IPT_AH_INV_SPI) !== 0;
    let out = " ah ";
    if (min !== 0 || max !== 0xffffffff || inv)
      out += min === max ? `spi:${inv ? "!" : ""}${min}` : `spis:${inv ? "!" : ""}${min}:${max}`;
    if (d.invflags & ~IPT_AH_INV_MASK)
      out += ` Unknown invflags: 0x${(d.invflags & ~IPT_AH_INV_MASK).toString(16).toUpperCase()}`;
    return out;
  },
  save: (d) => spiSave("ahspi", d, IPT_AH_INV_SPI),
  compareKey: (d) => dataKey(d),
  // ah_mt(): 12-byte struct ip_auth_hdr, SPI at offset 4
  compile: (d) => spiMatchFn(d, 12, 4, 4, (d.invflags & IPT_AH_INV_SPI) !== 0),
  help: () => "ah match options:\n[!] --ahspi spi[:spi]\n\t\t\t\tmatch spi (range)\n",
});
