# policy match: dir/pol/strict, element options with --next, address masks, hook checks, -D on hidden data.
iptables -A INPUT -m policy
iptables -A INPUT -m policy --pol none
iptables -A INPUT -m policy --dir in
iptables -A INPUT -m policy --dir foo
iptables -A INPUT -m policy --dir IN
iptables -A INPUT -m policy --dir in --pol foo
iptables -A INPUT -m policy --dir in --dir in
iptables -A INPUT -m policy ! --dir in
iptables -A INPUT -m policy --dir in ! --pol ipsec
iptables -A INPUT -m policy --dir in --pol ipsec --pol none
iptables -A INPUT -m policy --dir in --pol none
iptables -A INPUT -m policy --dir in --pol none --strict
iptables -A INPUT -m policy --dir in --pol none --reqid 5
iptables -A INPUT -m policy --dir in --pol none --reqid 5 --next
iptables -A INPUT -m policy --dir in --pol ipsec
iptables -A INPUT -m policy --dir in --pol ipsec --strict
iptables -A INPUT -m policy --dir in --pol ipsec --next
iptables -A INPUT -m policy --dir in --pol ipsec --strict --strict --reqid 1
iptables -A INPUT -m policy --dir in --pol ipsec --strict --reqid 1 --next
iptables -A INPUT -m policy --dir in --pol ipsec --strict --next --reqid 1
iptables -A INPUT -m policy --dir in --pol ipsec --reqid 1 --reqid 2
iptables -A INPUT -m policy --dir in --pol ipsec --reqid -1
iptables -A INPUT -m policy --dir in --pol ipsec --spi 4294967296
iptables -A INPUT -m policy --dir in --pol ipsec --proto tcp
iptables -A INPUT -m policy --dir in --pol ipsec --proto 300
iptables -A INPUT -m policy --dir in --pol ipsec --proto foo
iptables -A INPUT -m policy --dir in --pol ipsec --proto 51
iptables -A INPUT -m policy --dir in --pol ipsec --proto ipcomp
iptables -A INPUT -m policy --dir in --pol ipsec --proto ipcomp --proto esp
iptables -A INPUT -m policy --dir in --pol ipsec --proto 108 --spi 1 --spi 2
iptables -A INPUT -m policy --dir in --pol ipsec --mode foo
iptables -A INPUT -m policy --dir in --pol ipsec --mode TUNNEL
iptables -A INPUT -m policy --dir in --pol ipsec --mode tunnel --mode tunnel
iptables -A INPUT -m policy --dir in --pol ipsec --tunnel-dst 1.1.1.1 --mode tunnel --tunnel-dst 1.1.1.1
iptables -A INPUT -m policy --dir in --pol ipsec ! --proto esp ! --reqid 0x10 ! --spi 0xdeadbeef ! --mode tunnel ! --tunnel-src 1.2.3.4/24
iptables -A INPUT -m policy --dir in --pol ipsec --mode transport --tunnel-src 1.2.3.4
iptables -A INPUT -m policy --dir in --pol ipsec ! --mode tunnel --tunnel-dst 1.2.3.4
iptables -A INPUT -m policy --dir in --pol ipsec ! --mode transport --tunnel-dst 1.2.3.4
iptables -A INPUT -m policy --dir in --pol ipsec --tunnel-dst 1.2.3.4
iptables -A INPUT -m policy --dir in --pol ipsec --strict --reqid 1 --spi 0x1 --proto ipcomp
iptables -A INPUT -m policy --dir in --pol ipsec --strict --reqid 1 --spi 0x1 --proto esp --mode tunnel --tunnel-dst 10.0.0.0/8 --tunnel-src 10.0.0.0/8 --next --reqid 2
iptables -A INPUT -m policy --dir in --pol ipsec --strict --reqid 1 --spi 0x1 --proto esp --tunnel-dst 10.0.0.0/8
iptables -A INPUT -m policy --dir in --pol ipsec --strict --reqid 1 --spi 0x1 --proto esp --mode tunnel --tunnel-dst 10.0.0.0/8 --tunnel-src 10.0.0.0/8 --next --reqid 2 --next --proto ah --next --mode transport
iptables -A INPUT -m policy --dir in --pol ipsec --strict --reqid 1 --next --reqid 2 --next --reqid 3 --next --reqid 4 --next --reqid 5
iptables -A INPUT -m policy --dir in --pol ipsec --strict --reqid 1 --next --next --reqid 3
iptables -A INPUT -m policy --dir in --pol ipsec --mode tunnel ! --tunnel-src 1.2.3.4/24 ! --tunnel-dst 5.6.7.8/255.255.0.255
iptables -A INPUT -m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3.4/0 --tunnel-dst localhost/32 --spi 0 --reqid 0
iptables -A INPUT -m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3.4/33
iptables -A INPUT -m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3.4/255.255.255.0
iptables -A INPUT -m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3.4/0.0.0.0
iptables -A INPUT -m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3.4/x
iptables -A INPUT -m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3.4/24x
iptables -A INPUT -m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3.4/
iptables -A INPUT -m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3
iptables -A INPUT -m policy --dir out --pol none
iptables -A OUTPUT -m policy --dir in --pol none
iptables -A OUTPUT -m policy --dir out --pol ipsec --proto ipcomp
iptables -A FORWARD -m policy --dir out --pol none -j DROP
iptables -A FORWARD -m policy --dir in --pol ipsec --proto esp -j ACCEPT
iptables -t nat -A POSTROUTING -m policy --dir out --pol ipsec -j ACCEPT
iptables -t nat -A POSTROUTING -m policy --dir in --pol ipsec -j ACCEPT
iptables -t mangle -A PREROUTING -m policy --dir out --pol ipsec
iptables -N POL
iptables -A POL -m policy --dir in --pol none
iptables -A OUTPUT -j POL
iptables -A INPUT -j POL
iptables -L
iptables -L -n
iptables -L -v -n
iptables -S
iptables -t nat -S
iptables-save
iptables -D INPUT -m policy --dir in --pol none
iptables -D INPUT -m policy --dir in --pol none --reqid 6
iptables -D INPUT -m policy --dir in --pol none --reqid 5
iptables -D INPUT -m policy --dir in --pol none
iptables -D INPUT -m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3.4/32
iptables -D INPUT -m policy --dir in --pol ipsec --mode tunnel --tunnel-src 1.2.3.4/24
iptables -S INPUT
iptables-save > /tmp/misc2-policy.rules
iptables -F
iptables -X
iptables-restore < /tmp/misc2-policy.rules
iptables -S
iptables -m policy -h
