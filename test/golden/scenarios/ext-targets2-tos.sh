# TOS (revision 1), DSCP, ECN, CHECKSUM, TCPOPTSTRIP.
iptables -t mangle -A PREROUTING -j TOS --set-tos 0x1f
iptables -t mangle -A PREROUTING -j TOS --set-tos 0x1f/0x1f
iptables -t mangle -A PREROUTING -j TOS --set-tos Minimize-Delay
iptables -t mangle -A PREROUTING -j TOS --set-tos Maximize-Throughput
iptables -t mangle -A PREROUTING -j TOS --set-tos maximize-reliability
iptables -t mangle -A PREROUTING -j TOS --set-tos Minimize-Cost
iptables -t mangle -A PREROUTING -j TOS --set-tos Normal-Service
iptables -t mangle -A INPUT -j TOS --and-tos 0x12
iptables -t mangle -A INPUT -j TOS --or-tos 0x12
iptables -t mangle -A INPUT -j TOS --xor-tos 0x12
iptables -t mangle -A INPUT -j TOS --and-tos 0xff
iptables -t mangle -A INPUT -j TOS --or-tos 0
iptables -t mangle -A FORWARD -j TOS --set-tos 0x10/0x3f
iptables -t mangle -A FORWARD -j TOS --set-tos 0x08/0x3f
iptables -t mangle -A FORWARD -j TOS --set-tos 0x00/0x3f
iptables -t mangle -A FORWARD -j TOS --set-tos 0x05/0x3f
iptables -t mangle -A FORWARD -j TOS --set-tos 0xff
iptables -t mangle -A FORWARD -j TOS --set-tos 0x03/0x07
iptables -t mangle -A FORWARD -j TOS --set-tos 0/0
iptables -t mangle -A FORWARD -j TOS --set-tos 16
iptables -t mangle -L
iptables -t mangle -L -n
iptables -t mangle -S
iptables -t mangle -D PREROUTING -j TOS --set-tos 0x1f/0xff
iptables -t mangle -D PREROUTING -j TOS --set-tos 0x10/0x3f
iptables -t mangle -D INPUT -j TOS --set-tos 0x12/0x12
iptables -t mangle -D INPUT -j TOS --xor-tos 0x13
iptables -t mangle -C FORWARD -j TOS --set-tos 0xff/0xff
iptables-save -t mangle > /tmp/iptwin-t2-tos.save
iptables -t mangle -F
iptables-restore < /tmp/iptwin-t2-tos.save
iptables-save -t mangle
iptables -t mangle -F
iptables -t mangle -A PREROUTING -j TOS
iptables -t mangle -A PREROUTING -j TOS --set-tos 0x100
iptables -t mangle -A PREROUTING -j TOS --set-tos 0x10/0x100
iptables -t mangle -A PREROUTING -j TOS --set-tos 0x10/
iptables -t mangle -A PREROUTING -j TOS --set-tos 0x10x
iptables -t mangle -A PREROUTING -j TOS --set-tos Foo
iptables -t mangle -A PREROUTING -j TOS --set-tos ''
iptables -t mangle -A PREROUTING -j TOS --set-tos 1 --set-tos 2
iptables -t mangle -A PREROUTING -j TOS --set-tos 1 --and-tos 2
iptables -t mangle -A PREROUTING -j TOS --or-tos 1 --xor-tos 2
iptables -t mangle -A PREROUTING -j TOS --and-tos 256
iptables -t mangle -A PREROUTING -j TOS --and-tos x
iptables -t mangle -A PREROUTING -j TOS ! --and-tos 1
iptables -A INPUT -j TOS --set-tos 1
iptables -t nat -A OUTPUT -j TOS --set-tos 1
iptables -j TOS -h
# DSCP
iptables -t mangle -A PREROUTING -j DSCP --set-dscp 0x00
iptables -t mangle -A PREROUTING -j DSCP --set-dscp 0x3f
iptables -t mangle -A PREROUTING -j DSCP --set-dscp 10
iptables -t mangle -A INPUT -j DSCP --set-dscp-class CS0
iptables -t mangle -A INPUT -j DSCP --set-dscp-class BE
iptables -t mangle -A INPUT -j DSCP --set-dscp-class EF
iptables -t mangle -A INPUT -j DSCP --set-dscp-class af41
iptables -t mangle -A INPUT -j DSCP --set-dscp-class cs7
iptables -t mangle -A INPUT -j DSCP --set-dscp-class EFX
iptables -t mangle -A INPUT -j DSCP --set-dscp-class AF11foo
iptables -t mangle -L INPUT
iptables -t mangle -L PREROUTING -n
iptables -t mangle -S
iptables -t mangle -D INPUT -j DSCP --set-dscp 0x2e
iptables -t mangle -D INPUT -j DSCP --set-dscp-class AF41
iptables -t mangle -D INPUT -j DSCP --set-dscp-class AF42
iptables -t mangle -C PREROUTING -j DSCP --set-dscp 0x0a
iptables-save -t mangle
iptables -t mangle -F
iptables -t mangle -A PREROUTING -j DSCP --set-dscp -1
iptables -t mangle -A PREROUTING -j DSCP --set-dscp 0x40
iptables -t mangle -A PREROUTING -j DSCP --set-dscp 0x3f --set-dscp-class CS0
iptables -t mangle -A PREROUTING -j DSCP --set-dscp-class CS0 --set-dscp 0x3f
iptables -t mangle -A PREROUTING -j DSCP --set-dscp-class CS8
iptables -t mangle -A PREROUTING -j DSCP --set-dscp-class AF1
iptables -t mangle -A PREROUTING -j DSCP --set-dscp-class ''
iptables -t mangle -A PREROUTING -j DSCP --set-dscp 1 --set-dscp 2
iptables -t mangle -A PREROUTING -j DSCP
iptables -t mangle -A PREROUTING -j DSCP ! --set-dscp 1
iptables -A INPUT -j DSCP --set-dscp 1
iptables -j DSCP -h
# ECN
iptables -t mangle -A PREROUTING -p tcp -j ECN --ecn-tcp-remove
iptables -t mangle -A FORWARD -p tcp -j ECN --ecn-tcp-cwr 1
iptables -t mangle -A FORWARD -p tcp -j ECN --ecn-tcp-ece 0
iptables -t mangle -A FORWARD -p tcp -j ECN --ecn-tcp-ece 1 --ecn-tcp-cwr 0 --ecn-ip-ect 3
iptables -t mangle -A FORWARD -p tcp -j ECN --ecn-tcp-ece 0 --ecn-tcp-cwr 0
iptables -t mangle -A OUTPUT -j ECN --ecn-ip-ect 2
iptables -t mangle -A OUTPUT -p tcp -j ECN --ecn-ip-ect 1 --ecn-tcp-remove
iptables -t mangle -A POSTROUTING -p udp -j ECN --ecn-ip-ect 0
iptables -t mangle -L
iptables -t mangle -S
iptables -t mangle -D FORWARD -p tcp -j ECN --ecn-tcp-remove
iptables -t mangle -D OUTPUT -p tcp -j ECN --ecn-tcp-remove
iptables -t mangle -D OUTPUT -p tcp -j ECN --ecn-tcp-remove --ecn-ip-ect 1
iptables -t mangle -D FORWARD -p tcp -j ECN --ecn-tcp-cwr 1
iptables -t mangle -C FORWARD -p tcp -j ECN --ecn-ip-ect 3 --ecn-tcp-cwr 0 --ecn-tcp-ece 1
iptables-save -t mangle
iptables -t mangle -F
iptables -t mangle -A PREROUTING -j ECN
iptables -t mangle -A PREROUTING -p tcp -j ECN
iptables -t mangle -A PREROUTING -p tcp -j ECN --ecn-tcp-remove --ecn-tcp-cwr 1
iptables -t mangle -A PREROUTING -p tcp -j ECN --ecn-tcp-ece 1 --ecn-tcp-remove
iptables -t mangle -A PREROUTING -p tcp -j ECN --ecn-tcp-cwr 2
iptables -t mangle -A PREROUTING -p tcp -j ECN --ecn-tcp-ece 2
iptables -t mangle -A PREROUTING -p tcp -j ECN --ecn-ip-ect 4
iptables -t mangle -A PREROUTING -p tcp -j ECN --ecn-tcp-remove --ecn-tcp-remove
iptables -t mangle -A PREROUTING -p tcp -j ECN --ecn-ip-ect 1 --ecn-ip-ect 1
iptables -t mangle -A PREROUTING -j ECN --ecn-tcp-remove
iptables -t mangle -A PREROUTING -p udp -j ECN --ecn-tcp-cwr 1
iptables -t mangle -A PREROUTING ! -p tcp -j ECN --ecn-tcp-ece 1
iptables -A INPUT -p tcp -j ECN --ecn-tcp-remove
iptables -t mangle -S
iptables -j ECN -h
# CHECKSUM
iptables -t mangle -A PREROUTING -j CHECKSUM --checksum-fill
iptables -t mangle -A POSTROUTING -p udp --dport 68 -j CHECKSUM --checksum-fill
iptables -t mangle -L
iptables -t mangle -L -n
iptables -t mangle -S
iptables -t mangle -D PREROUTING -j CHECKSUM --checksum-fill
iptables -t mangle -C POSTROUTING -p udp --dport 68 -j CHECKSUM --checksum-fill
iptables -t mangle -A PREROUTING -j CHECKSUM
iptables -t mangle -A PREROUTING -j CHECKSUM --checksum-fill --checksum-fill
iptables -t mangle -A PREROUTING -j CHECKSUM ! --checksum-fill
iptables -A INPUT -j CHECKSUM --checksum-fill
iptables -j CHECKSUM -h
iptables -t mangle -F
# TCPOPTSTRIP
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options 2,3,4,5,6,7
iptables -t mangle -A INPUT -p tcp -j TCPOPTSTRIP --strip-options wscale,mss,sack-permitted,sack,timestamp,md5
iptables -t mangle -A INPUT -p tcp -j TCPOPTSTRIP --strip-options 255,19,0x8
iptables -t mangle -A INPUT -p tcp -j TCPOPTSTRIP --strip-options md5
iptables -t mangle -L
iptables -t mangle -L -n
iptables -t mangle -S
iptables -t mangle -D INPUT -p tcp -j TCPOPTSTRIP --strip-options 19
iptables -t mangle -D PREROUTING -p tcp -j TCPOPTSTRIP
iptables -t mangle -C INPUT -p tcp -j TCPOPTSTRIP --strip-options mss,wscale,sack-permitted,sack,timestamp,md5
iptables-save -t mangle > /tmp/iptwin-t2-optstrip.save
iptables -t mangle -F
iptables-restore < /tmp/iptwin-t2-optstrip.save
iptables-save -t mangle
iptables -t mangle -F
iptables -t mangle -A PREROUTING -j TCPOPTSTRIP
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options 0
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options 1
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options 1,2
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options 256
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options mss,2
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options MSS
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options 2,,3
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options 2,
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options ''
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options 2 --strip-options 3
iptables -t mangle -A PREROUTING -p udp -j TCPOPTSTRIP --strip-options 2
iptables -A INPUT -p tcp -j TCPOPTSTRIP --strip-options 2
iptables -t mangle -S
iptables -j TCPOPTSTRIP -h
