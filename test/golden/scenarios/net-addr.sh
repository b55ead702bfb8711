# ip address: add/del/replace/flush/show, secondaries, brd, peer, labels, scopes, metric, listings and errors.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip a
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.0.1/24 dev v0
ip a show dev v0
ip r show table local
ip r
ip link set v0 up
ip a show dev v0
ip r show table local
ip r
ip link set v1 up
ip r
ip a
ip addr add 10.0.0.2/24 brd + dev v0
ip addr add 10.0.1.2/16 brd 10.0.255.255 dev v0
ip addr add 10.0.0.1/16 dev v0
ip addr add 127.0.0.2/8 dev v0
ip addr add 192.168.1.1 dev v0
ip addr add 10.9.0.1/31 dev v0
ip addr add 10.8.0.1/30 brd - dev v0
ip a show v0
ip -4 a
ip -o a
ip -o -4 a
ip -br a
ip -br -4 a
ip -o link
ip r show table local
ip r
ip addr del 10.0.0.1/24 dev v0
ip a show dev v0
ip r
ip addr del 10.0.0.1/24 dev v0
ip addr del 10.0.0.77/24 dev v0
ip addr del 10.0.1.2 dev v0
ip a show dev v0
ip link set v0 down
ip r
ip r show table local
ip link set v0 up
ip r
ip r show table local
ip addr flush dev v0
ip a show v0
ip addr add 10.0.0.1/24
ip addr add dev v0
ip addr add 10.0.0.1/33 dev v0
ip addr add 10.0.0.1/24 dev nope
ip addr add foo dev v0
ip addr add 10.0.0.1/24 brd foo dev v0
ip addr add 10.0.0.1/24 brd + brd + dev v0
ip addr add 10.0.0.1/24 10.0.0.2/24 dev v0
ip addr add 10.0.0.1/24 dev v0 scope link
ip addr add 10.0.0.2/24 dev v0 scope host
ip addr add 10.0.0.3/24 dev v0 label v0:1
ip addr add 10.1.0.1/24 dev v0 label v0:foo
ip addr add 10.2.0.1/24 dev v0 metric 50
ip addr add 10.3.0.1/24 dev v0 noprefixroute
ip addr add 10.4.0.1/24 dev v0 scope 200
ip addr add 10.5.0.1/24 dev v0 scope bogus
ip addr add 10.5.0.1/24 dev v0 metric -1
ip addr add 224.0.0.5/24 dev v0
ip addr add 0.0.0.0/24 dev v0
ip addr add 255.255.255.255/32 dev v0
ip addr add 2001:db8::1/64 dev v0
ip addr add 10.6.0.1/24 peer 10.6.0.2 dev v0
ip addr add 10.0.0.9/255.255.255.0 dev v0
ip addr add 10.0.0.10/255.0.255.0 dev v0
ip addr add 10.7/16 dev v0
ip addr add 10.8.0.4/24 dev v0 label foo
ip addr add 10.9.0.4/24 dev v0 label v0:aaaaaaaaaaaaaaaa
ip addr add 10.10.0.1/24 dev v0 nodad
ip addr add 10.10.0.2/24 dev v0 secondary
ip addr add 10.12.0.1/24 dev v0 valid_lft forever preferred_lft forever
ip addr add 10.12.0.2/24 dev v0 valid_lft 0
ip addr add 10.12.0.3/24 dev v0 valid_lft 10 preferred_lft 20
ip addr add 10.12.0.4/24 dev v0 valid_lft abc
ip a show dev v0
ip r
ip r show table local
ip addr show v0 label v0:1
ip addr show label 'v0:*'
ip addr show label foo
ip addr show scope link
ip addr show scope all dev v0
ip addr show scope bogus
ip addr show to 10.0.0.0/24
ip addr show to 10.0.0.0/8 dev v0
ip addr show secondary
ip addr show primary dev v0
ip addr show dynamic
ip addr show permanent dev v0
ip addr show dev nope
ip addr show nope
ip addr show dev v0 dev v1
ip addr show up
ip addr show type veth
ip addr show master nope
ip -6 addr
ip -6 addr add 2001:db8::1/64 dev v0
ip addr del dev v0
ip addr del 10.0.0.1/24
ip addr del 10.6.0.1 peer 10.6.0.2 dev v0
ip addr del 10.7.0.0/16 dev v0 label foo
ip addr del 10.7.0.0/16 dev v0 label v0
ip addr replace 10.2.0.1/24 dev v0 metric 60
ip addr change 10.2.0.1/24 dev v0 metric 70
ip addr change 10.11.0.1/24 dev v0
ip a show dev v0
ip r
ip addr flush dev v0 scope link
ip addr flush
ip -0 addr flush dev v0
ip addr flush dev v0 label foo
ip a show dev v0
ip addr flush dev v0
ip a show dev v0
ip r
ip addr xyz
ip a s lo
ip ad show lo
ip addr sh lo
ip addr lst lo
ip addr list lo
ip -0 addr
ip -f inet addr show lo
ip -f link addr show lo
ip -B addr
# promote_secondaries keeps the subnet's other addresses when the primary goes.
sysctl -w net.ipv4.conf.all.promote_secondaries=1
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.0.2/24 dev v0
ip addr add 10.0.0.3/24 dev v0
ip addr add 10.0.1.1/24 dev v0
ip a show dev v0
ip r show table all
ip addr del 10.0.0.1/24 dev v0
ip a show dev v0
ip r show table all
# Renaming relabels the addresses.
ip link set dev v0 name w0
ip a show dev w0
