# SET target: no ipset exists on the twin, so every set reference fails the way real iptables does.
iptables -A INPUT -j SET --add-set foo src
iptables -A INPUT -j SET --del-set foo dst
iptables -A INPUT -j SET --map-set foo src --map-mark
iptables -A INPUT -j SET --add-set foo src,dst --exist --timeout 10
iptables -A INPUT -j SET --add-set foo bogus
iptables -A INPUT -j SET ! --add-set foo src
iptables -A INPUT -j SET --add-set 1234567890123456789012345678901 src
iptables -A INPUT -j SET --add-set 12345678901234567890123456789012 src
iptables -A INPUT -j SET --add-set foo
iptables -A INPUT -j SET --add-set foo -p tcp
iptables -A INPUT -j SET --add-set foo !
iptables -A INPUT -j SET --add-set
iptables -A INPUT -j SET --del-set
iptables -A INPUT -j SET --map-set
iptables -A INPUT -j SET --map-set foo
iptables -A INPUT -j SET
iptables -A INPUT -j SET --exist
iptables -A INPUT -j SET --timeout 5
iptables -A INPUT -j SET --map-mark
iptables -A INPUT -j SET --map-prio --map-queue
iptables -A INPUT -j SET --timeout abc
iptables -A INPUT -j SET --timeout 4294967295
iptables -A INPUT -j SET --timeout 4294967294
iptables -A INPUT -j SET --timeout -1
iptables -A INPUT -j SET --timeout
iptables -A INPUT -j SET --timeout 5 --add-set foo src
iptables -A INPUT -j SET --exist --exist
iptables -A INPUT -j SET --add-set "" src
iptables -A INPUT -j SET --add-s foo src
iptables -A INPUT -j SET --ma foo src
iptables -A INPUT -j SET --map foo src
iptables -A INPUT -j SET --add-set=foo src
iptables -t mangle -A PREROUTING -j SET --add-set foo src
iptables -j SET -h
iptables-restore <<'EOF2'
*filter
-A INPUT -j SET --add-set foo src
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -j SET --exist
COMMIT
EOF2
iptables -S
