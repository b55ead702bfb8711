from lab import *
import json, shlex
L = Lab()
res = []
try:
    L.dut_sh("iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 10.1.0.2:80")
    L.dut_sh("iptables -t nat -A POSTROUTING -o eth1 -p udp -j MASQUERADE")
    L.dut_sh("iptables -t mangle -A PREROUTING -p icmp -j CONNMARK --set-mark 0x2a")
    C, S, B = "10.0.0.2", "10.0.0.1", "10.1.0.2"
    L.send(0, tcp(C, S, 40000, 8080, SYN, seq=100))
    L.send(1, tcp(B, C, 80, 40000, SYN|ACK, seq=5000, ack=101))
    L.send(0, tcp(C, S, 40000, 8080, ACK, seq=101, ack=5001))
    L.send(0, tcp(C, S, 40001, 8080, SYN, seq=100))
    L.send(0, udp(C, B, 5000, 53))
    L.send(0, echo(C, B, 9, 1))
    cmds = ["-L", "-L -p tcp", "-L -p udp", "-L -p icmp", "-L -p 6", "-L -p gre", "-L -s 10.0.0.2", "-L -s 10.0.0.0/24", "-L -d 10.0.0.1", "-L -r 10.1.0.2", "-L -q 10.1.0.1",
            "-L -p tcp --dport 8080", "-L -p tcp --sport 40001", "-L -p tcp --state ESTABLISHED", "-L -p tcp --state SYN_SENT", "-L -p tcp --state FOO", "-L -p tcp --state established",
            "-L -p tcp --orig-port-dst 8080", "-L -p tcp --reply-port-src 80", "-L -p udp --dport 53", "-L -p icmp --icmp-type 8", "-L -p icmp --icmp-id 9",
            "-L -m 42", "-L -m 0x2a", "-L -m 0/0xff", "-L --mark 42/0xf0", "-L -u ASSURED", "-L -u SEEN_REPLY", "-L --status UNREPLIED", "-L -u FOO",
            "-L -n", "-L -g", "-L -j", "-L -g 10.1.0.2", "-L -n 10.1.0.1", "-L -o extended", "-L -o id", "-L -o xml", "-L -o extended,id", "-L -o ktimestamp", "-L -o userspace",
            "-L -f ipv4", "-L -f ipv6", "-L -f foo", "-L -w 0", "-L --zone 1", "-L expect", "-L dying", "-L unconfirmed", "-L conntrack",
            "-L -s 1.2.3.4.5", "-L -s foo", "-L -p tcp --sport 70000", "-L -p tcp --sport http", "-L --sport 1", "-L -z", "-C", "-C expect", "-S", "-V", "--version",
            "-L -L", "-L -D", "-D -p icmp", "-D -p tcp --state SYN_SENT", "-C", "-L", "-D -s 9.9.9.9", "-F expect", "-F", "-C", "-L"]
    for c in cmds:
        r = L.dut_sh("conntrack " + c)
        res.append({"cmd": c, "stdout": r.stdout, "stderr": r.stderr, "status": r.returncode})
        print(f"=== conntrack {c}  rc={r.returncode}\n{r.stdout}{r.stderr}", end="")
finally:
    L.close()
json.dump(res, open("e7.json", "w"), indent=1)
