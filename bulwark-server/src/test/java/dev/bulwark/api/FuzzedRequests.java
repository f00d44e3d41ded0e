package dev.bulwark.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HTTP requests built from a fuzzer's bytes, shaped like the API's so that most get past the first
 * check: a method, an endpoint (or junk after one), a key (valid, an operator's, foreign, none), a
 * media type, a body (a JSON object of the API's fields with values of any JSON type and any
 * characters, escaped lone surrogates included; or raw bytes), and its framing (a right or wrong
 * Content-Length, chunks well or badly formed, or none).
 */
final class FuzzedRequests {
  static final List<String> PATHS =
      List.of(
          "/v1/executions",
          "/v1/validate",
          "/v1/runtimes",
          "/v1/audit",
          "/v1/anomalies",
          "/v1/executions/",
          "/v1/agent/runs",
          "/v1/agent/runs/",
          "/healthz",
          "/readyz",
          "/metrics",
          "/openapi.json",
          "/mcp");

  private static final List<String> METHODS =
      List.of("GET", "POST", "POST", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH");

  private static final List<String> TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "application/jsonx",
          "text/plain",
          "application/json; charset=latin1",
          "multipart/form-data; boundary=x");

  static final List<String> FIELDS =
      List.of(
          "language",
          "code",
          "stdin",
          "policy",
          "profile",
          "limits",
          "stream",
          "task",
          "maxSteps",
          "maxTime",
          "maxTokens",
          "timeout",
          "memory",
          "cpus",
          "pids",
          "outputLimit",
          "cpuTime");

  static final List<String> WORDS =
      List.of(
          "python",
          "javascript",
          "bash",
          "py",
          "print(1)",
          "echo hi",
          "strict",
          "standard",
          "default",
          "lambda",
          "5s",
          "500ms",
          "1g",
          "256m",
          "1 g",
          "5s\u0000",
          "-1",
          "1e9",
          "",
          "0");

  private FuzzedRequests() {}

  /** One request, whole, on a connection the server may close after it. */
  static byte[] request(FuzzedDataProvider in, String key, String operatorKey) {
    String method = in.consumeBoolean() ? in.pickValue(METHODS) : in.consumeAsciiString(8);
    String path = in.pickValue(PATHS);
    if (in.consumeBoolean()) {
      path += in.consumeAsciiString(16);
    }
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: bulwark\r\n");
    switch (in.consumeInt(0, 4)) {
      case 0 -> head.append("Authorization: Bearer ").append(key).append("\r\n");
      case 1 -> head.append("Authorization: Bearer ").append(operatorKey).append("\r\n");
      case 2 -> head.append("Authorization: ").append(in.consumeAsciiString(40)).append("\r\n");
      default -> {}
    }
    if (in.consumeBoolean()) {
      head.append("Content-Type: ")
          .append(in.consumeBoolean() ? in.pickValue(TYPES) : in.consumeAsciiString(30))
          .append("\r\n");
    }
    if (in.consumeBoolean()) {
      head.append("Accept: ")
          .append(in.consumeBoolean() ? "application/json, text/event-stream" : "text/event-stream")
          .append("\r\n");
    }
    byte[] body = in.consumeBoolean() ? json(in, 0) : in.consumeBytes(in.consumeInt(0, 512));
    return frame(in, head, body);
  }

  /** A body: a JSON object of the API's fields, most of the time. */
  static byte[] json(FuzzedDataProvider in, int depth) {
    StringBuilder json = new StringBuilder("{");
    int fields = in.consumeInt(0, 5);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        json.append(", ");
      }
      json.append(string(in.consumeBoolean() ? in.pickValue(FIELDS) : in.consumeString(12)))
          .append(": ")
          .append(value(in, depth + 1));
    }
    return json.append("}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON value of any type; strings are the API's words or anything at all. */
  static String value(FuzzedDataProvider in, int depth) {
    return switch (in.consumeInt(0, depth > 2 ? 4 : 6)) {
      case 0 -> string(in.pickValue(WORDS));
      case 1 -> string(in.consumeString(64));
      case 2 -> Long.toString(in.consumeLong());
      case 3 -> in.consumeBoolean() ? "true" : "null";
      case 4 -> Double.toString(in.consumeDouble());
      case 5 -> new String(json(in, depth), StandardCharsets.UTF_8);
      default -> "[" + value(in, depth + 1) + ", " + value(in, depth + 1) + "]";
    };
  }

  /**
   * A JSON string whose characters outside ASCII are escapes, so a lone surrogate reaches the
   * server.
   */
  static String string(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** The body framed by a right or wrong length, by chunks well or badly formed, or not at all. */
  private static byte[] frame(FuzzedDataProvider in, StringBuilder head, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (in.consumeInt(0, 4)) {
      case 0, 1 -> head.append("Content-Length: ").append(body.length).append("\r\n");
      case 2 ->
          head.append("Content-Length: ")
              .append(in.consumeInt(-1, body.length * 2 + 1))
              .append("\r\n");
      case 3 -> {
        head.append("Transfer-Encoding: chunked\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        int at = 0;
        while (at < body.length) {
          int n = Math.min(body.length - at, in.consumeInt(1, 64));
          String size = in.consumeBoolean() ? Integer.toHexString(n) : in.consumeAsciiString(3);
          out.writeBytes((size + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(body, at, n);
          out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          at += n;
        }
        if (in.consumeBoolean()) {
          out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
      }
      default -> {}
    }
    head.append("Connection: close\r\n\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }
}
