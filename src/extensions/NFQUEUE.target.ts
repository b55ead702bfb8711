/**
 * NFQUEUE target, revision 3 (libxt_NFQUEUE / xt_NFQUEUE): hand packets to
 * a userspace queue, or balance them over a range of queues.
 */
import { paramError } from "../core/errors.js";
import { NF_QUEUE } from "../engine/verdict.js";
import { defineTarget, XTOPT_PUT, XtType } from "./api.js";

export interface NfqueueData {
  queuenum: number;
  /** u16 in the kernel struct: a 0:65535 range wraps to 0. */
  queuesTotal: number;
  flags: number;
}

const O_QUEUE_NUM = 0;
const O_QUEUE_BALANCE = 1;
const O_QUEUE_BYPASS = 2;
const O_QUEUE_CPU_FANOUT = 3;
const F_QUEUE_NUM = 1 << O_QUEUE_NUM;
const F_QUEUE_BALANCE = 1 << O_QUEUE_BALANCE;

const NFQ_FLAG_BYPASS = 0x01;
const NFQ_FLAG_CPU_FANOUT = 0x02;
const NFQ_FLAG_MASK = 0x03;
const NF_VERDICT_FLAG_QUEUE_BYPASS = 0x8000;

function nfqText(d: NfqueueData, save: boolean): string {
  let out = "";
  if (d.queuesTotal > 1) {
    const last = d.queuesTotal + d.queuenum - 1;
    out += save ? ` --queue-balance ${d.queuenum}:${last}` : ` NFQUEUE balance ${d.queuenum}:${last}`;
  } else out += save ? ` --queue-num ${d.queuenum}` : ` NFQUEUE num ${d.queuenum}`;
  if (d.flags & NFQ_FLAG_BYPASS) out += save ? " --queue-bypass" : " bypass";
  if (d.flags & NFQ_FLAG_CPU_FANOUT) out += save ? " --queue-cpu-fanout" : " cpu-fanout";
  return out;
}

export const nfqueueTarget = defineTarget<NfqueueData>({
  name: "NFQUEUE",
  revision: 3,
  options: [
    {
      name: "queue-num",
      id: O_QUEUE_NUM,
      type: XtType.UINT16,
      flags: XTOPT_PUT,
      put: "queuenum",
      excl: F_QUEUE_BALANCE,
    },
    // .max is set but xtopt_parse_mint ignores it: "4:" means 4:65535.
    { name: "queue-balance", id: O_QUEUE_BALANCE, type: XtType.UINT16RC, max: 65534, excl: F_QUEUE_NUM },
    { name: "queue-bypass", id: O_QUEUE_BYPASS, type: XtType.NONE },
    { name: "queue-cpu-fanout", id: O_QUEUE_CPU_FANOUT, type: XtType.NONE, also: F_QUEUE_BALANCE },
  ],
  init: () => ({ queuenum: 0, queuesTotal: 1, flags: 0 }),
  parse(cb) {
    switch (cb.entry.id) {
      case O_QUEUE_BALANCE: {
        const [first = 0, last = 0] = cb.val.range;
        if (cb.nvals !== 2) throw paramError(`Bad range "${cb.arg}"`);
        if (first >= last) throw paramError(`${first} should be less than ${last}`);
        cb.data.queuenum = first;
        cb.data.queuesTotal = (last - first + 1) & 0xffff;
        break;
      }
      case O_QUEUE_BYPASS:
        cb.data.flags |= NFQ_FLAG_BYPASS;
        break;
      case O_QUEUE_CPU_FANOUT:
        cb.data.flags |= NFQ_FLAG_CPU_FANOUT;
        break;
    }
  },
  compile(d) {
    // nfqueue_tg_v3(): NF_QUEUE_NR(queue) | NF_VERDICT_FLAG_QUEUE_BYPASS. The twin has no queue
    // listener: the stack drops the packet, or with bypass accepts it from this table (nf_queue()).
    // (A balanced queue number would come from a hash of the addresses; with no listener it does not matter.)
    const bypass = d.flags & NFQ_FLAG_BYPASS ? NF_VERDICT_FLAG_QUEUE_BYPASS : 0;
    const v = (((d.queuenum << 16) >>> 0) | NF_QUEUE | bypass) >>> 0;
    return () => v;
  },
  print: (d) => nfqText(d, false),
  save: (d) => nfqText(d, true),
  kernelCheck(d) {
    // nfqueue_tg_check()
    if (d.queuesTotal === 0) return { errno: "EINVAL", log: "number of total queues is 0" };
    if (d.queuesTotal - 1 + d.queuenum > 0xffff) return { errno: "ERANGE" };
    if (d.flags & ~NFQ_FLAG_MASK) return { errno: "EINVAL" };
    return undefined;
  },
  help: () =>
    "NFQUEUE target options\n" +
    "  --queue-num value            Send packet to QUEUE number <value>.\n" +
    "                               Valid queue numbers are 0-65535\n" +
    "  --queue-balance first:last   Balance flows between queues <value> to <value>.\n" +
    "  --queue-bypass               Bypass Queueing if no queue instance exists.\n" +
    "  --queue-cpu-fanout\tUse current CPU (no hashing)\n",
});
