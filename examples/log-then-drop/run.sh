#!/bin/sh
# Seed 003: log the pings server 2 sends to server 1, then drop them.
. "$(dirname -- "$0")/../lib.sh"

iptwin lab up "$HERE/lab.yaml"
# A new /etc/sysconfig/iptables on server 1 (iptables-services).
iptwin -H server1 systemctl enable iptables
iptwin -H server1 systemctl start iptables
iptwin -H server1 clock advance 6s
iptwin -H server1 systemctl status iptables
iptwin -H server1 systemctl stop iptables
iptwin -H server1 iptables -L
iptwin -H server1 service iptables save
iptwin -H server1 systemctl start iptables
# Log the ICMP packets from server 2; nine pings arrive and are answered.
iptwin -H server1 iptables -A INPUT -s 10.1.77.146 -p icmp -j LOG --log-prefix "[INPUT]"
iptwin -H server1 clock advance 423s
iptwin -H server2 ping -c 9 10.1.51.165
iptwin -H server1 tail -n 9 /var/log/messages
# Drop them after the LOG rule: 298 more pings get no answer.
iptwin -H server1 iptables -A INPUT -s 10.1.77.146 -p icmp -j DROP
iptwin -H server2 ping -c 298 10.1.51.165
iptwin -H server1 iptables -L -v
# The LOG rule still comes first, so the dropped pings are logged too.
iptwin -H server1 journalctl -k -n 2
