/**
 * Extension group "misc2": the modules registered from this file.
 */
import { addrtypeMatch } from "../addrtype.js";
import type { AnyMatch, AnyTarget } from "../api.js";
import { cgroupMatch } from "../cgroup.js";
import { clusterMatch } from "../cluster.js";
import { devgroupMatch } from "../devgroup.js";
import { iprangeMatch } from "../iprange.js";
import { ipvsMatch } from "../ipvs.js";
import { macMatch } from "../mac.js";
import { osfMatch } from "../osf.js";
import { ownerMatch } from "../owner.js";
import { physdevMatch } from "../physdev.js";
import { policyMatch } from "../policy.js";
import { rpfilterMatch } from "../rpfilter.js";
import { setMatch } from "../set.js";
import { socketMatch } from "../socket.js";

export const matches: AnyMatch[] = [
  addrtypeMatch,
  iprangeMatch,
  macMatch,
  ownerMatch,
  physdevMatch,
  setMatch,
  policyMatch,
  rpfilterMatch,
  cgroupMatch,
  clusterMatch,
  osfMatch,
  socketMatch,
  ipvsMatch,
  devgroupMatch,
];
export const targets: AnyTarget[] = [];
