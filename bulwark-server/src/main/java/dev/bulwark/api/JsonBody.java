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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * The one reader of request bodies: {@code Content-Type: application/json}, at most {@link
 * ApiServer#MAX_BODY_BYTES}, UTF-8, one JSON object with only the endpoint's fields, each of its
 * type; and the model's request read from it ({@link #execution}). Every refusal is a 4xx in the
 * API's shape that names the field.
 */
final class JsonBody {
  /** Jackson's reader, but a name twice in one object is an error, not the last one winning. */
  private static final ObjectReader STRICT =
      Json.mapper().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");

  /** The overrides of a profile a request may send (the model knows more, for the CLI). */
  static final List<String> LIMIT_FIELDS =
      List.of("timeout", "cpuTime", "memory", "outputLimit", "cpus", "pids");

  /** A session's overrides: those of an execution, and the size of its files and workspace. */
  static final List<String> SESSION_LIMIT_FIELDS =
      Stream.concat(LIMIT_FIELDS.stream(), Stream.of("fileSize", "tmpfsSize")).toList();

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
   *     malformed JSON, a field twice, a lone UTF-16 surrogate, a non-object or an unknown field
   */
  static JsonBody read(Context ctx, Set<String> fields) {
    if (!isJson(ctx.contentType())) {
      throw notJson();
    }
    return new JsonBody(object(parse(bytes(ctx)), fields), ctx.header("Accept"));
  }

  /**
   * Whether a {@code Content-Type} says JSON: {@code application/json}, with at most a {@code
   * charset} of UTF-8 (the only one JSON has). {@code application/jsonx} or {@code
   * application/json-seq} are other types.
   */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.split(";", -1);
    if (!parts[0].strip().equalsIgnoreCase("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String[] param = parts[i].split("=", 2);
      String value = param.length == 2 ? param[1].strip().replace("\"", "") : "";
      if (!param[0].strip().equalsIgnoreCase("charset") || !value.equalsIgnoreCase("utf-8")) {
        return false;
      }
    }
    return true;
  }

  static ApiError notJson() {
    return new ApiError(
        415, "unsupported_media_type", "send Content-Type: application/json (charset utf-8)");
  }

  private static byte[] bytes(Context ctx) {
    if (ctx.contentLength() > ApiServer.MAX_BODY_BYTES) {
      throw ApiError.tooLarge(ApiServer.MAX_BODY_BYTES);
    }
    byte[] bytes = ctx.bodyAsBytes(); // a body cut short fails here: ErrorMapping answers 400
    if (bytes.length > ApiServer.MAX_BODY_BYTES) {
      throw ApiError.tooLarge(ApiServer.MAX_BODY_BYTES);
    }
    return bytes;
  }

  /**
   * One JSON value read strictly: UTF-8, each object's names once, every string Unicode text.
   *
   * @throws ApiError 400 {@code invalid_utf8}, {@code invalid_json}, {@code duplicate_field}, or
   *     {@code invalid_field} naming the field that holds a lone UTF-16 surrogate
   */
  static JsonNode parse(byte[] body) {
    JsonNode root;
    try {
      root = STRICT.readTree(text(body));
    } catch (JacksonException e) {
      String message = e.getOriginalMessage();
      Matcher duplicate = DUPLICATE.matcher(message == null ? "" : message);
      if (duplicate.find()) {
        String name = duplicate.group(1);
        throw new ApiError(
            400,
            "duplicate_field",
            "the field '" + name + "' appears more than once",
            Map.of("field", name));
      }
      throw new ApiError(400, "invalid_json", "the body is not valid JSON" + where(e));
    }
    if (root == null || root.isMissingNode()) {
      throw new ApiError(400, "invalid_json", "the body is empty");
    }
    requireText(root, "");
    return root;
  }

  private static String where(JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1
        ? ""
        : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** Refuses a lone UTF-16 surrogate ({@code "\\ud800"}) in any name or string, naming where. */
  private static void requireText(JsonNode node, String path) {
    if (node.isString() && !wellFormed(node.asString())) {
      String field = path.isEmpty() ? "body" : path;
      throw ApiError.field(field, "holds a lone UTF-16 surrogate, which is not Unicode text");
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!wellFormed(e.getKey())) {
          throw new ApiError(
              400, "invalid_json", "a field name holds a lone UTF-16 surrogate" + at(path));
        }
        requireText(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        requireText(node.get(i), path + "[" + i + "]");
      }
    }
  }

  private static String at(String path) {
    return path.isEmpty() ? "" : " in " + path;
  }

  /** Whether every surrogate in {@code s} is half of a pair. */
  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
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

  private static JsonNode object(JsonNode root, Set<String> known) {
    if (!root.isObject()) {
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
    return overrides(LIMIT_FIELDS);
  }

  /** The {@code limits} object, with the overrides {@code offered}; see {@link #overrides()}. */
  LimitOverrides overrides(List<String> offered) {
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
      if (!offered.contains(name)) {
        throw unknown(path, field + " are " + String.join(", ", offered));
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

  /** An optional array of strings; null when absent. */
  List<String> strings(String field) {
    JsonNode n = node(field);
    if (n == null) {
      return null;
    }
    if (!n.isArray()) {
      throw ApiError.field(field, "must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isString()) {
        throw ApiError.field(field + "[" + i + "]", "must be a string");
      }
      out.add(n.get(i).asString());
    }
    return out;
  }

  /**
   * An optional object of files: each name a workspace path, each value its content in base64;
   * empty when absent.
   */
  Map<String, byte[]> files(String field) {
    JsonNode n = node(field);
    if (n == null) {
      return Map.of();
    }
    if (!n.isObject()) {
      throw ApiError.field(field, "must be an object of paths to base64 contents");
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String path = field + "." + e.getKey();
      if (!e.getValue().isString()) {
        throw ApiError.field(path, "must be a string of base64");
      }
      try {
        out.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asString()));
      } catch (IllegalArgumentException bad) {
        throw ApiError.field(path, "is not base64: " + bad.getMessage());
      }
    }
    return out;
  }

  /** An optional boolean field, false when absent. */
  boolean flag(String field) {
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
