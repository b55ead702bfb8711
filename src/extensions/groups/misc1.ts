/**
 * Extension group "misc1": the modules registered from this file.
 */
import type { AnyMatch, AnyTarget } from "../api.js";
import { bpfMatch } from "../bpf.js";
import { cpuMatch } from "../cpu.js";
import { hashlimitMatch } from "../hashlimit.js";
import { limitMatch } from "../limit.js";
import { nfacctMatch } from "../nfacct.js";
import { quotaMatch } from "../quota.js";
import { rateestMatch } from "../rateest.js";
import { recentMatch } from "../recent.js";
import { statisticMatch } from "../statistic.js";
import { stringMatch } from "../string.js";
import { timeMatch } from "../time.js";
import { u32Match } from "../u32.js";

export const matches: AnyMatch[] = [
  statisticMatch,
  limitMatch,
  hashlimitMatch,
  recentMatch,
  quotaMatch,
  timeMatch,
  cpuMatch,
  u32Match,
  stringMatch,
  bpfMatch,
  nfacctMatch,
  rateestMatch,
];
export const targets: AnyTarget[] = [];
