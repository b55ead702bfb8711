# Edge cases across the misc2 matches: option abbreviations, several instances, -R/-I, odd values.
iptables -A INPUT -m addrtype --src-t LOCAL
iptables -A INPUT -m addrtype --src-type LOCAL --limit-iface
iptables -A INPUT -m addrtype --src-type LOCAL --limit-iface-i
iptables -A INPUT -m addrtype --src LOCAL
iptables -A INPUT -m addrtype --dst-type LOCAL -m addrtype ! --src-type BROADCAST
iptables -A INPUT -m iprange --src-range "1.2.3.4 -1.2.3.5"
iptables -A INPUT -m iprange --src-range "1.2.3.4- 1.2.3.5"
iptables -A INPUT -m iprange --src-r 1.2.3.4
iptables -A OUTPUT -m owner ! --socket-exists --uid-owner 0
iptables -A OUTPUT -m owner --gid-owner 0 --suppl-groups ! --uid-owner 5
iptables -A OUTPUT -m owner ! --gid-owner 0-4 --suppl-groups
iptables -A OUTPUT -m owner --uid 5
iptables -A OUTPUT -m owner --suppl
iptables -A INPUT -m physdev --physdev-in +
iptables -A INPUT -m physdev --physdev-in eth+ --physdev-out eth1+
iptables -A INPUT -m physdev --physdev-is
iptables -A OUTPUT -m cgroup --path ////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////
iptables -A OUTPUT -m cgroup --path "a\"b'c"
iptables -A OUTPUT -m cgroup --path /a --cgroup 1
iptables -A INPUT -m policy --dir in --pol ipsec --strict --reqid 4294967295 --next --spi 4294967295
iptables -A INPUT -m policy --di in
iptables -A INPUT -p tcp -m osf --genre "a\"b c"
iptables -A INPUT -m socket --trans
iptables -A INPUT -m devgroup --src-group 0x7fffffff/0x0
iptables -A INPUT -m devgroup ! --src-group 0x80000000
iptables -A INPUT -m cluster --cluster-total-nodes 1 --cluster-local-node 1 --cluster-hash-seed 1
iptables -A INPUT -m cluster --cluster-total-nodes 31 --cluster-local-nodemask 0x1f --cluster-hash-seed 1
iptables -A INPUT -m mac --mac-sou 01:02:03:04:05:06
iptables -L -n
iptables -L
iptables -S
iptables -C INPUT -m iprange --src-range 1.2.3.4-1.2.3.4
iptables -R INPUT 1 -m addrtype --src-type XRESOLVE,THROW
iptables -I INPUT 2 -m iprange --src-range 9.9.9.9-9.9.9.1
iptables -S INPUT
iptables -A INPUT -m rpfilter -h
