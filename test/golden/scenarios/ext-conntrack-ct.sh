# CT, NOTRACK, TRACE, CONNSECMARK and SECMARK targets (table restrictions are kernel checks).
iptables -t raw -A PREROUTING -j CT --notrack
iptables -t raw -A PREROUTING -j NOTRACK
iptables -t raw -A OUTPUT -j CT --ctevents new,related,destroy,reply,assured,protoinfo,helper,mark
iptables -t raw -A OUTPUT -j CT --ctevents natseqinfo,secmark
iptables -t raw -A OUTPUT -j CT --expevents new
iptables -t raw -A OUTPUT -j CT --ctevents new,bogus
iptables -t raw -A OUTPUT -j CT --ctevents new,
iptables -t raw -A OUTPUT -j CT --ctevents ''
iptables -t raw -A OUTPUT -j CT --ctevents NEW
iptables -t raw -A OUTPUT -j CT --expevents related
iptables -t raw -A OUTPUT -j CT --zone 65535
iptables -t raw -A OUTPUT -j CT --zone 0
iptables -t raw -A OUTPUT -j CT --zone 65536
iptables -t raw -A OUTPUT -j CT --zone -1
iptables -t raw -A OUTPUT -j CT --zone x
iptables -t raw -A OUTPUT -j CT --zone mark
iptables -t raw -A OUTPUT -j CT --zone MARK
iptables -t raw -A OUTPUT -j CT --zone-orig 5
iptables -t raw -A OUTPUT -j CT --zone-reply mark
iptables -t raw -A OUTPUT -j CT --zone-orig 5 --zone-reply 6
iptables -t raw -A OUTPUT -j CT --zone-orig 0
iptables -t raw -A OUTPUT -j CT --zone 1 --zone 2
iptables -t raw -A OUTPUT -j CT
iptables -t raw -A PREROUTING -p tcp -j CT --helper ftp
iptables -t raw -A PREROUTING -p udp --dport 69 -j CT --helper tftp
iptables -t raw -A PREROUTING -p tcp -j CT --helper sip --zone 3
iptables -t raw -A PREROUTING -p udp -j CT --helper ftp
iptables -t raw -A PREROUTING -j CT --helper ftp
iptables -t raw -A PREROUTING ! -p tcp -j CT --helper ftp
iptables -t raw -A PREROUTING -p tcp -j CT --helper nosuchhelper
iptables -t raw -A PREROUTING -p tcp -j CT --helper abcdefghijklmnopqrstuvwxyz
iptables -t raw -A PREROUTING -j CT --notrack --helper abcdefghijklmnopqrstuvwxyz
iptables -t raw -A PREROUTING -p tcp -j CT --timeout mypolicy
iptables -t raw -A PREROUTING -j CT --timeout mypolicy
iptables -t raw -A PREROUTING -j CT --notrack --timeout abcdefghijklmnopqrstuvwxyz0123456789
iptables -t raw -A PREROUTING -j CT --notrack --zone 4 --ctevents new --expevents new
iptables -t raw -A PREROUTING -j CT --helper ''
iptables -t raw -A PREROUTING -j CT ! --notrack
iptables -t raw -A PREROUTING -j CT --notrack --notrack
iptables -A INPUT -j CT --notrack
iptables -t mangle -A PREROUTING -j CT --notrack
iptables -A INPUT -j NOTRACK
iptables -t nat -A PREROUTING -j NOTRACK
iptables -t raw -A PREROUTING -j NOTRACK --notrack
iptables -t raw -A PREROUTING -j TRACE
iptables -t raw -A OUTPUT -p icmp -j TRACE
iptables -A INPUT -j TRACE
iptables -t mangle -A FORWARD -j TRACE
iptables -t nat -A OUTPUT -j TRACE
iptables -t raw -A PREROUTING -j TRACE --foo
iptables -t mangle -A PREROUTING -j CONNSECMARK --save
iptables -t mangle -A OUTPUT -j CONNSECMARK --restore
iptables -t security -A INPUT -j CONNSECMARK --restore
iptables -t mangle -A OUTPUT -j CONNSECMARK
iptables -t mangle -A OUTPUT -j CONNSECMARK --save --restore
iptables -t mangle -A OUTPUT -j CONNSECMARK --save --save
iptables -A INPUT -j CONNSECMARK --save
iptables -t nat -A INPUT -j CONNSECMARK --restore
iptables -t raw -A OUTPUT -j CONNSECMARK --restore
iptables -t security -A INPUT -j SECMARK --selctx system_u:object_r:ssh_packet_t:s0
iptables -t mangle -A INPUT -j SECMARK --selctx system_u:object_r:ssh_packet_t:s0
iptables -A INPUT -j SECMARK --selctx system_u:object_r:ssh_packet_t:s0
iptables -t raw -A OUTPUT -j SECMARK --selctx foo
iptables -t security -A INPUT -j SECMARK
iptables -t security -A INPUT -j SECMARK --selctx a --selctx b
iptables -t security -A INPUT -j SECMARK --selctx ''
iptables -t raw -L
iptables -t raw -L -n -v
iptables -t raw -L --line-numbers
iptables -t raw -S
iptables -t mangle -S
iptables -t security -S
iptables -S
iptables-save
iptables -t raw -C PREROUTING -j NOTRACK
iptables -t raw -C PREROUTING -j CT --notrack
iptables -t raw -C OUTPUT -j CT --zone 0
iptables -t raw -C OUTPUT -j CT --zone-orig 5 --zone-reply 6
iptables -t raw -C OUTPUT -j CT --zone 6
iptables -t raw -D PREROUTING -j NOTRACK
iptables -t raw -D PREROUTING -j NOTRACK
iptables -t raw -D PREROUTING -j TRACE
iptables -t raw -D OUTPUT -j CT --zone mark
iptables -t raw -D OUTPUT -j CT --ctevents natseqinfo,secmark
iptables -t raw -S
iptables -t raw -v -A OUTPUT -j NOTRACK
iptables -t raw -v -A OUTPUT -j TRACE
iptables -t raw -v -A OUTPUT -j CT --notrack
iptables-save > /tmp/iptwin-ct-ct.save; iptables -t raw -F; iptables -t mangle -F; iptables-restore < /tmp/iptwin-ct-ct.save; iptables-save -t raw
iptables-restore --noflush <<'EOF2'
*raw
-A PREROUTING -j NOTRACK
-A OUTPUT -j CT --zone 9
COMMIT
*filter
-A INPUT -j CT --notrack
COMMIT
EOF2
iptables -t raw -S
iptables-restore --noflush <<'EOF2'
*raw
-A PREROUTING -j TRACE
-A PREROUTING -j CT --helper ftp
COMMIT
EOF2
iptables -t raw -S
iptables -j CT -h
iptables -j NOTRACK -h
iptables -j TRACE -h
iptables -j CONNSECMARK -h
iptables -j SECMARK -h
