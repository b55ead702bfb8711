"""Kernel lab: namespaces dut/c0/c1, raw frame injection and capture (for iptwin conntrack verification)."""
import ctypes, os, socket, struct, subprocess, time, select, sys

libc = ctypes.CDLL("libc.so.6", use_errno=True)
CLONE_NEWNET = 0x40000000

def sh(cmd, check=True):
    r = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError(f"{cmd}: {r.stderr}")
    return r

def csum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack(f"!{len(b)//2}H", b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def ip2b(a): return socket.inet_aton(a)

def ipv4(src, dst, proto, l4, ttl=64, ident=1, tos=0, frag=0x4000):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, tos, 20 + len(l4), ident, frag, ttl, proto, 0, ip2b(src), ip2b(dst))
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + l4

def tcp(src, dst, sport, dport, flags, seq=1000, ack=0, win=64240, payload=b"", opts=b""):
    off = (20 + len(opts)) // 4
    h = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, off << 4, flags, win, 0, 0) + opts + payload
    ph = ip2b(src) + ip2b(dst) + struct.pack("!BBH", 0, 6, len(h))
    c = csum(ph + h)
    h = h[:16] + struct.pack("!H", c) + h[18:]
    return ipv4(src, dst, 6, h)

def udp(src, dst, sport, dport, payload=b"x"):
    h = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    ph = ip2b(src) + ip2b(dst) + struct.pack("!BBH", 0, 17, len(h))
    c = csum(ph + h) or 0xffff
    h = h[:6] + struct.pack("!H", c) + h[8:]
    return ipv4(src, dst, 17, h)

def icmp(src, dst, typ, code, rest=b"\0\0\0\0", payload=b"", ttl=64):
    h = struct.pack("!BBH", typ, code, 0) + rest + payload
    h = h[:2] + struct.pack("!H", csum(h)) + h[4:]
    return ipv4(src, dst, 1, h, ttl=ttl)

def echo(src, dst, ident, seq, typ=8, payload=b"abcdefgh"):
    return icmp(src, dst, typ, 0, struct.pack("!HH", ident, seq), payload)

FIN, SYN, RST, PSH, ACK = 1, 2, 4, 8, 16

def setns(path):
    fd = os.open(path, os.O_RDONLY)
    if libc.setns(fd, CLONE_NEWNET) != 0:
        raise OSError(ctypes.get_errno(), "setns")
    os.close(fd)

def mac_of(ns, dev):
    return sh(f"ip netns exec {ns} cat /sys/class/net/{dev}/address").stdout.strip()

def macb(m): return bytes(int(x, 16) for x in m.split(":"))

class Lab:
    def __init__(self, tag=None):
        tag = tag or str(os.getpid())
        self.dut, self.c0, self.c1 = f"dut{tag}", f"c0{tag}", f"c1{tag}"
        for n in (self.dut, self.c0, self.c1):
            sh(f"ip netns del {n}", check=False)
            sh(f"ip netns add {n}")
        d, c0, c1 = self.dut, self.c0, self.c1
        sh(f"ip link add eth0 netns {d} type veth peer name veth0 netns {c0}")
        sh(f"ip link add eth1 netns {d} type veth peer name veth1 netns {c1}")
        for ns, devs in ((d, ["eth0", "eth1", "lo"]), (c0, ["veth0", "lo"]), (c1, ["veth1", "lo"])):
            sh(f"ip netns exec {ns} sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1")
            for dv in devs:
                sh(f"ip netns exec {ns} sysctl -qw net.ipv6.conf.{dv}.disable_ipv6=1", check=False)
                sh(f"ip netns exec {ns} ip link set {dv} up")
        sh(f"ip netns exec {d} ip addr add 10.0.0.1/24 dev eth0")
        sh(f"ip netns exec {d} ip addr add 10.1.0.1/24 dev eth1")
        sh(f"ip netns exec {d} sysctl -qw net.ipv4.ip_forward=1 net.ipv4.icmp_ratelimit=0")
        self.m0, self.m1 = mac_of(c0, "veth0"), mac_of(c1, "veth1")
        self.d0, self.d1 = mac_of(d, "eth0"), mac_of(d, "eth1")
        for a in ("10.0.0.2", "10.0.0.3", "10.0.0.4"):
            sh(f"ip netns exec {d} ip neigh add {a} lladdr {self.m0} dev eth0 nud permanent")
        for a in ("10.1.0.2", "10.1.0.3"):
            sh(f"ip netns exec {d} ip neigh add {a} lladdr {self.m1} dev eth1 nud permanent")
        sh(f"ip netns exec {d} ip route add default via 10.1.0.2")
        time.sleep(0.3)
        me = f"/proc/{os.getpid()}/ns/net"
        self.home = os.open(me, os.O_RDONLY)
        self.s = {}
        for ns, dev in ((c0, "veth0"), (c1, "veth1")):
            setns(f"/var/run/netns/{ns}")
            s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
            s.bind((dev, 0))
            s.setblocking(False)
            self.s[dev] = s
        libc.setns(self.home, CLONE_NEWNET)
        self.drain()

    def dut_sh(self, cmd, check=False):
        return sh(f"ip netns exec {self.dut} {cmd}", check=check)

    def drain(self):
        time.sleep(0.05)
        for s in self.s.values():
            while True:
                try:
                    s.recvfrom(65535)
                except BlockingIOError:
                    break

    def send(self, side, ippkt):
        """side 0: frame from c0 into dut eth0; side 1: from c1 into eth1. Returns captured (side, ippkt) list."""
        dev = "veth0" if side == 0 else "veth1"
        dst = self.d0 if side == 0 else self.d1
        src = self.m0 if side == 0 else self.m1
        frame = macb(dst) + macb(src) + b"\x08\x00" + ippkt
        self.s[dev].send(frame)
        return self.capture()

    def capture(self, wait=0.15):
        out = []
        deadline = time.time() + wait
        while time.time() < deadline:
            for side, dev in ((0, "veth0"), (1, "veth1")):
                s = self.s[dev]
                while True:
                    try:
                        data, addr = s.recvfrom(65535)
                    except BlockingIOError:
                        break
                    if addr[2] == socket.PACKET_OUTGOING: continue
                    if data[12:14] != b"\x08\x00": continue
                    out.append((side, data[14:]))
            time.sleep(0.01)
        return out

    def ct(self, args="-L"):
        r = self.dut_sh(f"conntrack {args}")
        return r.stdout, r.stderr, r.returncode

    def close(self):
        for n in (self.dut, self.c0, self.c1):
            sh(f"ip netns del {n}", check=False)

def show(pkts):
    res = []
    for side, p in pkts:
        proto = p[9]; src = socket.inet_ntoa(p[12:16]); dst = socket.inet_ntoa(p[16:20]); ihl = (p[0] & 15) * 4
        l4 = p[ihl:]
        if proto == 6:
            sp, dp, seq, ack, off, fl = struct.unpack("!HHIIBB", l4[:14])
            res.append(f"side{side} TCP {src}:{sp} > {dst}:{dp} flags={fl:#x} seq={seq} ack={ack}")
        elif proto == 17:
            sp, dp = struct.unpack("!HH", l4[:4])
            res.append(f"side{side} UDP {src}:{sp} > {dst}:{dp}")
        elif proto == 1:
            t, c = l4[0], l4[1]
            extra = ""
            if t in (3, 11):
                inner = l4[8:]
                isrc = socket.inet_ntoa(inner[12:16]); idst = socket.inet_ntoa(inner[16:20]); ip_ = inner[9]; ih = (inner[0]&15)*4
                ports = struct.unpack("!HH", inner[ih:ih+4]) if ip_ in (6, 17) else ()
                extra = f" inner {isrc}>{idst} p{ip_} {ports}"
            else:
                extra = " id=%d seq=%d" % struct.unpack("!HH", l4[4:8])
            res.append(f"side{side} ICMP {src} > {dst} type={t} code={c}{extra}")
        else:
            res.append(f"side{side} proto{proto} {src} > {dst}")
    return res
