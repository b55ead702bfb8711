# HMARK target: tuple, prefixes, masks, rnd, mod, offset; fcheck and kernel checks.
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple src,dst,sport,dport,proto --hmark-rnd 0x12345678 --hmark-mod 10 --hmark-offset 100
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple ct --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple src --hmark-rnd 0 --hmark-mod 4294967295
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple spi --hmark-rnd 5 --hmark-mod 3
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple SRC,Dst --hmark-rnd 5 --hmark-mod 3
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple s,d,sp,dp,p,c --hmark-rnd 5 --hmark-mod 3
iptables -t mangle -A PREROUTING -j HMARK --hmark-src-prefix 16 --hmark-dst-prefix 24 --hmark-rnd 7 --hmark-mod 2
iptables -t mangle -A PREROUTING -j HMARK --hmark-src-prefix 255.255.0.0 --hmark-dst-prefix 0 --hmark-rnd 7 --hmark-mod 2
iptables -t mangle -A PREROUTING -j HMARK --hmark-src-prefix 32 --hmark-rnd 7 --hmark-mod 2
iptables -t mangle -A PREROUTING -j HMARK --hmark-src-prefix 255.0.255.0 --hmark-rnd 7 --hmark-mod 2
iptables -t mangle -A PREROUTING -j HMARK --hmark-src-prefix 33 --hmark-rnd 7 --hmark-mod 2
iptables -t mangle -A PREROUTING -j HMARK --hmark-src-prefix 0.0.0.0 --hmark-rnd 7 --hmark-mod 2
iptables -t mangle -A PREROUTING -j HMARK --hmark-sport-mask 0xffff --hmark-dport-mask 0xff00 --hmark-rnd 1 --hmark-mod 5
iptables -t mangle -A PREROUTING -j HMARK --hmark-sport 0x1234 --hmark-dport 80 --hmark-rnd 1 --hmark-mod 5
iptables -t mangle -A PREROUTING -j HMARK --hmark-spi 0xdeadbeef --hmark-spi-mask 0xffff0000 --hmark-rnd 1 --hmark-mod 5
iptables -t mangle -A PREROUTING -j HMARK --hmark-proto-mask 0xff --hmark-rnd 1 --hmark-mod 5
iptables -t mangle -A PREROUTING -j HMARK --hmark-proto-mask 0 --hmark-rnd 1 --hmark-mod 5
iptables -t mangle -A PREROUTING -j HMARK --hmark-sport-mask 5 --hmark-tuple sport --hmark-rnd 1 --hmark-mod 5
iptables -t mangle -A PREROUTING -j HMARK --hmark-src-prefix 8 --hmark-tuple src --hmark-rnd 1 --hmark-mod 5
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple ct --hmark-src-prefix 8 --hmark-rnd 1 --hmark-mod 5
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple ct,src --hmark-offset 0 --hmark-rnd 1 --hmark-mod 5
iptables -t mangle -A PREROUTING -p tcp -j HMARK --hmark-tuple dport --hmark-rnd 1 --hmark-mod 5
iptables -t mangle -S
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING -v -n --line-numbers
iptables-save -t mangle
# -C/-D
iptables -t mangle -C PREROUTING -j HMARK --hmark-tuple ct --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -C PREROUTING -j HMARK --hmark-rnd 0x1 --hmark-mod 1 --hmark-tuple ct
iptables -t mangle -C PREROUTING -j HMARK --hmark-tuple ct --hmark-rnd 1 --hmark-mod 2
iptables -t mangle -C PREROUTING -j HMARK --hmark-src-prefix 32 --hmark-rnd 7 --hmark-mod 2
iptables -t mangle -C PREROUTING -j HMARK --hmark-tuple src --hmark-rnd 7 --hmark-mod 2
iptables -t mangle -D PREROUTING -j HMARK --hmark-tuple src,dst,sport,dport,proto --hmark-rnd 0x12345678 --hmark-mod 10 --hmark-offset 100
iptables -t mangle -D PREROUTING -j HMARK --hmark-src-prefix 255.255.255.255 --hmark-rnd 7 --hmark-mod 2
iptables -t mangle -D PREROUTING -j HMARK --hmark-src-prefix 0 --hmark-rnd 7 --hmark-mod 2
iptables -t mangle -S PREROUTING
iptables -t mangle -F
# errors
iptables -t mangle -A PREROUTING -j HMARK
iptables -t mangle -A PREROUTING -j HMARK --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-rnd 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-rnd 1 --hmark-mod 0 --hmark-tuple src
iptables -t mangle -A PREROUTING -j HMARK --hmark-rnd 1 --hmark-mod 1 --hmark-offset 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple spi,sport --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-spi-mask 1 --hmark-dport-mask 2 --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-spi 1 --hmark-sport 2 --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-spi 1 --hmark-dport 2 --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple bogus --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple src,bogus,dst --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple src, --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple ,src --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple src,,dst --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple "" --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple srcx --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple src --hmark-tuple dst --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple src --hmark-src-prefix 8 --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple sport --hmark-sport-mask 8 --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple ct --hmark-tuple ct --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-src-prefix 8 --hmark-src-prefix 9 --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-src-prefix x --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-src-prefix -1 --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-src-prefix 1.2.3.4.5 --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-sport-mask 65536 --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-proto-mask 65536 --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-rnd 4294967296 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-rnd 1 --hmark-mod 4294967296
iptables -t mangle -A PREROUTING -j HMARK --hmark-rnd 1 --hmark-mod 1 --hmark-offset -1
iptables -t mangle -A PREROUTING -j HMARK ! --hmark-rnd 1 --hmark-mod 1
iptables -t mangle -A PREROUTING -j HMARK --hmark-rnd
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple
iptables -t mangle -A PREROUTING -j HMARK --hmark-t src --hmark-r 1 --hmark-mo 1
# every table and chain
iptables -A INPUT -j HMARK --hmark-tuple src --hmark-rnd 1 --hmark-mod 2
iptables -t nat -A POSTROUTING -j HMARK --hmark-tuple src --hmark-rnd 1 --hmark-mod 2
iptables -t raw -A PREROUTING -j HMARK --hmark-tuple src --hmark-rnd 1 --hmark-mod 2
iptables -t security -A OUTPUT -j HMARK --hmark-tuple src --hmark-rnd 1 --hmark-mod 2
iptables -t mangle -A POSTROUTING -j HMARK --hmark-tuple src --hmark-rnd 1 --hmark-mod 2
iptables -v -t mangle -A FORWARD -j HMARK --hmark-tuple src,dport --hmark-rnd 0xabc --hmark-mod 7 --hmark-offset 3
iptables-save
iptables -j HMARK -h
iptables-save > /tmp/hmark.save
iptables -F
iptables -t mangle -F
iptables -t nat -F
iptables -t raw -F
iptables -t security -F
iptables-restore < /tmp/hmark.save
iptables-save
