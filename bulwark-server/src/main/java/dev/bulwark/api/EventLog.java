package dev.bulwark.api;

import dev.bulwark.audit.AuditLog;
import dev.bulwark.model.Json;
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
