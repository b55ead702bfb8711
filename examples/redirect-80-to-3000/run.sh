#!/bin/sh
# Seed 001 §4.6: REDIRECT port 80 to a listener on port 3000.
. "$(dirname -- "$0")/../lib.sh"

iptwin lab up "$HERE/lab.yaml"
iptwin -H master2 iptables -F -t nat
iptwin -H master2 iptables -t nat -A PREROUTING -p tcp --dport 80 -j REDIRECT --to-port 3000
iptwin -H master2 iptables -L -t nat -n
# Wait on port 3000 (the twin's nc -l keeps listening in the background, like `nc -lk … &`).
iptwin -H master2 nc -lk -v 3000
iptwin -H master2 ss -tln
# From master1, port 80 of master2: the connection lands on the listener on 3000.
iptwin -H master1 nc -zv master2 80
iptwin -H master2 conntrack -L
iptwin -H master2 iptables -t nat -nvL PREROUTING
