/**
 * A twin host: its rule set and name tables, driven through the same
 * commands as a real Linux host. No Node built-ins: runs in a browser too.
 */
import { NameDb } from "./core/netdb.js";
import { type CommandResult, type Flavour, type IptablesEnv, runIptables } from "./compat/iptables/commands.js";
import { parseRestoreArgs, type RestoreOptions, runRestore } from "./compat/iptables/restore.js";
import { runIptablesSave, saveRuleset } from "./compat/iptables/save.js";
import { defaultRegistry } from "./extensions/index.js";
import type { ExtensionRegistry } from "./extensions/registry.js";
import { Ruleset } from "./engine/ruleset.js";

export interface HostOptions {
  flavour?: Flavour;
  /** Wall-clock seconds at which the host's virtual clock starts. */
  epoch?: number;
  db?: NameDb;
}

let sharedRegistry: ExtensionRegistry | undefined;

export class Host {
  ruleset = new Ruleset();
  readonly db: NameDb;
  flavour: Flavour;
  readonly registry: ExtensionRegistry;
  /** Virtual clock: seconds since the epoch, as the twin sees it. */
  epoch: number;
  /** Virtual nanoseconds elapsed since `epoch`. */
  elapsedNs = 0n;

  constructor(opts: HostOptions = {}) {
    this.flavour = opts.flavour ?? "nft";
    this.epoch = opts.epoch ?? Math.floor(Date.now() / 1000);
    this.db = opts.db ?? new NameDb();
    sharedRegistry ??= defaultRegistry();
    this.registry = sharedRegistry;
  }

  /** The virtual wall clock, in whole seconds. */
  now(): number {
    return this.epoch + Number(this.elapsedNs / 1_000_000_000n);
  }

  get env(): IptablesEnv {
    return { ruleset: this.ruleset, db: this.db, registry: this.registry, flavour: this.flavour };
  }

  /** `iptables ARGS…` */
  iptables(args: readonly string[]): CommandResult {
    return runIptables(this.env, args);
  }

  /** `iptables-save ARGS…`; with -f FILE, `file` names where the caller should write stdout. */
  iptablesSave(args: readonly string[] = []): CommandResult & { file?: string } {
    return runIptablesSave(this.ruleset, this.db, args, this.now(), this.flavour);
  }

  /** `iptables-restore ARGS…` reading `input` (used when no FILE argument is given). */
  iptablesRestore(args: readonly string[], input: string, readFile?: (path: string) => string): CommandResult {
    const program = "iptables-restore";
    const a = parseRestoreArgs(args, program, this.flavour);
    if (a.kind === "exit") return a.result;
    let text = input;
    if (a.input.kind === "file") {
      if (!readFile) return { stdout: "", stderr: `Can't open ${a.input.path}: No such file or directory\n`, status: 1 };
      try {
        text = readFile(a.input.path);
      } catch (e) {
        const msg = e instanceof Error && "code" in e && e.code === "ENOENT" ? "No such file or directory" : String(e);
        return { stdout: "", stderr: `Can't open ${a.input.path}: ${msg}\n`, status: 1 };
      }
    }
    return runRestore(this.env, text, a.options, program);
  }

  /** iptables-save text of every table that exists (or of one table). */
  save(opts: { counters?: boolean; table?: string } = {}): string {
    return saveRuleset(this.ruleset, this.db, { ...opts, now: this.now() }, this.flavour);
  }

  /** iptables-restore of `text`; returns what the command prints and its status. */
  restore(text: string, opts: RestoreOptions = {}): CommandResult {
    return runRestore(this.env, text, opts);
  }
}
