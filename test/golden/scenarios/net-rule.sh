# ip rule: the default rules, add (auto priorities, selectors, actions), show with selectors, del, flush, errors,
# and what the rules make `ip route get` find (from, to, iif, oif, fwmark, tos, not, goto, nop, suppress_prefixlength,
# blackhole/unreachable/prohibit rules, a table without a route or with a throw route falling through).
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip rule
ip rule list
ip -4 rule show
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 up
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.1.1/24 dev v1
ip addr add 10.0.2.1/24 dev v2
ip route add default via 10.0.0.254
ip route add default via 10.0.1.254 table 100
ip route add default via 10.0.2.254 table 200
ip route add 10.50.0.0/16 via 10.0.2.254 table 201
ip route add throw 10.60.0.0/16 table 201
ip route add unreachable 10.70.0.0/16 table 202
sysctl -qw net.ipv4.ip_forward=1
ip route get 10.9.9.9
ip rule add from 10.0.1.0/24 table 100
ip rule add fwmark 0x1 table 200
ip rule add fwmark 2/0xff lookup 201 pref 1000
ip rule
ip route get 10.9.9.9
ip route get 10.9.9.9 from 10.0.1.1
ip route get 10.9.9.9 mark 1
ip route get 10.9.9.9 mark 0x101
ip route get 10.9.9.9 mark 0x102
ip route get 10.50.1.1 mark 2
ip route get 10.60.1.1 mark 2
ip route get 10.9.9.9 from 10.0.1.7 iif v1
ip route get 10.9.9.9 from 10.0.3.7 iif v3
ip route get 10.9.9.9 from 10.0.3.7 iif v3 mark 1
ip rule add iif v3 lookup 202 pref 500
ip route get 10.70.1.1 from 10.0.3.7 iif v3
ip route get 10.71.1.1 from 10.0.3.7 iif v3
ip route get 10.70.1.1
ip rule add iif lo lookup 200 pref 600
ip route get 10.9.9.9
ip route get 10.9.9.9 from 10.0.3.7 iif v3
ip rule del pref 600
ip rule add oif v1 lookup 100 pref 700
ip route get 10.9.9.9 oif v1
ip route get 10.9.9.9 oif v0
ip rule add to 10.80.0.0/16 blackhole pref 800
ip rule add to 10.81.0.0/16 unreachable pref 801
ip rule add to 10.82.0.0/16 prohibit pref 802
ip route get 10.80.1.1
ip route get 10.81.1.1
ip route get 10.82.1.1
ip route get 10.80.1.1 from 10.0.3.7 iif v3
ip route get 10.81.1.1 from 10.0.3.7 iif v3
ip route get 10.82.1.1 from 10.0.3.7 iif v3
ip rule add not to 10.0.0.0/8 lookup 200 pref 900
ip route get 10.9.9.9
ip route get 192.0.2.1
ip rule add tos 0x10 lookup 100 pref 950
ip rule add dsfield 0x04 lookup 100 pref 951
ip rule add pref 10 goto 900
ip route get 10.9.9.9 from 10.0.1.1
ip rule add pref 5 nop
ip rule add pref 20 lookup main suppress_prefixlength 0
ip route get 10.9.9.9
ip route get 10.0.0.9
ip rule
ip rule show table 100
ip rule show pref 1000
ip rule show priority 1000
ip rule list from 10.0.1.0/24
ip rule list fwmark 0x1
ip rule list iif v3
ip rule list not
ip rule list to 10.80.0.0/16
ip rule list lookup 200
ip rule del pref 1000
ip rule del pref 1000
ip rule del from 9.9.9.9
ip rule del table 200
ip rule
ip rule add from 10.0.1.0/24 table 100
ip rule add pref 32765 from 10.0.1.0/24 table 100
ip rule add from 1.2.3.4
ip rule add from 1.2.3.4 table 5 protocol static
ip rule add from 1.2.3.4 table main
ip rule add from 1.2.3.4 table local pref 3
ip rule add from 1.2.3.4 table default pref 4
ip rule add iif nosuch lookup 5 pref 6
ip rule add oif nosuch lookup 5 pref 7
ip rule add iifname v9 lookup 5 pref 8
ip rule add pref 9 from 10.0.0.1 to 10.0.0.0/8 table 4294967295
ip rule add pref 11 order 12 lookup 5
ip rule add pref 13 priority 14 lookup 5
ip rule
ip rule add pref 15 goto 5
ip rule add pref 15 goto 16
ip rule add pref 16 lookup
ip rule add pref 16 table foo
ip rule add pref 16 from 10.0.0.300 lookup 5
ip rule add pref 16 fwmark foo lookup 5
ip rule add pref 16 tos foo lookup 5
ip rule add pref 16 bogus
ip rule add pref foo lookup 5
ip rule add pref 16 from 10.0.0.0/33 lookup 5
ip rule del
ip rule flush
ip rule
ip rule add from all lookup main pref 32766
ip rule add from all lookup default pref 32767
ip rule
ip route get 10.9.9.9
ip rule del pref 0
ip route get 10.0.0.1
ip rule add pref 0 lookup local
ip route get 10.0.0.1
ip rule
