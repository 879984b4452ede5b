package io.personastudio.ml.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.personastudio.ml.MlException;
import io.personastudio.ml.text.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The single versioned file of a persona model: magic {@code PSML}, format version, a JSON header
 * (engine, person, hyper-parameters, vocabulary) and little-endian binary sections (encoder
 * weights, style tables, the reply index, and since format 2 the generator: hidden size, alphabet
 * code points and the LSTM weights). Bytes in, bytes out, so the server can keep it in a database
 * column; the index is rebuilt on load from the stored pairs. Format 1 files still load (without a
 * generator: replies are retrieved only). Format 3 has the layout of format 2 and adds reply policy
 * knobs to the header (the style evidence weight); format 1 and 2 files load with those knobs at 0,
 * which is the policy they were trained with. Fields added to the header since (the consensus
 * weight, the generator gate) load as 0 from files written before them, and older builds ignore
 * them. Format 4 appends the style model of the person's voice (its kept words and tables); files
 * of format 1 to 3 load without one, and their replies are chosen by the style model as before.
 */
public final class ModelArtifact {
  public static final int FORMAT_VERSION = 4;

  /** Oldest layout still read: format 1 has no generator and loads as retrieval only. */
  public static final int OLDEST_READABLE = 1;

  private static final int MAGIC = 0x50534D4C; // "PSML"
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private ModelArtifact() {}

  /** The header as stored: model info plus the vocabulary. */
  record Header(ModelInfo info, List<String> words, float[] idf) {}

  public static byte[] toBytes(PersonaModel model) {
    Header header = new Header(model.info(), model.vocabulary().words(), model.vocabulary().idf());
    byte[] json = GSON.toJson(header).getBytes(StandardCharsets.UTF_8);
    RelevanceEncoder enc = model.encoder();
    List<byte[]> pool = new ArrayList<>();
    long poolBytes = 0;
    for (int i = 0; i < model.poolReplies().size(); i++) {
      for (String s : model.poolContexts().get(i)) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        pool.add(b);
        poolBytes += 4 + b.length;
      }
      byte[] r = model.poolReplies().get(i).getBytes(StandardCharsets.UTF_8);
      pool.add(r);
      poolBytes += 8 + r.length;
    }
    long size =
        12L
            + json.length
            + 8
            + 8L * enc.contextWeights().length
            + 8
            + 4L * (model.style().ngramLogRatio().length + model.style().lengthLogRatio().length)
            + 4
            + poolBytes
            + 4
            + generatorBytes(model.generator())
            + 4
            + voiceBytes(model.style());
    if (size > Integer.MAX_VALUE - 16) {
      throw new MlException("model too large for one artifact: " + size + " bytes");
    }
    ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(MAGIC).putInt(FORMAT_VERSION).putInt(json.length).put(json);
    out.putInt(enc.vocabulary()).putInt(enc.dim());
    out.asFloatBuffer().put(enc.contextWeights());
    out.position(out.position() + 4 * enc.contextWeights().length);
    out.asFloatBuffer().put(enc.replyWeights());
    out.position(out.position() + 4 * enc.replyWeights().length);
    putFloats(out, model.style().ngramLogRatio());
    putFloats(out, model.style().lengthLogRatio());
    out.putInt(model.poolReplies().size());
    int k = 0;
    for (int i = 0; i < model.poolReplies().size(); i++) {
      out.putInt(model.poolContexts().get(i).size());
      for (int j = 0; j <= model.poolContexts().get(i).size(); j++) {
        byte[] b = pool.get(k++);
        out.putInt(b.length).put(b);
      }
    }
    CharLstm g = model.generator();
    if (g == null) {
      out.putInt(0);
    } else {
      out.putInt(1).putInt(g.hidden());
      int[] cps = g.alphabet().codePoints();
      out.putInt(cps.length);
      for (int cp : cps) {
        out.putInt(cp);
      }
      putFloats(out, g.wx());
      putFloats(out, g.wh());
      putFloats(out, g.b());
      putFloats(out, g.wo());
      putFloats(out, g.bo());
    }
    putVoice(out, model.style());
    return out.array();
  }

  public static PersonaModel fromBytes(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      if (bytes.length < 12 || in.getInt() != MAGIC) {
        throw new MlException("not a persona model artifact (bad magic)");
      }
      int version = in.getInt();
      if (version < OLDEST_READABLE || version > FORMAT_VERSION) {
        throw new MlException(
            "unsupported model format version "
                + version
                + "; this build reads versions "
                + OLDEST_READABLE
                + " to "
                + FORMAT_VERSION
                + (version > FORMAT_VERSION ? " (the model is newer than this build)" : ""));
      }
      byte[] json = new byte[in.getInt()];
      in.get(json);
      Header header = GSON.fromJson(new String(json, StandardCharsets.UTF_8), Header.class);
      int vocab = in.getInt();
      int dim = in.getInt();
      float[] wc = getFloats(in, vocab * dim);
      float[] wr = getFloats(in, vocab * dim);
      float[] ngram = getFloats(in, in.getInt());
      float[] lengths = getFloats(in, in.getInt());
      int poolSize = in.getInt();
      List<List<String>> contexts = new ArrayList<>(poolSize);
      List<String> replies = new ArrayList<>(poolSize);
      for (int i = 0; i < poolSize; i++) {
        int turns = in.getInt();
        List<String> context = new ArrayList<>(turns);
        for (int j = 0; j < turns; j++) {
          context.add(getString(in));
        }
        contexts.add(context);
        replies.add(getString(in));
      }
      CharLstm generator = null;
      if (version >= 2 && in.getInt() == 1) {
        int hidden = in.getInt();
        int[] cps = new int[in.getInt()];
        for (int i = 0; i < cps.length; i++) {
          cps[i] = in.getInt();
        }
        generator =
            new CharLstm(
                new CharAlphabet(cps),
                hidden,
                getFloats(in, in.getInt()),
                getFloats(in, in.getInt()),
                getFloats(in, in.getInt()),
                getFloats(in, in.getInt()),
                getFloats(in, in.getInt()));
      }
      StyleModel style = new StyleModel(ngram, lengths);
      if (version >= 4 && in.getInt() == 1) {
        List<String> kept = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) {
          kept.add(getString(in));
        }
        TopicMask mask = new TopicMask(kept);
        StyleModel voice =
            new StyleModel(getFloats(in, in.getInt()), getFloats(in, in.getInt()), mask, null);
        style = new StyleModel(ngram, lengths, null, voice);
      }
      if (in.hasRemaining()) {
        throw new MlException(
            "corrupt persona model artifact: " + in.remaining() + " trailing bytes");
      }
      return new PersonaModel(
          header.info(),
          new Vocabulary(header.words(), header.idf()),
          new RelevanceEncoder(vocab, dim, wc, wr),
          style,
          contexts,
          replies,
          generator);
    } catch (java.nio.BufferUnderflowException
        | NegativeArraySizeException
        | JsonParseException
        | IllegalArgumentException e) {
      throw new MlException("corrupt or truncated persona model artifact: " + e, e);
    }
  }

  public static void write(PersonaModel model, Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        Files.write(tmp, toBytes(model));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new MlException("cannot write model " + file + ": " + e.getMessage(), e);
    }
  }

  public static PersonaModel read(Path file) {
    try {
      return fromBytes(Files.readAllBytes(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new MlException(file + ": no such model file");
    } catch (IOException e) {
      throw new MlException("cannot read model " + file + ": " + e.getMessage(), e);
    } catch (MlException e) {
      throw new MlException(file + ": " + e.getMessage(), e);
    }
  }

  private static long generatorBytes(CharLstm g) {
    if (g == null) {
      return 0;
    }
    return 8L
        + 4L * g.alphabet().size()
        + 4L * (5 + g.wx().length + g.wh().length + g.b().length + g.wo().length + g.bo().length);
  }

  private static long voiceBytes(StyleModel style) {
    if (!style.hasVoice()) {
      return 0;
    }
    StyleModel voice = style.voice();
    long bytes = 4L + 8 + 4L * (voice.ngramLogRatio().length + voice.lengthLogRatio().length);
    for (String w : voice.keptWords()) {
      bytes += 4 + w.getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }

  private static void putVoice(ByteBuffer out, StyleModel style) {
    if (!style.hasVoice()) {
      out.putInt(0);
      return;
    }
    StyleModel voice = style.voice();
    out.putInt(1).putInt(voice.keptWords().size());
    for (String w : voice.keptWords()) {
      byte[] b = w.getBytes(StandardCharsets.UTF_8);
      out.putInt(b.length).put(b);
    }
    putFloats(out, voice.ngramLogRatio());
    putFloats(out, voice.lengthLogRatio());
  }

  private static void putFloats(ByteBuffer out, float[] values) {
    out.putInt(values.length);
    out.asFloatBuffer().put(values);
    out.position(out.position() + 4 * values.length);
  }

  private static float[] getFloats(ByteBuffer in, int n) {
    float[] values = new float[n];
    in.asFloatBuffer().get(values);
    in.position(in.position() + 4 * n);
    return values;
  }

  private static String getString(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
