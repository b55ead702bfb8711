# Edge cases: number syntax, service names, nft merge of several udp matches, -C/-D by data.
iptables -A INPUT -p icmp --icmp-type ' 8'
iptables -A INPUT -p icmp --icmp-type '+8'
iptables -A INPUT -p icmp --icmp-type '010'
iptables -A INPUT -p icmp --icmp-type 0x8
iptables -A INPUT -p icmp --icmp-type '8/ 1'
iptables -A INPUT -p icmp --icmp-type '8:8/1'
iptables -A INPUT -p icmp --icmp-type '8:8/1:2'
iptables -A INPUT -p icmp --icmp-type '8/1:'
iptables -A INPUT -p icmp --icmp-type '8/:1'
iptables -A INPUT -p icmp --icmp-type 'any/1'
iptables -A INPUT -p icmp --icmp-type 'ANY'
iptables -A INPUT -p icmp --icmp-type 'tos-'
iptables -A INPUT -p icmp --icmp-type 'tos-h'
iptables -A INPUT -p icmp --icmp-type 'tos-host-r'
iptables -S INPUT
iptables -L INPUT
iptables -F
iptables -A INPUT -p tcp -m multiport --dports ftp-data,ftp
iptables -A INPUT -p tcp -m multiport --dports 0x10,010
iptables -A INPUT -p tcp -m multiport --dports ' 5,+6'
iptables -A INPUT -p tcp -m multiport --dports 'http:https'
iptables -A INPUT -p tcp -m multiport --dports 'https:http'
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,
iptables -A INPUT -p tcp -m multiport --dports 1:2,3:4,5:6,7:8,9:10,11:12,13:14,15,16
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14:
iptables -A INPUT -p udp -m multiport --dports ntp:1000
iptables -A INPUT -p udp -m multiport ! --ports 1:2,3
iptables -S INPUT
iptables -L INPUT
iptables -F
iptables -A INPUT -m tos --tos 0x10/0x3f
iptables -A INPUT -m tos --tos 16/63
iptables -A INPUT -m tos --tos ' 16'
iptables -A INPUT -m tos --tos NORMAL-SERVICE
iptables -A INPUT -m tos --tos 0x10/
iptables -A INPUT -m tos --tos 0x100/0x3f
iptables -A INPUT -m tos --tos -1
iptables -A INPUT -m tos --tos ''
iptables -A INPUT -m tos ! --tos 0/0x3f
iptables -S INPUT
iptables -L INPUT
iptables -F
iptables -A INPUT -m realm --realm ' 1'
iptables -A INPUT -m realm --realm 0x1/0x1
iptables -A INPUT -m realm --realm cosmos/1
iptables -A INPUT -m realm --realm 1/
iptables -A INPUT -m realm --realm ''
iptables -A INPUT -m realm --realm -1
iptables -A INPUT -m realm --realm 0/0
iptables -A INPUT -m realm --realm 1/0xffffffff
iptables -A INPUT -m realm --realm 1/4294967296
iptables -S INPUT
iptables -L INPUT
iptables -L INPUT -n
iptables -F
iptables -A INPUT -m length --length 0x10:0x20
iptables -A INPUT -m length --length ' 5'
iptables -A INPUT -m length --length '5: 6'
iptables -A INPUT -m length --length ''
iptables -A INPUT -m length --length :5
iptables -A INPUT -p ah --ahspi '+5'
iptables -A INPUT -p ah --ahspi '5 :6'
iptables -A INPUT -p ah --ahspi '5:+6'
iptables -A INPUT -p dccp --dccp-option '+5'
iptables -A INPUT -p dccp --dccp-option ' 5'
iptables -A INPUT -p dccp --dccp-option '5 '
iptables -A INPUT -m pkttype --pkt-type Host
iptables -A INPUT -m pkttype --pkt-type ''
iptables -A INPUT -p sctp --dport 0x10:0x20
iptables -A INPUT -p sctp --dport ' 5'
iptables -A INPUT -p sctp --dport ':'
iptables -A INPUT -p sctp --dport ''
iptables -A INPUT -m dscp --dscp-class ef
iptables -A INPUT -m dscp --dscp-class cs0
iptables -A INPUT -m dscp --dscp-class ''
iptables -A INPUT -m dscp --dscp 0x3f
iptables -A INPUT -m dscp --dscp ''
iptables -A INPUT -m ecn --ecn-ip-ect 0x3
iptables -A INPUT -m ttl --ttl-eq 0x40
iptables -A INPUT -m ttl --ttl-eq ''
iptables -A INPUT -m tcpmss --mss 1 -p tcp
iptables -A INPUT -p tcp -m tcpmss --mss ''
iptables -A INPUT -p udp --sport ':'
iptables -A INPUT -p udp --sport '::'
iptables -A INPUT -p udp --sport 'ssh:'
iptables -S INPUT
iptables -L INPUT
iptables -L INPUT -n
iptables -F
iptables -A INPUT -p udp -m udp ! --sport : --dport 5
iptables -A INPUT -p udp -m udp --sport 1 --dport 1
iptables -A INPUT -p udp -m udp ! --sport 1 ! --dport 1
iptables -A INPUT -p udp --sport 0 --dport 5
iptables -A INPUT -p udp -m udp --sport 1 -m udp --dport 2 -j DROP
iptables -C INPUT -p udp -m udp --sport 1 --dport 2 -j DROP
iptables -C INPUT -p udp --dport 2 -m udp --sport 1 -j DROP
iptables -A INPUT -p udp -m udp --sport 1 -m udp ! --dport 2 -m udp ! --sport 3
iptables -A INPUT -p udp -m udp --dport 10:20 -m udp --dport :5
iptables -A INPUT -p udp -m udp --dport 10:20 -m udp ! --dport :5
iptables -A INPUT -p udp -m udp --dport 10:20 -m udp ! --dport 0:65534
iptables -A INPUT -p udp -m udp --sport 5 --dport 6 -m udp ! --sport 7 ! --dport 8
iptables -A INPUT -p udp -m udp --sport 5 --dport 6 -m udp -m udp ! --sport 7
iptables -S INPUT
iptables -L INPUT -v
iptables -N U
iptables -A U -p udp --dport 5 -m multiport --sports 1,2 -j RETURN
iptables -A INPUT -j U
iptables -D U -p udp --dport 5 -m multiport --sports 1,2 -j RETURN
iptables -D U -p udp -m udp --dport 5 -m multiport --sports 1,2 -j RETURN
iptables -S
iptables -F
iptables -X
iptables -A INPUT -p udp -m udp -m icmp --icmp-type 8
iptables -A INPUT -p icmp -m udp --sport 1
iptables -A INPUT -p icmp -m icmp --icmp-type 8 -m udp
iptables -A INPUT -p udp -m udp --sport 5 -m ah
iptables -S
