package dev.bulwark.api;

import dev.bulwark.audit.AuditLog;
import dev.bulwark.model.Json;
import dev.bulwark.tenant.ApiKeys;
import io.javalin.http.Context;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server's own log: one JSON object per line on stderr, for log shippers to read. */
final class EventLog {
  private final PrintStream out;

  EventLog(PrintStream out) {
    this.out = out;
  }

  /** Writes a request's line: method, path, status, time, client, and the caller when known. */
  void request(Context ctx, float ms) {
    ApiKeys.Caller c = Authenticator.caller(ctx);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("method", ctx.method().name());
    f.put("path", ctx.path());
    f.put("status", ctx.statusCode());
    f.put("ms", Math.round(ms));
    f.put("client", ctx.ip());
    if (c != null) {
      f.put("tenant", c.tenant().name());
      f.put("key", c.keyId());
    }
    log("request", f);
  }

  /** Writes {@code {"ts", "event", ...fields}}. */
  void log(String event, Map<String, ?> fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("ts", AuditLog.stamp(Instant.now()));
    line.put("event", event);
    line.putAll(fields);
    String text = Json.write(line);
    synchronized (out) {
      out.println(text);
    }
  }
}
