package io.personastudio.infrastructure.training;

import io.personastudio.ml.chat.ChatImporter;
import io.personastudio.ml.chat.ChatMessage;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Turns the ML unit's push parser into a pull stream for a batch reader: the parser runs on a
 * thread of its own and hands messages over through a small queue, so memory stays bounded whatever
 * the size of the upload. The stream owns the thread and stops it on {@link #close()}.
 */
final class MessageStream implements AutoCloseable {

  private static final int QUEUE = 1_000;
  private static final Object END = new Object();

  /** The export cannot be parsed further; the message names the problem and where. */
  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread parser;
  private boolean ended;

  private MessageStream(Path upload, String shownName, String name) {
    parser = new Thread(() -> parse(upload, shownName), name);
    parser.setDaemon(true);
  }

  /** Streams the upload; errors name it {@code shownName} (the name it was uploaded under). */
  static MessageStream start(Path upload, String shownName, String threadName) {
    MessageStream s = new MessageStream(upload, shownName, threadName);
    s.parser.start();
    return s;
  }

  /** The next message, or null at the end of the export. */
  ChatMessage next() throws InterruptedException {
    if (ended) {
      return null;
    }
    Object item = queue.take();
    if (item == END) {
      ended = true;
      return null;
    }
    if (item instanceof Unreadable e) {
      ended = true;
      throw e;
    }
    return (ChatMessage) item;
  }

  private void parse(Path upload, String shownName) {
    Object last = END;
    try {
      ChatImporter.showing(shownName).stream(upload, null, this::hand);
    } catch (Stopped e) {
      return;
    } catch (RuntimeException e) {
      last = new Unreadable(e.getMessage() == null ? e.toString() : e.getMessage());
    }
    try {
      queue.put(last);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void hand(ChatMessage m) {
    try {
      queue.put(m);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    }
  }

  @Override
  public void close() {
    parser.interrupt();
    try {
      parser.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The reader closed the stream before the end: the parser unwinds. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }
}
