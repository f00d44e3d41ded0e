package dev.bulwark.model;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper for Bulwark's model and wire: fields in declaration order, nothing
 * polymorphic, an unknown field refused (a reader that must tolerate a newer writer says so with
 * {@code readerFor(type).without(FAIL_ON_UNKNOWN_PROPERTIES)}). Thread-safe.
 */
public final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Json() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** The object as one line of JSON. */
  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }
}
