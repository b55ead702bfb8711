# ip route: add/append/prepend/replace/change/del/flush, types, tables, metrics, src, errors, and what link down does to routes.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip route show table local
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip route add 10.1.0.0/16 dev v0
ip link set v0 up
ip route add 10.1.0.0/16 dev v0
ip route
ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip route add 10.1.0.0/16 via 10.0.0.254
ip route add 10.1.0.0/16 via 10.0.0.254 metric 10
ip route add 10.2.0.0/16 via 10.0.0.254 dev v0 metric 5
ip route add 10.3.0.0/16 via 10.9.9.9
ip route add default via 10.0.0.254
ip route add default via 10.0.0.253 metric 100
ip route add blackhole 10.4.0.0/16
ip route add unreachable 10.5.0.0/16
ip route add prohibit 10.6.0.0/16
ip route add blackhole 10.7.0.0/16 dev v0
ip route add 10.8.0.0/16 dev v0 src 10.0.0.1
ip route add 10.9.0.0/16 dev v0 src 10.0.0.2
ip route add 10.10.0.0/16 dev v0 table 100
ip route add 10.11.0.0/16 dev v0 table local
ip route add local 10.12.0.0/16 dev v0
ip route add 10.13.0.0/16 dev v0 proto static
ip route add 10.14.0.0/16 dev v0 scope global
ip route add 10.15.0.0/24 dev v0 metric 0
ip route add 10.16.1.2/16 dev v0
ip route add 10.17.0.1 dev v0
ip route add 10.18.0.0/33 dev v0
ip route add foo dev v0
ip route add 10.19.0.0/16 dev nope
ip route add 10.20.0.0/16 via 10.0.0.254 dev lo
ip route add throw 10.21.0.0/16
ip route add 10.22.0.0/16 via 10.0.0.1
ip route add 10.23.0.0/16
ip route add broadcast 10.24.0.255 dev v0
ip route add unreachable default metric 999
ip route add 10.25.0.0/16 dev v0 proto 99 scope 200 metric 4294967295
ip route add 10.26.0.0/16 dev v0 metric 4294967296
ip route add 10.26.0.0/16 dev v0 table 4294967295
ip route add 10.27.0.0/16 dev v0 table foo
ip route add 10.27.0.0/16 dev v0 proto foo
ip route add 10.27.0.0/16 dev v0 scope foo
ip route add 10.27.0.0/16 via 10.0.0.254 via 10.0.0.253
ip route add 10.27.0.0/16 10.28.0.0/16 dev v0
ip route add 10.29.0.0/16 via 10.0.0.200 dev v0 onlink
ip route add 10.30.0.0/16 via 10.0.0.201 dev v0 src 10.0.0.1 proto static metric 3
ip route
ip route show table 100
ip route show table 4294967295
ip route show table local
ip route show table all
ip route show table 101
ip route show table foo
ip route show table default
ip -4 route
ip r s
ip ro sh
ip route list table main
ip route show proto static
ip route show proto kernel table all
ip route show scope link
ip route show type blackhole
ip route show type unreachable
ip route show dev v0 metric 10
ip route show via 10.0.0.254
ip route show src 10.0.0.1
ip route show 10.1.0.0/16
ip route show root 10.0.0.0/8
ip route show match 10.1.2.3
ip route show exact 10.1.0.0/16
ip route show table local type broadcast
ip route show dev nope
ip route flush table main
ip route
ip route add 10.1.0.0/16 via 10.0.0.254
ip route add 10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1
ip route append 10.1.0.0/16 via 10.0.0.253
ip route prepend 10.1.0.0/16 via 10.0.0.252
ip route add 10.1.0.0/16 via 10.0.0.251 metric 7
ip route append 10.1.0.0/16 via 10.0.0.253
ip route
ip route replace 10.1.0.0/16 via 10.0.0.250
ip route
ip route replace 10.1.0.0/16 via 10.0.0.254
ip route replace 10.1.0.0/16 via 10.0.0.249 metric 3
ip route change 10.1.0.0/16 via 10.0.0.248 metric 4
ip route change 10.1.0.0/16 via 10.0.0.248 metric 3
ip route test 10.1.0.0/16 via 10.0.0.248 metric 3
ip route
ip route del 10.1.0.0/16 via 10.0.0.253
ip route
ip route del 10.1.0.0/16
ip route
ip route del 10.1.0.0/16 metric 7
ip route del 10.1.0.0/16 metric 7
ip route del 10.99.0.0/16
ip route del 10.1.0.0/16 dev v1
ip route del 10.1.0.0/16 via 10.0.0.1
ip route add blackhole 10.4.0.0/16
ip route del 10.4.0.0/16
ip route add blackhole 10.4.0.0/16
ip route del unreachable 10.4.0.0/16
ip route del blackhole 10.4.0.0/16
ip route add 10.6.0.0/16 via 10.0.0.254 proto static metric 50
ip route del 10.6.0.0/16 proto kernel
ip route del 10.6.0.0/16 proto static
ip route add 10.6.0.0/16 via 10.0.0.254 table 50
ip route del 10.6.0.0/16 table 50
ip route del 10.6.0.0/16 table 51
ip route del default
ip route replace default via 10.0.0.254
ip route add 10.40.0.0/16 dev v1
ip route
# Taking a link down removes its routes (static ones for good); a peer down marks routes linkdown.
ip link set v1 down
ip route
ip route show table all
ip link set v1 up
ip route
ip link set v0 down
ip route show table all
ip link set v0 up
ip route show table all
# An address that goes takes the routes preferring it along.
ip route add 10.50.0.0/16 dev v0 src 10.0.0.1
ip route add 10.51.0.0/16 via 10.0.0.254 src 10.0.0.1
ip route
ip addr del 10.0.0.1/24 dev v0
ip route show table all
ip route flush
ip -4 route flush table 77
ip route flush table local
ip route show table local
ip route add 10.0.0.0/8 dev lo table 77
ip route show table all
ip route add 10.0.0.0/8 via 1.2.3.4 table 78
ip route show table 78
ip route add nat 10.0.0.0/8 dev lo
ip route add anycast 10.0.0.0/8 dev lo
ip route add multicast 224.1.0.0/16 dev lo
ip route add local 10.12.0.0/16
ip route add local 10.12.0.0/16 dev lo scope link
ip route add 10.13.0.0/16 dev lo scope host
ip route add 10.13.0.0/16 via 127.0.0.1 scope host
ip route add 10.14.0.0/16 dev lo onlink
ip route add 10.14.0.0/16 via 127.0.0.5 dev lo onlink
ip route add 10.15.0.0/16 via 10.0.0.1 dev lo onlink
ip route add 10.16.0.0/16 dev lo scope nowhere
ip route show table all
ip route add
ip route add help
ip route xyz
