/**
 * dccp match (libxt_dccp / xt_dccp): ports, packet types, option number.
 */
import { paramError } from "../core/errors.js";
import type { Packet } from "../core/packet.js";
import type { EvalContext } from "../engine/context.js";
import { defineMatch, XTOPT_INVERT, XTOPT_PUT, XtType } from "./api.js";
import { printPortRange, savePortRange, wrongProto } from "./l4-common.js";
import { fragOff, l4Avail, rawByte, rawU16 } from "./pkt-util.js";

const XT_DCCP_SRC_PORTS = 0x01;
const XT_DCCP_DEST_PORTS = 0x02;
const XT_DCCP_TYPE = 0x04;
const XT_DCCP_OPTION = 0x08;
const XT_DCCP_VALID_FLAGS = 0x0f;
const IPPROTO_DCCP = 33;
const DCCP_PKT_INVALID = 10;
/** Bits for type values 11-15, set together with INVALID. */
const INVALID_OTHER_TYPE_MASK = 0xf800;

export interface DccpData {
  spts: number[];
  dpts: number[];
  flags: number;
  invflags: number;
  typemask: number;
  option: number;
}

const O_SOURCE_PORT = 0;
const O_DEST_PORT = 1;
const O_DCCP_TYPES = 2;
const O_DCCP_OPTION = 3;

const PKT_TYPES = [
  "REQUEST",
  "RESPONSE",
  "DATA",
  "ACK",
  "DATAACK",
  "CLOSEREQ",
  "CLOSE",
  "RESET",
  "SYNC",
  "SYNCACK",
  "INVALID",
];

/** dccp_packet_hdr_len(): the type-specific part after the generic header. */
function dccpPacketHdrLen(type: number): number {
  if (type === 2) return 0; // DATA
  if (type === 3 || type === 4 || type === 5 || type === 6 || type === 8 || type === 9) return 8; // ack bits
  if (type === 0) return 4; // REQUEST: service code
  return 12; // RESPONSE, RESET and anything else
}

function parseTypes(s: string): number {
  let mask = 0;
  for (const tok of s.split(",")) {
    if (tok === "") continue; // strtok
    const i = PKT_TYPES.findIndex((n) => n.toLowerCase() === tok.toLowerCase());
    if (i < 0) throw paramError(`Unknown DCCP type \`${tok}'`);
    mask |= 1 << i;
  }
  if (mask & (1 << DCCP_PKT_INVALID)) mask |= INVALID_OTHER_TYPE_MASK;
  return mask;
}

/** print_types(): " [!] " then the names (stopping at INVALID) or bit numbers. */
function printTypes(types: number, inverted: boolean, numeric: boolean): string {
  let out = inverted ? " !" : "";
  out += " ";
  const names: string[] = [];
  let t = types;
  while (t) {
    let i = 0;
    while (!(t & (1 << i))) i++;
    if (numeric) names.push(String(i));
    else {
      names.push(PKT_TYPES[i] ?? "");
      if (i === DCCP_PKT_INVALID) break;
    }
    t &= ~(1 << i);
  }
  return out + names.join(",");
}

export const dccpMatch = defineMatch<DccpData>({
  name: "dccp",
  revision: 0,
  options: [
    { name: "source-port", id: O_SOURCE_PORT, type: XtType.PORTRC, flags: XTOPT_INVERT | XTOPT_PUT, put: "spts" },
    { name: "sport", id: O_SOURCE_PORT, type: XtType.PORTRC, flags: XTOPT_INVERT | XTOPT_PUT, put: "spts" },
    { name: "destination-port", id: O_DEST_PORT, type: XtType.PORTRC, flags: XTOPT_INVERT | XTOPT_PUT, put: "dpts" },
    { name: "dport", id: O_DEST_PORT, type: XtType.PORTRC, flags: XTOPT_INVERT | XTOPT_PUT, put: "dpts" },
    { name: "dccp-types", id: O_DCCP_TYPES, type: XtType.STRING, flags: XTOPT_INVERT },
    {
      name: "dccp-option",
      id: O_DCCP_OPTION,
      type: XtType.UINT8,
      min: 1,
      max: 255,
      flags: XTOPT_INVERT | XTOPT_PUT,
      put: "option",
    },
  ],
  init: () => ({ spts: [0, 0], dpts: [0, 0], flags: 0, invflags: 0, typemask: 0, option: 0 }),
  parse(cb) {
    const d = cb.data;
    const flag = [XT_DCCP_SRC_PORTS, XT_DCCP_DEST_PORTS, XT_DCCP_TYPE, XT_DCCP_OPTION][cb.entry.id]!;
    d.flags |= flag;
    if (cb.entry.id === O_DCCP_TYPES) d.typemask = parseTypes(cb.arg);
    if (cb.invert) d.invflags |= flag;
  },
  kernelCheck(d, ctx) {
    if (wrongProto(ctx.ip, IPPROTO_DCCP)) return { errno: "EINVAL" };
    if (d.flags & ~XT_DCCP_VALID_FLAGS || d.invflags & ~XT_DCCP_VALID_FLAGS || d.invflags & ~d.flags)
      return { errno: "EINVAL" };
    return undefined;
  },
  print(d, ctx) {
    let out = " dccp";
    if (d.flags & XT_DCCP_SRC_PORTS)
      out += printPortRange("spt", d.spts, (d.invflags & XT_DCCP_SRC_PORTS) !== 0, ctx.numeric, "dccp");
    if (d.flags & XT_DCCP_DEST_PORTS)
      out += printPortRange("dpt", d.dpts, (d.invflags & XT_DCCP_DEST_PORTS) !== 0, ctx.numeric, "dccp");
    if (d.flags & XT_DCCP_TYPE) out += printTypes(d.typemask, (d.invflags & XT_DCCP_TYPE) !== 0, ctx.numeric);
    if (d.flags & XT_DCCP_OPTION) {
      const inv = (d.invflags & XT_DCCP_OPTION) !== 0;
      if (d.option || inv) out += ` option=${inv ? "!" : ""}${d.option}`;
    }
    return out;
  },
  save(d) {
    let out = "";
    if (d.flags & XT_DCCP_SRC_PORTS) out += savePortRange("sport", d.spts, (d.invflags & XT_DCCP_SRC_PORTS) !== 0);
    if (d.flags & XT_DCCP_DEST_PORTS) out += savePortRange("dport", d.dpts, (d.invflags & XT_DCCP_DEST_PORTS) !== 0);
    if (d.flags & XT_DCCP_TYPE) {
      out += `${d.invflags & XT_DCCP_TYPE ? " !" : ""} --dccp-types${printTypes(d.typemask, false, false)}`;
    }
    if (d.flags & XT_DCCP_OPTION) out += `${d.invflags & XT_DCCP_OPTION ? " !" : ""} --dccp-option ${d.option}`;
    return out;
  },
  compile(d) {
    // dccp_mt() of xt_dccp: each test only when its flag is set, in this order
    const [s0, s1] = d.spts as [number, number];
    const [d0, d1] = d.dpts as [number, number];
    const has = (bit: number) => (d.flags & bit) !== 0;
    const inv = (bit: number) => (d.invflags & bit) !== 0;
    const chkSrc = has(XT_DCCP_SRC_PORTS);
    const chkDst = has(XT_DCCP_DEST_PORTS);
    const chkType = has(XT_DCCP_TYPE);
    const chkOpt = has(XT_DCCP_OPTION);
    const [invSrc, invDst, invType, invOpt] = [
      inv(XT_DCCP_SRC_PORTS),
      inv(XT_DCCP_DEST_PORTS),
      inv(XT_DCCP_TYPE),
      inv(XT_DCCP_OPTION),
    ];
    const typemask = d.typemask;
    const option = d.option;
    // dccp_find_option(): options follow __dccp_hdr_len(), up to doff * 4
    const findOption = (p: Packet, ctx: EvalContext): boolean => {
      const b8 = rawByte(p, 8);
      const type = (b8 >>> 1) & 0xf;
      const hdrLen = 12 + (b8 & 1 ? 4 : 0) + dccpPacketHdrLen(type);
      const doff4 = rawByte(p, 4) * 4;
      if (doff4 < hdrLen) {
        ctx.hotdrop = true;
        return false;
      }
      const optlen = doff4 - hdrLen;
      if (optlen === 0) return false;
      if (l4Avail(p) < hdrLen + optlen) {
        ctx.hotdrop = true;
        return false;
      }
      for (let i = 0; i < optlen; ) {
        const kind = rawByte(p, hdrLen + i);
        if (kind === option) return true;
        if (kind < 2) {
          i++;
          continue;
        }
        if (i + 1 >= optlen) break;
        i += rawByte(p, hdrLen + i + 1) || 1;
      }
      return false;
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
      if (chkType && ((typemask & (1 << ((rawByte(p, 8) >>> 1) & 0xf))) !== 0) === invType) return false;
      return !chkOpt || findOption(p, ctx) !== invOpt;
    };
  },
  help: () =>
    "dccp match options\n" +
    "[!] --source-port port[:port]                          match source port(s)\n" +
    " --sport ...\n" +
    "[!] --destination-port port[:port]                     match destination port(s)\n" +
    " --dport ...\n" +
    "[!] --dccp-types type[,...]                            match when packet is one of the given types\n" +
    "[!] --dccp-option option                               match if option (by number!) is set\n",
});
