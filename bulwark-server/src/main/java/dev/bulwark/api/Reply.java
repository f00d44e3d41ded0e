package dev.bulwark.api;

import dev.bulwark.model.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** The two forms of an answer: one JSON document, or a stream of Server-Sent Events. */
final class Reply {
  /**
   * How long an event stream may stay silent before a comment line: a client that went away is
   * noticed within two beats, and its run cancelled, even while the program prints nothing.
   */
  static final Duration KEEP_ALIVE = Duration.ofMillis(250);

  private Reply() {}

  /** The body as JSON in the model's one form ({@link Json}). */
  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }

  /**
   * Starts a 200 of Server-Sent Events, kept alive; each event is flushed as it is sent. Call
   * {@link EventStream#finish} at the end.
   */
  static EventStream events(Context ctx) {
    ctx.status(200);
    ctx.res().setContentType("text/event-stream");
    ctx.res().setHeader("Cache-Control", "no-cache");
    try {
      return new EventStream(ctx.res().getOutputStream()).keepingAlive(KEEP_ALIVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
