/**
 * The state directory of the iptwin command: one state file written
 * atomically (temporary file, fsync, rename, directory fsync) and a lock
 * that serialises concurrent iptwin processes the way the xtables lock does.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { Host, type HostOptions } from "../host.js";
import { deserializeHost, StateError, serializeHost } from "../state/serialize.js";
// registers the conntrack table as a state section
import "../state/conntrack-section.js";
import "../state/defrag-section.js";

export class CliError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export class StateDir {
  readonly file: string;
  readonly lockFile: string;
  private lockFd: number | null = null;

  constructor(readonly dir: string) {
    this.file = join(dir, "state");
    this.lockFile = join(dir, "lock");
  }

  ensure(): void {
    mkdirSync(this.dir, { recursive: true });
  }

  /**
   * Takes the lock. `wait`: null = fail at once, -1 = wait forever, N = up to N seconds.
   * Messages are those of xtables_lock_or_exit().
   */
  lock(wait: number | null): void {
    this.ensure();
    const deadline = wait === null ? 0 : wait < 0 ? Number.POSITIVE_INFINITY : Date.now() + wait * 1000;
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    for (;;) {
      try {
        const fd = openSync(this.lockFile, "wx", 0o600);
        writeSync(fd, `${process.pid}\n`);
        this.lockFd = fd;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      if (this.staleLock()) continue;
      if (Date.now() >= deadline) {
        const why =
          wait === null || wait === 0 ? "Perhaps you want to use the -w option?" : `Stopped waiting after ${wait}s.`;
        throw new CliError(`Another app is currently holding the xtables lock. ${why}\n`, 4);
      }
      Atomics.wait(sleeper, 0, 0, 20);
    }
  }

  /** A lock left by a process that no longer exists is removed. */
  private staleLock(): boolean {
    let pid: number;
    try {
      pid = Number.parseInt(readFileSync(this.lockFile, "utf8"), 10);
    } catch {
      return true; // vanished meanwhile: retry
    }
    if (!Number.isFinite(pid) || pid <= 0) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EPERM") return false;
      try {
        unlinkSync(this.lockFile);
      } catch {
        /* another process cleaned it */
      }
      return true;
    }
  }

  unlock(): void {
    if (this.lockFd === null) return;
    closeSync(this.lockFd);
    this.lockFd = null;
    try {
      unlinkSync(this.lockFile);
    } catch {
      /* already gone */
    }
  }

  /** Loads the host, or a fresh one when there is no state yet. */
  load(fresh: HostOptions): Host {
    if (!existsSync(this.file)) return new Host(fresh);
    const text = readFileSync(this.file, "utf8");
    try {
      return deserializeHost(text);
    } catch (e) {
      if (e instanceof StateError) {
        throw new CliError(
          `iptwin: the state file ${this.file} is damaged (${e.message}); it was left untouched. Move it away to start from a fresh host.\n`,
          1,
        );
      }
      throw e;
    }
  }

  /** Atomic replace: write a temporary file, fsync it, rename it over the state, fsync the directory. */
  save(host: Host): void {
    this.ensure();
    const data = serializeHost(host);
    const tmp = `${this.file}.tmp-${process.pid}`;
    const fd = openSync(tmp, "w", 0o644);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    try {
      const dfd = openSync(this.dir, "r");
      fsyncSync(dfd);
      closeSync(dfd);
    } catch {
      /* some file systems do not allow fsync on directories */
    }
  }
}
