package dev.bulwark.api;

import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.Json;
import dev.bulwark.model.LimitOverrides;
import dev.bulwark.model.Units;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;

/**
 * The one reader of request bodies: {@code Content-Type: application/json}, at most {@link
 * ApiServer#MAX_BODY_BYTES}, UTF-8, one JSON object with only the endpoint's fields, each of its
 * type; and the model's request read from it ({@link #execution}). Every refusal is a 4xx in the
 * API's shape that names the field.
 */
final class JsonBody {
  /** The overrides of a profile a request may send (the model knows more, for the CLI). */
  private static final List<String> LIMIT_FIELDS =
      List.of("timeout", "cpuTime", "memory", "outputLimit", "cpus", "pids");

  private final JsonNode root;
  private final String accept;

  private JsonBody(JsonNode root, String accept) {
    this.root = root;
    this.accept = accept;
  }

  /**
   * Reads the request's body.
   *
   * @param fields the fields the endpoint accepts
   * @throws ApiError 415 for another media type, 413 for a body too large, 400 for invalid UTF-8,
   *     malformed JSON, a non-object or an unknown field
   */
  static JsonBody read(Context ctx, Set<String> fields) {
    return new JsonBody(object(text(bytes(ctx)), fields), ctx.header("Accept"));
  }

  private static byte[] bytes(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiError(415, "unsupported_media_type", "send Content-Type: application/json");
    }
    if (ctx.contentLength() > ApiServer.MAX_BODY_BYTES) {
      throw ApiError.tooLarge(ApiServer.MAX_BODY_BYTES);
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > ApiServer.MAX_BODY_BYTES) {
      throw ApiError.tooLarge(ApiServer.MAX_BODY_BYTES);
    }
    return bytes;
  }

  private static String text(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ApiError(400, "invalid_utf8", "the body is not valid UTF-8");
    }
  }

  private static JsonNode object(String text, Set<String> known) {
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
        throw unknown(name, "fields are " + known);
      }
    }
    return root;
  }

  /**
   * The program to run, as the model's wire request: {@code language}, {@code code}, {@code stdin},
   * {@code policy}, {@code profile} and {@code limits} (fields the endpoint does not accept are
   * absent).
   *
   * @param knownLanguage refuses a language the engine does not know
   */
  ExecutionRequest execution(Consumer<String> knownLanguage) {
    String language = required("language");
    try {
      knownLanguage.accept(language);
    } catch (IllegalArgumentException e) {
      throw ApiError.field("language", e.getMessage());
    }
    return new ExecutionRequest(
        language,
        required("code"),
        optional("stdin"),
        optional("policy"),
        optional("profile"),
        overrides(),
        optional("isolation"));
  }

  /** Whether the caller asks for Server-Sent Events: {@code "stream": true}, or by its Accept. */
  boolean wantsEvents() {
    return flag("stream") || (accept != null && accept.contains("text/event-stream"));
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
    JsonNode n = node(field);
    if (n == null) {
      return null;
    }
    if (!n.isString()) {
      throw ApiError.field(field, "must be a string");
    }
    return n.asString();
  }

  /** An optional whole number from 1 to {@code max}; {@code max} when absent. */
  long whole(String field, long max) {
    JsonNode n = node(field);
    if (n == null) {
      return max;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 1 || n.asLong() > max) {
      throw ApiError.field(field, "a whole number from 1 to " + max);
    }
    return n.asLong();
  }

  /** An optional duration in the model's grammar ({@code 90s}); null when absent. */
  Duration duration(String field) {
    String text = optional(field);
    try {
      return text == null ? null : Units.parseDuration(text);
    } catch (IllegalArgumentException e) {
      throw ApiError.field(field, e.getMessage());
    }
  }

  /**
   * The {@code limits} object: overrides of a profile in the model's JSON form; none when absent.
   *
   * @throws ApiError 400 for an override not offered, or a value of the wrong type or unit
   */
  LimitOverrides overrides() {
    String field = "limits";
    JsonNode node = node(field);
    if (node == null) {
      return LimitOverrides.NONE;
    }
    if (!node.isObject()) {
      throw ApiError.field(field, "must be an object");
    }
    for (String name : node.propertyNames()) {
      String path = field + "." + name;
      if (!LIMIT_FIELDS.contains(name)) {
        throw unknown(path, field + " are " + String.join(", ", LIMIT_FIELDS));
      }
      if (node.get(name).isNull()) { // a limit is a value; absent is how to leave it as it is
        throw ApiError.field(path, "must not be null");
      }
    }
    try {
      return Json.mapper().treeToValue(node, LimitOverrides.class);
    } catch (DatabindException e) {
      String name = e.getPath().isEmpty() ? "" : "." + e.getPath().getLast().getPropertyName();
      throw ApiError.field(field + name, e.getOriginalMessage());
    }
  }

  /** An optional boolean field, false when absent. */
  private boolean flag(String field) {
    JsonNode n = node(field);
    if (n == null) {
      return false;
    }
    if (!n.isBoolean()) {
      throw ApiError.field(field, "must be true or false");
    }
    return n.asBoolean();
  }

  /** A field as it came, null when absent or null. */
  private JsonNode node(String field) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? null : n;
  }

  private static ApiError unknown(String field, String known) {
    return new ApiError(
        400, "unknown_field", "unknown field '" + field + "'; " + known, Map.of("field", field));
  }
}
