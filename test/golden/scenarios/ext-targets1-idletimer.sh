# IDLETIMER target (revision 1): timeout, label, alarm; kernel label and timeout checks.
iptables -A INPUT -j IDLETIMER --timeout 10 --label t1
iptables -A INPUT -j IDLETIMER --timeout 20 --label t2 --alarm
iptables -A INPUT -j IDLETIMER --label t3 --timeout 0x10
iptables -A INPUT -j IDLETIMER --timeout 2147482 --label big
iptables -A INPUT -j IDLETIMER --timeout 10 --label 123456789012345678901234567
iptables -A INPUT -j IDLETIMER --timeout 10 --label 1234567890123456789012345678901
iptables -A INPUT -p tcp -j IDLETIMER --timeout 5 --label t1
iptables -S
iptables -L INPUT
iptables -L INPUT -n -v
iptables-save
iptables -C INPUT -j IDLETIMER --timeout 10 --label t1
iptables -C INPUT -j IDLETIMER --timeout 10 --label t1 --alarm
iptables -C INPUT -j IDLETIMER --timeout 20 --label t2 --alarm
iptables -C INPUT -j IDLETIMER --timeout 10 --label 12345678901234567890123456789
iptables -D INPUT -j IDLETIMER --timeout 20 --label t2
iptables -D INPUT -j IDLETIMER --timeout 20 --label t2 --alarm
iptables -D INPUT -p tcp -j IDLETIMER --timeout 5 --label t1
iptables -S INPUT
# kernel refusals
iptables -A INPUT -j IDLETIMER --timeout 0 --label zero
iptables -A INPUT -j IDLETIMER --timeout 2147483 --label toobig
iptables -A INPUT -j IDLETIMER --timeout 4294967295 --label toobig
iptables -A INPUT -j IDLETIMER --timeout 10 --label a/b
iptables -A INPUT -j IDLETIMER --timeout 10 --label .
iptables -A INPUT -j IDLETIMER --timeout 10 --label ..
iptables -A INPUT -j IDLETIMER --timeout 10 --label ...
iptables -A INPUT -j IDLETIMER --timeout 10 --label power
iptables -A INPUT -j IDLETIMER --timeout 10 --label uevent
iptables -A INPUT -j IDLETIMER --timeout 10 --label subsystem
iptables -A INPUT -j IDLETIMER --timeout 10 --label "with space"
iptables -A INPUT -j IDLETIMER --timeout 10 --label t1 --alarm
iptables -A OUTPUT -j IDLETIMER --timeout 99 --label t1
iptables -A INPUT -j IDLETIMER --timeout 10 --label t2
iptables -t mangle -A PREROUTING -j IDLETIMER --timeout 10 --label t2 --alarm
iptables -t mangle -A PREROUTING -j IDLETIMER --timeout 10 --label t1 --alarm
iptables -t nat -A POSTROUTING -j IDLETIMER --timeout 10 --label nat1
iptables -t raw -A OUTPUT -j IDLETIMER --timeout 10 --label raw1
iptables -A FORWARD -j IDLETIMER --timeout 10 --label fwd
iptables-save
# parser errors
iptables -A INPUT -j IDLETIMER
iptables -A INPUT -j IDLETIMER --timeout 10
iptables -A INPUT -j IDLETIMER --label x
iptables -A INPUT -j IDLETIMER --timeout -1 --label x
iptables -A INPUT -j IDLETIMER --timeout 4294967296 --label x
iptables -A INPUT -j IDLETIMER --timeout abc --label x
iptables -A INPUT -j IDLETIMER --timeout 1 --label ""
iptables -A INPUT -j IDLETIMER --timeout 1 --timeout 2 --label x
iptables -A INPUT -j IDLETIMER --timeout 1 --label x --label y
iptables -A INPUT -j IDLETIMER --timeout 1 --label x --alarm --alarm
iptables -A INPUT -j IDLETIMER ! --timeout 1 --label x
iptables -A INPUT -j IDLETIMER --timeout
iptables -A INPUT -j IDLETIMER --timeout 1 --label
iptables -A INPUT -j IDLETIMER --timeout 1 --label x --alarm=1
iptables -j IDLETIMER -h
iptables -v -A INPUT -j IDLETIMER --timeout 30 --label verbose --alarm
iptables-save > /tmp/idle.save
iptables -F
iptables -t mangle -F
iptables -t nat -F
iptables -t raw -F
iptables-restore < /tmp/idle.save
iptables-save
iptables-restore <<'EOF2'
*filter
-A INPUT -j IDLETIMER --timeout 3 --label r1
-A INPUT -j IDLETIMER --timeout 3 --label r1 --alarm
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -j IDLETIMER --timeout 3 --label r2 --alarm
-A OUTPUT -j IDLETIMER --timeout 4 --label r2 --alarm
COMMIT
EOF2
iptables -S
iptables -F
iptables -A INPUT -j IDLETIMER --timeout 10 --label t1 --alarm
iptables -R INPUT 1 -j IDLETIMER --timeout 10 --label t1
iptables -S INPUT
# a timer lives until its last rule is gone: flushing and re-adding in one batch keeps the old type
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -j IDLETIMER --timeout 10 --label t1
COMMIT
EOF2
iptables -F INPUT
iptables -A INPUT -j IDLETIMER --timeout 10 --label t1
iptables -t raw -A OUTPUT -j IDLETIMER --timeout 7 --label t1
iptables -F INPUT
iptables -A INPUT -j IDLETIMER --timeout 10 --label t1 --alarm
iptables -t raw -F
iptables -A INPUT -j IDLETIMER --timeout 10 --label t1 --alarm
iptables -S INPUT
