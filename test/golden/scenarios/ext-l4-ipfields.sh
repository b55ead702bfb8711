# tos, dscp, ecn, ttl, length, pkttype, realm and tcpmss matches.
iptables -A INPUT -m tos --tos 0x10 -j ACCEPT
iptables -A INPUT -m tos --tos Minimize-Delay
iptables -A INPUT -m tos ! --tos maximize-throughput
iptables -A INPUT -m tos --tos Maximize-Reliability
iptables -A INPUT -m tos --tos Minimize-Cost
iptables -A INPUT -m tos --tos Normal-Service
iptables -A INPUT -m tos --tos 0x08/0x3f
iptables -A INPUT -m tos --tos 0x20/0x3f
iptables -A INPUT -m tos --tos 0xff/0x0f
iptables -A INPUT -m tos --tos 16
iptables -A INPUT -m tos --tos 0/0
iptables -A INPUT -m tos --tos 256
iptables -A INPUT -m tos --tos 0x10/256
iptables -A INPUT -m tos --tos 0x10x
iptables -A INPUT -m tos --tos 0x10/0x3fx
iptables -A INPUT -m tos --tos foo
iptables -A INPUT -m tos --tos 1 --tos 2
iptables -A INPUT -m tos
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -D INPUT -m tos --tos 0x10/0xff -j ACCEPT
iptables -D INPUT -m tos --tos 0x10/0x3f
iptables -F
# dscp
iptables -A INPUT -m dscp --dscp 0x2e
iptables -A INPUT -m dscp ! --dscp 10
iptables -A INPUT -m dscp --dscp 63
iptables -A INPUT -m dscp --dscp 64
iptables -A INPUT -m dscp --dscp-class EF
iptables -A INPUT -m dscp ! --dscp-class af41
iptables -A INPUT -m dscp --dscp-class CS7
iptables -A INPUT -m dscp --dscp-class BE
iptables -A INPUT -m dscp --dscp-class AF11x
iptables -A INPUT -m dscp --dscp-class AF1
iptables -A INPUT -m dscp --dscp-class foo
iptables -A INPUT -m dscp --dscp 1 --dscp-class EF
iptables -A INPUT -m dscp --dscp-class EF --dscp 1
iptables -A INPUT -m dscp --dscp 1 --dscp 2
iptables -A INPUT -m dscp
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -D INPUT -m dscp --dscp 46
iptables -F
# ecn
iptables -A INPUT -p tcp -m ecn --ecn-tcp-cwr
iptables -A INPUT -p tcp -m ecn ! --ecn-tcp-ece
iptables -A INPUT -m ecn --ecn-ip-ect 3
iptables -A INPUT -m ecn ! --ecn-ip-ect 0
iptables -A INPUT -p tcp -m ecn --ecn-tcp-ece --ecn-tcp-cwr --ecn-ip-ect 1
iptables -A INPUT -p tcp -m ecn ! --ecn-tcp-cwr ! --ecn-tcp-ece ! --ecn-ip-ect 2
iptables -A INPUT -m ecn --ecn-ip-ect 4
iptables -A INPUT -m ecn
iptables -A INPUT -m ecn --ecn-tcp-cwr
iptables -A INPUT -p udp -m ecn --ecn-tcp-ece
iptables -A INPUT ! -p tcp -m ecn --ecn-tcp-ece
iptables -A INPUT -p tcp -m ecn --ecn-tcp-cwr --ecn-tcp-cwr
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -D INPUT -p tcp -m ecn --ecn-tcp-cwr --ecn-tcp-ece --ecn-ip-ect 1
iptables -F
# ttl
iptables -A INPUT -m ttl --ttl-eq 64
iptables -A INPUT -m ttl ! --ttl-eq 64
iptables -A INPUT -m ttl --ttl-lt 10
iptables -A INPUT -m ttl --ttl-gt 200
iptables -A INPUT -m ttl --ttl 5
iptables -A INPUT -m ttl ! --ttl 5
iptables -A INPUT -m ttl ! --ttl-lt 5
iptables -A INPUT -m ttl --ttl-eq 256
iptables -A INPUT -m ttl --ttl-eq 1 --ttl-lt 5
iptables -A INPUT -m ttl --ttl-lt 1 --ttl-gt 5
iptables -A INPUT -m ttl --ttl-eq 1 --ttl 5
iptables -A INPUT -m ttl
iptables -A INPUT -m ttl --ttl-
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -D INPUT -m ttl --ttl 64
iptables -F
# length
iptables -A INPUT -m length --length 100
iptables -A INPUT -m length ! --length 100:200
iptables -A INPUT -m length --length 200:100
iptables -A INPUT -m length --length :
iptables -A INPUT -m length --length 5:
iptables -A INPUT -m length --length 65536
iptables -A INPUT -m length --length 1:2:3
iptables -A INPUT -m length --length 5:5
iptables -A INPUT -m length
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -D INPUT -m length --length 5:5
iptables -F
# pkttype
iptables -A INPUT -m pkttype --pkt-type unicast
iptables -A INPUT -m pkttype ! --pkt-type broadcast
iptables -A INPUT -m pkttype --pkt-type MULTICAST
iptables -A INPUT -m pkttype --pkt-type otherhost
iptables -A INPUT -m pkttype --pkt-type bcast
iptables -A INPUT -m pkttype --pkt-type mcast
iptables -A INPUT -m pkttype --pkt-type host
iptables -A INPUT -m pkttype --pkt-type outgoing
iptables -A INPUT -m pkttype --pkt-type 1
iptables -A INPUT -m pkttype
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -D INPUT -m pkttype --pkt-type host
iptables -F
# realm
iptables -A INPUT -m realm --realm 1
iptables -A INPUT -m realm ! --realm 0x10/0xff
iptables -A INPUT -m realm --realm cosmos
iptables -A INPUT -m realm --realm 0
iptables -A INPUT -m realm --realm 0/0xffffffff
iptables -A INPUT -m realm --realm 4294967295
iptables -A INPUT -m realm --realm 4294967296
iptables -A INPUT -m realm --realm foo
iptables -A INPUT -m realm --realm 1x
iptables -A INPUT -m realm --realm 1/x
iptables -A INPUT -m realm --realm 1/2x
iptables -A INPUT -m realm --realm /1
iptables -A INPUT -m realm
iptables -A OUTPUT -m realm --realm 2
iptables -A FORWARD -m realm --realm 3
iptables -t mangle -A PREROUTING -m realm --realm 4
iptables -t mangle -A POSTROUTING -m realm --realm 5
iptables -t nat -A PREROUTING -m realm --realm 6
iptables -N rchain
iptables -A rchain -m realm --realm 7
iptables -L
iptables -L -n
iptables -S
iptables -t mangle -N mchain
iptables -t mangle -A mchain -m realm --realm 8
iptables -t mangle -A PREROUTING -j mchain
iptables -t mangle -A INPUT -j mchain
iptables -t mangle -S
iptables -D INPUT -m realm --realm cosmos
iptables -F
# tcpmss
iptables -A INPUT -p tcp -m tcpmss --mss 1460
iptables -A INPUT -p tcp -m tcpmss ! --mss 1000:1500
iptables -A INPUT -p tcp -m tcpmss --mss :
iptables -A INPUT -p tcp -m tcpmss --mss 5:
iptables -A INPUT -p tcp -m tcpmss --mss 5:4
iptables -A INPUT -p tcp -m tcpmss --mss 65536
iptables -A INPUT -p tcp -m tcpmss
iptables -A INPUT -m tcpmss --mss 5
iptables -A INPUT -p udp -m tcpmss --mss 5
iptables -A INPUT ! -p tcp -m tcpmss --mss 5
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -D INPUT -p tcp -m tcpmss --mss 1460:1460
iptables -F
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -m tos --tos Minimize-Cost -m dscp --dscp-class AF21 -m ttl --ttl-lt 3 -m length ! --length 1:2 -j DROP
-A INPUT -p tcp -m ecn --ecn-tcp-ece -m pkttype --pkt-type bcast -m realm --realm cosmos -m tcpmss --mss 536
COMMIT
EOF2
iptables-save -t filter
iptables -L INPUT
iptables -m tos -h
iptables -m dscp -h
iptables -m ecn -h
iptables -m ttl -h
iptables -m length -h
iptables -m pkttype -h
iptables -m realm -h
iptables -m tcpmss -h
