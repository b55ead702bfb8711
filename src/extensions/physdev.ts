/**
 * physdev match (libxt_physdev / xt_physdev): bridge port devices of
 * bridged packets. The kernel refuses output-port tests in OUTPUT unless
 * the rule also requires a bridged packet.
 */
import { paramError } from "../core/errors.js";
import { defineMatch, HOOK_OUT, XTOPT_INVERT, XTOPT_PUT, XtType } from "./api.js";
import { parseInterfaceName, structKey } from "./misc2-util.js";
import { ifnameMatcher } from "./pkt-util.js";

const OP_IN = 0x01;
const OP_OUT = 0x02;
const OP_BRIDGED = 0x04;
const OP_ISIN = 0x08;
const OP_ISOUT = 0x10;

const O_PHYSDEV_IN = 0;
const O_PHYSDEV_OUT = 1;
const O_PHYSDEV_IS_IN = 2;
const O_PHYSDEV_IS_OUT = 3;
const O_PHYSDEV_IS_BRIDGED = 4;

/** struct xt_physdev_info; the masks follow from the names (a trailing `+` is a wildcard). */
export interface PhysdevData {
  physindev: string;
  physoutdev: string;
  invert: number;
  bitmask: number;
}

function flagText(d: PhysdevData, flag: number, text: string): string {
  if (!(d.bitmask & flag)) return "";
  return `${d.invert & flag ? " !" : ""} ${text}`;
}

/** physdev_print()/physdev_save() emit the same words. */
function body(d: PhysdevData): string {
  return (
    flagText(d, OP_ISIN, "--physdev-is-in") +
    flagText(d, OP_IN, `--physdev-in ${d.physindev}`) +
    flagText(d, OP_ISOUT, "--physdev-is-out") +
    flagText(d, OP_OUT, `--physdev-out ${d.physoutdev}`) +
    flagText(d, OP_BRIDGED, "--physdev-is-bridged")
  );
}

export const physdevMatch = defineMatch<PhysdevData>({
  name: "physdev",
  revision: 0,
  options: [
    {
      name: "physdev-in",
      id: O_PHYSDEV_IN,
      type: XtType.STRING,
      flags: XTOPT_INVERT | XTOPT_PUT,
      size: 16,
      put: "physindev",
    },
    {
      name: "physdev-out",
      id: O_PHYSDEV_OUT,
      type: XtType.STRING,
      flags: XTOPT_INVERT | XTOPT_PUT,
      size: 16,
      put: "physoutdev",
    },
    { name: "physdev-is-in", id: O_PHYSDEV_IS_IN, type: XtType.NONE, flags: XTOPT_INVERT },
    { name: "physdev-is-out", id: O_PHYSDEV_IS_OUT, type: XtType.NONE, flags: XTOPT_INVERT },
    { name: "physdev-is-bridged", id: O_PHYSDEV_IS_BRIDGED, type: XtType.NONE, flags: XTOPT_INVERT },
  ],
  init: () => ({ physindev: "", physoutdev: "", invert: 0, bitmask: 0 }),
  parse(cb) {
    const d = cb.data;
    const set = (flag: number) => {
      d.bitmask |= flag;
      if (cb.invert) d.invert |= flag;
    };
    switch (cb.entry.id) {
      case O_PHYSDEV_IN:
        d.physindev = parseInterfaceName(cb.arg, cb.warn);
        set(OP_IN);
        break;
      case O_PHYSDEV_OUT:
        d.physoutdev = parseInterfaceName(cb.arg, cb.warn);
        set(OP_OUT);
        break;
      case O_PHYSDEV_IS_IN:
        set(OP_ISIN);
        break;
      case O_PHYSDEV_IS_OUT:
        set(OP_ISOUT);
        break;
      case O_PHYSDEV_IS_BRIDGED:
        set(OP_BRIDGED);
        break;
    }
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("PHYSDEV: no physdev option specified");
  },
  print: (d) => ` PHYSDEV match${body(d)}`,
  save: (d) => body(d),
  compareKey: (d) => structKey("physdev", d),
  compile(d) {
    // physdev_mt(): a packet with bridge info has physIn (and physOut once the bridge chose a port)
    const has = (f: number) => (d.bitmask & f) !== 0;
    const inv = (f: number) => (d.invert & f) !== 0;
    // without bridge info: match only if every option used is inverted
    let plain = true;
    for (const f of [OP_BRIDGED, OP_ISIN, OP_ISOUT, OP_IN, OP_OUT]) if (has(f) && !inv(f)) plain = false;
    const inMatch = ifnameMatcher(d.physindev);
    const outMatch = ifnameMatcher(d.physoutdev);
    return (p) => {
      const indev = p.physIn;
      const outdev = p.physOut;
      if (indev === "" && outdev === "") return plain;
      if (has(OP_BRIDGED) && (outdev !== "") === inv(OP_BRIDGED)) return false;
      if (has(OP_ISIN) && (indev === "") !== inv(OP_ISIN)) return false;
      if (has(OP_ISOUT) && (outdev === "") !== inv(OP_ISOUT)) return false;
      if (has(OP_IN) && indev !== "" && inMatch(indev) === inv(OP_IN)) return false;
      if (!has(OP_OUT)) return true;
      if (outdev === "") return false;
      return outMatch(outdev) !== inv(OP_OUT);
    };
  },
  kernelCheck(d, ctx) {
    // physdev_mt_check(), only at insertion: output port tests from LOCAL_OUT need --physdev-is-bridged
    if (
      ctx.checkentry &&
      d.bitmask & (OP_OUT | OP_ISOUT) &&
      (!(d.bitmask & OP_BRIDGED) || d.invert & OP_BRIDGED) &&
      ctx.hookMask & HOOK_OUT
    )
      return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "physdev match options:\n" +
    " [!] --physdev-in inputname[+]\t\tbridge port name ([+] for wildcard)\n" +
    " [!] --physdev-out outputname[+]\tbridge port name ([+] for wildcard)\n" +
    " [!] --physdev-is-in\t\t\tarrived on a bridge device\n" +
    " [!] --physdev-is-out\t\t\twill leave on a bridge device\n" +
    " [!] --physdev-is-bridged\t\tit's a bridged packet\n",
});
