package dev.bulwark.egress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Streams over the program's Unix-socket channel, read by one thread while another writes (the
 * relay's two directions). {@code Channels.newInputStream} would not do: it holds a lock that a
 * writer needs too.
 */
final class ChannelStreams {
  private ChannelStreams() {}

  static InputStream in(SocketChannel channel) {
    return new In(channel);
  }

  static OutputStream out(SocketChannel channel) {
    return new Out(channel);
  }

  private static final class In extends InputStream {
    private final SocketChannel ch;

    In(SocketChannel ch) {
      this.ch = ch;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      do {
        n = ch.read(ByteBuffer.wrap(b, off, len));
      } while (n == 0 && len > 0);
      return n;
    }
  }

  private static final class Out extends OutputStream {
    private final SocketChannel ch;

    Out(SocketChannel ch) {
      this.ch = ch;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ByteBuffer bb = ByteBuffer.wrap(b, off, len);
      while (bb.hasRemaining()) {
        ch.write(bb);
      }
    }
  }
}
