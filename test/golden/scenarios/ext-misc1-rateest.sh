# rateest match with estimators: RATEEST target rules create them (any table).
iptables -I INPUT -j RATEEST --rateest-name RE1 --rateest-interval 250.0ms --rateest-ewmalog 500.0ms
iptables -t mangle -A PREROUTING -j RATEEST --rateest-name RE2 --rateest-interval 1s --rateest-ewmalog 2s
iptables -A INPUT -m rateest --rateest RE1 --rateest-lt --rateest-bps 8bit
iptables -A INPUT -m rateest --rateest RE1 --rateest-eq --rateest-pps 5
iptables -A INPUT -m rateest --rateest RE1 --rateest-gt --rateest-bps 5kbit
iptables -A INPUT -m rateest --rateest-delta --rateest RE1 --rateest-bps1 8bit --rateest-lt --rateest-bps2 16bit
iptables -A INPUT -m rateest --rateest1 RE1 --rateest-lt --rateest-bps --rateest2 RE2
iptables -A INPUT -m rateest --rateest-delta --rateest1 RE1 --rateest-pps1 0 --rateest-lt --rateest-pps2 42 --rateest2 RE2
iptables -A INPUT -m rateest --rateest-delta --rateest RE1 --rateest-pps1 8 ! --rateest-gt --rateest-pps2 9
iptables -A INPUT -m rateest --rateest RE1 --rateest-gt --rateest-bps 12MBps
iptables -A INPUT -m rateest --rateest RE1 --rateest-gt --rateest-bps 3.5Mibit
iptables -A INPUT -m rateest --rateest RE2 ! --rateest-eq --rateest-bps 1000
iptables -A INPUT -m rateest --rateest RE2 --rateest-eq --rateest-bps 2gbit
iptables -A INPUT -m rateest --rateest RE2 --rateest-eq --rateest-bps 0x10
iptables -A INPUT -m rateest --rateest RE1 --rateest-lt --rateest-bps --rateest-pps
iptables -A INPUT -m rateest --rateest RE1 --rateest-lt --rateest-bps 100 --rateest-pps 5
iptables -A INPUT -m rateest --rateest-delta --rateest1 RE1 --rateest-bps1 --rateest-gt --rateest-bps2 --rateest2 RE2
iptables -A INPUT -m rateest --rateest RE3 --rateest-lt --rateest-bps 8bit
iptables -A INPUT -m rateest --rateest1 RE1 --rateest-lt --rateest-bps --rateest2 RE3
iptables -A INPUT -m rateest --rateest RE1 --rateest-bps 8bit
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables-save -t filter
iptables -D INPUT -m rateest --rateest RE1 --rateest-gt --rateest-bps 5000bit
iptables -C INPUT -m rateest --rateest RE1 --rateest-eq --rateest-pps 5
iptables -C INPUT -m rateest --rateest RE1 --rateest-eq --rateest-pps 6
iptables -S INPUT
# in a user chain reached by a jump, and in one restore batch
iptables -N RCH
iptables -A RCH -m rateest --rateest RE1 --rateest-gt --rateest-pps 100 -j DROP
iptables -A INPUT -j RCH
iptables -A FORWARD -j RCH
iptables -S RCH
iptables -N RCH2
iptables -A RCH2 -m rateest --rateest NOPE --rateest-gt --rateest-pps 100
iptables-restore <<'EOF2'
*mangle
-A FORWARD -j RATEEST --rateest-name RX --rateest-interval 1s --rateest-ewmalog 4s
COMMIT
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:U - [0:0]
-A INPUT -j RATEEST --rateest-name RY --rateest-interval 1s --rateest-ewmalog 4s
-A INPUT -m rateest --rateest RY --rateest-lt --rateest-bps 1mbit -j U
-A U -m rateest --rateest1 RX --rateest-gt --rateest-bps --rateest2 RY
COMMIT
EOF2
iptables-save
iptables -L -n -v
iptables-restore <<'EOF2'
*filter
-A INPUT -m rateest --rateest RZ --rateest-lt --rateest-bps 1mbit
-A INPUT -j RATEEST --rateest-name RZ --rateest-interval 1s --rateest-ewmalog 4s
COMMIT
EOF2
