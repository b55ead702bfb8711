from lab import *
L = Lab()
def reset():
    L.dut_sh("nft flush ruleset"); L.dut_sh("conntrack -F")
def counts(ch="FORWARD", t="filter"):
    out = L.dut_sh(f"iptables -t {t} -L {ch} -v -n -x").stdout.splitlines()[2:]
    return [int(l.split()[0]) for l in out]
try:
    C, S, B = "10.0.0.2", "10.0.0.1", "10.1.0.2"
    print("### ctdir etc")
    reset()
    for r in ["-A FORWARD -m conntrack --ctdir REPLY", "-A FORWARD -m conntrack --ctstatus SEEN_REPLY", "-A FORWARD -m conntrack --ctexpire 100:200",
              "-A FORWARD -m conntrack --ctorigdstport 53 --ctreplsrc 10.1.0.2", "-A FORWARD -m conntrack --ctstate NEW --ctproto udp"]:
        print(r, L.dut_sh("iptables " + r).returncode)
    L.send(0, udp(C, B, 5000, 53)); L.send(1, udp(B, C, 53, 5000)); time.sleep(3); L.send(0, udp(C, B, 5000, 53)); L.send(0, udp(C, B, 5000, 53))
    print(counts())
    print("### CONNMARK")
    reset()
    L.dut_sh("iptables -t mangle -A PREROUTING -p udp --dport 53 -j CONNMARK --set-mark 0x5")
    L.dut_sh("iptables -t mangle -A PREROUTING -m connmark --mark 0x5 -j CONNMARK --restore-mark")
    L.dut_sh("iptables -A FORWARD -m mark --mark 0x5")
    L.send(0, udp(C, B, 5000, 53)); L.send(1, udp(B, C, 53, 5000))
    print(counts(), L.ct()[0])
    print("### connlimit")
    reset()
    L.dut_sh("iptables -A FORWARD -p tcp --syn -m connlimit --connlimit-above 2 -j DROP")
    for port in [1001, 1002, 1003, 1002]:
        print(port, show(L.send(0, tcp(C, B, port, 80, SYN))))
    print("other", show(L.send(0, tcp("10.0.0.3", B, 1001, 80, SYN))))
    print("### connbytes")
    reset()
    print(L.dut_sh("iptables -A FORWARD -m connbytes --connbytes 3: --connbytes-dir original --connbytes-mode packets").stderr)
    for i in range(4): L.send(0, udp(C, B, 5000, 53))
    print(counts(), L.ct()[0], L.dut_sh("sysctl net.netfilter.nf_conntrack_acct").stdout)
finally:
    L.close()
