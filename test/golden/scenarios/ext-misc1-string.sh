# string match: algorithms, offsets, ASCII and hex patterns, icase.
iptables -A INPUT -m string --algo bm --string "test"
iptables -A INPUT -m string --string "test" --algo kmp
iptables -A INPUT -m string ! --string "test" --algo kmp
iptables -A INPUT -m string --string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" --algo bm
iptables -A INPUT -m string --hex-string "|0a0a0a0a|" --algo bm
iptables -A INPUT -m string --algo bm --from 0 --to 65535 --string "test"
iptables -A INPUT -m string --algo bm --from 10 --to 100 --string "GET /" --icase
iptables -A INPUT -m string --algo fsm --string "fsm"
iptables -A INPUT -m string --algo kmp --string 'say "hi" \o/'
iptables -A INPUT -m string --algo kmp --string 'ends with \'
iptables -A INPUT -m string --algo bm --hex-string "GET |20 2f|index"
iptables -A INPUT -m string --algo bm --hex-string "|61 62 63|"
iptables -A INPUT -m string --algo bm --hex-string "a\|b\\c"
iptables -A INPUT -m string --algo bm --hex-string "|00|abc|ff|"
iptables -A INPUT -m string --algo bm --hex-string "|  41|"
iptables -A INPUT -m string --algo bm --string "tab	here"
iptables -A INPUT -m string --algo bm --string "héllo"
iptables -A INPUT -m string --algo bm --string "a'b"
iptables -A INPUT -m string --algo bm ! --hex-string "|DEADbeef|" --from 5
iptables -A INPUT -m string --algo kmp --string "x" --to 0
iptables -L
iptables -L -n -v
iptables -S
iptables-save
iptables -D INPUT -m string --string "test" --algo bm
iptables -D INPUT -m string --hex-string "|74657374|" --algo kmp
iptables -C INPUT -m string --algo bm --string "|0a0a0a0a|"
iptables -C INPUT -m string --algo bm --hex-string "abc"
iptables -D INPUT -m string --algo bm --hex-string "|616263|"
iptables -S INPUT
iptables -F
# errors and kernel refusals
iptables -A INPUT -m string
iptables -A INPUT -m string --algo bm
iptables -A INPUT -m string --string foo
iptables -A INPUT -m string --algo wrong
iptables -A INPUT -m string --algo wrong --string foo
iptables -A INPUT -m string --algo 0123456789abcdefghij --string foo
iptables -A INPUT -m string --algo bm --string ""
iptables -A INPUT -m string --algo bm --hex-string ""
iptables -A INPUT -m string --string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" --algo bm
iptables -A INPUT -m string --algo bm --string foo --hex-string "|00|"
iptables -A INPUT -m string --algo bm --string foo --string bar
iptables -A INPUT -m string --algo bm --hex-string "|0|"
iptables -A INPUT -m string --algo bm --hex-string "|0g|"
iptables -A INPUT -m string --algo bm --hex-string "|g0|"
iptables -A INPUT -m string --algo bm --hex-string "|00"
iptables -A INPUT -m string --algo bm --hex-string "|001|"
iptables -A INPUT -m string --algo bm --hex-string "abc\\"
iptables -A INPUT -m string --algo bm --hex-string "|00\41|"
iptables -A INPUT -m string --algo bm --hex-string "|"
iptables -A INPUT -m string --algo bm --hex-string "||"
iptables -A INPUT -m string --algo bm --from 100 --to 10 --string foo
iptables -A INPUT -m string --algo bm --from 65536 --string foo
iptables -A INPUT -m string --algo bm --to -1 --string foo
iptables -A INPUT -m string --algo bm ! --from 1 --string foo
iptables -A INPUT -m string --algo bm ! --icase --string foo
iptables -A INPUT -m string --algo bm --string
iptables -S
iptables -A INPUT -m string -h
iptables-restore <<'EOF2'
*filter
-A INPUT -p tcp -m string --string "GET /index.html" --algo bm --to 200 --icase -j DROP
-A INPUT -m string ! --hex-string "|0001ff|" --algo kmp --from 3
-A INPUT -m string --string "q\"uote\\d" --algo bm
COMMIT
EOF2
iptables-save
iptables -L -n
