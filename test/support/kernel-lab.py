#!/usr/bin/env python3
"""Injects Ethernet frames into the kernel lab and captures what comes back.

Run as root: kernel-lab.py --dut NS --kmsg TAG NS,DEV,MAC,IP,TARGET ... (one per
client namespace, e.g. c0,veth0,02:00:00:00:01:02,10.0.0.2,10.0.0.1). For each,
an AF_PACKET socket is opened inside that namespace (setns through libc) and
bound to DEV; a raw IPv4 socket is opened in the DUT namespace for packets the
DUT itself sends. Then one JSON command per stdin line, one JSON answer per
line on stdout:

  {"op": "inject", "dev": "veth0", "frame": "<hex>"}
  {"op": "local", "ip": "<hex of the IPv4 packet>", "mark": N}
      sends the frame (or the packet from the DUT's own raw socket), then
      waits for a barrier: an ARP request to the DUT (target given per
      client) sent on every client and answered; frames received meanwhile
      (IPv4 only, not our own) are returned in order, with the kernel log
      lines that start with TAG (the LOG prefix):
      {"captured": [{"dev": "veth1", "frame": "<hex>"}, ...], "log": ["..."]}
  {"op": "relisten"}  closes and reopens the DUT's listening sockets (--listen
      tcp:PORT / udp:PORT, on all addresses): a case starts with no connections.
  {"op": "quit"}

ARP is not seen by iptables, and the DUT's replies to it come after every
frame the injected one caused (softirq processing in order), so the barrier
makes captures complete and deterministic without sleeping.
"""
import ctypes
import json
import os
import select
import socket
import struct
import sys
import time

CLONE_NEWNET = 0x40000000
ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4

libc = ctypes.CDLL(None, use_errno=True)


def setns(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            err = ctypes.get_errno()
            raise OSError(err, "setns %s: %s" % (path, os.strerror(err)))
    finally:
        os.close(fd)


def mac_bytes(s):
    return bytes(int(x, 16) for x in s.split(":"))


def arp_request(src_mac, src_ip, dst_ip):
    eth = b"\xff" * 6 + src_mac + b"\x08\x06"
    arp = struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + src_mac + socket.inet_aton(src_ip) + b"\x00" * 6 + socket.inet_aton(dst_ip)
    return eth + arp


class Client:
    def __init__(self, ns, dev, mac, ip, target):
        self.dev = dev
        self.mac = mac_bytes(mac)
        self.ip = ip
        self.target = target
        own = os.open("/proc/self/ns/net", os.O_RDONLY)
        try:
            setns("/var/run/netns/" + ns)
            self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
            self.sock.bind((dev, 0))
        finally:
            libc.setns(own, CLONE_NEWNET)
            os.close(own)
        self.sock.setblocking(False)

    def barrier_frame(self):
        return arp_request(self.mac, self.ip, self.target)

    def is_barrier_reply(self, f):
        # ARP reply (op 2) to our sender address.
        return len(f) >= 42 and f[12:14] == b"\x08\x06" and f[20:22] == b"\x00\x02" and f[38:42] == socket.inet_aton(self.ip)


def drain(clients):
    for c in clients:
        while True:
            try:
                c.sock.recvfrom(65535)
            except BlockingIOError:
                break


class Kmsg:
    """New kernel log records (/dev/kmsg from its end), the ones with our tag."""

    def __init__(self, tag):
        self.tag = tag
        self.fd = os.open("/dev/kmsg", os.O_RDONLY | os.O_NONBLOCK)
        os.lseek(self.fd, 0, os.SEEK_END)

    def read(self):
        out = []
        while True:
            try:
                rec = os.read(self.fd, 8192)
            except BlockingIOError:
                break
            except BrokenPipeError:
                continue  # records overwritten before we read them
            text = rec.decode("utf-8", "replace")
            msg = text.split(";", 1)[1] if ";" in text else text
            msg = msg.split("\n", 1)[0]
            if msg.startswith(self.tag):
                out.append(msg)
        return out


def open_raw(dut):
    own = os.open("/proc/self/ns/net", os.O_RDONLY)
    try:
        setns("/var/run/netns/" + dut)
        s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    finally:
        libc.setns(own, CLONE_NEWNET)
        os.close(own)
    return s


class Listeners:
    """Sockets in the DUT: TCP listeners that never accept, UDP sockets that never read."""

    def __init__(self, dut, specs):
        self.dut = dut
        self.specs = specs
        self.socks = []

    def reopen(self):
        for s in self.socks:
            s.close()
        self.socks = []
        if not self.specs:
            return
        own = os.open("/proc/self/ns/net", os.O_RDONLY)
        try:
            setns("/var/run/netns/" + self.dut)
            for spec in self.specs:
                proto, port = spec.split(":")
                if proto == "tcp":
                    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    s.bind(("0.0.0.0", int(port)))
                    s.listen(128)
                else:
                    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                    s.bind(("0.0.0.0", int(port)))
                self.socks.append(s)
        finally:
            libc.setns(own, CLONE_NEWNET)
            os.close(own)


def run(clients, cmd, raw, kmsg):
    by_dev = {c.dev: c for c in clients}
    out = []
    if cmd["op"] == "local":
        data = bytes.fromhex(cmd["ip"])
        raw.setsockopt(socket.SOL_SOCKET, 36, int(cmd.get("mark", 0)))  # SO_MARK
        dst = socket.inet_ntoa(data[16:20])
        try:
            raw.sendto(data, (dst, 0))
        except OSError as e:
            out.append({"error": str(e)})
    else:
        c = by_dev[cmd["dev"]]
        c.sock.send(bytes.fromhex(cmd["frame"]))
    for b in clients:
        b.sock.send(b.barrier_frame())
    waiting = set(b.dev for b in clients)
    deadline = time.monotonic() + float(cmd.get("timeout", 2.0))
    socks = {b.sock.fileno(): b for b in clients}
    while waiting:
        left = deadline - time.monotonic()
        if left <= 0:
            return {"captured": out, "log": kmsg.read() if kmsg else [], "timeout": sorted(waiting)}
        r, _, _ = select.select(list(socks), [], [], left)
        for fd in r:
            b = socks[fd]
            while True:
                try:
                    data, addr = b.sock.recvfrom(65535)
                except BlockingIOError:
                    break
                if addr[2] == PACKET_OUTGOING:
                    continue
                if b.is_barrier_reply(data):
                    waiting.discard(b.dev)
                    continue
                if data[12:14] != b"\x08\x00":
                    continue
                out.append({"dev": b.dev, "frame": data.hex()})
    return {"captured": out, "log": kmsg.read() if kmsg else []}


def main():
    # One CPU: the injected frame and the barrier go through the same per-CPU
    # backlog, so the barrier's answer cannot overtake what the frame caused
    # (even when softirq work is deferred to ksoftirqd on a busy machine).
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    clients = []
    args = sys.argv[1:]
    dut = None
    tag = None
    listen = []
    while args and args[0].startswith("--"):
        if args[0] == "--dut":
            dut = args[1]
        elif args[0] == "--kmsg":
            tag = args[1]
        elif args[0] == "--listen":
            listen.append(args[1])
        args = args[2:]
    listeners = Listeners(dut, listen)
    listeners.reopen()
    raw = open_raw(dut) if dut else None
    kmsg = Kmsg(tag) if tag else None
    for spec in args:
        parts = spec.split(",")
        ns, dev, mac, ip, target = parts
        clients.append(Client(ns, dev, mac, ip, target))
    drain(clients)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        cmd = json.loads(line)
        if cmd["op"] == "quit":
            break
        if cmd["op"] == "relisten":
            listeners.reopen()
            res = {"ok": True}
        elif cmd["op"] == "drain":
            drain(clients)
            if kmsg:
                kmsg.read()
            res = {"ok": True}
        else:
            res = run(clients, cmd, raw, kmsg)
        print(json.dumps(res), flush=True)


if __name__ == "__main__":
    main()
