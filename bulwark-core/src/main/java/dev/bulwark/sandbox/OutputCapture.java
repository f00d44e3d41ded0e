package dev.bulwark.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a sandbox, keeping at most {@code limit} bytes: the first half and
 * the last half, with a marker where bytes were cut. Reading goes on past the limit so that the
 * tail is the real end of the output; once a stream has written {@value #FLOOD_FACTOR} times its
 * limit the run is a flood and {@link #flooded()} turns true so the caller can stop it.
 *
 * <p>Only {@link #drain} runs on the reading thread; the getters are for after it returned.
 */
final class OutputCapture {
  /** Beyond this multiple of the limit a stream is a flood, and the run is stopped. */
  static final int FLOOD_FACTOR = 8;

  private final byte[] head;
  private final byte[] tail;
  private final Runnable onFlood;
  private int headLength;
  private long tailWritten;
  private volatile long total;
  private volatile boolean flooded;

  OutputCapture(long limit, Runnable onFlood) {
    int half = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, limit / 2));
    this.head = new byte[half];
    this.tail = new byte[(int) Math.min(Integer.MAX_VALUE - 8, limit - half)];
    this.onFlood = onFlood;
  }

  /** Reads {@code in} to its end (or until it fails because the sandbox was torn down). */
  void drain(InputStream in) {
    byte[] buffer = new byte[64 * 1024];
    long floodAt = (long) (head.length + tail.length) * FLOOD_FACTOR;
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        append(buffer, n);
        total += n;
        if (!flooded && total > floodAt) {
          flooded = true;
          onFlood.run();
        }
      }
    } catch (IOException e) {
      // The pipe closes under us when the sandbox is killed: what was read so far is the output.
    }
  }

  private void append(byte[] buffer, int n) {
    int offset = 0;
    if (headLength < head.length) {
      int take = Math.min(n, head.length - headLength);
      System.arraycopy(buffer, 0, head, headLength, take);
      headLength += take;
      offset = take;
    }
    for (int i = offset; i < n && tail.length > 0; i++) {
      tail[(int) (tailWritten++ % tail.length)] = buffer[i];
    }
  }

  boolean truncated() {
    return total > head.length + tail.length;
  }

  boolean flooded() {
    return flooded;
  }

  long totalBytes() {
    return total;
  }

  /** The kept bytes as UTF-8; a truncated stream shows a marker with the number of bytes cut. */
  String text() {
    StringBuilder out = new StringBuilder(new String(head, 0, headLength, StandardCharsets.UTF_8));
    int kept = (int) Math.min(tailWritten, tail.length);
    byte[] end = new byte[kept];
    long start = tailWritten - kept;
    for (int i = 0; i < kept; i++) {
      end[i] = tail[(int) ((start + i) % tail.length)];
    }
    if (truncated()) {
      long cut = total - headLength - kept;
      out.append("\n[... bulwark: ").append(cut).append(" bytes of output cut ...]\n");
    }
    return out.append(new String(end, StandardCharsets.UTF_8)).toString();
  }
}
