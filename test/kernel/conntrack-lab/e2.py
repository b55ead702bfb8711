from lab import *
L = Lab()
sport = [6000]
def trial(label, setup):
    L.dut_sh("iptables-restore </dev/null")  # not flushing nft tables fully
    L.dut_sh("nft flush ruleset")
    L.dut_sh("conntrack -F")
    for c in setup:
        r = L.dut_sh(c)
        if r.returncode: print("  FAIL", c, r.stderr.strip())
    sport[0] += 1
    L.send(0, udp("10.0.0.2", "10.1.0.2", sport[0], 53))
    out = L.ct()[0]
    print(f"{label:40s}", "TRACKED" if out else "-")
try:
    trial("nothing", [])
    trial("nat table ACCEPT in POSTROUTING", ["iptables -t nat -A POSTROUTING -j ACCEPT"])
    trial("nat table, -N only", ["iptables -t nat -N FOO"])
    trial("nat -L (table listing)", ["iptables -t nat -L -n"])
    trial("nat chain policy", ["iptables -t nat -P PREROUTING ACCEPT"])
    trial("raw NOTRACK", ["iptables -t raw -A PREROUTING -j NOTRACK"])
    trial("raw CT --notrack", ["iptables -t raw -A PREROUTING -j CT --notrack"])
    trial("raw CT --zone 1", ["iptables -t raw -A OUTPUT -j CT --zone 1"])
    trial("raw CT --ctevents new", ["iptables -t raw -A OUTPUT -j CT --ctevents new"])
    trial("conntrack match", ["iptables -A OUTPUT -m conntrack --ctstate NEW"])
    trial("connmark match", ["iptables -A OUTPUT -m connmark --mark 1"])
    trial("CONNMARK", ["iptables -t mangle -A OUTPUT -j CONNMARK --set-mark 1"])
    trial("connlimit", ["iptables -A OUTPUT -m connlimit --connlimit-above 5"])
    trial("connbytes", ["iptables -A OUTPUT -m connbytes --connbytes 10 --connbytes-dir both --connbytes-mode bytes"])
    trial("connlabel", ["iptables -A OUTPUT -m connlabel --label 1"])
    trial("helper", ["iptables -A OUTPUT -m helper --helper ftp"])
    trial("SNAT", ["iptables -t nat -A POSTROUTING -o lo -j SNAT --to-source 1.2.3.4"])
    trial("MASQUERADE", ["iptables -t nat -A POSTROUTING -o lo -j MASQUERADE"])
    trial("cluster", ["iptables -A OUTPUT -m cluster --cluster-total-nodes 2 --cluster-local-node 1"])
    trial("CONNSECMARK", ["iptables -t mangle -A OUTPUT -j CONNSECMARK --save"])
    trial("SYNPROXY", ["iptables -A OUTPUT -p tcp -j SYNPROXY"])
    trial("socket", ["iptables -t mangle -A PREROUTING -m socket"])
    trial("TPROXY", ["iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 1"])
    trial("ipvs", ["iptables -A OUTPUT -m ipvs --ipvs"])
    trial("HMARK", ["iptables -t mangle -A OUTPUT -j HMARK --hmark-tuple src --hmark-mod 2"])
    trial("state in user chain never called", ["iptables -N X", "iptables -A X -m state --state NEW"])
    trial("nft ct expr via nft", ["nft add table ip t", "nft add chain ip t c '{ type filter hook forward priority 0; }'", "nft add rule ip t c ct state new"])
finally:
    L.close()
