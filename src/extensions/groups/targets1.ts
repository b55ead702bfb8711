/**
 * Extension group "targets1": the modules registered from this file.
 */

import { auditTarget } from "../AUDIT.target.js";
import type { AnyMatch, AnyTarget } from "../api.js";
import { classifyTarget } from "../CLASSIFY.target.js";
import { hmarkTarget } from "../HMARK.target.js";
import { idletimerTarget } from "../IDLETIMER.target.js";
import { ledTarget } from "../LED.target.js";
import { logTarget } from "../LOG.target.js";
import { nflogTarget } from "../NFLOG.target.js";
import { nfqueueTarget } from "../NFQUEUE.target.js";
import { rejectTarget } from "../REJECT.target.js";
import { setTarget } from "../SET.target.js";

export const matches: AnyMatch[] = [];
export const targets: AnyTarget[] = [
  rejectTarget,
  logTarget,
  nflogTarget,
  nfqueueTarget,
  auditTarget,
  classifyTarget,
  setTarget,
  idletimerTarget,
  ledTarget,
  hmarkTarget,
];
