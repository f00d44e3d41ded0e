package dev.bulwark.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The measured requests: one request (a POST of an execution unless told), always the same, over
 * one keep-alive HTTP/1.1 connection on the calling thread, sent in one write, its answer read by
 * its Content-Length or its chunks. The JDK's clients cost the client's time, not the server's:
 * {@code HttpURLConnection} writes the headers and the body apart (the server wakes twice) and
 * added 1.5-3 ms per request on the 2-core development machine, and {@code
 * java.net.http.HttpClient} hands every exchange between its own threads.
 */
final class Exchange implements AutoCloseable {
  /** An answer: its status and its body. */
  record Answer(int status, String body) {}

  private final String host;
  private final int port;
  private final byte[] request;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  Exchange(URI base, String key, byte[] json) {
    this(base, key, "POST", "/v1/executions", json);
  }

  /** The same request each time: {@code method path}, with a JSON body unless it is empty. */
  Exchange(URI base, String key, String method, String target, byte[] json) {
    if (!"http".equals(base.getScheme()) || base.getHost() == null) {
      throw new IllegalArgumentException("--url must be http://HOST[:PORT], not " + base);
    }
    if (key.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("--key must not hold control characters");
    }
    this.host = base.getHost();
    this.port = base.getPort() < 0 ? 80 : base.getPort();
    String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    String head =
        method
            + " "
            + path
            + target
            + " HTTP/1.1\r\nHost: "
            + base.getRawAuthority()
            + "\r\nAuthorization: Bearer "
            + key
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + json.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
    this.request = Arrays.copyOf(headBytes, headBytes.length + json.length);
    System.arraycopy(json, 0, request, headBytes.length, json.length);
  }

  Answer post() throws IOException {
    try {
      if (socket == null) {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000); // a print(1) that has not answered in a minute is an error
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
      }
      out.write(request);
      out.flush();
      return read();
    } catch (IOException | RuntimeException e) {
      close();
      throw e instanceof IOException io ? io : new IOException("not an HTTP answer: " + e, e);
    }
  }

  private Answer read() throws IOException {
    String[] statusLine = line().split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer: " + String.join(" ", statusLine));
    }
    long length = -1;
    boolean chunked = false;
    boolean closes = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, Math.max(colon, 0)).strip().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).strip();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
        case "connection" -> closes = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = Integer.parseInt(statusLine[1]);
    if (status == 204 || status == 304) { // no body, whatever the headers say
      return new Answer(status, "");
    }
    if (chunked) {
      for (int size; (size = Integer.parseInt(line().split(";")[0].strip(), 16)) > 0; line()) {
        body.write(exactly(size));
      }
      while (!line().isEmpty()) {} // the trailer
    } else if (length >= 0) {
      body.write(exactly(Math.toIntExact(length)));
    } else {
      body.write(in.readAllBytes());
      closes = true;
    }
    if (closes) {
      close();
    }
    return new Answer(status, body.toString(StandardCharsets.UTF_8));
  }

  private byte[] exactly(int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length < n) {
      throw new EOFException("the server closed the connection mid-answer");
    }
    return bytes;
  }

  /** A header line, without its CRLF. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("the server closed the connection");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // The connection is dropped either way; the next request opens a new one.
      }
    }
    socket = null;
  }
}
