/** Placeholder: netlink message dumps of `-vvv` (mnl_nlmsg_fprintf). */
import type { ChainMsg, RuleMsg } from "./nft-debug.js";

export type BatchMsg =
  | { kind: "table"; type: number; flags: number; seq: number; name: string }
  | { kind: "chain"; type: number; flags: number; seq: number; chain: ChainMsg }
  | { kind: "rule"; type: number; flags: number; seq: number; rule: RuleMsg };

export function nlmsgDump(_m: BatchMsg): string {
  return "";
}
