# socket match (revision 3): flags, hooks PREROUTING/INPUT.
iptables -A INPUT -m socket
iptables -A INPUT -m socket --transparent --nowildcard
iptables -A INPUT -m socket --transparent --nowildcard --restore-skmark
iptables -A INPUT -m socket --restore-skmark --transparent
iptables -A INPUT -m socket --nowildcard --restore-skmark
iptables -A INPUT -m socket --restore-skmark
iptables -A INPUT -m socket --nowildcard
iptables -A INPUT -m socket ! --transparent
iptables -A INPUT -m socket --transparent --transparent
iptables -A INPUT -m socket --transparent x
iptables -A INPUT -p tcp -m socket --transparent -j ACCEPT
iptables -A FORWARD -m socket
iptables -A OUTPUT -m socket
iptables -t mangle -A PREROUTING -m socket --transparent
iptables -t mangle -A PREROUTING -p tcp -m socket -j ACCEPT
iptables -t nat -A PREROUTING -m socket --transparent
iptables -t raw -A PREROUTING -m socket --transparent
iptables -t mangle -A POSTROUTING -m socket
iptables -t mangle -A INPUT -m socket --nowildcard
iptables -L
iptables -L -n
iptables -S
iptables -t mangle -S
iptables-save
iptables -D INPUT -m socket --nowildcard --transparent
iptables -D INPUT -m socket --transparent --nowildcard
iptables -D INPUT -m socket
iptables -S INPUT
iptables-save > /tmp/misc2-socket.rules
iptables -F
iptables -t mangle -F
iptables-restore < /tmp/misc2-socket.rules
iptables-save
iptables -m socket -h
