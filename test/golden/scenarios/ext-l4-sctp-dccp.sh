# sctp and dccp matches.
iptables -A INPUT -p sctp --dport 80 -j ACCEPT
iptables -A INPUT -p sctp -m sctp --sport 1:2 ! --dport 3
iptables -A INPUT -p sctp --sport 0:65535
iptables -A INPUT -p sctp ! --sport 0:65535
iptables -A INPUT -p sctp --sport :
iptables -A INPUT -p sctp --dport 5:
iptables -A INPUT -p sctp --dport :5
iptables -A INPUT -p sctp --dport 4:3
iptables -A INPUT -p sctp --dport http
iptables -A INPUT -p sctp --dport foo
iptables -A INPUT -p sctp --dport 70000
iptables -A INPUT -p sctp --dport 5 --dport 6
iptables -A INPUT -p sctp --sport 5 --source-port 6
iptables -A INPUT -p sctp --chunk-types all DATA
iptables -A INPUT -p sctp --chunk-types any DATA,INIT,INIT_ACK
iptables -A INPUT -p sctp ! --chunk-types only SACK,HEARTBEAT,HEARTBEAT_ACK,ABORT,SHUTDOWN,SHUTDOWN_ACK,ERROR
iptables -A INPUT -p sctp --chunk-types any COOKIE_ECHO,COOKIE_ACK,ECN_ECNE,ECN_CWR,SHUTDOWN_COMPLETE,ASCONF,ASCONF_ACK,FORWARD_TSN
iptables -A INPUT -p sctp --chunk-types any I_DATA,RE_CONFIG,PAD,I_FORWARD_TSN
iptables -A INPUT -p sctp --chunk-types all ALL
iptables -A INPUT -p sctp --chunk-types ANY none
iptables -A INPUT -p sctp --chunk-types only all
iptables -A INPUT -p sctp --chunk-types all data,init
iptables -A INPUT -p sctp --chunk-types all DATA:Be
iptables -A INPUT -p sctp --chunk-types all DATA:iUbE,ABORT:t,SHUTDOWN_COMPLETE:T
iptables -A INPUT -p sctp --chunk-types any DATA:I,DATA:u
iptables -A INPUT -p sctp --chunk-types any I_DATA:I
iptables -A INPUT -p sctp --chunk-types any DATA:-
iptables -A INPUT -p sctp --chunk-types any DATA:
iptables -A INPUT -p sctp --chunk-types any ,
iptables -A INPUT -p sctp --chunk-types any DATA,,INIT
iptables -A INPUT -p sctp --chunk-types all DATA:T
iptables -A INPUT -p sctp --chunk-types all INIT:T
iptables -A INPUT -p sctp --chunk-types all FOO
iptables -A INPUT -p sctp --chunk-types all DATA,ALL
iptables -A INPUT -p sctp --chunk-types some DATA
iptables -A INPUT -p sctp --chunk-types all
iptables -A INPUT -p sctp --chunk-types all -j ACCEPT
iptables -A INPUT -p sctp --chunk-types all ! DATA
iptables -A INPUT -p sctp --chunk-types all DATA --chunk-types any INIT
iptables -A INPUT -p sctp --chunk-types any DATA:I,ABORT:T,SHUTDOWN_COMPLETE:T,I_DATA:U
iptables -A INPUT -p sctp --chunk-types any DATA:I,ABORT:T,SHUTDOWN_COMPLETE:T,I_DATA:U,DATA:E
iptables -A INPUT -p sctp --dport 1 --sport 2 --chunk-types any INIT
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -D INPUT -p sctp --dport 80 -j ACCEPT
iptables -D INPUT -p sctp --chunk-types all data,INIT
iptables -C INPUT -p sctp --chunk-types any I_DATA:I
iptables -C INPUT -p sctp --chunk-types any I_DATA
iptables -F
iptables -A INPUT -m sctp --dport 5
iptables -A INPUT -p tcp -m sctp --dport 5
iptables -A INPUT ! -p sctp -m sctp --dport 5
iptables -A INPUT -p sctp -m sctp
iptables -A INPUT -m sctp
iptables -S INPUT
iptables -F
# dccp
iptables -A INPUT -p dccp --dport 80 -j ACCEPT
iptables -A INPUT -p dccp -m dccp --sport 1:2 ! --dport 3
iptables -A INPUT -p dccp --sport 0:65535
iptables -A INPUT -p dccp ! --sport :
iptables -A INPUT -p dccp --dport 4:3
iptables -A INPUT -p dccp --dport 5:
iptables -A INPUT -p dccp --dport http
iptables -A INPUT -p dccp --dport 1:2:3
iptables -A INPUT -p dccp --dport foo
iptables -A INPUT -p dccp --dccp-types REQUEST,RESPONSE,DATA,ACK,DATAACK
iptables -A INPUT -p dccp ! --dccp-types CLOSEREQ,CLOSE,RESET,SYNC,SYNCACK
iptables -A INPUT -p dccp --dccp-types INVALID
iptables -A INPUT -p dccp --dccp-types invalid,request
iptables -A INPUT -p dccp --dccp-types sync,ack,request
iptables -A INPUT -p dccp --dccp-types ,
iptables -A INPUT -p dccp --dccp-types FOO
iptables -A INPUT -p dccp --dccp-option 5
iptables -A INPUT -p dccp ! --dccp-option 255
iptables -A INPUT -p dccp --dccp-option 0
iptables -A INPUT -p dccp --dccp-option 256
iptables -A INPUT -p dccp --dccp-option 0x10
iptables -A INPUT -p dccp --sport 1 --dport 2 --dccp-types DATA --dccp-option 3
iptables -A INPUT -p dccp --dccp-types DATA --dccp-types ACK
iptables -A INPUT -p dccp --dccp-option 3 --dccp-option 4
iptables -A INPUT -p dccp -m dccp
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -D INPUT -p dccp --dccp-types sync,ack,request
iptables -D INPUT -p dccp --dport 80 -j ACCEPT
iptables -C INPUT -p dccp ! --sport :
iptables -F
iptables -A INPUT -m dccp --dport 5
iptables -A INPUT -p udp -m dccp --dport 5
iptables -A INPUT -m dccp
iptables -F
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p sctp -m sctp --sport 1 --chunk-types any DATA:Be,INIT -j DROP
-A INPUT -p dccp -m dccp ! --dport 3:4 --dccp-types INVALID,DATA ! --dccp-option 9
COMMIT
EOF2
iptables-save -t filter
iptables -L INPUT
iptables -L INPUT -n
iptables -p sctp -h
iptables -p dccp -h
