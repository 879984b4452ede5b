package io.personastudio.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Every YAML document of every {@code *.yaml} file in one folder (docker/k8s). */
record KubernetesManifests(List<String> files, List<Manifest> all) {

  static KubernetesManifests load(Path folder) throws IOException {
    List<String> files = new ArrayList<>();
    List<Manifest> all = new ArrayList<>();
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path path : paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        String file = path.getFileName().toString();
        files.add(file);
        try (Reader reader = Files.newBufferedReader(path)) {
          for (Object document :
              new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
            if (document instanceof Map<?, ?>) {
              all.add(new Manifest(file, YamlTree.map(document)));
            }
          }
        }
      }
    }
    return new KubernetesManifests(List.copyOf(files), List.copyOf(all));
  }

  List<Manifest> ofKind(String kind) {
    return all.stream().filter(m -> kind.equals(m.kind())).toList();
  }

  Optional<Manifest> find(String kind, String name) {
    return ofKind(kind).stream().filter(m -> name.equals(m.name())).findFirst();
  }

  List<PodTemplate> pods() {
    return all.stream().flatMap(m -> m.podTemplate().stream()).toList();
  }

  /** The containers (init containers left out) that run a Persona Studio node. */
  List<Container> nodeContainers() {
    return pods().stream()
        .flatMap(pod -> pod.containers().stream())
        .filter(Container::runsNodeImage)
        .toList();
  }

  /** The pod templates whose containers run the node image. */
  List<PodTemplate> nodePods() {
    return pods().stream()
        .filter(pod -> pod.containers().stream().anyMatch(Container::runsNodeImage))
        .toList();
  }

  /** Secret name to its keys (data and stringData). */
  Map<String, Set<String>> secretKeys() {
    Map<String, Set<String>> keys = new HashMap<>();
    for (Manifest secret : ofKind("Secret")) {
      Set<String> names = new HashSet<>(YamlTree.map(secret.body(), "data").keySet());
      names.addAll(YamlTree.map(secret.body(), "stringData").keySet());
      keys.put(secret.name(), names);
    }
    return keys;
  }
}
