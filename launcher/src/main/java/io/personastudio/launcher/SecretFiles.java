package io.personastudio.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets given as files, the way Docker and Kubernetes hand them over: {@code NAME_FILE} names a
 * file whose content becomes {@code NAME}. Setting both is refused, so an operator never wonders
 * which of the two a node used.
 */
public final class SecretFiles {

  /** The variables that may come from a file. */
  public static final List<String> SECRETS =
      List.of(
          "PERSONA_DB_PASSWORD",
          "PERSONA_CONTENT_KEYS",
          "PERSONA_JWT_PRIVATE_KEY",
          "PERSONA_JWT_PUBLIC_KEY",
          "PERSONA_TELEGRAM_TOKEN",
          "PERSONA_TELEGRAM_WEBHOOK_SECRET");

  private SecretFiles() {}

  /** {@code env} with every {@code NAME_FILE} read into {@code NAME} (and removed). */
  public static Map<String, String> resolve(Map<String, String> env) {
    Map<String, String> resolved = new HashMap<>(env);
    for (String name : SECRETS) {
      String fileVariable = name + "_FILE";
      String file = resolved.remove(fileVariable);
      if (file == null || file.isBlank()) {
        continue;
      }
      if (env.get(name) != null) {
        throw new ConfigurationException(
            "Both " + name + " and " + fileVariable + " are set: keep one of them");
      }
      resolved.put(name, read(fileVariable, Path.of(file.strip())));
    }
    return resolved;
  }

  private static String read(String variable, Path file) {
    try {
      String value = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (value.isEmpty()) {
        throw new ConfigurationException(variable + " names an empty file: " + file);
      }
      return value;
    } catch (IOException e) {
      throw new ConfigurationException(
          variable + " names a file this node cannot read: " + file + " (" + e + ")");
    }
  }
}
