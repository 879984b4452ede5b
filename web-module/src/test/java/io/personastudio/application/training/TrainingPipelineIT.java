package io.personastudio.application.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.personastudio.application.account.AccountService;
import io.personastudio.application.account.Registration;
import io.personastudio.application.chat.PersonaRuntime;
import io.personastudio.application.persona.NewPersona;
import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.persona.PersonaView;
import io.personastudio.application.token.AccessTokenService;
import io.personastudio.application.token.CreatedToken;
import io.personastudio.application.token.TokenView;
import io.personastudio.domain.DomainException;
import io.personastudio.infrastructure.config.StudioConfig;
import io.personastudio.testing.Rows;
import io.personastudio.testing.ShippedWar;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** From an uploaded chat to a published persona model, on the node, with real PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class TrainingPipelineIT {

  @Deployment
  static WebArchive deployment() {
    return ShippedWar.withTest(TrainingPipelineIT.class);
  }

  @Inject AccountService accounts;
  @Inject PersonaService personas;
  @Inject TrainingRuns runs;
  @Inject TrainingQueue queue;
  @Inject PersonaRuntime runtime;
  @Inject AccessTokenService tokens;
  @Inject StudioConfig config;

  @Resource(lookup = "jdbc/persona")
  DataSource db;

  @Test
  void anUploadBecomesAReadyPersonaWithProgressAndEncryptedMessages() throws Exception {
    UUID owner = newOwner();
    Path upload = upload(chat(new Random(7), 240));

    PersonaView persona =
        personas.create(
            owner, new NewPersona("Ana's persona", "Ana", true, true), upload, "chat.txt");

    awaitEnd(persona);
    RunView run = runs.view(persona.trainingRun()).orElseThrow();
    assertThat(run.status()).isEqualTo("COMPLETED");
    assertThat(run.percent()).isEqualTo(100f);
    assertThat(run.step()).as("the steps trained, kept after publishing").isPositive();
    assertThat(run.totalSteps()).isGreaterThanOrEqualTo(run.step());
    assertThat(personas.find(owner, persona.id()).orElseThrow().status()).isEqualTo("READY");
    assertThat(Rows.count(db, "SELECT count(*) FROM training_loss WHERE run_id=?", run.id()))
        .isPositive();
    assertThat(
            Rows.count(db, "SELECT count(*) FROM model_version WHERE persona_id=?", persona.id()))
        .isEqualTo(1);
    assertThat(upload).doesNotExist();
    Path work = Path.of(System.getProperty("persona.data.dir"), "work", run.id().toString());
    await() // the job ends after the evaluation, which reads the decrypted chat too
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(work).as("the decrypted chat of the run").doesNotExist());
    assertThat(rawMessagesContain(persona.id(), "marmalade")).isFalse();
    assertThat(
            Rows.count(
                db,
                "SELECT count(*) FROM chat_message m JOIN chat_import i ON i.id=m.import_id"
                    + " WHERE i.persona_id=?",
                persona.id()))
        .isEqualTo(240);
  }

  @Test
  void thePublishedRunIsMeasuredOnTheLaterPartOfTheChatNextToTheBaseline() throws Exception {
    UUID owner = newOwner();
    PersonaView persona =
        personas.create(
            owner,
            new NewPersona("Measured", "Ana", false, true),
            upload(chat(new Random(17), 400)),
            "c.txt");

    awaitEnd(persona);
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> runs.view(persona.trainingRun()).orElseThrow().phase().equals("DONE"));

    RunEvaluation figures = runs.view(owner, persona.trainingRun()).orElseThrow().evaluation();
    assertThat(figures.status()).as(String.valueOf(figures.reason())).isEqualTo("DONE");
    assertThat(figures.testCases()).as("Ana's replies in the last 20 %").isBetween(30, 50);
    assertThat(figures.trainReplies()).isGreaterThan(figures.testCases());
    assertThat(figures.model().hits1of20Style()).isBetween(0.0, 1.0);
    assertThat(figures.model().emptyReplies()).isZero();
    assertThat(figures.baseline().unigramF1()).isNotNull();
    assertThat(figures.model().styleFidelity())
        .as("Ana always says marmalade, Ben never")
        .isGreaterThan(0.5);
    assertThat(figures.targets())
        .as("each quality target's verdict is kept with the figures")
        .extracting(RunEvaluation.Verdict::target)
        .containsExactly(
            RunEvaluation.HITS_STYLE,
            RunEvaluation.HITS_RELEVANCE,
            RunEvaluation.FIDELITY,
            RunEvaluation.UNIGRAM_F1);
    assertThat(figures.targets())
        .filteredOn(v -> v.target().equals(RunEvaluation.FIDELITY))
        .singleElement()
        .satisfies(v -> assertThat(v.support()).isBetween(0.0, 1.0));
    assertThat(
            Rows.count(db, "SELECT count(*) FROM training_run WHERE metrics LIKE ?", "%marmalade%"))
        .as("no sample reply of the chat is stored with the figures")
        .isZero();
  }

  @Test
  void badRecordsAreSkippedCountedAndNamedByPositionWhileTheRestIsImported() throws Exception {
    UUID owner = newOwner();
    String telegram = telegramChat(300, 40, 150);
    PersonaView persona =
        personas.create(
            owner, new NewPersona("Skips", "Ana", false, true), upload(telegram), "result.json");

    awaitEnd(persona);

    RunView run = runs.view(owner, persona.trainingRun()).orElseThrow();
    assertThat(run.status()).isEqualTo("COMPLETED");
    assertThat(run.skippedRecords()).isEqualTo(2);
    assertThat(run.skipReasons())
        .containsExactly(
            "message 40 (id 40): broken Unicode (a lone surrogate) at character 5",
            "message 150 (id 150): 70000 characters, more than 65536 allowed");
    assertThat(
            Rows.count(
                db,
                "SELECT count(*) FROM chat_message m JOIN chat_import i ON i.id=m.import_id"
                    + " WHERE i.persona_id=?",
                persona.id()))
        .isEqualTo(298);
    assertThat(
            Rows.count(
                db, "SELECT skipped_count FROM chat_import WHERE persona_id=?", persona.id()))
        .isEqualTo(2);
  }

  /** A Telegram single-chat export; two messages are bad records the import must skip. */
  private static String telegramChat(int messages, int loneSurrogateAt, int tooLongAt) {
    StringBuilder out =
        new StringBuilder("{\"name\": \"Ana and Ben\", \"type\": \"personal_chat\", \"id\": 5,");
    out.append(" \"messages\": [");
    Random random = new Random(23);
    for (int i = 1; i <= messages; i++) {
      String who = i % 2 == 0 ? "Ana" : "Ben";
      String text =
          i == loneSurrogateAt
              ? "tea \\ud800 cake"
              : i == tooLongAt
                  ? "y".repeat(70_000)
                  : (who.equals("Ana") ? "marmalade " : "what ")
                      + List.of("tea", "cake", "rain", "park").get(random.nextInt(4));
      out.append(i > 1 ? "," : "")
          .append(
              String.format(
                  "{\"id\": %d, \"type\": \"message\", \"date\": \"2024-02-01T10:%02d:%02d\","
                      + " \"from\": \"%s\", \"from_id\": \"user%d\", \"text\": \"%s\"}",
                  i, i / 60, i % 60, who, who.length() + who.charAt(0), text));
    }
    return out.append("]}").toString();
  }

  @Test
  void aReadyPersonaAnswersItsOwnerAndNobodyElse() throws Exception {
    UUID owner = newOwner();
    UUID stranger = newOwner();
    PersonaView persona = readyPersona(owner);

    String reply = runtime.reply(owner, persona.id(), List.of("what about the weather?"));

    assertThat(reply).isNotBlank().contains("marmalade");
    assertThatThrownBy(() -> runtime.reply(stranger, persona.id(), List.of("hi")))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("No such persona");
    assertThat(personas.find(stranger, persona.id())).isEmpty();
    assertThat(runs.view(stranger, persona.trainingRun())).isEmpty();
    assertThatThrownBy(() -> tokens.create(stranger, persona.id(), "x", null))
        .hasMessageContaining("No such persona");
    assertThat(runs.lossHistory(owner, persona.trainingRun())).isNotEmpty();
  }

  @Test
  void aTokenOpensThePersonaForOneTelegramUserUntilItIsRevoked() throws Exception {
    UUID owner = newOwner();
    PersonaView persona = readyPersona(owner);
    CreatedToken token = tokens.create(owner, persona.id(), "my phone", null);

    assertThat(token.token()).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");
    assertThat(tokens.redeem(token.token(), 1001).personaId()).contains(persona.id());
    assertThat(tokens.redeem(token.token(), 1001).granted()).isTrue();
    assertThat(tokens.redeem(token.token(), 2002).refusal()).isEqualTo("TAKEN");
    assertThat(tokens.redeem("not-a-token", 1001).refusal()).isEqualTo("UNKNOWN");
    assertThat(
            Rows.count(
                db,
                "SELECT count(*) FROM access_token WHERE encode(token_hash, 'escape') LIKE ?",
                "%" + token.token() + "%"))
        .isZero();

    tokens.revoke(owner, token.id());

    assertThat(tokens.redeem(token.token(), 1001).refusal()).isEqualTo("REVOKED");
    assertThat(tokens.list(owner, persona.id())).singleElement().matches(TokenView::revoked);
  }

  @Test
  void deletingAPersonaRemovesItsMessagesModelsRunsAndTokens() throws Exception {
    UUID owner = newOwner();
    PersonaView persona = readyPersona(owner);
    tokens.create(owner, persona.id(), "t", null);

    personas.delete(owner, persona.id());

    for (String table : List.of("chat_import", "model_version", "training_run", "access_token")) {
      assertThat(
              Rows.count(db, "SELECT count(*) FROM " + table + " WHERE persona_id=?", persona.id()))
          .as(table)
          .isZero();
    }
    assertThat(
            Rows.count(
                db, "SELECT count(*) FROM training_loss WHERE run_id=?", persona.trainingRun()))
        .isZero();
    assertThat(personas.list(owner)).isEmpty();
  }

  @Test
  void aCancelledRunEndsCancelledAndTheWorkerStops() throws Exception {
    UUID owner = newOwner();
    PersonaView persona =
        personas.create(
            owner,
            new NewPersona("Cancel me", "Ana", false, true),
            upload(chat(new Random(9), 4000)),
            "c.txt");
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> runs.view(persona.trainingRun()).orElseThrow().phase().equals("TRAIN"));

    runs.cancel(owner, persona.trainingRun());

    await().atMost(Duration.ofMinutes(1)).until(() -> queue.runningHere() == 0);
    RunView run = runs.view(persona.trainingRun()).orElseThrow();
    assertThat(run.status()).isEqualTo("CANCELLED");
    assertThat(personas.find(owner, persona.id()).orElseThrow().status()).isEqualTo("FAILED");
    assertThat(
            Rows.count(db, "SELECT count(*) FROM model_version WHERE persona_id=?", persona.id()))
        .isZero();
  }

  @Test
  void aPersonaDeletedDuringItsImportStopsTheEarlyWorkerAndLeavesNoFiles() throws Exception {
    UUID owner = newOwner();
    PersonaView persona =
        personas.create(
            owner,
            new NewPersona("Gone mid-import", "Ana", false, true),
            upload(chat(new Random(11), 60_000)),
            "c.txt");
    UUID run = persona.trainingRun();
    // the worker starts from the upload while the import still stores the chat
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !workersOf(run).isEmpty());
    assertThat(runs.view(run).orElseThrow().phase()).isEqualTo("IMPORT");

    personas.delete(owner, persona.id()); // the import's next chunk fails: its chat is gone

    await().atMost(Duration.ofMinutes(1)).until(() -> queue.runningHere() == 0);
    await().atMost(Duration.ofSeconds(20)).until(() -> workersOf(run).isEmpty());
    assertThat(config.work().resolve(run.toString())).doesNotExist();
    assertThat(Rows.count(db, "SELECT count(*) FROM chat_import WHERE persona_id=?", persona.id()))
        .isZero();
  }

  @Test
  void aRunCancelledDuringItsImportEndsCancelledWithoutAWorkerOrFiles() throws Exception {
    UUID owner = newOwner();
    PersonaView persona =
        personas.create(
            owner,
            new NewPersona("Cancelled mid-import", "Ana", false, true),
            upload(chat(new Random(12), 60_000)),
            "c.txt");
    UUID run = persona.trainingRun();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !workersOf(run).isEmpty());

    runs.cancel(owner, run);

    await().atMost(Duration.ofMinutes(2)).until(() -> queue.runningHere() == 0);
    await().atMost(Duration.ofSeconds(20)).until(() -> workersOf(run).isEmpty());
    assertThat(runs.view(run).orElseThrow().status()).isEqualTo("CANCELLED");
    assertThat(config.work().resolve(run.toString())).doesNotExist();
  }

  /** Training workers of the run alive on this machine (found by their input's folder). */
  private static List<ProcessHandle> workersOf(UUID run) {
    String folder = "/" + run + "/";
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(folder))
        .filter(p -> p.info().commandLine().orElse("").contains("persona-ml"))
        .toList();
  }

  @Test
  void aWorkerKilledMidTrainingResumesFromItsCheckpointToTheSameModel() throws Exception {
    UUID owner = newOwner();
    String chat = chat(new Random(11), 60000);
    PersonaView whole =
        personas.create(
            owner, new NewPersona("Whole", "Ana", false, 42L, true), upload(chat), "a.txt");
    awaitEnd(whole);
    PersonaView broken =
        personas.create(
            owner, new NewPersona("Broken", "Ana", false, 42L, true), upload(chat), "b.txt");
    await()
        .atMost(Duration.ofMinutes(6))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                Rows.count(
                        db,
                        "SELECT count(*) FROM training_checkpoint WHERE run_id=?",
                        broken.trainingRun())
                    > 0);

    long killed =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    p.info()
                        .commandLine()
                        .map(
                            c ->
                                c.contains("persona-ml.jar")
                                    && c.contains(broken.trainingRun().toString()))
                        .orElse(false))
            .filter(ProcessHandle::destroyForcibly)
            .count();

    assertThat(killed).as("worker processes killed").isEqualTo(1);
    awaitEnd(broken);
    assertThat(runs.view(broken.trainingRun()).orElseThrow().status()).isEqualTo("COMPLETED");
    assertThat(runs.view(broken.trainingRun()).orElseThrow().totalSteps())
        .isEqualTo(runs.view(whole.trainingRun()).orElseThrow().totalSteps());
    assertThat(artifactDigest(broken.id()))
        .as("model of the resumed run")
        .isEqualTo(artifactDigest(whole.id()));
    for (String said :
        List.of("weather tomorrow?", "coffee or tea?", "the movie on friday", "hi")) {
      assertThat(runtime.reply(owner, broken.id(), List.of(said)))
          .as(said)
          .isEqualTo(runtime.reply(owner, whole.id(), List.of(said)));
    }
  }

  private String artifactDigest(UUID persona) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT md5(artifact) FROM model_version WHERE persona_id=?")) {
      q.setObject(1, persona);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private void awaitEnd(PersonaView persona) {
    await()
        .atMost(Duration.ofMinutes(8))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                runs.view(persona.trainingRun())
                    .orElseThrow()
                    .status()
                    .matches("COMPLETED|FAILED"));
    assertThat(runs.view(persona.trainingRun()).orElseThrow().failureReason()).isNull();
  }

  private PersonaView readyPersona(UUID owner) throws Exception {
    PersonaView persona =
        personas.create(
            owner,
            new NewPersona("Ana", "Ana", false, true),
            upload(chat(new Random(5), 200)),
            "c.txt");
    awaitEnd(persona);
    assertThat(runs.view(persona.trainingRun()).orElseThrow().status()).isEqualTo("COMPLETED");
    return persona;
  }

  @Test
  void aCorruptUploadIsRefusedByNameAndLeavesNothing() throws Exception {
    UUID owner = newOwner();
    Path upload = upload("{\"name\": \"chat\", \"messages\": [ {\"id\": 1, \"text\": ");

    assertThatThrownBy(
            () ->
                personas.create(
                    owner, new NewPersona("Broken", "Ana", false, true), upload, "x.json"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("x");
    assertThat(upload).doesNotExist();
    assertThat(Rows.count(db, "SELECT count(*) FROM persona WHERE owner_id=?", owner)).isZero();
  }

  @Test
  void anUnknownParticipantIsRefusedNamingThoseWhoWrite() throws Exception {
    UUID owner = newOwner();
    Path upload = upload(chat(new Random(3), 60));

    assertThatThrownBy(
            () ->
                personas.create(
                    owner, new NewPersona("Nobody", "Zed", false, true), upload, "c.txt"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("Zed")
        .hasMessageContaining("Ana")
        .hasMessageContaining("Ben");
    assertThat(upload).doesNotExist();
    assertThat(Rows.count(db, "SELECT count(*) FROM persona WHERE owner_id=?", owner)).isZero();
  }

  private UUID newOwner() {
    return accounts
        .register(
            new Registration("owner-" + UUID.randomUUID() + "@example.org", "O", "plum-Tree-77"))
        .id();
  }

  private static Path upload(String content) throws Exception {
    Path file = Files.createTempFile("upload-", ".txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static final DateTimeFormatter WHATSAPP_US = DateTimeFormatter.ofPattern("M/d/yy, HH:mm");

  /** A WhatsApp (Android) export of Ana and Ben talking; Ana's lines mention marmalade. */
  static String chat(Random random, int messages) {
    String[] words = {
      "coffee",
      "train",
      "weather",
      "rain",
      "movie",
      "book",
      "garden",
      "dinner",
      "tomorrow",
      "friday",
      "music",
      "work",
      "holiday",
      "beach",
      "bread",
      "tea",
      "walk",
      "city",
      "park",
      "cake"
    };
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < messages; i++) {
      String who = i % 2 == 0 ? "Ben" : "Ana";
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 3 + random.nextInt(6); w++) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      if (who.equals("Ana")) {
        text.append("marmalade!");
      } else {
        text.append('?');
      }
      LocalDateTime at = LocalDateTime.of(2024, 1, 1, 9, 0).plusMinutes(i);
      out.append(String.format("%s - %s: %s%n", at.format(WHATSAPP_US), who, text));
    }
    return out.toString();
  }

  private boolean rawMessagesContain(UUID persona, String plain) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT count(*) FROM chat_message m JOIN chat_import i ON i.id=m.import_id"
                    + " WHERE i.persona_id=? AND (position(convert_to(?, 'UTF8') in m.text_cipher) > 0"
                    + " OR position(convert_to('Ana', 'UTF8') in m.sender) > 0)")) {
      q.setObject(1, persona);
      q.setString(2, plain);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }
}
