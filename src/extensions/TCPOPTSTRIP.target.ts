/**
 * TCPOPTSTRIP target (libxt_TCPOPTSTRIP / xt_TCPOPTSTRIP): remove TCP
 * options given by number or name. mangle table, -p tcp (validate.ts).
 */
import { xtStrtouiWhole } from "../core/cnum.js";
import { paramError } from "../core/errors.js";
import { NF_DROP, XT_CONTINUE } from "../engine/verdict.js";
import { defineTarget, XtType } from "./api.js";
import { fragOff, l4Avail } from "./pkt-util.js";

export interface TcpoptstripData {
  /** strip_bmap: 256 bits in eight 32-bit words. */
  bmap: number[];
}

const O_STRIP_OPTION = 0;

const OPTION_MAP: ReadonlyArray<readonly [string, string, number]> = [
  ["wscale", "Window scale", 3],
  ["mss", "Maximum Segment Size", 2],
  ["sack-permitted", "SACK permitted", 4],
  ["sack", "Selective ACK", 5],
  ["timestamp", "Timestamp", 8],
  ["md5", "MD5 signature", 19],
];

const testBit = (b: number[], i: number) => ((b[i >>> 5]! >>> (i & 31)) & 1) === 1;

function parseList(d: TcpoptstripData, arg: string): void {
  for (const item of arg.split(",")) {
    let option = OPTION_MAP.find(([n]) => n === item)?.[2] ?? 0;
    if (option === 0) {
      const v = xtStrtouiWhole(item, 0, 255);
      if (v === undefined) throw paramError(`Bad TCP option value "${item}"`);
      option = v;
    }
    if (option < 2) throw paramError("Option value may not be 0 or 1");
    if (testBit(d.bmap, option)) throw paramError(`Option "${item}" already specified`);
    d.bmap[option >>> 5] = (d.bmap[option >>> 5]! | (1 << (option & 31))) >>> 0;
  }
}

function printList(d: TcpoptstripData, numeric: boolean): string {
  const out: string[] = [];
  for (let i = 0; i < 256; i++) {
    if (!testBit(d.bmap, i)) continue;
    let name: string | undefined;
    if (!numeric) for (const [n, , o] of OPTION_MAP) if (o === i) name = n;
    out.push(name ?? String(i));
  }
  return out.join(",");
}

const isEmpty = (d: TcpoptstripData) => d.bmap.every((w) => w === 0);

export const tcpoptstripTarget = defineTarget<TcpoptstripData>({
  name: "TCPOPTSTRIP",
  revision: 0,
  tables: ["mangle"],
  options: [{ name: "strip-options", id: O_STRIP_OPTION, type: XtType.STRING }],
  init: () => ({ bmap: [0, 0, 0, 0, 0, 0, 0, 0] }),
  parse(cb) {
    parseList(cb.data, cb.arg);
  },
  compile(d) {
    // tcpoptstrip_mangle_packet(): listed options become NOPs (same length); the last byte of
    // the options is never looked at
    const strip = Uint32Array.from(d.bmap, (w) => w >>> 0);
    const test = (kind: number) => ((strip[kind >>> 5]! >>> (kind & 31)) & 1) === 1;
    return (p) => {
      if (fragOff(p) !== 0) return XT_CONTINUE;
      const opts = p.tcpOptions;
      const hdrLen = 20 + (opts?.length ?? 0);
      if (l4Avail(p) < hdrLen) return NF_DROP;
      if (!opts) return XT_CONTINUE;
      let out: Uint8Array | null = null;
      for (let i = 0; i < opts.length - 1; ) {
        const optl = opts[i]! <= 1 || opts[i + 1] === 0 ? 1 : opts[i + 1]!;
        if (i + optl > opts.length) break;
        if (test(opts[i]!)) {
          out ??= opts.slice();
          out.fill(1, i, i + optl);
        }
        i += optl;
      }
      if (out) p.tcpOptions = out;
      return XT_CONTINUE;
    };
  },
  print: (d, ctx) => (isEmpty(d) ? "" : ` TCPOPTSTRIP options ${printList(d, ctx.numeric)}`),
  save: (d) => (isEmpty(d) ? "" : ` --strip-options ${printList(d, true)}`),
  help() {
    let out =
      "TCPOPTSTRIP target options:\n" +
      "  --strip-options value     strip specified TCP options denoted by value\n" +
      "                            (separated by comma) from TCP header\n" +
      "  Instead of the numeric value, you can also use the following names:\n";
    for (const [name, desc] of OPTION_MAP) out += `    ${name.padEnd(14)}    strip "${desc}" option\n`;
    return out;
  },
});
