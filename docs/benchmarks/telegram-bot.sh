#!/usr/bin/env bash
# The Telegram bot's figures (issue 6). Usage: docs/benchmarks/telegram-bot.sh [httpPort clusterPort]
# 1. TelegramBenchmark (web-module test code, Arquillian, a real Payara Micro node with PostgreSQL):
#    trains a persona on the node, binds 100 chats, then through the fake Bot API in the node's JVM:
#    1,000 messages at once (twice: right after start-up, then with the JIT warm; CPU per reply of the
#    node and PostgreSQL) and 1,000 at 50/s and 100/s with limits off (replies/s, p50/p99 end to end), and
#    200 at once with Telegram's limits on and the bot's production pacing (429s provoked).
# 2. TelegramFailoverIT: two nodes, the leader killed (SIGKILL) mid-stream; prints the take-over time.
# Machine load (1/5/15 min) is printed with every figure; other builds on the machine skew them.
set -euo pipefail
cd "$(dirname "$0")/../.."
http=${1:-18380}
cluster=${2:-18390}
export DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_NUM_THREADS=1
out=web-module/target/it/node-data/telegram-benchmark.txt
rm -f "$out"
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(getconf _NPROCESSORS_ONLN) cores" # nproc would say 1: it honours OMP_NUM_THREADS
./mvnw -B -pl web-module -am verify -Dtest='X*' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='TelegramBenchmark,TelegramFailoverIT' -Dit.httpPort="$http" -Dit.clusterPort="$cluster" \
  | grep -E 'Telegram take-over|Telegram outbox|Tests run:|BUILD|ERROR' || true
echo "--- $out"
cat "$out"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
