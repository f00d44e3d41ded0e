package dev.bulwark.api;

import dev.bulwark.model.Json;
import dev.bulwark.tenant.ApiKeys;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What stands before the MCP SDK's servlet at {@code /mcp}, so that every answer is a JSON-RPC
 * message and nothing of the server's insides reaches a client: it refuses while the server stops,
 * authenticates the key as the API does, reads the body as the API does ({@link JsonBody#parse}:
 * UTF-8, no name twice, no lone surrogate), checks the JSON-RPC envelope and lets through only the
 * methods the server implements. Then, of what the SDK answers, a refusal of its own becomes a
 * JSON-RPC error object and an internal error loses its message (logged here instead): the SDK
 * writes exception objects, stack traces included, into some of its answers.
 *
 * <p>Codes: -32700 a body that is not JSON, -32600 not a JSON-RPC request (a batch, no method, a
 * bad id), -32601 a method the server does not implement, -32602 bad params ({@code "params":
 * null}), -32000 a refusal of the server's (its API code under {@code data.code}: unauthorized,
 * rate_limited, shutting_down...).
 */
final class McpGuard implements Filter {
  static final String CALLER = "bulwark.mcp.caller";

  private static final Logger LOG = LoggerFactory.getLogger(McpGuard.class);

  private static final int PARSE_ERROR = -32700;
  private static final int INVALID_REQUEST = -32600;
  private static final int METHOD_NOT_FOUND = -32601;
  private static final int INVALID_PARAMS = -32602;
  private static final int INTERNAL_ERROR = -32603;

  /** The requests the server answers; notifications it passes on are {@code notifications/*}. */
  private static final Set<String> METHODS =
      Set.of("initialize", "ping", "tools/list", "tools/call");

  private static final Set<String> MEMBERS = Set.of("jsonrpc", "id", "method", "params");

  private final DrainGate gate;
  private final Function<String, ApiKeys.Caller> authenticate;

  McpGuard(DrainGate gate, Function<String, ApiKeys.Caller> authenticate) {
    this.gate = gate;
    this.authenticate = authenticate;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    Object id = null;
    try {
      gate.check();
      if (!"POST".equals(request.getMethod())) {
        throw rpc(
            new ApiError(
                405,
                "method_not_allowed",
                "POST JSON-RPC requests to /mcp; this server streams none"),
            INVALID_REQUEST);
      }
      request.setAttribute(CALLER, authenticate.apply(request.getHeader("Authorization")));
      if (!JsonBody.isJson(request.getContentType())) {
        throw rpc(JsonBody.notJson(), PARSE_ERROR);
      }
      byte[] body = body(request);
      JsonNode message;
      try {
        message = JsonBody.parse(body);
      } catch (ApiError e) {
        throw rpc(e, codeOf(e));
      }
      id = id(message);
      String method = envelope(message, id);
      if (id == null && !method.startsWith("notifications/")) {
        response.setStatus(HttpServletResponse.SC_ACCEPTED); // a notification nobody listens to
        return;
      }
      CapturedResponse captured = new CapturedResponse(response);
      chain.doFilter(new ReplayedRequest(request, body), captured);
      answer(response, id, captured);
    } catch (ApiError e) {
      ErrorMapping.refuse(response, id, e);
    }
  }

  /** The body, at most {@link ApiServer#MAX_BODY_BYTES}. */
  private static byte[] body(HttpServletRequest request) {
    if (request.getContentLengthLong() > ApiServer.MAX_BODY_BYTES) {
      throw rpc(ApiError.tooLarge(ApiServer.MAX_BODY_BYTES), INVALID_REQUEST);
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(ApiServer.MAX_BODY_BYTES + 1);
    } catch (IOException | RuntimeException e) { // cut short or badly chunked: the client's fault
      throw rpc(ErrorMapping.unreadableBody(), PARSE_ERROR);
    }
    if (body.length > ApiServer.MAX_BODY_BYTES) {
      throw rpc(ApiError.tooLarge(ApiServer.MAX_BODY_BYTES), INVALID_REQUEST);
    }
    return body;
  }

  /** A refusal of the body's reader, as JSON-RPC counts it. */
  private static int codeOf(ApiError e) {
    if (e.code().equals("invalid_field")) {
      return String.valueOf(e.details().get("field")).startsWith("params")
          ? INVALID_PARAMS
          : INVALID_REQUEST;
    }
    return PARSE_ERROR;
  }

  /** The request's id: a string or a whole number; null for a notification. */
  private static Object id(JsonNode message) {
    JsonNode id = message.isObject() ? message.get("id") : null;
    if (id == null || id.isNull()) {
      return null;
    }
    if (id.isString()) {
      return id.asString();
    }
    if (id.isIntegralNumber() && id.canConvertToLong()) {
      return id.asLong();
    }
    throw invalid("id is a string or a whole number", INVALID_REQUEST);
  }

  /** Checks a request's envelope; returns its method. */
  private static String envelope(JsonNode message, Object id) {
    if (!message.isObject()) {
      throw invalid("a request is one JSON object (batches are not supported)", INVALID_REQUEST);
    }
    for (String name : message.propertyNames()) {
      if (!MEMBERS.contains(name)) {
        throw invalid("unknown member '" + name + "'; members are " + MEMBERS, INVALID_REQUEST);
      }
    }
    JsonNode version = message.get("jsonrpc");
    if (version == null || !version.isString() || !version.asString().equals("2.0")) {
      throw invalid("jsonrpc must be \"2.0\"", INVALID_REQUEST);
    }
    JsonNode method = message.get("method");
    if (method == null || !method.isString()) {
      throw invalid(
          "method must be a string (this server sends no requests to answer)", INVALID_REQUEST);
    }
    JsonNode params = message.get("params");
    if (params != null && !params.isObject()) {
      throw invalid("params must be an object when present", INVALID_PARAMS);
    }
    String name = method.asString();
    if (id != null && !METHODS.contains(name)) {
      throw invalid("no method '" + name + "'; methods are " + METHODS, METHOD_NOT_FOUND);
    }
    if (name.equals("tools/call")) {
      JsonNode tool = params == null ? null : params.get("name");
      JsonNode arguments = params == null ? null : params.get("arguments");
      if (tool == null || !tool.isString()) {
        throw invalid("params.name must name a tool", INVALID_PARAMS);
      }
      if (arguments != null && !arguments.isObject()) {
        throw invalid("params.arguments must be an object when present", INVALID_PARAMS);
      }
    }
    return name;
  }

  /**
   * Writes the SDK's answer: as it is, but a refusal becomes a JSON-RPC error object and an
   * internal error keeps its code and loses its message and data.
   */
  private static void answer(HttpServletResponse response, Object id, CapturedResponse sdk)
      throws IOException {
    byte[] body = sdk.bytes();
    int status = sdk.status();
    Map<String, Object> error = error(body, status);
    if (error != null) {
      LOG.warn("MCP: the SDK answered {}: {}", status, new String(body, StandardCharsets.UTF_8));
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("jsonrpc", "2.0");
      message.put("id", id);
      message.put("error", error);
      body = Json.write(message).getBytes(StandardCharsets.UTF_8);
      status = status >= 500 ? 500 : status;
      response.setContentType("application/json");
    }
    response.setStatus(status);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The error object to answer instead of the SDK's body; null to answer the SDK's as it is. */
  private static Map<String, Object> error(byte[] body, int status) {
    JsonNode sdk;
    try {
      sdk = body.length == 0 ? null : Json.mapper().readTree(body);
    } catch (RuntimeException e) {
      sdk = null; // not JSON: replaced below when it is a refusal
    }
    if (status < 400) {
      JsonNode error = sdk == null ? null : sdk.get("error");
      if (error == null || !error.isObject() || error.path("code").asInt() != INTERNAL_ERROR) {
        return null;
      }
      return Map.of("code", INTERNAL_ERROR, "message", "the server failed; see its log");
    }
    JsonNode rpc = sdk == null ? null : sdk.get("jsonRpcError");
    Map<String, Object> error = new HashMap<>();
    boolean plain = rpc != null && rpc.path("code").isInt() && rpc.path("message").isString();
    error.put(
        "code", plain ? rpc.get("code").asInt() : status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST);
    error.put(
        "message",
        status >= 500
            ? "the server failed; see its log"
            : plain
                ? rpc.get("message").asString()
                : "the request was refused (HTTP " + status + ")");
    return error;
  }

  private static ApiError invalid(String message, int code) {
    return rpc(new ApiError(400, "invalid_request", message), code);
  }

  /** The refusal, answered with JSON-RPC's {@code code}. */
  private static ApiError rpc(ApiError e, int code) {
    Map<String, Object> details = new HashMap<>(e.details());
    details.put("jsonRpcCode", code);
    return new ApiError(e.status(), e.code(), e.getMessage(), details);
  }
}
