/**
 * state match (libxt_state): in 1.8.9 an alias of conntrack revision 3 that
 * sets only the state mask and the STATE_ALIAS flag, printed by conntrack.
 */
import { paramError } from "../core/errors.js";
import { conntrackMatch } from "../engine/ct-extensions.js";
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XtType } from "./api.js";
import {
  type ConntrackData,
  conntrackDump,
  conntrackInit,
  lookupPrefix,
  STATE_NAMES,
  XT_CONNTRACK_STATE,
  XT_CONNTRACK_STATE_ALIAS,
} from "./conntrack.js";
import { dataKey, parseCommaList } from "./ct-util.js";

/** state_parse_states() */
function parseStates(arg: string): number {
  let mask = 0;
  parseCommaList(
    arg,
    (t) => {
      const b = lookupPrefix(STATE_NAMES, t);
      if (!b) return false;
      mask |= b;
      return true;
    },
    (rest) => paramError(`Bad state "${rest}"`),
    () => paramError('"--state" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED'),
  );
  return mask;
}

export const stateMatch = defineMatch<ConntrackData>({
  name: "state",
  realName: "conntrack",
  revision: 3,
  options: [{ name: "state", id: 0, type: XtType.STRING, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: conntrackInit,
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => conntrackMatch(d),
  parse(cb) {
    const d = cb.data;
    d.matchFlags = XT_CONNTRACK_STATE | XT_CONNTRACK_STATE_ALIAS;
    d.stateMask = parseStates(cb.arg);
    if (cb.invert) d.invertFlags |= XT_CONNTRACK_STATE;
  },
  print: (d, ctx) => conntrackDump(d, "", ctx.numeric, ctx),
  save: (d, ctx) => conntrackDump(d, "--", true, ctx),
  compareKey: (d) => dataKey(d),
  help: () =>
    "state match options:\n" +
    " [!] --state [INVALID|ESTABLISHED|NEW|RELATED|UNTRACKED][,...]\n" +
    "\t\t\t\tState(s) to match\n",
});
