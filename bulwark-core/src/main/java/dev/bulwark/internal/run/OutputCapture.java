package dev.bulwark.internal.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Drains one output stream of a sandbox, keeping at most {@code limit} bytes: the first half and
 * the last half, with a marker where bytes were cut. Reading goes on past the limit so that the
 * tail is the real end of the output; once a stream has written {@value #FLOOD_FACTOR} times its
 * limit the run is a flood and {@link #flooded()} turns true so the caller can stop it.
 *
 * <p>A runner ends its streams with an end frame ({@link RunnerFrame}): the capture then stops
 * keeping bytes, drops the frame, and completes {@link #ended()} with the status it carries, so
 * that the run's result need not wait for the sandbox to be torn down.
 *
 * <p>Only {@link #drain} runs on the reading thread; the getters are for after it returned, or
 * after {@link #ended()} completed.
 */
public final class OutputCapture {
  /** Beyond this multiple of the limit a stream is a flood, and the run is stopped. */
  static final int FLOOD_FACTOR = 8;

  private final int headCapacity;
  private final int tailCapacity;
  private final Runnable onFlood;
  private final Consumer<byte[]> listener;
  private final long listenLimit;

  /** Grows as output arrives: most runs print little, and a run holds two captures. */
  private byte[] head = new byte[0];

  private byte[] tail; // allocated once the head is full
  private int headLength;
  private long tailWritten;
  private long count; // the reading thread's own tally
  private volatile long total;
  private volatile boolean flooded;

  /** The last bytes read, where an end frame would be. */
  private byte[] recent = new byte[0];

  private int tailTrim; // bytes at the tail ring's end that were an end frame
  private int status; // the end frame's

  /** The status of the runner's end frame (0 on stderr), or null when the stream just ended. */
  private final CompletableFuture<Integer> ended = new CompletableFuture<>();

  private static final byte[] END = "\0BULWARK-END".getBytes(StandardCharsets.US_ASCII);
  private static final int END_MAX = END.length + 16;

  OutputCapture(long limit, Runnable onFlood) {
    this(limit, onFlood, null);
  }

  /**
   * @param listener hears each chunk as it is read, up to {@code limit} bytes in all; null for none
   */
  public OutputCapture(long limit, Runnable onFlood, Consumer<byte[]> listener) {
    this.headCapacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, limit / 2));
    this.tailCapacity = (int) Math.min(Integer.MAX_VALUE - 8, limit - headCapacity);
    this.onFlood = onFlood;
    this.listener = listener;
    this.listenLimit = limit;
  }

  /**
   * Reads {@code in} until the runner's end frame, or to the stream's end (or until it fails
   * because the sandbox was torn down), then closes it: whatever a leftover process writes after
   * the end frame is not the program's.
   */
  void drain(InputStream in) {
    byte[] buffer = new byte[64 * 1024];
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        int frame = take(buffer, n, true);
        if (frame > 0) {
          ended.complete(status);
          return;
        }
      }
    } catch (IOException e) {
      // The pipe closes under us when the sandbox is killed: what was read so far is the output.
    } finally {
      ended.complete(null);
    }
  }

  /**
   * Keeps {@code data}, which the caller read by other means (a session's frames): as {@link
   * #drain} keeps what it reads, without end frames. On the one thread that feeds this capture.
   */
  public void feed(byte[] data) {
    take(data, data.length, false);
  }

  /** Keeps the first n bytes of buffer; returns the length of an end frame they end with. */
  private int take(byte[] buffer, int n, boolean frames) {
    long before = count;
    append(buffer, n);
    count += n;
    total = count; // published for the supervising thread
    int frame = frames ? endFrame(buffer, n) : 0; // a runner writes it at once: in this chunk
    int forward = n - Math.min(n, frame);
    if (listener != null && before < listenLimit && forward > 0) {
      listener.accept(Arrays.copyOf(buffer, (int) Math.min(forward, listenLimit - before)));
    }
    if (!flooded && count > ((long) headCapacity + tailCapacity) * FLOOD_FACTOR) {
      flooded = true;
      onFlood.run();
    }
    return frame;
  }

  /**
   * Completes with the end frame's status once the runner ended the stream, or with null at the
   * stream's end without one.
   */
  CompletableFuture<Integer> ended() {
    return ended;
  }

  /**
   * When the stream now ends with an end frame: drops it from what is kept, notes its status, and
   * returns its length; else 0.
   */
  private int endFrame(byte[] buffer, int n) {
    int keep = Math.min(END_MAX, recent.length + n);
    byte[] last = new byte[keep];
    int fromRecent = Math.max(0, keep - n);
    System.arraycopy(recent, recent.length - fromRecent, last, 0, fromRecent);
    System.arraycopy(buffer, n - (keep - fromRecent), last, fromRecent, keep - fromRecent);
    recent = last;
    if (last.length == 0 || last[last.length - 1] != '\n') {
      return 0;
    }
    int at = lastIndexOf(last, END);
    if (at < 0) {
      return 0;
    }
    String rest =
        new String(
            last, at + END.length, last.length - at - END.length - 1, StandardCharsets.US_ASCII);
    if (rest.isEmpty()) {
      status = 0;
    } else if (rest.matches(" \\d{1,3}")) {
      status = Integer.parseInt(rest.substring(1));
    } else {
      return 0;
    }
    drop(last.length - at);
    return last.length - at;
  }

  /** Forgets the last {@code length} bytes kept: an end frame. */
  private void drop(int length) {
    count -= length;
    total = count;
    if (tailWritten == 0) {
      headLength -= length;
    } else if (tailWritten <= tailCapacity) {
      int inTail = (int) Math.min(length, tailWritten);
      tailWritten -= inTail;
      headLength -= length - inTail;
    } else {
      tailTrim = length; // a full ring: the window ends before the frame
    }
  }

  private static int lastIndexOf(byte[] haystack, byte[] needle) {
    for (int i = haystack.length - needle.length; i >= 0; i--) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  private void append(byte[] buffer, int n) {
    int offset = 0;
    if (headLength < headCapacity) {
      int take = Math.min(n, headCapacity - headLength);
      if (headLength + take > head.length) {
        head =
            Arrays.copyOf(
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

  public boolean truncated() {
    return total > (long) headCapacity + tailCapacity;
  }

  public boolean flooded() {
    return flooded;
  }

  long totalBytes() {
    return total;
  }

  /** The kept bytes as UTF-8; a truncated stream shows a marker with the number of bytes cut. */
  public String text() {
    StringBuilder out = new StringBuilder(new String(head, 0, headLength, StandardCharsets.UTF_8));
    int kept = (int) Math.min(tailWritten, tailCapacity) - tailTrim;
    byte[] end = new byte[kept];
    if (kept > 0) {
      int oldest = (int) ((tailWritten - tailTrim - kept) % tailCapacity);
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
