#!/bin/sh
# Seed 001 §8.1, seed 004 §12.2 and §12.6: -i and -o, and the eth+ wildcard.
. "$(dirname -- "$0")/../lib.sh"

iptwin lab up "$HERE/lab.yaml"
# -i eth1: only ICMP that arrives on eth1 is logged.
iptwin -H router2 iptables -I INPUT -i eth1 -p icmp -j LOG
iptwin -H router2 iptables -nvL INPUT
iptwin -H pc1 ping -c 1 192.168.200.20
iptwin -H pc0 ping -c 1 192.168.200.20
iptwin -H router2 journalctl -b0 -k
iptwin -H router2 iptables -nvL INPUT
# -o eth1: only ICMP that leaves through eth1 (the reply to pc1) is logged.
iptwin -H router2 iptables -I OUTPUT -o eth1 -p icmp -j LOG
iptwin -H router2 clock advance 380s
iptwin -H pc1 ping -c 1 192.168.200.20
iptwin -H pc0 ping -c 1 192.168.200.20
iptwin -H router2 journalctl -k -n 2
iptwin -H router2 iptables -nvL OUTPUT
# eth+: any interface whose name starts with eth.
iptwin -H router2 iptables -F
iptwin -H router2 iptables -A INPUT -i eth+ -p tcp --dport 11111
iptwin -H router2 iptables -A INPUT -i eth1 -p tcp --dport 11111
iptwin -H router2 iptables -nvL INPUT --line-numbers
iptwin -H pc0 nc -zv 192.168.200.20 11111
iptwin -H pc1 nc -zv 192.168.200.20 11111
iptwin -H router2 iptables -nvL INPUT --line-numbers
