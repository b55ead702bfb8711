from lab import *
L = Lab()
try:
    def trial(label, setup):
        L.dut_sh("iptables -F"); L.dut_sh("iptables -t nat -F"); L.dut_sh("iptables -t raw -F"); L.dut_sh("conntrack -F")
        for c in setup: print(c, L.dut_sh(c).returncode)
        r = L.send(0, udp("10.0.0.2", "10.1.0.2", 5000, 53))
        print(label, show(r))
        print(L.ct()[0] or "(empty)")
    trial("nothing", [])
    trial("filter plain rule", ["iptables -A FORWARD -p udp -j ACCEPT"])
    trial("state", ["iptables -A FORWARD -m state --state NEW -j ACCEPT"])
    L.dut_sh("iptables -D FORWARD -m state --state NEW -j ACCEPT")
    trial("after deleting state rule", [])
    trial("mark match", ["iptables -A FORWARD -m mark --mark 1"])
finally:
    L.close()
