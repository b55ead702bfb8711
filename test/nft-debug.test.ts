/**
 * `iptables -vv` (nf_tables) beyond the golden recordings: what the kernel
 * keeps of a rule survives the state file, and the libnftnl text of single
 * expressions.
 */
import { describe, expect, it } from "vitest";
import { exprText, limitExpr } from "../src/compat/iptables/nft-debug.js";
import { Host } from "../src/host.js";
import { deserializeHost, serializeHost } from "../src/state/serialize.js";

describe("iptables -vv", () => {
  it("keeps the expressions normalisation loses across a state save and load", () => {
    const h = new Host();
    h.iptables(["-A", "INPUT", "-i", "+", "-j", "ACCEPT"]);
    h.iptables([
      "-A",
      "INPUT",
      "-p",
      "tcp",
      "-m",
      "tcp",
      "--dport",
      "22",
      "-m",
      "comment",
      "--comment",
      "x",
      "-m",
      "tcp",
      "--sport",
      "80",
    ]);
    h.iptables(["-A", "INPUT", "-m", "limit", "--limit-burst", "0"]);
    const before = h.iptables(["-vvL", "INPUT"]).stdout;
    expect(before).toContain("ip filter INPUT 2\n  [ meta load iifname => reg 1 ]\n  [ counter pkts 0 bytes 0 ]\n");
    expect(before).toContain(
      "  [ cmp eq reg 1 0x00001600 ]\n  [ match name comment rev 0 ]\n  [ payload load 2b @ transport header + 0 => reg 1 ]\n",
    );
    expect(before).toContain("  [ limit rate 3/hour burst 5 type packets flags 0x0 ]\n");
    const loaded = deserializeHost(serializeHost(h));
    expect(loaded.iptables(["-vvL", "INPUT"]).stdout).toBe(before);
  });

  it("prints expressions as nftnl_expr_snprintf() does", () => {
    expect(exprText(limitExpr((10000 * 60) / 3, 7))).toBe("  [ limit rate 3/minute burst 7 type packets flags 0x0 ]\n");
    expect(exprText({ name: "cmp", sreg: 1, op: 1, data: [0x65, 0x74, 0x68, 0x30, 0] })).toBe(
      "  [ cmp neq reg 1 0x30687465 0x00000000 ]\n",
    );
    expect(exprText({ name: "immediate", dreg: 0, verdict: -4, chain: "X" })).toBe("  [ immediate reg 0 goto -> X ]\n");
  });
});
