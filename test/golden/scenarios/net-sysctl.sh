# sysctl: reading and writing the twin's keys, value parsing (int, ranges, jiffies, ms), errors, options,
# and the kernel's coupling (ip_forward drives every conf.*.forwarding; conf.default reaches devices that never set a key).
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
sysctl net.ipv4.ip_forward
sysctl net.ipv4.conf.all.rp_filter net.ipv4.conf.default.rp_filter net.ipv4.conf.lo.rp_filter
sysctl net.ipv4.conf.all.route_localnet net.ipv4.conf.default.forwarding net.ipv4.conf.lo.forwarding
sysctl net.netfilter.nf_conntrack_tcp_loose net.netfilter.nf_conntrack_max net.netfilter.nf_conntrack_buckets
sysctl net.netfilter.nf_conntrack_generic_timeout net.netfilter.nf_conntrack_icmp_timeout net.netfilter.nf_conntrack_udp_timeout net.netfilter.nf_conntrack_udp_timeout_stream
sysctl -a -r 'nf_conntrack_tcp_timeout'
sysctl net.ipv4.ip_default_ttl net.ipv4.icmp_echo_ignore_all net.ipv4.icmp_echo_ignore_broadcasts net.ipv4.icmp_ratelimit
sysctl net.ipv4.conf
sysctl -a -N -r nf_conntrack_tcp
sysctl net.ipv6.conf.all.disable_ipv6 net.ipv6.conf.default.disable_ipv6 net.ipv6.conf.lo.disable_ipv6
sysctl net.foo
sysctl -w net.foo=1
sysctl net.foo=1
sysctl -w net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=abc
sysctl -w net.ipv4.ip_forward=5
sysctl -w net.ipv4.ip_forward=-1
sysctl -w net.ipv4.ip_forward=
sysctl -w net.ipv4.ip_forward=" 1"
sysctl -w "net.ipv4.ip_forward = 1"
sysctl -w net.ipv4.ip_forward=1x
sysctl -w net.ipv4.ip_forward=0x1
sysctl -w net.ipv4.ip_forward=01
sysctl -n net.ipv4.ip_forward
sysctl -wn net.ipv4.ip_forward=0
sysctl -q -w net.ipv4.ip_forward=0
sysctl -q net.ipv4.ip_forward
sysctl
sysctl -n
sysctl net/ipv4/ip_forward
sysctl net.ipv4.conf.all.rp_filter=3
sysctl net.ipv4.conf.all.rp_filter=-1
sysctl net.ipv4.conf.all.rp_filter=99
sysctl net.ipv4.conf.all.rp_filter=1 net.foo=2 net.ipv4.ip_forward=1
sysctl net.ipv4.conf.all.route_localnet=2
sysctl net.netfilter.nf_conntrack_max=1000
sysctl net.netfilter.nf_conntrack_tcp_loose=2
sysctl net.netfilter.nf_conntrack_tcp_loose=-3
sysctl net.netfilter.nf_conntrack_tcp_loose=0x1
sysctl net.netfilter.nf_conntrack_tcp_timeout_established=-3
sysctl net.netfilter.nf_conntrack_tcp_timeout_established=99999999999
sysctl net.netfilter.nf_conntrack_tcp_timeout_established=3000000
sysctl net.netfilter.nf_conntrack_tcp_timeout_established
sysctl -w net.netfilter.nf_conntrack_tcp_timeout_established=8589934
sysctl -w net.netfilter.nf_conntrack_tcp_timeout_established=8589935
sysctl -w net.netfilter.nf_conntrack_tcp_timeout_established=-8589934
sysctl net.netfilter.nf_conntrack_tcp_timeout_established
sysctl -w net.netfilter.nf_conntrack_tcp_timeout_established=432000
sysctl net.netfilter.nf_conntrack_buckets=1
sysctl net.ipv4.conf.v0.rp_filter
sysctl -e net.foo
sysctl -e net.foo=1
sysctl -N net.ipv4.ip_forward
sysctl -x
sysctl -w net.ipv4.ip_forward=0x1 net.ipv4.conf.all.rp_filter=010 net.ipv4.conf.default.rp_filter=08
sysctl net.ipv4.ip_forward net.ipv4.conf.all.rp_filter net.ipv4.conf.default.rp_filter
sysctl -w net.ipv4.ip_forward=5
sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.lo.forwarding net.ipv4.conf.all.accept_redirects net.ipv4.conf.default.accept_redirects
sysctl -w net.ipv4.ip_forward=-1
sysctl net.ipv4.ip_forward net.ipv4.conf.lo.forwarding
sysctl -w net.ipv4.ip_forward="1 2"
sysctl -w net.ipv4.ip_forward="+1"
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=4294967296
sysctl -w net.ipv4.ip_forward=2147483648
sysctl -w net.ipv4.ip_forward=2147483647
sysctl -w net.ipv4.ip_forward=-2147483648
sysctl -w net.ipv4.ip_forward=-2147483649
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=0
sysctl -w net.ipv4.ip_default_ttl=0
sysctl -w net.ipv4.ip_default_ttl=256
sysctl -w net.ipv4.ip_default_ttl=255
sysctl -w net.ipv4.icmp_echo_ignore_all=2
sysctl -w net.ipv4.icmp_echo_ignore_all=-1
sysctl -w net.ipv4.icmp_ratelimit=1001
sysctl net.ipv4.icmp_ratelimit
sysctl -w net.ipv4.icmp_ratelimit=-5
sysctl -w net.ipv4.icmp_ratelimit=3
sysctl net.ipv4.icmp_ratelimit
sysctl -w net.netfilter.nf_conntrack_udp_timeout=0
sysctl net.foo net.bar
sysctl net.foo net.ipv4.ip_forward net.bar
sysctl -w a
sysctl -w =1
sysctl -w net..ipv4.ip_forward=1
sysctl net..ipv4.ip_forward
sysctl net//ipv4/ip_forward
sysctl net.ipv4.ip_forward.x
sysctl -w net.ipv4.ip_forward.x=1
sysctl -w net.ipv4=1
sysctl -w net.ipv4.conf.all.mc_forwarding=1 net.ipv4.ip_forward=1
sysctl --version
sysctl -V
sysctl -h
sysctl -z
sysctl --foo
sysctl -r
sysctl -a -N -r 'ipv4.ip_f'
sysctl -r 'rp_filter' -a
sysctl net.ipv4.conf.lo
sysctl --dry-run -w net.ipv4.ip_forward=0
sysctl net.ipv4.ip_forward
sysctl -p /nonexistent
sysctl -qN net.ipv4.ip_forward
sysctl net.ipv4.ip_forward -n
sysctl -w -- -net.foo=1
# Coupling of the forwarding switches and of conf.default.
sysctl -w net.ipv4.ip_forward=0
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
sysctl net.ipv4.conf.v0.forwarding net.ipv4.conf.v0.rp_filter
sysctl -w net.ipv4.ip_forward=1
sysctl -a -r 'ipv4.*forwarding|ip_forward'
sysctl -w net.ipv4.conf.default.forwarding=0
sysctl -a -r 'ipv4.*(forwarding|ip_forward)'
sysctl -w net.ipv4.conf.all.forwarding=0
sysctl -a -r 'ipv4.*(forwarding|ip_forward)'
sysctl -w net.ipv4.conf.v0.forwarding=1
sysctl -a -r 'ipv4.*(forwarding|ip_forward)'
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=2
sysctl -a -r 'ipv4.*rp_filter'
sysctl -w net.ipv4.conf.v0.rp_filter=1
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -a -r 'ipv4.*rp_filter'
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
sysctl -w net.ipv4.conf.default.forwarding=1 net.ipv4.conf.default.rp_filter=1
ip link add v4 address 02:00:00:00:00:05 type veth peer name v5 address 02:00:00:00:00:06
sysctl -a -r 'ipv4.*(rp_filter|forwarding)'
sysctl -w net.ipv4.conf.all.route_localnet=1 net.ipv4.conf.default.route_localnet=1
sysctl -a -r route_localnet
ip link add v6 address 02:00:00:00:00:07 type veth peer name v7 address 02:00:00:00:00:08
sysctl -a -r route_localnet
sysctl -w net.ipv4.conf.default.accept_local=abc
sysctl -w net.ipv4.conf.default.accept_local=1
sysctl -a -r accept_local
sysctl -a -r 'v[0-9].disable_ipv6'
ip link set v0 name w0
sysctl -a -r 'conf.w0.rp_filter'
sysctl net.ipv4.conf.v0.rp_filter
ip link del w0
sysctl net.ipv4.conf.w0.rp_filter
sysctl -w net.ipv4.conf.lo.mc_forwarding=1
sysctl -w net.ipv4.conf.lo.disable_policy=0 net.ipv4.conf.lo.disable_xfrm=0
sysctl -w net.ipv4.conf.default.disable_policy=1
sysctl -a -r 'ipv4.*disable_policy'
# Loading a file (-p): comments, errors and ignored failures; every line is read before anything is written.
echo "net.ipv4.ip_forward = 1" > /tmp/iptwin-net-sysctl-p.conf
echo "# a comment" >> /tmp/iptwin-net-sysctl-p.conf
echo "; another" >> /tmp/iptwin-net-sysctl-p.conf
echo "net.foo = 2" >> /tmp/iptwin-net-sysctl-p.conf
echo "-net.bar = 3" >> /tmp/iptwin-net-sysctl-p.conf
echo "bogus line" >> /tmp/iptwin-net-sysctl-p.conf
echo "  net.ipv4.conf.all.rp_filter=2  " >> /tmp/iptwin-net-sysctl-p.conf
echo "net.ipv4.ip_default_ttl = 0" >> /tmp/iptwin-net-sysctl-p.conf
sysctl -p /tmp/iptwin-net-sysctl-p.conf
sysctl -q -p /tmp/iptwin-net-sysctl-p.conf
sysctl -p/tmp/iptwin-net-sysctl-p.conf
sysctl --load=/tmp/iptwin-net-sysctl-p.conf
sysctl -e -p /tmp/iptwin-net-sysctl-p.conf
sysctl -r ip_forward -p /tmp/iptwin-net-sysctl-p.conf
echo "net.ipv4.ip_forward=0" > /tmp/iptwin-net-sysctl-p.conf
sysctl -p /tmp/iptwin-net-sysctl-p.conf /tmp/iptwin-net-sysctl-p.conf
