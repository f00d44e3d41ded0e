package dev.bulwark.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The runner protocol on the sandbox's standard streams. Before any user code runs, the runner
 * writes one frame to stdout, {@code "\0BULWARK-SUMMARY <length>\n"} and that many bytes of JSON,
 * then reads one verdict line from stdin: {@code run}, or anything else to exit. What follows on
 * both streams belongs to the program. The frame is read with bounds: it comes out of a sandbox.
 */
final class RunnerFrame {
  /** The largest summary accepted; a program whose summary is larger does not run. */
  static final int MAX_BYTES = 16 << 20;

  private static final String MAGIC = "\0BULWARK-SUMMARY ";
  private static final byte[] RUN = "run\n".getBytes(StandardCharsets.US_ASCII);

  private RunnerFrame() {}

  /**
   * Reads one frame.
   *
   * @throws IOException when the stream ends first or does not hold a frame
   */
  static byte[] read(InputStream in) throws IOException {
    StringBuilder header = new StringBuilder();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new IOException("the runner exited before describing the program");
      }
      if (header.length() > MAGIC.length() + 10) {
        throw new IOException("the runner's output does not start with a summary");
      }
      header.append((char) b);
    }
    String h = header.toString();
    if (!h.startsWith(MAGIC) || !h.substring(MAGIC.length()).matches("\\d{1,9}")) {
      throw new IOException("the runner's output does not start with a summary");
    }
    int length = Integer.parseInt(h.substring(MAGIC.length()));
    if (length > MAX_BYTES) {
      throw new TooLarge();
    }
    byte[] body = in.readNBytes(length);
    if (body.length != length) {
      throw new IOException("the runner's summary is cut short");
    }
    return body;
  }

  /** A program too large to analyse: its summary exceeds {@link #MAX_BYTES}. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(
          "the program is too large to analyse: its summary exceeds " + (MAX_BYTES >> 20) + " MiB");
    }
  }

  /** Tells the runner to run the program; the program's own stdin follows. */
  static void sendRun(OutputStream stdin) throws IOException {
    stdin.write(RUN);
    stdin.flush();
  }
}
