/**
 * cluster match (libxt_cluster / xt_cluster): hash-based node selection.
 * --cluster-local-node N is stored (and saved) as the mask 1 << (N-1).
 */
import { paramError } from "../core/errors.js";
import { PACKET_HOST, PACKET_MULTICAST } from "../core/packet.js";
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { hex08, structKey } from "./misc2-util.js";
import { bswap32, type CtOrigView, jhash1word } from "./pkt-util.js";

const XT_CLUSTER_NODES_MAX = 32;
const XT_CLUSTER_F_INV = 1 << 0;

const O_TOTAL_NODES = 0;
const O_LOCAL_NODE = 1;
const O_LOCAL_NODEMASK = 2;
const O_HASH_SEED = 3;
const F_TOTAL_NODES = 1 << O_TOTAL_NODES;
const F_LOCAL_NODE = 1 << O_LOCAL_NODE;
const F_LOCAL_NODEMASK = 1 << O_LOCAL_NODEMASK;
const F_HASH_SEED = 1 << O_HASH_SEED;

export interface ClusterData {
  totalNodes: number;
  nodeMask: number;
  hashSeed: number;
  flags: number;
}

export const clusterMatch = defineMatch<ClusterData>({
  name: "cluster",
  revision: 0,
  options: [
    {
      name: "cluster-total-nodes",
      id: O_TOTAL_NODES,
      type: XtType.UINT32,
      min: 1,
      max: XT_CLUSTER_NODES_MAX,
      flags: XTOPT_MAND | XTOPT_PUT,
      put: "totalNodes",
    },
    {
      name: "cluster-local-node",
      id: O_LOCAL_NODE,
      type: XtType.UINT32,
      excl: F_LOCAL_NODEMASK,
      flags: XTOPT_INVERT,
      min: 1,
      max: XT_CLUSTER_NODES_MAX,
    },
    {
      name: "cluster-local-nodemask",
      id: O_LOCAL_NODEMASK,
      type: XtType.UINT32,
      excl: F_LOCAL_NODE,
      min: 1,
      max: XT_CLUSTER_NODES_MAX,
      flags: XTOPT_INVERT | XTOPT_PUT,
      put: "nodeMask",
    },
    { name: "cluster-hash-seed", id: O_HASH_SEED, type: XtType.UINT32, flags: XTOPT_MAND | XTOPT_PUT, put: "hashSeed" },
  ],
  init: () => ({ totalNodes: 0, nodeMask: 0, hashSeed: 0, flags: 0 }),
  parse(cb) {
    const d = cb.data;
    if (cb.entry.id === O_LOCAL_NODE) {
      if (cb.invert) d.flags |= XT_CLUSTER_F_INV;
      d.nodeMask = (1 << (cb.val.u - 1)) >>> 0;
    } else if (cb.entry.id === O_LOCAL_NODEMASK) {
      if (cb.invert) d.flags |= XT_CLUSTER_F_INV;
    }
  },
  finalCheck(cb) {
    const d = cb.data;
    const tooBig = () => BigInt(d.nodeMask >>> 0) >= 1n << BigInt(d.totalNodes);
    let test = F_TOTAL_NODES | F_LOCAL_NODE | F_HASH_SEED;
    if ((cb.xflags & test) === test) {
      if (tooBig()) throw paramError("cluster match: `--cluster-local-node' must be <= `--cluster-total-nodes'");
      return;
    }
    test = F_TOTAL_NODES | F_LOCAL_NODEMASK | F_HASH_SEED;
    if ((cb.xflags & test) === test) {
      if (tooBig()) throw paramError("cluster match: `--cluster-local-nodemask' too big for `--cluster-total-nodes'");
      return;
    }
    if (!(cb.xflags & (F_LOCAL_NODE | F_LOCAL_NODEMASK)))
      throw paramError("cluster match: `--cluster-local-node' or`--cluster-local-nodemask' is missing");
  },
  print: (d) =>
    ` cluster ${d.flags & XT_CLUSTER_F_INV ? "!" : ""}node_mask=0x${hex08(d.nodeMask)}` +
    ` total_nodes=${d.totalNodes} hash_seed=0x${hex08(d.hashSeed)}`,
  save: (d) =>
    `${d.flags & XT_CLUSTER_F_INV ? " !" : ""} --cluster-local-nodemask 0x${hex08(d.nodeMask)}` +
    ` --cluster-total-nodes ${d.totalNodes} --cluster-hash-seed 0x${hex08(d.hashSeed)}`,
  compareKey: (d) => structKey("cluster", d),
  compile(d) {
    // xt_cluster_mt(): jhash of the original source (the master's for expected connections),
    // scaled to the node count; a unicast packet in a multicast frame becomes PACKET_HOST first
    const seed = d.hashSeed >>> 0;
    const nodes = d.totalNodes >>> 0;
    const mask = d.nodeMask >>> 0;
    const inv = (d.flags & XT_CLUSTER_F_INV) !== 0;
    return (p) => {
      if (p.dst >>> 28 !== 0xe && p.pktType === PACKET_MULTICAST) p.pktType = PACKET_HOST;
      let ct = p.ct as CtOrigView | null;
      if (!ct) return false;
      if (ct.master) ct = ct.master;
      // the address word is hashed as a little-endian (x86) CPU holds it
      const h = jhash1word(bswap32(ct.orig.src >>> 0), seed);
      const node = Math.floor((h * nodes) / 4294967296); // reciprocal_scale()
      return (((1 << node) & mask) !== 0) !== inv;
    };
  },
  kernelCheck(d, ctx) {
    // xt_cluster_mt_checkentry()
    if (!ctx.checkentry) return undefined;
    if (d.totalNodes > XT_CLUSTER_NODES_MAX) return { errno: "EINVAL" };
    if (BigInt(d.nodeMask >>> 0) >= 1n << BigInt(d.totalNodes)) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "cluster match options:\n" +
    "  --cluster-total-nodes <num>\t\tSet number of total nodes in cluster\n" +
    "  [!] --cluster-local-node <num>\tSet the local node number\n" +
    "  [!] --cluster-local-nodemask <num>\tSet the local node mask\n" +
    "  --cluster-hash-seed <num>\t\tSet seed value of the Jenkins hash\n",
});
