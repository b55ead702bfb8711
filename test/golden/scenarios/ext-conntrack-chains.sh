# User chains, -v echo of -C/-D (the stored rule), CT timeout read back short, connlabel warnings, restore.
iptables -t raw -N foo
iptables -t raw -A foo -j NOTRACK
iptables -t raw -A foo -p tcp -j CT --helper ftp
iptables -t raw -A foo -j CT --helper ftp
iptables -t raw -A PREROUTING -j foo
iptables -t raw -L foo
iptables -t raw -L -v
iptables -t raw -S foo 1
iptables -t raw -R foo 1 -j CT --notrack --timeout abcdefgh
iptables -t raw -S foo
iptables -t raw -D foo -j CT --notrack --timeout abcdefgh
iptables -t raw -D foo -j CT --notrack --timeout abcdxx
iptables -t raw -D foo -j CT --notrack --timeout abcd
iptables -t raw -I foo -j CT --notrack --timeout abcdefgh
iptables -t raw -C foo -j CT --notrack --timeout abcdefgh
iptables -t raw -C foo -j CT --notrack --timeout abcd
iptables -t raw -v -C foo -j CT --notrack --timeout abcd
iptables -N bar
iptables -A bar -m connlabel --label 3 -m connlabel ! --label 4 --set
iptables -L bar
iptables -S bar 1
iptables -v -A bar -m connlabel --label 9
iptables -v -A bar -m connlabel --label 200
iptables -v -C bar -m connlabel --label 17
iptables -C bar -m connlabel --label 1 -m connlabel --label 1
iptables -C bar -m connlabel --label 1
iptables-save -t filter
iptables-restore --noflush <<'EOF2'
*filter
-A bar -m connlabel --label foo
COMMIT
EOF2
iptables-restore --noflush <<'EOF2'
*filter
-A bar -m connlabel --label 300
COMMIT
EOF2
iptables-restore --test <<'EOF2'
*filter
-A bar -m connlabel --label 30
COMMIT
EOF2
iptables -t security -N sc
iptables -t security -A sc -j SECMARK --selctx foo
iptables -t security -A sc -j CONNSECMARK --save
iptables -t mangle -N mc
iptables -t mangle -A mc -j CT --notrack
iptables -t mangle -A mc -j TRACE
iptables -t mangle -A mc -j MARK --set-mark 1
iptables -t mangle -A mc -j CONNMARK --restore-mark --nfmask 0xff00 --ctmask 0xff
iptables -t mangle -S mc
iptables -A INPUT -m mark --mark 0xffffffff/0xffffffff -m connmark ! --mark 0
iptables -A INPUT -m conntrack --ctstate NEW -m conntrack --ctstate ESTABLISHED --ctdir ORIGINAL
iptables -A INPUT -m state --state NEW -m conntrack ! --ctstatus NONE --ctproto 0
iptables -A INPUT -m conntrack --ctproto 0 ! --ctstatus NONE
iptables -A INPUT -m conntrack ! --ctstatus NONE ! --ctproto 0
iptables -A INPUT -m conntrack --ctorigsrc 1.2.3.4/24 --ctorigdst 1.2.3.0/24
iptables -A INPUT -m conntrack --ctorigsrc 1.2.3.4/
iptables -A INPUT -m conntrack --ctorigsrc /24
iptables -A INPUT -m conntrack --ctrepldst 10.0.0.1/0.0.0.0
iptables -A INPUT -m conntrack --ctrepldst 10.0.0.1/255.255.255.255
iptables -A INPUT -m conntrack --ctrepldst 10.0.0.1/0x10
iptables -A INPUT -m conntrack --ctrepldst 10.1 --ctreplsrc 0x0a000001
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -C INPUT -m conntrack --ctrepldst 10.0.0.1/32
iptables -C INPUT -m conntrack --ctrepldst 10.0.0.1/255.255.255.255
iptables -C INPUT -m conntrack --ctrepldst 10.0.0.1/0
iptables -A INPUT -m conntrack --ctstatus expected,seen,assur,conf,n
iptables -A INPUT -m conntrack --ctstate inv,es,r,u,d
iptables -A INPUT -m conntrack --ctstate E
iptables -A INPUT -m conntrack --ctstate NEWX
iptables -S INPUT
