package io.personastudio.ml.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * The generator's network evaluated in plain Java (no native engine): a one-layer LSTM over
 * characters whose input is the character and a speaker flag (1 = the person), gates in the order
 * input, forget, cell, output, followed by a linear layer to the next character. The same
 * arithmetic as the DJL training graph, on the trained weights.
 *
 * <p>Layouts (row-major): {@code wx} (alphabet + 1) x 4H, the last row being the speaker flag;
 * {@code wh} H x 4H; {@code b} 4H; {@code wo} H x alphabet; {@code bo} alphabet.
 */
public final class CharLstm {
  private final CharAlphabet alphabet;
  private final int hidden;
  private final float[] wx;
  private final float[] wh;
  private final float[] b;
  private final float[] wo;
  private final float[] bo;

  /** Per alphabet index, what decoding needs of its character (the boundary reads as a space). */
  private final int[] outputCodePoints;

  private final int[] normalCodePoints;
  private final boolean[] letterOrDigit;
  private final boolean[] apostrophe;

  public CharLstm(
      CharAlphabet alphabet,
      int hidden,
      float[] wx,
      float[] wh,
      float[] b,
      float[] wo,
      float[] bo) {
    int v = alphabet.size();
    if (wx.length != (v + 1) * 4 * hidden
        || wh.length != hidden * 4 * hidden
        || b.length != 4 * hidden
        || wo.length != hidden * v
        || bo.length != v) {
      throw new IllegalArgumentException("generator weights do not match alphabet and hidden size");
    }
    this.alphabet = alphabet;
    this.hidden = hidden;
    this.wx = wx;
    this.wh = wh;
    this.b = b;
    this.wo = wo;
    this.bo = bo;
    outputCodePoints = new int[v];
    normalCodePoints = new int[v];
    letterOrDigit = new boolean[v];
    apostrophe = new boolean[v];
    for (int i = 0; i < v; i++) {
      int cp = i == CharAlphabet.BOUNDARY ? ' ' : alphabet.codePoint(i);
      outputCodePoints[i] = cp;
      normalCodePoints[i] = normal(cp);
      letterOrDigit[i] = Character.isLetterOrDigit(cp);
      apostrophe[i] = cp == '\'' || cp == '\u2019';
    }
  }

  public CharAlphabet alphabet() {
    return alphabet;
  }

  public int hidden() {
    return hidden;
  }

  float[] wx() {
    return wx;
  }

  float[] wh() {
    return wh;
  }

  float[] b() {
    return b;
  }

  float[] wo() {
    return wo;
  }

  float[] bo() {
    return bo;
  }

  /** Hidden and cell state of one sequence. */
  public static final class State {
    final float[] h;
    final float[] c;

    State(int hidden) {
      h = new float[hidden];
      c = new float[hidden];
    }

    State copy() {
      State s = new State(h.length);
      System.arraycopy(h, 0, s.h, 0, h.length);
      System.arraycopy(c, 0, s.c, 0, c.length);
      return s;
    }
  }

  public State start() {
    return new State(hidden);
  }

  /** Feeds one character (index) to the state. */
  public void step(State s, int token, boolean person, float[] gates) {
    int g4 = 4 * hidden;
    System.arraycopy(b, 0, gates, 0, g4);
    int row = token * g4;
    for (int j = 0; j < g4; j++) {
      gates[j] += wx[row + j];
    }
    if (person) {
      int flag = alphabet.size() * g4;
      for (int j = 0; j < g4; j++) {
        gates[j] += wx[flag + j];
      }
    }
    float[] h = s.h;
    for (int k = 0; k < hidden; k++) {
      float hk = h[k];
      if (hk != 0f) {
        int off = k * g4;
        for (int j = 0; j < g4; j++) {
          gates[j] += hk * wh[off + j];
        }
      }
    }
    for (int k = 0; k < hidden; k++) {
      float i = sigmoid(gates[k]);
      float f = sigmoid(gates[hidden + k]);
      float g = (float) Math.tanh(gates[2 * hidden + k]);
      float o = sigmoid(gates[3 * hidden + k]);
      s.c[k] = f * s.c[k] + i * g;
      h[k] = o * (float) Math.tanh(s.c[k]);
    }
  }

  /** Unnormalised scores of the next character. */
  public void logits(State s, float[] out) {
    int v = alphabet.size();
    System.arraycopy(bo, 0, out, 0, v);
    for (int k = 0; k < hidden; k++) {
      float hk = s.h[k];
      int off = k * v;
      for (int j = 0; j < v; j++) {
        out[j] += hk * wo[off + j];
      }
    }
  }

  /** One sampled reply with its mean log-probability per character (temperature 1). */
  public record Sample(String text, float meanLogProb, boolean finished) {}

  /** Which words decoding may spell (lower-cased). */
  public interface Words {
    boolean isPrefix(String prefix);

    boolean isWord(String word);

    /**
     * Which (lower-cased) code points may follow the prefix inside a known word: the same answer as
     * {@code isPrefix(prefix + cp)}, asked once per decoding step instead of once per character.
     */
    default IntPredicate continuations(String prefix) {
      return cp -> isPrefix(prefix + Character.toString(cp));
    }
  }

  /** Samples without a word constraint. */
  public List<Sample> sample(
      String newestTurn,
      int prefixChars,
      int maxChars,
      int n,
      float temperature,
      int topK,
      long seed) {
    return sample(newestTurn, prefixChars, maxChars, n, temperature, topK, seed, null);
  }

  /**
   * Samples replies to the newest context turn in the person's voice. Deterministic for a seed;
   * top-k filtering and temperature; the rare-character index is never produced. With {@code
   * words}, decoding is constrained to known words: a letter, digit or apostrophe is allowed only
   * if the word being written (lower-cased) stays a prefix of a known word, any other character or
   * the end only if that word is complete, so every word of a sample is one the chat had.
   */
  public List<Sample> sample(
      String newestTurn,
      int prefixChars,
      int maxChars,
      int n,
      float temperature,
      int topK,
      long seed,
      Words words) {
    float[] gates = new float[4 * hidden];
    State s = start();
    for (int token : alphabet.prefix(newestTurn, prefixChars)) {
      step(s, token, true, gates);
    }
    step(s, CharAlphabet.BOUNDARY, true, gates);
    int v = alphabet.size();
    float[] logits = new float[v];
    float[] logits0 = new float[v];
    logits(s, logits0);
    Random random = new Random(seed);
    int k = Math.max(1, Math.min(topK, v - 1));
    int[] top = new int[k];
    float[] p = new float[k];
    List<Sample> out = new ArrayList<>(n);
    for (int c = 0; c < n; c++) {
      State state = s.copy();
      System.arraycopy(logits0, 0, logits, 0, v);
      StringBuilder text = new StringBuilder();
      double logProb = 0;
      int produced = 0;
      boolean finished = false;
      StringBuilder word = new StringBuilder();
      while (produced < maxChars) {
        logits[CharAlphabet.UNKNOWN] = Float.NEGATIVE_INFINITY;
        if (words != null && !constrain(logits, word, words)) {
          break; // no character can continue this word
        }
        float lse = logSumExp(logits);
        topK(logits, top);
        float max = logits[top[0]];
        double sum = 0;
        for (int i = 0; i < k; i++) {
          p[i] = (float) Math.exp((logits[top[i]] - max) / temperature);
          sum += p[i];
        }
        double r = random.nextDouble() * sum;
        int chosen = top[k - 1];
        for (int i = 0; i < k; i++) {
          r -= p[i];
          if (r <= 0) {
            chosen = top[i];
            break;
          }
        }
        logProb += logits[chosen] - lse;
        produced++;
        int cp = outputCodePoints[chosen];
        if (letterOrDigit[chosen] || apostrophe[chosen] && word.length() > 0) {
          word.appendCodePoint(normalCodePoints[chosen]);
        } else {
          word.setLength(0);
        }
        if (chosen == CharAlphabet.BOUNDARY) {
          finished = true;
          break;
        }
        text.appendCodePoint(cp);
        if (produced < maxChars) { // the last character's successor is never read
          step(state, chosen, true, gates);
          logits(state, logits);
        }
      }
      out.add(new Sample(text.toString(), (float) (logProb / Math.max(1, produced)), finished));
    }
    return out;
  }

  private static int normal(int cp) {
    return cp == '\u2019' ? '\'' : Character.toLowerCase(cp);
  }

  /** Masks characters that would spell an unknown word; false if nothing is left. */
  private boolean constrain(float[] logits, StringBuilder word, Words words) {
    String current = word.toString();
    boolean complete = current.isEmpty() || words.isWord(current);
    boolean inWord = !current.isEmpty();
    IntPredicate next = words.continuations(current);
    boolean any = false;
    for (int i = 0; i < logits.length; i++) {
      if (logits[i] == Float.NEGATIVE_INFINITY) {
        continue;
      }
      boolean ok =
          letterOrDigit[i] || apostrophe[i] && inWord ? next.test(normalCodePoints[i]) : complete;
      if (ok) {
        any = true;
      } else {
        logits[i] = Float.NEGATIVE_INFINITY;
      }
    }
    return any;
  }

  private static float logSumExp(float[] x) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : x) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (float v : x) {
      sum += Math.exp(v - max);
    }
    return max + (float) Math.log(sum);
  }

  /** Indices of the k largest values, largest first; ties to the lower index. */
  private static void topK(float[] x, int[] top) {
    int k = top.length;
    Arrays.fill(top, -1);
    for (int i = 0; i < x.length; i++) {
      float v = x[i];
      if (v == Float.NEGATIVE_INFINITY) {
        continue;
      }
      int pos = k;
      while (pos > 0 && (top[pos - 1] < 0 || x[top[pos - 1]] < v)) {
        pos--;
      }
      if (pos < k) {
        System.arraycopy(top, pos, top, pos + 1, k - pos - 1);
        top[pos] = i;
      }
    }
    for (int i = 0; i < k; i++) {
      if (top[i] < 0) {
        top[i] = top[0];
      }
    }
  }

  private static float sigmoid(float x) {
    return (float) (1 / (1 + Math.exp(-x)));
  }
}
