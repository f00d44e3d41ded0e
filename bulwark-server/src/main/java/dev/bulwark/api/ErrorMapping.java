package dev.bulwark.api;

import dev.bulwark.Requests;
import dev.bulwark.model.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a request, answered in the API's one shape {@code {"error": {"code", "message",
 * "details"}}}: a refusal ({@link ApiError}) with its status, what the request-resolution rule
 * refused, Javalin's own refusals (404, 405, 413), and anything else as a 500 whose cause goes to
 * the log, never to the caller. A 429 carries {@code Retry-After}. Each refusal is counted.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private final Metrics metrics;

  ErrorMapping(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Installs the mapping on the server's routes. */
  void install(RoutesConfig routes) {
    routes.exception(ApiError.class, (e, ctx) -> respond(ctx, e));
    routes.exception(Requests.Refusal.class, (e, ctx) -> respond(ctx, ApiError.refused(e)));
    routes.exception(
        HttpResponseException.class, (e, ctx) -> respond(ctx, fromJavalin(e.getStatus(), ctx)));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
          respond(ctx, new ApiError(500, "internal", "the server failed; see its log"));
        });
    for (int status : new int[] {404, 405}) {
      routes.error(
          status,
          ctx -> {
            if (ctx.result() == null || !ctx.result().startsWith("{")) {
              respond(ctx, fromJavalin(status, ctx));
            }
          });
    }
  }

  private void respond(Context ctx, ApiError e) {
    metrics.refused(e);
    retryAfter(e).ifPresent(seconds -> ctx.header("Retry-After", seconds));
    Reply.json(ctx, e.status(), e.body().envelope());
  }

  /** A refusal written by hand, for what runs outside Javalin's routes (the MCP endpoint). */
  static void refuse(HttpServletResponse response, ApiError e) throws IOException {
    response.setStatus(e.status());
    response.setContentType("application/json");
    retryAfter(e).ifPresent(seconds -> response.setHeader("Retry-After", seconds));
    response
        .getOutputStream()
        .write(Json.write(e.body().envelope()).getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code Retry-After} header of a 429. */
  private static Optional<String> retryAfter(ApiError e) {
    return e.status() == 429 && e.details().get("retryAfterSeconds") instanceof Long seconds
        ? Optional.of(Long.toString(Math.max(1, seconds)))
        : Optional.empty();
  }

  /** Javalin's own refusals, in the API's shape. */
  private static ApiError fromJavalin(int status, Context ctx) {
    return switch (status) {
      case 413 -> ApiError.tooLarge(ApiServer.MAX_BODY_BYTES);
      case 404 -> new ApiError(404, "not_found", "no such endpoint: " + ctx.path());
      case 405 ->
          new ApiError(
              405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path());
      default -> new ApiError(status, "http_" + status, "the request was refused");
    };
  }
}
