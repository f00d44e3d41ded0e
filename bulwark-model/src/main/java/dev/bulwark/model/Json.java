package dev.bulwark.model;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper for Bulwark's model: fields in declaration order, nothing polymorphic. */
public final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
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
