/**
 * NETMAP target (libipt_NETMAP / xt_NETMAP): 1:1 mapping of a network,
 * stored as the compat range min_ip..max_ip of the prefix.
 */
import { formatIPv4, maskToCidr } from "../core/ipv4.js";
import { netmapTarget as netmapFn } from "../engine/ct-extensions.js";
import { defineTarget, HOOK_IN, HOOK_OUT, HOOK_POST, HOOK_PRE, XTOPT_MAND, XtType } from "./api.js";
import { NF_NAT_RANGE_MAP_IPS } from "./nat-common.js";

export interface NetmapData {
  flags: number;
  minIp: number;
  maxIp: number;
}

const O_TO = 0;

/** __NETMAP_print(): address and the mask implied by the range. */
function netmapText(d: NetmapData): string {
  const mask = ~(d.minIp ^ d.maxIp) >>> 0;
  const bits = maskToCidr(mask);
  return `${formatIPv4(d.minIp)}/${bits < 0 ? formatIPv4(mask) : bits}`;
}

export const netmapTarget = defineTarget<NetmapData>({
  name: "NETMAP",
  revision: 0,
  tables: ["nat"],
  hooks: HOOK_PRE | HOOK_POST | HOOK_OUT | HOOK_IN,
  options: [{ name: "to", id: O_TO, type: XtType.HOSTMASK, flags: XTOPT_MAND }],
  init: () => ({ flags: 0, minIp: 0, maxIp: 0 }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => netmapFn(d),
  parse(cb) {
    const d = cb.data;
    d.flags |= NF_NAT_RANGE_MAP_IPS;
    d.minIp = (cb.val.haddr & cb.val.hmask) >>> 0;
    d.maxIp = (d.minIp | ~cb.val.hmask) >>> 0;
  },
  print: (d) => ` to:${netmapText(d)}`,
  save: (d) => ` --to ${netmapText(d)}`,
  help: () => "NETMAP target options:\n  --to address[/mask]\n\t\t\t\tNetwork address to map to.\n\n",
});
