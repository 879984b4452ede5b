package io.personastudio.ml.chat;

/** Picks one chat of a full-account export by name (case-insensitive) or id; null picks any. */
record ChatSelector(String nameOrId) {

  boolean isAny() {
    return nameOrId == null || nameOrId.isBlank();
  }

  boolean matches(String name, String id) {
    if (isAny()) {
      return true;
    }
    String wanted = nameOrId.trim();
    return (name != null && name.trim().equalsIgnoreCase(wanted))
        || (id != null && id.equals(wanted));
  }
}
