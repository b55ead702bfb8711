/**
 * The sysctls the twin knows: their kernel handlers (how a written string
 * is parsed and stored, how the value reads back) and default values, as a
 * fresh network namespace of the reference kernel (HZ=250) has them. As in a
 * namespace, nf_conntrack_max, _buckets and _expect_max are read-only;
 * nf_conntrack_count, the nf_log entries and the IPv6 reassembly settings
 * are not modelled (`sysctl -a` lists what the twin knows, nothing else).
 */

/** Kernel tick rate of the reference machine (proc_dointvec_jiffies bounds). */
export const HZ = 250;
const INT_MAX = 0x7fffffff;

/** How a /proc/sys entry parses writes and prints reads. */
export type ConfKind =
  /** proc_dointvec: any int. */
  | { k: "int" }
  /** proc_dointvec_minmax. */
  | { k: "minmax"; min: number; max: number }
  /** proc_dou8vec_minmax. */
  | { k: "u8"; min: number; max: number }
  /** proc_dointvec_jiffies: seconds on the wire, jiffies inside (stored here as seconds). */
  | { k: "jiffies" }
  /** proc_dointvec_ms_jiffies: milliseconds on the wire, jiffies inside (stored as jiffies). */
  | { k: "msjiffies" }
  /** proc_doulongvec_minmax with bounds in other entries (their names): no negative value. */
  | { k: "ulong"; minOf?: string; maxOf?: string }
  /** Read-only (mode 0444). */
  | { k: "ro" };

/**
 * The per-device IPv4 settings (net.ipv4.conf.X.*), with their defaults and
 * whether a write to conf.default reaches devices that never set the key
 * themselves (devinet_conf_proc) — the flushing and forwarding handlers don't.
 */
export const IPV4_CONF: ReadonlyArray<{ key: string; all: number; dflt: number; propagate: boolean; ro?: boolean }> = [
  { key: "accept_local", all: 0, dflt: 0, propagate: true },
  { key: "accept_redirects", all: 1, dflt: 1, propagate: true },
  { key: "accept_source_route", all: 0, dflt: 1, propagate: true },
  { key: "arp_accept", all: 0, dflt: 0, propagate: true },
  { key: "arp_announce", all: 0, dflt: 0, propagate: true },
  { key: "arp_evict_nocarrier", all: 1, dflt: 1, propagate: true },
  { key: "arp_filter", all: 0, dflt: 0, propagate: true },
  { key: "arp_ignore", all: 0, dflt: 0, propagate: true },
  { key: "arp_notify", all: 0, dflt: 0, propagate: true },
  { key: "bc_forwarding", all: 0, dflt: 0, propagate: true },
  { key: "bootp_relay", all: 0, dflt: 0, propagate: true },
  { key: "disable_policy", all: 0, dflt: 0, propagate: false },
  { key: "disable_xfrm", all: 0, dflt: 0, propagate: false },
  { key: "drop_gratuitous_arp", all: 0, dflt: 0, propagate: true },
  { key: "drop_unicast_in_l2_multicast", all: 0, dflt: 0, propagate: false },
  { key: "force_igmp_version", all: 0, dflt: 0, propagate: true },
  { key: "forwarding", all: 0, dflt: 0, propagate: false },
  { key: "igmpv2_unsolicited_report_interval", all: 10000, dflt: 10000, propagate: true },
  { key: "igmpv3_unsolicited_report_interval", all: 1000, dflt: 1000, propagate: true },
  { key: "ignore_routes_with_linkdown", all: 0, dflt: 0, propagate: true },
  { key: "log_martians", all: 0, dflt: 0, propagate: true },
  { key: "mc_forwarding", all: 0, dflt: 0, propagate: false, ro: true },
  { key: "medium_id", all: 0, dflt: 0, propagate: true },
  { key: "promote_secondaries", all: 0, dflt: 0, propagate: false },
  { key: "proxy_arp", all: 0, dflt: 0, propagate: true },
  { key: "proxy_arp_pvlan", all: 0, dflt: 0, propagate: true },
  { key: "route_localnet", all: 0, dflt: 0, propagate: false },
  { key: "rp_filter", all: 0, dflt: 0, propagate: true },
  { key: "secure_redirects", all: 1, dflt: 1, propagate: true },
  { key: "send_redirects", all: 1, dflt: 1, propagate: true },
  { key: "shared_media", all: 1, dflt: 1, propagate: true },
  { key: "src_valid_mark", all: 0, dflt: 0, propagate: true },
  { key: "tag", all: 0, dflt: 0, propagate: true },
];

export const IPV4_CONF_KEYS: ReadonlyMap<string, (typeof IPV4_CONF)[number]> = new Map(
  IPV4_CONF.map((c) => [c.key, c]),
);

/** Loopback's own values (set at inetdev_init; when it comes up every key counts as explicitly set). */
export const LOOPBACK_CONF: ReadonlyArray<readonly [string, number]> = [
  ["disable_policy", 1],
  ["disable_xfrm", 1],
];

/** Global sysctls: name, handler, default (stored form). */
export const GLOBAL_SYSCTLS: ReadonlyArray<readonly [string, ConfKind, number]> = [
  ["net.ipv4.icmp_echo_ignore_all", { k: "u8", min: 0, max: 1 }, 0],
  ["net.ipv4.icmp_echo_ignore_broadcasts", { k: "u8", min: 0, max: 1 }, 1],
  ["net.ipv4.icmp_ignore_bogus_error_responses", { k: "u8", min: 0, max: 1 }, 1],
  ["net.ipv4.icmp_ratelimit", { k: "msjiffies" }, 250],
  ["net.ipv4.ip_default_ttl", { k: "minmax", min: 1, max: 255 }, 64],
  ["net.ipv4.ip_forward_update_priority", { k: "u8", min: 0, max: 1 }, 1],
  ["net.ipv4.ip_forward_use_pmtu", { k: "u8", min: 0, max: 255 }, 0],
  // IPv4 reassembly (src/engine/defrag.ts): fqdir memory bounds (each bounds the other), queue lifetime.
  ["net.ipv4.ipfrag_high_thresh", { k: "ulong", minOf: "net.ipv4.ipfrag_low_thresh" }, 4194304],
  ["net.ipv4.ipfrag_low_thresh", { k: "ulong", maxOf: "net.ipv4.ipfrag_high_thresh" }, 3145728],
  ["net.ipv4.ipfrag_max_dist", { k: "minmax", min: 0, max: INT_MAX }, 64],
  ["net.ipv4.ipfrag_time", { k: "jiffies" }, 30],
  // Read by the lab's TCP connect (src/lab/sockets.ts): SYN retransmission schedule.
  ["net.ipv4.tcp_syn_linear_timeouts", { k: "u8", min: 0, max: 127 }, 4],
  ["net.ipv4.tcp_syn_retries", { k: "u8", min: 1, max: 127 }, 6],
  ["net.netfilter.nf_conntrack_acct", { k: "u8", min: 0, max: 1 }, 0],
  ["net.netfilter.nf_conntrack_buckets", { k: "ro" }, 262144],
  ["net.netfilter.nf_conntrack_checksum", { k: "u8", min: 0, max: 1 }, 1],
  ["net.netfilter.nf_conntrack_events", { k: "u8", min: 0, max: 2 }, 2],
  ["net.netfilter.nf_conntrack_expect_max", { k: "ro" }, 4096],
  ["net.netfilter.nf_conntrack_generic_timeout", { k: "jiffies" }, 600],
  ["net.netfilter.nf_conntrack_gre_timeout", { k: "jiffies" }, 30],
  ["net.netfilter.nf_conntrack_gre_timeout_stream", { k: "jiffies" }, 180],
  ["net.netfilter.nf_conntrack_icmp_timeout", { k: "jiffies" }, 30],
  ["net.netfilter.nf_conntrack_icmpv6_timeout", { k: "jiffies" }, 30],
  ["net.netfilter.nf_conntrack_log_invalid", { k: "u8", min: 0, max: 255 }, 0],
  // Read-only in a network namespace other than the initial one.
  ["net.netfilter.nf_conntrack_max", { k: "ro" }, 262144],
  ["net.netfilter.nf_conntrack_sctp_timeout_closed", { k: "jiffies" }, 10],
  ["net.netfilter.nf_conntrack_sctp_timeout_cookie_echoed", { k: "jiffies" }, 3],
  ["net.netfilter.nf_conntrack_sctp_timeout_cookie_wait", { k: "jiffies" }, 3],
  ["net.netfilter.nf_conntrack_sctp_timeout_established", { k: "jiffies" }, 210],
  ["net.netfilter.nf_conntrack_sctp_timeout_heartbeat_sent", { k: "jiffies" }, 30],
  ["net.netfilter.nf_conntrack_sctp_timeout_shutdown_ack_sent", { k: "jiffies" }, 3],
  ["net.netfilter.nf_conntrack_sctp_timeout_shutdown_recd", { k: "jiffies" }, 3],
  ["net.netfilter.nf_conntrack_sctp_timeout_shutdown_sent", { k: "jiffies" }, 3],
  ["net.netfilter.nf_conntrack_tcp_be_liberal", { k: "u8", min: 0, max: 1 }, 0],
  ["net.netfilter.nf_conntrack_tcp_ignore_invalid_rst", { k: "u8", min: 0, max: 1 }, 0],
  ["net.netfilter.nf_conntrack_tcp_loose", { k: "u8", min: 0, max: 1 }, 1],
  ["net.netfilter.nf_conntrack_tcp_max_retrans", { k: "u8", min: 0, max: 255 }, 3],
  ["net.netfilter.nf_conntrack_tcp_timeout_close", { k: "jiffies" }, 10],
  ["net.netfilter.nf_conntrack_tcp_timeout_close_wait", { k: "jiffies" }, 60],
  ["net.netfilter.nf_conntrack_tcp_timeout_established", { k: "jiffies" }, 432000],
  ["net.netfilter.nf_conntrack_tcp_timeout_fin_wait", { k: "jiffies" }, 120],
  ["net.netfilter.nf_conntrack_tcp_timeout_last_ack", { k: "jiffies" }, 30],
  ["net.netfilter.nf_conntrack_tcp_timeout_max_retrans", { k: "jiffies" }, 300],
  ["net.netfilter.nf_conntrack_tcp_timeout_syn_recv", { k: "jiffies" }, 60],
  ["net.netfilter.nf_conntrack_tcp_timeout_syn_sent", { k: "jiffies" }, 120],
  ["net.netfilter.nf_conntrack_tcp_timeout_time_wait", { k: "jiffies" }, 120],
  ["net.netfilter.nf_conntrack_tcp_timeout_unacknowledged", { k: "jiffies" }, 300],
  ["net.netfilter.nf_conntrack_timestamp", { k: "u8", min: 0, max: 1 }, 0],
  ["net.netfilter.nf_conntrack_udp_timeout", { k: "jiffies" }, 30],
  ["net.netfilter.nf_conntrack_udp_timeout_stream", { k: "jiffies" }, 120],
];

export const GLOBAL_KIND: ReadonlyMap<string, ConfKind> = new Map(GLOBAL_SYSCTLS.map(([n, k]) => [n, k]));

/**
 * proc_get_long() over the text sysctl(8) writes (value + "\n"): optional
 * '-', then a C integer in base 0 (0x.. hex, 0.. octal), which must end at
 * whitespace or the end. Only the first number counts (later ones are
 * ignored, as for a one-int table). Returns undefined for EINVAL.
 */
export function procGetLong(text: string): { neg: boolean; val: bigint } | undefined {
  const buf = `${text}\n`;
  let p = 0;
  while (p < buf.length && /[ \t\n\v\f\r]/.test(buf[p]!)) p++;
  if (p >= buf.length) return undefined;
  // TMPBUFLEN (22) bytes at most are looked at.
  const size = buf.length - p;
  const tmp = buf.slice(p, p + Math.min(size, 21));
  let i = 0;
  let neg = false;
  if (tmp[0] === "-" && size > 1) {
    neg = true;
    i = 1;
  }
  if (!/[0-9]/.test(tmp[i] ?? "")) return undefined;
  let base = 10;
  if (tmp[i] === "0") {
    if ((tmp[i + 1] === "x" || tmp[i + 1] === "X") && /[0-9a-fA-F]/.test(tmp[i + 2] ?? "")) {
      base = 16;
      i += 2;
    } else base = 8;
  }
  let val = 0n;
  const start = i;
  for (; i < tmp.length; i++) {
    const d = Number.parseInt(tmp[i]!, 16);
    if (Number.isNaN(d) || d >= base) break;
    val = val * BigInt(base) + BigInt(d);
    if (val > 0xffffffffffffffffn) return undefined;
  }
  if (i === start && base !== 8) return undefined;
  if (i === 21) return undefined;
  if (i < size && !" \t\n".includes(tmp[i] ?? "")) return undefined;
  return { neg, val };
}

/**
 * What the kernel stores for a write of `text` to an entry of `kind`,
 * or undefined for EINVAL.
 */
export function parseConfWrite(kind: ConfKind, text: string, other?: (name: string) => number): number | undefined {
  if (kind.k === "ro") return undefined;
  const r = procGetLong(text);
  if (!r) return undefined;
  const { neg, val } = r;
  switch (kind.k) {
    case "int":
    case "minmax": {
      if (neg ? val > BigInt(INT_MAX) + 1n : val > BigInt(INT_MAX)) return undefined;
      const v = neg ? -Number(val) : Number(val);
      if (kind.k === "minmax" && (v < kind.min || v > kind.max)) return undefined;
      return v;
    }
    case "u8": {
      if (neg || val > 0xffffffffn) return undefined;
      const v = Number(val);
      if (v < kind.min || v > kind.max) return undefined;
      return v;
    }
    case "ulong": {
      if (neg) return undefined;
      const v = Number(val);
      if (kind.minOf && other && v < other(kind.minOf)) return undefined;
      if (kind.maxOf && other && v > other(kind.maxOf)) return undefined;
      return v;
    }
    case "jiffies": {
      if (val > BigInt(Math.floor(INT_MAX / HZ))) return undefined;
      return neg ? -Number(val) : Number(val);
    }
    case "msjiffies": {
      // msecs_to_jiffies() takes an unsigned int: the value is truncated, and a negative int is "infinite".
      const m = Number(BigInt.asUintN(32, neg ? -val : val));
      if (m > INT_MAX) return undefined;
      return Math.ceil(m / (1000 / HZ));
    }
  }
}

/** How the kernel prints a stored value. */
export function formatConf(kind: ConfKind, v: number): string {
  if (kind.k === "msjiffies") return String(v * (1000 / HZ));
  return String(v);
}
