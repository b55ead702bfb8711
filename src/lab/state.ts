/**
 * A lab in the state file: the state of a lab is an otherwise empty host
 * (the "anchor") whose "lab" section holds every host's own state (the same
 * format, nested) and the links. A state without it is a single host, as before.
 */
import { Host } from "../host.js";
import "../state/conntrack-section.js";
import "../state/defrag-section.js";
import { deserializeHost, STATE_SECTIONS, StateError, serializeHost } from "../state/serialize.js";
import { Lab, type SegmentKind } from "./lab.js";
import "./sys.js";

interface LabRecord {
  version: 1;
  epoch: number;
  nowNs: number;
  hosts: Array<{ name: string; state: string }>;
  segments: Array<{ name: string; kind: SegmentKind; ports: Array<[string, string]> }>;
}

const ANCHORS = new WeakMap<Host, Lab>();

/** The lab a loaded state holds, or undefined for a single-host state. */
export function labOfState(host: Host): Lab | undefined {
  return ANCHORS.get(host);
}

/** The host that carries a lab into the state file. */
export function labAnchor(lab: Lab): Host {
  const anchor = new Host({ epoch: lab.epoch });
  ANCHORS.set(anchor, lab);
  return anchor;
}

STATE_SECTIONS.set("lab", {
  write: (host) => {
    const lab = ANCHORS.get(host);
    if (!lab) return undefined;
    lab.catchUp();
    lab.settle();
    const rec: LabRecord = {
      version: 1,
      epoch: lab.epoch,
      nowNs: lab.nowNs,
      hosts: [...lab.hosts.values()].map((lh) => ({ name: lh.name, state: serializeHost(lh.host) })),
      segments: lab.segments.map((s) => ({
        name: s.name,
        kind: s.kind,
        ports: s.ports.map((p) => [p.host.name, p.dev]),
      })),
    };
    return rec;
  },
  read: (host, data) => {
    const r = data as LabRecord;
    if (r?.version !== 1 || !Array.isArray(r.hosts)) throw new StateError("bad lab section");
    const lab = new Lab({ epoch: r.epoch, nowNs: r.nowNs });
    for (const h of r.hosts) {
      let hh: Host;
      try {
        hh = deserializeHost(h.state);
      } catch (e) {
        throw new StateError(`lab host ${h.name}: ${(e as Error).message}`);
      }
      lab.addHost(h.name, hh);
    }
    for (const s of r.segments) lab.connect(s.name, s.kind, s.ports);
    ANCHORS.set(host, lab);
  },
});
