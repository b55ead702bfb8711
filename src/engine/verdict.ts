/**
 * Verdicts of netfilter hooks and xtables targets, with the kernel's values.
 */
export const NF_DROP = 0;
export const NF_ACCEPT = 1;
export const NF_STOLEN = 2;
export const NF_QUEUE = 3;
export const NF_REPEAT = 4;
/** XT_CONTINUE: go on with the next rule. */
export const XT_CONTINUE = -1;
/** XT_RETURN: back to the calling chain. */
export const XT_RETURN = -5;

export type Verdict = number;

export function verdictName(v: Verdict): string {
  switch (v) {
    case NF_DROP:
      return "DROP";
    case NF_ACCEPT:
      return "ACCEPT";
    case NF_STOLEN:
      return "STOLEN";
    case NF_QUEUE:
      return "QUEUE";
    case NF_REPEAT:
      return "REPEAT";
    case XT_CONTINUE:
      return "CONTINUE";
    case XT_RETURN:
      return "RETURN";
    default:
      return String(v);
  }
}
