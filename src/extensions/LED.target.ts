/**
 * LED target (libxt_LED / xt_LED): blink a "netfilter-ID" LED trigger.
 * The recorded kernel has no xt_LED: loading the target warns, and the
 * kernel refuses every rule with ENOENT.
 */
import { xtStrtouiWhole } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { defineTarget, XTOPT_MAND, XtType } from "./api.js";

export interface LedData {
  /** The trigger id without its "netfilter-" prefix. */
  id: string;
  /** u32 milliseconds; 0xffffffff is "inf". */
  delay: number;
  alwaysBlink: number;
}

const O_LED_TRIGGER_ID = 0;
const O_LED_DELAY = 1;
const O_LED_ALWAYS_BLINK = 2;

const LED_INF = 0xffffffff;
/** sizeof(xt_led_info.id) - sizeof("netfilter-") */
const LED_ID_MAX = 27 - 11;

/** Escapes double quotes and backslashes as LED_print/LED_save do. */
function quoteId(id: string): string {
  return `"${id.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** printf("%d") of the u32 delay. */
function signed(delay: number): number {
  return delay | 0;
}

export const ledTarget = defineTarget<LedData>({
  name: "LED",
  revision: 0,
  loadWarning: "Warning: Extension LED revision 0 not supported, missing kernel module?\n",
  options: [
    { name: "led-trigger-id", id: O_LED_TRIGGER_ID, type: XtType.STRING, flags: XTOPT_MAND, min: 0, max: LED_ID_MAX },
    { name: "led-delay", id: O_LED_DELAY, type: XtType.STRING },
    { name: "led-always-blink", id: O_LED_ALWAYS_BLINK, type: XtType.NONE },
  ],
  init: () => ({ id: "", delay: 0, alwaysBlink: 0 }),
  parse(cb) {
    switch (cb.entry.id) {
      case O_LED_TRIGGER_ID:
        cb.data.id = cb.arg;
        break;
      case O_LED_DELAY: {
        if (cb.arg.slice(0, 3).toLowerCase() === "inf") {
          cb.data.delay = LED_INF;
          break;
        }
        const v = xtStrtouiWhole(cb.arg, 0, 0xffffffff);
        if (v === undefined) throw paramError("Delay value must be within range 0..4294967295");
        cb.data.delay = v;
        break;
      }
      case O_LED_ALWAYS_BLINK:
        cb.data.alwaysBlink = 1;
        break;
    }
  },
  print(d) {
    let out = ` led-trigger-id:${quoteId(d.id)}`;
    out += d.delay === LED_INF ? " led-delay:inf" : ` led-delay:${signed(d.delay)}ms`;
    if (d.alwaysBlink) out += " led-always-blink";
    return out;
  },
  save(d) {
    let out = ` --led-trigger-id ${quoteId(d.id)}`;
    // delay is a u32: "> 0" catches inf too, which then prints as %d, i.e. -1.
    if (d.delay > 0) out += ` --led-delay ${signed(d.delay)}`;
    if (d.alwaysBlink) out += " --led-always-blink";
    return out;
  },
  // No xt_LED in the kernel: nft_compat cannot find the target.
  kernelCheck: () => ({ errno: "ENOENT" }),
  help: () =>
    "LED target options:\n" +
    "--led-trigger-id name           suffix for led trigger name\n" +
    "--led-delay ms                  leave the LED on for this number of\n" +
    "                                milliseconds after triggering.\n" +
    "--led-always-blink              blink on arriving packets, even if\n" +
    "                                the LED is already on.\n",
});
