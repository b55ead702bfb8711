/**
 * socket match, revision 3 (libxt_socket / xt_socket): an existing local
 * socket for the packet. The kernel allows it from PREROUTING and INPUT.
 */
import { defineMatch, HOOK_IN, HOOK_PRE, XtType } from "./api.js";
import { structKey } from "./misc2-util.js";

const TRANSPARENT = 1 << 0;
const NOWILDCARD = 1 << 1;
const RESTORESKMARK = 1 << 2;

export interface SocketData {
  flags: number;
}

function flagsText(d: SocketData): string {
  let out = "";
  if (d.flags & TRANSPARENT) out += " --transparent";
  if (d.flags & NOWILDCARD) out += " --nowildcard";
  if (d.flags & RESTORESKMARK) out += " --restore-skmark";
  return out;
}

export const socketMatch = defineMatch<SocketData>({
  name: "socket",
  revision: 3,
  options: [
    { name: "transparent", id: 0, type: XtType.NONE },
    { name: "nowildcard", id: 1, type: XtType.NONE },
    { name: "restore-skmark", id: 2, type: XtType.NONE },
  ],
  init: () => ({ flags: 0 }),
  parse(cb) {
    cb.data.flags |= [TRANSPARENT, NOWILDCARD, RESTORESKMARK][cb.entry.id]!;
  },
  print: (d) => ` socket${flagsText(d)}`,
  save: (d) => flagsText(d),
  compareKey: (d) => structKey("socket", d),
  // socket_mt4_v3(): skb->sk or nf_sk_lookup_slow_v4(); the twin's host has no sockets to find
  compile: () => () => false,
  // xt_socket revision 3: .hooks = PRE_ROUTING | LOCAL_IN
  kernelCheck: (_d, ctx) => (ctx.hookMask & ~(HOOK_PRE | HOOK_IN) ? { errno: "EINVAL" } : undefined),
  help: () =>
    "socket match options:\n" +
    "  --nowildcard     Do not ignore LISTEN sockets bound on INADDR_ANY\n" +
    "  --transparent    Ignore non-transparent sockets\n" +
    "  --restore-skmark Set the packet mark to the socket mark if\n" +
    "                   the socket matches and transparent / \n" +
    "                   nowildcard conditions are satisfied\n\n",
});
