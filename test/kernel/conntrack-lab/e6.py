from lab import *
from evt import Events
L = Lab()
try:
    L.dut_sh("iptables -A FORWARD -m conntrack --ctstate NEW,RELATED,ESTABLISHED,INVALID")
    L.dut_sh("sysctl -w net.netfilter.nf_conntrack_udp_timeout=3")
    ev = Events(L)
    C, B = "10.0.0.2", "10.1.0.2"
    def step(label, side, pkt):
        r = L.send(side, pkt)
        print("##", label, show(r)); print(L.ct()[0], end="")
    step("udp req", 0, udp(C, B, 5000, 53))
    step("udp reply", 1, udp(B, C, 53, 5000))
    step("udp req2 (<2s)", 0, udp(C, B, 5000, 53))
    time.sleep(2.2)
    step("udp req3 (>2s)", 0, udp(C, B, 5000, 53))
    step("ping", 0, echo(C, B, 77, 1))
    step("pong", 1, echo(B, C, 77, 1, typ=0))
    step("pong again", 1, echo(B, C, 77, 1, typ=0))
    step("unsolicited pong", 1, echo(B, C, 78, 1, typ=0))
    step("udp 2", 0, udp(C, B, 5001, 69))
    inner = udp(C, B, 5001, 69)[:28]
    step("icmp port unreach for udp 2", 1, icmp(B, C, 3, 3, payload=inner))
    print(L.dut_sh("iptables -S FORWARD -v").stdout)
    print(L.dut_sh("iptables -L FORWARD -v -n -x").stdout)
    time.sleep(3.5)
    print("after wait:"); print(L.ct()[0])
    L.dut_sh("conntrack -F")
    out, err = ev.stop()
    print("==== EVENTS\n" + out + "---- stderr\n" + err)
finally:
    L.close()
