package dev.bulwark.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand on a socket, for what a well-behaved client cannot send: malformed
 * chunks, bodies cut short, heads Jetty refuses. One exchange per connection ({@code Connection:
 * close}).
 */
final class RawHttp {
  private RawHttp() {}

  /** An answer: its status, head and body as text. */
  record Answer(int status, String head, String body) {
    Optional<String> header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return head.lines()
          .filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(l -> l.substring(prefix.length()).strip())
          .findFirst();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** Sends {@code request} as it is, then reads the answer to its end. */
  static Answer exchange(int port, String request) throws IOException {
    return exchange(port, request.getBytes(StandardCharsets.UTF_8), false);
  }

  /**
   * Sends {@code request}; with {@code thenHalfClose} the client says it will send nothing more, so
   * that a body shorter than announced ends early.
   */
  static Answer exchange(int port, byte[] request, boolean thenHalfClose) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      if (thenHalfClose) {
        s.shutdownOutput();
      }
      return parse(readAll(s.getInputStream()));
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (IOException e) {
      if (all.size() == 0) {
        throw e;
      }
      // reset after the answer: what came is the answer
    }
    return all.toByteArray();
  }

  private static Answer parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] status = head.split(" ", 3);
    int code = status.length > 1 && status[1].matches("\\d{3}") ? Integer.parseInt(status[1]) : 0;
    if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
      body = unchunk(body);
    }
    return new Answer(code, head, body);
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int eol = body.indexOf("\r\n", at);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
      if (size == 0) {
        break;
      }
      // sizes count bytes; the bodies these tests read back are ASCII JSON
      out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    return out.toString();
  }

  /** A request head with its body, closing the connection after the answer. */
  static String request(String method, String path, String key, String type, String body) {
    StringBuilder r = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: bulwark\r\n");
    if (key != null) {
      r.append("Authorization: Bearer ").append(key).append("\r\n");
    }
    if (type != null) {
      r.append("Content-Type: ").append(type).append("\r\n");
    }
    if (path.equals("/mcp")) {
      r.append("Accept: application/json, text/event-stream\r\n");
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      r.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    return r.append("Connection: close\r\n\r\n").append(body == null ? "" : body).toString();
  }
}
