/**
 * What the machine running the tests offers, shared by the suites:
 * the ../shared data (conformance files, corpora) and a live iptables
 * (root, the real iptables 1.8.9 nf_tables binary, `ip netns`).
 *
 * A suite whose prerequisites are missing is skipped with a visible
 * notice on a user's machine; with IPTWIN_REQUIRE_ALL=1 (CI) it fails.
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it } from "vitest";

/** The repository root (the directory holding package.json). */
export const REPO_ROOT = resolve(new URL("../..", import.meta.url).pathname);

/** Version banner the twin reproduces; any other binary would make false differences. */
export const REAL_VERSION = "iptables v1.8.9 (nf_tables)";

/** CI sets IPTWIN_REQUIRE_ALL=1: missing prerequisites are failures, not skips. */
export function requireAll(): boolean {
  return process.env.IPTWIN_REQUIRE_ALL === "1";
}

/** ../shared beside the repository, or IPTWIN_SHARED. */
export function sharedDir(): string {
  const env = process.env.IPTWIN_SHARED;
  return env ? resolve(env) : resolve(REPO_ROOT, "..", "shared");
}

export interface Prereq {
  ok: boolean;
  /** Why it is missing (when !ok). */
  reason?: string;
}

/** A directory (or file) under ../shared. */
export function sharedPrereq(sub: string): Prereq {
  const p = resolve(sharedDir(), sub);
  if (existsSync(p)) return { ok: true };
  const hint = process.env.IPTWIN_SHARED ? "IPTWIN_SHARED" : "../shared beside the repository (or set IPTWIN_SHARED)";
  return { ok: false, reason: `${p} not found: needs ${hint}` };
}

/** Path of a file or directory under ../shared. */
export function sharedPath(sub: string): string {
  return resolve(sharedDir(), sub);
}

export function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

let liveCache: Prereq | undefined;

/**
 * Root, the real iptables 1.8.9 (nf_tables) and a usable `ip netns`
 * (a probe namespace is created, used and deleted).
 */
export function livePrereq(): Prereq {
  liveCache ??= probeLive();
  return liveCache;
}

function probeLive(): Prereq {
  if (process.platform !== "linux") return { ok: false, reason: "not Linux" };
  if (process.getuid?.() !== 0) return { ok: false, reason: "not running as root" };
  const v = spawnSync("iptables", ["-V"], {
    encoding: "utf8",
    env: { ...process.env, LC_ALL: "C" },
  });
  if (v.error || v.status !== 0) return { ok: false, reason: "no iptables binary on PATH" };
  if (v.stdout.trim() !== REAL_VERSION)
    return {
      ok: false,
      reason: `iptables is "${v.stdout.trim()}", need "${REAL_VERSION}"`,
    };
  const ns = `iptwin-probe-${process.pid}`;
  const add = spawnSync("ip", ["netns", "add", ns], { encoding: "utf8" });
  if (add.error || add.status !== 0)
    return {
      ok: false,
      reason: `ip netns add failed: ${(add.stderr ?? String(add.error)).trim()}`,
    };
  try {
    const r = spawnSync("ip", ["netns", "exec", ns, "iptables", "-S"], {
      encoding: "utf8",
    });
    if (r.status !== 0)
      return {
        ok: false,
        reason: `iptables in a netns failed: ${r.stderr.trim()}`,
      };
  } finally {
    spawnSync("ip", ["netns", "del", ns]);
  }
  return { ok: true };
}

/**
 * describe() when every prerequisite holds. Otherwise: under
 * IPTWIN_REQUIRE_ALL=1 a suite with one failing test naming what is
 * missing; else a skipped suite and a console.warn notice.
 */
export function describeWith(prereqs: readonly Prereq[], name: string, fn: () => void): void {
  const missing = prereqs.filter((p) => !p.ok).map((p) => p.reason ?? "prerequisite missing");
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  const why = missing.join("; ");
  if (requireAll()) {
    describe(name, () => {
      it("prerequisites (IPTWIN_REQUIRE_ALL=1)", () => {
        throw new Error(`prerequisites missing: ${why}`);
      });
    });
    return;
  }
  console.warn(`[iptwin] skipping "${name}": ${why}`);
  describe.skip(name, () => {
    it(`needs: ${why}`, () => {});
  });
}
