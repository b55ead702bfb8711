# NFLOG target: translated to an nft "log" expression and read back (range is lost, prefix keeps 127 chars).
iptables -A INPUT -j NFLOG
iptables -A INPUT -j NFLOG --nflog-group 5
iptables -A INPUT -j NFLOG --nflog-group 65535
iptables -A INPUT -j NFLOG --nflog-group 0x10
iptables -A INPUT -j NFLOG --nflog-prefix "x y"
iptables -A INPUT -j NFLOG --nflog-prefix simple
iptables -A INPUT -j NFLOG --nflog-prefix 'q"b\s'"'"
iptables -A INPUT -j NFLOG --nflog-range 100
iptables -A INPUT -j NFLOG --nflog-size 100
iptables -A INPUT -j NFLOG --nflog-size 0
iptables -A INPUT -j NFLOG --nflog-size 4294967295
iptables -A INPUT -j NFLOG --nflog-threshold 0
iptables -A INPUT -j NFLOG --nflog-threshold 1
iptables -A INPUT -j NFLOG --nflog-threshold 65535
iptables -A INPUT -p udp -j NFLOG --nflog-threshold 5 --nflog-group 3 --nflog-prefix "all opts" --nflog-size 64
iptables -A INPUT -j NFLOG --nflog-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
iptables -A INPUT -j NFLOG --nflog-prefix bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
iptables -S
iptables -L INPUT
iptables -L INPUT -n
iptables -L INPUT -v -n --line-numbers
iptables-save
# -C/-D through the read-back form
iptables -C INPUT -j NFLOG --nflog-range 7
iptables -C INPUT -j NFLOG --nflog-threshold 1
iptables -C INPUT -j NFLOG --nflog-size 0
iptables -C INPUT -j NFLOG --nflog-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
iptables -C INPUT -j NFLOG --nflog-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaXX
iptables -C INPUT -j NFLOG --nflog-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaXXXXXXX
iptables -C INPUT -j NFLOG --nflog-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaXXX
iptables -C INPUT -j NFLOG --nflog-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
iptables -C INPUT -j NFLOG --nflog-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
iptables -C INPUT -p udp -j NFLOG --nflog-group 3 --nflog-threshold 5 --nflog-size 64 --nflog-prefix "all opts"
iptables -D INPUT -j NFLOG --nflog-group 0x5
iptables -D INPUT -j NFLOG --nflog-range 1
iptables -D INPUT -j NFLOG --nflog-threshold 0
iptables -D INPUT -j NFLOG --nflog-threshold 1
iptables -D INPUT -j NFLOG --nflog-prefix bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
iptables -S INPUT
iptables -v -A INPUT -j NFLOG --nflog-range 9 --nflog-group 2
iptables -v -A INPUT -j NFLOG --nflog-prefix cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
iptables -S INPUT
iptables -F
# errors
iptables -A INPUT -j NFLOG --nflog-group 65536
iptables -A INPUT -j NFLOG --nflog-group -1
iptables -A INPUT -j NFLOG --nflog-group x
iptables -A INPUT -j NFLOG --nflog-group
iptables -A INPUT -j NFLOG --nflog-threshold 65536
iptables -A INPUT -j NFLOG --nflog-size 4294967296
iptables -A INPUT -j NFLOG --nflog-range -1
iptables -A INPUT -j NFLOG --nflog-prefix ""
iptables -A INPUT -j NFLOG --nflog-prefix a --nflog-prefix b
iptables -A INPUT -j NFLOG --nflog-group 1 --nflog-group 2
iptables -A INPUT -j NFLOG --nflog-range 100 --nflog-size 3
iptables -A INPUT -j NFLOG --nflog-size 3 --nflog-range 100
iptables -A INPUT -j NFLOG --nflog-size 3 --nflog-size 4
iptables -A INPUT -j NFLOG ! --nflog-group 1
iptables -A INPUT -j NFLOG --nflog-bogus 1
iptables -A INPUT -j NFLOG --nflog-g 4
# any table, any chain
iptables -t mangle -A PREROUTING -j NFLOG --nflog-group 1
iptables -t nat -A POSTROUTING -j NFLOG --nflog-prefix nat
iptables -t raw -A OUTPUT -j NFLOG --nflog-size 10
iptables -t security -A FORWARD -j NFLOG
iptables -N logchain
iptables -A logchain -j NFLOG --nflog-threshold 2
iptables -A OUTPUT -j logchain
iptables-save
iptables -j NFLOG -h
iptables-save > /tmp/nflog.save
iptables -F
iptables -X
iptables -t mangle -F
iptables -t nat -F
iptables -t raw -F
iptables -t security -F
iptables-restore < /tmp/nflog.save
iptables-save
iptables-restore <<'EOF2'
*filter
-A INPUT -j NFLOG --nflog-prefix "restored \"x\"" --nflog-group 9 --nflog-range 12
-A INPUT -j NFLOG --nflog-size 12 --nflog-threshold 3
COMMIT
EOF2
iptables -S INPUT
iptables -L INPUT
