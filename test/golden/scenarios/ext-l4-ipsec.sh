# ah, esp and ipcomp matches.
iptables -A INPUT -p ah -m ah --ahspi 500 -j ACCEPT
iptables -A INPUT -p ah --ahspi 1:2
iptables -A INPUT -p ah ! --ahspi 3
iptables -A INPUT -p ah -m ah
iptables -A INPUT -p ah -m ah ! --ahspi :
iptables -A INPUT -p ah -m ah --ahspi :
iptables -A INPUT -p ah -m ah --ahspi 4:3
iptables -A INPUT -p ah -m ah --ahspi 5:
iptables -A INPUT -p ah -m ah --ahspi :5
iptables -A INPUT -p ah -m ah --ahspi 0
iptables -A INPUT -p ah -m ah --ahspi 0:0
iptables -A INPUT -p ah -m ah --ahspi 4294967295
iptables -A INPUT -p ah -m ah --ahspi 0xff
iptables -A INPUT -p ah -m ah --ahspi 4294967296
iptables -A INPUT -p ah -m ah --ahspi 1:2:3
iptables -A INPUT -p ah -m ah --ahspi x
iptables -A INPUT -p ah -m ah --ahspi 1x
iptables -A INPUT -p ah -m ah --ahspi -1
iptables -A INPUT -p ah -m ah --ahspi ''
iptables -A INPUT -p ah -m ah --ahspi 1 --ahspi 2
iptables -A INPUT -m ah --ahspi 1
iptables -A INPUT -p esp -m ah --ahspi 1
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -D INPUT -p ah --ahspi 500 -j ACCEPT
iptables -C INPUT -p ah -m ah
iptables -D INPUT -p ah -m ah ! --ahspi 0:4294967295
iptables -D INPUT -p ah -m ah --ahspi 0:4294967295
iptables -D INPUT -p ah -m ah --ahspi 0:4294967295
iptables -S INPUT
iptables -F
# esp
iptables -A INPUT -p esp -m esp --espspi 500 -j ACCEPT
iptables -A INPUT -p esp --espspi 1:2
iptables -A INPUT -p esp ! --espspi 3
iptables -A INPUT -p esp -m esp
iptables -A INPUT -p esp -m esp ! --espspi :
iptables -A INPUT -p esp -m esp --espspi 4:3
iptables -A INPUT -p esp -m esp --espspi 5:
iptables -A INPUT -p esp -m esp --espspi 0
iptables -A INPUT -p esp -m esp --espspi 4294967296
iptables -A INPUT -p esp -m esp --espspi 1 --espspi 2
iptables -A INPUT -m esp --espspi 1
iptables -A INPUT -p 50 --espspi 7
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -C INPUT -p esp -m esp
iptables -D INPUT -p esp -m esp ! --espspi :
iptables -F
# ipcomp
iptables -A INPUT -p ipcomp -m ipcomp --ipcompspi 500 -j ACCEPT
iptables -A INPUT -p ipcomp --ipcompspi 1:2
iptables -A INPUT -p ipcomp ! --ipcompspi 3 --compres
iptables -A INPUT -p ipcomp -m ipcomp
iptables -A INPUT -p ipcomp -m ipcomp --compres
iptables -A INPUT -p ipcomp -m ipcomp ! --ipcompspi :
iptables -A INPUT -p ipcomp -m ipcomp --ipcompspi :
iptables -A INPUT -p ipcomp -m ipcomp --ipcompspi 4:3
iptables -A INPUT -p ipcomp -m ipcomp --ipcompspi 0
iptables -A INPUT -p ipcomp -m ipcomp ! --compres
iptables -A INPUT -p ipcomp -m ipcomp --compres --compres
iptables -A INPUT -p ipcomp -m ipcomp --ipcompspi 1 --ipcompspi 2
iptables -A INPUT -m ipcomp --ipcompspi 1
iptables -A INPUT -p 108 --ipcompspi 9
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -C INPUT -p ipcomp -m ipcomp --ipcompspi 0
iptables -D INPUT -p ipcomp -m ipcomp
iptables -F
iptables-restore <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p ah -m ah ! --ahspi 5:6 -j DROP
-A INPUT -p esp -m esp --espspi 7
-A INPUT -p ipcomp -m ipcomp --ipcompspi 8 --compres
COMMIT
EOF2
iptables-save -t filter
iptables -p ah -h
iptables -p esp -h
iptables -p ipcomp -h
