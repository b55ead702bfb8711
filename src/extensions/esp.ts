/**
 * esp match (libxt_esp / xt_esp): SPI or SPI range of the IPsec ESP header.
 */
import { defineMatch, XTOPT_INVERT, XtType } from "./api.js";
import { dataKey, wrongProto } from "./l4-common.js";
import { type SpiData, spiMatchFn, spiOption, spiParse, spiSave } from "./spi-common.js";

const XT_ESP_INV_SPI = 0x01;
const XT_ESP_INV_MASK = 0x01;
const IPPROTO_ESP = 50;

export const espMatch = defineMatch<SpiData>({
  name: "esp",
  revision: 0,
  options: [spiOption("espspi", 0, XTOPT_INVERT, XtType.UINT32RC)],
  init: () => ({ spis: [0, 0xffffffff], invflags: 0 }),
  parse: (cb) => spiParse(cb, XT_ESP_INV_SPI),
  kernelCheck(d, ctx) {
    if (wrongProto(ctx.ip, IPPROTO_ESP) || d.invflags & ~XT_ESP_INV_MASK) return { errno: "EINVAL" };
    return undefined;
  },
  print(d) {
    const [min, max] = d.spis as [number, number];
    const inv = (d.invflags & XT_ESP_INV_SPI) !== 0;
    let out = " esp";
    if (min !== 0 || max !== 0xffffffff || inv)
      out += min === max ? ` spi:${inv ? "!" : ""}${min}` : ` spis:${inv ? "!" : ""}${min}:${max}`;
    if (d.invflags & ~XT_ESP_INV_MASK)
      out += ` Unknown invflags: 0x${(d.invflags & ~XT_ESP_INV_MASK).toString(16).toUpperCase()}`;
    return out;
  },
  save: (d) => spiSave("espspi", d, XT_ESP_INV_SPI),
  compareKey: (d) => dataKey(d),
  // esp_mt(): 8-byte struct ip_esp_hdr, SPI at offset 0
  compile: (d) => spiMatchFn(d, 8, 0, 4, (d.invflags & XT_ESP_INV_SPI) !== 0),
  help: () => "esp match options:\n[!] --espspi spi[:spi]\n\t\t\t\tmatch spi (range)\n",
});
