# cluster match: mandatory options, node vs nodemask, range checks, printing.
iptables -A INPUT -m cluster
iptables -A INPUT -m cluster --cluster-total-nodes 3
iptables -A INPUT -m cluster --cluster-total-nodes 2 --cluster-local-node 2
iptables -A INPUT -m cluster --cluster-total-nodes 2 --cluster-local-node 3 --cluster-hash-seed
iptables -A INPUT -m cluster --cluster-total-nodes 2 --cluster-local-node 3 --cluster-hash-seed 1
iptables -A INPUT -m cluster --cluster-total-nodes 2 --cluster-local-nodemask 3 --cluster-hash-seed 1
iptables -A INPUT -m cluster --cluster-total-nodes 2 --cluster-local-nodemask 4 --cluster-hash-seed 1
iptables -A INPUT -m cluster --cluster-total-nodes 2 --cluster-local-node 2 --cluster-hash-seed 0xfeedcafe
iptables -A INPUT -m cluster --cluster-total-nodes 32 ! --cluster-local-node 32 --cluster-hash-seed 0
iptables -A INPUT -m cluster --cluster-total-nodes 33 --cluster-local-node 1 --cluster-hash-seed 0
iptables -A INPUT -m cluster --cluster-total-nodes 0 --cluster-local-node 1 --cluster-hash-seed 0
iptables -A INPUT -m cluster --cluster-total-nodes 4 --cluster-local-node 0 --cluster-hash-seed 0
iptables -A INPUT -m cluster --cluster-total-nodes 4 --cluster-local-node 1 --cluster-local-nodemask 1 --cluster-hash-seed 0
iptables -A INPUT -m cluster --cluster-total-nodes 4 --cluster-local-nodemask 32 --cluster-hash-seed 0
iptables -A INPUT -m cluster --cluster-total-nodes 4 --cluster-local-nodemask 33 --cluster-hash-seed 0
iptables -A INPUT -m cluster --cluster-total-nodes 4 ! --cluster-local-nodemask 15 --cluster-hash-seed 4294967295
iptables -A INPUT -m cluster --cluster-total-nodes 4 --cluster-local-node 3 --cluster-hash-seed 4294967296
iptables -A INPUT -m cluster --cluster-local-nodemask 15 --cluster-hash-seed 4294967295
iptables -A INPUT -m cluster --cluster-total-nodes 4 --cluster-local-nodemask 15
iptables -A INPUT -m cluster ! --cluster-total-nodes 4
iptables -A INPUT -m cluster ! --cluster-hash-seed 4
iptables -A INPUT -m cluster --cluster-total-nodes 4 --cluster-total-nodes 4
iptables -A INPUT -m cluster --cluster-total-nodes 4 --cluster-local-node 1 --cluster-local-node 2 --cluster-hash-seed 1
iptables -A OUTPUT -m cluster --cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 1
iptables -t mangle -A POSTROUTING -m cluster --cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 1 -j ACCEPT
iptables -t nat -A POSTROUTING -m cluster --cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 1
iptables -t raw -A PREROUTING -m cluster --cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 1
iptables -L INPUT
iptables -L -n -v
iptables -S
iptables -t mangle -S
iptables-save
iptables -D INPUT -m cluster --cluster-total-nodes 2 --cluster-local-node 2 --cluster-hash-seed 0xfeedcafe
iptables -D INPUT -m cluster --cluster-total-nodes 4 --cluster-local-nodemask 15 --cluster-hash-seed 4294967295
iptables -D INPUT -m cluster ! --cluster-local-nodemask 0x0000000f --cluster-total-nodes 4 --cluster-hash-seed 0xffffffff
iptables -S INPUT
iptables-save > /tmp/misc2-cluster.rules
iptables -F
iptables -t mangle -F
iptables-restore < /tmp/misc2-cluster.rules
iptables-save
iptables -m cluster -h
