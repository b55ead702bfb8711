/**
 * cgroup match, revision 2 (libxt_cgroup / xt_cgroup): net_cls classid or
 * a cgroup2 path. The kernel resolves the path at commit: the twin's
 * cgroup2 hierarchy holds only its root (as on the reference machine), so
 * only a path made of slashes (or empty) names an existing cgroup.
 */
import { defineMatch, HOOK_IN, HOOK_OUT, HOOK_POST, XTOPT_INVERT, XTOPT_PUT, XtType } from "./api.js";
import { saveString } from "./common.js";
import { structKey } from "./misc2-util.js";

/** XT_CGROUP_PATH_MAX of struct xt_cgroup_info_v2 */
const PATH_MAX_V2 = 512;

const O_CLASSID = 0;
const O_PATH = 1;

export interface CgroupData {
  hasPath: number;
  hasClassid: number;
  invertPath: number;
  invertClassid: number;
  path: string;
  classid: number;
}

/** cgroup_get_from_path() on a hierarchy that is only its root: empty components are skipped. */
function cgroupPathExists(path: string): boolean {
  return path.split("/").every((c) => c === "");
}

export const cgroupMatch = defineMatch<CgroupData>({
  name: "cgroup",
  revision: 2,
  options: [
    { name: "path", id: O_PATH, type: XtType.STRING, flags: XTOPT_INVERT | XTOPT_PUT, size: PATH_MAX_V2, put: "path" },
    { name: "cgroup", id: O_CLASSID, type: XtType.UINT32, flags: XTOPT_INVERT | XTOPT_PUT, put: "classid" },
  ],
  init: () => ({ hasPath: 0, hasClassid: 0, invertPath: 0, invertClassid: 0, path: "", classid: 0 }),
  parse(cb) {
    const d = cb.data;
    if (cb.entry.id === O_PATH) {
      d.hasPath = 1;
      if (cb.invert) d.invertPath = 1;
    } else {
      d.hasClassid = 1;
      if (cb.invert) d.invertClassid = 1;
    }
  },
  print(d) {
    let out = " cgroup";
    if (d.hasPath) out += ` ${d.invertPath ? "! " : ""}${d.path}`;
    if (d.hasClassid) out += ` ${d.invertClassid ? "! " : ""}${d.classid >>> 0}`;
    return out;
  },
  save(d) {
    let out = "";
    if (d.hasPath) out += `${d.invertPath ? " !" : ""} --path${saveString(d.path)}`;
    if (d.hasClassid) out += `${d.invertClassid ? " !" : ""} --cgroup ${d.classid >>> 0}`;
    return out;
  },
  compareKey: (d) => structKey("cgroup", d),
  compile(d) {
    // cgroup_mt_v2(): needs the packet's socket (locally generated: uid >= 0); every socket is in
    // the root cgroup (the only one, so every valid path names it) with net_cls classid 0
    const result = d.hasPath ? d.invertPath === 0 : (d.classid >>> 0 === 0) !== (d.invertClassid !== 0);
    return (p) => p.uid >= 0 && result;
  },
  kernelCheck(d, ctx) {
    // cgroup_mt_check_v2(); .hooks = LOCAL_OUT | POST_ROUTING | LOCAL_IN
    if (ctx.hookMask & ~(HOOK_OUT | HOOK_POST | HOOK_IN)) return { errno: "EINVAL" };
    if (!ctx.checkentry) return undefined;
    if (!d.hasPath && !d.hasClassid) return { errno: "EINVAL" };
    if (d.hasPath && d.hasClassid) return { errno: "EINVAL" };
    if (d.hasPath && !cgroupPathExists(d.path)) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "cgroup match options:\n" +
    "[!] --path path                 Recursively match path relative to cgroup2 root\n" +
    "[!] --cgroup classid            Match cgroup classid, can't be used with --path\n",
});
