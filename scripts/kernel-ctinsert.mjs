#!/usr/bin/env node
// Records what `conntrack -I` / `-A` / `-U` (conntrack-tools 1.4.7 on the reference kernel) answer, one
// command after another in a fresh private network namespace, then the table (`conntrack -L`) and
// the statistics' insert count. Written to test/kernel/ctinsert.json, replayed by
// test/conntrack-insert.test.ts without root.
//
// Usage (as root, with conntrack installed): node scripts/kernel-ctinsert.mjs
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const out = new URL("../test/kernel/ctinsert.json", import.meta.url).pathname;

const A = "-s 1.1.1.1 -d 2.2.2.2";
export const COMMANDS = [
  // -U on an empty table
  "-U -m 5",
  // what the tool checks before asking the kernel
  "-I",
  "-I -p tcp",
  "-I -p tcp -t 5",
  `-I -p tcp -s 1.1.1.1 -t 10 --sport 1`,
  `-I -p tcp ${A} -t 10 --sport 1`,
  `-I -p tcp ${A} -t 10 --sport 1 --state ESTABLISHED`,
  `-I -p tcp ${A} --sport 1 --dport 2 --state ESTABLISHED`,
  `-I -p tcp ${A} --sport 1 --dport 2 -t 5 --state FOO`,
  "-I -p udp -t 5 -r 1.1.1.1",
  "-I -p udp -t 5 -r 1.1.1.1 -q 2.2.2.2",
  "-I -p udp -t 5 -r 1.1.1.1 -q 2.2.2.2 --reply-port-src 1",
  `-I -p icmp ${A} --icmp-code 0 --icmp-id 1 -t 10`,
  `-I -p icmp ${A} --icmp-type 8 --icmp-id 5 -t 10`,
  `-I -p udp ${A} --sport 1 --dport 6 -t 10 -c 5`,
  `-I -p udp ${A} --sport 1 --dport 7 -t 10 -o extended`,
  `-I -p udp ${A} --sport 1 --dport 8 -t 10 -e NEW`,
  `-I -p udp -s 1.1.1.1/24 -d 2.2.2.2 --sport 1 --dport 9 -t 10`,
  `-I -p udp ${A} --sport 1 --dport 10 -t 10 -f ipv4`,
  `-I -p udp -s 1.1.1.1 -d ::1 --sport 1 --dport 11 -t 10`,
  `-I -p udp ${A} --sport 1 --dport 17 -t 10 -i 5`,
  `-I -p udp ${A} --sport 1 --dport 3 -t 5 -j 7.7.7.7`,
  `-I -p udp ${A} --sport 1 --dport 6 -t 5 -u FOO`,
  // created
  `-I -p tcp ${A} --sport 1 --dport 2 --state ESTABLISHED -t 100`,
  `-I -p tcp ${A} --sport 11 --dport 2 --state ESTABLISHED -t 10 --reply-port-src 5`,
  `-I -p udp ${A} --sport 5 --dport 6 -t 10 -u ASSURED,SEEN_REPLY -m 7`,
  `-I -p icmp ${A} --icmp-type 8 --icmp-code 0 --icmp-id 9 -t 10`,
  `-I -p icmp ${A} --icmp-type 8 --icmp-code 0 -t 10`,
  `-I -p icmp ${A} --icmp-type 13 --icmp-code 0 --icmp-id 2 -t 10`,
  `-I -p icmp ${A} --icmp-type 8 --icmp-code 5 --icmp-id 3 -t 10`,
  `-I -p icmp ${A} --icmp-type 0 --icmp-code 0 --icmp-id 4 -t 10`,
  `-I -p 99 ${A} -t 10`,
  `-I -p udplite ${A} --sport 1 --dport 2 -t 10`,
  "-I -p tcp -s 10.0.0.1 -d 1.2.3.4 --sport 1000 --dport 80 -r 1.2.3.4 -q 192.168.1.1 --reply-port-src 80 --reply-port-dst 2000 --state ESTABLISHED -t 50",
  "-I -p tcp -r 5.5.5.5 -q 6.6.6.6 --reply-port-src 1 --reply-port-dst 2 --state SYN_SENT -t 50",
  "-I -p udp -t 5 -r 1.1.1.1 -q 2.2.2.2 --reply-port-src 1 --reply-port-dst 2",
  "-I -p tcp -s 7.7.7.7 -d 8.8.8.8 --sport 1 --dport 2 --state ESTABLISHED -t 50 --zone 3",
  `-I -p udp ${A} --sport 1 --dport 2 -t 10 -u UNREPLIED`,
  `-I -p udp ${A} --sport 1 --dport 3 -t 10 -u SEEN_REPLY`,
  `-I -p udp ${A} --sport 1 --dport 4 -t 10 -u ASSURED`,
  `-I -p udp ${A} --sport 1 --dport 5 -t 10 -m 0x10/0xff`,
  `-I -p udp ${A} --sport 1 --dport 12 -t 10 --orig-zone 4`,
  `-I -p udp ${A} --sport 1 --dport 13 -t abc`,
  `-I -p udp ${A} --sport 1 --dport 14 -t 4294967295`,
  `-I -p udp ${A} --sport 1 --dport 15 -t -5`,
  `-I -p udp ${A} --sport 1 --dport 16 -t 10 -n 9.9.9.9`,
  `-I -p tcp ${A} --sport 1 --dport 18 -t 10 --state TIME_WAIT`,
  `-I -p tcp ${A} --sport 1 --dport 19 -t 10 --state NONE`,
  `-I -p tcp ${A} --sport 1 --dport 20 -t 10 --state LISTEN`,
  `-I -p tcp ${A} --sport 1 --dport 21 -t 10 --state SYN_RECV`,
  `-I -p udp ${A} --sport 1 --dport 22 -t 10 -w 65536`,
  `--create -p udp ${A} --sport 1 --dport 23 --timeout 10`,
  `-A -p udp ${A} --sport 1 --dport 24 --timeout 10`,
  `-I -p udp ${A} --sport 70000 --dport 25 --timeout 10`,
  `-I -p udp ${A} --sport 1 --dport 26 -t 5 -g 7.7.7.7:99`,
  `-I -p udp ${A} --sport 1 --dport 27 -t 5 -n 7.7.7.7:100`,
  `-I -p udp ${A} --sport 1 --dport 28 -t 5 -n`,
  `-I -p udp ${A} --sport 1 --dport 29 -t 5 -u ASSURED -u SEEN_REPLY`,
  `-I -p udp ${A} --sport 1 --dport 30 -t 5 --reply-zone 3`,
  `-I -p udp ${A} --sport 1 --dport 31 -t 5 --zone 0 --orig-zone 3`,
  `-I -p udp ${A} --sport 1 --dport 32 -t 5 -u FIXED_TIMEOUT`,
  `-I -p udp ${A} --sport 1 --dport 33 -t 5 -u SRC_NAT`,
  `-I -p udp ${A} --sport 1 --dport 34 -t 5 -m 4294967295`,
  `-I -p udp ${A} --sport 1 --dport 35 -t 5 -g 7.7.7.7 -n 8.8.8.8:77`,
  `-I -p tcp ${A} --sport 1 --dport 36 -t 5 --state ESTABLISHED -g 7.7.7.7:99`,
  "-I -p udp -t 5 -s 2.2.2.2 -d 1.1.1.1 --sport 37 --dport 37",
  `-I -p icmp ${A} -t 5 --icmp-type 8 --icmp-code 0 --icmp-id 38 -g 7.7.7.7`,
  `-I -p 98 ${A} -t 5 -n 3.3.3.3`,
  // refused by the kernel
  `-I -p tcp ${A} --sport 1 --dport 2 --state ESTABLISHED -t 100`,
  `-A -p udp ${A} --sport 1 --dport 24 --timeout 10`,
  "-I -p udp -t 5 -s 1.1.1.1 -d 2.2.2.2 --sport 37 --dport 37",
  `-I -p tcp ${A} -r 3.3.3.3 --state ESTABLISHED -t 10 --sport 1 --dport 40`,
  `-I -p tcp ${A} --sport 1 --dport 41 -t 5 -r 2.2.2.2 -q 1.1.1.1 --state ESTABLISHED`,
  `-I -p icmp ${A} --icmp-type 3 --icmp-code 1 --icmp-id 5 -t 10`,
  "-I -p icmp -r 1.1.1.1 -q 2.2.2.2 --icmp-type 0 --icmp-code 0 --icmp-id 5 -t 10",
  `-I -p udp ${A} --sport 1 --dport 42 -t 5 --zone 2 --orig-zone 3`,
  `-I -p udp ${A} --sport 1 --dport 43 -t 5 --orig-zone 3 --reply-zone 3`,
  `-I -p udp ${A} --sport 1 --dport 44 -t 5 --orig-zone 3 --reply-zone 4`,
  `-A -p udp ${A} --sport 1 --dport 45 -t 5 -r 9.9.9.9`,
  `-I -p udp ${A} --sport 1 --dport 46 -t 5 -u EXPECTED`,
  // -U: what it selects, and the reference kernel's answer to the update
  "-U -p udp -m 5",
  "-U -p tcp -u ASSURED",
  "-U -p udp -s 9.9.9.9 -m 1",
];

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const ns = `iptwin-ctins-${process.pid}`;
  spawnSync("ip", ["netns", "del", ns]);
  execFileSync("ip", ["netns", "add", ns]);
  const env = { ...process.env, LC_ALL: "C" };
  const run = (args) => {
    const r = spawnSync("ip", ["netns", "exec", ns, "conntrack", ...args.split(" ")], { env, encoding: "utf8" });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  };
  try {
    const results = COMMANDS.map((cmd) => ({ cmd, ...run(cmd) }));
    const list = run("-L");
    const stats = run("-S");
    const insert = [...stats.stdout.matchAll(/ insert=(\d+)/g)].reduce((a, m) => a + Number(m[1]), 0);
    const version = execFileSync("conntrack", ["-V"], { encoding: "utf8" }).trim();
    const kernel = execFileSync("uname", ["-r"], { encoding: "utf8" }).trim();
    const table = list.stdout
      .split("\n")
      .filter((l) => l)
      .sort();
    writeFileSync(out, `${JSON.stringify({ version, kernel, results, table, insert }, null, 1)}\n`);
    console.log(`${results.length} commands, ${table.length} entries, insert=${insert}`);
  } finally {
    spawnSync("ip", ["netns", "del", ns]);
  }
}
