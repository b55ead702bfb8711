/**
 * The twin's network configuration: FIB lookups (longest prefix, metrics,
 * merged local/main tables, rejecting route types), the routes the kernel
 * derives from addresses, and the coupling of the sysctls.
 */
import { describe, expect, it } from "vitest";
import { runIp } from "../src/compat/ip/index.js";
import { runSysctl } from "../src/compat/sysctl.js";
import {
  type KErr,
  NetConfig,
  type RouteSpec,
  RT_SCOPE_LINK,
  RT_SCOPE_NOWHERE,
  RT_SCOPE_UNIVERSE,
  RT_TABLE_LOCAL,
  RT_TABLE_MAIN,
  RTPROT_BOOT,
} from "../src/engine/net.js";
import { parseConfWrite, procGetLong } from "../src/engine/net-conf.js";

const ip4 = (s: string) => s.split(".").reduce((a, b) => a * 256 + Number(b), 0);

function ok(e: KErr | undefined): void {
  expect(e).toBeUndefined();
}

/** lo, and a veth pair v0/v1 with both ends up and 10.0.0.1/24 on v0. */
function lab(): NetConfig {
  const net = new NetConfig();
  ok(net.addLink("veth", { name: "v0", mac: 0x020000000001, up: true }, { name: "v1", mac: 0x020000000002 }));
  ok(net.setUp(net.iface("v1")!, true));
  ok(
    net.addAddr(net.iface("v0")!, {
      addr: ip4("10.0.0.1"),
      plen: 24,
      brd: 0,
      scope: 0,
      metric: 0,
      noprefixroute: false,
    }),
  );
  return net;
}

function route(over: Partial<RouteSpec>): RouteSpec {
  return {
    table: RT_TABLE_MAIN,
    type: 1,
    dst: 0,
    plen: 0,
    tos: 0,
    metric: 0,
    proto: RTPROT_BOOT,
    scope: over.gateway ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK,
    prefsrc: 0,
    gateway: 0,
    oif: 0,
    onlink: false,
    ...over,
  };
}

const show = (net: NetConfig, ...args: string[]) => runIp(net, args).stdout;

describe("route lookup", () => {
  it("prefers the longest prefix, then the lowest metric", () => {
    const net = lab();
    const v0 = net.iface("v0")!.index;
    ok(
      net.addRoute(route({ dst: ip4("10.1.0.0"), plen: 16, gateway: ip4("10.0.0.254") }), {
        create: true,
        excl: true,
      }),
    );
    ok(
      net.addRoute(route({ dst: ip4("10.1.2.0"), plen: 24, gateway: ip4("10.0.0.253"), metric: 10 }), {
        create: true,
        excl: true,
      }),
    );
    ok(
      net.addRoute(route({ dst: ip4("10.1.2.0"), plen: 24, gateway: ip4("10.0.0.252"), metric: 5 }), {
        create: true,
        excl: true,
      }),
    );
    expect(net.lookup(ip4("10.1.9.9"))).toMatchObject({
      type: "unicast",
      dev: "v0",
      gateway: ip4("10.0.0.254"),
      src: ip4("10.0.0.1"),
    });
    expect(net.lookup(ip4("10.1.2.3"))?.gateway).toBe(ip4("10.0.0.252"));
    expect(net.fibLookup({ dst: ip4("10.1.2.3") })?.metric).toBe(5);
    expect(net.lookup(ip4("10.0.0.9"))).toMatchObject({ type: "unicast", dev: "v0", gateway: 0 });
    expect(net.lookup(ip4("192.0.2.1"))).toBeUndefined();
    expect(v0).toBeGreaterThan(1);
  });

  it("sees local and main as one table: local routes first for the same prefix", () => {
    const net = lab();
    expect(net.lookup(ip4("10.0.0.1"))).toMatchObject({ type: "local", dev: "lo", src: ip4("10.0.0.1") });
    expect(net.lookup(ip4("10.0.0.255"))).toMatchObject({ type: "broadcast", dev: "v0" });
    expect(net.lookup(ip4("127.0.0.9"))).toMatchObject({ type: "local", dev: "lo", src: ip4("127.0.0.1") });
    // A more specific main route wins over the local table's 127.0.0.0/8.
    ok(
      net.addRoute(route({ dst: ip4("127.0.0.9"), plen: 32, oif: net.iface("v0")!.index }), {
        create: true,
        excl: true,
      }),
    );
    expect(net.lookup(ip4("127.0.0.9"))).toMatchObject({ type: "unicast", dev: "v0" });
  });

  it("answers blackhole, unreachable, prohibit and throw the kernel's way", () => {
    const net = lab();
    const types: Array<[number, string]> = [
      [6, "10.4.0.0"],
      [7, "10.5.0.0"],
      [8, "10.6.0.0"],
      [9, "10.7.0.0"],
    ];
    for (const [type, dst] of types)
      ok(
        net.addRoute(route({ type, dst: ip4(dst), plen: 16, scope: RT_SCOPE_UNIVERSE }), {
          create: true,
          excl: true,
        }),
      );
    expect(net.routeOutput({ dst: ip4("10.4.1.1") })).toEqual({ errno: "EINVAL" });
    expect(net.routeOutput({ dst: ip4("10.5.1.1") })).toEqual({ errno: "EHOSTUNREACH" });
    expect(net.routeOutput({ dst: ip4("10.6.1.1") })).toEqual({ errno: "EACCES" });
    expect(net.routeOutput({ dst: ip4("10.7.1.1") })).toEqual({ errno: "ENETUNREACH" });
    expect(net.lookup(ip4("10.4.1.1"))?.type).toBe("blackhole");
    expect(net.lookup(ip4("10.6.1.1"))?.type).toBe("prohibit");
    expect(net.lookup(ip4("10.7.1.1"))).toBeUndefined();
    // Forwarded packets only see the route when forwarding is on.
    const v1 = net.iface("v1")!.index;
    expect(net.routeInput({ dst: ip4("10.4.1.1"), src: ip4("10.9.0.1"), iif: v1 })).toEqual({ errno: "EHOSTUNREACH" });
    expect(net.sysctlWrite(["net", "ipv4", "ip_forward"], "1")).toBe("ok");
    expect(net.routeInput({ dst: ip4("10.4.1.1"), src: ip4("10.9.0.1"), iif: v1 })).toEqual({ errno: "EINVAL" });
  });

  it("orders a leaf by metric, prepends and appends within a metric, replaces the first", () => {
    const net = lab();
    const dst = ip4("10.1.0.0");
    const add = (gw: string, f: object, metric = 0) =>
      net.addRoute(route({ dst, plen: 16, gateway: ip4(gw), metric }), f);
    ok(add("10.0.0.254", { create: true, excl: true }));
    expect(add("10.0.0.253", { create: true, excl: true })).toEqual({ errno: "EEXIST" });
    ok(add("10.0.0.253", { create: true, append: true }));
    ok(add("10.0.0.252", { create: true }));
    ok(add("10.0.0.251", { create: true, excl: true }, 7));
    ok(add("10.0.0.250", { create: true, replace: true }));
    expect(
      net
        .tableRoutes(RT_TABLE_MAIN)
        .filter((r) => r.dst === dst)
        .map((r) => [r.gateway & 255, r.metric]),
    ).toEqual([
      [250, 0],
      [254, 0],
      [253, 0],
      [251, 7],
    ]);
    expect(add("10.0.0.9", { replace: true }, 4)).toEqual({ errno: "ENOENT" });
  });

  it("checks nexthops as fib_check_nh() does", () => {
    const net = lab();
    expect(
      net.addRoute(route({ dst: ip4("10.3.0.0"), plen: 16, gateway: ip4("10.9.9.9") }), {
        create: true,
        excl: true,
      }),
    ).toEqual({
      errno: "EINVAL",
      extack: "Nexthop has invalid gateway",
    });
    expect(net.addRoute(route({ dst: ip4("10.3.0.0"), plen: 16 }), { create: true, excl: true })).toEqual({
      errno: "ENODEV",
    });
    expect(net.addRoute(route({ dst: ip4("10.3.1.2"), plen: 16, oif: 2 }), { create: true, excl: true })).toEqual({
      errno: "EINVAL",
      extack: "Invalid prefix for given prefix length",
    });
    expect(
      net.addRoute(route({ type: 6, dst: ip4("10.3.0.0"), plen: 16, oif: 2, scope: 0 }), {
        create: true,
        excl: true,
      })?.extack,
    ).toBe("Gateway, device and multipath can not be specified for this route type");
    expect(
      net.addRoute(route({ dst: ip4("10.8.0.0"), plen: 16, oif: 2, prefsrc: ip4("10.0.0.2") }), {
        create: true,
        excl: true,
      })?.extack,
    ).toBe("Invalid prefsrc address");
  });
});

describe("routes derived from addresses", () => {
  it("adds local, broadcast and prefix routes, and keeps only local ones while the link is down", () => {
    const net = lab();
    expect(show(net, "route", "show", "table", "local")).toBe(
      "local 10.0.0.1 dev v0 proto kernel scope host src 10.0.0.1 \n" +
        "broadcast 10.0.0.255 dev v0 proto kernel scope link src 10.0.0.1 \n" +
        "local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 \n" +
        "local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 \n" +
        "broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 \n",
    );
    expect(show(net, "route")).toBe("10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 \n");
    ok(net.setUp(net.iface("v0")!, false));
    expect(show(net, "route")).toBe("");
    expect(show(net, "route", "show", "table", "local")).toContain(
      "local 10.0.0.1 dev v0 proto kernel scope host src 10.0.0.1 \n",
    );
    expect(show(net, "route", "show", "table", "local")).not.toContain("broadcast 10.0.0.255");
  });

  it("makes secondaries, which the primary takes along when it goes", () => {
    const net = lab();
    const v0 = net.iface("v0")!;
    ok(net.addAddr(v0, { addr: ip4("10.0.0.2"), plen: 24, brd: 0, scope: 0, metric: 0, noprefixroute: false }));
    expect(v0.addrs.map((a) => a.secondary)).toEqual([false, true]);
    expect(net.tableRoutes(RT_TABLE_LOCAL).find((r) => r.dst === ip4("10.0.0.2"))?.prefsrc).toBe(ip4("10.0.0.1"));
    ok(net.delAddr(v0, { addr: ip4("10.0.0.1"), peer: ip4("10.0.0.1"), plen: 24 }));
    expect(v0.addrs).toEqual([]);
    // No address left: every route through the device is gone.
    expect(net.tableRoutes(RT_TABLE_LOCAL).some((r) => r.oif === v0.index)).toBe(false);
    expect(net.delAddr(v0, { addr: ip4("10.0.0.1"), plen: 24 })).toEqual({
      errno: "EADDRNOTAVAIL",
      extack: "ipv4: Address not found",
    });
  });

  it("has no broadcast route for /31 and no prefix route for /32 or noprefixroute", () => {
    const net = lab();
    const v0 = net.iface("v0")!;
    ok(net.addAddr(v0, { addr: ip4("10.9.0.1"), plen: 31, brd: 0, scope: 0, metric: 0, noprefixroute: false }));
    ok(net.addAddr(v0, { addr: ip4("192.168.1.1"), plen: 32, brd: 0, scope: 0, metric: 0, noprefixroute: false }));
    ok(net.addAddr(v0, { addr: ip4("10.3.0.1"), plen: 24, brd: 0, scope: 0, metric: 0, noprefixroute: true }));
    const main = show(net, "route");
    expect(main).toContain("10.9.0.0/31 dev v0 proto kernel scope link src 10.9.0.1 \n");
    expect(main).not.toContain("192.168.1.1");
    expect(main).not.toContain("10.3.0.0/24");
    const local = show(net, "route", "show", "table", "local");
    expect(local).not.toContain("10.9.0.1 dev v0 proto kernel scope link");
    expect(local).toContain("broadcast 10.3.0.255 dev v0");
  });

  it("flags routes linkdown while the peer is down and removes static routes with the link", () => {
    const net = lab();
    ok(
      net.addRoute(route({ dst: ip4("10.1.0.0"), plen: 16, gateway: ip4("10.0.0.254") }), {
        create: true,
        excl: true,
      }),
    );
    ok(net.setUp(net.iface("v1")!, false));
    expect(show(net, "route")).toBe(
      "10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 linkdown \n10.1.0.0/16 via 10.0.0.254 dev v0 linkdown \n",
    );
    ok(net.setUp(net.iface("v0")!, false));
    ok(net.setUp(net.iface("v0")!, true));
    expect(show(net, "route")).toBe("10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 linkdown \n");
  });
});

describe("sysctls", () => {
  it("parses values as proc_dointvec() does", () => {
    expect(procGetLong("0x1")).toEqual({ neg: false, val: 1n });
    expect(procGetLong("010")).toEqual({ neg: false, val: 8n });
    expect(procGetLong("08")).toBeUndefined();
    expect(procGetLong("1 2")).toEqual({ neg: false, val: 1n });
    expect(procGetLong("+1")).toBeUndefined();
    expect(parseConfWrite({ k: "int" }, "2147483648")).toBeUndefined();
    expect(parseConfWrite({ k: "int" }, "-2147483648")).toBe(-2147483648);
    expect(parseConfWrite({ k: "u8", min: 0, max: 1 }, "2")).toBeUndefined();
    expect(parseConfWrite({ k: "jiffies" }, "8589934")).toBe(8589934);
    expect(parseConfWrite({ k: "jiffies" }, "8589935")).toBeUndefined();
    expect(parseConfWrite({ k: "msjiffies" }, "1001")).toBe(251);
    expect(parseConfWrite({ k: "msjiffies" }, "-5")).toBeUndefined();
  });

  it("couples ip_forward with every conf.*.forwarding", () => {
    const net = lab();
    expect(net.sysctlWrite(["net", "ipv4", "ip_forward"], "1")).toBe("ok");
    for (const d of ["all", "default", "lo", "v0", "v1"])
      expect(net.sysctlRead(["net", "ipv4", "conf", d, "forwarding"])).toBe("1");
    expect(net.sysctlRead(["net", "ipv4", "conf", "all", "accept_redirects"])).toBe("0");
    // default.forwarding reaches nobody; a device's own value is its own.
    expect(net.sysctlWrite(["net", "ipv4", "conf", "default", "forwarding"], "0")).toBe("ok");
    expect(net.sysctlRead(["net", "ipv4", "conf", "v0", "forwarding"])).toBe("1");
    expect(net.sysctlWrite(["net", "ipv4", "conf", "all", "forwarding"], "0")).toBe("ok");
    expect(net.sysctlRead(["net", "ipv4", "ip_forward"])).toBe("0");
    expect(net.sysctlRead(["net", "ipv4", "conf", "v1", "forwarding"])).toBe("0");
  });

  it("copies conf.default to devices that never set the key, and new devices inherit it", () => {
    const net = lab();
    expect(net.sysctlWrite(["net", "ipv4", "conf", "v0", "rp_filter"], "1")).toBe("ok");
    expect(net.sysctlWrite(["net", "ipv4", "conf", "default", "rp_filter"], "2")).toBe("ok");
    expect(net.sysctlRead(["net", "ipv4", "conf", "v1", "rp_filter"])).toBe("2");
    expect(net.sysctlRead(["net", "ipv4", "conf", "v0", "rp_filter"])).toBe("1");
    // lo came up: all its keys count as set.
    expect(net.sysctlRead(["net", "ipv4", "conf", "lo", "rp_filter"])).toBe("0");
    ok(net.addLink("veth", { name: "v2" }, { name: "v3" }));
    expect(net.sysctlRead(["net", "ipv4", "conf", "v2", "rp_filter"])).toBe("2");
    // The new device copied default's "set" marks: it no longer follows default.
    expect(net.sysctlWrite(["net", "ipv4", "conf", "default", "rp_filter"], "0")).toBe("ok");
    expect(net.sysctlRead(["net", "ipv4", "conf", "v2", "rp_filter"])).toBe("2");
    expect(net.sysctlRead(["net", "ipv4", "conf", "v1", "rp_filter"])).toBe("0");
    // route_localnet is a flushing entry: default does not reach existing devices.
    expect(net.sysctlWrite(["net", "ipv4", "conf", "default", "route_localnet"], "1")).toBe("ok");
    expect(net.sysctlRead(["net", "ipv4", "conf", "v1", "route_localnet"])).toBe("0");
  });

  it("prints what sysctl(8) prints", () => {
    const net = new NetConfig();
    expect(runSysctl(net, ["-w", "net.ipv4.ip_forward=1"])).toEqual({
      stdout: "net.ipv4.ip_forward = 1\n",
      stderr: "",
      status: 0,
    });
    expect(runSysctl(net, ["net.foo"])).toEqual({
      stdout: "",
      stderr: "sysctl: cannot stat /proc/sys/net/foo: No such file or directory\n",
      status: 1,
    });
    expect(runSysctl(net, ["-w", "net.ipv4.ip_forward=x"]).stderr).toBe(
      'sysctl: setting key "net.ipv4.ip_forward": Invalid argument\n',
    );
    expect(runSysctl(net, ["-n", "net.netfilter.nf_conntrack_max"]).stdout).toBe("262144\n");
  });
});

describe("interfaces", () => {
  it("draws MAC addresses from the injected generator", () => {
    let n = 0;
    const net = new NetConfig({ random32: () => [0x11223344, 0x55667788][n++ % 2]! });
    ok(net.addLink("bridge", { name: "br0" }));
    expect(show(net, "-br", "link", "show", "br0")).toBe(
      "br0              DOWN           12:22:33:44:77:88 <BROADCAST,MULTICAST> \n",
    );
    const again = new NetConfig();
    const other = new NetConfig();
    ok(again.addLink("veth", { name: "a" }));
    ok(other.addLink("veth", { name: "a" }));
    expect(again.iface("a")!.mac).toBe(other.iface("a")!.mac);
  });

  it("survives a round trip through its state", () => {
    const net = lab();
    ok(
      net.addRoute(route({ dst: ip4("10.1.0.0"), plen: 16, gateway: ip4("10.0.0.254") }), {
        create: true,
        excl: true,
      }),
    );
    expect(net.sysctlWrite(["net", "ipv4", "conf", "default", "rp_filter"], "2")).toBe("ok");
    const copy = NetConfig.fromJSON(JSON.parse(JSON.stringify(net.toJSON())));
    for (const args of [["addr"], ["route", "show", "table", "all"], ["link"]])
      expect(show(copy, ...args)).toBe(show(net, ...args));
    expect(copy.sysctlRead(["net", "ipv4", "conf", "v1", "rp_filter"])).toBe("2");
    ok(copy.addLink("veth", { name: "x0" }, { name: "x1" }));
    expect(copy.iface("x0")!.index).toBe(5);
    expect(RT_SCOPE_NOWHERE).toBe(255);
  });
});
