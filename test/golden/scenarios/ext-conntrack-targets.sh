# MARK/CONNMARK/CT value edge cases, -C/-D of hidden fields, restore with kernel refusals.
iptables -A OUTPUT -j MARK --set-mark 0x
iptables -A OUTPUT -j MARK --set-mark 1/
iptables -A OUTPUT -j MARK --set-mark /1
iptables -A OUTPUT -j MARK --set-mark " 1"
iptables -A OUTPUT -j MARK --set-mark 0xffffffff/0
iptables -A OUTPUT -j MARK --set-xmark 0xffffffff/0xfffffffff
iptables -A OUTPUT -j MARK --and-mark 4294967296
iptables -A OUTPUT -j MARK --or-mark 010
iptables -A OUTPUT -j MARK --xor-mark 0xffffffff
iptables -A OUTPUT -j MARK --set-mark 0x80000000/0x80000000
iptables -L OUTPUT
iptables -S OUTPUT
iptables -A FORWARD -j CONNMARK --set-mark 0xffffffff/0
iptables -A FORWARD -j CONNMARK --set-xmark 0/0
iptables -A FORWARD -j CONNMARK --and-mark 0
iptables -A FORWARD -j CONNMARK --or-mark 0
iptables -A FORWARD -j CONNMARK --xor-mark 0xffffffff
iptables -A FORWARD -j CONNMARK --save-mark --nfmask 0 --ctmask 0
iptables -A FORWARD -j CONNMARK --save-mark --ctmask 0x1
iptables -A FORWARD -j CONNMARK --restore-mark --mask 0
iptables -A FORWARD -j CONNMARK --restore-mark --left-shift-mark 31 --mask 0xf0
iptables -A FORWARD -j CONNMARK --set-xmark 1 --right-shift-mark 1
iptables -A FORWARD -j CONNMARK --set-xmark 1 --ctmask 5
iptables -A FORWARD -j CONNMARK --left-shift-mark 1 --right-shift-mark 1
iptables -A FORWARD -j CONNMARK --save-mark --left-shift-mark x
iptables -A FORWARD -j CONNMARK --save-mark --left-shift-mark -1
iptables -A FORWARD -j CONNMARK --save-mark --left-shift-mark 1 --left-shift-mark 2
iptables -A FORWARD -j CONNMARK --save-mark --ctmask 1 --ctmask 2
iptables -A FORWARD -j CONNMARK --save-mark --mask 1 --mask 2
iptables -A FORWARD -j CONNMARK ! --save-mark
iptables -L FORWARD
iptables -S FORWARD
iptables -C FORWARD -j CONNMARK --set-xmark 1
iptables -C FORWARD -j CONNMARK --set-xmark 0x1/0x1 --right-shift-mark 1
iptables -C FORWARD -j CONNMARK --set-xmark 0x1/0xffffffff --ctmask 5
iptables -C FORWARD -j CONNMARK --set-xmark 0x1/0xffffffff --ctmask 0xffffffff
iptables -t raw -A OUTPUT -j CT --zone-orig mark --zone-reply 5
iptables -t raw -A OUTPUT -j CT --zone-reply 5 --zone-orig mark
iptables -t raw -A OUTPUT -j CT --zone-reply 0 --zone 0
iptables -t raw -A OUTPUT -j CT --zone " 5"
iptables -t raw -A OUTPUT -j CT --zone 0x10
iptables -t raw -A OUTPUT -j CT --zone ""
iptables -t raw -A OUTPUT -j CT --ctevents new --ctevents mark
iptables -t raw -A OUTPUT -j CT --expevents new,new
iptables -t raw -A OUTPUT -j CT --ctevents mark,new,new
iptables -t raw -A OUTPUT -j CT --helper "a b" --notrack
iptables -t raw -A OUTPUT -j CT --helper x --helper y
iptables -t raw -A OUTPUT -j CT --timeout "" --notrack
iptables -t raw -A OUTPUT -p udp -j CT --helper sip --timeout x
iptables -t raw -A OUTPUT -p udp ! -s 1.2.3.4 -j CT --helper sip
iptables -t raw -A OUTPUT -p 17 -j CT --helper netbios-ns
iptables -t raw -A OUTPUT -p tcp -j CT --helper Q.931 --ctevents helper
iptables -t raw -A OUTPUT -p udp -j CT --helper RAS
iptables -t raw -L OUTPUT
iptables -t raw -L OUTPUT -n
iptables -t raw -S OUTPUT
iptables-save -t raw
iptables -t raw -C OUTPUT -j CT --zone-reply 5 --zone-orig mark
iptables -t raw -C OUTPUT -j CT --zone-orig 0 --zone-reply mark
iptables -t raw -C OUTPUT -j CT --helper "a b" --notrack
iptables -t raw -D OUTPUT -j CT --zone-reply 0 --zone 0
iptables -t raw -D OUTPUT -j CT --zone-reply 0
iptables -t raw -D OUTPUT -j CT --zone 0 --zone-reply 0
iptables -t raw -F
iptables-restore --noflush <<'EOF2'
*raw
:PREROUTING ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A PREROUTING -j NOTRACK
-A PREROUTING -j CT --notrack
-A PREROUTING -p tcp -j CT --helper ftp --zone-orig 5
-A PREROUTING -j TRACE
-A OUTPUT -j MARK --set-xmark 0x1/0xffffffff
-A OUTPUT -j CONNMARK --save-mark --nfmask 0xffffffff --ctmask 0xffffffff
COMMIT
*mangle
-A PREROUTING -m state --state NEW -j CONNSECMARK --save
-A POSTROUTING -j SECMARK --selctx foo
COMMIT
EOF2
iptables-save
iptables-restore <<'EOF2'
*raw
-A PREROUTING -j CT --zone 70000
COMMIT
EOF2
iptables-restore <<'EOF2'
*mangle
-A PREROUTING -j CT --notrack
COMMIT
EOF2
iptables-restore --test <<'EOF2'
*mangle
-A PREROUTING -j CT --notrack
COMMIT
EOF2
iptables-save
