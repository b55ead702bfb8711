# state match (an alias of conntrack rev 3) and the conntrack match.
iptables -A INPUT -m state --state NEW -j ACCEPT
iptables -A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -m state ! --state INVALID -j DROP
iptables -A INPUT -m state --state UNTRACKED,invalid,new,established,related
iptables -A INPUT -m state --state est,rel
iptables -A INPUT -m state --state SNAT
iptables -A INPUT -m state --state NEW,
iptables -A INPUT -m state --state ,NEW
iptables -A INPUT -m state --state NEW,,RELATED
iptables -A INPUT -m state --state ''
iptables -A INPUT -m state --state wrong
iptables -A INPUT -m state
iptables -A INPUT -m state --state NEW --state RELATED
iptables -A INPUT -m state --state
iptables -A INPUT -m state --state NEW -m state --state RELATED
iptables -A INPUT -m conntrack --ctstate NEW
iptables -A INPUT -m conntrack --ctstate NEW,ESTABLISHED,RELATED,INVALID,UNTRACKED,SNAT,DNAT
iptables -A INPUT -m conntrack ! --ctstate SNAT,DNAT
iptables -A INPUT -m conntrack --ctstate wrong
iptables -A INPUT -m conntrack --ctstate NEW,
iptables -A INPUT -m conntrack --ctstate ''
iptables -A INPUT -m conntrack --ctstate s
iptables -A INPUT -m conntrack --ctproto tcp
iptables -A INPUT -m conntrack ! --ctproto udp
iptables -A INPUT -m conntrack --ctproto 0
iptables -A INPUT -m conntrack ! --ctproto 0
iptables -A INPUT -m conntrack --ctproto all
iptables -A INPUT -m conntrack --ctproto foo
iptables -A INPUT -m conntrack --ctproto 300
iptables -A INPUT -m conntrack --ctorigsrc 1.1.1.1
iptables -A INPUT -m conntrack ! --ctorigdst 10.0.0.0/8
iptables -A INPUT -m conntrack --ctreplsrc 10.1.2.3/24
iptables -A INPUT -m conntrack --ctrepldst 10.1.2.3/255.255.0.0
iptables -A INPUT -m conntrack --ctorigsrc 0.0.0.0/0
iptables -A INPUT -m conntrack --ctorigsrc 0.0.0.0
iptables -A INPUT -m conntrack --ctorigdst 1.2.3.4/255.0.255.0
iptables -A INPUT -m conntrack --ctorigsrc localhost
iptables -A INPUT -m conntrack --ctorigsrc 1.2.3.4/33
iptables -A INPUT -m conntrack --ctorigsrc nosuch.invalid
iptables -A INPUT -m conntrack --ctorigsrc 1.2.3.4 --ctorigsrc 1.2.3.5
iptables -A INPUT -m conntrack --ctorigsrcport 80
iptables -A INPUT -m conntrack ! --ctorigdstport 1000:2000
iptables -A INPUT -m conntrack --ctreplsrcport :
iptables -A INPUT -m conntrack --ctrepldstport 4:
iptables -A INPUT -m conntrack --ctrepldstport :4
iptables -A INPUT -m conntrack --ctorigsrcport 4:4
iptables -A INPUT -m conntrack --ctorigsrcport 4:3
iptables -A INPUT -m conntrack --ctorigsrcport http
iptables -A INPUT -m conntrack --ctorigsrcport nosuchport
iptables -A INPUT -m conntrack --ctorigsrcport 1:2:3
iptables -A INPUT -m conntrack --ctorigsrcport 70000
iptables -A INPUT -m conntrack --ctstatus NONE
iptables -A INPUT -m conntrack --ctstatus EXPECTED,SEEN_REPLY,ASSURED,CONFIRMED
iptables -A INPUT -m conntrack ! --ctstatus ASSURED
iptables -A INPUT -m conntrack --ctstatus NONE,ASSURED
iptables -A INPUT -m conntrack --ctstatus bogus
iptables -A INPUT -m conntrack --ctstatus ASSURED,
iptables -A INPUT -m conntrack --ctexpire 10
iptables -A INPUT -m conntrack ! --ctexpire 10:20
iptables -A INPUT -m conntrack --ctexpire 4:3
iptables -A INPUT -m conntrack --ctexpire 3:3
iptables -A INPUT -m conntrack --ctexpire 0:4294967295
iptables -A INPUT -m conntrack --ctexpire 42949672956
iptables -A INPUT -m conntrack --ctexpire -1
iptables -A INPUT -m conntrack --ctexpire 1:2:3
iptables -A INPUT -m conntrack --ctexpire :5
iptables -A INPUT -m conntrack --ctexpire 5:
iptables -A INPUT -m conntrack --ctexpire x
iptables -A INPUT -m conntrack --ctdir ORIGINAL
iptables -A INPUT -m conntrack --ctdir reply
iptables -A INPUT -m conntrack --ctdir sideways
iptables -A INPUT -m conntrack ! --ctdir REPLY
iptables -A INPUT -m conntrack --ctdir REPLY --ctdir ORIGINAL
iptables -A INPUT -m conntrack
iptables -A INPUT -m conntrack --ctstate NEW --ctproto tcp --ctorigsrc 1.2.3.4 --ctorigdst 5.6.7.8 --ctreplsrc 9.9.9.9 --ctrepldst 8.8.8.8/16 --ctorigsrcport 1 --ctorigdstport 2 --ctreplsrcport 3 --ctrepldstport 4:5 --ctstatus ASSURED --ctexpire 5:6 --ctdir REPLY -j ACCEPT
iptables -A INPUT -m conntrack --ctdir REPLY --ctstate INVALID
iptables -A FORWARD -p tcp -m conntrack --ctstate NEW -m tcp --dport 22 -m state --state NEW -j ACCEPT
iptables -L
iptables -L -n
iptables -L -v
iptables -L -n -v -x --line-numbers
iptables -S
iptables-save
iptables -C INPUT -m state --state NEW -j ACCEPT
iptables -C INPUT -m conntrack --ctstate NEW -j ACCEPT
iptables -C INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT
iptables -C INPUT -m conntrack --ctorigsrc 1.1.1.1/32
iptables -C INPUT -m conntrack --ctreplsrc 10.1.2.3/255.255.255.0
iptables -C INPUT -m conntrack --ctreplsrc 10.1.2.0/24
iptables -C INPUT -m conntrack --ctexpire 10:10
iptables -D INPUT -m state --state NEW -j ACCEPT
iptables -D INPUT -m conntrack --ctstate NEW
iptables -D INPUT -m conntrack --ctproto 6
iptables -D INPUT -m conntrack --ctorigsrcport 4
iptables -D INPUT -m conntrack --ctstatus NONE,ASSURED
iptables -v -A OUTPUT -m state --state NEW -m conntrack ! --ctstate NEW --ctdir ORIGINAL
iptables -S OUTPUT
iptables-save > /tmp/iptwin-ct-state.save; iptables -F; iptables-restore < /tmp/iptwin-ct-state.save; iptables -S
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -m state --state NEW,RELATED -j ACCEPT
-A INPUT -m conntrack ! --ctstate INVALID --ctproto 17 --ctorigdstport 53 -j ACCEPT
-A INPUT -m conntrack --ctstate bogus
COMMIT
EOF2
iptables -S INPUT
iptables -m state -h
iptables -m conntrack -h
