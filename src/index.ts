/**
 * iptwin: a faithful twin of Linux netfilter/iptables.
 *
 * ```ts
 * import { Host } from "iptwin";
 * const host = new Host();
 * host.iptables(["-A", "INPUT", "-p", "tcp", "--dport", "22", "-j", "ACCEPT"]);
 * console.log(host.iptables(["-S"]).stdout);
 * ```
 */

export type { CommandResult, Flavour } from "./compat/iptables/commands.js";
export type { RestoreOptions } from "./compat/iptables/restore.js";
export { NameDb } from "./core/netdb.js";
export { Host, type HostOptions } from "./host.js";
export * from "./lab/index.js";
