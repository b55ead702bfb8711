# cgroup match (revision 2): classid, cgroup2 path (only the root exists here), hooks.
iptables -A OUTPUT -m cgroup
iptables -A OUTPUT -m cgroup --cgroup 1
iptables -A OUTPUT -m cgroup ! --cgroup 0x10
iptables -A OUTPUT -m cgroup --path /
iptables -A OUTPUT -m cgroup ! --path /
iptables -A OUTPUT -m cgroup --path ""
iptables -A OUTPUT -m cgroup --path //
iptables -A OUTPUT -m cgroup --path /foo
iptables -A OUTPUT -m cgroup --path foo
iptables -A OUTPUT -m cgroup --path .
iptables -A OUTPUT -m cgroup --path "/ x"
iptables -A OUTPUT -m cgroup --cgroup 1 --path /
iptables -A OUTPUT -m cgroup --path / --path /
iptables -A OUTPUT -m cgroup --cgroup 1 --cgroup 2
iptables -A OUTPUT -m cgroup --cgroup 4294967295
iptables -A OUTPUT -m cgroup --cgroup 4294967296
iptables -A OUTPUT -m cgroup --cgroup -1
iptables -A OUTPUT -m cgroup --cgroup x
iptables -A OUTPUT -m cgroup --cgroup
iptables -A OUTPUT -m cgroup --path
iptables -A INPUT -m cgroup --cgroup 1
iptables -A FORWARD -m cgroup --cgroup 1
iptables -t nat -A PREROUTING -m cgroup --cgroup 1
iptables -t nat -A OUTPUT -m cgroup --cgroup 1 -j ACCEPT
iptables -t mangle -A POSTROUTING -m cgroup --path /
iptables -t mangle -A INPUT -m cgroup ! --path / -j ACCEPT
iptables -L OUTPUT
iptables -L -n
iptables -L -v
iptables -S
iptables -t mangle -S
iptables-save
iptables -D OUTPUT -m cgroup --path //
iptables -D OUTPUT -m cgroup --path /
iptables -D OUTPUT -m cgroup ! --cgroup 16
iptables -S
iptables-save > /tmp/misc2-cgroup.rules
iptables -F
iptables -t mangle -F
iptables -t nat -F
iptables-restore < /tmp/misc2-cgroup.rules
iptables-save
iptables -m cgroup -h
