/**
 * `iptables` of iptables-legacy 1.8.9: do_command4() of iptables.c over a
 * libiptc handle, and iptables_main()'s report of a failed command or
 * commit (`iptables: <iptc_strerror>.`).
 */
import { ExitStatus, formatXtablesError, paramError, versionError, XtablesError } from "../../core/errors.js";
import type { Rule } from "../../engine/ruleset.js";
import { IPT_F_GOTO, IPT_INV_VIA_IN, IPT_INV_VIA_OUT } from "../../extensions/api.js";
import { takePrintWarnings } from "../../extensions/diag.js";
import { type CommandResult, fillProgram, type IptablesEnv, listTable, targetName, versionString } from "./commands.js";
import {
  FMT_KILOMEGAGIGA,
  FMT_LINENUMBERS,
  FMT_NOCOUNTS,
  FMT_NOTABLE,
  FMT_NUMERIC,
  FMT_OPTIONS,
  FMT_VIA,
  printRule,
  saveRuleBody,
} from "./format.js";
import { LegacyExit, LegacyHandle, legacyOpen, legacyStrerror } from "./legacy.js";
import { dumpEntries } from "./legacy-dump.js";
import { legacyBlob } from "./legacy-kernel.js";
import {
  CMD_APPEND,
  CMD_CHECK,
  CMD_DELETE,
  CMD_DELETE_CHAIN,
  CMD_DELETE_NUM,
  CMD_FLUSH,
  CMD_INSERT,
  CMD_LIST,
  CMD_LIST_RULES,
  CMD_NEW_CHAIN,
  CMD_NONE,
  CMD_RENAME_CHAIN,
  CMD_REPLACE,
  CMD_SET_POLICY,
  CMD_ZERO,
  CMD_ZERO_NUM,
  OPT_COUNTERS,
  OPT_EXPANDED,
  OPT_LINENUMBERS,
  OPT_NUMERIC,
  OPT_VERBOSE,
  type ParsedCommand,
  parseCommand,
} from "./parse.js";

const FMT_PRINT_RULE = FMT_NOCOUNTS | FMT_OPTIONS | FMT_VIA | FMT_NUMERIC | FMT_NOTABLE;

function listFormat(options: number): number {
  let format = FMT_OPTIONS;
  format |= options & OPT_VERBOSE ? FMT_VIA : FMT_NOCOUNTS;
  if (options & OPT_NUMERIC) format |= FMT_NUMERIC;
  if (!(options & OPT_EXPANDED)) format |= FMT_KILOMEGAGIGA;
  if (options & OPT_LINENUMBERS) format |= FMT_LINENUMBERS;
  return format;
}

/** list_entries() */
function listEntries(h: LegacyHandle, chain: string | null, rulenum: number, options: number): boolean {
  const chains = h.chains();
  if (chain !== null && !chains.some((c) => c.name === chain)) return failNoEntry(h);
  h.stdout += listTable(h.work, chain, rulenum, listFormat(options), h.env.db);
  return true;
}

function failNoEntry(h: LegacyHandle): false {
  h.errno = "ENOENT";
  return false;
}

/** print_rule4(): one -S / iptables-save line. */
export function printRule4(
  h: LegacyHandle | null,
  rule: Rule,
  chain: string,
  counters: boolean,
  db = h!.env.db,
): string {
  const named = h?.namedJumps.get(rule);
  if (h && named !== undefined) {
    // The blob still carries the chain name as target name: no library of that name.
    h.stdout += `-A ${chain}${saveRuleBody(saveView({ ...rule, target: null, jumpto: "" }), db, counters)}`;
    throw new LegacyExit(`Can't find library for target \`${named}'\n`, 1);
  }
  return `-A ${chain}${saveRuleBody(saveView(rule), db, counters)}\n`;
}

/** save_iface() prints nothing for a bare `+` (its mask is empty), not even the `!`. */
function saveView(rule: Rule): Rule {
  const ip = rule.ip;
  if (ip.iniface !== "+" && ip.outiface !== "+") return rule;
  let { iniface, outiface, invflags } = ip;
  if (iniface === "+") {
    iniface = "";
    invflags &= ~IPT_INV_VIA_IN;
  }
  if (outiface === "+") {
    outiface = "";
    invflags &= ~IPT_INV_VIA_OUT;
  }
  return {
    ...rule,
    ip: { ...ip, iniface, outiface, invflags },
    saveText: undefined,
  };
}

/** list_rules() */
function listRules(h: LegacyHandle, chain: string | null, rulenum: number, counters: boolean): boolean {
  const chains = h.chains();
  let found = false;
  if (!rulenum) {
    for (const c of chains) {
      if (chain !== null && c.name !== chain) continue;
      if (c.hook >= 0) h.stdout += `-P ${c.name} ${c.policy}${counters ? ` -c ${c.pcnt} ${c.bcnt}` : ""}\n`;
      else h.stdout += `-N ${c.name}\n`;
    }
  }
  for (const c of chains) {
    if (chain !== null && c.name !== chain) continue;
    c.rules.forEach((r, i) => {
      if (!rulenum || i + 1 === rulenum) h.stdout += printRule4(h, r, c.name, counters);
    });
    found = true;
  }
  return found || failNoEntry(h);
}

/** for_each_chain4(): names first, then fn on each (built-ins too when asked). */
function forEachChain(h: LegacyHandle, builtinsToo: boolean, fn: (name: string) => boolean): boolean {
  const names = h.chains().map((c) => c.name);
  let ret = true;
  for (const name of names) {
    if (!builtinsToo && h.builtin(name)) continue;
    ret = fn(name) && ret;
  }
  return ret;
}

export function legacyFlush(h: LegacyHandle, chain: string | null, verbose: boolean): boolean {
  const one = (name: string): boolean => {
    if (verbose) h.stdout += `Flushing chain \`${name}'\n`;
    return h.flush(name);
  };
  return chain === null ? forEachChain(h, true, one) : one(chain);
}

function zeroEntries(h: LegacyHandle, chain: string | null, verbose: boolean): boolean {
  const one = (name: string): boolean => {
    if (verbose) h.stdout += `Zeroing chain \`${name}'\n`;
    return h.zero(name);
  };
  return chain === null ? forEachChain(h, true, one) : one(chain);
}

export function legacyDeleteChain(h: LegacyHandle, chain: string | null, verbose: boolean): boolean {
  const one = (name: string): boolean => {
    if (verbose) h.stdout += `Deleting chain \`${name}'\n`;
    return h.deleteChain(name);
  };
  return chain === null ? forEachChain(h, false, one) : one(chain);
}

/**
 * The target a rule ends up with once the handle is known: a chain of that
 * name wins over an extension, an unknown name is refused.
 */
function resolveTarget(h: LegacyHandle, rule: Rule, warn: (s: string) => void): Rule {
  const t = rule.target;
  if (t && t.ext.name !== "standard" && h.isChain(rule.jumpto)) {
    warn(`Warning: using chain ${rule.jumpto}, not extension\n`);
    return { ...rule, target: null };
  }
  if (t || rule.jumpto === "" || h.isChain(rule.jumpto)) return rule;
  if (rule.ip.flags & IPT_F_GOTO) throw paramError(`goto '${rule.jumpto}' is not a chain`);
  throw paramError(`Couldn't load target \`${rule.jumpto}':No such file or directory\n`);
}

/** The -v line each rule command prints before it runs (print_firewall_line). */
function echo(h: LegacyHandle, r: Rule): void {
  h.isChain(targetName(r));
  h.stdout += printRule(r, 0, FMT_PRINT_RULE, targetName(r), h.env.db);
}

/** do_command4() after do_parse(): returns its ret (false: errno/fn on the handle say why). */
export function legacyDoCommand(h: LegacyHandle, p: ParsedCommand, warn: (s: string) => void): boolean {
  const verbose = (p.options & OPT_VERBOSE) !== 0;
  const chain = p.chain;
  const cmd = p.command;
  let rules = p.rules.map(legacyBlob);
  if (cmd === CMD_APPEND || cmd === CMD_DELETE || cmd === CMD_CHECK || cmd === CMD_INSERT || cmd === CMD_REPLACE) {
    if (rules.length) {
      const first = resolveTarget(h, rules[0]!, warn);
      rules = rules.map((r) => (r === rules[0] ? first : { ...r, target: first.target }));
    }
  }
  const each = (op: (r: Rule) => boolean): boolean => {
    let ret = true;
    for (const r of rules) {
      if (verbose) echo(h, r);
      ret = op(r) && ret;
    }
    return ret;
  };
  let ret = true;
  switch (cmd) {
    case CMD_APPEND:
      ret = each((r) => h.append(chain!, r));
      break;
    case CMD_DELETE:
      ret = each((r) => h.deleteEntry(chain!, r, false));
      break;
    case CMD_DELETE_NUM:
      ret = h.deleteNum(chain!, p.rulenum - 1);
      break;
    case CMD_CHECK:
      ret = each((r) => h.deleteEntry(chain!, r, true));
      break;
    case CMD_REPLACE:
      ret = each((r) => h.replace(chain!, r, p.rulenum - 1));
      break;
    case CMD_INSERT:
      ret = each((r) => h.insert(chain!, r, p.rulenum - 1));
      break;
    case CMD_FLUSH:
      ret = legacyFlush(h, chain, verbose);
      break;
    case CMD_ZERO:
      ret = zeroEntries(h, chain, verbose);
      break;
    case CMD_ZERO_NUM:
      ret = h.zeroCounter(chain!, p.rulenum);
      break;
    case CMD_LIST:
    case CMD_LIST | CMD_ZERO:
    case CMD_LIST | CMD_ZERO_NUM:
    case CMD_LIST_RULES:
    case CMD_LIST_RULES | CMD_ZERO:
    case CMD_LIST_RULES | CMD_ZERO_NUM:
      ret = cmd & CMD_LIST ? listEntries(h, chain, p.rulenum, p.options) : listRules(h, chain, p.rulenum, verbose);
      if (ret && cmd & CMD_ZERO) ret = zeroEntries(h, chain, verbose);
      if (ret && cmd & CMD_ZERO_NUM) ret = h.zeroCounter(chain!, p.rulenum);
      break;
    case CMD_NEW_CHAIN:
      ret = h.createChain(chain!);
      break;
    case CMD_DELETE_CHAIN:
      ret = legacyDeleteChain(h, chain, verbose);
      break;
    case CMD_RENAME_CHAIN:
      ret = h.rename(chain!, p.newname!);
      break;
    case CMD_SET_POLICY:
      ret = h.setPolicy(chain!, p.policy!, p.options & OPT_COUNTERS ? p.counters : null);
      break;
    case CMD_NONE:
      break;
    default:
      throw new XtablesError(ExitStatus.Parameter, "", "tryhelp");
  }
  if (p.verbose > 1) {
    h.fn = "DUMP_ENTRIES";
    h.stdout += dumpEntries(h.original);
  }
  return ret;
}

/** The line iptables_main prints when the command or its commit failed. */
export function legacyFailureText(program: string, h: LegacyHandle): string {
  const msg = legacyStrerror(h.fn, h.errno);
  return `${program}: ${msg}.${h.errno === "EINVAL" ? " Run `dmesg' for more information." : ""}\n`;
}

/** iptables_main() of iptables-legacy. */
export function runLegacyIptables(env: IptablesEnv, args: readonly string[]): CommandResult {
  const program = "iptables";
  const version = versionString("legacy");
  let warnings = "";
  let h: LegacyHandle | undefined;
  takePrintWarnings(); // drop text queued outside a command
  try {
    const parsed = parseCommand([program, ...args], {
      registry: env.registry,
      db: env.db,
      table: "filter",
      restore: false,
      line: -1,
    });
    warnings = parsed.warnings;
    if (parsed.kind !== "command")
      return {
        stdout: fillProgram(parsed.stdout, program, version),
        stderr: warnings,
        status: 0,
      };
    const opened = legacyOpen(env, parsed.table);
    if (!(opened instanceof LegacyHandle)) {
      const why = legacyStrerror("INIT", opened.errno);
      throw versionError(`can't initialize iptables table \`${parsed.table}': ${why}`);
    }
    h = opened;
    let ret = legacyDoCommand(h, parsed, (w) => {
      warnings += w;
    });
    if (ret) ret = h.commit();
    const stderr = warnings + takePrintWarnings();
    if (ret) return { stdout: h.stdout, stderr, status: 0 };
    return {
      stdout: h.stdout,
      stderr: stderr + legacyFailureText(program, h),
      status: h.errno === "EAGAIN" ? 4 : 1,
    };
  } catch (e) {
    if (e instanceof LegacyExit)
      return {
        stdout: h?.stdout ?? "",
        stderr: warnings + takePrintWarnings() + e.stderr,
        status: e.status,
      };
    if (!(e instanceof XtablesError)) throw e;
    if (e.warnings) warnings += e.warnings;
    return {
      stdout: h?.stdout ?? "",
      stderr: warnings + takePrintWarnings() + formatXtablesError(e, program, version, -1),
      status: e.status,
    };
  }
}
