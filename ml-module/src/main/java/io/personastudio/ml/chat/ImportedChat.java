package io.personastudio.ml.chat;

import java.util.List;
import java.util.Locale;

/** A chat read into memory: its name, format and messages in export order. */
public record ImportedChat(String name, ChatFormat format, List<ChatMessage> messages) {

  public ImportedChat {
    messages = List.copyOf(messages);
  }

  /**
   * Resolves a person by sender id or by name (case-insensitive).
   *
   * @throws io.personastudio.ml.MlException naming the known participants if nobody matches
   */
  public Participant person(String nameOrId) {
    ParticipantStatistics stats = new ParticipantStatistics();
    messages.forEach(stats);
    List<Participant> all = stats.participants();
    String wanted = nameOrId == null ? "" : nameOrId.trim();
    for (Participant p : all) {
      if (p.id().equals(wanted)) {
        return p;
      }
    }
    for (Participant p : all) {
      if (p.name() != null
          && p.name().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    StringBuilder known = new StringBuilder();
    for (int i = 0; i < Math.min(all.size(), 12); i++) {
      known
          .append(i == 0 ? "" : ", ")
          .append(all.get(i).name())
          .append(" (")
          .append(all.get(i).id())
          .append(')');
    }
    throw new io.personastudio.ml.MlException(
        "unknown person '" + wanted + "' in chat '" + name + "'; participants: " + known);
  }
}
