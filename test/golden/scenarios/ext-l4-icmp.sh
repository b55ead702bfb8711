# icmp match: type names, numbers, codes, any, inversion, errors.
iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -A INPUT -p icmp -m icmp --icmp-type 8
iptables -A INPUT -p icmp ! --icmp-type echo-reply
iptables -A INPUT -p icmp --icmp-type any
iptables -A INPUT -p icmp ! --icmp-type any
iptables -A INPUT -p icmp --icmp-type 255
iptables -A INPUT -p icmp --icmp-type 255/255
iptables -A INPUT -p icmp --icmp-type 3/3
iptables -A INPUT -p icmp --icmp-type 3/0:4
iptables -A INPUT -p icmp --icmp-type 3/0:255
iptables -A INPUT -p icmp --icmp-type 3/5:255
iptables -A INPUT -p icmp --icmp-type 3/4:3
iptables -A INPUT -p icmp --icmp-type 3:3
iptables -A INPUT -p icmp --icmp-type 3/16
iptables -A INPUT -p icmp --icmp-type 0x3/0x1
iptables -A INPUT -p icmp --icmp-type port-unreachable
iptables -A INPUT -p icmp --icmp-type PING
iptables -A INPUT -p icmp --icmp-type pong
iptables -A INPUT -p icmp --icmp-type ttl-exceeded
iptables -A INPUT -p icmp --icmp-type ttl-zero-during-reassembly
iptables -A INPUT -p icmp --icmp-type TOS-host-redirect
iptables -A INPUT -p icmp --icmp-type network-redirect
iptables -A INPUT -p icmp --icmp-type host-redirect
iptables -A INPUT -p icmp --icmp-type redirect
iptables -A INPUT -p icmp --icmp-type source-quench
iptables -A INPUT -p icmp --icmp-type router-advertisement
iptables -A INPUT -p icmp --icmp-type router-solicitation
iptables -A INPUT -p icmp --icmp-type parameter-problem
iptables -A INPUT -p icmp --icmp-type ip-header-bad
iptables -A INPUT -p icmp --icmp-type required-option-missing
iptables -A INPUT -p icmp --icmp-type timestamp-request
iptables -A INPUT -p icmp --icmp-type timestamp-reply
iptables -A INPUT -p icmp --icmp-type address-mask-request
iptables -A INPUT -p icmp --icmp-type address-mask-reply
iptables -A INPUT -p icmp --icmp-type fragmentation-needed
iptables -A INPUT -p icmp --icmp-type communication-prohibited
iptables -A INPUT -p icmp --icmp-type host-precedence-violation
iptables -A INPUT -p icmp --icmp-type precedence-cutoff
iptables -A INPUT -p icmp --icmp-type destination-unreachable
iptables -A INPUT -p icmp --icmp-type network-unreachable
iptables -A INPUT -p icmp --icmp-type host-unreachable
iptables -A INPUT -p icmp --icmp-type protocol-unreachable
iptables -A INPUT -p icmp --icmp-type source-route-failed
iptables -A INPUT -p icmp --icmp-type network-unknown
iptables -A INPUT -p icmp --icmp-type host-unknown
iptables -A INPUT -p icmp --icmp-type network-prohibited
iptables -A INPUT -p icmp --icmp-type host-prohibited
iptables -A INPUT -p icmp --icmp-type TOS-network-unreachable
iptables -A INPUT -p icmp --icmp-type TOS-host-unreachable
iptables -A INPUT -p icmp --icmp-type TOS-network-redirect
iptables -A INPUT -p icmp --icmp-type time-exceeded
iptables -A INPUT -p icmp --icmp-type ttl-zero-during-transit
iptables -A INPUT -p icmp --icmp-type echo-reply
iptables -A INPUT -p icmp --icmp-type 11/2
iptables -A INPUT -p icmp --icmp-type 12/2
iptables -A INPUT -p icmp --icmp-type 42
iptables -A INPUT -p icmp --icmp-type 5/4
iptables -L INPUT
iptables -L INPUT -n
iptables -L INPUT -v --line-numbers
iptables -S INPUT
iptables-save -t filter
iptables -D INPUT -p icmp --icmp-type 8 -j ACCEPT
iptables -D INPUT -p icmp --icmp-type ping
iptables -D INPUT -p icmp --icmp-type 255
iptables -D INPUT -p icmp --icmp-type any
iptables -D INPUT -p icmp --icmp-type 3/0:4
iptables -D INPUT -p icmp --icmp-type 3/0
iptables -C INPUT -p icmp --icmp-type 3/5:255
iptables -C INPUT -p icmp --icmp-type 3/5
iptables -F
# errors
iptables -A INPUT -p icmp --icmp-type echo
iptables -A INPUT -p icmp --icmp-type e
iptables -A INPUT -p icmp --icmp-type ''
iptables -A INPUT -p icmp --icmp-type host-un
iptables -A INPUT -p icmp --icmp-type network-re
iptables -A INPUT -p icmp --icmp-type ttl
iptables -A INPUT -p icmp --icmp-type time
iptables -A INPUT -p icmp --icmp-type foo
iptables -A INPUT -p icmp --icmp-type 256
iptables -A INPUT -p icmp --icmp-type -1
iptables -A INPUT -p icmp --icmp-type 3:4
iptables -A INPUT -p icmp --icmp-type 3/256
iptables -A INPUT -p icmp --icmp-type 3/x
iptables -A INPUT -p icmp --icmp-type 3x
iptables -A INPUT -p icmp --icmp-type 3/4x
iptables -A INPUT -p icmp --icmp-type 3/4:5:6
iptables -A INPUT -p icmp --icmp-type 3/
iptables -A INPUT -p icmp --icmp-type 8 --icmp-type 0
iptables -A INPUT -p icmp -m icmp
iptables -A INPUT -p icmp --icmp-type
iptables -A INPUT -m icmp --icmp-type 8
iptables -A INPUT ! -p icmp -m icmp --icmp-type 8
iptables -A INPUT -p tcp -m icmp --icmp-type 8
iptables -A INPUT -p icmp --icmp-type 8 -m icmp --icmp-type 0
iptables -A INPUT -p icmp --icmp-type Echo-Request
iptables -A INPUT -p icmp --icmp-type echo-req
iptables -A INPUT -p icmp --icmp-type an
iptables -A INPUT -p 1 --icmp-type 0
iptables -S INPUT
iptables -F
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p icmp -m icmp --icmp-type 3/1 -j DROP
-A INPUT -p icmp -m icmp ! --icmp-type any
-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
COMMIT
EOF2
iptables-save -t filter
iptables -L INPUT
iptables -p icmp -h
iptables -m icmp --help
