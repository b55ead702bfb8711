/**
 * The standard target: the verdicts ACCEPT, DROP, QUEUE and RETURN (libxt_standard).
 * Jumps to user chains carry no target extension at all.
 */
import { defineTarget } from "./api.js";

export const standardTarget = defineTarget<Record<string, never>>({
  name: "standard",
  revision: 0,
  init: () => ({}),
  help: () => "standard match options:\n(If target is DROP, ACCEPT, RETURN or nothing)\n",
});
