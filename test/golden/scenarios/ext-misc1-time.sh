# time match: dates, daytimes, monthdays, weekdays, kerneltz, contiguous.
iptables -A INPUT -m time --timestart 01:02:03 --timestop 04:05:06 --monthdays 1,2,3,4,5 --weekdays Mon,Fri,Sun --datestart 2001-02-03T04:05:06 --datestop 2012-09-08T09:06:05 --kerneltz
iptables -A INPUT -m time --timestart 01:02:03 --timestop 04:05:06 --monthdays 1,2,3,4,5 --weekdays Mon,Fri,Sun --datestart 2001-02-03T04:05:06 --datestop 2012-09-08T09:06:05
iptables -A INPUT -m time --timestart 02:00:00 --timestop 03:00:00 --datestart 1970-01-01T02:00:00 --datestop 1970-01-01T03:00:00
iptables -A INPUT -m time --timestart 10:00
iptables -A INPUT -m time --timestop 8:5
iptables -A INPUT -m time --timestart 22:00 --timestop 06:00 --contiguous
iptables -A INPUT -m time --timestart 22:00 --timestop 06:00 --utc
iptables -A INPUT -m time --weekdays 1,2,3
iptables -A INPUT -m time ! --weekdays Sat,Sun
iptables -A INPUT -m time --weekdays Monday,Tux,Th,Sa,7
iptables -A INPUT -m time --weekdays 8
iptables -A INPUT -m time --monthdays 31,22,13,1,2,3,11,12,21
iptables -A INPUT -m time ! --monthdays 1,15
iptables -A INPUT -m time --monthdays 0x1f
iptables -A INPUT -m time --monthdays 123
iptables -A INPUT -m time --monthdays 1,,2
iptables -A INPUT -m time --monthdays 1,
iptables -A INPUT -m time --monthdays 0
iptables -A INPUT -m time --datestart 2038
iptables -A INPUT -m time --datestart 2038-12-31T23:59:59
iptables -A INPUT -m time --datestop 1970
iptables -A INPUT -m time --datestart 2000-02-30
iptables -A INPUT -m time --datestart 2000-00-00
iptables -A INPUT -m time --datestart 2000-1-1T1:2:3
iptables -A INPUT -m time --localtz
iptables -A INPUT -m time --kerneltz --localtz
iptables -A INPUT -m time
iptables -L
iptables -L -n -v
iptables -S
iptables-save
iptables -D INPUT -m time --timestart 10:00:00 --timestop 23:59:59
iptables -D INPUT -m time --weekdays Mon,Tue,Wed
iptables -C INPUT -m time ! --weekdays Sat,Sun
iptables -C INPUT -m time --weekdays Mon,Tue,Wed,Thu,Fri
iptables -D INPUT -m time --weekdays Fri
iptables -S INPUT
iptables -F
# errors
iptables -A INPUT -m time --timestart 24:00
iptables -A INPUT -m time --timestart 10
iptables -A INPUT -m time --timestart 10:60
iptables -A INPUT -m time --timestart 10:59:60
iptables -A INPUT -m time --timestart 10:00:00:00
iptables -A INPUT -m time --timestart ab:cd
iptables -A INPUT -m time --timestop -1:00
iptables -A INPUT -m time --timestart 06:00 --timestop 22:00 --contiguous
iptables -A INPUT -m time --contiguous
iptables -A INPUT -m time --datestart 1969
iptables -A INPUT -m time --datestart 2039
iptables -A INPUT -m time --datestart 2000-13
iptables -A INPUT -m time --datestart 2000-01-32
iptables -A INPUT -m time --datestart 2000-01-01T24
iptables -A INPUT -m time --datestart 2000-01-01T10:60
iptables -A INPUT -m time --datestart 2000-01-01T10:10:60
iptables -A INPUT -m time --datestart 2000-01-01 10:00
iptables -A INPUT -m time --datestart 2000/01/01
iptables -A INPUT -m time --datestart 1970-00
iptables -A INPUT -m time --datestart ""
iptables -A INPUT -m time --weekdays 0
iptables -A INPUT -m time --weekdays Xyz
iptables -A INPUT -m time --weekdays 1x
iptables -A INPUT -m time --weekdays Mon,,Tue
iptables -A INPUT -m time --monthdays 32
iptables -A INPUT -m time --monthdays 08
iptables -A INPUT -m time --monthdays x
iptables -A INPUT -m time --monthdays -1
iptables -A INPUT -m time --utc --kerneltz
iptables -A INPUT -m time --localtz --utc
iptables -A INPUT -m time ! --timestart 10:00
iptables -A INPUT -m time --timestart 10:00 --timestart 11:00
iptables -A INPUT -m time --timestart
iptables -S
iptables -A INPUT -m time -h
iptables-restore <<'EOF2'
*filter
-A INPUT -m time --timestart 01:02:03 --timestop 04:05:06 --monthdays 1,2,3,4,5 --weekdays Mon,Fri,Sun --datestart 2001-02-03T04:05:06 --datestop 2012-09-08T09:06:05 --kerneltz
-A INPUT -m time --timestart 22:00:00 --timestop 06:00:00 --datestop 2038-01-19T03:14:07 --contiguous -j DROP
COMMIT
EOF2
iptables-save
iptables -L -n
