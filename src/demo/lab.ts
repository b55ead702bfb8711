/**
 * The demo's lab, built in: two nodes on one LAN. docker1 runs Docker (a
 * current dockerd's chains) with an nginx container published as -p 8080:80;
 * kube1 runs kube-proxy in iptables mode for Service default/web
 * (10.96.0.10:80) over two pods, and a firewall that rejects ssh from
 * docker1 and logs the ICMP it sends. The container and the pods are small
 * hosts of their own on each node's bridge.
 */
export const DEMO_LAB = `
start: 2024-05-01T09:00:00Z

hosts:
  docker1:
    interfaces:
      eth0: 192.168.0.10/24
      docker0: 172.17.0.1/16
    routes: [default via 192.168.0.1]
    sysctls: { net.ipv4.ip_forward: 1 }
    rules: |
      *nat
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      :DOCKER - [0:0]
      -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
      -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
      -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
      -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
      -A DOCKER -i docker0 -j RETURN
      -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
      COMMIT
      *filter
      :INPUT ACCEPT [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT ACCEPT [0:0]
      :DOCKER - [0:0]
      :DOCKER-ISOLATION-STAGE-1 - [0:0]
      :DOCKER-ISOLATION-STAGE-2 - [0:0]
      :DOCKER-USER - [0:0]
      -A FORWARD -j DOCKER-USER
      -A FORWARD -j DOCKER-ISOLATION-STAGE-1
      -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A FORWARD -o docker0 -j DOCKER
      -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
      -A FORWARD -i docker0 -o docker0 -j ACCEPT
      -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
      -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
      -A DOCKER-ISOLATION-STAGE-1 -j RETURN
      -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
      -A DOCKER-ISOLATION-STAGE-2 -j RETURN
      -A DOCKER-USER -j RETURN
      COMMIT

  kube1:
    interfaces:
      eth0: 192.168.0.20/24
      cni0: 10.244.1.1/24
    routes: [default via 192.168.0.1]
    sysctls: { net.ipv4.ip_forward: 1 }
    listen: [22/tcp]
    rules: |
      *nat
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      :KUBE-MARK-MASQ - [0:0]
      :KUBE-NODEPORTS - [0:0]
      :KUBE-POSTROUTING - [0:0]
      :KUBE-SERVICES - [0:0]
      :KUBE-SVC-CDGGSHYLG3RE2FKL - [0:0]
      :KUBE-SEP-PBQ62IOVWGYEN623 - [0:0]
      :KUBE-SEP-BHMTFEMIGCOTLSJP - [0:0]
      -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
      -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
      -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
      -A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
      -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
      -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
      -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
      -A KUBE-SERVICES -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.0.10 --dport 80 -j KUBE-SVC-CDGGSHYLG3RE2FKL
      -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
      -A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.0.10 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ
      -A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.2:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-PBQ62IOVWGYEN623
      -A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.3:80" -j KUBE-SEP-BHMTFEMIGCOTLSJP
      -A KUBE-SEP-PBQ62IOVWGYEN623 -m comment --comment default/web:http -s 10.244.1.2 -j KUBE-MARK-MASQ
      -A KUBE-SEP-PBQ62IOVWGYEN623 -m comment --comment default/web:http -m tcp -p tcp -j DNAT --to-destination 10.244.1.2:80
      -A KUBE-SEP-BHMTFEMIGCOTLSJP -m comment --comment default/web:http -s 10.244.1.3 -j KUBE-MARK-MASQ
      -A KUBE-SEP-BHMTFEMIGCOTLSJP -m comment --comment default/web:http -m tcp -p tcp -j DNAT --to-destination 10.244.1.3:80
      COMMIT
      *filter
      :INPUT ACCEPT [0:0]
      :FORWARD ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      -A INPUT -s 192.168.0.10/32 -p tcp -m tcp --dport 22 -j REJECT --reject-with icmp-port-unreachable
      -A OUTPUT -p icmp -j LOG --log-prefix "[OUTPUT] "
      COMMIT

  nginx:
    interfaces: { eth0: 172.17.0.2/16 }
    routes: [default via 172.17.0.1]
    listen:
      - { port: 80, app: http, body: "<h1>Welcome to nginx!</h1>\\n" }
  web-a:
    interfaces: { eth0: 10.244.1.2/24 }
    routes: [default via 10.244.1.1]
    listen: [80/tcp http]
  web-b:
    interfaces: { eth0: 10.244.1.3/24 }
    routes: [default via 10.244.1.1]
    listen: [80/tcp http]

links:
  - [docker1:eth0, kube1:eth0]
switches:
  docker0: [docker1:docker0, nginx:eth0]
  cni0: [kube1:cni0, web-a:eth0, web-b:eth0]
`;
