/**
 * ECN target (libipt_ECN / ipt_ECN): clear or set the ECN bits of the TCP
 * header and the IPv4 ECT codepoint. mangle table; TCP operations need an
 * uninverted -p tcp.
 */
import { paramError } from "../core/errors.js";
import { IPPROTO_TCP } from "../core/packet.js";
import { NF_DROP, XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, IPT_INV_PROTO, XtType } from "./api.js";
import { l4Avail, rawL4 } from "./pkt-util.js";

export interface EcnData {
  operation: number;
  ipEct: number;
  ece: number;
  cwr: number;
}

const O_ECN_TCP_REMOVE = 0;
const O_ECN_TCP_CWR = 1;
const O_ECN_TCP_ECE = 2;
const O_ECN_IP_ECT = 3;
const F_ECN_TCP_REMOVE = 1 << O_ECN_TCP_REMOVE;
const F_ECN_TCP_CWR = 1 << O_ECN_TCP_CWR;
const F_ECN_TCP_ECE = 1 << O_ECN_TCP_ECE;

const IPT_ECN_OP_SET_IP = 0x01;
const IPT_ECN_OP_SET_ECE = 0x10;
const IPT_ECN_OP_SET_CWR = 0x20;

function isRemove(d: EcnData): boolean {
  return d.operation === (IPT_ECN_OP_SET_ECE | IPT_ECN_OP_SET_CWR) && d.ece === 0 && d.cwr === 0;
}

export const ecnTarget = defineTarget<EcnData>({
  name: "ECN",
  revision: 0,
  tables: ["mangle"],
  options: [
    { name: "ecn-tcp-remove", id: O_ECN_TCP_REMOVE, type: XtType.NONE, excl: F_ECN_TCP_CWR | F_ECN_TCP_ECE },
    { name: "ecn-tcp-cwr", id: O_ECN_TCP_CWR, type: XtType.UINT8, min: 0, max: 1, excl: F_ECN_TCP_REMOVE },
    { name: "ecn-tcp-ece", id: O_ECN_TCP_ECE, type: XtType.UINT8, min: 0, max: 1, excl: F_ECN_TCP_REMOVE },
    { name: "ecn-ip-ect", id: O_ECN_IP_ECT, type: XtType.UINT8, min: 0, max: 3 },
  ],
  init: () => ({ operation: 0, ipEct: 0, ece: 0, cwr: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_ECN_TCP_REMOVE:
        // replaces the operation: an earlier --ecn-ip-ect is dropped (its value stays)
        d.operation = IPT_ECN_OP_SET_ECE | IPT_ECN_OP_SET_CWR;
        d.ece = 0;
        d.cwr = 0;
        break;
      case O_ECN_TCP_CWR:
        d.operation |= IPT_ECN_OP_SET_CWR;
        d.cwr = cb.val.u;
        break;
      case O_ECN_TCP_ECE:
        d.operation |= IPT_ECN_OP_SET_ECE;
        d.ece = cb.val.u;
        break;
      case O_ECN_IP_ECT:
        d.operation |= IPT_ECN_OP_SET_IP;
        d.ipEct = cb.val.u;
        break;
    }
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("ECN target: An operation is required");
  },
  print(d) {
    if (isRemove(d)) return " ECN TCP remove";
    let out = " ECN";
    if (d.operation & IPT_ECN_OP_SET_ECE) out += ` ECE=${d.ece}`;
    if (d.operation & IPT_ECN_OP_SET_CWR) out += ` CWR=${d.cwr}`;
    if (d.operation & IPT_ECN_OP_SET_IP) out += ` ECT codepoint=${d.ipEct}`;
    return out;
  },
  save(d) {
    if (isRemove(d)) return " --ecn-tcp-remove";
    let out = "";
    if (d.operation & IPT_ECN_OP_SET_ECE) out += ` --ecn-tcp-ece ${d.ece}`;
    if (d.operation & IPT_ECN_OP_SET_CWR) out += ` --ecn-tcp-cwr ${d.cwr}`;
    if (d.operation & IPT_ECN_OP_SET_IP) out += ` --ecn-ip-ect ${d.ipEct}`;
    return out;
  },
  compile(d) {
    // ecn_tg() of ipt_ECN: the IP codepoint, then (TCP only) ECE/CWR; a cut TCP header drops
    const setIp = (d.operation & IPT_ECN_OP_SET_IP) !== 0;
    const ect = d.ipEct & 3;
    const setEce = (d.operation & IPT_ECN_OP_SET_ECE) !== 0;
    const setCwr = (d.operation & IPT_ECN_OP_SET_CWR) !== 0;
    const ece = d.ece & 1;
    const cwr = d.cwr & 1;
    return (p) => {
      if (setIp) p.tos = (p.tos & ~3) | ect;
      if ((setEce || setCwr) && p.proto === IPPROTO_TCP) {
        if (l4Avail(p) < 20) return NF_DROP;
        // set_ect_tcp() reads the TCP header at the transport offset even in a non-first fragment
        const raw = rawL4(p);
        let f = raw ? (p.payload?.[13] ?? 0) : p.tcpFlags;
        if (setEce) f = (f & ~0x40) | (ece << 6);
        if (setCwr) f = (f & ~0x80) | (cwr << 7);
        if (!raw) p.tcpFlags = f;
        else if (f !== (p.payload?.[13] ?? 0)) {
          const b = new Uint8Array(Math.max(14, p.payload?.length ?? 0));
          if (p.payload) b.set(p.payload);
          b[13] = f;
          p.payload = b;
        }
      }
      return XT_CONTINUE;
    };
  },
  // the rule compares the whole struct, not its save text
  compareKey: (d) => ` ecn op=${d.operation} ect=${d.ipEct} ece=${d.ece} cwr=${d.cwr}`,
  kernelCheck(d, ctx) {
    // ecn_tg_check(): "cannot use operation on non-tcp rule"
    if (
      d.operation & (IPT_ECN_OP_SET_ECE | IPT_ECN_OP_SET_CWR) &&
      (ctx.ip.proto !== 6 || ctx.ip.invflags & IPT_INV_PROTO)
    )
      return { errno: "EINVAL" };
    return undefined;
  },
  help: () => "ECN target options\n  --ecn-tcp-remove\t\tRemove all ECN bits from TCP header\n",
});
