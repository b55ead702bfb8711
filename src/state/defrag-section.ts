/**
 * The IPv4 reassembly queues in the host's state file, so that the fragments
 * of one datagram sent by separate CLI commands meet (and expire) as they
 * would in one kernel.
 */
import type { DefragSnapshot } from "../engine/defrag.js";
import { STATE_SECTIONS } from "./serialize.js";

STATE_SECTIONS.set("defrag", {
  // nothing when no queue waits (most states): the file stays as it was
  write: (host) => (host.stack().defrag.size ? host.stack().defrag.snapshot() : undefined),
  read: (host, data) => host.stack().defrag.restore(data as DefragSnapshot),
});
