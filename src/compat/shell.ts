/**
 * A small POSIX-shell subset for running firewall scripts against a twin:
 * quoting, comments, line continuations, VAR=value and $VAR / ${VAR}
 * (unquoted expansions are split into words), `;`, `&&`, `||`, `<`, `>`,
 * `>>`, `2>`, `2>&1` and here-documents.
 */

export interface Redirect {
  fd: 0 | 1 | 2;
  kind: "<" | ">" | ">>" | "<<" | ">&";
  /** File name, here-document text, or the fd number for `>&`. */
  target: string;
}

export interface SimpleCommand {
  assignments: Array<[string, string]>;
  argv: string[];
  redirects: Redirect[];
  /** The source text of the command, for reports. */
  text: string;
}

/** A command as parsed, before variables are expanded. */
export interface RawCommand {
  words: WordPart[][];
  redirects: RedirToken[];
  text: string;
}

/** A list: commands joined by `;`, `&&`, `||` (the operator before each one). */
export interface CommandList {
  /** `cmd`, then the later stages of its pipeline (`cmd | pipe[0] | …`). */
  items: Array<{ op: ";" | "&&" | "||"; cmd: RawCommand; pipe: RawCommand[] }>;
  text: string;
  /** 1-based line where it starts. */
  line: number;
}

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * What this shell does not do (compound commands, functions, command substitution, subshells) is
 * refused before anything runs: a script half-run by a shell that skipped its loops would be
 * silently wrong. Real shells do all of it with the shims (`iptwin shims DIR`) first in PATH.
 */
function unsupported(what: string, line: number): ShellSyntaxError {
  return new ShellSyntaxError(
    `${what} not supported by iptwin shell; nothing was run (run the script with sh and \`iptwin shims DIR\` first in PATH)`,
    line,
  );
}

/** Words that open or close a compound command or a function body where a command starts. */
const RESERVED_WORDS = new Set([
  "for",
  "while",
  "until",
  "if",
  "then",
  "elif",
  "else",
  "fi",
  "do",
  "done",
  "case",
  "esac",
  "select",
  "function",
  "{",
  "}",
]);

interface RedirToken {
  t: "redir";
  fd: 0 | 1 | 2;
  kind: Redirect["kind"];
  word?: WordPart[];
  dupFd?: string;
  heredoc?: { delim: string; strip: boolean; quoted: boolean };
}

type Token = { t: "word"; parts: WordPart[] } | { t: "op"; v: ";" | "&&" | "||" | "|" } | RedirToken;

/** A piece of a word: literal text, or a variable to expand (quoted or not). */
export type WordPart = { lit: string; quoted: boolean } | { var: string; quoted: boolean };

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Splits a script into command lists, reading here-documents. */
export function parseScript(src: string): CommandList[] {
  const lines = src.split("\n");
  const out: CommandList[] = [];
  let i = 0;
  while (i < lines.length) {
    const startLine = i + 1;
    // Join continuation lines and lines with open quotes.
    let text = lines[i]!;
    i++;
    while ((endsWithBackslash(text) || openQuote(text)) && i < lines.length) {
      text = endsWithBackslash(text) && !openQuote(text) ? `${text.slice(0, -1)}${lines[i]}` : `${text}\n${lines[i]}`;
      i++;
    }
    const toks = tokenize(text, startLine);
    // Here-documents: bodies follow the line.
    for (const tk of toks) {
      if (tk.t === "redir" && tk.heredoc) {
        const body: string[] = [];
        const bodyLine = i + 1;
        while (i < lines.length) {
          let l = lines[i]!;
          i++;
          if (tk.heredoc.strip) l = l.replace(/^\t+/, "");
          if (l === tk.heredoc.delim) break;
          body.push(l);
        }
        const bodyText = body.length ? `${body.join("\n")}\n` : "";
        tk.word = tk.heredoc.quoted ? [{ lit: bodyText, quoted: true }] : expandHeredocVars(bodyText, bodyLine);
      }
    }
    const list = buildLists(toks, text, startLine);
    out.push(...list);
  }
  return out;
}

function endsWithBackslash(s: string): boolean {
  let n = 0;
  for (let k = s.length - 1; k >= 0 && s[k] === "\\"; k--) n++;
  return n % 2 === 1;
}

function openQuote(s: string): boolean {
  let q: string | null = null;
  for (let k = 0; k < s.length; k++) {
    const c = s[k]!;
    if (q === null) {
      if (c === "#" && (k === 0 || /\s/.test(s[k - 1]!))) return false;
      if (c === "\\") k++;
      else if (c === "'" || c === '"') q = c;
    } else if (q === '"' && c === "\\") k++;
    else if (c === q) q = null;
  }
  return q !== null;
}

function expandHeredocVars(body: string, firstLine: number): WordPart[] {
  let line = firstLine;
  const parts: WordPart[] = [];
  let lit = "";
  for (let k = 0; k < body.length; k++) {
    const c = body[k]!;
    if (c === "\n") line++;
    if (c === "\\" && (body[k + 1] === "$" || body[k + 1] === "\\" || body[k + 1] === "`")) {
      lit += body[k + 1];
      k++;
    } else if (c === "`" || (c === "$" && body[k + 1] === "(")) {
      throw unsupported("command substitution is", line);
    } else if (c === "$") {
      const v = readVar(body, k, line);
      if (v) {
        if (lit) parts.push({ lit, quoted: true });
        lit = "";
        parts.push({ var: v.name, quoted: true });
        k = v.end - 1;
      } else lit += c;
    } else lit += c;
  }
  if (lit || parts.length === 0) parts.push({ lit, quoted: true });
  return parts;
}

function readVar(s: string, k: number, line = 0): { name: string; end: number } | undefined {
  if (s[k + 1] === "{") {
    const close = s.indexOf("}", k + 2);
    if (close < 0) return undefined;
    const body = s.slice(k + 2, close);
    if (!SPECIAL_OR_NAME_RE.test(body)) {
      const m = PARAM_OP_RE.exec(body);
      if (!m || /["'\\`]|\$\(/.test(m[4]!)) throw unsupported(`parameter expansion \`\${${body}}' is`, line);
    }
    return { name: body, end: close + 1 };
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$!-])/.exec(s.slice(k + 1));
  if (!m) return undefined;
  return { name: m[1]!, end: k + 1 + m[1]!.length };
}

const SPECIAL_OR_NAME_RE = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#@*$!-])$/;
/** ${NAME-word}, ${NAME:-word}, ${NAME=word}, ${NAME+word}, ${NAME?word} and their colon forms. */
const PARAM_OP_RE = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+)(:?)([-=+?])(.*)$/s;

/** A failed expansion (an unbound variable under set -u, ${X?msg}): the script stops, as sh does. */
export class ShellExpansionError extends Error {}

/** The value of $name or ${name…}; `word` of an operator form has its own $NAME expanded. */
function expandVar(name: string, vars: Map<string, string>, nounset: boolean): string {
  const m = SPECIAL_OR_NAME_RE.test(name) ? null : PARAM_OP_RE.exec(name);
  if (!m) {
    const v = vars.get(name);
    if (v === undefined && nounset && name !== "@" && name !== "*")
      throw new ShellExpansionError(`${/^[0-9]+$/.test(name) ? "$" : ""}${name}: unbound variable`);
    return v ?? "";
  }
  const [, base, colon, op] = m;
  const value = vars.get(base!);
  const missing = value === undefined || (colon === ":" && value === "");
  const word = () =>
    m[4]!.replace(/\$(?:\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$!-]))/g, (_, b, p) =>
      expandVar(b ?? p, vars, nounset),
    );
  switch (op) {
    case "-":
      return missing ? word() : value!;
    case "=": {
      if (!missing) return value!;
      const w = word();
      vars.set(base!, w);
      return w;
    }
    case "+":
      return missing ? "" : word();
    default: {
      if (!missing) return value!;
      const w = word();
      throw new ShellExpansionError(`${base}: ${w || (colon ? "parameter null or not set" : "parameter not set")}`);
    }
  }
}

function tokenize(text: string, line: number): Token[] {
  const toks: Token[] = [];
  let k = 0;
  const n = text.length;
  while (k < n) {
    const c = text[k]!;
    if (c === " " || c === "\t" || c === "\n") {
      k++;
      continue;
    }
    if (c === "#") break;
    if (c === ";") {
      toks.push({ t: "op", v: ";" });
      k++;
      continue;
    }
    if (c === "&" && text[k + 1] === "&") {
      toks.push({ t: "op", v: "&&" });
      k += 2;
      continue;
    }
    if (c === "|") {
      if (text[k + 1] === "|") {
        toks.push({ t: "op", v: "||" });
        k += 2;
      } else {
        toks.push({ t: "op", v: "|" });
        k++;
      }
      continue;
    }
    // Redirections, optionally with a leading fd digit.
    const rm = /^([012])?(<<-?|>>|>&|<|>)/.exec(text.slice(k));
    if (rm) {
      const fd = (rm[1] !== undefined ? Number(rm[1]) : rm[2]!.startsWith("<") ? 0 : 1) as 0 | 1 | 2;
      const op = rm[2]!;
      k += rm[0].length;
      while (text[k] === " " || text[k] === "\t") k++;
      if (op === ">&") {
        const m = /^[0-9]+/.exec(text.slice(k));
        if (!m) throw new ShellSyntaxError("syntax error near `>&'", line);
        toks.push({ t: "redir", fd, kind: ">&", dupFd: m[0] });
        k += m[0].length;
        continue;
      }
      const w = readWord(text, k, line);
      if (!w) throw new ShellSyntaxError("syntax error near unexpected token `newline'", line);
      k = w.end;
      if (op.startsWith("<<")) {
        const delimText = w.parts.map((p) => ("lit" in p ? p.lit : `$${p.var}`)).join("");
        const quoted = w.parts.some((p) => p.quoted);
        toks.push({ t: "redir", fd: 0, kind: "<<", heredoc: { delim: delimText, strip: op === "<<-", quoted } });
      } else {
        toks.push({ t: "redir", fd, kind: op as Redirect["kind"], word: w.parts });
      }
      continue;
    }
    const w = readWord(text, k, line);
    if (!w) {
      k++;
      continue;
    }
    toks.push({ t: "word", parts: w.parts });
    k = w.end;
  }
  return toks;
}

function readWord(text: string, start: number, line: number): { parts: WordPart[]; end: number } | undefined {
  const parts: WordPart[] = [];
  let lit = "";
  let litQuoted = false;
  const flush = (quoted: boolean) => {
    if (lit.length || (quoted && !parts.length)) parts.push({ lit, quoted });
    lit = "";
  };
  let k = start;
  const n = text.length;
  let any = false;
  while (k < n) {
    const c = text[k]!;
    if (c === " " || c === "\t" || c === "\n" || c === ";" || c === "|" || (c === "&" && text[k + 1] === "&")) break;
    if (c === "<" || c === ">") break;
    if (c === "`" || (c === "$" && text[k + 1] === "(")) throw unsupported("command substitution is", line);
    if (c === "(" || c === ")") throw unsupported("subshells and functions are", line);
    any = true;
    if (c === "\\") {
      if (litQuoted) flush(true);
      litQuoted = false;
      lit += text[k + 1] ?? "";
      // An escaped character is literal and never split.
      flush(true);
      k += 2;
      continue;
    }
    if (c === "'") {
      flush(litQuoted);
      const close = text.indexOf("'", k + 1);
      if (close < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''", line);
      parts.push({ lit: text.slice(k + 1, close), quoted: true });
      litQuoted = false;
      k = close + 1;
      continue;
    }
    if (c === '"') {
      flush(litQuoted);
      litQuoted = false;
      k++;
      let q = "";
      let closed = false;
      while (k < n) {
        const d = text[k]!;
        if (d === '"') {
          closed = true;
          k++;
          break;
        }
        if (d === "\\" && (text[k + 1] === '"' || text[k + 1] === "\\" || text[k + 1] === "$" || text[k + 1] === "`")) {
          q += text[k + 1];
          k += 2;
          continue;
        }
        if (d === "`" || (d === "$" && text[k + 1] === "(")) throw unsupported("command substitution is", line);
        if (d === "$") {
          const v = readVar(text, k, line);
          if (v) {
            parts.push({ lit: q, quoted: true });
            q = "";
            parts.push({ var: v.name, quoted: true });
            k = v.end;
            continue;
          }
        }
        q += d;
        k++;
      }
      if (!closed) throw new ShellSyntaxError("unexpected EOF while looking for matching `\"'", line);
      parts.push({ lit: q, quoted: true });
      continue;
    }
    if (c === "$") {
      const v = readVar(text, k, line);
      if (v) {
        flush(litQuoted);
        litQuoted = false;
        parts.push({ var: v.name, quoted: false });
        k = v.end;
        continue;
      }
    }
    lit += c;
    k++;
  }
  if (!any) return undefined;
  flush(litQuoted);
  return { parts, end: k };
}

function buildLists(toks: Token[], text: string, line: number): CommandList[] {
  const lists: CommandList[] = [];
  let cur: CommandList = { items: [], text, line };
  let op: ";" | "&&" | "||" = ";";
  let cmd: RawCommand = { words: [], redirects: [], text };
  let stages: RawCommand[] = [];
  const endStage = () => {
    if (cmd.words.length === 0 && cmd.redirects.length === 0) return false;
    stages.push(cmd);
    cmd = { words: [], redirects: [], text };
    return true;
  };
  const endCmd = () => {
    if (!endStage()) return false;
    const [first, ...pipe] = stages;
    cur.items.push({ op, cmd: first!, pipe });
    stages = [];
    return true;
  };
  for (const tk of toks) {
    if (tk.t === "word") {
      const only = tk.parts.length === 1 ? tk.parts[0]! : undefined;
      if (cmd.words.length === 0 && only && "lit" in only && !only.quoted && RESERVED_WORDS.has(only.lit))
        throw unsupported(`\`${only.lit}': compound commands are`, line);
      cmd.words.push(tk.parts);
    } else if (tk.t === "redir") cmd.redirects.push(tk);
    else if (tk.t === "op") {
      if (tk.v === "|") {
        if (!endStage()) throw new ShellSyntaxError("syntax error near unexpected token `|'", line);
        continue;
      }
      if (!endCmd()) throw new ShellSyntaxError(`syntax error near unexpected token \`${tk.v}'`, line);
      if (tk.v === ";") {
        lists.push(cur);
        cur = { items: [], text, line };
        op = ";";
      } else op = tk.v;
    }
  }
  if (stages.length && cmd.words.length === 0 && cmd.redirects.length === 0)
    throw new ShellSyntaxError("syntax error: unexpected end of file", line);
  endCmd();
  if (cur.items.length) lists.push(cur);
  return lists;
}

/** Expands a parsed command's words with the current variables. */
export function expandCommand(raw: RawCommand, vars: Map<string, string>, nounset = false): SimpleCommand {
  const words = raw.words.map((w) => expandWord(w, vars, false, nounset));
  const assignments: Array<[string, string]> = [];
  let idx = 0;
  for (; idx < raw.words.length; idx++) {
    const first = raw.words[idx]![0];
    if (!first || !("lit" in first) || first.quoted) break;
    const eq = first.lit.indexOf("=");
    if (eq <= 0 || !NAME_RE.test(first.lit.slice(0, eq))) break;
    const value = expandWord(
      [{ lit: first.lit.slice(eq + 1), quoted: true }, ...raw.words[idx]!.slice(1)],
      vars,
      true,
      nounset,
    );
    assignments.push([first.lit.slice(0, eq), value.join(" ")]);
  }
  const argv = words.slice(idx).flat();
  const redirects: Redirect[] = [];
  for (const r of raw.redirects) {
    if (r.kind === ">&") redirects.push({ fd: r.fd, kind: ">&", target: r.dupFd! });
    else redirects.push({ fd: r.fd, kind: r.kind, target: expandWord(r.word!, vars, true, nounset).join(" ") });
  }
  return { assignments, argv, redirects, text: raw.text };
}

function expandWord(parts: WordPart[], vars: Map<string, string>, noSplit = false, nounset = false): string[] {
  // "$@" with no arguments is no word at all, not an empty one.
  const nonEmpty = parts.filter((p) => "var" in p || p.lit !== "");
  const only = nonEmpty.length === 1 ? nonEmpty[0]! : undefined;
  if (only && "var" in only && only.var === "@" && !vars.get("@")) return [];
  const fields: string[] = [];
  let cur = "";
  let have = false;
  for (const p of parts) {
    if ("lit" in p) {
      cur += p.lit;
      have = true;
      continue;
    }
    const v = expandVar(p.var, vars, nounset);
    if (p.quoted || noSplit) {
      cur += v;
      have = true;
      continue;
    }
    const pieces = v.split(/[ \t\n]+/);
    for (let j = 0; j < pieces.length; j++) {
      const piece = pieces[j]!;
      if (j > 0) {
        if (have) fields.push(cur);
        cur = "";
        have = false;
      }
      if (piece.length) {
        cur += piece;
        have = true;
      }
    }
  }
  if (have) fields.push(cur);
  return fields;
}
