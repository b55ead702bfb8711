# rpfilter match: options, raw/mangle PREROUTING only, user chains.
iptables -t mangle -A PREROUTING -m rpfilter
iptables -t mangle -A PREROUTING -m rpfilter --loose --validmark --accept-local --invert
iptables -t mangle -A PREROUTING -m rpfilter --invert --loose
iptables -t mangle -A PREROUTING -m rpfilter --accept-local --validmark -j DROP
iptables -t mangle -A PREROUTING -m rpfilter --loose --loose
iptables -t mangle -A PREROUTING -m rpfilter ! --loose
iptables -t mangle -A PREROUTING -m rpfilter ! --invert
iptables -t mangle -A PREROUTING -m rpfilter --strict
iptables -t raw -A PREROUTING -m rpfilter --accept-local
iptables -t raw -A PREROUTING -m rpfilter --invert -j DROP
iptables -t mangle -A INPUT -m rpfilter
iptables -t mangle -A FORWARD -m rpfilter
iptables -t mangle -A OUTPUT -m rpfilter
iptables -t mangle -A POSTROUTING -m rpfilter
iptables -t raw -A OUTPUT -m rpfilter
iptables -t nat -A PREROUTING -m rpfilter
iptables -A INPUT -m rpfilter
iptables -A FORWARD -m rpfilter --invert -j DROP
iptables -t mangle -N X
iptables -t mangle -A X -m rpfilter
iptables -t mangle -A INPUT -j X
iptables -t mangle -A PREROUTING -j X
iptables -N Y
iptables -A Y -m rpfilter
iptables -t mangle -L
iptables -t mangle -L -n -v
iptables -t mangle -S
iptables -t raw -L -n
iptables -t raw -S
iptables-save
iptables -t mangle -D PREROUTING -m rpfilter --loose --invert
iptables -t mangle -D PREROUTING -m rpfilter --invert --loose
iptables -t mangle -D PREROUTING -m rpfilter --loose
iptables -t mangle -S PREROUTING
iptables-save > /tmp/misc2-rpfilter.rules
iptables -t mangle -F
iptables -t mangle -X
iptables -t raw -F
iptables-restore < /tmp/misc2-rpfilter.rules
iptables-save
iptables-restore <<'EOF2'
*mangle
-A OUTPUT -m rpfilter
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -m rpfilter
COMMIT
EOF2
iptables -m rpfilter -h
