package dev.bulwark.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * What operators and tools ask of the server itself: {@code /healthz} (alive), {@code /readyz} (the
 * store answers and every warm pool has filled once), {@code /metrics} (Prometheus) and {@code
 * /openapi.json} (the API's description).
 */
final class HealthRoutes {
  private final DataSource store;
  private final Executions executions;
  private final Metrics metrics;

  HealthRoutes(DataSource store, Executions executions, Metrics metrics) {
    this.store = store;
    this.executions = executions;
    this.metrics = metrics;
  }

  void live(Context ctx) {
    Reply.json(ctx, 200, Map.of("status", "ok"));
  }

  void ready(Context ctx) {
    try (Connection c = store.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    } catch (SQLException e) {
      throw new ApiError(503, "not_ready", "the store is unreachable: " + e.getMessage());
    }
    if (!executions.warm()) {
      throw new ApiError(
          503,
          "not_ready",
          "the warm pools are still filling: "
              + executions.pools().stream()
                  .map(p -> p.runtime() + ":" + p.profile() + " " + p.idle() + "/" + p.size())
                  .collect(Collectors.joining(", ")));
    }
    Reply.json(ctx, 200, Map.of("status", "ready"));
  }

  void metrics(Context ctx) {
    ctx.contentType(metrics.contentType()).result(metrics.scrape());
  }

  void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi());
  }

  /** The API's OpenAPI 3.1 document, built from docs/openapi.json. */
  private static byte[] openApi() {
    try (InputStream in = HealthRoutes.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
