package dev.bulwark.internal.egress;

import java.io.IOException;
import java.io.InputStream;

/** Bytes already read, then the rest of the stream: what came first in a tunnel, read again. */
final class PrefixedInput extends InputStream {
  private final byte[] prefix;
  private final InputStream rest;
  private int at;

  PrefixedInput(byte[] prefix, InputStream rest) {
    this.prefix = prefix;
    this.rest = rest;
  }

  @Override
  public int read() throws IOException {
    return at < prefix.length ? prefix[at++] & 0xff : rest.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (at < prefix.length) {
      int n = Math.min(len, prefix.length - at);
      System.arraycopy(prefix, at, b, off, n);
      at += n;
      return n;
    }
    return rest.read(b, off, len);
  }
}
