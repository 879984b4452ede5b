package io.personastudio.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in docker/k8s checked against the node's real configuration: the main
 * README's configuration table, the launcher's defaults ({@link NodeSettings}) and the health
 * endpoints. They cannot be applied here (no cluster), so this is what keeps them honest.
 */
class KubernetesManifestsTest {

  private static final Path FOLDER = Path.of("..", "docker", "k8s");
  private static final List<String> CLUSTER_KEYS =
      List.of("PERSONA_CONTENT_KEYS", "PERSONA_JWT_PRIVATE_KEY", "PERSONA_JWT_PUBLIC_KEY");

  private final KubernetesManifests manifests = KubernetesManifests.load(FOLDER);
  private final ReadmeConfiguration readme = ReadmeConfiguration.read(Path.of("..", "README.md"));

  KubernetesManifestsTest() throws IOException {}

  @Test
  void readsTheReadmeTablesAndFindsTheNodes() {
    assertThat(readme.variables())
        .as("variables read from README.md's Configuration tables")
        .contains("PERSONA_HTTP_PORT", "PERSONA_CLUSTER_DISCOVERY", "PERSONA_UPLOAD_MAX_BYTES");
    assertThat(readme.fileSecrets())
        .as("secrets README.md's *_FILE row names")
        .contains("PERSONA_DB_PASSWORD", "PERSONA_CONTENT_KEYS", "PERSONA_TELEGRAM_TOKEN");
    assertThat(manifests.nodePods())
        .as("pod templates in %s running the persona-studio image", FOLDER)
        .isNotEmpty();
  }

  @Test
  void everyVariableANodeIsGivenIsDocumentedInTheReadme() {
    List<String> problems = new ArrayList<>();
    for (Container node : manifests.nodeContainers()) {
      if (!YamlTree.maps(node.body(), "envFrom").isEmpty()) {
        problems.add(node.where() + " uses envFrom: list each variable so it can be checked");
      }
      for (Map<String, Object> variable : node.env()) {
        String name = YamlTree.text(variable, "name");
        if (!readme.variables().contains(withoutFileSuffix(name))) {
          problems.add(
              node.where()
                  + " sets "
                  + name
                  + ", but README.md's Configuration section documents no "
                  + withoutFileSuffix(name));
        }
      }
    }
    assertThat(problems).as("undocumented node settings").isEmpty();
  }

  @Test
  void fileVariablesNameADocumentedSecretAndAMountedSecretFile() {
    List<String> problems = new ArrayList<>();
    for (Container node : manifests.nodeContainers()) {
      for (Map<String, Object> variable : node.env()) {
        String name = YamlTree.text(variable, "name");
        if (!name.endsWith("_FILE")) {
          continue;
        }
        if (!readme.fileSecrets().contains(withoutFileSuffix(name))) {
          problems.add(
              node.where() + " sets " + name + ": README.md's *_FILE row lists no such secret");
        }
        String path = YamlTree.text(variable, "value");
        if (path == null || !node.secretFiles(manifests.secretKeys()).contains(path)) {
          problems.add(
              node.where()
                  + " sets "
                  + name
                  + "="
                  + path
                  + ", which is no file of a mounted Secret; mounted: "
                  + node.secretFiles(manifests.secretKeys()));
        }
      }
    }
    assertThat(problems).as("secret files the nodes read").isEmpty();
  }

  @Test
  void everySecretKeyTheManifestsUseIsInTheSecret() {
    Map<String, Set<String>> secrets = manifests.secretKeys();
    assertThat(secrets).as("Secret manifests in %s", FOLDER).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (PodTemplate pod : manifests.pods()) {
      for (Container container : pod.allContainers()) {
        for (Map<String, Object> variable : container.env()) {
          Map<String, Object> ref = YamlTree.map(variable, "valueFrom", "secretKeyRef");
          if (!ref.isEmpty()) {
            checkKey(
                secrets,
                YamlTree.text(ref, "name"),
                YamlTree.text(ref, "key"),
                container.where() + " env " + YamlTree.text(variable, "name"),
                problems);
          }
        }
      }
      for (Map<String, Object> volume : pod.volumes()) {
        Map<String, Object> secret = YamlTree.map(volume, "secret");
        if (secret.isEmpty()) {
          continue;
        }
        String where = pod.owner().where() + " volume " + YamlTree.text(volume, "name");
        String name = YamlTree.text(secret, "secretName");
        checkKey(secrets, name, null, where, problems);
        for (Map<String, Object> item : YamlTree.maps(secret, "items")) {
          checkKey(secrets, name, YamlTree.text(item, "key"), where, problems);
        }
      }
    }
    assertThat(problems).as("secret references").isEmpty();
  }

  @Test
  void probesAskTheNodesHealthOnItsHttpPort() {
    List<String> problems = new ArrayList<>();
    for (Container node : manifests.nodeContainers()) {
      int httpPort = settings(node).httpPort();
      if (node.port(httpPort).isEmpty()) {
        problems.add(node.where() + " declares no containerPort " + httpPort + " (its HTTP port)");
      }
      checkHealthProbe(node, "readinessProbe", Set.of("/health/ready"), httpPort, problems);
      checkHealthProbe(node, "livenessProbe", Set.of("/health/live"), httpPort, problems);
      if (!node.probe("startupProbe").isEmpty()) {
        checkHealthProbe(
            node, "startupProbe", Set.of("/health/live", "/health/ready"), httpPort, problems);
      }
    }
    assertThat(problems).as("node health probes").isEmpty();
  }

  @Test
  void theHazelcastPortIsTheClusterPort() {
    List<String> problems = new ArrayList<>();
    for (Container node : manifests.nodeContainers()) {
      int clusterPort = settings(node).clusterPort();
      Optional<Integer> declared = node.port("hazelcast");
      if (declared.isEmpty() || declared.get() != clusterPort) {
        problems.add(
            node.where()
                + ": port 'hazelcast' is "
                + declared.map(String::valueOf).orElse("missing")
                + ", but the node's PERSONA_CLUSTER_PORT is "
                + clusterPort);
      }
    }
    assertThat(problems).as("Hazelcast ports").isEmpty();
  }

  @Test
  void nodesFindEachOtherThroughAServiceThatListsThemBeforeTheyAreReady() {
    List<String> problems = new ArrayList<>();
    for (Container node : manifests.nodeContainers()) {
      String discovery = node.plainEnv().getOrDefault("PERSONA_CLUSTER_DISCOVERY", "tcpip");
      int clusterPort = settings(node).clusterPort();
      if (discovery.startsWith("dns:")) {
        checkDnsDiscovery(node, discovery.substring(4), clusterPort, problems);
      } else if (discovery.startsWith("kubernetes:")) {
        checkKubernetesDiscovery(node, discovery.substring(11), problems);
      } else {
        problems.add(
            node.where()
                + ": PERSONA_CLUSTER_DISCOVERY="
                + discovery
                + " needs fixed member addresses; pods have none (use dns: or kubernetes:)");
      }
    }
    assertThat(problems).as("cluster discovery").isEmpty();
  }

  @Test
  void aClusteredNodeIsGivenTheSharedKeysOnceEach() {
    List<String> problems = new ArrayList<>();
    for (Container node : manifests.nodeContainers()) {
      Set<String> names = new HashSet<>();
      node.env().forEach(variable -> names.add(YamlTree.text(variable, "name")));
      for (String key : CLUSTER_KEYS) {
        if (names.contains(key) && names.contains(key + "_FILE")) {
          problems.add(node.where() + " sets both " + key + " and " + key + "_FILE (refused)");
        } else if (!names.contains(key) && !names.contains(key + "_FILE")) {
          problems.add(
              node.where()
                  + " sets neither "
                  + key
                  + " nor "
                  + key
                  + "_FILE: a clustered node"
                  + " refuses to start without it");
        }
      }
      if (names.contains("PERSONA_DB_PASSWORD") && names.contains("PERSONA_DB_PASSWORD_FILE")) {
        problems.add(node.where() + " sets both PERSONA_DB_PASSWORD and PERSONA_DB_PASSWORD_FILE");
      }
    }
    assertThat(problems).as("shared keys of the cluster").isEmpty();
  }

  @Test
  void nodesListenOnThePodAddressNotLoopback() {
    List<String> problems = new ArrayList<>();
    for (Container node : manifests.nodeContainers()) {
      String bind = node.plainEnv().get("PERSONA_BIND_ADDRESS");
      if (bind == null || bind.startsWith("127.") || bind.equals("localhost")) {
        problems.add(
            node.where()
                + ": PERSONA_BIND_ADDRESS is "
                + bind
                + "; the launcher's default is loopback, which no other pod can reach");
      }
    }
    assertThat(problems).as("bind addresses").isEmpty();
  }

  @Test
  void servicesSendTrafficToPortsTheirPodsDeclare() {
    List<String> problems = new ArrayList<>();
    for (Manifest service : manifests.ofKind("Service")) {
      List<PodTemplate> pods = selected(YamlTree.map(service.body(), "spec", "selector"));
      if (pods.isEmpty()) {
        problems.add(service.where() + " selects no pod of " + FOLDER);
      }
      for (Map<String, Object> port : YamlTree.maps(service.body(), "spec", "ports")) {
        Object target =
            Optional.ofNullable(YamlTree.at(port, "targetPort")).orElse(port.get("port"));
        for (PodTemplate pod : pods) {
          if (pod.containers().stream().allMatch(c -> c.port(target).isEmpty())) {
            problems.add(
                service.where()
                    + " targets port "
                    + target
                    + ", which "
                    + pod.owner().where()
                    + " does not declare");
          }
        }
      }
    }
    assertThat(problems).as("Service target ports").isEmpty();
  }

  @Test
  void ingressBackendsAreExistingServicePorts() {
    List<String> problems = new ArrayList<>();
    List<Manifest> ingresses = manifests.ofKind("Ingress");
    assertThat(ingresses).as("Ingress manifests in %s", FOLDER).isNotEmpty();
    for (Manifest ingress : ingresses) {
      List<Map<String, Object>> backends = new ArrayList<>();
      Map<String, Object> fallback = YamlTree.map(ingress.body(), "spec", "defaultBackend");
      if (!fallback.isEmpty()) {
        backends.add(fallback);
      }
      for (Map<String, Object> rule : YamlTree.maps(ingress.body(), "spec", "rules")) {
        for (Map<String, Object> path : YamlTree.maps(rule, "http", "paths")) {
          backends.add(YamlTree.map(path, "backend"));
        }
      }
      for (Map<String, Object> backend : backends) {
        checkBackend(ingress, YamlTree.map(backend, "service"), problems);
      }
    }
    assertThat(problems).as("Ingress backends").isEmpty();
  }

  @Test
  void theDisruptionBudgetCoversTheNodesAndStillLetsOneGo() {
    List<Manifest> budgets = manifests.ofKind("PodDisruptionBudget");
    assertThat(budgets).as("PodDisruptionBudget manifests in %s", FOLDER).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Manifest budget : budgets) {
      Map<String, Object> selector = YamlTree.map(budget.body(), "spec", "selector", "matchLabels");
      List<PodTemplate> nodes =
          manifests.nodePods().stream().filter(pod -> pod.matches(selector)).toList();
      if (nodes.isEmpty()) {
        problems.add(budget.where() + " selects " + selector + ", which matches no node pod");
      }
      int minAvailable = Integer.parseInt(YamlTree.text(budget.body(), "spec", "minAvailable"));
      for (PodTemplate node : nodes) {
        int replicas =
            Integer.parseInt(
                Optional.ofNullable(YamlTree.text(node.owner().body(), "spec", "replicas"))
                    .orElse("1"));
        if (minAvailable < 1 || minAvailable >= replicas) {
          problems.add(
              budget.where()
                  + ": minAvailable "
                  + minAvailable
                  + " of "
                  + replicas
                  + " replicas of "
                  + node.owner().where()
                  + " (a drain must be able to move one)");
        }
      }
    }
    assertThat(problems).as("disruption budgets").isEmpty();
  }

  @Test
  void everyContainerHasAMemoryLimit() {
    List<String> problems = new ArrayList<>();
    for (PodTemplate pod : manifests.pods()) {
      for (Container container : pod.allContainers()) {
        if (YamlTree.text(container.body(), "resources", "limits", "memory") == null) {
          problems.add(container.where() + " has no memory limit");
        }
      }
    }
    assertThat(problems).as("memory limits").isEmpty();
  }

  @Test
  void kustomizationAppliesEveryManifestButTheExamples() {
    Manifest kustomization =
        manifests.all().stream()
            .filter(m -> m.file().equals("kustomization.yaml"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(FOLDER + " has no kustomization.yaml"));
    Object listed = YamlTree.at(kustomization.body(), "resources");
    Set<String> expected = new HashSet<>(manifests.files());
    expected.remove("kustomization.yaml");
    expected.removeIf(file -> file.endsWith(".example.yaml"));
    assertThat(listed instanceof List<?> list ? new HashSet<Object>(list) : Set.of())
        .as("kustomization.yaml resources (every file but kustomization.yaml and *.example.yaml)")
        .isEqualTo(expected);
  }

  @Test
  void theExampleSecretHoldsPlaceholdersNotKeys() {
    List<String> problems = new ArrayList<>();
    for (Manifest secret : manifests.ofKind("Secret")) {
      if (!secret.file().endsWith(".example.yaml")) {
        problems.add(secret.where() + ": a Secret belongs in a *.example.yaml with placeholders");
      }
      if (!YamlTree.map(secret.body(), "data").isEmpty()) {
        problems.add(secret.where() + " has base64 data; placeholders go in stringData");
      }
      YamlTree.map(secret.body(), "stringData")
          .forEach(
              (key, value) -> {
                String text = String.valueOf(value);
                if (!text.startsWith("REPLACE-ME") || text.contains("-----BEGIN")) {
                  problems.add(secret.where() + " key " + key + " is not a REPLACE-ME placeholder");
                }
              });
    }
    assertThat(problems).as("example secrets").isEmpty();
  }

  private void checkHealthProbe(
      Container node, String kind, Set<String> paths, int httpPort, List<String> problems) {
    Map<String, Object> get = YamlTree.map(node.probe(kind), "httpGet");
    String path = YamlTree.text(get, "path");
    if (!paths.contains(path)) {
      problems.add(node.where() + " " + kind + " asks " + path + ", expected one of " + paths);
    }
    Optional<Integer> port = node.port(YamlTree.at(get, "port"));
    if (port.isEmpty() || port.get() != httpPort) {
      problems.add(
          node.where()
              + " "
              + kind
              + " goes to port "
              + YamlTree.text(get, "port")
              + " ("
              + port.map(String::valueOf).orElse("not declared")
              + "), but the node serves HTTP on "
              + httpPort);
    }
  }

  private void checkDnsDiscovery(
      Container node, String members, int clusterPort, List<String> problems) {
    int colon = members.lastIndexOf(':');
    String host = colon < 0 ? members : members.substring(0, colon);
    String port = colon < 0 ? "" : members.substring(colon + 1);
    String serviceName = host.split("\\.")[0];
    Optional<Manifest> service = manifests.find("Service", serviceName);
    String where = node.where() + ": dns:" + members;
    if (service.isEmpty()) {
      problems.add(where + " names no Service of " + FOLDER);
      return;
    }
    Map<String, Object> spec = YamlTree.map(service.get().body(), "spec");
    if (!"None".equals(YamlTree.text(spec, "clusterIP"))) {
      problems.add(where + ": Service " + serviceName + " is not headless (clusterIP: None)");
    }
    if (!"true".equals(YamlTree.text(spec, "publishNotReadyAddresses"))) {
      problems.add(
          where
              + ": Service "
              + serviceName
              + " must publish not-ready addresses, or a starting node finds no cluster");
    }
    if (!node.pod().matches(YamlTree.map(spec, "selector"))) {
      problems.add(where + ": Service " + serviceName + " does not select this node's pods");
    }
    if (!port.equals(String.valueOf(clusterPort))) {
      problems.add(where + " asks port " + port + ", but PERSONA_CLUSTER_PORT is " + clusterPort);
    }
    boolean served =
        YamlTree.maps(spec, "ports").stream()
            .anyMatch(
                p ->
                    port.equals(YamlTree.text(p, "port"))
                        && node.port(Optional.ofNullable(p.get("targetPort")).orElse(p.get("port")))
                            .equals(Optional.of(clusterPort)));
    if (!served) {
      problems.add(
          where + ": Service " + serviceName + " has no port " + port + " to the Hazelcast port");
    }
  }

  private void checkKubernetesDiscovery(Container node, String target, List<String> problems) {
    String[] namespaceAndService = target.split(",");
    String where = node.where() + ": kubernetes:" + target;
    if (namespaceAndService.length != 2) {
      problems.add(where + " is not <namespace>,<service>");
      return;
    }
    Optional<Manifest> service = manifests.find("Service", namespaceAndService[1]);
    if (service.isEmpty()
        || !node.pod().matches(YamlTree.map(service.get().body(), "spec", "selector"))) {
      problems.add(where + " names no Service of " + FOLDER + " that selects this node's pods");
    }
    if ("false".equals(YamlTree.text(node.pod().spec(), "automountServiceAccountToken"))
        || manifests.ofKind("RoleBinding").isEmpty()) {
      problems.add(where + " reads the Kubernetes API: it needs a RoleBinding and a mounted token");
    }
  }

  private void checkBackend(Manifest ingress, Map<String, Object> backend, List<String> problems) {
    String name = YamlTree.text(backend, "name");
    Optional<Manifest> service = manifests.find("Service", name);
    if (service.isEmpty()) {
      problems.add(ingress.where() + " sends to Service " + name + ", which is not in " + FOLDER);
      return;
    }
    String portName = YamlTree.text(backend, "port", "name");
    String portNumber = YamlTree.text(backend, "port", "number");
    boolean exists =
        YamlTree.maps(service.get().body(), "spec", "ports").stream()
            .anyMatch(
                p ->
                    (portName != null && portName.equals(YamlTree.text(p, "name")))
                        || (portNumber != null && portNumber.equals(YamlTree.text(p, "port"))));
    if (!exists) {
      problems.add(
          ingress.where()
              + " sends to port "
              + (portName != null ? portName : portNumber)
              + " of Service "
              + name
              + ", which has no such port");
    }
  }

  private void checkKey(
      Map<String, Set<String>> secrets,
      String secret,
      String key,
      String where,
      List<String> problems) {
    if (!secrets.containsKey(secret)) {
      problems.add(
          where + " uses Secret " + secret + ", which no manifest in " + FOLDER + " defines");
    } else if (key != null && !secrets.get(secret).contains(key)) {
      problems.add(
          where
              + " uses key "
              + key
              + " of Secret "
              + secret
              + ", which has "
              + secrets.get(secret));
    }
  }

  private List<PodTemplate> selected(Map<String, Object> selector) {
    return manifests.pods().stream().filter(pod -> pod.matches(selector)).toList();
  }

  /** The node's ports as the launcher reads them: the container's values, else its defaults. */
  private static NodeSettings settings(Container node) {
    Map<String, String> ports = new HashMap<>();
    node.plainEnv()
        .forEach(
            (name, value) -> {
              if (name.equals("PERSONA_HTTP_PORT") || name.equals("PERSONA_CLUSTER_PORT")) {
                ports.put(name, value);
              }
            });
    return NodeSettings.from(ports, Path.of("."));
  }

  private static String withoutFileSuffix(String name) {
    return name.endsWith("_FILE") ? name.substring(0, name.length() - "_FILE".length()) : name;
  }
}
