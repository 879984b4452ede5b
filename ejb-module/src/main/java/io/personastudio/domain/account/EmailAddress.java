package io.personastudio.domain.account;

import io.personastudio.domain.DomainException;
import java.util.regex.Pattern;

/** An e-mail address as people type it: trimmed, one {@code @}, a dotted domain, at most 254. */
public record EmailAddress(String value) {

  private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

  public EmailAddress {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid("E-mail address is required.");
    }
    value = value.strip();
    if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
      throw DomainException.invalid("E-mail address '" + value + "' is not valid.");
    }
  }
}
