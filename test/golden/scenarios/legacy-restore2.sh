# flavour: legacy
# legacy: iptables-restore details: chain lines, noflush, verbose flushing, options, line errors.
iptables -N OLD
iptables -A OLD -j ACCEPT
iptables -A INPUT -j OLD
iptables -P FORWARD DROP
iptables-restore -v <<'EOF2'
*filter
:NEW - [0:0]
-A NEW -j RETURN
COMMIT
EOF2
iptables-save
iptables-restore <<'EOF2'
*filter
:A - [0:0]
:A - [0:0]
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
:A ACCEPT [0:0]
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
:INPUT - [0:0]
:OUTPUT DROP
:abcdefghijklmnopqrstuvwxyzab - [0:0]
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
:abcdefghijklmnopqrstuvwxyz12 - [0:0]
:-bad - [0:0]
:LOG - [0:0]
:ACCEPT - [0:0]
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
:LOG - [0:0]
-A LOG -j RETURN
-A INPUT -j LOG
-A INPUT -j LOG --log-prefix x
COMMIT
EOF2
iptables-save
iptables-restore --noflush <<'EOF2'
*filter
:LOG - [0:0]
-A LOG -j ACCEPT
:NEW2 - [0:0]
COMMIT
EOF2
iptables-save
iptables-restore -n <<'EOF2'
*filter
:NEW2 - [0:0]
:NEW2 - [0:0]
-X LOG
COMMIT
EOF2
iptables-restore -c <<'EOF2'
*filter
:INPUT ACCEPT [:5]
COMMIT
EOF2
iptables-restore -c <<'EOF2'
*filter
[:5] -A INPUT -j ACCEPT
COMMIT
EOF2
iptables-restore -c <<'EOF2'
*filter
[7] -A INPUT -j ACCEPT
COMMIT
EOF2
iptables-restore -c <<'EOF2'
*filter
[7:8]-A INPUT -j ACCEPT
[x:y] -A INPUT -j ACCEPT
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
[7:8] -A INPUT -j ACCEPT
COMMIT
EOF2
iptables-save -c
iptables-restore <<'EOF2'
*filter
-A INPUT -j ACCEPT
COMMIT
EOF2
iptables-restore <<'EOF2'
*raw
:PREROUTING ACCEPT [0:0]
COMMIT
*mangle
-A INPUT -j ACCEPT
COMMIT
EOF2
iptables-save
iptables-restore -t <<'EOF2'
*security
-A INPUT -j ACCEPT
-A INPUT -j NOSUCHCHAIN2
COMMIT
EOF2
iptables-restore -t <<'EOF2'
*security
-A INPUT -j ACCEPT
-A NOSUCH -j ACCEPT
COMMIT
EOF2
iptables-save
iptables-restore -T raw <<'EOF2'
*filter
garbage here
COMMIT
*raw
-A OUTPUT -j ACCEPT
COMMIT
EOF2
iptables-restore -T nosuch <<'EOF2'
*filter
-A INPUT -j ACCEPT
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -j ACCEPT
-vv -A INPUT -j DROP
-v -N V1
-v -F V1
-v -X V1
-S INPUT
COMMIT
EOF2
iptables-restore -v <<'EOF2'
*filter
-A INPUT -j ACCEPT
-F -v
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
:X1 - [0:0]
-A INPUT -j X1
-L INPUT
-S INPUT
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
:X1 - [0:0]
-A INPUT -j X1
-D INPUT -j X1
-C INPUT -j X1
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
:X1 - [0:0]
-A X1 -j ACCEPT
-A INPUT -j X1
-E X1 X2
-S
COMMIT
EOF2
iptables-save
iptables-restore <<'EOF2'
*nat
-A PREROUTING -j DROP
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -j ACCEPT
COMMIT
COMMIT
EOF2
iptables-restore <<'EOF2'
 *filter
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter extra words
:INPUT	DROP	[0:0]	extra
COMMIT
EOF2
iptables-restore <<'EOF2'
*
COMMIT
EOF2
echo '*filter' > /tmp/iptwin-legacy-nonl
echo '-A INPUT -j ACCEPT' >> /tmp/iptwin-legacy-nonl
echo -n 'COMMIT' >> /tmp/iptwin-legacy-nonl
iptables-restore /tmp/iptwin-legacy-nonl
iptables-save -t filter
iptables-restore -w <<'EOF2'
*filter
COMMIT
EOF2
iptables-restore -w 3 -W 10 <<'EOF2'
*filter
COMMIT
EOF2
iptables-restore -W 10 <<'EOF2'
*filter
COMMIT
EOF2
iptables-restore -w x <<'EOF2'
EOF2
iptables-restore -W x <<'EOF2'
EOF2
iptables-restore -w 1 -W 1000000 <<'EOF2'
EOF2
iptables-restore -w1 -W <<'EOF2'
EOF2
iptables-restore --wait=2 --wait-interval=5 <<'EOF2'
EOF2
iptables-restore -4 <<'EOF2'
EOF2
iptables-restore -6 <<'EOF2'
EOF2
iptables-restore --ipv4 <<'EOF2'
EOF2
iptables-restore -b <<'EOF2'
EOF2
iptables-restore -M /bin/true <<'EOF2'
EOF2
iptables-restore --help
iptables-restore --version
iptables-restore --test --counters --verbose --noflush --table=filter <<'EOF2'
EOF2
iptables-restore -c <<'EOF2'
*filter
:INPUT ACCEPT [38:2188]
:FORWARD DROP [1:1]
[5:6] -A INPUT -j ACCEPT
-Z
-L -v -x
COMMIT
EOF2
iptables-save -c
iptables -A INPUT -c 7 8 -j ACCEPT
iptables -A OUTPUT -c 9 9 -j ACCEPT
iptables-restore -n -c <<'EOF2'
*filter
-Z INPUT
-L INPUT -v -x
-A INPUT -c 3 3 -j DROP
-Z INPUT
-Z OUTPUT 1
-L -v -x
COMMIT
EOF2
iptables-save -c
