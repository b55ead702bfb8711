/**
 * SECMARK target (libxt_SECMARK revision 1 / xt_SECMARK): set the packet's
 * security mark from an SELinux context. The reference kernel has no LSM
 * that maps contexts, so the kernel refuses every such rule with ENOENT
 * (after the mangle/security table check).
 */
import { otherError } from "../core/errors.js";
import { defineTarget, type KernelCheckError, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";

const SECMARK_MODE_SEL = 0x01;

/** struct xt_secmark_target_info_v1: secctx is char[256]. */
export interface SecmarkData {
  mode: number;
  secctx: string;
}

function secmarkText(d: SecmarkData): string {
  if (d.mode !== SECMARK_MODE_SEL) throw otherError(`SECMARK target: invalid mode ${d.mode}`);
  return `selctx ${d.secctx}`;
}

export const secmarkTarget = defineTarget<SecmarkData>({
  name: "SECMARK",
  revision: 1,
  tables: ["mangle", "security"],
  options: [{ name: "selctx", id: 0, type: XtType.STRING, flags: XTOPT_MAND | XTOPT_PUT, size: 256, put: "secctx" }],
  init: () => ({ mode: 0, secctx: "" }),
  parse(cb) {
    cb.data.mode = SECMARK_MODE_SEL;
  },
  print: (d) => ` SECMARK ${secmarkText(d)}`,
  save: (d) => ` --${secmarkText(d)}`,
  kernelCheck(): KernelCheckError | undefined {
    // security_secctx_to_secid() yields secid 0 without an LSM: "unable to map security context"
    return { errno: "ENOENT" };
  },
  help: () => "SECMARK target options:\n  --selctx value                     Set the SELinux security context\n",
});
