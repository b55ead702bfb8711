# Option abbreviations, option ownership between matches, value edge cases of conntrack/connbytes/connlimit.
iptables -A INPUT -m conntrack --ctsta NEW
iptables -A INPUT -m conntrack --ctstatu NONE
iptables -A INPUT -m conntrack --ctstate=NEW
iptables -A INPUT -m connlimit --connlimit-a 3
iptables -A INPUT -m connlimit --connlimit-upto=3 --connlimit-s
iptables -A OUTPUT -j MARK --set-x 1
iptables -A OUTPUT -j MARK --set 1
iptables -t raw -A OUTPUT -j CT --not
iptables -t raw -A OUTPUT -j CT --zon 1
iptables -t raw -A OUTPUT -j CT --zone-o 1
iptables -A INPUT -m mark --ma 1
iptables -A INPUT -m state --st NEW
iptables -A INPUT -m helper --h ftp
iptables -A INPUT -m connbytes --connbytes 1 --connbytes-m bytes --connbytes-d both
iptables -A FORWARD -j CONNMARK --save --mask 1
iptables -A FORWARD -j CONNMARK --restore-mark --ma 1
iptables -A FORWARD -j CONNMARK --restore-mark --nf 1 --ct 2
iptables -t mangle -A INPUT -j CONNSECMARK --s
iptables -t security -A INPUT -j SECMARK --sel x
iptables -A INPUT -m conntrack --ctstate NEW -j MARK --set-mark 1 --ctstate NEW
iptables -A INPUT -j MARK --set-mark 1 -m conntrack --ctstate NEW
iptables -A INPUT -m state --state NEW -m conntrack --state NEW
iptables -A INPUT -m conntrack --ctstate NEW -m state --ctstate NEW
iptables -A INPUT -p tcp -m state --state NEW --dport 22
iptables -A INPUT -p tcp --dport 22 -m state --state NEW --sport 1
iptables -S
iptables -L -n --line-numbers
iptables -F
iptables -A INPUT -m conntrack ! --ctstate NEW ! --ctproto tcp ! --ctorigsrc 1.1.1.1 ! --ctorigdst 2.2.2.2 ! --ctreplsrc 3.3.3.3 ! --ctrepldst 4.4.4.4 ! --ctorigsrcport 5 ! --ctorigdstport 6 ! --ctreplsrcport 7 ! --ctrepldstport 8 ! --ctstatus ASSURED ! --ctexpire 9 --ctdir ORIGINAL
iptables -L -n
iptables -L
iptables -S
iptables -C INPUT -m conntrack ! --ctstate NEW ! --ctproto tcp ! --ctorigsrc 1.1.1.1 ! --ctorigdst 2.2.2.2 ! --ctreplsrc 3.3.3.3 ! --ctrepldst 4.4.4.4 ! --ctorigsrcport 5 ! --ctorigdstport 6 ! --ctreplsrcport 7 ! --ctrepldstport 8 ! --ctstatus ASSURED ! --ctexpire 9 --ctdir ORIGINAL
iptables -C INPUT -m conntrack ! --ctstate NEW ! --ctproto 6 ! --ctorigsrc 1.1.1.1 ! --ctorigdst 2.2.2.2 ! --ctreplsrc 3.3.3.3 ! --ctrepldst 4.4.4.4 ! --ctorigsrcport 5 ! --ctorigdstport 6 ! --ctreplsrcport 7 ! --ctrepldstport 8 ! --ctstatus ASSURED ! --ctexpire 9 --ctdir ORIGINAL
iptables -D INPUT 1
iptables -A INPUT -m conntrack --ctdir REPLY --ctdir=ORIGINAL
iptables -A INPUT -m conntrack --ctexpire 4294967296
iptables -A INPUT -m conntrack --ctexpire 1:4294967296
iptables -A INPUT -m conntrack --ctexpire 1:x
iptables -A INPUT -m conntrack --ctexpire 1x
iptables -A INPUT -m conntrack --ctexpire ""
iptables -A INPUT -m conntrack --ctexpire ::
iptables -A INPUT -m conntrack --ctorigsrcport ""
iptables -A INPUT -m conntrack --ctorigsrcport ::
iptables -A INPUT -m conntrack --ctorigsrcport ssh:
iptables -A INPUT -m conntrack --ctproto ""
iptables -A INPUT -m conntrack --ctproto TCP
iptables -A INPUT -m conntrack --ctproto icmp
iptables -A INPUT -m conntrack --ctproto gre
iptables -A INPUT -m conntrack --ctstatus ""
iptables -A INPUT -m conntrack --ctstatus ,
iptables -A INPUT -m connbytes --connbytes "" --connbytes-mode bytes --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes 5:x --connbytes-mode bytes --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes 18446744073709551615 --connbytes-mode bytes --connbytes-dir both
iptables -A INPUT -m connbytes ! --connbytes 18446744073709551615: --connbytes-mode bytes --connbytes-dir both
iptables -A INPUT -m connbytes ! --connbytes 0 --connbytes-mode bytes --connbytes-dir both
iptables -A INPUT -m connbytes ! --connbytes 3:3 --connbytes-mode bytes --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes 1 --connbytes 2 --connbytes-mode bytes --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes 1 --connbytes-mode bytes --connbytes-mode packets --connbytes-dir both
iptables -S
iptables -L
iptables -A INPUT -m connlimit --connlimit-above 1 --connlimit-mask ""
iptables -A INPUT -m connlimit --connlimit-above 1 --connlimit-mask 0x10
iptables -A INPUT -m connlimit --connlimit-above 1 --connlimit-mask 255.255.255.255
iptables -A INPUT -m connlimit --connlimit-above 1 --connlimit-mask 0.0.0.0
iptables -A INPUT -m connlimit --connlimit-above 1 --connlimit-mask 255.255.128.0
iptables -A INPUT -m connlimit --connlimit-above 1 --connlimit-mask 1.2.3.4
iptables -A INPUT -m connlimit --connlimit-above 1 --connlimit-mask -1
iptables -A INPUT -m connlimit --connlimit-above 1 --connlimit-mask 24 --connlimit-mask 25
iptables -A INPUT -m connlimit --connlimit-above 1 --connlimit-daddr --connlimit-daddr
iptables -A INPUT -m connlimit --connlimit-upto 010 --connlimit-saddr
iptables -A INPUT -m connlimit --connlimit-upto 0x10 --connlimit-daddr
iptables -S
iptables -L
