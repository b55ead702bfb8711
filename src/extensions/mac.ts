/**
 * mac match (libxt_mac / xt_mac): the source MAC address; the kernel only
 * allows it where packets still carry one (PREROUTING, INPUT, FORWARD).
 */
import { defineMatch, HOOK_FWD, HOOK_IN, HOOK_PRE, XTOPT_INVERT, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { formatMac } from "./common.js";
import { structKey } from "./misc2-util.js";

export interface MacData {
  srcaddr: number[];
  invert: number;
}

export const macMatch = defineMatch<MacData>({
  name: "mac",
  revision: 0,
  options: [
    {
      name: "mac-source",
      id: 0,
      type: XtType.ETHERMAC,
      flags: XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT,
      put: "srcaddr",
    },
  ],
  init: () => ({ srcaddr: [0, 0, 0, 0, 0, 0], invert: 0 }),
  parse(cb) {
    if (cb.invert) cb.data.invert = 1;
  },
  print: (d) => ` MAC ${d.invert ? "! " : ""}${formatMac(d.srcaddr)}`,
  save: (d) => `${d.invert ? " !" : ""} --mac-source ${formatMac(d.srcaddr)}`,
  compareKey: (d) => structKey("mac", d),
  compile(d) {
    // mac_mt(): only an Ethernet device with the frame's header at hand (never lo), then h_source
    let want = 0;
    for (const b of d.srcaddr) want = want * 256 + (b & 0xff);
    const inv = d.invert !== 0;
    return (p) => {
      if (!p.hasMac || p.inDev === "lo" || p.inDev === "") return false;
      return (p.macSrc === want) !== inv;
    };
  },
  // xt_mac: .hooks = PRE_ROUTING | LOCAL_IN | FORWARD
  kernelCheck: (_d, ctx) => (ctx.hookMask & ~(HOOK_PRE | HOOK_IN | HOOK_FWD) ? { errno: "EINVAL" } : undefined),
  help: () => "mac match options:\n[!] --mac-source XX:XX:XX:XX:XX:XX\n\t\t\t\tMatch source MAC address\n",
});
