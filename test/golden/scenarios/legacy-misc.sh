# flavour: legacy
# legacy: help, version and lock options of iptables-legacy.
iptables -h
iptables --help
iptables -p tcp -h
iptables -m limit -j LOG -h
iptables --version
iptables -V -L
iptables -w -L INPUT
iptables -w 3 -L INPUT
iptables --wait=3 -L INPUT
iptables -w x -L INPUT
iptables -W 5 -L INPUT
iptables -w -W 5 -L INPUT
iptables -w 1 -W 1000000 -L INPUT
iptables -w 1 -W x -L INPUT
iptables -w 1 -W -L INPUT
iptables --wait-interval 10 -w -A INPUT
iptables -4 -S
iptables -6 -S
iptables -M /nonexistent -S
iptables --modprobe=/bin/true -t nat -S
iptables -S INPUT -t filter
iptables -t filter -t nat -S
iptables -L -t
iptables -L INPUT FORWARD
iptables -S NOSUCH
iptables -L NOSUCH
iptables -L NOSUCH 1
iptables -S INPUT 0
iptables -L INPUT 1
iptables -L -n --line-numbers -x -v
iptables -n -L -v -x -Z
iptables-save -V
iptables-save --bogus
iptables-save -d -t nat
iptables-save -c -d
iptables-save -t nat -c -b
iptables-save -f /tmp/iptwin-legacy-save-out -t filter
iptables-restore /tmp/iptwin-legacy-save-out
iptables-save -t mangle -M x extra
