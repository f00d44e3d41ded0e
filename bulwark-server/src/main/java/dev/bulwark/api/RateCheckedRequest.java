package dev.bulwark.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.time.Duration;

/**
 * A request whose body must come at a minimum rate once a grace has passed, counted from the
 * handler's first read ({@link SlowClients}). Jetty's own check counts from the body's first byte
 * and has no grace: on a busy host, a handler that starts reading a small body a few hundred
 * milliseconds after it arrived was refused with 408, though the client had sent everything. Here,
 * bytes that wait in the server's buffers are read at once and never count against the client; only
 * a body that keeps the handler waiting does.
 */
final class RateCheckedRequest extends HttpServletRequestWrapper {
  private final long bytesPerSecond;
  private final long graceNanos;
  private ServletInputStream checked;

  RateCheckedRequest(HttpServletRequest request, long bytesPerSecond, Duration grace) {
    super(request);
    this.bytesPerSecond = bytesPerSecond;
    this.graceNanos = grace.toNanos();
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (checked == null) {
      checked = new Checked(super.getInputStream());
    }
    return checked;
  }

  private final class Checked extends ServletInputStream {
    private final ServletInputStream in;
    private long started = Long.MIN_VALUE;
    private long read;

    Checked(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      begin();
      int b = in.read();
      count(b < 0 ? -1 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      begin();
      int n = in.read(b, off, len);
      count(n);
      return n;
    }

    private void begin() {
      if (started == Long.MIN_VALUE) {
        started = System.nanoTime();
      }
    }

    /** After each read: the bytes so far against what the rate asks once the grace is over. */
    private void count(int n) {
      if (n > 0) {
        read += n;
      }
      long late = System.nanoTime() - started - graceNanos;
      if (n >= 0 && late > 0 && read < bytesPerSecond * late / 1_000_000_000L) {
        throw new ApiError(
            408,
            "request_timeout",
            "the request body came slower than " + bytesPerSecond + " bytes a second");
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
