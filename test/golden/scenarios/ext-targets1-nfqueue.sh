# NFQUEUE target (revision 3): queue number, balance ranges, bypass, cpu-fanout.
iptables -A INPUT -j NFQUEUE
iptables -A INPUT -j NFQUEUE --queue-num 0
iptables -A INPUT -j NFQUEUE --queue-num 5
iptables -A INPUT -j NFQUEUE --queue-num 65535
iptables -A INPUT -j NFQUEUE --queue-num 0x10
iptables -A INPUT -j NFQUEUE --queue-balance 0:1
iptables -A INPUT -j NFQUEUE --queue-balance 2:5
iptables -A INPUT -j NFQUEUE --queue-balance 4:
iptables -A INPUT -j NFQUEUE --queue-balance :5
iptables -A INPUT -j NFQUEUE --queue-balance 65534:65535
iptables -A INPUT -j NFQUEUE --queue-balance 1:65534
iptables -A INPUT -j NFQUEUE --queue-bypass
iptables -A INPUT -j NFQUEUE --queue-num 3 --queue-bypass
iptables -A INPUT -j NFQUEUE --queue-balance 3:4 --queue-bypass --queue-cpu-fanout
iptables -A INPUT -j NFQUEUE --queue-cpu-fanout --queue-balance 6:9
iptables -A INPUT -p tcp -j NFQUEUE --queue-bypass --queue-num 7
iptables -S
iptables -L INPUT
iptables -L INPUT -n
iptables -L INPUT -v -n -x --line-numbers
iptables-save
# -C/-D
iptables -C INPUT -j NFQUEUE --queue-num 0
iptables -C INPUT -j NFQUEUE --queue-balance 4:65535
iptables -C INPUT -j NFQUEUE --queue-balance 4:
iptables -C INPUT -j NFQUEUE --queue-balance 0:5
iptables -C INPUT -j NFQUEUE --queue-balance 3:4 --queue-cpu-fanout --queue-bypass
iptables -C INPUT -j NFQUEUE --queue-balance 3:4 --queue-cpu-fanout
iptables -D INPUT -j NFQUEUE --queue-num 3
iptables -D INPUT -j NFQUEUE --queue-bypass --queue-num 3
iptables -D INPUT -j NFQUEUE
iptables -D INPUT -j NFQUEUE --queue-balance 2:5
iptables -D INPUT -p tcp -j NFQUEUE --queue-bypass --queue-num 7
iptables -S INPUT
iptables -v -A INPUT -j NFQUEUE --queue-balance 10:12 --queue-bypass
iptables -F
# errors and kernel refusals
iptables -A INPUT -j NFQUEUE --queue-balance :
iptables -A INPUT -j NFQUEUE --queue-balance 0:65535
iptables -A INPUT -j NFQUEUE --queue-balance 5
iptables -A INPUT -j NFQUEUE --queue-balance 5:5
iptables -A INPUT -j NFQUEUE --queue-balance 6:5
iptables -A INPUT -j NFQUEUE --queue-balance 1:2:3
iptables -A INPUT -j NFQUEUE --queue-balance 1:65536
iptables -A INPUT -j NFQUEUE --queue-balance a:b
iptables -A INPUT -j NFQUEUE --queue-balance 1x:2
iptables -A INPUT -j NFQUEUE --queue-balance ""
iptables -A INPUT -j NFQUEUE --queue-num 65536
iptables -A INPUT -j NFQUEUE --queue-num -1
iptables -A INPUT -j NFQUEUE --queue-num abc
iptables -A INPUT -j NFQUEUE --queue-num 1 --queue-num 2
iptables -A INPUT -j NFQUEUE --queue-num 1 --queue-balance 2:3
iptables -A INPUT -j NFQUEUE --queue-balance 2:3 --queue-num 1
iptables -A INPUT -j NFQUEUE --queue-cpu-fanout
iptables -A INPUT -j NFQUEUE --queue-num 2 --queue-cpu-fanout
iptables -A INPUT -j NFQUEUE --queue-bypass --queue-bypass
iptables -A INPUT -j NFQUEUE ! --queue-num 1
iptables -A INPUT -j NFQUEUE --queue-num
iptables -A INPUT -j NFQUEUE --queue-balance
iptables -A INPUT -j NFQUEUE --queue
iptables -A INPUT -j NFQUEUE --queue-b
iptables -A INPUT -j NFQUEUE --queue-by
# every table
iptables -t mangle -A PREROUTING -j NFQUEUE --queue-num 1
iptables -t nat -A PREROUTING -j NFQUEUE --queue-num 2
iptables -t raw -A PREROUTING -j NFQUEUE --queue-num 3
iptables -t security -A OUTPUT -j NFQUEUE --queue-num 4
iptables -A FORWARD -j NFQUEUE --queue-balance 1:3
iptables -A OUTPUT -j NFQUEUE --queue-bypass
iptables-save
iptables -j NFQUEUE -h
iptables-save > /tmp/nfq.save
iptables -F
iptables -t mangle -F
iptables -t nat -F
iptables -t raw -F
iptables -t security -F
iptables-restore < /tmp/nfq.save
iptables-save
iptables-restore <<'EOF2'
*filter
-A INPUT -j NFQUEUE --queue-balance 8: --queue-cpu-fanout
-A INPUT -j NFQUEUE --queue-balance :
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -j NFQUEUE --queue-balance 8: --queue-cpu-fanout
-A INPUT -j NFQUEUE --queue-num 9 --queue-bypass
COMMIT
EOF2
iptables -S INPUT
iptables -L INPUT
