package io.personastudio.application.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.personastudio.launcher.DatabaseSettings;
import io.personastudio.launcher.EmbeddedDatabase;
import io.personastudio.testing.Http;
import io.personastudio.testing.TestNode;
import io.personastudio.testing.web.Api;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole node dies mid-training (Payara and its worker killed at once); a node started again on
 * the same database and data folder resumes the run from its last stored checkpoint and publishes
 * the same model as an uninterrupted run with the same seed.
 */
class NodeRestartIT {

  private static final Duration BOOT = Duration.ofMinutes(6);

  @Test
  void aRunInterruptedByANodeDeathResumesOnTheNextNodeToTheSameModel() throws Exception {
    Path dir = Path.of(System.getProperty("persona.it.dir"), "restart-" + UUID.randomUUID());
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0, true)) {
      String url = "jdbc:postgresql://127.0.0.1:" + db.port() + "/persona";
      DatabaseSettings settings = new DatabaseSettings(url, "postgres", "postgres");
      // one name: the second node has the first one's data folder (content key, JWT keys)
      Map<String, String> options =
          Map.of(
              "PERSONA_JAVA_OPTS",
              "-Xmx512m -Dpersona.training.silent-seconds=30 -Dpersona.training.evaluate=false",
              "PERSONA_ML_WORKER_JAR",
              System.getProperty("persona.it.workerJar"));
      Path war = Path.of(System.getProperty("persona.it.war"));
      String chat = TrainingPipelineIT.chat(new Random(11), 60000);
      String email = "restart-" + UUID.randomUUID() + "@example.org";
      String whole;
      String broken;
      long checkpointStep;
      try (TestNode first = TestNode.start("restart", settings, war, options)) {
        awaitReady(first);
        Api owner = signUp(first, email);
        whole = newRun(owner, chat, "Whole");
        awaitCompleted(owner, whole);
        broken = newRun(owner, chat, "Broken");
        await()
            .atMost(Duration.ofMinutes(6))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> checkpointStep(url, broken) > 0);

        List<ProcessHandle> worker = workerOf(broken);
        first.kill();
        worker.forEach(ProcessHandle::destroyForcibly); // a power cut takes the worker along
        checkpointStep = checkpointStep(url, broken);
      }
      assertThat(status(url, broken)).as("a dead node cannot end its run").isEqualTo("RUNNING");

      try (TestNode second = TestNode.start("restart", settings, war, options)) {
        awaitReady(second);
        Api owner = signIn(second, email);
        awaitCompleted(owner, broken);

        assertThat(second.log())
            .contains("Run " + broken + " resumes from its checkpoint at step " + checkpointStep);
      }
      assertThat(digest(url, broken)).as("model of the resumed run").isEqualTo(digest(url, whole));
    }
  }

  private static List<ProcessHandle> workerOf(String run) {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains("persona-ml.jar") && c.contains(run))
                    .orElse(false))
        .toList();
  }

  private static void awaitReady(TestNode node) {
    await()
        .atMost(BOOT)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> Http.get(node.uri("health/ready")).statusCode() == 200);
  }

  private static Api signUp(TestNode node, String email) throws Exception {
    HttpResponse<String> registered =
        Api.anonymous(node.uri(""))
            .post(
                "api/v1/accounts",
                Api.json(
                    Map.of("email", email, "displayName", "Ana", "password", "violet-Sky-42")));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
    return signIn(node, email);
  }

  private static Api signIn(TestNode node, String email) throws Exception {
    Api anonymous = Api.anonymous(node.uri(""));
    HttpResponse<String> token =
        anonymous.post(
            "api/v1/auth/token", Api.json(Map.of("email", email, "password", "violet-Sky-42")));
    return anonymous.withToken(Api.field(token.body(), "accessToken"));
  }

  private static String newRun(Api owner, String chat, String name) throws Exception {
    HttpResponse<String> created =
        owner.upload(
            "api/v1/personas",
            Map.of(
                "name", name, "person", "Ana", "scrub", "false", "seed", "42", "consent", "true"),
            "chat.txt",
            chat);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Api.field(created.body(), "trainingRun");
  }

  private static void awaitCompleted(Api owner, String run) throws Exception {
    await()
        .atMost(Duration.ofMinutes(12))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                owner
                    .get("api/v1/runs/" + run)
                    .body()
                    .matches(".*\"status\":\"(COMPLETED|FAILED|CANCELLED)\".*"));
    assertThat(owner.get("api/v1/runs/" + run).body()).contains("\"status\":\"COMPLETED\"");
  }

  private static long checkpointStep(String url, String run) throws Exception {
    return query(
        url, "SELECT coalesce(max(step), 0) FROM training_checkpoint WHERE run_id=?::uuid", run);
  }

  private static String status(String url, String run) throws Exception {
    return query(url, "SELECT status FROM training_run WHERE id=?::uuid", run);
  }

  private static String digest(String url, String run) throws Exception {
    return query(url, "SELECT md5(artifact) FROM model_version WHERE run_id=?::uuid", run);
  }

  @SuppressWarnings("unchecked")
  private static <T> T query(String url, String sql, String run) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, run);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return (T) rs.getObject(1);
      }
    }
  }
}
