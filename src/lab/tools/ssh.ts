/**
 * ssh (OpenSSH 9.2p1 Debian-2+deb12u6) from a lab host, as far as the TCP connect:
 * the tutorials use it to show a firewall's answer to port 22, and ssh words
 * connect() failures as `ssh: connect to host H port P: Connection refused`
 * (also timed out, No route to host, …) with exit status 255. The twin
 * speaks no SSH protocol: when the connection is accepted, ssh says so and
 * closes (exit 255), it never pretends to log in.
 */
import { STRERROR } from "../../engine/net.js";
import type { LabHost } from "../lab.js";
import { ephemeralPort, SOCK_STRERROR, TcpClient } from "../sockets.js";
import { getopt, lookupHost, type ToolResult } from "./common.js";

export const SSH_USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface]
           [-b bind_address] [-c cipher_spec] [-D [bind_address:]port]
           [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11]
           [-i identity_file] [-J [user@]host[:port]] [-L address]
           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]
           [-Q query_option] [-R address] [-S ctl_path] [-W host:port]
           [-w local_tun[:remote_tun]] destination [command [argument ...]]
`;

const OPTSTRING = "1246ab:c:e:fgi:kl:m:no:p:qstvxAB:CD:E:F:GI:J:KL:MNO:P:Q:R:S:TVw:W:XYy";
/** Options that change nothing before the connect (identity, login name, tty, verbosity we do not print). */
const HARMLESS = "46ikl:nqtTxXyYCAaNfgGKvbo:p:".replace(/:/g, "");

/** OpenSSH stops reading options at the destination (the rest is the remote command): where that ends. */
function destinationEnd(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") return Math.min(argv.length, i + 2);
    if (a.length < 2 || a[0] !== "-") return i + 1;
    for (let k = 1; k < a.length; k++) {
      const at = OPTSTRING.indexOf(a[k]!);
      if (at >= 0 && OPTSTRING[at + 1] === ":") {
        if (k === a.length - 1) i++;
        break;
      }
    }
  }
  return argv.length;
}

export function runSsh(lh: LabHost, argv: readonly string[]): ToolResult {
  const g = getopt(argv.slice(0, destinationEnd(argv)), OPTSTRING);
  if (!g.ok) {
    const msg =
      g.kind === "invalid" ? `unknown option -- ${g.letter}\n` : `option requires an argument -- ${g.letter}\n`;
    return { stdout: "", stderr: msg + SSH_USAGE, status: 255 };
  }
  let port = 22;
  let user: string | undefined;
  let connectTimeout: number | undefined;
  let bind: string | undefined;
  for (const [c, v] of g.opts) {
    if (c === "V")
      return { stdout: "", stderr: "OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.19 27 Jan 2026\n", status: 0 };
    if (!HARMLESS.includes(c))
      return { stdout: "", stderr: `iptwin: ssh: option -${c} is not supported by the twin\n`, status: 255 };
    if (c === "p") {
      if (!/^\d+$/.test(v!) || Number(v) < 1 || Number(v) > 65535)
        return { stdout: "", stderr: `Bad port '${v}'\n`, status: 255 };
      port = Number(v);
    } else if (c === "l") user = v;
    else if (c === "b") bind = v;
    else if (c === "o") {
      const m = /^\s*(\w+)\s*[=\s]\s*(.*)$/.exec(v!);
      if (!m) return { stdout: "", stderr: `no argument after keyword "${v}"\n`, status: 255 };
      const key = m[1]!.toLowerCase();
      if (key === "connecttimeout") {
        if (!/^\d+$/.test(m[2]!))
          return { stdout: "", stderr: `command-line line 0: invalid time value.\n`, status: 255 };
        connectTimeout = Number(m[2]);
      } else if (key === "port") port = Number(m[2]);
      else if (key === "user") user = m[2];
    }
  }
  if (g.operands.length === 0) return { stdout: "", stderr: SSH_USAGE, status: 255 };
  let dest = g.operands[0]!;
  const at = dest.lastIndexOf("@");
  if (at >= 0) {
    user = dest.slice(0, at);
    dest = dest.slice(at + 1);
  }
  void user;
  const lk = lookupHost(lh, dest);
  if ("error" in lk)
    return { stdout: "", stderr: `ssh: Could not resolve hostname ${dest}: ${lk.error}\n`, status: 255 };
  const net = lh.host.net;
  const lab = lh.lab;
  const fail = (why: string): ToolResult => ({
    stdout: "",
    stderr: `ssh: connect to host ${dest} port ${port}: ${why}\n`,
    status: 255,
  });
  const route = net.routeOutput({ dst: lk.addr });
  if ("errno" in route) return fail(STRERROR[route.errno]);
  let src = route.src >>> 0;
  if (bind !== undefined) {
    const b = lookupHost(lh, bind);
    if ("error" in b || !net.isLocal(b.addr))
      return { stdout: "", stderr: `bind ${bind}: Cannot assign requested address\n`, status: 255 };
    src = b.addr;
  }
  const c = new TcpClient(lh, lk.addr, port, src, ephemeralPort(lh, new Set()));
  const start = lab.nowNs;
  c.connect();
  const limit = connectTimeout !== undefined ? start + connectTimeout * 1e9 : Number.POSITIVE_INFINITY;
  lab.run(limit, () => c.state !== "SYN-SENT");
  if (c.state === "SYN-SENT") {
    c.release();
    lab.drain();
    return fail("Connection timed out");
  }
  if (c.error) {
    lab.drain();
    return fail(SOCK_STRERROR[c.error]);
  }
  if (c.state === "ESTAB" || c.state === "CLOSE-WAIT") c.close();
  lab.run(lab.nowNs + 1_000_000);
  c.release();
  lab.drain();
  return {
    stdout: "",
    stderr: `iptwin: ssh: connected to ${dest} port ${port}; the twin speaks no SSH, so it closes here (no login)\n`,
    status: 255,
  };
}
