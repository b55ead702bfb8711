/**
 * The `ip` command of iproute2 6.1 (ip/ip.c): global options, object
 * dispatch with iproute2's abbreviations, exit statuses. The twin supports
 * link, address, route, rule and neigh; other objects, and options whose output
 * depends on things the twin does not keep (-s, -d, -j, -r, -N, colors),
 * are refused with an "iptwin: ip: … is not supported by the twin" message
 * (status 2), never answered approximately.
 *
 * The twin is IPv4-only: its host behaves like one where
 * net.ipv6.conf.{all,default,*}.disable_ipv6=1 (and reports those sysctls as 1):
 * no inet6 addresses or routes are listed, and IPv6 addresses and routes are
 * refused with the kernel's "IPv6 is disabled" errors. Writing 0 is stored
 * but brings no IPv6. Golden scenarios therefore start with
 * `sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1`
 * and `ip link set lo up` (a fresh namespace's lo is down; the twin starts
 * as a booted host whose lo is up with 127.0.0.1/8).
 */
import type { NetConfig } from "../../engine/net.js";
import { doIpaddr, ipaddrList } from "./addr.js";
import { doIplink, type IpCtx } from "./link.js";
import { doIpneigh } from "./neigh.js";
import { doIproute } from "./route.js";
import { doIprule } from "./rule.js";
import {
  AF_BRIDGE,
  AF_INET,
  AF_INET6,
  AF_MPLS,
  AF_PACKET,
  AF_UNSPEC,
  Args,
  IpExit,
  type IpOut,
  invarg,
  matches,
  readFamily,
  unsupported,
} from "./util.js";

export interface IpResult {
  stdout: string;
  stderr: string;
  status: number;
}

export const IP_USAGE =
  "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n" +
  "       ip [ -force ] -batch filename\n" +
  "where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |\n" +
  "                   link | macsec | maddress | monitor | mptcp | mroute | mrule |\n" +
  "                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n" +
  "                   ntbl | route | rule | sr | tap | tcpmetrics |\n" +
  "                   token | tunnel | tuntap | vrf | xfrm }\n" +
  "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n" +
  "                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n" +
  "                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n" +
  "                    -4 | -6 | -M | -B | -0 |\n" +
  "                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n" +
  "                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n" +
  "                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n" +
  "                    -c[olor]}\n";

export const IP_VERSION = "ip utility, iproute2-6.1.0, libbpf 1.1.2\n";

/** The objects of ip(8), in the order ip.c matches abbreviations against them. */
const OBJECTS = [
  "address",
  "addrlabel",
  "maddress",
  "route",
  "rule",
  "neighbor",
  "neighbour",
  "ntable",
  "ntbl",
  "link",
  "l2tp",
  "fou",
  "ila",
  "macsec",
  "tunnel",
  "tunl",
  "tuntap",
  "tap",
  "token",
  "tcpmetrics",
  "tcp_metrics",
  "monitor",
  "xfrm",
  "mroute",
  "mrule",
  "netns",
  "netconf",
  "vrf",
  "sr",
  "nexthop",
  "mptcp",
  "ioam",
  "help",
  "stats",
];

function usage(out: IpOut): never {
  out.stderr += IP_USAGE;
  throw new IpExit(255);
}

/** `ip ARGS…` against the twin's network configuration. */
export function runIp(net: NetConfig, args: readonly string[]): IpResult {
  const out: IpOut = { stdout: "", stderr: "" };
  let status = 0;
  try {
    status = ipMain(net, args, out);
  } catch (e) {
    if (e instanceof IpExit) status = e.status;
    else throw e;
  }
  return { stdout: out.stdout, stderr: out.stderr, status };
}

function ipMain(net: NetConfig, args: readonly string[], out: IpOut): number {
  const ctx: IpCtx = { net, out, family: AF_UNSPEC, oneline: false, brief: false };
  let i = 0;
  const need = (): string => {
    i++;
    if (i >= args.length) usage(out);
    return args[i]!;
  };
  for (; i < args.length; i++) {
    let opt = args[i]!;
    if (opt === "--") {
      i++;
      break;
    }
    if (opt[0] !== "-") break;
    if (opt[1] === "-") opt = opt.slice(1);
    if (matches(opt, "-loops")) need();
    else if (matches(opt, "-family")) {
      const v = need();
      if (v === "help") usage(out);
      ctx.family = readFamily(v);
      if (ctx.family === AF_UNSPEC) invarg(out, "invalid protocol family", v);
    } else if (opt === "-4") ctx.family = AF_INET;
    else if (opt === "-6") ctx.family = AF_INET6;
    else if (opt === "-0") ctx.family = AF_PACKET;
    else if (opt === "-M") ctx.family = AF_MPLS;
    else if (opt === "-B") ctx.family = AF_BRIDGE;
    else if (matches(opt, "-human") || matches(opt, "-human-readable") || matches(opt, "-iec")) {
      // only scales statistics, which the twin does not print
    } else if (matches(opt, "-stats") || matches(opt, "-statistics")) unsupported(out, "statistics (-s)");
    else if (matches(opt, "-details")) unsupported(out, "details (-d)");
    else if (matches(opt, "-resolve")) unsupported(out, "name resolution (-r)");
    else if (matches(opt, "-oneline")) ctx.oneline = true;
    else if (matches(opt, "-timestamp") || matches(opt, "-tshort")) {
      // only for ip monitor
    } else if (matches(opt, "-Version")) {
      out.stdout += IP_VERSION;
      return 0;
    } else if (matches(opt, "-force")) {
      // only for -batch
    } else if (matches(opt, "-batch")) {
      need();
      unsupported(out, "batch mode (-batch)");
    } else if (matches(opt, "-brief")) ctx.brief = true;
    else if (matches(opt, "-json") || matches(opt, "-pretty")) unsupported(out, "JSON output (-j, -p)");
    else if (matches(opt, "-rcvbuf")) {
      const v = need();
      if (!/^\d+$/.test(v)) {
        out.stderr += `Invalid rcvbuf size '${v}'\n`;
        throw new IpExit(255);
      }
    } else if (isColor(opt)) {
      if (!/=never$/.test(opt)) unsupported(out, "colored output (-c)");
    } else if (matches(opt, "-help")) usage(out);
    else if (matches(opt, "-netns")) {
      i++;
      if (i >= args.length) {
        out.stderr += 'Command line is not complete. Try option "help"\n';
        throw new IpExit(255);
      }
      out.stderr += `Cannot open network namespace "${args[i]}": No such file or directory\n`;
      throw new IpExit(255);
    } else if (matches(opt, "-Numeric")) unsupported(out, "numeric output (-N)");
    else if (matches(opt, "-all")) {
      // only for ip -all netns exec
    } else if (opt === "-echo") unsupported(out, "-echo");
    else {
      out.stderr += `Option "${opt}" is unknown, try "ip -help".\n`;
      throw new IpExit(255);
    }
  }
  if (i >= args.length) usage(out);
  const obj = args[i]!;
  const a = new Args(args, out);
  a.i = i + 1;
  const o = OBJECTS.find((x) => matches(obj, x));
  switch (o) {
    case "address":
      return doIpaddr(ctx, a);
    case "route":
      return doIproute(ctx, a);
    case "rule":
      return doIprule(ctx, a);
    case "link":
      return doIplink(ctx, a, (c, rest) => ipaddrList(c, rest, true));
    case "neighbor":
    case "neighbour":
      return doIpneigh(ctx, a);
    case "help":
      usage(out);
      break;
    case undefined:
      out.stderr += `Object "${obj}" is unknown, try "ip help".\n`;
      return 1;
    default:
      unsupported(out, `"ip ${o}"`);
  }
  return 0;
}

/** matches_color(). */
function isColor(opt: string): boolean {
  const eq = opt.indexOf("=");
  const name = eq >= 0 ? opt.slice(0, eq) : opt;
  if (!matches(name, "-color")) return false;
  const v = eq >= 0 ? opt.slice(eq + 1) : "";
  return v === "" || v === "always" || v === "auto" || v === "never";
}
