package io.personastudio.ml.dataset;

import io.personastudio.ml.chat.ChatMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds conversations, turns and (context, reply) pairs from messages. */
public final class DatasetBuilder {
  private static final String FORWARDED = "\u0000forwarded";
  private static final int REPLY_TARGETS = 50_000;

  private final DatasetOptions options;

  public DatasetBuilder(DatasetOptions options) {
    this.options = options;
  }

  public Dataset build(List<ChatMessage> messages) {
    List<ChatMessage> sorted = new ArrayList<>(messages);
    sorted.sort(Comparator.comparing(ChatMessage::time)); // stable: export order breaks ties
    List<List<Turn>> conversations = new ArrayList<>();
    List<Turn> current = new ArrayList<>();
    Instant last = null;
    TurnBuilder turn = null;
    Map<String, String> recent =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REPLY_TARGETS;
          }
        };
    for (ChatMessage m : sorted) {
      String text = textOf(m);
      if (text == null) {
        continue;
      }
      if (m.id() != null) {
        recent.put(m.id(), text);
      }
      boolean gap = last != null && m.time().isAfter(last.plus(options.conversationGap()));
      String sender = m.forwarded() ? FORWARDED : m.senderId();
      if (turn != null && (gap || !turn.sender.equals(sender))) {
        current.add(turn.build());
        turn = null;
      }
      if (gap && !current.isEmpty()) {
        conversations.add(current);
        current = new ArrayList<>();
      }
      if (turn == null) {
        String target = m.replyToId() == null ? null : recent.get(m.replyToId());
        turn =
            new TurnBuilder(sender, m.forwarded() ? "forwarded" : m.senderName(), m.time(), target);
      }
      turn.append(text);
      last = m.time();
    }
    if (turn != null) {
      current.add(turn.build());
    }
    if (!current.isEmpty()) {
      conversations.add(current);
    }
    return new Dataset(conversations, pairs(conversations));
  }

  private String textOf(ChatMessage m) {
    String text = m.text().strip();
    if (text.isEmpty()) {
      if (!m.media() || options.media() == MediaPolicy.SKIP) {
        return null;
      }
      text = ChatMessage.MEDIA_MARKER;
    }
    return options.scrub() ? Scrubber.scrub(text) : text;
  }

  private List<DialoguePair> pairs(List<List<Turn>> conversations) {
    List<DialoguePair> pairs = new ArrayList<>();
    for (List<Turn> conversation : conversations) {
      for (int i = 1; i < conversation.size(); i++) {
        Turn reply = conversation.get(i);
        if (!reply.ownWriting() || reply.text().equals(ChatMessage.MEDIA_MARKER)) {
          continue;
        }
        List<String> context = new ArrayList<>();
        for (int j = Math.max(0, i - options.contextTurns()); j < i; j++) {
          context.add(conversation.get(j).text());
        }
        String target = reply.replyToText();
        if (target != null && context.stream().noneMatch(c -> c.contains(target))) {
          // an explicit reply to an older message: that message is what is being answered
          context.add(target);
          if (context.size() > options.contextTurns()) {
            context.remove(0);
          }
        }
        pairs.add(new DialoguePair(context, reply.text(), reply.senderId(), reply.start()));
      }
    }
    return pairs;
  }

  private static final class TurnBuilder {
    private final String sender;
    private final String name;
    private final Instant start;
    private final String replyTo;
    private final StringBuilder text = new StringBuilder();

    TurnBuilder(String sender, String name, Instant start, String replyTo) {
      this.sender = sender;
      this.name = name;
      this.start = start;
      this.replyTo = replyTo;
    }

    void append(String line) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(line);
    }

    Turn build() {
      return new Turn(sender, name, text.toString(), start, !sender.equals(FORWARDED), replyTo);
    }
  }
}
