/**
 * `iptables -vv` of iptables-legacy: after the command, do_command4 calls
 * dump_entries(), which prints the table blob libiptc read from the kernel
 * (TC_DUMP_ENTRIES + dump_entry of libip4tc.c). Offsets follow the kernel
 * layout: struct ipt_entry, then each match and the target, 8-byte aligned.
 */
import { formatIPv4 } from "../../core/ipv4.js";
import { orderedChains, type Rule, type Table } from "../../engine/ruleset.js";

/** sizeof(struct ipt_entry) */
const ENTRY = 112;
/** sizeof(struct xt_entry_match) == sizeof(struct xt_entry_target) */
const HDR = 32;
/** XT_ALIGN(sizeof(struct xt_standard_target)) */
const STANDARD = 40;
/** XT_ALIGN(sizeof(struct xt_error_target)) */
const ERROR = 64;

/**
 * XT_ALIGN(sizeof(kernel struct)) on x86_64, by revision, from the .size of
 * each libxt_/libipt_ module (0 where a revision does not exist for IPv4).
 */
// biome-ignore format: a table
const MATCH_SIZES: Record<string, readonly number[]> = {
  addrtype: [16, 8], ah: [16], bpf: [528, 528], cgroup: [8, 4112, 528], cluster: [16], comment: [256],
  connbytes: [24], connlabel: [8], connlimit: [32, 32], connmark: [24, 16], conntrack: [0, 152, 160, 168], cpu: [8],
  dccp: [16], devgroup: [24], dscp: [8], ecn: [8], esp: [16], hashlimit: [64, 56, 304, 312], helper: [40], icmp: [8],
  ipcomp: [16], iprange: [0, 72], ipvs: [40], length: [8], limit: [40], mac: [16], mark: [24, 16],
  multiport: [32, 48], nfacct: [40, 40], osf: [48], owner: [40, 24], physdev: [72], pkttype: [8], policy: [312],
  quota: [24], rateest: [72], realm: [16], recent: [216, 232], rpfilter: [8], sctp: [296], set: [32, 8, 8, 48, 48],
  socket: [0, 8, 8, 8], state: [8, 152, 160, 168], statistic: [24], string: [160, 160], tcp: [16], tcpmss: [8],
  time: [24], tos: [8, 8], ttl: [8], u32: [1984], udp: [16],
};

// biome-ignore format: a table
const TARGET_SIZES: Record<string, readonly number[]> = {
  AUDIT: [8], CHECKSUM: [8], CLASSIFY: [8], CLUSTERIP: [64], CONNMARK: [24, 16, 16], CONNSECMARK: [8],
  CT: [40, 72, 72], DNAT: [24, 0, 48], DSCP: [8], ECN: [8], HMARK: [64], IDLETIMER: [40, 48], LED: [40], LOG: [32],
  MARK: [8, 16, 8], MASQUERADE: [24], NETMAP: [24], NFLOG: [80], NFQUEUE: [8, 8, 8, 8], NOTRACK: [40, 72, 72],
  RATEEST: [32], REDIRECT: [24], REJECT: [8], SECMARK: [264, 264], SET: [64, 8, 16, 24], SNAT: [24], SYNPROXY: [8],
  TCPMSS: [8], TCPOPTSTRIP: [32], TEE: [0, 40], TOS: [8, 8], TPROXY: [16, 32], TRACE: [0], TTL: [8], ULOG: [56],
};

/** XT_ALIGN(sizeof(kernel struct)) of an extension revision (0 or undefined: unknown). */
export function xtStructSize(kind: "match" | "target", name: string, revision: number): number | undefined {
  const table = kind === "match" ? MATCH_SIZES : TARGET_SIZES;
  return Object.hasOwn(table, name) ? table[name]![revision] : undefined;
}

function sizeOf(table: Record<string, readonly number[]>, name: string, revision: number): number {
  const s = Object.hasOwn(table, name) ? table[name]![revision] : undefined;
  if (s === undefined) throw new Error(`iptwin: no kernel struct size known for ${name} revision ${revision}`);
  return s;
}

const VERDICTS: Record<string, string> = {
  ACCEPT: "NF_ACCEPT",
  DROP: "NF_DROP",
  QUEUE: "NF_QUEUE",
  RETURN: "RETURN",
};

interface Entry {
  rule?: Rule;
  size: number;
  /** Standard target: verdict name or offset; module target: its name; error target: its text. */
  target:
    | { kind: "standard"; verdict: string | number }
    | { kind: "module"; name: string; size: number }
    | { kind: "error"; text: string };
  pcnt: number;
  bcnt: number;
}

function isModule(r: Rule): boolean {
  return r.target !== null && r.target.ext.name !== "standard";
}

function ruleSize(r: Rule): number {
  let n = ENTRY;
  for (const m of r.matches) n += HDR + sizeOf(MATCH_SIZES, m.ext.name, m.ext.revision);
  if (isModule(r)) n += HDR + sizeOf(TARGET_SIZES, r.target!.ext.name, r.target!.ext.revision);
  else n += STANDARD;
  return n;
}

/** xtables_parse_interface()'s mask: the name and its NUL, or up to a trailing `+`. */
function ifaceMask(name: string): string {
  let n = name.length + 1;
  if (name.endsWith("+")) n = name.length - 1;
  if (name === "") n = 0;
  n = Math.min(n, 16);
  return "X".repeat(n) + ".".repeat(16 - n);
}

const hex2 = (n: number) => n.toString(16).toUpperCase().padStart(2, "0");

/** TC_DUMP_ENTRIES() of a table as the kernel holds it. */
export function dumpEntries(t: Table): string {
  const entries: Entry[] = [];
  const chainStart = new Map<string, number>();
  const hookEntry = [-1, -1, -1, -1, -1];
  const underflow = [-1, -1, -1, -1, -1];
  // First pass: offsets of every entry and chain.
  let off = 0;
  const offsets: number[] = [];
  const push = (e: Entry) => {
    offsets.push(off);
    entries.push(e);
    off += e.size;
  };
  const chains = orderedChains(t);
  const pending: Array<{ index: number; rule: Rule }> = [];
  for (const c of chains) {
    if (c.hook < 0) {
      push({
        size: ENTRY + ERROR,
        target: { kind: "error", text: c.name },
        pcnt: 0,
        bcnt: 0,
      });
    }
    chainStart.set(c.name, off);
    if (c.hook >= 0) hookEntry[c.hook] = off;
    for (const r of c.rules) {
      pending.push({ index: entries.length, rule: r });
      const target: Entry["target"] = isModule(r)
        ? {
            kind: "module",
            name: r.target!.ext.realName ?? r.target!.ext.name,
            size: HDR + sizeOf(TARGET_SIZES, r.target!.ext.name, r.target!.ext.revision),
          }
        : { kind: "standard", verdict: 0 };
      push({ rule: r, size: ruleSize(r), target, pcnt: r.pcnt, bcnt: r.bcnt });
    }
    if (c.hook >= 0) {
      underflow[c.hook] = off;
      push({
        size: ENTRY + STANDARD,
        target: { kind: "standard", verdict: VERDICTS[c.policy ?? "ACCEPT"]! },
        pcnt: c.pcnt,
        bcnt: c.bcnt,
      });
    } else {
      push({
        size: ENTRY + STANDARD,
        target: { kind: "standard", verdict: "RETURN" },
        pcnt: 0,
        bcnt: 0,
      });
    }
  }
  push({
    size: ENTRY + ERROR,
    target: { kind: "error", text: "ERROR" },
    pcnt: 0,
    bcnt: 0,
  });
  // Second pass: verdicts of jumps (the chain's first rule) and fall-throughs (the next entry).
  for (const { index, rule } of pending) {
    const e = entries[index]!;
    if (e.target.kind !== "standard") continue;
    if (rule.target !== null) e.target.verdict = VERDICTS[rule.jumpto] ?? "UNKNOWN";
    else if (rule.jumpto === "") e.target.verdict = offsets[index]! + e.size;
    else e.target.verdict = chainStart.get(rule.jumpto) ?? 0;
  }
  const hx = (n: number) => (n < 0 ? "ffffffff" : n.toString(16));
  let out = `libiptc vlibxtables.so.12. ${off} bytes.\n`;
  out += `Table \`${t.name}'\n`;
  out += `Hooks: pre/in/fwd/out/post = ${hookEntry.map(hx).join("/")}\n`;
  out += `Underflows: pre/in/fwd/out/post = ${underflow.map(hx).join("/")}\n`;
  entries.forEach((e, i) => {
    const ip = e.rule?.ip;
    out += `Entry ${i} (${offsets[i]}):\n`;
    out += `SRC IP: ${formatIPv4(ip?.src ?? 0)}/${formatIPv4(ip?.smsk ?? 0)}\n`;
    out += `DST IP: ${formatIPv4(ip?.dst ?? 0)}/${formatIPv4(ip?.dmsk ?? 0)}\n`;
    const inI = ip?.iniface ?? "";
    const outI = ip?.outiface ?? "";
    out += `Interface: \`${inI}'/${ifaceMask(inI)}to \`${outI}'/${ifaceMask(outI)}\n`;
    out += `Protocol: ${ip?.proto ?? 0}\n`;
    out += `Flags: ${hex2(ip?.flags ?? 0)}\n`;
    out += `Invflags: ${hex2(ip?.invflags ?? 0)}\n`;
    out += `Counters: ${e.pcnt} packets, ${e.bcnt} bytes\n`;
    out += "Cache: 00000000\n";
    for (const m of e.rule?.matches ?? []) out += `Match name: \`${m.ext.realName ?? m.ext.name}'\n`;
    const tg = e.target;
    if (tg.kind === "standard") {
      out += `Target name: \`' [${STANDARD}]\n`;
      out += `verdict=${tg.verdict}\n`;
    } else if (tg.kind === "error") {
      out += `Target name: \`ERROR' [${ERROR}]\n`;
      out += `error=\`${tg.text}'\n`;
    } else {
      out += `Target name: \`${tg.name}' [${tg.size}]\n`;
    }
    out += "\n";
  });
  return out;
}
