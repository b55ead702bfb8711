/**
 * sctp match (libxt_sctp / xt_sctp): ports and chunk types with flags.
 * Old-style parser: it does its own once-only checks and reads a second
 * argument for --chunk-types.
 */
import { paramError } from "../core/errors.js";
import type { Packet } from "../core/packet.js";
import type { EvalContext } from "../engine/context.js";
import { defineMatch, type OptionCall, XtType } from "./api.js";
import { parsePort } from "./common.js";
import { dataKey, printPortRange, savePortRange, wrongProto } from "./l4-common.js";
import { fragOff, l4Avail, rawByte, rawU16 } from "./pkt-util.js";

const XT_SCTP_SRC_PORTS = 0x01;
const XT_SCTP_DEST_PORTS = 0x02;
const XT_SCTP_CHUNK_TYPES = 0x04;
const XT_SCTP_VALID_FLAGS = 0x07;
const XT_NUM_SCTP_FLAGS = 4;
const SCTP_CHUNK_MATCH_ANY = 0x01;
const SCTP_CHUNK_MATCH_ALL = 0x02;
const SCTP_CHUNK_MATCH_ONLY = 0x04;
const IPPROTO_SCTP = 132;

export interface SctpFlagInfo {
  /** Index into the chunk name table (the C code stores the index, not the type). */
  chunktype: number;
  flag: number;
  flagMask: number;
}

export interface SctpData {
  spts: number[];
  dpts: number[];
  /** 256-bit chunk type map as eight 32-bit words. */
  chunkmap: number[];
  chunkMatchType: number;
  flagInfo: SctpFlagInfo[];
  flagCount: number;
  flags: number;
  invflags: number;
}

/** sctp_chunk_names[]: name, chunk type, valid flag letters (bit 7 first). */
const CHUNKS: ReadonlyArray<readonly [string, number, string]> = [
  ["DATA", 0, "----IUBE"],
  ["INIT", 1, "--------"],
  ["INIT_ACK", 2, "--------"],
  ["SACK", 3, "--------"],
  ["HEARTBEAT", 4, "--------"],
  ["HEARTBEAT_ACK", 5, "--------"],
  ["ABORT", 6, "-------T"],
  ["SHUTDOWN", 7, "--------"],
  ["SHUTDOWN_ACK", 8, "--------"],
  ["ERROR", 9, "--------"],
  ["COOKIE_ECHO", 10, "--------"],
  ["COOKIE_ACK", 11, "--------"],
  ["ECN_ECNE", 12, "--------"],
  ["ECN_CWR", 13, "--------"],
  ["SHUTDOWN_COMPLETE", 14, "-------T"],
  ["I_DATA", 64, "----IUBE"],
  ["RE_CONFIG", 130, "--------"],
  ["PAD", 132, "--------"],
  ["ASCONF", 193, "--------"],
  ["ASCONF_ACK", 128, "--------"],
  ["FORWARD_TSN", 192, "--------"],
  ["I_FORWARD_TSN", 194, "--------"],
];

function isSet(map: readonly number[], type: number): boolean {
  return ((map[type >>> 5]! >>> (type & 31)) & 1) !== 0;
}

/** parse_sctp_ports(): port or [lo]:[hi] with sctp service names, lo <= hi. */
function parsePorts(arg: string): number[] {
  const colon = arg.indexOf(":");
  if (colon < 0) {
    const p = parsePort(arg, "sctp");
    return [p, p];
  }
  const a = arg.slice(0, colon);
  const b = arg.slice(colon + 1);
  const lo = a ? parsePort(a, "sctp") : 0;
  const hi = b ? parsePort(b, "sctp") : 0xffff;
  if (lo > hi) throw paramError("invalid portrange (min > max)");
  return [lo, hi];
}

/** save_chunk_flag_info() */
function saveFlag(d: SctpData, index: number, bit: number, set: boolean): void {
  for (let i = 0; i < d.flagCount; i++) {
    const fi = d.flagInfo[i]!;
    if (fi.chunktype !== index) continue;
    fi.flagMask |= 1 << bit;
    if (set) fi.flag |= 1 << bit;
    return;
  }
  if (d.flagCount === XT_NUM_SCTP_FLAGS) {
    throw paramError(
      "Number of chunk types with flags exceeds currently allowed limit. Increasing this limit involves changing IPT_NUM_SCTP_FLAGS and recompiling both the kernel space and user space modules",
    );
  }
  const fi = d.flagInfo[d.flagCount]!;
  fi.chunktype = index;
  fi.flagMask |= 1 << bit;
  if (set) fi.flag |= 1 << bit;
  d.flagCount++;
}

/** parse_sctp_chunk() */
function parseChunks(d: SctpData, chunks: string): void {
  d.chunkmap = [0, 0, 0, 0, 0, 0, 0, 0];
  if (chunks.toUpperCase() === "ALL") {
    d.chunkmap = d.chunkmap.map(() => 0xffffffff);
    return;
  }
  if (chunks.toUpperCase() === "NONE") return;
  for (const tok of chunks.split(",")) {
    if (tok === "") continue; // strtok skips empty fields
    const colon = tok.indexOf(":");
    const name = colon >= 0 ? tok.slice(0, colon) : tok;
    const flags = colon >= 0 ? tok.slice(colon + 1) : null;
    const index = CHUNKS.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (index < 0) throw paramError(`Unknown sctp chunk \`${name}'`);
    const type = CHUNKS[index]![1];
    d.chunkmap[type >>> 5] = (d.chunkmap[type >>> 5]! | (1 << (type & 31))) >>> 0;
    if (flags === null) continue;
    const valid = CHUNKS[index]![2];
    for (const c of flags) {
      const pos = valid.indexOf(c.toUpperCase());
      if (pos < 0 || c.length !== 1) throw paramError(`Invalid flags for chunk type ${index}`);
      saveFlag(d, index, 7 - pos, c >= "A" && c <= "Z");
    }
  }
}

function sctpParse(cb: OptionCall<SctpData>): void {
  const d = cb.data;
  switch (cb.entry.id) {
    case 1:
      if (cb.xflags & XT_SCTP_SRC_PORTS) throw paramError("Only one `--source-port' allowed");
      d.flags |= XT_SCTP_SRC_PORTS;
      d.spts = parsePorts(cb.arg);
      if (cb.invert) d.invflags |= XT_SCTP_SRC_PORTS;
      cb.xflags |= XT_SCTP_SRC_PORTS;
      break;
    case 2:
      if (cb.xflags & XT_SCTP_DEST_PORTS) throw paramError("Only one `--destination-port' allowed");
      d.flags |= XT_SCTP_DEST_PORTS;
      d.dpts = parsePorts(cb.arg);
      if (cb.invert) d.invflags |= XT_SCTP_DEST_PORTS;
      cb.xflags |= XT_SCTP_DEST_PORTS;
      break;
    case 3: {
      if (cb.xflags & XT_SCTP_CHUNK_TYPES) throw paramError("Only one `--chunk-types' allowed");
      const g = cb.getopt;
      const next = g.argv[g.optind];
      if (next === undefined || next[0] === "-" || next[0] === "!") throw paramError("--chunk-types requires two args");
      d.flags |= XT_SCTP_CHUNK_TYPES;
      const mt = cb.arg.toUpperCase();
      if (mt === "ANY") d.chunkMatchType = SCTP_CHUNK_MATCH_ANY;
      else if (mt === "ALL") d.chunkMatchType = SCTP_CHUNK_MATCH_ALL;
      else if (mt === "ONLY") d.chunkMatchType = SCTP_CHUNK_MATCH_ONLY;
      else throw paramError('Match type has to be one of "ALL", "ANY" or "ONLY"');
      parseChunks(d, next);
      if (cb.invert) d.invflags |= XT_SCTP_CHUNK_TYPES;
      g.optind++;
      cb.xflags |= XT_SCTP_CHUNK_TYPES;
      break;
    }
  }
}

function flagText(index: number, flag: number, mask: number): string {
  let out = mask ? ":" : "";
  const valid = CHUNKS[index]?.[2] ?? "";
  for (let i = 7; i >= 0; i--) {
    if (!(mask & (1 << i))) continue;
    const c = valid[7 - i] ?? "";
    out += flag & (1 << i) ? c : c.toLowerCase();
  }
  return out;
}

/** print_chunks() */
function printChunks(d: SctpData, numeric: boolean): string {
  let out = "";
  switch (d.chunkMatchType) {
    case SCTP_CHUNK_MATCH_ANY:
      out += " any";
      break;
    case SCTP_CHUNK_MATCH_ALL:
      out += " all";
      break;
    case SCTP_CHUNK_MATCH_ONLY:
      out += " only";
      break;
    default:
      out += "Never reach here\n";
  }
  if (d.chunkmap.every((w) => w === 0)) return `${out} NONE`;
  if (d.chunkmap.every((w) => w >>> 0 === 0xffffffff)) return `${out} ALL`;
  let first = true;
  for (let i = 0; i < 256; i++) {
    if (!isSet(d.chunkmap, i)) continue;
    out += first ? " " : ",";
    first = false;
    if (numeric) out += `0x${i.toString(16).toUpperCase().padStart(4, "0")}`;
    else for (const [name, type] of CHUNKS) if (type === i) out += name;
    for (let j = 0; j < d.flagCount; j++) {
      const fi = d.flagInfo[j]!;
      if (fi.chunktype === i) out += flagText(i, fi.flag, fi.flagMask);
    }
  }
  return out;
}

export const sctpMatch = defineMatch<SctpData>({
  name: "sctp",
  revision: 0,
  rawParse: true,
  options: [
    { name: "source-port", id: 1, type: XtType.STRING },
    { name: "sport", id: 1, type: XtType.STRING },
    { name: "destination-port", id: 2, type: XtType.STRING },
    { name: "dport", id: 2, type: XtType.STRING },
    { name: "chunk-types", id: 3, type: XtType.STRING },
  ],
  init: () => ({
    spts: [0, 0],
    dpts: [0, 0],
    chunkmap: [0, 0, 0, 0, 0, 0, 0, 0],
    chunkMatchType: 0,
    flagInfo: Array.from({ length: XT_NUM_SCTP_FLAGS }, () => ({ chunktype: -1, flag: 0, flagMask: 0 })),
    flagCount: 0,
    flags: 0,
    invflags: 0,
  }),
  parse: sctpParse,
  kernelCheck(d, ctx) {
    if (wrongProto(ctx.ip, IPPROTO_SCTP)) return { errno: "EINVAL" };
    const bad =
      d.flagCount > XT_NUM_SCTP_FLAGS ||
      d.flags & ~XT_SCTP_VALID_FLAGS ||
      d.invflags & ~XT_SCTP_VALID_FLAGS ||
      d.invflags & ~d.flags ||
      (d.flags & XT_SCTP_CHUNK_TYPES &&
        !(d.chunkMatchType & (SCTP_CHUNK_MATCH_ALL | SCTP_CHUNK_MATCH_ANY | SCTP_CHUNK_MATCH_ONLY)));
    return bad ? { errno: "EINVAL" } : undefined;
  },
  print(d, ctx) {
    let out = " sctp";
    if (d.flags & XT_SCTP_SRC_PORTS)
      out += printPortRange("spt", d.spts, (d.invflags & XT_SCTP_SRC_PORTS) !== 0, ctx.numeric, "sctp");
    if (d.flags & XT_SCTP_DEST_PORTS)
      out += printPortRange("dpt", d.dpts, (d.invflags & XT_SCTP_DEST_PORTS) !== 0, ctx.numeric, "sctp");
    if (d.flags & XT_SCTP_CHUNK_TYPES) {
      if (d.invflags & XT_SCTP_CHUNK_TYPES) out += " !";
      out += printChunks(d, ctx.numeric);
    }
    return out;
  },
  save(d) {
    let out = "";
    if (d.flags & XT_SCTP_SRC_PORTS) out += savePortRange("sport", d.spts, (d.invflags & XT_SCTP_SRC_PORTS) !== 0);
    if (d.flags & XT_SCTP_DEST_PORTS) out += savePortRange("dport", d.dpts, (d.invflags & XT_SCTP_DEST_PORTS) !== 0);
    if (d.flags & XT_SCTP_CHUNK_TYPES) {
      if (d.invflags & XT_SCTP_CHUNK_TYPES) out += " !";
      out += ` --chunk-types${printChunks(d, false)}`;
    }
    return out;
  },
  compareKey: (d) => dataKey(d),
  compile(d) {
    // sctp_mt() of xt_sctp: each test only when its flag is set, in this order
    const [s0, s1] = d.spts as [number, number];
    const [d0, d1] = d.dpts as [number, number];
    const want = (bit: number) => (d.flags & bit) !== 0;
    const inv = (bit: number) => (d.invflags & bit) !== 0;
    const chkSrc = want(XT_SCTP_SRC_PORTS);
    const chkDst = want(XT_SCTP_DEST_PORTS);
    const chkChunks = want(XT_SCTP_CHUNK_TYPES);
    const invSrc = inv(XT_SCTP_SRC_PORTS);
    const invDst = inv(XT_SCTP_DEST_PORTS);
    const invChunks = inv(XT_SCTP_CHUNK_TYPES);
    const map = Uint32Array.from(d.chunkmap, (w) => w >>> 0);
    const mtype = d.chunkMatchType;
    // libxt_sctp stores the chunk's index in its name table; the kernel compares it with the chunk type
    const nflags = Math.max(0, d.flagCount);
    const fType = d.flagInfo.slice(0, nflags).map((f) => f.chunktype & 0xff);
    const fMask = d.flagInfo.slice(0, nflags).map((f) => f.flagMask & 0xff);
    const fVal = d.flagInfo.slice(0, nflags).map((f) => f.flag & 0xff);
    const matchFlags = (type: number, flags: number): boolean => {
      for (let i = 0; i < fType.length; i++) if (fType[i] === type) return (flags & fMask[i]!) === fVal[i];
      return true;
    };
    const copy = new Uint32Array(8);
    // match_packet(): walk the chunks after the 12-byte common header
    const chunks = (p: Packet, ctx: EvalContext): boolean => {
      const end = l4Avail(p);
      if (mtype === SCTP_CHUNK_MATCH_ALL) copy.set(map);
      let off = 12;
      do {
        const len = off + 4 <= end ? rawU16(p, off + 2) : 0;
        if (len === 0) {
          ctx.hotdrop = true;
          return false;
        }
        const type = rawByte(p, off);
        const flags = rawByte(p, off + 1);
        off += (len + 3) & ~3;
        if ((map[type >>> 5]! >>> (type & 31)) & 1) {
          if (mtype === SCTP_CHUNK_MATCH_ANY) {
            if (matchFlags(type, flags)) return true;
          } else if (mtype === SCTP_CHUNK_MATCH_ALL) {
            if (matchFlags(type, flags)) copy[type >>> 5] = copy[type >>> 5]! & ~(1 << (type & 31));
          } else if (mtype === SCTP_CHUNK_MATCH_ONLY) {
            if (!matchFlags(type, flags)) return false;
          }
        } else if (mtype === SCTP_CHUNK_MATCH_ONLY) return false;
      } while (off < end);
      if (mtype === SCTP_CHUNK_MATCH_ALL) return copy.every((w) => w === 0);
      return mtype === SCTP_CHUNK_MATCH_ONLY;
    };
    return (p, ctx) => {
      if (fragOff(p) !== 0) return false;
      if (l4Avail(p) < 12) {
        ctx.hotdrop = true;
        return false;
      }
      if (chkSrc) {
        const sp = rawU16(p, 0);
        if ((sp >= s0 && sp <= s1) === invSrc) return false;
      }
      if (chkDst) {
        const dp = rawU16(p, 2);
        if ((dp >= d0 && dp <= d1) === invDst) return false;
      }
      return !chkChunks || chunks(p, ctx) !== invChunks;
    };
  },
  help: () =>
    "sctp match options\n" +
    "[!] --source-port port[:port]                          match source port(s)\n" +
    " --sport ...\n" +
    "[!] --destination-port port[:port]                     match destination port(s)\n" +
    " --dport ...\n" +
    "[!] --chunk-types (all|any|none) (chunktype[:flags])+\tmatch if all, any or none of\n" +
    "\t\t\t\t\t\t        chunktypes are present\n" +
    "chunktypes - DATA INIT INIT_ACK SACK HEARTBEAT HEARTBEAT_ACK ABORT SHUTDOWN SHUTDOWN_ACK ERROR COOKIE_ECHO COOKIE_ACK ECN_ECNE ECN_CWR SHUTDOWN_COMPLETE ASCONF ASCONF_ACK FORWARD_TSN ALL NONE\n",
});
