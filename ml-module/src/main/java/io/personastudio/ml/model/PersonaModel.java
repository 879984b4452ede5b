package io.personastudio.ml.model;

import io.personastudio.ml.text.SparseVector;
import io.personastudio.ml.text.Tokenizer;
import io.personastudio.ml.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trained persona: ranks candidate replies for a context and answers in the person's style by
 * choosing, among the person's own replies in similar contexts and those the relevance encoder
 * finds, the one that fits the context and reads most like the person. Thread-safe once built.
 */
public final class PersonaModel {
  private static final int RETRIEVE = 25;

  /**
   * Ranking's consensus compares a candidate with the person's replies to this many of the most
   * similar stored contexts, not all {@value #RETRIEVE} retrieved: the farther ones dilute what the
   * person says in this context into what the person says anywhere (development split: 8 to 15 all
   * beat 25 on both Hits@1/20 variants, 12 most; docs/BENCHMARKS-ml.md).
   */
  public static final int RANK_CONSENSUS_REPLIES = 12;

  /**
   * Replying only, for new models ({@link ModelInfo#replyLengthPenalty}): a pool line longer than
   * the person's median line loses this times ln(its words / the median). Without it the policy
   * preferred long lines (their many words agree with more neighbours): replies were a third longer
   * than the person's real ones (mean 87 against 65 characters, 90th percentile 219 against 142);
   * with 0.1 they are about as long (56, 117) and read more like the person (docs/BENCHMARKS-ml.md,
   * session 11).
   */
  public static final float REPLY_LENGTH_PENALTY = 0.1f;

  /** Ranking only: weight of the word overlap between candidate and context. */
  private static final float ECHO = 1.5f;

  /**
   * Replying only: style is damped when choosing among the person's own replies (they are all in
   * the person's style already); otherwise short exclamations win everywhere. The style is that of
   * the person's {@link StyleModel#voice() voice} (topic words blanked): the model of the lines as
   * written also learns the topics of the training period, and preferring the lines full of them
   * made the replies read less like the person later on (docs/BENCHMARKS-ml.md, session 9).
   */
  private static final float REPLY_STYLE = 0.3f;

  /**
   * Ranking only: a candidate that repeats a message of the context word for word is not an answer
   * to it (it is the context itself); it goes to the bottom.
   */
  private static final float REPEAT_PENALTY = 10f;

  /** Style evidence (a sum of log-odds) is squashed with tanh(evidence / this). */
  private static final float EVIDENCE_SCALE = 10f;

  private final ModelInfo info;
  private final Vocabulary vocabulary;
  private final RelevanceEncoder encoder;
  private final StyleModel style;
  private final List<List<String>> poolContexts;
  private final List<String> poolReplies;

  private final Bm25Index contextIndex;
  private final SparseVector[] replyVectors;
  private final SparseVector[] contextVectors;
  private final float[][] replyEmbeddings;
  private final float[] replyStyle;
  private final float[] replyEvidence;
  private final String fallback;
  private final CharLstm generator;
  private final Set<String> knownWords;
  private final KnownWords words;
  private final GeneratorBound generatorBound;
  private final float generatorGate;
  private final float[] replyLengthExcess;

  public PersonaModel(
      ModelInfo info,
      Vocabulary vocabulary,
      RelevanceEncoder encoder,
      StyleModel style,
      List<List<String>> poolContexts,
      List<String> poolReplies,
      CharLstm generator) {
    if (poolContexts.size() != poolReplies.size()) {
      throw new IllegalArgumentException("pool contexts and replies differ in size");
    }
    this.info = info;
    this.vocabulary = vocabulary;
    this.encoder = encoder;
    this.style = style;
    this.poolContexts = List.copyOf(poolContexts);
    this.poolReplies = List.copyOf(poolReplies);
    this.generator = generator;
    this.knownWords = new HashSet<>();
    int n = poolReplies.size();
    List<String> contextDocs = new ArrayList<>(n);
    replyVectors = new SparseVector[n];
    contextVectors = new SparseVector[n];
    replyEmbeddings = new float[n][];
    replyStyle = new float[n];
    replyEvidence = new float[n];
    int[] replyWords = new int[n];
    Map<String, Integer> frequency = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String reply = poolReplies.get(i);
      contextDocs.add(String.join("\n", poolContexts.get(i)));
      replyVectors[i] = vocabulary.tfidf(reply);
      contextVectors[i] = vocabulary.context(poolContexts.get(i));
      replyEmbeddings[i] = encoder.embedReply(replyVectors[i]);
      replyStyle[i] = styleScore(style.voice(), reply);
      replyEvidence[i] = evidence(reply);
      frequency.merge(reply, 1, Integer::sum);
      List<String> replyTokens = Tokenizer.words(reply);
      replyWords[i] = replyTokens.size();
      knownWords.addAll(replyTokens);
      for (String turn : poolContexts.get(i)) {
        knownWords.addAll(Tokenizer.words(turn));
      }
    }
    words = KnownWords.of(knownWords);
    replyLengthExcess = lengthExcess(replyWords);
    generatorBound = GeneratorBound.of(info.hyperparameters(), style, REPLY_STYLE);
    generatorGate = gateOf(info);
    contextIndex = new Bm25Index(contextDocs);
    if (generator != null) {
      // compile the sampling loop now rather than on the first user's reply
      for (int i = 0; i < 3; i++) {
        generator.sample("warm up " + i, 24, 48, 2, 1f, 5, i, words);
      }
    }
    fallback =
        frequency.entrySet().stream()
            .filter(e -> !ReplySanitizer.clean(e.getKey()).isEmpty())
            .max(
                (a, b) ->
                    a.getValue().equals(b.getValue())
                        ? b.getKey().compareTo(a.getKey())
                        : a.getValue() - b.getValue())
            .map(Map.Entry::getKey)
            .orElse("...");
  }

  /** The same model with other information about itself (shares every table, builds nothing). */
  private PersonaModel(PersonaModel m, ModelInfo info) {
    if (!info.hyperparameters().equals(m.info.hyperparameters())) {
      throw new IllegalArgumentException("a copy keeps the hyper-parameters of its model");
    }
    this.info = info;
    vocabulary = m.vocabulary;
    encoder = m.encoder;
    style = m.style;
    poolContexts = m.poolContexts;
    poolReplies = m.poolReplies;
    contextIndex = m.contextIndex;
    replyVectors = m.replyVectors;
    contextVectors = m.contextVectors;
    replyEmbeddings = m.replyEmbeddings;
    replyStyle = m.replyStyle;
    replyEvidence = m.replyEvidence;
    fallback = m.fallback;
    generator = m.generator;
    knownWords = m.knownWords;
    words = m.words;
    generatorBound = m.generatorBound;
    generatorGate = gateOf(info);
    replyLengthExcess = m.replyLengthExcess;
  }

  /**
   * Per pool line of {@code words[i]} words: ln(its words / the pool's median) if it is longer than
   * the median, else 0; the reply policy subtracts {@link ModelInfo#replyLengthPenalty} times this.
   */
  static float[] lengthExcess(int[] words) {
    float[] excess = new float[words.length];
    if (words.length == 0) {
      return excess;
    }
    int[] sorted = words.clone();
    Arrays.sort(sorted);
    double median = Math.max(1, sorted[sorted.length / 2]);
    for (int i = 0; i < words.length; i++) {
      excess[i] = (float) Math.max(0, Math.log(Math.max(1, words[i]) / median));
    }
    return excess;
  }

  /** This model with the generator gate tuned for it ({@link ModelInfo#generatorGate}). */
  PersonaModel withGeneratorGate(float gate) {
    return new PersonaModel(this, info.withGeneratorGate(gate));
  }

  private static float gateOf(ModelInfo info) {
    float gate = info.generatorGate();
    return Float.isFinite(gate) && gate > 0f ? gate : 0f;
  }

  public ModelInfo info() {
    return info;
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  RelevanceEncoder encoder() {
    return encoder;
  }

  StyleModel style() {
    return style;
  }

  List<List<String>> poolContexts() {
    return poolContexts;
  }

  List<String> poolReplies() {
    return poolReplies;
  }

  /** The generative component, or null (format-1 artifact, or training stopped before it). */
  CharLstm generator() {
    return generator;
  }

  /** True if replies can be generated, not only retrieved. */
  public boolean generates() {
    return generator != null;
  }

  /**
   * Scores candidates as the person's reply to the context: higher is more likely.
   *
   * @param context earlier messages, oldest first, newest last
   */
  public float[] rank(List<String> context, List<String> candidates) {
    Query q = query(context);
    float consensusWeight = info.hyperparameters().weightConsensus();
    // the replies to the most similar stored contexts, which candidates should agree with
    int agreeWith = consensusReplies(q.neighbours.size());
    List<Consensus.Bag> replyWords = new ArrayList<>(agreeWith);
    float[] replyWeights = new float[agreeWith];
    if (consensusWeight != 0f) {
      for (int i = 0; i < replyWeights.length; i++) {
        replyWords.add(Consensus.Bag.of(poolReplies.get(q.neighbours.get(i).index())));
        replyWeights[i] = Math.max(0f, q.neighbours.get(i).score());
      }
    }
    Set<String> said = new HashSet<>();
    if (context != null) {
      context.forEach(t -> said.add(normal(t)));
    }
    float[] scores = new float[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      String c = candidates.get(i) == null ? "" : candidates.get(i);
      SparseVector v = vocabulary.tfidf(c);
      scores[i] = score(q, v, encoder.embedReply(v), styleScore(c), ECHO);
      if (consensusWeight != 0f) {
        scores[i] += consensusWeight * Consensus.expectedF1(c, replyWords, replyWeights);
      }
      if (said.contains(normal(c))) {
        scores[i] -= REPEAT_PENALTY;
      }
    }
    return scores;
  }

  /** How many of the retrieved replies ranking's consensus compares with (0 in info = all). */
  private int consensusReplies(int retrieved) {
    int limit = info.rankConsensusReplies();
    return limit > 0 ? Math.min(limit, retrieved) : retrieved;
  }

  /** The person's reply to the context; never empty. */
  public String reply(List<String> context) {
    return answer(context).text();
  }

  /**
   * A reply and where it comes from.
   *
   * @param generated the text was written by the generator (else it is one of the person's replies)
   * @param sampled the generator was run for this reply (it is skipped when it cannot win)
   */
  public record Answer(String text, boolean generated, boolean sampled) {
    public Answer(String text, boolean generated) {
      this(text, generated, generated);
    }
  }

  /**
   * The reply policy: the person's own replies to similar contexts (BM25, or the relevance encoder
   * when no word is shared) and, if the model has a generator, replies sampled from it compete on
   * the same score (relevance, similarity to the person's answers in similar contexts, damped
   * style, style evidence; retrieved replies also by consensus: the expected unigram F1 against the
   * other retrieved replies, weighted by their retrieval score, a minimum-Bayes-risk choice);
   * generated text that is unfinished, repetitive, echoes the context or holds words never seen in
   * the training chat is rejected; a retrieved line the context already holds is not said again
   * ({@link ModelInfo#repliesAvoidContext}), and one much longer than the person's usual line loses
   * a little ({@link ModelInfo#replyLengthPenalty}). Falls back to the most frequent reply; never
   * empty.
   */
  public Answer answer(List<String> context) {
    return answer(context, true);
  }

  /**
   * @param skip do not sample the generator when the best retrieved reply scores at least the
   *     {@link GeneratorBound bound} of any generated reply minus the {@link
   *     ModelInfo#generatorGate tuned gate}: with gate 0 the generator provably cannot win then, so
   *     the answer is the same; false samples for every reply (the policy before the gate)
   */
  Answer answer(List<String> context, boolean skip) {
    Retrieval r = retrieve(context);
    boolean sampled =
        generator != null && (!skip || generatorBound(r) - generatorGate > r.bestScore());
    if (sampled) {
      Generated g = bestGenerated(r);
      if (g != null && g.score() > r.bestScore()) {
        return new Answer(g.text(), true, true);
      }
    }
    String chosen = r.best() < 0 ? fallback : poolReplies.get(r.best());
    String clean = ReplySanitizer.clean(chosen);
    if (clean.isEmpty()) {
      clean = ReplySanitizer.clean(fallback).isEmpty() ? "..." : ReplySanitizer.clean(fallback);
    }
    return new Answer(clean, false, sampled);
  }

  /**
   * The best retrieved reply for a context and what a generated one has to beat.
   *
   * @param best pool index of the best retrieved reply, or -1
   * @param bestScore its policy score (negative infinity if none)
   * @param bestContext the best context similarity among the retrieved replies
   */
  record Retrieval(
      List<String> turns,
      String newest,
      Query query,
      int best,
      float bestScore,
      float bestContext) {}

  Retrieval retrieve(List<String> context) {
    List<String> turns =
        context == null ? List.of() : context.stream().map(s -> s == null ? "" : s).toList();
    Query q = query(turns);
    // candidate index -> how strongly retrieval proposes it (BM25 score, or encoder similarity)
    Map<Integer, Float> retrieved = new LinkedHashMap<>();
    for (Bm25Index.Hit hit : q.neighbours) {
      retrieved.putIfAbsent(hit.index(), hit.score());
    }
    if (retrieved.isEmpty()) {
      // no word in common with any stored context: fall back to the relevance encoder
      float[] sims = new float[poolReplies.size()];
      for (int i = 0; i < sims.length; i++) {
        sims[i] = 1f + RelevanceEncoder.cosine(q.embedding, replyEmbeddings[i]);
      }
      for (Bm25Index.Hit hit : TopK.of(sims, RETRIEVE)) {
        retrieved.putIfAbsent(hit.index(), hit.score());
      }
    }
    String newest = turns.isEmpty() ? "" : turns.get(turns.size() - 1).strip();
    Hyperparameters h = info.hyperparameters();
    // what the context already says (in a chat: the persona's own last replies) is not said again
    Set<String> said = new HashSet<>();
    if (info.repliesAvoidContext()) {
      turns.forEach(t -> said.add(normal(t)));
    }
    List<Integer> candidates = new ArrayList<>();
    for (int i : retrieved.keySet()) {
      String text = poolReplies.get(i);
      if (!text.strip().equalsIgnoreCase(newest)
          && !said.contains(normal(text))
          && !ReplySanitizer.clean(text).isEmpty()) {
        candidates.add(i);
      }
    }
    // minimum Bayes risk: how well each candidate agrees with the other likely replies
    List<String> candidateTexts = new ArrayList<>(candidates.size());
    float[] likelihood = new float[candidates.size()];
    for (int c = 0; c < likelihood.length; c++) {
      candidateTexts.add(poolReplies.get(candidates.get(c)));
      likelihood[c] = Math.max(0f, retrieved.get(candidates.get(c)));
    }
    float[] consensus =
        h.weightConsensus() == 0f
            ? new float[candidates.size()]
            : Consensus.expectedF1(candidateTexts, likelihood);
    int best = -1;
    float bestScore = Float.NEGATIVE_INFINITY;
    float bestContext = 0f;
    for (int c = 0; c < candidates.size(); c++) {
      int i = candidates.get(c);
      float contextSimilarity = q.vector.dot(contextVectors[i]);
      bestContext = Math.max(bestContext, contextSimilarity);
      float s =
          score(q, replyVectors[i], replyEmbeddings[i], REPLY_STYLE * replyStyle[i], 0f)
              + h.weightContext() * contextSimilarity
              + h.weightEvidence() * replyEvidence[i]
              + h.weightConsensus() * consensus[c]
              - info.replyLengthPenalty() * replyLengthExcess[i];
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return new Retrieval(turns, newest, q, best, bestScore, bestContext);
  }

  /** A generated candidate and its policy score. */
  record Generated(String text, float score) {}

  /** The best-scoring well-formed sample of the generator for the context, or null. */
  Generated bestGenerated(Retrieval r) {
    Hyperparameters h = info.hyperparameters();
    long seed = h.seed() * 0x9E3779B97F4A7C15L + String.join("\n", r.turns()).hashCode();
    Generated best = null;
    for (Generated candidate : generated(r, seed)) {
      if (best == null || candidate.score() > best.score()) {
        best = candidate;
      }
    }
    return best;
  }

  /** The generator's well-formed samples for the context with their policy scores. */
  List<Generated> generated(Retrieval r, long seed) {
    Hyperparameters h = info.hyperparameters();
    GeneratorParameters g = h.generatorOrNone();
    List<Generated> out = new ArrayList<>(g.candidates());
    for (CharLstm.Sample sample :
        generator.sample(
            r.newest(),
            g.prefixChars(),
            g.maxReplyChars(),
            g.candidates(),
            g.temperature(),
            g.topK(),
            seed,
            words)) {
      String text = ReplySanitizer.clean(sample.text());
      if (!sample.finished() || !wellFormed(text, r.newest())) {
        continue;
      }
      SparseVector v = vocabulary.tfidf(text);
      // a generated reply answers this very context: it gets the best context match retrieval had;
      // it gets no consensus term: text sampled from the chat's words can stitch the retrieved
      // replies' common words together ("yeah sure, sounds for again? ok fine lol") and so
      // "agree" with all of them more than any real reply does
      float s =
          score(r.query(), v, encoder.embedReply(v), REPLY_STYLE * styleScore(text), 0f)
              + h.weightContext() * r.bestContext()
              + h.weightEvidence() * evidence(text)
              + g.margin();
      out.add(new Generated(text, s));
    }
    return out;
  }

  /** No generated candidate can score above this for the context (see {@link GeneratorBound}). */
  double generatorBound(Retrieval r) {
    Query q = r.query();
    List<SparseVector> replies = new ArrayList<>(q.weights.length);
    for (int k = 0; k < q.weights.length; k++) {
      replies.add(replyVectors[q.neighbours.get(k).index()]);
    }
    return generatorBound.upperBound(
        q.weights, replies, info.hyperparameters().weightContext() * r.bestContext());
  }

  /**
   * Rejects broken generated text: too short, no letter or digit, a word the chat never had, the
   * same word three times running, a repeated word pair, or a copy of the newest context turn.
   */
  boolean wellFormed(String text, String newest) {
    if (text.length() < 2 || text.equalsIgnoreCase(newest)) {
      return false;
    }
    List<String> words = new ArrayList<>();
    for (String w : Tokenizer.words(text)) {
      if (!w.equals("?") && !w.equals("!")) {
        words.add(w);
      }
    }
    if (words.isEmpty()) {
      return false;
    }
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < words.size(); i++) {
      if (!knownWords.contains(words.get(i))) {
        return false;
      }
      if (i >= 2
          && words.get(i).equals(words.get(i - 1))
          && words.get(i).equals(words.get(i - 2))) {
        return false;
      }
      if (i >= 1 && !pairs.add(words.get(i - 1) + " " + words.get(i))) {
        return false;
      }
    }
    int run = 1;
    for (int i = 1; i < text.length(); i++) {
      run = text.charAt(i) == text.charAt(i - 1) ? run + 1 : 1;
      if (run > 4) {
        return false;
      }
    }
    return true;
  }

  /** The style model's total evidence that the person wrote the text, squashed to (-1, 1). */
  private float evidence(String text) {
    return (float) Math.tanh(style.evidence(text) / EVIDENCE_SCALE);
  }

  private static String normal(String text) {
    return text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private float styleScore(String text) {
    return styleScore(style, text);
  }

  private float styleScore(StyleModel model, String text) {
    Hyperparameters h = info.hyperparameters();
    return h.weightStyle() * model.ngramScore(text) + h.weightLength() * model.lengthScore(text);
  }

  private float score(Query q, SparseVector v, float[] embedding, float styleScore, float echo) {
    Hyperparameters h = info.hyperparameters();
    float neighbours = 0;
    for (int k = 0; k < q.weights.length; k++) {
      neighbours += q.weights[k] * v.dot(replyVectors[q.neighbours.get(k).index()]);
    }
    return h.weightRelevance() * RelevanceEncoder.cosine(q.embedding, embedding)
        + h.weightNeighbours() * neighbours
        + echo * v.dot(q.vector)
        + styleScore;
  }

  /**
   * The query is made of the newest turns only, as many as a training pair's context holds: a chat
   * hands in a longer history (the bot: its last 12 turns and the new message), whose older turns
   * would otherwise outweigh the message being answered in the stored contexts' BM25 match. The
   * whole history still counts for what is not said again.
   */
  private Query query(List<String> context) {
    List<String> turns =
        context == null ? List.of() : context.stream().map(s -> s == null ? "" : s).toList();
    int keep = Math.max(1, info.hyperparameters().contextTurns());
    return queryOf(turns.size() <= keep ? turns : turns.subList(turns.size() - keep, turns.size()));
  }

  private Query queryOf(List<String> turns) {
    SparseVector vector = vocabulary.context(turns);
    float[] embedding = encoder.embedContext(vector);
    List<Bm25Index.Hit> all = contextIndex.search(String.join("\n", turns), RETRIEVE);
    int k = Math.min(info.hyperparameters().neighbours(), all.size());
    float[] weights = new float[k];
    float sum = 0;
    for (int i = 0; i < k; i++) {
      sum += all.get(i).score();
    }
    for (int i = 0; i < k; i++) {
      weights[i] = all.get(i).score() / sum;
    }
    return new Query(vector, embedding, all, weights);
  }

  record Query(
      SparseVector vector, float[] embedding, List<Bm25Index.Hit> neighbours, float[] weights) {}
}
