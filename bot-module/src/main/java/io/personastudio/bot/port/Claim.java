package io.personastudio.bot.port;

import java.util.Objects;

/** Outcome of presenting an access token: granted with its binding, or refused with a reason. */
public sealed interface Claim {

  /** Why a token was refused. */
  enum Refusal {
    UNKNOWN,
    REVOKED,
    EXPIRED,
    DELETED,
    /** The token is already bound to another Telegram user. */
    TAKEN
  }

  static Claim granted(Binding binding) {
    return new Granted(binding);
  }

  static Claim refused(Refusal reason) {
    return new Refused(reason);
  }

  /** The token is valid and now bound to this Telegram user. */
  record Granted(Binding binding) implements Claim {
    public Granted {
      Objects.requireNonNull(binding, "binding");
    }
  }

  /** The token cannot be used by this Telegram user. */
  record Refused(Refusal reason) implements Claim {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
