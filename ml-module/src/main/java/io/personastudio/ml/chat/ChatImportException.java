package io.personastudio.ml.chat;

import io.personastudio.ml.MlException;

/**
 * Raised when an export cannot be read; the message names the file as its owner knows it (the name
 * it was uploaded under, never where a server keeps it) and where in it the problem is.
 */
public class ChatImportException extends MlException {
  private static final long serialVersionUID = 1L;

  public ChatImportException(String shownName, String where, String problem) {
    super(message(shownName, where, problem));
  }

  public ChatImportException(String shownName, String where, String problem, Throwable cause) {
    super(message(shownName, where, problem), cause);
  }

  private static String message(String shownName, String where, String problem) {
    return shownName
        + (where == null || where.isEmpty() ? "" : " (" + where + ")")
        + ": "
        + problem;
  }
}
