/**
 * Packet semantics of the native nf_tables expressions iptables-nft emits
 * for tcp/udp ports and TCP flags (add_nft_tcpudp(), add_nft_tcpflags()):
 * transport-header payload loads compared with cmp/range.
 *
 * Kernel facts reproduced (nft_do_chain / nft_payload_fast_eval, checked on
 * a 6.x kernel with single frames and rule counters):
 * - the fast payload path does not look at the fragment offset, so a
 *   non-first fragment is compared on its own payload bytes (a UDP fragment
 *   whose bytes 2-3 are 0x0050 matches `--dport 80`);
 * - a load past the end of the packet ends the rule (NFT_BREAK): no match,
 *   never a hotdrop, and a 2-byte TCP/UDP header still matches `--sport`;
 * - `! --sport A ! --dport B` with two single ports is one 32-bit compare,
 *   so it matches when either port differs (xt_tcpudp needs both to differ).
 */
import type { Packet } from "../core/packet.js";
import type { MatchFn } from "../engine/context.js";
import type { PortExpr } from "./l4-common.js";
import { l4Avail, l4Port, tcpFlagsByte } from "./pkt-util.js";

/** One native expression group: a port compare/range or the TCP flags byte under a mask. */
export type NftL4Expr = PortExpr | { kind: "flags"; mask: number; cmp: number; op: "eq" | "neq" };

function portTest(field: "sport" | "dport", test: (v: number) => boolean): MatchFn {
  if (field === "sport") return (p: Packet) => l4Avail(p) >= 2 && test(l4Port(p, 0));
  return (p: Packet) => l4Avail(p) >= 4 && test(l4Port(p, 1));
}

function exprFn(e: NftL4Expr): MatchFn {
  switch (e.kind) {
    case "flags": {
      const { mask, cmp } = e;
      const eq = e.op === "eq";
      return (p) => l4Avail(p) >= 14 && ((tcpFlagsByte(p) & mask) === cmp) === eq;
    }
    case "both": {
      const { sport, dport } = e;
      const eq = e.op === "eq";
      return (p) => l4Avail(p) >= 4 && (l4Port(p, 0) === sport && l4Port(p, 1) === dport) === eq;
    }
    case "cmp": {
      const port = e.port;
      switch (e.op) {
        case "eq":
          return portTest(e.field, (v) => v === port);
        case "neq":
          return portTest(e.field, (v) => v !== port);
        case "lte":
          return portTest(e.field, (v) => v <= port);
        default:
          return portTest(e.field, (v) => v > port);
      }
    }
    case "range": {
      const { from, to } = e;
      const eq = e.op === "eq";
      return portTest(e.field, (v) => (v >= from && v <= to) === eq);
    }
  }
}

/** The conjunction of the expressions, in rule order. */
export function compileNftL4(exprs: readonly NftL4Expr[]): MatchFn {
  const fns = exprs.map(exprFn);
  if (fns.length === 0) return () => true;
  if (fns.length === 1) return fns[0]!;
  if (fns.length === 2) {
    const [a, b] = fns as [MatchFn, MatchFn];
    return (p, c) => a(p, c) && b(p, c);
  }
  return (p, c) => {
    for (let i = 0; i < fns.length; i++) if (!fns[i]!(p, c)) return false;
    return true;
  };
}
