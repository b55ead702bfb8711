# Bridges with addresses: ports, carrier, MAC and MTU taken from ports, routes through the bridge, one-line listings.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip -o route show table local
ip -o route get 127.0.0.1
ip -o route get 127.0.0.1 from 127.0.0.2 iif lo
ip -br route show table local
ip -br -o route get 127.0.0.1
ip -o neigh
ip -o -br link show lo
ip -o addr show lo label lo
ip link add br0 address 02:00:00:00:00:0b type bridge
ip addr add 192.168.5.1/24 dev br0
ip link set br0 up
ip -br a
ip link show br0
ip route
ip route get 192.168.5.7
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 master br0
ip link set v0 up
ip link set v1 up
ip route
ip route get 192.168.5.7
ip link show master br0
ip link set br0 down
ip -br a
ip route show table all
ip link set br0 up
ip route show table all
ip addr add 10.0.0.1/24 dev v1
ip addr add 10.0.0.9/8 dev v1
ip route show table all
ip route get 10.0.0.5
ip route get 10.1.0.5
ip addr add 224.0.0.5/3 dev v1
ip addr add 10.2.0.1/16 brd 224.1.1.1 dev v1
ip route show table all
ip a show v1
# A bridge that picks its address from its ports (the lowest), and its MTU (the smallest).
ip link add br1 type bridge
ip link add v2 address 02:00:00:00:00:25 mtu 1400 type veth peer name v3 address 02:00:00:00:00:26
ip link add v4 address 02:00:00:00:00:24 mtu 1450 type veth peer name v5 address 02:00:00:00:00:27
ip link set v2 master br1
ip link show br1
ip link set v4 master br1
ip link show br1
ip link set v4 mtu 1300
ip link show br1
ip link set v4 address 02:00:00:00:00:30
ip link show br1
ip link set v4 nomaster
ip link show br1
ip link set v2 nomaster
ip link show br1
ip link set v2 master br1
ip link set br1 up
ip link set v2 up
ip link set v3 up
ip link show br1
ip link del v3
ip link show br1
ip link del br1
ip link show v4
