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

  private final int headCapacity;
  private final int tailCapacity;
  private final Runnable onFlood;
  private final java.util.function.Consumer<byte[]> listener;
  private final long listenLimit;

  /** Grows as output arrives: most runs print little, and a run holds two captures. */
  private byte[] head = new byte[0];

  private byte[] tail; // allocated once the head is full
  private int headLength;
  private long tailWritten;
  private long count; // the reading thread's own tally
  private volatile long total;
  private volatile boolean flooded;

  OutputCapture(long limit, Runnable onFlood) {
    this(limit, onFlood, null);
  }

  /**
   * @param listener hears each chunk as it is read, up to {@code limit} bytes in all; null for none
   */
  OutputCapture(long limit, Runnable onFlood, java.util.function.Consumer<byte[]> listener) {
    this.headCapacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, limit / 2));
    this.tailCapacity = (int) Math.min(Integer.MAX_VALUE - 8, limit - headCapacity);
    this.onFlood = onFlood;
    this.listener = listener;
    this.listenLimit = limit;
  }

  /** Reads {@code in} to its end (or until it fails because the sandbox was torn down). */
  void drain(InputStream in) {
    byte[] buffer = new byte[64 * 1024];
    long floodAt = ((long) headCapacity + tailCapacity) * FLOOD_FACTOR;
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        append(buffer, n);
        if (listener != null && count < listenLimit) {
          listener.accept(java.util.Arrays.copyOf(buffer, (int) Math.min(n, listenLimit - count)));
        }
        count += n;
        total = count; // published for the supervising thread
        if (!flooded && count > floodAt) {
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
    if (headLength < headCapacity) {
      int take = Math.min(n, headCapacity - headLength);
      if (headLength + take > head.length) {
        head =
            java.util.Arrays.copyOf(
                head, (int) Math.min(headCapacity, Math.max(headLength + take, 2L * head.length)));
      }
      System.arraycopy(buffer, 0, head, headLength, take);
      headLength += take;
      offset = take;
    }
    if (offset == n || tailCapacity == 0) {
      return;
    }
    if (tail == null) {
      tail = new byte[tailCapacity];
    }
    while (offset < n) { // a ring: copy up to its end, then wrap
      int at = (int) (tailWritten % tailCapacity);
      int take = Math.min(n - offset, tailCapacity - at);
      System.arraycopy(buffer, offset, tail, at, take);
      tailWritten += take;
      offset += take;
    }
  }

  boolean truncated() {
    return total > (long) headCapacity + tailCapacity;
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
    int kept = (int) Math.min(tailWritten, tailCapacity);
    byte[] end = new byte[kept];
    if (kept > 0) {
      int oldest = (int) ((tailWritten - kept) % tailCapacity);
      int firstPart = Math.min(kept, tailCapacity - oldest);
      System.arraycopy(tail, oldest, end, 0, firstPart);
      System.arraycopy(tail, 0, end, firstPart, kept - firstPart);
    }
    if (truncated()) {
      long cut = total - headLength - kept;
      out.append("\n[... bulwark: ").append(cut).append(" bytes of output cut ...]\n");
    }
    return out.append(new String(end, StandardCharsets.UTF_8)).toString();
  }
}
