package io.personastudio.launcher;

import java.util.Map;
import java.util.Optional;

/** One YAML document of docker/k8s: a Kubernetes object and the file it came from. */
record Manifest(String file, Map<String, Object> body) {

  String kind() {
    return YamlTree.text(body, "kind");
  }

  String name() {
    return YamlTree.text(body, "metadata", "name");
  }

  /** Where a failure points: file and object. */
  String where() {
    return file + " " + kind() + "/" + name();
  }

  /** The pod this object runs, for the kinds that run one. */
  Optional<PodTemplate> podTemplate() {
    Map<String, Object> template =
        switch (kind()) {
          case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
              YamlTree.map(body, "spec", "template");
          case "CronJob" -> YamlTree.map(body, "spec", "jobTemplate", "spec", "template");
          case "Pod" -> body;
          default -> Map.of();
        };
    return template.isEmpty() ? Optional.empty() : Optional.of(new PodTemplate(this, template));
  }
}
