package io.personastudio.ml.chat;

/**
 * What a zipped export may hold before it is refused as a zip bomb.
 *
 * @param maxEntries files and folders in the archive (an Android export with media holds one per
 *     photo)
 * @param maxUnpackedBytes the archive's files together, unpacked, as its directory declares them
 *     (media included, though only the chat is ever unpacked)
 * @param maxChatBytes the chat itself, unpacked (counted while unpacking, whatever is declared)
 * @param maxRatio how many times larger than its compressed size the chat may unpack to
 */
public record ZipLimits(int maxEntries, long maxUnpackedBytes, long maxChatBytes, int maxRatio) {

  public ZipLimits {
    if (maxEntries < 1 || maxUnpackedBytes < 1 || maxChatBytes < 1 || maxRatio < 1) {
      throw new IllegalArgumentException("zip limits must be positive: " + this);
    }
  }
}
