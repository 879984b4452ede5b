package io.personastudio.launcher;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One container of a pod template: image, environment, ports, probes, mounts. */
record Container(PodTemplate pod, Map<String, Object> body) {

  String name() {
    return YamlTree.text(body, "name");
  }

  String where() {
    return pod.owner().where() + " container " + name();
  }

  /** True for the Persona Studio node image, whatever registry or tag. */
  boolean runsNodeImage() {
    String image = YamlTree.text(body, "image");
    if (image == null) {
      return false;
    }
    String repository = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
    return repository.equals("persona-studio") || repository.endsWith("/persona-studio");
  }

  List<Map<String, Object>> env() {
    return YamlTree.maps(body, "env");
  }

  /** The environment variables set to a plain value (no valueFrom). */
  Map<String, String> plainEnv() {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map<String, Object> variable : env()) {
      String value = YamlTree.text(variable, "value");
      if (value != null) {
        values.put(YamlTree.text(variable, "name"), value);
      }
    }
    return values;
  }

  List<Map<String, Object>> ports() {
    return YamlTree.maps(body, "ports");
  }

  /** The container port a probe or Service names: by number, or by port name. */
  Optional<Integer> port(Object numberOrName) {
    if (numberOrName == null) {
      return Optional.empty();
    }
    String wanted = String.valueOf(numberOrName);
    for (Map<String, Object> port : ports()) {
      String number = YamlTree.text(port, "containerPort");
      if (wanted.equals(number) || wanted.equals(YamlTree.text(port, "name"))) {
        return Optional.of(Integer.valueOf(number));
      }
    }
    return Optional.empty();
  }

  Map<String, Object> probe(String kind) {
    return YamlTree.map(body, kind);
  }

  List<Map<String, Object>> volumeMounts() {
    return YamlTree.maps(body, "volumeMounts");
  }

  /** The paths of the files this container sees from its mounted Secret volumes. */
  Set<String> secretFiles(Map<String, Set<String>> secretKeys) {
    Set<String> files = new HashSet<>();
    for (Map<String, Object> mount : volumeMounts()) {
      for (Map<String, Object> volume : pod.volumes()) {
        Map<String, Object> secret = YamlTree.map(volume, "secret");
        if (secret.isEmpty()
            || !YamlTree.text(volume, "name").equals(YamlTree.text(mount, "name"))) {
          continue;
        }
        List<Map<String, Object>> items = YamlTree.maps(secret, "items");
        Set<String> names = new HashSet<>();
        if (items.isEmpty()) {
          names.addAll(secretKeys.getOrDefault(YamlTree.text(secret, "secretName"), Set.of()));
        } else {
          items.forEach(item -> names.add(YamlTree.text(item, "path")));
        }
        names.forEach(name -> files.add(YamlTree.text(mount, "mountPath") + "/" + name));
      }
    }
    return files;
  }
}
