/**
 * connlabel match (libxt_connlabel / xt_connlabel): a conntrack label bit,
 * optionally set. Names come from /etc/xtables/connlabel.conf, which does
 * not exist on the reference machine: every name lookup warns and fails.
 */
import { cStrtoumax } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { connlabelMatch as connlabelFn } from "../engine/ct-extensions.js";
import { defineMatch, type KernelCheckError, XTOPT_INVERT, XTOPT_MAND, XtType } from "./api.js";
import { printWarning } from "./diag.js";

const XT_CONNLABEL_OP_INVERT = 1 << 0;
const XT_CONNLABEL_OP_SET = 1 << 1;
/** NF_CT_LABELS_MAX_SIZE * 8 */
const LABEL_BITS = 128;

const NO_CONF = "Warning: cannot open /etc/xtables/connlabel.conf: No such file or directory\n";

/** struct xt_connlabel_mtinfo */
export interface ConnlabelData {
  bit: number;
  options: number;
}

const O_LABEL = 0;
const O_SET = 1;

/** connlabel_value_parse(): strtoul(…, 0) of the whole string, returned as an int. */
function valueParse(s: string): number {
  const r = cStrtoumax(s, 0, 0);
  if (s.length === 0 || r.end !== s.length) return -1;
  return Number(BigInt.asIntN(32, r.big & 0xffffffffn));
}

export const connlabelMatch = defineMatch<ConnlabelData>({
  name: "connlabel",
  revision: 0,
  options: [
    { name: "label", id: O_LABEL, type: XtType.STRING, min: 1, flags: XTOPT_MAND | XTOPT_INVERT },
    { name: "set", id: O_SET, type: XtType.NONE },
  ],
  init: () => ({ bit: 0, options: 0 }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => connlabelFn(d),
  parse(cb) {
    const d = cb.data;
    if (cb.entry.id === O_SET) {
      d.options |= XT_CONNLABEL_OP_SET;
      return;
    }
    const v = valueParse(cb.arg);
    if (v < 0) {
      // connlabel_open() fails: no label map, so the name cannot resolve
      cb.warn?.(NO_CONF);
      throw paramError(`label '${cb.arg}' not found or invalid value`);
    }
    d.bit = v & 0xffff;
    if (cb.invert) d.options |= XT_CONNLABEL_OP_INVERT;
  },
  print(d) {
    printWarning(NO_CONF);
    const inv = d.options & XT_CONNLABEL_OP_INVERT ? " !" : "";
    return ` connlabel${inv} ${d.bit}${d.options & XT_CONNLABEL_OP_SET ? " set" : ""}`;
  },
  save(d) {
    printWarning(NO_CONF);
    const inv = d.options & XT_CONNLABEL_OP_INVERT ? " !" : "";
    return `${inv} --label "${d.bit}"${d.options & XT_CONNLABEL_OP_SET ? " --set" : ""}`;
  },
  // userspacesize is offsetof(bit) == 0: -D/-C treat every connlabel match as equal
  compareKey: () => "",
  kernelCheck(d): KernelCheckError | undefined {
    if (d.options & ~(XT_CONNLABEL_OP_INVERT | XT_CONNLABEL_OP_SET)) return { errno: "EINVAL" };
    if (d.bit >= LABEL_BITS) return { errno: "ERANGE" };
    return undefined;
  },
  help: () =>
    "connlabel match options:\n" +
    "[!] --label name     Match if label has been set on connection\n" +
    "    --set            Set label on connection\n",
});
