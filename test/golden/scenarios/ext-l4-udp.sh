# udp match: ports, ranges, inversion, nft translation quirks, errors.
iptables -A INPUT -p udp --dport 53 -j ACCEPT
iptables -A INPUT -p udp -m udp --sport 53 -j ACCEPT
iptables -A INPUT -p udp --sport 1024: --dport :1023
iptables -A INPUT -p udp --sport 0:65535
iptables -A INPUT -p udp ! --sport 0:65535
iptables -A INPUT -p udp ! --dport :
iptables -A INPUT -p udp --dport :
iptables -A INPUT -p udp ! --sport :100
iptables -A INPUT -p udp ! --sport 0:100
iptables -A INPUT -p udp --sport :100
iptables -A INPUT -p udp ! --dport 5:65535
iptables -A INPUT -p udp ! --dport 0
iptables -A INPUT -p udp --dport 0
iptables -A INPUT -p udp ! --dport :65534
iptables -A INPUT -p udp --sport 4:3
iptables -A INPUT -p udp ! --sport 5 ! --dport 6
iptables -A INPUT -p udp --sport 5 --dport 6
iptables -A INPUT -p udp ! --sport 5 --dport 6
iptables -A INPUT -p udp --source-port domain --destination-port ntp
iptables -A INPUT -p udp --sport bootps:bootpc
iptables -A INPUT -p udp --dport 1:2:3
iptables -A INPUT -p udp --dport 70000
iptables -A INPUT -p udp --dport foo
iptables -A INPUT -p udp --dport ''
iptables -A INPUT -p udp --dport 5 --dport 6
iptables -A INPUT -p udp --sport 5 --source-port 6
iptables -A INPUT -p udp --dport
iptables -L INPUT
iptables -L INPUT -n
iptables -L INPUT -n -v
iptables -L INPUT -v -x --line-numbers
iptables -S INPUT
iptables-save -t filter
iptables -D INPUT -p udp --dport 53 -j ACCEPT
iptables -D INPUT -p udp -m udp --dport 53 -j ACCEPT
iptables -D INPUT -p udp --sport 53 -j ACCEPT
iptables -C INPUT -p udp --sport 5 --dport 6
iptables -C INPUT -p udp --dport 6 --sport 5
iptables -C INPUT -p udp --sport 101:65535
iptables -D INPUT -p udp ! --sport :100
iptables -D INPUT -p udp --sport 101:65535
iptables -S INPUT
iptables -F
# vanishing, proto requirement, kernel check
iptables -A INPUT -m udp
iptables -A INPUT -m udp --dport 5
iptables -A INPUT -p tcp -m udp --dport 5
iptables -A INPUT ! -p udp -m udp --dport 5
iptables -A INPUT -m udp ! --dport :
iptables -A INPUT -p udp -m udp
iptables -A INPUT -p udp -m udp ! --sport :
iptables -A INPUT -p 17 --dport 53
iptables -A INPUT ! -p udp -m udp
iptables -A INPUT -p udp -m udp --sport 1 -m udp --dport 2
iptables -A INPUT -p udp -m udp --sport 1 -m udp --sport 2
iptables -A INPUT -p udp -m udp ! --sport 1 -m udp --sport 2
iptables -A INPUT -p udp -m udp --sport 1 -m comment --comment x -m udp --dport 2
iptables -A INPUT -p udp -m udp -m udp --dport 2
iptables -A INPUT -p udp -m udp --dport 2 -m udp
iptables -A INPUT -p udp -m udp --sport 5:10 -m udp ! --sport :100
iptables -S INPUT
iptables -L INPUT -n
iptables -D INPUT -p udp -m udp
iptables -D INPUT -p udp -m udp --sport 1 --dport 2
iptables -S INPUT
iptables -F
# restore
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p udp -m udp --sport 1:2 ! --dport 3 -j DROP
-A INPUT -p udp -m udp ! --sport 4:3
-A INPUT -p udp --dport 7 -m udp --sport 8
COMMIT
EOF2
iptables-save -t filter
iptables-restore <<'EOF2'
*filter
-A INPUT -m udp --dport 5
COMMIT
EOF2
iptables -A INPUT -p udp -h
iptables -m udp -h
