import { utf8Decoder, utf8Encoder } from "../core/utf8.js";

/**
 * JSON text written as UTF-8 bytes into one growing buffer, decoded to a
 * string once at the end: `send --json` writes a result line per packet
 * without building (and keeping alive until the batch ends) a rope of small
 * strings per field. What it writes equals JSON.stringify of the same values.
 */
const encoder = utf8Encoder;
const decoder = utf8Decoder;

/** Fixed ASCII text, encoded once (keys, punctuation). */
export function lit(s: string): Uint8Array {
  return encoder.encode(s);
}

const HEX = lit("0123456789abcdef");

// Writers on a buffer and a position, returning the new position: a caller that has made room
// (JsonWriter.room) writes a run of fields with its position in a local, not in the writer.

/** Pre-encoded text at `n`. */
export function putLit(b: Uint8Array, n: number, l: Uint8Array): number {
  const len = l.length;
  for (let i = 0; i < len; i++) b[n + i] = l[i]!;
  return n + len;
}

/** An integer 0 … 2^32-1 in decimal at `n` (JSON.stringify of it); small, so that it is inlined. */
export function putUint(b: Uint8Array, n: number, v: number): number {
  if (v < 10 && v >= 0 && (v | 0) === v) {
    b[n] = 0x30 + v;
    return n + 1;
  }
  if (v < 100000 && v >= 10 && (v | 0) === v) {
    const d = v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : 5;
    let i = n + d;
    let x = v;
    do {
      const q = (x / 10) | 0;
      b[--i] = 0x30 + x - q * 10;
      x = q;
    } while (x > 0);
    return n + d;
  }
  return putWideUint(b, n, v);
}

/** An integer 100000 … 2^32-1 (sequence numbers, marks) without making its string. */
function putWideUint(b: Uint8Array, n: number, v: number): number {
  if (!(v >= 100000 && v <= 0xffffffff && Math.floor(v) === v)) return putNumberSlow(b, n, v);
  let d = 6;
  for (let p = 1000000; d < 10 && v >= p; p *= 10) d++;
  let i = n + d;
  let x = v;
  do {
    const q = Math.floor(x / 10);
    b[--i] = 0x30 + x - q * 10;
    x = q;
  } while (x > 0);
  return n + d;
}

function putNumberSlow(b: Uint8Array, n: number, v: number): number {
  // as JSON.stringify writes it (integers, and anything else not expected in a packet field)
  const t = Number.isFinite(v) ? String(v) : "null";
  for (let i = 0; i < t.length; i++) b[n + i] = t.charCodeAt(i);
  return n + t.length;
}

/** "0" … "255": per byte value its length and up to three digits. */
const BYTE_TEXT = new Uint8Array(256 * 4);
for (let v = 0; v < 256; v++) {
  const t = String(v);
  BYTE_TEXT[v * 4] = t.length;
  for (let k = 0; k < t.length; k++) BYTE_TEXT[v * 4 + 1 + k] = t.charCodeAt(k);
}

/** A dotted quad in quotes at `n` (17 bytes at most). */
export function putIpv4(b: Uint8Array, n: number, a: number): number {
  b[n] = 0x22;
  n = putByte(b, n + 1, a >>> 24);
  b[n] = 0x2e;
  n = putByte(b, n + 1, (a >>> 16) & 255);
  b[n] = 0x2e;
  n = putByte(b, n + 1, (a >>> 8) & 255);
  b[n] = 0x2e;
  n = putByte(b, n + 1, a & 255);
  b[n] = 0x22;
  return n + 1;
}

/** 0 … 255 in decimal (three bytes written, the length counted). */
function putByte(b: Uint8Array, n: number, v: number): number {
  const o = v * 4;
  b[n] = BYTE_TEXT[o + 1]!;
  b[n + 1] = BYTE_TEXT[o + 2]!;
  b[n + 2] = BYTE_TEXT[o + 3]!;
  return n + BYTE_TEXT[o]!;
}

/** Node's Buffer when present (a latin1 slice makes the string of ASCII bytes several times faster). */
const NodeBuffer = (
  globalThis as unknown as {
    Buffer?: { from(b: ArrayBufferLike, o: number, n: number): { latin1Slice(a: number, b: number): string } };
  }
).Buffer;

const nameText = new Map<string, Uint8Array>();

export class JsonWriter {
  buf: Uint8Array;
  n = 0;
  /** Whether a byte above 0x7f was written (then the text is decoded as UTF-8). */
  private wide = false;

  /**
   * `capacity`: the bytes expected (send --json sizes it from its input): the text is copied once,
   * when it is made, rather than at every doubling of the buffer as well. `reuse`: a buffer to write
   * into instead (its old contents are overwritten).
   */
  constructor(capacity = 1 << 16, reuse?: Uint8Array) {
    this.buf = reuse ?? new Uint8Array(Math.max(capacity, 1024));
  }

  /**
   * Makes room for `k` more bytes (writers of bounded items call it once, then write unchecked); the
   * buffer may be replaced, so a writer holding `buf` in a local reloads it after a call.
   */
  room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buf.subarray(0, this.n));
    this.buf = bigger;
  }

  /** Pre-encoded text (no room check: see room()). */
  lit(b: Uint8Array): void {
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < b.length; i++) buf[n++] = b[i]!;
    this.n = n;
  }

  /** Text that needs no escaping and is ASCII. */
  ascii(s: string): void {
    const len = s.length;
    this.room(len);
    const b = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) b[n++] = s.charCodeAt(i);
    this.n = n;
  }

  /** Any text, as UTF-8. */
  raw(s: string): void {
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 0x7f) {
        this.room(s.length * 3);
        this.wide = true;
        this.n += encoder.encodeInto(s, this.buf.subarray(this.n)).written;
        return;
      }
    }
    this.ascii(s);
  }

  /** A JSON string: JSON.stringify(s). */
  str(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
        this.raw(JSON.stringify(s));
        return;
      }
    }
    this.room(s.length + 2);
    this.buf[this.n++] = 0x22;
    this.ascii(s);
    this.buf[this.n++] = 0x22;
  }

  /**
   * A JSON string of a name that comes back often (an interface): its text is encoded once and
   * kept (a few hundred names at most).
   */
  name(s: string): void {
    let t = nameText.get(s);
    if (t === undefined) {
      t = encoder.encode(JSON.stringify(s));
      if (nameText.size >= 256) nameText.clear();
      nameText.set(s, t);
    }
    this.room(t.length);
    const b = this.buf;
    let n = this.n;
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      if (c > 0x7f) this.wide = true;
      b[n++] = c;
    }
    this.n = n;
  }

  /** A number: JSON.stringify(v); integers 0 … 2^32-1 digit by digit (no room check: 10 bytes). */
  num(v: number): void {
    if (v >= 0 && v <= 0xffffffff && Math.floor(v) === v) {
      const b = this.buf;
      let x = v;
      if (x < 10) {
        b[this.n++] = 0x30 + x;
        return;
      }
      let digits = 1;
      if (x <= 0x7fffffff) for (let y = x; y >= 10; y = (y / 10) | 0) digits++;
      else for (let y = x; y >= 10; y = Math.floor(y / 10)) digits++;
      const end = this.n + digits;
      let i = end;
      while (x > 0x7fffffff) {
        const q = Math.floor(x / 10);
        b[--i] = 0x30 + (x - q * 10);
        x = q;
      }
      do {
        const q = (x / 10) | 0;
        b[--i] = 0x30 + (x - q * 10);
        x = q;
      } while (x > 0);
      this.n = end;
      return;
    }
    this.ascii(JSON.stringify(v));
  }

  /** A dotted quad in quotes (no room check: 17 bytes). */
  ipv4(a: number): void {
    const b = this.buf;
    b[this.n++] = 0x22;
    this.num(a >>> 24);
    b[this.n++] = 0x2e;
    this.num((a >>> 16) & 255);
    b[this.n++] = 0x2e;
    this.num((a >>> 8) & 255);
    b[this.n++] = 0x2e;
    this.num(a & 255);
    b[this.n++] = 0x22;
  }

  /** A 48-bit MAC address as "xx:xx:xx:xx:xx:xx" (macToString, in quotes; no room check: 19 bytes). */
  mac(m: number): void {
    const b = this.buf;
    const hi = Math.floor(m / 0x100000000) & 0xffff;
    const lo = m >>> 0;
    let n = this.n;
    b[n++] = 0x22;
    for (let i = 5; i >= 0; i--) {
      const byte = i >= 4 ? (hi >>> ((i - 4) * 8)) & 255 : (lo >>> (i * 8)) & 255;
      b[n++] = HEX[byte >>> 4]!;
      b[n++] = HEX[byte & 15]!;
      if (i) b[n++] = 0x3a;
    }
    b[n++] = 0x22;
    this.n = n;
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.n++] = c;
  }

  /** Everything written, as a string. */
  text(): string {
    if (!this.wide && NodeBuffer && typeof NodeBuffer.from === "function")
      return NodeBuffer.from(this.buf.buffer, this.buf.byteOffset, this.n).latin1Slice(0, this.n);
    return decoder.decode(this.buf.subarray(0, this.n));
  }
}
