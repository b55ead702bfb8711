# RATEEST: time syntax, print rounding, and the kernel's one-estimator-per-name rule.
iptables -A INPUT -j RATEEST --rateest-name A --rateest-interval 1s --rateest-ewmalog 2s
iptables -A INPUT -j RATEEST --rateest-name A --rateest-interval 1s --rateest-ewmalog 2s
iptables -A FORWARD -j RATEEST --rateest-name A --rateest-interval 1S --rateest-ewmalog 2SECS
iptables -t mangle -A INPUT -j RATEEST --rateest-name A --rateest-interval 2s --rateest-ewmalog 4s
iptables -t raw -A PREROUTING -j RATEEST --rateest-name A --rateest-interval 1000000 --rateest-ewmalog 2000ms
iptables -R INPUT 1 -j RATEEST --rateest-name A --rateest-interval 2s --rateest-ewmalog 4s
iptables -R INPUT 1 -j RATEEST --rateest-name B --rateest-interval 2s --rateest-ewmalog 4s
iptables -N est
iptables -A est -j RATEEST --rateest-name B --rateest-interval 4s --rateest-ewmalog 8s
iptables -A est -j RATEEST --rateest-name C --rateest-interval 4s --rateest-ewmalog 8s
iptables-save
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -j RATEEST --rateest-name A --rateest-interval 0.5s --rateest-ewmalog 1s
COMMIT
EOF2
iptables-restore --noflush <<'EOF2'
*filter
-A INPUT -j RATEEST --rateest-name D --rateest-interval 0.5s --rateest-ewmalog 1s
-A INPUT -j RATEEST --rateest-name D --rateest-interval 1s --rateest-ewmalog 2s
COMMIT
EOF2
iptables -S
iptables -D INPUT -j RATEEST --rateest-name B --rateest-interval 2s --rateest-ewmalog 4s
iptables -D FORWARD 1
iptables -D INPUT 1
iptables -t raw -F
iptables -A INPUT -j RATEEST --rateest-name A --rateest-interval 2s --rateest-ewmalog 4s
iptables -A INPUT -j RATEEST --rateest-name B --rateest-interval 2s --rateest-ewmalog 4s
iptables -F
iptables -X
iptables -A INPUT -j RATEEST --rateest-name t1 --rateest-interval 0x10 --rateest-ewmalog 1.5ms
iptables -A INPUT -j RATEEST --rateest-name t2 --rateest-interval ' 300ms' --rateest-ewmalog 2.5s
iptables -A INPUT -j RATEEST --rateest-name t3 --rateest-interval inf --rateest-ewmalog 1s
iptables -A INPUT -j RATEEST --rateest-name t4 --rateest-interval nan --rateest-ewmalog 1s
iptables -A INPUT -j RATEEST --rateest-name t5 --rateest-interval 1.e0s --rateest-ewmalog 1e1S
iptables -A INPUT -j RATEEST --rateest-name t6 --rateest-interval 100 --rateest-ewmalog 1ms
iptables -A INPUT -j RATEEST --rateest-name t7 --rateest-interval 8s --rateest-ewmalog 2147483648s
iptables -A INPUT -j RATEEST --rateest-name t8 --rateest-interval 500ms --rateest-ewmalog 300s
iptables -A INPUT -j RATEEST --rateest-name t9 --rateest-interval 4s --rateest-ewmalog 4000s
iptables -A INPUT -j RATEEST --rateest-name t10 --rateest-interval 1us --rateest-ewmalog 10us
iptables -A INPUT -j RATEEST --rateest-name t11 --rateest-interval 1e --rateest-ewmalog 1s
iptables -A INPUT -j RATEEST --rateest-name t12 --rateest-interval 0x1p3s --rateest-ewmalog 100s
iptables -A INPUT -j RATEEST --rateest-name '' --rateest-interval 1s --rateest-ewmalog 2s
iptables -A INPUT -j RATEEST --rateest-name t13 --rateest-interval +1s --rateest-ewmalog 1e9us
iptables -L INPUT
iptables -S INPUT
iptables -L INPUT -n -v
