/**
 * AUDIT target (libxt_AUDIT / xt_AUDIT): record an audit event of a type.
 */
import { paramError } from "../core/errors.js";
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, XTOPT_MAND, XtType } from "./api.js";

export interface AuditData {
  /** XT_AUDIT_TYPE_ACCEPT/DROP/REJECT */
  type: number;
}

const AUDIT_TYPES = ["accept", "drop", "reject"] as const;
const XT_AUDIT_TYPE_MAX = 2;

export const auditTarget = defineTarget<AuditData>({
  name: "AUDIT",
  revision: 0,
  options: [{ name: "type", id: 0, type: XtType.STRING, flags: XTOPT_MAND }],
  init: () => ({ type: 0 }),
  parse(cb) {
    const i = (AUDIT_TYPES as readonly string[]).indexOf(cb.arg.toLowerCase());
    if (i < 0) throw paramError(`Bad action type value "${cb.arg}"`);
    cb.data.type = i;
  },
  print: (d) => ` AUDIT ${AUDIT_TYPES[d.type] ?? ""}`,
  save: (d) => (d.type <= XT_AUDIT_TYPE_MAX ? ` --type ${AUDIT_TYPES[d.type]}` : ""),
  // audit_tg(): nothing is recorded while audit is off (audit_enabled=0: the reference kernel and
  // Debian without auditd); the rule never decides the packet's fate.
  compile: () => () => XT_CONTINUE,
  kernelCheck: (d) => (d.type > XT_AUDIT_TYPE_MAX ? { errno: "ERANGE" } : undefined),
  help: () => "AUDIT target options\n  --type TYPE\t\tAction type to be recorded.\n",
});
