/**
 * A twin host: its rule set and name tables, driven through the same
 * commands as a real Linux host. No Node built-ins: runs in a browser too.
 */

import { runIp } from "./compat/ip/index.js";
import { type CommandResult, type Flavour, type IptablesEnv, runIptables } from "./compat/iptables/commands.js";
import { parseRestoreArgs, type RestoreOptions, runRestore } from "./compat/iptables/restore.js";
import { runIptablesSave, saveRuleset } from "./compat/iptables/save.js";
import { runSysctl } from "./compat/sysctl.js";
import { NameDb } from "./core/netdb.js";
import { Rng } from "./core/rng.js";
import { Conntrack } from "./engine/conntrack.js";
import { LocalHost } from "./engine/local.js";
import { Nat } from "./engine/nat.js";
import { NetConfig } from "./engine/net.js";
import { Ruleset } from "./engine/ruleset.js";
import { NetStack } from "./engine/stack.js";
import { defaultRegistry } from "./extensions/index.js";
import type { ExtensionRegistry } from "./extensions/registry.js";

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
  private elapsed = 0n;
  /** The same as a number, read by every hook of every packet (a bigint's conversion costs ~15 ns). */
  private elapsedNum = 0;
  /** Virtual nanoseconds elapsed since `epoch`. */
  get elapsedNs(): bigint {
    return this.elapsed;
  }
  set elapsedNs(v: bigint) {
    this.elapsed = v;
    this.elapsedNum = Number(v);
  }
  /** Interfaces, addresses, routes and sysctls. */
  net = new NetConfig();
  /** The host's seeded randomness (NAT ports, statistic, ids). */
  rng = new Rng(1);
  /** Per-host state of extensions (recent lists, hashlimit tables, quotas). */
  readonly shared = new Map<string, unknown>();
  /** Kernel log lines (printk) in order, as dmesg shows them. */
  readonly kernlog: Array<{ ns: number; level: number; line: string }> = [];
  private netStack?: NetStack;
  private ctTable?: Conntrack;
  private localHost?: LocalHost;

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

  /** The host's packet path (send, trace); built once, always sees the current rule set and network. */
  /** The connection tracking table (conntrack -L, NAT bindings). */
  conntrack(): Conntrack {
    if (!this.ctTable) {
      this.ctTable = new Conntrack({
        ruleset: () => this.ruleset,
        net: () => this.net,
        rng: this.rng,
        log: (level, line) => {
          this.kernlog.push({ ns: Number(this.elapsedNs), level, line });
        },
        shared: this.shared,
      });
      new Nat(this.ctTable, () => this.ruleset);
    }
    return this.ctTable;
  }

  /** The host's own network stack: sockets, TCP/UDP/ICMP answers, icmp_send(). */
  get local(): LocalHost {
    if (!this.localHost) {
      const host = this;
      this.localHost = new LocalHost({
        get net() {
          return host.net;
        },
        rng: host.rng,
        nowNs: () => host.elapsedNum,
        wallMs: () => host.epoch * 1000 + Number(host.elapsedNs / 1_000_000n),
      });
    }
    return this.localHost;
  }

  stack(): NetStack {
    if (!this.netStack) {
      const host = this;
      const ct = this.conntrack();
      this.netStack = new NetStack({
        get ruleset() {
          return host.ruleset;
        },
        get net() {
          return host.net;
        },
        get rng() {
          return host.rng;
        },
        nowNs: () => host.elapsedNum,
        wallSeconds: () => host.now(),
        wallMs: () => host.epoch * 1000 + Number(host.elapsedNs / 1_000_000n),
        log: (level, line) => {
          host.kernlog.push({ ns: Number(host.elapsedNs), level, line });
        },
        shared: this.shared,
        conntrack: ct,
        nat: ct.nat!,
        local: this.local,
      });
    }
    return this.netStack;
  }

  /** `ip ARGS…` (iproute2) against the host's interfaces, addresses and routes. */
  ip(args: readonly string[]): CommandResult {
    return runIp(this.net, args);
  }

  /** `sysctl ARGS…` (procps); `readFile` serves `-p FILE`. */
  sysctl(args: readonly string[], readFile?: (path: string) => string): CommandResult {
    return runSysctl(this.net, args, readFile);
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
      if (!readFile)
        return { stdout: "", stderr: `Can't open ${a.input.path}: No such file or directory\n`, status: 1 };
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
