# flavour: legacy
# legacy: Every verb of iptables(8) on the filter table, with the errors each can give.
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p udp --dport 53 -j ACCEPT
iptables -I INPUT -s 10.0.0.1 -j DROP
iptables -I INPUT 2 -d 10.0.0.2 -j ACCEPT
iptables -I INPUT 5 -d 10.0.0.3 -j ACCEPT
iptables -I INPUT 7 -d 10.0.0.4 -j ACCEPT
iptables -I INPUT 0 -d 10.0.0.4 -j ACCEPT
iptables -S
iptables -C INPUT -p tcp --dport 22 -j ACCEPT
iptables -C INPUT -p tcp --dport 23 -j ACCEPT
iptables -C INPUT -p tcp -m tcp --dport 22 -j ACCEPT
iptables -D INPUT -p tcp --dport 22 -j ACCEPT
iptables -D INPUT -p tcp --dport 22 -j ACCEPT
iptables -D INPUT 1
iptables -D INPUT 9
iptables -D INPUT 0
iptables -D INPUT x
iptables -R INPUT 1 -s 192.168.0.0/16 -j DROP
iptables -R INPUT 9 -s 192.168.0.0/16 -j DROP
iptables -R INPUT -s 192.168.0.0/16 -j DROP
iptables -R INPUT 1 -s 1.1.1.1,2.2.2.2 -j DROP
iptables -S INPUT
iptables -S INPUT 1
iptables -S INPUT 9
iptables -L INPUT 1
iptables -L INPUT 2 -n
iptables -N MYCHAIN
iptables -N MYCHAIN
iptables -N INPUT
iptables -N ACCEPT
iptables -N LOG
iptables -N -foo
iptables -N '!foo'
iptables -N 'my chain'
iptables -N abcdefghijklmnopqrstuvwxyz12
iptables -N abcdefghijklmnopqrstuvwxyz123
iptables -A MYCHAIN -j RETURN
iptables -A INPUT -j MYCHAIN
iptables -A INPUT -g MYCHAIN
iptables -A FORWARD -j MYCHAIN
iptables -L MYCHAIN
iptables -X MYCHAIN
iptables -X NOSUCH
iptables -E MYCHAIN RENAMED
iptables -E NOSUCH OTHER
iptables -E RENAMED INPUT
iptables -E RENAMED
iptables -S
iptables -L
iptables -F RENAMED
iptables -X RENAMED
iptables -D INPUT -j RENAMED
iptables -D INPUT -g RENAMED
iptables -D FORWARD -j RENAMED
iptables -X RENAMED
iptables -X RENAMED
iptables -A NOSUCH -j ACCEPT
iptables -I NOSUCH -j ACCEPT
iptables -A INPUT -j NOSUCHCHAIN
iptables -P INPUT DROP
iptables -P INPUT REJECT
iptables -P INPUT
iptables -P MYCHAIN2 DROP
iptables -N MYCHAIN2
iptables -P MYCHAIN2 DROP
iptables -P FORWARD DROP
iptables -L -n
iptables -P INPUT ACCEPT
iptables -P FORWARD ACCEPT
iptables -F
iptables -X
iptables -S
iptables -F INPUT
iptables -F NOSUCH
iptables -Z
iptables -Z INPUT
iptables -Z NOSUCH
iptables -Z INPUT 1
iptables -A INPUT -j ACCEPT
iptables -Z INPUT 1
iptables -Z INPUT 2
iptables -L -Z
iptables -S -Z INPUT
iptables -L INPUT -v -Z 1
iptables -X INPUT
iptables -F INPUT
iptables -X INPUT
iptables -P OUTPUT DROP
iptables -X OUTPUT
iptables -X FORWARD
iptables -S
iptables -t filter -S
iptables -t foo -S
iptables -t nat -S
iptables -t mangle -L
iptables -t raw -L -n -v
iptables -t security -S
iptables -V
iptables -A INPUT -A OUTPUT
iptables -L -A INPUT
iptables -L -F
iptables -L -Z
iptables -S -L
iptables
iptables -A
iptables -A INPUT -n
iptables -L -s 1.2.3.4
iptables -D INPUT 1 -p tcp
iptables -F -v
iptables -N A1
iptables -N A2
iptables -A A1 -j A2
iptables -A A2 -j A1
iptables -A A2 -j A2
iptables -A A1 -j A1
iptables -X -v
iptables -S
iptables -F -v
iptables -X -v
iptables -Z -v
iptables -S
