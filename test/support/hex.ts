/** Hex text ↔ bytes, as the kernel recordings (test/kernel/*.json) hold packets. */

export function hexBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = Number.parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return b;
}

export function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}
