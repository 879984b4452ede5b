package io.personastudio.infrastructure.crypto;

/** Cipher text with the id of the key that made it (nonce and tag are inside the bytes). */
public record Sealed(String keyId, byte[] bytes) {}
