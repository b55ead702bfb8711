/**
 * The extension API: what one match or target module declares (options,
 * parser, `-L` printer, save printer, kernel checks), modelled on
 * libxtables' struct xtables_match/xtables_target with x6 option tables.
 */

import type { Getopt } from "../compat/getopt.js";
import type { NameDb } from "../core/netdb.js";
import type { MatchFn, TargetFn } from "../engine/context.js";

/** Option argument types (enum xt_option_type). */
export enum XtType {
  NONE = 0,
  UINT8,
  UINT16,
  UINT32,
  UINT64,
  UINT8RC,
  UINT16RC,
  UINT32RC,
  UINT64RC,
  DOUBLE,
  STRING,
  TOSMASK,
  MARKMASK32,
  SYSLOGLEVEL,
  HOST,
  HOSTMASK,
  PROTOCOL,
  PORT,
  PORTRC,
  PLEN,
  PLENMASK,
  ETHERMAC,
}

export const XTOPT_INVERT = 1 << 0;
export const XTOPT_MAND = 1 << 1;
export const XTOPT_MULTI = 1 << 2;
/** The generic parser stores the value into `data[put]`. */
export const XTOPT_PUT = 1 << 3;

export interface XtOptionEntry {
  name: string;
  id: number;
  type: XtType;
  flags?: number;
  /** Bit mask (1 << id) of options this one excludes / requires. */
  excl?: number;
  also?: number;
  min?: number;
  max?: number;
  /** For *RC types: how many components at most (default 2). For STRING: buffer size incl. NUL. */
  size?: number;
  /** Property of the data object that XTOPT_PUT stores into. */
  put?: string;
  /** Old-style getopt option: has_arg override (0, 1, 2) when not derived from type. */
  hasArg?: number;
}

/** The IPv4 part of the rule being parsed (struct ipt_ip), read by some extensions. */
export interface IpSpec {
  src: number;
  smsk: number;
  dst: number;
  dmsk: number;
  iniface: string;
  outiface: string;
  proto: number;
  flags: number;
  invflags: number;
}

export const IPT_F_FRAG = 0x01;
export const IPT_F_GOTO = 0x02;

export const IPT_INV_VIA_IN = 0x01;
export const IPT_INV_VIA_OUT = 0x02;
export const IPT_INV_TOS = 0x04;
export const IPT_INV_SRCIP = 0x08;
export const IPT_INV_DSTIP = 0x10;
export const IPT_INV_FRAG = 0x20;
export const IPT_INV_PROTO = 0x40;

/** Values the generic parser derived from the argument (cb->val). */
export interface XtOptionValue {
  u: number;
  big: bigint;
  range: number[];
  bigRange: bigint[];
  dbl: number;
  str: string;
  tosValue: number;
  tosMask: number;
  mark: number;
  mask: number;
  syslogLevel: number;
  haddr: number;
  hmask: number;
  hlen: number;
  protocol: number;
  port: number;
  portRange: [number, number];
  ethermac: number[];
}

/** One option occurrence handed to an extension's parse (struct xt_option_call). */
export interface OptionCall<D> {
  entry: XtOptionEntry;
  arg: string;
  invert: boolean;
  extName: string;
  data: D;
  /** Bits (1 << id) of this extension's options seen so far, before this one. */
  xflags: number;
  nvals: number;
  val: XtOptionValue;
  /** The rule's IP part as parsed so far. */
  ip: IpSpec;
  /** The argument vector and getopt state, for options that consume extra words. */
  getopt: Getopt;
  db: NameDb;
  /** Per-instance scratch area that is not part of the rule (udata). */
  udata: Record<string, unknown>;
  /** Replace the instance's revision (rarely: a parser picking another layout). */
  setRevision?(rev: number): void;
  /** Print a warning to stderr now (fprintf(stderr, ...) in an extension's parser). */
  warn?(text: string): void;
}

export interface FinalCheckCall<D> {
  extName: string;
  data: D;
  xflags: number;
  ip: IpSpec;
  udata: Record<string, unknown>;
  /** Print a warning to stderr now (fprintf(stderr, ...) in a final check). */
  warn?(text: string): void;
}

/** The context of printing a rule (`-L`) or saving it. */
export interface PrintContext {
  ip: IpSpec;
  numeric: boolean;
  db: NameDb;
}

/** The kernel's view when a rule is committed: table and hooks that can reach it. */
export interface KernelCheckContext {
  table: string;
  /** Bit mask of NF_INET_* hooks from which the chain is reachable. */
  hookMask: number;
  ip: IpSpec;
  /** Name of the chain the rule is in. */
  chain: string;
  /**
   * True when the kernel runs checkentry (rule insertion; hookMask is the
   * chain's own hook, 0 in a user chain); absent when a user chain is
   * validated through jumps, where the kernel only checks xt hook masks.
   */
  checkentry?: boolean;
  /**
   * At insertion only: the match/target instances the kernel already holds in
   * this network namespace (all tables, committed and earlier in the batch),
   * for checks against kernel-wide objects (e.g. RATEEST estimators).
   */
  peers?: () => Array<{ ext: ExtensionBase<any>; data: unknown }>;
}

/** A kernel checkentry failure: errno name as nft reports it. */
export interface KernelCheckError {
  errno: "EINVAL" | "ERANGE" | "ENOENT" | "EOPNOTSUPP" | "ELOOP" | "EMLINK" | "ENOMEM" | "EPERM" | "EEXIST";
  /** What the kernel writes to dmesg, if anything. */
  log?: string;
}

export interface ExtensionBase<D> {
  readonly name: string;
  readonly revision: number;
  /** Alternative name(s) accepted for -m/-j (e.g. `NOTRACK`). Resolved to this extension. */
  readonly aliases?: readonly string[];
  /** Name written after `-m`/`-j` in save output if not `name` (xtables "alias" hook). */
  saveName?(data: D): string;
  readonly options?: readonly XtOptionEntry[];
  /** Fresh data for a new instance (init hook). */
  init(ip: IpSpec): D;
  /**
   * Called for each option of this extension. If omitted the generic parser
   * stores values per `put`. `xtables_option_parse` is run before this unless
   * `rawParse` is set (old-style parse functions that inspect the argument themselves).
   */
  parse?(cb: OptionCall<D>): void;
  readonly rawParse?: boolean;
  /** Keeps state between its option calls and final check in udata (the others share one empty, frozen udata). */
  readonly udata?: boolean;
  finalCheck?(cb: FinalCheckCall<D>): void;
  /** `-L` text, each item with its leading space as the C print functions emit. */
  print?(data: D, ctx: PrintContext): string;
  /** Save text, with leading spaces. */
  save?(data: D, ctx: PrintContext): string;
  /** Kernel checkentry: undefined when the rule is acceptable. */
  kernelCheck?(data: D, ctx: KernelCheckContext): KernelCheckError | undefined;
  /**
   * What storing the rule in nf_tables and reading it back does to the data
   * (iptables-nft translates some matches to native expressions and back).
   * null: the match leaves no trace. May throw iptables' error for a rule
   * nft_rule_new() refuses.
   */
  normalize?(data: D, ip: IpSpec): D | null;
  /**
   * nf_tables parse-back puts the native expressions of all instances of a
   * match (tcp/udp) into the first native one: merge a later instance's
   * original data into an earlier normalized one; undefined when either is
   * kept as an xt match.
   */
  nftMerge?(into: D, next: D, ip: IpSpec): D | undefined;
  /** Kernel name the -L target column shows when -j named an alias (xtables real_name, e.g. NOTRACK is CT). */
  readonly realName?: string;
  /** What dumping the stored rule from the kernel gives, when not the data itself (short kernel usersize). */
  readback?(data: D): D;
  /** Compare key for -D/-C (defaults to the save text). */
  compareKey?(data: D, ctx: PrintContext): string;
  /** Help text for -h (after the extension's header line). */
  help?(): string;
  /** Stderr text printed when `-m`/`-j` first loads it (e.g. the kernel lacks the module). */
  readonly loadWarning?: string;
}

export interface MatchExtension<D = unknown> extends ExtensionBase<D> {
  readonly kind: "match";
  /** Packet semantics: compiled once per rule into a predicate (its closure may hold per-rule state). */
  compile?(data: D, ip: IpSpec): MatchFn;
}

export interface TargetExtension<D = unknown> extends ExtensionBase<D> {
  readonly kind: "target";
  /** Tables this target may be used in (kernel xt_target.table), if restricted. */
  readonly tables?: readonly string[];
  /** Hooks (NF_INET_* bit mask) this target may be used from, if restricted. */
  readonly hooks?: number;
  /** Packet semantics: compiled once per rule; returns a verdict (NF_*, XT_CONTINUE, XT_RETURN). */
  compile?(data: D, ip: IpSpec): TargetFn;
}

export type AnyMatch = MatchExtension<any>;
export type AnyTarget = TargetExtension<any>;

export const NF_INET_PRE_ROUTING = 0;
export const NF_INET_LOCAL_IN = 1;
export const NF_INET_FORWARD = 2;
export const NF_INET_LOCAL_OUT = 3;
export const NF_INET_POST_ROUTING = 4;
export const HOOK_PRE = 1 << NF_INET_PRE_ROUTING;
export const HOOK_IN = 1 << NF_INET_LOCAL_IN;
export const HOOK_FWD = 1 << NF_INET_FORWARD;
export const HOOK_OUT = 1 << NF_INET_LOCAL_OUT;
export const HOOK_POST = 1 << NF_INET_POST_ROUTING;

/** Define a match with type inference for its data. */
/**
 * Every extension object with the same properties in the same order (absent hooks undefined): one V8 shape
 * for all of them, so that `ext.save`, `ext.normalize`, `ext.compile` … read at one place for many extensions
 * are monomorphic loads rather than megamorphic ones (restore, save and the packet path do them per rule).
 */
function canonical<E>(kind: "match" | "target", e: Record<string, unknown>): E {
  return {
    kind,
    name: e.name,
    revision: e.revision,
    aliases: e.aliases,
    saveName: e.saveName,
    options: e.options,
    init: e.init,
    parse: e.parse,
    rawParse: e.rawParse,
    finalCheck: e.finalCheck,
    print: e.print,
    save: e.save,
    kernelCheck: e.kernelCheck,
    normalize: e.normalize,
    nftMerge: e.nftMerge,
    realName: e.realName,
    readback: e.readback,
    compareKey: e.compareKey,
    help: e.help,
    loadWarning: e.loadWarning,
    compile: e.compile,
    tables: e.tables,
    hooks: e.hooks,
    // anything else an extension defines (kept, after the common ones)
    ...e,
  } as E;
}

export function defineMatch<D>(m: Omit<MatchExtension<D>, "kind">): MatchExtension<D> {
  return canonical<MatchExtension<D>>("match", m as unknown as Record<string, unknown>);
}

/** Define a target with type inference for its data. */
export function defineTarget<D>(t: Omit<TargetExtension<D>, "kind">): TargetExtension<D> {
  return canonical<TargetExtension<D>>("target", t as unknown as Record<string, unknown>);
}
