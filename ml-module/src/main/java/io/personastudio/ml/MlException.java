package io.personastudio.ml;

/**
 * The one domain exception of the ML unit: bad input or a state the caller must fix. The message
 * names the problem and, where known, the file and the line or byte offset.
 */
public class MlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MlException(String message) {
    super(message);
  }

  public MlException(String message, Throwable cause) {
    super(message, cause);
  }
}
