/**
 * Small helpers shared by the misc2 group's matches (addrtype, owner,
 * physdev, policy, devgroup, ...): C-like formatting and parsing pieces
 * of libxtables that the common helpers do not cover.
 */

import { xtStrtoul } from "../core/cnum.js";
import { paramError } from "../core/errors.js";

/** tolower() in the C locale: ASCII letters only. */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/** strcasecmp(a, b) == 0 in the C locale. */
export function asciiEqualsIgnoreCase(a: string, b: string): boolean {
  return a.length === b.length && asciiLower(a) === asciiLower(b);
}

/** printf("%08x") */
export function hex08(n: number): string {
  return (n >>> 0).toString(16).padStart(8, "0");
}

/** printf("%x") */
export function hexU(n: number): string {
  return (n >>> 0).toString(16);
}

/**
 * A key holding every field of the kernel struct: iptables-nft compares
 * matches with memcmp() over their data, including fields no save text shows.
 */
export function structKey(name: string, data: unknown): string {
  return ` ${name}:${JSON.stringify(data, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))}`;
}

/**
 * xtables_parse_interface(): the IFNAMSIZ check and the warning about
 * characters the kernel refuses. Returns the name (the mask follows from it).
 */
export function parseInterfaceName(arg: string, warn?: (text: string) => void): string {
  if (arg.length + 1 > 16) throw paramError(`interface name \`${arg}' must be shorter than IFNAMSIZ (15)`);
  if (arg.length > 0 && (arg.includes("/") || arg.includes(" ")))
    warn?.(`Warning: weird character in interface \`${arg}' ('/' and ' ' are not allowed by the kernel).\n`);
  return arg;
}

/** A name map file read by xtables_lmap_init() (e.g. /etc/iproute2/group). */
export type Lmap = ReadonlyArray<readonly [number, string]>;

/** xtables_lmap_name2id(): -1 when unknown. */
export function lmapName2Id(lmap: Lmap, name: string): number {
  for (const [id, n] of lmap) if (n === name) return id;
  return -1;
}

/** xtables_lmap_id2name() */
export function lmapId2Name(lmap: Lmap, id: number): string | undefined {
  for (const [i, n] of lmap) if (i === id) return n;
  return undefined;
}

/** xtables_parse_val_mask() with a name map: value[/mask] or a name. */
export function parseValMask(extName: string, optName: string, arg: string, lmap: Lmap | undefined): [number, number] {
  const badVal = () => paramError(`${extName}: bad integer value for option "--${optName}", or out of range.\n`);
  const name2val = (): [number, number] => {
    const v = lmapName2Id(lmap!, arg);
    if (v === -1)
      throw paramError(`${extName}: could not map name ${arg} to an integer value for option "--${optName}".\n`);
    return [v >>> 0, 0xffffffff];
  };
  const r = xtStrtoul(arg, 0, 0xffffffff);
  if (!r.ok) {
    if (lmap) return name2val();
    throw badVal();
  }
  if (r.end === arg.length) return [r.value, 0xffffffff];
  if (arg[r.end] !== "/") {
    if (lmap) return name2val();
    throw paramError(`${extName}: trailing garbage after value for option "--${optName}".\n`);
  }
  const rest = arg.slice(r.end + 1);
  const m = xtStrtoul(rest, 0, 0xffffffff);
  if (!m.ok) throw badVal();
  if (m.end === rest.length) return [r.value, m.value];
  throw paramError(`${extName}: trailing garbage after value for option "--${optName}".\n`);
}

/** xtables_print_val_mask() with an optional name map. */
export function printValMaskNamed(val: number, mask: number, lmap: Lmap | undefined): string {
  if (mask >>> 0 !== 0xffffffff) return ` 0x${hexU(val)}/0x${hexU(mask)}`;
  if (lmap) {
    const name = lmapId2Name(lmap, val >>> 0);
    if (name !== undefined) return ` ${name}`;
  }
  return ` 0x${hexU(val)}`;
}
