/**
 * Wall-clock formatting as C's ctime() prints it (UTC, as on the twin).
 */

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ctime() without the trailing newline: `Sun Nov 22 01:25:19 2026`. */
export function formatCtime(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const day = d.getUTCDate();
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day < 10 ? ` ${day}` : day} ${two(d.getUTCHours())}:${two(
    d.getUTCMinutes(),
  )}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}
