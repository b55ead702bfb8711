#!/usr/bin/env python3
"""
Kernel experiments behind iptwin's IPv4 reassembly (src/engine/defrag.ts):
fragments injected into the private namespace "dut" of scripts/kernel-replies.py
(same topology, addresses, listeners and sysctls, ipfrag_time=1), with and
without conntrack (a conntrack match in the rules makes nf_defrag_ipv4 run),
to dut itself and forwarded through it; what dut sends is captured on the
peers, the LOG lines from /dev/kmsg.

Run as root:

    python3 scripts/kernel-frag.py > test/kernel/frag.json && npx biome format --write test/kernel/frag.json
    python3 scripts/kernel-frag.py CASE... (only those cases, to stdout)
"""
import importlib.util
import json
import os
import struct
import sys
import time

_spec = importlib.util.spec_from_file_location("kr", os.path.join(os.path.dirname(__file__), "kernel-replies.py"))
kr = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(kr)

DUT0, PEER0, DUT1, PEER1 = kr.DUT0, kr.PEER0, kr.DUT1, kr.PEER1


def frags(dgram, cuts, df=False, tos=None, ttl=None):
    """Fragments of the IPv4 datagram `dgram` (bytes with a 20-byte header): `cuts` are
    (start, end) byte ranges of its payload, or (start, end, mf); by default the one reaching
    the end has no MF."""
    ihl = (dgram[0] & 15) * 4
    hdr, data = dgram[:ihl], dgram[ihl:]
    out = []
    for cut in cuts:
        start, end = cut[0], cut[1]
        part = data[start:end]
        fo = start >> 3
        if (cut[2] if len(cut) > 2 else end < len(data)):
            fo |= 0x2000
        if df:
            fo |= 0x4000
        h = bytearray(hdr)
        struct.pack_into("!H", h, 2, ihl + len(part))
        struct.pack_into("!H", h, 6, fo)
        if tos is not None:
            h[1] = tos
        if ttl is not None:
            h[8] = ttl
        struct.pack_into("!H", h, 10, 0)
        struct.pack_into("!H", h, 10, kr.csum(bytes(h)))
        out.append(bytes(h) + part)
    return out


PAY40 = bytes(range(0x40, 0x40 + 40))  # UDP: 8 + 40 = 48 bytes of IP payload


def U(sport, dport, dst=DUT0, src=PEER0, payload=PAY40, ident=0x4321, ttl=64, df=False):
    return kr.ip4(src, dst, 17, kr.udp(src, dst, sport, dport, payload), ident=ident, frag=0x4000 if df else 0,
                  ttl=ttl)


THIRDS = [(0, 16), (16, 32), (32, 48)]
CT = "-A INPUT -m conntrack --ctstate INVALID -j LOG --log-prefix KF-INV:"
LOG_PRE = "-t raw -A PREROUTING -j LOG --log-prefix KF-RAW:"
LOG_MANGLE = "-t mangle -A PREROUTING -j LOG --log-prefix KF-PRE:"
LOG_IN = "-A INPUT -j LOG --log-prefix KF-IN:"
LOG_FWD = "-A FORWARD -j LOG --log-prefix KF-FWD:"
LOG_POST = "-t mangle -A POSTROUTING -j LOG --log-prefix KF-POST:"
LOG_OUT = "-A OUTPUT -j LOG --log-prefix KF-OUT:"

D = U(41001, 9)
F = frags(D, THIRDS)
E = kr.ip4(PEER0, DUT0, 1, kr.echo(0x77, 3, bytes(range(64))), ident=0x4444, frag=0)
T = kr.ip4(PEER0, DUT0, 6, kr.tcp(PEER0, DUT0, 41020, 9, seq=77, payload=bytes(28)), ident=0x4545, frag=0)
FW = U(41030, 7, dst=PEER1, ident=0x4646)
FW_UNEVEN = frags(FW, [(0, 24), (24, 32), (32, 48)])
LOC = U(41040, 53, src=DUT0, dst=PEER0, ident=0x4747)
LOC_SELF = U(41041, 5353, src=DUT0, dst=DUT1, ident=0x4848)
SLEEP = 1.6
BIG = U(41052, 7, dst=PEER1, payload=bytes(range(200)) * 7, ident=0x5252)
MTU600 = ["ip link set eth1 mtu 600"]
# A datagram forwarded to c1 whose first fragment carries record route (one free slot) and the others no option.
RR_FRAGS = frags(kr.ip4(PEER0, PEER1, 17, kr.udp(PEER0, PEER1, 41060, 7, PAY40), ident=0x5353, frag=0, opts=kr.RR_OPT),
                 [(0, 16)]) + frags(U(41060, 7, dst=PEER1, ident=0x5353), [(16, 32), (32, 48)])



def C(name, packets, setup=(), **kw):
    c = kr.C(name, packets, **kw)
    c["setup"] = list(setup)
    return c


CASES = [
    # ---- no conntrack: ip_local_deliver() reassembles before INPUT; forwarded fragments pass
    C("frag-udp-closed", F, rules=[LOG_MANGLE, LOG_IN], note="in order: port unreachable quoting the datagram"),
    C("frag-udp-closed-ooo", [F[2], F[0], F[1]], rules=[LOG_IN], note="out of order"),
    C("frag-udp-closed-last-first", [F[2], F[1], F[0]], rules=[LOG_IN]),
    C("frag-udp-listener", frags(U(41002, 5353), THIRDS), rules=[LOG_IN], note="delivered to a socket: no reply"),
    C("frag-echo", frags(E, [(0, 32), (32, 72)]), rules=[LOG_IN], note="echo reply to a reassembled request"),
    C("frag-tcp-closed", frags(T, [(0, 24), (24, 48)]), rules=[LOG_IN], note="RST for the reassembled segment"),
    C("frag-inside-run", [F[0], F[1], frags(D, [(8, 24)])[0], F[2]],
      note="a fragment within a run of adjacent queued fragments counts as a duplicate"),
    C("frag-overlap", [F[0], F[2], frags(D, [(8, 24)])[0], F[1]], quiet=SLEEP,
      note="an overlapping fragment kills the queue: the next one starts a new queue, which expires silently"),
    C("frag-dup", [F[0], F[1], F[1], F[2]], note="a duplicate is dropped alone: the datagram completes"),
    C("frag-overlap-tail", [F[0], frags(D, [(0, 32)])[0], F[2], F[1]],
      note="a fragment overlapping the queue's tail kills the queue"),
    C("frag-after-complete", F + [F[0]], quiet=SLEEP,
      note="the first fragment again after completion: a new queue, ICMP 11/1 when it expires"),
    C("frag-last-dup", [F[2], frags(D, [(32, 40)])[0], F[0], F[1]],
      note="a non-last fragment within the last one: a duplicate"),
    C("frag-last-mismatch", [F[2], frags(D, [(16, 32, False)])[0], F[0], F[1]],
      quiet=SLEEP, note="a second last fragment with another end kills the queue: the rest expire with ICMP 11/1"),
    C("frag-expire-first", [F[0], F[1]], quiet=SLEEP, note="incomplete with its first fragment: ICMP 11/1"),
    C("frag-expire-nofirst", [F[1], F[2]], quiet=SLEEP, note="incomplete without its first fragment: silence"),
    C("frag-max-dist", [F[0]] + [frags(U(41003, 9, ident=0x6000 + i), THIRDS)[1] for i in range(70)] + [F[1], F[2]],
      quiet=SLEEP, note="70 fragments of other datagrams from the source in between (ipfrag_max_dist 64): "
                        "the queue starts again without its first fragment"),
    C("frag-max-dist-off", [F[0]] + [frags(U(41003, 9, ident=0x6000 + i), THIRDS)[1] for i in range(70)] + [F[1], F[2]],
      sysctl={"net.ipv4.ipfrag_max_dist": "0"}, note="ipfrag_max_dist 0: no such check"),
    C("frag-ecn-ce", frags(D, THIRDS[:1], tos=2) + frags(D, THIRDS[1:2], tos=3) + frags(D, THIRDS[2:], tos=2),
      rules=[LOG_IN], note="ECT(0) and CE fragments: the datagram is CE"),
    C("frag-ecn-mixed", frags(D, THIRDS[:1], tos=0) + frags(D, THIRDS[1:], tos=2), quiet=SLEEP,
      note="not-ECT and ECT fragments: the datagram is dropped (and its queue gone: no ICMP 11/1)"),
    C("frag-high-thresh-0", F, sysctl={"net.ipv4.ipfrag_low_thresh": "0", "net.ipv4.ipfrag_high_thresh": "0"},
      quiet=SLEEP, note="ipfrag_high_thresh 0: no fragment is queued"),
    C("frag-high-thresh-1", F, sysctl={"net.ipv4.ipfrag_low_thresh": "0", "net.ipv4.ipfrag_high_thresh": "1"},
      quiet=SLEEP, note="over ipfrag_high_thresh once the first is queued: the rest are dropped, the queue expires"),
    C("frag-fwd-pass", frags(FW, THIRDS), rules=[LOG_FWD], quiet=SLEEP,
      note="no conntrack: each fragment forwarded as it is"),
    C("frag-fwd-expire", [frags(FW, THIRDS)[0]], quiet=SLEEP, note="no queue for forwarded fragments"),
    C("frag-out-pass", [("local", f) for f in frags(LOC, THIRDS)], rules=[LOG_OUT],
      note="fragments sent by dut itself (raw socket) go out as they are"),
    # ---- conntrack: nf_defrag_ipv4 at PREROUTING -400 / OUTPUT, IP_DEFRAG_CONNTRACK_IN/OUT
    C("ct-udp-closed", F, rules=[CT, LOG_PRE, LOG_IN], note="raw PREROUTING sees the reassembled datagram"),
    C("ct-udp-closed-ooo", [F[1], F[2], F[0]], rules=[CT, LOG_PRE]),
    C("ct-overlap", [F[0], F[1], frags(D, [(8, 24)])[0], F[2]], rules=[CT, LOG_PRE], quiet=SLEEP),
    C("ct-dup", [F[0], F[1], F[1], F[2]], rules=[CT, LOG_PRE]),
    C("ct-expire-first", [F[0]], rules=[CT, LOG_PRE], quiet=SLEEP,
      note="conntrack's queue expires: ICMP 11/1 (the route is local)"),
    C("ct-notrack", F, rules=[CT, "-t raw -A PREROUTING -j NOTRACK", LOG_PRE, LOG_IN],
      note="NOTRACK in raw: nf_defrag_ipv4 ran before raw, NOTRACK applies to the datagram"),
    C("nat-only", F, rules=["-t nat -A POSTROUTING -o eth1 -j MASQUERADE", LOG_MANGLE],
      note="a nat rule alone uses conntrack: mangle PREROUTING sees the datagram"),
    C("ct-fwd-expire-first", [frags(FW, THIRDS)[0]], rules=[CT, LOG_PRE], quiet=SLEEP,
      note="forwarded destination: frag_expire_skip_icmp, no ICMP"),
    C("ct-fwd", frags(FW, THIRDS), rules=[CT, LOG_PRE, LOG_FWD, LOG_POST],
      note="reassembled, forwarded, fragmented again on output"),
    C("ct-fwd-uneven", FW_UNEVEN, rules=[CT, LOG_FWD], note="fragments of 24, 8 and 16 bytes"),
    C("ct-fwd-uneven-ooo", [FW_UNEVEN[2], FW_UNEVEN[0], FW_UNEVEN[1]], rules=[CT, LOG_FWD]),
    C("ct-fwd-df", frags(FW, THIRDS, df=True), rules=[CT, LOG_FWD], note="every fragment with DF"),
    C("ct-fwd-masq", frags(U(41031, 7, dst=PEER1, ident=0x4848), THIRDS),
      rules=["-t nat -A POSTROUTING -o eth1 -j MASQUERADE", LOG_POST], note="SNAT of a reassembled datagram"),
    C("ct-out", [("local", f) for f in frags(LOC, THIRDS)], rules=[CT, LOG_OUT, LOG_POST],
      note="dut's own fragments: reassembled at OUTPUT, fragmented again"),
    C("frag-lo", [("local", f) for f in frags(LOC_SELF, THIRDS)], rules=[LOG_MANGLE, LOG_IN],
      note="dut's own fragments to itself: through lo as they are, reassembled before INPUT"),
    C("ct-lo", [("local", f) for f in frags(LOC_SELF, THIRDS)], rules=[CT, LOG_OUT, LOG_MANGLE, LOG_IN],
      note="with conntrack: reassembled at OUTPUT, fragmented again on lo, reassembled before INPUT"),
    C("mtu-fwd-df", [U(41050, 7, dst=PEER1, payload=bytes(972), ident=0x5050, df=True)], setup=MTU600,
      note="DF and bigger than the route's MTU: fragmentation needed"),
    C("mtu-fwd", [U(41051, 7, dst=PEER1, payload=bytes(range(256)) * 3 + bytes(204), ident=0x5151)], setup=MTU600,
      note="no DF: ip_fragment() cuts it to the MTU"),
    C("ct-fwd-mtu", frags(BIG, [(0, 800), (800, 1408)]), rules=[CT], setup=MTU600,
      note="reassembled, fragments too big for the MTU: cut again to the MTU (slow path)"),
    C("ct-fwd-mtu-df", frags(BIG, [(0, 800), (800, 1408)], df=True), rules=[CT], setup=MTU600,
      note="DF fragments bigger than the MTU: fragmentation needed"),
    C("frag-fwd-rr", RR_FRAGS, rules=[LOG_FWD], note="no conntrack: a first fragment with record route, filled as it passes"),
    C("ct-fwd-rr", RR_FRAGS, rules=[CT, LOG_FWD],
      note="the reassembled datagram has the first fragment's options; fragmented again, the later fragments "
           "carry them with record route turned into NOPs (ip_options_fragment())"),
    C("ct-fwd-ttl", frags(U(41032, 7, dst=PEER1, ident=0x4949, ttl=1), THIRDS), rules=[CT],
      note="TTL 1: ICMP time exceeded in transit quoting the reassembled datagram"),
]


def main():
    only = set(sys.argv[1:])
    kr.setup()
    try:
        w = kr.Wire()
        out = {"kernel": os.uname().release, "cases": []}
        for c in CASES:
            if only and c["name"] not in only:
                continue
            kr.ipt([])
            time.sleep(0.05)
            kr.ipt(c["rules"])
            kr.sysctls({**kr.BASE_SYSCTLS, "net.ipv4.ip_forward": "1", "net.ipv4.tcp_timestamps": "1",
                        "net.ipv4.tcp_sack": "1", "net.ipv4.tcp_window_scaling": "1",
                        "net.ipv4.icmp_errors_use_inbound_ifaddr": "0", "net.ipv4.ipfrag_max_dist": "64",
                        "net.ipv4.ipfrag_high_thresh": "4194304", "net.ipv4.ipfrag_low_thresh": "3145728"})
            kr.sysctls(c["sysctl"])
            for cmd in c["setup"]:
                kr.nsx("dut", *cmd.split())
            w.listen()
            # queues of an earlier case are gone (ipfrag_time is 1 s)
            time.sleep(1.1)
            w.drain()
            res = {k: c[k] for k in ("name", "setup", "rules", "sysctl", "note") if c[k]}
            res["inject"] = []
            for p in c["packets"]:
                dev, pkt = p if isinstance(p, tuple) else ("veth0", p)
                fr = pkt if dev == "local" else kr.frame(pkt, dev)
                ent = {"dev": dev, "hex": fr.hex()}
                err = w.send(dev, fr)
                if err:
                    ent["error"] = err
                res["inject"].append(ent)
                time.sleep(0.01)
            res["replies"] = w.collect(quiet=c["quiet"], limit=max(2.0, c["quiet"] + 0.5))
            res["log"] = w.klog()
            if c["setup"]:
                kr.nsx("dut", "ip", "link", "set", "eth1", "mtu", "1500")
            out["cases"].append(res)
            print(f"{c['name']}: {len(res['replies'])} replies, {len(res['log'])} log lines", file=sys.stderr)
        json.dump(out, sys.stdout, indent=1)
        print()
    finally:
        kr.teardown()


if __name__ == "__main__":
    main()
