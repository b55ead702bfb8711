/**
 * REDIRECT target (libxt_NAT / xt_REDIRECT): DNAT to the local machine,
 * optionally to a port range (compat range layout, no shifted port maps).
 */
import { paramError } from "../core/errors.js";
import { redirectTarget as redirectFn } from "../engine/ct-extensions.js";
import { defineTarget, HOOK_OUT, HOOK_PRE, XtType } from "./api.js";
import {
  emptyRange,
  type NatRange,
  NF_NAT_RANGE_PROTO_OFFSET,
  natParseCompat,
  natPrint,
  O_RANDOM,
  O_TO_PORTS,
} from "./nat-common.js";

export const redirectTarget = defineTarget<NatRange>({
  name: "REDIRECT",
  revision: 0,
  tables: ["nat"],
  hooks: HOOK_PRE | HOOK_OUT,
  options: [
    { name: "to-ports", id: O_TO_PORTS, type: XtType.STRING },
    { name: "random", id: O_RANDOM, type: XtType.NONE },
  ],
  init: () => emptyRange(),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => redirectFn(d),
  parse(cb) {
    natParseCompat(cb.entry.id, cb.arg, cb.ip.proto, cb.data);
  },
  finalCheck(cb) {
    // DNAT_fcheck()
    if (cb.data.flags & NF_NAT_RANGE_PROTO_OFFSET)
      throw paramError("Shifted portmap ranges not supported with this kernel");
  },
  print: (d) => natPrint(d, "redir ports ", "", true),
  save: (d) => natPrint(d, "--to-ports ", "--", true),
  help: () =>
    "REDIRECT target options:\n" +
    " --to-ports <port>[-<port>]\n" +
    "\t\t\t\tPort (range) to map to.\n" +
    " [--random]\n",
});
