package io.personastudio.ml.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.personastudio.ml.MlException;
import io.personastudio.ml.chat.ImportedChat;
import io.personastudio.ml.chat.Participant;
import io.personastudio.ml.eval.EvaluationOptions;
import io.personastudio.ml.eval.EvaluationReport;
import io.personastudio.ml.model.GeneratorParameters;
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.model.ModelArtifact;
import io.personastudio.ml.model.PersonaModel;
import io.personastudio.ml.port.PersonaMl;
import io.personastudio.ml.train.TrainingControl;
import io.personastudio.ml.train.TrainingResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The commands of the CLI; each reads its options, calls the port and prints JSON. */
final class Commands {
  private static final Gson GSON =
      new GsonBuilder()
          .disableHtmlEscaping()
          .serializeSpecialFloatingPointValues()
          .registerTypeAdapter(Instant.class, new InstantAdapter())
          .create();

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final PersonaMl ml = new PersonaMl();
  private final boolean watchStdin;

  /**
   * @param watchStdin stop {@code train} and {@code evaluate} when {@code in} ends (see {@link
   *     StdinWatch}); the tool sets it when its stdin is a pipe
   */
  Commands(InputStream in, PrintStream out, PrintStream err, boolean watchStdin) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.watchStdin = watchStdin;
  }

  /** A watch on stdin whose end stops the run, or one that never fires. */
  private StdinWatch stdinWatch() {
    return watchStdin ? StdinWatch.start(in, () -> {}) : StdinWatch.none();
  }

  private static MlException parentGone(String what) {
    return new MlException("stdin closed: the process that started this one is gone, so " + what);
  }

  void participants(String[] argv) {
    Args a = new Args("participants", argv, Set.of("input", "chat"), Set.of());
    List<Participant> participants = ml.participants(a.path("input"), a.optional("chat"));
    JsonObject result = new JsonObject();
    result.add("participants", GSON.toJsonTree(participants));
    out.println(GSON.toJson(result));
  }

  void train(String[] argv) {
    Args a =
        new Args(
            "train",
            argv,
            Set.of(
                "input",
                "chat",
                "person",
                "out",
                "seed",
                "minutes",
                "engine",
                "epochs",
                "weights",
                "generator",
                "sampling"),
            Set.of("scrub", "progress-json"));
    Path input = a.path("input");
    String person = a.required("person");
    Path model = a.path("out");
    Hyperparameters h = hyperparameters(a);
    Path checkpoint = model.resolveSibling(model.getFileName() + ".ckpt");
    StdinWatch watch = stdinWatch();
    TrainingControl control =
        TrainingControl.defaults()
            .withCheckpoint(checkpoint, 200)
            .withEngine(a.optional("engine"))
            .withStopRequested(watch::ended);
    long minutes = a.longValue("minutes", 0);
    if (minutes > 0) {
      control = control.withTimeBudget(Duration.ofMinutes(minutes));
    }
    ImportedChat chat = ml.importChat(input, a.optional("chat"));
    chat.person(person); // fail on an unknown person before anything is printed
    err.println(
        "imported "
            + chat.messages().size()
            + " messages of '"
            + chat.name()
            + "'; training "
            + person
            + (Files.exists(checkpoint) ? " (resuming from " + checkpoint + ")" : ""));
    TrainingResult result =
        ml.train(
            chat,
            person,
            h,
            a.flag("scrub"),
            control,
            new ProgressPrinter(err, a.flag("progress-json")));
    if (watch.ended()) {
      throw parentGone(
          "training stopped at step "
              + result.steps()
              + " without writing "
              + model
              + (Files.exists(checkpoint) ? "; its checkpoint " + checkpoint + " is kept" : ""));
    }
    ModelArtifact.write(result.model(), model);
    if (result.completed()) {
      deleteQuietly(checkpoint);
    } else {
      err.println(
          "stopped early at step " + result.steps() + "; run again to resume from " + checkpoint);
    }
    JsonObject summary = new JsonObject();
    summary.addProperty("model", model.toString());
    summary.addProperty("person", result.person().name());
    summary.addProperty("personReplies", result.personPairs());
    summary.addProperty("trainingPairs", result.allPairs());
    summary.addProperty("steps", result.steps());
    summary.addProperty("totalSteps", result.totalSteps());
    summary.addProperty("generatorSteps", result.model().info().generatorSteps());
    summary.addProperty("generatorLoss", result.model().info().generatorLoss());
    summary.addProperty("generatorGate", result.model().info().generatorGate());
    summary.addProperty("finalLoss", result.model().info().finalLoss());
    summary.addProperty("completed", result.completed());
    summary.addProperty("seconds", result.elapsed().toMillis() / 1000.0);
    summary.addProperty("bytes", sizeOf(model));
    long loadStart = System.nanoTime();
    ModelArtifact.read(model);
    summary.addProperty("loadMillis", (System.nanoTime() - loadStart) / 1e6);
    out.println(GSON.toJson(summary));
  }

  void reply(String[] argv) {
    Args a = new Args("reply", argv, Set.of("model"), Set.of());
    PersonaModel model = ModelArtifact.read(a.path("model"));
    jsonLines(
        request -> {
          JsonObject response = new JsonObject();
          response.addProperty("reply", model.reply(strings(request, "context", true)));
          return response;
        });
  }

  void rank(String[] argv) {
    Args a = new Args("rank", argv, Set.of("model"), Set.of());
    PersonaModel model = ModelArtifact.read(a.path("model"));
    jsonLines(
        request -> {
          float[] scores =
              model.rank(strings(request, "context", true), strings(request, "candidates", false));
          JsonArray array = new JsonArray();
          for (float s : scores) {
            array.add(s);
          }
          JsonObject response = new JsonObject();
          response.add("scores", array);
          return response;
        });
  }

  void evaluate(String[] argv) {
    Args a =
        new Args(
            "evaluate",
            argv,
            Set.of(
                "input",
                "chat",
                "person",
                "test-fraction",
                "history",
                "seed",
                "engine",
                "epochs",
                "weights",
                "generator",
                "sampling"),
            Set.of("scrub", "progress-json"));
    ImportedChat chat = ml.importChat(a.path("input"), a.optional("chat"));
    StdinWatch watch = stdinWatch();
    TrainingControl control =
        TrainingControl.defaults().withEngine(a.optional("engine")).withStopRequested(watch::ended);
    EvaluationReport report;
    try {
      report =
          ml.evaluate(
              chat,
              a.required("person"),
              new EvaluationOptions(
                  a.doubleValue("test-fraction", 0.2),
                  a.flag("scrub"),
                  (int) a.longValue("history", 0)),
              hyperparameters(a),
              control,
              new ProgressPrinter(err, a.flag("progress-json")));
    } catch (MlException e) {
      throw watch.ended() ? parentGone("the evaluation stopped before measuring") : e;
    }
    if (watch.ended()) {
      throw parentGone("the evaluation's report is not printed");
    }
    out.println(
        new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeSpecialFloatingPointValues()
            .create()
            .toJson(report));
  }

  void generate(String[] argv) {
    Args a =
        new Args(
            "generate", argv, Set.of("out", "format", "messages", "megabytes", "seed"), Set.of());
    String format = a.optional("format") == null ? "telegram" : a.optional("format");
    long messages = a.longValue("messages", 0);
    long megabytes = a.longValue("megabytes", 0);
    if ((messages <= 0) == (megabytes <= 0)) {
      throw new Args.UsageException("generate needs exactly one of --messages N or --megabytes N");
    }
    ChatGenerator.Result r =
        new ChatGenerator(a.longValue("seed", 1))
            .write(a.path("out"), format, messages, megabytes * 1024 * 1024);
    JsonObject summary = new JsonObject();
    summary.addProperty("out", a.path("out").toString());
    summary.addProperty("format", format);
    summary.addProperty("messages", r.messages());
    summary.addProperty("bytes", r.bytes());
    out.println(GSON.toJson(summary));
  }

  /** Hidden benchmark: own training loop against a bare DJL loop of the same network. */
  void benchLoop(String[] argv) {
    Args a = new Args("bench-loop", argv, Set.of("input", "chat", "steps", "seed"), Set.of());
    ImportedChat chat = ml.importChat(a.path("input"), a.optional("chat"));
    Hyperparameters h = hyperparameters(a);
    io.personastudio.ml.dataset.Dataset dataset =
        new io.personastudio.ml.dataset.DatasetBuilder(
                io.personastudio.ml.train.PersonaTrainer.datasetOptions(h, false))
            .build(chat.messages());
    List<String> documents =
        dataset.turns().stream().map(io.personastudio.ml.dataset.Turn::text).toList();
    io.personastudio.ml.text.Vocabulary vocabulary =
        io.personastudio.ml.text.Vocabulary.build(documents, h.minDocs(), h.maxVocabulary());
    List<io.personastudio.ml.text.SparseVector> contexts = new ArrayList<>();
    List<io.personastudio.ml.text.SparseVector> replies = new ArrayList<>();
    for (io.personastudio.ml.dataset.DialoguePair p : dataset.pairs()) {
      io.personastudio.ml.text.SparseVector c = vocabulary.context(p.context());
      io.personastudio.ml.text.SparseVector r = vocabulary.tfidf(p.reply());
      if (!c.isEmpty() && !r.isEmpty()) {
        contexts.add(c);
        replies.add(r);
      }
    }
    io.personastudio.ml.train.LoopBenchmark.Result r =
        io.personastudio.ml.train.LoopBenchmark.run(
            h, vocabulary.size(), contexts, replies, (int) a.longValue("steps", 500));
    JsonObject o = new JsonObject();
    o.addProperty("engine", ai.djl.engine.Engine.getDefaultEngineName());
    o.addProperty("steps", r.steps());
    o.addProperty("vocabulary", vocabulary.size());
    o.addProperty("ownStepsPerSecond", r.ownStepsPerSecond());
    o.addProperty("bareDjlStepsPerSecond", r.bareStepsPerSecond());
    o.addProperty("ratio", r.ratio());
    out.println(GSON.toJson(o));
  }

  private static Hyperparameters hyperparameters(Args a) {
    Hyperparameters h = Hyperparameters.defaults().withSeed(a.longValue("seed", 42));
    long epochs = a.longValue("epochs", h.epochs());
    if (epochs < 1 || epochs > 1000) {
      throw new Args.UsageException("--epochs must be between 1 and 1000");
    }
    h = h.withEpochs((int) epochs);
    String weights = a.optional("weights");
    if (weights != null) {
      String[] w = weights.split(",");
      if (w.length < 5 || w.length > 7) {
        throw new Args.UsageException(
            "--weights needs 5 to 7 numbers:"
                + " relevance,style,length,neighbours,context[,evidence[,consensus]]");
      }
      try {
        h =
            h.withWeights(
                Float.parseFloat(w[0]),
                Float.parseFloat(w[1]),
                Float.parseFloat(w[2]),
                Float.parseFloat(w[3]),
                Float.parseFloat(w[4]));
        if (w.length >= 6) {
          h = h.withEvidenceWeight(Float.parseFloat(w[5]));
        }
        if (w.length == 7) {
          h = h.withConsensusWeight(Float.parseFloat(w[6]));
        }
      } catch (NumberFormatException e) {
        throw new Args.UsageException("--weights must be numbers: " + weights);
      }
    }
    GeneratorParameters g = h.generatorOrNone();
    String generator = a.optional("generator");
    if (generator != null) {
      if (generator.equals("off")) {
        g = g.withSize(0, g.batchSize(), 0, 0);
      } else {
        String[] v = generator.split(",");
        if (v.length != 3) {
          throw new Args.UsageException(
              "--generator needs off or 3 integers: hidden,epochs,maxSteps");
        }
        try {
          g =
              g.withSize(
                  positive("hidden", v[0], 1024),
                  g.batchSize(),
                  positive("epochs", v[1], 1000),
                  positive("maxSteps", v[2], 1_000_000));
        } catch (NumberFormatException e) {
          throw new Args.UsageException("--generator must be integers: " + generator);
        }
      }
    }
    String sampling = a.optional("sampling");
    if (sampling != null) {
      String[] v = sampling.split(",");
      if (v.length != 4) {
        throw new Args.UsageException(
            "--sampling needs 4 numbers: candidates,temperature,topK,margin");
      }
      try {
        g =
            g.withSampling(
                positive("candidates", v[0], 64),
                Float.parseFloat(v[1]),
                positive("topK", v[2], 1000),
                Float.parseFloat(v[3]));
      } catch (NumberFormatException e) {
        throw new Args.UsageException("--sampling must be numbers: " + sampling);
      }
      if (!(g.temperature() > 0)) {
        throw new Args.UsageException("--sampling temperature must be above 0");
      }
    }
    return h.withGenerator(g);
  }

  private static int positive(String name, String value, int max) {
    int v = Integer.parseInt(value.strip());
    if (v < 1 || v > max) {
      throw new Args.UsageException(name + " must be between 1 and " + max + ", got " + v);
    }
    return v;
  }

  interface Handler {
    JsonObject handle(JsonObject request);
  }

  /** One JSON object per stdin line in, one per line out, in order; blank lines are skipped. */
  private void jsonLines(Handler handler) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    long lineNo = 0;
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonObject request;
        try {
          JsonElement parsed = JsonParser.parseString(line);
          if (!parsed.isJsonObject()) {
            throw new MlException("stdin line " + lineNo + ": expected a JSON object");
          }
          request = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
          throw new MlException("stdin line " + lineNo + ": invalid JSON: " + rootMessage(e));
        }
        try {
          out.println(GSON.toJson(handler.handle(request)));
        } catch (MlException e) {
          throw new MlException("stdin line " + lineNo + ": " + e.getMessage());
        }
        out.flush();
      }
    } catch (IOException e) {
      throw new MlException("cannot read stdin: " + e.getMessage(), e);
    }
  }

  private static List<String> strings(JsonObject request, String field, boolean allowMissing) {
    JsonElement e = request.get(field);
    if (e == null || e.isJsonNull()) {
      if (allowMissing) {
        return List.of();
      }
      throw new MlException("missing field \"" + field + "\" (an array of strings)");
    }
    if (!e.isJsonArray()) {
      throw new MlException("field \"" + field + "\" must be an array of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonElement item : e.getAsJsonArray()) {
      if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
        throw new MlException("field \"" + field + "\" must hold only strings");
      }
      values.add(item.getAsString());
    }
    return values;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stale checkpoint only costs disk space; the fingerprint guards against misuse
    }
  }

  private static final class InstantAdapter extends TypeAdapter<Instant> {
    @Override
    public void write(JsonWriter w, Instant value) throws IOException {
      if (value == null) {
        w.nullValue();
      } else {
        w.value(value.toString());
      }
    }

    @Override
    public Instant read(JsonReader r) throws IOException {
      return Instant.parse(r.nextString());
    }
  }
}
