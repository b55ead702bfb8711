/**
 * cpu match (libxt_cpu / xt_cpu): the CPU handling the packet.
 */
import { defineMatch, XTOPT_INVERT, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";

export interface CpuData {
  cpu: number;
  invert: number;
}

export const cpuMatch = defineMatch<CpuData>({
  name: "cpu",
  revision: 0,
  options: [{ name: "cpu", id: 0, type: XtType.UINT32, flags: XTOPT_INVERT | XTOPT_MAND | XTOPT_PUT, put: "cpu" }],
  init: () => ({ cpu: 0, invert: 0 }),
  parse(cb) {
    if (cb.invert) cb.data.invert = 1;
  },
  // cpu_mt(): the twin runs every packet on CPU 0
  compile: (d) => {
    const r = (d.cpu >>> 0 === 0) !== (d.invert !== 0);
    return () => r;
  },
  print: (d) => ` cpu ${d.invert ? "! " : ""}${d.cpu}`,
  save: (d) => `${d.invert ? " !" : ""} --cpu ${d.cpu}`,
  help: () => "cpu match options:\n[!] --cpu number   Match CPU number\n",
});
