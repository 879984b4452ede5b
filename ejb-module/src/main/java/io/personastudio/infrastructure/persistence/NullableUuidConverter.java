package io.personastudio.infrastructure.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For nullable uuid columns: EclipseLink 4.0.7 reads a NULL uuid into a UUID attribute with a
 * NullPointerException ("jdbcValue" is null). This converter takes over: the driver hands over a
 * UUID (or null), and a UUID is bound as such.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, Object> {

  @Override
  public Object convertToDatabaseColumn(UUID value) {
    return value;
  }

  @Override
  public UUID convertToEntityAttribute(Object value) {
    if (value == null || value instanceof UUID) {
      return (UUID) value;
    }
    return UUID.fromString(value.toString());
  }
}
