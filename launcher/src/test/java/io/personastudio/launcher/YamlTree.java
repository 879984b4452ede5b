package io.personastudio.launcher;

import java.util.List;
import java.util.Map;

/** Reads parsed YAML (maps, lists, scalars) by path; a missing step reads as empty. */
final class YamlTree {

  private YamlTree() {}

  static Map<String, Object> map(Object node, String... path) {
    Object found = at(node, path);
    return found instanceof Map<?, ?> m ? cast(m) : Map.of();
  }

  static List<Map<String, Object>> maps(Object node, String... path) {
    Object found = at(node, path);
    if (!(found instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .filter(Map.class::isInstance)
        .map(item -> YamlTree.<Map<String, Object>>cast(item))
        .toList();
  }

  /** The scalar at {@code path} as text, or null when there is none. */
  static String text(Object node, String... path) {
    Object found = at(node, path);
    return found == null || found instanceof Map || found instanceof List
        ? null
        : String.valueOf(found);
  }

  static Object at(Object node, String... path) {
    Object current = node;
    for (String step : path) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(step);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }
}
