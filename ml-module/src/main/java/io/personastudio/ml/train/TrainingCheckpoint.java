package io.personastudio.ml.train;

import io.personastudio.ml.MlException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything needed to continue a run exactly: parameters and Adam moments by parameter name, the
 * step, the per-step losses and a fingerprint of data and hyper-parameters (including the
 * vocabulary) so a checkpoint is never resumed against other data. Written atomically.
 */
record TrainingCheckpoint(
    long fingerprint,
    long step,
    Map<String, float[]> parameters,
    Map<String, float[]> firstMoments,
    Map<String, float[]> secondMoments,
    float[] losses) {
  private static final int MAGIC = 0x50534350; // "PSCP"
  private static final int VERSION = 1;

  void write(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        try (DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
          out.writeInt(MAGIC);
          out.writeInt(VERSION);
          out.writeLong(fingerprint);
          out.writeLong(step);
          writeMap(out, parameters);
          writeMap(out, firstMoments);
          writeMap(out, secondMoments);
          writeArray(out, losses);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new MlException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  static TrainingCheckpoint read(Path file) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new MlException(file + ": not a training checkpoint of this version");
      }
      long fingerprint = in.readLong();
      long step = in.readLong();
      return new TrainingCheckpoint(
          fingerprint, step, readMap(in), readMap(in), readMap(in), readArray(in));
    } catch (IOException e) {
      throw new MlException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeMap(DataOutputStream out, Map<String, float[]> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, float[]> e : map.entrySet()) {
      out.writeUTF(e.getKey());
      writeArray(out, e.getValue());
    }
  }

  private static Map<String, float[]> readMap(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, float[]> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      map.put(in.readUTF(), readArray(in));
    }
    return map;
  }

  private static void writeArray(DataOutputStream out, float[] values) throws IOException {
    out.writeInt(values.length);
    for (float v : values) {
      out.writeFloat(v);
    }
  }

  private static float[] readArray(DataInputStream in) throws IOException {
    float[] values = new float[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readFloat();
    }
    return values;
  }
}
