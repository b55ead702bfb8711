# iptables -vv for every verb: what the rule cache fetch prints, then the batch at commit.
iptables -vv -N FOO
iptables -vv -N FOO
iptables -vv -P INPUT DROP
iptables -vv -P INPUT ACCEPT
iptables -vv -A INPUT -j ACCEPT
iptables -vv -A INPUT -j DROP
iptables -vv -A FOO -j RETURN
iptables -vv -A INPUT -j FOO
iptables -A OUTPUT -j FOO -c 5 6
iptables -vv -I INPUT -p udp -j ACCEPT
iptables -vv -I INPUT 1 -p udp -j ACCEPT
iptables -vv -I INPUT 3 -p tcp -j ACCEPT
iptables -vv -I INPUT 7 -p icmp -j ACCEPT
iptables -vv -I INPUT 8 -p icmp -j ACCEPT
iptables -vv -I INPUT 10 -p icmp -j ACCEPT
iptables -vv -R INPUT 1 -j DROP
iptables -vv -R INPUT 20 -j DROP
iptables -vv -D INPUT 2
iptables -vv -D INPUT 30
iptables -vv -D INPUT -j DROP
iptables -vv -D INPUT -p sctp -j DROP
iptables -vv -D INPUT -j FOO
iptables -vv -A INPUT -j FOO
iptables -vv -C INPUT -j FOO
iptables -vv -C INPUT -j NOPE
iptables -vv -C INPUT -p esp -j ACCEPT
iptables -vv -Z
iptables -vv -Z INPUT
iptables -vv -Z INPUT 1
iptables -A INPUT -c 7 8 -p tcp -m tcp --dport 22 -m tcp --sport 80 -j ACCEPT
iptables -vv -Z INPUT 4
iptables -vv -L INPUT 4
iptables -vv -L -Z
iptables -vv -X FOO
iptables -vv -E FOO BAR
iptables -vv -E BAR BAR2
iptables -vv -E NOPE X
iptables -vv -N EMPTY
iptables -vv -X EMPTY
iptables -vv -N E1
iptables -vv -N E2
iptables -vv -X
iptables -vv -F INPUT
iptables -vv -F
iptables -vv -F NOPE
iptables -vv -X
iptables -vv -X INPUT
iptables -vv -P FORWARD DROP
iptables -vv -X
iptables -vv -X FORWARD
iptables -vv -Z FORWARD
iptables -S
iptables -vv -t nat -A POSTROUTING -j MASQUERADE
iptables -vv -t nat -F
iptables -vv -t nat -X
iptables -vv -t raw -P OUTPUT DROP
iptables -vv -t raw -L -Z
iptables -vv -t security -L -Z
iptables -vv -t security -S -Z INPUT
iptables -vv -t mangle -Z OUTPUT 1
iptables -vv -t mangle -F
iptables -vv -t mangle -F PREROUTING
iptables -vv -t mangle -X
iptables -vv -t mangle -N M1
iptables -vv -t mangle -P POSTROUTING -
