# physdev match: all options, inversion, wildcards, name checks, OUTPUT restriction without --physdev-is-bridged.
iptables -A INPUT -m physdev
iptables -A INPUT -m physdev --physdev-in lo
iptables -A INPUT -m physdev --physdev-is-in --physdev-in lo
iptables -A INPUT -m physdev ! --physdev-in eth+ --physdev-is-in
iptables -A INPUT -m physdev ! --physdev-is-in ! --physdev-is-bridged
iptables -A INPUT -m physdev --physdev-in ""
iptables -A INPUT -m physdev --physdev-in "a b"
iptables -A INPUT -m physdev --physdev-in 0123456789abcdef
iptables -A INPUT -m physdev --physdev-in 0123456789abcde
iptables -A INPUT -m physdev --physdev-in
iptables -A INPUT -m physdev --physdev-out eth0
iptables -A INPUT -m physdev --physdev-is-out
iptables -A FORWARD -m physdev --physdev-out eth0
iptables -A FORWARD -m physdev --physdev-out eth0 --physdev-is-bridged
iptables -A FORWARD -m physdev ! --physdev-out eth0 --physdev-is-out ! --physdev-is-bridged
iptables -A FORWARD -m physdev --physdev-in lo --physdev-is-bridged
iptables -A FORWARD -m physdev --physdev-is-in --physdev-in a --physdev-is-out --physdev-out b --physdev-is-bridged -j ACCEPT
iptables -A OUTPUT -m physdev --physdev-out eth0
iptables -A OUTPUT -m physdev --physdev-is-out
iptables -A OUTPUT -m physdev --physdev-out eth0 --physdev-is-bridged
iptables -A OUTPUT -m physdev --physdev-out eth0 ! --physdev-is-bridged
iptables -A OUTPUT -m physdev --physdev-in eth0
iptables -A OUTPUT -m physdev ! --physdev-is-bridged
iptables -t mangle -A POSTROUTING -m physdev --physdev-out eth0
iptables -t mangle -A POSTROUTING -m physdev --physdev-is-out
iptables -t mangle -A POSTROUTING -m physdev --physdev-out lo --physdev-is-bridged
iptables -t mangle -A PREROUTING -m physdev --physdev-is-out
iptables -t mangle -A OUTPUT -m physdev --physdev-is-out
iptables -t nat -A OUTPUT -m physdev ! --physdev-out br0
iptables -A INPUT -m physdev --physdev-in a --physdev-in b
iptables -A INPUT -m physdev --physdev-is-in --physdev-is-in
iptables -A INPUT -m physdev --physdev-in a/b
iptables -N BR
iptables -A BR -m physdev --physdev-is-out
iptables -A FORWARD -j BR
iptables -A OUTPUT -j BR
iptables -L
iptables -L -n
iptables -L -v
iptables -S
iptables -t mangle -S
iptables-save
iptables -D INPUT -m physdev --physdev-in a/b
iptables -D INPUT -m physdev --physdev-in eth+ --physdev-is-in
iptables -D INPUT -m physdev --physdev-is-in ! --physdev-in eth+
iptables -D INPUT -m physdev --physdev-in eth+
iptables -S INPUT
iptables-save > /tmp/misc2-physdev.rules
iptables -F
iptables -X
iptables-restore < /tmp/misc2-physdev.rules
iptables -S
iptables -m physdev -h
