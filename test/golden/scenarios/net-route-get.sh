# ip route get: output routes (local, broadcast, multicast, gateways, oif, rejecting types) and input routes (iif)
# with forwarding off and on, martians, rp_filter strict and loose, fibmatch.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.1.1/24 dev v1
ip route get 10.0.0.5
ip route get 10.9.9.9
ip route add default via 10.0.0.254
ip route get 10.9.9.9
ip route get 10.0.0.1
ip route get 127.0.0.1
ip route get 127.0.0.5
ip route get 10.0.0.255
ip route get 255.255.255.255
ip route get 224.0.0.1
ip route get 224.1.2.3
ip route get 0.0.0.0
ip route get 0.1.2.3
ip route get 10.0.1.1
ip route add blackhole 10.4.0.0/16
ip route add unreachable 10.5.0.0/16
ip route add prohibit 10.6.0.0/16
ip route add throw 10.7.0.0/16
ip route get 10.4.0.1
ip route get 10.5.0.1
ip route get 10.6.0.1
ip route get 10.7.0.1
ip route get 10.9.9.9 from 10.0.0.1
ip route get 10.9.9.9 from 10.0.1.1
ip route get 10.9.9.9 from 10.0.0.99
ip route get 10.9.9.9 from 224.0.0.1
ip route get 10.9.9.9 from 10.0.0.99 iif v0
ip route get 10.9.9.9 from 10.0.1.99 iif v1
ip route get 10.0.0.1 from 10.0.0.99 iif v0
ip route get 10.9.9.9 iif v0
ip route get 10.9.9.9 mark 5
ip route get 10.9.9.9 mark 0x20
ip route get 10.9.9.9 mark foo
ip route get 10.9.9.9 oif v1
ip route get 10.0.0.5 oif v1
ip route get 10.0.0.1 oif v1
ip route get 10.0.0.5 dev v0
ip route get 10.9.9.9/24
ip route get 10.9.9.9/32
ip route get to 10.9.9.9
ip route get foo
ip route get
ip route get 10.9.9.9 iif nope
ip route get 10.9.9.9 oif nope
ip route get 10.4.0.1 from 10.0.1.99 iif v1
ip route get 10.0.0.255 from 10.0.1.99 iif v1
ip route get 10.0.1.1 from 10.0.0.99 iif v0
ip route get 10.0.0.5 from 10.0.0.99 iif v0
ip route get 10.9.9.9 from 10.0.0.99 iif v0 mark 3
ip route get fibmatch 10.9.9.9
ip route get fibmatch 10.0.0.1
ip route get fibmatch 10.0.0.7
ip route get 10.9.9.9 fibmatch
ip route get 10.9.9.9 connected
ip route get 10.9.9.9 uid 1000
ip route get 10.9.9.9 uid foo
ip r g 127.0.0.1
ip route get 127.0.0.1 from 127.0.0.1
ip -6 route get 2001:db8::1
ip route get 2001:db8::1
sysctl -w net.ipv4.ip_forward=1
ip route get 10.9.9.9 from 10.0.1.99 iif v1
ip route get 10.9.9.9 from 10.0.0.99 iif v0
ip route get 10.0.1.5 from 10.0.0.99 iif v0
ip route get 10.4.0.1 from 10.0.1.99 iif v1
ip route get 10.5.0.1 from 10.0.1.99 iif v1
ip route get 10.6.0.1 from 10.0.1.99 iif v1
ip route get 10.7.0.1 from 10.0.1.99 iif v1
ip route get 10.9.9.9 from 10.0.1.99 iif v1 mark 7
ip route get 10.0.0.255 from 10.0.1.99 iif v1
ip route get 255.255.255.255 from 10.0.1.99 iif v1
ip route get 127.0.0.1 from 10.0.1.99 iif v1
ip route get 10.0.0.5 from 127.0.0.1 iif v1
ip route get 10.0.0.5 from 0.0.0.0 iif v1
ip route get 0.0.0.0 from 10.0.1.99 iif v1
ip route get 10.0.0.5 from 224.0.0.1 iif v1
ip route get 224.0.0.5 from 10.0.1.99 iif v1
ip route get 10.9.9.9 from 10.0.0.1 iif v1
ip route get 10.9.9.9 from 10.8.8.8 iif v1
sysctl -w net.ipv4.conf.all.rp_filter=1
ip route get 10.9.9.9 from 10.8.8.8 iif v1
ip route get 10.0.0.5 from 10.0.1.99 iif v1
ip route get 10.0.0.5 from 10.0.0.99 iif v1
ip route get 10.0.0.1 from 10.0.0.99 iif v1
sysctl -w net.ipv4.conf.all.rp_filter=2
ip route get 10.0.0.5 from 10.0.0.99 iif v1
ip route get 10.0.0.5 from 10.5.0.99 iif v1
ip route get 10.0.0.5 from 10.4.0.99 iif v1
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.v1.forwarding=0
ip route get 10.9.9.9 from 10.0.1.99 iif v1
ip route get 10.0.1.5 from 10.0.0.99 iif v0
sysctl -w net.ipv4.conf.all.route_localnet=1
ip route get 127.0.0.1 from 10.0.1.99 iif v1
ip route get 10.0.0.5 from 127.0.0.1 iif v0
ip link set v1 down
ip route get 10.9.9.9 from 10.0.1.99 iif v0
ip route get 10.0.0.1 from 10.0.1.99 iif v1
ip route del default
ip route get 10.9.9.9
ip route get 10.9.9.9 from 10.0.0.99 iif v0
