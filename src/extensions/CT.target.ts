/**
 * CT target (libxt_CT revision 2 / xt_CT) and its NOTRACK alias: conntrack
 * template settings (helper, timeout policy, events, zone) or no tracking.
 * The kernel allows both only in the raw table.
 */
import { xtStrtouiWhole } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { ctTarget as ctTargetFn } from "../engine/ct-extensions.js";
import {
  defineTarget,
  IPT_INV_PROTO,
  type KernelCheckContext,
  type KernelCheckError,
  XTOPT_PUT,
  XtType,
} from "./api.js";
import { dataKey } from "./ct-util.js";

const XT_CT_NOTRACK = 1 << 0;
const XT_CT_NOTRACK_ALIAS = 1 << 1;
const XT_CT_ZONE_DIR_ORIG = 1 << 2;
const XT_CT_ZONE_DIR_REPL = 1 << 3;
const XT_CT_ZONE_MARK = 1 << 4;

/** struct xt_ct_target_info_v1 (helper char[16], timeout char[32]). */
export interface CtTargetData {
  flags: number;
  zone: number;
  ctEvents: number;
  expEvents: number;
  helper: string;
  timeout: string;
}

const O_NOTRACK = 0;
const O_HELPER = 1;
const O_TIMEOUT = 2;
const O_CTEVENTS = 3;
const O_EXPEVENTS = 4;
const O_ZONE = 5;
const O_ZONE_ORIG = 6;
const O_ZONE_REPLY = 7;

/** Event names and their IPCT_* / IPEXP_* bit numbers. */
const CT_EVENTS: ReadonlyArray<readonly [string, number]> = [
  ["new", 0],
  ["related", 1],
  ["destroy", 2],
  ["reply", 3],
  ["assured", 4],
  ["protoinfo", 5],
  ["helper", 6],
  ["mark", 7],
  ["natseqinfo", 8],
  ["secmark", 9],
];
const EXP_EVENTS: ReadonlyArray<readonly [string, number]> = [["new", 0]];

/**
 * Conntrack helpers the reference kernel has, by name and layer-4 protocol
 * (nf_conntrack_helper_try_module_get() matches both, case-sensitively).
 */
const HELPERS: Readonly<Record<string, readonly number[]>> = {
  ftp: [6],
  tftp: [17],
  irc: [6],
  sip: [6, 17],
  amanda: [17],
  "netbios-ns": [17],
  snmp: [17],
  snmp_trap: [17],
  pptp: [6],
  sane: [6],
  RAS: [17],
  "Q.931": [6],
};

function parseEvents(tbl: ReadonlyArray<readonly [string, number]>, arg: string): number {
  let mask = 0;
  for (const t of arg.split(",")) {
    const e = tbl.find(([n]) => n === t);
    if (!e) throw paramError(`Unknown event type "${t}"`);
    mask |= 1 << e[1];
  }
  return mask;
}

function printEvents(pfx: string, tbl: ReadonlyArray<readonly [string, number]>, mask: number): string {
  return ` ${pfx} ${tbl
    .filter(([, bit]) => mask & (1 << bit))
    .map(([n]) => n)
    .join(",")}`;
}

function printZone(pfx: string, zone: number, flags: number): string {
  let out = ` ${pfx}`;
  const dir = flags & (XT_CT_ZONE_DIR_ORIG | XT_CT_ZONE_DIR_REPL);
  if (dir === XT_CT_ZONE_DIR_ORIG) out += "-orig";
  if (dir === XT_CT_ZONE_DIR_REPL) out += "-reply";
  out += flags & XT_CT_ZONE_MARK ? " mark" : ` ${zone}`;
  return out;
}

function ctPrint(d: CtTargetData): string {
  if (d.flags & XT_CT_NOTRACK_ALIAS) return " NOTRACK";
  let out = " CT";
  if (d.flags & XT_CT_NOTRACK) out += " notrack";
  if (d.helper) out += ` helper ${d.helper}`;
  if (d.timeout) out += ` timeout ${d.timeout}`;
  if (d.ctEvents) out += printEvents("ctevents", CT_EVENTS, d.ctEvents);
  if (d.expEvents) out += printEvents("expevents", EXP_EVENTS, d.expEvents);
  if (d.flags & XT_CT_ZONE_MARK || d.zone) out += printZone("zone", d.zone, d.flags);
  return out;
}

function ctSave(d: CtTargetData): string {
  if (d.flags & XT_CT_NOTRACK_ALIAS) return "";
  let out = "";
  if (d.flags & XT_CT_NOTRACK) out += " --notrack";
  if (d.helper) out += ` --helper ${d.helper}`;
  if (d.timeout) out += ` --timeout ${d.timeout}`;
  if (d.ctEvents) out += printEvents("--ctevents", CT_EVENTS, d.ctEvents);
  if (d.expEvents) out += printEvents("--expevents", EXP_EVENTS, d.expEvents);
  if (d.flags & XT_CT_ZONE_MARK || d.zone) out += printZone("--zone", d.zone, d.flags);
  return out;
}

/** xt_ct_tg_check(): what the kernel says about the template (the table is checked before). */
function ctKernelCheck(d: CtTargetData, ctx: KernelCheckContext): KernelCheckError | undefined {
  if (d.flags & XT_CT_NOTRACK) return undefined;
  const proto = ctx.ip.invflags & IPT_INV_PROTO ? 0 : ctx.ip.proto;
  if (d.helper) {
    if (!proto) return { errno: "ENOENT", log: "You must specify a L4 protocol and not use inversions on it" };
    const protos = Object.hasOwn(HELPERS, d.helper) ? HELPERS[d.helper]! : [];
    if (!protos.includes(proto)) return { errno: "ENOENT", log: `No such helper "${d.helper}"` };
  }
  if (d.timeout) {
    if (!proto) return { errno: "EINVAL", log: "You must specify a L4 protocol and not use inversions on it" };
    // no timeout policy exists (nfct timeout add is not available)
    return { errno: "ENOENT" };
  }
  return undefined;
}

const ctInit = (): CtTargetData => ({ flags: 0, zone: 0, ctEvents: 0, expEvents: 0, helper: "", timeout: "" });

/**
 * The kernel copies back only `usersize` bytes, computed from the revision 0
 * struct: the timeout name keeps its first four characters when read back.
 */
function ctReadback(d: CtTargetData): CtTargetData {
  return d.timeout.length > 4 ? { ...d, timeout: d.timeout.slice(0, 4) } : d;
}

export const ctTarget = defineTarget<CtTargetData>({
  name: "CT",
  revision: 2,
  tables: ["raw"],
  options: [
    { name: "notrack", id: O_NOTRACK, type: XtType.NONE },
    { name: "helper", id: O_HELPER, type: XtType.STRING, flags: XTOPT_PUT, size: 16, put: "helper" },
    { name: "timeout", id: O_TIMEOUT, type: XtType.STRING, flags: XTOPT_PUT, size: 32, put: "timeout" },
    { name: "ctevents", id: O_CTEVENTS, type: XtType.STRING },
    { name: "expevents", id: O_EXPEVENTS, type: XtType.STRING },
    { name: "zone-orig", id: O_ZONE_ORIG, type: XtType.STRING },
    { name: "zone-reply", id: O_ZONE_REPLY, type: XtType.STRING },
    { name: "zone", id: O_ZONE, type: XtType.STRING },
  ],
  init: ctInit,
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d, ip) => ctTargetFn(d, ip.proto),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_NOTRACK:
        d.flags |= XT_CT_NOTRACK;
        break;
      case O_ZONE_ORIG:
      case O_ZONE_REPLY:
      case O_ZONE: {
        if (cb.entry.id === O_ZONE_ORIG) d.flags |= XT_CT_ZONE_DIR_ORIG;
        if (cb.entry.id === O_ZONE_REPLY) d.flags |= XT_CT_ZONE_DIR_REPL;
        d.zone = 0;
        if (cb.arg.toLowerCase() === "mark") {
          d.flags |= XT_CT_ZONE_MARK;
        } else {
          const v = xtStrtouiWhole(cb.arg, 0, 0xffff);
          if (v === undefined) throw paramError(`Cannot parse ${cb.arg} as a zone ID`);
          d.zone = v;
        }
        break;
      }
      case O_CTEVENTS:
        d.ctEvents = parseEvents(CT_EVENTS, cb.arg);
        break;
      case O_EXPEVENTS:
        d.expEvents = parseEvents(EXP_EVENTS, cb.arg);
        break;
    }
  },
  print: ctPrint,
  save: ctSave,
  saveName: (d) => (d.flags & XT_CT_NOTRACK_ALIAS ? "NOTRACK" : "CT"),
  compareKey: (d) => dataKey(d),
  kernelCheck: ctKernelCheck,
  readback: ctReadback,
  help: () =>
    "CT target options:\n" +
    " --notrack\t\t\tDon't track connection\n" +
    " --helper name\t\t\tUse conntrack helper 'name' for connection\n" +
    " --timeout name \t\tUse timeout policy 'name' for connection\n" +
    " --ctevents event[,event...]\tGenerate specified conntrack events for connection\n" +
    " --expevents event[,event...]\tGenerate specified expectation events for connection\n" +
    " --zone {ID|mark}\t\tAssign/Lookup connection in zone ID/packet nfmark\n" +
    " --zone-orig {ID|mark}\t\tSame as 'zone' option, but only applies to ORIGINAL direction\n" +
    " --zone-reply {ID|mark} \tSame as 'zone' option, but only applies to REPLY direction\n",
});

/** NOTRACK: CT revision 2 with the notrack and alias flags, no options of its own. */
export const notrackTarget = defineTarget<CtTargetData>({
  name: "NOTRACK",
  realName: "CT",
  revision: 2,
  tables: ["raw"],
  init: () => ({ ...ctInit(), flags: XT_CT_NOTRACK | XT_CT_NOTRACK_ALIAS }),
  compile: (d, ip) => ctTargetFn(d, ip.proto),
  print: ctPrint,
  save: ctSave,
  compareKey: (d) => dataKey(d),
  kernelCheck: ctKernelCheck,
});
