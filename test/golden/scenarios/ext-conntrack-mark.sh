# mark match (native nft meta mark), MARK and CONNMARK targets.
iptables -A INPUT -m mark --mark 1
iptables -A INPUT -m mark ! --mark 0x10/0xf0
iptables -A INPUT -m mark --mark 0xfeedcafe/0xfeedcafe
iptables -A INPUT -m mark --mark 0x0
iptables -A INPUT -m mark --mark 4294967295
iptables -A INPUT -m mark --mark 0xff/0x0f
iptables -A INPUT -m mark --mark 0/0
iptables -A INPUT -m mark --mark 0x0/0xff0
iptables -A INPUT -m mark --mark 4294967296
iptables -A INPUT -m mark --mark -1
iptables -A INPUT -m mark --mark 1/x
iptables -A INPUT -m mark --mark 1/2/3
iptables -A INPUT -m mark
iptables -A INPUT -m mark --mark 1 --mark 2
iptables -A INPUT -m mark --mark 1 -m mark ! --mark 2 -j ACCEPT
iptables -A INPUT -p tcp --dport 80 -m mark --mark 7 -m tcp --sport 1 -j DROP
iptables -A OUTPUT -j MARK --set-mark 5
iptables -A OUTPUT -j MARK --set-mark 0x1/0x3
iptables -A OUTPUT -j MARK --set-mark 0/0
iptables -A OUTPUT -j MARK --set-xmark 0xfeedcafe/0xfeedcafe
iptables -A OUTPUT -j MARK --set-xmark 0x0
iptables -A OUTPUT -j MARK --set-xmark 4294967295
iptables -A OUTPUT -j MARK --set-xmark 1/0
iptables -A OUTPUT -j MARK --set-xmark 0x3/0x7
iptables -A OUTPUT -j MARK --and-mark 0xff
iptables -A OUTPUT -j MARK --and-mark 0xffffffff
iptables -A OUTPUT -j MARK --or-mark 0x10
iptables -A OUTPUT -j MARK --or-mark 0
iptables -A OUTPUT -j MARK --xor-mark 0x20
iptables -A OUTPUT -j MARK --xor-mark 0
iptables -A OUTPUT -j MARK --set-xmark 4294967296
iptables -A OUTPUT -j MARK --set-xmark -1
iptables -A OUTPUT -j MARK --and-mark 0x1/0x2
iptables -A OUTPUT -j MARK --or-mark x
iptables -A OUTPUT -j MARK
iptables -A OUTPUT -j MARK --set-mark 1 --set-mark 2
iptables -A OUTPUT -j MARK --set-mark 1 --or-mark 2
iptables -A OUTPUT -j MARK --and-mark 1 --xor-mark 2
iptables -A OUTPUT -j MARK ! --set-mark 1
iptables -t mangle -A PREROUTING -j MARK --set-mark 9
iptables -t nat -A POSTROUTING -j MARK --set-mark 9
iptables -t raw -A OUTPUT -j MARK --set-mark 9
iptables -A FORWARD -j CONNMARK --set-mark 1
iptables -A FORWARD -j CONNMARK --set-mark 0x1/0x3
iptables -A FORWARD -j CONNMARK --set-xmark 0x5/0xf
iptables -A FORWARD -j CONNMARK --set-xmark 5
iptables -A FORWARD -j CONNMARK --and-mark 0xf
iptables -A FORWARD -j CONNMARK --or-mark 0xf
iptables -A FORWARD -j CONNMARK --xor-mark 0xf
iptables -A FORWARD -j CONNMARK --save-mark
iptables -A FORWARD -j CONNMARK --restore-mark
iptables -A FORWARD -j CONNMARK --save-mark --mask 0xff
iptables -A FORWARD -j CONNMARK --restore-mark --mask 0xff
iptables -A FORWARD -j CONNMARK --save-mark --nfmask 0xfffffff --ctmask 0xffffffff
iptables -A FORWARD -j CONNMARK --restore-mark --nfmask 0xf --ctmask 0xf0
iptables -A FORWARD -j CONNMARK --save-mark --nfmask 0xf
iptables -A FORWARD -j CONNMARK --restore-mark --ctmask 0xf0
iptables -A FORWARD -j CONNMARK --save-mark --left-shift-mark 8
iptables -A FORWARD -j CONNMARK --restore-mark --right-shift-mark 16 --nfmask 0xff
iptables -A FORWARD -j CONNMARK --set-mark 1 --left-shift-mark 2
iptables -A FORWARD -j CONNMARK --save-mark --left-shift-mark 0
iptables -A FORWARD -j CONNMARK --save-mark --left-shift-mark 33
iptables -A FORWARD -j CONNMARK --save-mark --left-shift-mark 32
iptables -A FORWARD -j CONNMARK --save-mark --left-shift-mark 2 --right-shift-mark 3
iptables -A FORWARD -j CONNMARK --save-mark --mask 0xff --nfmask 0xf
iptables -A FORWARD -j CONNMARK --save-mark --ctmask 0xff --mask 0xf
iptables -A FORWARD -j CONNMARK --save-mark --restore-mark
iptables -A FORWARD -j CONNMARK --set-mark 1 --set-mark 2
iptables -A FORWARD -j CONNMARK --mask 0xff
iptables -A FORWARD -j CONNMARK
iptables -A FORWARD -j CONNMARK --set-mark 1 --nfmask 2
iptables -A FORWARD -j CONNMARK --and-mark x
iptables -t mangle -A POSTROUTING -j CONNMARK --save-mark
iptables -t nat -A PREROUTING -j CONNMARK --restore-mark
iptables -L
iptables -L -n -v
iptables -S
iptables-save
iptables -C INPUT -m mark --mark 0x1
iptables -C INPUT -m mark --mark 1/0xffffffff
iptables -C OUTPUT -j MARK --set-xmark 0x5/0xffffffff
iptables -C OUTPUT -j MARK --or-mark 0x10
iptables -C FORWARD -j CONNMARK --save-mark --nfmask 0xff --ctmask 0xff
iptables -D INPUT -m mark ! --mark 0x10/0xf0
iptables -D INPUT -m mark --mark 0xff/0xf
iptables -D OUTPUT -j MARK --set-mark 0x1/0x3
iptables -D OUTPUT -j MARK --set-xmark 0x1/0x3
iptables -D FORWARD -j CONNMARK --save-mark --mask 0xffffffff
iptables -D FORWARD -j CONNMARK --set-xmark 0x1/0x3
iptables -S
iptables -v -A INPUT -m mark --mark 3 -j MARK --set-mark 4
iptables-save > /tmp/iptwin-ct-mark.save; iptables -F; iptables-restore < /tmp/iptwin-ct-mark.save; iptables -S
iptables -m mark -h
iptables -j MARK -h
iptables -j CONNMARK -h
