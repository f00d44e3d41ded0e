package dev.bulwark.internal.runtime;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the agent's frames from the sandbox's stdout, with bounds: a header of at most {@value
 * Frame#MAX_HEADER} bytes naming a known kind, a payload no longer than the kind allows. The agent
 * runs in the sandbox and nothing it says is trusted: a frame that breaks these bounds is a {@link
 * ProtocolException}, and the session ends. One reading thread.
 */
public final class FrameReader {
  /** What the agent writes once loaded, before any frame ({@code RunnerFrame}'s ready line). */
  static final byte[] READY = "\0BULWARK-READY\n".getBytes(StandardCharsets.US_ASCII);

  private final InputStream in;
  private final int displayMax;

  public FrameReader(InputStream in, long maxOutputBytes) {
    this.in = in;
    this.displayMax = Frame.Sizes.display(maxOutputBytes);
  }

  /**
   * The next frame.
   *
   * @throws EOFException when the stream ends between frames: the agent is gone
   * @throws ProtocolException for anything but a well-formed frame
   */
  public Frame next() throws IOException {
    String header = header();
    String[] parts = header.split(" ", -1);
    if (parts.length != 3 || !parts[1].matches("\\d{1,10}") || !parts[2].matches("\\d{1,10}")) {
      throw new ProtocolException("a malformed header");
    }
    Frame.Kind kind = Frame.Kind.of(parts[0]);
    long id = Long.parseLong(parts[1]);
    long length = Long.parseLong(parts[2]);
    if (kind == null || id > Integer.MAX_VALUE) {
      throw new ProtocolException("a frame of an unknown kind or id");
    }
    if (length > kind.maxFromAgent(displayMax)) {
      throw new ProtocolException(
          "a " + parts[0] + " frame of " + length + " bytes, over its bound");
    }
    byte[] payload = in.readNBytes((int) length);
    if (payload.length != length) {
      throw new ProtocolException("a frame cut short");
    }
    return new Frame(kind, (int) id, payload);
  }

  private String header() throws IOException {
    byte[] line = new byte[Frame.MAX_HEADER];
    int n = 0;
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        if (n == 0) {
          throw new EOFException("the agent ended");
        }
        throw new ProtocolException("a header cut short");
      }
      if (n == line.length || b < 0x20 || b > 0x7e) {
        throw new ProtocolException("a malformed header");
      }
      line[n++] = (byte) b;
    }
    return new String(line, 0, n, StandardCharsets.US_ASCII);
  }

  /**
   * Reads the agent's ready line.
   *
   * @throws IOException when the stream ends first or says something else
   */
  public static void awaitReady(InputStream in) throws IOException {
    byte[] line = in.readNBytes(READY.length);
    if (!java.util.Arrays.equals(line, READY)) {
      throw new IOException("the session's agent did not start");
    }
  }

  /** The agent broke the protocol; the session ends. */
  public static final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
      super(message);
    }
  }
}
