/**
 * Extension group "conntrack": the modules registered from this file.
 */
import type { AnyMatch, AnyTarget } from "../api.js";
import { connmarkTarget } from "../CONNMARK.target.js";
import { connsecmarkTarget } from "../CONNSECMARK.target.js";
import { ctTarget, notrackTarget } from "../CT.target.js";
import { connbytesMatch } from "../connbytes.js";
import { connlabelMatch } from "../connlabel.js";
import { connlimitMatch } from "../connlimit.js";
import { connmarkMatch } from "../connmark.js";
import { conntrackMatch } from "../conntrack.js";
import { helperMatch } from "../helper.js";
import { markTarget } from "../MARK.target.js";
import { markMatch } from "../mark.js";
import { secmarkTarget } from "../SECMARK.target.js";
import { stateMatch } from "../state.js";
import { traceTarget } from "../TRACE.target.js";

export const matches: AnyMatch[] = [
  stateMatch,
  conntrackMatch,
  connmarkMatch,
  connlimitMatch,
  connbytesMatch,
  connlabelMatch,
  helperMatch,
  markMatch,
];
export const targets: AnyTarget[] = [
  markTarget,
  connmarkTarget,
  ctTarget,
  notrackTarget,
  traceTarget,
  connsecmarkTarget,
  secmarkTarget,
];
