# REJECT target: every --reject-with value and alias, prefixes, errors, kernel checks.
iptables -A INPUT -j REJECT
iptables -A INPUT -j REJECT --reject-with icmp-net-unreachable
iptables -A INPUT -j REJECT --reject-with net-unreach
iptables -A INPUT -j REJECT --reject-with icmp-host-unreachable
iptables -A INPUT -j REJECT --reject-with host-unreach
iptables -A INPUT -j REJECT --reject-with icmp-proto-unreachable
iptables -A INPUT -j REJECT --reject-with proto-unreach
iptables -A INPUT -j REJECT --reject-with icmp-port-unreachable
iptables -A INPUT -j REJECT --reject-with port-unreach
iptables -A INPUT -j REJECT --reject-with icmp-net-prohibited
iptables -A INPUT -j REJECT --reject-with net-prohib
iptables -A INPUT -j REJECT --reject-with icmp-host-prohibited
iptables -A INPUT -j REJECT --reject-with host-prohib
iptables -A INPUT -j REJECT --reject-with icmp-admin-prohibited
iptables -A INPUT -j REJECT --reject-with admin-prohib
iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -A INPUT -p tcp -j REJECT --reject-with tcp-rst
iptables -A INPUT -p 6 -j REJECT --reject-with TCP-RESET
iptables -A INPUT -j REJECT --reject-with ICMP-HOST-PROHIBITED
iptables -A INPUT -j REJECT --reject-with icmp
iptables -A INPUT -j REJECT --reject-with icmp-h
iptables -A INPUT -j REJECT --reject-with net-p
iptables -A INPUT -j REJECT --reject-with a
iptables -A INPUT -j REJECT --reject-with ""
iptables -A INPUT -j REJECT --reject-with t
iptables -S
iptables -L
iptables -L -n
iptables -L -v -n --line-numbers
iptables-save
iptables -F
# errors
iptables -A INPUT -j REJECT --reject-with echo-reply
iptables -A INPUT -j REJECT --reject-with echoreply
iptables -A INPUT -j REJECT --reject-with echo
iptables -A INPUT -j REJECT --reject-with e
iptables -A INPUT -j REJECT --reject-with bogus
iptables -A INPUT -j REJECT --reject-with icmp-port-unreachablex
iptables -A INPUT -j REJECT --reject-with
iptables -A INPUT -j REJECT ! --reject-with tcp-reset
iptables -A INPUT -j REJECT --reject-with net-unreach --reject-with host-unreach
iptables -A INPUT -j REJECT --reject
iptables -A INPUT -j REJECT --bogus
# tcp-reset needs -p tcp (kernel check)
iptables -A INPUT -j REJECT --reject-with tcp-reset
iptables -A INPUT -p udp -j REJECT --reject-with tcp-reset
iptables -A INPUT ! -p tcp -j REJECT --reject-with tcp-reset
iptables -A INPUT -p all -j REJECT --reject-with tcp-reset
iptables -A OUTPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -A FORWARD -p tcp --dport 80 -j REJECT --reject-with tcp-reset
# tables and hooks
iptables -t mangle -A INPUT -j REJECT
iptables -t mangle -A PREROUTING -j REJECT
iptables -t mangle -A POSTROUTING -j REJECT
iptables -t raw -A PREROUTING -j REJECT
iptables -t raw -A OUTPUT -j REJECT
iptables -t nat -A PREROUTING -j REJECT
iptables -t nat -A OUTPUT -j REJECT
iptables -t security -A INPUT -j REJECT
iptables -t security -A OUTPUT -j REJECT
iptables -N rej
iptables -A rej -j REJECT --reject-with host-prohib
iptables -A rej -p tcp -j REJECT --reject-with tcp-reset
iptables -A INPUT -j rej
iptables -A FORWARD -j rej
iptables -A OUTPUT -j rej
iptables -t mangle -N mrej
iptables -t mangle -A mrej -j REJECT
iptables -t mangle -S
iptables -S
# -D and -C by spec
iptables -C INPUT -j rej
iptables -C rej -j REJECT --reject-with icmp-host-prohibited
iptables -C rej -j REJECT --reject-with host-prohib
iptables -C rej -j REJECT
iptables -D rej -j REJECT
iptables -D rej -j REJECT --reject-with host-prohib
iptables -D rej -p tcp -j REJECT --reject-with tcp-rst
iptables -S rej
iptables -A OUTPUT -p tcp -j REJECT
iptables -D OUTPUT -p tcp -j REJECT --reject-with icmp-port-unreachable
iptables -A OUTPUT -j REJECT --reject-with icmp-admin-prohibited
iptables -D OUTPUT -j REJECT --reject-with admin-prohibited
iptables -S OUTPUT
iptables -A OUTPUT -j REJECT --reject-with net-prohib
iptables -v -A OUTPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -R OUTPUT 1 -j REJECT --reject-with icmp-net-unreachable
iptables -R OUTPUT 1 -j REJECT --reject-with tcp-reset
iptables -S OUTPUT
iptables -j REJECT -h
# restore of saved text
iptables-save > /tmp/rej.save
iptables -F
iptables -X rej
iptables-restore < /tmp/rej.save
iptables-save
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p tcp -j REJECT --reject-with tcp-reset
-A INPUT -j REJECT --reject-with icmp-proto-unreachable
-A INPUT -j REJECT --reject-with tcp-reset
COMMIT
EOF2
iptables-restore <<'EOF2'
*mangle
-A INPUT -j REJECT
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -j REJECT --reject-with bogus
COMMIT
EOF2
iptables -L INPUT -n
