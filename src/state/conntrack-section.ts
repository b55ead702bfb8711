/**
 * The conntrack table in the host's state file, so that `conntrack -L` in one
 * CLI invocation sees the connections an earlier `send` created.
 */
import { STATE_SECTIONS } from "./serialize.js";

STATE_SECTIONS.set("conntrack", {
  write: (host) => host.conntrack().snapshot(),
  read: (host, data) => host.conntrack().restore(data),
  plain: true,
});
