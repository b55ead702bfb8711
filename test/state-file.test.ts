/**
 * State files written by earlier iptwin versions still load. test/fixtures/state-v2.iptwin was
 * written by the last version with format v2 (commit ec32c5c's parent; scripts/record-state-v2.mjs), with its
 * `iptables-save -c` text (state-v2.save, header comments left out).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ShellSession } from "../src/compat/session.js";
import { TCP_FIELDS } from "../src/engine/conntrack.js";
import { Host } from "../src/host.js";
import "../src/state/conntrack-section.js";
import { deserializeHost, serializeHost } from "../src/state/serialize.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const withoutComments = (s: string) => s.replace(/^#.*\n/gm, "");

describe("state file formats", () => {
  it("loads a v2 state file: the same rules, counters and policies", () => {
    const v2 = fixture("state-v2.iptwin");
    expect(v2.startsWith("# iptwin state v2\n")).toBe(true);
    const host = deserializeHost(v2);
    expect(withoutComments(host.save({ counters: true }))).toBe(fixture("state-v2.save"));
  });

  it("writes it back as v3, which loads to the same rule set", () => {
    const host = deserializeHost(fixture("state-v2.iptwin"));
    const v3 = serializeHost(host);
    expect(v3.startsWith("# iptwin state v3\n")).toBe(true);
    expect(withoutComments(deserializeHost(v3).save({ counters: true }))).toBe(fixture("state-v2.save"));
  });
});

/**
 * The conntrack section: test/fixtures/state-ct-objects.iptwin holds entries and events as objects,
 * written by the last version that wrote them so (scripts/record-state-conntrack.mjs), with what
 * conntrack printed on that host (state-ct-objects.txt). Entries and events are now positional
 * records; both load to the same table.
 */

describe("state file: the conntrack table", () => {
  const recorded = fixture("state-ct-objects.txt");
  const listing = (host: ReturnType<typeof deserializeHost>) => {
    const sh = new ShellSession(host);
    let text = "";
    for (const cmd of ["conntrack -L -o extended", "conntrack -L -o id", "conntrack -E"]) {
      const [r] = sh.run(cmd);
      text += `$ ${cmd}\n${r!.stdout}${r!.stderr}`;
    }
    return text;
  };

  it("loads entries and events written as objects", () => {
    const state = fixture("state-ct-objects.iptwin");
    expect(state).toContain('"conns":[{"t":');
    expect(listing(deserializeHost(state))).toBe(recorded);
  });

  it("writes them as positional records, which load to the same table, labels and helpers kept", () => {
    const host = deserializeHost(fixture("state-ct-objects.iptwin"));
    const again = serializeHost(host);
    expect(again).toMatch(/"conntrack":\{"v":2,"now":0,"conns":\[\[/);
    const loaded = deserializeHost(again);
    // a third generation is byte for byte the second (before conntrack -E below reads the events)
    expect(serializeHost(loaded)).toBe(again);
    expect(listing(loaded)).toBe(recorded);
    const fields = (h: typeof host) =>
      h
        .conntrack()
        .all()
        .map((ct) => [
          ct.id,
          ct.labels,
          ct.helper,
          ct.masqDev,
          ct.zone,
          ct.counters,
          ct.timeout,
          ct.status,
          ct.mark,
          ct.orig,
          ct.reply,
          ct.tcp && TCP_FIELDS.map((k) => ct.tcp![k]),
        ]);
    expect(fields(loaded)).toEqual(fields(host));
    expect(
      loaded
        .conntrack()
        .all()
        .map((ct) => ct.labels),
    ).toContain(32n);
  });

  it("a loaded table still matches replies: the DNAT connection's SYN-ACK is ESTABLISHED", () => {
    const host = deserializeHost(serializeHost(deserializeHost(fixture("state-ct-objects.iptwin"))));
    const sh = new ShellSession(host);
    const [r] = sh.run("send -i eth1 -p tcp -s 10.0.1.2 --sport 80 -d 10.0.1.1 --dport 40000 --tcp-flags ACK");
    expect(r!.stdout).toContain("forwarded out eth0");
    expect(r!.stdout).toContain("dst 10.0.1.1:40000 → 10.0.0.5:40000");
  });
});

describe("state file: policy routing rules", () => {
  it("keeps the rules, a goto's target and the split local table", () => {
    const host = new Host();
    const sh = new ShellSession(host);
    const script = [
      "ip link add eth0 type dummy",
      "ip addr add 10.0.0.1/24 dev eth0",
      "ip link set eth0 up",
      "ip route add default via 10.0.0.254 table 100",
      "ip rule add pref 10 goto 20",
      "ip rule add pref 20 fwmark 0x1/0xff lookup 100",
      "ip rule add pref 30 not from 10.0.0.0/8 iif nosuch lookup 7 suppress_prefixlength 0",
    ];
    for (const r of sh.run(script.join("\n"))) expect(r.stderr, r.cmd).toBe("");
    const show = (h: Host) =>
      new ShellSession(h)
        .run("ip rule\nip route get 192.0.2.1 mark 0x101\nip route get 127.0.0.1")
        .map((r) => r.stdout + r.stderr)
        .join("");
    const before = show(host);
    expect(before).toContain("10:\tfrom all goto 20\n");
    expect(before).toContain("via 10.0.0.254 dev eth0 table 100");
    expect(before).toContain("table local");
    expect(show(deserializeHost(serializeHost(host)))).toBe(before);
  });
});
