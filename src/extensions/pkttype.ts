/**
 * pkttype match (libxt_pkttype / xt_pkttype): link-layer packet type.
 */
import { paramError } from "../core/errors.js";
import { PACKET_BROADCAST, PACKET_MULTICAST } from "../core/packet.js";
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XtType } from "./api.js";
import { PACKET_LOOPBACK } from "./pkt-util.js";

export interface PkttypeData {
  pkttype: number;
  invert: number;
}

/** supported_types[]: name, PACKET_* value, shown in help. */
const TYPES: ReadonlyArray<readonly [string, number, string | null]> = [
  ["unicast", 0, "to us"],
  ["broadcast", 1, "to all"],
  ["multicast", 2, "to group"],
  ["otherhost", 3, "to someone else"],
  ["bcast", 1, null],
  ["mcast", 2, null],
  ["host", 0, null],
];

function typeName(t: number): string {
  return TYPES.find(([, v]) => v === t)?.[0] ?? String(t);
}

export const pkttypeMatch = defineMatch<PkttypeData>({
  name: "pkttype",
  revision: 0,
  options: [{ name: "pkt-type", id: 0, type: XtType.STRING, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ pkttype: 0, invert: 0 }),
  parse(cb) {
    const e = TYPES.find(([n]) => n.toLowerCase() === cb.arg.toLowerCase());
    if (!e) throw paramError(`Bad packet type '${cb.arg}'`);
    cb.data.pkttype = e[1];
    if (cb.invert) cb.data.invert = 1;
  },
  compile(d) {
    // pkttype_mt(): a looped-back frame counts as multicast (multicast destination) or broadcast
    const want = d.pkttype;
    const inv = d.invert !== 0;
    return (p) => {
      let type = p.pktType;
      if (type === PACKET_LOOPBACK) type = p.dst >>> 28 === 0xe ? PACKET_MULTICAST : PACKET_BROADCAST;
      return (type === want) !== inv;
    };
  },
  print: (d) => ` PKTTYPE ${d.invert ? "!" : ""}= ${typeName(d.pkttype)}`,
  save: (d) => `${d.invert ? " !" : ""} --pkt-type ${typeName(d.pkttype)}`,
  help() {
    let out = "pkttype match options:\n[!] --pkt-type packettype    match packet type\nValid packet types:\n";
    for (const [name, , text] of TYPES) if (text !== null) out += `\t${name.padEnd(14)}\t\t${text}\n`;
    return `${out}\n`;
  },
});
