/**
 * `iptables -vvv` (nf_tables build): after each batch object's text,
 * nft_*_print_debug() dumps the netlink message (mnl_nlmsg_fprintf() of
 * libmnl). The messages are built as libnftnl's nftnl_*_nlmsg_build_payload()
 * lays out the attributes; xt match and target payloads carry the kernel
 * struct of the extension (nft-xtinfo.ts).
 */

import { utf8Encoder } from "../../core/utf8.js";
import type { ChainMsg, NftExpr, RuleMsg } from "./nft-debug.js";
import { xtInfoBytes } from "./nft-xtinfo.js";

export type BatchMsg =
  | { kind: "table"; type: number; flags: number; seq: number; name: string }
  | { kind: "chain"; type: number; flags: number; seq: number; chain: ChainMsg }
  | { kind: "rule"; type: number; flags: number; seq: number; rule: RuleMsg };

const NFNL_SUBSYS_NFTABLES = 10;
const NLM_F_REQUEST = 1;
const NLA_F_NESTED = 0x8000;
const NFPROTO_IPV4 = 2;

/** A netlink message under construction (host byte order: little-endian). */
class NlMsg {
  readonly b: number[] = [];

  constructor(type: number, flags: number, seq: number) {
    this.u32(0); // nlmsg_len, set at the end
    this.u16(type);
    this.u16(flags);
    this.u32(seq);
    this.u32(0); // port id
    // struct nfgenmsg: family, version, res_id (big-endian)
    this.b.push(NFPROTO_IPV4, 0, 0, 0);
  }

  private u16(v: number): void {
    this.b.push(v & 255, (v >>> 8) & 255);
  }

  private u32(v: number): void {
    this.b.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255);
  }

  private setU16(at: number, v: number): void {
    this.b[at] = v & 255;
    this.b[at + 1] = (v >>> 8) & 255;
  }

  /** mnl_attr_put(): header, payload, zero padding to 4 bytes. */
  put(type: number, payload: readonly number[]): void {
    this.u16(4 + payload.length);
    this.u16(type);
    for (const x of payload) this.b.push(x & 255);
    while (this.b.length % 4) this.b.push(0);
  }

  strz(type: number, s: string): void {
    this.put(type, [...utf8Encoder.encode(s), 0]);
  }

  be32(type: number, v: number): void {
    this.put(type, [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
  }

  be16(type: number, v: number): void {
    this.put(type, [(v >>> 8) & 255, v & 255]);
  }

  be64(type: number, v: number | bigint): void {
    const n = BigInt(v) & 0xffffffffffffffffn;
    const out: number[] = [];
    for (let i = 7; i >= 0; i--) out.push(Number((n >> BigInt(i * 8)) & 255n));
    this.put(type, out);
  }

  nest(type: number, body: () => void): void {
    const at = this.b.length;
    this.u16(0);
    this.u16(type | NLA_F_NESTED);
    body();
    this.setU16(at, this.b.length - at);
  }

  done(): number[] {
    const n = this.b.length;
    this.b[0] = n & 255;
    this.b[1] = (n >>> 8) & 255;
    this.b[2] = (n >>> 16) & 255;
    this.b[3] = (n >>> 24) & 255;
    return this.b;
  }
}

/** nftnl_table_nlmsg_build_payload() of a table iptables sends (its name only). */
function tablePayload(m: NlMsg, name: string): void {
  m.strz(1, name); // NFTA_TABLE_NAME
}

/** nftnl_chain_nlmsg_build_payload(): the attributes the object has set. */
function chainPayload(m: NlMsg, c: ChainMsg): void {
  m.strz(1, c.table); // NFTA_CHAIN_TABLE
  m.strz(3, c.name); // NFTA_CHAIN_NAME
  if (c.hook !== undefined) {
    m.nest(4, () => {
      m.be32(1, c.hook!); // NFTA_HOOK_HOOKNUM
      m.be32(2, c.prio! >>> 0); // NFTA_HOOK_PRIORITY
    });
  }
  if (c.policy !== undefined) m.be32(5, c.policy);
  if (c.use !== undefined) m.be32(6, c.use);
  if (c.packets !== undefined && c.bytes !== undefined) {
    m.nest(8, () => {
      m.be64(2, c.packets!); // NFTA_COUNTER_PACKETS
      m.be64(1, c.bytes!); // NFTA_COUNTER_BYTES
    });
  }
  if (c.handle !== undefined) m.be64(2, c.handle);
  if (c.type !== undefined) m.strz(7, c.type);
  if (c.flags !== undefined) m.be32(10, c.flags);
}

function dataValue(m: NlMsg, type: number, bytes: readonly number[]): void {
  m.nest(type, () => m.put(1, bytes)); // NFTA_DATA_VALUE
}

/** The NFTA_EXPR_DATA attributes of one expression (each libnftnl expression's build()). */
function exprPayload(m: NlMsg, e: NftExpr, dumped: boolean): void {
  switch (e.name) {
    case "meta":
      m.be32(2, e.key); // NFTA_META_KEY
      if (e.dreg !== undefined) m.be32(1, e.dreg);
      if (e.sreg !== undefined) m.be32(3, e.sreg);
      break;
    case "cmp":
      m.be32(1, e.sreg);
      m.be32(2, e.op);
      dataValue(m, 3, e.data);
      break;
    case "payload":
      m.be32(1, e.dreg);
      m.be32(2, e.base);
      m.be32(3, e.offset);
      m.be32(4, e.len);
      break;
    case "bitwise":
      m.be32(1, e.sreg);
      m.be32(2, e.dreg);
      // the kernel dumps the operation (NFT_BITWISE_BOOL); iptables does not set it
      if (dumped) m.be32(6, 0);
      m.be32(3, e.mask.length);
      dataValue(m, 4, e.mask);
      dataValue(m, 5, e.xor);
      break;
    case "range":
      m.be32(1, e.sreg);
      m.be32(2, e.op);
      dataValue(m, 3, e.from);
      dataValue(m, 4, e.to);
      break;
    case "counter":
      m.be64(1, e.bytes);
      m.be64(2, e.pkts);
      break;
    case "immediate":
      m.be32(1, e.dreg);
      if (e.data) dataValue(m, 2, e.data);
      else {
        m.nest(2, () =>
          m.nest(2, () => {
            m.be32(1, e.verdict! >>> 0); // NFTA_VERDICT_CODE
            if (e.chain !== undefined) m.strz(2, e.chain);
          }),
        );
      }
      break;
    case "limit":
      m.be64(1, e.rate);
      m.be64(2, e.unit);
      m.be32(3, e.burst);
      m.be32(4, e.type);
      m.be32(5, e.flags);
      break;
    case "log":
      if (e.prefix !== undefined) m.strz(2, e.prefix);
      m.be16(1, e.group);
      // the kernel dumps a snap length and a threshold only when not zero
      if (e.snaplen !== undefined && !(dumped && e.snaplen === 0)) m.be32(3, e.snaplen);
      if (e.qthreshold !== undefined && !(dumped && e.qthreshold === 0)) m.be16(4, e.qthreshold);
      break;
    case "match":
    case "target":
      m.strz(1, e.xname);
      m.be32(2, e.rev);
      m.put(3, xtInfoBytes(e.name, e.xname, e.rev, e.inst));
      break;
  }
}

/** nftnl_rule_nlmsg_build_payload() */
function rulePayload(m: NlMsg, r: RuleMsg): void {
  m.strz(1, r.table);
  if (r.chain !== undefined) m.strz(2, r.chain);
  if (r.handle !== undefined) m.be64(3, r.handle);
  if (r.position !== undefined) m.be64(6, r.position);
  if (r.exprs.length) {
    m.nest(4, () => {
      for (const e of r.exprs) {
        m.nest(1, () => {
          m.strz(1, e.name); // NFTA_EXPR_NAME
          m.nest(2, () => exprPayload(m, e, r.dumped === true));
        });
      }
    });
  }
  if (r.compat) {
    m.nest(5, () => {
      m.be32(1, r.compat!.proto);
      m.be32(2, r.compat!.flags);
    });
  }
  if (r.id !== undefined) m.be32(9, r.id);
  if (r.positionId !== undefined) m.be32(10, r.positionId);
}

const hex2 = (n: number): string => n.toString(16).padStart(2, "0");
const pad = (n: number, w: number): string => String(n).padStart(w, "0");
const ESC = "\x1b";

/** isprint() in the C locale */
const printable = (c: number): string => (c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : " ");

/** mnl_nlmsg_fprintf() of one message with the nfgenmsg extra header. */
function nlmsgText(b: readonly number[]): string {
  const u16 = (i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
  const u32 = (i: number) => (u16(i) | (u16(i + 2) << 16)) >>> 0;
  const len = u32(0);
  const type = u16(4);
  const flags = u16(6);
  let out = "----------------\t------------------\n";
  out += `|  ${pad(len, 10)}  |\t| message length |\n`;
  out += `| ${pad(type, 5)} | ${flags & 1 ? "R" : "-"}${flags & 2 ? "M" : "-"}${flags & 4 ? "A" : "-"}${flags & 8 ? "E" : "-"} |\t|  type | flags  |\n`;
  out += `|  ${pad(u32(8), 10)}  |\t| sequence number|\n`;
  out += `|  ${pad(u32(12), 10)}  |\t|     port ID    |\n`;
  out += "----------------\t------------------\n";
  let extra = 4;
  let rem = 0;
  const word = (i: number) => `| ${hex2(b[i]!)} ${hex2(b[i + 1]!)} ${hex2(b[i + 2]!)} ${hex2(b[i + 3]!)}  |\t`;
  for (let i = 16; i < len; i += 4) {
    const alen = u16(i);
    const atype = u16(i + 2);
    if (extra > 0) {
      extra -= 4;
      out += `${word(i)}|  extra header  |\n`;
    } else if (rem === 0 && (atype & 0x3fff) !== 0) {
      out +=
        `|${ESC}[1;31m${pad(alen, 5)}${ESC}[0m|${ESC}[1;32m${atype & NLA_F_NESTED ? "N" : "-"}${atype & 0x4000 ? "B" : "-"}${ESC}[0m|` +
        `${ESC}[1;34m${pad(atype & 0x3fff, 5)}${ESC}[0m|\t|len |flags| type|\n`;
      if (!(atype & NLA_F_NESTED)) rem = ((alen + 3) & ~3) - 4;
    } else if (rem > 0) {
      rem -= 4;
      out += `${word(i)}|      data      |\t ${printable(b[i]!)} ${printable(b[i + 1]!)} ${printable(b[i + 2]!)} ${printable(b[i + 3]!)}\n`;
    }
  }
  return `${out}----------------\t------------------\n`;
}

/** The -vvv dump of one batch object's message. */
export function nlmsgDump(o: BatchMsg): string {
  const m = new NlMsg((NFNL_SUBSYS_NFTABLES << 8) | o.type, NLM_F_REQUEST | o.flags, o.seq);
  if (o.kind === "table") tablePayload(m, o.name);
  else if (o.kind === "chain") chainPayload(m, o.chain);
  else rulePayload(m, o.rule);
  return nlmsgText(m.done());
}
