# Kernel corners: routes refused for a preferred source that is another subnet's broadcast, devices that stop
# following conf.default once given an address, onlink gateways, loopback sources, rejecting routes flushed
# with their preferred source, addresses and routes going with their device.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v3 up
ip addr add 10.0.0.9/24 dev v3
ip addr add 10.0.0.255/30 dev lo
ip route show table local
ip link set v2 up
ip addr add 10.0.0.254/30 dev lo
ip route show table all
ip addr flush dev lo label lo
ip -br a
ip route show table local
ip link set lo down
ip link set lo up
ip -br a
ip link add v5 address 02:00:00:00:00:05 type veth peer name v6 address 02:00:00:00:00:06
ip link add v7 address 02:00:00:00:00:07 type veth peer name v8 address 02:00:00:00:00:08
ip addr add 10.7.0.1/8 dev v5
ip addr add 127.0.5.1/8 dev v7
ip addr add 10.7.0.1/8 dev v6
ip addr add 10.7.0.1/33 dev v8
sysctl -w net.ipv4.conf.default.send_redirects=2 net.ipv4.conf.default.rp_filter=2 net.ipv4.conf.default.accept_local=1
sysctl -a -r 'conf.v[5-8].(send_redirects|rp_filter|accept_local)'
ip link set v8 up
sysctl -w net.ipv4.conf.default.send_redirects=0 net.ipv4.conf.default.rp_filter=0 net.ipv4.conf.default.accept_local=0
sysctl -a -r 'conf.v[5-8].(send_redirects|rp_filter|accept_local)'
ip route change default via 127.0.5.255 dev lo onlink
ip route add default via 127.0.5.255 dev lo onlink
ip addr add 127.0.5.255/24 dev v3 noprefixroute
ip route add 10.6.0.0/24 via 127.0.5.2 dev v3 onlink metric 10
ip route add 10.6.0.0/24 via 127.0.5.255 dev v3 onlink metric 10
ip route add 10.7.0.0/24 via 10.9.9.9 dev v3 onlink
ip route add 10.7.0.0/24 via 10.9.9.9 dev v3 onlink scope link
ip route add 10.8.0.0/24 via 127.0.0.9 dev v3 onlink
ip route add 10.9.0.0/24 via 10.9.9.9 onlink
ip route add 10.9.0.0/24 via 10.9.9.9 dev v2 onlink
ip route show table all
ip addr add 10.0.1.1/24 dev v2
ip addr add 127.0.0.9/8 dev v2
ip route get 10.0.1.5 from 127.0.0.1
ip route get 10.0.1.5 from 127.0.0.9
ip route get 127.0.0.9
ip route get 127.0.0.1 from 10.0.1.1
ip route get 10.0.1.100 oif lo
ip route get 10.0.1.100 oif lo from 127.0.0.1
ip route get 224.0.0.1 oif v2
ip route get 255.255.255.255 oif v2
ip route get 224.0.0.1 oif lo
ip route get 224.1.2.3 oif v2
ip route get 10.0.1.9 from 127.0.5.77
ip route add blackhole default metric 10
ip route get 192.168.7.9 oif v2
ip route get 192.168.7.9
ip route add default via 127.0.5.1 dev lo metric 5
ip route get 10.1.0.1
# Rejecting routes go with their preferred source address; routes go with their device.
ip link add v13 address 02:00:00:00:00:13 type veth peer name v14 address 02:00:00:00:00:14
ip addr add 10.20.0.0/24 dev v14
ip addr add 10.20.0.0/24 dev v13 scope link
ip route add throw 10.21.0.0/16 src 10.20.0.0
ip route add blackhole 10.22.0.0/16 src 10.20.0.0
ip route add unreachable 10.23.0.0/16 src 10.20.0.0
ip route
ip link del v14
ip route
ip link add v13 address 02:00:00:00:00:13 type veth peer name v14 address 02:00:00:00:00:14
ip addr add 10.21.1.9/8 dev v13
ip route add throw 10.24.0.0/16 src 10.21.1.9
ip route add prohibit 10.25.0.0/16 src 10.21.1.9
ip route
ip addr del 10.21.1.9/8 dev v13
ip route
ip addr add 10.30.0.1/24 dev lo
ip addr add 10.30.0.1/24 dev v13
ip route add throw 10.26.0.0/16 src 10.30.0.1
ip link del v13
ip route
ip addr del 10.30.0.1/24 dev lo
ip route
# A bridge whose MTU was set to the value it already had is still free to follow its ports.
ip link add br1 type bridge
ip link add v15 address 02:00:00:00:00:15 mtu 1400 type veth peer name v16 address 02:00:00:00:00:16
ip link set v15 master br1
ip link set br1 mtu 1400
ip link del v15
ip link show br1
ip link set br1 mtu 1400
ip link add v15 address 02:00:00:00:00:15 type veth peer name v16 address 02:00:00:00:00:16
ip link set v15 master br1
ip link show br1
ip link del br1
