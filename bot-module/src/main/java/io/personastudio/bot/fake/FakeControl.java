package io.personastudio.bot.fake;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The fake's own endpoints under {@code /fake/}, for curl and demos. */
final class FakeControl {

  private FakeControl() {}

  static FakeTelegramServer.Answer handle(
      FakeTelegramServer server, String path, Map<String, String> params) {
    try {
      return switch (path) {
        case "/fake/messages" -> {
          long chatId = Long.parseLong(params.getOrDefault("chat_id", "1"));
          long userId = Long.parseLong(params.getOrDefault("user_id", String.valueOf(chatId)));
          String lang = params.getOrDefault("language_code", "en");
          String text = params.get("text");
          long id =
              text == null
                  ? server.userSendsSticker(chatId, userId, lang)
                  : server.userSays(chatId, userId, lang, text);
          yield server.ok(Map.of("update_id", id));
        }
        case "/fake/sent" -> {
          String chat = params.get("chat_id");
          List<Map<String, Object>> list =
              server.sent().stream()
                  .filter(m -> chat == null || m.chatId() == Long.parseLong(chat))
                  .map(
                      m ->
                          Map.<String, Object>of(
                              "chat_id",
                              m.chatId(),
                              "text",
                              m.text(),
                              "at",
                              m.receivedEpochMillis()))
                  .toList();
          yield server.ok(list);
        }
        case "/fake/polls" -> {
          long since = Long.parseLong(params.getOrDefault("since", "0"));
          yield server.ok(server.pollEpochMillis().stream().filter(t -> t >= since).toList());
        }
        case "/fake/faults" -> {
          String method = params.get("method");
          int status = Integer.parseInt(params.getOrDefault("status", "429"));
          int times = Integer.parseInt(params.getOrDefault("times", "1"));
          Fault fault =
              new Fault(
                  status,
                  Integer.parseInt(params.getOrDefault("retry_after", "1")),
                  Duration.ofMillis(Long.parseLong(params.getOrDefault("delay_ms", "0"))));
          server.inject(method, fault, times);
          yield server.ok(true);
        }
        case "/fake/limits" -> {
          server.limits(Boolean.parseBoolean(params.getOrDefault("enabled", "true")));
          yield server.ok(true);
        }
        default -> server.error(404, "Not Found", 0);
      };
    } catch (RuntimeException e) {
      return server.error(400, "Bad Request: " + e.getMessage(), 0);
    }
  }
}
