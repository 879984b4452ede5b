package io.personastudio.infrastructure.training;

import io.personastudio.infrastructure.crypto.ContentCipher;
import io.personastudio.infrastructure.crypto.Sealed;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Uploads waiting for their import, kept in the database in sealed 1 MiB chunks: the run is claimed
 * from the shared queue by whichever node has a free slot, which is seldom the node that took the
 * upload. That node copies the upload to its own folder before it reads it; the import removes it
 * once the messages are stored (and deleting the chat removes it with its rows).
 */
@Stateless
public class SharedUploads {

  static final int CHUNK_BYTES = 1 << 20;

  @Resource(lookup = "jdbc/persona")
  DataSource dataSource;

  @Inject ContentCipher cipher;

  /** Stores {@code file} as the upload of {@code importId}, in the caller's transaction. */
  public void store(UUID importId, Path file) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO chat_upload (import_id, seq, key_id, chunk) VALUES (?, ?, ?, ?)");
        InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[CHUNK_BYTES];
      int seq = 0;
      int n;
      while ((n = in.readNBytes(buffer, 0, CHUNK_BYTES)) > 0) {
        byte[] plain = n == CHUNK_BYTES ? buffer : java.util.Arrays.copyOf(buffer, n);
        Sealed sealed = cipher.sealBytes(plain, rowId(importId, seq));
        insert.setObject(1, importId);
        insert.setInt(2, seq++);
        insert.setString(3, sealed.keyId());
        insert.setBytes(4, sealed.bytes());
        insert.executeUpdate();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("Storing the upload failed: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the stored upload of {@code importId} to {@code target} (whole or not at all); false
   * when the database holds none.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean copyTo(UUID importId, Path target) {
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    int chunks = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT seq, key_id, chunk FROM chat_upload WHERE import_id=? ORDER BY seq")) {
      q.setObject(1, importId);
      q.setFetchSize(4);
      Files.createDirectories(target.getParent());
      try (ResultSet rs = q.executeQuery();
          OutputStream out = Files.newOutputStream(partial)) {
        while (rs.next()) {
          int seq = rs.getInt(1);
          if (seq != chunks) {
            throw new IllegalStateException("The stored upload lacks its part " + chunks);
          }
          out.write(
              cipher.openBytes(new Sealed(rs.getString(2), rs.getBytes(3)), rowId(importId, seq)));
          chunks++;
        }
      }
      if (chunks == 0) {
        Files.deleteIfExists(partial);
        return false;
      }
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the stored upload failed: " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // a leftover .part file is overwritten by the next copy
      }
    }
  }

  /** Removes the stored upload of {@code importId} (its messages are stored, or it is given up). */
  public void forget(UUID importId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement d = c.prepareStatement("DELETE FROM chat_upload WHERE import_id=?")) {
      d.setObject(1, importId);
      d.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Removing the stored upload failed: " + e.getMessage(), e);
    }
  }

  private static String rowId(UUID importId, int seq) {
    return "chat_upload/" + importId + "/" + seq;
  }
}
