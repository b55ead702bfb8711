/**
 * dscp match (libxt_dscp / xt_dscp): DSCP codepoint by number or DiffServ class.
 */
import { paramError } from "../core/errors.js";
import { defineMatch, XTOPT_INVERT, XTOPT_PUT, XtType } from "./api.js";
import { hex2 } from "./l4-common.js";

const XT_DSCP_MAX = 0x3f;

export interface DscpData {
  dscp: number;
  invert: number;
}

const O_DSCP = 0;
const O_DSCP_CLASS = 1;

/** ds_classes[] of dscp_helper.c */
const DS_CLASSES: ReadonlyArray<readonly [string, number]> = [
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

/** class_to_dscp(): the argument only has to start with a class name (strncasecmp). */
export function classToDscp(name: string): number {
  const low = name.toLowerCase();
  for (const [cls, v] of DS_CLASSES) if (low.startsWith(cls.toLowerCase())) return v;
  throw paramError(`Invalid DSCP value \`${name}'`);
}

export const dscpMatch = defineMatch<DscpData>({
  name: "dscp",
  revision: 0,
  options: [
    {
      name: "dscp",
      id: O_DSCP,
      excl: 1 << O_DSCP_CLASS,
      type: XtType.UINT8,
      min: 0,
      max: XT_DSCP_MAX,
      flags: XTOPT_INVERT | XTOPT_PUT,
      put: "dscp",
    },
    { name: "dscp-class", id: O_DSCP_CLASS, excl: 1 << O_DSCP, type: XtType.STRING, flags: XTOPT_INVERT },
  ],
  init: () => ({ dscp: 0, invert: 0 }),
  parse(cb) {
    if (cb.entry.id === O_DSCP_CLASS) cb.data.dscp = classToDscp(cb.arg);
    if (cb.invert) cb.data.invert = 1;
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("DSCP match: Parameter --dscp is required");
  },
  compile(d) {
    // dscp_mt(): the upper six bits of the TOS byte
    const dscp = d.dscp;
    const inv = d.invert !== 0;
    return (p) => (p.tos >>> 2 === dscp) !== inv;
  },
  print: (d) => ` DSCP match ${d.invert ? "!" : ""}0x${hex2(d.dscp)}`,
  save: (d) => `${d.invert ? " !" : ""} --dscp 0x${hex2(d.dscp)}`,
  help: () =>
    "dscp match options\n" +
    "[!] --dscp value\t\tMatch DSCP codepoint with numerical value\n" +
    "  \t\t                This value can be in decimal (ex: 32)\n" +
    "               \t\tor in hex (ex: 0x20)\n" +
    "[!] --dscp-class name\t\tMatch the DiffServ class. This value may\n" +
    "\t\t\t\tbe any of the BE,EF, AFxx or CSx classes\n" +
    "\n" +
    "\t\t\t\tThese two options are mutually exclusive !\n",
});
