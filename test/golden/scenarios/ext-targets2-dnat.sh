# DNAT (revision 2 under nf_tables): address ranges, ports, shifted port maps, flags, errors.
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.1.1.1
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.1.1.1-1.1.1.10
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:80
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:80-90
iptables -t nat -A PREROUTING -p udp -j DNAT --to-destination 10.0.0.1-10.0.0.5:1025-65535
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:1000-2000/1000
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:1000-2000/65535
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:10-20/ftp
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:ssh
iptables -t nat -A PREROUTING -p sctp -j DNAT --to-destination 1.1.1.1:ftp-data
iptables -t nat -A PREROUTING -p dccp -j DNAT --to-destination :8080
iptables -t nat -A PREROUTING -p icmp -j DNAT --to-destination 10.0.0.1:80
iptables -t nat -A OUTPUT -p tcp -j DNAT --to-destination :80-81 --random
iptables -t nat -A OUTPUT -p tcp -j DNAT --to-destination 2.2.2.2 --persistent --random
iptables -t nat -A OUTPUT -p tcp -j DNAT --to-destination 0x50:0x51
iptables -t nat -A OUTPUT -p tcp -j DNAT --to-destination 12:443
iptables -t nat -A OUTPUT -p tcp -j DNAT --to-destination 3.3.3.3-3.3.3.1:0
iptables -t nat -A OUTPUT ! -p tcp -j DNAT --to-destination 4.4.4.4:5
iptables -t nat -A OUTPUT -p tcp -d 10.1.0.0/16 --dport 8080 -j DNAT --to-destination 10.0.0.9:80
iptables -t nat -L
iptables -t nat -L -n
iptables -t nat -L -n -v
iptables -t nat -L OUTPUT --line-numbers -n -x -v
iptables -t nat -S
iptables-save -t nat
iptables -t nat -C PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:80
iptables -t nat -C PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:81
iptables -t nat -C PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:80 --random
iptables -t nat -C OUTPUT -p tcp -j DNAT --to-destination 2.2.2.2 --random --persistent
iptables -t nat -D PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:22
iptables -t nat -D PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:1000-2000/1000
iptables -t nat -D PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:1000-2000/1001
iptables -t nat -D OUTPUT -p tcp -j DNAT --to-destination :80-81 --random
iptables -t nat -S
iptables-save -t nat > /tmp/iptwin-t2-dnat.save
iptables -t nat -F
iptables-restore < /tmp/iptwin-t2-dnat.save
iptables -t nat -S
iptables -t nat -F
# option errors
iptables -t nat -A PREROUTING -j DNAT
iptables -t nat -A PREROUTING -j DNAT --to-destination
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.1.1.1 --to-destination 2.2.2.2
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1-1.1.1.10:1025-65535 --to-destination 2.2.2.2-2.2.2.20:1025-65535
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.1.1.1:1025-65535
iptables -t nat -A PREROUTING -p udplite -j DNAT --to-destination 1.1.1.1:80
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.1.1.1:80 -p tcp
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1-1.1.1.10:1025-65536
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:65536
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:1000-2000/0
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:1000-2000/65536
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:1000-2000/3000x
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:echo-ssh
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:10-ssh
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:90-80
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:90-80/5
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:80:90
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:80x
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:80-90x
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:80-90-100
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:80-
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination :
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:-5
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.2.3
iptables -t nat -A PREROUTING -j DNAT --to-destination 01.2.3.4
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.2.3.4-
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.2.3.4-1.2.3.256
iptables -t nat -A PREROUTING -j DNAT --to-destination foo
iptables -t nat -A PREROUTING -j DNAT --to-destination localhost
iptables -t nat -A PREROUTING -j DNAT --to-destination ''
iptables -t nat -A PREROUTING -j DNAT --to-destination ::1
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination [1.2.3.4]:80
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80 --random-fully
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.2.3.4 --random --random
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.2.3.4 ! --random
iptables -t nat -A PREROUTING -j DNAT ! --to-destination 1.2.3.4
iptables -t nat -A PREROUTING -j DNAT --persistent
# kernel refusals: wrong table or hook
iptables -A INPUT -j DNAT --to-destination 1.2.3.4
iptables -t mangle -A PREROUTING -j DNAT --to-destination 1.2.3.4
iptables -t nat -A INPUT -j DNAT --to-destination 1.2.3.4
iptables -t nat -A POSTROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80
iptables -t nat -N dn
iptables -t nat -A dn -j DNAT --to-destination 5.5.5.5
iptables -t nat -A POSTROUTING -j dn
iptables -t nat -A PREROUTING -j dn
iptables -t nat -A INPUT -j dn
iptables -t nat -S
iptables -t nat -L dn
iptables -j DNAT -h
