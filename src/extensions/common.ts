/**
 * Helpers shared by extensions, equivalents of libxtables utilities.
 */
import { xtStrtouiWhole, xtStrtoul } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { getServByName, getServByPort } from "../core/netdb.js";

const NO_QUOTE = /^[_\-0-9a-zA-Z]+$/;

/** xtables_save_string(): leading space, quoted and escaped when needed. */
export function saveString(value: string): string {
  if (value.length > 0 && NO_QUOTE.test(value)) return ` ${value}`;
  return ` "${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

/** xtables_parse_port(): number or service name for the protocol. */
export function parsePort(port: string, proto: string): number {
  const n = xtStrtouiWhole(port, 0, 65535);
  if (n !== undefined) return n;
  const s = getServByName(port, proto);
  if (s !== undefined) return s;
  throw paramError(`invalid port/service \`${port}' specified`);
}

/** A port printed by name unless numeric or unknown. */
export function portName(port: number, proto: string, numeric: boolean): string {
  if (numeric) return String(port);
  return getServByPort(port, proto) ?? String(port);
}

/** printf("%x") */
export function hex(n: number): string {
  return (n >>> 0).toString(16);
}

/** xtables_print_val_mask() without a name map. */
export function printValMask(val: number, mask: number): string {
  if (mask >>> 0 !== 0xffffffff) return ` 0x${hex(val)}/0x${hex(mask)}`;
  return ` 0x${hex(val)}`;
}

/** xtables_strtoui on a prefix: value and the index where parsing stopped. */
export function strtouiPrefix(s: string, min: number, max: number): { ok: boolean; value: number; end: number } {
  const r = xtStrtoul(s, min, max);
  return { ok: r.ok, value: r.value, end: r.end };
}

/** printf("%02x:...") of a MAC address. */
export function formatMac(mac: readonly number[]): string {
  return mac.map((b) => b.toString(16).padStart(2, "0")).join(":");
}
