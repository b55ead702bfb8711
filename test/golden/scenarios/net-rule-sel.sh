# ip rule by ipproto, sport, dport, uidrange and tos: add (parse errors, the kernel's checks), show, the
# list filters, del by them, and what they make `ip route get` find for the host's own flows and
# for arriving ones (ipproto/sport/dport/uid in the request's flow). Each rule has its own table,
# whose gateway names it in the answer.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.1.1/24 dev v1
sysctl -qw net.ipv4.ip_forward=1
ip route add default via 10.0.0.254
ip route add default via 10.0.1.101 table 101
ip route add default via 10.0.1.102 table 102
ip route add default via 10.0.1.103 table 103
ip route add default via 10.0.1.104 table 104
ip route add default via 10.0.1.105 table 105
ip route add default via 10.0.1.106 table 106
ip route add default via 10.0.1.107 table 107
ip rule add ipproto tcp dport 80 table 101 pref 100
ip rule add ipproto 17 dport 53 table 102 pref 110
ip rule add ipproto udp sport 1000-2000 table 103 pref 120
ip rule add dport 8080 table 104 pref 130
ip rule add uidrange 1000-1999 table 105 pref 140
ip rule add ipproto icmp table 106 pref 150
ip rule add sport 22 ipproto tcp table 107 pref 160
ip rule add ipproto sctp dport 100-200 table 107 pref 170
ip rule add uidrange 0-0 iif v0 table 107 pref 180
ip rule
ip rule show ipproto tcp
ip rule show ipproto 17
ip rule show dport 53
ip rule show sport 1000-2000
ip rule show sport 1000
ip rule show dport 100-200
ip rule show uidrange 1000-1999
ip rule show uidrange 1000
ip rule show ipproto foo
ip rule show sport x
ip rule show dport 5-
ip rule show uidrange 5
ip rule add ipproto foo table 100
ip rule add ipproto 300 table 100
ip rule add sport x table 100
ip rule add dport 1-2-3 table 100 pref 40001
ip rule add sport 70000 table 100 pref 40002
ip rule add dport 0 table 100
ip rule add dport 65535 table 100
ip rule add dport 10-5 table 100
ip rule add dport 0-10 table 100
ip rule add sport 1-65535 table 100
ip rule add sport 65534 table 100 pref 40003
ip rule add uidrange 5 table 100
ip rule add uidrange 10-5 table 100
ip rule add uidrange 0-4294967295 table 100
ip rule add uidrange 1-4294967295 table 100
ip rule add uidrange 0-4294967294 table 100 pref 40004
ip rule add ipproto 0 table 100 pref 40000
ip rule add ipproto tcp dport 80 table 101 pref 100
ip rule add ipproto tcp dport 80 table 101 pref 700
ip rule
ip route get 10.9.9.9
ip route get 10.9.9.9 ipproto tcp
ip route get 10.9.9.9 ipproto tcp dport 80
ip route get 10.9.9.9 ipproto udp dport 80
ip route get 10.9.9.9 ipproto udp dport 53
ip route get 10.9.9.9 ipproto udp sport 1500 dport 9
ip route get 10.9.9.9 ipproto udp sport 2001 dport 9
ip route get 10.9.9.9 ipproto udp dport 8080
ip route get 10.9.9.9 ipproto tcp dport 8080
ip route get 10.9.9.9 dport 8080
ip route get 10.9.9.9 ipproto tcp sport 22
ip route get 10.9.9.9 ipproto tcp sport 22 dport 80
ip route get 10.9.9.9 uid 1500
ip route get 10.9.9.9 uid 2000
ip route get 10.9.9.9 uid 1500 ipproto tcp dport 80
ip route get 10.9.9.9 ipproto icmp
ip route get 10.9.9.9 ipproto sctp dport 150
ip route get 10.9.9.9 ipproto 200
ip route get 10.9.9.9 sport 5
ip route get 10.9.9.9 ipproto foo
ip route get 10.9.9.9 from 10.0.0.7 iif v0
ip route get 10.9.9.9 from 10.0.0.7 iif v0 ipproto tcp dport 80
ip route get 10.9.9.9 from 10.0.0.7 iif v0 ipproto udp dport 53
ip route get 10.9.9.9 from 10.0.0.7 iif v0 ipproto udp sport 1500 dport 9
ip route get 10.9.9.9 from 10.0.0.7 iif v0 dport 8080
ip route get 10.9.9.9 from 10.0.0.7 iif v0 ipproto tcp dport 8080
ip route get 10.9.9.9 from 10.0.0.7 iif v0 uid 1500
ip route get 10.9.9.9 from 10.0.0.7 iif v0 ipproto icmp
ip route get 10.9.9.9 from 10.0.1.7 iif v1
ip route get 10.9.9.9 from 10.0.1.7 iif v1 uid 1500
ip rule del ipproto tcp dport 80 table 101
ip rule del dport 53 table 102
ip rule del uidrange 1000-1999
ip rule del sport 1000-2000
ip rule del ipproto sctp
ip rule del ipproto icmp pref 999
ip rule del dport 9999
ip rule
ip rule flush
ip rule
ip rule add tos 0x10 table 101 pref 100
ip rule add dsfield 0x08 ipproto tcp table 102 pref 110
ip route get 10.9.9.9 tos 0x10
ip route get 10.9.9.9 dsfield 0x10
ip route get 10.9.9.9 tos 0x11
ip route get 10.9.9.9 tos 0x12
ip route get 10.9.9.9 tos 0x1c
ip route get 10.9.9.9 tos 0xfc
ip route get 10.9.9.9 tos 0x08
ip route get 10.9.9.9 tos 0x08 ipproto tcp
ip route get 10.9.9.9 tos lowdelay
ip route get 10.9.9.9 tos 256
ip route get 10.9.9.9 from 10.0.0.7 iif v0 tos 0x10
ip route get 10.9.9.9 from 10.0.0.7 iif v0 tos 0x08 ipproto tcp dport 1
ip route get 10.9.9.9 from 10.0.0.7 iif v0 tos 0x0c
