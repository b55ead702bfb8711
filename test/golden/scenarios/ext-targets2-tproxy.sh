# TPROXY, TCPMSS, TTL in the mangle table (and where the kernel refuses them).
iptables -t mangle -A PREROUTING -p udp -j TPROXY --on-port 12345 --on-ip 10.0.0.1 --tproxy-mark 0x23/0xff
iptables -t mangle -A PREROUTING -p tcp -m tcp --dport 2342 -j TPROXY --on-port 12345 --on-ip 10.0.0.1 --tproxy-mark 0x23/0xff
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 80
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port http --tproxy-mark 5
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 0 --on-ip localhost --tproxy-mark 0x1/0x1
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -n
iptables -t mangle -S PREROUTING
iptables -t mangle -D PREROUTING -p tcp -j TPROXY --on-port 80 --on-ip 0.0.0.0 --tproxy-mark 0/0
iptables -t mangle -D PREROUTING -p tcp -j TPROXY --on-port 80
iptables -t mangle -C PREROUTING -p tcp -j TPROXY --on-port 80 --tproxy-mark 0x5
iptables -t mangle -C PREROUTING -p tcp -j TPROXY --on-port 80 --tproxy-mark 0x5/0xffffffff
iptables-save -t mangle > /tmp/iptwin-t2-tproxy.save
iptables -t mangle -F
iptables-restore < /tmp/iptwin-t2-tproxy.save
iptables-save -t mangle
iptables -t mangle -F
iptables -t mangle -A PREROUTING -j TPROXY --on-port 12345 --on-ip 10.0.0.1 --tproxy-mark 0x23/0xff
iptables -t mangle -A PREROUTING ! -p tcp -j TPROXY --on-port 1
iptables -t mangle -A PREROUTING -p icmp -j TPROXY --on-port 1
iptables -t mangle -A INPUT -p tcp -j TPROXY --on-port 1
iptables -t mangle -A OUTPUT -p tcp -j TPROXY --on-port 1
iptables -A INPUT -p tcp -j TPROXY --on-port 1
iptables -t nat -A PREROUTING -p tcp -j TPROXY --on-port 1
iptables -t mangle -A PREROUTING -p tcp -j TPROXY
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-ip 1.1.1.1
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 65536
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port nosuchservice
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 1 --on-port 2
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 1 --on-ip 1.1.1
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 1 --on-ip nosuchhost
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 1 --tproxy-mark x
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 1 --tproxy-mark 1/x
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 1 --tproxy-mark 1/2/3
iptables -t mangle -A PREROUTING -p tcp -j TPROXY ! --on-port 1
iptables -t mangle -S
iptables -j TPROXY -h
# TCPMSS
iptables -t mangle -A FORWARD -p tcp -j TCPMSS --set-mss 42
iptables -t mangle -A FORWARD -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j TCPMSS --set-mss 42
iptables -t mangle -A OUTPUT -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j TCPMSS --clamp-mss-to-pmtu
iptables -t mangle -A POSTROUTING -p tcp -j TCPMSS --set-mss 65495
iptables -t mangle -A POSTROUTING -p tcp -j TCPMSS --set-mss 0 --clamp-mss-to-pmtu
iptables -t mangle -A POSTROUTING -p tcp -j TCPMSS --clamp-mss-to-pmtu --set-mss 1400
iptables -A FORWARD -p tcp -j TCPMSS --clamp-mss-to-pmtu
iptables -t mangle -A PREROUTING -p tcp -j TCPMSS --set-mss 1000
iptables -t mangle -A INPUT -p tcp -j TCPMSS --set-mss 1000
iptables -t mangle -L
iptables -t mangle -L -n -v
iptables -t mangle -S
iptables -S
iptables -t mangle -D FORWARD -p tcp -j TCPMSS --set-mss 42
iptables -t mangle -D FORWARD -p tcp -j TCPMSS --set-mss 43
iptables -t mangle -C POSTROUTING -p tcp -j TCPMSS --clamp-mss-to-pmtu
iptables -t mangle -C POSTROUTING -p tcp -j TCPMSS --set-mss 65535
iptables-save -t mangle
iptables -t mangle -F
iptables -F
iptables -t mangle -A FORWARD -j TCPMSS
iptables -t mangle -A FORWARD -p tcp -j TCPMSS
iptables -t mangle -A FORWARD -p tcp -j TCPMSS --set-mss 65516
iptables -t mangle -A FORWARD -p tcp -j TCPMSS --set-mss 65515
iptables -t mangle -A FORWARD -p tcp -j TCPMSS --set-mss -1
iptables -t mangle -A FORWARD -p tcp -j TCPMSS --set-mss 1 --set-mss 2
iptables -t mangle -A FORWARD -p tcp -j TCPMSS --clamp-mss-to-pmtu --clamp-mss-to-pmtu
iptables -t mangle -A FORWARD -j TCPMSS --set-mss 100
iptables -t mangle -A FORWARD -p udp -j TCPMSS --set-mss 100
iptables -t mangle -A FORWARD ! -p tcp -j TCPMSS --set-mss 100
iptables -t mangle -A PREROUTING -p tcp -j TCPMSS --clamp-mss-to-pmtu
iptables -t mangle -A INPUT -p tcp -j TCPMSS --clamp-mss-to-pmtu
iptables -A INPUT -p tcp -j TCPMSS --clamp-mss-to-pmtu
iptables -N mss
iptables -A mss -p tcp -j TCPMSS --clamp-mss-to-pmtu
iptables -A INPUT -j mss
iptables -A FORWARD -j mss
iptables -S
iptables -j TCPMSS -h
# TTL
iptables -t mangle -A PREROUTING -j TTL --ttl-set 42
iptables -t mangle -A INPUT -j TTL --ttl-inc 1
iptables -t mangle -A FORWARD -j TTL --ttl-dec 1
iptables -t mangle -A OUTPUT -j TTL --ttl-set 0
iptables -t mangle -A POSTROUTING -j TTL --ttl-dec 255
iptables -t mangle -A POSTROUTING -j TTL --ttl-inc 0x10
iptables -t mangle -L
iptables -t mangle -S
iptables -t mangle -D POSTROUTING -j TTL --ttl-inc 16
iptables -t mangle -D POSTROUTING -j TTL --ttl-dec 255
iptables -t mangle -C PREROUTING -j TTL --ttl-set 42
iptables -t mangle -C PREROUTING -j TTL --ttl-inc 42
iptables-save -t mangle
iptables -t mangle -A PREROUTING -j TTL --ttl-set 256
iptables -t mangle -A PREROUTING -j TTL --ttl-inc 0
iptables -t mangle -A PREROUTING -j TTL --ttl-dec 0
iptables -t mangle -A PREROUTING -j TTL --ttl-dec 1 --ttl-inc 1
iptables -t mangle -A PREROUTING -j TTL --ttl-set 1 --ttl-set 2
iptables -t mangle -A PREROUTING -j TTL --ttl-set --ttl-inc 1
iptables -t mangle -A PREROUTING -j TTL
iptables -t mangle -A PREROUTING -j TTL --ttl-set x
iptables -t mangle -A PREROUTING -j TTL ! --ttl-set 1
iptables -A INPUT -j TTL --ttl-set 1
iptables -t nat -A PREROUTING -j TTL --ttl-set 1
iptables -j TTL -h
