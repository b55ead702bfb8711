/**
 * Exit statuses of the xtables tools (enum xtables_exittype).
 */
export enum ExitStatus {
  Ok = 0,
  Other = 1,
  Parameter = 2,
  Version = 3,
  Resource = 4,
}

/**
 * How the message is framed when printed, mirroring libxtables' exit paths:
 * - "param": `prog vX: msg` + optional `Error occurred at line: N` + `Try ...`
 * - "version": `prog vX: msg` + `Perhaps prog or your kernel needs to be upgraded.`
 * - "plain": `prog vX: msg` only (OTHER_PROBLEM / RESOURCE_PROBLEM through exit_err)
 * - "raw": the text is printed as is (already complete, e.g. `iptables: Bad rule ...`)
 * - "tryhelp": exit_tryhelp(): the preamble, then only the `Error occurred`/`Try ...` lines
 */
export type ErrorFrame = "param" | "version" | "plain" | "raw" | "tryhelp";

/** An error the real tool reports on stderr before exiting with `status`. */
export class XtablesError extends Error {
  readonly status: number;
  readonly frame: ErrorFrame;
  /** Extra stderr text printed before the framed message (e.g. `Bad argument `x'`). */
  readonly preamble: string;
  /** Warnings the command printed before failing (set by the parser). */
  warnings = "";
  /** What the command printed to stdout before failing (`-vv` cache dumps). */
  stdout = "";

  constructor(status: number, message: string, frame: ErrorFrame = "param", preamble = "") {
    super(message);
    this.status = status;
    this.frame = frame;
    this.preamble = preamble;
  }
}

/** xtables_error(PARAMETER_PROBLEM, ...) */
export function paramError(message: string): XtablesError {
  return new XtablesError(ExitStatus.Parameter, message, "param");
}

/** xtables_error(OTHER_PROBLEM, ...) */
export function otherError(message: string): XtablesError {
  return new XtablesError(ExitStatus.Other, message, "plain");
}

/** xtables_error(VERSION_PROBLEM, ...) */
export function versionError(message: string): XtablesError {
  return new XtablesError(ExitStatus.Version, message, "version");
}

/** A complete message printed verbatim, e.g. `iptables: Bad rule ...`. */
export function rawError(status: number, text: string): XtablesError {
  return new XtablesError(status, text, "raw");
}

/** Formats an XtablesError the way basic_exit_err/exit_tryhelp print it. */
export function formatXtablesError(err: XtablesError, program: string, version: string, line = -1): string {
  if (err.frame === "raw") return err.preamble + err.message;
  if (err.frame === "tryhelp") {
    let out = err.preamble;
    if (line !== -1) out += `Error occurred at line: ${line}\n`;
    return `${out}Try \`${program} -h' or '${program} --help' for more information.\n`;
  }
  let out = `${err.preamble}${program} v${version}: ${err.message}\n`;
  if (err.frame === "param") {
    if (line !== -1) out += `Error occurred at line: ${line}\n`;
    out += `Try \`${program} -h' or '${program} --help' for more information.\n`;
  } else if (err.frame === "version") {
    out += `Perhaps ${program} or your kernel needs to be upgraded.\n`;
  }
  return out;
}

/** exit_tryhelp(): only the "Try ..." lines, after something already printed. */
export function tryHelpError(status: number, preamble: string): XtablesError {
  return new XtablesError(status, "", "tryhelp", preamble);
}
