package io.personastudio.bot.support;

import io.personastudio.bot.port.PersonaReplies;
import io.personastudio.bot.port.ReplyRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A persona runtime for tests: by default echoes "<personaId>: <message> (context N)"; a message
 * "boom" throws, a message "long:N" answers N characters over several lines.
 */
public final class ScriptedReplies implements PersonaReplies {

  private final List<ReplyRequest> requests = new CopyOnWriteArrayList<>();
  private final Function<ReplyRequest, String> script;

  public ScriptedReplies() {
    this(ScriptedReplies::defaultScript);
  }

  public ScriptedReplies(Function<ReplyRequest, String> script) {
    this.script = script;
  }

  private static String defaultScript(ReplyRequest request) {
    String message = request.message();
    if (message.equals("boom")) {
      throw new IllegalStateException("persona runtime exploded");
    }
    if (message.startsWith("long:")) {
      return longText(Integer.parseInt(message.substring(5)));
    }
    return request.personaId() + ": " + message + " (context " + request.context().size() + ")";
  }

  /** Lines of 15 words, cut at {@code length} characters. */
  public static String longText(int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append("word ".repeat(15)).append('\n');
    }
    return text.substring(0, length);
  }

  @Override
  public String reply(ReplyRequest request, Duration timeout) {
    requests.add(request);
    return script.apply(request);
  }

  public List<ReplyRequest> requests() {
    return List.copyOf(requests);
  }
}
