from lab import *
import subprocess, signal
L = Lab()
try:
    L.dut_sh("iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 10.1.0.2:80")
    L.dut_sh("iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE")
    ev = subprocess.Popen(f"ip netns exec {L.dut} conntrack -E", shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)
    def step(label, side, pkt):
        r = L.send(side, pkt)
        print("##", label, show(r))
        print(L.ct()[0], end="")
    C, S = "10.0.0.2", "10.0.0.1"
    step("SYN", 0, tcp(C, S, 40000, 8080, SYN, seq=100))
    step("SYNACK", 1, tcp("10.1.0.2", C, 80, 40000, SYN|ACK, seq=5000, ack=101))
    step("ACK", 0, tcp(C, S, 40000, 8080, ACK, seq=101, ack=5001))
    step("DATA", 0, tcp(C, S, 40000, 8080, ACK|PSH, seq=101, ack=5001, payload=b"hello"))
    step("ACKDATA", 1, tcp("10.1.0.2", C, 80, 40000, ACK, seq=5001, ack=106))
    step("FIN c", 0, tcp(C, S, 40000, 8080, FIN|ACK, seq=106, ack=5001))
    step("FINACK s", 1, tcp("10.1.0.2", C, 80, 40000, FIN|ACK, seq=5001, ack=107))
    step("LASTACK c", 0, tcp(C, S, 40000, 8080, ACK, seq=107, ack=5002))
    # outbound masquerade
    step("OUT SYN", 0, tcp(C, "198.51.100.7", 41000, 80, SYN, seq=1))
    step("OUT SYNACK", 1, tcp("198.51.100.7", "10.1.0.1", 80, 41000, SYN|ACK, seq=9, ack=2))
    step("OUT ACK", 0, tcp(C, "198.51.100.7", 41000, 80, ACK, seq=2, ack=10))
    step("OUT RST", 0, tcp(C, "198.51.100.7", 41000, 80, RST, seq=2, ack=0))
    time.sleep(0.5)
    L.dut_sh("conntrack -F")
    time.sleep(0.5)
    ev.send_signal(signal.SIGINT)
    out, err = ev.communicate(timeout=5)
    print("==== EVENTS\n" + out + "---- stderr\n" + err)
finally:
    L.close()
