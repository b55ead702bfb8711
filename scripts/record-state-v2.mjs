#!/usr/bin/env node
// Re-records test/fixtures/state-v2.iptwin and state-v2.save with the last iptwin version that wrote
// state format v2:
//   git worktree add /tmp/oldv2 ec32c5c~1 && ln -s "$PWD/node_modules" /tmp/oldv2/node_modules
//   (cd /tmp/oldv2 && npx tsc -p tsconfig.json) && node scripts/record-state-v2.mjs /tmp/oldv2
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

const old = resolve(process.argv[2] ?? "/tmp/oldv2");
const out = new URL("../test/fixtures/", import.meta.url);
const { Host } = await import(`${old}/dist/index.js`);
const { serializeHost } = await import(`${old}/dist/state/serialize.js`);
const h = new Host({ epoch: 0 });
const r = h.restore(
  `*filter
:INPUT DROP [5:300]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:LOGDROP - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -s 10.0.0.0/8 -d 192.168.1.1/32 -i eth+ -p tcp -m tcp --dport 22 -m comment --comment "ssh in" -j ACCEPT
-A INPUT -p tcp -m multiport --dports 80,443 -m conntrack --ctstate NEW -j ACCEPT
-A INPUT ! -p udp -f -j LOGDROP
-A LOGDROP -m limit --limit 5/min -j LOG --log-prefix "DROP: "
-A LOGDROP -j DROP
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -p tcp -m tcp --dport 10000 -j DNAT --to-destination 172.17.0.2:80
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
COMMIT
`,
  { counters: true },
);
if (r.status) throw new Error(r.stderr);
h.iptables(["-t", "mangle", "-A", "PREROUTING", "-j", "MARK", "--set-mark", "5"]);
writeFileSync(new URL("state-v2.iptwin", out), serializeHost(h));
writeFileSync(new URL("state-v2.save", out), h.save({ counters: true }).replace(/^#.*\n/gm, ""));
