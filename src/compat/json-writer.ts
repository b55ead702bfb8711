/**
 * JSON text written as UTF-8 bytes into one growing buffer, decoded to a
 * string once at the end: `send --json` writes a result line per packet
 * without building (and keeping alive until the batch ends) a rope of small
 * strings per field. What it writes equals JSON.stringify of the same values.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class JsonWriter {
  private buf = new Uint8Array(1 << 16);
  private n = 0;

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buf.subarray(0, this.n));
    this.buf = bigger;
  }

  /** Text that needs no escaping and is ASCII (JSON punctuation, keys, field names). */
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

  /** A number: JSON.stringify(v) (integers written digit by digit). */
  num(v: number): void {
    if (v >= 0 && v <= 0xffffffff && Math.floor(v) === v) {
      this.room(10);
      const b = this.buf;
      if (v < 10) {
        b[this.n++] = 0x30 + v;
        return;
      }
      let digits = 1;
      for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
      const end = this.n + digits;
      let i = end;
      let x = v;
      do {
        b[--i] = 0x30 + (x % 10);
        x = Math.floor(x / 10);
      } while (x > 0);
      this.n = end;
      return;
    }
    this.ascii(JSON.stringify(v));
  }

  /** A dotted quad in quotes. */
  ipv4(a: number): void {
    this.room(17);
    this.buf[this.n++] = 0x22;
    this.num(a >>> 24);
    this.buf[this.n++] = 0x2e;
    this.num((a >>> 16) & 255);
    this.buf[this.n++] = 0x2e;
    this.num((a >>> 8) & 255);
    this.buf[this.n++] = 0x2e;
    this.num(a & 255);
    this.buf[this.n++] = 0x22;
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
