# flavour: legacy
# legacy: iptables-save options and table selection.
iptables-save
iptables-save -t filter
iptables-save -t nat
iptables-save -t foo
iptables-save -c -t raw
iptables -A INPUT -j ACCEPT -c 1 2
iptables -t mangle -A PREROUTING -j ACCEPT
iptables-save
iptables-save -c
iptables-save --counters --table=mangle
iptables-save --tab mangle
iptables-save -x
iptables-save --foo
iptables-save -t
iptables-save extra
iptables-save -V
iptables-save --version
iptables-save -b
iptables-save -M /bin/true -t filter
iptables-save -d
