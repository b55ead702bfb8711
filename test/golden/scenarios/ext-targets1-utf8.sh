# Byte-based string limits: multi-byte UTF-8 prefixes, labels and trigger ids.
iptables -A INPUT -j LOG --log-prefix "ééééééééééééééé"
iptables -A INPUT -j LOG --log-prefix "éééééééééééééé"
iptables -A INPUT -j IDLETIMER --timeout 5 --label "éééééééééééééééé"
iptables -S INPUT
iptables -L INPUT
iptables -A INPUT -j NFLOG --nflog-prefix "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"
iptables -A INPUT -j LED --led-trigger-id "éééééééé"
iptables -A INPUT -j LED --led-trigger-id "éééééééééé"
iptables -S INPUT
