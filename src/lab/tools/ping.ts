/**
 * ping (iputils 20221126) from a lab host: ICMP echo requests through the
 * host's OUTPUT path and the lab, replies and ICMP errors back through its
 * INPUT path, and ping's own output: the header, one line per reply
 * (icmp_seq, ttl, time), "From … Destination Host Unreachable" for errors, the
 * statistics and the rtt line, with ping's timing rules (one probe a second,
 * -W linger after the last probe, -w deadline) on the lab's virtual clock.
 * Times are the virtual round trip (20 µs per link traversal).
 */
import { formatIPv4, inetAton } from "../../core/ipv4.js";
import { IP_DF, IPPROTO_ICMP, Packet } from "../../core/packet.js";
import { STRERROR } from "../../engine/net.js";
import type { Endpoint, LabHost } from "../lab.js";
import { getopt, lookupHost, reverseName, type ToolResult } from "./common.js";
import { PING_USAGE } from "./ping-usage.js";

/** Probes sent by a ping without -c or -w before the twin stops it (there is no Ctrl-C). */
export const PING_DEFAULT_COUNT = 4;

const UNSUPPORTED = "aAbBCdDfFlLmMOpQrRSTUve36";

/** pr_icmph(): what ping says about an ICMP error. */
function icmpText(type: number, code: number, info: number): string {
  if (type === 3) {
    const t = [
      "Destination Net Unreachable",
      "Destination Host Unreachable",
      "Destination Protocol Unreachable",
      "Destination Port Unreachable",
      `Frag needed and DF set (mtu = ${info})`,
      "Source Route Failed",
      "Destination Net Unknown",
      "Destination Host Unknown",
      "Source Host Isolated",
      "Destination Net Prohibited",
      "Destination Host Prohibited",
      "Destination Net Unreachable for Type of Service",
      "Destination Host Unreachable for Type of Service",
      "Packet filtered",
      "Precedence Violation",
      "Precedence Cutoff",
    ][code];
    return t ?? `Dest Unreachable, Bad Code: ${code}`;
  }
  if (type === 4) return "Source Quench";
  if (type === 11) {
    if (code === 0) return "Time to live exceeded";
    if (code === 1) return "Frag reassembly time exceeded";
    return `Time exceeded, Bad Code: ${code}`;
  }
  if (type === 12) return `Parameter problem: pointer = ${(info >>> 24) & 255}`;
  return `Bad ICMP type: ${type}`;
}

/** printf("%g") for the packet loss percentage. */
function fmtG(x: number): string {
  if (Number.isInteger(x)) return String(x);
  let s = x.toPrecision(6);
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s;
}

/** " time=%…" as gather_statistics() prints a round trip in µs. */
function fmtTrip(us: number): string {
  if (us >= 100000 - 50) return `${Math.floor((us + 500) / 1000)}`;
  if (us >= 10000 - 5) return `${Math.floor((us + 50) / 1000)}.${Math.floor(((us + 50) % 1000) / 100)}`;
  if (us >= 1000)
    return `${Math.floor((us + 5) / 1000)}.${String(Math.floor(((us + 5) % 1000) / 10)).padStart(2, "0")}`;
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, "0")}`;
}

function ms3(us: number): string {
  return `${Math.trunc(us / 1000)}.${String(Math.trunc(us % 1000)).padStart(3, "0")}`;
}

function isqrt(a: number): number {
  if (a <= 0) return 0;
  let prev = Number.MAX_SAFE_INTEGER;
  let x = a;
  while (x < prev) {
    prev = x;
    x = Math.floor((x + Math.floor(a / x)) / 2);
  }
  return x;
}

/** Reads a number the way ping's strtod-based options do (leading number; garbage warns). */
function seconds(v: string, err: string[]): number | undefined {
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(v);
  if (!m) return undefined;
  if (m[0].length !== v.length) {
    err.push(`ping: option argument contains garbage: ${v.slice(m[0].length)}\n`);
    err.push("ping: this will become fatal error in the future\n");
  }
  return Number(m[0]);
}

export function runPing(lh: LabHost, argv: readonly string[]): ToolResult {
  const g = getopt(argv, "4?aAbBc:C:dDfF:hi:I:l:Lm:M:nOp:qQ:rRs:S:t:T:UvVw:W:e:36N:");
  if (!g.ok) {
    const head =
      g.kind === "invalid"
        ? `ping: invalid option -- '${g.letter}'\n`
        : `ping: option requires an argument -- '${g.letter}'\n`;
    return { stdout: "", stderr: head + PING_USAGE, status: 2 };
  }
  let count = 0;
  let intervalMs = 1000;
  let lingerMs = 10_000;
  let deadline = 0;
  let numeric = false;
  let quiet = false;
  let datalen = 56;
  let ttl: number | undefined;
  let bind: string | undefined;
  const warn: string[] = [];
  const bad = (v: string): ToolResult => ({ stdout: "", stderr: `ping: invalid argument: '${v}'\n`, status: 1 });
  for (const [c, v] of g.opts) {
    switch (c) {
      case "h":
        return { stdout: "", stderr: PING_USAGE, status: 2 };
      case "V":
        return { stdout: "ping from iputils 20221126\n", stderr: "", status: 0 };
      case "4":
        break;
      case "c": {
        if (!/^\d+$/.test(v!)) return bad(v!);
        count = Number(v);
        break;
      }
      case "i": {
        const s = seconds(v!, warn);
        if (s === undefined || s < 0) return { stdout: "", stderr: `ping: bad timing interval: ${v}\n`, status: 1 };
        intervalMs = Math.round(s * 1000);
        break;
      }
      case "W": {
        const s = seconds(v!, warn);
        if (s === undefined || s < 0) return { stdout: "", stderr: `ping: bad linger time: ${v}\n`, status: 1 };
        lingerMs = Math.round(s * 1000);
        break;
      }
      case "w": {
        if (!/^\d+$/.test(v!)) return bad(v!);
        deadline = Number(v);
        break;
      }
      case "n":
        numeric = true;
        break;
      case "q":
        quiet = true;
        break;
      case "s": {
        if (!/^\d+$/.test(v!) || Number(v) > 65507) return bad(v!);
        datalen = Number(v);
        break;
      }
      case "t": {
        if (!/^\d+$/.test(v!) || Number(v) > 255) return bad(v!);
        ttl = Number(v);
        break;
      }
      case "I":
        bind = v;
        break;
      default:
        if (UNSUPPORTED.includes(c) || c === "C" || c === "N")
          return { stdout: "", stderr: `iptwin: ping: option -${c} is not supported by the twin\n`, status: 2 };
        return { stdout: "", stderr: `ping: invalid option -- '${c}'\n${PING_USAGE}`, status: 2 };
    }
  }
  if (g.operands.length === 0)
    return { stdout: "", stderr: "ping: usage error: Destination address required\n", status: 1 };
  if (g.operands.length > 1)
    return {
      stdout: "",
      stderr: "iptwin: ping: source routes (several destinations) are not supported by the twin\n",
      status: 2,
    };
  const target = g.operands[0]!;
  const lk = lookupHost(lh, target);
  if ("error" in lk) return { stdout: "", stderr: `${warn.join("")}ping: ${target}: ${lk.error}\n`, status: 2 };
  if (lk.numeric) numeric = true;
  const dst = lk.addr;
  const net = lh.host.net;
  let src = 0;
  let dev: string | undefined;
  if (bind !== undefined) {
    const a = inetAton(bind);
    if (a !== undefined) {
      if (!net.isLocal(a >>> 0))
        return { stdout: "", stderr: "ping: bind: Cannot assign requested address\n", status: 2 };
      src = a >>> 0;
    } else {
      if (!net.iface(bind)) return { stdout: "", stderr: `ping: SO_BINDTODEVICE ${bind}: No such device\n`, status: 2 };
      dev = bind;
    }
  }
  const oif = dev ? net.iface(dev)!.index : undefined;
  const route = net.routeOutput({ dst, oif, src: src || undefined });
  if ("errno" in route) return { stdout: "", stderr: `ping: connect: ${STRERROR[route.errno]}\n`, status: 2 };
  if (!src) src = route.src >>> 0;
  const lab = lh.lab;
  const rng = lh.host.rng;
  const ident = rng.next32() & 0xffff;
  let ipId = rng.next32() & 0xffff;
  const hopTtl = ttl ?? (Number(net.sysctlRead(["net", "ipv4", "ip_default_ttl"])) || 64);
  // __ip_make_skb() with IP_PMTUDISC_WANT (ping's default): DF only on what fits the route's MTU;
  // a longer echo request leaves in fragments (ip_finish_output() cuts it)
  const routeMtu = net.ifaceByIndex(route.oif)?.mtu ?? 1500;
  const prAddr = (a: number): string => {
    const text = formatIPv4(a);
    if (numeric) return text;
    const name = reverseName(lh, a);
    return name ? `${name} (${text})` : text;
  };

  let out = "PING ";
  out += `${target} (${formatIPv4(dst)}) `;
  if (bind !== undefined) out += `from ${formatIPv4(src)} ${dev ?? ""}: `;
  out += `${datalen}(${datalen + 28}) bytes of data.\n`;

  const start = lab.nowNs;
  let ntransmitted = 0;
  let nreceived = 0;
  let nrepeats = 0;
  let nerrors = 0;
  let tmin = Number.MAX_SAFE_INTEGER;
  let tmax = 0;
  let tsum = 0;
  let tsum2 = 0;
  let lastSend = start;
  let exiting = false;
  let waitArmed = false;
  let pipesize = 0;
  let interrupted = false;
  const sentAt = new Map<number, number>();
  const acked = new Set<number>();
  const npackets = count;
  /** acknowledge(): the pipe is how many probes were out when this one was answered. */
  const acknowledge = (seq: number) => {
    const diff = (ntransmitted - seq) & 0xffff;
    if (diff <= 0x7fff && diff + 1 > pipesize) pipesize = diff + 1;
  };

  const ep: Endpoint = {
    take(p: Packet): boolean {
      if (p.proto !== IPPROTO_ICMP || exiting) return false;
      if (p.icmpType === 0) {
        if (p.icmpId !== ident) return false;
        const seq = p.icmpSeq;
        const t = sentAt.get(seq);
        if (t === undefined) return false;
        const trip = Math.floor((lab.nowNs - t) / 1000);
        const cc = p.len - p.ihl;
        const dup = acked.has(seq);
        acknowledge(seq);
        nreceived++;
        tsum += trip;
        tsum2 += trip * trip;
        if (trip < tmin) tmin = trip;
        if (trip > tmax) tmax = trip;
        if (dup) {
          nrepeats++;
          nreceived--;
        } else acked.add(seq);
        if (!quiet) {
          let line = `${cc} bytes from ${prAddr(p.src >>> 0)}: icmp_seq=${seq} ttl=${p.ttl}`;
          if (cc < datalen + 8) line += " (truncated)";
          else {
            if (datalen >= 16) line += ` time=${fmtTrip(trip)} ms`;
            if (dup) line += " (DUP!)";
            if (p.src >>> 0 !== dst) line += " (DIFFERENT ADDRESS!)";
          }
          out += `${line}\n`;
        }
        return true;
      }
      const q = p.inner;
      if (!q || q.proto !== IPPROTO_ICMP || q.icmpType !== 8 || q.icmpId !== ident || q.dst >>> 0 !== dst) return false;
      if (p.icmpType !== 3 && p.icmpType !== 11 && p.icmpType !== 12 && p.icmpType !== 4) return false;
      acknowledge(q.icmpSeq);
      acked.add(q.icmpSeq);
      nerrors++;
      if (!quiet)
        out += `From ${prAddr(p.src >>> 0)} icmp_seq=${q.icmpSeq} ${icmpText(p.icmpType, p.icmpCode, p.icmpRest)}\n`;
      return true;
    },
  };
  lh.endpoints.push(ep);

  const payload = (): Uint8Array => {
    const b = new Uint8Array(datalen);
    if (datalen >= 16) {
      const wall = lab.epoch * 1e6 + Math.floor(lab.nowNs / 1000);
      const sec = Math.floor(wall / 1e6);
      const usec = wall % 1e6;
      const dv = new DataView(b.buffer);
      dv.setUint32(0, sec >>> 0, true);
      dv.setUint32(8, usec >>> 0, true);
    }
    for (let i = 16; i < datalen; i++) b[i] = (i - 16 + 0x10) & 255;
    return b;
  };

  const scheduleExit = () => {
    if (waitArmed) return;
    waitArmed = true;
    const waitUs = nreceived ? Math.max(2 * tmax, intervalMs * 1000) : lingerMs * 1000;
    lab.at(lab.nowNs + waitUs * 1000, () => {
      exiting = true;
    });
  };
  const pinger = () => {
    if (exiting) return;
    const seq = (ntransmitted + 1) & 0xffff;
    const p = new Packet();
    p.ttl = hopTtl;
    p.proto = IPPROTO_ICMP;
    p.src = src;
    p.dst = dst;
    p.frag = 28 + datalen <= routeMtu ? IP_DF : 0;
    p.id = ipId;
    ipId = (ipId + 1) & 0xffff;
    p.icmpType = 8;
    p.icmpCode = 0;
    p.icmpId = ident;
    p.icmpSeq = seq;
    p.icmpRest = ((ident << 16) | seq) >>> 0;
    p.payload = payload();
    p.len = 28 + datalen;
    p.uid = 0;
    p.gid = 0;
    ntransmitted++;
    sentAt.set(seq, lab.nowNs);
    lastSend = lab.nowNs;
    lab.send(lh, p);
    if (npackets && ntransmitted >= npackets && !deadline) scheduleExit();
    else lab.at(lab.nowNs + intervalMs * 1e6, pinger);
  };
  // Timers armed before the first probe fire first at equal times (setitimer in setup()).
  if (deadline) lab.at(start + deadline * 1e9, () => (exiting = true));
  const stopByTwin = !npackets && !deadline;
  if (stopByTwin)
    lab.at(start + PING_DEFAULT_COUNT * intervalMs * 1e6, () => {
      exiting = true;
      interrupted = true;
    });
  pinger();
  lab.run(Number.POSITIVE_INFINITY, () => {
    if (exiting) return true;
    if (npackets && nreceived + nerrors >= npackets) return true;
    if (deadline && nerrors) return true;
    return false;
  });
  exiting = true;
  const i = lh.endpoints.indexOf(ep);
  if (i >= 0) lh.endpoints.splice(i, 1);
  lab.drain();

  // finish()
  const tvMs = Math.floor((lastSend - start + 500_000) / 1e6);
  out += `\n--- ${target} ping statistics ---\n`;
  out += `${ntransmitted} packets transmitted, ${nreceived} received`;
  if (nrepeats) out += `, +${nrepeats} duplicates`;
  if (nerrors) out += `, +${nerrors} errors`;
  if (ntransmitted) {
    out += `, ${fmtG(((ntransmitted - nreceived) * 100) / ntransmitted)}% packet loss`;
    out += `, time ${tvMs}ms`;
  }
  out += "\n";
  let comma = "";
  if (nreceived && datalen >= 16) {
    const total = nreceived + nrepeats;
    const tmavg = Math.trunc(tsum / total);
    const tmvar = Math.trunc((tsum2 - Math.trunc((tsum * tsum) / total)) / total);
    const tmdev = isqrt(tmvar);
    out += `rtt min/avg/max/mdev = ${ms3(tmin)}/${ms3(tmavg)}/${ms3(tmax)}/${ms3(tmdev)} ms`;
    comma = ", ";
  }
  if (pipesize > 1) {
    out += `${comma}pipe ${pipesize}`;
    comma = ", ";
  }
  out += "\n";
  const status = !nreceived || (deadline && nreceived < npackets) ? 1 : 0;
  let stderr = warn.join("");
  if (interrupted)
    stderr += `iptwin: ping: no -c or -w: stopped after ${ntransmitted} probes, as if interrupted (Ctrl-C)\n`;
  return { stdout: out, stderr, status };
}
