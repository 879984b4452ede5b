package io.personastudio.bot.fake;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake Bot API by hand: {@code FakeTelegramMain [port] [token]} (default 8081 and {@code
 * 123456:FAKE}). Listens on 127.0.0.1 only; see docs/BOT.md for the curl commands.
 */
public final class FakeTelegramMain {

  private FakeTelegramMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
    String token = args.length > 1 ? args[1] : "123456:FAKE";
    CountDownLatch stopped = new CountDownLatch(1);
    try (FakeTelegramServer server = FakeTelegramServer.start(port, token)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      System.out.println("Fake Telegram Bot API on " + server.baseUri() + " (127.0.0.1 only)");
      System.out.println(
          "  bot:  PERSONA_TELEGRAM_API_URL="
              + server.baseUri()
              + " PERSONA_TELEGRAM_TOKEN="
              + token);
      System.out.println(
          "  user: curl -d chat_id=42 -d text=hello " + server.baseUri() + "/fake/messages");
      System.out.println("  seen: curl " + server.baseUri() + "/fake/sent?chat_id=42");
      stopped.await();
    }
  }
}
