from lab import *
L = Lab()
sport = [7000]
def trial(label, setup):
    L.dut_sh("nft flush ruleset"); L.dut_sh("conntrack -F")
    for c in setup:
        r = L.dut_sh(c)
        if r.returncode: print("  FAIL", c, r.stderr.strip())
    sport[0] += 1
    L.send(0, udp("10.0.0.2", "10.1.0.2", sport[0], 53))
    print(f"{label:40s}", "TRACKED" if L.ct()[0] else "-")
try:
    trial("cluster", ["iptables -A OUTPUT -m cluster --cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 1"])
    trial("SYNPROXY", ["iptables -A FORWARD -p tcp -m tcp --syn -j SYNPROXY"])
    trial("HMARK", ["iptables -t mangle -A OUTPUT -j HMARK --hmark-tuple src --hmark-mod 2 --hmark-rnd 1"])
    trial("DNAT", ["iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4"])
    trial("REDIRECT", ["iptables -t nat -A OUTPUT -p tcp -j REDIRECT"])
    trial("NETMAP", ["iptables -t nat -A OUTPUT -j NETMAP --to 1.2.3.0/24"])
    trial("NFLOG", ["iptables -A OUTPUT -j NFLOG"])
    trial("LOG", ["iptables -A OUTPUT -j LOG"])
    trial("recent", ["iptables -A OUTPUT -m recent --set"])
finally:
    L.close()
