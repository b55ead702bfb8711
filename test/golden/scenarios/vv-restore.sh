# iptables-restore -vv: cache fetch at COMMIT, verbose flush of the table, the batch; h->verbose comes from the rule lines.
iptables-restore -vv <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
:FOO - [0:0]
-A INPUT -j FOO
-A FOO -p tcp --dport 22 -j ACCEPT
COMMIT
EOF2
iptables -P FORWARD DROP
iptables-restore -vv <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
:FOO - [0:0]
-A INPUT -j FOO
-A FOO -j ACCEPT
COMMIT
EOF2
iptables -S
iptables -P FORWARD DROP
iptables-restore -vv <<'EOF2'
*filter
-A FORWARD -j ACCEPT
COMMIT
EOF2
iptables -S
iptables -P FORWARD DROP
iptables-restore -v <<'EOF2'
*filter
-A FORWARD -j ACCEPT
COMMIT
EOF2
iptables -S
iptables-restore -vv <<'EOF2'
*filter
:INPUT DROP [1:2]
:OUTPUT ACCEPT [3:4]
:BAR - [0:0]
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
-A PREROUTING -p udp -j DNAT --to-destination 1.2.3.4
-I PREROUTING 1 -p tcp -j ACCEPT
-I PREROUTING 2 -p icmp -j ACCEPT
-D PREROUTING 3
COMMIT
EOF2
iptables -t nat -S
iptables -t nat -A PREROUTING -p udp -j ACCEPT -c 1 2
iptables-restore -vv -c --noflush <<'EOF2'
*nat
:PREROUTING ACCEPT [5:6]
[7:8] -A PREROUTING -p udp -vv -j ACCEPT
-R PREROUTING 1 -vv -p tcp -j ACCEPT
-A PREROUTING -j RETURN -vv
-Z PREROUTING -vv
COMMIT
EOF2
iptables -t nat -A PREROUTING -p udp -j ACCEPT -c 1 2
iptables-restore -c --noflush <<'EOF2'
*nat
[7:8] -A PREROUTING -p udp -vv -j ACCEPT
-A PREROUTING -p udp -vv -j ACCEPT
-Z PREROUTING 2 -vv
-R PREROUTING 1 -vv -p tcp -j ACCEPT
-A PREROUTING -j RETURN -vv
-Z PREROUTING -vv
COMMIT
EOF2
iptables -t nat -vvS
iptables -t nat -vv -Z
iptables -t nat -vv -D PREROUTING 1
iptables-restore --noflush <<'EOF2'
*nat
-A PREROUTING -vv -j ACCEPT
-A PREROUTING -vv -j ACCEPT
-I PREROUTING 2 -vv -p tcp -j ACCEPT
-I PREROUTING 3 -vv -p udp -j ACCEPT
-D PREROUTING 3 -vv
COMMIT
EOF2
iptables-restore -vv --noflush <<'EOF2'
*filter
-A INPUT -j ACCEPT
COMMIT
EOF2
iptables-restore --noflush <<'EOF2'
*filter
-A INPUT -v -v -j ACCEPT
-D INPUT 1
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -vv -j ACCEPT
:FOO - [0:0]
COMMIT
EOF2
iptables-restore -vv --noflush <<'EOF2'
*filter
:FOO - [0:0]
-A FOO -vv -j DROP
-I FOO 2 -vv -j ACCEPT
-F FOO -vv
-A FOO -vv -j RETURN
COMMIT
EOF2
iptables-restore -vv --noflush <<'EOF2'
*filter
-A NOPE -vv -j DROP
COMMIT
EOF2
iptables-restore -vv <<'EOF2'
*mangle
-A PREROUTING -j MARK --set-mark 1
COMMIT
*raw
-A PREROUTING -j CT --notrack
COMMIT
EOF2
iptables-restore -vvv <<'EOF2'
*filter
-A INPUT -j ACCEPT
COMMIT
EOF2
iptables-save
