# Cross-cutting cases: verbose echo, replace, restore errors, numeric protocols, user chains.
iptables -t nat -v -A PREROUTING -p 6 -j DNAT --to-destination 10.0.0.1:80
iptables -t nat -v -A POSTROUTING -p UDP -j SNAT --to-source 1.2.3.4:1000-2000 --random
iptables -t nat -v -I POSTROUTING -j MASQUERADE --random-fully
iptables -t nat -v -A OUTPUT -p tcp -j REDIRECT --to-ports 8080
iptables -t nat -v -A INPUT -j NETMAP --to 10.0.0.0/8
iptables -t nat -A PREROUTING -p all -j DNAT --to-destination 10.0.0.1:80
iptables -t nat -A PREROUTING ! -p udp -j DNAT --to-destination 10.0.0.1:80
iptables -t nat -R PREROUTING 1 -p tcp -j DNAT --to-destination 10.0.0.2:81 --persistent
iptables -t nat -R POSTROUTING 1 -j DNAT --to-destination 10.0.0.2
iptables -t nat -R POSTROUTING 1 -j SNAT --to-source 10.0.0.3
iptables -t nat -S
iptables -t nat -L -v
iptables -t nat -L -x -v --line-numbers
iptables-restore --noflush <<'EOF2'
*nat
-A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:99999
COMMIT
EOF2
iptables-restore --noflush <<'EOF2'
*nat
-A POSTROUTING -j DNAT --to-destination 1.1.1.1
COMMIT
EOF2
iptables-restore --noflush <<'EOF2'
*nat
:inner - [0:0]
-A inner -p tcp -j REDIRECT --to-ports 1-2
-A POSTROUTING -j inner
COMMIT
EOF2
iptables-restore --noflush <<'EOF2'
*nat
:inner - [0:0]
-A inner -p tcp -j REDIRECT --to-ports 1-2
-A OUTPUT -j inner
COMMIT
EOF2
iptables-restore --test <<'EOF2'
*mangle
-A PREROUTING -j TTL --ttl-inc 0
COMMIT
EOF2
iptables-restore --noflush <<'EOF2'
*mangle
-A PREROUTING -j TOS --set-tos Minimize-Cost
-A POSTROUTING -p tcp -j TCPMSS --clamp-mss-to-pmtu
-A POSTROUTING -p tcp -j ECN --ecn-tcp-remove
-A FORWARD -p tcp -j TCPOPTSTRIP --strip-options timestamp
-A PREROUTING -p udp -j TPROXY --on-port 53 --tproxy-mark 1
COMMIT
EOF2
iptables-save -t nat
iptables-save -t mangle
iptables -t mangle -L -n -v
iptables -t mangle -v -A INPUT -j DSCP --set-dscp-class AF22
iptables -t mangle -v -A INPUT -j TOS --xor-tos 3
iptables -t mangle -v -A INPUT -j TTL --ttl-dec 3
iptables -t mangle -v -A INPUT -j CHECKSUM --checksum-fill
iptables -t mangle -A INPUT -j DSCP --set-dscp-class AF22 --set-dscp-class AF23
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port ''
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port ' 80'
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port -1
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 0x50
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 65537
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 1 --on-ip 0x01020304
iptables -t mangle -S PREROUTING
iptables -t nat -A PREROUTING -j NETMAP --to 1.2.3.0/33
iptables -t nat -A PREROUTING -j NETMAP --to 1.2.3.0/0x18
iptables -t nat -A PREROUTING -j NETMAP --to 1.2.3.0/255.0.255.0
iptables -t nat -A PREROUTING -j NETMAP --to 1.2.3.4/0.0.0.0
iptables -t nat -S PREROUTING
iptables -A INPUT -j TEE --gateway -foo
iptables -A INPUT -j TEE --gateway 1.2.3.4.5
iptables -A INPUT -j TEE --gateway 'a b'
iptables -A INPUT -j TEE --gateway 0x7f000001
iptables -A INPUT -j TEE --gateway 127.1
iptables -L INPUT
iptables -v -A FORWARD -p tcp -j SYNPROXY --mss 1460 --wscale 7 --sack-perm
iptables -v -A FORWARD -j TEE --gateway 10.9.8.7 --oif lo
iptables -v -A FORWARD -j RATEEST --rateest-name v --rateest-interval 1s --rateest-ewmalog 2s
iptables -v -A FORWARD -p tcp -j TCPMSS --set-mss 1400
iptables -S FORWARD
iptables -t nat -F
iptables -t nat -A PREROUTING -j DNAT -p tcp --to-destination 1.1.1.1-1.1.1.1:80-80
iptables -t nat -A POSTROUTING -j SNAT --to-source localhost
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 0x10-0x20
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 010
iptables -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 10-20/
iptables -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 10-20/x
iptables -t nat -A OUTPUT -p tcp -j DNAT --to-destination 1.2.3.4:http-https
iptables -t nat -A OUTPUT -p tcp -j DNAT --to-destination 1.2.3.4:' 80'
iptables -t nat -A OUTPUT -p tcp -j DNAT --to-destination 1.2.3.4:+80-+90
iptables -t nat -A OUTPUT -p tcp -j DNAT --to-destination 1.2.3.4-5.6.7.8-9.9.9.9
iptables -t nat -A OUTPUT -p tcp -j DNAT --to-destination ' 1.2.3.4'
iptables -t nat -S
iptables -t nat -L -n
