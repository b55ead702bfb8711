/**
 * nfacct match, revision 1 (libxt_nfacct / xt_nfacct): counts into a named
 * nfnetlink_acct object. The kernel refuses the rule (ENOENT) unless that
 * object exists, and nothing in the twin creates one.
 */
import { paramError } from "../core/errors.js";
import { defineMatch, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { saveString } from "./common.js";

/** NFACCT_NAME_MAX */
const NAME_MAX = 32;

export interface NfacctData {
  name: string;
}

export const nfacctMatch = defineMatch<NfacctData>({
  name: "nfacct",
  revision: 1,
  options: [
    {
      name: "nfacct-name",
      id: 0,
      type: XtType.STRING,
      min: 1,
      flags: XTOPT_MAND | XTOPT_PUT,
      put: "name",
      size: NAME_MAX,
    },
  ],
  init: () => ({ name: "" }),
  parse(cb) {
    if (cb.arg.includes("\n")) throw paramError("Newlines not allowed in --nfacct-name");
  },
  // nfacct_mt(): an accounting object without a quota (NFACCT_NO_QUOTA) always matches; the
  // kernel refuses the rule anyway, as no object exists
  compile: () => () => true,
  // " nfacct-name " followed by xtables_save_string()'s own leading space
  print: (d) => ` nfacct-name ${saveString(d.name)}`,
  save: (d) => ` --nfacct-name ${saveString(d.name)}`,
  // nfnl_acct_find_get() finds no accounting object of that name
  kernelCheck: (_d, ctx) => (ctx.checkentry ? { errno: "ENOENT" } : undefined),
  help: () => "nfacct match options:\n --nfacct-name STRING\t\tName of accouting area\n",
});
