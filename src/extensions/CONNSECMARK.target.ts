/**
 * CONNSECMARK target (libxt_CONNSECMARK / xt_CONNSECMARK): copy the security
 * mark between packet and connection; the kernel allows mangle and security.
 */
import { otherError, paramError } from "../core/errors.js";
import { defineTarget, type KernelCheckError, XtType } from "./api.js";

const CONNSECMARK_SAVE = 1;
const CONNSECMARK_RESTORE = 2;

/** struct xt_connsecmark_target_info */
export interface ConnsecmarkData {
  mode: number;
}

const O_SAVE = 0;
const O_RESTORE = 1;

function modeName(d: ConnsecmarkData): string {
  if (d.mode === CONNSECMARK_SAVE) return "save";
  if (d.mode === CONNSECMARK_RESTORE) return "restore";
  throw otherError(`CONNSECMARK target: invalid mode ${d.mode}`);
}

export const connsecmarkTarget = defineTarget<ConnsecmarkData>({
  name: "CONNSECMARK",
  revision: 0,
  tables: ["mangle", "security"],
  options: [
    { name: "save", id: O_SAVE, excl: 1 << O_RESTORE, type: XtType.NONE },
    { name: "restore", id: O_RESTORE, excl: 1 << O_SAVE, type: XtType.NONE },
  ],
  init: () => ({ mode: 0 }),
  parse(cb) {
    cb.data.mode = cb.entry.id === O_SAVE ? CONNSECMARK_SAVE : CONNSECMARK_RESTORE;
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("CONNSECMARK target: parameter required");
  },
  print: (d) => ` CONNSECMARK ${modeName(d)}`,
  save: (d) => ` --${modeName(d)}`,
  kernelCheck(d): KernelCheckError | undefined {
    if (d.mode !== CONNSECMARK_SAVE && d.mode !== CONNSECMARK_RESTORE) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "CONNSECMARK target options:\n" +
    "  --save                   Copy security mark from packet to conntrack\n" +
    "  --restore                Copy security mark from connection to packet\n",
});
