/**
 * The twin host's kernel log: a ring of printk records (level, time since
 * boot on the virtual clock, text) and how the usual readers show them:
 * `dmesg` (util-linux 2.38), `journalctl -k` (systemd short format) and a
 * syslog file written by rsyslog's imklog (/var/log/messages, kern.log).
 *
 * LOG lines are printed by the kernel with a trailing space; readers keep it.
 */

/** A printk record as /dev/kmsg holds it. */
export interface KernRecord {
  seq: number;
  /** Syslog level 0..7 (LOG --log-level). */
  level: number;
  /** Syslog facility (0 = kern). */
  facility: number;
  /** Nanoseconds since boot (virtual clock). */
  tsNs: number;
  text: string;
}

export interface CmdResult {
  stdout: string;
  stderr: string;
  status: number;
}

const LEVEL_NAMES = ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"] as const;
const FACILITY_NAMES = ["kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news"] as const;
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** CONFIG_LOG_BUF_SHIFT=18 (Debian): a 256 KiB ring; a record costs its text plus a 24-byte header (approximation). */
const RING_BYTES = 1 << 18;
const RECORD_OVERHEAD = 24;

const pad = (n: number, w: number, c = "0") => String(n).padStart(w, c);

/** `[%5lu.%06lu]`: the kernel's timestamp prefix. */
export function kernelStamp(tsNs: number): string {
  const us = Math.floor(tsNs / 1000);
  return `[${pad(Math.floor(us / 1e6), 5, " ")}.${pad(us % 1e6, 6)}]`;
}

function utc(ms: number): Date {
  return new Date(ms);
}

/** ctime()-like text dmesg -T prints: `Sun Nov 22 02:22:24 2026` (UTC). */
function ctimeText(ms: number): string {
  const d = utc(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate(), 2, " ")} ${pad(d.getUTCHours(), 2)}:${pad(
    d.getUTCMinutes(),
    2,
  )}:${pad(d.getUTCSeconds(), 2)} ${d.getUTCFullYear()}`;
}

function hms(d: Date): string {
  return `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
}

export class KernelLog {
  private ring: KernRecord[] = [];
  private bytes = 0;
  private seq = 0;

  /** `nowNs` stamps records written with printk(). */
  constructor(private readonly nowNs: () => number = () => 0) {}

  /** printk at `level` with the current virtual time. */
  printk(level: number, text: string): void {
    this.append(level, text, this.nowNs());
  }

  /** A record at an explicit time (ns since boot). */
  append(level: number, text: string, tsNs: number, facility = 0): void {
    this.ring.push({ seq: this.seq++, level: level & 7, facility, tsNs, text });
    this.bytes += text.length + RECORD_OVERHEAD;
    while (this.bytes > RING_BYTES && this.ring.length > 1) {
      const old = this.ring.shift()!;
      this.bytes -= old.text.length + RECORD_OVERHEAD;
    }
  }

  records(): readonly KernRecord[] {
    return this.ring;
  }

  /** dmesg -C: empties the ring (sequence numbers go on). */
  clear(): void {
    this.ring = [];
    this.bytes = 0;
  }

  /**
   * `dmesg [options]`: -c/--read-clear, -C/--clear, -r/--raw, -t/--notime,
   * -x/--decode, -T/--ctime, -l/--level LIST, -k/--kernel, -L/--color=never.
   * `bootMs` is the wall-clock time of boot (for -T).
   */
  dmesg(argv: readonly string[], bootMs = 0): CmdResult {
    const err = (msg: string, usage = true): CmdResult => ({
      stdout: "",
      stderr: `dmesg: ${msg}\n${usage ? "Try 'dmesg --help' for more information.\n" : ""}`,
      status: 1,
    });
    let clearAfter = false;
    let clearOnly = false;
    let raw = false;
    let notime = false;
    let decode = false;
    let ctime = false;
    const levels = new Set<number>();
    const parseLevels = (list: string): string | undefined => {
      for (const w of list.split(",")) {
        const n = /^[0-7]$/.test(w) ? Number(w) : LEVEL_NAMES.indexOf(w.toLowerCase() as (typeof LEVEL_NAMES)[number]);
        if (n < 0) return w;
        levels.add(n);
      }
      return undefined;
    };
    const longs: Record<string, string> = {
      "--read-clear": "c",
      "--clear": "C",
      "--raw": "r",
      "--notime": "t",
      "--decode": "x",
      "--ctime": "T",
      "--human": "",
      "--kernel": "k",
      "--color=never": "",
    };
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      let flags = "";
      if (a.startsWith("--")) {
        if (a === "--level" || a.startsWith("--level=")) {
          const v = a === "--level" ? argv[++i] : a.slice(8);
          if (v === undefined) return err("option '--level' requires an argument");
          const bad = parseLevels(v);
          if (bad !== undefined) return err(`unknown level '${bad}'`, false);
          continue;
        }
        if (!(a in longs)) return err(`unrecognized option '${a}'`);
        flags = longs[a]!;
      } else if (a.startsWith("-") && a.length > 1) {
        for (let k = 1; k < a.length; k++) {
          const ch = a[k]!;
          if (ch === "l") {
            const v = k + 1 < a.length ? a.slice(k + 1) : argv[++i];
            if (v === undefined) return err("option requires an argument -- 'l'");
            const bad = parseLevels(v);
            if (bad !== undefined) return err(`unknown level '${bad}'`, false);
            break;
          }
          if (!"cCrtxTkL".includes(ch)) return err(`invalid option -- '${ch}'`);
          flags += ch;
        }
      } else return err(`bad usage`);
      for (const ch of flags) {
        if (ch === "c") clearAfter = true;
        else if (ch === "C") clearOnly = true;
        else if (ch === "r") raw = true;
        else if (ch === "t") notime = true;
        else if (ch === "x") decode = true;
        else if (ch === "T") ctime = true;
      }
    }
    if (raw && notime) return err("mutually exclusive arguments: --raw --notime", false);
    if (clearOnly) {
      this.clear();
      return { stdout: "", stderr: "", status: 0 };
    }
    let out = "";
    for (const r of this.ring) {
      if (levels.size && !levels.has(r.level)) continue;
      if (raw) {
        out += `<${(r.facility << 3) | r.level}>${kernelStamp(r.tsNs)} ${r.text}\n`;
        continue;
      }
      let line = "";
      if (decode)
        line += `${(FACILITY_NAMES[r.facility] ?? String(r.facility)).padEnd(6)}:${LEVEL_NAMES[r.level]!.padEnd(6)}: `;
      // record_localtime(): whole seconds of boot time plus whole seconds of the record
      const sec = Math.floor(bootMs / 1000) + Math.floor(r.tsNs / 1e9);
      if (!notime) line += ctime ? `[${ctimeText(sec * 1000)}] ` : `${kernelStamp(r.tsNs)} `;
      out += `${line}${r.text}\n`;
    }
    if (clearAfter) this.clear();
    return { stdout: out, stderr: "", status: 0 };
  }

  /**
   * `journalctl -k` (short format): `Nov 22 02:22:24 HOST kernel: TEXT`, the
   * time being boot + the record's time, in UTC.
   */
  journal(host: string, bootMs: number): string {
    let out = "";
    for (const r of this.ring) {
      const d = utc(bootMs + Math.floor(r.tsNs / 1e6));
      out += `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate(), 2)} ${hms(d)} ${host} kernel: ${r.text}\n`;
    }
    return out || "-- No entries --\n";
  }

  /**
   * A syslog file as rsyslog writes it from imklog (traditional format, the
   * kernel's own timestamp kept in the text): `Nov  2 02:22:24 HOST kernel: [ 2098.255141] TEXT`.
   */
  syslog(host: string, bootMs: number, levels?: ReadonlySet<number>): string {
    let out = "";
    for (const r of this.ring) {
      if (levels && !levels.has(r.level)) continue;
      const d = utc(bootMs + Math.floor(r.tsNs / 1e6));
      out += `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate(), 2, " ")} ${hms(d)} ${host} kernel: ${kernelStamp(r.tsNs)} ${r.text}\n`;
    }
    return out;
  }
}
