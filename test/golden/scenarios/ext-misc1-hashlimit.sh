# hashlimit match (revision 3): rates, bytes mode, modes, masks, htable options.
iptables -A INPUT -m hashlimit --hashlimit-above 1/sec --hashlimit-burst 5 --hashlimit-name mini1
iptables -A INPUT -m hashlimit --hashlimit-above 1000000/sec --hashlimit-burst 5 --hashlimit-name mini1
iptables -A INPUT -m hashlimit --hashlimit-above 1/min --hashlimit-burst 5 --hashlimit-name mini1
iptables -A INPUT -m hashlimit --hashlimit-above 1/hour --hashlimit-burst 5 --hashlimit-name mini1
iptables -A INPUT -m hashlimit --hashlimit-above 1/day --hashlimit-burst 1 --hashlimit-name mini1
iptables -A INPUT -m hashlimit --hashlimit-upto 1/day --hashlimit-burst 5 --hashlimit-name mini1
iptables -A INPUT -m hashlimit --hashlimit-upto 1/day --hashlimit-burst 2 --hashlimit-name mini1
iptables -A INPUT -m hashlimit --hashlimit-upto 1/hour --hashlimit-burst 100 --hashlimit-name mini1
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-burst 1 --hashlimit-name mini1 --hashlimit-htable-expire 2000
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-burst 1 --hashlimit-mode srcip --hashlimit-name mini1 --hashlimit-htable-expire 2000
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-burst 1 --hashlimit-mode dstip --hashlimit-name mini1 --hashlimit-htable-max 2000 --hashlimit-htable-gcinterval 60000 --hashlimit-htable-expire 2000
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name mini1
iptables -L
iptables -S
iptables -F
iptables -A INPUT -m hashlimit --hashlimit-upto 4kb/s --hashlimit-burst 400kb --hashlimit-name mini5
iptables -A INPUT -m hashlimit --hashlimit-upto 10mb/s --hashlimit-name mini6
iptables -A INPUT -m hashlimit --hashlimit-upto 123456b/s --hashlimit-burst 1mb --hashlimit-name mini7
iptables -A INPUT -m hashlimit --hashlimit-above 512kb/s --hashlimit-name b1
iptables -A INPUT -m hashlimit --hashlimit-upto 1b/s --hashlimit-name b2
iptables -A INPUT -m hashlimit --hashlimit-upto 100b/s --hashlimit-name b3
iptables -A INPUT -m hashlimit --hashlimit-upto 96b/s --hashlimit-burst 5 --hashlimit-name b4
iptables -A INPUT -m hashlimit --hashlimit-upto 96b/s --hashlimit-burst 96 --hashlimit-name b4
iptables -A INPUT -m hashlimit --hashlimit-upto 1000kb/s --hashlimit-burst 2000 --hashlimit-name b5
iptables -A INPUT -m hashlimit --hashlimit-upto 2000mb/s --hashlimit-name b6
iptables -A INPUT -m hashlimit --hashlimit-upto 40000mb/s --hashlimit-name b7
iptables -A INPUT -m hashlimit --hashlimit-upto 1000000mb/s --hashlimit-name b8
iptables -A INPUT -m hashlimit --hashlimit-upto 4294967296mb/s --hashlimit-name b9
iptables -A INPUT -m hashlimit --hashlimit-upto 20kb/s --hashlimit-burst 1k --hashlimit-name b10
iptables -L
iptables -L -n -v
iptables -S
iptables -F
iptables -A INPUT -m hashlimit --hashlimit-upto 40/sec --hashlimit-burst 20 --hashlimit-mode srcip --hashlimit-name syn-flood
iptables -A INPUT -m hashlimit --hashlimit-upto 40/sec --hashlimit-burst 20 --hashlimit-mode srcip --hashlimit-name rate1 --hashlimit-rate-match
iptables -A INPUT -m hashlimit --hashlimit-upto 40mb/s --hashlimit-mode srcip --hashlimit-name rate2 --hashlimit-rate-match
iptables -A INPUT -m hashlimit --hashlimit-upto 40/sec --hashlimit-burst 20 --hashlimit-mode srcip --hashlimit-name rate3 --hashlimit-rate-match --hashlimit-rate-interval 10
iptables -A INPUT -m hashlimit --hashlimit-upto 40mb/s --hashlimit-mode srcip --hashlimit-name rate4 --hashlimit-rate-match --hashlimit-rate-interval 10
iptables -A INPUT -m hashlimit --hashlimit-upto 5/min --hashlimit-name rate5 --hashlimit-rate-match
iptables -A INPUT -m hashlimit --hashlimit-upto 59999999/min --hashlimit-name rate6 --hashlimit-rate-match
iptables -A INPUT -m hashlimit --hashlimit-upto 3/hour --hashlimit-name rate7 --hashlimit-rate-interval 5
iptables -A INPUT -m hashlimit --hashlimit-upto 3/hour --hashlimit-name rate8 --hashlimit-rate-interval 0
iptables -A INPUT -m hashlimit --hashlimit-upto 3/hour --hashlimit-name rate8 --hashlimit-rate-interval abc
iptables -A INPUT -m hashlimit --hashlimit-upto 100/min --hashlimit-name r9 --hashlimit-rate-match --hashlimit-rate-interval 1
iptables -A INPUT -p tcp -m hashlimit --hashlimit 10 --hashlimit-mode srcip,dstip,srcport,dstport --hashlimit-name all4
iptables -A INPUT -m hashlimit ! --hashlimit-upto 10/s --hashlimit-mode "dstport|srcip" --hashlimit-name inv1
iptables -A INPUT -m hashlimit ! --hashlimit-above 10/m --hashlimit-name inv2
iptables -A INPUT -m hashlimit --hashlimit-upto 10/sec --hashlimit-mode srcip --hashlimit-srcmask 24 --hashlimit-dstmask 16 --hashlimit-name masks
iptables -A INPUT -m hashlimit --hashlimit-upto 10/sec --hashlimit-srcmask 255.255.0.0 --hashlimit-dstmask 0 --hashlimit-name masks2
iptables -A INPUT -m hashlimit --hashlimit-upto 10/sec --hashlimit-htable-size 1024 --hashlimit-htable-max 4096 --hashlimit-name htab
iptables -A INPUT -m hashlimit --hashlimit-upto 120/min --hashlimit-name quantum
iptables -A INPUT -m hashlimit --hashlimit-upto 120/min --hashlimit-htable-expire 1000 --hashlimit-name quantum2
iptables -A INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-name 0123456789abcdefghij
iptables -A INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-name "a b"
iptables -A INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-burst 1000000 --hashlimit-name bigburst
iptables -A INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-burst 7k --hashlimit-name kburst
iptables -A INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-burst 7x --hashlimit-name xburst
iptables -L
iptables -L -n
iptables -S
iptables-save
iptables -D INPUT -m hashlimit --hashlimit-upto 40/sec --hashlimit-burst 20 --hashlimit-mode srcip --hashlimit-name syn-flood
iptables -D INPUT -m hashlimit --hashlimit-upto 120/min --hashlimit-name quantum --hashlimit-htable-expire 1000
iptables -D INPUT -m hashlimit --hashlimit-upto 120/min --hashlimit-name quantum
iptables -C INPUT -m hashlimit --hashlimit 2/s --hashlimit-name quantum2 --hashlimit-htable-expire 1000
iptables -C INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-name 0123456789abcde
iptables -S INPUT
iptables -F
# errors and kernel refusals
iptables -A INPUT -m hashlimit --hashlimit-name mini1
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec
iptables -A INPUT -m hashlimit
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-above 1/sec --hashlimit-name x
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit 1/sec --hashlimit-name x
iptables -A INPUT -m hashlimit --hashlimit-upto 0/sec --hashlimit-name x
iptables -A INPUT -m hashlimit --hashlimit-upto 2000000/sec --hashlimit-name x
iptables -A INPUT -m hashlimit --hashlimit-upto 1/week --hashlimit-name x
iptables -A INPUT -m hashlimit --hashlimit-above foo --hashlimit-name x
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-mode foo
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-mode srcip,,dstip
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-mode ""
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name ""
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-burst 0
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-burst 1000001
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-burst 2000k
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-burst abc
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-burst -5
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-srcmask 33
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-dstmask 255.0.255.0
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-htable-gcinterval 0
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-htable-expire 0
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-htable-size 4294967296
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name a/b
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name .
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name ..
iptables -A INPUT -m hashlimit --hashlimit-upto 100b/s --hashlimit-burst 50b --hashlimit-name x
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-name y
iptables -A INPUT -m hashlimit ! --hashlimit-name x --hashlimit-upto 1/sec
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x ! --hashlimit-burst 3
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-rate-interval 3
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-upto
iptables -S
iptables -A INPUT -m hashlimit -h
iptables-restore <<'EOF2'
*filter
-A INPUT -m hashlimit --hashlimit-upto 5/sec --hashlimit-burst 5 --hashlimit-name foo
-A INPUT -m hashlimit --hashlimit-above 200kb/s --hashlimit-burst 1mb --hashlimit-mode srcip,dstport --hashlimit-name bar --hashlimit-htable-expire 30000 --hashlimit-srcmask 24
-A OUTPUT -m hashlimit --hashlimit-upto 40/sec --hashlimit-burst 20 --hashlimit-mode srcip --hashlimit-name rate1 --hashlimit-rate-match --hashlimit-rate-interval 10
COMMIT
EOF2
iptables-save
iptables -L -n -v
