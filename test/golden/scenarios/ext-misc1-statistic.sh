# statistic match: random probability (32-bit fraction) and nth mode.
iptables -A INPUT -m statistic --mode random --probability 0.33333
iptables -A INPUT -m statistic --mode random ! --probability 0.5
iptables -A INPUT -m statistic --mode random --probability 1
iptables -A INPUT -m statistic --mode random --probability 0
iptables -A INPUT -m statistic --mode random --probability 0.000000001
iptables -A INPUT -m statistic --mode random --probability 1e-1
iptables -A INPUT -m statistic --mode random --probability .75
iptables -A INPUT -m statistic --mode random --probability 0x0.8
iptables -A INPUT -m statistic --mode nth --every 5 --packet 2
iptables -A INPUT -m statistic --mode nth ! --every 5 --packet 2
iptables -A INPUT -m statistic --mode nth --every 3 --packet 0
iptables -A INPUT -m statistic --mode nth --every 1 --packet 0
iptables -A INPUT -p tcp -m statistic --mode nth --every 4294967295 --packet 4294967294 -j DROP
iptables -L
iptables -L -n
iptables -L -v
iptables -S
iptables-save
iptables -C INPUT -m statistic --mode random --probability 0.33333
iptables -C INPUT -m statistic --mode random --probability 0.33332999982
iptables -C INPUT -m statistic --mode random --probability 0.33334
iptables -D INPUT -m statistic --mode nth ! --every 5 --packet 2
iptables -D INPUT -m statistic --mode nth --every 5 --packet 3
iptables -D INPUT -m statistic --mode random --probability 1
iptables -S INPUT
# errors
iptables -A INPUT -m statistic
iptables -A INPUT -m statistic --mode random
iptables -A INPUT -m statistic --mode nth
iptables -A INPUT -m statistic --mode nth --every 5
iptables -A INPUT -m statistic --mode nth --packet 1
iptables -A INPUT -m statistic --mode nth --every 5 --packet 5
iptables -A INPUT -m statistic --mode nth --every 0 --packet 0
iptables -A INPUT -m statistic --mode nth ! --every 5
iptables -A INPUT -m statistic --mode random ! --probability 1.1
iptables -A INPUT -m statistic --mode random --probability -0.1
iptables -A INPUT -m statistic --mode random --probability abc
iptables -A INPUT -m statistic --mode random --probability 0.5x
iptables -A INPUT -m statistic --probability 1
iptables -A INPUT -m statistic --mode foo --probability 0.5
iptables -A INPUT -m statistic --mode random --mode nth --probability 0.5
iptables -A INPUT -m statistic ! --mode random --probability 0.5
iptables -A INPUT -m statistic --mode random --probability 0.5 --every 2
iptables -A INPUT -m statistic --mode nth --every 2 --packet 1 --probability 0.5
iptables -A INPUT -m statistic --mode random --probability 0.5 --probability 0.6
iptables -A INPUT -m statistic --mode nth --every 2 ! --packet 1
iptables -A INPUT -m statistic --mode nth --every 2 --packet 1 --every 3
iptables -A INPUT -m statistic --mode random --every 2 --packet 1
iptables -A INPUT -m statistic --mode nth --every 4294967296 --packet 0
iptables -A INPUT -m statistic --mode nth --every 2 --packet -1
iptables -A INPUT -m statistic --mode random --probability
iptables -A INPUT -m statistic --mode
iptables -I INPUT -m statistic -h
iptables -F
iptables-restore <<'EOF2'
*filter
-A INPUT -m statistic --mode random --probability 0.33332999982
-A INPUT -m statistic --mode nth ! --every 5 --packet 2
-A FORWARD -m statistic --mode random ! --probability 0.10000000009 -j DROP
COMMIT
EOF2
iptables-save
iptables -L FORWARD -n -v --line-numbers
