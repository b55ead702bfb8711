/**
 * realm match (libipt_realm / xt_realm): routing realm value/mask, names
 * from /etc/iproute2/rt_realms. Only valid from INPUT, FORWARD, OUTPUT and
 * POSTROUTING.
 */
import { xtStrtoul } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { defineMatch, HOOK_FWD, HOOK_IN, HOOK_OUT, HOOK_POST, XTOPT_INVERT, XTOPT_MAND, XtType } from "./api.js";

export interface RealmData {
  id: number;
  mask: number;
  invert: number;
}

/** The rt_realms map of a Debian 12 host (iproute2's default file). */
const REALMS: ReadonlyArray<readonly [number, string]> = [[0, "cosmos"]];

const REALM_HOOKS = HOOK_POST | HOOK_FWD | HOOK_OUT | HOOK_IN;

/** xtables_parse_val_mask() with the realm name map. */
function parseValMask(arg: string): { id: number; mask: number } {
  const byName = (): { id: number; mask: number } => {
    const e = REALMS.find(([, n]) => n === arg);
    if (!e) throw paramError(`realm: could not map name ${arg} to an integer value for option "--realm".\n`);
    return { id: e[0], mask: 0xffffffff };
  };
  const v = xtStrtoul(arg, 0, 0xffffffff);
  if (!v.ok) return byName();
  if (v.end === arg.length) return { id: v.value, mask: 0xffffffff };
  if (arg[v.end] !== "/") return byName();
  const rest = arg.slice(v.end + 1);
  const m = xtStrtoul(rest, 0, 0xffffffff);
  if (!m.ok) throw paramError('realm: bad integer value for option "--realm", or out of range.\n');
  if (m.end !== rest.length) throw paramError('realm: trailing garbage after value for option "--realm".\n');
  return { id: v.value, mask: m.value };
}

/** xtables_print_val_mask() */
function valMask(id: number, mask: number, names: boolean): string {
  if (mask >>> 0 !== 0xffffffff) return ` 0x${(id >>> 0).toString(16)}/0x${(mask >>> 0).toString(16)}`;
  const name = names ? REALMS.find(([v]) => v === id)?.[1] : undefined;
  return name !== undefined ? ` ${name}` : ` 0x${(id >>> 0).toString(16)}`;
}

export const realmMatch = defineMatch<RealmData>({
  name: "realm",
  revision: 0,
  options: [{ name: "realm", id: 0, type: XtType.STRING, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ id: 0, mask: 0, invert: 0 }),
  parse(cb) {
    const r = parseValMask(cb.arg);
    cb.data.id = r.id;
    cb.data.mask = r.mask;
    if (cb.invert) cb.data.invert = 1;
  },
  kernelCheck: (_d, ctx) => (ctx.hookMask & ~REALM_HOOKS ? { errno: "EINVAL" } : undefined),
  compile(d) {
    // realm_mt(): the route's tclassid; twin routes carry no realm, so it is 0
    const hit = d.id >>> 0 === 0;
    const matched = hit !== (d.invert !== 0);
    return () => matched;
  },
  print: (d, ctx) => `${d.invert ? " !" : ""} realm${valMask(d.id, d.mask, !ctx.numeric)}`,
  save: (d) => `${d.invert ? " !" : ""} --realm${valMask(d.id, d.mask, true)}`,
  help: () => "realm match options:\n[!] --realm value[/mask]\n\t\t\t\tMatch realm\n",
});
