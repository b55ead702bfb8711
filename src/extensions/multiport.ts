/**
 * multiport match, revision 1 (libxt_multiport / xt_multiport): up to 15
 * ports or ranges (a range takes two slots), inversion.
 */
import { paramError } from "../core/errors.js";
import { defineMatch, IPT_INV_PROTO, type IpSpec, XTOPT_INVERT, XtType } from "./api.js";
import { parsePort, portName } from "./common.js";
import { fragOff, l4Avail, l4Port } from "./pkt-util.js";

const XT_MULTI_PORTS = 15;
const XT_MULTIPORT_SOURCE = 0;
const XT_MULTIPORT_DESTINATION = 1;
const XT_MULTIPORT_EITHER = 2;

export interface MultiportData {
  flags: number;
  count: number;
  ports: number[];
  /** 1 where ports[i]..ports[i+1] is a range. */
  pflags: number[];
  invert: number;
}

const O_SOURCE_PORTS = 0;
const O_DEST_PORTS = 1;
const O_SD_PORTS = 2;
const F_ANY = 0x7;

/** proto_to_name() of libxt_multiport. */
function protoName(proto: number): string | undefined {
  switch (proto) {
    case 6:
      return "tcp";
    case 17:
      return "udp";
    case 136:
      return "udplite";
    case 132:
      return "sctp";
    case 33:
      return "dccp";
    default:
      return undefined;
  }
}

/** check_proto() */
function checkProto(ip: IpSpec): string {
  const only = "multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP";
  if (ip.invflags & IPT_INV_PROTO) throw paramError(only);
  const name = protoName(ip.proto);
  if (name !== undefined) return name;
  if (!ip.proto) throw paramError("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
  throw paramError(only);
}

/** parse_multi_ports_v1(): comma list of ports and lo:hi ranges. */
function parsePorts(arg: string, d: MultiportData, proto: string): void {
  const ports: number[] = [];
  const pflags: number[] = [];
  let rest: string | null = arg;
  let i = 0;
  while (rest !== null && i < XT_MULTI_PORTS) {
    const comma: number = rest.indexOf(",");
    let cp = comma >= 0 ? rest.slice(0, comma) : rest;
    rest = comma >= 0 ? rest.slice(comma + 1) : null;
    const colon = cp.indexOf(":");
    let range: string | null = null;
    if (colon >= 0) {
      if (i === XT_MULTI_PORTS - 1) throw paramError("too many ports specified");
      range = cp.slice(colon + 1);
      cp = cp.slice(0, colon);
    }
    ports[i] = parsePort(cp, proto);
    pflags[i] = 0;
    if (range !== null) {
      pflags[i] = 1;
      i++;
      ports[i] = parsePort(range, proto);
      pflags[i] = 0;
      if (ports[i - 1]! >= ports[i]!) throw paramError("invalid portrange specified");
    }
    i++;
  }
  if (rest !== null) throw paramError("too many ports specified");
  d.count = i;
  d.ports = ports;
  d.pflags = pflags;
}

function portList(d: MultiportData, proto: number, numeric: boolean): string {
  const name = protoName(proto) ?? "";
  let out = "";
  for (let i = 0; i < d.count; i++) {
    out += `${i ? "," : ""}${portName(d.ports[i]!, name, numeric)}`;
    if (d.pflags[i]) out += `:${portName(d.ports[++i]!, name, numeric)}`;
  }
  return out;
}

export const multiportMatch = defineMatch<MultiportData>({
  name: "multiport",
  revision: 1,
  options: [
    { name: "source-ports", id: O_SOURCE_PORTS, type: XtType.STRING, excl: F_ANY, flags: XTOPT_INVERT },
    { name: "sports", id: O_SOURCE_PORTS, type: XtType.STRING, excl: F_ANY, flags: XTOPT_INVERT },
    { name: "destination-ports", id: O_DEST_PORTS, type: XtType.STRING, excl: F_ANY, flags: XTOPT_INVERT },
    { name: "dports", id: O_DEST_PORTS, type: XtType.STRING, excl: F_ANY, flags: XTOPT_INVERT },
    { name: "ports", id: O_SD_PORTS, type: XtType.STRING, excl: F_ANY, flags: XTOPT_INVERT },
  ],
  init: () => ({ flags: 0, count: 0, ports: [], pflags: [], invert: 0 }),
  parse(cb) {
    const proto = checkProto(cb.ip);
    parsePorts(cb.arg, cb.data, proto);
    cb.data.flags =
      cb.entry.id === O_SOURCE_PORTS
        ? XT_MULTIPORT_SOURCE
        : cb.entry.id === O_DEST_PORTS
          ? XT_MULTIPORT_DESTINATION
          : XT_MULTIPORT_EITHER;
    if (cb.invert) cb.data.invert = 1;
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("multiport expection an option");
  },
  kernelCheck(d, ctx) {
    const ok =
      protoName(ctx.ip.proto) !== undefined &&
      !(ctx.ip.invflags & IPT_INV_PROTO) &&
      d.flags <= XT_MULTIPORT_EITHER &&
      d.count <= XT_MULTI_PORTS;
    return ok ? undefined : { errno: "EINVAL" };
  },
  print(d, ctx) {
    let out = " multiport ";
    out += ["sports ", "dports ", "ports "][d.flags] ?? "ERROR ";
    if (d.invert) out += " !";
    return out + portList(d, ctx.ip.proto, ctx.numeric);
  },
  save(d, ctx) {
    let out = d.invert ? " !" : "";
    out += [" --sports ", " --dports ", " --ports "][d.flags] ?? "";
    return out + portList(d, ctx.ip.proto, true);
  },
  compile(d) {
    // multiport_mt() / ports_match_v1(): the first two words at the transport offset
    const n = Math.min(d.count, XT_MULTI_PORTS);
    const lo: number[] = [];
    const hi: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = d.ports[i]!;
      if (d.pflags[i]) {
        // a range flag on the last slot reads the slot after it (zero in the struct)
        lo.push(s);
        hi.push(d.ports[++i] ?? 0);
      } else {
        lo.push(s);
        hi.push(s);
      }
    }
    const flags = d.flags;
    const useSrc = flags === XT_MULTIPORT_SOURCE || flags === XT_MULTIPORT_EITHER;
    const useDst = flags === XT_MULTIPORT_DESTINATION || flags === XT_MULTIPORT_EITHER;
    const inv = d.invert !== 0;
    const count = lo.length;
    return (p, ctx) => {
      if (fragOff(p) !== 0) return false;
      if (l4Avail(p) < 4) {
        ctx.hotdrop = true;
        return false;
      }
      const src = l4Port(p, 0);
      const dst = l4Port(p, 1);
      for (let i = 0; i < count; i++) {
        const a = lo[i]!;
        const b = hi[i]!;
        if ((useSrc && src >= a && src <= b) || (useDst && dst >= a && dst <= b)) return !inv;
      }
      return inv;
    };
  },
  help: () =>
    "multiport match options:\n" +
    "[!] --source-ports port[,port:port,port...]\n" +
    " --sports ...\n" +
    "\t\t\t\tmatch source port(s)\n" +
    "[!] --destination-ports port[,port:port,port...]\n" +
    " --dports ...\n" +
    "\t\t\t\tmatch destination port(s)\n" +
    "[!] --ports port[,port:port,port]\n" +
    "\t\t\t\tmatch both source and destination port(s)\n",
});
