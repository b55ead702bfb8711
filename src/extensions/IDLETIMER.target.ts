/**
 * IDLETIMER target, revision 1 (libxt_IDLETIMER / xt_IDLETIMER): a timer per
 * label, re-armed by each packet. Timers are kernel-wide objects: a label
 * already in use must keep its timer type (alarm or not).
 */
import { XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, type KernelCheckError, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { namedObject } from "./stateful-util.js";

export interface IdletimerData {
  timeout: number;
  label: string;
  /** XT_IDLETIMER_ALARM (1) or 0 */
  timerType: number;
}

const O_TIMEOUT = 0;
const O_LABEL = 1;
const O_ALARM = 2;

const XT_IDLETIMER_ALARM = 0x01;
const MAX_IDLETIMER_LABEL_SIZE = 28;
const INT_MAX = 0x7fffffff;

/** idletimer_check_sysfs_name() with xt_check_proc_name(). */
function badLabel(label: string): boolean {
  if (label === "." || label === ".." || label.includes("/")) return true;
  return label === "power" || label === "subsystem" || label === "uevent";
}

type Peer = { ext: { name: string }; data: unknown };

/** An idle timer (/sys/class/xt_idletimer/timers/LABEL): when it fires, in virtual ns. */
export interface IdleTimer {
  label: string;
  alarm: boolean;
  /** Virtual time (ns since boot) at which the timer expires. */
  expiresNs: number;
}

/** The idle timer of that label, if a rule created it. */
export function idleTimer(shared: Map<string, unknown>, label: string): IdleTimer | undefined {
  return (shared.get("xt:idletimer") as Map<string, IdleTimer> | undefined)?.get(label);
}

function checkEntry(d: IdletimerData, peers: Peer[]): KernelCheckError | undefined {
  if (d.timeout === 0) return { errno: "EINVAL", log: "timeout value is zero" };
  if (d.timeout >= Math.floor(INT_MAX / 1000)) return { errno: "EINVAL", log: "timeout value is too big" };
  if (d.label === "" || d.label.length >= MAX_IDLETIMER_LABEL_SIZE) return { errno: "EINVAL" };
  if (d.timerType > XT_IDLETIMER_ALARM) return { errno: "EINVAL" };
  const existing = peers.find((p) => p.ext.name === "IDLETIMER" && (p.data as IdletimerData).label === d.label);
  if (existing) {
    if ((existing.data as IdletimerData).timerType !== d.timerType)
      return { errno: "EINVAL", log: "Adding/Replacing rule with same label and different timer type is not allowed" };
    return undefined;
  }
  // A new timer gets a sysfs file named after the label.
  if (badLabel(d.label)) return { errno: "EINVAL" };
  return undefined;
}

export const idletimerTarget = defineTarget<IdletimerData>({
  name: "IDLETIMER",
  revision: 1,
  options: [
    { name: "timeout", id: O_TIMEOUT, type: XtType.UINT32, flags: XTOPT_MAND | XTOPT_PUT, put: "timeout" },
    {
      name: "label",
      id: O_LABEL,
      type: XtType.STRING,
      flags: XTOPT_MAND | XTOPT_PUT,
      put: "label",
      size: MAX_IDLETIMER_LABEL_SIZE,
    },
    { name: "alarm", id: O_ALARM, type: XtType.NONE },
  ],
  init: () => ({ timeout: 0, label: "", timerType: 0 }),
  parse(cb) {
    if (cb.entry.id === O_ALARM) cb.data.timerType = XT_IDLETIMER_ALARM;
  },
  compile(d) {
    // idletimer_tg() / idletimer_tg_alarm(): each packet re-arms the label's timer for `timeout` s
    const timeoutNs = (d.timeout >>> 0) * 1e9;
    return (_p, ctx) => {
      const t = namedObject<IdleTimer>(ctx, "idletimer", d.label, () => ({
        label: d.label,
        alarm: d.timerType === XT_IDLETIMER_ALARM,
        expiresNs: 0,
      }));
      t.expiresNs = ctx.nowNs + timeoutNs;
      return XT_CONTINUE;
    };
  },
  print: (d) => ` timeout:${d.timeout} label:${d.label}${d.timerType === XT_IDLETIMER_ALARM ? " alarm" : ""}`,
  save: (d) => ` --timeout ${d.timeout} --label ${d.label}${d.timerType === XT_IDLETIMER_ALARM ? " --alarm" : ""}`,
  kernelCheck: (d, ctx) => checkEntry(d, ctx.peers?.() ?? []),
  help: () =>
    "IDLETIMER target options:\n" +
    " --timeout time\tTimeout until the notification is sent (in seconds)\n" +
    " --label string\tUnique rule identifier\n" +
    " --alarm\tUse alarm instead of default timer\n" +
    "\n",
});
