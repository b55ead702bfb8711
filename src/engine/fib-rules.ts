/**
 * Policy routing rules (net/core/fib_rules.c, net/ipv4/fib_rules.c): the list `ip rule` edits and
 * fib_lookup() walks when the host has custom rules. Pure data and the kernel's list operations;
 * NetConfig owns the list and does the table lookups.
 */

export const FR_ACT_TO_TBL = 1;
export const FR_ACT_GOTO = 2;
export const FR_ACT_NOP = 3;
export const FR_ACT_BLACKHOLE = 6;
export const FR_ACT_UNREACHABLE = 7;
export const FR_ACT_PROHIBIT = 8;

const RTPROT_KERNEL = 2;

/** struct fib_rule + struct fib4_rule, IPv4. */
export interface FibRule {
  pref: number;
  /** FR_ACT_*. */
  action: number;
  /** 0 when the action is not a table lookup. */
  table: number;
  /** FIB_RULE_INVERT ("not"). */
  invert: boolean;
  src: number;
  srcLen: number;
  dst: number;
  dstLen: number;
  /** The dsfield the rule selects (0: any). */
  tos: number;
  mark: number;
  markMask: number;
  /** Device names ("" none); a name no device has leaves the rule detached (it matches nothing). */
  iif: string;
  oif: string;
  /** goto: the target priority, and the rule it resolved to (null: unresolved). */
  target: number;
  ctarget: FibRule | null;
  /** -1: none. */
  suppressPrefixlen: number;
  /** FRA_PROTOCOL (RTPROT_*). */
  proto: number;
  /** FRA_IP_PROTO (0: any). */
  ipProto: number;
  /** FRA_SPORT_RANGE / FRA_DPORT_RANGE (0-0: none). */
  sportStart: number;
  sportEnd: number;
  dportStart: number;
  dportEnd: number;
  /** FRA_UID_RANGE (0-4294967295: none). */
  uidStart: number;
  uidEnd: number;
}

export const UID_RANGE_END = 0xffffffff;

/** fib_rule_port_range_set() */
export function portRangeSet(start: number, end: number): boolean {
  return start !== 0 && end !== 0;
}

/** uid_range_set() */
export function uidRangeSet(r: FibRule): boolean {
  return r.uidStart !== 0 || r.uidEnd !== UID_RANGE_END;
}

export function newRule(init: Partial<FibRule>): FibRule {
  return {
    pref: 0,
    action: FR_ACT_TO_TBL,
    table: 0,
    invert: false,
    src: 0,
    srcLen: 0,
    dst: 0,
    dstLen: 0,
    tos: 0,
    mark: 0,
    markMask: 0,
    iif: "",
    oif: "",
    target: 0,
    ctarget: null,
    suppressPrefixlen: -1,
    proto: 0,
    ipProto: 0,
    sportStart: 0,
    sportEnd: 0,
    dportStart: 0,
    dportEnd: 0,
    uidStart: 0,
    uidEnd: UID_RANGE_END,
    ...init,
  };
}

/** fib_default_rules_init(): 0 lookup local, 32766 lookup main, 32767 lookup default. */
export function defaultRules(): FibRule[] {
  return [
    newRule({ pref: 0, table: 255, proto: RTPROT_KERNEL }),
    newRule({ pref: 0x7ffe, table: 254, proto: RTPROT_KERNEL }),
    newRule({ pref: 0x7fff, table: 253, proto: RTPROT_KERNEL }),
  ];
}

const mask = (len: number) => (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);

/** The flow as the rules see it (struct flowi4). */
export interface RuleFlow {
  src: number;
  dst: number;
  iif: number;
  oif: number;
  mark: number;
  tos: number;
  /** flowi4_proto, fl4_sport, fl4_dport (0 when the flow has none), flowi4_uid. */
  proto?: number;
  sport?: number;
  dport?: number;
  uid?: number;
}

/** fib_rule_match() + fib4_rule_match(); `ifindex` resolves a rule's device name (-1: none). */
export function ruleMatches(r: FibRule, fl: RuleFlow, ifindex: (name: string) => number): boolean {
  let ok = true;
  if (r.iif && ifindex(r.iif) !== fl.iif) ok = false;
  else if (r.oif && ifindex(r.oif) !== fl.oif) ok = false;
  else if (((r.mark ^ fl.mark) & r.markMask) !== 0) ok = false;
  else if (((fl.src ^ r.src) & mask(r.srcLen)) !== 0 || ((fl.dst ^ r.dst) & mask(r.dstLen)) !== 0) ok = false;
  // (the flow's tos as routing keeps it: IPTOS_RT_MASK)
  else if (r.tos && r.tos !== (fl.tos & 0x1c)) ok = false;
  else if (r.ipProto && r.ipProto !== (fl.proto ?? 0)) ok = false;
  else if (portRangeSet(r.sportStart, r.sportEnd) && !inRange(fl.sport ?? 0, r.sportStart, r.sportEnd)) ok = false;
  else if (portRangeSet(r.dportStart, r.dportEnd) && !inRange(fl.dport ?? 0, r.dportStart, r.dportEnd)) ok = false;
  // (checked before the others in the kernel; either way the rule does not match)
  else if (!inRange(fl.uid ?? 0, r.uidStart, r.uidEnd)) ok = false;
  return r.invert ? !ok : ok;
}

function inRange(v: number, start: number, end: number): boolean {
  return v >= start && v <= end;
}

/** fib_rule_requires_fldissect(): a rule that reads the transport header of arriving packets. */
export function requiresFlowDissect(r: FibRule): boolean {
  return (
    r.iif !== "lo" &&
    (r.ipProto !== 0 || portRangeSet(r.sportStart, r.sportEnd) || portRangeSet(r.dportStart, r.dportEnd))
  );
}

/** fib_default_rule_pref(): one below the second rule's priority, when that is not 0. */
export function defaultPref(rules: readonly FibRule[]): number {
  const second = rules[1];
  return second?.pref ? second.pref - 1 : 0;
}

/** rule_exists() of an add with NLM_F_EXCL (the flags, "not" included, are not compared). */
export function ruleExists(rules: readonly FibRule[], n: FibRule): boolean {
  return rules.some(
    (r) =>
      r.action === n.action &&
      r.table === n.table &&
      r.pref === n.pref &&
      r.iif === n.iif &&
      r.oif === n.oif &&
      r.mark === n.mark &&
      r.markMask === n.markMask &&
      r.suppressPrefixlen === n.suppressPrefixlen &&
      r.proto === n.proto &&
      r.ipProto === n.ipProto &&
      r.sportStart === n.sportStart &&
      r.sportEnd === n.sportEnd &&
      r.dportStart === n.dportStart &&
      r.dportEnd === n.dportEnd &&
      r.uidStart === n.uidStart &&
      r.uidEnd === n.uidEnd &&
      (!n.srcLen || (r.srcLen === n.srcLen && r.src === n.src)) &&
      (!n.dstLen || (r.dstLen === n.dstLen && r.dst === n.dst)) &&
      (!n.tos || r.tos === n.tos),
  );
}

/** fib_nl_newrule(): inserted after the rules of lower or equal priority; gotos resolved. */
export function insertRule(rules: FibRule[], n: FibRule): void {
  if (n.action === FR_ACT_GOTO) n.ctarget = rules.find((r) => r.pref === n.target) ?? null;
  let at = 0;
  while (at < rules.length && rules[at]!.pref <= n.pref) at++;
  rules.splice(at, 0, n);
  for (const r of rules) if (r.action === FR_ACT_GOTO && r.target === n.pref && r.ctarget === null) r.ctarget = n;
}

/** What `ip rule del` names: only the attributes given are compared (rule_find()). */
export interface RuleSelector {
  action?: number;
  table?: number;
  pref?: number;
  iif?: string;
  oif?: string;
  mark?: number;
  markMask?: number;
  suppressPrefixlen?: number;
  proto?: number;
  src?: number;
  srcLen?: number;
  dst?: number;
  dstLen?: number;
  tos?: number;
  ipProto?: number;
  sportStart?: number;
  sportEnd?: number;
  dportStart?: number;
  dportEnd?: number;
  uidStart?: number;
  uidEnd?: number;
}

export function findRule(rules: readonly FibRule[], s: RuleSelector): FibRule | undefined {
  return rules.find(
    (r) =>
      (!s.action || r.action === s.action) &&
      (!s.table || r.table === s.table) &&
      (s.pref === undefined || r.pref === s.pref) &&
      (!s.iif || r.iif === s.iif) &&
      (!s.oif || r.oif === s.oif) &&
      (!s.mark || r.mark === s.mark) &&
      (!s.markMask || r.markMask === s.markMask) &&
      (s.suppressPrefixlen === undefined || r.suppressPrefixlen === s.suppressPrefixlen) &&
      (!s.proto || r.proto === s.proto) &&
      (!s.srcLen || (r.srcLen === s.srcLen && r.src === s.src)) &&
      (!s.dstLen || (r.dstLen === s.dstLen && r.dst === s.dst)) &&
      (!s.tos || r.tos === s.tos) &&
      (!s.ipProto || r.ipProto === s.ipProto) &&
      (!portRangeSet(s.sportStart ?? 0, s.sportEnd ?? 0) ||
        (r.sportStart === s.sportStart && r.sportEnd === s.sportEnd)) &&
      (!portRangeSet(s.dportStart ?? 0, s.dportEnd ?? 0) ||
        (r.dportStart === s.dportStart && r.dportEnd === s.dportEnd)) &&
      (s.uidStart === undefined || (r.uidStart === s.uidStart && r.uidEnd === s.uidEnd)),
  );
}

/** fib_nl_delrule() after rule_find(): gotos to it move to the next rule of its priority, if any. */
export function removeRule(rules: FibRule[], r: FibRule): void {
  const i = rules.indexOf(r);
  if (i < 0) return;
  rules.splice(i, 1);
  const next = rules[i];
  const heir = next && next.pref === r.pref ? next : null;
  for (const g of rules) if (g.ctarget === r) g.ctarget = heir;
}

/** The list as plain data: a goto's resolved target as its index in the list (-1: unresolved). */
export function rulesToJSON(rules: readonly FibRule[]): unknown[] {
  return rules.map((r) => ({ ...r, ctarget: r.ctarget ? rules.indexOf(r.ctarget) : -1 }));
}

export function rulesFromJSON(data: unknown): FibRule[] {
  const list = data as Array<Omit<FibRule, "ctarget"> & { ctarget: number }>;
  const rules = list.map((r) => newRule({ ...r, ctarget: null }));
  list.forEach((r, i) => {
    if (r.ctarget >= 0) rules[i]!.ctarget = rules[r.ctarget] ?? null;
  });
  return rules;
}
