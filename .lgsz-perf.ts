import { Host } from "./src/host.ts";
let txt = "*filter\n:INPUT ACCEPT [0:0]\n:U - [0:0]\n";
for (let i = 0; i < 20000; i++) txt += `-A ${i % 3 ? "INPUT" : "U"} -s 10.${(i >> 8) & 255}.${i & 255}.1 -p tcp --dport ${1 + (i % 60000)} -j ACCEPT\n`;
txt += "COMMIT\n";
for (const flavour of ["nft", "legacy"] as const) {
  const h = new Host({ flavour });
  let t = Date.now();
  const r = h.iptablesRestore([], txt);
  console.log(flavour, "restore", Date.now() - t, "ms", r.status, r.stderr.slice(0, 100));
  t = Date.now();
  for (let i = 0; i < 200; i++) h.iptables(["-A", "INPUT", "-s", `1.1.1.${i}`, "-j", "DROP"]);
  console.log(flavour, "200 appends", Date.now() - t, "ms");
  t = Date.now();
  for (let i = 0; i < 50; i++) h.iptables(["-D", "INPUT", "-s", `1.1.1.${i}`, "-j", "DROP"]);
  console.log(flavour, "50 deletes", Date.now() - t, "ms");
  t = Date.now();
  h.iptablesSave([]);
  console.log(flavour, "save", Date.now() - t, "ms");
}
