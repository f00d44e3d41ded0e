package dev.bulwark.config;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The configuration file's YAML: read as a tree, written by {@code config show}. */
final class Yaml {
  private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

  private Yaml() {}

  /**
   * The text as a tree; an empty text is a missing node.
   *
   * @param source where the text comes from, for the message
   * @throws IllegalArgumentException when the text is not YAML
   */
  static JsonNode read(String text, String source) {
    try {
      return MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage());
    }
  }

  /** The value as a YAML document. */
  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }
}
