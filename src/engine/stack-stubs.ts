/**
 * Stand-ins for the parts of the packet path that other modules provide
 * (conntrack, NAT, the local stack's replies): no connection tracking, no
 * translation, no replies. Used until a host is given the real ones.
 */
import type { ConntrackHooks, LocalStack, NatHooks } from "./stack.js";

export const NO_CONNTRACK: ConntrackHooks = {
  active: () => false,
  in: () => true,
  confirm: () => {},
};

export const NO_NAT: NatHooks = {
  hook: (_p, _hook, runChain) => runChain(),
};

export const NO_LOCAL: LocalStack = {
  deliver: () => {},
  icmpError: () => {},
};
