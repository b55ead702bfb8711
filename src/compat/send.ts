/**
 * `send` and `trace`: a packet through the twin host's netfilter path.
 *
 *   send <packet options>        where the packet went, its header rewrites,
 *                                the kernel log lines and what the host emitted
 *   send --json                  one JSON packet per stdin line → one JSON result per line
 *   trace <packet options>       the xtables-monitor --trace lines, then the same as send
 */
import type { Packet } from "../core/packet.js";
import { utf8Decoder, utf8Encoder } from "../core/utf8.js";
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
  if (args.includes("--json")) return jsonOptionsError(args) ?? sendJson(host, stdin);
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

/** `send --json` with standard input as bytes (the CLI's way: no string made of the input or the results). */
export function runSendJsonBytes(
  host: Host,
  argv: readonly string[],
  stdin: Uint8Array,
): { stdout: string | Uint8Array; stderr: string; status: number } {
  if (argv.includes("-h") || argv.includes("--help")) return { stdout: SEND_USAGE, stderr: "", status: 0 };
  return jsonOptionsError(argv) ?? sendJsonBytes(host, stdin);
}

function jsonOptionsError(argv: readonly string[]): CommandResult | null {
  const rest = argv.filter((a) => a !== "--json");
  if (!rest.length) return null;
  return {
    stdout: "",
    stderr: `send: --json reads packets from standard input; no other options (got ${rest[0]})\n`,
    status: 2,
  };
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
  // (encodeInto into room for ASCII only: all of the input read into as many bytes means all was ASCII)
  const bytes = inputBuffer(input.length);
  const enc = inputEncoder.encodeInto(input, bytes);
  const ascii = enc.read === input.length && enc.written === input.length;
  const out = outputWriter(input.length);
  // an ASCII input is read from its bytes, another line by line from the string
  runJsonLines(host, out, ascii ? bytes : null, input);
  const stdout = out.text();
  if (out.buf.length <= BUFFER_KEPT) keptOutput = out.buf;
  return { stdout, stderr: "", status: 0 };
}

/**
 * sendJson() on the bytes of UTF-8 JSON lines, as the CLI reads them from standard input: the
 * results as UTF-8 bytes, without a string made of either. The result is valid until the next
 * sendJson call (it is the buffer the next one writes into).
 */
export function sendJsonBytes(host: Host, input: Uint8Array): { stdout: Uint8Array; stderr: ""; status: 0 } {
  const out = outputWriter(input.length);
  runJsonLines(host, out, input, null);
  const stdout = out.buf.subarray(0, out.n);
  if (out.buf.length <= BUFFER_KEPT) keptOutput = out.buf;
  return { stdout, stderr: "", status: 0 };
}

function outputWriter(inputLength: number): JsonWriter {
  // a result line is about twice its packet's line (the emitted packet, the verdict)
  const want = Math.min(inputLength * 2 + 4096, BUFFER_KEPT);
  const out = keptOutput && keptOutput.length >= want ? new JsonWriter(0, keptOutput) : new JsonWriter(want);
  keptOutput = null;
  return out;
}

/**
 * Runs the JSON lines of `bytes` (when given) or else of `text`, writing a result line each into
 * `out`. The usual flat line is read in place from bytes, without JSON.parse; anything else takes
 * the general path.
 */
function runJsonLines(host: Host, out: JsonWriter, bytes: Uint8Array | null, text: string | null): void {
  const length = bytes ? bytes.length : text!.length;
  let lineNo = 0;
  let prepared = false;
  let start = 0;
  // the spec of the line being run (not kept once its packet is built and run)
  const scratch = scratchSpec();
  try {
    while (start < length) {
      let end = bytes ? bytes.indexOf(0x0a, start) : text!.indexOf("\n", start);
      if (end < 0) end = length;
      const lineStart = start;
      start = end + 1;
      lineNo++;
      let spec: PacketSpec | null = bytes
        ? fastSpecFromBytes(bytes, lineStart, end, scratch)
        : fastSpecFromLine(text!, lineStart, end);
      let obj: unknown;
      if (spec === null) {
        const line = text !== null ? text.slice(lineStart, end) : utf8Decoder.decode(bytes!.subarray(lineStart, end));
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
}
