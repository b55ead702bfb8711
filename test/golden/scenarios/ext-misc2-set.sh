# set match: the set never exists here; errors before and at the set lookup, counter options.
iptables -A INPUT -m set
iptables -A INPUT -m set --match-set foo
iptables -A INPUT -m set --match-set foo src,dst
iptables -A INPUT -m set ! --match-set foo src
iptables -A INPUT -m set --match-set foo bar
iptables -A INPUT -m set --match-set foo -j ACCEPT
iptables -A INPUT -m set --match-set foo ! src
iptables -A INPUT -m set --set foo src
iptables -A INPUT -m set --set foo
iptables -A INPUT -m set --match-set 0123456789012345678901234567890 src
iptables -A INPUT -m set --match-set 01234567890123456789012345678901 src
iptables -A INPUT -m set --return-nomatch
iptables -A INPUT -m set ! --return-nomatch
iptables -A INPUT -m set ! --update-counters
iptables -A INPUT -m set --update-counters --match-set foo src
iptables -A INPUT -m set --packets-eq 5
iptables -A INPUT -m set --packets-eq x
iptables -A INPUT -m set --packets-eq 5 --packets-gt 3
iptables -A INPUT -m set ! --packets-gt 3
iptables -A INPUT -m set ! --packets-lt 3
iptables -A INPUT -m set ! --bytes-gt 3
iptables -A INPUT -m set ! --bytes-lt 3
iptables -A INPUT -m set --bytes-eq 1 --bytes-lt 3
iptables -A INPUT -m set ! --bytes-eq 1 ! --bytes-eq 3
iptables -A INPUT -m set --bytes-eq 18446744073709551615 --packets-lt 0x10
iptables -A INPUT -m set --bytes-eq 18446744073709551616
iptables -A INPUT -m set --bytes-eq -1
iptables -A INPUT -m set --bytes-eq 5x
iptables -A INPUT -m set --packets-eq
iptables -A INPUT -m set ! --update-subcounters --return-nomatch --packets-eq 1 --bytes-gt 2 --match-set foo src,dst,src
iptables -A INPUT -m set --match-set foo src --match-set bar dst
iptables -A INPUT -m set --match-set
iptables -A INPUT -m set --match-set "" src
iptables -A INPUT -m set --match-set foo src -m set --match-set bar dst
iptables -A INPUT -m set --match-set foo src,src,src,src,src,src,src
iptables -D INPUT -m set --match-set foo src
iptables -C INPUT -m set --match-set foo src
iptables -S
iptables-restore <<'EOF2'
*filter
-A INPUT -m set --match-set blocklist src -j DROP
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -m set --set blocklist src -j DROP
COMMIT
EOF2
iptables -m set -h
