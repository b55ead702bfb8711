# quota and cpu matches.
iptables -A INPUT -m quota --quota 0
iptables -A INPUT -m quota ! --quota 0
iptables -A INPUT -m quota --quota 18446744073709551615
iptables -A INPUT -m quota ! --quota 18446744073709551615
iptables -A INPUT -m quota --quota 0x100
iptables -A INPUT -m quota --quota 010
iptables -A INPUT -m cpu --cpu 0
iptables -A INPUT -m cpu ! --cpu 0
iptables -A INPUT -m cpu --cpu 4294967295
iptables -A INPUT -m cpu --cpu 0x10
iptables -L
iptables -L -n -v
iptables -S
iptables-save
iptables -D INPUT -m quota --quota 256
iptables -D INPUT -m cpu --cpu 16
iptables -C INPUT -m quota --quota 0
iptables -C INPUT -m cpu --cpu 1
iptables -D INPUT -m cpu ! --cpu 0
iptables -S INPUT
iptables -A INPUT -m quota --quota 18446744073709551616
iptables -A INPUT -m quota
iptables -A INPUT -m quota --quota -1
iptables -A INPUT -m quota --quota abc
iptables -A INPUT -m quota --quota 1 --quota 2
iptables -A INPUT -m quota --quota
iptables -A INPUT -m cpu --cpu 4294967296
iptables -A INPUT -m cpu
iptables -A INPUT -m cpu --cpu -1
iptables -A INPUT -m cpu --cpu 1x
iptables -A INPUT -m cpu --cpu 1 --cpu 2
iptables -A INPUT -m cpu --cpu
iptables -A INPUT -m quota -h
iptables -A INPUT -m cpu -h
iptables-restore <<'EOF2'
*filter
-A FORWARD -m quota --quota 1000000 -j ACCEPT
-A FORWARD -m quota ! --quota 50 -m cpu ! --cpu 3 -j DROP
COMMIT
EOF2
iptables-save
iptables -L FORWARD -v
