/**
 * The iptables command line, parsed as iptables 1.8.9's do_parse() parses it:
 * getopt_long over base options plus the options of every extension loaded
 * so far, implicit protocol matches, the same checks in the same order.
 */
import { scanInt, scanUnsigned, xtStrtouiWhole } from "../../core/cnum.js";
import { ExitStatus, otherError, paramError, tryHelpError, XtablesError } from "../../core/errors.js";
import { type AddrMask, ipParseMultiple } from "../../core/ipv4.js";
import type { NameDb } from "../../core/netdb.js";
import { getProtoByNumber } from "../../core/netdb.js";
import type { MatchInst, Rule } from "../../engine/ruleset.js";
import {
  type AnyMatch,
  type AnyTarget,
  type ExtensionBase,
  IPT_F_FRAG,
  IPT_F_GOTO,
  IPT_INV_DSTIP,
  IPT_INV_FRAG,
  IPT_INV_PROTO,
  IPT_INV_SRCIP,
  IPT_INV_VIA_IN,
  IPT_INV_VIA_OUT,
  type IpSpec,
  type OptionCall,
  type XtOptionEntry,
  XtType,
} from "../../extensions/api.js";
import type { ExtensionRegistry } from "../../extensions/registry.js";
import {
  CHAIN_PROTOS,
  parseProtocolName,
  scratchValue,
  xtablesOptionParse,
  xtablesOptionsFcheck,
} from "../../extensions/xtoptions.js";
import { ch, GETOPT_END, GETOPT_MISSING, GETOPT_NONOPT, GETOPT_UNKNOWN, Getopt, type LongOption } from "../getopt.js";

export const CMD_NONE = 0;
export const CMD_INSERT = 1 << 0;
export const CMD_DELETE = 1 << 1;
export const CMD_DELETE_NUM = 1 << 2;
export const CMD_REPLACE = 1 << 3;
export const CMD_APPEND = 1 << 4;
export const CMD_LIST = 1 << 5;
export const CMD_FLUSH = 1 << 6;
export const CMD_ZERO = 1 << 7;
export const CMD_NEW_CHAIN = 1 << 8;
export const CMD_DELETE_CHAIN = 1 << 9;
export const CMD_SET_POLICY = 1 << 10;
export const CMD_RENAME_CHAIN = 1 << 11;
export const CMD_LIST_RULES = 1 << 12;
export const CMD_ZERO_NUM = 1 << 13;
export const CMD_CHECK = 1 << 14;
const NUMBER_OF_CMD = 15;

export const OPT_NUMERIC = 1 << 0;
export const OPT_SOURCE = 1 << 1;
export const OPT_DESTINATION = 1 << 2;
export const OPT_PROTOCOL = 1 << 3;
export const OPT_JUMP = 1 << 4;
export const OPT_VERBOSE = 1 << 5;
export const OPT_EXPANDED = 1 << 6;
export const OPT_VIANAMEIN = 1 << 7;
export const OPT_VIANAMEOUT = 1 << 8;
export const OPT_LINENUMBERS = 1 << 9;
export const OPT_COUNTERS = 1 << 10;
export const OPT_FRAGMENT = 1 << 11;

const IPT_OPTSTRING = "-:A:C:D:E:F::I:L::M:N:P:VX::Z::c:d:i:j:o:p:s:t:R:S::W::46bfg:h::m:nvw::x";

const ORIGINAL_OPTS: readonly LongOption[] = [
  { name: "append", hasArg: 1, val: ch("A") },
  { name: "delete", hasArg: 1, val: ch("D") },
  { name: "check", hasArg: 1, val: ch("C") },
  { name: "insert", hasArg: 1, val: ch("I") },
  { name: "replace", hasArg: 1, val: ch("R") },
  { name: "list", hasArg: 2, val: ch("L") },
  { name: "list-rules", hasArg: 2, val: ch("S") },
  { name: "flush", hasArg: 2, val: ch("F") },
  { name: "zero", hasArg: 2, val: ch("Z") },
  { name: "new-chain", hasArg: 1, val: ch("N") },
  { name: "delete-chain", hasArg: 2, val: ch("X") },
  { name: "rename-chain", hasArg: 1, val: ch("E") },
  { name: "policy", hasArg: 1, val: ch("P") },
  { name: "source", hasArg: 1, val: ch("s") },
  { name: "destination", hasArg: 1, val: ch("d") },
  { name: "src", hasArg: 1, val: ch("s") },
  { name: "dst", hasArg: 1, val: ch("d") },
  { name: "protocol", hasArg: 1, val: ch("p") },
  { name: "in-interface", hasArg: 1, val: ch("i") },
  { name: "jump", hasArg: 1, val: ch("j") },
  { name: "table", hasArg: 1, val: ch("t") },
  { name: "match", hasArg: 1, val: ch("m") },
  { name: "numeric", hasArg: 0, val: ch("n") },
  { name: "out-interface", hasArg: 1, val: ch("o") },
  { name: "verbose", hasArg: 0, val: ch("v") },
  { name: "wait", hasArg: 2, val: ch("w") },
  { name: "wait-interval", hasArg: 2, val: ch("W") },
  { name: "exact", hasArg: 0, val: ch("x") },
  { name: "fragments", hasArg: 0, val: ch("f") },
  { name: "version", hasArg: 0, val: ch("V") },
  { name: "help", hasArg: 2, val: ch("h") },
  { name: "line-numbers", hasArg: 0, val: ch("0") },
  { name: "modprobe", hasArg: 1, val: ch("M") },
  { name: "set-counters", hasArg: 1, val: ch("c") },
  { name: "goto", hasArg: 1, val: ch("g") },
  { name: "ipv4", hasArg: 0, val: ch("4") },
  { name: "ipv6", hasArg: 0, val: ch("6") },
];

const OPTION_OFFSET_SCALE = 256;
/** XT_EXTENSION_MAXNAMELEN */
export const XT_EXTENSION_MAXNAMELEN = 29;

const OPTFLAGS = ["n", "s", "d", "p", "j", "v", "x", "i", "o", "0", "c", "f"];
const INVERSE_FOR_OPTIONS = [
  0,
  IPT_INV_SRCIP,
  IPT_INV_DSTIP,
  IPT_INV_PROTO,
  0,
  0,
  0,
  IPT_INV_VIA_IN,
  IPT_INV_VIA_OUT,
  0,
  0,
  IPT_INV_FRAG,
];

const CMD_CHARS = ["I", "D", "D", "R", "A", "L", "F", "Z", "N", "X", "P", "E", "S", "Z", "C"];

function cmd2char(option: number): string {
  let i = 0;
  for (let o = option; o > 1; o >>>= 1) i++;
  if (i >= CMD_CHARS.length) throw otherError(`cmd2char(): Invalid command number ${1 << i}.`);
  return CMD_CHARS[i]!;
}

function opt2char(option: number): string {
  let i = 0;
  for (let o = option; o > 1; o >>>= 1) i++;
  return OPTFLAGS[i]!;
}

/** One match or target loaded while parsing. */
export interface ExtInstance {
  ext: ExtensionBase<any>;
  kind: "match" | "target";
  data: any;
  xflags: number;
  udata: Record<string, unknown>;
  completed: boolean;
  offset: number;
}

export interface ParseContext {
  registry: ExtensionRegistry;
  db: NameDb;
  /** Default table ("filter"), or the restore file's current table. */
  table: string;
  restore: boolean;
  /** Restore line number for messages, -1 otherwise. */
  line: number;
  /** Chain names a restore file declared (xtables_announce_chain): never target names. */
  announced?: { has(name: string): boolean };
  /** The same names, each to the one string the rules jumping there share (restore's table of them). */
  chainNames?: ReadonlyMap<string, string>;
  /** Extensions this process already loaded (restore shares it across lines): load warnings print once. */
  loaded?: Set<ExtensionBase<any>>;
}

export interface ParsedCommand {
  kind: "command";
  command: number;
  chain: string | null;
  rulenum: number;
  newname: string | null;
  policy: string | null;
  table: string;
  verbose: number;
  options: number;
  /** -w value: -1 when absent or "wait forever" per -w without seconds. */
  wait: number | null;
  /** Rules expanded over the -s × -d address lists (empty for commands without a rule). */
  rules: Rule[];
  counters: { pcnt: number; bcnt: number };
  /** Stderr text printed before the command runs (warnings, notices). */
  warnings: string;
}

export type ParseResult =
  | ParsedCommand
  | { kind: "help"; stdout: string; warnings: string }
  | { kind: "version"; stdout: string; warnings: string };

export class ParseState {
  matches: ExtInstance[] = [];
  target: ExtInstance | null = null;
  jumpto = "";
  protocol: string | null = null;
  protoUsed = false;
  options = 0;
  invflags = 0;
  proto = 0;
  opts: readonly LongOption[] = ORIGINAL_OPTS;
  nextOffset = 0;
  warnings = "";
  loaded: Set<ExtensionBase<any>>;
  constructor(loaded?: Set<ExtensionBase<any>>) {
    this.loaded = loaded ?? new Set();
  }
  /** The option call record dispatchOption() refills. */
  call: OptionCall<any> | null = null;
  /** Handed to extension parsers and final checks to print a warning. */
  readonly warn = (text: string): void => {
    this.warnings += text;
  };
  /** The command's addresses, interfaces, protocol and flags as parsed so far (rules copy them). */
  readonly ip: IpSpec = emptyIp();

  /** Ready for the next command (restore parses one per line with one state). */
  reset(loaded?: Set<ExtensionBase<any>>): void {
    this.matches = [];
    this.target = null;
    this.jumpto = "";
    this.protocol = null;
    this.protoUsed = false;
    this.options = 0;
    this.invflags = 0;
    this.proto = 0;
    this.opts = ORIGINAL_OPTS;
    this.nextOffset = 0;
    this.warnings = "";
    this.loaded = loaded ?? new Set();
    const ip = this.ip;
    ip.src = 0;
    ip.smsk = 0;
    ip.dst = 0;
    ip.dmsk = 0;
    ip.iniface = "";
    ip.outiface = "";
    ip.proto = 0;
    ip.flags = 0;
    ip.invflags = 0;
  }
}

/** Option entries of an extension by id (built once per extension). */
const entryIndex = new WeakMap<ExtensionBase<any>, Array<XtOptionEntry | undefined>>();

function optionEntry(ext: ExtensionBase<any>, id: number): XtOptionEntry | undefined {
  let m = entryIndex.get(ext);
  if (!m) {
    // By id in an array (ids are small option numbers); the first entry of each id.
    m = [];
    for (const o of ext.options ?? []) {
      if (!(o.id >= 0 && o.id < 256)) continue;
      while (m.length <= o.id) m.push(undefined);
      if (m[o.id] === undefined) m[o.id] = o;
    }
    entryIndex.set(ext, m);
  }
  return id >= 0 && id < m.length ? m[id] : undefined;
}

/** set_option(): the option once only, its `!` into st.invflags. */
function setOption(st: ParseState, option: number, invert: boolean): void {
  if (st.options & option) throw paramError(`multiple -${opt2char(option)} flags not allowed`);
  st.options |= option;
  if (invert) {
    let i = 0;
    while (1 << i !== option) i++;
    if (!INVERSE_FOR_OPTIONS[i]) throw paramError(`cannot have ! before -${opt2char(option)}`);
    st.invflags |= INVERSE_FOR_OPTIONS[i]!;
  }
}

function hasArg(g: Getopt): boolean {
  const a = g.argv[g.optind];
  return g.optind < g.argv.length && a !== undefined && a[0] !== "-" && a[0] !== "!";
}

function parseRulenumber(rule: string): number {
  const v = xtStrtouiWhole(rule, 1, 0x7fffffff);
  if (v === undefined) throw paramError(`Invalid rule number \`${rule}'`);
  return v;
}

/** add_command(): the commands given so far with `newcmd` added. */
function addCommand(cmd: number, newcmd: number, othercmds: number, invert: boolean): number {
  if (invert) throw paramError("unexpected '!' flag");
  if (cmd & ~othercmds) throw paramError(`Cannot use -${cmd2char(newcmd)} with -${cmd2char(cmd & ~othercmds)}`);
  return cmd | newcmd;
}

/** Whether `s` holds a C isspace() character (space, \t \n \v \f \r). */
function hasCSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) return true;
  }
  return false;
}

/** assert_valid_chain_name() */
export function assertValidChainName(
  name: string,
  registry: ExtensionRegistry,
  announced?: { has(name: string): boolean },
): void {
  if (name.length >= XT_EXTENSION_MAXNAMELEN)
    throw paramError(`chain name \`${name}' too long (must be under ${XT_EXTENSION_MAXNAMELEN} chars)`);
  if (name[0] === "-" || name[0] === "!") throw paramError(`chain name not allowed to start with \`${name[0]}'`);
  if (findTargetByName(name, registry, announced)) throw paramError("chain name may not clash with target name");
  if (hasCSpace(name)) throw paramError(`Invalid chain name \`${name}'`);
}

const STANDARD_VERDICTS = new Set(["", "ACCEPT", "DROP", "QUEUE", "RETURN"]);

function findTargetByName(
  name: string,
  registry: ExtensionRegistry,
  announced?: { has(name: string): boolean },
): AnyTarget | undefined {
  // (the verdicts' names are short: a long name, most often a chain's, skips the set)
  if (name.length <= 6 && STANDARD_VERDICTS.has(name)) return registry.findTarget("standard");
  if (announced?.has(name)) return undefined;
  return registry.findTarget(name);
}

function xtParseTarget(name: string): string {
  if (name.length < 1) throw paramError("Invalid target name (too short)");
  if (name.length >= XT_EXTENSION_MAXNAMELEN)
    throw paramError(`Invalid target name \`${name}' (${XT_EXTENSION_MAXNAMELEN - 1} chars max)`);
  if (hasCSpace(name)) throw paramError(`Invalid target name \`${name}'`);
  return name;
}

/** Merged option tables, memoised per (previous table, extension): restore parses thousands of alike lines. */
const mergeCache = new WeakMap<readonly LongOption[], Map<ExtensionBase<any>, LongOption[]>>();

function mergeOptions(st: ParseState, ext: ExtensionBase<any>): number {
  st.nextOffset += OPTION_OFFSET_SCALE;
  const offset = st.nextOffset;
  let byExt = mergeCache.get(st.opts);
  if (!byExt) {
    byExt = new Map();
    mergeCache.set(st.opts, byExt);
  }
  let merged = byExt.get(ext);
  if (!merged) {
    const mine: LongOption[] = (ext.options ?? []).map((o) => ({
      name: o.name,
      hasArg: o.hasArg ?? (o.type !== XtType.NONE ? 1 : 0),
      val: o.id + offset,
    }));
    const base = ORIGINAL_OPTS.length;
    merged = [...ORIGINAL_OPTS, ...mine, ...st.opts.slice(base)];
    byExt.set(ext, merged);
  }
  st.opts = merged;
  return offset;
}

/** The udata of extensions that keep nothing there (frozen: a write would be a missing `udata: true`). */
const NO_UDATA: Record<string, unknown> = Object.freeze({});

function newInstance(ext: ExtensionBase<any>, kind: "match" | "target", ip: IpSpec): ExtInstance {
  const udata = ext.udata ? {} : NO_UDATA;
  return { ext, kind, data: ext.init(ip), xflags: 0, udata, completed: false, offset: 0 };
}

/** xtables_find_match with a rule's match list: marks earlier instances of it completed. */
function loadMatch(st: ParseState, ext: AnyMatch, ip: IpSpec): ExtInstance {
  if (ext.loadWarning && !st.loaded.has(ext)) st.warnings += ext.loadWarning;
  st.loaded.add(ext);
  // Options merge once per extension type: a second instance shares the first one's offset.
  let offset = -1;
  for (const m of st.matches) {
    if (m.ext !== ext) continue;
    m.completed = true;
    if (offset < 0) offset = m.offset;
  }
  const inst = newInstance(ext, "match", ip);
  inst.offset = offset >= 0 ? offset : mergeOptions(st, ext);
  st.matches.push(inst);
  return inst;
}

function matchNameCheck(name: string): void {
  if (name.length >= XT_EXTENSION_MAXNAMELEN)
    throw paramError(`Invalid match name "${name}" (${XT_EXTENSION_MAXNAMELEN - 1} chars max)`);
}

/** find_proto(): the match a protocol name or number implies, if any. */
function findProtoMatch(pname: string, numeric: boolean, registry: ExtensionRegistry): AnyMatch | undefined {
  const num = xtStrtouiWhole(pname, 0, 255);
  if (num !== undefined) {
    let name: string | undefined;
    for (const [n, v] of CHAIN_PROTOS)
      if (v === num) {
        name = n;
        break;
      }
    if (name === undefined && num !== 0 && !numeric) name = getProtoByNumber(num);
    if (name === undefined) return undefined;
    matchNameCheck(name);
    return registry.findMatch(name);
  }
  matchNameCheck(pname);
  return registry.findMatch(pname === "icmpv6" || pname === "ipv6-icmp" ? "icmp6" : pname);
}

function dispatchOption(
  st: ParseState,
  inst: ExtInstance,
  id: number,
  g: Getopt,
  invert: boolean,
  ip: IpSpec,
  db: NameDb,
): void {
  const ext = inst.ext;
  const entry = optionEntry(ext, id);
  if (!entry) throw otherError(`Extension does not know id ${id}`);
  // One call record per command, refilled for each option (extensions use it during the call only).
  let cb = st.call;
  if (cb === null) {
    cb = {
      entry,
      arg: "",
      invert,
      extName: ext.name,
      data: inst.data,
      xflags: 0,
      nvals: 0,
      val: scratchValue(),
      ip,
      getopt: g,
      db,
      udata: inst.udata,
      warn: st.warn,
    };
    st.call = cb;
  }
  cb.entry = entry;
  cb.arg = g.optarg ?? "";
  cb.invert = invert;
  cb.extName = ext.name;
  cb.data = inst.data;
  cb.xflags = inst.xflags;
  cb.nvals = 0;
  cb.val = scratchValue();
  cb.ip = ip;
  cb.getopt = g;
  cb.db = db;
  cb.udata = inst.udata;
  if (!ext.rawParse) xtablesOptionParse(cb);
  if (ext.parse) ext.parse(cb);
  if (!ext.rawParse) inst.xflags = cb.xflags | (1 << entry.id);
  else inst.xflags = cb.xflags;
}

function finalCheck(inst: ExtInstance, ip: IpSpec, st?: ParseState): void {
  const ext = inst.ext;
  if (ext.finalCheck) {
    const warn = st ? st.warn : () => {};
    ext.finalCheck({ extName: ext.name, data: inst.data, xflags: inst.xflags, ip, udata: inst.udata, warn });
  }
  if (ext.options && !ext.rawParse) xtablesOptionsFcheck(ext.name, inst.xflags, ext.options);
}

/** What no -s/-d means (read only: never written, kept unfrozen so that loops over it stay fast). */
const ANY_ADDRESS: readonly AddrMask[] = [{ addr: 0, mask: 0 }];
/** The counters of a command without -c (read only). */
const NO_COUNTERS: { pcnt: number; bcnt: number } = { pcnt: 0, bcnt: 0 };
/** The rules of a command without any (read only). */
const NO_RULES: Rule[] = [];

/**
 * IpSpecs of rules without addresses or interfaces, one per protocol and flags: most rules of a large set have
 * none, and a rule's IpSpec is never written once the rule is made (a change makes a new one).
 */
const sharedIps = new Map<number, IpSpec>();

function sharedIp(proto: number, flags: number, invflags: number): IpSpec {
  const key = proto + 256 * (flags + 256 * invflags);
  let ip = sharedIps.get(key);
  if (ip === undefined) {
    ip = { src: 0, smsk: 0, dst: 0, dmsk: 0, iniface: "", outiface: "", proto, flags, invflags };
    sharedIps.set(key, ip);
  }
  return ip;
}

function emptyIp(): IpSpec {
  return { src: 0, smsk: 0, dst: 0, dmsk: 0, iniface: "", outiface: "", proto: 0, flags: 0, invflags: 0 };
}

/** xtables_parse_interface(): name length check and the kernel-disallowed character warning. */
function parseInterface(arg: string, st: ParseState): string {
  if (arg.length + 1 > 16) throw paramError(`interface name \`${arg}' must be shorter than IFNAMSIZ (15)`);
  if (arg.includes("/") || arg.includes(" "))
    st.warnings += `Warning: weird character in interface \`${arg}' ('/' and ' ' are not allowed by the kernel).\n`;
  return arg;
}

/** do_parse() + ipv4_post_parse(): argv[0] is the program name. */
export function parseCommand(argv: string[], ctx: ParseContext): ParseResult {
  // The state and getopt of the last command are taken over (nothing returned holds them); a parse within a
  // parse, if ever, makes its own.
  let st = spareState;
  let g = spareGetopt;
  spareState = null;
  spareGetopt = null;
  if (st === null) st = new ParseState(ctx.loaded);
  else st.reset(ctx.loaded);
  if (g === null) g = new Getopt(argv, IPT_OPTSTRING);
  else g.restart(argv);
  try {
    return parseCommandInner(argv, ctx, st, g);
  } catch (e) {
    if (e instanceof XtablesError) e.warnings = st.warnings;
    throw e;
  } finally {
    spareState = st;
    spareGetopt = g;
  }
}

/** Kept between commands: iptables-restore parses one per line. */
let spareState: ParseState | null = null;
let spareGetopt: Getopt | null = null;

function parseCommandInner(argv: string[], ctx: ParseContext, st: ParseState, g: Getopt): ParseResult {
  const ip = st.ip;
  let cmd = CMD_NONE;
  let chain: string | null = null;
  let rulenum = 0;
  let newname: string | null = null;
  let policy: string | null = null;
  let table = ctx.table;
  let tableSet = false;
  let verbose = 0;
  let invert = false;
  let wait: number | null = null;
  let waitIntervalSet = false;
  let shost: string | null = null;
  let dhost: string | null = null;
  let iniface = "";
  let outiface = "";
  let gotoSet = false;
  let pcntStr: string | null = null;
  let pcnt = 0;
  let bcnt = 0;
  const registry = ctx.registry;

  for (;;) {
    const c = g.next(st.opts);
    if (c === GETOPT_END) break;
    let rerun = false;
    const optarg = g.optarg;
    switch (c) {
      case 65 /* A */:
        cmd = addCommand(cmd, CMD_APPEND, CMD_NONE, invert);
        chain = optarg;
        break;
      case 67 /* C */:
        cmd = addCommand(cmd, CMD_CHECK, CMD_NONE, invert);
        chain = optarg;
        break;
      case 68 /* D */:
        cmd = addCommand(cmd, CMD_DELETE, CMD_NONE, invert);
        chain = optarg;
        if (hasArg(g)) {
          rulenum = parseRulenumber(argv[g.optind++]!);
          cmd = CMD_DELETE_NUM;
        }
        break;
      case 82 /* R */:
        cmd = addCommand(cmd, CMD_REPLACE, CMD_NONE, invert);
        chain = optarg;
        if (hasArg(g)) rulenum = parseRulenumber(argv[g.optind++]!);
        else throw paramError(`-${cmd2char(CMD_REPLACE)} requires a rule number`);
        break;
      case 73 /* I */:
        cmd = addCommand(cmd, CMD_INSERT, CMD_NONE, invert);
        chain = optarg;
        if (hasArg(g)) rulenum = parseRulenumber(argv[g.optind++]!);
        else rulenum = 1;
        break;
      case 76 /* L */:
        cmd = addCommand(cmd, CMD_LIST, CMD_ZERO | CMD_ZERO_NUM, invert);
        if (optarg !== null) chain = optarg;
        else if (hasArg(g)) chain = argv[g.optind++]!;
        if (hasArg(g)) rulenum = parseRulenumber(argv[g.optind++]!);
        break;
      case 83 /* S */:
        cmd = addCommand(cmd, CMD_LIST_RULES, CMD_ZERO | CMD_ZERO_NUM, invert);
        if (optarg !== null) chain = optarg;
        else if (hasArg(g)) chain = argv[g.optind++]!;
        if (hasArg(g)) rulenum = parseRulenumber(argv[g.optind++]!);
        break;
      case 70 /* F */:
        cmd = addCommand(cmd, CMD_FLUSH, CMD_NONE, invert);
        if (optarg !== null) chain = optarg;
        else if (hasArg(g)) chain = argv[g.optind++]!;
        break;
      case 90 /* Z */:
        cmd = addCommand(cmd, CMD_ZERO, CMD_LIST | CMD_LIST_RULES, invert);
        if (optarg !== null) chain = optarg;
        else if (hasArg(g)) chain = argv[g.optind++]!;
        if (hasArg(g)) {
          rulenum = parseRulenumber(argv[g.optind++]!);
          cmd = CMD_ZERO_NUM;
        }
        break;
      case 78 /* N */:
        assertValidChainName(optarg!, registry, ctx.announced);
        cmd = addCommand(cmd, CMD_NEW_CHAIN, CMD_NONE, invert);
        chain = optarg;
        break;
      case 88 /* X */:
        cmd = addCommand(cmd, CMD_DELETE_CHAIN, CMD_NONE, invert);
        if (optarg !== null) chain = optarg;
        else if (hasArg(g)) chain = argv[g.optind++]!;
        break;
      case 69 /* E */:
        cmd = addCommand(cmd, CMD_RENAME_CHAIN, CMD_NONE, invert);
        chain = optarg;
        if (hasArg(g)) newname = argv[g.optind++]!;
        else throw paramError(`-${cmd2char(CMD_RENAME_CHAIN)} requires old-chain-name and new-chain-name`);
        break;
      case 80 /* P */:
        cmd = addCommand(cmd, CMD_SET_POLICY, CMD_NONE, invert);
        chain = optarg;
        if (hasArg(g)) policy = argv[g.optind++]!;
        else throw paramError(`-${cmd2char(CMD_SET_POLICY)} requires a chain and a policy`);
        break;
      case 104 /* h */:
        {
          if (st.matches.length === 0 && st.protocol !== null) {
            const m = findProtoMatch(st.protocol, false, registry);
            if (m) loadMatch(st, m, ip);
          }
          return { kind: "help", stdout: helpText(st), warnings: st.warnings };
        }
      case 112 /* p */:
        {
          setOption(st, OPT_PROTOCOL, invert);
          const raw = argv[g.optind - 1]!.toLowerCase();
          argv[g.optind - 1] = raw;
          st.protocol = raw;
          st.proto = parseProtocolName(raw);
          if (st.proto === 0 && st.invflags & IPT_INV_PROTO) throw paramError("rule would never match protocol");
          ip.proto = st.proto;
          ip.invflags = st.invflags;
          break;
        }
      case 115 /* s */:
        setOption(st, OPT_SOURCE, invert);
        shost = argv[g.optind - 1]!;
        break;
      case 100 /* d */:
        setOption(st, OPT_DESTINATION, invert);
        dhost = argv[g.optind - 1]!;
        break;
      case 103 /* g */:
        {
          setOption(st, OPT_JUMP, invert);
          gotoSet = true;
          const name = xtParseTarget(optarg!);
          st.jumpto = ctx.chainNames?.get(name) ?? name;
          break;
        }
      case 106 /* j */:
        {
          setOption(st, OPT_JUMP, invert);
          const name = xtParseTarget(argv[g.optind - 1]!);
          // A declared chain (never a verdict's or target's name: its declaration is checked) is no target.
          const declared = ctx.chainNames?.get(name);
          const t = declared === undefined ? findTargetByName(name, registry, ctx.announced) : undefined;
          // Rules share the chain's or target's name string (the argument is a copy per rule).
          st.jumpto = declared ?? (t !== undefined && t.name === name ? t.name : name);
          if (t?.loadWarning && !st.loaded.has(t)) st.warnings += t.loadWarning;
          if (t) st.loaded.add(t);
          if (t) {
            const instT = newInstance(t, "target", ip);
            instT.offset = mergeOptions(st, t);
            st.target = instT;
          }
          break;
        }
      case 105 /* i */:
        if (optarg === "") throw paramError("Empty interface is likely to be undesired");
        setOption(st, OPT_VIANAMEIN, invert);
        iniface = parseInterface(argv[g.optind - 1]!, st);
        break;
      case 111 /* o */:
        if (optarg === "") throw paramError("Empty interface is likely to be undesired");
        setOption(st, OPT_VIANAMEOUT, invert);
        outiface = parseInterface(argv[g.optind - 1]!, st);
        break;
      case 102 /* f */:
        setOption(st, OPT_FRAGMENT, invert);
        ip.flags |= IPT_F_FRAG;
        break;
      case 118 /* v */:
        if (!verbose) setOption(st, OPT_VERBOSE, invert);
        verbose++;
        break;
      case 109 /* m */:
        {
          if (invert) throw paramError("unexpected ! flag before --match");
          matchNameCheck(optarg!);
          const m = registry.findMatch(optarg!);
          if (!m) throw paramError(`Couldn't load match \`${optarg}':No such file or directory\n`);
          loadMatch(st, m, ip);
          break;
        }
      case 110 /* n */:
        setOption(st, OPT_NUMERIC, invert);
        break;
      case 116 /* t */:
        if (invert) throw paramError("unexpected ! flag before --table");
        if (ctx.restore && tableSet) throw paramError("The -t option cannot be used in iptables-restore.\n");
        table = optarg!;
        tableSet = true;
        break;
      case 120 /* x */:
        setOption(st, OPT_EXPANDED, invert);
        break;
      case 86 /* V */:
        return {
          kind: "version",
          stdout: invert ? "Not @VERSION@ ;-)\n" : "@PROGRAM@ v@VERSION@\n",
          warnings: st.warnings,
        };
      case 119 /* w */:
        {
          if (ctx.restore) throw paramError("You cannot use `-w' from iptables-restore");
          let w = -1;
          if (optarg !== null) {
            const v = scanInt(optarg);
            if (v === undefined) throw paramError("wait seconds not numeric");
            w = v;
          } else if (hasArg(g)) {
            const v = scanInt(argv[g.optind++]!);
            if (v === undefined) throw paramError("wait seconds not numeric");
            w = v;
          }
          wait = w;
          break;
        }
      case 87 /* W */:
        {
          if (ctx.restore) throw paramError("You cannot use `-W' from iptables-restore");
          let arg: string;
          if (optarg !== null) arg = optarg;
          else if (hasArg(g)) arg = argv[g.optind++]!;
          else throw paramError("wait interval value required");
          const usec = scanUnsigned(arg);
          if (usec === undefined) throw paramError("wait interval not numeric");
          if ((usec & 0xffffffffn) > 999999n)
            throw paramError(`too long usec wait ${usec & 0xffffffffn} > 999999 usec`);
          st.warnings += "Ignoring deprecated --wait-interval option.\n";
          waitIntervalSet = true;
          break;
        }
      case 48 /* 0 */:
        setOption(st, 1 << 9, invert);
        break;
      case 77 /* M */:
        break;
      case 99 /* c */:
        {
          setOption(st, OPT_COUNTERS, invert);
          pcntStr = optarg!;
          const comma = pcntStr.indexOf(",", 1);
          let bcntStr: string | null = comma >= 0 ? pcntStr.slice(comma + 1) : null;
          if (bcntStr === null && hasArg(g)) bcntStr = argv[g.optind++]!;
          if (bcntStr === null) throw paramError("-c requires packet and byte counter");
          const p = scanUnsigned(pcntStr);
          if (p === undefined) throw paramError("-c packet counter not numeric");
          const b = scanUnsigned(bcntStr);
          if (b === undefined) throw paramError("-c byte counter not numeric");
          pcnt = Number(p);
          bcnt = Number(b);
          break;
        }
      case 52 /* 4 */:
        break;
      case 54 /* 6 */:
        if (ctx.restore) return emptyCommand(table, st);
        throw tryHelpError(ExitStatus.Parameter, "");
      case GETOPT_NONOPT:
        if (optarg === "!") {
          if (invert) throw paramError("multiple consecutive ! not allowed");
          invert = true;
          continue;
        }
        throw tryHelpError(ExitStatus.Parameter, `Bad argument \`${optarg}'\n`);
      default:
        rerun = commandDefault(st, c, g, invert, ip, ctx);
        break;
    }
    if (rerun) continue;
    invert = false;
  }

  if (table === "nat" && (policy === "DROP" || st.jumpto === "DROP"))
    throw paramError('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');
  if (!wait && waitIntervalSet) throw paramError("--wait-interval only makes sense with --wait\n");

  for (const m of st.matches) finalCheck(m, ip, st);
  if (st.target) finalCheck(st.target, ip, st);

  if (g.optind < argv.length) throw paramError("unknown arguments found on commandline");
  if (!cmd) throw paramError("no command specified");
  if (invert) throw paramError("nothing appropriate following !");

  // ipv4_post_parse
  ip.flags = (ip.flags & IPT_F_FRAG) | (gotoSet ? IPT_F_GOTO : 0);
  ip.invflags = st.invflags;
  ip.iniface = iniface;
  ip.outiface = outiface;
  const command = cmd;
  let saddrs: readonly AddrMask[] = [];
  let daddrs: readonly AddrMask[] = [];
  if (command & (CMD_REPLACE | CMD_INSERT | CMD_DELETE | CMD_APPEND | CMD_CHECK)) {
    // No -s/-d: 0.0.0.0/0, as parsed.
    if (!(st.options & OPT_DESTINATION)) daddrs = ANY_ADDRESS;
    if (!(st.options & OPT_SOURCE)) saddrs = ANY_ADDRESS;
  }
  if (shost !== null) saddrs = ipParseMultiple(shost, ctx.db);
  if (dhost !== null) daddrs = ipParseMultiple(dhost, ctx.db);
  if ((saddrs.length > 1 || daddrs.length > 1) && ip.invflags & (IPT_INV_SRCIP | IPT_INV_DSTIP))
    throw paramError("! not allowed with multiple source or destination IP addresses");
  if (command === CMD_REPLACE && (saddrs.length !== 1 || daddrs.length !== 1))
    throw paramError("Replacement rule does not specify a unique address");

  genericOptCheck(command, st.options);

  if (chain !== null && chain.length >= XT_EXTENSION_MAXNAMELEN)
    throw paramError(`chain name \`${chain}' too long (must be under ${XT_EXTENSION_MAXNAMELEN} chars)`);

  if (
    command === CMD_APPEND ||
    command === CMD_DELETE ||
    command === CMD_DELETE_NUM ||
    command === CMD_CHECK ||
    command === CMD_INSERT ||
    command === CMD_REPLACE
  ) {
    if ((chain === "PREROUTING" || chain === "INPUT") && st.options & OPT_VIANAMEOUT)
      throw paramError(`Can't use -${opt2char(OPT_VIANAMEOUT)} with ${chain}\n`);
    if ((chain === "POSTROUTING" || chain === "OUTPUT") && st.options & OPT_VIANAMEIN)
      throw paramError(`Can't use -${opt2char(OPT_VIANAMEIN)} with ${chain}\n`);
  }

  let rules: Rule[] = NO_RULES;
  if (command & (CMD_APPEND | CMD_INSERT | CMD_DELETE | CMD_CHECK | CMD_REPLACE)) {
    rules = new Array(saddrs.length * daddrs.length);
    let k = 0;
    for (let si = 0; si < saddrs.length; si++) {
      const s = saddrs[si]!;
      for (let di = 0; di < daddrs.length; di++) {
        const d = daddrs[di]!;
        const matches: MatchInst[] = new Array(st.matches.length);
        for (let i = 0; i < matches.length; i++) {
          const m = st.matches[i]!;
          matches[i] = { ext: m.ext as AnyMatch, data: m.data };
        }
        const rip: IpSpec =
          s.addr === 0 && s.mask === 0 && d.addr === 0 && d.mask === 0 && ip.iniface === "" && ip.outiface === ""
            ? sharedIp(ip.proto, ip.flags, ip.invflags)
            : {
                src: s.addr,
                smsk: s.mask,
                dst: d.addr,
                dmsk: d.mask,
                iniface: ip.iniface,
                outiface: ip.outiface,
                proto: ip.proto,
                flags: ip.flags,
                invflags: ip.invflags,
              };
        rules[k++] = {
          ip: rip,
          matches,
          target: st.target ? { ext: st.target.ext as AnyTarget, data: st.target.data } : null,
          jumpto: st.jumpto,
          pcnt,
          bcnt,
          saveText: undefined,
          hookOk: undefined,
          nftSrc: undefined,
          handle: undefined,
        };
      }
    }
  }

  return {
    kind: "command",
    command,
    chain,
    rulenum,
    newname,
    policy,
    table,
    verbose,
    options: st.options,
    wait,
    rules,
    counters: pcnt === 0 && bcnt === 0 ? NO_COUNTERS : { pcnt, bcnt },
    warnings: st.warnings,
  };
}

function emptyCommand(table: string, st: ParseState): ParsedCommand {
  return {
    kind: "command",
    command: CMD_NONE,
    chain: null,
    rulenum: 0,
    newname: null,
    policy: null,
    table,
    verbose: 0,
    options: 0,
    wait: null,
    rules: [],
    counters: { pcnt: 0, bcnt: 0 },
    warnings: st.warnings,
  };
}

/** command_default(): an extension option, an implicit protocol match, or an error. Returns true to rerun getopt. */
function commandDefault(st: ParseState, c: number, g: Getopt, invert: boolean, ip: IpSpec, ctx: ParseContext): boolean {
  const t = st.target;
  if (t?.ext.options && c >= t.offset && c < t.offset + OPTION_OFFSET_SCALE) {
    dispatchOption(st, t, c - t.offset, g, invert, ip, ctx.db);
    return false;
  }
  for (const m of st.matches) {
    if (m.completed || !m.ext.options) continue;
    if (c < m.offset || c >= m.offset + OPTION_OFFSET_SCALE) continue;
    dispatchOption(st, m, c - m.offset, g, invert, ip, ctx.db);
    return false;
  }
  if (st.protocol !== null && !st.protoUsed) {
    const m = findProtoMatch(st.protocol, (st.options & OPT_NUMERIC) !== 0, ctx.registry);
    if (m) {
      st.protoUsed = true;
      loadMatch(st, m, ip);
      g.optind--;
      return true;
    }
  }
  if (c === GETOPT_MISSING) throw paramError(`option "${g.argv[g.optind - 1]}" requires an argument`);
  if (c === GETOPT_UNKNOWN) throw paramError(`unknown option "${g.argv[g.optind - 1]}"`);
  throw paramError(`Unknown arg "${g.optarg}"`);
}

function genericOptCheck(command: number, options: number): void {
  // Fast path: a single command whose options are all legal.
  const j = 31 - Math.clz32(command);
  if (command === 1 << j && j < NUMBER_OF_CMD && (options & ILLEGAL[j]!) === 0) return;
  for (let i = 0; i < OPTFLAGS.length; i++) {
    let legal = 0;
    for (let j = 0; j < NUMBER_OF_CMD; j++) {
      if (!(command & (1 << j))) continue;
      const cell = TABLE[j]![i]!;
      if (!(options & (1 << i))) {
        if (cell === "+") throw paramError(`You need to supply the \`-${OPTFLAGS[i]}' option for this command`);
      } else if (cell !== "x") legal = 1;
      else if (legal === 0) legal = -1;
    }
    if (legal === -1) throw paramError(`Illegal option \`-${OPTFLAGS[i]}' with this command`);
  }
}

// commands_v_options from xshared.c; columns -n -s -d -p -j -v -x -i -o --line -c -f.
const TABLE: readonly string[] = [
  /*INSERT*/ "x     x  x  ",
  /*DELETE*/ "x     x  xx ",
  /*DELETE_NUM*/ "xxxxx xxxxxx",
  /*REPLACE*/ "x     x  x  ",
  /*APPEND*/ "x     x  x  ",
  /*LIST*/ " xxxx  xx xx",
  /*FLUSH*/ "xxxxx xxxxxx",
  /*ZERO*/ "xxxxx xxxxxx",
  /*NEW_CHAIN*/ "xxxxx xxxxxx",
  /*DEL_CHAIN*/ "xxxxx xxxxxx",
  /*SET_POLICY*/ "xxxxx xxxx x",
  /*RENAME*/ "xxxxx xxxxxx",
  /*LIST_RULES*/ "xxxxx xxxxxx",
  /*ZERO_NUM*/ "xxxxx xxxxxx",
  /*CHECK*/ "x     x  xx ",
];

/** Per command, the options it forbids (no command requires one). */
const ILLEGAL: readonly number[] = TABLE.map((row) => {
  let m = 0;
  for (let i = 0; i < row.length; i++) if (row[i] === "x") m |= 1 << i;
  return m;
});

/** -h output: the base help, then the help of each target used and each match loaded. */
function helpText(st: ParseState): string {
  let out = BASE_HELP;
  const t = st.target;
  if (t) out += t.ext.help ? `\n${t.ext.help()}` : `\n${t.ext.name} does not take any options\n`;
  for (const m of st.matches) out += m.ext.help ? `\n${m.ext.help()}` : `\n${m.ext.name} does not take any options\n`;
  return out;
}

const BASE_HELP = `@PROGRAM@ v@VERSION@

Usage: @PROGRAM@ -[ACD] chain rule-specification [options]
       @PROGRAM@ -I chain [rulenum] rule-specification [options]
       @PROGRAM@ -R chain rulenum rule-specification [options]
       @PROGRAM@ -D chain rulenum [options]
       @PROGRAM@ -[LS] [chain [rulenum]] [options]
       @PROGRAM@ -[FZ] [chain] [options]
       @PROGRAM@ -[NX] chain
       @PROGRAM@ -E old-chain-name new-chain-name
       @PROGRAM@ -P chain target [options]
       @PROGRAM@ -h (print this help information)

Commands:
Either long or short options are allowed.
  --append  -A chain		Append to chain
  --check   -C chain		Check for the existence of a rule
  --delete  -D chain		Delete matching rule from chain
  --delete  -D chain rulenum
				Delete rule rulenum (1 = first) from chain
  --insert  -I chain [rulenum]
				Insert in chain as rulenum (default 1=first)
  --replace -R chain rulenum
				Replace rule rulenum (1 = first) in chain
  --list    -L [chain [rulenum]]
				List the rules in a chain or all chains
  --list-rules -S [chain [rulenum]]
				Print the rules in a chain or all chains
  --flush   -F [chain]		Delete all rules in  chain or all chains
  --zero    -Z [chain [rulenum]]
				Zero counters in chain or all chains
  --new     -N chain		Create a new user-defined chain
  --delete-chain
            -X [chain]		Delete a user-defined chain
  --policy  -P chain target
				Change policy on chain to target
  --rename-chain
            -E old-chain new-chain
				Change chain name, (moving any references)

Options:
    --ipv4	-4		Nothing (line is ignored by ip6tables-restore)
    --ipv6	-6		Error (line is ignored by iptables-restore)
[!] --protocol	-p proto	protocol: by number or name, eg. \`tcp'
[!] --source	-s address[/mask][...]
				source specification
[!] --destination -d address[/mask][...]
				destination specification
[!] --in-interface -i input name[+]
				network interface name ([+] for wildcard)
 --jump	-j target
				target for rule (may load target extension)
  --goto      -g chain
			       jump to chain with no return
  --match	-m match
				extended match (may load extension)
  --numeric	-n		numeric output of addresses and ports
[!] --out-interface -o output name[+]
				network interface name ([+] for wildcard)
  --table	-t table	table to manipulate (default: \`filter')
  --verbose	-v		verbose mode
  --wait	-w [seconds]	maximum wait to acquire xtables lock before give up
  --line-numbers		print line numbers when listing
  --exact	-x		expand numbers (display exact values)
[!] --fragment	-f		match second or further fragments only
  --modprobe=<command>		try to insert modules using this command
  --set-counters -c PKTS BYTES	set the counter during insert/append
[!] --version	-V		print package version.
`;
