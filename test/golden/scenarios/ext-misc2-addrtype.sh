# addrtype match (revision 1): type lists, prefixes, inversion, interface limits and their hooks.
iptables -A INPUT -m addrtype
iptables -A INPUT -m addrtype --limit-iface-in
iptables -A INPUT -m addrtype --src-type wrong
iptables -A INPUT -m addrtype --src-type LOCAL,
iptables -A INPUT -m addrtype --src-type ,LOCAL
iptables -A INPUT -m addrtype --src-type foo,LOCAL
iptables -A INPUT -m addrtype --src-type LOCAL,foo
iptables -A INPUT -m addrtype --src-type LOCALX
iptables -A INPUT -m addrtype --src-type ""
iptables -A INPUT -m addrtype --src-type
iptables -A INPUT -m addrtype --src-type LOCAL --src-type LOCAL
iptables -A INPUT -m addrtype --src-type LOCAL --limit-iface-in --limit-iface-out
iptables -A INPUT -m addrtype --src-type LOCAL --limit-iface-out --limit-iface-out
iptables -A INPUT -m addrtype --src-type LOCAL ! --limit-iface-in
iptables -A INPUT -m addrtype --src-type l
iptables -A INPUT -m addrtype --src-type u
iptables -A INPUT -m addrtype --dst-type UNSPEC
iptables -A INPUT -m addrtype --src-type local,unicast,XRESOLVE,nat --dst-type BLACKHOLE
iptables -A INPUT -m addrtype ! --src-type local ! --dst-type multicast,broadcast,anycast --limit-iface-in
iptables -A INPUT -m addrtype --dst-type unreachable,prohibit,throw,Blackhole,x
iptables -A INPUT -m addrtype --dst-type UNREACHABLE,PROHIBIT,THROW
iptables -A INPUT -m addrtype --src-type LOCAL --limit-iface-out
iptables -A OUTPUT -m addrtype --src-type LOCAL --limit-iface-in
iptables -A OUTPUT -m addrtype --dst-type LOCAL --limit-iface-out
iptables -A FORWARD -m addrtype --src-type LOCAL --limit-iface-out
iptables -A FORWARD -m addrtype --src-type LOCAL --limit-iface-in
iptables -t nat -A POSTROUTING -m addrtype --src-type LOCAL --limit-iface-in
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL --limit-iface-in
iptables -t mangle -A PREROUTING -m addrtype --dst-type LOCAL --limit-iface-out
iptables -N USER
iptables -A USER -m addrtype --src-type LOCAL --limit-iface-in
iptables -A OUTPUT -j USER
iptables -A INPUT -j USER
iptables -L
iptables -L -n
iptables -L -v -n --line-numbers
iptables -S
iptables -t nat -S
iptables-save
iptables -C INPUT -m addrtype --src-type LOCAL
iptables -C INPUT -m addrtype --src-type LOCAL --limit-iface-in
iptables -D INPUT -m addrtype --src-type LOCAL
iptables -D INPUT -m addrtype ! --src-type LOCAL ! --dst-type BROADCAST,MULTICAST,ANYCAST --limit-iface-in
iptables -D INPUT -m addrtype --src-type UNSPEC
iptables -S INPUT
iptables-save > /tmp/misc2-addrtype.rules
iptables -F
iptables -X
iptables-restore < /tmp/misc2-addrtype.rules
iptables -S
iptables-restore <<'EOF2'
*filter
-A OUTPUT -m addrtype --src-type LOCAL --limit-iface-in
COMMIT
EOF2
iptables -m addrtype -h
