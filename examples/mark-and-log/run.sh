#!/bin/sh
# Seed 001 §4.10: group rules with a mark, then log the group with one rule.
. "$(dirname -- "$0")/../lib.sh"

iptwin lab up "$HERE/lab.yaml"
iptwin -H master2 iptables -A INPUT -p tcp --dport 10000 -j MARK --set-mark 12
iptwin -H master2 iptables -A INPUT -p tcp --dport 20000 -j MARK --set-mark 12
iptwin -H master2 iptables -nL INPUT --line-numbers
iptwin -H master2 iptables -A INPUT -m mark --mark 12 -j LOG
iptwin -H master2 iptables -nL INPUT --line-numbers
# A connection to each port from master1 (nothing listens: refused, but the SYN is logged).
iptwin -H master1 nc -zv master2 10000
iptwin -H master2 clock advance 9s
iptwin -H master1 nc -zv master2 20000
iptwin -H master2 tail -n 2 /var/log/messages
