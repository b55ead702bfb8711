#!/bin/sh
# Seed 001 §4.11: MARK in nat PREROUTING, DROP of mark 5 in INPUT; nc times out.
. "$(dirname -- "$0")/../lib.sh"

iptwin lab up "$HERE/lab.yaml"
# On master2: mark TCP packets to port 1000 with 5, drop mark 5 in INPUT.
iptwin -H master2 iptables -t nat -A PREROUTING -p tcp --dport 1000 -j MARK --set-mark 5
iptwin -H master2 iptables -t nat -nvL PREROUTING
iptwin -H master2 iptables -A INPUT -m mark --mark 5 -j DROP
iptwin -H master2 iptables -nvL INPUT
iptwin -H master2 nc -l 1000 -v
# From master1: the SYNs are dropped; after 10 s nc gives up.
iptwin -H master1 nc -v -w 10 192.168.0.20 1000
iptwin -H master2 iptables -t nat -nvL PREROUTING --line-numbers
iptwin -H master2 iptables -nvL INPUT --line-numbers
# Clean up: the same connection then succeeds.
iptwin -H master2 iptables -D INPUT 1
iptwin -H master2 iptables -t nat -D PREROUTING 3
iptwin -H master2 iptables -t nat -nvL PREROUTING --line-numbers
iptwin -H master1 nc -zv -w 10 192.168.0.20 1000
