/**
 * `iptwin wrap -- COMMAND…`: runs a program with the shims (./shims.ts) in
 * front of the real tools. PATH always; as root also in a private mount
 * namespace where the shims cover the system directories, because real tools
 * call /usr/sbin/iptables by its full path (ufw does, and ufw-init resets
 * PATH). There an overlay (shims over the directory) hides the real
 * iptables*, ip6tables* and sysctl; where overlayfs is refused, the shim is
 * bind-mounted over each binary the names resolve to.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdtempSync, realpathSync, rmSync, statSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { SHIM_NAMES, shQuote, writeShims } from "./shims.js";

/** Where programs look for the tools (absolute paths or PATH entries). */
const SYSTEM_DIRS = ["/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/local/bin"];

/** Exit status of wrap's own failures (as env(1) and timeout(1) use 125). */
export const WRAP_FAILED = 125;

export const WRAP_USAGE = `Usage: iptwin wrap [--state DIR] [--path-only] [--bind SRC:DST]... [--] COMMAND [ARGS...]

Runs COMMAND with iptwin's shims (see \`iptwin shims\`) first in PATH, so its
iptables, iptables-save, iptables-restore and sysctl act on the twin in DIR
(--state before or after \`wrap\`, else $IPTWIN_STATE, else ./.iptwin).
As root, COMMAND also runs in a private mount namespace where the shims cover
${SYSTEM_DIRS.join(", ")}: programs that call /usr/sbin/iptables by its
full path reach the twin too, and nothing reaches the kernel's rule set.
  --path-only      no mount namespace: PATH only
  --bind SRC:DST   also bind-mount SRC over DST inside the namespace (root), e.g. a
                   copy of /etc/ufw, so the program's own files stay untouched
The shims live in a temporary directory removed when COMMAND exits: a daemon it
starts (fail2ban-server) must be stopped within COMMAND, or use \`iptwin shims\`.
Exit status: COMMAND's; ${WRAP_FAILED} when wrap itself could not set up.
`;

interface WrapOptions {
  state: string;
  pathOnly: boolean;
  binds: Array<[string, string]>;
  command: string[];
}

type Outcome = { stdout: string; stderr: string; status: number };

function parse(args: readonly string[], defaultState: string): WrapOptions | Outcome {
  const o: WrapOptions = { state: defaultState, pathOnly: false, binds: [], command: [] };
  const usage = (msg: string): Outcome => ({ stdout: "", stderr: `iptwin wrap: ${msg}\n${WRAP_USAGE}`, status: 2 });
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (a === "--help" || a === "-h") return { stdout: WRAP_USAGE, stderr: "", status: 0 };
    if (a === "--state" || a.startsWith("--state=")) {
      const v = a === "--state" ? args[++i] : a.slice(8);
      if (!v) return usage("--state needs a directory");
      o.state = v;
    } else if (a === "--path-only") o.pathOnly = true;
    else if (a === "--bind" || a.startsWith("--bind=")) {
      const v = a === "--bind" ? args[++i] : a.slice(7);
      const m = v === undefined ? null : /^([^:]+):([^:]+)$/.exec(v);
      if (!m) return usage("--bind needs SRC:DST");
      o.binds.push([resolve(m[1]!), resolve(m[2]!)]);
    } else if (a.startsWith("-")) return usage(`unknown option '${a}'`);
    else break;
  }
  o.command = args.slice(i);
  if (o.command.length === 0) return usage("which command?");
  return o;
}

/** The real directories (symlinks such as /sbin -> usr/sbin followed, once each) that hold a shimmed name. */
export function dirsToCover(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const d of SYSTEM_DIRS) {
    let real: string;
    try {
      real = realpathSync(d);
      if (!statSync(real).isDirectory()) continue;
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    if (SHIM_NAMES.some((n) => exists(join(real, n)))) out.push(real);
  }
  return out;
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Fallback without overlayfs: the files the shimmed names finally resolve to (xtables-nft-multi, sysctl…). */
function filesToCover(dirs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const d of dirs) {
    for (const n of SHIM_NAMES) {
      try {
        out.add(realpathSync(join(d, n)));
      } catch {
        /* absent or dangling */
      }
    }
  }
  return [...out];
}

/** The sh script run inside the new mount namespace: mounts, then exec of the command ("$@"). */
export function namespaceScript(
  shimDir: string,
  dirs: readonly string[],
  binds: ReadonlyArray<[string, string]>,
): string {
  const q = shQuote;
  const fail = (what: string) => `{ echo ${q(`iptwin wrap: ${what}; nothing was run`)} >&2; exit ${WRAP_FAILED}; }`;
  const lines = ["set -u"];
  // Overlay: the shim directory as the upper lower layer; the real directory stays visible under it.
  const overlay = dirs.map((d) => `mount -t overlay iptwin-shims -o ${q(`lowerdir=${shimDir}:${d}`)} ${q(d)}`);
  const binders = filesToCover(dirs).map((f) => {
    const name = f.slice(f.lastIndexOf("/") + 1);
    const shim = join(shimDir, SHIM_NAMES.includes(name) ? name : "iptables");
    return `mount --bind ${q(shim)} ${q(f)} || ${fail(`cannot bind-mount the shim over ${f}`)}`;
  });
  if (overlay.length) {
    lines.push("ovl=ok");
    for (const [i, m] of overlay.entries())
      lines.push(`[ "$ovl" = ok ] && { ${m} 2>/dev/null && ovl${i}=1 || ovl=no; }`);
    lines.push('if [ "$ovl" != ok ]; then');
    // Undo the overlays that did mount (only those) before binding file by file.
    for (const [i, d] of dirs.entries()) lines.push(`  [ -n "\${ovl${i}:-}" ] && umount ${q(d)}`);
    for (const b of binders) lines.push(`  ${b}`);
    lines.push("fi");
  }
  for (const [src, dst] of binds)
    lines.push(`mount --bind ${q(src)} ${q(dst)} || ${fail(`cannot bind-mount ${src} over ${dst}`)}`);
  lines.push('exec "$@"');
  return `${lines.join("\n")}\n`;
}

function statusOf(r: ReturnType<typeof spawnSync>): number {
  if (r.status !== null) return r.status;
  const sig = r.signal ? constants.signals[r.signal as keyof typeof constants.signals] : undefined;
  return sig ? 128 + sig : 1;
}

/** `iptwin wrap ARGS…`: runs the command; its output goes straight to ours. */
export function runWrap(args: readonly string[], defaultState: string): Outcome {
  const p = parse(args, defaultState);
  if ("status" in p) return p;
  const state = resolve(p.state);
  const shimDir = mkdtempSync(join(tmpdir(), "iptwin-shims-"));
  chmodSync(shimDir, 0o755); // programs that drop root must still run the shims
  try {
    writeShims(shimDir, state);
    const env = {
      ...process.env,
      PATH: [shimDir, process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin"].join(delimiter),
      IPTWIN_STATE: state,
    };
    const root = process.platform === "linux" && process.getuid?.() === 0;
    if (!root || p.pathOnly) {
      if (p.binds.length)
        return { stdout: "", stderr: "iptwin wrap: --bind needs root and no --path-only\n", status: 2 };
      process.stderr.write(
        `iptwin wrap: ${p.pathOnly ? "--path-only" : "not running as root"}: the shims are first in PATH only;` +
          " a program that runs /usr/sbin/iptables (or sysctl) by its full path reaches the real tool, not the twin.\n",
      );
      const r = spawnSync(p.command[0]!, p.command.slice(1), { stdio: "inherit", env });
      if (r.error)
        return { stdout: "", stderr: `iptwin wrap: cannot run ${p.command[0]}: ${r.error.message}\n`, status: 127 };
      return { stdout: "", stderr: "", status: statusOf(r) };
    }
    for (const [src, dst] of p.binds) {
      if (!existsSync(src) || !existsSync(dst))
        return {
          stdout: "",
          stderr: `iptwin wrap: --bind ${src}:${dst}: ${existsSync(src) ? dst : src} does not exist\n`,
          status: WRAP_FAILED,
        };
    }
    const probe = spawnSync("unshare", ["--mount", "--propagation", "private", "true"], { encoding: "utf8" });
    if (probe.error || probe.status !== 0) {
      const why = probe.error ? probe.error.message : probe.stderr.trim();
      return {
        stdout: "",
        stderr: `iptwin wrap: cannot create a private mount namespace (unshare: ${why}); nothing was run. --path-only runs with the shims in PATH only.\n`,
        status: WRAP_FAILED,
      };
    }
    const script = namespaceScript(shimDir, dirsToCover(), p.binds);
    const r = spawnSync(
      "unshare",
      ["--mount", "--propagation", "private", "/bin/sh", "-c", script, "iptwin-wrap", ...p.command],
      {
        stdio: "inherit",
        env,
      },
    );
    if (r.error) return { stdout: "", stderr: `iptwin wrap: ${r.error.message}\n`, status: WRAP_FAILED };
    return { stdout: "", stderr: "", status: statusOf(r) };
  } finally {
    rmSync(shimDir, { recursive: true, force: true });
  }
}
