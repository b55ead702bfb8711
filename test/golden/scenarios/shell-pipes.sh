# Tutorials pipe iptables output into text tools; the twin's shell runs them too.
iptables -t nat -A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 3000
iptables -t nat -A PREROUTING -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p icmp -j LOG --log-prefix "[INPUT]"
iptables -A INPUT -s 10.0.0.0/8 -j DROP
iptables -L -t nat -n|grep -e 80 -e 3000
iptables -L -t nat -n | grep -v Chain
iptables -S | wc -l
iptables -S | wc
iptables -S | grep -c DROP
iptables -S | grep -c nothing
iptables -S | grep -n -i log
iptables -S | grep -E 'DROP|LOG'
iptables -S | grep 'D\(RO\)P'
iptables -S | grep -w INPUT
iptables -S | grep -x '-P INPUT ACCEPT'
iptables -t nat -S | head -n 2
iptables -t nat -S | head -2
iptables -t nat -S | tail -n 1
iptables -t nat -S | tail -n +5
iptables -S | sort
iptables -S | sort -r | head -n 3
iptables -S | cut -c1 | sort | uniq -c
iptables -nvL | grep -q LOG && echo has-log
iptables -nvL | grep -q nothing || echo no-match
iptables -S | cat
