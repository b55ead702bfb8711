# multiport match (revision 1): lists, ranges, inversion, limits, protocols.
iptables -A INPUT -p tcp -m multiport --dports 22,80,443 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --sports 1024:65535
iptables -A INPUT -p udp -m multiport --ports 53,123:124
iptables -A INPUT -p tcp -m multiport ! --dports 1,2,3
iptables -A INPUT -p tcp -m multiport ! --ports 5
iptables -A INPUT -p tcp -m multiport --source-ports ssh,http
iptables -A INPUT -p tcp -m multiport --destination-ports www,https:8443
iptables -A INPUT -p sctp -m multiport --dports 1,2
iptables -A INPUT -p dccp -m multiport --dports 1:3
iptables -A INPUT -p udplite -m multiport --sports 7
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14:15
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13:14
iptables -A INPUT -p tcp -m multiport --dports 1:2,3:4,5:6,7:8,9:10,11:12,13:14,15
iptables -A INPUT -p tcp -m multiport --dports 1:2,3:4,5:6,7:8,9:10,11:12,13:14,15:16
iptables -A INPUT -p tcp -m multiport --dports 0:65535
iptables -A INPUT -p tcp -m multiport --dports 5:5
iptables -A INPUT -p tcp -m multiport --dports 6:5
iptables -A INPUT -p tcp -m multiport --dports 5:
iptables -A INPUT -p tcp -m multiport --dports :5
iptables -A INPUT -p tcp -m multiport --dports 1,,2
iptables -A INPUT -p tcp -m multiport --dports 1,2,
iptables -A INPUT -p tcp -m multiport --dports ''
iptables -A INPUT -p tcp -m multiport --dports foo
iptables -A INPUT -p tcp -m multiport --dports 70000
iptables -A INPUT -p tcp -m multiport --dports 1:2:3
iptables -A INPUT -p tcp -m multiport --dports 0
iptables -A INPUT -p tcp -m multiport --dports domain
iptables -A INPUT -p udp -m multiport --dports domain,ntp
iptables -L INPUT
iptables -L INPUT -n
iptables -L INPUT -v -n
iptables -S INPUT
iptables-save -t filter
iptables -D INPUT -p tcp -m multiport --dports 22,80,443 -j ACCEPT
iptables -D INPUT -p tcp -m multiport --dports 22,80,443 -j ACCEPT
iptables -C INPUT -p udp -m multiport --ports domain,123:124
iptables -C INPUT -p udp -m multiport --ports 53,123:125
iptables -D INPUT -p tcp -m multiport ! --dports 1,2,3
iptables -F
# protocol and option errors
iptables -A INPUT -m multiport --dports 80
iptables -A INPUT -p icmp -m multiport --dports 80
iptables -A INPUT ! -p tcp -m multiport --dports 80
iptables -A INPUT -p all -m multiport --dports 80
iptables -A INPUT -p tcp -m multiport
iptables -A INPUT -p tcp -m multiport --dports 1 --sports 2
iptables -A INPUT -p tcp -m multiport --dports 1 --dports 2
iptables -A INPUT -p tcp -m multiport --ports 1 --destination-ports 2
iptables -A INPUT -p tcp -m multiport --sports 1 --ports 2
iptables -A INPUT -p tcp -m multiport --dports
iptables -A INPUT -p tcp -m multiport --port 5
iptables -A INPUT -p tcp -m multiport --dport 5
iptables -A INPUT -p tcp -m multiport --sport 5
iptables -A INPUT -m multiport -p tcp --dports 80
iptables -A INPUT -p tcp --dport 5 -m multiport --dports 80
iptables -A INPUT -p 6 -m multiport --dports 80
iptables -A INPUT -p tcp -m multiport --dports 80 -m multiport --sports 90
iptables -S INPUT
iptables -F
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p tcp -m multiport --dports 22,80:90 -j ACCEPT
-A INPUT -p udp -m multiport ! --sports 53
COMMIT
EOF2
iptables-save -t filter
iptables -L INPUT
iptables -m multiport -h
