/**
 * src/engine/ip-options.ts on its own: what the recorded kernel cases
 * (test/local-stack.test.ts, ipopt-*) do not reach.
 */
import { describe, expect, it } from "vitest";
import { Packet } from "../src/core/packet.js";
import { compileReceived, fragmentOptions, midnightMs } from "../src/engine/ip-options.js";

const hex = (s: string) => Uint8Array.from(s.match(/../g)!, (x) => Number.parseInt(x, 16));
const toHex = (b: Uint8Array | null) => (b ? Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("") : null);

function received(opts: string): Packet {
  const p = new Packet();
  p.src = 0x0a4d0102;
  p.dst = 0x0a4d0101;
  p.ipOptions = hex(opts);
  const bad = compileReceived(p, { specDst: () => p.dst, wallMs: () => 1000, isUnicast: () => true });
  expect(bad).toBe(-1);
  return p;
}

describe("ip-options", () => {
  it("time of day: ms since midnight UTC, for any epoch", () => {
    expect(midnightMs(Date.UTC(2026, 10, 22, 23, 59, 59, 999))).toBe(86_399_999);
    expect(midnightMs(Date.UTC(2026, 10, 22))).toBe(0);
    expect(midnightMs(-1)).toBe(86_399_999);
  });

  it("later fragments keep the copied options only (ip_options_fragment)", () => {
    // LSRR (copied) + RR (not copied) + END
    const p = received("8307040a4d0202" + "070704000000000000");
    expect(toHex(fragmentOptions(p))).toBe("8307040a4d0202" + "010101010101010000");
    // the packet's own bytes stay as they were
    expect(toHex(p.ipOptions)).toBe("8307040a4d0202" + "070708" + "0a4d0101" + "0000");
    // a packet whose IPCB has no options (a raw IP_HDRINCL sender's): as is
    const raw = new Packet();
    raw.ipOptions = hex("07070400000000" + "01");
    expect(fragmentOptions(raw)).toBe(raw.ipOptions);
  });

  it("the header checksum keeps covering the bytes as they came (stale after a fill)", () => {
    const p = received("07070400000000" + "01");
    expect(toHex(p.ipOpt!.csumOver)).toBe("0707040000000001");
    const q = received("01010101");
    expect(q.ipOpt!.csumOver).toBeNull();
  });
});
