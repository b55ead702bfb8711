# flavour: legacy
# legacy: extensions where iptables-legacy differs from iptables-nft (kernel checks of xt matches,
# blob sizes, the order entries are checked in).
iptables -A INPUT -m limit --limit 7/hour --limit-burst 0
iptables -A INPUT -m limit --limit 1/day --limit-burst 7
iptables -A INPUT -m limit --limit 1/day --limit-burst 4
iptables -A INPUT -m limit --limit 1/day --limit-burst 5
iptables -A INPUT -m limit --limit 1/hour --limit-burst 10000
iptables -A INPUT -m limit --limit 10000/sec --limit-burst 10000
iptables -A INPUT -m limit --limit 1/sec --limit-burst 10000
iptables -A INPUT -m limit --limit 13/min --limit-burst 9999
iptables -A INPUT -m limit --limit 2/min --limit-burst 3000
iptables -S INPUT
iptables -F INPUT
iptables -A INPUT -j NFLOG --nflog-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
iptables -A INPUT -j NFLOG --nflog-prefix bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
iptables -v -A INPUT -j NFLOG --nflog-prefix éééééééééééééééééééééééééééééééééééééééé
iptables -C INPUT -j NFLOG --nflog-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaXYZ
iptables -C INPUT -j NFLOG --nflog-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
iptables -S INPUT
iptables -F INPUT
iptables -A INPUT -j IDLETIMER --timeout 10 --label power
iptables -A INPUT -j IDLETIMER --timeout 10 --label ok1
iptables -A INPUT -j IDLETIMER --timeout 20 --label ok1
iptables -A INPUT -j IDLETIMER --timeout 20 --label ok1 --alarm
iptables -S INPUT
iptables-restore <<'EOF2'
*filter
-A INPUT -m rateest --rateest RZ --rateest-lt --rateest-bps 1mbit
-A INPUT -j RATEEST --rateest-name RZ --rateest-interval 1s --rateest-ewmalog 4s
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -j RATEEST --rateest-name RZ --rateest-interval 1s --rateest-ewmalog 4s
-A INPUT -m rateest --rateest RZ --rateest-lt --rateest-bps 1mbit
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
:A - [0:0]
-A INPUT -j A
-A A -m rateest --rateest RZ --rateest-lt --rateest-bps 2mbit
-A OUTPUT -j RATEEST --rateest-name RZ --rateest-interval 1s --rateest-ewmalog 4s
COMMIT
EOF2
iptables-save -t filter
iptables -F
iptables -X
iptables -A INPUT -j ACCEPT
iptables -A INPUT -j REJECT
iptables -t mangle -A PREROUTING -j ACCEPT
iptables -t mangle -A PREROUTING -j REJECT
iptables -t mangle -I PREROUTING -s 1.2.3.4 -j ACCEPT
iptables -t mangle -I PREROUTING -j REJECT
iptables -t mangle -N MM
iptables -t mangle -A MM -j REJECT
iptables -t mangle -A PREROUTING -j MM
iptables -t mangle -I PREROUTING -j MM
iptables -t mangle -I PREROUTING -p tcp -j MM
iptables -t mangle -S
iptables -N LOOP
iptables -A INPUT -j LOOP
iptables -A LOOP -j LOOP
iptables -I INPUT -j LOOP
iptables -I INPUT -p tcp -j LOOP
iptables -F INPUT
iptables -A LOOP -j ACCEPT
iptables -A LOOP -j LOOP
iptables -I INPUT -j LOOP
iptables -S
iptables -F
iptables -X
iptables -A INPUT -p tcp --dport 22 -m comment --comment ssh -j LOG --log-prefix "ssh: " --log-level 3
iptables -A INPUT -p udp -m multiport --dports 53,123 -m conntrack --ctstate NEW -j ACCEPT
iptables -N U1
iptables -A U1 -m mark --mark 1 -g U2
iptables -N U2
iptables -A U1 -m mark --mark 1 -g U2
iptables -A U2 -m limit --limit 5/sec -j RETURN
iptables -A FORWARD -j U1
iptables -A OUTPUT -o lo -j ACCEPT
iptables -vv -S
iptables -t raw -A PREROUTING -j CT --zone 5
iptables -t raw -A OUTPUT -p tcp -j CT --helper ftp
iptables -t raw -vv -L -n
iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.1.1.1:8080
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1-1.1.1.5
iptables -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 8080
iptables -t nat -vv -L -n
iptables -t mangle -A POSTROUTING -j MARK --set-xmark 1/3
iptables -t mangle -A POSTROUTING -j TOS --set-tos 0x10
iptables -t mangle -A POSTROUTING -j DSCP --set-dscp 5
iptables -t mangle -A POSTROUTING -p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
iptables -t mangle -A POSTROUTING -j CONNMARK --save-mark
iptables -t mangle -A POSTROUTING -j NFQUEUE --queue-num 4
iptables -t mangle -vv -L POSTROUTING 1
iptables -t nat -A PREROUTING -j MASQUERADE
iptables -t nat -I PREROUTING -j ACCEPT
iptables -t nat -A PREROUTING -j MASQUERADE
iptables -t nat -I PREROUTING -s 1.1.1.1 -j MASQUERADE
iptables -t nat -D PREROUTING 1
iptables -t nat -N NN
iptables -t nat -A NN -j MASQUERADE
iptables -t nat -A OUTPUT -j NN
iptables -t nat -A POSTROUTING -j NN
iptables -t nat -A OUTPUT -j RETURN
iptables -t nat -A OUTPUT -j NN
iptables -t nat -S
iptables -t mangle -F
iptables -t mangle -A INPUT -j ACCEPT
iptables -t mangle -A INPUT -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu
iptables -t mangle -I INPUT -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu
iptables -t mangle -S INPUT
iptables -F
iptables -X
iptables-restore <<'EOF2'
*filter
:LOG - [0:0]
:MARK - [0:0]
-A LOG -j RETURN
COMMIT
EOF2
iptables -A INPUT -j LOG
iptables -A INPUT -j LOG --log-prefix x
iptables -v -A INPUT -j MARK --set-mark 1
iptables -A INPUT -g LOG
iptables -S INPUT
iptables -L INPUT -n
iptables -D INPUT -j LOG
iptables -D INPUT -j LOG --log-prefix x
iptables -C INPUT -j MARK --set-mark 1
iptables -vv -L LOG
