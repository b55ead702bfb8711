/**
 * ip6tables and its companions (-save, -restore, the -nft and -legacy names): the twin models
 * IPv4 only, so they refuse with a message and change nothing, wherever they are called from
 * (the iptwin command, a shell script, a shim).
 */
import type { CommandResult } from "./iptables/commands.js";

export const IPV6_NOT_MODELLED = "IPv6 is not modelled by iptwin (the twin has IPv4 iptables only); nothing was done.";

/**
 * Exit status for an ip6tables name. The nft build exits 1 when it cannot use
 * a family (xtables-standalone.c: "Failed to initialize nft", EXIT_FAILURE);
 * the legacy build exits 3 (VERSION_PROBLEM, "can't initialize ip6tables table").
 */
export const IP6_STATUS_NFT = 1;
export const IP6_STATUS_LEGACY = 3;

export function isIp6tablesName(name: string): boolean {
  return /^ip6tables(-nft|-legacy)?(-save|-restore)?$/.test(name);
}

export function ip6tablesRefusal(name: string): CommandResult {
  return {
    stdout: "",
    stderr: `${name}: ${IPV6_NOT_MODELLED}\n`,
    status: name.startsWith("ip6tables-legacy") ? IP6_STATUS_LEGACY : IP6_STATUS_NFT,
  };
}
