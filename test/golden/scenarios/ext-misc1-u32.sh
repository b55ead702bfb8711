# u32 match: the expression language, printing and errors.
iptables -A INPUT -m u32 --u32 "0x0=0x0&&0x0=0x1"
iptables -A INPUT -m u32 --u32 "0>>22&0x3C@0>>16=1"
iptables -A INPUT -m u32 ! --u32 "6&0xFF=1:3,6,17"
iptables -A INPUT -m u32 --u32 " 0 >> 22 & 0x3c @ 12 >> 26 & 0x3c @ 0 & 0xff = 0x50:0x5f "
iptables -A INPUT -m u32 --u32 "0<<4=010"
iptables -A INPUT -m u32 --u32 "4294967295=4294967295:0"
iptables -A INPUT -m u32 --u32 "1&2&3&4&5&6&7&8&9&10&11=1,2,3,4,5,6,7,8,9,10,11"
iptables -A INPUT -m u32 --u32 "0=1&&0=2&&0=3&&0=4&&0=5&&0=6&&0=7&&0=8&&0=9&&0=10&&0=11"
iptables -L
iptables -L -n
iptables -S
iptables-save
iptables -D INPUT -m u32 --u32 "0x0=0x0&&0x0=0x1"
iptables -C INPUT -m u32 ! --u32 "6&255=1:3,6:6,17"
iptables -D INPUT -m u32 --u32 "0<<4=8"
iptables -D INPUT -m u32 --u32 "0<<4=9"
iptables -S INPUT
iptables -F
# errors
iptables -A INPUT -m u32
iptables -A INPUT -m u32 --u32 ""
iptables -A INPUT -m u32 --u32 "0"
iptables -A INPUT -m u32 --u32 "0="
iptables -A INPUT -m u32 --u32 "=1"
iptables -A INPUT -m u32 --u32 "0=1&&"
iptables -A INPUT -m u32 --u32 "0=1&2"
iptables -A INPUT -m u32 --u32 "0=1&&=2"
iptables -A INPUT -m u32 --u32 "0<3=1"
iptables -A INPUT -m u32 --u32 "0>3=1"
iptables -A INPUT -m u32 --u32 "0+3=1"
iptables -A INPUT -m u32 --u32 "0=1 2"
iptables -A INPUT -m u32 --u32 "0=1:"
iptables -A INPUT -m u32 --u32 "0=x"
iptables -A INPUT -m u32 --u32 "x=1"
iptables -A INPUT -m u32 --u32 "4294967296=1"
iptables -A INPUT -m u32 --u32 "0=-1"
iptables -A INPUT -m u32 --u32 "0&&1=2"
iptables -A INPUT -m u32 --u32 "1&2&3&4&5&6&7&8&9&10&11&12=1"
iptables -A INPUT -m u32 --u32 "0=1,2,3,4,5,6,7,8,9,10,11,12"
iptables -A INPUT -m u32 --u32 "0=1&&0=2&&0=3&&0=4&&0=5&&0=6&&0=7&&0=8&&0=9&&0=10&&0=11&&0=12"
iptables -A INPUT -m u32 --u32 "0=1,,2"
iptables -A INPUT -m u32 --u32 "0=1" --u32 "0=2"
iptables -A INPUT -m u32 --u32
iptables -S
iptables -A INPUT -m u32 -h
iptables-restore <<'EOF2'
*filter
-A INPUT -p udp -m u32 --u32 "0x0>>0x16&0x3c@0x8>>0xf&0x1=0x1" -j DROP
-A INPUT -m u32 ! --u32 "0x6&0xff=0x1:0x3,0x6,0x11"
COMMIT
EOF2
iptables-save
iptables -L -v
