package io.personastudio.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Bot API parameters from any of the three encodings the library and curl use: query string, JSON,
 * form and multipart bodies. Values come out as strings ({@code chat_id} is one anyway).
 */
final class RequestParams {

  private RequestParams() {}

  static Map<String, String> parse(String query, String contentType, byte[] body, ObjectMapper json)
      throws IOException {
    Map<String, String> params = new HashMap<>();
    if (query != null) {
      params.putAll(form(query));
    }
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    String text = new String(body, StandardCharsets.UTF_8);
    if (type.startsWith("application/json") && !text.isBlank()) {
      JsonNode node = json.readTree(text);
      node.fields()
          .forEachRemaining(
              e ->
                  params.put(
                      e.getKey(),
                      e.getValue().isValueNode()
                          ? e.getValue().asText()
                          : e.getValue().toString()));
    } else if (type.startsWith("multipart/form-data")) {
      params.putAll(multipart(text, contentType.substring(type.indexOf("boundary=") + 9)));
    } else if (!text.isBlank()) {
      params.putAll(form(text));
    }
    return params;
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> params = new HashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static Map<String, String> multipart(String body, String boundary) {
    Map<String, String> params = new HashMap<>();
    String cleanBoundary = boundary.replace("\"", "").split(";")[0].trim();
    for (String part : body.split("--" + java.util.regex.Pattern.quote(cleanBoundary))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      int nameAt = part.indexOf("name=\"");
      if (headerEnd < 0 || nameAt < 0 || nameAt > headerEnd) {
        continue;
      }
      String name = part.substring(nameAt + 6, part.indexOf('"', nameAt + 6));
      String value = part.substring(headerEnd + 4);
      if (value.endsWith("\r\n")) {
        value = value.substring(0, value.length() - 2);
      }
      params.put(name, value);
    }
    return params;
  }
}
