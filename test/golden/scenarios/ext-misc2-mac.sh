# mac match: address syntax, inversion, hook restrictions (PREROUTING/INPUT/FORWARD).
iptables -A INPUT -m mac
iptables -A INPUT -m mac --mac-source 42:01:02:03:04
iptables -A INPUT -m mac --mac-source 42:01:02:03:04:05:06
iptables -A INPUT -m mac --mac-source 42:01:02:03:04:05
iptables -A INPUT -m mac --mac-source 4:1:2:3:4:5
iptables -A INPUT -m mac ! --mac-source AA:bb:CC:dd:EE:ff
iptables -A INPUT -m mac --mac-source 123:01:02:03:04:05
iptables -A INPUT -m mac --mac-source 0x:01:02:03:04:05
iptables -A INPUT -m mac --mac-source 42:01:02:03:04:
iptables -A INPUT -m mac --mac-source :::::
iptables -A INPUT -m mac --mac-source 42-01-02-03-04-05
iptables -A INPUT -m mac --mac-source 4g:01:02:03:04:05
iptables -A INPUT -m mac --mac-source " 4:01:02:03:04:05"
iptables -A INPUT -m mac --mac-source "  4:01:02:03:04:05"
iptables -A INPUT -m mac --mac-source -1:01:02:03:04:05
iptables -A INPUT -m mac --mac-source +1:01:02:03:04:05
iptables -A INPUT -m mac --mac-source 42:01:02:03:04:05:
iptables -A INPUT -m mac --mac-source ""
iptables -A INPUT -m mac --mac-source
iptables -A INPUT -m mac --mac-source 42:01:02:03:04:05 --mac-source 42:01:02:03:04:05
iptables -A FORWARD -m mac --mac-source 00:00:00:00:00:00 -j DROP
iptables -A OUTPUT -m mac --mac-source 42:01:02:03:04:05
iptables -t nat -A POSTROUTING -m mac --mac-source 42:01:02:03:04:05
iptables -t nat -A PREROUTING -m mac --mac-source 42:01:02:03:04:05
iptables -t nat -A OUTPUT -m mac --mac-source 42:01:02:03:04:05
iptables -t raw -A PREROUTING -m mac ! --mac-source 42:01:02:03:04:05
iptables -t mangle -A POSTROUTING -m mac --mac-source 42:01:02:03:04:05
iptables -N FOO
iptables -A FOO -m mac --mac-source 42:01:02:03:04:05
iptables -A OUTPUT -j FOO
iptables -A INPUT -j FOO
iptables -A FORWARD -g FOO
iptables -L
iptables -L -n
iptables -L -v
iptables -S
iptables -t nat -S
iptables-save
iptables -D INPUT -m mac ! --mac-source aa:bb:cc:dd:ee:ff
iptables -D INPUT -m mac ! --mac-source aa:bb:cc:dd:ee:fe
iptables -D INPUT -m mac --mac-source 42:1:2:3:4:0
iptables -S INPUT
iptables-restore <<'EOF2'
*filter
:FOO - [0:0]
-A INPUT -m mac --mac-source 02:00:00:00:00:01 -j FOO
-A FOO -m mac ! --mac-source 02:00:00:00:00:02 -j ACCEPT
COMMIT
EOF2
iptables-save -t filter
iptables-restore <<'EOF2'
*filter
:FOO - [0:0]
-A OUTPUT -j FOO
-A FOO -m mac --mac-source 02:00:00:00:00:02 -j ACCEPT
COMMIT
EOF2
iptables -m mac -h
