package io.personastudio.ml.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Accumulates participant statistics from a message stream in memory bounded by senders. */
public final class ParticipantStatistics implements Consumer<ChatMessage> {
  private final Map<String, long[]> counts = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, Instant[]> dates = new LinkedHashMap<>();

  @Override
  public void accept(ChatMessage message) {
    if (message.forwarded()) {
      return;
    }
    String id = message.senderId();
    long[] c = counts.computeIfAbsent(id, k -> new long[2]);
    c[0]++;
    c[1] += message.wordCount();
    names.put(id, message.senderName());
    Instant[] d = dates.computeIfAbsent(id, k -> new Instant[2]);
    if (d[0] == null || message.time().isBefore(d[0])) {
      d[0] = message.time();
    }
    if (d[1] == null || message.time().isAfter(d[1])) {
      d[1] = message.time();
    }
  }

  /** Participants, most active first. */
  public List<Participant> participants() {
    List<Participant> result = new ArrayList<>();
    counts.forEach(
        (id, c) -> {
          Instant[] d = dates.get(id);
          result.add(new Participant(id, names.get(id), c[0], c[1], d[0], d[1]));
        });
    result.sort(Comparator.comparingLong(Participant::messages).reversed());
    return result;
  }
}
