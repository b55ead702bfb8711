# limit match: stored as a native nft limit expression and read back.
iptables -A INPUT -m limit --limit 1/sec
iptables -A INPUT -m limit --limit 1/min
iptables -A INPUT -m limit --limit 1000/hour
iptables -A INPUT -m limit --limit 1000/day
iptables -A INPUT -m limit --limit 1/sec --limit-burst 1
iptables -A INPUT -m limit --limit 3/hour
iptables -A INPUT -m limit
iptables -A INPUT -m limit --limit-burst 10
iptables -A INPUT -m limit --limit 5000/day
iptables -A INPUT -m limit --limit 7/minute
iptables -A INPUT -m limit --limit 120/min
iptables -A INPUT -m limit --limit 61/m
iptables -A INPUT -m limit --limit 3600/h
iptables -A INPUT -m limit --limit 86400/d
iptables -A INPUT -m limit --limit 10000/s
iptables -A INPUT -m limit --limit 9999
iptables -A INPUT -m limit --limit 333/sec
iptables -A INPUT -m limit --limit 7/hour --limit-burst 0
iptables -A INPUT -m limit --limit 2/SECOND --limit-burst 10000
iptables -A INPUT -m limit --limit 25/day
iptables -A INPUT -m limit --limit 17/hour
iptables -A INPUT -m limit --limit 1/day --limit-burst 7
iptables -A INPUT -m limit --limit 100abc/sec
iptables -L
iptables -L -n -v
iptables -S
iptables-save
iptables -D INPUT -m limit --limit 3/hour
iptables -D INPUT -m limit --limit 7/hour --limit-burst 5
iptables -C INPUT -m limit --limit 60/min
iptables -C INPUT -m limit --limit 1/sec --limit-burst 5
iptables -C INPUT -m limit --limit 1/s --limit-burst 1
iptables -D INPUT -m limit --limit 5/sec
iptables -S INPUT
# errors
iptables -A INPUT -m limit --limit 0/sec
iptables -A INPUT -m limit --limit 10001/sec
iptables -A INPUT -m limit --limit 1/year
iptables -A INPUT -m limit --limit 1/
iptables -A INPUT -m limit --limit abc
iptables -A INPUT -m limit --limit -1/sec
iptables -A INPUT -m limit --limit 4294967296/sec
iptables -A INPUT -m limit --limit-burst 10001
iptables -A INPUT -m limit --limit-burst -1
iptables -A INPUT -m limit ! --limit 1/sec
iptables -A INPUT -m limit ! --limit-burst 3
iptables -A INPUT -m limit --limit 1/sec --limit 2/sec
iptables -A INPUT -m limit --limit
iptables -A INPUT -m limit --limit-burst
iptables -A INPUT -m limit -h
iptables -F
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p tcp -m limit --limit 4/min --limit-burst 20 -j ACCEPT
-A INPUT -m limit --limit 5000/day
-A OUTPUT -m limit --limit 2/sec -m limit --limit 30/hour
COMMIT
EOF2
iptables-save
iptables -L -v -n
