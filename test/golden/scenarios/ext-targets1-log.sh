# LOG target: levels, prefix quoting and truncation, flags, -L with and without -n.
iptables -A INPUT -j LOG
iptables -A INPUT -j LOG --log-prefix "X: "
iptables -A INPUT -j LOG --log-level 0
iptables -A INPUT -j LOG --log-level 1
iptables -A INPUT -j LOG --log-level 2
iptables -A INPUT -j LOG --log-level 3
iptables -A INPUT -j LOG --log-level 4
iptables -A INPUT -j LOG --log-level 5
iptables -A INPUT -j LOG --log-level 6
iptables -A INPUT -j LOG --log-level 7
iptables -A INPUT -j LOG --log-level emerg
iptables -A INPUT -j LOG --log-level panic
iptables -A INPUT -j LOG --log-level alert
iptables -A INPUT -j LOG --log-level crit
iptables -A INPUT -j LOG --log-level error
iptables -A INPUT -j LOG --log-level warning
iptables -A INPUT -j LOG --log-level notice
iptables -A INPUT -j LOG --log-level info
iptables -A INPUT -j LOG --log-level debug
iptables -A INPUT -j LOG --log-level 0x3
iptables -A INPUT -j LOG --log-level 07
iptables -A INPUT -j LOG --log-tcp-sequence
iptables -A INPUT -j LOG --log-tcp-options
iptables -A INPUT -j LOG --log-ip-options
iptables -A INPUT -j LOG --log-uid
iptables -A INPUT -j LOG --log-macdecode
iptables -A INPUT -p tcp -j LOG --log-macdecode --log-uid --log-ip-options --log-tcp-options --log-tcp-sequence --log-level debug --log-prefix "all flags "
iptables -A INPUT -j LOG --log-prefix abc_-09XYZ
iptables -A INPUT -j LOG --log-prefix 'quote"back\slash'"'"'tick'
iptables -A INPUT -j LOG --log-prefix "123456789012345678901234567890123"
iptables -A INPUT -j LOG --log-prefix "12345678901234567890123456789"
iptables -A INPUT -j LOG --log-prefix "1234567890123456789012345678 "
iptables -A INPUT -j LOG --log-prefix "tab	here"
iptables -A INPUT -j LOG --log-prefix "-dash"
iptables -A INPUT -j LOG --log-prefix !bang
iptables -S
iptables -L INPUT
iptables -L INPUT -n
iptables -L INPUT -v
iptables -L INPUT -n -v -x --line-numbers
iptables-save
iptables -F
# errors
iptables -A INPUT -j LOG --log-level 8
iptables -A INPUT -j LOG --log-level -1
iptables -A INPUT -j LOG --log-level warn
iptables -A INPUT -j LOG --log-level err
iptables -A INPUT -j LOG --log-level WARNING
iptables -A INPUT -j LOG --log-level ""
iptables -A INPUT -j LOG --log-level " 4"
iptables -A INPUT -j LOG --log-level 4x
iptables -A INPUT -j LOG --log-level
iptables -A INPUT -j LOG --log-prefix
iptables -A INPUT -j LOG --log-prefix ""
iptables -A INPUT -j LOG --log-prefix a --log-prefix b
iptables -A INPUT -j LOG --log-level 1 --log-level 2
iptables -A INPUT -j LOG --log-uid --log-uid
iptables -A INPUT -j LOG ! --log-uid
iptables -A INPUT -j LOG ! --log-prefix x
iptables -A INPUT -j LOG --log-uid=1
iptables -A INPUT -j LOG --log-tcp
iptables -A INPUT -j LOG --log
iptables -A INPUT -j LOG --log-p x
# every table and chain
iptables -t mangle -A PREROUTING -j LOG --log-prefix mangle
iptables -t mangle -A POSTROUTING -j LOG
iptables -t nat -A PREROUTING -j LOG --log-prefix nat
iptables -t nat -A POSTROUTING -j LOG
iptables -t raw -A PREROUTING -j LOG --log-prefix raw
iptables -t raw -A OUTPUT -j LOG
iptables -t security -A INPUT -j LOG
iptables -A FORWARD -j LOG
iptables -A OUTPUT -j LOG --log-level 1
iptables-save
# -D / -C matching
iptables -A INPUT -j LOG --log-level warning --log-prefix "p "
iptables -C INPUT -j LOG --log-level 4 --log-prefix "p "
iptables -C INPUT -j LOG --log-prefix "p "
iptables -C INPUT -j LOG --log-prefix "p"
iptables -C INPUT -j LOG --log-prefix "p " --log-uid
iptables -D INPUT -j LOG --log-prefix "p " --log-level 5
iptables -D INPUT -j LOG --log-prefix "p "
iptables -A INPUT -j LOG --log-prefix "123456789012345678901234567890123"
iptables -D INPUT -j LOG --log-prefix "12345678901234567890123456789xyz"
iptables -A INPUT -j LOG --log-uid --log-tcp-options
iptables -D INPUT -j LOG --log-tcp-options --log-uid
iptables -D OUTPUT -j LOG --log-level alert
iptables -S INPUT
iptables -S OUTPUT
iptables -v -A INPUT -j LOG --log-level 3 --log-prefix "v: " --log-uid
iptables -v -A INPUT -j LOG --log-level crit --log-tcp-sequence
iptables -j LOG -h
iptables-save > /tmp/log.save
iptables -F
iptables -t nat -F
iptables -t mangle -F
iptables-restore < /tmp/log.save
iptables-save
iptables-restore <<'EOF2'
*filter
-A INPUT -j LOG --log-prefix "restored \"q\" " --log-level 6 --log-ip-options
-A INPUT -j LOG --log-prefix 'single quoted'
COMMIT
EOF2
iptables -S INPUT
iptables -L INPUT -n
