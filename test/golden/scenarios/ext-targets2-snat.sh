# SNAT (revision 0) and MASQUERADE: sources, ports, flags, errors, kernel refusals.
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1-1.1.1.10
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1 --random
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1 --random-fully
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1 --persistent
iptables -t nat -A POSTROUTING -j SNAT --persistent --random-fully --random --to-source 1.1.1.1
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.1.1.1:1025-65535
iptables -t nat -A POSTROUTING -p udp -j SNAT --to-source 1.1.1.1-1.1.1.10:1025-65535
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source :1000
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.1.1.1:1000-2000/3000
iptables -t nat -A INPUT -p sctp -o eth0 -j SNAT --to-source 2.2.2.2:smtp
iptables -t nat -A INPUT -s 10.0.0.0/8 -j SNAT --to-source 2.2.2.2
iptables -t nat -L
iptables -t nat -L -n
iptables -t nat -L -v -n
iptables -t nat -S
iptables-save -t nat
iptables -t nat -C POSTROUTING -j SNAT --to-source 1.1.1.1 --random-fully
iptables -t nat -C POSTROUTING -j SNAT --to-source 1.1.1.1 --random
iptables -t nat -C POSTROUTING -j SNAT --to-source 1.1.1.2 --random
iptables -t nat -D POSTROUTING -j SNAT --to-source 1.1.1.1 --random --random-fully --persistent
iptables -t nat -D POSTROUTING -p tcp -j SNAT --to-source 1.1.1.1:1000-2000/3000
iptables -t nat -D POSTROUTING -p tcp -j SNAT --to-source 1.1.1.1:1000-2000/0
iptables -t nat -D POSTROUTING 1
iptables -t nat -S POSTROUTING
iptables-save -t nat > /tmp/iptwin-t2-snat.save
iptables -t nat -F
iptables-restore < /tmp/iptwin-t2-snat.save
iptables -t nat -S
iptables -t nat -F
# SNAT errors
iptables -t nat -A POSTROUTING -j SNAT
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1:1025-65535
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1 --to-source 2.2.2.2
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.1.1.1-1.1.1.10:1025-65536
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.1.1.1:x
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.1.1.1:5:6
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1 --random --random
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1 --random-fully --random-fully
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1 ! --persistent
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1 --to-ports 5
# SNAT kernel refusals
iptables -A INPUT -j SNAT --to-source 1.1.1.1
iptables -t nat -A PREROUTING -j SNAT --to-source 1.1.1.1
iptables -t nat -A OUTPUT -j SNAT --to-source 1.1.1.1
iptables -t nat -S
# MASQUERADE
iptables -t nat -A POSTROUTING -j MASQUERADE
iptables -t nat -A POSTROUTING -j MASQUERADE --random
iptables -t nat -A POSTROUTING -j MASQUERADE --random-fully
iptables -t nat -A POSTROUTING -j MASQUERADE --random --random-fully
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1024
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 1024-65535
iptables -t nat -A POSTROUTING -p tcp -o eth0 -j MASQUERADE --to-ports 1000-2000 --random
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1000-2000/3000
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports http
iptables -t nat -L POSTROUTING
iptables -t nat -L POSTROUTING -n
iptables -t nat -L POSTROUTING -n -v
iptables -t nat -S POSTROUTING
iptables -t nat -D POSTROUTING -j MASQUERADE --random
iptables -t nat -D POSTROUTING -j MASQUERADE --random
iptables -t nat -D POSTROUTING -p tcp -j MASQUERADE --to-ports 80
iptables -t nat -C POSTROUTING -j MASQUERADE
iptables -t nat -C POSTROUTING -j MASQUERADE --random-fully
iptables-save -t nat > /tmp/iptwin-t2-masq.save
iptables -t nat -F
iptables-restore < /tmp/iptwin-t2-masq.save
iptables-save -t nat
iptables -t nat -F
# MASQUERADE errors
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 1024-65536
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports -1
iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports 1024
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1024 --to-ports 1025
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1.1.1.1:80
iptables -t nat -A POSTROUTING -j MASQUERADE --persistent
iptables -t nat -A POSTROUTING -j MASQUERADE --to-source 1.1.1.1
iptables -t nat -A POSTROUTING -j MASQUERADE ! --random
iptables -A OUTPUT -j MASQUERADE
iptables -t nat -A PREROUTING -j MASQUERADE
iptables -t nat -A INPUT -j MASQUERADE
iptables -t nat -A OUTPUT -j MASQUERADE
iptables -t nat -N mq
iptables -t nat -A mq -j MASQUERADE
iptables -t nat -A OUTPUT -j mq
iptables -t nat -A POSTROUTING -j mq
iptables -t nat -S
iptables -j SNAT -h
iptables -j MASQUERADE --help
