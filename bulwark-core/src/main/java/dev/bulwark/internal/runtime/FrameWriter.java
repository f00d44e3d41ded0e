package dev.bulwark.internal.runtime;

import dev.bulwark.model.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes frames to the agent on the sandbox's stdin, each whole: threads share the stream (a cell,
 * an upload, an interrupt). Thread-safe; blocks while the agent does not read.
 */
public final class FrameWriter {
  private static final byte[] NONE = new byte[0];

  private final OutputStream out;

  public FrameWriter(OutputStream out) {
    this.out = out;
  }

  public void send(Frame.Kind kind, int id) throws IOException {
    send(kind, id, NONE, 0);
  }

  public void send(Frame.Kind kind, int id, Object json) throws IOException {
    byte[] body = Json.mapper().writeValueAsBytes(json);
    send(kind, id, body, body.length);
  }

  /** One frame of the first {@code length} bytes of {@code payload}. */
  public synchronized void send(Frame.Kind kind, int id, byte[] payload, int length)
      throws IOException {
    byte[] header = (" " + id + " " + length + "\n").getBytes(StandardCharsets.US_ASCII);
    out.write(kind.wire());
    out.write(header);
    out.write(payload, 0, length);
    out.flush();
  }
}
