#!/usr/bin/env python3
"""
Kernel experiments behind iptwin's local stack (src/engine/local.ts), the
REJECT/LOG/NFLOG/NFQUEUE/AUDIT targets and the kernel log: frames are
injected into a private namespace "dut" through veth pairs, and whatever dut
sends back is captured, with the kernel log lines the packets produced.

Run as root (needs ip, iptables, sysctl; net.netfilter.nf_log_all_netns=1 is
set so LOG works inside a namespace):

    python3 scripts/kernel-replies.py > test/kernel/replies.json
    python3 scripts/kernel-replies.py CASE... (only those cases, to stdout)
    python3 scripts/kernel-replies.py --merge test/kernel/replies.json CASE...
        (records those cases again and puts them into the recording, in CASES order;
        then `npx biome format --write test/kernel/replies.json`)

Topology (all namespaces are private, suffixed with this process id):
    c0 veth0 02:77:00:00:01:02  <->  dut eth0 02:77:00:00:01:01 10.77.1.1/24
    c1 veth1 02:77:00:00:02:02  <->  dut eth1 02:77:00:00:02:01 10.77.2.1/24
The peers have no IPv4 address (their kernels stay silent); dut knows them
through permanent neighbour entries 10.77.1.2 and 10.77.2.2, and has a
default route via 10.77.1.2. IPv6 is disabled everywhere.
Listeners in dut: TCP 0.0.0.0:8080 (backlog 128), TCP 10.77.1.1:8081 (16), TCP 0.0.0.0:8082
(0), UDP 0.0.0.0:5353; a raw socket (IP_HDRINCL) sends packets as dut itself ("local"), and
what comes back through lo is captured there too.
"""
import contextlib
import errno
import ctypes
import json
import os
import select
import socket
import struct
import subprocess
import sys
import time

SUF = str(os.getpid())
NS = {"dut": f"kr-dut-{SUF}", "c0": f"kr-c0-{SUF}", "c1": f"kr-c1-{SUF}"}
MAC = {
    "eth0": "02:77:00:00:01:01",
    "veth0": "02:77:00:00:01:02",
    "eth1": "02:77:00:00:02:01",
    "veth1": "02:77:00:00:02:02",
}
DUT0, PEER0, DUT1, PEER1 = "10.77.1.1", "10.77.1.2", "10.77.2.1", "10.77.2.2"
CLONE_NEWNET = 0x40000000
libc = ctypes.CDLL("libc.so.6", use_errno=True)


def run(*argv, check=True, inp=None):
    r = subprocess.run(list(argv), capture_output=True, text=True, input=inp)
    if check and r.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)}: {r.stderr}")
    return r


def nsx(ns, *argv, check=True, inp=None):
    return run("ip", "netns", "exec", NS[ns], *argv, check=check, inp=inp)


@contextlib.contextmanager
def in_ns(ns):
    """Switches this thread's network namespace (sockets made inside stay there)."""
    own = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
    fd = os.open(f"/run/netns/{NS[ns]}", os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), "setns")
        yield
    finally:
        libc.setns(own, CLONE_NEWNET)
        os.close(fd)
        os.close(own)


# ---------------------------------------------------------------- packets
def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack(f"!{len(b) // 2}H", b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def aton(a):
    return socket.inet_aton(a)


def ip4(src, dst, proto, l4, tos=0, ident=0x1234, frag=0x4000, ttl=64, opts=b""):
    ihl = (20 + len(opts)) // 4
    h = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, tos, 20 + len(opts) + len(l4), ident, frag, ttl, proto, 0,
                    aton(src), aton(dst)) + opts
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + l4


def l4sum(src, dst, proto, seg):
    return csum(struct.pack("!4s4sBBH", aton(src), aton(dst), 0, proto, len(seg)) + seg)


def tcp(src, dst, sport, dport, seq=1000, ack=0, flags=0x02, win=64240, opts=b"", payload=b"", urg=0):
    doff = (20 + len(opts)) // 4
    seg = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, (doff << 4) | (flags >> 8), flags & 0xFF, win, 0,
                      urg) + opts + payload
    c = l4sum(src, dst, 6, seg)
    return seg[:16] + struct.pack("!H", c) + seg[18:]


def udp(src, dst, sport, dport, payload=b""):
    seg = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    c = l4sum(src, dst, 17, seg) or 0xFFFF
    return seg[:6] + struct.pack("!H", c) + seg[8:]


def udplite(src, dst, sport, dport, payload=b""):
    """UDP-Lite with full checksum coverage (RFC 3828: coverage 0 = the whole datagram)."""
    seg = struct.pack("!HHHH", sport, dport, 0, 0) + payload
    c = l4sum(src, dst, 136, seg) or 0xFFFF
    return seg[:6] + struct.pack("!H", c) + seg[8:]


def icmp(typ, code, rest=0, payload=b""):
    m = struct.pack("!BBHI", typ, code, 0, rest) + payload
    return m[:2] + struct.pack("!H", csum(m)) + m[4:]


def echo(ident, seq, payload=b""):
    return icmp(8, 0, (ident << 16) | seq, payload)


def frame(ip, dev="veth0", dst=None):
    peer = {"veth0": "eth0", "veth1": "eth1"}[dev]
    d = bytes.fromhex((dst or MAC[peer]).replace(":", ""))
    s = bytes.fromhex(MAC[dev].replace(":", ""))
    return d + s + b"\x08\x00" + ip


# Linux-like SYN options: MSS 1460, SACK_PERM, TS (val 0x11223344, ecr 0), NOP, WS 7.
OPT_LINUX = bytes.fromhex("020405b4" "0402080a" "11223344" "00000000" "01030307")
OPT_MSS = bytes.fromhex("020405b4")
OPT_MSS_TS = bytes.fromhex("020405b4" "0101080a" "11223344" "00000000")
OPT_MSS_SACK = bytes.fromhex("020405b4" "01010402")
OPT_MSS_WS = bytes.fromhex("020405b4" "01030302")
OPT_MSS_SACK_WS = bytes.fromhex("020405b4" "01010402" "01030308")
PAY = bytes(range(10))


# ---------------------------------------------------------------- topology
def setup():
    for n in NS.values():
        run("ip", "netns", "add", n)
    for ns in NS:
        nsx(ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1")
    for i in (0, 1):
        run("ip", "-n", NS["dut"], "link", "add", f"eth{i}", "address", MAC[f"eth{i}"], "type", "veth", "peer",
            "name", f"veth{i}", "address", MAC[f"veth{i}"], "netns", NS[f"c{i}"])
        run("ip", "-n", NS[f"c{i}"], "link", "set", f"veth{i}", "up")
        run("ip", "-n", NS["dut"], "link", "set", f"eth{i}", "up")
    run("ip", "-n", NS["dut"], "link", "set", "lo", "up")
    run("ip", "-n", NS["dut"], "addr", "add", f"{DUT0}/24", "brd", "+", "dev", "eth0")
    run("ip", "-n", NS["dut"], "addr", "add", f"{DUT1}/24", "brd", "+", "dev", "eth1")
    run("ip", "-n", NS["dut"], "neigh", "add", PEER0, "lladdr", MAC["veth0"], "dev", "eth0", "nud", "permanent")
    run("ip", "-n", NS["dut"], "neigh", "add", PEER1, "lladdr", MAC["veth1"], "dev", "eth1", "nud", "permanent")
    for i in range(3, 10):  # fresh peers for the rate-limit cases
        run("ip", "-n", NS["dut"], "neigh", "add", f"10.77.1.{i}", "lladdr", MAC["veth0"], "dev", "eth0", "nud",
            "permanent")
    run("ip", "-n", NS["dut"], "route", "add", "default", "via", PEER0, "dev", "eth0")
    nsx("dut", "sysctl", "-qw", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.send_redirects=0",
        "net.ipv4.conf.default.send_redirects=0", "net.ipv4.conf.eth0.send_redirects=0",
        "net.ipv4.conf.eth1.send_redirects=0", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0",
        "net.ipv4.conf.eth0.rp_filter=0", "net.ipv4.conf.eth1.rp_filter=0", "net.ipv4.ipfrag_time=1")
    run("sysctl", "-qw", "net.netfilter.nf_log_all_netns=1")


def teardown():
    for n in NS.values():
        run("ip", "netns", "del", n, check=False)


class Wire:
    """Capture sockets on the peers' ends, the listeners in dut, the kernel log."""

    def __init__(self):
        self.cap = {}
        for i in (0, 1):
            with in_ns(f"c{i}"):
                s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
                s.bind((f"veth{i}", 0))
                self.cap[f"veth{i}"] = s
        with in_ns("dut"):
            s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
            s.bind(("lo", 0))
            self.cap["lo"] = s
            self.raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
        self.listen()
        self.kmsg = os.open("/dev/kmsg", os.O_RDONLY | os.O_NONBLOCK)
        os.lseek(self.kmsg, 0, os.SEEK_END)

    def listen(self):
        """(Re)creates the listeners: closing drops earlier half-open connections and their retransmissions."""
        for s in ("l8080", "l8081", "l8082", "u5353"):
            if hasattr(self, s):
                getattr(self, s).close()
        with in_ns("dut"):
            self.l8080 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.l8080.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.l8080.bind(("0.0.0.0", 8080))
            self.l8080.listen()
            self.l8081 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.l8081.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.l8081.bind((DUT0, 8081))
            self.l8081.listen(16)
            self.l8082 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.l8082.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.l8082.bind(("0.0.0.0", 8082))
            self.l8082.listen(0)
            self.u5353 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            self.u5353.bind(("0.0.0.0", 5353))

    def drain(self):
        for s in self.cap.values():
            while select.select([s], [], [], 0)[0]:
                s.recv(65535)
        self.klog()

    def send(self, dev, fr):
        if dev == "local":
            try:
                self.raw.sendto(fr, (socket.inet_ntoa(fr[16:20]), 0))
            except OSError as e:  # a local packet dropped in OUTPUT: the sender sees EPERM
                return errno.errorcode[e.errno]
        else:
            self.cap[dev].send(fr)

    def collect(self, quiet=0.25, limit=2.0):
        out = []
        end = time.time() + limit
        last = time.time()
        while time.time() < end and time.time() - last < quiet:
            r = select.select(list(self.cap.values()), [], [], 0.02)[0]
            for s in r:
                data, addr = s.recvfrom(65535)
                if addr[2] == socket.PACKET_OUTGOING or data[12:14] != b"\x08\x00":
                    continue
                out.append({"dev": addr[0], "hex": data.hex()})
                last = time.time()
        return out

    def klog(self):
        lines = []
        while True:
            try:
                rec = os.read(self.kmsg, 8192).decode("utf-8", "replace")
            except BlockingIOError:
                break
            except OSError:  # EPIPE: records overwritten
                continue
            head, _, msg = rec.partition(";")
            f = head.split(",")
            msg = msg.split("\n")[0]
            if "10.77." in msg or "02:77:00" in msg or "KR-" in msg:
                lines.append({"level": int(f[0]) & 7, "usec": int(f[2]), "text": msg})
        return lines


def ipt(rules):
    nsx("dut", "sh", "-c", "for t in filter mangle raw nat; do iptables -t $t -F; iptables -t $t -X; done; "
                           "iptables -P FORWARD ACCEPT")
    for r in rules:
        nsx("dut", "iptables", *r.split())


def sysctls(kv):
    for k, v in kv.items():
        nsx("dut", "sysctl", "-qw", f"{k}={v}")


BASE_SYSCTLS = {"net.ipv4.icmp_ratelimit": "0", "net.ipv4.icmp_echo_ignore_all": "0",
                "net.ipv4.icmp_echo_ignore_broadcasts": "1", "net.ipv4.ip_default_ttl": "64",
                "net.ipv4.tcp_ecn": "2", "net.ipv4.icmp_msgs_burst": "50", "net.ipv4.icmp_msgs_per_sec": "1000"}


# ---------------------------------------------------------------- cases
def C(name, packets, rules=(), sysctl=None, note="", quiet=0.25):
    return {"name": name, "packets": packets, "rules": list(rules), "sysctl": sysctl or {}, "note": note,
            "quiet": quiet}


def T(sport, dport, dst=DUT0, src=PEER0, ipopts=b"", **kw):
    """A TCP segment in an IP packet; `opts` are TCP options, `ipopts` IP options."""
    return ip4(src, dst, 6, tcp(src, dst, sport, dport, **{k: v for k, v in kw.items() if k not in IPKW}),
               opts=ipopts, **{k: v for k, v in kw.items() if k in IPKW})


def U(sport, dport, dst=DUT0, src=PEER0, payload=PAY, **kw):
    return ip4(src, dst, 17, udp(src, dst, sport, dport, payload), **kw)


def E(ident=0x4d2, seq=1, dst=DUT0, src=PEER0, payload=bytes(range(56)), **kw):
    return ip4(src, dst, 1, echo(ident, seq, payload), **kw)


IPKW = {"tos", "ident", "frag", "ttl"}
LOG_OUT = "-A OUTPUT -j LOG --log-prefix KR-OUT:"
LOG_ALL = "--log-tcp-sequence --log-tcp-options --log-ip-options --log-uid --log-macdecode"
REJECTS = ["icmp-net-unreachable", "icmp-host-unreachable", "icmp-proto-unreachable", "icmp-port-unreachable",
           "icmp-net-prohibited", "icmp-host-prohibited", "icmp-admin-prohibited"]
# An ICMP port unreachable from c0's side quoting a UDP packet dut might have sent.
INNER_UDP = ip4(DUT0, PEER0, 17, udp(DUT0, PEER0, 40000, 53, b"abcdefgh"), ident=0x5555, frag=0)
RR_OPT = bytes.fromhex("07070400000000" "01")  # record route, one free slot, then NOP
TS_OPT = bytes.fromhex("440c0501" "00000000" "00000000")  # timestamp, two free slots
RR2_OPT = bytes.fromhex("070b04" + "00" * 8 + "00")  # record route, two free slots, then END
TS2_OPT = bytes.fromhex("44140501" + "00" * 16)  # timestamp with addresses, two free pairs
LSRR_OPT = bytes.fromhex("830704" "0a4d0202" "01")  # loose source route via 10.77.2.2, then NOP

CASES = [
    # --- TCP, no listener
    C("tcp-syn-closed", [T(40001, 9, seq=1000)]),
    C("tcp-syn-closed-opts", [T(40002, 9, seq=0xfffffff0, opts=OPT_LINUX)]),
    C("tcp-syn-closed-tos", [T(40003, 9, seq=7, tos=0xff), T(40004, 9, seq=7, tos=0x10)]),
    C("tcp-syn-closed-payload", [T(40005, 9, seq=5000, payload=PAY)]),
    C("tcp-ack-closed", [T(40006, 9, seq=100, ack=0xdeadbeef, flags=0x10, payload=PAY)]),
    C("tcp-fin-closed", [T(40007, 9, seq=100, flags=0x01, payload=PAY), T(40008, 9, seq=200, flags=0x19)]),
    C("tcp-rst-closed", [T(40009, 9, seq=100, flags=0x04), T(40010, 9, seq=100, ack=5, flags=0x14)]),
    C("tcp-null-closed", [T(40011, 9, seq=100, flags=0x00)]),
    C("tcp-syn-closed-ttl-tos", [T(40012, 9, seq=1, ttl=3, tos=0x03)], sysctl={"net.ipv4.ip_default_ttl": "77"}),
    C("tcp-syn-frag-closed", [T(40013, 9, seq=1, frag=0x2000)], quiet=1.8,
      note="MF set, offset 0: never completed, ICMP 11/1 after ipfrag_time (1 s here)"),
    # --- TCP, listener
    C("tcp-syn-listen-linux", [T(40101, 8080, seq=1000, opts=OPT_LINUX)]),
    C("tcp-syn-listen-noopt", [T(40102, 8080, seq=1000)]),
    C("tcp-syn-listen-mss", [T(40103, 8080, seq=1000, opts=OPT_MSS)]),
    C("tcp-syn-listen-mss-ts", [T(40104, 8080, seq=1000, opts=OPT_MSS_TS)]),
    C("tcp-syn-listen-mss-sack", [T(40105, 8080, seq=1000, opts=OPT_MSS_SACK)]),
    C("tcp-syn-listen-mss-ws", [T(40106, 8080, seq=1000, opts=OPT_MSS_WS)]),
    C("tcp-syn-listen-sack-ws", [T(40107, 8080, seq=1000, opts=OPT_MSS_SACK_WS)]),
    C("tcp-syn-listen-ecn", [T(40108, 8080, seq=1000, opts=OPT_MSS, flags=0xc2)]),
    C("tcp-syn-listen-accecn", [T(40109, 8080, seq=1000, opts=OPT_MSS, flags=0x1c2)]),
    C("tcp-syn-listen-tos", [T(40110, 8080, seq=1000, opts=OPT_MSS, tos=0x10, ttl=9)]),
    C("tcp-syn-listen-addr", [T(40111, 8081, seq=1000), T(40112, 8081, seq=1000, dst=DUT1)],
      note="listener bound to 10.77.1.1: a SYN to 10.77.2.1:8081 is a closed port"),
    C("tcp-syn-listen-nots-sysctl", [T(40113, 8080, seq=1000, opts=OPT_LINUX)],
      sysctl={"net.ipv4.tcp_timestamps": "0", "net.ipv4.tcp_sack": "0", "net.ipv4.tcp_window_scaling": "0"}),
    C("tcp-ack-listen", [T(40114, 8080, seq=1000, ack=77, flags=0x10)]),
    C("tcp-fin-listen", [T(40115, 8080, seq=1000, flags=0x01), T(40116, 8080, seq=1000, flags=0x00, payload=PAY)]),
    C("tcp-synack-listen", [T(40117, 8080, seq=1000, ack=77, flags=0x12)]),
    C("tcp-syn-dup", [T(40118, 8080, seq=1000, opts=OPT_MSS), T(40118, 8080, seq=1000, opts=OPT_MSS)],
      note="retransmitted SYN: the same ISN again"),
    # handshakes are scripted: see HANDSHAKES
    # --- UDP
    C("udp-closed", [U(40201, 9)]),
    C("udp-closed-big", [U(40202, 9, payload=bytes(i & 255 for i in range(1000)))]),
    C("udp-closed-tos", [U(40203, 9, tos=0xff), U(40204, 9, tos=0x1c)]),
    C("udp-listen", [U(40205, 5353)]),
    C("udp-bcast", [U(40206, 9, dst="10.77.1.255")]),
    C("udp-closed-rr", [U(40207, 9, opts=RR_OPT)]),
    C("udp-closed-ttl", [U(40208, 9)], sysctl={"net.ipv4.ip_default_ttl": "99"}),
    C("udp-frag0", [U(40209, 9, frag=0x2000)], quiet=1.8, note="first fragment (MF): ICMP 11/1 after ipfrag_time"),
    C("udp-ratelimit", [U(40300 + i, 9, src="10.77.1.3") for i in range(10)],
      sysctl={"net.ipv4.icmp_ratelimit": "1000"}, note="fresh peer, token bucket: burst of 6"),
    C("udp-ratelimit-wait", [*[U(40320 + i, 9, src="10.77.1.4") for i in range(8)], 1.1,
                             *[U(40330 + i, 9, src="10.77.1.4") for i in range(3)]],
      sysctl={"net.ipv4.icmp_ratelimit": "1000"}, note="fresh peer: 6, then one more after 1.1 s"),
    C("fwd-unreachable-burst0", [U(40340 + i, 53, src="10.77.1.5", dst="10.99.0.1") for i in range(5)],
      note="ip_error's own peer limit (cost HZ, burst 5 HZ) shares the peer's tokens with icmp_ratelimit=0"),
    C("fwd-unreachable-burst", [U(40350 + i, 53, src="10.77.1.6", dst="10.99.0.1") for i in range(5)],
      sysctl={"net.ipv4.icmp_ratelimit": "1000"}),
    C("fwd-noroute-c1", [U(40360, 53, src=PEER1, dst="10.99.0.1"), ("veth1", U(40361, 53, src="10.77.2.2",
                                                                            dst="10.77.9.9"))],
      note="the first from c0 side with a c1 source; the second from c1 to a default-routed address"),
    C("udp-zero-csum", [ip4(PEER0, DUT0, 17, struct.pack("!HHHH", 40210, 9, 18, 0) + PAY)]),
    # --- ICMP and other protocols
    C("icmp-echo", [E()]),
    C("icmp-echo-tos", [E(tos=0xff, seq=2), E(tos=0x10, seq=3, ttl=1)]),
    C("icmp-echo-ignore", [E()], sysctl={"net.ipv4.icmp_echo_ignore_all": "1"}),
    C("icmp-echo-bcast", [E(dst="10.77.1.255")]),
    C("icmp-echo-bcast-allowed", [E(dst="10.77.1.255")], sysctl={"net.ipv4.icmp_echo_ignore_broadcasts": "0"}),
    C("icmp-echo-other-addr", [E(dst=DUT1)], note="eth1's address asked on eth0"),
    C("icmp-echo-big", [E(payload=bytes(i & 255 for i in range(1400)))]),
    C("icmp-echo-rr", [E(opts=RR_OPT)]),
    C("icmp-unreach-in", [ip4(PEER0, DUT0, 1, icmp(3, 3, 0, INNER_UDP))]),
    C("icmp-unknown-type", [ip4(PEER0, DUT0, 1, icmp(42, 0, 0, PAY))]),
    C("icmp-timestamp", [ip4(PEER0, DUT0, 1, icmp(13, 0, 0x00070001, bytes(12)))]),
    C("proto-unknown", [ip4(PEER0, DUT0, 253, PAY)]),
    C("proto-gre", [ip4(PEER0, DUT0, 47, PAY)]),
    # --- forwarding
    C("fwd-ttl1", [U(40401, 53, dst=PEER1, ttl=1)]),
    C("fwd-ttl1-tcp", [T(40402, 80, dst=PEER1, ttl=1, seq=1)]),
    C("fwd-ok", [U(40403, 53, dst=PEER1, ttl=9)]),
    C("fwd-unreachable", [U(40404, 53, dst="10.99.0.1", src="10.77.1.8")], note="route: unreachable 10.99.0.0/16"),
    C("fwd-prohibit", [U(40405, 53, dst="10.98.0.1", src="10.77.1.9")], note="route: prohibit 10.98.0.0/16"),
    C("fwd-blackhole", [U(40406, 53, dst="10.97.0.1")], note="route: blackhole 10.97.0.0/16"),
    C("fwd-off", [U(40407, 53, dst=PEER1)], sysctl={"net.ipv4.ip_forward": "0"}),
    # --- REJECT in INPUT, each kind
    *[C(f"reject-in-{w}", [U(40500 + i, 7)], rules=[f"-A INPUT -p udp --dport 7 -j REJECT --reject-with {w}"])
      for i, w in enumerate(REJECTS)],
    C("reject-in-default-tcp", [T(40510, 7, seq=1, opts=OPT_LINUX)], rules=["-A INPUT -p tcp --dport 7 -j REJECT"]),
    C("reject-in-tcp-reset-syn", [T(40511, 7, seq=1, opts=OPT_LINUX, tos=0x10, ttl=5)],
      rules=["-A INPUT -p tcp --dport 7 -j REJECT --reject-with tcp-reset"]),
    C("reject-in-tcp-reset-ack", [T(40512, 7, seq=1, ack=0x12345678, flags=0x18, payload=PAY)],
      rules=["-A INPUT -p tcp --dport 7 -j REJECT --reject-with tcp-reset"]),
    C("reject-in-tcp-reset-fin", [T(40513, 7, seq=10, flags=0x01, payload=PAY)],
      rules=["-A INPUT -p tcp --dport 7 -j REJECT --reject-with tcp-reset"]),
    C("reject-in-tcp-reset-rst", [T(40514, 7, seq=10, flags=0x04)],
      rules=["-A INPUT -p tcp --dport 7 -j REJECT --reject-with tcp-reset"]),
    C("reject-in-tcp-reset-ttl", [T(40515, 7, seq=10)],
      rules=["-A INPUT -p tcp --dport 7 -j REJECT --reject-with tcp-reset"], sysctl={"net.ipv4.ip_default_ttl": "33"}),
    C("reject-in-echo", [E()], rules=["-A INPUT -p icmp -j REJECT"]),
    C("reject-in-icmp-error", [ip4(PEER0, DUT0, 1, icmp(3, 3, 0, INNER_UDP))], rules=["-A INPUT -p icmp -j REJECT"]),
    C("reject-in-bcast", [U(40516, 7, dst="10.77.1.255")], rules=["-A INPUT -p udp -j REJECT"]),
    C("reject-in-frag", [ip4(PEER0, DUT0, 17, PAY, frag=0x0003)], rules=["-A INPUT -p udp -j REJECT"],
      note="non-first fragment: no reassembly without conntrack... the kernel reassembles only with defrag"),
    C("reject-in-big", [U(40517, 7, payload=bytes(i & 255 for i in range(1000)), tos=0xb8)],
      rules=["-A INPUT -p udp -j REJECT"]),
    C("reject-in-opts", [U(40518, 7, opts=RR_OPT)], rules=["-A INPUT -p udp -j REJECT", LOG_OUT]),
    C("reject-in-ratelimit", [U(40519, 7, src="10.77.1.7") for _ in range(10)], rules=["-A INPUT -p udp -j REJECT"],
      sysctl={"net.ipv4.icmp_ratelimit": "1000"}),
    C("reject-in-mark", [U(40520, 7)],
      rules=["-t mangle -A PREROUTING -j MARK --set-mark 0x2a", "-A INPUT -p udp -j REJECT", LOG_OUT]),
    # --- REJECT in FORWARD
    *[C(f"reject-fwd-{w}", [U(40600 + i, 7, dst=PEER1, ttl=9)],
        rules=[f"-A FORWARD -p udp --dport 7 -j REJECT --reject-with {w}"]) for i, w in enumerate(REJECTS)],
    C("reject-fwd-tcp-reset", [T(40610, 7, dst=PEER1, seq=1, ttl=9, opts=OPT_LINUX)],
      rules=["-A FORWARD -p tcp -j REJECT --reject-with tcp-reset"]),
    C("reject-fwd-tcp-reset-ack", [T(40611, 7, dst=PEER1, seq=1, ack=99, flags=0x10, ttl=9)],
      rules=["-A FORWARD -p tcp -j REJECT --reject-with tcp-reset"]),
    C("reject-fwd-remote-src", [U(40612, 7, src="192.0.2.5", dst=PEER1)], rules=["-A FORWARD -p udp -j REJECT"]),
    C("reject-fwd-from-c1", [U(40613, 7, src=PEER1, dst=PEER0)], rules=["-A FORWARD -p udp -j REJECT"]),
    C("reject-fwd-tcp-reset-c1", [T(40614, 7, src=PEER1, dst="192.0.2.9", seq=1)],
      rules=["-A FORWARD -p tcp -j REJECT --reject-with tcp-reset"]),
    C("reject-fwd-inbound-ifaddr", [U(40615, 7, src="192.0.2.5", dst=PEER1)], rules=["-A FORWARD -p udp -j REJECT"],
      sysctl={"net.ipv4.icmp_errors_use_inbound_ifaddr": "1"}),
    # --- REJECT replies seen by OUTPUT LOG
    C("reject-log-out-icmp", [U(40701, 7)], rules=["-A INPUT -p udp -j REJECT", LOG_OUT]),
    C("reject-log-out-rst", [T(40702, 7, seq=1)], rules=["-A INPUT -p tcp -j REJECT --reject-with tcp-reset",
                                                         LOG_OUT + " " + LOG_ALL]),
    C("reject-out-drop", [U(40703, 7)], rules=["-A INPUT -p udp -j REJECT", "-A OUTPUT -p icmp -j DROP"]),
    # --- locally generated packets (raw socket in dut, IP_HDRINCL)
    C("out-reject-udp", [("local", U(40720, 7, src=DUT0, dst=PEER0, frag=0))],
      rules=["-A OUTPUT -p udp --dport 7 -j REJECT", "-A INPUT -j LOG --log-prefix KR-LI:"]),
    C("out-reject-tcp-reset", [("local", T(40721, 7, src=DUT0, dst=PEER0, seq=1, frag=0))],
      rules=["-A OUTPUT -p tcp --dport 7 -j REJECT --reject-with tcp-reset", "-A INPUT -j LOG --log-prefix KR-LJ:"]),
    C("out-log-uid", [("local", U(40722, 53, src=DUT0, dst=PEER0, frag=0))],
      rules=["-A OUTPUT -j LOG --log-uid --log-prefix KR-UID: --log-macdecode"]),
    C("lo-syn-listener", [("local", T(40724, 8080, src=DUT0, dst=DUT0, seq=1000, opts=OPT_LINUX, frag=0))],
      note="SYN-ACK through lo (MSS from lo's MTU), then dut's own RST for the unknown connection"),
    C("lo-udp-closed", [("local", U(40725, 9, src=DUT0, dst=DUT1, frag=0))]),
    C("out-reject-to-self", [("local", U(40723, 7, src=DUT0, dst=DUT1, frag=0))],
      rules=["-A INPUT -p udp --dport 7 -j REJECT", "-A OUTPUT -j LOG --log-prefix KR-LO:",
             "-A INPUT -j LOG --log-prefix KR-LK:"]),
    # --- LOG
    C("log-tcp-syn", [T(40801, 22, seq=0x01020304, opts=OPT_LINUX)], rules=["-A INPUT -j LOG"]),
    C("log-tcp-all", [T(40802, 22, seq=0x01020304, ack=0x0a0b0c0d, flags=0x1ff, urg=7, opts=OPT_LINUX, tos=0xff)],
      rules=[f"-A INPUT -j LOG --log-prefix KR-ALL: --log-level 7 {LOG_ALL}"]),
    C("log-tcp-flags", [T(40803, 22, seq=1, flags=0x3f, tos=0x5c, ttl=200)],
      rules=["-A INPUT -j LOG --log-tcp-sequence --log-prefix KR-F:"]),
    C("log-tcp-nooptions", [T(40804, 22, seq=1)], rules=["-A INPUT -j LOG --log-tcp-options --log-prefix KR-N:"]),
    C("log-udp", [U(40805, 53)], rules=["-A INPUT -j LOG --log-level 6 --log-prefix KR-U:"]),
    C("log-udp-macdecode", [U(40806, 53)], rules=["-A INPUT -j LOG --log-macdecode --log-prefix KR-M:"]),
    C("log-ipopt", [U(40807, 53, opts=TS_OPT)], rules=["-A INPUT -j LOG --log-ip-options --log-prefix KR-O:"]),
    C("log-ipopt-off", [U(40808, 53, opts=TS_OPT)], rules=["-A INPUT -j LOG --log-prefix KR-P:"]),
    C("log-echo", [E(seq=9, frag=0)], rules=["-A INPUT -p icmp -j LOG --log-prefix KR-E:"]),
    C("log-icmp-error", [ip4(PEER0, DUT0, 1, icmp(3, 3, 0, INNER_UDP))],
      rules=["-A INPUT -p icmp -j LOG --log-prefix KR-I: --log-tcp-sequence"]),
    C("log-icmp-error-tcp", [ip4(PEER0, DUT0, 1, icmp(11, 0, 0, ip4(DUT0, PEER0, 6, tcp(DUT0, PEER0, 80, 40000,
                                                                                      seq=9, flags=0x12))[:28]))],
      rules=["-A INPUT -p icmp -j LOG --log-prefix KR-J: --log-tcp-sequence --log-tcp-options"]),
    C("log-icmp-fragneeded", [ip4(PEER0, DUT0, 1, icmp(3, 4, 1400, INNER_UDP))],
      rules=["-A INPUT -p icmp -j LOG --log-prefix KR-K:"]),
    C("log-icmp-redirect", [ip4(PEER0, DUT0, 1, icmp(5, 1, 0x0a4d0103, INNER_UDP))],
      rules=["-A INPUT -p icmp -j LOG --log-prefix KR-R:"]),
    C("log-icmp-paramprob", [ip4(PEER0, DUT0, 1, icmp(12, 0, 0x14000000, INNER_UDP))],
      rules=["-A INPUT -p icmp -j LOG --log-prefix KR-Q:"]),
    C("log-icmp-short", [ip4(PEER0, DUT0, 1, icmp(3, 1, 0, INNER_UDP[:10]))],
      rules=["-A INPUT -p icmp -j LOG --log-prefix KR-S:"]),
    C("log-icmp-echo-short", [ip4(PEER0, DUT0, 1, bytes.fromhex("0800f7ff"))],
      rules=["-A INPUT -p icmp -j LOG --log-prefix KR-T:"]),
    C("log-icmp-other", [ip4(PEER0, DUT0, 1, icmp(13, 0, 0x00070001, bytes(12))),
                         ip4(PEER0, DUT0, 1, icmp(42, 7, 0, b""))],
      rules=["-A INPUT -p icmp -j LOG --log-prefix KR-X:"]),
    C("log-frag", [ip4(PEER0, DUT0, 17, PAY, frag=0x2005), ip4(PEER0, DUT0, 6, PAY, frag=0x0007),
                   ip4(PEER0, DUT0, 1, PAY, frag=0x0009)], rules=["-t mangle -A PREROUTING -j LOG --log-prefix KR-G:"],
      note="LOG in PREROUTING: fragments are reassembled before INPUT (no conntrack, so no defrag before)"),
    C("log-ce-bit", [ip4(PEER0, DUT0, 17, udp(PEER0, DUT0, 1, 2), frag=0xc000)],
      rules=["-A INPUT -j LOG --log-prefix KR-C:"]),
    C("log-proto", [ip4(PEER0, DUT0, 253, PAY), ip4(PEER0, DUT0, 50, bytes.fromhex("0000abcd00000001") + PAY),
                    ip4(PEER0, DUT0, 51, bytes.fromhex("04000000000012340000000a") + PAY),
                    ip4(PEER0, DUT0, 136, udplite(PEER0, DUT0, 5, 6, PAY)), ip4(PEER0, DUT0, 47, PAY)],
      rules=["-A INPUT -j LOG --log-prefix KR-Y:"]),
    C("log-short-tcp", [ip4(PEER0, DUT0, 6, bytes(10)), ip4(PEER0, DUT0, 17, bytes(4))],
      rules=["-A INPUT -j LOG --log-prefix KR-Z:"], note="truncated transport headers"),
    C("log-mark", [U(40809, 53)],
      rules=["-t mangle -A PREROUTING -j MARK --set-mark 0xbeef", "-A INPUT -j LOG --log-prefix KR-MK:"]),
    C("log-fwd", [T(40810, 80, dst=PEER1, seq=5, ttl=30)],
      rules=["-A FORWARD -j LOG --log-prefix KR-FW: --log-uid", "-t mangle -A POSTROUTING -j LOG --log-prefix KR-PO:",
             "-t mangle -A PREROUTING -j LOG --log-prefix KR-PR:"]),
    C("log-bcast", [U(40811, 9, dst="10.77.1.255"), ip4(PEER0, "255.255.255.255", 17,
                                                          udp(PEER0, "255.255.255.255", 68, 67, PAY))],
      rules=["-A INPUT -j LOG --log-prefix KR-B:"]),
    C("log-prefix-long", [U(40812, 53)], rules=["-A INPUT -j LOG --log-prefix KR-123456789012345678901234567"]),
    C("log-prefix-space", [U(40813, 53)], rules=["-A INPUT -j LOG --log-level 0 --log-prefix KR-SP"]),
    C("log-levels", [U(40814, 53)], rules=[f"-A INPUT -j LOG --log-level {i} --log-prefix KR-L{i}:" for i in range(8)]),
    # --- NFLOG, NFQUEUE, AUDIT
    C("nflog-continue", [U(40901, 9)], rules=["-A INPUT -j NFLOG --nflog-prefix KR-NF", "-A INPUT -j LOG --log-prefix KR-AF:"]),
    C("nfqueue-drop", [U(40902, 9)], rules=["-A INPUT -j NFQUEUE --queue-num 3", "-A INPUT -j LOG --log-prefix KR-Q0:"]),
    C("nfqueue-bypass", [U(40903, 9)], rules=["-A INPUT -j NFQUEUE --queue-num 3 --queue-bypass",
                                              "-A INPUT -j LOG --log-prefix KR-Q1:",
                                              "-t mangle -A INPUT -j LOG --log-prefix KR-Q2:"],
      note="bypass accepts the packet from this table: the next filter rule is not reached, later tables are"),
    C("nfqueue-bypass-mangle", [U(40904, 9)], rules=["-t mangle -A INPUT -j NFQUEUE --queue-bypass",
                                                     "-t mangle -A INPUT -j LOG --log-prefix KR-Q3:",
                                                     "-A INPUT -j LOG --log-prefix KR-Q4:"]),
    C("audit", [U(40906, 9)], rules=["-A INPUT -j AUDIT --type drop", "-A INPUT -j LOG --log-prefix KR-AU:"]),
    # --- IP options (ip_options_compile() on receipt, ip_forward_options(), ip_options_echo())
    C("ipopt-bad-len", [U(41201, 9, opts=bytes.fromhex("44100500" "00000000"))],
      note="option longer than the header: parameter problem at its type byte"),
    C("ipopt-rr-badptr", [U(41202, 9, opts=bytes.fromhex("07070300000000" "01"))]),
    C("ipopt-rr-shortslot", [U(41203, 9, opts=bytes.fromhex("07060400000000" "00"))],
      note="pointer in range but no whole slot left: parameter problem at the pointer"),
    C("ipopt-rr-full", [U(41204, 9, opts=bytes.fromhex("0707080a0a0a0a" "01"))]),
    C("ipopt-rr-room", [U(41205, 9, opts=bytes.fromhex("070f04" + "00" * 12 + "00"))],
      note="three slots: dut's receiving address in the first, the error's source in the second"),
    C("ipopt-ts-room", [U(41206, 9, opts=TS2_OPT)]),
    C("ipopt-ts-only", [E(seq=3, opts=bytes.fromhex("44100500" + "00" * 12))]),
    C("ipopt-ts-overflow", [U(41207, 9, opts=bytes.fromhex("440c0d10" "01020304" "05060708"))],
      note="no room: the overflow count goes up"),
    C("ipopt-ts-overflow-max", [U(41208, 9, opts=bytes.fromhex("440c0df0" "01020304" "05060708"))]),
    C("ipopt-ts-prespec", [U(41209, 9, opts=bytes.fromhex("44140503" "0a4d0101" "00000000" "0a4d0202" "00000000"))],
      note="prespecified addresses: dut's own gets its time, the other's slot is left"),
    C("ipopt-end-garbage", [U(41210, 9, opts=bytes.fromhex("0001ff01"))],
      note="bytes after END are cleared (header checksum not fixed)"),
    C("ipopt-ra", [U(41211, 9, opts=bytes.fromhex("94040000"))], note="router alert: not echoed"),
    C("ipopt-unknown", [U(41212, 9, opts=bytes.fromhex("99040000"))]),
    C("ipopt-cipso", [U(41213, 9, opts=bytes.fromhex("860a00000001" "00000000" "0000"))],
      note="CIPSO with no DOI configured: parameter problem"),
    C("ipopt-cipso-short", [U(41214, 9, opts=bytes.fromhex("86040000"))]),
    C("ipopt-two-rr", [U(41215, 9, opts=bytes.fromhex("070304" "070304" "0000"))]),
    C("ipopt-tcp-rst", [T(41216, 9, seq=1, ipopts=RR2_OPT)]),
    C("ipopt-tcp-synack", [T(41217, 8080, seq=1000, opts=OPT_MSS, ipopts=RR2_OPT)]),
    C("ipopt-reject-rst", [T(41218, 7, seq=1, ipopts=RR2_OPT)],
      rules=["-A INPUT -p tcp -j REJECT --reject-with tcp-reset"]),
    C("ipopt-reject-zero-csum", [ip4(PEER0, DUT0, 17, struct.pack("!HHHH", 41219, 7, 18, 0) + PAY, opts=RR_OPT)],
      rules=["-A INPUT -p udp -j REJECT"], note="UDP without a checksum: REJECT does not check"),
    C("ipopt-reject-echo", [E(seq=4, opts=RR_OPT)], rules=["-A INPUT -p icmp -j REJECT"]),
    C("ipopt-fwd-rr", [U(41220, 53, dst=PEER1, ttl=9, opts=RR2_OPT)],
      rules=["-A FORWARD -j LOG --log-ip-options --log-prefix KR-OF:",
             "-t mangle -A POSTROUTING -j LOG --log-ip-options --log-prefix KR-OP:"]),
    C("ipopt-fwd-ts", [U(41221, 53, dst=PEER1, ttl=9, opts=TS2_OPT)]),
    C("ipopt-fwd-reject", [U(41222, 53, dst=PEER1, ttl=9, opts=RR2_OPT)], rules=["-A FORWARD -j REJECT"]),
    C("ipopt-fwd-ttl1", [U(41223, 53, dst=PEER1, ttl=1, opts=RR2_OPT)]),
    C("ipopt-fwd-unreachable", [U(41224, 53, dst="10.99.0.1", src="10.77.1.8", opts=RR2_OPT)]),
    C("ipopt-lsrr-drop", [U(41225, 9, opts=LSRR_OPT)], note="accept_source_route is 0 in all"),
    C("ipopt-lsrr", [ip4(PEER0, DUT0, 17, udp(PEER0, PEER1, 41226, 9, PAY), opts=LSRR_OPT)],
      sysctl={"net.ipv4.conf.all.accept_source_route": "1"},
      note="to dut, then on to 10.77.2.2 as the route says (UDP checksum for the final destination)"),
    C("ipopt-lsrr-end", [U(41227, 9, opts=bytes.fromhex("8307080a4d0202" "01"))],
      sysctl={"net.ipv4.conf.all.accept_source_route": "1"}, note="route used up: delivered, and echoed reversed"),
    C("ipopt-ssrr-gw", [U(41228, 9, opts=bytes.fromhex("8907040a4d0909" "01"))],
      sysctl={"net.ipv4.conf.all.accept_source_route": "1"}, note="strict route through a gateway"),
    C("ipopt-ssrr-fwd", [U(41229, 9, dst=PEER1, opts=bytes.fromhex("8907040a4d0909" "01"))],
      sysctl={"net.ipv4.conf.all.accept_source_route": "1"}, note="strict route, destination not dut"),
    C("ipopt-udp-big", [U(41230, 9, payload=bytes(i & 255 for i in range(1000)), opts=RR2_OPT)],
      note="the quote shrinks by the echoed options (576 bytes in all)"),
    C("ipopt-bcast", [U(41231, 9, dst="10.77.1.255", opts=RR_OPT), E(seq=5, dst="10.77.1.255", opts=RR2_OPT)],
      rules=["-A INPUT -j LOG --log-ip-options --log-prefix KR-OB:"],
      sysctl={"net.ipv4.icmp_echo_ignore_broadcasts": "0"}, note="a broadcast records the address toward its sender"),
    C("ipopt-icmp-timestamp", [ip4(PEER0, DUT0, 1, icmp(13, 0, 0x00070001, bytes(12)), opts=TS2_OPT)]),
    C("ipopt-ts-flags-unknown", [U(41232, 9, opts=bytes.fromhex("440c0502" "00000000" "00000000"))]),
    C("ipopt-sec", [U(41233, 9, opts=bytes.fromhex("820b" + "00" * 9 + "00"))]),
    C("ipopt-rr-odd-ptr", [U(41234, 9, opts=bytes.fromhex("070b05" + "00" * 8 + "00"))]),
    C("ipopt-noop-only", [U(41235, 9, opts=bytes.fromhex("01010101"))]),
    C("ipopt-end-first", [U(41236, 9, opts=bytes.fromhex("00070400"))]),
    C("ipopt-lsrr-local-hop", [ip4(PEER0, DUT0, 17, udp(PEER0, PEER1, 41237, 9, PAY),
                                   opts=bytes.fromhex("830b04" "0a4d0201" "0a4d0202" "00"))],
      sysctl={"net.ipv4.conf.all.accept_source_route": "1"},
      note="the first hop is dut's other address (skipped at once), the second is forwarded to"),
    C("ipopt-lsrr-gw", [ip4(PEER0, DUT0, 17, udp(PEER0, "10.77.9.9", 41238, 9, PAY),
                            opts=bytes.fromhex("830704" "0a4d0909" "01"))],
      sysctl={"net.ipv4.conf.all.accept_source_route": "1"}, note="loose: on through the default gateway"),
    C("ipopt-lsrr-bad-ptr", [U(41239, 9, opts=bytes.fromhex("830703" "0a4d0202" "01"))],
      sysctl={"net.ipv4.conf.all.accept_source_route": "1"}),
    C("ipopt-lsrr-short-slot", [U(41240, 9, opts=bytes.fromhex("830604" "0a4d02" "0000"))],
      sysctl={"net.ipv4.conf.all.accept_source_route": "1"}, note="room for no whole address: parameter problem"),
    C("ipopt-reject-rst-nop", [T(41241, 7, seq=1, ipopts=bytes.fromhex("01010101"))],
      rules=["-A INPUT -p tcp -j REJECT --reject-with tcp-reset"], note="nothing filled: the reset goes, without options"),
    C("ipopt-reject-rr-full", [U(41242, 7, opts=bytes.fromhex("0707080a0a0a0a" "01"))],
      rules=["-A INPUT -p udp -j REJECT"], note="nothing filled: the error goes, the option echoed"),
    C("ipopt-echo-lsrr", [E(seq=6, opts=bytes.fromhex("8307080a4d0202" "01"))],
      sysctl={"net.ipv4.conf.all.accept_source_route": "1"}, note="echo reply along the reversed route"),
]


def tcp_fields(hexs):
    b = bytes.fromhex(hexs)[14:]
    ihl = (b[0] & 15) * 4
    seq, ack = struct.unpack("!II", b[ihl + 4:ihl + 12])
    doff = (b[ihl + 12] >> 4) * 4
    opts = b[ihl + 20:ihl + doff]
    tsval = None
    i = 0
    while i < len(opts):
        k = opts[i]
        if k == 1:
            i += 1
            continue
        if k == 0:
            break
        if k == 8:
            tsval = struct.unpack("!I", opts[i + 2:i + 6])[0]
        i += opts[i + 1]
    return seq, ack, tsval


def handshake(w, name, sport, opts, ts, extra=False, ipopts=b""):
    """SYN, ACK, data, FIN from c0 to dut:8080, each reply captured; `extra`: a retransmission,
    out-of-order data and a SYN on the established connection too; `ipopts`: IP options on every segment."""
    steps = []

    def step(pkt):
        fr = frame(pkt)
        w.send("veth0", fr)
        got = w.collect()
        steps.append({"inject": fr.hex(), "replies": got})
        return got

    got = step(T(sport, 8080, ipopts=ipopts, seq=1000, opts=opts))
    isn, _, tsval = tcp_fields(got[0]["hex"])
    tso = (lambda v: bytes.fromhex("0101080a") + struct.pack("!II", v, tsval)) if ts else (lambda v: b"")
    step(T(sport, 8080, ipopts=ipopts, seq=1001, ack=isn + 1, flags=0x10, opts=tso(0x11223345)))
    step(T(sport, 8080, ipopts=ipopts, seq=1001, ack=isn + 1, flags=0x18, opts=tso(0x11223346), payload=b"hello\n"))
    if extra:
        step(T(sport, 8080, ipopts=ipopts, seq=1001, ack=isn + 1, flags=0x18, payload=b"hello\n"))  # retransmission
        step(T(sport, 8080, ipopts=ipopts, seq=1107, ack=isn + 1, flags=0x18, payload=b"gap!"))  # out of order
        step(T(sport, 8080, ipopts=ipopts, seq=5000, flags=0x02))  # SYN on an established connection
    step(T(sport, 8080, ipopts=ipopts, seq=1007, ack=isn + 1, flags=0x11, opts=tso(0x11223347)))
    step(T(sport, 8080, ipopts=ipopts, seq=1008, ack=isn + 1, flags=0x10, payload=b"late", opts=tso(0x11223348)))
    step(T(sport, 8080, ipopts=ipopts, seq=1008, ack=isn + 1, flags=0x04))
    return {"name": name, "steps": steps}


def backlog(w):
    """listen(0) on 8082: one completed connection fits the accept queue, the next SYN is dropped."""
    steps = []
    for pkt in (T(41101, 8082, seq=1000), None, T(41102, 8082, seq=1000)):
        if pkt is None:
            isn = tcp_fields(steps[0]["replies"][0]["hex"])[0]
            pkt = T(41101, 8082, seq=1001, ack=isn + 1, flags=0x10)
        fr = frame(pkt)
        w.send("veth0", fr)
        steps.append({"inject": fr.hex(), "replies": w.collect()})
    return {"name": "hs-backlog", "steps": steps}


def ss_session():
    """`ss` in a namespace of its own with a few sockets (column widths, names, Netid, -H)."""
    ns = f"kr-ss-{SUF}"
    run("ip", "netns", "add", ns)
    NS["ss"] = ns
    try:
        nsx("ss", "ip", "link", "set", "lo", "up")
        nsx("ss", "ip", "addr", "add", "10.1.2.3/24", "dev", "lo")
        socks = []
        with in_ns("ss"):
            for kind, addr, port, backlog in (("udp", "10.1.2.3", 12345, 0), ("udp", "0.0.0.0", 53, 0),
                                              ("tcp", "127.0.0.1", 8080, 128), ("tcp", "0.0.0.0", 22, 511),
                                              ("tcp", "10.1.2.3", 65535, 4096)):
                so = socket.socket(socket.AF_INET, socket.SOCK_DGRAM if kind == "udp" else socket.SOCK_STREAM)
                so.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                so.bind((addr, port))
                if kind == "tcp":
                    so.listen(backlog)
                socks.append(so)
        res = {}
        for args in (["-ltn"], ["-lun"], ["-ltun"], ["-tuln"], ["-lt"], ["-lu"], ["-ltnH"], ["-l", "-t", "-n"],
                     ["-ltn4"]):
            res[" ".join(args)] = nsx("ss", "ss", *args).stdout
        for so in socks:
            so.close()
        return res
    finally:
        run("ip", "netns", "del", ns, check=False)
        del NS["ss"]


def ss_listing():
    return {"ltn": nsx("dut", "ss", "-ltn").stdout, "lun": nsx("dut", "ss", "-lun").stdout,
            "ltnp": nsx("dut", "ss", "-ltn", "sport", "= :8080").stdout}


def merge_into(path, out):
    """Puts the cases of this run into the recording at `path` (replacing those of the same name)."""
    with open(path) as f:
        rec = json.load(f)
    if rec["kernel"] != out["kernel"]:
        raise RuntimeError(f"recording is of {rec['kernel']}, this kernel is {out['kernel']}")
    hs = {h["name"]: h for h in rec["handshakes"]}
    hs.update({h["name"]: h for h in out["handshakes"]})
    rec["handshakes"] = list(hs.values())
    cases = {c["name"]: c for c in rec["cases"]}
    cases.update({c["name"]: c for c in out["cases"]})
    order = [c["name"] for c in CASES]
    rec["cases"] = [cases[n] for n in order if n in cases] + [c for n, c in cases.items() if n not in order]
    with open(path, "w") as f:
        json.dump(rec, f, indent=2)
        f.write("\n")


def main():
    args = sys.argv[1:]
    merge = None
    if args[:1] == ["--merge"]:
        merge, args = args[1], args[2:]
        if not args:
            raise SystemExit("--merge needs the cases to record")
    only = set(args)
    setup()
    try:
        w = Wire()
        for rt in ("unreachable 10.99.0.0/16", "prohibit 10.98.0.0/16", "blackhole 10.97.0.0/16"):
            run("ip", "-n", NS["dut"], "route", "add", *rt.split())
        out = {"kernel": os.uname().release, "topology": {"mac": MAC}, "cases": [], "handshakes": []}
        out["ss_before"] = ss_listing()
        out["ss_session"] = ss_session()
        for c in CASES:
            if only and c["name"] not in only:
                continue
            ipt(c["rules"])
            sysctls({**BASE_SYSCTLS, "net.ipv4.ip_forward": "1", "net.ipv4.tcp_timestamps": "1",
                     "net.ipv4.tcp_sack": "1", "net.ipv4.tcp_window_scaling": "1",
                     "net.ipv4.icmp_errors_use_inbound_ifaddr": "0",
                     "net.ipv4.conf.all.accept_source_route": "0"})
            sysctls(c["sysctl"])
            w.listen()
            time.sleep(0.05)
            w.drain()
            res = {k: c[k] for k in ("name", "rules", "sysctl", "note") if c[k]}
            res["inject"] = []
            for p in c["packets"]:
                if isinstance(p, float):
                    time.sleep(p)
                    res["inject"].append({"sleep": p})
                    continue
                dev, pkt = p if isinstance(p, tuple) else ("veth0", p)
                fr = pkt if dev == "local" else frame(pkt, dev)
                ent = {"dev": dev, "hex": fr.hex()}
                err = w.send(dev, fr)
                if err:
                    ent["error"] = err
                res["inject"].append(ent)
            res["replies"] = w.collect(quiet=c["quiet"])
            res["log"] = w.klog()
            out["cases"].append(res)
            print(f"{c['name']}: {len(res['replies'])} replies, {len(res['log'])} log lines", file=sys.stderr)
        if not only or "handshakes" in only:
            ipt([])
            sysctls(BASE_SYSCTLS)
            w.listen()
            time.sleep(0.05)
            w.drain()
            out["handshakes"].append(handshake(w, "hs-plain", 41001, b"", False, extra=True))
            out["handshakes"].append(handshake(w, "hs-linux", 41002, OPT_LINUX, True))
            out["handshakes"].append(backlog(w))
            out["ss_after"] = ss_listing()
        if not only or "hs-ipopt" in only:
            # after ss_after: the twin replays this one on a host of its own
            ipt([])
            sysctls(BASE_SYSCTLS)
            w.listen()
            time.sleep(0.05)
            w.drain()
            out["handshakes"].append(handshake(w, "hs-ipopt", 41003, OPT_LINUX, True, ipopts=RR2_OPT))
        # How dmesg shows the records this run produced (the ring is the machine's: filter on our tag).
        out["dmesg"] = {}
        for mode in ([], ["-x"], ["-r"], ["-t"], ["-l", "debug,emerg"], ["-T"]):
            txt = run("dmesg", *mode).stdout
            out["dmesg"][" ".join(mode)] = [ln for ln in txt.split("\n") if "KR-L" in ln]
        up = float(open("/proc/uptime").read().split()[0])
        out["dmesg_boot_ms"] = int((time.time() - up) * 1000)
        if merge:
            merge_into(merge, out)
            return
        json.dump(out, sys.stdout, indent=1)
        print()
    finally:
        teardown()


if __name__ == "__main__":
    main()
