/**
 * What a match or target sees while a packet traverses a chain: the hook,
 * the host's network state, the virtual clock, the seeded RNG, the kernel
 * log and a way to emit packets (REJECT replies, TEE copies).
 */
import type { Packet } from "../core/packet.js";
import type { SockHit } from "./local.js";

/** Address classes of addrtype (RTN_*). */
export const RTN_UNSPEC = 0;
export const RTN_UNICAST = 1;
export const RTN_LOCAL = 2;
export const RTN_BROADCAST = 3;
export const RTN_ANYCAST = 4;
export const RTN_MULTICAST = 5;
export const RTN_BLACKHOLE = 6;
export const RTN_UNREACHABLE = 7;
export const RTN_PROHIBIT = 8;
export const RTN_THROW = 9;
export const RTN_NAT = 10;
export const RTN_XRESOLVE = 11;

/** The host services extensions may consult (implemented by the network stack). */
export interface NetView {
  /** Route type of `addr` as seen from `dev` ("" = any device): RTN_LOCAL, RTN_UNICAST, … */
  addrType(addr: number, dev: string): number;
  /** Reverse-path check: the device a packet from `src` to `dst` would be routed out of, or "" when unreachable. */
  routeDev(dst: number, src: number, mark: number): string;
  /** The first IPv4 address of a device (MASQUERADE, REDIRECT), or undefined. */
  primaryAddr(dev: string): number | undefined;
  /** MASQUERADE's source: inet_select_addr(dev, next hop towards `dst`, universe scope); 0 for none. */
  masqSource?(dev: string, dst: number): number;
  /** Device group number (devgroup). */
  devGroup(dev: string): number;
  /** MTU of a device, the MTU of routes through it (TCPMSS --clamp-mss-to-pmtu); absent: 1500. */
  mtu?(dev: string): number;
}

export interface EvalContext {
  /** NF_INET_* hook the packet is at. */
  hook: number;
  table: string;
  /** Virtual time, nanoseconds since the host booted. */
  nowNs: number;
  /** Set by a match to drop the packet at once (par->hotdrop). */
  hotdrop: boolean;
  net: NetView;
  /** A uniformly distributed 32-bit integer from the host's seeded generator. */
  random32(): number;
  /** A kernel log line (printk): LOG writes here, as dmesg shows it. */
  log(level: number, line: string): void;
  /** Sends a packet the host generates (nf_send_reset / icmp_send): it goes through OUTPUT. */
  sendLocal(p: Packet): void;
  /** Per-host shared state of extensions (recent lists, hashlimit tables, quotas). */
  shared: Map<string, unknown>;
  /** Virtual wall clock in whole seconds (ktime_get_real_seconds(), for the time match); absent: nowNs. */
  wallSeconds?: number;
  /** nf_dup_ipv4() (TEE): sends the copy `p` with `gw` as next hop (oif "" = any) through OUTPUT and POSTROUTING. */
  dup?(p: Packet, gw: number, oif: string): void;
  /** nf_sk_lookup_slow_v4()'s lookup among the host's sockets (the socket match); absent: the host has none. */
  socket?(proto: "tcp" | "udp", saddr: number, sport: number, daddr: number, dport: number): SockHit | undefined;
  /** The host's own replies for REJECT (they go out through OUTPUT like sendLocal); absent: none sent. */
  reply?: {
    /** nf_send_unreach() → icmp_send(): an ICMP error about `p`, with the kernel's checks and rate limits. */
    icmpError(p: Packet, type: number, code: number): void;
    /** nf_send_reset(): a TCP RST answering `p`. */
    tcpReset(p: Packet): void;
  };
}

export type MatchFn = (p: Packet, ctx: EvalContext) => boolean;
export type TargetFn = (p: Packet, ctx: EvalContext) => number;

/**
 * What a SNAT/DNAT target to one address and one port range does, as numbers the compiled table
 * keeps in the rule's own packed slot (no closure to fetch per packet): `apply` (one function for
 * every such rule) binds the packet's connection as the target would.
 */
export interface PackedNat {
  manip: number;
  flags: number;
  addr: number;
  minProto: number;
  maxProto: number;
  apply(p: Packet, manip: number, flags: number, addr: number, minProto: number, maxProto: number): number;
}

/** A target closure that may carry its packed form. */
export type PackableTarget = TargetFn & { packedNat?: PackedNat };
