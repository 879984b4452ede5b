package io.personastudio.interfaces.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Chart.js configurations for {@code p:chart}. PrimeFaces writes the configuration into an inline
 * script as it is, so every {@code <}, {@code >} and {@code &} (which can only occur inside JSON
 * strings, that is in chat names) is written as a unicode escape: a name can never end the script.
 */
public final class ChartJson {

  private ChartJson() {}

  /** One bar per label. */
  public static String bars(String title, List<String> labels, List<? extends Number> values) {
    return chart("bar", title, labels, values, false);
  }

  /** A line through the points, in order. */
  public static String line(String title, List<String> labels, List<? extends Number> values) {
    return chart("line", title, labels, values, true);
  }

  private static String chart(
      String type, String title, List<String> labels, List<? extends Number> values, boolean line) {
    JsonArrayBuilder names = Json.createArrayBuilder();
    labels.forEach(names::add);
    JsonArrayBuilder data = Json.createArrayBuilder();
    values.forEach(v -> data.add(v.doubleValue()));
    JsonObject config =
        Json.createObjectBuilder()
            .add("type", type)
            .add(
                "data",
                Json.createObjectBuilder()
                    .add("labels", names)
                    .add(
                        "datasets",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("label", title)
                                    .add("data", data)
                                    .add("borderColor", "#2680c2")
                                    .add("backgroundColor", line ? "#2680c2" : "#9fb3c8")
                                    .add("pointRadius", line ? 0 : 3)
                                    .add("fill", false))))
            .add(
                "options",
                Json.createObjectBuilder()
                    .add("animation", false)
                    .add("responsive", true)
                    .add(
                        "plugins",
                        Json.createObjectBuilder()
                            .add("legend", Json.createObjectBuilder().add("display", false))))
            .build();
    return inert(config.toString());
  }

  static String inert(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
