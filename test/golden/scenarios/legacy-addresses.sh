# flavour: legacy
# legacy: Source and destination forms accepted by iptables (xtables address parsing).
iptables -A INPUT -s 10.1 -j ACCEPT
iptables -A INPUT -s 0x7f.1 -j ACCEPT
iptables -A INPUT -s 010.0.0.1 -j ACCEPT
iptables -A INPUT -s 1.2.3.4/255.255.0.0 -j ACCEPT
iptables -A INPUT -s 1.2.3.4/255.0.255.0 -j ACCEPT
iptables -A INPUT -s 1.2.3.4/0 -j ACCEPT
iptables -A INPUT ! -s 1.2.3.4/0 -j ACCEPT
iptables -A INPUT -s 1.2.3.4/32 -j ACCEPT
iptables -A INPUT -s 1.2.3.4/33 -j ACCEPT
iptables -A INPUT -s 1.2.3.4/x -j ACCEPT
iptables -A INPUT -s 1.2.3.256 -j ACCEPT
iptables -A INPUT -s 1.2.65535 -j ACCEPT
iptables -A INPUT -s 0x7f000001 -j ACCEPT
iptables -A INPUT -s 2130706433 -j ACCEPT
iptables -A INPUT -s 1.2.3.4.5 -j ACCEPT
iptables -A INPUT -s nosuchhost.invalid -j ACCEPT
iptables -A INPUT -s localhost -j ACCEPT
iptables -A INPUT -d loopback/8 -j ACCEPT
iptables -A INPUT -d link-local/16 -j ACCEPT
iptables -A INPUT -d default/0 -j ACCEPT
iptables -A INPUT -s 1.1.1.1,2.2.2.2 -d 3.3.3.3,4.4.4.4 -j ACCEPT
iptables -A INPUT -s 1.1.1.1, -j ACCEPT
iptables -A INPUT -s 1.1.1.1,,2.2.2.2 -j ACCEPT
iptables -A INPUT -s ' 5.5.5.5, 6.6.6.6' -j ACCEPT
iptables -A INPUT ! -s 1.1.1.1,2.2.2.2 -j ACCEPT
iptables -A INPUT -s 1.1.1.1/24,2.2.2.2/16 -j ACCEPT
iptables -A INPUT ! -d 9.9.9.9 -j ACCEPT
iptables -A INPUT --src 7.7.7.7 --dst 8.8.8.8 -j ACCEPT
iptables -A INPUT --source 7.7.7.7/31 --destination 8.8.8.8/7 -j ACCEPT
iptables -A INPUT -s '' -j ACCEPT
iptables -A INPUT -s / -j ACCEPT
iptables -A INPUT -s 1.2.3.4/ -j ACCEPT
iptables -A INPUT -s 127.0.0.1 -d 127.0.0.2 -j ACCEPT
iptables -S
iptables -L
iptables -L -n
iptables -L -v
iptables -D INPUT -s 1.1.1.1,2.2.2.2 -d 3.3.3.3,4.4.4.4 -j ACCEPT
iptables -C INPUT -s 10.1.0.0 -j ACCEPT
iptables -C INPUT -s 10.1.0.0/32 -j ACCEPT
iptables -S
