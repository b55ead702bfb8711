/**
 * Extension group "targets1": the modules registered from this file.
 */
import type { AnyMatch, AnyTarget } from "../api.js";
import { rejectTarget } from "../REJECT.target.js";

export const matches: AnyMatch[] = [];
export const targets: AnyTarget[] = [rejectTarget];
