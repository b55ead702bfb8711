/**
 * CLASSIFY target (libxt_CLASSIFY / xt_CLASSIFY): set skb->priority to a tc
 * class MAJOR:MINOR (hexadecimal, read with sscanf("%x:%x")). The kernel
 * allows it from FORWARD, OUTPUT and POSTROUTING only.
 */
import { paramError } from "../core/errors.js";
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, HOOK_FWD, HOOK_OUT, HOOK_POST, XTOPT_MAND, XtType } from "./api.js";

export interface ClassifyData {
  priority: number;
}

const U64 = 0xffffffffffffffffn;

function isCSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
}

/** glibc's %x conversion into an unsigned int: value and end index, or undefined. */
function scanHex(s: string, start: number): { value: number; end: number } | undefined {
  let i = start;
  while (isCSpace(s[i])) i++;
  let neg = false;
  if (s[i] === "+" || s[i] === "-") {
    neg = s[i] === "-";
    i++;
  }
  let any = false;
  // glibc consumes a "0x" prefix even when no hex digit follows it.
  if (s[i] === "0" && (s[i + 1] === "x" || s[i + 1] === "X")) {
    i += 2;
    any = true;
  }
  let v = 0n;
  let overflow = false;
  while (i < s.length && /[0-9a-fA-F]/.test(s.charAt(i))) {
    v = v * 16n + BigInt(Number.parseInt(s.charAt(i), 16));
    if (v > U64) overflow = true;
    i++;
    any = true;
  }
  if (!any) return undefined;
  const r = overflow ? U64 : neg ? (U64 + 1n - v) & U64 : v;
  return { value: Number(r & 0xffffffffn), end: i };
}

/** CLASSIFY_string_to_priority(): TC_H_MAKE(major << 16, minor). */
function parseClass(arg: string): number | undefined {
  const maj = scanHex(arg, 0);
  if (!maj || arg[maj.end] !== ":") return undefined;
  const min = scanHex(arg, maj.end + 1);
  if (!min) return undefined;
  return (((maj.value & 0xffff) << 16) | (min.value & 0xffff)) >>> 0;
}

const hex = (n: number): string => n.toString(16);

export const classifyTarget = defineTarget<ClassifyData>({
  name: "CLASSIFY",
  revision: 0,
  hooks: HOOK_FWD | HOOK_OUT | HOOK_POST,
  options: [{ name: "set-class", id: 0, type: XtType.STRING, flags: XTOPT_MAND }],
  init: () => ({ priority: 0 }),
  parse(cb) {
    const p = parseClass(cb.arg);
    if (p === undefined) throw paramError(`Bad class value "${cb.arg}"`);
    cb.data.priority = p;
  },
  // classify_tg(): skb->priority
  compile(d) {
    const prio = d.priority >>> 0;
    return (p) => {
      p.priority = prio;
      return XT_CONTINUE;
    };
  },
  print: (d) => ` CLASSIFY set ${hex(d.priority >>> 16)}:${hex(d.priority & 0xffff)}`,
  save: (d) => ` --set-class ${hex(d.priority >>> 16).padStart(4, "0")}:${hex(d.priority & 0xffff).padStart(4, "0")}`,
  help: () => "CLASSIFY target options:\n--set-class MAJOR:MINOR    Set skb->priority value (always hexadecimal!)\n",
});
