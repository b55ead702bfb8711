/**
 * `ip neigh`: the twin keeps no neighbour (ARP) cache, so listings and
 * flushes find nothing; the arguments are still checked as ip/ipneigh.c does.
 */
import type { IpCtx } from "./link.js";
import { type Args, duparg, fail, getPrefix, IpExit, invarg, matches, protoA2n, unsupported } from "./util.js";

export const IPNEIGH_USAGE =
  "Usage: ip neigh { add | del | change | replace }\n" +
  "                { ADDR [ lladdr LLADDR ] [ nud STATE ] proxy ADDR }\n" +
  "                [ dev DEV ] [ router ] [ use ] [ managed ] [ extern_learn ]\n" +
  "                [ protocol PROTO ]\n" +
  "\n" +
  "\tip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]\n" +
  "\t\t\t\t  [ vrf NAME ] [ nomaster ]\n" +
  "\tip neigh get { ADDR | proxy ADDR } dev DEV\n" +
  "\n" +
  "STATE := { delay | failed | incomplete | noarp | none |\n" +
  "           permanent | probe | reachable | stale }\n";

const NUD = ["incomplete", "reachable", "stale", "delay", "probe", "failed", "noarp", "permanent", "none"];

function showOrFlush(ctx: IpCtx, a: Args, flush: boolean): number {
  const { net, out } = ctx;
  let family = ctx.family;
  let dev: string | undefined;
  if (flush && !a.more) {
    out.stderr += "Flush requires arguments.\n";
    return 1;
  }
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "dev") {
      const v = a.next();
      if (dev !== undefined) duparg(out, "dev", v);
      dev = v;
    } else if (w === "master") {
      const v = a.next();
      if (!net.iface(v)) invarg(out, "Device does not exist\n", v);
    } else if (w === "vrf") {
      const v = a.next();
      invarg(out, "Not a valid VRF name\n", v);
    } else if (w === "nomaster" || w === "unused" || w === "proxy") {
      // filters over an empty cache
    } else if (w === "nud") {
      const v = a.next();
      if (!NUD.includes(v) && v !== "all" && !/^(0[xX])?[0-9a-fA-F]+$/.test(v)) invarg(out, "nud state is bad", v);
    } else if (matches(w, "protocol")) {
      const v = a.next();
      if (protoA2n(v) === undefined && v !== "all") invarg(out, 'invalid "protocol"\n', v);
    } else {
      let v = w;
      if (v === "to") v = a.next();
      if (matches(v, "help")) {
        out.stderr += IPNEIGH_USAGE;
        throw new IpExit(255);
      }
      const p = getPrefix(out, v, family);
      if (family === 0) family = p.family;
    }
  }
  if (dev !== undefined && !net.iface(dev)) {
    out.stderr += `Cannot find device "${dev}"\n`;
    return 1;
  }
  return 0;
}

/** do_ipneigh(). */
export function doIpneigh(ctx: IpCtx, a: Args): number {
  const { out } = ctx;
  if (!a.more) return showOrFlush(ctx, a, false);
  const w = a.cur;
  a.advance();
  if (
    matches(w, "add") ||
    matches(w, "change") ||
    w === "chg" ||
    matches(w, "replace") ||
    matches(w, "delete") ||
    matches(w, "get")
  ) {
    unsupported(out, "the neighbour cache (ip neigh add/change/replace/delete/get)");
  }
  if (matches(w, "show") || matches(w, "lst") || matches(w, "list")) return showOrFlush(ctx, a, false);
  if (matches(w, "flush")) return showOrFlush(ctx, a, true);
  if (matches(w, "help")) {
    out.stderr += IPNEIGH_USAGE;
    throw new IpExit(255);
  }
  fail(out, `Command "${w}" is unknown, try "ip neigh help".\n`, 255);
}
