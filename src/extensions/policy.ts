/**
 * policy match (libxt_policy / xt_policy): IPsec policy of a packet, up to
 * four policy elements separated by --next (which needs --strict).
 */

import { xtStrtouiWhole } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { formatIPv4, inetAton, maskSuffix, maskToCidr } from "../core/ipv4.js";
import { getProtoByNumber } from "../core/netdb.js";
import { defineMatch, HOOK_IN, HOOK_OUT, HOOK_POST, HOOK_PRE, XTOPT_INVERT, XTOPT_MULTI, XtType } from "./api.js";
import { hexU, structKey } from "./misc2-util.js";

const XT_POLICY_MAX_ELEM = 4;

const MATCH_IN = 0x1;
const MATCH_OUT = 0x2;
const MATCH_NONE = 0x4;
const MATCH_STRICT = 0x8;

const MODE_TRANSPORT = 0;
const MODE_TUNNEL = 1;

/** Bits of struct xt_policy_spec (match and invert). */
const S_SADDR = 0x01;
const S_DADDR = 0x02;
const S_PROTO = 0x04;
const S_MODE = 0x08;
const S_SPI = 0x10;
const S_REQID = 0x20;

const O_DIRECTION = 0;
const O_POLICY = 1;
const O_STRICT = 2;
const O_REQID = 3;
const O_SPI = 4;
const O_PROTO = 5;
const O_MODE = 6;
const O_TUNNELSRC = 7;
const O_TUNNELDST = 8;
const O_NEXT = 9;

const IPPROTO_ESP = 50;
const IPPROTO_AH = 51;
const IPPROTO_COMP = 108;

export interface PolicyElem {
  saddr: number;
  smask: number;
  daddr: number;
  dmask: number;
  /**
   * The masks are 16-byte unions: a host without /mask, or a mask that is no
   * prefix (all ones then), sets all 128 bits; a prefix only the first 32.
   * Invisible in output, but -D compares it.
   */
  smaskWide: number;
  dmaskWide: number;
  spi: number;
  reqid: number;
  proto: number;
  mode: number;
  match: number;
  invert: number;
}

export interface PolicyData {
  pol: PolicyElem[];
  flags: number;
  len: number;
}

function emptyElem(): PolicyElem {
  return {
    saddr: 0,
    smask: 0,
    daddr: 0,
    dmask: 0,
    smaskWide: 0,
    dmaskWide: 0,
    spi: 0,
    reqid: 0,
    proto: 0,
    mode: 0,
    match: 0,
    invert: 0,
  };
}

/** Whether xtopt_parse_hostmask() left all 128 mask bits set (see PolicyElem). */
function wideMask(arg: string): number {
  const slash = arg.indexOf("/");
  if (slash < 0) return 1;
  const plen = arg.slice(slash + 1);
  if (xtStrtouiWhole(plen, 0, 32) !== undefined) return 0;
  const m = inetAton(plen);
  return m !== undefined && maskToCidr(m) === -1 ? 1 : 0;
}

function parseMode(s: string): number {
  if (s === "transport") return MODE_TRANSPORT;
  if (s === "tunnel") return MODE_TUNNEL;
  throw paramError(`policy match: invalid mode "${s}"`);
}

function entryText(prefix: string, e: PolicyElem, numeric: boolean): string {
  const inv = (bit: number) => (e.invert & bit ? " !" : "");
  let out = "";
  if (e.match & S_REQID) out += `${inv(S_REQID)} ${prefix}reqid ${e.reqid >>> 0}`;
  if (e.match & S_SPI) out += `${inv(S_SPI)} ${prefix}spi 0x${hexU(e.spi)}`;
  if (e.match & S_PROTO) {
    const name = numeric ? undefined : getProtoByNumber(e.proto);
    out += `${inv(S_PROTO)} ${prefix}proto ${name ?? e.proto}`;
  }
  if (e.match & S_MODE) {
    const mode = e.mode === MODE_TRANSPORT ? "transport" : e.mode === MODE_TUNNEL ? "tunnel" : "???";
    out += `${inv(S_MODE)} ${prefix}mode ${mode}`;
  }
  if (e.match & S_DADDR) out += `${inv(S_DADDR)} ${prefix}tunnel-dst ${formatIPv4(e.daddr)}${maskSuffix(e.dmask)}`;
  if (e.match & S_SADDR) out += `${inv(S_SADDR)} ${prefix}tunnel-src ${formatIPv4(e.saddr)}${maskSuffix(e.smask)}`;
  return out;
}

function flagsText(prefix: string, d: PolicyData): string {
  let out = d.flags & MATCH_IN ? ` ${prefix}dir in` : ` ${prefix}dir out`;
  out += d.flags & MATCH_NONE ? ` ${prefix}pol none` : ` ${prefix}pol ipsec`;
  if (d.flags & MATCH_STRICT) out += ` ${prefix}strict`;
  return out;
}

export const policyMatch = defineMatch<PolicyData>({
  name: "policy",
  revision: 0,
  options: [
    { name: "dir", id: O_DIRECTION, type: XtType.STRING },
    { name: "pol", id: O_POLICY, type: XtType.STRING },
    { name: "strict", id: O_STRICT, type: XtType.NONE },
    { name: "reqid", id: O_REQID, type: XtType.UINT32, flags: XTOPT_MULTI | XTOPT_INVERT },
    { name: "spi", id: O_SPI, type: XtType.UINT32, flags: XTOPT_MULTI | XTOPT_INVERT },
    { name: "tunnel-src", id: O_TUNNELSRC, type: XtType.HOSTMASK, flags: XTOPT_MULTI | XTOPT_INVERT },
    { name: "tunnel-dst", id: O_TUNNELDST, type: XtType.HOSTMASK, flags: XTOPT_MULTI | XTOPT_INVERT },
    { name: "proto", id: O_PROTO, type: XtType.PROTOCOL, flags: XTOPT_MULTI | XTOPT_INVERT },
    { name: "mode", id: O_MODE, type: XtType.STRING, flags: XTOPT_MULTI | XTOPT_INVERT },
    { name: "next", id: O_NEXT, type: XtType.NONE, flags: XTOPT_MULTI, also: 1 << O_STRICT },
  ],
  init: () => ({ pol: [emptyElem(), emptyElem(), emptyElem(), emptyElem()], flags: 0, len: 0 }),
  parse(cb) {
    const d = cb.data;
    const e = d.pol[d.len]!;
    const once = (bit: number, opt: string) => {
      if (e.match & bit) throw paramError(`policy match: double --${opt} option`);
      e.match |= bit;
      if (cb.invert) e.invert |= bit;
    };
    switch (cb.entry.id) {
      case O_DIRECTION:
        if (cb.arg === "in") d.flags |= MATCH_IN;
        else if (cb.arg === "out") d.flags |= MATCH_OUT;
        else throw paramError(`policy_match: invalid dir "${cb.arg}"`);
        break;
      case O_POLICY:
        if (cb.arg === "none") d.flags |= MATCH_NONE;
        else if (cb.arg !== "ipsec") throw paramError(`policy match: invalid policy "${cb.arg}"`);
        break;
      case O_STRICT:
        d.flags |= MATCH_STRICT;
        break;
      case O_REQID:
        once(S_REQID, "reqid");
        e.reqid = cb.val.u;
        break;
      case O_SPI:
        once(S_SPI, "spi");
        e.spi = cb.val.u;
        break;
      case O_TUNNELSRC:
        once(S_SADDR, "tunnel-src");
        e.saddr = cb.val.haddr;
        e.smask = cb.val.hmask;
        e.smaskWide = wideMask(cb.arg);
        break;
      case O_TUNNELDST:
        once(S_DADDR, "tunnel-dst");
        e.daddr = cb.val.haddr;
        e.dmask = cb.val.hmask;
        e.dmaskWide = wideMask(cb.arg);
        break;
      case O_PROTO:
        if (e.match & S_PROTO) throw paramError("policy match: double --proto option");
        e.proto = cb.val.protocol;
        if (e.proto !== IPPROTO_AH && e.proto !== IPPROTO_ESP && e.proto !== IPPROTO_COMP)
          throw paramError("policy match: protocol must be ah/esp/ipcomp");
        e.match |= S_PROTO;
        if (cb.invert) e.invert |= S_PROTO;
        break;
      case O_MODE: {
        if (e.match & S_MODE) throw paramError("policy match: double --mode option");
        e.match |= S_MODE;
        if (cb.invert) e.invert |= S_MODE;
        e.mode = parseMode(cb.arg);
        break;
      }
      case O_NEXT:
        if (++d.len === XT_POLICY_MAX_ELEM) throw paramError("policy match: maximum policy depth reached");
        break;
    }
  },
  finalCheck(cb) {
    const d = cb.data;
    if (!(d.flags & (MATCH_IN | MATCH_OUT))) throw paramError("policy match: neither --dir in nor --dir out specified");
    if (d.flags & MATCH_NONE) {
      if (d.flags & MATCH_STRICT) throw paramError("policy match: policy none but --strict given");
      if (d.len !== 0) throw paramError("policy match: policy none but policy given");
    } else d.len++; // no --next after the last element
    for (let i = 0; i < d.len; i++) {
      const e = d.pol[i]!;
      if (d.flags & MATCH_STRICT && !(e.match & (S_REQID | S_SPI | S_SADDR | S_DADDR | S_PROTO | S_MODE)))
        throw paramError(
          `policy match: empty policy element ${i}. --strict is in effect, but at least one of reqid, spi, tunnel-src, tunnel-dst, proto or mode is required.`,
        );
      if (
        e.match & (S_SADDR | S_DADDR) &&
        ((e.mode === MODE_TUNNEL && e.invert & S_MODE) || (e.mode === MODE_TRANSPORT && !(e.invert & S_MODE)))
      )
        throw paramError("policy match: --tunnel-src/--tunnel-dst is only valid in tunnel mode");
    }
  },
  print(d, ctx) {
    let out = ` policy match${flagsText("", d)}`;
    for (let i = 0; i < d.len; i++) {
      if (d.len > 1) out += ` [${i}]`;
      out += entryText("", d.pol[i]!, ctx.numeric);
    }
    return out;
  },
  save(d) {
    let out = flagsText("--", d);
    for (let i = 0; i < d.len; i++) {
      out += entryText("--", d.pol[i]!, false);
      if (i + 1 < d.len) out += " --next";
    }
    return out;
  },
  // memcmp() covers every element, also those past `len` (e.g. --reqid with --pol none)
  // policy_mt(): the twin has no IPsec, so there is never a sec path (in) or xfrm dst (out):
  // match_policy_in/out() return -1 and only --pol none matches
  compile(d) {
    const none = (d.flags & MATCH_NONE) !== 0;
    return () => none;
  },
  compareKey: (d) => structKey("policy", d),
  kernelCheck(d, ctx) {
    // policy_mt_check(): only at insertion, jumps to a user chain do not re-run it
    if (!ctx.checkentry) return undefined;
    if (!(d.flags & (MATCH_IN | MATCH_OUT))) return { errno: "EINVAL" };
    if (ctx.hookMask & (HOOK_PRE | HOOK_IN) && d.flags & MATCH_OUT) return { errno: "EINVAL" };
    if (ctx.hookMask & (HOOK_POST | HOOK_OUT) && d.flags & MATCH_IN) return { errno: "EINVAL" };
    if (d.len > XT_POLICY_MAX_ELEM) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "policy match options:\n" +
    "  --dir in|out\t\t\tmatch policy applied during decapsulation/\n" +
    "\t\t\t\tpolicy to be applied during encapsulation\n" +
    "  --pol none|ipsec\t\tmatch policy\n" +
    "  --strict \t\t\tmatch entire policy instead of single element\n" +
    "\t\t\t\tat any position\n" +
    "These options may be used repeatedly, to describe policy elements:\n" +
    "[!] --reqid reqid\t\tmatch reqid\n" +
    "[!] --spi spi\t\t\tmatch SPI\n" +
    "[!] --proto proto\t\tmatch protocol (ah/esp/ipcomp)\n" +
    "[!] --mode mode \t\tmatch mode (transport/tunnel)\n" +
    "[!] --tunnel-src addr/mask\tmatch tunnel source\n" +
    "[!] --tunnel-dst addr/mask\tmatch tunnel destination\n" +
    "  --next \t\t\tbegin next element in policy\n",
});
