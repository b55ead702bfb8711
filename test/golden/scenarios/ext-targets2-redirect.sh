# REDIRECT and NETMAP in the nat table.
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 42
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 0
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 65535
iptables -t nat -A PREROUTING -p udp -j REDIRECT --to-ports 0-0
iptables -t nat -A PREROUTING -p udp -j REDIRECT --to-ports 512-512
iptables -t nat -A PREROUTING -p udp -j REDIRECT --to-ports 42-1234
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 42-1234 --random
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports ssh
iptables -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports ftp-data
iptables -t nat -A OUTPUT -j REDIRECT --random
iptables -t nat -A OUTPUT -j REDIRECT
iptables -t nat -A OUTPUT -p tcp --dport 80 -j REDIRECT --to-ports 3000
iptables -t nat -L
iptables -t nat -L -n
iptables -t nat -L -n -v --line-numbers
iptables -t nat -S
iptables -t nat -D PREROUTING -p tcp -j REDIRECT --to-ports 22
iptables -t nat -D PREROUTING -p udp -j REDIRECT --to-ports 512
iptables -t nat -D OUTPUT -j REDIRECT
iptables -t nat -D OUTPUT -j REDIRECT
iptables -t nat -C OUTPUT -j REDIRECT --random
iptables-save -t nat > /tmp/iptwin-t2-redir.save
iptables -t nat -F
iptables-restore < /tmp/iptwin-t2-redir.save
iptables-save -t nat
iptables -t nat -F
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 65536
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 42-1234/567
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports ftp-ssh
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 10-ssh
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 20-10
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 10:20
iptables -t nat -A PREROUTING -j REDIRECT --to-ports 42
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 1 --to-ports 2
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --random-fully
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-destination 1.1.1.1
iptables -A INPUT -p tcp -j REDIRECT --to-ports 42
iptables -t nat -A INPUT -p tcp -j REDIRECT --to-ports 42
iptables -t nat -A POSTROUTING -p tcp -j REDIRECT --to-ports 42
iptables -j REDIRECT -h
# NETMAP
iptables -t nat -A PREROUTING -j NETMAP --to 1.2.3.0/24
iptables -t nat -A INPUT -j NETMAP --to 1.2.3.4
iptables -t nat -A OUTPUT -j NETMAP --to 1.2.3.4/16
iptables -t nat -A POSTROUTING -j NETMAP --to 10.0.0.0/255.255.0.255
iptables -t nat -A POSTROUTING -j NETMAP --to 10.0.0.0/0
iptables -t nat -A POSTROUTING -s 10.0.0.0/8 -j NETMAP --to localhost/8
iptables -t nat -A POSTROUTING -j NETMAP --to 1.2.3/255.255.255.0
iptables -t nat -L
iptables -t nat -L -n
iptables -t nat -S
iptables -t nat -D PREROUTING -j NETMAP --to 1.2.3.99/24
iptables -t nat -D INPUT -j NETMAP --to 1.2.3.4/32
iptables -t nat -C OUTPUT -j NETMAP --to 1.2.0.0/16
iptables -t nat -C OUTPUT -j NETMAP --to 1.2.0.0/17
iptables-save -t nat
iptables -t nat -A PREROUTING -j NETMAP
iptables -t nat -A PREROUTING -j NETMAP --to
iptables -t nat -A PREROUTING -j NETMAP --to 1.2.3.0/33
iptables -t nat -A PREROUTING -j NETMAP --to 1.2.3.0/x
iptables -t nat -A PREROUTING -j NETMAP --to nosuchhost
iptables -t nat -A PREROUTING -j NETMAP --to 1.2.3.0/24 --to 1.2.3.0/24
iptables -t nat -A PREROUTING -j NETMAP ! --to 1.2.3.0/24
iptables -A INPUT -j NETMAP --to 1.2.3.0/24
iptables -t mangle -A INPUT -j NETMAP --to 1.2.3.0/24
iptables -j NETMAP -h
