# devgroup match: values, masks, names from /etc/iproute2/group, hooks.
iptables -A INPUT -m devgroup
iptables -A INPUT -m devgroup --src-group 0
iptables -A INPUT -m devgroup --src-group default
iptables -A INPUT -m devgroup ! --src-group 1 ! --dst-group 0x10/0xf0
iptables -A INPUT -m devgroup ! --src-group 1
iptables -A INPUT -m devgroup --src-group 0/0xffffffff
iptables -A INPUT -m devgroup --src-group 0/0xfffffffe
iptables -A INPUT -m devgroup --src-group 0x10/0xf0
iptables -A INPUT -m devgroup --src-group foo
iptables -A INPUT -m devgroup --src-group default/1
iptables -A INPUT -m devgroup --src-group Default
iptables -A INPUT -m devgroup --src-group 1/x
iptables -A INPUT -m devgroup --src-group 1x
iptables -A INPUT -m devgroup --src-group 1/2x
iptables -A INPUT -m devgroup --src-group 1/
iptables -A INPUT -m devgroup --src-group 4294967296
iptables -A INPUT -m devgroup --src-group 4294967295
iptables -A INPUT -m devgroup --src-group -1
iptables -A INPUT -m devgroup --src-group ""
iptables -A INPUT -m devgroup --src-group
iptables -A INPUT -m devgroup --dst-group 5 --dst-group 6
iptables -A OUTPUT -m devgroup --src-group 5
iptables -A OUTPUT -m devgroup --dst-group 0x0
iptables -A FORWARD -m devgroup --src-group 1 --dst-group 2 -j ACCEPT
iptables -t nat -A POSTROUTING -m devgroup --dst-group 3
iptables -t nat -A PREROUTING -m devgroup --dst-group 3
iptables -t mangle -A PREROUTING -m devgroup --src-group 07
iptables -L
iptables -L -n
iptables -L -v -n
iptables -S
iptables-save
iptables -D INPUT -m devgroup --src-group 0
iptables -D INPUT -m devgroup --src-group 0x0/0xfffffffe
iptables -D INPUT -m devgroup --src-group 0/0xfffffffe
iptables -S INPUT
iptables-save > /tmp/misc2-devgroup.rules
iptables -F
iptables -t nat -F
iptables -t mangle -F
iptables-restore < /tmp/misc2-devgroup.rules
iptables-save
iptables -m devgroup -h
