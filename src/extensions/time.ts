/**
 * time match (libxt_time / xt_time): date range, daytime range, days of the
 * month and of the week, kernel or UTC time zone.
 */
import { paramError, XtablesError } from "../core/errors.js";
import { defineMatch, XTOPT_INVERT, XtType } from "./api.js";
import { cStrtoul, u32 } from "./misc1-util.js";
import { wallSeconds } from "./stateful-util.js";

const TIME_LOCAL_TZ = 1 << 0;
const TIME_CONTIGUOUS = 1 << 1;
const ALL_MONTHDAYS = 0xfffffffe;
const ALL_WEEKDAYS = 0xfe;
const MIN_DAYTIME = 0;
const MAX_DAYTIME = 24 * 60 * 60 - 1;
const INT_MAX = 0x7fffffff;

const O_DATE_START = 0;
const O_DATE_STOP = 1;
const O_TIME_START = 2;
const O_TIME_STOP = 3;
const O_TIME_CONTIGUOUS = 4;
const O_MONTHDAYS = 5;
const O_WEEKDAYS = 6;
const O_LOCAL_TZ = 7;
const O_UTC = 8;
const O_KERNEL_TZ = 9;
const F_LOCAL_TZ = 1 << O_LOCAL_TZ;
const F_UTC = 1 << O_UTC;
const F_KERNEL_TZ = 1 << O_KERNEL_TZ;
const F_TIME_CONTIGUOUS = 1 << O_TIME_CONTIGUOUS;

const WEEK_DAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export interface TimeData {
  dateStart: number;
  dateStop: number;
  daytimeStart: number;
  daytimeStop: number;
  monthdays: number;
  weekdays: number;
  flags: number;
}

/** One unsigned field as `unsigned int x = strtoul(s, &e, 10)` reads it. */
function field(s: string, pos: number): { v: number; end: number } {
  const r = cStrtoul(s, pos, 10);
  return { v: u32(r.value), end: r.end };
}

/** time_parse_date(): YYYY[-MM[-DD[Thh[:mm[:ss]]]]] as UTC. */
function parseDate(arg: string): number {
  const bad = (): never => {
    throw paramError(`Invalid date "${arg}" specified. Should be YYYY[-MM[-DD[Thh[:mm[:ss]]]]]`);
  };
  const parts = [1, 1, 0, 0, 0]; // month, day, hour, minute, second
  const limits = [12, 31, 23, 59, 59];
  const seps = ["-", "T", ":", ":", ""];
  let f = field(arg, 0);
  const year = f.v;
  if ((arg[f.end] !== "-" && f.end !== arg.length) || year < 1970 || year > 2038) bad();
  for (let k = 0; k < 5 && f.end !== arg.length; k++) {
    f = field(arg, f.end + 1);
    const ok = f.end === arg.length || (seps[k] !== "" && arg[f.end] === seps[k]);
    if (!ok || f.v > limits[k]!) bad();
    parts[k] = f.v;
  }
  // mktime() in UTC normalises out-of-range days and months
  const ms = Date.UTC(year, parts[0]! - 1, parts[1]!, parts[2]!, parts[3]!, parts[4]!);
  const t = Math.floor(ms / 1000);
  if (t >= 0) return u32(BigInt(t));
  throw new XtablesError(1, "mktime returned an error", "plain", "mktime: No such file or directory\n");
}

/** time_parse_minutes(): hh:mm[:ss]; the message quotes the part that failed. */
function parseDaytime(arg: string): number {
  const bad = (s: string): never => {
    throw paramError(`invalid time "${s}" specified, should be hh:mm[:ss] format and within the boundaries`);
  };
  let f = field(arg, 0);
  const hour = f.v;
  if (arg[f.end] !== ":" || hour > 23) bad(arg);
  let start = f.end + 1;
  f = field(arg, start);
  const minute = f.v;
  if ((arg[f.end] !== ":" && f.end !== arg.length) || minute > 59) bad(arg.slice(start));
  let second = 0;
  if (f.end !== arg.length) {
    start = f.end + 1;
    f = field(arg, start);
    second = f.v;
    if (f.end !== arg.length || second > 59) bad(arg.slice(start));
  }
  return 60 * 60 * hour + 60 * minute + second;
}

/** my_strseg(): comma-separated pieces, each cut to buflen - 1 characters. */
function segments(arg: string, buflen: number): string[] {
  const out: string[] = [];
  let rest: string | null = arg;
  while (rest !== null && rest !== "") {
    const comma = rest.indexOf(",");
    const piece = comma < 0 ? rest : rest.slice(0, comma);
    out.push(piece.slice(0, buflen - 1));
    rest = comma < 0 ? null : rest.slice(comma + 1);
  }
  return out;
}

function parseMonthdays(arg: string): number {
  let ret = 0;
  for (const day of segments(arg, 3)) {
    const r = cStrtoul(day, 0, 0);
    const i = u32(r.value);
    const c = day[r.end];
    if ((c !== "," && c !== undefined) || i > 31) throw paramError(`${day} is not a valid day for --monthdays`);
    ret = (ret | (1 << i)) >>> 0;
  }
  return ret;
}

function parseWeekdays(arg: string): number {
  let ret = 0;
  for (const day of segments(arg, 4)) {
    const r = cStrtoul(day, 0, 0);
    if (r.end === day.length) {
      const i = u32(r.value);
      if (i === 0) throw paramError("No, the week does NOT begin with Sunday.");
      // a shift by a variable count uses its low 5 bits on x86
      ret = (ret | (1 << (i & 31))) >>> 0;
      continue;
    }
    let valid = false;
    for (let i = 1; i < WEEK_DAYS.length; i++) {
      // strncmp(day, name, 2)
      if (day.slice(0, 2) === WEEK_DAYS[i]!.slice(0, 2)) {
        ret = (ret | (1 << i)) >>> 0;
        valid = true;
      }
    }
    if (!valid) throw paramError(`${day} is not a valid day specifier`);
  }
  return ret;
}

const SECONDS_PER_DAY = 86400;
/** days_since_epoch[] of xt_time.c: 1 January of 2039 back to 1970. */
const DSE_FIRST = 2039;
const DAYS_SINCE_EPOCH: number[] = (() => {
  const out: number[] = [];
  for (let y = DSE_FIRST; y >= 1970; y--) out.push(Math.round(Date.UTC(y, 0, 1) / 86400000));
  return out;
})();
const DAYS_SINCE_YEAR = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DAYS_SINCE_LEAPYEAR = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** localtime_3(): the day of the month, by the kernel's tables (years after 2039 count from 2039). */
function monthday(stamp: number): number {
  let w = Math.floor(stamp / SECONDS_PER_DAY);
  let i = 0;
  let year = DSE_FIRST;
  while (DAYS_SINCE_EPOCH[i]! > w) {
    i++;
    year--;
  }
  w -= DAYS_SINCE_EPOCH[i]!;
  const tbl = isLeap(year) ? DAYS_SINCE_LEAPYEAR : DAYS_SINCE_YEAR;
  for (i = tbl.length - 1; i > 0 && tbl[i]! > w; i--);
  // a u8 field
  return (w - tbl[i]! + 1) & 0xff;
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}

function daytime(t: number): string {
  return `${two(Math.floor(t / 3600))}:${two(Math.floor(t / 60) % 60)}:${two(t % 60)}`;
}

function printDate(date: number, command: string | null): string {
  if (date === 0) return "";
  const d = new Date(date * 1000);
  const ymd = `${String(d.getUTCFullYear()).padStart(4, "0")}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  const hms = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return command !== null ? ` ${command} ${ymd}T${hms}` : ` ${ymd} ${hms}`;
}

function printMonthdays(mask: number, human: boolean): string {
  const days: string[] = [];
  for (let i = 1; i <= 31; i++) {
    if (!((mask >>> i) & 1)) continue;
    let s = String(i);
    if (human) s += i % 10 === 1 ? "st" : i % 10 === 2 ? "nd" : i % 10 === 3 ? "rd" : "th";
    days.push(s);
  }
  return ` ${days.join(",")}`;
}

function printWeekdays(mask: number): string {
  const days: string[] = [];
  for (let i = 1; i <= 7; i++) if (mask & (1 << i)) days.push(WEEK_DAYS[i]!);
  return ` ${days.join(",")}`;
}

function saveText(d: TimeData): string {
  let out = "";
  if (d.daytimeStart !== MIN_DAYTIME || d.daytimeStop !== MAX_DAYTIME)
    out += ` --timestart ${daytime(d.daytimeStart)} --timestop ${daytime(d.daytimeStop)}`;
  if (d.monthdays !== ALL_MONTHDAYS) out += ` --monthdays${printMonthdays(d.monthdays, false)}`;
  if (d.weekdays !== ALL_WEEKDAYS) out += ` --weekdays${printWeekdays(d.weekdays)}`;
  out += printDate(d.dateStart, "--datestart");
  out += printDate(d.dateStop, "--datestop");
  if (d.flags & TIME_LOCAL_TZ) out += " --kerneltz";
  if (d.flags & TIME_CONTIGUOUS) out += " --contiguous";
  return out;
}

export const timeMatch = defineMatch<TimeData>({
  name: "time",
  revision: 0,
  options: [
    { name: "datestart", id: O_DATE_START, type: XtType.STRING },
    { name: "datestop", id: O_DATE_STOP, type: XtType.STRING },
    { name: "timestart", id: O_TIME_START, type: XtType.STRING },
    { name: "timestop", id: O_TIME_STOP, type: XtType.STRING },
    { name: "contiguous", id: O_TIME_CONTIGUOUS, type: XtType.NONE },
    { name: "weekdays", id: O_WEEKDAYS, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "monthdays", id: O_MONTHDAYS, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "localtz", id: O_LOCAL_TZ, type: XtType.NONE, excl: F_UTC },
    { name: "utc", id: O_UTC, type: XtType.NONE, excl: F_LOCAL_TZ | F_KERNEL_TZ },
    { name: "kerneltz", id: O_KERNEL_TZ, type: XtType.NONE, excl: F_UTC },
  ],
  init: () => ({
    dateStart: 0,
    dateStop: INT_MAX,
    daytimeStart: MIN_DAYTIME,
    daytimeStop: MAX_DAYTIME,
    monthdays: ALL_MONTHDAYS,
    weekdays: ALL_WEEKDAYS,
    flags: 0,
  }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_DATE_START:
        d.dateStart = parseDate(cb.arg);
        break;
      case O_DATE_STOP:
        d.dateStop = parseDate(cb.arg);
        break;
      case O_TIME_START:
        d.daytimeStart = parseDaytime(cb.arg);
        break;
      case O_TIME_STOP:
        d.daytimeStop = parseDaytime(cb.arg);
        break;
      case O_TIME_CONTIGUOUS:
        d.flags |= TIME_CONTIGUOUS;
        break;
      case O_LOCAL_TZ:
        cb.warn?.(
          'WARNING: --localtz is being replaced by --kerneltz, since "local" is ambiguous. ' +
            "Note the kernel timezone has caveats - see manpage for details.\n",
        );
        d.flags |= TIME_LOCAL_TZ;
        break;
      case O_KERNEL_TZ:
        d.flags |= TIME_LOCAL_TZ;
        break;
      case O_MONTHDAYS:
        d.monthdays = parseMonthdays(cb.arg);
        if (cb.invert) d.monthdays = (d.monthdays ^ ALL_MONTHDAYS) >>> 0;
        break;
      case O_WEEKDAYS:
        d.weekdays = parseWeekdays(cb.arg) & 0xff;
        if (cb.invert) d.weekdays = (d.weekdays ^ ALL_WEEKDAYS) & 0xff;
        break;
    }
  },
  finalCheck(cb) {
    const d = cb.data;
    if (cb.xflags & F_TIME_CONTIGUOUS && d.daytimeStart < d.daytimeStop)
      throw paramError("time: --contiguous only makes sense when stoptime is smaller than starttime");
  },
  print(d) {
    let out = " TIME";
    if (d.daytimeStart !== MIN_DAYTIME || d.daytimeStop !== MAX_DAYTIME)
      out += ` from ${daytime(d.daytimeStart)} to ${daytime(d.daytimeStop)}`;
    if (d.weekdays !== ALL_WEEKDAYS) out += ` on${printWeekdays(d.weekdays)}`;
    if (d.monthdays !== ALL_MONTHDAYS) out += ` on${printMonthdays(d.monthdays, true)}`;
    if (d.dateStart !== 0) out += ` starting from${printDate(d.dateStart, null)}`;
    if (d.dateStop !== INT_MAX) out += ` until date${printDate(d.dateStop, null)}`;
    if (!(d.flags & TIME_LOCAL_TZ)) out += " UTC";
    if (d.flags & TIME_CONTIGUOUS) out += " contiguous";
    return out;
  },
  save: (d) => saveText(d),
  compile(d) {
    // time_mt() against the wall clock; the kernel's time zone (sys_tz) is UTC here
    const dateStart = d.dateStart >>> 0;
    const dateStop = d.dateStop >>> 0;
    const tStart = d.daytimeStart >>> 0;
    const tStop = d.daytimeStop >>> 0;
    const contiguous = (d.flags & TIME_CONTIGUOUS) !== 0;
    const weekdays = d.weekdays >>> 0;
    const monthdays = d.monthdays >>> 0;
    const allMonthdays = monthdays === ALL_MONTHDAYS;
    return (_p, ctx) => {
      let stamp = wallSeconds(ctx);
      if (stamp < dateStart || stamp > dateStop) return false;
      const packetTime = stamp % SECONDS_PER_DAY;
      if (tStart < tStop) {
        if (packetTime < tStart || packetTime > tStop) return false;
      } else {
        if (packetTime < tStart && packetTime > tStop) return false;
        // the part after midnight belongs to the day the range started on
        if (contiguous && packetTime <= tStop) stamp -= SECONDS_PER_DAY;
      }
      // 1970-01-01 was a Thursday (4); Sunday is 7
      const weekday = ((4 + Math.floor(stamp / SECONDS_PER_DAY) - 1) % 7) + 1;
      if (!(weekdays & (1 << weekday))) return false;
      if (!allMonthdays && !(monthdays & (1 << (monthday(stamp) & 31)))) return false;
      return true;
    };
  },
  // bit 0 of either day mask is stored but never printed
  compareKey: (d) => `${saveText(d)}\u0000${d.monthdays}/${d.weekdays}`,
  help: () =>
    "time match options:\n" +
    "    --datestart time     Start and stop time, to be given in ISO 8601\n" +
    "    --datestop time      (YYYY[-MM[-DD[Thh[:mm[:ss]]]]])\n" +
    "    --timestart time     Start and stop daytime (hh:mm[:ss])\n" +
    "    --timestop time      (between 00:00:00 and 23:59:59)\n" +
    "[!] --monthdays value    List of days on which to match, separated by comma\n" +
    "                         (Possible days: 1 to 31; defaults to all)\n" +
    "[!] --weekdays value     List of weekdays on which to match, sep. by comma\n" +
    "                         (Possible days: Mon,Tue,Wed,Thu,Fri,Sat,Sun or 1 to 7\n" +
    "                         Defaults to all weekdays.)\n" +
    "    --kerneltz           Work with the kernel timezone instead of UTC\n",
});
