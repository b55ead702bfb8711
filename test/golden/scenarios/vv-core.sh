# iptables -vv (nf_tables): libnftnl dumps of the batch and the rule cache, core rule options.
iptables -vv -A INPUT -j ACCEPT
iptables -vv -A INPUT -p tcp -j DROP
iptables -vv -A INPUT ! -p udp -j DROP
iptables -vv -A INPUT -p 47 -j RETURN
iptables -vv -A INPUT -p all -j ACCEPT
iptables -vv -A INPUT -s 10.1.2.3 -j ACCEPT
iptables -vv -A INPUT -s 10.1.2.0/24 -d 192.168.0.0/16 -j ACCEPT
iptables -vv -A INPUT ! -s 10.1.2.128/25 ! -d 8.0.0.0/7 -j ACCEPT
iptables -vv -A INPUT -s 10.0.255.0/255.0.255.0 -j ACCEPT
iptables -vv -A INPUT -s 1.2.3.4/0 -j ACCEPT
iptables -vv -A INPUT ! -s 0.0.0.0/0 -j ACCEPT
iptables -vv -A INPUT -d 1.2.3.4,5.6.7.8 -j ACCEPT
iptables -vv -A INPUT -i eth0 -j ACCEPT
iptables -vv -A INPUT ! -i eth0 -j ACCEPT
iptables -vv -A INPUT -i eth+ -j ACCEPT
iptables -vv -A INPUT ! -i br-+ -j ACCEPT
iptables -vv -A INPUT -i + -j ACCEPT
iptables -vv -A INPUT ! -i + -j ACCEPT
iptables -vv -A INPUT -i abcdefghijklmno -j ACCEPT
iptables -vv -A OUTPUT -o lo -j ACCEPT
iptables -vv -A FORWARD -i a -o b+ -p icmp -s 1.1.1.1 -d 2.2.2.2 -f -j DROP
iptables -vv -A FORWARD ! -f -j DROP
iptables -vv -A FORWARD -c 10 20 -j ACCEPT
iptables -vv -A FORWARD
iptables -vv -N USER
iptables -vv -A FORWARD -j USER
iptables -vv -A FORWARD -g USER
iptables -vv -A USER -j RETURN
iptables -vvL
iptables -vvL INPUT
iptables -vvL USER
iptables -vvL FORWARD 2
iptables -vv -L -n --line-numbers -x
iptables -vv -S
iptables -vv -S FORWARD
iptables -vv -S INPUT 3
iptables -vvv -L OUTPUT
iptables -v -v -S USER
iptables -vv -L -t nat
iptables -vv -S -t mangle
