#!/bin/sh
# Seed 003: REJECT server 2's SSH connections and log the ICMP error server 1 sends back.
. "$(dirname -- "$0")/../lib.sh"

iptwin lab up "$HERE/lab.yaml"
iptwin -H server1 iptables -A INPUT -s 10.1.77.146 -p tcp --dport 22 -j REJECT
iptwin -H server1 iptables -A OUTPUT -p icmp -j LOG --log-prefix "[OUTPUT] "
# From server 2: the SYN is answered with ICMP port unreachable.
iptwin -H server2 ssh -i .ssh/key.pem user@server1
iptwin -H server2 nc -v server1 22
iptwin -H server1 tail -n 2 /var/log/messages
# Save what we have to /etc/sysconfig/iptables.
iptwin -H server1 clock advance 410s
iptwin -H server1 service iptables save
iptwin -H server1 cat /etc/sysconfig/iptables
iptwin -H server1 iptables -L -v
