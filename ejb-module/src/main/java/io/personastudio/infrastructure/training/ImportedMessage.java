package io.personastudio.infrastructure.training;

import io.personastudio.ml.chat.ChatMessage;

/**
 * A message read from an upload with its position in the export (0-based), which is also its
 * sequence number in storage and names a skipped record without quoting it.
 */
record ImportedMessage(long position, ChatMessage message) {}
