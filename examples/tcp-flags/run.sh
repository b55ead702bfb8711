#!/bin/sh
# Seed 004 §12.5: log the SYN that opens a connection, then the FIN that closes it.
. "$(dirname -- "$0")/../lib.sh"

iptwin lab up "$HERE/lab.yaml"
iptwin -H server nc -kl 11111
# 12.5.1: SYN packets to port 11111.
iptwin -H server iptables -I INPUT -p tcp --dport 11111 --tcp-flags SYN SYN -j LOG
iptwin -H server iptables -nvL INPUT
iptwin -H client nc -N 192.168.122.128 11111
iptwin -H server iptables -nvL INPUT
iptwin -H server iptables -D INPUT 1
# 12.5.2: FIN packets to port 11111 (nc closes when its input ends, as Ctrl+C does).
iptwin -H server iptables -I INPUT -p tcp --dport 11111 --tcp-flags FIN FIN -j LOG
iptwin -H server iptables -nvL INPUT --line-numbers
iptwin -H client nc -N 192.168.122.128 11111
iptwin -H server iptables -nvL INPUT
iptwin -H server dmesg
# Seed 001 §4.14: --tcp-flags ALL SYN (only SYN set, no other flag), as -nvL and -L print it.
iptwin -H server iptables -I INPUT -p tcp --dport 11111 --tcp-flags ALL SYN -j DROP
iptwin -H server iptables -nvL INPUT --line-numbers
iptwin -H server iptables -L INPUT --line-numbers
iptwin -H client nc -zv -w 3 192.168.122.128 11111
iptwin -H server iptables -nvL INPUT 1
