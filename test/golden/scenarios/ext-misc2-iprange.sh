# iprange match: ranges, single addresses, inversion, reversed ranges, bad values.
iptables -A INPUT -m iprange
iptables -A INPUT -m iprange --src-range 1.1.1.1-1.1.1.10
iptables -A INPUT -m iprange ! --src-range 1.1.1.1-1.1.1.10
iptables -A INPUT -m iprange --dst-range 1.1.1.1-1.1.1.10
iptables -A INPUT -m iprange ! --dst-range 1.1.1.1-1.1.1.10
iptables -A INPUT -m iprange --src-range 1.2.3.4
iptables -A INPUT -m iprange --src-range 1.2.3.9-1.2.3.4
iptables -A INPUT -m iprange ! --src-range 10.0.0.1-10.0.0.255 ! --dst-range 1.2.3
iptables -A INPUT -m iprange --src-range 1.2.3.4-
iptables -A INPUT -m iprange --src-range -1.2.3.4
iptables -A INPUT -m iprange --src-range 1.2.3.4-1.2.3.5-1.2.3.6
iptables -A INPUT -m iprange --src-range 0x1.010.3.4-255.255.255.255
iptables -A INPUT -m iprange --src-range localhost
iptables -A INPUT -m iprange --src-range 1.2.3.256
iptables -A INPUT -m iprange --src-range 1.2.3.4/24
iptables -A INPUT -m iprange --src-range 1.2.3.4 --src-range 1.2.3.5
iptables -A INPUT -m iprange --dst-range 1.2.3.4 ! --src-range 5.6.7.8-5.6.7.9
iptables -A INPUT -m iprange --src-range 1.2.3.4 -m iprange --dst-range 5.5.5.5
iptables -A INPUT -m iprange --src-range ""
iptables -A INPUT -m iprange --src-range 1
iptables -A INPUT -m iprange --src-range 1.2.3.4.5
iptables -A INPUT -m iprange --src-range " 1.2.3.4"
iptables -A INPUT -m iprange --src-range 1234567890123456789012
iptables -A INPUT -m iprange --src-range 1.2.3.4-1.2.3.4x
iptables -A INPUT -m iprange --dst-range 0.0.0.0-255.255.255.255 -j DROP
iptables -A OUTPUT -m iprange --src-range 9.9.9.9-9.9.9.8 -m iprange --dst-range 8.8.8.8-8.8.8.7
iptables -t nat -A POSTROUTING -m iprange --src-range 192.168.0.10-192.168.0.20 -j ACCEPT
iptables -L
iptables -L -n
iptables -L -v -x
iptables -S
iptables-save
iptables -C INPUT -m iprange --src-range 1.2.3.4-1.2.3.4
iptables -C INPUT -m iprange --src-range 1.2.3.4-1.2.3.5
iptables -D INPUT -m iprange --src-range 1.2.3.4-1.2.3.4
iptables -D INPUT -m iprange --src-range 1.2.3.9-1.2.3.4
iptables -D INPUT -m iprange ! --src-range 5.6.7.8-5.6.7.9 --dst-range 1.2.3.4
iptables -D INPUT -m iprange --dst-range 1.2.3.4 ! --src-range 5.6.7.8-5.6.7.9
iptables -S INPUT
iptables-save > /tmp/misc2-iprange.rules
iptables -F
iptables-restore < /tmp/misc2-iprange.rules
iptables-save -t filter
iptables-restore <<'EOF2'
*filter
-A FORWARD -m iprange --src-range 10.0.0.9-10.0.0.1
-A FORWARD -m iprange --src-range 10.0.0.x
COMMIT
EOF2
iptables -S FORWARD
iptables -m iprange -h
