// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are shell scripts, whose ${…} is the point
/**
 * iptwin shell: what it runs, and what it refuses before running anything (compound commands,
 * functions, command substitution), since a script half-run without its loops would be silently
 * wrong. Statuses and $? as bash gives them (a syntax error is 2).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ShellSession } from "../src/compat/session.js";
import { Host } from "../src/host.js";

function runScript(script: string) {
  const host = new Host();
  const session = new ShellSession(host);
  const results = session.run(script);
  return {
    host,
    session,
    results,
    stdout: results.map((r) => r.stdout).join(""),
    stderr: results.map((r) => r.stderr).join(""),
  };
}

describe("iptwin shell", () => {
  it("expands $? after each pipeline of an && / || list, as bash does", () => {
    const r = runScript("false || echo a=$?\ntrue && false; echo b=$?\nfalse || true && echo c=$?\n");
    expect(r.stdout).toBe("a=1\nb=1\nc=0\n");
  });

  const refused: [string, string][] = [
    ["for p in 22 80; do iptables -A INPUT -p tcp --dport $p -j ACCEPT; done", "`for': compound commands are"],
    ["if true; then iptables -N X; fi", "`if': compound commands are"],
    ["while true; do :; done", "`while': compound commands are"],
    ["case $1 in", "`case': compound commands are"],
    ["{ iptables -N X; }", "`{': compound commands are"],
    ["fw() { iptables -N X; }", "subshells and functions are"],
    ["(iptables -N X)", "subshells and functions are"],
    ["IF=$(ip route | head -1)", "command substitution is"],
    ['echo "now `date`"', "command substitution is"],
  ];
  for (const [line, what] of refused) {
    it(`refuses ${JSON.stringify(line)} and runs nothing of the script`, () => {
      const r = runScript(`iptables -N BEFORE\n${line}\n`);
      expect(r.results).toEqual([
        {
          cmd: "",
          stdout: "",
          stderr: `iptwin: line 2: ${what} not supported by iptwin shell; nothing was run (run the script with sh and \`iptwin shims DIR\` first in PATH)\n`,
          status: 2,
        },
      ]);
      expect(r.session.lastStatus).toBe(2);
      expect(r.host.iptables(["-S"]).stdout).not.toContain("BEFORE");
    });
  }

  it("refuses command substitution and other ${…} forms in a here-document, naming its line", () => {
    const msg = (line: number, what: string) =>
      `iptwin: line ${line}: ${what} not supported by iptwin shell; nothing was run (run the script with sh and \`iptwin shims DIR\` first in PATH)\n`;
    expect(runScript("iptables -N A\ncat <<EOF\nok\n$(date)\nEOF\n").results).toEqual([
      { cmd: "", stdout: "", stderr: msg(4, "command substitution is"), status: 2 },
    ]);
    expect(runScript("cat <<EOF\n${X#y}\nEOF\n").results[0]!.stderr).toBe(msg(2, "parameter expansion `${X#y}' is"));
    // quoted delimiters and escapes keep the text as it is
    expect(runScript("cat <<'EOF'\n$(date) ${X#y}\nEOF\ncat <<EOF\n\\$(x)\nEOF\n").stdout).toBe(
      "$(date) ${X#y}\n$(x)\n",
    );
  });

  it("keeps quoted keywords, parentheses and $( as text", () => {
    const r = runScript(`echo for 'a $(b) (c)' "if" x-for do-it\niptables -N for\niptables -S for\n`);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("for a $(b) (c) if x-for do-it\n-N for\n");
  });

  // Scripts of shell builtins only (echo, true, false, set, exit, variables), run by bash itself
  // and by the twin: same stdout, same stderr (bash's "FILE: line N:" is the twin's "iptwin: line N:"),
  // same exit status.
  const SCRIPTS: string[] = [
    "set -e\nfalse && true\necho one\ntrue && false\necho two\n",
    "set -e\nfalse || false\necho no\n",
    "set -e\nfalse | true\necho piped\nfalse\necho no\n",
    "set -e\nset +e\nfalse\necho goes-on\n",
    "set -o errexit\nfalse\necho no\n",
    "set -u\nX=1\necho $X\necho $Y\necho after\n",
    "set -eu\necho ${UNSET:-fallback}\necho ${UNSET-dash} ${EMPTY:+alt}\n",
    "set -x\nX='a b'\necho \"$X\" it\\'s '' plain\nset +x\necho quiet\n",
    "exit 3\necho no\n",
    "false\nexit\n",
    "exit 300\n",
    "exit -1\n",
    "exit abc\necho no\n",
    'EMPTY=\necho ${X:-d1} ${X-d2} ${EMPTY:-d3} ${EMPTY-d4} ${X:+a1} ${EMPTY+a2} "${Y:=set}" $Y ${Z=$Y-z}\n',
    "echo before\necho ${NOPE:?is required}\necho no\n",
    "EMPTY=\necho ${EMPTY?} ok\necho ${EMPTY:?}\n",
    "false || echo a=$?\ntrue && false; echo b=$?\nfalse || true && echo c=$?\n",
    'set -u\necho args=$# "$@"\necho ${1:-none}\necho $1\n',
  ];
  const dir = mkdtempSync(join(tmpdir(), "iptwin-shell-"));
  SCRIPTS.forEach((script, i) => {
    it(`runs like bash: ${JSON.stringify(script)}`, () => {
      const file = join(dir, `s${i}.sh`);
      writeFileSync(file, script);
      const real = spawnSync("bash", [file], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
      expect(real.error).toBeUndefined();
      const r = runScript(script);
      expect(r.stdout).toBe(real.stdout);
      expect(r.stderr).toBe(real.stderr.replaceAll(`${file}: line`, "iptwin: line"));
      expect(r.session.lastStatus).toBe(real.status);
    });
  });
});
