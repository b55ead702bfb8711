/**
 * The real iptables in a private network namespace: each Netns has a
 * unique name, is deleted by destroy() and, as a last resort, when the
 * process exits. Nothing here touches the host's own rule set.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandResult } from "../../src/compat/iptables/commands.js";

const ENV = {
  ...process.env,
  LC_ALL: "C",
  PATH: `/usr/sbin:/sbin:${process.env.PATH ?? "/usr/bin:/bin"}`,
};

const live = new Set<string>();
let counter = 0;
let hooked = false;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", () => {
    for (const n of live) spawnSync("ip", ["netns", "del", n]);
  });
}

/** One command of a batch: program, arguments, optional standard input. */
export interface RealCommand {
  prog: "iptables" | "iptables-save" | "iptables-restore" | "sh";
  argv: readonly string[];
  stdin?: string;
}

/** Single-quotes a word for sh. */
export function shQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}

export class Netns {
  private dead = false;

  private constructor(readonly name: string) {}

  /** Creates a fresh namespace named `<prefix>-<pid>-<n>`. */
  static create(prefix = "iptwin"): Netns {
    hookExit();
    const name = `${prefix}-${process.pid}-${++counter}`;
    spawnSync("ip", ["netns", "del", name]);
    const r = spawnSync("ip", ["netns", "add", name], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`ip netns add ${name}: ${r.stderr}`);
    live.add(name);
    return new Netns(name);
  }

  destroy(): void {
    if (this.dead) return;
    this.dead = true;
    spawnSync("ip", ["netns", "del", this.name]);
    live.delete(this.name);
  }

  private exec(prog: string, argv: readonly string[], input?: string): CommandResult {
    if (this.dead) throw new Error(`netns ${this.name} already deleted`);
    const r = spawnSync("ip", ["netns", "exec", this.name, prog, ...argv], {
      encoding: "utf8",
      env: ENV,
      input: input ?? "",
    });
    if (r.error) throw r.error;
    return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? 128 };
  }

  iptables(argv: readonly string[]): CommandResult {
    return this.exec("iptables", argv);
  }

  iptablesSave(argv: readonly string[] = []): CommandResult {
    return this.exec("iptables-save", argv);
  }

  iptablesRestore(args: readonly string[], input: string): CommandResult {
    return this.exec("iptables-restore", args, input);
  }

  /** Runs several commands in one `ip netns exec … sh`, each with its own output. */
  batch(cmds: readonly RealCommand[]): CommandResult[] {
    if (this.dead) throw new Error(`netns ${this.name} already deleted`);
    const dir = mkdtempSync(join(tmpdir(), "iptwin-ns-"));
    try {
      const lines: string[] = [];
      cmds.forEach((c, i) => {
        const inFile = join(dir, `${i}.in`);
        writeFileSync(inFile, c.stdin ?? "");
        const words = [c.prog, ...c.argv].map(shQuote).join(" ");
        lines.push(
          `${words} <${inFile} >${join(dir, `${i}.out`)} 2>${join(dir, `${i}.err`)}; echo $? >${join(dir, `${i}.rc`)}`,
        );
      });
      const script = join(dir, "run.sh");
      writeFileSync(script, `${lines.join("\n")}\n`);
      const r = spawnSync("ip", ["netns", "exec", this.name, "sh", script], {
        encoding: "utf8",
        env: ENV,
      });
      if (r.status !== 0) throw new Error(`batch in ${this.name} failed: ${r.stderr}`);
      return cmds.map((_, i) => ({
        stdout: readFileSync(join(dir, `${i}.out`), "utf8"),
        stderr: readFileSync(join(dir, `${i}.err`), "utf8"),
        status: Number(readFileSync(join(dir, `${i}.rc`), "utf8").trim()),
      }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Runs `fn` with a fresh namespace and always deletes it. */
export function withNetns<T>(fn: (ns: Netns) => T, prefix?: string): T {
  const ns = Netns.create(prefix);
  try {
    return fn(ns);
  } finally {
    ns.destroy();
  }
}
