package dev.bulwark.api;

import dev.bulwark.model.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The two forms of an answer: one JSON document, or a stream of Server-Sent Events. */
final class Reply {
  private Reply() {}

  /** The body as JSON in the model's one form ({@link Json}). */
  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }

  /** Starts a 200 of Server-Sent Events; each event is flushed as it is sent. */
  static EventStream events(Context ctx) {
    ctx.status(200);
    ctx.res().setContentType("text/event-stream");
    ctx.res().setHeader("Cache-Control", "no-cache");
    try {
      return new EventStream(ctx.res().getOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
