#!/bin/sh
# Seed 001 #0: kube-proxy spreads a Service's connections over its pods with -m statistic.
. "$(dirname -- "$0")/../lib.sh"

iptwin lab up "$HERE/lab.yaml"
iptwin -H node1 iptables -t nat -S KUBE-SVC-CDGGSHYLG3RE2FKL
iptwin -H node1 iptables -t nat -nL KUBE-SVC-CDGGSHYLG3RE2FKL
# A few connections to the ClusterIP from node1: each lands on one pod.
iptwin -H node1 curl -s http://10.96.0.10/
iptwin -H node1 curl -s http://10.96.0.10/
iptwin -H node1 curl -s http://10.96.0.10/
iptwin -H node1 iptables -t nat -Z
# 10,000 connections (tally runs curl 10,000 times and counts the answers).
iptwin -H node1 tally 10000 curl -s http://10.96.0.10/
# The rule counters tell the same story: each connection's first packet takes one KUBE-SEP jump.
iptwin -H node1 iptables -t nat -nvxL KUBE-SVC-CDGGSHYLG3RE2FKL
iptwin -H node1 iptables -t nat -nvxL KUBE-SEP-PBQ62IOVWGYEN623
# From node2 the same rules apply (its own copy, its own dice).
iptwin -H node2 tally 1000 curl -s http://10.96.0.10/
