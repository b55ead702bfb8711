# flavour: legacy
# legacy: what the kernel refuses when the table is replaced, and libiptc's own refusals.
iptables -A INPUT -j DNAT --to-destination 1.2.3.4
iptables -A INPUT -j MASQUERADE
iptables -A INPUT -j CT --notrack
iptables -t mangle -A PREROUTING -j REJECT
iptables -t mangle -N M
iptables -t mangle -A M -j REJECT
iptables -t mangle -A INPUT -j M
iptables -t mangle -A PREROUTING -j M
iptables -t mangle -S
iptables -A INPUT -j INPUT
iptables -A INPUT -j OUTPUT
iptables -A INPUT -g INPUT
iptables -A INPUT -g ACCEPT
iptables -A INPUT -g NOSUCH
iptables -A INPUT -j RETURN
iptables -A OUTPUT -j QUEUE
iptables -A OUTPUT -j NFQUEUE --queue-num 3
iptables -N L1
iptables -N L2
iptables -A L1 -j L2
iptables -A L2 -j L1
iptables -A INPUT -j L1
iptables -A INPUT -g L2
iptables -S
iptables -F L2
iptables -A L2 -j L2
iptables -I INPUT -j L2
iptables -F L2
iptables -I INPUT -j L2
iptables -A L2 -j L2
iptables -A L2 -g L1
iptables -S
iptables -F
iptables -X
iptables -A INPUT -m tcp --dport 22 -j ACCEPT
iptables -A INPUT ! -p tcp -m tcp --dport 22 -j ACCEPT
iptables -A INPUT -p udp -m tcp --dport 22 -j ACCEPT
iptables -A INPUT -m udp --dport 53 -j ACCEPT
iptables -A INPUT -p tcp -m udp -j ACCEPT
iptables -A INPUT -p all -m udp -j ACCEPT
iptables -A INPUT -p udp -m udp -j ACCEPT
iptables -A INPUT -m tcp -j ACCEPT
iptables -A INPUT -p sctp -m sctp --dport 5 -j ACCEPT
iptables -A INPUT -m sctp --dport 5 -j ACCEPT
iptables -A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
iptables -A INPUT -m icmp --icmp-type 8 -j ACCEPT
iptables -A INPUT -m multiport --dports 1,2 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 1,2 -j ACCEPT
iptables -A FORWARD -p tcp -j TCPMSS --clamp-mss-to-pmtu
iptables -A FORWARD -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu
iptables -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1400
iptables -A FORWARD -p tcp ! --syn -j TCPMSS --set-mss 1400
iptables -A INPUT -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu
iptables -A INPUT -p udp -j TCPMSS --set-mss 1400
iptables -A INPUT -j TRACE
iptables -t raw -A PREROUTING -j TRACE
iptables -A INPUT -j LED --led-trigger-id foo
iptables -A INPUT -m ipvs --ipvs -j ACCEPT
iptables -A INPUT -j LOG --log-prefix "x: "
iptables -A INPUT -m limit --limit 3/min -j ACCEPT
iptables -A INPUT -m mark --mark 0x5/0xff -j ACCEPT
iptables -A INPUT -j NFLOG --nflog-prefix abc --nflog-size 100
iptables -A INPUT -j NFLOG --nflog-range 100
iptables -A OUTPUT -j REJECT --reject-with tcp-reset
iptables -A OUTPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -A INPUT ! -s 1.2.3.4/0 -j ACCEPT
iptables -A INPUT -s 0/0 -j ACCEPT
iptables -S
iptables -L -n
iptables-save
