#!/bin/sh
# Seed 001 §4.12-§4.13: which LOG rules run, and in which order, with RETURN and with goto.
. "$(dirname -- "$0")/../lib.sh"

iptwin lab up "$HERE/lab.yaml"
iptwin -H master2 iptables -N HOGE1
iptwin -H master2 iptables -N HOGE2
iptwin -H master2 iptables -N HOGE3
iptwin -H master2 iptables -A HOGE1 -p icmp -j LOG --log-prefix "HOGE11:"
iptwin -H master2 iptables -A HOGE1 -p icmp -j LOG --log-prefix "HOGE12:"
iptwin -H master2 iptables -A HOGE2 -p icmp -j LOG --log-prefix "HOGE21:"
iptwin -H master2 iptables -A HOGE2 -p icmp -j LOG --log-prefix "HOGE22:"
iptwin -H master2 iptables -A HOGE3 -p icmp -j LOG --log-prefix "HOGE31:"
iptwin -H master2 iptables -A HOGE3 -p icmp -j LOG --log-prefix "HOGE32:"
iptwin -H master2 iptables -nvL HOGE1
iptwin -H master2 iptables -A INPUT -j HOGE1
iptwin -H master2 iptables -A INPUT -j HOGE2
iptwin -H master2 iptables -A INPUT -j HOGE3
iptwin -H master2 iptables -nvL INPUT
# 1. One ping: all six LOG rules, in order.
iptwin -H master1 ping -c 1 master2
iptwin -H master2 tail -n 6 /var/log/messages
iptwin -H master2 iptables -nvL HOGE3
# 2. RETURN as HOGE1's first rule: HOGE12 is skipped, INPUT goes on with HOGE2.
iptwin -H master2 iptables -R HOGE1 1 -p icmp -j RETURN
iptwin -H master2 iptables -nvL HOGE1
iptwin -H master2 clock advance 511s
iptwin -H master1 ping -c 1 master2
iptwin -H master2 tail -n 4 /var/log/messages
# 3. goto HOGE3 as HOGE1's first rule: HOGE3 runs, then INPUT goes on after HOGE1 (HOGE2, HOGE3 again).
iptwin -H master2 iptables -R HOGE1 1 -p icmp --goto HOGE3
iptwin -H master2 iptables -nvL HOGE1
iptwin -H master2 iptables -nvL HOGE2
iptwin -H master2 iptables -nvL HOGE3
iptwin -H master2 clock advance 760s
iptwin -H master1 ping -c 1 master2
iptwin -H master2 tail -n 6 /var/log/messages
