/**
 * Helpers shared by the conntrack group's modules (not an extension).
 */

/**
 * A comparison key from extension data: -D/-C compare the kernel blob
 * (userspacesize bytes), which can hold fields the save text leaves out.
 */
export function dataKey(data: unknown): string {
  return JSON.stringify(data, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));
}

/** strncasecmp(token, name, token.length) == 0 for a non-empty token no longer than name. */
export function prefixMatch(token: string, name: string): boolean {
  if (token.length > name.length) return false;
  return name.slice(0, token.length).toLowerCase() === token.toLowerCase();
}

/** A comma-separated list parsed like libxt_conntrack's parse_states(): the error names the rest of the list. */
export function parseCommaList(
  arg: string,
  one: (token: string) => boolean,
  bad: (rest: string) => Error,
  emptyLast?: () => Error,
): void {
  let rest = arg;
  for (;;) {
    const comma = rest.indexOf(",");
    if (comma < 0) break;
    if (comma === 0 || !one(rest.slice(0, comma))) throw bad(rest);
    rest = rest.slice(comma + 1);
  }
  if (rest === "" && emptyLast) throw emptyLast();
  if (rest === "" || !one(rest)) throw bad(rest);
}

/** printf("%x") of an unsigned 32-bit value. */
export function hx(n: number): string {
  return (n >>> 0).toString(16);
}
