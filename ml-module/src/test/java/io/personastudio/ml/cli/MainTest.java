package io.personastudio.ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.personastudio.ml.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
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
