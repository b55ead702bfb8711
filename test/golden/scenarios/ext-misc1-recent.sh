# recent match (revision 1): commands, modifiers, name, side, mask.
iptables -A INPUT -m recent --set
iptables -A INPUT -m recent --rcheck --hitcount 8 --name foo --mask 255.255.255.255 --rsource
iptables -A INPUT -m recent --update --rttl
iptables -A INPUT -m recent ! --remove --name bar --rdest
iptables -A INPUT -m recent --rcheck --seconds 60 --reap --name reaper
iptables -A INPUT -m recent --update --seconds 4294967295 --hitcount 255 --name big
iptables -A INPUT -m recent ! --rcheck --seconds 10 --rttl --name x --mask 255.255.0.0 --rsource --rdest
iptables -A INPUT -m recent --set --name y --mask 10.20.30.40 --rdest --rsource
iptables -A INPUT -m recent --set --name z --mask 0.0.0.0
iptables -A INPUT -m recent --set --name 0123456789012345678901234567890123456789
iptables -A INPUT -m recent --set --name localhost --mask localhost
iptables -A INPUT -m recent --rcheck --hitcount 3 --name foo -m recent --rcheck --hitcount 4 --name foo
iptables -L
iptables -L -n
iptables -L -v -x
iptables -S
iptables-save
iptables -D INPUT -m recent --set --name DEFAULT --mask 255.255.255.255 --rsource
iptables -D INPUT -m recent --update --rttl --name DEFAULT
iptables -C INPUT -m recent ! --remove --name bar --rdest --mask 255.255.255.255
iptables -C INPUT -m recent ! --remove --name bar
iptables -D INPUT -m recent --set --name z --mask 0.0.0.1
iptables -S INPUT
iptables -F
# errors and kernel refusals
iptables -A INPUT -m recent
iptables -A INPUT -m recent --name foo
iptables -A INPUT -m recent --set --rcheck
iptables -A INPUT -m recent --set --set
iptables -A INPUT -m recent --set --rttl
iptables -A INPUT -m recent --remove --rttl
iptables -A INPUT -m recent --rttl --set
iptables -A INPUT -m recent --set --seconds 10
iptables -A INPUT -m recent --set --hitcount 10
iptables -A INPUT -m recent --remove --seconds 10
iptables -A INPUT -m recent --set --reap --seconds 10
iptables -A INPUT -m recent --rcheck --reap
iptables -A INPUT -m recent --rcheck --hitcount 256
iptables -A INPUT -m recent --rcheck --hitcount 65536
iptables -A INPUT -m recent --rcheck --hitcount 4294967296
iptables -A INPUT -m recent --rcheck --seconds 0
iptables -A INPUT -m recent --rcheck --seconds -1
iptables -A INPUT -m recent --rcheck --name ""
iptables -A INPUT -m recent --rcheck --name a/b
iptables -A INPUT -m recent --rcheck --name .
iptables -A INPUT -m recent --rcheck --name ..
iptables -A INPUT -m recent --rcheck --name 01234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
iptables -A INPUT -m recent --rcheck --mask 255.255.255.0/24
iptables -A INPUT -m recent --rcheck --mask foo.invalid
iptables -A INPUT -m recent --rcheck ! --rttl
iptables -A INPUT -m recent --rcheck ! --name x
iptables -A INPUT -m recent --rcheck --name
iptables -A INPUT -m recent --rcheck --name a --name b
iptables -A INPUT -m recent --rcheck --rsource --rsource
iptables -S
iptables -A INPUT -m recent -h
iptables-restore <<'EOF2'
*filter
-A INPUT -m recent --set --name DEFAULT --mask 255.255.255.255 --rsource
-A INPUT -m recent --update --seconds 60 --hitcount 4 --rttl --name SSH --mask 255.255.255.0 --rsource -j DROP
COMMIT
EOF2
iptables-save
iptables -L -n --line-numbers
