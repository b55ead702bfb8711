# iptables -vv: address lists, renamed base chains, references, odd verbose counts.
iptables -vv -A INPUT -s 1.1.1.1,2.2.2.0/24 -d 3.3.3.3,4.4.4.4 -p udp -j ACCEPT
iptables -vv -D INPUT -s 1.1.1.1,2.2.2.0/24 -d 3.3.3.3 -p udp -j ACCEPT
iptables -vv -C INPUT -s 2.2.2.0/24 -d 4.4.4.4 -p udp -j ACCEPT
iptables -vv -I INPUT 1 -s 5.5.5.5,6.6.6.6 -j DROP
iptables -N A
iptables -N B
iptables -A A -j B
iptables -A FORWARD -j A
iptables -A FORWARD -g B
iptables -A OUTPUT -j B
iptables -vv -X B
iptables -vv -X A
iptables -vv -F A
iptables -vv -X A
iptables -vvvv -L A
iptables -v -v -v -v -S B
iptables -vv -E INPUT foo
iptables -vvL
iptables -vvL INPUT
iptables -vv -S
iptables -vv -A INPUT -j ACCEPT
iptables -vvL
iptables -vv -F
iptables -vv -X
iptables -vv -Z
iptables -vv -t filter -L FORWARD --line-numbers -n -x
iptables -vv -A FORWARD -m comment --comment 'it''s "quoted"' -j ACCEPT
iptables -vv -A FORWARD -j NFLOG --nflog-prefix "a \"b\" c"
iptables -vv -A FORWARD -i 'x y' -j ACCEPT
iptables -vv -S FORWARD
iptables-save -c
iptables -vvL nosuch
iptables -vv -S nosuch
iptables -vv -D nosuch 1
iptables -vv -A nosuch -j ACCEPT
iptables -vv -A FORWARD -j nosuch
iptables -vv -R FORWARD 1 -j nosuch
iptables -vv -t nat -A PREROUTING -j DROP
iptables -vv -Z nosuch
iptables -vv -L -Z nosuch
iptables -vv -N FORWARD
iptables -vv -E FORWARD INPUT
iptables -vv -P nosuch DROP
iptables -vv -P INPUT REJECT
iptables -vv -X FORWARD
iptables -vv -A FORWARD -m limit --limit 2/sec --limit-burst 0 -j ACCEPT
iptables -vv -C FORWARD -m limit --limit 2/sec --limit-burst 0 -j ACCEPT
iptables -vv -D FORWARD -m limit --limit 2/sec --limit-burst 0 -j ACCEPT
iptables -v -A FORWARD -m limit --limit 2/sec --limit-burst 0 -j ACCEPT
iptables -v -R FORWARD 1 -m limit --limit 2/sec --limit-burst 0 -j ACCEPT
iptables -v -I FORWARD 1 -m limit --limit 2/sec --limit-burst 0 -j ACCEPT
iptables -F FORWARD
iptables -A FORWARD -p tcp ! --dport :1000 -i + -m tcp --sport 5 -m tcp --dport 7 -c 1 1 -j ACCEPT
iptables -A FORWARD -m limit --limit 7/hour --limit-burst 0 -c 1 1 -j ACCEPT
iptables -vv -S FORWARD
iptables -vv -Z FORWARD 1
iptables -vv -Z FORWARD 2
iptables -vv -S FORWARD
iptables -vv -Z FORWARD
