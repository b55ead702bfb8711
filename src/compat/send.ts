/**
 * `send` and `trace`: a packet through the twin host's netfilter path.
 *
 *   send <packet options>        where the packet went, its header rewrites,
 *                                the kernel log lines and what the host emitted
 *   send --json                  one JSON packet per stdin line → one JSON result per line
 *   trace <packet options>       the xtables-monitor --trace lines, then the same as send
 */
import type { Packet } from "../core/packet.js";
import { utf8Encoder } from "../core/utf8.js";
import { MissingSemantics } from "../engine/netfilter.js";
import { HOOK_NAMES } from "../engine/ruleset.js";
import type { PacketReport } from "../engine/stack.js";
import type { Host } from "../host.js";
import type { CommandResult } from "./iptables/commands.js";
import { JsonWriter, lit } from "./json-writer.js";
import {
  buildPacket,
  fastSpecFromBytes,
  fastSpecFromLine,
  type PacketSpec,
  SEND_OPTIONS_HELP,
  SpecError,
  scratchSpec,
  specFromArgs,
  specFromJson,
  writePacketJson,
} from "./packet-spec.js";
import { packetLine, traceLines } from "./packet-text.js";

export const SEND_USAGE = `Usage: send [--json] <packet options>
       trace <packet options>

${SEND_OPTIONS_HELP}  --after SECONDS            let virtual time pass before sending
With --json, packets are read from standard input, one JSON object per line
(fields: in local src dst proto sport dport flags type code id ipid seq ack window
len ttl tos mark df mf fragoff mac uid gid inner ipopts after), and one JSON result is written per line.
`;

/** A packet run through the host; the report plus the kernel log lines it produced. */
export interface Outcome {
  report: PacketReport;
  logs: string[];
}

function advance(host: Host, seconds: number): void {
  if (seconds > 0) host.elapsedNs += BigInt(Math.round(seconds * 1e9));
}

const NO_LOGS: string[] = [];

function run(host: Host, spec: PacketSpec, p: Packet, watch: boolean): Outcome {
  const stack = host.stack();
  const logStart = host.kernlog.length;
  const report = spec.local ? stack.send(p, watch) : stack.receive(p, spec.in!, watch);
  const n = host.kernlog.length;
  if (n === logStart) return { report, logs: NO_LOGS };
  const logs: string[] = [];
  for (let i = logStart; i < n; i++) logs.push(host.kernlog[i]!.line);
  return { report, logs };
}

/** The deciding rule's target name, for "rejected". */
function ruleTarget(host: Host, table: string, chain: string, rule: number): string | undefined {
  const r = host.ruleset.table(table)?.chains.get(chain)?.rules[rule - 1];
  return r?.target?.ext.name;
}

export function fateLine(host: Host, r: PacketReport): string {
  const f = r.fate;
  switch (f.kind) {
    case "delivered":
      return "delivered locally";
    case "forwarded":
      return `forwarded out ${f.dev}`;
    case "sent":
      return f.dev === "lo" ? "delivered locally (looped back through lo)" : `sent out ${f.dev}`;
    case "dropped":
    case "stolen":
    case "queued": {
      if (f.table === "conntrack") return "dropped by conntrack (invalid packet)";
      const where = `${f.table}:${f.chain}`;
      if (f.rule === 0) return `${f.kind} by ${where} policy ${f.kind === "dropped" ? "DROP" : "ACCEPT"}`;
      const target = ruleTarget(host, f.table, f.chain, f.rule);
      const verb = f.kind === "dropped" && target === "REJECT" ? "rejected" : f.kind;
      const tail = f.kind === "queued" ? " (no queue reader: dropped)" : "";
      return `${verb} by ${where} rule ${f.rule}${tail}`;
    }
    case "discarded":
      return `discarded: ${f.reason || "no further path"}`;
  }
}

/** The text report of send (and the tail of trace). */
export function outcomeText(host: Host, o: Outcome): string {
  let s = `${fateLine(host, o.report)}\n`;
  for (const w of o.report.rewrites ?? [])
    s += `${w.table} ${HOOK_NAMES[w.hook]}: ${w.field} ${w.before} → ${w.after}\n`;
  for (const l of o.logs) s += `log: ${l}\n`;
  for (const e of o.report.emitted) s += `out ${e.dev}: ${packetLine(e.pkt)}\n`;
  return s;
}

/** "after" / --after: seconds of virtual time to let pass first. */
export function takeAfter(args: string[]): { args: string[]; after: number } {
  const i = args.indexOf("--after");
  if (i < 0) return { args, after: 0 };
  const v = args[i + 1];
  const n = v === undefined ? Number.NaN : Number(v);
  if (!Number.isFinite(n) || n < 0) throw new SpecError("--after", `expected a number of seconds, got '${v ?? ""}'`);
  return { args: [...args.slice(0, i), ...args.slice(i + 2)], after: n };
}

export function failure(prog: string, e: unknown): CommandResult {
  if (e instanceof SpecError)
    return {
      stdout: "",
      stderr: `${prog}: ${e.field}: ${e.message}\n`,
      status: 2,
    };
  if (e instanceof MissingSemantics) return { stdout: "", stderr: `${prog}: ${e.message}\n`, status: 1 };
  throw e;
}

/** `send ARGS…` (stdin feeds --json). */
export function runSend(host: Host, argv: readonly string[], stdin: string): CommandResult {
  const args = [...argv];
  if (args.includes("-h") || args.includes("--help")) return { stdout: SEND_USAGE, stderr: "", status: 0 };
  if (args.includes("--json")) {
    const rest = args.filter((a) => a !== "--json");
    if (rest.length)
      return {
        stdout: "",
        stderr: `send: --json reads packets from standard input; no other options (got ${rest[0]})\n`,
        status: 2,
      };
    return sendJson(host, stdin);
  }
  try {
    const t = takeAfter(args);
    const spec = specFromArgs(t.args, host.db);
    const p = buildPacket(spec, host.net);
    host.stack().prepare();
    advance(host, t.after);
    return {
      stdout: outcomeText(host, run(host, spec, p, true)),
      stderr: "",
      status: 0,
    };
  } catch (e) {
    return failure("send", e);
  }
}

/** `trace ARGS…`: the packet is traced from its first hook on (as if marked by -j TRACE). */
export function runTrace(host: Host, argv: readonly string[]): CommandResult {
  const args = [...argv];
  if (args.includes("-h") || args.includes("--help")) return { stdout: SEND_USAGE, stderr: "", status: 0 };
  try {
    const t = takeAfter(args);
    const spec = specFromArgs(t.args, host.db);
    const p = buildPacket(spec, host.net);
    host.stack().prepare();
    advance(host, t.after);
    p.nfTrace = true;
    const o = run(host, spec, p, true);
    return {
      stdout: traceLines(o.report.trace, host.db) + outcomeText(host, o),
      stderr: "",
      status: 0,
    };
  } catch (e) {
    return failure("trace", e);
  }
}

export function verdictJson(host: Host, r: PacketReport): Record<string, unknown> {
  const f = r.fate;
  switch (f.kind) {
    case "delivered":
      return { verdict: "delivered" };
    case "forwarded":
    case "sent":
      return { verdict: f.kind, dev: f.dev };
    case "dropped":
    case "stolen":
    case "queued": {
      if (f.table === "conntrack") return { verdict: "dropped", by: "conntrack" };
      const target = f.rule ? ruleTarget(host, f.table, f.chain, f.rule) : undefined;
      const verdict = f.kind === "dropped" && target === "REJECT" ? "rejected" : f.kind;
      return { verdict, by: `${f.table}:${f.chain}:${f.rule || "policy"}` };
    }
    case "discarded":
      return { verdict: "discarded", reason: f.reason };
  }
}

const R_DELIVERED = lit('{"verdict":"delivered"');
const R_SENT = lit('{"verdict":"sent","dev":');
const R_FORWARDED = lit('{"verdict":"forwarded","dev":');
const R_CONNTRACK = lit('{"verdict":"dropped","by":"conntrack"');
const R_VERDICT = lit('{"verdict":');
const R_BY = lit(',"by":');
const R_DISCARDED = lit('{"verdict":"discarded","reason":');
const R_EMITTED = lit(',"emitted":[');
const R_LOG = lit(',"log":[');
const R_END = lit("}\n");

/** The result line of a packet, JSON.stringify({...verdictJson(), emitted, log}), written into `w`. */
function writeResult(w: JsonWriter, host: Host, o: Outcome): void {
  const f = o.report.fate;
  w.room(64);
  switch (f.kind) {
    case "delivered":
      w.lit(R_DELIVERED);
      break;
    case "forwarded":
    case "sent":
      w.lit(f.kind === "sent" ? R_SENT : R_FORWARDED);
      w.name(f.dev);
      break;
    case "dropped":
    case "stolen":
    case "queued": {
      if (f.table === "conntrack") {
        w.lit(R_CONNTRACK);
        break;
      }
      const target = f.rule ? ruleTarget(host, f.table, f.chain, f.rule) : undefined;
      w.lit(R_VERDICT);
      w.str(f.kind === "dropped" && target === "REJECT" ? "rejected" : f.kind);
      w.room(8);
      w.lit(R_BY);
      w.str(`${f.table}:${f.chain}:${f.rule || "policy"}`);
      break;
    }
    case "discarded":
      w.lit(R_DISCARDED);
      w.str(f.reason);
      break;
  }
  w.room(16);
  w.lit(R_EMITTED);
  const em = o.report.emitted;
  for (let i = 0; i < em.length; i++) {
    if (i) w.byte(0x2c);
    writePacketJson(w, em[i]!.pkt, em[i]!.dev);
  }
  w.byte(0x5d);
  if (o.logs.length) {
    w.room(8);
    w.lit(R_LOG);
    for (let i = 0; i < o.logs.length; i++) {
      if (i) w.byte(0x2c);
      w.str(o.logs[i]!);
    }
    w.byte(0x5d);
  }
  w.room(2);
  w.lit(R_END);
}

const inputEncoder = utf8Encoder;

/**
 * The input and output buffers of the last sendJson (up to BUFFER_KEPT bytes each), for the next
 * one: a fresh buffer of megabytes costs a page fault per 4 KiB written, as much as the packets.
 */
const BUFFER_KEPT = 1 << 26;
let keptInput: Uint8Array | null = null;
let keptOutput: Uint8Array | null = null;

/** `n` bytes of the kept buffer when it is big enough, else a new buffer (kept if not too big). */
function inputBuffer(n: number): Uint8Array {
  if (keptInput && keptInput.length >= n) return keptInput.subarray(0, n);
  const b = new Uint8Array(n);
  if (n <= BUFFER_KEPT) keptInput = b;
  return b;
}

/** One JSON result per input line; a bad line gives {"error": …} and runs nothing. */
export function sendJson(host: Host, input: string): CommandResult {
  // a result line is about twice its packet's line (the emitted packet, the verdict)
  const want = Math.min(input.length * 2 + 4096, BUFFER_KEPT);
  const out = keptOutput && keptOutput.length >= want ? new JsonWriter(0, keptOutput) : new JsonWriter(want);
  keptOutput = null;
  let lineNo = 0;
  let prepared = false;
  let start = 0;
  // the usual flat line is read in place from the input's bytes, without JSON.parse; anything else
  // takes the general path. An ASCII input is read so (byte and character positions agree), another
  // line by line.
  // (encodeInto into room for ASCII only: all of the input read into as many bytes means all was ASCII)
  const bytes = inputBuffer(input.length);
  const enc = inputEncoder.encodeInto(input, bytes);
  const ascii = enc.read === input.length && enc.written === input.length;
  // the spec of the line being run (not kept once its packet is built and run)
  const scratch = scratchSpec();
  try {
    while (start < input.length) {
      let end = ascii ? bytes.indexOf(0x0a, start) : input.indexOf("\n", start);
      if (end < 0) end = input.length;
      const lineStart = start;
      start = end + 1;
      lineNo++;
      let spec: PacketSpec | null = ascii
        ? fastSpecFromBytes(bytes, lineStart, end, scratch)
        : fastSpecFromLine(input, lineStart, end);
      let obj: unknown;
      if (spec === null) {
        const line = input.slice(lineStart, end);
        if (line.trim() === "") continue;
        try {
          obj = JSON.parse(line);
        } catch (e) {
          out.raw(`${JSON.stringify({ error: `line ${lineNo}: not JSON: ${(e as Error).message}` })}\n`);
          continue;
        }
      }
      let p: Packet;
      let after = 0;
      try {
        if (spec === null) {
          if (obj && typeof obj === "object" && !Array.isArray(obj) && "after" in obj) {
            const { after: a, ...rest } = obj as Record<string, unknown>;
            if (typeof a !== "number" || !Number.isFinite(a) || a < 0)
              throw new SpecError("after", "expected a number of seconds ≥ 0");
            after = a;
            obj = rest;
          }
          spec = specFromJson(obj);
        }
        p = buildPacket(spec, host.net);
        if (!prepared) {
          host.stack().prepare();
          // no command runs until the batch ends: rules stay as they are, no one reads counters
          host.stack().batch(true);
          prepared = true;
        }
      } catch (e) {
        if (e instanceof SpecError) {
          out.raw(`${JSON.stringify({ error: `line ${lineNo}: field ${e.field}: ${e.message}` })}\n`);
          continue;
        }
        if (e instanceof MissingSemantics) {
          out.raw(`${JSON.stringify({ error: `line ${lineNo}: ${e.message}` })}\n`);
          continue;
        }
        throw e;
      }
      advance(host, after);
      const o = run(host, spec, p, false);
      writeResult(out, host, o);
    }
  } finally {
    if (prepared) host.stack().batch(false);
  }
  const stdout = out.text();
  if (out.buf.length <= BUFFER_KEPT) keptOutput = out.buf;
  return { stdout, stderr: "", status: 0 };
}
