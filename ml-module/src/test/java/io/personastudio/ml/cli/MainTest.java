package io.personastudio.ml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.personastudio.ml.chat.ChatFormat;
import io.personastudio.ml.chat.ChatMessage;
import io.personastudio.ml.chat.ImportedChat;
import io.personastudio.ml.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String stdin, String... args) {
    return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, args);
  }

  private static Run run(InputStream stdin, boolean watchStdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            stdin,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            watchStdin);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void participantsTrainReplyAndRankEndToEnd() throws Exception {
    Path chat = Fixtures.writeWhatsApp(Fixtures.chat(80, 11), dir.resolve("chat.txt"));
    Path model = dir.resolve("alice.psml");

    Run participants = run("", "participants", "--input", chat.toString());
    assertThat(participants.code()).isZero();
    assertThat(participants.out()).contains("\"name\":\"Alice\"").contains("\"messages\":80");

    Run train =
        run(
            "",
            "train",
            "--input",
            chat.toString(),
            "--person",
            "Alice",
            "--out",
            model.toString(),
            "--epochs",
            "2",
            "--seed",
            "3",
            "--progress-json");
    assertThat(train.code()).as(train.err()).isZero();
    assertThat(model).exists();
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("chat.txt", "alice.psml");
    assertThat(train.err()).contains("{\"event\":\"progress\",\"step\":");
    assertThat(
            JsonParser.parseString(train.out()).getAsJsonObject().get("completed").getAsBoolean())
        .isTrue();
    assertThat(
            JsonParser.parseString(train.out()).getAsJsonObject().get("generatorGate").getAsFloat())
        .isNotNegative();

    Run reply =
        run(
            "{\"context\": [\"Hey Alice, what do you think about the movie?\"]}\n"
                + "\n"
                + "{\"context\": []}\n",
            "reply",
            "--model",
            model.toString());
    assertThat(reply.code()).as(reply.err()).isZero();
    List<String> lines = reply.out().lines().toList();
    assertThat(lines).hasSize(2);
    JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
    assertThat(first.get("reply").getAsString()).isNotBlank();

    Run rank =
        run(
            "{\"context\": [\"what about the pizza?\"], \"candidates\": [\"yeah sure, pizza works"
                + " for me\", \"Hey Alice, what do you think?\"]}\n",
            "rank",
            "--model",
            model.toString());
    assertThat(rank.code()).as(rank.err()).isZero();
    assertThat(JsonParser.parseString(rank.out()).getAsJsonObject().getAsJsonArray("scores"))
        .hasSize(2);
  }

  @Test
  void badInputExitsNonZeroWithOneClearMessageAndWritesNothing() throws Exception {
    Path chat = Fixtures.writeWhatsApp(Fixtures.chat(30, 12), dir.resolve("chat.txt"));
    Path model = dir.resolve("m.psml");

    Run unknownPerson =
        run("", "train", "--input", chat.toString(), "--person", "Zed", "--out", model.toString());
    assertThat(unknownPerson.code()).isEqualTo(1);
    assertThat(unknownPerson.err().lines()).hasSize(1);
    assertThat(unknownPerson.err()).contains("unknown person 'Zed'");
    assertThat(model).doesNotExist();

    Run missingOption = run("", "train", "--input", chat.toString());
    assertThat(missingOption.code()).isEqualTo(2);
    assertThat(missingOption.err()).contains("missing required option --person");

    Run noModel = run("{}\n", "reply", "--model", dir.resolve("none.psml").toString());
    assertThat(noModel.code()).isEqualTo(1);
    assertThat(noModel.err()).contains("no such model file");
  }

  @Test
  void invalidJsonLineIsReportedWithItsLineNumber() throws Exception {
    Path chat = Fixtures.writeWhatsApp(Fixtures.chat(40, 13), dir.resolve("chat.txt"));
    Path model = dir.resolve("a.psml");
    assertThat(
            run(
                    "",
                    "train",
                    "--input",
                    chat.toString(),
                    "--person",
                    "Alice",
                    "--out",
                    model.toString(),
                    "--epochs",
                    "1")
                .code())
        .isZero();

    Run reply =
        run("{\"context\": [\"hi\"]}\n{\"context\": [\n", "reply", "--model", model.toString());

    assertThat(reply.code()).isEqualTo(1);
    assertThat(reply.out().lines()).hasSize(1);
    assertThat(reply.err()).contains("stdin line 2").contains("invalid JSON");
  }

  @Test
  void trainStopsWithoutAModelWhenItsStdinPipeEnds() throws Exception {
    Path chat = Fixtures.writeWhatsApp(Fixtures.chat(80, 11), dir.resolve("chat.txt"));
    Path model = dir.resolve("alice.psml");
    String[] train = {
      "train",
      "--input",
      chat.toString(),
      "--person",
      "Alice",
      "--out",
      model.toString(),
      "--epochs",
      "50",
      "--generator",
      "off"
    };

    Run orphan = run(new ByteArrayInputStream(new byte[0]), true, train);

    assertThat(orphan.code()).isEqualTo(1);
    assertThat(orphan.err()).contains("stdin closed").contains("training stopped at step");
    assertThat(orphan.out()).isEmpty();
    assertThat(model).doesNotExist();
  }

  @Test
  void trainWithAnOpenStdinPipeRunsToTheEnd() throws Exception {
    Path chat = Fixtures.writeWhatsApp(Fixtures.chat(80, 11), dir.resolve("chat.txt"));
    Path model = dir.resolve("alice.psml");
    try (PipedOutputStream parent = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(parent)) {
      Run train =
          run(
              stdin,
              true,
              "train",
              "--input",
              chat.toString(),
              "--person",
              "Alice",
              "--out",
              model.toString(),
              "--epochs",
              "2",
              "--generator",
              "off");
      assertThat(train.code()).as(train.err()).isZero();
    }
    assertThat(model).exists();
  }

  @Test
  void evaluateStopsWithoutAReportWhenItsStdinPipeEnds() throws Exception {
    Path chat = Fixtures.writeWhatsApp(Fixtures.chat(120, 5), dir.resolve("chat.txt"));
    Run orphan = run(new ByteArrayInputStream(new byte[0]), true, evaluateArgs(chat, 50));
    assertThat(orphan.code()).isEqualTo(1);
    assertThat(orphan.err()).contains("stdin closed").contains("evaluation stopped");
    assertThat(orphan.out()).isEmpty();
  }

  @Test
  void evaluateScrubsPersonalDataLikeTrainDoes() throws Exception {
    List<ChatMessage> messages = new ArrayList<>();
    for (ChatMessage m : Fixtures.chat(120, 5).messages()) {
      String text =
          m.senderId().equals("alice") ? m.text() + " mail alice.k@example.com" : m.text();
      messages.add(
          Fixtures.msg(Integer.parseInt(m.id()), m.senderId(), m.senderName(), m.time(), text));
    }
    Path chat =
        Fixtures.writeWhatsApp(
            new ImportedChat("scrub", ChatFormat.TELEGRAM_JSON, messages), dir.resolve("chat.txt"));

    Run plain = run("", quickEvaluate(chat));
    Run scrubbed = run("", quickEvaluate(chat, "--scrub"));

    assertThat(plain.code()).as(plain.err()).isZero();
    assertThat(scrubbed.code()).as(scrubbed.err()).isZero();
    JsonObject plainSample = firstSample(plain.out());
    JsonObject scrubbedSample = firstSample(scrubbed.out());
    assertThat(plainSample.get("real").getAsString()).contains("alice.k@example.com");
    assertThat(plainSample.get("model").getAsString()).contains("alice.k@example.com");
    assertThat(scrubbed.out()).doesNotContain("example.com");
    assertThat(scrubbedSample.get("real").getAsString()).endsWith("mail <email>");
    assertThat(scrubbedSample.get("model").getAsString()).endsWith("mail <email>");
    assertThat(scrubbedSample.get("baseline").getAsString()).endsWith("mail <email>");
  }

  @Test
  void evaluateHandsTestCasesTheHistoryAChatWouldAndReportsEveryTarget() throws Exception {
    Path chat = Fixtures.writeWhatsApp(Fixtures.chat(120, 5), dir.resolve("chat.txt"));

    Run protocol = run("", quickEvaluate(chat));
    Run chatLike = run("", quickEvaluate(chat, "--history", "12"));
    Run refused = run("", quickEvaluate(chat, "--history", "101"));

    assertThat(protocol.code()).as(protocol.err()).isZero();
    assertThat(chatLike.code()).as(chatLike.err()).isZero();
    JsonObject plain = JsonParser.parseString(protocol.out()).getAsJsonObject();
    JsonObject longer = JsonParser.parseString(chatLike.out()).getAsJsonObject();
    assertThat(longer.get("testCases").getAsInt()).isEqualTo(plain.get("testCases").getAsInt());
    assertThat(longestContext(plain)).isBetween(1, 3);
    assertThat(longestContext(longer)).isGreaterThan(3).isLessThanOrEqualTo(12);
    assertThat(plain.getAsJsonArray("targets")).hasSize(4);
    assertThat(plain.get("styleOfTrainingReplies").getAsDouble()).isBetween(0.0, 1.0);
    assertCasesBehindTheFigures(plain);
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err()).contains("--history must be between 0 and 100 turns, got 101");
    assertThat(refused.out()).isEmpty();
  }

  /** Every test case's scores are in the report, and the figures are their means. */
  private static void assertCasesBehindTheFigures(JsonObject report) {
    int testCases = report.get("testCases").getAsInt();
    for (String who : List.of("model", "baseline")) {
      JsonObject cases = report.getAsJsonObject("cases").getAsJsonObject(who);
      JsonObject figures = report.getAsJsonObject(who);
      for (String[] score :
          new String[][] {
            {"hitsStyle", "hits1of20Style"},
            {"hitsRelevance", "hits1of20Relevance"},
            {"fidelity", "styleFidelity"},
            {"unigramF1", "unigramF1"}
          }) {
        JsonArray values = cases.getAsJsonArray(score[0]);
        assertThat(values).as(who + " " + score[0]).hasSize(testCases);
        double sum = 0;
        int counted = 0;
        for (JsonElement v : values) {
          if (!Double.isNaN(v.getAsDouble())) {
            sum += v.getAsDouble();
            counted++;
          }
        }
        double figure = figures.get(score[1]).getAsDouble();
        boolean hits = score[0].startsWith("hits");
        if (!hits) {
          assertThat(counted).as(who + " " + score[0] + " of every case").isEqualTo(testCases);
        }
        if (counted == 0) {
          // every case had too few distractors in this small chat: no figure, and NaN per case
          assertThat(figure).as(who + " " + score[0]).isNaN();
        } else {
          assertThat(sum / counted).as(who + " " + score[0]).isCloseTo(figure, within(1e-9));
        }
      }
    }
  }

  /** {@code evaluate} of Alice in the chat, one epoch, no generator, then the extra options. */
  private static String[] quickEvaluate(Path chat, String... extra) {
    return evaluateArgs(chat, 1, extra);
  }

  private static String[] evaluateArgs(Path chat, int epochs, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "evaluate",
                "--input",
                chat.toString(),
                "--person",
                "Alice",
                "--epochs",
                Integer.toString(epochs),
                "--generator",
                "off"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static int longestContext(JsonObject report) {
    int longest = 0;
    for (var sample : report.getAsJsonArray("samples")) {
      longest = Math.max(longest, sample.getAsJsonObject().getAsJsonArray("context").size());
    }
    return longest;
  }

  private static JsonObject firstSample(String report) {
    return JsonParser.parseString(report)
        .getAsJsonObject()
        .getAsJsonArray("samples")
        .get(0)
        .getAsJsonObject();
  }

  @Test
  void generatorWritesAParsableExportOfKnownSize() {
    Path out = dir.resolve("gen.json");

    Run gen = run("", "generate", "--out", out.toString(), "--messages", "500");
    Run participants = run("", "participants", "--input", out.toString());

    assertThat(gen.code()).isZero();
    assertThat(gen.out()).contains("\"messages\":500");
    assertThat(participants.code()).as(participants.err()).isZero();
    assertThat(participants.out()).contains("Alice").contains("Dasha");
  }
}
