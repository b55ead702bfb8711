/**
 * DSCP target (libxt_DSCP / xt_DSCP): set the DSCP field by value or by
 * DiffServ class name. mangle table only.
 */
import { paramError } from "../core/errors.js";
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, XTOPT_PUT, XtType } from "./api.js";

export interface DscpTargetData {
  dscp: number;
}

const O_SET_DSCP = 0;
const O_SET_DSCP_CLASS = 1;
const XT_DSCP_MAX = 0x3f;

/** dscp_helper.c ds_classes[] */
export const DS_CLASSES: ReadonlyArray<readonly [string, number]> = [
  ["CS0", 0x00],
  ["CS1", 0x08],
  ["CS2", 0x10],
  ["CS3", 0x18],
  ["CS4", 0x20],
  ["CS5", 0x28],
  ["CS6", 0x30],
  ["CS7", 0x38],
  ["BE", 0x00],
  ["AF11", 0x0a],
  ["AF12", 0x0c],
  ["AF13", 0x0e],
  ["AF21", 0x12],
  ["AF22", 0x14],
  ["AF23", 0x16],
  ["AF31", 0x1a],
  ["AF32", 0x1c],
  ["AF33", 0x1e],
  ["AF41", 0x22],
  ["AF42", 0x24],
  ["AF43", 0x26],
  ["EF", 0x2e],
];

/** class_to_dscp(): strncasecmp over the class name's length, so "EFX" is EF. */
export function classToDscp(name: string): number {
  const upper = name.replace(/[a-z]/g, (c) => c.toUpperCase()); // ASCII only, as in the C locale
  for (const [cls, v] of DS_CLASSES) if (upper.slice(0, cls.length) === cls) return v;
  throw paramError(`Invalid DSCP value \`${name}'`);
}

const hex2 = (n: number) => n.toString(16).padStart(2, "0");

export const dscpTarget = defineTarget<DscpTargetData>({
  name: "DSCP",
  revision: 0,
  tables: ["mangle"],
  options: [
    {
      name: "set-dscp",
      id: O_SET_DSCP,
      excl: 1 << O_SET_DSCP_CLASS,
      type: XtType.UINT8,
      min: 0,
      max: XT_DSCP_MAX,
      flags: XTOPT_PUT,
      put: "dscp",
    },
    { name: "set-dscp-class", id: O_SET_DSCP_CLASS, excl: 1 << O_SET_DSCP, type: XtType.STRING },
  ],
  init: () => ({ dscp: 0 }),
  parse(cb) {
    if (cb.entry.id === O_SET_DSCP_CLASS) cb.data.dscp = classToDscp(cb.arg);
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("DSCP target: Parameter --set-dscp is required");
  },
  print: (d) => ` DSCP set 0x${hex2(d.dscp)}`,
  compile(d) {
    // dscp_tg(): the upper six bits, ECN bits kept
    const ds = (d.dscp << 2) & 0xff;
    return (p) => {
      p.tos = (p.tos & 3) | ds;
      return XT_CONTINUE;
    };
  },
  save: (d) => ` --set-dscp 0x${hex2(d.dscp)}`,
  kernelCheck: (d) => (d.dscp > XT_DSCP_MAX ? { errno: "EINVAL" } : undefined),
  help: () =>
    "DSCP target options\n" +
    "  --set-dscp value\t\tSet DSCP field in packet header to value\n" +
    "  \t\t                This value can be in decimal (ex: 32)\n" +
    "               \t\tor in hex (ex: 0x20)\n" +
    "  --set-dscp-class class\tSet the DSCP field in packet header to the\n" +
    "\t\t\t\tvalue represented by the DiffServ class value.\n" +
    "\t\t\t\tThis class may be EF,BE or any of the CSxx\n" +
    "\t\t\t\tor AFxx classes.\n" +
    "\n" +
    "\t\t\t\tThese two options are mutually exclusive !\n",
});
