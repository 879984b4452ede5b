package io.personastudio.ml.cli;

import io.personastudio.ml.MlException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and {@code --flag}s of one command, checked against a spec. */
final class Args {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  Args(String command, String[] argv, Set<String> valued, Set<String> flagNames) {
    for (int i = 1; i < argv.length; i++) {
      String a = argv[i];
      if (!a.startsWith("--")) {
        throw new UsageException(command + ": unexpected argument '" + a + "'");
      }
      String name = a.substring(2);
      int eq = name.indexOf('=');
      if (eq > 0) {
        values.put(name.substring(0, eq), name.substring(eq + 1));
        name = name.substring(0, eq);
        if (!valued.contains(name)) {
          throw new UsageException(command + ": unknown option --" + name);
        }
      } else if (flagNames.contains(name)) {
        flags.add(name);
      } else if (valued.contains(name)) {
        if (i + 1 >= argv.length) {
          throw new UsageException(command + ": option --" + name + " needs a value");
        }
        values.put(name, argv[++i]);
      } else {
        throw new UsageException(command + ": unknown option --" + name);
      }
    }
  }

  String required(String name) {
    String v = values.get(name);
    if (v == null || v.isBlank()) {
      throw new UsageException("missing required option --" + name);
    }
    return v;
  }

  String optional(String name) {
    return values.get(name);
  }

  Path path(String name) {
    return Path.of(required(name));
  }

  long longValue(String name, long fallback) {
    String v = values.get(name);
    try {
      return v == null ? fallback : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
    }
  }

  double doubleValue(String name, double fallback) {
    String v = values.get(name);
    try {
      return v == null ? fallback : Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a number, got '" + v + "'");
    }
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  /** Wrong command line: exit code 2 with the usage hint. */
  static final class UsageException extends MlException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
