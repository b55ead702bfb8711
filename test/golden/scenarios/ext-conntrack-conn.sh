# connmark, connlimit, connbytes, connlabel and helper matches.
iptables -A INPUT -m connmark --mark 1
iptables -A INPUT -m connmark ! --mark 0x10/0xf0
iptables -A INPUT -m connmark --mark 0xffffffff/0xffffffff
iptables -A INPUT -m connmark --mark 0/0
iptables -A INPUT -m connmark --mark 4294967295
iptables -A INPUT -m connmark --mark 0xfffffffff
iptables -A INPUT -m connmark --mark -1
iptables -A INPUT -m connmark --mark 1/
iptables -A INPUT -m connmark --mark 1x
iptables -A INPUT -m connmark --mark 1 --mark 2
iptables -A INPUT -m connmark
iptables -t mangle -A PREROUTING -m connmark --mark 010/0x0f0 -j ACCEPT
iptables -A INPUT -m connlimit --connlimit-above 3
iptables -A INPUT -m connlimit --connlimit-upto 5
iptables -A INPUT -m connlimit ! --connlimit-upto 5
iptables -A INPUT -m connlimit ! --connlimit-above 5
iptables -A INPUT -p tcp --syn -m connlimit --connlimit-above 10 --connlimit-mask 24 --connlimit-daddr -j REJECT
iptables -A INPUT -m connlimit --connlimit-above 10 --connlimit-mask 0
iptables -A INPUT -m connlimit --connlimit-above 10 --connlimit-mask 32 --connlimit-saddr
iptables -A INPUT -m connlimit --connlimit-above 10 --connlimit-mask 255.255.255.0
iptables -A INPUT -m connlimit --connlimit-above 10 --connlimit-mask 255.0.255.0
iptables -A INPUT -m connlimit --connlimit-above 10 --connlimit-mask 33
iptables -A INPUT -m connlimit --connlimit-above 10 --connlimit-mask x
iptables -A INPUT -m connlimit --connlimit-upto 4294967295
iptables -A INPUT -m connlimit --connlimit-upto 4294967296
iptables -A INPUT -m connlimit --connlimit-upto -1
iptables -A INPUT -m connlimit --connlimit-upto 1 --connlimit-above 1
iptables -A INPUT -m connlimit --connlimit-above 1 --connlimit-above 2
iptables -A INPUT -m connlimit --connlimit-above 10 --connlimit-saddr --connlimit-daddr
iptables -A INPUT -m connlimit --connlimit-saddr
iptables -A INPUT -m connlimit
iptables -A INPUT -m connlimit ! --connlimit-mask 24 --connlimit-above 1
iptables -A INPUT -m connbytes --connbytes 0:1000 --connbytes-mode packets --connbytes-dir original
iptables -A INPUT -m connbytes ! --connbytes 10:1000 --connbytes-mode bytes --connbytes-dir reply
iptables -A INPUT -m connbytes --connbytes 1000 --connbytes-mode avgpkt --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes 1000: --connbytes-mode avgpkt --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes : --connbytes-mode avgpkt --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes :50 --connbytes-mode avgpkt --connbytes-dir both
iptables -A INPUT -m connbytes ! --connbytes 5 --connbytes-mode avgpkt --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes 7:7 --connbytes-mode packets --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes 0:18446744073709551615 --connbytes-mode packets --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes 0:18446744073709551616 --connbytes-mode packets --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes 1000:0 --connbytes-mode packets --connbytes-dir original
iptables -A INPUT -m connbytes --connbytes -1:0 --connbytes-mode packets --connbytes-dir original
iptables -A INPUT -m connbytes --connbytes 0:1000 --connbytes-mode wrong --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes 0:1000 --connbytes-mode packets --connbytes-dir wrong
iptables -A INPUT -m connbytes --connbytes 0:1000 --connbytes-mode Packets --connbytes-dir both
iptables -A INPUT -m connbytes --connbytes 0:1000 --connbytes-dir original
iptables -A INPUT -m connbytes --connbytes 0:1000 --connbytes-mode packets
iptables -A INPUT -m connbytes --connbytes-dir original
iptables -A INPUT -m connbytes
iptables -A INPUT -m connbytes --connbytes 1:2:3 --connbytes-mode packets --connbytes-dir both
iptables -A INPUT -m connbytes ! --connbytes-mode packets --connbytes 1 --connbytes-dir both
iptables -A INPUT -m connlabel --label 40
iptables -A INPUT -m connlabel ! --label 41 --set
iptables -A INPUT -m connlabel --label 0x10
iptables -A INPUT -m connlabel --label 127
iptables -A INPUT -m connlabel --label 128
iptables -A INPUT -m connlabel --label 2048
iptables -A INPUT -m connlabel --label foobar_not_there
iptables -A INPUT -m connlabel --label ''
iptables -A INPUT -m connlabel --set
iptables -A INPUT -m connlabel ! --set --label 1
iptables -A INPUT -m helper --helper ftp
iptables -A INPUT -m helper ! --helper sip
iptables -A INPUT -m helper --helper 'a b"c'
iptables -A INPUT -m helper --helper ''
iptables -A INPUT -m helper --helper abcdefghijklmnopqrstuvwxyz01234567890
iptables -A INPUT -m helper
iptables -A INPUT -m helper --helper ftp --helper irc
iptables -L
iptables -L -n
iptables -L -v -n
iptables -S
iptables-save
iptables -C INPUT -m connlimit --connlimit-above 3
iptables -C INPUT -m connlimit --connlimit-above 3 --connlimit-mask 32 --connlimit-saddr
iptables -C INPUT -m connlimit --connlimit-above 10 --connlimit-mask 32
iptables -C INPUT -m connlimit ! --connlimit-above 5
iptables -C INPUT -m connlabel --label 2
iptables -C INPUT -m connlabel ! --label 41
iptables -C INPUT -m connmark --mark 0x1/0xffffffff
iptables -C INPUT -m connbytes --connbytes 1000:18446744073709551615 --connbytes-mode avgpkt --connbytes-dir both
iptables -D INPUT -m helper --helper ftp
iptables -D INPUT -m connmark ! --mark 0x10/0xf0
iptables -D INPUT -m connbytes ! --connbytes 10:1000 --connbytes-mode bytes --connbytes-dir reply
iptables -D INPUT -m connlabel --label 99
iptables -S INPUT
iptables -t mangle -S
iptables-save > /tmp/iptwin-ct-conn.save; iptables -F; iptables-restore < /tmp/iptwin-ct-conn.save; iptables -S
iptables -m connmark -h
iptables -m connlimit -h
iptables -m connbytes -h
iptables -m connlabel -h
iptables -m helper -h
