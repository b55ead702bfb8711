# Edge cases of the misc1 matches: C number parsing, rounding, unit choice, kernel checks.
iptables -A INPUT -m statistic --mode random --probability nan
iptables -A INPUT -m statistic --mode random --probability " 0.25"
iptables -A INPUT -m statistic --mode random --probability inf
iptables -A INPUT -m statistic --mode random --probability 0.000244140625
iptables -A INPUT -m statistic --mode random --probability 0x1p-3
iptables -A INPUT -m statistic --mode random --probability 0.99999999999
iptables -A INPUT -m statistic --mode random --probability 1e-10
iptables -A INPUT -m statistic --mode nth --packet 0 --every 1
iptables -t nat -A POSTROUTING -m statistic --mode nth --every 2 --packet 1 -j ACCEPT
iptables -t nat -S POSTROUTING
iptables -S INPUT
iptables -F
iptables -A INPUT -m limit --limit 1/s --limit-burst 0x10
iptables -A INPUT -m limit --limit 2/minutes
iptables -A INPUT -m limit --limit 10/Se
iptables -A INPUT -m limit --limit "  5/sec"
iptables -A INPUT -m limit --limit 99999999999/sec
iptables -A INPUT -m limit --limit 3/hOuR
iptables -A INPUT -m limit --limit 9/day
iptables -A INPUT -m limit --limit 59/hour
iptables -A INPUT -m limit --limit 601/min
iptables -A INPUT -m limit --limit 4999/s
iptables -A INPUT -m limit --limit 7/sec --limit 8/sec
iptables -L INPUT -n
iptables -S INPUT
iptables -D INPUT -m limit --limit 16/sec
iptables -D INPUT -m limit --limit 1/sec --limit-burst 16
iptables -F
iptables -A INPUT -m hashlimit --hashlimit-upto 1kb/s --hashlimit-name e1
iptables -A INPUT -m hashlimit --hashlimit-upto 512b/s --hashlimit-name e2
iptables -A INPUT -m hashlimit --hashlimit-upto 1023kb/s --hashlimit-burst 1m --hashlimit-name e3
iptables -A INPUT -m hashlimit --hashlimit-above 100/hour --hashlimit-htable-expire 5 --hashlimit-name e5
iptables -A INPUT -m hashlimit --hashlimit-upto 7/day --hashlimit-burst 1 --hashlimit-name e6
iptables -A INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-burst 0x10 --hashlimit-name e7
iptables -A INPUT -m hashlimit --hashlimit-upto 10/sec/x --hashlimit-name e8
iptables -A INPUT -m hashlimit --hashlimit-upto 3/MIN --hashlimit-name e9
iptables -A INPUT -m hashlimit --hashlimit-upto 64kb/s --hashlimit-burst 256kb --hashlimit-rate-match --hashlimit-name e10
iptables -A INPUT -m hashlimit --hashlimit-upto 64kb/s --hashlimit-rate-match --hashlimit-rate-interval 3 --hashlimit-name e11
iptables -A INPUT -m hashlimit --hashlimit-upto 10/min --hashlimit-rate-match --hashlimit-rate-interval 30 --hashlimit-name e12
iptables -A INPUT -m hashlimit --hashlimit-upto 1000000/s --hashlimit-burst 1000000 --hashlimit-name e13
iptables -A INPUT -m hashlimit --hashlimit-upto 2/day --hashlimit-burst 1 --hashlimit-mode dstport --hashlimit-dstmask 8 --hashlimit-name e14
iptables -A INPUT -m hashlimit --hashlimit-upto 100b/s --hashlimit-burst 96 --hashlimit-htable-expire 60000 --hashlimit-name e15
iptables -A INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-name e16 --hashlimit-srcmask 0.0.0.0
iptables -L INPUT -n
iptables -S INPUT
iptables -C INPUT -m hashlimit --hashlimit-upto 1/s --hashlimit-burst 16 --hashlimit-name e7
iptables -C INPUT -m hashlimit --hashlimit-upto 10/min --hashlimit-rate-match --hashlimit-rate-interval 30 --hashlimit-name e12
iptables -C INPUT -m hashlimit --hashlimit-upto 10/min --hashlimit-rate-match --hashlimit-name e12
iptables -F
iptables -A INPUT -m recent --rcheck --seconds 5 --reap --hitcount 2 --name "a b" --mask 255.255.255.0 --rdest
iptables -A INPUT -m recent --update --name 'q"t' --mask 0xffff0000
iptables -A INPUT -m recent --set --mask 1.2
iptables -L INPUT -n
iptables -S INPUT
iptables -D INPUT -m recent --set --mask 1.0.0.2
iptables -D INPUT -m recent --update --name 'q"t' --mask 255.255.0.0
iptables -S INPUT
iptables -F
iptables -A INPUT -m time --weekdays 32
iptables -A INPUT -m time --weekdays 9
iptables -A INPUT -m time --weekdays Su,Mo,We
iptables -A INPUT -m time --monthdays 31
iptables -A INPUT -m time --datestart 2038-01-19T03:14:08
iptables -A INPUT -m time --datestop 2038-01-19T03:14:07
iptables -A INPUT -m time --timestart 00:00:00 --timestop 23:59:59
iptables -A INPUT -m time --timestart 1:2:3 --timestop " 10:00"
iptables -A INPUT -m time --datestart 2000-02-29T23:59:59 --datestop 2000-12-31
iptables -A INPUT -m time --localtz --localtz
iptables -A INPUT -m time ! --weekdays Mon ! --monthdays 2
iptables -L INPUT
iptables -S INPUT
iptables -D INPUT -m time --weekdays 1
iptables -D INPUT -m time
iptables -D INPUT -m time --datestop 2038-01-19T03:14:07
iptables -S INPUT
iptables -F
iptables -A INPUT -m u32 --u32 "0=1 && 1=2"
iptables -A INPUT -m u32 --u32 "0 =1"
iptables -A INPUT -m u32 --u32 "0x0=0:0xffffffff"
iptables -A INPUT -m u32 --u32 "0	=	1"
iptables -A INPUT -m u32 --u32 "0=1 ,2"
iptables -A INPUT -m u32 --u32 "0=1: 2"
iptables -A INPUT -m u32 --u32 "0 & & 1=2"
iptables -A INPUT -m u32 --u32 "0=1&&2"
iptables -S INPUT
iptables -F
iptables -A INPUT -m string --algo kmp --string "Host" --icase
iptables -A INPUT -m string --algo kmp --hex-string "|41|" --icase
iptables -A INPUT -m string --algo fsm --hex-string "|00000161|"
iptables -A INPUT -m string --algo fsm --hex-string "|0e000161|"
iptables -A INPUT -m string --algo fsm --hex-string "|00000561|"
iptables -A INPUT -m string --algo fsm --hex-string "|0000056100000161|"
iptables -A INPUT -m string --algo fsm --hex-string "|00000161|" --icase
iptables -A INPUT -m string --algo bm --string foo --to 65534
iptables -A INPUT -m string --algo bm --string foo --from 7 --to 7
iptables -A INPUT -m string --algo bm --hex-string "|00||01|"
iptables -A INPUT -m string --algo bm --hex-string "|7f|"
iptables -L INPUT -n
iptables -S INPUT
iptables -F
iptables -A INPUT -m bpf --bytecode "2,32 0 0 4294963200,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,32 0 0 4294963264,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,48 0 0 4293918720,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "3,2 0 0 3,96 0 0 3,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,7 0 0 0,22 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,60 0 0 0,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,116 0 0 32,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,116 0 0 31,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "3,5 0 0 1,6 0 0 0,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "3,5 0 0 2,6 0 0 0,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "4,21 0 1 5,2 0 0 1,97 0 0 1,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "4,21 0 1 5,2 0 0 1,96 0 0 1,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "1, 6 0 0 0"
iptables -A INPUT -m bpf --bytecode "1,6	0	0	0"
iptables -A INPUT -m bpf --bytecode "1,+6 0 0 0"
iptables -A INPUT -m bpf --bytecode "1,6,0,0,0"
iptables -A INPUT -m bpf --bytecode "1,65542 256 257 0"
iptables -A INPUT -m bpf --bytecode "2,132 0 0 0,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,148 0 0 0,6 0 0 0"
iptables -A INPUT -m bpf --bytecode "2,40 0 0 0,6 0 0 0"
iptables -S INPUT
iptables -L INPUT -n
iptables -F
iptables -A INPUT -m string --algo fsm --hex-string "|0000016100000161|"
iptables -A INPUT -m string --algo fsm --hex-string "|0000046100000162|"
iptables -A INPUT -m string --algo fsm --hex-string "|00000461|"
iptables -A INPUT -m string --algo fsm --hex-string "|00000061|"
iptables -A INPUT -m string --algo fsm --hex-string "|0d000161|"
iptables -A INPUT -m string --algo fsm --hex-string "|00010161|"
iptables -A INPUT -m string --algo fsm --hex-string "|0000016100000461|"
iptables -A INPUT -m string --algo fsm --hex-string "|00000161000001|"
iptables -S INPUT
