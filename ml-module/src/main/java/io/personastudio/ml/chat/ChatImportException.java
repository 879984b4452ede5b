package io.personastudio.ml.chat;

import io.personastudio.ml.MlException;
import java.nio.file.Path;

/** Raised when an export cannot be read; the message names the file and where the problem is. */
public class ChatImportException extends MlException {
  private static final long serialVersionUID = 1L;

  public ChatImportException(Path file, String where, String problem) {
    super(file + (where == null || where.isEmpty() ? "" : " (" + where + ")") + ": " + problem);
  }

  public ChatImportException(Path file, String where, String problem, Throwable cause) {
    super(
        file + (where == null || where.isEmpty() ? "" : " (" + where + ")") + ": " + problem,
        cause);
  }
}
