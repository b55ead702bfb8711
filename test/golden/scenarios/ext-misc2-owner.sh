# owner match (revision 1): uid/gid names (Debian 12 base users) and ranges, socket-exists, suppl-groups, hooks.
iptables -A OUTPUT -m owner
iptables -A OUTPUT -m owner --uid-owner root
iptables -A OUTPUT -m owner --uid-owner 0-10
iptables -A OUTPUT -m owner --uid-owner 5:10
iptables -A OUTPUT -m owner --uid-owner 10-5
iptables -A OUTPUT -m owner --gid-owner 10:5
iptables -A OUTPUT -m owner --uid-owner 4294967294
iptables -A OUTPUT -m owner --uid-owner 4294967295
iptables -A OUTPUT -m owner --uid-owner 0-4294967295
iptables -A OUTPUT -m owner --uid-owner 0x10
iptables -A OUTPUT -m owner --uid-owner 010
iptables -A OUTPUT -m owner --uid-owner foo
iptables -A OUTPUT -m owner --gid-owner foo
iptables -A OUTPUT -m owner --uid-owner 1-
iptables -A OUTPUT -m owner --uid-owner 1-2-3
iptables -A OUTPUT -m owner --uid-owner 1--2
iptables -A OUTPUT -m owner --uid-owner -1
iptables -A OUTPUT -m owner --uid-owner ""
iptables -A OUTPUT -m owner --uid-owner " 7"
iptables -A OUTPUT -m owner --uid-owner "7 "
iptables -A OUTPUT -m owner --uid-owner ROOT
iptables -A OUTPUT -m owner ! --uid-owner nobody ! --gid-owner nogroup
iptables -A OUTPUT -m owner --gid-owner www-data --suppl-groups
iptables -A OUTPUT -m owner --suppl-groups --gid-owner 0
iptables -A OUTPUT -m owner --gid-owner 0 ! --suppl-groups
iptables -A OUTPUT -m owner --suppl-groups
iptables -A OUTPUT -m owner --gid-owner 0 --suppl-groups --suppl-groups
iptables -A OUTPUT -m owner ! --socket-exists
iptables -A OUTPUT -m owner --socket-exists --socket-exists
iptables -A OUTPUT -m owner --socket-exists --uid-owner 33 --gid-owner 34-38 --suppl-groups
iptables -A OUTPUT -m owner --uid-owner 1 --uid-owner 2
iptables -A OUTPUT -m owner --pid-owner 1
iptables -A OUTPUT -m owner --sid-owner 1
iptables -A OUTPUT -m owner --cmd-owner foo
iptables -A OUTPUT -m owner --uid-owner
iptables -A OUTPUT -m owner --uid-owner daemon --gid-owner daemon
iptables -A OUTPUT -m owner --uid-owner bin --gid-owner sys
iptables -A OUTPUT -m owner --uid-owner sync --gid-owner adm
iptables -A OUTPUT -m owner --uid-owner games --gid-owner tty
iptables -A OUTPUT -m owner --uid-owner man --gid-owner disk
iptables -A OUTPUT -m owner --uid-owner lp --gid-owner lp
iptables -A OUTPUT -m owner --uid-owner mail --gid-owner mail
iptables -A OUTPUT -m owner --uid-owner news --gid-owner news
iptables -A OUTPUT -m owner --uid-owner uucp --gid-owner uucp
iptables -A OUTPUT -m owner --uid-owner proxy --gid-owner man
iptables -A OUTPUT -m owner --uid-owner www-data --gid-owner proxy
iptables -A OUTPUT -m owner --uid-owner backup --gid-owner kmem
iptables -A OUTPUT -m owner --uid-owner list --gid-owner dialout
iptables -A OUTPUT -m owner --uid-owner irc --gid-owner fax
iptables -A OUTPUT -m owner --uid-owner _apt --gid-owner voice
iptables -A OUTPUT -m owner --gid-owner cdrom
iptables -A OUTPUT -m owner --gid-owner floppy
iptables -A OUTPUT -m owner --gid-owner tape
iptables -A OUTPUT -m owner --gid-owner sudo
iptables -A OUTPUT -m owner --gid-owner audio
iptables -A OUTPUT -m owner --gid-owner dip
iptables -A OUTPUT -m owner --gid-owner www-data
iptables -A OUTPUT -m owner --gid-owner backup
iptables -A OUTPUT -m owner --gid-owner operator
iptables -A OUTPUT -m owner --gid-owner list
iptables -A OUTPUT -m owner --gid-owner irc
iptables -A OUTPUT -m owner --gid-owner src
iptables -A OUTPUT -m owner --gid-owner shadow
iptables -A OUTPUT -m owner --gid-owner utmp
iptables -A OUTPUT -m owner --gid-owner video
iptables -A OUTPUT -m owner --gid-owner sasl
iptables -A OUTPUT -m owner --gid-owner plugdev
iptables -A OUTPUT -m owner --gid-owner staff
iptables -A OUTPUT -m owner --gid-owner games
iptables -A OUTPUT -m owner --gid-owner users
iptables -A OUTPUT -m owner --uid-owner 6 --gid-owner 12
iptables -A OUTPUT -m owner --uid-owner 42 --gid-owner 42
iptables -A OUTPUT -m owner --uid-owner 7 --gid-owner 60
iptables -A OUTPUT -m owner --uid-owner 12345 --gid-owner 12345
iptables -A OUTPUT -m owner --uid-owner 0-0 --gid-owner 5-5
iptables -A INPUT -m owner --uid-owner 0
iptables -A FORWARD -m owner --uid-owner 0
iptables -A INPUT -m owner --socket-exists
iptables -t mangle -A POSTROUTING -m owner --uid-owner sync
iptables -t mangle -A PREROUTING -m owner --uid-owner sync
iptables -t nat -A OUTPUT -m owner --gid-owner 1
iptables -t nat -A INPUT -m owner --gid-owner 1
iptables -t raw -A OUTPUT -m owner ! --uid-owner 1000-2000
iptables -L OUTPUT
iptables -L OUTPUT -n
iptables -L OUTPUT -v -n
iptables -S
iptables -t mangle -S
iptables -t nat -L -n
iptables-save
iptables -C OUTPUT -m owner --uid-owner 0
iptables -D OUTPUT -m owner --uid-owner root
iptables -D OUTPUT -m owner --uid-owner 0:10
iptables -D OUTPUT -m owner ! --gid-owner 65534 ! --uid-owner 65534
iptables -D OUTPUT -m owner --socket-exists --uid-owner 33 --gid-owner 34-38 --suppl-groups
iptables -D OUTPUT -m owner --socket-exists --uid-owner 33 --gid-owner 34-38
iptables -S OUTPUT
iptables-save > /tmp/misc2-owner.rules
iptables -F
iptables-restore < /tmp/misc2-owner.rules
iptables -S OUTPUT
iptables-restore <<'EOF2'
*filter
-A INPUT -m owner --uid-owner root
COMMIT
EOF2
iptables-restore <<'EOF2'
*filter
-A OUTPUT -m owner --uid-owner nobody2
COMMIT
EOF2
iptables -m owner -h
