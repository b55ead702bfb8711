# iptables -vvv: each batch object is followed by its netlink message (mnl_nlmsg_fprintf), the cache dump is not.
iptables -vvv -A FORWARD -i eth0 ! -o + -p tcp -s 10.0.0.0/8 ! -d 1.2.3.128/25 -f --sport 22 --dport 80 -c 5 6 -j ACCEPT
iptables -vvv -A INPUT -p udp --dport 1:1000 ! --sport :53 -j DROP
iptables -vvv -A INPUT -p tcp --syn -m mark --mark 1/3 -m limit --limit 5/min -j RETURN
iptables -vvv -A INPUT -m comment --comment "hello world" -j NFLOG --nflog-prefix pfx --nflog-group 2 --nflog-size 64 --nflog-threshold 3
iptables -vvv -N CHAIN1
iptables -vvv -A INPUT -j CHAIN1
iptables -vvv -A INPUT -g CHAIN1
iptables -vvv -I INPUT 2 -m state --state NEW,RELATED -j LOG --log-prefix "in: " --log-level 5 --log-tcp-options
iptables -vvv -R INPUT 1 -m conntrack --ctstate ESTABLISHED --ctorigsrc 1.2.3.4 --ctrepldst 5.6.7.0/24 --ctorigdstport 80:90 -j REJECT --reject-with icmp-host-prohibited
iptables -vvv -A INPUT -p tcp -m multiport --dports 1,2,3:5 -m tcp --tcp-option 3 -j QUEUE
iptables -vvv -A INPUT -p icmp --icmp-type 3/1 -m iprange --src-range 1.1.1.1-1.1.1.9 -m addrtype --dst-type LOCAL -m pkttype --pkt-type multicast -j NFQUEUE --queue-balance 2:5 --queue-bypass
iptables -vvv -A INPUT -m length --length 10:20 -m ttl --ttl-lt 9 -m tos --tos 0x10/0x3f -m mac --mac-source 00:11:22:33:44:55 -j ACCEPT
iptables -vvv -A FORWARD -j CLASSIFY --set-class 1:2
iptables -vvv -A OUTPUT -m owner --uid-owner 5-7 -j AUDIT --type accept
iptables -vvv -A INPUT -p udp -m udp -j ACCEPT
iptables -vvv -D INPUT 3
iptables -vvv -D INPUT -j CHAIN1
iptables -vvv -P INPUT DROP
iptables -vvv -D FORWARD 1
iptables -vvv -D FORWARD -j CLASSIFY --set-class 1:2
iptables -A INPUT -c 3 4 -p tcp -m comment --comment c1 -j LOG
iptables -A INPUT -c 3 4 ! -p udp -j ACCEPT
iptables -vvv -Z
iptables -vvv -D INPUT -m comment --comment "hello world" -j NFLOG --nflog-prefix pfx --nflog-group 2 --nflog-size 64 --nflog-threshold 3
iptables -vvv -D INPUT 1
iptables -vvv -Z INPUT 1
iptables -vvv -E CHAIN1 CHAIN2
iptables -vvv -F CHAIN2
iptables -vvv -F
iptables -vvv -X CHAIN2
iptables -vvv -X
iptables -vvv -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4-1.2.3.9:80-90 --random
iptables -vvv -t nat -A POSTROUTING -p udp -j SNAT --to-source 5.6.7.8:1000-2000 --persistent
iptables -vvv -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 100-200
iptables -vvv -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 8080
iptables -vvv -t nat -A PREROUTING -j NETMAP --to 10.0.0.0/8
iptables -vvv -t mangle -A PREROUTING -j MARK --set-xmark 5/7
iptables -vvv -t mangle -A PREROUTING -j CONNMARK --save-mark --nfmask 0xff --ctmask 0xf0
iptables -vvv -t mangle -A PREROUTING -j TOS --set-tos 0x10/0x3f
iptables -vvv -t mangle -A POSTROUTING -j TTL --ttl-inc 3
iptables -vvv -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1400
iptables -vvv -t mangle -A PREROUTING -j DSCP --set-dscp 10
iptables -vvv -t raw -A PREROUTING -j TRACE
iptables -vvv -t raw -A PREROUTING -j NOTRACK
iptables -vvv -t raw -A OUTPUT -j CT --zone 5 --ctevents new,related --expevents new
iptables -vvv -t raw -D OUTPUT 1
iptables -vvv -t raw -A OUTPUT -j CT --notrack
iptables-restore -vvv <<'EOF2'
*filter
:INPUT ACCEPT [1:2]
:X - [0:0]
-A X -j ACCEPT
COMMIT
EOF2
iptables -t security -A INPUT -j ACCEPT
iptables -t security -D INPUT 1
iptables -t security -N S1
iptables -t security -A OUTPUT -j S1
iptables -vvv -t security -X
iptables -vvv -t security -Z
iptables -vvv -t security -F OUTPUT
iptables -vvv -t security -X
