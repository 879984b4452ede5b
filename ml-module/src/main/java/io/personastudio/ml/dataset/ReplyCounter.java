package io.personastudio.ml.dataset;

import io.personastudio.ml.chat.ChatMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts, per sender, the replies a {@link DatasetBuilder} with the same options would make
 * (context, reply) pairs of, while a chat streams by: memory bounded by the senders, so an upload
 * can be judged before it is stored. The same rules as the builder: a reply is a turn of a sender's
 * own writing that follows another turn of the same conversation and is not a bare media marker.
 * The builder orders messages by time; the counter takes them in export order, which is time order
 * in both export formats (an export with messages out of order may be counted slightly
 * differently).
 */
public final class ReplyCounter implements Consumer<ChatMessage> {
  private static final String FORWARDED = "\u0000forwarded";

  private final DatasetOptions options;
  private final Map<String, Long> replies = new HashMap<>();
  private Instant last;
  private String turnSender;
  private boolean turnAnswers;
  private boolean turnIsMarker;
  private int turnsInConversation;

  public ReplyCounter(DatasetOptions options) {
    this.options = options;
  }

  @Override
  public void accept(ChatMessage m) {
    String text = m.text().strip();
    if (text.isEmpty()) {
      if (!m.media() || options.media() == MediaPolicy.SKIP) {
        return;
      }
      text = ChatMessage.MEDIA_MARKER;
    }
    boolean gap = last != null && m.time().isAfter(last.plus(options.conversationGap()));
    String sender = m.forwarded() ? FORWARDED : m.senderId();
    if (turnSender != null && (gap || !turnSender.equals(sender))) {
      endTurn();
    }
    if (gap) {
      turnsInConversation = 0;
    }
    if (turnSender == null) {
      turnSender = sender;
      turnAnswers = turnsInConversation > 0;
      turnIsMarker = text.equals(ChatMessage.MEDIA_MARKER);
    } else {
      turnIsMarker = false; // two or more lines joined are never the bare marker
    }
    last = m.time();
  }

  /** Replies by the sender with this id so far (a pending last turn included). */
  public long repliesOf(String senderId) {
    long counted = replies.getOrDefault(senderId, 0L);
    return counted + (senderId.equals(turnSender) && countable() ? 1 : 0);
  }

  private boolean countable() {
    return turnAnswers && !turnIsMarker && !FORWARDED.equals(turnSender);
  }

  private void endTurn() {
    if (countable()) {
      replies.merge(turnSender, 1L, Long::sum);
    }
    turnSender = null;
    turnsInConversation++;
  }
}
