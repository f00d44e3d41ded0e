package dev.bulwark.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The runner protocol on the sandbox's standard streams, all of it before any user code runs:
 *
 * <ol>
 *   <li>the runner, loaded, writes {@code "\0BULWARK-READY\n"} to stdout (a warm pool waits for
 *       it);
 *   <li>the host writes {@code code} as one line to stdin once the program is in place;
 *   <li>the runner writes one frame to stdout, {@code "\0BULWARK-SUMMARY <length>\n"} and that many
 *       bytes of JSON;
 *   <li>the host writes one verdict line to stdin: {@code run}, or anything else to exit.
 * </ol>
 *
 * What follows on both streams belongs to the program, until the runner ends it: after the program
 * and its exit handlers, with the streams flushed, it writes {@code "\0BULWARK-END\n"} to stderr
 * and {@code "\0BULWARK-END <status>\n"} to stdout, then exits. The host then has the whole output
 * and the status without waiting for the interpreter's exit and the namespace's teardown (the
 * engine's output capture). A program that forges them only cuts its own output short: the host
 * still judges limits from its counters and destroys the sandbox. Frames are read with bounds: they
 * come out of a sandbox.
 */
public final class RunnerFrame {
  /** The largest summary accepted; a program whose summary is larger does not run. */
  public static final int MAX_BYTES = 16 << 20;

  private static final String MAGIC = "\0BULWARK-SUMMARY ";
  private static final String READY = "\0BULWARK-READY";
  private static final byte[] CODE = "code\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RUN = "run\n".getBytes(StandardCharsets.US_ASCII);

  private RunnerFrame() {}

  /**
   * Reads one frame.
   *
   * @throws IOException when the stream ends first or does not hold a frame
   */
  public static byte[] read(InputStream in) throws IOException {
    String h = header(in, "the runner exited before describing the program");
    if (h.equals(READY)) { // a cold run's runner says so too; only a warm pool waits for it
      h = header(in, "the runner exited before describing the program");
    }
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
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(
          "the program is too large to analyse: its summary exceeds " + (MAX_BYTES >> 20) + " MiB");
    }
  }

  /**
   * Reads the runner's word that it is loaded and waits for its program.
   *
   * @throws IOException when the stream ends first or says something else
   */
  public static void readReady(InputStream in) throws IOException {
    if (!header(in, "the runner exited while loading").equals(READY)) {
      throw new IOException("the runner's output does not start with its ready line");
    }
  }

  /** One header line, bounded; {@code ended} is the message when the stream ends first. */
  private static String header(InputStream in, String ended) throws IOException {
    StringBuilder header = new StringBuilder();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new IOException(ended);
      }
      if (header.length() > MAGIC.length() + 10) {
        throw new IOException("the runner's output does not start with a summary");
      }
      header.append((char) b);
    }
    return header.toString();
  }

  /** Tells the runner that its program is in place. */
  public static void sendCode(OutputStream stdin) throws IOException {
    stdin.write(CODE);
    stdin.flush();
  }

  /** Tells the runner to run the program; the program's own stdin follows. */
  public static void sendRun(OutputStream stdin) throws IOException {
    stdin.write(RUN);
    stdin.flush();
  }

  /**
   * Tells the runner to run the program with these settings, one line of JSON after {@code run }
   * (its source name, figure format, artifact patterns and input files' paths and sizes); the input
   * files' bytes follow, one after the other, then the program's own stdin.
   */
  public static void sendRun(OutputStream stdin, String settingsJson) throws IOException {
    if (settingsJson.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("settings must be one line");
    }
    stdin.write(("run " + settingsJson + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
