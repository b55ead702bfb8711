// A kube-proxy (iptables mode) shaped rule set: N services × E endpoints,
// the chains and rule forms kube-proxy 1.2x writes. Deterministic.

function hash(s) {
  // Short stable chain suffix (kube-proxy uses base32 of sha256; any stable 16 chars do).
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    h1 = Math.imul(h1 ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ s.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let out = "";
  let x = h1;
  const y = h2;
  for (let i = 0; i < 16; i++) {
    const v = i < 8 ? x : y;
    out += a[(v >>> ((i % 8) * 4)) & 31];
    if (i === 7) x = y;
  }
  return out;
}

export function serviceIP(i) {
  return `10.96.${(i >> 8) & 255}.${i & 255}`;
}

export function endpointIP(i, e) {
  const n = i * 7 + e;
  return `10.244.${(n >> 8) & 255}.${n & 255}`;
}

/** iptables-restore text of the nat and filter tables for `services` × `endpoints`. */
export function kubeProxyRules(services, endpoints = 3) {
  const chains = [
    ":PREROUTING ACCEPT [0:0]",
    ":INPUT ACCEPT [0:0]",
    ":OUTPUT ACCEPT [0:0]",
    ":POSTROUTING ACCEPT [0:0]",
    ":KUBE-MARK-MASQ - [0:0]",
    ":KUBE-NODEPORTS - [0:0]",
    ":KUBE-POSTROUTING - [0:0]",
    ":KUBE-SERVICES - [0:0]",
  ];
  const rules = [
    '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
    "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
    "-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN",
    "-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0",
    '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
  ];
  const svcRules = [];
  for (let i = 0; i < services; i++) {
    const name = `ns${i % 50}/svc-${i}:http`;
    const svc = `KUBE-SVC-${hash(name)}`;
    const ip = serviceIP(i);
    chains.push(`:${svc} - [0:0]`);
    svcRules.push(
      `-A KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "${name} cluster IP" -m tcp --dport 80 -j ${svc}`,
    );
    rules.push(
      `-A ${svc} ! -s 10.244.0.0/16 -d ${ip}/32 -p tcp -m comment --comment "${name} cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ`,
    );
    for (let e = 0; e < endpoints; e++) {
      const ep = endpointIP(i, e);
      const sep = `KUBE-SEP-${hash(`${name}->${ep}`)}`;
      chains.push(`:${sep} - [0:0]`);
      const left = endpoints - e;
      const stat = left > 1 ? ` -m statistic --mode random --probability ${(1 / left).toFixed(11)}` : "";
      rules.push(`-A ${svc} -m comment --comment "${name} -> ${ep}:8080"${stat} -j ${sep}`);
      rules.push(`-A ${sep} -s ${ep}/32 -m comment --comment "${name}" -j KUBE-MARK-MASQ`);
      rules.push(`-A ${sep} -p tcp -m comment --comment "${name}" -m tcp -j DNAT --to-destination ${ep}:8080`);
    }
  }
  const nodeports =
    '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS';
  const filter = [
    "*filter",
    ":INPUT ACCEPT [0:0]",
    ":FORWARD ACCEPT [0:0]",
    ":OUTPUT ACCEPT [0:0]",
    ":KUBE-FORWARD - [0:0]",
    '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
    "-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP",
    '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
    '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    "COMMIT",
  ];
  return [...filter, "*nat", ...chains, ...rules, ...svcRules, nodeports, "COMMIT", ""].join("\n");
}
