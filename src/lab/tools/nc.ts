/**
 * nc (netcat-openbsd 1.219, Debian 12) from a lab host: TCP connects with
 * the kernel's SYN retransmissions on the virtual clock, -z port scans, -u
 * with its udptest, -w timeouts, and nc's messages (`Connection to H P port
 * [tcp/http] succeeded!`, `nc: connect to H port P (tcp) failed: Connection
 * refused`, `… timed out: Operation now in progress`); -l opens a listener
 * that stays (as `nc -l … &` would) and returns at once.
 */
import { getServByName, getServByPort } from "../../core/netdb.js";
import { STRERROR } from "../../engine/net.js";
import type { LabHost } from "../lab.js";
import { ephemeralPort, SOCK_STRERROR, TcpClient, UdpClient } from "../sockets.js";
import { concat, dec, enc, getopt, lookupHost, type ToolResult } from "./common.js";

export const NC_USAGE = `usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
\t  [destination] [port]
`;

const OPTSTRING = "46CDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz";
const SUPPORTED = "4hklNnpqsuvwz";
const UDP_SCAN_TIMEOUT = 3;

/** The ports of "80", "80-82" or a service name, in order. */
function portList(spec: string, udp: boolean): number[] | string {
  const one = (s: string): number | string => {
    if (/^\d+$/.test(s)) {
      const n = Number(s);
      if (n < 1) return `port number too small: ${s}`;
      if (n > 65535) return `port number too large: ${s}`;
      return n;
    }
    const n = getServByName(s, udp ? "udp" : "tcp");
    return n === undefined ? `port number invalid: ${s}` : n;
  };
  const dash = spec.indexOf("-");
  if (dash > 0) {
    const lo = one(spec.slice(0, dash));
    const hi = one(spec.slice(dash + 1));
    if (typeof lo === "string") return lo;
    if (typeof hi === "string") return hi;
    const out: number[] = [];
    for (let p = Math.min(lo, hi); p <= Math.max(lo, hi); p++) out.push(p);
    return out;
  }
  const p = one(spec);
  return typeof p === "string" ? p : [p];
}

export function runNc(lh: LabHost, argv: readonly string[], stdin: string): ToolResult {
  const g = getopt(argv, OPTSTRING);
  if (!g.ok) {
    const head =
      g.kind === "invalid"
        ? `nc: invalid option -- '${g.letter}'\n`
        : `nc: option requires an argument -- '${g.letter}'\n`;
    return { stdout: "", stderr: head + NC_USAGE, status: 1 };
  }
  let zflag = false;
  let uflag = false;
  let vflag = false;
  let lflag = false;
  let kflag = false;
  let nflag = false;
  let Nflag = false;
  let timeoutS = -1;
  let sflag: string | undefined;
  let pflag: string | undefined;
  for (const [c, v] of g.opts) {
    if (!SUPPORTED.includes(c))
      return { stdout: "", stderr: `iptwin: nc: option -${c} is not supported by the twin\n`, status: 1 };
    switch (c) {
      case "h":
        return { stdout: "", stderr: NC_USAGE, status: 0 };
      case "z":
        zflag = true;
        break;
      case "u":
        uflag = true;
        break;
      case "v":
        vflag = true;
        break;
      case "l":
        lflag = true;
        break;
      case "k":
        kflag = true;
        break;
      case "n":
        nflag = true;
        break;
      case "N":
      case "q":
        Nflag = true;
        break;
      case "w":
        if (!/^\d+$/.test(v!)) return { stdout: "", stderr: `nc: timeout invalid: ${v}\n`, status: 1 };
        timeoutS = Number(v);
        break;
      case "s":
        sflag = v;
        break;
      case "p":
        pflag = v;
        break;
    }
  }
  const ops = g.operands;
  if (lflag) return listen(lh, ops, uflag, vflag, kflag, sflag);
  if (ops.length === 0) return { stdout: "", stderr: NC_USAGE, status: 1 };
  if (ops.length === 1) return { stdout: "", stderr: "nc: missing port number\n", status: 1 };
  if (ops.length > 2) return { stdout: "", stderr: NC_USAGE, status: 1 };
  const host = ops[0]!;
  const ports = portList(ops[1]!, uflag);
  if (typeof ports === "string") return { stdout: "", stderr: `nc: ${ports}\n`, status: 1 };
  const lk = nflag && !/^[\d.]+$/.test(host) ? { error: "Name or service not known" } : lookupHost(lh, host);
  if ("error" in lk)
    return { stdout: "", stderr: `nc: getaddrinfo for host "${host}" port ${ports[0]}: ${lk.error}\n`, status: 1 };
  const dst = lk.addr;
  const net = lh.host.net;
  const lab = lh.lab;
  let stderr = "";
  let stdout = "";
  let ret = 1;
  const used = new Set<number>();
  for (const port of ports) {
    const proto = uflag ? "udp" : "tcp";
    const route = net.routeOutput({ dst });
    let src = route && !("errno" in route) ? route.src >>> 0 : 0;
    if (sflag !== undefined) {
      const a = lookupHost(lh, sflag);
      if ("error" in a || !net.isLocal(a.addr))
        return { stdout, stderr: `${stderr}nc: bind failed: Cannot assign requested address\n`, status: 1 };
      src = a.addr;
    }
    const lport = pflag !== undefined ? Number(pflag) : ephemeralPort(lh, used);
    used.add(lport);
    if ("errno" in route) {
      if (vflag) stderr += `nc: connect to ${host} port ${port} (${proto}) failed: ${STRERROR[route.errno]}\n`;
      continue;
    }
    if (uflag) {
      const s = new UdpClient(lh, dst, port, src, lport);
      let ok = true;
      if (vflag) {
        // udptest(): two writes, then one a second for UDP_SCAN_TIMEOUT (or -w) seconds.
        const settle = () => lab.run(lab.nowNs + 1_000_000);
        const x = enc.encode("X");
        if (s.send(x)) ok = false;
        settle();
        if (ok && s.send(x)) ok = false;
        const t = timeoutS === -1 ? UDP_SCAN_TIMEOUT : timeoutS;
        for (let i = 0; ok && i < t; i++) {
          lab.advance(1e9);
          if (s.send(x)) ok = false;
          settle();
        }
      }
      if (!ok) {
        s.close();
        lab.drain();
        continue;
      }
      ret = 0;
      if (vflag)
        stderr += `Connection to ${host} ${port} port [udp/${(!nflag && getServByPort(port, "udp")) || "*"}] succeeded!\n`;
      if (!zflag) {
        if (stdin) s.send(enc.encode(stdin));
        lab.run(timeoutS >= 0 ? lab.nowNs + timeoutS * 1e9 : Number.POSITIVE_INFINITY);
        stdout += dec.decode(concat(s.received));
      }
      s.close();
      lab.drain();
      continue;
    }
    const c = new TcpClient(lh, dst, port, src, lport);
    const start = lab.nowNs;
    c.connect();
    const limit = timeoutS >= 0 ? start + timeoutS * 1e9 : Number.POSITIVE_INFINITY;
    lab.run(limit, () => c.state !== "SYN-SENT");
    if (c.state === "SYN-SENT") {
      c.release();
      lab.drain();
      if (vflag) stderr += `nc: connect to ${host} port ${port} (tcp) timed out: Operation now in progress\n`;
      continue;
    }
    if (c.error) {
      lab.drain();
      if (vflag) stderr += `nc: connect to ${host} port ${port} (tcp) failed: ${SOCK_STRERROR[c.error]}\n`;
      continue;
    }
    ret = 0;
    if (vflag)
      stderr += `Connection to ${host} ${port} port [tcp/${(!nflag && getServByPort(port, "tcp")) || "*"}] succeeded!\n`;
    if (!zflag) {
      lab.run(lab.nowNs + 1_000_000);
      if (stdin) c.write(enc.encode(stdin));
      if (Nflag) c.close();
      // Until the peer closes, nothing else can happen, or -w passes.
      const idleLimit = timeoutS >= 0 ? lab.nowNs + timeoutS * 1e9 : Number.POSITIVE_INFINITY;
      lab.run(idleLimit, () => c.peerClosed || c.state === "CLOSED");
      stdout += dec.decode(concat(c.received));
    }
    if (c.state === "ESTAB" || c.state === "CLOSE-WAIT") c.close();
    lab.run(lab.nowNs + 1_000_000);
    c.release();
    lab.drain();
  }
  return { stdout, stderr, status: ret };
}

/** nc -l [-k] [-u] [addr] port: a listener that stays (the twin's nc -l does not block). */
function listen(
  lh: LabHost,
  ops: readonly string[],
  udp: boolean,
  verbose: boolean,
  keep: boolean,
  source: string | undefined,
): ToolResult {
  if (ops.length === 0 || ops.length > 2) return { stdout: "", stderr: NC_USAGE, status: 1 };
  const portText = ops[ops.length - 1]!;
  const ports = portList(portText, udp);
  if (typeof ports === "string") return { stdout: "", stderr: `nc: ${ports}\n`, status: 1 };
  if (ports.length > 1) return { stdout: "", stderr: "nc: Cannot use -l with multiple ports!\n", status: 1 };
  const addrText = ops.length === 2 ? ops[0]! : source;
  let addr = 0;
  if (addrText !== undefined) {
    const a = lookupHost(lh, addrText);
    if ("error" in a) return { stdout: "", stderr: `nc: getaddrinfo: ${a.error}\n`, status: 1 };
    addr = a.addr;
  }
  const port = ports[0]!;
  const proto = udp ? "udp" : "tcp";
  const sys = lh.sys;
  const sockets = lh.host.local.sockets;
  if (
    sockets.bound.some((s) => s.proto === proto && s.port === port && (s.addr === addr || s.addr === 0 || addr === 0))
  )
    return { stdout: "", stderr: "nc: Address already in use\n", status: 1 };
  sys.listeners.push({ proto, addr, port, app: keep ? "hold" : "close" });
  lh.server.open();
  const where = addr ? `${(addr >>> 24) & 255}.${(addr >>> 16) & 255}.${(addr >>> 8) & 255}.${addr & 255}` : "0.0.0.0";
  let stderr = verbose ? `${udp ? "Bound on" : "Listening on"} ${where} ${port}\n` : "";
  stderr += `iptwin: nc -l keeps listening on ${where} port ${port}/${proto} in the background (the twin's nc does not block)\n`;
  return { stdout: "", stderr, status: 0 };
}
