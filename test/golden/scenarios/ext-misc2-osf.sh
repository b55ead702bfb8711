# osf match: genre, ttl, log, -p tcp requirement and hooks.
iptables -A INPUT -m osf
iptables -A INPUT -m osf --genre linux --ttl 0 --log 0
iptables -A INPUT -p tcp -m osf --genre linux --ttl 0 --log 0
iptables -A INPUT -p tcp -m osf --genre linux --ttl 3 --log 0
iptables -A INPUT -p tcp -m osf ! --genre Windows --log 2
iptables -A INPUT -p tcp -m osf --genre "a b" --ttl 2
iptables -A INPUT -p tcp -m osf --genre 0123456789012345678901234567890123456789
iptables -A INPUT -p tcp -m osf --genre ""
iptables -A INPUT -p tcp -m osf --genre x --log 3
iptables -A INPUT -p tcp -m osf --genre x --ttl -1
iptables -A INPUT -p tcp -m osf --genre x --genre y
iptables -A INPUT -p tcp -m osf --genre x ! --ttl 1
iptables -A INPUT -p tcp -m osf --genre x --ttl 1 --ttl 1
iptables -A INPUT ! -p tcp -m osf --genre x
iptables -A INPUT -p udp -m osf --genre x
iptables -A INPUT -p 6 -m osf --genre x
iptables -A INPUT -p tcp --dport 22 -m osf --genre Linux -j DROP
iptables -A OUTPUT -p tcp -m osf --genre x
iptables -A FORWARD -p tcp -m osf --genre x
iptables -t mangle -A PREROUTING -p tcp -m osf --genre x
iptables -t mangle -A POSTROUTING -p tcp -m osf --genre x
iptables -L INPUT
iptables -L INPUT -n
iptables -L -v
iptables -S
iptables-save
iptables -D INPUT -p tcp -m osf --genre linux
iptables -D INPUT -p tcp -m osf --genre linux --ttl 0 --log 0
iptables -D INPUT -p tcp -m osf --genre 01234567890123456789012345678901234
iptables -S INPUT
iptables-save > /tmp/misc2-osf.rules
iptables -F
iptables-restore < /tmp/misc2-osf.rules
iptables -S
iptables -m osf -h
