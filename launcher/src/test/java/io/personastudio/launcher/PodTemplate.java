package io.personastudio.launcher;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The pod a workload manifest runs: its labels, containers and volumes. */
record PodTemplate(Manifest owner, Map<String, Object> template) {

  Map<String, Object> labels() {
    return YamlTree.map(template, "metadata", "labels");
  }

  Map<String, Object> spec() {
    return YamlTree.map(template, "spec");
  }

  /** Init containers first, then the pod's containers. */
  List<Container> allContainers() {
    return Stream.concat(
            YamlTree.maps(spec(), "initContainers").stream(),
            YamlTree.maps(spec(), "containers").stream())
        .map(body -> new Container(this, body))
        .toList();
  }

  List<Container> containers() {
    return YamlTree.maps(spec(), "containers").stream()
        .map(body -> new Container(this, body))
        .toList();
  }

  List<Map<String, Object>> volumes() {
    return YamlTree.maps(spec(), "volumes");
  }

  /** True when every label of {@code selector} is on this pod. */
  boolean matches(Map<String, Object> selector) {
    return !selector.isEmpty() && labels().entrySet().containsAll(selector.entrySet());
  }
}
