package io.personastudio.bot.bench;

import io.personastudio.bot.fake.SentMessage;
import io.personastudio.bot.support.BotHarness;
import io.personastudio.bot.support.ScriptedReplies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 1,000 messages from 100 chats through the fake Bot API, limits off, echo persona: prints
 * replies/s and end-to-end latency (injection to sendMessage arrival). Not a test; run by hand.
 */
public final class BotBenchmark {

  private BotBenchmark() {}

  public static void main(String[] args) throws Exception {
    int chats = 100;
    int perChat = 10;
    try (BotHarness harness = BotHarness.start(new ScriptedReplies(r -> "echo " + r.message()))) {
      for (int chat = 1; chat <= chats; chat++) {
        String token = harness.directory.issue("BenchToken0123456789abc" + chat, "p" + chat, "P");
        harness.telegram.userSays(chat, chat, "en", "/start " + token);
      }
      while (harness.telegram.sent().size() < chats) {
        Thread.sleep(5);
      }
      Map<String, Long> injected = new HashMap<>();
      long start = System.nanoTime();
      for (int i = 0; i < perChat; i++) {
        for (int chat = 1; chat <= chats; chat++) {
          String text = "m" + chat + "-" + i;
          long id = harness.telegram.userSays(chat, chat, "en", text);
          injected.put("echo " + text, harness.telegram.injectedAtNanos(id));
        }
      }
      int expected = chats + chats * perChat;
      while (harness.telegram.sent().size() < expected) {
        Thread.sleep(1);
      }
      long end = System.nanoTime();
      List<Long> latencies = new ArrayList<>();
      for (SentMessage m : harness.telegram.sent()) {
        Long at = injected.get(m.text());
        if (at != null) {
          latencies.add(m.receivedNanos() - at);
        }
      }
      latencies.sort(Long::compare);
      double seconds = (end - start) / 1e9;
      System.out.printf(
          "%d replies in %.2f s = %.0f replies/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          latencies.size(),
          seconds,
          latencies.size() / seconds,
          latencies.get(latencies.size() / 2) / 1e6,
          latencies.get((int) (latencies.size() * 0.99)) / 1e6,
          latencies.get(latencies.size() - 1) / 1e6);
    }
  }
}
