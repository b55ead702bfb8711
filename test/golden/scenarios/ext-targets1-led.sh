# LED target: this kernel has no xt_LED, so every rule warns and fails with ENOENT.
iptables -A INPUT -j LED --led-trigger-id foo
iptables -A INPUT -j LED --led-trigger-id "foo" --led-delay 42 --led-always-blink
iptables -A OUTPUT -j LED --led-trigger-id x --led-delay inf
iptables -A OUTPUT -j LED --led-trigger-id x --led-delay INFINITE
iptables -A OUTPUT -j LED --led-trigger-id x --led-delay 4294967295
iptables -A OUTPUT -j LED --led-trigger-id 1234567890123456
iptables -A OUTPUT -j LED --led-trigger-id 12345678901234567
iptables -A OUTPUT -j LED --led-trigger-id ""
iptables -A OUTPUT -j LED
iptables -A OUTPUT -j LED --led-delay 5
iptables -A OUTPUT -j LED --led-trigger-id x --led-delay -1
iptables -A OUTPUT -j LED --led-trigger-id x --led-delay 4294967296
iptables -A OUTPUT -j LED --led-trigger-id x --led-delay abc
iptables -A OUTPUT -j LED --led-trigger-id x --led-delay
iptables -A OUTPUT -j LED --led-trigger-id x --led-trigger-id y
iptables -A OUTPUT -j LED --led-trigger-id x --led-always-blink --led-always-blink
iptables -A OUTPUT -j LED ! --led-trigger-id x
iptables -A OUTPUT -j LED --led-bogus
iptables -t mangle -A PREROUTING -j LED --led-trigger-id m
iptables -v -A OUTPUT -j LED --led-trigger-id 'q"b\' --led-delay 3000000000 --led-always-blink
iptables -j LED -h
iptables -C OUTPUT -j LED --led-trigger-id x
iptables -D OUTPUT -j LED --led-trigger-id x
iptables-restore <<'EOF2'
*filter
-A INPUT -j LED --led-trigger-id a
-A INPUT -j LED --led-trigger-id b
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A INPUT -j LED --led-trigger-id a --led-delay x
COMMIT
EOF2
iptables -S
