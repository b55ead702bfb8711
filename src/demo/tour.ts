/**
 * The demo's tour: builds the built-in lab (./lab.ts), runs a few of the
 * tutorials' experiments on it (curl through Docker's DNAT, a Service
 * split by -m statistic, REJECT and LOG, a trace across hosts) and returns
 * a short transcript with the next commands to try. No files: the CLI
 * decides whether the lab is kept (src/cli/demo.ts).
 */
import { MemoryIO, ShellSession } from "../compat/session.js";
import { labFromFile } from "../lab/build.js";
import { hostIO } from "../lab/commands.js";
import type { Lab } from "../lab/lab.js";
import { DEMO_LAB } from "./lab.js";

export interface TourOptions {
  /** Connections for the Service split (default 10,000). */
  connections?: number;
  /** Where the lab will be kept (shown in the next commands), if it is. */
  stateDir?: string;
}

export interface Tour {
  text: string;
  lab: Lab;
}

const SVC = "KUBE-SVC-CDGGSHYLG3RE2FKL";

/** The trace, shortened: hop headers, the rules that matched (no RETURNs or policies), where the packet went. */
function shortTrace(out: string, stopAfterHost: string): string {
  const lines: string[] = [];
  let stop = false;
  for (const l of out.split("\n")) {
    if (l.startsWith("== ")) {
      if (stop) break;
      lines.push(l);
      if (l.startsWith(`== ${stopAfterHost} `)) stop = true;
      continue;
    }
    const t = /^ TRACE: \S+ \S+ (\w+):([\w-]+):rule:0x[0-9a-f]+:(\S+)\s+-4 -t \w+ (.*)$/.exec(l);
    if (t) {
      if (t[3] === "0xfffffffb") continue;
      lines.push(`  ${`${t[1]}:${t[2]}`.padEnd(28)} ${t[4]}`);
      continue;
    }
    if (/^(sent out|forwarded out|delivered|discarded|dropped|nat (PRE|POST)ROUTING: (src|dst))/.test(l)) lines.push(l);
  }
  return `${lines.join("\n")}\n`;
}

export function runTour(opts: TourOptions = {}): Tour {
  const n = opts.connections ?? 10_000;
  const lab = labFromFile("demo", DEMO_LAB);
  const sessions = new Map<string, ShellSession>();
  let text = "";
  const say = (s = "") => {
    text += `${s}\n`;
  };
  const run = (host: string, cmd: string, shape?: (out: string) => string): void => {
    let s = sessions.get(host);
    if (!s) {
      const h = lab.host(host)!.host;
      s = new ShellSession(h, hostIO(h, new MemoryIO()));
      sessions.set(host, s);
    }
    const shown = cmd.startsWith("trace --from ") ? `iptwin ${cmd}` : `iptwin -H ${host} ${cmd}`;
    say(`$ ${shown}`);
    const r = s.run(cmd)[0]!;
    const out = r.stdout + r.stderr;
    text += shape ? shape(out) : out;
  };
  const n10k = n.toLocaleString("en-US");

  say("iptwin demo: two twin hosts on one link, built in memory from the demo's own lab");
  say("  docker1  192.168.0.10  Docker: container nginx (172.17.0.2) published with -p 8080:80");
  say("  kube1    192.168.0.20  kube-proxy: Service 10.96.0.10:80 -> pods web-a, web-b (10.244.1.2-3);");
  say("                         its firewall REJECTs ssh from docker1 and LOGs the ICMP it sends");
  say("  (the container and the pods are small hosts of their own on each node's bridge)");
  say();
  say("1. Docker's DNAT: curl from kube1 to docker1's published port reaches the container");
  run("kube1", "curl -s http://docker1:8080/");
  run("docker1", "iptables -t nat -nvL DOCKER");
  run("docker1", "conntrack -L");
  say();
  say(`2. The Service split: ${n10k} connections to the ClusterIP, -m statistic --probability 0.5`);
  run("kube1", `tally ${n} curl -s http://10.96.0.10/`);
  run("kube1", `iptables -t nat -nvL ${SVC}`);
  say();
  say("3. REJECT and LOG: ssh from docker1 is refused; kube1 logs the ICMP port unreachable it sends");
  run("docker1", "ssh kube1");
  run("kube1", "dmesg");
  say();
  say("4. One SYN traced across the lab: kube1 -> docker1 (DNAT, FORWARD) -> the container");
  run("kube1", "trace --from kube1 -p tcp -d 192.168.0.10 --dport 8080", (out) => shortTrace(out, "nginx"));
  say("   (shortened: RETURNs, policies and the SYN-ACK's way back are left out)");
  say();
  const st = opts.stateDir;
  const H = st ? `iptwin --state ${st} -H` : "iptwin -H";
  say(
    st ? `The lab is kept in ${st}. Next:` : "Next (this lab was in memory only; `iptwin --state DIR demo` keeps it):",
  );
  if (st) {
    say(`  ${H} kube1 iptables -t nat -nvL                 the counters after the tour`);
    say(`  ${H} docker1 curl http://192.168.0.10:8080/      curl through Docker's DNAT from docker1 itself`);
    say(`  iptwin --state ${st} trace --from docker1 -p tcp -d 10.96.0.10 --dport 80`);
  }
  say("  iptwin lab up examples/docker-publish/lab.yaml     one lab per tutorial experiment in examples/");
  say("  iptwin -H master1 iptables -t nat -nvL DOCKER");
  say("  sh examples/kube-service-split/run.sh             the Service split over three pods, as a transcript");
  say("  sh examples/log-then-drop/run.sh                  LOG then DROP, the 307/298 counters of seed 003");
  return { text, lab };
}
