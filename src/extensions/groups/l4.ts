/**
 * Extension group "l4": the modules registered from this file.
 */
import { ahMatch } from "../ah.js";
import type { AnyMatch, AnyTarget } from "../api.js";
import { dccpMatch } from "../dccp.js";
import { dscpMatch } from "../dscp.js";
import { ecnMatch } from "../ecn.js";
import { espMatch } from "../esp.js";
import { icmpMatch } from "../icmp.js";
import { ipcompMatch } from "../ipcomp.js";
import { lengthMatch } from "../length.js";
import { multiportMatch } from "../multiport.js";
import { pkttypeMatch } from "../pkttype.js";
import { realmMatch } from "../realm.js";
import { sctpMatch } from "../sctp.js";
import { tcpmssMatch } from "../tcpmss.js";
import { tosMatch } from "../tos.js";
import { ttlMatch } from "../ttl.js";
import { udpMatch } from "../udp.js";

export const matches: AnyMatch[] = [
  udpMatch,
  icmpMatch,
  multiportMatch,
  sctpMatch,
  dccpMatch,
  ahMatch,
  espMatch,
  ipcompMatch,
  tcpmssMatch,
  ecnMatch,
  lengthMatch,
  ttlMatch,
  tosMatch,
  dscpMatch,
  pkttypeMatch,
  realmMatch,
];
export const targets: AnyTarget[] = [];
