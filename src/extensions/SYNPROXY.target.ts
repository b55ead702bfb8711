/**
 * SYNPROXY target (libxt_SYNPROXY / xt_SYNPROXY): answer SYNs with
 * syncookies on the server's behalf. INPUT and FORWARD hooks, -p tcp.
 */
import { IP_DF, IPPROTO_TCP, Packet, TCP_ACK, TCP_CWR, TCP_ECE, TCP_FIN, TCP_RST, TCP_SYN } from "../core/packet.js";
import { IP_CT_ESTABLISHED_REPLY } from "../engine/conntrack.js";
import type { EvalContext } from "../engine/context.js";
import { NF_DROP, NF_STOLEN, XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, HOOK_FWD, HOOK_IN, IPT_INV_PROTO, XtType } from "./api.js";
import { l4Avail, tcpFlagsByte, tcpHdrLen, tcpOptByte } from "./pkt-util.js";

export interface SynproxyData {
  options: number;
  /** u8 in the kernel struct */
  wscale: number;
  /** u16 in the kernel struct */
  mss: number;
}

const O_SACK_PERM = 0;
const O_TIMESTAMP = 1;
const O_WSCALE = 2;
const O_MSS = 3;
const O_ECN = 4;

const XT_SYNPROXY_OPT_MSS = 0x01;
const XT_SYNPROXY_OPT_WSCALE = 0x02;
const XT_SYNPROXY_OPT_SACK_PERM = 0x04;
const XT_SYNPROXY_OPT_TIMESTAMP = 0x08;
const XT_SYNPROXY_OPT_ECN = 0x10;

// ---- packet semantics (synproxy_tg4) ----

/** struct synproxy_options as synproxy_parse_options() fills it from the client's SYN. */
interface SynOpts {
  options: number;
  mss: number;
  wscale: number;
  tsval: number;
  tsecr: number;
}

/** synproxy_parse_options(); false when the option area is not in the packet. */
function parseOptions(p: Packet, o: SynOpts): boolean {
  let length = tcpHdrLen(p) - 20;
  if (length < 0 || l4Avail(p) < 20 + length) return false;
  let i = 0;
  const at = (k: number) => tcpOptByte(p, k);
  while (length > 0) {
    const opcode = at(i++);
    if (opcode === 0) return true;
    if (opcode === 1) {
      length--;
      continue;
    }
    if (length < 2) return true;
    const opsize = at(i++);
    if (opsize < 2 || opsize > length) return true;
    if (opcode === 2 && opsize === 4) {
      o.mss = (at(i) << 8) | at(i + 1);
      o.options |= XT_SYNPROXY_OPT_MSS;
    } else if (opcode === 3 && opsize === 3) {
      o.wscale = Math.min(at(i), 14);
      o.options |= XT_SYNPROXY_OPT_WSCALE;
    } else if (opcode === 8 && opsize === 10) {
      o.tsval = ((at(i) << 24) | (at(i + 1) << 16) | (at(i + 2) << 8) | at(i + 3)) >>> 0;
      o.tsecr = ((at(i + 4) << 24) | (at(i + 5) << 16) | (at(i + 6) << 8) | at(i + 7)) >>> 0;
      o.options |= XT_SYNPROXY_OPT_TIMESTAMP;
    } else if (opcode === 4 && opsize === 2) o.options |= XT_SYNPROXY_OPT_SACK_PERM;
    i += opsize - 2;
    length -= opsize;
  }
  return true;
}

/** msstab[] of the syncookie code. */
const MSSTAB = [536, 1300, 1440, 1460];

/** synproxy_build_options() */
function buildOptions(o: SynOpts, mssOption: number): Uint8Array {
  const words: number[] = [];
  if (o.options & XT_SYNPROXY_OPT_MSS) words.push((2 << 24) | (4 << 16) | mssOption);
  if (o.options & XT_SYNPROXY_OPT_TIMESTAMP) {
    if (o.options & XT_SYNPROXY_OPT_SACK_PERM) words.push((4 << 24) | (2 << 16) | (8 << 8) | 10);
    else words.push((1 << 24) | (1 << 16) | (8 << 8) | 10);
    words.push(o.tsval, o.tsecr);
  } else if (o.options & XT_SYNPROXY_OPT_SACK_PERM) words.push((1 << 24) | (1 << 16) | (4 << 8) | 2);
  if (o.options & XT_SYNPROXY_OPT_WSCALE) words.push((1 << 24) | (3 << 16) | (3 << 8) | o.wscale);
  const b = new Uint8Array(words.length * 4);
  words.forEach((w, k) => {
    b[4 * k] = (w >>> 24) & 255;
    b[4 * k + 1] = (w >>> 16) & 255;
    b[4 * k + 2] = (w >>> 8) & 255;
    b[4 * k + 3] = w & 255;
  });
  return b;
}

/**
 * synproxy_send_client_synack(): the syncookie SYN/ACK, sent as a local packet with the SYN's
 * conntrack entry. The cookie comes from the host's generator (the kernel's secret is random).
 */
function sendSynack(p: Packet, o: SynOpts, info: SynproxyData, ctx: EvalContext): void {
  const mssEncode = o.mss;
  let mssind = MSSTAB.length - 1;
  for (; mssind; mssind--) if (mssEncode >= MSSTAB[mssind]!) break;
  const q = new Packet();
  q.src = p.dst;
  q.dst = p.src;
  q.proto = IPPROTO_TCP;
  q.ttl = 64;
  q.frag = IP_DF;
  q.sport = p.dport;
  q.dport = p.sport;
  // __cookie_v4_init_sequence(): the MSS index lives in the cookie
  q.seq = ((ctx.random32() & ~3) | mssind) >>> 0;
  q.ack = (p.seq + 1) >>> 0;
  q.tcpFlags = TCP_SYN | TCP_ACK | (o.options & XT_SYNPROXY_OPT_ECN ? TCP_ECE : 0);
  q.window = 0;
  const opts = buildOptions(o, info.mss);
  q.tcpOptions = opts.length ? opts : null;
  q.len = 20 + 20 + opts.length;
  q.ct = p.ct;
  q.ctinfo = IP_CT_ESTABLISHED_REPLY;
  ctx.sendLocal(q);
}

export const synproxyTarget = defineTarget<SynproxyData>({
  name: "SYNPROXY",
  revision: 0,
  hooks: HOOK_IN | HOOK_FWD,
  options: [
    { name: "sack-perm", id: O_SACK_PERM, type: XtType.NONE },
    { name: "timestamp", id: O_TIMESTAMP, type: XtType.NONE },
    { name: "wscale", id: O_WSCALE, type: XtType.UINT32 },
    { name: "mss", id: O_MSS, type: XtType.UINT32 },
    { name: "ecn", id: O_ECN, type: XtType.NONE },
  ],
  init: () => ({ options: 0, wscale: 0, mss: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_SACK_PERM:
        d.options |= XT_SYNPROXY_OPT_SACK_PERM;
        break;
      case O_TIMESTAMP:
        d.options |= XT_SYNPROXY_OPT_TIMESTAMP;
        break;
      case O_WSCALE:
        d.options |= XT_SYNPROXY_OPT_WSCALE;
        d.wscale = cb.val.u & 0xff;
        break;
      case O_MSS:
        d.options |= XT_SYNPROXY_OPT_MSS;
        d.mss = cb.val.u & 0xffff;
        break;
      case O_ECN:
        d.options |= XT_SYNPROXY_OPT_ECN;
        break;
    }
  },
  print(d) {
    let out = " SYNPROXY ";
    if (d.options & XT_SYNPROXY_OPT_SACK_PERM) out += "sack-perm ";
    if (d.options & XT_SYNPROXY_OPT_TIMESTAMP) out += "timestamp ";
    if (d.options & XT_SYNPROXY_OPT_WSCALE) out += `wscale ${d.wscale} `;
    if (d.options & XT_SYNPROXY_OPT_MSS) out += `mss ${d.mss} `;
    if (d.options & XT_SYNPROXY_OPT_ECN) out += "ecn ";
    return out;
  },
  save(d) {
    let out = "";
    if (d.options & XT_SYNPROXY_OPT_SACK_PERM) out += " --sack-perm";
    if (d.options & XT_SYNPROXY_OPT_TIMESTAMP) out += " --timestamp";
    if (d.options & XT_SYNPROXY_OPT_WSCALE) out += ` --wscale ${d.wscale}`;
    if (d.options & XT_SYNPROXY_OPT_MSS) out += ` --mss ${d.mss}`;
    if (d.options & XT_SYNPROXY_OPT_ECN) out += " --ecn";
    return out;
  },
  compile(info) {
    return (p, ctx) => {
      // the TCP header must be there (checksums of the twin's packets are always right)
      if (l4Avail(p) < 20) return NF_DROP;
      const o: SynOpts = { options: 0, mss: 0, wscale: 0, tsval: 0, tsecr: 0 };
      if (!parseOptions(p, o)) return NF_DROP;
      const f = tcpFlagsByte(p);
      if (f & TCP_SYN && !(f & (TCP_ACK | TCP_FIN | TCP_RST))) {
        // the client's SYN is answered with a cookie and consumed
        if (f & TCP_ECE && f & TCP_CWR) o.options |= XT_SYNPROXY_OPT_ECN;
        o.options &= info.options;
        if (o.options & XT_SYNPROXY_OPT_TIMESTAMP) {
          // synproxy_init_timestamp_cookie(): the options the client asked for, in the low bits of tsval
          o.tsecr = o.tsval;
          let tsval = Math.floor(ctx.nowNs / 1e6) & ~0x3f;
          if (o.options & XT_SYNPROXY_OPT_WSCALE) {
            tsval |= o.wscale;
            o.wscale = info.wscale;
          } else tsval |= 0xf;
          if (o.options & XT_SYNPROXY_OPT_SACK_PERM) tsval |= 1 << 4;
          if (o.options & XT_SYNPROXY_OPT_ECN) tsval |= 1 << 5;
          o.tsval = tsval >>> 0;
        } else o.options &= ~(XT_SYNPROXY_OPT_WSCALE | XT_SYNPROXY_OPT_SACK_PERM | XT_SYNPROXY_OPT_ECN);
        sendSynack(p, o, info, ctx);
        return NF_STOLEN;
      }
      if (f & TCP_ACK && !(f & (TCP_FIN | TCP_RST | TCP_SYN))) {
        // synproxy_recv_client_ack(): no cookie of the twin's checks out (no handshake to a server is
        // emulated), so the ACK counts as an invalid cookie
        return NF_DROP;
      }
      return XT_CONTINUE;
    };
  },
  kernelCheck(_d, ctx) {
    // xt_target.proto = IPPROTO_TCP and synproxy_tg4_check()
    if (ctx.ip.proto !== 6 || ctx.ip.invflags & IPT_INV_PROTO) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "SYNPROXY target options:\n" +
    "  --sack-perm                        Set SACK_PERM\n" +
    "  --timestamp                        Set TIMESTAMP\n" +
    "  --wscale value                     Set window scaling factor\n" +
    "  --mss value                        Set MSS value\n" +
    "  --ecn                              Set ECN\n",
});
