package dev.bulwark.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stdio of {@code bulwark mcp}, in front of the MCP SDK's transport, which stops reading at the
 * first line it cannot parse. Each line from the client is checked first: one that is not JSON gets
 * a JSON-RPC parse error (-32700), one that is not a JSON-RPC message an invalid-request error
 * (-32600), a request whose params are neither an object nor an array an invalid-params error
 * (-32602); the session goes on. End of input ends the session.
 *
 * <p>Threads: {@link #pump} runs on one thread and is the only writer of the SDK's input; the SDK
 * and {@link #pump} both answer through {@link #toClient}, which writes whole lines under one lock,
 * so that an error reply never lands inside one of the SDK's messages.
 */
final class McpStdio {
  /** A longer line is refused unread (the SDK's messages from a client are small). */
  static final int MAX_LINE_BYTES = 8 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(McpStdio.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final InputStream client;
  private final LineWriter toClient;
  private final PipedOutputStream toServer = new PipedOutputStream();
  private final PipedInputStream fromClient;

  McpStdio(InputStream client, OutputStream out) {
    this.client = client;
    this.toClient = new LineWriter(out);
    try {
      this.fromClient = new PipedInputStream(toServer, 1 << 16);
    } catch (IOException e) {
      throw new IllegalStateException("cannot connect the MCP transport's input", e);
    }
  }

  /** What the SDK's transport reads: the client's valid lines. */
  InputStream serverInput() {
    return fromClient;
  }

  /** Where the SDK's transport writes its messages. */
  OutputStream serverOutput() {
    return toClient;
  }

  /** Reads the client's lines until end of input, then ends the SDK's input. Blocks. */
  void pump() {
    try (toServer) {
      for (byte[] line; (line = readLine()) != null; ) {
        if (line.length == 0) {
          continue;
        }
        String refusal = refusal(line);
        if (refusal == null) {
          toServer.write(line);
          toServer.write('\n');
          toServer.flush();
        } else {
          toClient.writeLine(refusal.getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      LOG.warn("the MCP session's input failed: {}", e.getMessage());
    }
  }

  /** The error reply a line gets instead of reaching the SDK, or null when it may pass. */
  static String refusal(byte[] line) {
    if (line.length > MAX_LINE_BYTES) {
      return error(null, -32600, "the message exceeds " + MAX_LINE_BYTES + " bytes");
    }
    JsonNode message;
    try {
      message = JSON.readTree(line);
    } catch (JacksonException e) {
      return error(null, -32700, "parse error: the line is not JSON");
    }
    if (message == null || !message.isObject()) {
      return error(null, -32600, "invalid request: a message is one JSON object");
    }
    JsonNode id = message.get("id");
    Object replyId = id != null && (id.isString() || id.isIntegralNumber()) ? id : null;
    if (!"2.0".equals(message.path("jsonrpc").asString(""))) {
      return error(replyId, -32600, "invalid request: \"jsonrpc\" must be \"2.0\"");
    }
    boolean response = message.has("result") || message.has("error");
    if (!response && !message.path("method").isString()) {
      return error(replyId, -32600, "invalid request: \"method\" must be a string");
    }
    JsonNode params = message.get("params");
    if (params != null && !params.isObject() && !params.isArray()) {
      return error(replyId, -32602, "invalid params: \"params\" must be an object");
    }
    return null;
  }

  private static String error(Object id, int code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("jsonrpc", "2.0");
    reply.put("id", id);
    reply.put("error", error);
    return JSON.writeValueAsString(reply);
  }

  /**
   * The next line without its end; null at end of input. A line over {@link #MAX_LINE_BYTES} is
   * returned cut one byte past the cap (enough to refuse it), its rest skipped.
   */
  private byte[] readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = client.read()) >= 0 && b != '\n') {
      if (line.size() <= MAX_LINE_BYTES) {
        line.write(b);
      }
    }
    if (b < 0 && line.size() == 0) {
      return null;
    }
    byte[] bytes = line.toByteArray();
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\r') {
      end--;
    }
    return end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
  }

  /** An output that passes only whole lines to the client, each under one lock. */
  private static final class LineWriter extends OutputStream {
    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineWriter(OutputStream out) {
      this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      pending.write(b);
      if (b == '\n') {
        out.write(pending.toByteArray());
        out.flush();
        pending.reset();
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      int from = off;
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          pending.write(b, from, i + 1 - from);
          out.write(pending.toByteArray());
          out.flush();
          pending.reset();
          from = i + 1;
        }
      }
      pending.write(b, from, off + len - from);
    }

    @Override
    public synchronized void flush() {
      // Lines go out whole when their end arrives; a partial line waits for it.
    }

    synchronized void writeLine(byte[] line) throws IOException {
      out.write(line);
      out.write('\n');
      out.flush();
    }
  }
}
