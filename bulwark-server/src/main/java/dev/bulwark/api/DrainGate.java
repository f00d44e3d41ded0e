package dev.bulwark.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Whether the server still takes requests. Once a stop begins ({@link #close()}), every new
 * request, on any endpoint, is refused with 503 {@code shutting_down} and {@code Retry-After},
 * while the requests already in the server run to their end. Thread-safe.
 */
final class DrainGate implements Handler {
  private volatile boolean open = true;

  /** As the first before-handler of every route. */
  @Override
  public void handle(Context ctx) {
    check();
  }

  /**
   * @throws ApiError 503 once the server is stopping
   */
  void check() {
    if (!open) {
      throw ApiError.stopping();
    }
  }

  /** Whether the server is stopping. */
  boolean closed() {
    return !open;
  }

  /** Refuses every request from now on. */
  void close() {
    open = false;
  }
}
