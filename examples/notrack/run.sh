#!/bin/sh
# Seed 001 §7: NOTRACK keeps a flow out of conntrack; another source is still tracked.
. "$(dirname -- "$0")/../lib.sh"

iptwin lab up "$HERE/lab.yaml"
# 7.2: one ICMP echo request (hping3 -I eth0 -c 1 -C 8 server): NEW, then UPDATE when the reply leaves.
iptwin -H client send --from client -p icmp --icmp-type 8 -d server --id 1302
iptwin -H server conntrack -E -p icmp
# Empty the table (conntrack -E then reports the flushed entry's DESTROY).
iptwin -H server conntrack -F
iptwin -H server conntrack -E -p icmp
# 7.4: ICMP from 192.168.0.110 to 192.168.0.100 is not tracked.
iptwin -H server iptables -t raw -A PREROUTING -p icmp -s 192.168.0.110 -d 192.168.0.100 -j NOTRACK
iptwin -H server iptables -t raw -nvL PREROUTING --line-numbers
iptwin -H client send --from client -p icmp --icmp-type 8 -d server --id 1303
iptwin -H server conntrack -E -p icmp
iptwin -H server conntrack -L
iptwin -H server iptables -t raw -nvL PREROUTING --line-numbers
# The same packet from another source address (hping3 -a 1.1.1.1) is tracked.
iptwin -H client send --from client -p icmp --icmp-type 8 -s 1.1.1.1 -d server --id 32005
iptwin -H server conntrack -E -p icmp
iptwin -H server conntrack -L
