/**
 * UTF-8 text codec shared by every layer.
 *
 * TextEncoder/TextDecoder exist in Node and in browsers, but the library is type-checked with
 * neither DOM nor Node types (so no platform API slips in), so they are reached through a
 * minimal typed view of globalThis.
 */

export interface Utf8Encoder {
  encode(s: string): Uint8Array;
  encodeInto(s: string, dest: Uint8Array): { read: number; written: number };
}

export interface Utf8Decoder {
  decode(b: Uint8Array): string;
}

interface TextCodecGlobals {
  TextEncoder: new () => Utf8Encoder;
  TextDecoder: new (label?: string) => Utf8Decoder;
}

const codecs = globalThis as unknown as TextCodecGlobals;

/** A new encoder (one per module is enough; encoders hold no state). */
export function newUtf8Encoder(): Utf8Encoder {
  return new codecs.TextEncoder();
}

/** A new decoder; malformed bytes become U+FFFD, as TextDecoder does by default. */
export function newUtf8Decoder(): Utf8Decoder {
  return new codecs.TextDecoder("utf-8");
}

export const utf8Encoder: Utf8Encoder = newUtf8Encoder();
export const utf8Decoder: Utf8Decoder = newUtf8Decoder();
