#!/bin/sh
# Seed 001 #6: Docker's -p 10000:80 and -p 20000:80: DNAT to the containers, MASQUERADE out of them.
. "$(dirname -- "$0")/../lib.sh"

iptwin lab up "$HERE/lab.yaml"
# docker run -d -p 10000:80 nginx (container 172.17.0.2) adds these three rules:
iptwin -H master1 iptables -t nat -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
iptwin -H master1 iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 10000 -j DNAT --to-destination 172.17.0.2:80
iptwin -H master1 iptables -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
iptwin -H master1 iptables -t nat -nvL DOCKER --line-numbers
# docker run -d -p 20000:80 nginx (container 172.17.0.3):
iptwin -H master1 iptables -t nat -A POSTROUTING -s 172.17.0.3/32 -d 172.17.0.3/32 -p tcp -m tcp --dport 80 -j MASQUERADE
iptwin -H master1 iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 20000 -j DNAT --to-destination 172.17.0.3:80
iptwin -H master1 iptables -A DOCKER -d 172.17.0.3/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
iptwin -H master1 iptables -t nat -nvL DOCKER --line-numbers
iptwin -H master1 ip route show
# From master1 itself (nat OUTPUT -> DOCKER) and from master2 outside (nat PREROUTING -> DOCKER, FORWARD).
iptwin -H master1 curl http://192.168.0.10:10000
iptwin -H master1 curl http://192.168.0.10:20000
iptwin -H master2 curl -s http://192.168.0.10:10000/
iptwin -H master2 curl -s http://192.168.0.10:20000/
iptwin -H master1 iptables -t nat -nvL DOCKER --line-numbers
iptwin -H master1 iptables -nvL DOCKER
# The way back, and out: a container's own connection leaves masqueraded as 192.168.0.10.
iptwin -H boring_gates curl -s http://192.168.0.20:8080/
iptwin -H master1 iptables -t nat -nL POSTROUTING --line-numbers
iptwin -H master1 conntrack -L
iptwin -H master2 trace --from master2 -p tcp -d 192.168.0.10 --dport 10000
