package io.personastudio.bot.conversation;

import io.personastudio.bot.port.ChatBindings;
import io.personastudio.bot.port.Claim;
import io.personastudio.bot.port.PersonaDirectory;
import java.time.Duration;
import java.util.Locale;

/** Turns a presented token into a chat binding, throttling wrong guesses per chat. */
final class TokenBinder {

  private final PersonaDirectory directory;
  private final ChatBindings bindings;
  private final TokenAttemptThrottle throttle;

  TokenBinder(PersonaDirectory directory, ChatBindings bindings, TokenAttemptThrottle throttle) {
    this.directory = directory;
    this.bindings = bindings;
    this.throttle = throttle;
  }

  void connect(Inbound in, String token, ChatOutput out) {
    Texts texts = Texts.of(in.language());
    Duration wait = throttle.waitFor(in.chatId());
    if (!wait.isZero()) {
      long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
      out.send(in.chatId(), texts.get("token.throttled", minutes));
      return;
    }
    Claim claim = directory.claim(token.strip(), in.userId());
    if (claim instanceof Claim.Granted granted) {
      bindings.bind(in.chatId(), granted.binding());
      out.send(in.chatId(), texts.get("token.bound", granted.binding().persona().name()));
    } else if (claim instanceof Claim.Refused refused) {
      throttle.recordFailure(in.chatId());
      out.send(
          in.chatId(),
          texts.get("token.refused." + refused.reason().name().toLowerCase(Locale.ROOT)));
    }
  }
}
