/**
 * helper match (libxt_helper / xt_helper): the name of the connection's helper.
 */

import { helperMatch as helperFn } from "../engine/ct-extensions.js";
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { saveString } from "./common.js";

/** struct xt_helper_info: name is char[30]. */
export interface HelperData {
  invert: boolean;
  name: string;
}

export const helperMatch = defineMatch<HelperData>({
  name: "helper",
  revision: 0,
  options: [
    { name: "helper", id: 0, type: XtType.STRING, flags: XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT, size: 30, put: "name" },
  ],
  init: () => ({ invert: false, name: "" }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => helperFn(d),
  parse(cb) {
    if (cb.invert) cb.data.invert = true;
  },
  print: (d) => ` helper match ${d.invert ? "! " : ""}"${d.name}"`,
  save: (d) => `${d.invert ? " !" : ""} --helper${saveString(d.name)}`,
  help: () => "helper match options:\n[!] --helper string        Match helper identified by string\n",
});
