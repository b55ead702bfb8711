#!/usr/bin/env python3
"""Records what Linux logs for martian sources under log_martians (the lines test/send.test.ts
expects of the twin): two private namespaces joined by a veth pair, 10.9.0.1/24 on the near end,
rp_filter strict, two UDP frames injected from the far end (the host's own address as source, and
a source with no route back). Prints the dmesg lines that follow. As root; touches nothing else."""
import ctypes
import os
import socket
import struct
import subprocess
import time


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True)


def checksum(b):
    s = sum((b[i] << 8) + (b[i + 1] if i + 1 < len(b) else 0) for i in range(0, len(b), 2))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def frame(src, dst):
    udp = struct.pack("!HHHH", 1234, 53, 8, 0)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 28, 1, 0, 64, 17, 0, socket.inet_aton(src), socket.inet_aton(dst))
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    return bytes.fromhex("020000000001020000000002") + b"\x08\x00" + ip + udp


sh("ip netns del mt1; ip netns del mt2")
sh("ip netns add mt1; ip netns add mt2")
sh("ip link add veth0 netns mt1 type veth peer name veth1 netns mt2")
sh("ip -n mt1 link set veth0 address 02:00:00:00:00:01 up; ip -n mt2 link set veth1 address 02:00:00:00:00:02 up")
sh("ip -n mt1 link set lo up; ip -n mt1 addr add 10.9.0.1/24 dev veth0")
sh("ip netns exec mt1 sysctl -qw net.ipv4.conf.all.log_martians=1 net.ipv4.conf.all.rp_filter=1")
before = sh("dmesg").stdout.count("\n")
pid = os.fork()
if pid == 0:
    ctypes.CDLL(None).setns(os.open("/var/run/netns/mt2", os.O_RDONLY), 0)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind(("veth1", 0))
    s.send(frame("10.9.0.1", "10.9.0.1"))
    s.send(frame("192.0.2.7", "10.9.0.1"))
    os._exit(0)
os.waitpid(pid, 0)
time.sleep(0.3)
print("\n".join(sh("dmesg").stdout.splitlines()[before:]))
sh("ip netns del mt1; ip netns del mt2")
