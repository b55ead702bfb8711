#!/usr/bin/env node
// Re-records test/fixtures/state-ct-objects.iptwin (+ .txt): a state file whose conntrack section
// holds entries and events as objects, written by the last iptwin version that wrote them so
// (80ff7a8), and what `conntrack -L -o extended`, `conntrack -L -o id` and `conntrack -E` print
// on that host:
//   git worktree add /tmp/oldct 80ff7a8 && ln -s "$PWD/node_modules" /tmp/oldct/node_modules
//   (cd /tmp/oldct && npx tsc -p tsconfig.json) && node scripts/record-state-conntrack.mjs /tmp/oldct
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

const old = resolve(process.argv[2] ?? "/tmp/oldct");
const out = new URL("../test/fixtures/", import.meta.url);
const { Host } = await import(`${old}/dist/index.js`);
const { ShellSession } = await import(`${old}/dist/compat/session.js`);
const { serializeHost } = await import(`${old}/dist/state/serialize.js`);
await import(`${old}/dist/state/conntrack-section.js`);

// TCP through DNAT and MASQUERADE with its reply, UDP in a zone, ICMP with a connmark and a
// label, TCP with a helper, all with accounting on
export const SETUP = `ip link add eth0 type dummy
ip link add eth1 type dummy
ip addr add 10.0.0.1/24 dev eth0
ip addr add 10.0.1.1/24 dev eth1
ip link set eth0 up
ip link set eth1 up
sysctl -qw net.ipv4.ip_forward=1 net.netfilter.nf_conntrack_acct=1
iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.1.2:80
iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE
iptables -t raw -A PREROUTING -p udp --dport 5353 -j CT --zone 7
iptables -t raw -A PREROUTING -p tcp --dport 21 -j CT --helper ftp
iptables -t mangle -A PREROUTING -p icmp -j CONNMARK --set-mark 9
iptables -t mangle -A PREROUTING -p icmp -m connlabel --label 5 --set
listen tcp 21
send -i eth0 -p tcp -s 10.0.0.5 --sport 40000 -d 10.0.0.1 --dport 8080 --syn
send -i eth1 -p tcp -s 10.0.1.2 --sport 80 -d 10.0.1.1 --dport 40000 --tcp-flags SYN,ACK
send -i eth0 -p udp -s 10.0.0.5 --sport 40001 -d 10.0.0.1 --dport 5353
send -i eth0 -p icmp -s 10.0.0.6 -d 10.0.0.1 --icmp-type echo-request
send -i eth0 -p tcp -s 10.0.0.7 --sport 40002 -d 10.0.0.1 --dport 21 --syn
`;

const host = new Host({ epoch: 0 });
const sh = new ShellSession(host);
for (const r of sh.run(SETUP)) if (r.status !== 0) throw new Error(`${r.cmd}: ${r.stderr}`);
writeFileSync(new URL("state-ct-objects.iptwin", out), serializeHost(host));
let text = "";
for (const cmd of ["conntrack -L -o extended", "conntrack -L -o id", "conntrack -E"]) {
  const [r] = sh.run(cmd);
  text += `$ ${cmd}\n${r.stdout}${r.stderr}`;
}
writeFileSync(new URL("state-ct-objects.txt", out), text);
