package dev.bulwark.internal.egress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Streams over the program's side of a connection: its Unix-socket channel, or the TLS the proxy
 * ends on it ({@link TlsChannel}). One thread may read while another writes (the relay's two
 * directions): {@code Channels.newInputStream} would not do, as it holds a lock a writer needs too.
 */
final class ChannelStreams {
  /** Reads into {@code b[off, off + len)}: how many bytes (some, when len > 0); -1 at the end. */
  @FunctionalInterface
  interface Reader {
    int read(byte[] b, int off, int len) throws IOException;
  }

  /** Writes some of what {@code src} has left. */
  @FunctionalInterface
  interface Writer {
    void write(ByteBuffer src) throws IOException;
  }

  private ChannelStreams() {}

  static InputStream in(SocketChannel channel) {
    return input((b, off, len) -> {
      int n;
      do {
        n = channel.read(ByteBuffer.wrap(b, off, len));
      } while (n == 0 && len > 0);
      return n;
    });
  }

  static OutputStream out(SocketChannel channel) {
    return output(channel::write);
  }

  static InputStream input(Reader reader) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return reader.read(b, off, len);
      }
    };
  }

  /** Writes each array whole: the writer is called until nothing is left. */
  static OutputStream output(Writer writer) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(b, off, len);
        while (src.hasRemaining()) {
          writer.write(src);
        }
      }
    };
  }
}
