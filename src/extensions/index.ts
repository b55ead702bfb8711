/**
 * Every match and target the twin knows. Modules live one per file; each
 * group file lists the modules it registers.
 */
import type { AnyMatch, AnyTarget } from "./api.js";
import { commentMatch } from "./comment.js";
import * as conntrack from "./groups/conntrack.js";
import * as l4 from "./groups/l4.js";
import * as misc1 from "./groups/misc1.js";
import * as misc2 from "./groups/misc2.js";
import * as targets1 from "./groups/targets1.js";
import * as targets2 from "./groups/targets2.js";
import { ExtensionRegistry } from "./registry.js";
import { standardTarget } from "./standard.js";
import { tcpMatch } from "./tcp.js";

const groups = [l4, conntrack, misc1, misc2, targets1, targets2];

export const ALL_MATCHES: readonly AnyMatch[] = [tcpMatch, commentMatch, ...groups.flatMap((g) => g.matches)];
export const ALL_TARGETS: readonly AnyTarget[] = [standardTarget, ...groups.flatMap((g) => g.targets)];

export function defaultRegistry(): ExtensionRegistry {
  return new ExtensionRegistry(ALL_MATCHES, ALL_TARGETS);
}
