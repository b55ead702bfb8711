/** What the traffic tools share: glibc-style short option parsing and host name lookup. */
import { inetAton } from "../../core/ipv4.js";
import { hostLookupFailure } from "../../core/resolver.js";
import type { LabHost } from "../lab.js";

export interface ToolResult {
  stdout: string;
  stderr: string;
  status: number;
}

export type Opt = [letter: string, value: string | undefined];

export type GetoptResult =
  | { ok: true; opts: Opt[]; operands: string[] }
  | { ok: false; kind: "invalid" | "missing"; letter: string };

/**
 * getopt() as glibc runs it by default: options may follow operands (the
 * arguments are permuted), letters bundle ("-zv"), a value may be attached
 * ("-c3") or the next word; "--" ends the options.
 */
export function getopt(argv: readonly string[], optstring: string): GetoptResult {
  const opts: Opt[] = [];
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.length < 2 || a[0] !== "-") {
      operands.push(a);
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const c = a[k]!;
      const at = optstring.indexOf(c);
      if (at < 0 || c === ":") return { ok: false, kind: "invalid", letter: c };
      if (optstring[at + 1] === ":") {
        let v: string | undefined = a.slice(k + 1);
        if (v === "") v = argv[++i];
        if (v === undefined) return { ok: false, kind: "missing", letter: c };
        opts.push([c, v]);
        break;
      }
      opts.push([c, undefined]);
    }
  }
  return { ok: true, opts, operands };
}

/** getaddrinfo() for IPv4 on the host: numbers-and-dots, then the host's hosts file. */
export function lookupHost(lh: LabHost, name: string): { addr: number; numeric: boolean } | { error: string } {
  const n = inetAton(name);
  if (n !== undefined) return { addr: n >>> 0, numeric: true };
  const hits = lh.host.db.lookupHost(name);
  if (hits.length) return { addr: hits[0]! >>> 0, numeric: false };
  return { error: hostLookupFailure(name) };
}

/** getnameinfo() of an address: the hosts file's name, or undefined. */
export function reverseName(lh: LabHost, addr: number): string | undefined {
  return lh.host.db.reverseHost(addr >>> 0);
}

/** UTF-8 encoding (no TextEncoder: the library builds without DOM or Node types). */
export const enc = {
  encode(s: string): Uint8Array {
    const out: number[] = [];
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(out);
  },
};

/** UTF-8 decoding; a malformed byte becomes U+FFFD. */
export const dec = {
  decode(b: Uint8Array): string {
    let s = "";
    for (let i = 0; i < b.length; ) {
      const x = b[i]!;
      let c = 0xfffd;
      let n = 1;
      if (x < 0x80) c = x;
      else if (x >> 5 === 6 && i + 1 < b.length) {
        c = ((x & 31) << 6) | (b[i + 1]! & 63);
        n = 2;
      } else if (x >> 4 === 14 && i + 2 < b.length) {
        c = ((x & 15) << 12) | ((b[i + 1]! & 63) << 6) | (b[i + 2]! & 63);
        n = 3;
      } else if (x >> 3 === 30 && i + 3 < b.length) {
        c = ((x & 7) << 18) | ((b[i + 1]! & 63) << 12) | ((b[i + 2]! & 63) << 6) | (b[i + 3]! & 63);
        n = 4;
      }
      s += String.fromCodePoint(c);
      i += n;
    }
    return s;
  },
};

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
