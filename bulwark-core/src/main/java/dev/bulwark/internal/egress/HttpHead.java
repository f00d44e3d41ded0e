package dev.bulwark.internal.egress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The head of an HTTP/1 request as the proxy reads it: the request line and the header lines, up to
 * 16 KiB, and whatever bytes followed it.
 *
 * @param method e.g. GET, CONNECT
 * @param target as sent: authority-form for CONNECT, absolute-form through a proxy
 * @param version e.g. HTTP/1.1
 * @param headers header lines, {@code Name: value}, in order
 * @param rest bytes read after the head (the start of a body, or of a TLS handshake)
 */
@SuppressWarnings("ArrayRecordComponent") // read once, never shared
record HttpHead(String method, String target, String version, List<String> headers, byte[] rest) {
  static final int MAX = 16 * 1024;

  /** Thrown for bytes that are not an HTTP request head. */
  static final class Malformed extends IOException {
    Malformed(String message) {
      super(message);
    }
  }

  /**
   * Reads one head.
   *
   * @throws Malformed for anything else, or a head over {@value #MAX} bytes
   */
  static HttpHead read(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    int end = -1;
    while (end < 0) {
      int n = in.read(chunk);
      if (n < 0) {
        throw new Malformed("the connection ended before a request");
      }
      buf.write(chunk, 0, n);
      end = indexOfBlankLine(buf.toByteArray());
      if (end < 0 && buf.size() > MAX) {
        throw new Malformed("a request head over " + MAX + " bytes");
      }
    }
    byte[] all = buf.toByteArray();
    String text = new String(all, 0, end, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r\n");
    String[] request = lines[0].split(" ");
    if (request.length != 3 || !request[2].startsWith("HTTP/1.") || !request[0].matches("[A-Z]+")) {
      throw new Malformed("not an HTTP request");
    }
    List<String> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].indexOf(':') <= 0) {
        throw new Malformed("a malformed header line");
      }
      headers.add(lines[i]);
    }
    byte[] rest = Arrays.copyOfRange(all, end + 4, all.length);
    return new HttpHead(request[0], request[1], request[2], headers, rest);
  }

  /** The value of the first header of that name, or null. */
  String header(String name) {
    for (String h : headers) {
      int colon = h.indexOf(':');
      if (h.substring(0, colon).strip().equalsIgnoreCase(name)) {
        return h.substring(colon + 1).strip();
      }
    }
    return null;
  }

  /**
   * The head to send upstream: origin-form {@code path}, without the proxy's own headers or any
   * header the operator's credentials set (the program cannot override them), with the credentials
   * added.
   *
   * @param close ask for the connection to end after this response
   */
  byte[] forward(String path, List<String> credentials, boolean close) {
    List<String> drop = new ArrayList<>(List.of("proxy-connection", "proxy-authorization"));
    if (close) {
      drop.addAll(List.of("connection", "keep-alive"));
    }
    for (String c : credentials) {
      drop.add(c.substring(0, c.indexOf(':')).strip().toLowerCase(Locale.ROOT));
    }
    StringBuilder s = new StringBuilder();
    s.append(method).append(' ').append(path).append(' ').append(version).append("\r\n");
    for (String h : headers) {
      String name = h.substring(0, h.indexOf(':')).strip().toLowerCase(Locale.ROOT);
      if (!drop.contains(name)) {
        s.append(h).append("\r\n");
      }
    }
    for (String c : credentials) {
      s.append(c).append("\r\n");
    }
    if (close) {
      s.append("Connection: close\r\n");
    }
    s.append("\r\n");
    return s.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static int indexOfBlankLine(byte[] b) {
    for (int i = 0; i + 3 < b.length; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
