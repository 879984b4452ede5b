#!/usr/bin/env python3
"""Where the node's CPU went during TelegramBenchmark's profiled burst.

Usage: docs/benchmarks/telegram-jfr-shares.py web-module/target/it/node-data/telegram-burst.jfr
Counts jdk.ExecutionSample stacks (JDK's `jfr` tool) that contain a frame of each category; a
sample can count in several (the sub-items of the update's transaction overlap each other).
"""
import collections
import re
import subprocess
import sys

out = subprocess.run(
    ['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '150', sys.argv[1]],
    capture_output=True, text=True, check=True).stdout
samples = [[l.strip() for l in block.splitlines() if 'line:' in l]
           for block in out.split('jdk.ExecutionSample')[1:]]
n = len(samples)
REPLY = re.compile(r'PersonaRuntime|io\.personastudio\.ml\.')


def share(rx, only=None):
    r = re.compile(rx)
    pool = samples if only is None else only
    return 100 * sum(1 for s in pool if any(r.search(f) for f in s)) / n


stripe = [s for s in samples if any('UpdateProcessor' in f for f in s)
          and not any(REPLY.search(f) for f in s)]
print(f'{n} samples')
print(f'{share(REPLY.pattern):5.1f} %  persona reply (PersonaRuntime + ml-module)')
ML = r'io\.personastudio\.ml\.'
FAKE = r'io\.personastudio\.bot\.fake\.|sun\.net\.httpserver'
GATEWAY = r'TelegramGateway|BotApi|okhttp3|okio'
print(f'{share(ML):5.1f} %    of it ml-module')
print(f'{100 * len(stripe) / n:5.1f} %  the updates\' transactions (stripe threads, reply excluded)')
for label, rx in [('ledger firstSeen', r'JdbcUpdateLedger\.firstSeen'),
                  ('bindings', r'JdbcChatBindings\.'),
                  ('token standing', r'TokenPersonaDirectory\.standing'),
                  ('memory recent', r'JdbcConversationMemory\.recent'),
                  ('memory append', r'JdbcConversationMemory\.append'),
                  ('ContentCipher (AES-GCM)', r'ContentCipher\.')]:
    print(f'{share(rx, stripe):5.1f} %    {label}')
OWNERS = [('PostgreSQL driver', r'^org\.postgresql'),
          ('crypto', r'^(com\.sun\.crypto|javax\.crypto|sun\.security)'),
          ('connection pool', r'^com\.sun\.(gjc|enterprise\.resource|appserv\.connectors)'),
          ('EJB container, transactions', r'^(com\.sun\.ejb|org\.glassfish|fish\.payara|com\.sun\.enterprise|com\.sun\.jts)'),
          ('application code', r'^io\.personastudio')]
leaf = collections.Counter()
for s in stripe:
    leaf[next((name for f in s for name, rx in OWNERS if re.search(rx, f)), 'JDK, other')] += 1
print('  the transactions by the innermost known frame:')
for name, count in leaf.most_common():
    print(f'{100 * count / n:5.1f} %    {name}')
print(f'{share(FAKE):5.1f} %  fake Bot API (same JVM)')
print(f'{share(GATEWAY):5.1f} %  bot gateway: OkHttp, Jackson')
print('top frames (self):')
for frame, count in collections.Counter(
        s[0].split('(')[0] for s in samples if s).most_common(10):
    print(f'{100 * count / n:5.1f} %  {frame}')
