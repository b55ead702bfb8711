/**
 * JSON text written as UTF-8 bytes into one growing buffer, decoded to a
 * string once at the end: `send --json` writes a result line per packet
 * without building (and keeping alive until the batch ends) a rope of small
 * strings per field. What it writes equals JSON.stringify of the same values.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Fixed ASCII text, encoded once (keys, punctuation). */
export function lit(s: string): Uint8Array {
  return encoder.encode(s);
}

const HEX = lit("0123456789abcdef");

export class JsonWriter {
  buf = new Uint8Array(1 << 16);
  n = 0;

  /** Makes room for `k` more bytes (writers of bounded items call it once, then write unchecked). */
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

  get length(): number {
    return this.n;
  }

  /** Everything written, as a string. */
  text(): string {
    return decoder.decode(this.buf.subarray(0, this.n));
  }
}
