/**
 * DNAT target (libxt_NAT / xt_nat): destination NAT. iptables-nft picks
 * revision 2 (struct nf_nat_range2), which keeps a shifted port map
 * (`:port-port/base`) and has no final check.
 */

import { dnatTarget as dnatFn } from "../engine/ct-extensions.js";
import { defineTarget, HOOK_OUT, HOOK_PRE, XTOPT_MAND, XtType } from "./api.js";
import {
  emptyRange,
  type NatRange,
  NF_NAT_RANGE_PERSISTENT,
  NF_NAT_RANGE_PROTO_RANDOM,
  natPortOk,
  natPrint,
  O_PERSISTENT,
  O_RANDOM,
  O_TO_DEST,
  parseTo,
} from "./nat-common.js";

export const dnatTarget = defineTarget<NatRange>({
  name: "DNAT",
  revision: 2,
  tables: ["nat"],
  hooks: HOOK_PRE | HOOK_OUT,
  options: [
    { name: "to-destination", id: O_TO_DEST, type: XtType.STRING, flags: XTOPT_MAND },
    { name: "random", id: O_RANDOM, type: XtType.NONE },
    { name: "persistent", id: O_PERSISTENT, type: XtType.NONE },
  ],
  init: () => emptyRange(),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => dnatFn(d),
  parse(cb) {
    // DNAT_parse_v2(): straight into the rule's range
    switch (cb.entry.id) {
      case O_TO_DEST:
        parseTo(cb.arg, natPortOk(cb.ip.proto), cb.data);
        break;
      case O_PERSISTENT:
        cb.data.flags |= NF_NAT_RANGE_PERSISTENT;
        break;
      case O_RANDOM:
        cb.data.flags |= NF_NAT_RANGE_PROTO_RANDOM;
        break;
    }
  },
  print: (d) => natPrint(d, "to:", "", false),
  save: (d) => natPrint(d, "--to-destination ", "--", false),
  help: () =>
    "DNAT target options:\n" +
    " --to-destination [<ipaddr>[-<ipaddr>]][:port[-port[/port]]]\n" +
    "\t\t\t\tAddress to map destination to.\n" +
    "[--random] [--persistent]\n",
});
