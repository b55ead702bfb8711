/**
 * The lab file (YAML): hosts, their interfaces, routes, sysctls, listeners,
 * files and rule sets, and the links between interfaces. Example (see
 * examples/lab-basic.yaml):
 *
 *   start: 2017-09-02T08:50:00Z      # optional: when the hosts booted (UTC); default: now
 *   flavour: nft                     # optional: nft (default) or legacy, for every host
 *   hosts:
 *     client:
 *       hostname: client             # optional: the name in logs and prompts (default: the key)
 *       aliases: [server2]           # optional: more names for it in every host's /etc/hosts
 *       interfaces:
 *         eth0: 10.0.0.2/24          # or { address: CIDR | addresses: [CIDR…], mac: …, mtu: …, up: … }
 *       routes: [default via 10.0.0.1]          # `ip route add` arguments
 *       sysctls: { net.ipv4.ip_forward: 1 }
 *       listen: [80/tcp, { port: 8080, app: http, body: "hi\n" }]   # app: close (default), http, banner, hold
 *       rules: |                     # iptables-save text, restored with iptables-restore
 *         *filter
 *         -A INPUT -p icmp -j ACCEPT
 *         COMMIT
 *       rules-file: client.rules     # or a file of it (relative to the lab file)
 *       iptables: ["-A INPUT -p tcp --dport 22 -j ACCEPT"]   # or iptables commands, one each
 *       run: ["systemctl enable iptables"]     # any command of the host's shell, in order
 *       files: { /etc/sysconfig/iptables: "…" }
 *   links:                           # cables: two interfaces each
 *     - [client:eth0, router:eth0]
 *   switches:                        # switches: any number of interfaces
 *     lan: [router:eth1, web1:eth0, web2:eth0]
 *
 * Every host also knows every other host by name (its addresses are in each
 * /etc/hosts). A file with any error is refused as a whole: FILE:LINE: reason.
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";

export class LabFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

export interface IfaceSpec {
  name: string;
  line: number;
  addresses: Array<{ text: string; line: number }>;
  mac?: string;
  mtu?: number;
  up: boolean;
}

export interface ListenSpecText {
  line: number;
  proto: "tcp" | "udp";
  port: number;
  address?: string;
  app: "close" | "http" | "banner" | "hold";
  body?: string;
}

export interface Lined<T> {
  value: T;
  line: number;
}

export interface HostSpec {
  name: string;
  line: number;
  hostname?: string;
  flavour?: "nft" | "legacy";
  aliases: string[];
  interfaces: IfaceSpec[];
  routes: Array<Lined<string>>;
  sysctls: Array<Lined<[string, string]>>;
  listen: ListenSpecText[];
  rules?: { text: string; line: number; firstLine: number };
  rulesFile?: Lined<string>;
  iptables: Array<Lined<string>>;
  run: Array<Lined<string>>;
  files: Array<Lined<[string, string]>>;
}

export interface SegmentSpec {
  name: string;
  kind: "link" | "switch";
  line: number;
  ports: Array<Lined<[string, string]>>;
}

export interface LabSpec {
  file: string;
  start?: number;
  flavour?: "nft" | "legacy";
  hosts: HostSpec[];
  segments: SegmentSpec[];
}

const TOP_KEYS = ["lab", "start", "flavour", "hosts", "links", "switches"];
const HOST_KEYS = [
  "hostname",
  "flavour",
  "aliases",
  "interfaces",
  "routes",
  "sysctls",
  "listen",
  "rules",
  "rules-file",
  "iptables",
  "run",
  "files",
];
const IFACE_KEYS = ["address", "addresses", "mac", "mtu", "up"];
const LISTEN_KEYS = ["port", "proto", "address", "app", "body"];
const APPS = ["close", "http", "banner", "hold"];

/** Reads a lab file's text. Throws LabFileError with the line of the first problem. */
export function parseLabFile(file: string, text: string): LabSpec {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const lineOf = (n: Node | null | undefined | { range?: unknown }): number => {
    const r = (n as { range?: [number, number, number] } | null | undefined)?.range;
    return r ? lc.linePos(r[0]).line : 1;
  };
  const fail = (n: unknown, msg: string): never => {
    throw new LabFileError(file, lineOf(n as Node), msg);
  };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line;
    throw new LabFileError(file, line, `YAML: ${e.message.split("\n")[0]}`);
  }
  const root = doc.contents;
  if (!isMap(root)) return fail(root, "a lab file is a mapping with `hosts:` (and `links:`, `switches:`)");
  const str = (n: unknown, what: string): string => {
    if (!isScalar(n) || n.value === null || typeof n.value === "object") return fail(n, `${what}: expected a value`);
    return String((n as Scalar).value);
  };
  const keysOf = (m: YAMLMap, allowed: readonly string[], where: string): Array<[string, Node | null, Node]> => {
    const out: Array<[string, Node | null, Node]> = [];
    for (const it of m.items) {
      const k = str(it.key, `${where}: key`);
      if (!allowed.includes(k)) fail(it.key, `${where}: unknown key '${k}' (known: ${allowed.join(", ")})`);
      out.push([k, it.value as Node | null, it.key as Node]);
    }
    return out;
  };
  const list = (n: Node | null, what: string): Node[] => {
    if (isSeq(n)) return (n as YAMLSeq).items as Node[];
    if (isScalar(n) && n.value !== null) return [n];
    return fail(n, `${what}: expected a list`);
  };
  const spec: LabSpec = { file, hosts: [], segments: [] };
  let hostsNode: YAMLMap | undefined;
  for (const [k, v, kn] of keysOf(root, TOP_KEYS, "lab")) {
    switch (k) {
      case "lab":
        str(v, "lab");
        break;
      case "start": {
        const s = str(v, "start");
        const ms = Date.parse(/Z$|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
        if (!Number.isFinite(ms)) fail(v, `start: not a date and time: '${s}' (e.g. 2017-09-02T08:50:00Z)`);
        spec.start = Math.floor(ms / 1000);
        break;
      }
      case "flavour": {
        const f = str(v, "flavour");
        if (f !== "nft" && f !== "legacy") fail(v, `flavour: '${f}' (nft or legacy)`);
        spec.flavour = f as "nft" | "legacy";
        break;
      }
      case "hosts":
        if (!isMap(v)) fail(v ?? kn, "hosts: expected a mapping of host names");
        hostsNode = v as YAMLMap;
        break;
      case "links":
        for (const item of list(v, "links")) {
          const ports = isSeq(item)
            ? ((item as YAMLSeq).items as Node[]).map((x) => ({ text: str(x, "links"), node: x }))
            : str(item, "links")
                .trim()
                .split(/[\s,]+/)
                .map((text) => ({ text, node: item }));
          if (ports.length !== 2)
            fail(item, "links: a link joins exactly two interfaces (HOST:IFACE HOST:IFACE); use switches: for more");
          spec.segments.push({
            name: `link${spec.segments.filter((s) => s.kind === "link").length + 1}`,
            kind: "link",
            line: lineOf(item),
            ports: ports.map((p) => portRef(p.text, lineOf(p.node), file)),
          });
        }
        break;
      case "switches":
        if (!isMap(v)) fail(v ?? kn, "switches: expected a mapping NAME: [HOST:IFACE, …]");
        for (const it of (v as YAMLMap).items) {
          const name = str(it.key, "switches: name");
          const ports = list(it.value as Node, `switches: ${name}`).map((x) =>
            portRef(str(x, `switches: ${name}`), lineOf(x), file),
          );
          spec.segments.push({ name, kind: "switch", line: lineOf(it.key as Node), ports });
        }
        break;
    }
  }
  if (!hostsNode || hostsNode.items.length === 0)
    return fail(root, "no hosts: a lab needs `hosts:` with at least one host");
  for (const it of hostsNode.items) {
    const name = str(it.key, "hosts: name");
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) fail(it.key, `hosts: '${name}' is not a host name`);
    const h: HostSpec = {
      name,
      line: lineOf(it.key as Node),
      aliases: [],
      interfaces: [],
      routes: [],
      sysctls: [],
      listen: [],
      iptables: [],
      run: [],
      files: [],
    };
    const body = it.value as Node | null;
    if (body !== null && !isMap(body)) fail(body, `hosts: ${name}: expected a mapping`);
    for (const [k, v, kn] of body ? keysOf(body as YAMLMap, HOST_KEYS, `host ${name}`) : []) {
      const w = `host ${name}: ${k}`;
      switch (k) {
        case "hostname":
          h.hostname = str(v, w);
          break;
        case "flavour": {
          const f = str(v, w);
          if (f !== "nft" && f !== "legacy") fail(v, `${w}: '${f}' (nft or legacy)`);
          h.flavour = f as "nft" | "legacy";
          break;
        }
        case "aliases":
          for (const x of list(v, w)) h.aliases.push(str(x, w));
          break;
        case "interfaces":
          if (!isMap(v)) fail(v ?? kn, `${w}: expected a mapping IFACE: CIDR or IFACE: {address: …}`);
          for (const ii of (v as YAMLMap).items) {
            const ifn = str(ii.key, w);
            if (!/^[A-Za-z0-9_.:-]{1,15}$/.test(ifn) || ifn === "lo")
              fail(ii.key, `${w}: '${ifn}' is not a usable interface name`);
            const f: IfaceSpec = { name: ifn, line: lineOf(ii.key as Node), addresses: [], up: true };
            const iv = ii.value as Node | null;
            if (isMap(iv)) {
              for (const [ik, ivv] of keysOf(iv as YAMLMap, IFACE_KEYS, `${w} ${ifn}`)) {
                const ww = `${w} ${ifn}: ${ik}`;
                if (ik === "address") f.addresses.push({ text: str(ivv, ww), line: lineOf(ivv) });
                else if (ik === "addresses")
                  for (const x of list(ivv, ww)) f.addresses.push({ text: str(x, ww), line: lineOf(x) });
                else if (ik === "mac") f.mac = str(ivv, ww);
                else if (ik === "mtu") {
                  const m = str(ivv, ww);
                  if (!/^\d+$/.test(m)) fail(ivv, `${ww}: not a number: '${m}'`);
                  f.mtu = Number(m);
                } else if (ik === "up") {
                  const u = str(ivv, ww);
                  if (u !== "true" && u !== "false") fail(ivv, `${ww}: true or false`);
                  f.up = u === "true";
                }
              }
            } else if (iv !== null && iv !== undefined) {
              for (const x of list(iv, `${w} ${ifn}`)) f.addresses.push({ text: str(x, w), line: lineOf(x) });
            }
            h.interfaces.push(f);
          }
          break;
        case "routes":
          for (const x of list(v, w)) h.routes.push({ value: str(x, w), line: lineOf(x) });
          break;
        case "sysctls":
          if (!isMap(v)) fail(v ?? kn, `${w}: expected a mapping NAME: VALUE`);
          for (const si of (v as YAMLMap).items)
            h.sysctls.push({ value: [str(si.key, w), str(si.value, w)], line: lineOf(si.key as Node) });
          break;
        case "listen":
          for (const x of list(v, w)) h.listen.push(listenSpec(x, w, lineOf(x), str, keysOf, fail));
          break;
        case "rules": {
          const t = str(v, w);
          // A block scalar's text starts on the line after its indicator.
          const type = (v as Scalar).type;
          const first = lineOf(v) + (type === "BLOCK_LITERAL" || type === "BLOCK_FOLDED" ? 1 : 0);
          h.rules = { text: t.endsWith("\n") ? t : `${t}\n`, line: lineOf(v), firstLine: first };
          break;
        }
        case "rules-file":
          h.rulesFile = { value: str(v, w), line: lineOf(v) };
          break;
        case "iptables":
          for (const x of list(v, w)) h.iptables.push({ value: str(x, w), line: lineOf(x) });
          break;
        case "run":
          for (const x of list(v, w)) h.run.push({ value: str(x, w), line: lineOf(x) });
          break;
        case "files":
          if (!isMap(v)) fail(v ?? kn, `${w}: expected a mapping PATH: CONTENTS`);
          for (const fi of (v as YAMLMap).items) {
            const p = str(fi.key, w);
            if (!p.startsWith("/")) fail(fi.key, `${w}: '${p}' is not an absolute path`);
            h.files.push({ value: [p, str(fi.value, w)], line: lineOf(fi.key as Node) });
          }
          break;
      }
    }
    if (h.rules && h.rulesFile) fail(body, `host ${name}: give rules or rules-file, not both`);
    spec.hosts.push(h);
  }
  return spec;
}

function portRef(text: string, line: number, file: string): Lined<[string, string]> {
  const m = /^([^:\s]+):([^:\s]+)$/.exec(text);
  if (!m) throw new LabFileError(file, line, `'${text}' is not HOST:IFACE`);
  return { value: [m[1]!, m[2]!], line };
}

function listenSpec(
  x: Node,
  w: string,
  line: number,
  str: (n: unknown, what: string) => string,
  keysOf: (m: YAMLMap, allowed: readonly string[], where: string) => Array<[string, Node | null, Node]>,
  fail: (n: unknown, msg: string) => never,
): ListenSpecText {
  const s: ListenSpecText = { line, proto: "tcp", port: 0, app: "close" };
  const port = (t: string, n: unknown) => {
    if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 65535) fail(n, `${w}: bad port '${t}'`);
    return Number(t);
  };
  if (isMap(x)) {
    for (const [k, v] of keysOf(x as YAMLMap, LISTEN_KEYS, w)) {
      if (k === "port") s.port = port(str(v, w), v);
      else if (k === "proto") {
        const p = str(v, w);
        if (p !== "tcp" && p !== "udp") fail(v, `${w}: proto '${p}' (tcp or udp)`);
        s.proto = p as "tcp" | "udp";
      } else if (k === "address") s.address = str(v, w);
      else if (k === "app") {
        const a = str(v, w);
        if (!APPS.includes(a)) fail(v, `${w}: app '${a}' (${APPS.join(", ")})`);
        s.app = a as ListenSpecText["app"];
      } else if (k === "body") s.body = str(v, w);
    }
    if (!s.port) fail(x, `${w}: a listener needs a port`);
    if (s.proto === "udp" && s.app !== "close") fail(x, `${w}: UDP listeners take datagrams only (no app)`);
    return s;
  }
  const t = str(x, w).trim();
  const m = /^(?:(\d+\.\d+\.\d+\.\d+):)?(\d+)(?:\/(tcp|udp))?(?:\s+(\w+))?$/.exec(t);
  if (!m) return fail(x, `${w}: '${t}' is not [ADDR:]PORT[/tcp|udp] [APP]`);
  if (m[1]) s.address = m[1];
  s.port = port(m[2]!, x);
  if (m[3]) s.proto = m[3] as "tcp" | "udp";
  if (m[4]) {
    if (!APPS.includes(m[4])) fail(x, `${w}: app '${m[4]}' (${APPS.join(", ")})`);
    s.app = m[4] as ListenSpecText["app"];
  }
  return s;
}
