# iptables -vv: how each match and target is sent (native expressions for tcp, udp, mark, limit, NFLOG, TRACE; xt otherwise).
iptables -vv -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -vv -A INPUT -p tcp --sport 22 --dport 80 -j ACCEPT
iptables -vv -A INPUT -p tcp ! --sport 22 ! --dport 80 -j ACCEPT
iptables -vv -A INPUT -p tcp ! --sport 22 --dport 80 -j ACCEPT
iptables -vv -A INPUT -p tcp --sport 1:1000 ! --dport 80:90 -j ACCEPT
iptables -vv -A INPUT -p tcp --dport :1000 -j ACCEPT
iptables -vv -A INPUT -p tcp ! --dport :1000 -j ACCEPT
iptables -vv -A INPUT -p tcp --dport 1000: -j ACCEPT
iptables -vv -A INPUT -p tcp ! --sport 0:65535 -j ACCEPT
iptables -vv -A INPUT -p tcp --syn -j ACCEPT
iptables -vv -A INPUT -p tcp ! --syn --dport 443 -j ACCEPT
iptables -vv -A INPUT -p tcp --tcp-flags ALL NONE -j DROP
iptables -vv -A INPUT -p tcp --tcp-option 5 -j ACCEPT
iptables -vv -A INPUT -p tcp -m tcp -j ACCEPT
iptables -vv -A INPUT -p tcp -m tcp --dport 22 -m comment --comment "x y" -m tcp --sport 80 -j ACCEPT
iptables -vv -A INPUT -p udp --dport 53 -j ACCEPT
iptables -vv -A INPUT -p udp ! --sport 53 --dport 1:2 -j ACCEPT
iptables -vv -A INPUT -p udp -m udp -j ACCEPT
iptables -vv -A INPUT -m mark --mark 0x5/0xff -j ACCEPT
iptables -vv -A INPUT -m mark ! --mark 7 -j ACCEPT
iptables -vv -A INPUT -m mark --mark 0xffffffff/0xffffffff -j ACCEPT
iptables -vv -A INPUT -m limit -j ACCEPT
iptables -vv -A INPUT -m limit --limit 3/min --limit-burst 7 -j ACCEPT
iptables -vv -A INPUT -m limit --limit 1000/sec -j ACCEPT
iptables -vv -A INPUT -m limit --limit 7/hour --limit-burst 0 -j ACCEPT
iptables -vv -A INPUT -m limit --limit 2/day -j ACCEPT
iptables -vv -A INPUT -m limit --limit 10001/s -j ACCEPT
iptables -vv -A INPUT -m comment --comment hello -j ACCEPT
iptables -vv -A INPUT -m state --state NEW,ESTABLISHED -j ACCEPT
iptables -vv -A INPUT -m conntrack --ctstate INVALID -j DROP
iptables -vv -A INPUT -p tcp -m multiport --dports 1,2,3 -j ACCEPT
iptables -vv -A INPUT -m iprange --src-range 1.1.1.1-1.1.1.9 -j ACCEPT
iptables -vv -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -vv -A INPUT -m addrtype --dst-type LOCAL -j ACCEPT
iptables -vv -A INPUT -m pkttype --pkt-type broadcast -j DROP
iptables -vv -A INPUT -m length --length 100:200 -j DROP
iptables -vv -A INPUT -m ttl --ttl-gt 5 -m tos --tos 0x10 -j DROP
iptables -vv -A INPUT -m owner --uid-owner 0 -j DROP
iptables -vv -A OUTPUT -m owner --uid-owner 0 -j DROP
iptables -vv -A INPUT -m recent --set -j ACCEPT
iptables -vv -A INPUT -m hashlimit --hashlimit-upto 5/s --hashlimit-name h1 -j ACCEPT
iptables -vv -A INPUT -m string --algo bm --string abc -j DROP
iptables -vv -A INPUT -m u32 --u32 "0>>22&0x3C@0>>16=0x50" -j DROP
iptables -vv -A INPUT -m statistic --mode random --probability 0.5 -j DROP
iptables -vv -A INPUT -m mac --mac-source 00:11:22:33:44:55 -j DROP
iptables -vv -A INPUT -j LOG --log-prefix "x: " --log-level 3
iptables -vv -A INPUT -j NFLOG --nflog-prefix "hi there" --nflog-group 3 --nflog-threshold 2
iptables -vv -A INPUT -j NFLOG --nflog-size 100
iptables -vv -A INPUT -j NFLOG --nflog-range 100
iptables -vv -A INPUT -j NFLOG
iptables -vv -A INPUT -j REJECT
iptables -vv -A INPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -vv -A INPUT -j NFQUEUE --queue-num 3
iptables -vv -A INPUT -j QUEUE
iptables -vv -A INPUT -j CLASSIFY --set-class 1:2
iptables -vv -A INPUT -j AUDIT --type drop
iptables -vvL INPUT
iptables -vv -S INPUT
iptables -vv -D INPUT -p tcp -m tcp --dport 22 -m comment --comment "x y" -m tcp --sport 80 -j ACCEPT
iptables -vv -t raw -A PREROUTING -j TRACE
iptables -vv -t raw -A PREROUTING -j NOTRACK
iptables -vv -t raw -A OUTPUT -j CT --zone 5
iptables -vv -t raw -S
iptables -vv -t nat -A PREROUTING -p tcp -j DNAT --to 1.2.3.4:80
iptables -vv -t nat -A POSTROUTING -j SNAT --to-source 5.6.7.8
iptables -vv -t nat -A POSTROUTING -o eth0 -j MASQUERADE
iptables -vv -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 8080
iptables -vv -t nat -A PREROUTING -j NETMAP --to 10.0.0.0/8
iptables -vv -t nat -L
iptables -vv -t mangle -A PREROUTING -j MARK --set-mark 5
iptables -vv -t mangle -A PREROUTING -j MARK --set-xmark 5/7
iptables -vv -t mangle -A PREROUTING -j CONNMARK --save-mark
iptables -vv -t mangle -A PREROUTING -j TOS --set-tos 0x10
iptables -vv -t mangle -A POSTROUTING -j TTL --ttl-set 3
iptables -vv -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
iptables -vv -t mangle -A PREROUTING -j DSCP --set-dscp 1
iptables -vv -t mangle -S
