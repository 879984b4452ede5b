package io.personastudio.interfaces.web.security;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The account and credentials version a bearer token names. Read only after MP-JWT has verified the
 * token's signature, so the claims are the issuer's. A token without the version claim (issued
 * before it existed) counts as version 0.
 */
record BearerClaims(UUID account, int credentialsVersion) {

  static final String VERSION_CLAIM = "cv";

  static Optional<BearerClaims> of(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String[] parts = header.substring(7).strip().split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    try (JsonReader reader =
        Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
      JsonObject claims = reader.readObject();
      String subject = claims.getString("sub", null);
      JsonNumber version = claims.getJsonNumber(VERSION_CLAIM);
      if (subject == null) {
        return Optional.empty();
      }
      return Optional.of(
          new BearerClaims(
              UUID.fromString(subject), version == null ? 0 : version.intValueExact()));
    } catch (JsonException
        | IllegalArgumentException
        | ClassCastException
        | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
