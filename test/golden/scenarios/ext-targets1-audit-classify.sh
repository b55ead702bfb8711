# AUDIT (--type) and CLASSIFY (--set-class, mangle POSTROUTING/FORWARD/OUTPUT only).
iptables -A INPUT -j AUDIT --type accept
iptables -A INPUT -j AUDIT --type drop
iptables -A INPUT -j AUDIT --type reject
iptables -A INPUT -j AUDIT --type ACCEPT
iptables -A INPUT -j AUDIT --type Drop
iptables -A INPUT -p tcp -j AUDIT --type REJECT
iptables -S
iptables -L INPUT
iptables -L INPUT -n -v
iptables -C INPUT -j AUDIT --type DROP
iptables -C INPUT -j AUDIT --type reject
iptables -C INPUT -p tcp -j AUDIT --type reject
iptables -D INPUT -j AUDIT --type ACCEPT
iptables -D INPUT -p tcp -j AUDIT --type reject
iptables -S INPUT
iptables -A INPUT -j AUDIT
iptables -A INPUT -j AUDIT --type
iptables -A INPUT -j AUDIT --type acc
iptables -A INPUT -j AUDIT --type ""
iptables -A INPUT -j AUDIT --type accept --type drop
iptables -A INPUT -j AUDIT ! --type drop
iptables -A INPUT -j AUDIT --typ drop
iptables -t mangle -A PREROUTING -j AUDIT --type accept
iptables -t nat -A POSTROUTING -j AUDIT --type drop
iptables -t raw -A OUTPUT -j AUDIT --type reject
iptables -t security -A FORWARD -j AUDIT --type accept
iptables -v -A OUTPUT -j AUDIT --type drop
iptables-save
iptables -j AUDIT -h
# CLASSIFY
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 1:1
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 0:0
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class ffff:ffff
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 10:abcd
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 0x10:0X20
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 12345:6789a
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 1:2xyz
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class " 1: 2"
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class -1:-2
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class +3:+4
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 123456789abcdef:1
iptables -t mangle -A FORWARD -p udp -j CLASSIFY --set-class 1:10
iptables -t mangle -A OUTPUT -j CLASSIFY --set-class A:B
iptables -t mangle -S
iptables -t mangle -L
iptables -t mangle -L -n -v
iptables-save -t mangle
iptables -t mangle -C POSTROUTING -j CLASSIFY --set-class 0001:0001
iptables -t mangle -C POSTROUTING -j CLASSIFY --set-class 1:2
iptables -t mangle -D POSTROUTING -j CLASSIFY --set-class 0x1:0x1
iptables -t mangle -D OUTPUT -j CLASSIFY --set-class a:b
iptables -t mangle -D POSTROUTING -j CLASSIFY --set-class 2345:789a
iptables -t mangle -S
# errors
iptables -t mangle -A POSTROUTING -j CLASSIFY
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 1
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 1:
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class :1
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 1-2
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class g:1
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class "1 :2"
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class ""
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 1:1 --set-class 2:2
iptables -t mangle -A POSTROUTING -j CLASSIFY ! --set-class 1:1
# tables and hooks
iptables -t mangle -A PREROUTING -j CLASSIFY --set-class 1:1
iptables -t mangle -A INPUT -j CLASSIFY --set-class 1:1
iptables -A OUTPUT -j CLASSIFY --set-class 1:1
iptables -A FORWARD -j CLASSIFY --set-class 1:1
iptables -t raw -A OUTPUT -j CLASSIFY --set-class 1:1
iptables -t nat -A POSTROUTING -j CLASSIFY --set-class 1:1
iptables -t security -A OUTPUT -j CLASSIFY --set-class 1:1
iptables -t mangle -N cls
iptables -t mangle -A cls -j CLASSIFY --set-class 2:2
iptables -t mangle -A POSTROUTING -j cls
iptables -t mangle -A INPUT -j cls
iptables -t mangle -A PREROUTING -j cls
iptables -t mangle -I cls -j RETURN
iptables -t mangle -A INPUT -j cls
iptables -t mangle -S
iptables -v -t mangle -A FORWARD -j CLASSIFY --set-class 3:4
iptables -j CLASSIFY -h
iptables-save > /tmp/ac.save
iptables -F
iptables -t mangle -F
iptables -t mangle -X
iptables -t nat -F
iptables -t raw -F
iptables -t security -F
iptables-restore < /tmp/ac.save
iptables-save
iptables-restore <<'EOF2'
*mangle
-A INPUT -j CLASSIFY --set-class 1:1
COMMIT
EOF2
iptables-restore <<'EOF2'
*mangle
-A OUTPUT -j CLASSIFY --set-class 1
COMMIT
EOF2
# sscanf("%x:%x") corners
iptables -t mangle -F
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 0x:1
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 1:0x
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 0xg:1
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 99999999999999999999999:1
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class -99999999999999999999999:-0x1
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class "	a:+-1"
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class "+-1:1"
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class "-0x10:1"
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class "1:-"
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class "0X1F:0x"
iptables -t mangle -S POSTROUTING
iptables -t mangle -L POSTROUTING
# a forbidden target reached through jumps: which rule is blamed
iptables -t mangle -N cls2
iptables -t mangle -A INPUT -j cls2
iptables -t mangle -A cls2 -j CLASSIFY --set-class 5:5
iptables -t mangle -N cls3
iptables -t mangle -A cls2 -j cls3
iptables -t mangle -A cls3 -j CLASSIFY --set-class 6:6
iptables -t mangle -I cls3 -j CLASSIFY --set-class 6:6
iptables -t mangle -D cls2 -j cls3
iptables -t mangle -A cls3 -j CLASSIFY --set-class 6:6
iptables -t mangle -A cls2 -j cls3
iptables -t mangle -S
iptables-restore <<'EOF2'
*mangle
:cls4 - [0:0]
-A cls4 -j CLASSIFY --set-class 7:7
-A PREROUTING -j cls4
COMMIT
EOF2
iptables-restore <<'EOF2'
*mangle
:cls5 - [0:0]
-A PREROUTING -j cls5
-A POSTROUTING -j cls5
-A cls5 -j CLASSIFY --set-class 7:7
COMMIT
EOF2
iptables-restore --noflush <<'EOF2'
*mangle
-A cls3 -j RETURN
-A OUTPUT -j cls2
-A INPUT -j cls3
COMMIT
EOF2
iptables -t mangle -S
