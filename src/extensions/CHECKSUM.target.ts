/**
 * CHECKSUM target (libxt_CHECKSUM / xt_CHECKSUM): fill in a missing
 * checksum. mangle table only.
 */
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, XTOPT_MAND, XtType } from "./api.js";

export interface ChecksumData {
  operation: number;
}

const O_CHECKSUM_FILL = 0;
const XT_CHECKSUM_OP_FILL = 0x01;

export const checksumTarget = defineTarget<ChecksumData>({
  name: "CHECKSUM",
  revision: 0,
  tables: ["mangle"],
  options: [{ name: "checksum-fill", id: O_CHECKSUM_FILL, flags: XTOPT_MAND, type: XtType.NONE }],
  init: () => ({ operation: 0 }),
  parse(cb) {
    cb.data.operation = XT_CHECKSUM_OP_FILL;
  },
  // checksum_tg(): completes a CHECKSUM_PARTIAL checksum; the twin computes every checksum when it
  // serialises a packet, so there is nothing left to fill in
  compile: () => () => XT_CONTINUE,
  print: (d) => ` CHECKSUM${d.operation & XT_CHECKSUM_OP_FILL ? " fill" : ""}`,
  save: (d) => (d.operation & XT_CHECKSUM_OP_FILL ? " --checksum-fill" : ""),
  kernelCheck(d) {
    // checksum_tg_check(): only the fill operation, and one is required
    if (d.operation & ~XT_CHECKSUM_OP_FILL || !d.operation) return { errno: "EINVAL" };
    return undefined;
  },
  help: () => "CHECKSUM target options\n  --checksum-fill\t\t\tFill in packet checksum.\n",
});
