package dev.bulwark.api;

import dev.bulwark.model.Json;
import dev.bulwark.model.LimitOverrides;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;

/**
 * A request body read with the checks every endpoint shares: UTF-8, one JSON object, only known
 * fields, each of the right type. Every refusal names the field.
 */
final class RequestBody {
  private final JsonNode root;

  private RequestBody(JsonNode root) {
    this.root = root;
  }

  /**
   * Parses a body.
   *
   * @param known the fields the endpoint accepts
   * @throws ApiError 400 for invalid UTF-8, malformed JSON, a non-object, or an unknown field
   */
  static RequestBody parse(byte[] body, Set<String> known) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ApiError(400, "invalid_utf8", "the body is not valid UTF-8");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JacksonException e) {
      throw new ApiError(
          400, "invalid_json", "the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ApiError(400, "invalid_json", "the body must be a JSON object");
    }
    for (String name : root.propertyNames()) {
      if (!known.contains(name)) {
        throw new ApiError(
            400,
            "unknown_field",
            "unknown field '" + name + "'; fields are " + known,
            Map.of("field", name));
      }
    }
    return new RequestBody(root);
  }

  /** A required string field. */
  String required(String field) {
    String value = optional(field);
    if (value == null) {
      throw ApiError.field(field, "required");
    }
    return value;
  }

  /** An optional string field, null when absent or null. */
  String optional(String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isString()) {
      throw ApiError.field(field, "must be a string");
    }
    return n.asString();
  }

  /** An optional boolean field, false when absent. */
  boolean flag(String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw ApiError.field(field, "must be true or false");
    }
    return n.asBoolean();
  }

  /** A field as it came, null when absent or null; for types the other readers do not cover. */
  JsonNode node(String field) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? null : n;
  }

  /**
   * An optional object of limit overrides, in the model's JSON form; none when absent.
   *
   * @param offered the overrides this endpoint accepts
   * @throws ApiError 400 for an override not offered, or a value of the wrong type or unit
   */
  LimitOverrides overrides(String field, List<String> offered) {
    JsonNode node = object(field);
    for (String name : node.propertyNames()) {
      String path = field + "." + name;
      if (!offered.contains(name)) {
        throw new ApiError(
            400,
            "unknown_field",
            "unknown field '" + path + "'; " + field + " are " + String.join(", ", offered),
            Map.of("field", path));
      }
      if (node.get(name).isNull()) { // a limit is a value; absent is how to leave it as it is
        throw ApiError.field(path, "must not be null");
      }
    }
    if (node.isMissingNode()) {
      return LimitOverrides.NONE;
    }
    try {
      return Json.mapper().treeToValue(node, LimitOverrides.class);
    } catch (DatabindException e) {
      String name = e.getPath().isEmpty() ? "" : "." + e.getPath().getLast().getPropertyName();
      throw ApiError.field(field + name, e.getOriginalMessage());
    }
  }

  /** An optional object field, empty when absent. */
  private JsonNode object(String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return tools.jackson.databind.node.MissingNode.getInstance();
    }
    if (!n.isObject()) {
      throw ApiError.field(field, "must be an object");
    }
    return n;
  }
}
