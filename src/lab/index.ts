/**
 * Labs: several twin hosts on L2 links, the traffic tools the tutorials use
 * (ping, nc, curl, send --from, trace), iptables-services and the logs.
 *
 * ```ts
 * import { labFromFile, runLabCommand } from "iptwin";
 * const lab = labFromFile("lab.yaml", yamlText);
 * const client = lab.host("client")!.host;
 * runLabCommand(client, "ping", ["-c", "1", "server"]).stdout;
 * ```
 */
import "./state.js";

export { type BuildOptions, buildLab, labFromFile } from "./build.js";
export { hostIO, LAB_COMMANDS, labSend, runLabCommand } from "./commands.js";
export { LabFileError, type LabSpec, parseLabFile } from "./file.js";
export {
  ensureLabHost,
  type Hop,
  Lab,
  LabHost,
  LINK_DELAY_NS,
  labHostOf,
  MAX_DELIVERIES,
  type Segment,
} from "./lab.js";
export { labAnchor, labOfState } from "./state.js";
export { type HostSys, type ListenerSpec, sysOf } from "./sys.js";
