/**
 * Extension group "targets2": the modules registered from this file.
 */
import type { AnyMatch, AnyTarget } from "../api.js";
import { checksumTarget } from "../CHECKSUM.target.js";
import { dnatTarget } from "../DNAT.target.js";
import { dscpTarget } from "../DSCP.target.js";
import { ecnTarget } from "../ECN.target.js";
import { masqueradeTarget } from "../MASQUERADE.target.js";
import { netmapTarget } from "../NETMAP.target.js";
import { rateestTarget } from "../RATEEST.target.js";
import { redirectTarget } from "../REDIRECT.target.js";
import { snatTarget } from "../SNAT.target.js";
import { synproxyTarget } from "../SYNPROXY.target.js";
import { tcpmssTarget } from "../TCPMSS.target.js";
import { tcpoptstripTarget } from "../TCPOPTSTRIP.target.js";
import { teeTarget } from "../TEE.target.js";
import { tosTarget } from "../TOS.target.js";
import { tproxyTarget } from "../TPROXY.target.js";
import { ttlTarget } from "../TTL.target.js";

export const matches: AnyMatch[] = [];
export const targets: AnyTarget[] = [
  dnatTarget,
  snatTarget,
  masqueradeTarget,
  redirectTarget,
  netmapTarget,
  tproxyTarget,
  tcpmssTarget,
  ttlTarget,
  tosTarget,
  dscpTarget,
  ecnTarget,
  checksumTarget,
  tcpoptstripTarget,
  synproxyTarget,
  teeTarget,
  rateestTarget,
];
