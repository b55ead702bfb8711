# bpf match (revision 1): bytecode parsing, the kernel's classic BPF checks, pinned objects.
iptables -A INPUT -m bpf --bytecode "4,48 0 0 9,21 0 1 6,6 0 0 1,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "1,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "1,6 0 0 4294967295,"
iptables -A INPUT -m bpf --bytecode " 2, 6 0 0 1 ,6 0 0 0 trailing"
iptables -A INPUT -m bpf --bytecode "2,0 0 0 5,22 0 0 0"
iptables -L
iptables -L -n -v
iptables -S
iptables-save
iptables -D INPUT -m bpf --bytecode "1,6 0 0 0"
iptables -C INPUT -m bpf --bytecode "1,6 0 0 -1"
iptables -S INPUT
iptables -F
# errors and kernel refusals
iptables -A INPUT -m bpf
iptables -A INPUT -m bpf --bytecode ""
iptables -A INPUT -m bpf --bytecode "1"
iptables -A INPUT -m bpf --bytecode "1,"
iptables -A INPUT -m bpf --bytecode "0,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "65,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "x,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "1;6 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "1,6 0 0 0,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "1,6 0 0"
iptables -A INPUT -m bpf --bytecode "1,x"
iptables -A INPUT -m bpf --bytecode "1,0 0 0 0"
iptables -A INPUT -m bpf --bytecode "1,255 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,21 5 0 1,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,96 0 0 16,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,52 0 0 0,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,96 0 0 0,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "65536,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "65537,6 0 0 0"
iptables -A INPUT -m bpf --object-pinned /sys/fs/bpf/nonexistent
iptables -A INPUT -m bpf --object-pinned /tmp
iptables -A INPUT -m bpf --bytecode "1,6 0 0 0" --object-pinned /sys/fs/bpf/x
iptables -A INPUT -m bpf --bytecode "1,6 0 0 0" --bytecode "1,6 0 0 0"
iptables -A INPUT -m bpf ! --bytecode "1,6 0 0 0"
iptables -A INPUT -m bpf --bytecode
iptables -S
iptables -A INPUT -m bpf -h
iptables-restore <<'EOF2'
*filter
-A INPUT -m bpf --bytecode "4,48 0 0 9,21 0 1 6,6 0 0 1,6 0 0 0" -j ACCEPT
COMMIT
EOF2
iptables-save
iptables -L -v
