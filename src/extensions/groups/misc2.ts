/**
 * Extension group "misc2": the modules registered from this file.
 */
import type { AnyMatch, AnyTarget } from "../api.js";

export const matches: AnyMatch[] = [];
export const targets: AnyTarget[] = [];
