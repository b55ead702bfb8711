/**
 * `iptwin shims DIR`: executables named like the real tools (iptables,
 * iptables-save, iptables-restore and their -nft/-legacy forms, sysctl) that
 * run the iptwin CLI against one fixed state directory. With DIR first in
 * PATH, scripts and programs drive the twin instead of the kernel.
 *
 * One shell script, written under every name, dispatches on the name it was
 * called by ($0), as xtables-nft-multi does on argv[0]; called as
 * xtables-*-multi it takes the tool name from its first argument. The ip6tables
 * names refuse: the twin has no IPv6.
 */

import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { IP6_STATUS_LEGACY, IP6_STATUS_NFT, IPV6_NOT_MODELLED } from "../compat/ip6tables.js";
import { CliError } from "./state-dir.js";

/** The IPv4 tools the twin runs (the names the CLI dispatches on). */
export const IPTABLES_NAMES = [
  "iptables",
  "iptables-save",
  "iptables-restore",
  "iptables-nft",
  "iptables-nft-save",
  "iptables-nft-restore",
  "iptables-legacy",
  "iptables-legacy-save",
  "iptables-legacy-restore",
] as const;

/** ip6tables names: refused, the twin models IPv4 only. */
export const IP6TABLES_NAMES = IPTABLES_NAMES.map((n) => n.replace(/^iptables/, "ip6tables"));

/** The multi-call binaries the Debian names are symlinks to (they matter when bind-mounted over). */
export const MULTI_NAMES = ["xtables-nft-multi", "xtables-legacy-multi"] as const;

/** Every name a shim directory holds. */
export const SHIM_NAMES: readonly string[] = [...IPTABLES_NAMES, ...IP6TABLES_NAMES, "sysctl", ...MULTI_NAMES];

/** The line that marks a file as written by iptwin (others are never overwritten without --force). */
const MARKER = "# iptwin shim:";

/** POSIX shell single quoting. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** bin/iptwin.js of this installation, absolute. */
export function cliScript(): string {
  // dist/cli/shims.js, or dist/iptwin-cli.mjs when bundled.
  const candidates = [
    fileURLToPath(new URL("../../bin/iptwin.js", import.meta.url)),
    fileURLToPath(new URL("../bin/iptwin.js", import.meta.url)),
  ];
  if (process.argv[1]) candidates.push(process.argv[1]);
  for (const c of candidates) {
    try {
      if (existsSync(c)) return realpathSync(c);
    } catch {
      /* next */
    }
  }
  throw new CliError("iptwin: cannot find bin/iptwin.js of this installation\n", 1);
}

/** The text of the shim script for a state directory (absolute paths). */
export function shimScript(stateDir: string, node = process.execPath, cli = cliScript()): string {
  const ipt = IPTABLES_NAMES.join("|");
  return `#!/bin/sh
${MARKER} runs the iptwin twin instead of the kernel's tools (written by \`iptwin shims\`).
# State directory: ${stateDir}
node=${shQuote(node)}
cli=${shQuote(cli)}
state=${shQuote(stateDir)}
name=\${0##*/}
case $name in
  xtables-nft-multi|xtables-legacy-multi|xtables-multi)
    if [ $# -eq 0 ]; then
      echo "$name: no tool name given (iptwin shim)" >&2
      exit 1
    fi
    name=\${1##*/}
    shift ;;
esac
case $name in
  ${ipt}|sysctl)
    exec "$node" "$cli" --state "$state" "$name" "$@" ;;
  ip6tables-legacy*)
    echo "$name: ${IPV6_NOT_MODELLED}" >&2
    exit ${IP6_STATUS_LEGACY} ;;
  ip6tables*)
    echo "$name: ${IPV6_NOT_MODELLED}" >&2
    exit ${IP6_STATUS_NFT} ;;
  *)
    echo "$name: not modelled by iptwin (iptwin shim for $state); nothing was done." >&2
    exit 1 ;;
esac
`;
}

function isShim(path: string): boolean {
  try {
    return readFileSync(path, "utf8")
      .split("\n", 3)
      .some((l) => l.startsWith(MARKER));
  } catch {
    return false;
  }
}

/**
 * Writes the shims into `dir` (created if missing). A file there that iptwin
 * did not write is left alone (CliError) unless `force`.
 */
export function writeShims(dir: string, stateDir: string, force = false): string[] {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  const text = shimScript(resolve(stateDir));
  const foreign = SHIM_NAMES.map((n) => join(abs, n)).filter((p) => {
    try {
      lstatSync(p);
    } catch {
      return false;
    }
    return !isShim(p);
  });
  if (foreign.length && !force) {
    throw new CliError(
      `iptwin shims: ${foreign.join(", ")} ${foreign.length > 1 ? "exist" : "exists"} and ${foreign.length > 1 ? "were" : "was"} not written by iptwin; nothing was written (--force replaces ${foreign.length > 1 ? "them" : "it"})\n`,
      1,
    );
  }
  const written: string[] = [];
  for (const n of SHIM_NAMES) {
    const p = join(abs, n);
    writeFileSync(p, text, { mode: 0o755 });
    chmodSync(p, 0o755); // an existing file keeps its mode through writeFileSync
    written.push(p);
  }
  return written;
}

export const SHIMS_USAGE = `Usage: iptwin shims DIR [--state STATEDIR] [--force]

Writes executables into DIR that run the twin in STATEDIR (default --state before
\`shims\`, else $IPTWIN_STATE, else ./.iptwin; fixed when written, as an absolute path):
  ${IPTABLES_NAMES.join(", ")}
  sysctl                   the twin's sysctls
  ip6tables*               refuse: IPv6 is not modelled (exit ${IP6_STATUS_NFT}; ${IP6_STATUS_LEGACY} for ip6tables-legacy*)
  ${MULTI_NAMES.join(", ")}   dispatch on their first argument
With DIR first in PATH, scripts drive the twin instead of the kernel.
Files in DIR not written by iptwin are not replaced unless --force.
`;

/** `iptwin shims ARGS…`; `defaultState` is the global --state / $IPTWIN_STATE / ./.iptwin. */
export function runShims(
  args: readonly string[],
  defaultState: string,
): { stdout: string; stderr: string; status: number } {
  let dir: string | undefined;
  let state = defaultState;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--help" || a === "-h") return { stdout: SHIMS_USAGE, stderr: "", status: 0 };
    if (a === "--state" || a.startsWith("--state=")) {
      const v = a === "--state" ? args[++i] : a.slice(8);
      if (v === undefined || v === "")
        return { stdout: "", stderr: `iptwin shims: --state needs a directory\n${SHIMS_USAGE}`, status: 2 };
      state = v;
    } else if (a === "--force") force = true;
    else if (a.startsWith("-") && a !== "-")
      return { stdout: "", stderr: `iptwin shims: unknown option '${a}'\n${SHIMS_USAGE}`, status: 2 };
    else if (dir === undefined) dir = a;
    else return { stdout: "", stderr: `iptwin shims: one directory only\n${SHIMS_USAGE}`, status: 2 };
  }
  if (dir === undefined) return { stdout: "", stderr: `iptwin shims: which directory?\n${SHIMS_USAGE}`, status: 2 };
  writeShims(dir, state, force);
  return {
    stdout: `iptwin: shims for the twin in ${resolve(state)} written to ${resolve(dir)}\nexport PATH=${shQuote(resolve(dir))}:"$PATH"   # to use them\n`,
    stderr: "",
    status: 0,
  };
}
