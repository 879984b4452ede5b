package io.personastudio.launcher;

/**
 * A setting the node cannot start with. Its message is the one line the operator sees: it names the
 * variable and what is wrong, never a secret's value.
 */
public final class ConfigurationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }
}
