/**
 * Lookup of match and target modules by the names `-m`/`-j` accept.
 */
import type { AnyMatch, AnyTarget } from "./api.js";

export class ExtensionRegistry {
  private readonly matches = new Map<string, AnyMatch>();
  private readonly targets = new Map<string, AnyTarget>();

  constructor(matches: readonly AnyMatch[], targets: readonly AnyTarget[]) {
    for (const m of matches) {
      this.matches.set(m.name, m);
      for (const a of m.aliases ?? []) this.matches.set(a, m);
    }
    for (const t of targets) {
      this.targets.set(t.name, t);
      for (const a of t.aliases ?? []) this.targets.set(a, t);
    }
  }

  findMatch(name: string): AnyMatch | undefined {
    return this.matches.get(name);
  }

  findTarget(name: string): AnyTarget | undefined {
    return this.targets.get(name);
  }

  allMatches(): AnyMatch[] {
    return [...new Set(this.matches.values())];
  }

  allTargets(): AnyTarget[] {
    return [...new Set(this.targets.values())];
  }
}
