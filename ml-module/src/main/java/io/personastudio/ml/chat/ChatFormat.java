package io.personastudio.ml.chat;

/** Export formats the importer understands. */
public enum ChatFormat {
  TELEGRAM_JSON,
  WHATSAPP_TEXT
}
