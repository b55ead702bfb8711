# SYNPROXY, TEE and RATEEST.
iptables -A INPUT -p tcp -m tcp --dport 42 -m conntrack --ctstate INVALID,UNTRACKED -j SYNPROXY --sack-perm --timestamp --wscale 9 --mss 1460
iptables -A INPUT -p tcp -j SYNPROXY
iptables -A FORWARD -p tcp -j SYNPROXY --ecn --mss 0 --wscale 4294967295
iptables -A FORWARD -p tcp -j SYNPROXY --timestamp --sack-perm --ecn
iptables -L
iptables -L -n -v
iptables -S
iptables -D INPUT -p tcp -j SYNPROXY
iptables -D FORWARD -p tcp -j SYNPROXY --sack-perm --timestamp --ecn
iptables -C FORWARD -p tcp -j SYNPROXY --ecn --mss 0 --wscale 4294967295
iptables -C FORWARD -p tcp -j SYNPROXY --ecn --mss 0 --wscale 4294967294
iptables-save -t filter > /tmp/iptwin-t2-synproxy.save
iptables -F
iptables-restore < /tmp/iptwin-t2-synproxy.save
iptables -S
iptables -F
iptables -A INPUT -j SYNPROXY --sack-perm --timestamp --mss 1460 --wscale 9
iptables -A INPUT -p udp -j SYNPROXY
iptables -A INPUT ! -p tcp -j SYNPROXY
iptables -A OUTPUT -p tcp -j SYNPROXY
iptables -t mangle -A INPUT -p tcp -j SYNPROXY
iptables -t raw -A PREROUTING -p tcp -j SYNPROXY
iptables -A INPUT -p tcp -j SYNPROXY --mss 4294967296
iptables -A INPUT -p tcp -j SYNPROXY --mss -1
iptables -A INPUT -p tcp -j SYNPROXY --wscale x
iptables -A INPUT -p tcp -j SYNPROXY --ecn --ecn
iptables -A INPUT -p tcp -j SYNPROXY --mss 1 --mss 2
iptables -A INPUT -p tcp -j SYNPROXY ! --ecn
iptables -N sp
iptables -A sp -p tcp -j SYNPROXY
iptables -A OUTPUT -j sp
iptables -A INPUT -j sp
iptables -S
iptables -j SYNPROXY -h
iptables -F
iptables -X
# TEE
iptables -A INPUT -j TEE --gateway 1.1.1.1
iptables -A FORWARD -j TEE --gateway 2.2.2.2 --oif eth0
iptables -A OUTPUT -j TEE --gateway 127.0.0.1
iptables -A OUTPUT -j TEE --gateway localhost --oif abcdefghijklmnopqrst
iptables -t mangle -A PREROUTING -j TEE --gateway 3.3.3.3
iptables -t raw -A OUTPUT -j TEE --gateway 3.3.3.3
iptables -t nat -A POSTROUTING -j TEE --gateway 3.3.3.3
iptables -L
iptables -L -n
iptables -S
iptables-save
iptables -D INPUT -j TEE --gateway 1.1.1.1
iptables -D FORWARD -j TEE --gateway 2.2.2.2
iptables -D FORWARD -j TEE --gateway 2.2.2.2 --oif eth0
iptables -C OUTPUT -j TEE --gateway 127.0.0.1
iptables -C OUTPUT -j TEE --gateway 127.0.0.1 --oif abcdefghijklmno
iptables -A INPUT -j TEE
iptables -A INPUT -j TEE --oif eth0
iptables -A INPUT -j TEE ! --gateway 1.1.1.1
iptables -A INPUT -j TEE --gateway 1.1.1.1 --gateway 1.1.1.2
iptables -A INPUT -j TEE --gateway 0.0.0.0
iptables -A INPUT -j TEE --gateway 1.1.1.1/24
iptables -A INPUT -j TEE --gateway nosuchhost
iptables -A INPUT -j TEE --gateway 1.1.1.1 --oif ''
iptables -A INPUT -j TEE --gateway 1.1.1.1 --oif a --oif b
iptables -S
iptables -j TEE -h
iptables -F
iptables -t mangle -F
iptables -t raw -F
# RATEEST
iptables -A INPUT -j RATEEST --rateest-name RE1 --rateest-interval 250.0ms --rateest-ewmalog 500.0ms
iptables -A INPUT -j RATEEST --rateest-name RE2 --rateest-interval 1s --rateest-ewmalog 8s
iptables -A INPUT -j RATEEST --rateest-name RE3 --rateest-interval 300ms --rateest-ewmalog 1
iptables -A INPUT -j RATEEST --rateest-name RE4 --rateest-interval 8sec --rateest-ewmalog 3000000us
iptables -A INPUT -j RATEEST --rateest-name RE5 --rateest-interval 2s --rateest-ewmalog 1000s
iptables -A INPUT -j RATEEST --rateest-name RE6 --rateest-interval 100us --rateest-ewmalog 5msecs
iptables -A INPUT -j RATEEST --rateest-name "a b" --rateest-interval 4s --rateest-ewmalog 1h
iptables -A INPUT -j RATEEST --rateest-name 'a b' --rateest-interval 4s --rateest-ewmalog 16s
iptables -A INPUT -j RATEEST --rateest-name abcdefghijklmnopqrstuvwxyz --rateest-interval 4s --rateest-ewmalog 16s
iptables -A OUTPUT -j RATEEST --rateest-name RE1 --rateest-interval 250ms --rateest-ewmalog 0.5s
iptables -A OUTPUT -j RATEEST --rateest-name RE1 --rateest-interval 1s --rateest-ewmalog 2s
iptables -A OUTPUT -j RATEEST --rateest-name RE7 --rateest-interval 1e6us --rateest-ewmalog 4e6
iptables -L
iptables -L -n
iptables -S
iptables-save -t filter
iptables -D INPUT -j RATEEST --rateest-name RE2 --rateest-interval 1s --rateest-ewmalog 8s
iptables -D INPUT -j RATEEST --rateest-name RE3 --rateest-interval 250ms --rateest-ewmalog 1
iptables -C INPUT -j RATEEST --rateest-name RE1 --rateest-interval 0.25s --rateest-ewmalog 0.5s
iptables -A INPUT -j RATEEST
iptables -A INPUT -j RATEEST --rateest-name X
iptables -A INPUT -j RATEEST --rateest-name X --rateest-interval 1s
iptables -A INPUT -j RATEEST --rateest-name X --rateest-ewmalog 1s
iptables -A INPUT -j RATEEST --rateest-name X --rateest-interval 9s --rateest-ewmalog 20s
iptables -A INPUT -j RATEEST --rateest-name X --rateest-interval 1s --rateest-ewmalog 1s
iptables -A INPUT -j RATEEST --rateest-name X --rateest-interval 1s --rateest-ewmalog 100000s
iptables -A INPUT -j RATEEST --rateest-name X --rateest-interval 1x --rateest-ewmalog 2s
iptables -A INPUT -j RATEEST --rateest-name X --rateest-interval 1s --rateest-ewmalog foo
iptables -A INPUT -j RATEEST --rateest-name X --rateest-interval '' --rateest-ewmalog 2s
iptables -A INPUT -j RATEEST --rateest-name X --rateest-interval 1s --rateest-interval 1s --rateest-ewmalog 2s
iptables -A INPUT -j RATEEST --rateest-name X --rateest-name Y --rateest-interval 1s --rateest-ewmalog 2s
iptables -A INPUT -j RATEEST ! --rateest-name X --rateest-interval 1s --rateest-ewmalog 2s
iptables -A INPUT -j RATEEST --rateest-name X --rateest-interval -1s --rateest-ewmalog 2s
iptables -A INPUT -j RATEEST --rateest-name X --rateest-interval 0 --rateest-ewmalog 2s
iptables -S
iptables -j RATEEST -h
