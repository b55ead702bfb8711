/**
 * sysctl(8) of procps-ng 4.0.2 over the twin's /proc/sys: the sysctls the
 * twin knows (see engine/net-conf.ts), read, written and listed with
 * sysctl's output, warnings and exit statuses.
 */

import type { NetConfig } from "../engine/net.js";
import { GETOPT_END, Getopt, NO_ARG, OPTIONAL_ARG, REQUIRED_ARG } from "./getopt.js";

export interface SysctlResult {
  stdout: string;
  stderr: string;
  status: number;
}

const PROC = "/proc/sys/";

export const SYSCTL_USAGE =
  "\n" +
  "Usage:\n" +
  " sysctl [options] [variable[=value] ...]\n" +
  "\n" +
  "Options:\n" +
  "  -a, --all            display all variables\n" +
  "  -A                   alias of -a\n" +
  "  -X                   alias of -a\n" +
  "      --deprecated     include deprecated parameters to listing\n" +
  "      --dry-run        Print the key and values but do not write\n" +
  "  -b, --binary         print value without new line\n" +
  "  -e, --ignore         ignore unknown variables errors\n" +
  "  -N, --names          print variable names without values\n" +
  "  -n, --values         print only values of the given variable(s)\n" +
  "  -p, --load[=<file>]  read values from file\n" +
  "  -f                   alias of -p\n" +
  "      --system         read values from all system directories\n" +
  "  -r, --pattern <expression>\n" +
  "                       select setting that match expression\n" +
  "  -q, --quiet          do not echo variable set\n" +
  "  -w, --write          enable writing a value to variable\n" +
  "  -o                   does nothing\n" +
  "  -x                   does nothing\n" +
  "  -d                   alias of -h\n" +
  "\n" +
  " -h, --help     display this help and exit\n" +
  " -V, --version  output version information and exit\n" +
  "\n" +
  "For more details see sysctl(8).\n";

const DEPRECATED = 256;
const SYSTEM = 257;
const DRYRUN = 258;

const LONGOPTS = [
  { name: "all", hasArg: NO_ARG, val: "a".charCodeAt(0) },
  { name: "deprecated", hasArg: NO_ARG, val: DEPRECATED },
  { name: "dry-run", hasArg: NO_ARG, val: DRYRUN },
  { name: "binary", hasArg: NO_ARG, val: "b".charCodeAt(0) },
  { name: "ignore", hasArg: NO_ARG, val: "e".charCodeAt(0) },
  { name: "names", hasArg: NO_ARG, val: "N".charCodeAt(0) },
  { name: "values", hasArg: NO_ARG, val: "n".charCodeAt(0) },
  { name: "load", hasArg: OPTIONAL_ARG, val: "p".charCodeAt(0) },
  { name: "quiet", hasArg: NO_ARG, val: "q".charCodeAt(0) },
  { name: "write", hasArg: NO_ARG, val: "w".charCodeAt(0) },
  { name: "system", hasArg: NO_ARG, val: SYSTEM },
  { name: "pattern", hasArg: REQUIRED_ARG, val: "r".charCodeAt(0) },
  { name: "help", hasArg: NO_ARG, val: "h".charCodeAt(0) },
  { name: "version", hasArg: NO_ARG, val: "V".charCodeAt(0) },
];

class Exit extends Error {
  constructor(readonly status: number) {
    super("exit");
  }
}

/** slashdot(): swaps '.' and '/' in the separators after the first, unless already in the `to` form. */
function slashdot(s: string, from: string, to: string, warn: (msg: string) => void): string {
  const first = s.search(/[/.]/);
  if (first < 0) return s;
  if (s[first] === to) return s;
  let warned = false;
  const chars = [...s];
  for (let i = first; i < chars.length; i++) {
    const c = chars[i]!;
    if (c !== "/" && c !== ".") continue;
    if ((chars[i + 1] === "/" || chars[i + 1] === ".") && !warned) {
      warn(`separators should not be repeated: ${s.slice(i)}`);
      warned = true;
    }
    if (c === from) chars[i] = to;
    else if (c === to) chars[i] = from;
  }
  return chars.join("");
}

/** The /proc/sys tree of the twin: files and directories. */
function lookup(
  net: NetConfig,
  rel: string,
):
  | { kind: "file"; parts: string[] }
  | { kind: "dir"; parts: string[] }
  | { kind: "none"; errno: "ENOENT" | "ENOTDIR" } {
  const parts = rel.split("/").filter((p) => p !== "");
  if (parts.length === 0) return { kind: "dir", parts };
  const paths = net.sysctlPaths();
  const isFile = (p: string[]) => paths.some((q) => q.length === p.length && q.every((c, n) => c === p[n]));
  const isDir = (p: string[]) =>
    p.length === 0 || paths.some((q) => q.length > p.length && p.every((c, n) => q[n] === c));
  for (let n = 1; n < parts.length; n++) {
    if (isFile(parts.slice(0, n))) return { kind: "none", errno: "ENOTDIR" };
  }
  if (isFile(parts)) return { kind: "file", parts };
  if (isDir(parts)) return { kind: "dir", parts };
  return { kind: "none", errno: "ENOENT" };
}

const ERRSTR = { ENOENT: "No such file or directory", ENOTDIR: "Not a directory" };

/** `sysctl ARGS…`; `readFile` serves -p FILE. */
export function runSysctl(net: NetConfig, args: readonly string[], readFile?: (path: string) => string): SysctlResult {
  let stdout = "";
  let stderr = "";
  const warn = (msg: string) => {
    stderr += `sysctl: ${msg}\n`;
  };
  let status = 0;
  try {
    status = main();
  } catch (e) {
    if (e instanceof Exit) status = e.status;
    else throw e;
  }
  return { stdout, stderr, status };

  function main(): number {
    if (args.length < 1) {
      stderr += SYSCTL_USAGE;
      return 1;
    }
    let printName = true;
    let printNewline = true;
    let ignoreError = false;
    let nameOnly = false;
    let quiet = false;
    let writeMode = false;
    let displayAll = false;
    let dryRun = false;
    let preload = false;
    let preloadFile: string | undefined;
    let pattern: RegExp | undefined;
    const g = new Getopt(["sysctl", ...args], "bneNwfp::qoxaAXr:Vdh");
    g.printErrors = true;
    for (;;) {
      const c = g.next(LONGOPTS);
      if (c === GETOPT_END) break;
      const ch = c < 256 ? String.fromCharCode(c) : "";
      if (ch === "b") {
        printNewline = false;
        printName = false;
      } else if (ch === "n") printName = false;
      else if (ch === "e") ignoreError = true;
      else if (ch === "N") nameOnly = true;
      else if (ch === "w") writeMode = true;
      else if (ch === "f" || ch === "p") {
        preload = true;
        if (g.optarg) preloadFile = g.optarg;
      } else if (ch === "q") quiet = true;
      else if (ch === "o" || ch === "x") {
        // does nothing
      } else if (ch === "a" || ch === "A" || ch === "X") displayAll = true;
      else if (c === DEPRECATED) {
        // the twin has no deprecated entries
      } else if (c === SYSTEM) {
        // The twin has no /etc/sysctl.d, /run/sysctl.d, /usr/lib/sysctl.d or /etc/sysctl.conf.
        return 0;
      } else if (c === DRYRUN) dryRun = true;
      else if (ch === "r") {
        try {
          pattern = new RegExp(g.optarg ?? "");
        } catch {
          pattern = /(?!)/;
        }
      } else if (ch === "V") {
        stdout += "sysctl from procps-ng 4.0.2\n";
        return 0;
      } else {
        // -d, -h, and any unknown option ('?') print the usage on stdout and succeed.
        stderr += g.takeErrors();
        stdout += SYSCTL_USAGE;
        return 0;
      }
    }
    const rest = g.argv.slice(g.optind);

    const readSetting = (name: string): number => {
      if (!name) {
        warn(`"${name}" is an unknown key`);
        return -1;
      }
      // ReadSetting() converts the display name twice (around the path), warning each time.
      const outname = slashdot(name, "/", ".", warn);
      const rel = slashdot(name, ".", "/", warn);
      slashdot(name, "/", ".", warn);
      const l = lookup(net, rel);
      if (l.kind === "none") {
        if (!ignoreError) {
          warn(`cannot stat ${PROC}${rel}: ${ERRSTR[l.errno]}`);
          return 1;
        }
        return 0;
      }
      if (l.kind === "dir") return displayDir(l.parts);
      if (pattern && !pattern.test(outname)) return 0;
      if (nameOnly) {
        stdout += `${outname}\n`;
        return 0;
      }
      const v = net.sysctlRead(l.parts)!;
      if (printName) stdout += `${outname} = ${v}\n`;
      else stdout += printNewline ? `${v}\n` : v;
      return 0;
    };

    const displayDir = (prefix: string[]): number => {
      let rc = 0;
      for (const p of net.sysctlPaths()) {
        if (!prefix.every((c, n) => p[n] === c)) continue;
        rc |= readSetting(p.join("/"));
      }
      return rc;
    };

    const writeSetting = (path: string, value: string): number => {
      const rel = path.slice(PROC.length);
      const l = lookup(net, rel);
      if (l.kind === "none") {
        if (!ignoreError) {
          warn(`cannot stat ${path}: ${ERRSTR[l.errno]}`);
          return 1;
        }
        return 0;
      }
      if (rel.replace(/\/+$/, "") === "") {
        warn(`Path is not under ${PROC}: ${path}`);
        return 1;
      }
      const dotted = slashdot(rel, "/", ".", warn);
      let rc = 0;
      const kind = l.kind === "file" ? net.sysctlKind(l.parts) : undefined;
      if (l.kind === "dir" || kind?.k === "ro") {
        // Read-only files and directories: warn with the errno left over, and succeed.
        warn(`setting key "${dotted}": Invalid argument`);
        return 0;
      }
      if (!dryRun) {
        const r = net.sysctlWrite(l.parts, value);
        if (r !== "ok") {
          warn(`setting key "${dotted}": Invalid argument`);
          return 1;
        }
      }
      if ((rc === 0 && !quiet) || dryRun) {
        if (nameOnly) stdout += `${value}\n`;
        else if (printName) stdout += `${dotted} = ${value}\n`;
        else stdout += printNewline ? `${value}\n` : value;
      }
      rc = 0;
      return rc;
    };

    /** parse_setting_line(): key[=value], with '-' to ignore failures. */
    const parseSetting = (
      where: string,
      line: number,
      text: string,
    ): { key: string; path: string; value: string; ignore: boolean } | null => {
      let key = text.replace(/^\s+/, "");
      if (key.length < 2) return null;
      if (key[0] === "#" || key[0] === ";") return null;
      if (pattern && !pattern.test(key)) return null;
      const eq = key.indexOf("=");
      if (eq < 0) {
        if (key[0] === "-") return null;
        warn(`${where}(${line}): invalid syntax, continuing...`);
        return null;
      }
      let value = key.slice(eq + 1);
      key = key.slice(0, eq);
      let ignore = false;
      if (key[0] === "-") {
        ignore = true;
        key = key.slice(1);
      }
      value = value.replace(/^\s+/, "").replace(/\s+$/, "");
      key = key.replace(/\s+$/, "");
      const path = PROC + slashdot(key, ".", "/", warn);
      return { key, path, value, ignore };
    };

    if (displayAll) return displayDir([]);

    if (preload) {
      let rc = 0;
      const settings: Array<{ key: string; path: string; value: string; ignore: boolean }> = [];
      const files = preloadFile !== undefined ? [preloadFile, ...rest] : rest.length ? rest : ["/etc/sysctl.conf"];
      for (const f of files) {
        let text: string;
        try {
          if (!readFile) throw new Error("no files");
          text = readFile(f);
        } catch {
          warn(`cannot open "${f}": No such file or directory`);
          return 1;
        }
        let n = 0;
        const lines = text.split("\n");
        if (lines.at(-1) === "") lines.pop();
        for (const line of lines) {
          n++;
          if (line.length + 1 < 2) continue;
          const s = parseSetting(f, n, line);
          if (s) settings.push(s);
        }
      }
      // write_setting_list(): every file is read before anything is written.
      for (const s of settings) rc |= writeSetting(s.path, s.value);
      return rc;
    }

    if (rest.length < 1) {
      stderr += "sysctl: no variables specified\nTry `sysctl --help' for more information.\n";
      return 1;
    }
    if (nameOnly && quiet) {
      stderr += "sysctl: options -N and -q cannot coexist\nTry `sysctl --help' for more information.\n";
      return 1;
    }
    let rc = 0;
    for (const arg of rest) {
      if (writeMode || arg.includes("=")) {
        const s = parseSetting("command line", 0, arg);
        if (s) rc |= writeSetting(s.path, s.value);
        else rc |= 1;
      } else rc += readSetting(arg);
    }
    return rc;
  }
}
