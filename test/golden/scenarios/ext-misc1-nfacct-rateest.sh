# nfacct and rateest matches: both need kernel objects that do not exist here.
iptables -A INPUT -m nfacct --nfacct-name test
iptables -A INPUT -m nfacct --nfacct-name wrong
iptables -A INPUT -m nfacct
iptables -A INPUT -m nfacct --nfacct-name ""
iptables -A INPUT -m nfacct --nfacct-name "a b"
iptables -A INPUT -m nfacct --nfacct-name 0123456789012345678901234567890123456789
iptables -A INPUT -m nfacct ! --nfacct-name x
iptables -A INPUT -m nfacct --nfacct-name x --nfacct-name y
iptables -A INPUT -m nfacct --nfacct-name
iptables -A INPUT -m nfacct -h
iptables -A INPUT -m rateest --rateest RE1 --rateest-lt --rateest-bps 8bit
iptables -A INPUT -m rateest --rateest RE1 --rateest-eq --rateest-pps 5
iptables -A INPUT -m rateest --rateest-delta --rateest1 RE1 --rateest-bps1 8bit --rateest-lt --rateest-bps2 16bit --rateest2 RE2
iptables -A INPUT -m rateest --rateest1 RE1 --rateest-lt --rateest-bps --rateest2 RE2
iptables -A INPUT -m rateest --rateest RE1 --rateest-gt
iptables -A INPUT -m rateest --rateest RE1 --rateest-bps 1
iptables -A INPUT -m rateest --rateest RE1
iptables -A INPUT -m rateest
iptables -A INPUT -m rateest --rateest-lt --rateest-bps 5
iptables -A INPUT -m rateest --rateest RE1 --rateest-bps 5 ! --rateest-lt
iptables -A INPUT -m rateest --rateest RE1 --rateest-bps foo --rateest-lt
iptables -A INPUT -m rateest --rateest RE1 --rateest-bps 5xbit --rateest-lt
iptables -A INPUT -m rateest --rateest RE1 --rateest-pps 5x --rateest-lt
iptables -A INPUT -m rateest --rateest RE1 --rateest-pps -5 --rateest-lt
iptables -A INPUT -m rateest --rateest RE1 --rateest2 RE2 --rateest-pps --rateest-lt
iptables -A INPUT -m rateest --rateest RE1 --rateest RE2
iptables -A INPUT -m rateest --rateest RE1 --rateest-lt --rateest-gt --rateest-bps 1
iptables -A INPUT -m rateest --rateest RE1 --rateest-lt --rateest-lt --rateest-bps 1
iptables -A INPUT -m rateest ! --rateest RE1
iptables -A INPUT -m rateest ! --rateest-bps 3
iptables -A INPUT -m rateest ! --rateest-delta
iptables -A INPUT -m rateest --rateest-delta --rateest-delta
iptables -A INPUT -m rateest --rateest-bps1 1 --rateest-bps1 2
iptables -A INPUT -m rateest --rateest
iptables -A INPUT -m rateest -h
iptables -S
