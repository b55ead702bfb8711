# ip: global options, object and command abbreviations, usage and unknown-word errors, ip neigh (empty cache).
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip
ip foo
ip -foo link
ip -V
ip -Version
ip help
ip -help
ip -4
ip -- link
ip --brief a
ip --oneline link
ip link show lo extra
ip -o -4 a s lo
ip -br -o a
ip -o -br a
ip -n x link
ip -netns x link
ip -0 addr
ip -f inet addr show lo
ip -f link addr show lo
ip -family inet6 addr
ip -f bogus addr
ip -f
ip -f help
ip -6 addr show lo
ip -6 route show table all
ip -6 route
ip -4 link show lo
ip -4 route
ip -B addr
ip r a 10.9.0.0/16 dev lo
ip r d 10.9.0.0/16 dev lo
ip l s lo up
ip l
ip a
ip ad
ip addr
ip address show
ip ro l
ip route lst
ip r
ip ro
ip rou
ip route
ip l sh lo
ip li show lo
ip link list lo
ip link lst lo
ip route show table 0
ip route show table 255
ip route show table 254
ip route show table 253
ip route show table unspec
ip route show table 4294967295
ip route show table 4294967296
ip route show table cache
ip route show cached
ip n
ip neigh
ip neighbor show
ip neighbour show
ip neigh show dev lo
ip neigh show dev nope
ip neigh flush all
ip neigh flush
ip neigh flush dev lo
ip neigh show nud bogus
ip neigh show nud reachable
ip neigh show 10.0.0.0/24
ip neigh show foo
ip neigh show proxy
ip neigh xyz
ip neigh help
ip -4 neigh
ip addr help
ip route help
ip link help
ip link help veth
ip link help bridge
ip -6 route add 2001:db8::/64 dev lo
ip route add 2001:db8::/64 dev lo
ip route del 2001:db8::/64 dev lo
ip -6 route del 2001:db8::/64 dev lo
ip -6 addr add 2001:db8::1/64 dev lo
ip -h link show lo
ip -ts link show lo
ip -t link show lo
ip -l 3 addr flush dev lo label foo
ip -rc 1000 link show lo
ip -rc foo link show lo
ip -a link show lo
