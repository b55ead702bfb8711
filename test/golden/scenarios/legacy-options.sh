# flavour: legacy
# legacy: getopt behaviour, option prefixes, inversion and the generic checks.
iptables -A INPUT --dport 22
iptables -A INPUT -p tcp --dport 22 --dport 23
iptables -A INPUT -p tcp --dpo 22
iptables -A INPUT -p tcp --d 22
iptables -A INPUT -p tcp --de 22
iptables -A INPUT -p tcp --destination-port=22
iptables -A INPUT --protocol=tcp
iptables -A INPUT -ptcp
iptables -A INPUT -p TCP -j ACCEPT
iptables -A INPUT -p Udp -j ACCEPT
iptables -A INPUT -p 6 --dport 80 -j ACCEPT
iptables -A INPUT -p 17 --dport 80 -j ACCEPT
iptables -A INPUT -p 0 -j ACCEPT
iptables -A INPUT ! -p 0 -j ACCEPT
iptables -A INPUT ! -p all -j ACCEPT
iptables -A INPUT -p icmp -j ACCEPT
iptables -A INPUT -p 1 -j ACCEPT
iptables -A INPUT -p 47 -j ACCEPT
iptables -A INPUT -p gre -j ACCEPT
iptables -A INPUT -p 255 -j ACCEPT
iptables -A INPUT -p 256 -j ACCEPT
iptables -A INPUT -p foo -j ACCEPT
iptables -A INPUT -p ipv6-icmp -j ACCEPT
iptables -A INPUT -p sctp -j ACCEPT
iptables -A INPUT -p esp -j ACCEPT
iptables -A INPUT -p ah -j ACCEPT
iptables -A INPUT -p udplite -j ACCEPT
iptables -A INPUT -p 0x11 -j ACCEPT
iptables -A INPUT -p 010 -j ACCEPT
iptables -A INPUT -p tcp -p udp
iptables -A INPUT ! ! -s 1.2.3.4
iptables -A INPUT ! -j ACCEPT
iptables -A INPUT ! -m tcp
iptables -A INPUT -s 1.2.3.4 !
iptables -A INPUT -s 1.2.3.4 -s 1.2.3.5
iptables -A INPUT -j ACCEPT -j DROP
iptables -A INPUT -j ACCEPT -g FOO
iptables -A INPUT -m nosuchmatch
iptables -A INPUT -j NOSUCHTARGET
iptables -A INPUT -m abcdefghijklmnopqrstuvwxyz1234
iptables -A INPUT -j abcdefghijklmnopqrstuvwxyz1234
iptables -A INPUT -j ''
iptables -A INPUT -j 'a b'
iptables -A INPUT -i ''
iptables -A INPUT -i eth0 -j ACCEPT
iptables -A INPUT -o eth0 -j ACCEPT
iptables -A OUTPUT -i eth0 -j ACCEPT
iptables -A FORWARD -i eth+ -o br-+ -j ACCEPT
iptables -A FORWARD ! -i eth0 ! -o eth1 -j ACCEPT
iptables -A FORWARD -i + -j ACCEPT
iptables -A FORWARD ! -i + -j ACCEPT
iptables -A FORWARD -i abcdefghijklmnop -j ACCEPT
iptables -A FORWARD -i abcdefghijklmno -j ACCEPT
iptables -A FORWARD -i a/b -j ACCEPT
iptables -A FORWARD -f -j ACCEPT
iptables -A FORWARD ! -f -j ACCEPT
iptables -A INPUT -c 10 20 -j ACCEPT
iptables -A INPUT -c 10,20 -j ACCEPT
iptables -A INPUT -c 10 -j ACCEPT
iptables -A INPUT -c x 20 -j ACCEPT
iptables -I INPUT --set-counters 5 6 -j DROP
iptables -A INPUT -w -j ACCEPT
iptables -A INPUT -w 5 -j ACCEPT
iptables -A INPUT -w x -j ACCEPT
iptables -A INPUT -W 100 -j ACCEPT
iptables -A INPUT -w -W 100 -j ACCEPT
iptables --modprobe /bin/true -A INPUT -j ACCEPT
iptables -A INPUT -4 -j ACCEPT
iptables -A INPUT -6 -j ACCEPT
iptables -A INPUT extra
iptables -A INPUT -j ACCEPT -- -x
iptables -A INPUT -j ACCEPT --
iptables -A INPUT -
iptables -L -nvx
iptables -vvL INPUT
iptables -L INPUT -n --line-numbers -v -x
iptables -L INPUT --line-n
iptables -L INPUT --li
iptables -L INPUT --v
iptables --list INPUT --numeric
iptables --list-rules INPUT
iptables -S INPUT -v
iptables -LINPUT
iptables -SINPUT
iptables -A INPUT -m tcp --dport 22
iptables -A INPUT -p udp -m tcp --dport 22
iptables -A INPUT -p tcp -m tcp -m tcp --dport 22 --sport 80
iptables -A INPUT -p tcp --dport 22 -m tcp --sport 80
iptables -A INPUT -p tcp --tcp-flags SYN
iptables -A INPUT -p tcp --tcp-flags SYN,ACK SYN -j ACCEPT
iptables -A INPUT -p tcp --tcp-flags syn,ack,foo SYN -j ACCEPT
iptables -A INPUT -p tcp ! --syn -j ACCEPT
iptables -A INPUT -p tcp --syn --syn -j ACCEPT
iptables -A INPUT -p tcp --dport ssh:http -j ACCEPT
iptables -A INPUT -p tcp --dport http:ssh -j ACCEPT
iptables -A INPUT -p tcp --sport 1024: -j ACCEPT
iptables -A INPUT -p tcp --sport :1024 -j ACCEPT
iptables -A INPUT -p tcp --sport 65536 -j ACCEPT
iptables -A INPUT -p tcp --sport nosuchservice -j ACCEPT
iptables -A INPUT -p tcp --tcp-option 0 -j ACCEPT
iptables -A INPUT -p tcp ! --tcp-option 5 -j ACCEPT
iptables -A INPUT -p tcp ! --dport 80 ! --sport 81 -j ACCEPT
iptables -S
iptables -L
iptables -L -n
iptables -t nat -A POSTROUTING -j DROP
iptables -t nat -P POSTROUTING DROP
iptables -t nat -N X
iptables -t nat -A X -j DROP
