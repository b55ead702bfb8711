/**
 * owner match, revision 1 (libxt_owner / xt_owner): socket UID/GID ranges,
 * supplementary groups, socket existence. Only OUTPUT and POSTROUTING.
 *
 * The twin has no users database. User and group names resolve through a
 * built-in copy of a fresh Debian 12 system's /etc/passwd and /etc/group
 * (base-passwd 3.6.1: passwd.master and group.master, root … nobody/nogroup);
 * names outside it are refused like unknown names, and ids outside it print
 * as numbers.
 */
import { xtStrtoul } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { defineMatch, HOOK_OUT, HOOK_POST, XTOPT_INVERT, XtType } from "./api.js";
import { structKey } from "./misc2-util.js";

/** [name, uid] of /etc/passwd on a fresh Debian 12, in file order. */
export const DEBIAN12_PASSWD: ReadonlyArray<readonly [string, number]> = [
  ["root", 0],
  ["daemon", 1],
  ["bin", 2],
  ["sys", 3],
  ["sync", 4],
  ["games", 5],
  ["man", 6],
  ["lp", 7],
  ["mail", 8],
  ["news", 9],
  ["uucp", 10],
  ["proxy", 13],
  ["www-data", 33],
  ["backup", 34],
  ["list", 38],
  ["irc", 39],
  ["_apt", 42],
  ["nobody", 65534],
];

/** [name, gid] of /etc/group on a fresh Debian 12, in file order. */
export const DEBIAN12_GROUP: ReadonlyArray<readonly [string, number]> = [
  ["root", 0],
  ["daemon", 1],
  ["bin", 2],
  ["sys", 3],
  ["adm", 4],
  ["tty", 5],
  ["disk", 6],
  ["lp", 7],
  ["mail", 8],
  ["news", 9],
  ["uucp", 10],
  ["man", 12],
  ["proxy", 13],
  ["kmem", 15],
  ["dialout", 20],
  ["fax", 21],
  ["voice", 22],
  ["cdrom", 24],
  ["floppy", 25],
  ["tape", 26],
  ["sudo", 27],
  ["audio", 29],
  ["dip", 30],
  ["www-data", 33],
  ["backup", 34],
  ["operator", 37],
  ["list", 38],
  ["irc", 39],
  ["src", 40],
  ["shadow", 42],
  ["utmp", 43],
  ["video", 44],
  ["sasl", 45],
  ["plugdev", 46],
  ["staff", 50],
  ["games", 60],
  ["users", 100],
  ["nogroup", 65534],
];

function byName(db: ReadonlyArray<readonly [string, number]>, name: string): number | undefined {
  for (const [n, id] of db) if (n === name) return id;
  return undefined;
}

function byId(db: ReadonlyArray<readonly [string, number]>, id: number): string | undefined {
  for (const [n, i] of db) if (i === id) return n;
  return undefined;
}

const XT_OWNER_UID = 1 << 0;
const XT_OWNER_GID = 1 << 1;
const XT_OWNER_SOCKET = 1 << 2;
const XT_OWNER_SUPPL_GROUPS = 1 << 3;

const O_USER = 0;
const O_GROUP = 1;
const O_SOCK_EXISTS = 2;
const O_SUPPL_GROUPS = 6;

export interface OwnerData {
  uidMin: number;
  uidMax: number;
  gidMin: number;
  gidMax: number;
  match: number;
  invert: number;
}

/** owner_parse_range(): id, id-id or id:id, each at most UINT32_MAX - 1. */
function parseRange(s: string, opt: string): [number, number] {
  const bad = () => paramError(`owner: Bad value for "${opt}" option: "${s}"`);
  const max = 0xfffffffe;
  const a = xtStrtoul(s, 0, max);
  if (!a.ok) throw bad();
  let end = a.end;
  let to = a.value;
  if (s[end] === "-" || s[end] === ":") {
    const rest = s.slice(end + 1);
    const b = xtStrtoul(rest, 0, max);
    if (!b.ok) throw bad();
    to = b.value;
    end = end + 1 + b.end;
  }
  if (end !== s.length) throw bad();
  return [a.value, to];
}

/** owner_mt_print_item() */
function item(d: OwnerData, label: string, flag: number, numeric: boolean): string {
  if (!(d.match & flag)) return "";
  let out = `${d.invert & flag ? " !" : ""} ${label}`;
  const idText = (min: number, max: number, db: ReadonlyArray<readonly [string, number]>): string => {
    if (min !== max) return ` ${min}-${max}`;
    const name = numeric ? undefined : byId(db, min);
    return ` ${name ?? min}`;
  };
  if (flag === XT_OWNER_UID) out += idText(d.uidMin, d.uidMax, DEBIAN12_PASSWD);
  else if (flag === XT_OWNER_GID) out += idText(d.gidMin, d.gidMax, DEBIAN12_GROUP);
  return out;
}

export const ownerMatch = defineMatch<OwnerData>({
  name: "owner",
  revision: 1,
  options: [
    { name: "uid-owner", id: O_USER, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "gid-owner", id: O_GROUP, type: XtType.STRING, flags: XTOPT_INVERT },
    { name: "socket-exists", id: O_SOCK_EXISTS, type: XtType.NONE, flags: XTOPT_INVERT },
    { name: "suppl-groups", id: O_SUPPL_GROUPS, type: XtType.NONE },
  ],
  init: () => ({ uidMin: 0, uidMax: 0, gidMin: 0, gidMax: 0, match: 0, invert: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_USER: {
        const uid = byName(DEBIAN12_PASSWD, cb.arg);
        [d.uidMin, d.uidMax] = uid !== undefined ? [uid, uid] : parseRange(cb.arg, "--uid-owner");
        if (cb.invert) d.invert |= XT_OWNER_UID;
        d.match |= XT_OWNER_UID;
        break;
      }
      case O_GROUP: {
        const gid = byName(DEBIAN12_GROUP, cb.arg);
        [d.gidMin, d.gidMax] = gid !== undefined ? [gid, gid] : parseRange(cb.arg, "--gid-owner");
        if (cb.invert) d.invert |= XT_OWNER_GID;
        d.match |= XT_OWNER_GID;
        break;
      }
      case O_SOCK_EXISTS:
        if (cb.invert) d.invert |= XT_OWNER_SOCKET;
        d.match |= XT_OWNER_SOCKET;
        break;
      case O_SUPPL_GROUPS:
        if (!(d.match & XT_OWNER_GID))
          throw paramError('owner: Bad value for "--suppl-groups" option: "you need to use --gid-owner first"');
        d.match |= XT_OWNER_SUPPL_GROUPS;
        break;
    }
  },
  finalCheck(cb) {
    if (cb.xflags === 0)
      throw paramError("owner: At least one of --uid-owner, --gid-owner or --socket-exists is required");
  },
  print: (d, ctx) =>
    item(d, "owner socket exists", XT_OWNER_SOCKET, ctx.numeric) +
    item(d, "owner UID match", XT_OWNER_UID, ctx.numeric) +
    item(d, "owner GID match", XT_OWNER_GID, ctx.numeric) +
    item(d, "incl. suppl. groups", XT_OWNER_SUPPL_GROUPS, ctx.numeric),
  save: (d) =>
    item(d, "--socket-exists", XT_OWNER_SOCKET, true) +
    item(d, "--uid-owner", XT_OWNER_UID, true) +
    item(d, "--gid-owner", XT_OWNER_GID, true) +
    item(d, "--suppl-groups", XT_OWNER_SUPPL_GROUPS, true),
  compareKey: (d) => structKey("owner", d),
  compile(d) {
    // owner_mt(): the socket of a locally generated packet (uid < 0: none, as for kernel replies)
    const { match, invert } = d;
    const noSocket = (match ^ invert) === 0;
    const uid = (match & XT_OWNER_UID) !== 0;
    const gid = (match & XT_OWNER_GID) !== 0;
    const invUid = (invert & XT_OWNER_UID) !== 0;
    const invGid = (invert & XT_OWNER_GID) !== 0;
    const [uMin, uMax, gMin, gMax] = [d.uidMin >>> 0, d.uidMax >>> 0, d.gidMin >>> 0, d.gidMax >>> 0];
    const notExists = (match & invert & XT_OWNER_SOCKET) !== 0;
    return (p) => {
      if (p.sockKind === 1) {
        // a kernel socket (sk_socket without a file): only what does not need the file matches
        return !notExists && ((match ^ invert) & (XT_OWNER_UID | XT_OWNER_GID)) === 0;
      }
      if (p.uid < 0) return noSocket;
      if (notExists) return false;
      if (uid) {
        const u = p.uid >>> 0;
        if ((u >= uMin && u <= uMax) === invUid) return false;
      }
      if (gid) {
        // the twin's sockets carry no supplementary groups, so --suppl-groups adds nothing
        const g = p.gid >>> 0;
        if ((g >= gMin && g <= gMax) === invGid) return false;
      }
      return true;
    };
  },
  kernelCheck(d, ctx) {
    // xt_owner: .hooks = LOCAL_OUT | POST_ROUTING; owner_check() refuses reversed ranges
    if (ctx.hookMask & ~(HOOK_OUT | HOOK_POST)) return { errno: "EINVAL" };
    if (!ctx.checkentry) return undefined;
    if (d.match & XT_OWNER_UID && d.uidMax < d.uidMin) return { errno: "EINVAL" };
    if (d.match & XT_OWNER_GID && d.gidMax < d.gidMin) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "owner match options:\n" +
    "[!] --uid-owner userid[-userid]      Match local UID\n" +
    "[!] --gid-owner groupid[-groupid]    Match local GID\n" +
    "[!] --socket-exists                  Match if socket exists\n" +
    "    --suppl-groups                   Also match supplementary groups set with --gid-owner\n",
});
