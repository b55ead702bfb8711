# Cross-cutting cases: option order, implicit loading by number, -I/-R, restore failures.
iptables -A INPUT -m udp --dport 5 -p udp
iptables -A INPUT --dport 5 -p udp
iptables -A INPUT -p udp --dport ! 53
iptables -A INPUT -p udp ! --dport 53 ! --sport 5
iptables -A INPUT -p 33 --dport 5
iptables -A INPUT -p 132 --dport 5
iptables -A INPUT -p 51 --ahspi 5
iptables -A INPUT -p icmp --icmp-type 8 -p icmp
iptables -A INPUT --icmp-type 8 -p icmp
iptables -A INPUT -m multiport --dports 5 -p tcp
iptables -I INPUT -p udp --sport 7 -m multiport --dports 8,9
iptables -I INPUT 2 -p icmp --icmp-type ping -m ttl --ttl-gt 5 -m length --length 64
iptables -R INPUT 1 -p udp -m udp --dport 10 -m udp --sport 11
iptables -L INPUT --line-numbers -n -v -x
iptables -S INPUT 1
iptables -S INPUT 2
iptables -D INPUT 2
iptables -Z INPUT
iptables -A INPUT -p sctp --chunk-types any DATA:I,ABORT:T,SHUTDOWN_COMPLETE:T,I_DATA:U,INIT:-
iptables -A INPUT -p sctp --chunk-types any DATA:I:E
iptables -A INPUT -p sctp --chunk-types any INIT:-,SACK:-
iptables -A INPUT -p sctp --chunk-types any DATA:ieIE
iptables -A INPUT -p sctp ! --sport 5 ! --dport 6 ! --chunk-types all DATA
iptables -A INPUT -p sctp --sport
iptables -A INPUT -p sctp --chunk-types
iptables -A INPUT -p sctp --sport 1:
iptables -S INPUT
iptables -L INPUT -n
iptables -F
iptables -t mangle -A PREROUTING -p tcp -m tos --tos 0x10 -m dscp --dscp 1 -m ecn --ecn-ip-ect 1 -j ACCEPT
iptables -t raw -A OUTPUT -m realm --realm 1
iptables -t raw -A PREROUTING -m realm --realm 1
iptables -t nat -A OUTPUT -m realm --realm 1
iptables -t nat -A POSTROUTING -p icmp --icmp-type 0 -m pkttype --pkt-type broadcast
iptables-save
iptables-save -c
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p icmp -m icmp --icmp-type 8
-A INPUT -m icmp --icmp-type 8
COMMIT
EOF2
iptables -S INPUT
iptables-restore <<'EOF2'
*mangle
-A PREROUTING -m realm --realm 1
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -p sctp -m sctp --chunk-types all
COMMIT
EOF2
iptables-restore --noflush <<'EOF2'
*filter
-A INPUT -p udp -m udp ! --sport :100 -m udp --dport 7
-A INPUT -p udp -m udp --sport 5 -m udp
COMMIT
EOF2
iptables -S INPUT
iptables -p tcp -m multiport -m tcpmss -h
