/**
 * A runner for the upstream iptables unit-test files (`*.t`), read from
 * ../shared/conformance/iptables-t at test time, driving a twin Host.
 *
 * Semantics follow upstream iptables-test.py (see the README beside the
 * files): `:` sets the chain list, `*` the table, `@`/`%` lines are setup
 * commands, and each test line `rule;save-form;OK|FAIL|NOMATCH[;variant[;alt]]`
 * runs once per chain as `iptables -A CHAIN [-t TABLE] rule`, then looks for
 * `\n-A CHAIN save-form\n` in iptables-save. Lines the calibration file lists
 * expect what real iptables 1.8.9 (nf_tables) did instead.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CommandResult } from "../../src/compat/iptables/commands.js";
import { expandCommand, parseScript } from "../../src/compat/shell.js";

export type TResult = "OK" | "FAIL" | "NOMATCH";

/** What the runner needs of a host (Host satisfies it). */
export interface TwinLike {
  iptables(argv: readonly string[]): CommandResult;
  iptablesSave(argv?: readonly string[]): CommandResult;
  iptablesRestore(args: readonly string[], input: string): CommandResult;
}

export type TItem =
  | { kind: "setup"; line: number; cmd: string }
  | {
      kind: "test";
      line: number;
      /** Chains from the last `:` line (empty: a broken file). */
      chains: string[];
      /** Table from the last `*` line, "" for none (no -t). */
      table: string;
      rule: string;
      save: string;
      result: string;
      variant?: string;
      alt?: string;
    };

export interface TFile {
  name: string;
  items: TItem[];
}

/** Splits a .t file into setup commands and test lines, in order. */
export function parseTFile(name: string, text: string): TFile {
  const items: TItem[] = [];
  let chains: string[] = [];
  let table = "";
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw[0] === "#" || raw.trim().length === 0) return;
    const r = raw.trimEnd();
    if (r[0] === ":") chains = r.slice(1).split(",");
    else if (r[0] === "@" || r[0] === "%") items.push({ kind: "setup", line, cmd: r.slice(1) });
    else if (r[0] === "*") table = r.slice(1);
    else {
      // As upstream: fields split on every ';'; the rule and the save form are not trimmed.
      const f = raw.split(";");
      items.push({
        kind: "test",
        line,
        chains,
        table,
        rule: f[0] ?? "",
        save: f[1] ?? "",
        result: (f[2] ?? "").trimEnd(),
        variant: f[3]?.trimEnd(),
        alt: f[4]?.trimEnd(),
      });
    }
  });
  return { name, items };
}

/** One line of observed-iptables-1.8.9-debian12.json. */
export interface CalibrationLine {
  file: string;
  line: number;
  rule: string;
  upstream_expect: string;
  observed_nft: string;
  saved_as_nft: string[] | null;
  error_nft: string | null;
  class: string;
}

export type Calibration = Map<string, CalibrationLine>;

export function loadCalibration(path: string): Calibration {
  const doc = JSON.parse(readFileSync(path, "utf8")) as {
    lines: CalibrationLine[];
  };
  const m: Calibration = new Map();
  for (const l of doc.lines) m.set(`${l.file}:${l.line}`, l);
  return m;
}

/** What one chain-level check expects: a result and, for OK, the save form to find. */
export interface Expectation {
  result: TResult;
  /** The rule as iptables-save should print it, without `-A CHAIN `. */
  save: string;
  /** Why this differs from the line as written (calibration, variant). */
  note?: string;
  /** For a FAIL the calibration recorded: the error real 1.8.9 printed (trailing space trimmed). */
  stderr?: string;
}

const INVERT: Record<string, TResult> = {
  OK: "FAIL",
  FAIL: "OK",
  NOMATCH: "OK",
};

function asResult(s: string): TResult {
  // An alt-result of `=` (NFLOG) is neither OK nor FAIL: upstream then treats it like NOMATCH.
  return s === "OK" || s === "FAIL" ? s : "NOMATCH";
}

/**
 * The expectation of a test line for one chain on the nf_tables backend:
 * the calibration's observed result if listed, else the line's own result
 * (a LEGACY-scoped result is replaced by its alt-result or inverted, as
 * upstream does for the other backend).
 */
export function expectationFor(
  file: string,
  t: Extract<TItem, { kind: "test" }>,
  chain: string,
  cal: Calibration,
): Expectation {
  const save = t.save === "=" ? t.rule : t.save;
  let result = asResult(t.result);
  let note: string | undefined;
  if (t.variant !== undefined && t.variant !== "NFT") {
    result = t.alt !== undefined ? asResult(t.alt) : (INVERT[t.result] ?? "OK");
    note = `${t.variant}-only result; nft expects ${result}`;
  }
  const c = cal.get(`${file}:${t.line}`);
  if (!c || c.observed_nft === "matches upstream") return { result, save, note };
  const cls = c.class.split(":")[0];
  if (c.observed_nft === "NOMATCH" && c.saved_as_nft) {
    // Real 1.8.9 accepted it but saved another form: expect exactly that form.
    const line = c.saved_as_nft.find((s) => s.startsWith(`-A ${chain} `) || s === `-A ${chain}`);
    if (line !== undefined) {
      return {
        result: "OK",
        save: line.slice(`-A ${chain} `.length),
        note: `calibrated (${cls}): 1.8.9 saves it differently`,
      };
    }
  }
  // The recorded error is of the last chain run; each chain's own run names that chain.
  const stderr =
    c.observed_nft === "FAIL" && c.error_nft
      ? c.error_nft.replace(/rule in chain \S+$/, `rule in chain ${chain}`)
      : undefined;
  return { result: asResult(c.observed_nft), save, note: `calibrated (${cls}): 1.8.9 gives ${c.observed_nft}`, stderr };
}

/** Shell words of a command text, as `sh -c` would split them (quotes, backslashes). */
export function shellWords(text: string): string[] {
  const lists = parseScript(text);
  if (lists.length !== 1 || lists[0]!.items.length !== 1) throw new Error(`not one simple command: ${text}`);
  const cmd = expandCommand(lists[0]!.items[0]!.cmd, new Map());
  if (cmd.redirects.length || cmd.assignments.length) throw new Error(`unexpected shell syntax: ${text}`);
  return cmd.argv;
}

/** Drops -c/--set-counters and their values: -D refuses them. */
export function stripCounters(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-c" || a === "--set-counters") {
      const v = args[i + 1];
      i++;
      if (v !== undefined && !v.slice(1).includes(",") && /^\d+$/.test(args[i + 1] ?? "")) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

export interface CheckOutcome {
  file: string;
  line: number;
  chain: string;
  rule: string;
  expect: Expectation;
  ok: boolean;
  /** Why the check failed (upstream's wording first). */
  reason?: string;
}

export interface BatchOutcome {
  ok: boolean;
  reason?: string;
}

export interface FileOutcome {
  name: string;
  checks: CheckOutcome[];
  /** Test lines (a line passes when all its chains pass). */
  lines: { total: number; passed: number };
  /** Fast mode (iptables-restore batch), when the file allows it. */
  batch: BatchOutcome | null;
  /** Setup commands the twin cannot run, setup failures, file errors. */
  notices: string[];
}

function cmdText(prog: string, argv: readonly string[]): string {
  return [prog, ...argv.map((a) => (a === "" || /[\s"'\\$`|&;<>()*?!]/.test(a) ? JSON.stringify(a) : a))].join(" ");
}

function tail(r: CommandResult): string {
  const err = r.stderr.trimEnd();
  return err ? `\n  exit ${r.status}: ${err.split("\n").join("\n  ")}` : `\n  exit ${r.status}`;
}

/** The `-A CHAIN` lines of a save text, to show what was there instead. */
function chainLines(save: string, chain: string): string {
  const l = save.split("\n").filter((s) => s === `-A ${chain}` || s.startsWith(`-A ${chain} `));
  return l.length ? `\n  iptables-save has:\n    ${l.join("\n    ")}` : `\n  iptables-save has no -A ${chain} line`;
}

function ruleArgv(op: string, chain: string, table: string, ruleWords: readonly string[]): string[] {
  return [op, chain, ...(table ? ["-t", table] : []), ...ruleWords];
}

/** run_test() + delete_rule() of iptables-test.py, against a twin. */
export function runCheck(
  host: TwinLike,
  chain: string,
  table: string,
  rule: string,
  exp: Expectation,
): { ok: boolean; reason?: string } {
  let words: string[];
  try {
    words = shellWords(rule);
  } catch (e) {
    return { ok: false, reason: `cannot split rule: ${String(e)}` };
  }
  const add = ruleArgv("-A", chain, table, words);
  const r = host.iptables(add);
  const del = (): string => {
    const d = ruleArgv("-D", chain, table, stripCounters(words));
    const dr = host.iptables(d);
    return dr.status === 0 ? "" : `\n  and cannot delete: ${cmdText("iptables", d)}${tail(dr)}`;
  };
  if (r.status !== 0) {
    if (exp.result !== "FAIL")
      return {
        ok: false,
        reason: `cannot load: ${cmdText("iptables", add)}${tail(r)}`,
      };
    if (exp.stderr !== undefined && r.stderr.trimEnd() !== exp.stderr) {
      return {
        ok: false,
        reason: `fails otherwise than 1.8.9: ${cmdText("iptables", add)}${tail(r)}\n  1.8.9 says: ${exp.stderr}`,
      };
    }
    return { ok: true };
  }
  if (exp.result === "FAIL")
    return {
      ok: false,
      reason: `should fail: ${cmdText("iptables", add)}${del()}`,
    };
  const save = host.iptablesSave([]).stdout;
  const found = save.includes(`\n-A ${chain} ${exp.save}\n`);
  if (!found) {
    if (exp.result === "OK") {
      return {
        ok: false,
        reason: `cannot find: -A ${chain} ${exp.save}${chainLines(save, chain)}${del()}`,
      };
    }
    return { ok: true };
  }
  if (exp.result !== "OK")
    return {
      ok: false,
      reason: `should not match: ${cmdText("iptables", add)}${del()}`,
    };
  const d = del();
  return d ? { ok: false, reason: d.trimStart() } : { ok: true };
}

/** A `@`/`%` setup line: iptables commands go to the twin, others cannot run. */
function runSetup(host: TwinLike, cmd: string): string | null {
  let words: string[];
  try {
    words = shellWords(cmd);
  } catch (e) {
    return `setup "${cmd}": ${String(e)}`;
  }
  if (words[0] !== "iptables") return `setup "${cmd}": external command, not modelled by the twin`;
  const r = host.iptables(words.slice(1));
  return r.status === 0 ? null : `setup "${cmd}" failed:${tail(r)}`;
}

function safely<T>(fn: () => T, onError: (e: unknown) => T): T {
  try {
    return fn();
  } catch (e) {
    return onError(e);
  }
}

function crash(e: unknown): string {
  return `twin threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}

/** Runs every test line of a file on one host, in order (the slow path of iptables-test.py). */
export function runTFile(f: TFile, cal: Calibration, makeHost: () => TwinLike): FileOutcome {
  const host = makeHost();
  const checks: CheckOutcome[] = [];
  const notices: string[] = [];
  let total = 0;
  let passed = 0;
  for (const it of f.items) {
    if (it.kind === "setup") {
      const n = safely(() => runSetup(host, it.cmd), crash);
      if (n) notices.push(`line ${it.line}: ${n}`);
      continue;
    }
    if (it.chains.length === 0) {
      notices.push(`line ${it.line}: broken test, missing chain`);
      break;
    }
    total++;
    let all = true;
    for (const chain of it.chains) {
      const expect = expectationFor(f.name, it, chain, cal);
      const r = safely(
        () => runCheck(host, chain, it.table, it.rule, expect),
        (e) => ({ ok: false, reason: crash(e) }),
      );
      checks.push({
        file: f.name,
        line: it.line,
        chain,
        rule: it.rule,
        expect,
        ...r,
      });
      if (!r.ok) all = false;
    }
    if (all) passed++;
  }
  return {
    name: f.name,
    checks,
    lines: { total, passed },
    batch: safely(
      () => runBatch(f, cal, makeHost),
      (e) => ({ ok: false, reason: crash(e) }),
    ),
    notices,
  };
}

/** fast_run_possible(): one table, no setup commands, no variant fields. */
export function fastRunPossible(f: TFile): boolean {
  let table: string | null = null;
  let rules = 0;
  for (const it of f.items) {
    if (it.kind === "setup") return false;
    if (it.variant !== undefined) return false;
    if (it.table) {
      if (table !== null && table !== it.table) return false;
      if (table === null && rules > 0) return false;
      table = it.table;
    }
    rules++;
  }
  return true;
}

const BATCH_CHAIN_ORDER = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"];

/**
 * run_test_file_fast(): FAIL lines one by one, then all OK lines in one
 * iptables-restore; their save forms must appear as one block in iptables-save.
 */
export function runBatch(f: TFile, cal: Calibration, makeHost: () => TwinLike): BatchOutcome | null {
  if (!fastRunPossible(f)) return null;
  const host = makeHost();
  const perChain = new Map<string, Array<{ rule: string; save: string }>>();
  let table = "filter";
  for (const it of f.items) {
    if (it.kind !== "test") continue;
    if (it.table) table = it.table;
    if (it.chains.length === 0)
      return {
        ok: false,
        reason: `line ${it.line}: broken test, missing chain`,
      };
    for (const chain of it.chains) {
      const exp = expectationFor(f.name, it, chain, cal);
      if (exp.result !== "OK") {
        const r = runCheck(host, chain, table, it.rule, exp);
        if (!r.ok) return { ok: false, reason: `line ${it.line} ${chain}: ${r.reason}` };
        continue;
      }
      const l = perChain.get(chain) ?? [];
      l.push({ rule: it.rule, save: exp.save });
      perChain.set(chain, l);
    }
  }
  const input: string[] = [];
  const expected: string[] = [];
  for (const chain of BATCH_CHAIN_ORDER) {
    for (const r of perChain.get(chain) ?? []) {
      input.push(`-A ${chain} ${r.rule}`);
      expected.push(`-A ${chain} ${r.save}`);
    }
  }
  const text = `*${table}\n${input.join("\n")}\nCOMMIT\n`;
  const rr = host.iptablesRestore([], text);
  if (rr.status !== 0) return { ok: false, reason: `iptables-restore failed:${tail(rr)}` };
  const out = host.iptablesSave([]).stdout.trimEnd();
  const want = expected.join("\n");
  if (!out.includes(want)) {
    const got = out
      .split("\n")
      .filter((l) => l.startsWith("-A "))
      .join("\n    ");
    return {
      ok: false,
      reason: `dumps differ; expected block:\n    ${want.split("\n").join("\n    ")}\n  got:\n    ${got}`,
    };
  }
  return { ok: true };
}

/** The .t files of a directory, sorted. */
export function listTFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".t"))
    .sort();
}

export function loadTFile(dir: string, name: string): TFile {
  return parseTFile(name, readFileSync(join(dir, name), "utf8"));
}

export interface Totals {
  files: number;
  checks: number;
  checksPassed: number;
  lines: number;
  linesPassed: number;
  batches: number;
  batchesPassed: number;
}

export function totals(outcomes: readonly FileOutcome[]): Totals {
  const t: Totals = {
    files: outcomes.length,
    checks: 0,
    checksPassed: 0,
    lines: 0,
    linesPassed: 0,
    batches: 0,
    batchesPassed: 0,
  };
  for (const o of outcomes) {
    t.checks += o.checks.length;
    t.checksPassed += o.checks.filter((c) => c.ok).length;
    t.lines += o.lines.total;
    t.linesPassed += o.lines.passed;
    if (o.batch) {
      t.batches++;
      if (o.batch.ok) t.batchesPassed++;
    }
  }
  return t;
}

/** A plain-text table: per file lines and chain-level checks passed, batch result. */
export function formatTable(outcomes: readonly FileOutcome[]): string {
  const rows: string[][] = [["file", "lines", "checks", "batch"]];
  for (const o of outcomes) {
    const n = o.checks.filter((c) => c.ok).length;
    rows.push([
      o.name,
      `${o.lines.passed}/${o.lines.total}`,
      `${n}/${o.checks.length}`,
      o.batch ? (o.batch.ok ? "pass" : "FAIL") : "-",
    ]);
  }
  const t = totals(outcomes);
  rows.push([
    "total",
    `${t.linesPassed}/${t.lines}`,
    `${t.checksPassed}/${t.checks}`,
    `${t.batchesPassed}/${t.batches}`,
  ]);
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join("  ");
  const sep = w.map((n) => "-".repeat(n)).join("  ");
  return [fmt(rows[0]!), sep, ...rows.slice(1, -1).map(fmt), sep, fmt(rows.at(-1)!)].join("\n");
}

/** The JSON summary written when IPTWIN_WRITE_STATUS=1. */
export function statusJson(outcomes: readonly FileOutcome[]): string {
  const files: Record<string, unknown> = {};
  for (const o of outcomes) {
    files[o.name] = {
      lines: o.lines,
      checks: {
        total: o.checks.length,
        passed: o.checks.filter((c) => c.ok).length,
      },
      batch: o.batch === null ? null : o.batch.ok ? "pass" : "fail",
      failing: o.checks
        .filter((c) => !c.ok)
        .map((c) => ({
          line: c.line,
          chain: c.chain,
          rule: c.rule,
          expect: c.expect.result,
        })),
      notices: o.notices,
    };
  }
  return `${JSON.stringify({ target: "iptables 1.8.9 (nf_tables)", totals: totals(outcomes), files }, null, 1)}\n`;
}
