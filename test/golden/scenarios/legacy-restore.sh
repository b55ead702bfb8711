# flavour: legacy
# legacy: iptables-restore: tables, chains, counters, noflush, test mode and errors.
iptables-restore <<'EOF2'
*filter
:INPUT DROP [1:2]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:MYCHAIN - [0:0]
[5:100] -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -m comment --comment "quoted \"comment\" here" -j MYCHAIN
-A MYCHAIN -j RETURN
COMMIT
EOF2
iptables-save -c
iptables-restore -c <<'EOF2'
*filter
:INPUT DROP [1:2]
:FORWARD ACCEPT [3:4]
:OUTPUT ACCEPT [0:0]
[5:100] -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
COMMIT
EOF2
iptables-save -c
iptables -L -v -x
iptables-restore --noflush <<'EOF2'
*filter
-A INPUT -s 1.2.3.4 -j DROP
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
-A PREROUTING -d 5.6.7.8 -j ACCEPT
COMMIT
EOF2
iptables-save
iptables-restore <<'EOF2'
*nat
COMMIT
EOF2
iptables-save
iptables-restore <<'EOF2'
*filter
-A INPUT -j NOSUCH
COMMIT
EOF2
iptables-save
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -j ACCEPT
-A NOSUCH -j ACCEPT
COMMIT
EOF2
iptables-save
iptables-restore <<'EOF2'
*filter
-A INPUT -p tcp --dport 22 --bogus
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -j ACCEPT
EOF2
iptables-restore <<'EOF2'
*foo
COMMIT
EOF2
iptables-restore <<'EOF2'
garbage
EOF2
iptables-restore <<'EOF2'
# comment first

*filter
:INPUT ACCEPT [0:0]
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
:INPUT BOGUS [0:0]
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
:
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
:NEWCHAIN
COMMIT
EOF2
iptables-restore -c <<'EOF2'
*filter
:INPUT ACCEPT
COMMIT
EOF2
iptables-restore -c <<'EOF2'
*filter
:INPUT ACCEPT [x:y]
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -t nat -j ACCEPT
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -w -j ACCEPT
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
*nat
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
COMMIT 
EOF2
iptables-restore <<'EOF2'
*nat
:PREROUTING ACCEPT [0:0]
-A PREROUTING -j DNAT --to-destination 1.2.3.4
COMMIT
*filter
-A INPUT -j DNAT --to-destination 1.2.3.4
COMMIT
EOF2
iptables-save
iptables-restore -t <<'EOF2'
*filter
-A INPUT -j NOSUCH
COMMIT
EOF2
iptables-restore -t <<'EOF2'
*filter
-A INPUT --bogus
COMMIT
EOF2
iptables-restore -T nat <<'EOF2'
*filter
-A INPUT -j ACCEPT
COMMIT
*nat
-A POSTROUTING -j ACCEPT
COMMIT
EOF2
iptables-save
iptables-restore -v <<'EOF2'
# a comment
*filter
:INPUT ACCEPT [0:0]
-A INPUT -s 1.2.3.4 -j ACCEPT
-A INPUT -s 1.2.3.5,1.2.3.6 -j DROP
COMMIT
EOF2
iptables-restore -V
iptables-restore -h
iptables-restore --bogus
iptables-restore /nonexistent/file
iptables-restore a b
iptables-restore <<'EOF2'
*filter
-A INPUT -m comment --comment "a"b -j ACCEPT
-A INPUT -m comment --comment x"y z"w -j ACCEPT
-A INPUT -m comment --comment "" -j ACCEPT
-A INPUT   -s    1.1.1.1	-j   ACCEPT
[1:2] -A INPUT -j ACCEPT
COMMIT
EOF2
iptables-save
iptables-restore <<'EOF2'
*filter
[1:2 -A INPUT -j ACCEPT
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-N X
-A X -j ACCEPT
-I INPUT -j X
-P FORWARD DROP
-L -n
-S
COMMIT
EOF2
iptables-save
iptables-restore <<'EOF2'
*filter
-X X
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
:A - [0:0]
:B - [0:0]
-A A -j B
-A B -j A
COMMIT
EOF2
iptables-save
