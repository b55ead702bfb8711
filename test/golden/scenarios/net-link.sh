# ip link: veth pairs and bridges (fixed MAC addresses), up/down, mtu, address, master, rename, delete, show filters.
# IPv6 is disabled first (the twin is IPv4-only) and lo brought up (the twin starts as a booted host).
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link show
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link
ip link add v0 address 02:00:00:00:00:03 type veth peer name v9
ip link add br0 address 02:00:00:00:00:0b type bridge
ip link set v0 master br0
ip link
ip link set br0 up
ip link
ip link set v0 up
ip link
ip link set v1 up
ip link
ip -br link
ip -o link
ip link show v0
ip link show dev br0
ip link show v9
ip link set v0 nomaster
ip link show v0
ip link set v0 mtu 1400
ip link set v0 mtu 50
ip link set v0 mtu 70000
ip link set v0 mtu abc
ip link set v0 mtu
ip link set v0 address 02:00:00:00:00:99
ip link set v0 address 01:00:00:00:00:99
ip link set v0 address zz
ip link set v0 address 02:00:00:00:00
ip link set v0 address 02:00:00:00:00:00:11
ip link set v0 address 02:00:00:00:00:0100
ip link show v0
ip link set v9 up
ip link set v0 foo
ip link set v0
ip link set
ip link set v0 master v1
ip link set v0 master nope
ip link set lo master br0
ip link set v0 down up
ip link set dev v0 name v5
ip link show
ip link set dev v5 name v1
ip link set dev v5 name aaaaaaaaaaaaaaaa
ip link set dev v5 name v0
ip link del v9
ip link del dev v9
ip link del v1
ip link
ip link del br0
ip link del lo
ip link
ip link set lo mtu 70000
ip link set lo mtu -5
ip link set lo mtu 2147483648
ip link show lo
ip link set lo mtu 65536
ip link add br0 address 02:00:00:00:00:0b type bridge
ip link add v0 address 02:00:00:00:00:01 mtu 9000 type veth peer name v1 address 02:00:00:00:00:02
ip link show v1
ip link set v0 master br0
ip link show br0
ip link set v0 nomaster
ip link set br0 mtu 9000
ip link set v0 master br0
ip link show br0
ip link set br0 mtu 9001
ip link set br0 mtu 67
ip link add v2 mtu 60 type veth peer name v3
ip link add name x type veth peer name x
ip link add name lo type veth peer name x
ip link add name aaaaaaaaaaaaaaaa type bridge
ip link add name aaaaaaaaaaaaaaa address 02:00:00:00:00:0a type bridge
ip link add name a/b type bridge
ip link add name "a b" type bridge
ip link add br9 type bridge foo
ip link add br9 type bridge help
ip link add br9 type veth foo
ip link add v5 type veth peer name v6 type bridge
ip link add v5 up address 02:00:00:00:00:05 type veth peer name v6 address 02:00:00:00:00:06
ip link show v5
ip link add v7 type veth peer name v8 up
ip link show v8
ip link add dev v9 address 02:00:00:00:00:09 type bridge
ip link add v10 address 01:00:00:00:00:01 type bridge
ip link add v10 address 00:00:00:00:00:00 type bridge
ip link add v10 address 02:00 type bridge
ip link add v10
ip link add v10 type foo
ip link add v10 type foo bar
ip link add v10 name v11 type bridge
ip link add br0 type bridge
ip link del
ip link del dev
ip link delete v9 type bridge
ip link del v5 foo
ip link show dev
ip link show lo foo
ip link show up
ip link show type veth
ip link show master br0
ip link show type bridge
ip link show type bridge_slave
ip link show nomaster
ip link show group default
ip link show group 5
ip link xyz
ip link set v0 master br0 up
ip link set v1 up
ip link
ip -br link
ip -br a
ip link set v6 master br0
ip link show br0
ip link set br0 master br0
ip link set v6 nomaster
ip link del v0
ip link
ip link set v1 txqueuelen 500
ip link set v1 qlen 0
ip link show v1
ip link set v1 txqlen 1000 alias "a veth end"
ip link show v1
ip link set v1 group 7
ip link show group 7
ip -br link show group 7
