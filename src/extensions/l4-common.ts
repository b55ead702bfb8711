/**
 * Helpers shared by the l4 extension group (udp, icmp, multiport, sctp, …).
 */
import { IPT_INV_PROTO, type IpSpec, type KernelCheckContext, type KernelCheckError } from "./api.js";
import { portName } from "./common.js";

/**
 * xt_check_match() for a match with xt_match.proto set: the rule must name
 * exactly that protocol, not inverted.
 */
export function protoCheck(proto: number): (data: unknown, ctx: KernelCheckContext) => KernelCheckError | undefined {
  return (_data, ctx) => (wrongProto(ctx.ip, proto) ? { errno: "EINVAL" } : undefined);
}

export function wrongProto(ip: IpSpec, proto: number): boolean {
  return ip.proto !== proto || (ip.invflags & IPT_INV_PROTO) !== 0;
}

/** print_ports() of udp/sctp/dccp `-L`: " spt:N", " spts:!A:B", or nothing for the full range. */
export function printPortRange(
  name: string,
  pts: readonly number[],
  invert: boolean,
  numeric: boolean,
  proto: string,
): string {
  const [min, max] = pts as [number, number];
  if (min === 0 && max === 0xffff && !invert) return "";
  const inv = invert ? "!" : "";
  if (min === max) return ` ${name}:${inv}${portName(min, proto, numeric)}`;
  return ` ${name}s:${inv}${portName(min, proto, numeric)}:${portName(max, proto, numeric)}`;
}

/** " [!] --opt A[:B]" as the save functions of udp/sctp/dccp write it. */
export function savePortRange(opt: string, pts: readonly number[], invert: boolean): string {
  const inv = invert ? " !" : "";
  return pts[0] !== pts[1] ? `${inv} --${opt} ${pts[0]}:${pts[1]}` : `${inv} --${opt} ${pts[0]}`;
}

/** printf("%02x") */
export function hex2(n: number): string {
  return n.toString(16).padStart(2, "0");
}

/** Stable comparison key from the data a match holds (nft compares the match blob). */
export function dataKey(data: unknown): string {
  return JSON.stringify(data);
}

/**
 * One native expression add_nft_tcpudp() emits for tcp/udp ports: a cmp or
 * range on the transport header (both ports at once when each is a single
 * non-zero port with the same inversion).
 */
export type PortExpr =
  | { kind: "cmp"; field: "sport" | "dport"; op: "eq" | "neq" | "lte" | "gt"; port: number }
  | { kind: "both"; op: "eq" | "neq"; sport: number; dport: number }
  | { kind: "range"; field: "sport" | "dport"; op: "eq" | "neq"; from: number; to: number };

/** expr_gen_range_cmp16() */
function rangeExpr(field: "sport" | "dport", lo: number, hi: number, invert: boolean): PortExpr {
  if (lo === hi) return { kind: "cmp", field, op: invert ? "neq" : "eq", port: lo };
  if (lo === 0 && hi < 0xffff) return { kind: "cmp", field, op: invert ? "gt" : "lte", port: hi };
  return { kind: "range", field, op: invert ? "neq" : "eq", from: lo, to: hi };
}

/** add_nft_tcpudp(): full ranges leave no expression. */
export function portExprs(
  spts: readonly number[],
  invSrc: boolean,
  dpts: readonly number[],
  invDst: boolean,
): PortExpr[] {
  const [s0, s1] = spts as [number, number];
  const [d0, d1] = dpts as [number, number];
  if (s0 && s0 === s1 && d0 && d0 === d1 && invSrc === invDst) {
    return [{ kind: "both", op: invSrc ? "neq" : "eq", sport: s0, dport: d0 }];
  }
  const out: PortExpr[] = [];
  if (s0 || s1 < 0xffff) out.push(rangeExpr("sport", s0, s1, invSrc));
  if (d0 || d1 < 0xffff) out.push(rangeExpr("dport", d0, d1, invDst));
  return out;
}

/** port_match_single_to_range(); true when the op sets the inversion flag. */
function singleToRange(ports: number[], op: string, port: number): boolean {
  switch (op) {
    case "neq":
      ports[0] = port;
      ports[1] = port;
      return true;
    case "eq":
      ports[0] = port;
      ports[1] = port;
      break;
    case "lte":
      ports[1] = port;
      break;
    case "gt":
      // no inversion flag: `! --sport :N` reads back as N+1:65535
      ports[0] = Math.min(port + 1, 0xffff);
      break;
  }
  return false;
}

export interface PortsData {
  spts: number[];
  dpts: number[];
  invflags: number;
}

/**
 * nft_parse_transport()/nft_parse_transport_range() for tcp/udp ports: the
 * expressions read back onto (a copy of) `d`, given the match's inversion bits.
 */
export function applyPortExprs<T extends PortsData>(
  d: T,
  exprs: readonly PortExpr[],
  invSrc: number,
  invDst: number,
): T {
  const out: T = { ...d, spts: d.spts.slice(), dpts: d.dpts.slice() };
  for (const e of exprs) {
    if (e.kind === "both") {
      if (singleToRange(out.spts, e.op, e.sport)) out.invflags |= invSrc;
      if (singleToRange(out.dpts, e.op, e.dport)) out.invflags |= invDst;
    } else if (e.kind === "cmp") {
      const src = e.field === "sport";
      if (singleToRange(src ? out.spts : out.dpts, e.op, e.port)) out.invflags |= src ? invSrc : invDst;
    } else {
      const src = e.field === "sport";
      if (e.op === "neq") out.invflags |= src ? invSrc : invDst;
      if (src) out.spts = [e.from, e.to];
      else out.dpts = [e.from, e.to];
    }
  }
  return out;
}
