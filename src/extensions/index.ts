/**
 * Every match and target the twin knows, by module.
 */
import type { AnyMatch, AnyTarget } from "./api.js";
import { commentMatch } from "./comment.js";
import { ExtensionRegistry } from "./registry.js";
import { standardTarget } from "./standard.js";
import { tcpMatch } from "./tcp.js";

export const ALL_MATCHES: readonly AnyMatch[] = [tcpMatch, commentMatch];
export const ALL_TARGETS: readonly AnyTarget[] = [standardTarget];

export function defaultRegistry(): ExtensionRegistry {
  return new ExtensionRegistry(ALL_MATCHES, ALL_TARGETS);
}
