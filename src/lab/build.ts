/**
 * A lab from its file: every host built and checked in memory, so that a
 * file with any error (bad address, a link to a missing interface, a rule
 * set iptables-restore refuses, a failing command) is refused as a whole.
 */

import { MemoryIO, ShellSession } from "../compat/session.js";
import { inetAton } from "../core/ipv4.js";
import { parseMac } from "../core/packet.js";
import { Rng } from "../core/rng.js";
import { Host } from "../host.js";
import { fnv1a } from "../state/serialize.js";
import { hostIO } from "./commands.js";
import { LabFileError, type LabSpec, parseLabFile } from "./file.js";
import { Lab } from "./lab.js";
import { freshSys, setSys } from "./sys.js";

export interface BuildOptions {
  /** Reads a file the lab file names (rules-file), relative to the lab file. */
  readFile?: (path: string) => string;
  /** Boot time when the file gives no `start:` (default: now). */
  now?: number;
}

function cidr(text: string): { addr: number; plen: number } | undefined {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const parts = m[1]!.split(".").map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  const plen = m[2] === undefined ? 32 : Number(m[2]);
  if (plen > 32) return undefined;
  return { addr: inetAton(m[1]!)! >>> 0, plen };
}

function firstLine(s: string): string {
  return s.split("\n").find((l) => l.trim() !== "") ?? "";
}

/** Builds the lab a file describes. Throws LabFileError. */
export function buildLab(spec: LabSpec, opts: BuildOptions = {}): Lab {
  const file = spec.file;
  const fail = (line: number, msg: string): never => {
    throw new LabFileError(file, line, msg);
  };
  const epoch = spec.start ?? opts.now ?? Math.floor(Date.now() / 1000);
  const lab = new Lab({ epoch, nowNs: 0 });
  // Names first: every host resolves every other (and the rules may name them).
  const seen = new Set<string>();
  const names: Array<{ addr: number; names: string[] }> = [{ addr: 0x7f000001, names: ["localhost"] }];
  for (const h of spec.hosts) {
    const hn = h.hostname ?? h.name;
    for (const n of [h.name, hn, ...h.aliases]) {
      if (seen.has(n)) fail(h.line, `the name '${n}' is used by two hosts`);
    }
    const mine = [...new Set([h.name, hn, ...h.aliases])];
    for (const n of mine) seen.add(n);
    for (const i of h.interfaces)
      for (const a of i.addresses) {
        const c = cidr(a.text);
        if (!c) fail(a.line, `host ${h.name}: interface ${i.name}: bad address '${a.text}' (expected A.B.C.D/LEN)`);
        if (!names.some((e) => e.addr === c!.addr)) names.push({ addr: c!.addr, names: mine });
      }
  }
  spec.hosts.forEach((h, hi) => {
    const host = new Host({ flavour: h.flavour ?? spec.flavour ?? "nft", epoch });
    // A seed of its own per host: ports, ISNs and ping ids differ between hosts.
    Object.assign(host.rng, new Rng(Number.parseInt(fnv1a(h.name), 16)));
    host.db.hosts = names.map((e) => ({ addr: e.addr, names: [...e.names] }));
    const sys = freshSys(h.hostname ?? h.name);
    setSys(host, sys);
    const lh = lab.addHost(h.name, host);
    const net = host.net;
    h.interfaces.forEach((i, ii) => {
      let mac = 0x020000000000 + (hi + 1) * 0x10000 + (ii + 1);
      if (i.mac !== undefined) {
        const m = parseMac(i.mac);
        if (m === undefined || Math.floor(m / 2 ** 40) & 1 || m === 0)
          fail(i.line, `host ${h.name}: interface ${i.name}: bad MAC address '${i.mac}'`);
        mac = m!;
      }
      if (i.mtu !== undefined && (i.mtu < 68 || i.mtu > 65535))
        fail(i.line, `host ${h.name}: interface ${i.name}: MTU ${i.mtu} out of range (68-65535)`);
      const e = net.addLink("ether", { name: i.name, mac, mtu: i.mtu, up: i.up });
      if (e) fail(i.line, `host ${h.name}: interface ${i.name}: ${e.errno}`);
      for (const a of i.addresses) {
        const c = cidr(a.text)!;
        const r = host.ip(["addr", "add", `${formatAddr(c.addr)}/${c.plen}`, "dev", i.name]);
        if (r.status !== 0) fail(a.line, `host ${h.name}: ip addr add ${a.text} dev ${i.name}: ${firstLine(r.stderr)}`);
      }
    });
    for (const s of h.sysctls) {
      const [k, v] = s.value;
      const r = host.sysctl(["-w", `${k}=${v}`]);
      if (r.status !== 0) fail(s.line, `host ${h.name}: sysctl ${k}=${v}: ${firstLine(r.stderr)}`);
    }
    for (const rt of h.routes) {
      const words = rt.value.trim().split(/\s+/);
      const r = host.ip(["route", "add", ...words]);
      if (r.status !== 0) fail(rt.line, `host ${h.name}: ip route add ${rt.value}: ${firstLine(r.stderr)}`);
    }
    for (const l of h.listen) {
      let addr = 0;
      if (l.address !== undefined) {
        const c = cidr(l.address);
        if (c?.plen !== 32) fail(l.line, `host ${h.name}: listen: bad address '${l.address}'`);
        addr = c!.addr;
        if (addr !== 0 && !net.isLocal(addr))
          fail(l.line, `host ${h.name}: listen: ${l.address} is not an address of the host`);
      }
      if (sys.listeners.some((x) => x.proto === l.proto && x.port === l.port && (x.addr === addr || !x.addr || !addr)))
        fail(l.line, `host ${h.name}: listen: ${l.port}/${l.proto}: Address already in use`);
      sys.listeners.push({
        proto: l.proto,
        addr,
        port: l.port,
        app: l.app,
        ...(l.body !== undefined ? { body: l.body } : {}),
      });
    }
    for (const f of h.files)
      sys.files.set(f.value[0], f.value[1].endsWith("\n") || f.value[1] === "" ? f.value[1] : `${f.value[1]}\n`);
    let rules = h.rules;
    if (h.rulesFile) {
      if (!opts.readFile) fail(h.rulesFile.line, `host ${h.name}: rules-file: no file access here`);
      let text = "";
      try {
        text = opts.readFile!(h.rulesFile.value);
      } catch (e) {
        fail(h.rulesFile.line, `host ${h.name}: rules-file ${h.rulesFile.value}: ${(e as Error).message}`);
      }
      rules = { text, line: h.rulesFile.line, firstLine: 0 };
    }
    if (rules) {
      const r = host.restore(rules.text);
      if (r.status !== 0) {
        // "iptables-restore: line N failed": point at that line of the file when the rules are inline.
        const m = /line:? (\d+)/.exec(r.stderr);
        const line = m && rules.firstLine ? rules.firstLine + Number(m[1]) - 1 : rules.line;
        fail(line, `host ${h.name}: iptables-restore refused the rules: ${r.stderr.trim().split("\n").join(" / ")}`);
      }
    }
    const session = new ShellSession(host, hostIO(host, new MemoryIO()));
    for (const c of h.iptables) {
      const res = session.run(`iptables ${c.value}`);
      const bad = res.find((x) => x.status !== 0);
      if (bad)
        fail(c.line, `host ${h.name}: iptables ${c.value}: ${firstLine(bad.stderr) || `exit status ${bad.status}`}`);
    }
    lh.server.open();
  });
  const ifaceLine = new Map<string, number>();
  for (const h of spec.hosts) for (const i of h.interfaces) ifaceLine.set(`${h.name}:${i.name}`, i.line);
  for (const seg of spec.segments) {
    for (const p of seg.ports) {
      const [hn, dev] = p.value;
      const lh = lab.host(hn);
      if (!lh) fail(p.line, `${seg.kind} ${seg.name}: no host '${hn}' in the lab`);
      if (!lh!.host.net.iface(dev)) fail(p.line, `${seg.kind} ${seg.name}: host ${hn} has no interface '${dev}'`);
      const other = lh!.links.get(dev);
      if (other) fail(p.line, `${seg.kind} ${seg.name}: ${hn}:${dev} is already plugged into ${other.name}`);
      if (seg.ports.filter((q) => q.value[0] === hn && q.value[1] === dev).length > 1)
        fail(p.line, `${seg.kind} ${seg.name}: ${hn}:${dev} is named twice`);
    }
    lab.connect(
      seg.name,
      seg.kind,
      seg.ports.map((p) => p.value),
    );
  }
  // Commands last: they may send traffic (the links are in place).
  for (const h of spec.hosts) {
    const lh = lab.host(h.name)!;
    const session = new ShellSession(lh.host, hostIO(lh.host, new MemoryIO()));
    for (const c of h.run) {
      const res = session.run(c.value);
      const bad = res.find((x) => x.status !== 0);
      if (bad) fail(c.line, `host ${h.name}: ${c.value}: ${firstLine(bad.stderr) || `exit status ${bad.status}`}`);
    }
  }
  lab.settle();
  return lab;
}

/** Parses and builds a lab file in one step. */
export function labFromFile(file: string, text: string, opts: BuildOptions = {}): Lab {
  return buildLab(parseLabFile(file, text), opts);
}

function formatAddr(a: number): string {
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}
