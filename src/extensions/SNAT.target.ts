/**
 * SNAT target (libxt_NAT / xt_nat revision 0): source NAT with the IPv4
 * compat range, in which a shifted port map loses its base port.
 */

import { snatTarget as snatFn } from "../engine/ct-extensions.js";
import { defineTarget, HOOK_IN, HOOK_POST, XTOPT_MAND, XtType } from "./api.js";
import {
  emptyRange,
  type NatRange,
  natParseCompat,
  natPrint,
  O_PERSISTENT,
  O_RANDOM,
  O_RANDOM_FULLY,
  O_TO_SRC,
} from "./nat-common.js";

export const snatTarget = defineTarget<NatRange>({
  name: "SNAT",
  revision: 0,
  tables: ["nat"],
  hooks: HOOK_POST | HOOK_IN,
  options: [
    { name: "to-source", id: O_TO_SRC, type: XtType.STRING, flags: XTOPT_MAND },
    { name: "random", id: O_RANDOM, type: XtType.NONE },
    { name: "random-fully", id: O_RANDOM_FULLY, type: XtType.NONE },
    { name: "persistent", id: O_PERSISTENT, type: XtType.NONE },
  ],
  init: () => emptyRange(),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => snatFn(d),
  parse(cb) {
    natParseCompat(cb.entry.id, cb.arg, cb.ip.proto, cb.data);
  },
  print: (d) => natPrint(d, "to:", "", false),
  save: (d) => natPrint(d, "--to-source ", "--", false),
  help: () =>
    "SNAT target options:\n" +
    " --to-source [<ipaddr>[-<ipaddr>]][:port[-port]]\n" +
    "\t\t\t\tAddress to map source to.\n" +
    "[--random] [--random-fully] [--persistent]\n",
});
