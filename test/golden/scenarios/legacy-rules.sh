# flavour: legacy
# legacy: rules stay as xt matches (no nf_tables read-back), rule comparison, -v echo and -vv dumps.
iptables -A INPUT -p tcp -m tcp --dport 22 -m tcp --sport 80 -j ACCEPT
iptables -A INPUT -p tcp --dport 22 -m tcp ! --sport 1:1024 -j ACCEPT
iptables -A INPUT -p tcp ! --sport : -j ACCEPT
iptables -A INPUT -p tcp --sport 0:65535 -j ACCEPT
iptables -A INPUT -p udp --sport 0:65535 --dport 1: -j ACCEPT
iptables -A INPUT -p tcp -m tcp -j ACCEPT
iptables -A INPUT -p udp -m udp -m udp --dport 5 -j ACCEPT
iptables -A INPUT -m mark --mark 1 -m mark ! --mark 2/0xff -j ACCEPT
iptables -A INPUT -m limit --limit 7/hour --limit-burst 3 -j ACCEPT
iptables -A INPUT -m limit --limit 1000/sec -j ACCEPT
iptables -A INPUT -m limit -j ACCEPT
iptables -A INPUT -j NFLOG --nflog-group 3 --nflog-threshold 2 --nflog-size 64
iptables -A INPUT -i + -o + -j ACCEPT
iptables -A FORWARD ! -i + ! -o + -j ACCEPT
iptables -A FORWARD -i eth+ -j ACCEPT
iptables -A INPUT -j QUEUE
iptables -A INPUT -p tcp --tcp-flags ALL NONE -j DROP
iptables -S
iptables -L -n
iptables -L -v
iptables-save
iptables -C INPUT -p tcp --sport 0:65535 -j ACCEPT
iptables -C INPUT -p tcp -j ACCEPT
iptables -C INPUT -i + -j ACCEPT
iptables -C INPUT -i + -o + -j ACCEPT
iptables -D FORWARD -i + -j ACCEPT
iptables -D FORWARD ! -i + ! -o + -j ACCEPT
iptables -C INPUT -m limit --limit 7/hour --limit-burst 3 -j ACCEPT
iptables -C INPUT -m limit --limit 7/hour -j ACCEPT
iptables -D INPUT -j LOG
iptables -D INPUT -j QUEUE
iptables -D INPUT -j QUEUE
iptables -D INPUT -j DROP
iptables -D INPUT -j RETURN
iptables -N X
iptables -D INPUT -j X
iptables -D INPUT -g X
iptables -C INPUT -j X
iptables -D X -j ACCEPT
iptables -D NOSUCH -j ACCEPT
iptables -C NOSUCH -j ACCEPT
iptables -D NOSUCH -j LOG
iptables -D NOSUCH 1
iptables -C INPUT -j NFLOG --nflog-group 3 --nflog-threshold 2 --nflog-size 64
iptables -F
iptables -I INPUT -s 1.1.1.1,2.2.2.2 -d 3.3.3.3,4.4.4.4 -j ACCEPT
iptables -I INPUT 3 -s 5.5.5.5,6.6.6.6 -j DROP
iptables -S INPUT
iptables -v -A INPUT -s 7.7.7.7,8.8.8.8 -p tcp --dport 80 -j X
iptables -v -I INPUT 9 -s 7.7.7.7 -j X
iptables -v -D INPUT -s 7.7.7.7,9.9.9.9 -p tcp --dport 80 -j X
iptables -S INPUT
iptables -v -C INPUT -s 8.8.8.8 -p tcp --dport 80 -j X
iptables -v -R INPUT 1 -s 10.0.0.1 -j LOG --log-prefix "p "
iptables -v -R INPUT 99 -s 10.0.0.1 -j ACCEPT
iptables -v -A INPUT -m comment --comment hi -j X
iptables -v -A INPUT -j NOTRACK
iptables -v -A INPUT
iptables -v -A X -j RETURN
iptables -A INPUT -c 10 20 -j ACCEPT
iptables -R INPUT 1 -s 10.0.0.1 -j ACCEPT
iptables -R INPUT 2 -s 10.0.0.2 -j ACCEPT -c 3 4
iptables -L INPUT -v -x --line-numbers
iptables -S INPUT -v
iptables -vv -L X
iptables -t nat -N N1
iptables -t nat -A N1 -p udp -j DNAT --to-destination 1.2.3.4
iptables -t nat -A PREROUTING -i eth0 -j N1
iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE --to-ports 1000-2000
iptables -t nat -A POSTROUTING -o eth2 -s 10.0.0.0/8 -j SNAT --to-source 1.1.1.1
iptables -t nat -vv -S
iptables -t nat -vv -A N1 -j RETURN
iptables -vv -P INPUT FOO
iptables -vv -N X
iptables -E X Y
iptables -S
iptables -E Y INPUT
iptables -E Y ACCEPT
iptables -E Y Y
iptables -E INPUT Z
iptables -E Y abcdefghijklmnopqrstuvwxyz123
iptables -P OUTPUT DROP -c 5 6
iptables -L OUTPUT -v
iptables -Z OUTPUT
iptables -L OUTPUT -v
iptables -A OUTPUT -j ACCEPT -c 9 9
iptables -L -v -Z OUTPUT
iptables -L -v OUTPUT
iptables -S -Z OUTPUT 1 -v
iptables -A OUTPUT -o + -s 9.9.9.9 -j RETURN
iptables -A OUTPUT ! -o + -s 9.9.9.8 -j RETURN
iptables -C OUTPUT -s 9.9.9.9 -j RETURN
iptables -C OUTPUT ! -o + -s 9.9.9.9 -j RETURN
iptables -C OUTPUT -s 9.9.9.8 -j RETURN
iptables -C OUTPUT ! -o + -s 9.9.9.8 -j RETURN
iptables -L OUTPUT -v -n
iptables -D OUTPUT -s 9.9.9.9 -j RETURN
iptables -D OUTPUT -o + -s 9.9.9.8 -j RETURN
iptables -D OUTPUT ! -o + -s 9.9.9.8 -j RETURN
iptables -S OUTPUT
