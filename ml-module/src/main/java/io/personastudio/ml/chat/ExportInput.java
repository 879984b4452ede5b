package io.personastudio.ml.chat;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A strict UTF-8 reader over an export that knows how many bytes it has consumed, so errors can
 * name a byte offset. A leading UTF-8 byte order mark is skipped.
 */
final class ExportInput implements AutoCloseable {
  private final String shown;
  private final CountingStream counter;
  private final BufferedReader reader;

  ExportInput(Path file, String shown) throws IOException {
    this.shown = shown;
    this.counter = new CountingStream(Files.newInputStream(file));
    this.reader =
        new BufferedReader(
            new InputStreamReader(
                counter,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            1 << 16);
    try {
      reader.mark(1);
      int first = reader.read();
      if (first != '\uFEFF') {
        reader.reset();
      }
    } catch (CharacterCodingException e) {
      reader.close();
      throw encodingError(e);
    }
  }

  BufferedReader reader() {
    return reader;
  }

  /** Bytes read from the file so far (the decoder reads ahead by up to a buffer). */
  long byteOffset() {
    return counter.count;
  }

  ChatImportException encodingError(CharacterCodingException e) {
    return new ChatImportException(
        shown,
        "near byte offset " + byteOffset(),
        "wrong encoding: the file is not UTF-8 text; export the chat again as UTF-8",
        e);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
