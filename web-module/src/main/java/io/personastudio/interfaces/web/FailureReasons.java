package io.personastudio.interfaces.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A training failure in plain words: the technical reason a run stores is matched to the sentence
 * that tells its owner what happened and what to do (the technical text is shown as detail).
 */
final class FailureReasons {

  private static final Map<String, String> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("cancel", "training.failure.cancelled");
    KNOWN.put("uploaded file is gone", "training.failure.uploadGone");
    KNOWN.put("need at least", "training.failure.tooLittle");
    KNOWN.put("too few", "training.failure.tooLittle");
    KNOWN.put("no message", "training.failure.tooLittle");
    KNOWN.put("died", "training.failure.crashed");
    KNOWN.put("could not start", "training.failure.notStarted");
    KNOWN.put("messages failed", "training.failure.storage");
    KNOWN.put("empty reply", "training.failure.emptyModel");
  }

  private FailureReasons() {}

  /** The bundle key of the sentence for this reason. */
  static String key(String reason) {
    String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    return KNOWN.entrySet().stream()
        .filter(e -> r.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("training.failure.other");
  }

  static String plain(String reason) {
    return Texts.get(key(reason));
  }
}
