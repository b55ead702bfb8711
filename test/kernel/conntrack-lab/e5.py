from lab import *
from evt import Events
L = Lab()
try:
    L.dut_sh("iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 10.1.0.2:80")
    ev = Events(L)
    def step(label, side, pkt):
        r = L.send(side, pkt)
        print("##", label, show(r))
        print(L.ct()[0], end="")
    C, S, B = "10.0.0.2", "10.0.0.1", "10.1.0.2"
    step("SYN", 0, tcp(C, S, 40000, 8080, SYN, seq=100))
    step("SYNACK", 1, tcp(B, C, 80, 40000, SYN|ACK, seq=5000, ack=101))
    step("ACK", 0, tcp(C, S, 40000, 8080, ACK, seq=101, ack=5001))
    step("DATA", 0, tcp(C, S, 40000, 8080, ACK|PSH, seq=101, ack=5001, payload=b"hello"))
    step("ACKDATA", 1, tcp(B, C, 80, 40000, ACK, seq=5001, ack=106))
    step("FIN c", 0, tcp(C, S, 40000, 8080, FIN|ACK, seq=106, ack=5001))
    step("FINACK s", 1, tcp(B, C, 80, 40000, FIN|ACK, seq=5001, ack=107))
    step("LASTACK c", 0, tcp(C, S, 40000, 8080, ACK, seq=107, ack=5002))
    L.dut_sh("conntrack -D -p tcp")
    out, err = ev.stop()
    print("==== EVENTS\n" + out + "---- stderr\n" + err)
finally:
    L.close()
