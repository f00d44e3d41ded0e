package dev.bulwark.api;

import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code GET /v1/runtimes}: each runtime with its version and the modules a program can import;
 * each isolation tier with its version and whether it runs here.
 */
final class RuntimeRoutes {
  private final Executions executions;

  RuntimeRoutes(Executions executions) {
    this.executions = executions;
  }

  void list(Context ctx) {
    Reply.json(
        ctx, 200, Map.of("runtimes", executions.runtimes(), "isolation", executions.isolation()));
  }
}
