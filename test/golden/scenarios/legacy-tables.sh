# flavour: legacy
# legacy: tables are loaded on first use; iptables-save lists the loaded ones, newest first.
iptables-save
iptables -t raw -A NOSUCH -j ACCEPT
iptables-save
iptables -t mangle -A INPUT --bogus
iptables-save
iptables -t security -L -n
iptables -t nat -S
iptables-save
iptables -L -n
iptables-save
iptables -t mangle -S
iptables-save -c
iptables -t mangle -P PREROUTING DROP
iptables -t mangle -P PREROUTING ACCEPT
iptables -t abcdefghijklmnopqrstuvwxyzabcdefgh -L
iptables -t abcdefghijklmnopqrstuvwxyzabcde -L
iptables -t Filter -L
iptables -t '' -L
iptables-save -t abcdefghijklmnopqrstuvwxyzabcdefgh
iptables-save
iptables -t nat -A POSTROUTING -j MASQUERADE
iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1:8080
iptables -t nat -A OUTPUT -j REDIRECT --to-ports 3128 -p tcp
iptables -t raw -A PREROUTING -j CT --notrack
iptables -t raw -A OUTPUT -j NOTRACK
iptables -t mangle -A FORWARD -j MARK --set-mark 5
iptables -t security -A INPUT -j ACCEPT
iptables-save
iptables -t raw -L -v -n
iptables -t nat -L -n --line-numbers
iptables -t mangle -F
iptables -t mangle -X
iptables-save -t mangle
iptables -t nat -N CHAIN1
iptables -t nat -A CHAIN1 -j RETURN
iptables -t nat -I PREROUTING -j CHAIN1
iptables-save -t nat
iptables -t nat -F
iptables -t nat -X
iptables -t nat -S
