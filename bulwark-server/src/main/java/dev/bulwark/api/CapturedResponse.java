package dev.bulwark.api;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * An answer held until the filter that made it ({@link McpGuard}) has looked at it: status and body
 * are kept; headers pass straight through.
 */
final class CapturedResponse extends HttpServletResponseWrapper {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintWriter writer;
  private int status = SC_OK;

  CapturedResponse(HttpServletResponse response) {
    super(response);
  }

  int status() {
    return status;
  }

  byte[] bytes() {
    if (writer != null) {
      writer.flush();
    }
    return out.toByteArray();
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
  }

  @Override
  public void sendError(int sc) {
    status = sc;
  }

  @Override
  public void sendError(int sc, String msg) {
    status = sc;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void setContentLength(int len) {
    // the guard sets the length of what it writes
  }

  @Override
  public void setContentLengthLong(long len) {
    // the guard sets the length of what it writes
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return new ServletOutputStream() {
      @Override
      public void write(int b) {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        out.write(b, off, len);
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {
        throw new IllegalStateException("the answer is written synchronously");
      }
    };
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer = new PrintWriter(out, false, StandardCharsets.UTF_8);
    }
    return writer;
  }

  @Override
  public void flushBuffer() {
    // held until the guard writes
  }
}
