# ipvs match: the kernel has no IPVS: a warning on load, parse errors, and ENOENT at commit.
iptables -A INPUT -m ipvs
iptables -A INPUT -m ipvs --ipvs
iptables -A INPUT -m ipvs ! --ipvs
iptables -A INPUT -m ipvs --vproto tcp
iptables -A INPUT -m ipvs ! --vproto TCP
iptables -A INPUT -m ipvs --vport http
iptables -A INPUT -m ipvs --vaddr 1.2.3.4
iptables -A INPUT -m ipvs ! --vaddr 1.2.3.4/255.255.255.0
iptables -A INPUT -m ipvs --vproto 6 --vaddr 1.2.3.4/16 --vport 22 --vdir ORIGINAL --vmethod GATE
iptables -A INPUT -m ipvs ! --ipvs --vproto tcp
iptables -A INPUT -m ipvs --vdir foo
iptables -A INPUT -m ipvs --vdir reply
iptables -A INPUT -m ipvs --vmethod foo
iptables -A INPUT -m ipvs --vmethod masq
iptables -A INPUT -m ipvs ! --vdir ORIGINAL
iptables -A INPUT -m ipvs --vport foo
iptables -A INPUT -m ipvs --vportctl 70000
iptables -A INPUT -m ipvs --vproto foo
iptables -A INPUT -m ipvs --vaddr 1.2.3.4/40
iptables -A INPUT -m ipvs --vaddr 1.2.3.4/x
iptables -A INPUT -m ipvs --ipvs -m ipvs --ipvs
iptables -A INPUT -m ipvs --ipvs --ipvs
iptables -A INPUT -m ipvs --vaddr 1.2.3.4 -j ACCEPT
iptables -t nat -A PREROUTING -m ipvs --vaddr 1.2.3.4 -m ipvs --vaddr 1.2.3.5
iptables -D INPUT -m ipvs --ipvs
iptables -C INPUT -m ipvs --ipvs
iptables -I INPUT -m ipvs --ipvs
iptables -S
iptables-restore <<'EOF2'
*filter
-A INPUT -m ipvs --ipvs
-A INPUT -m ipvs --vdir REPLY
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -m ipvs --vdir sideways
COMMIT
EOF2
iptables -m ipvs -h
