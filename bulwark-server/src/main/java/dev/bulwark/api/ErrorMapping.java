package dev.bulwark.api;

import dev.bulwark.Requests;
import dev.bulwark.SessionException;
import dev.bulwark.model.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a request, answered in the API's one shape {@code {"error": {"code", "message",
 * "details"}}}: a refusal ({@link ApiError}) with its status, what the request-resolution rule
 * refused, a body that could not be read (cut short, a malformed chunk: 400), Javalin's own
 * refusals (404, 405, 413), what Jetty refuses before any handler runs (a malformed request head,
 * 408, 414, 417, 431; its 501 and 505, which the client's protocol earns, as 400), and anything
 * else as a 500 whose cause goes to the log, never to the caller. On {@code /mcp} the same failures
 * are JSON-RPC error objects ({@link #jsonRpc}). A 429 or 503 carries {@code Retry-After}. Each
 * refusal is counted.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  /** A reason Jetty gives that is plain words, fit to pass on (never a class name or a trace). */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9 ,:;'()/-]{1,120}");

  /** JSON-RPC's code for a failure of the server's own (the implementation-defined range). */
  static final int JSON_RPC_SERVER_ERROR = -32000;

  private final Metrics metrics;

  ErrorMapping(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Installs the mapping on the server's routes. */
  void install(RoutesConfig routes) {
    routes.exception(ApiError.class, (e, ctx) -> respond(ctx, e));
    routes.exception(Requests.Refusal.class, (e, ctx) -> respond(ctx, ApiError.refused(e)));
    routes.exception(SessionException.class, (e, ctx) -> respond(ctx, ApiError.session(e)));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> respond(ctx, forStatus(e.getStatus(), ctx.path())));
    routes.exception(
        HttpException.RuntimeException.class,
        (e, ctx) -> respond(ctx, forStatus(e.getCode(), ctx.path(), e.getReason())));
    routes.exception(EofException.class, (e, ctx) -> respond(ctx, unreadableBody()));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
          respond(ctx, internal());
        });
    routes.error(404, ctx -> respondUnlessAnswered(ctx, forStatus(404, ctx.path())));
    routes.error(
        405,
        ctx ->
            respondUnlessAnswered(
                ctx,
                new ApiError(
                    405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path())));
  }

  /** Javalin's 404 and 405, unless a handler answered in the API's shape already. */
  private void respondUnlessAnswered(Context ctx, ApiError e) {
    if (ctx.result() == null || !ctx.result().startsWith("{")) {
      respond(ctx, e);
    }
  }

  private void respond(Context ctx, ApiError e) {
    metrics.refused(e);
    retryAfter(e).ifPresent(seconds -> ctx.header("Retry-After", seconds));
    Reply.json(ctx, e.status(), e.body().envelope());
  }

  /**
   * Jetty's error handler, for what fails outside Javalin's routes: a request head Jetty refuses,
   * and errors of the servlets beside the routes. Writes the API's shape, or a JSON-RPC error on
   * {@code /mcp}.
   */
  ErrorHandler jetty() {
    return new ErrorHandler() {
      @Override
      protected void generateResponse(
          Request request,
          Response response,
          int code,
          String message,
          Throwable cause,
          Callback callback) {
        String path = request.getHttpURI().getPath();
        ApiError e = forStatus(code, path == null ? "" : path, message);
        if (e.status() >= 500) {
          LOG.error(
              "request failed: {} {}: {}", request.getMethod(), request.getHttpURI(), code, cause);
        }
        metrics.refused(e);
        response.setStatus(e.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        retryAfter(e).ifPresent(s -> response.getHeaders().put(HttpHeader.RETRY_AFTER, s));
        response.write(true, ByteBuffer.wrap(bytes(e, path)), callback);
      }

      @Override
      public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ApiError e = forStatus(status, "", reason);
        metrics.refused(e);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(bytes(e, ""));
      }
    };
  }

  private static byte[] bytes(ApiError e, String path) {
    Object body = McpEndpoint.PATH.equals(path) ? jsonRpc(null, e) : e.body().envelope();
    return Json.write(body).getBytes(StandardCharsets.UTF_8);
  }

  /** A refusal written by hand, for what runs outside Javalin's routes (the MCP endpoint). */
  static void refuse(HttpServletResponse response, Object id, ApiError e) throws IOException {
    response.setStatus(e.status());
    response.setContentType("application/json");
    retryAfter(e).ifPresent(seconds -> response.setHeader("Retry-After", seconds));
    response.getOutputStream().write(Json.write(jsonRpc(id, e)).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A refusal as JSON-RPC's error object: the refusal's JSON-RPC code when it has one ({@code
   * details.jsonRpcCode}), else the server-error code; the API's code and details under {@code
   * data}.
   */
  static Map<String, Object> jsonRpc(Object id, ApiError e) {
    Map<String, Object> data = new LinkedHashMap<>(e.details());
    Object rpcCode = data.remove("jsonRpcCode");
    data.put("code", e.code());
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", rpcCode instanceof Integer c ? c : JSON_RPC_SERVER_ERROR);
    error.put("message", e.getMessage());
    error.put("data", data);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jsonrpc", "2.0");
    body.put("id", id);
    body.put("error", error);
    return body;
  }

  /** The {@code Retry-After} header of a 429 or a 503. */
  private static Optional<String> retryAfter(ApiError e) {
    return (e.status() == 429 || e.status() == 503)
            && e.details().get("retryAfterSeconds") instanceof Long seconds
        ? Optional.of(Long.toString(Math.max(1, seconds)))
        : Optional.empty();
  }

  /** A failure of the server's own: its cause goes to the log, never to the caller. */
  static ApiError internal() {
    return new ApiError(500, "internal", "the server failed; see its log");
  }

  /** A body that ended early or whose chunked encoding is malformed. */
  static ApiError unreadableBody() {
    return new ApiError(
        400,
        "invalid_body",
        "the body could not be read: it ended early or its chunked encoding is malformed");
  }

  private static ApiError forStatus(int status, String path) {
    return forStatus(status, path, null);
  }

  /** A status Javalin or Jetty answered, in the API's shape; {@code reason} where it is plain. */
  private static ApiError forStatus(int status, String path, String reason) {
    String said = reason != null && PLAIN.matcher(reason).matches() ? ": " + reason : "";
    return switch (status) {
      case 400 -> new ApiError(400, "bad_request", "the request is malformed" + said);
      case 404 -> new ApiError(404, "not_found", "no such endpoint: " + path);
      case 405 -> new ApiError(405, "method_not_allowed", "the method is not allowed" + said);
      case 408 ->
          new ApiError(408, "request_timeout", "the request came too slowly or not at all" + said);
      case 413 -> ApiError.tooLarge(ApiServer.MAX_BODY_BYTES);
      case 414 -> new ApiError(414, "uri_too_long", "the request's URI is too long");
      case 415 ->
          new ApiError(415, "unsupported_media_type", "send Content-Type: application/json");
      case 417 ->
          new ApiError(417, "expectation_failed", "only Expect: 100-continue is understood");
      case 431 -> new ApiError(431, "headers_too_large", "the request's headers are too large");
      // What Jetty answers 501 or 505 is the client's protocol (a transfer coding, an HTTP
      // version),
      // never the server's fault: a 400 that names it.
      case 501 -> new ApiError(400, "not_implemented", "the server does not implement this" + said);
      case 503 -> ApiError.stopping();
      case 505 ->
          new ApiError(400, "http_version_not_supported", "speak HTTP/1.1 to this server" + said);
      default ->
          status >= 500
              ? internal()
              : new ApiError(status, "http_" + status, "the request was refused" + said);
    };
  }
}
