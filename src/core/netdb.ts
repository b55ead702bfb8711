/**
 * The twin's name databases: services and protocols (built-in copies of
 * Debian 12 netbase), plus the hosts and networks tables of one twin host.
 * Nothing here ever consults DNS.
 */
import { PROTOCOLS, SERVICES } from "./netdb-data.js";

const serviceByNameProto = new Map<string, number>();
const serviceByNameAny = new Map<string, number>();
const serviceByPortProto = new Map<string, string>();
for (const [name, port, proto, aliases] of SERVICES) {
  for (const n of [name, ...aliases]) {
    const k = `${n}/${proto}`;
    if (!serviceByNameProto.has(k)) serviceByNameProto.set(k, port);
    if (!serviceByNameAny.has(n)) serviceByNameAny.set(n, port);
  }
  const pk = `${port}/${proto}`;
  if (!serviceByPortProto.has(pk)) serviceByPortProto.set(pk, name);
}

const protoByName = new Map<string, number>();
const protoByNumber = new Map<number, string>();
for (const [name, num, aliases] of PROTOCOLS) {
  for (const n of [name, ...aliases]) if (!protoByName.has(n)) protoByName.set(n, num);
  if (!protoByNumber.has(num)) protoByNumber.set(num, name);
}

/** getservbyname(name, proto); proto undefined means any protocol. */
export function getServByName(name: string, proto?: string): number | undefined {
  return proto === undefined ? serviceByNameAny.get(name) : serviceByNameProto.get(`${name}/${proto}`);
}

/** getservbyport(port, proto) → the service's official name. */
export function getServByPort(port: number, proto: string): string | undefined {
  return serviceByPortProto.get(`${port}/${proto}`);
}

/** getprotobyname() */
export function getProtoByName(name: string): number | undefined {
  return protoByName.get(name);
}

/** getprotobynumber() → official name */
export function getProtoByNumber(num: number): string | undefined {
  return protoByNumber.get(num);
}

/**
 * getaddrinfo(NULL, service) port resolution as xtables_getportbyname uses
 * it: a decimal number, or a service name of any protocol.
 */
export function getPortByName(name: string): number | undefined {
  // glibc: a numeric service is strtoul(…, 10) stored in an int; negative fails, htons() truncates.
  if (name === "") return 0; // strtoul("") ends at the NUL: numeric 0
  const num = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)$/.exec(name);
  if (num) {
    let v = BigInt(num[2]!);
    if (v > 0xffffffffffffffffn) return undefined;
    if (num[1] === "-") v = (0x10000000000000000n - v) & 0xffffffffffffffffn;
    const i = Number(BigInt.asIntN(32, v));
    return i < 0 ? undefined : i & 0xffff;
  }
  return serviceByNameAny.get(name);
}

/** A hosts(5)-like table: address ↔ names. */
export interface HostsEntry {
  addr: number;
  names: string[];
}

/** The networks(5) table of a Debian 12 host. */
export const DEFAULT_NETWORKS: ReadonlyArray<readonly [string, number]> = [
  ["default", 0x00000000],
  ["loopback", 0x7f000000],
  ["link-local", 0xa9fe0000],
];

/** Name lookups of one twin host. */
export class NameDb {
  hosts: HostsEntry[];
  networks: Array<readonly [string, number]>;

  constructor(hosts?: HostsEntry[], networks?: Array<readonly [string, number]>) {
    this.hosts = hosts ?? [{ addr: 0x7f000001, names: ["localhost"] }];
    this.networks = networks ?? DEFAULT_NETWORKS.map((e) => e);
  }

  /** All addresses a host name resolves to (getaddrinfo over the hosts file), in file order. */
  lookupHost(name: string): number[] {
    const out: number[] = [];
    for (const e of this.hosts) if (e.names.includes(name) && !out.includes(e.addr)) out.push(e.addr);
    return out;
  }

  /** getnameinfo() without NI_NAMEREQD: the first hosts name, else undefined (caller prints numerically). */
  reverseHost(addr: number): string | undefined {
    for (const e of this.hosts) if (e.addr === addr) return e.names[0];
    return undefined;
  }

  /** getnetbyaddr() */
  networkByAddr(addr: number): string | undefined {
    for (const [n, a] of this.networks) if (a === addr) return n;
    return undefined;
  }

  /** getnetbyname() */
  networkByName(name: string): number | undefined {
    for (const [n, a] of this.networks) if (n === name) return a;
    return undefined;
  }
}
