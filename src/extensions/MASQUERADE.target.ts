/**
 * MASQUERADE target (libxt_NAT / xt_MASQUERADE): SNAT to the outgoing
 * interface's address, optionally to a port range (compat range layout).
 */

import { masqueradeTarget as masqueradeFn } from "../engine/ct-extensions.js";
import { defineTarget, HOOK_POST, XtType } from "./api.js";
import {
  emptyRange,
  type NatRange,
  natParseCompat,
  natPrint,
  O_RANDOM,
  O_RANDOM_FULLY,
  O_TO_PORTS,
} from "./nat-common.js";

export const masqueradeTarget = defineTarget<NatRange>({
  name: "MASQUERADE",
  revision: 0,
  tables: ["nat"],
  hooks: HOOK_POST,
  options: [
    { name: "to-ports", id: O_TO_PORTS, type: XtType.STRING },
    { name: "random", id: O_RANDOM, type: XtType.NONE },
    { name: "random-fully", id: O_RANDOM_FULLY, type: XtType.NONE },
  ],
  init: () => emptyRange(),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => masqueradeFn(d),
  parse(cb) {
    natParseCompat(cb.entry.id, cb.arg, cb.ip.proto, cb.data);
  },
  print: (d) => natPrint(d, "masq ports: ", "", true),
  save: (d) => natPrint(d, "--to-ports ", "--", true),
  help: () =>
    "MASQUERADE target options:\n" +
    " --to-ports <port>[-<port>]\n" +
    "\t\t\t\tPort (range) to map to.\n" +
    " --random\n" +
    "\t\t\t\tRandomize source port.\n" +
    " --random-fully\n" +
    "\t\t\t\tFully randomize source port.\n",
});
