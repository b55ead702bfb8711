/**
 * Header rewrites of a packet on its way through the hooks (NAT, mangle
 * targets), recorded for `send`'s report: a snapshot of the fields
 * iptables can change, taken before a table runs and compared after.
 */
import { formatIPv4 } from "../core/ipv4.js";
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, type Packet } from "../core/packet.js";

/** One changed field: `table` is the table (or "nat"), `hook` the NF_INET_* hook. */
export interface Rewrite {
  table: string;
  hook: number;
  field: "src" | "dst" | "id" | "tos" | "ttl" | "mark";
  before: string;
  after: string;
}

/** The rewritable fields, flat (one small array, no strings). */
export type HeaderSnapshot = [number, number, number, number, number, number, number, number];

export function headerSnapshot(p: Packet): HeaderSnapshot {
  return [p.src, p.dst, p.sport, p.dport, p.icmpId, p.tos, p.ttl, p.mark];
}

function hasPorts(p: Packet): boolean {
  return p.proto === IPPROTO_TCP || p.proto === IPPROTO_UDP || p.proto === 132 || p.proto === 33 || p.proto === 136;
}

function endpoint(addr: number, port: number, ports: boolean): string {
  return ports ? `${formatIPv4(addr)}:${port}` : formatIPv4(addr);
}

function hex(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}

/** Appends to `out` what changed between `s` and the packet now. */
export function diffHeaders(s: HeaderSnapshot, p: Packet, table: string, hook: number, out: Rewrite[]): void {
  const ports = hasPorts(p) && !p.isFragment();
  if (s[0] !== p.src || (ports && s[2] !== p.sport)) {
    out.push({
      table,
      hook,
      field: "src",
      before: endpoint(s[0], s[2], ports),
      after: endpoint(p.src, p.sport, ports),
    });
  }
  if (s[1] !== p.dst || (ports && s[3] !== p.dport)) {
    out.push({
      table,
      hook,
      field: "dst",
      before: endpoint(s[1], s[3], ports),
      after: endpoint(p.dst, p.dport, ports),
    });
  }
  if (p.proto === IPPROTO_ICMP && s[4] !== p.icmpId)
    out.push({
      table,
      hook,
      field: "id",
      before: String(s[4]),
      after: String(p.icmpId),
    });
  if (s[5] !== p.tos)
    out.push({
      table,
      hook,
      field: "tos",
      before: hex(s[5]),
      after: hex(p.tos),
    });
  if (s[6] !== p.ttl)
    out.push({
      table,
      hook,
      field: "ttl",
      before: String(s[6]),
      after: String(p.ttl),
    });
  if (s[7] !== p.mark)
    out.push({
      table,
      hook,
      field: "mark",
      before: hex(s[7]),
      after: hex(p.mark),
    });
}
