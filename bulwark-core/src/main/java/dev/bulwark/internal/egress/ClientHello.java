package dev.bulwark.internal.egress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The first message of a TLS connection, read before the proxy connects anywhere: its server name
 * (SNI) must be the host the tunnel was asked for, so that a tunnel to an allowed host cannot carry
 * a session to another one behind the same address (domain fronting).
 */
final class ClientHello {
  /** A ClientHello fits one record in practice; more than this is not one. */
  private static final int MAX = 64 * 1024;

  /** The bytes read (to send on unchanged) and the name the client asked for, if any. */
  record Read(byte[] bytes, Optional<String> serverName) {}

  private ClientHello() {}

  /** True when {@code first} starts a TLS handshake record. */
  static boolean isTls(int first) {
    return first == 0x16;
  }

  /**
   * Reads the handshake records that hold the ClientHello, after {@code head} (bytes already read).
   *
   * @throws IOException when the stream ends first or the message is not a ClientHello
   */
  static Read read(byte[] head, InputStream in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.write(head);
    ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    int offset = 0;
    int needed = -1; // the handshake's length, once its header is in
    while (needed < 0 || handshake.size() < needed) {
      byte[] all = need(raw, in, offset + 5);
      if ((all[offset] & 0xff) != 0x16) {
        throw new IOException("not a TLS handshake");
      }
      int length = ((all[offset + 3] & 0xff) << 8) | (all[offset + 4] & 0xff);
      all = need(raw, in, offset + 5 + length);
      handshake.write(all, offset + 5, length);
      offset += 5 + length;
      byte[] h = handshake.toByteArray();
      if (needed < 0 && h.length >= 4) {
        if (h[0] != 1) {
          throw new IOException("not a ClientHello");
        }
        needed = 4 + (((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff));
      }
      if (offset > MAX) {
        throw new IOException("a ClientHello over " + MAX + " bytes");
      }
    }
    return new Read(raw.toByteArray(), serverName(handshake.toByteArray()));
  }

  /** The host_name of the server_name extension; empty when the client sent none. */
  static Optional<String> serverName(byte[] h) throws IOException {
    try {
      int p = 4 + 2 + 32; // handshake header, client_version, random
      p += 1 + (h[p] & 0xff); // session_id
      p += 2 + u16(h, p); // cipher_suites
      p += 1 + (h[p] & 0xff); // compression_methods
      if (p >= h.length) {
        return Optional.empty(); // no extensions
      }
      int end = p + 2 + u16(h, p);
      p += 2;
      while (p + 4 <= end) {
        int type = u16(h, p);
        int length = u16(h, p + 2);
        p += 4;
        if (type == 0) { // server_name: list length, then entries of type, length, name
          int q = p + 2;
          while (q + 3 <= p + length) {
            int nameType = h[q] & 0xff;
            int nameLength = u16(h, q + 1);
            if (nameType == 0) {
              return Optional.of(
                  new String(h, q + 3, nameLength, StandardCharsets.US_ASCII)
                      .toLowerCase(Locale.ROOT));
            }
            q += 3 + nameLength;
          }
        }
        p += length;
      }
      return Optional.empty();
    } catch (IndexOutOfBoundsException e) {
      throw new IOException("a malformed ClientHello", e);
    }
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  /** The bytes so far, reading from {@code in} until there are at least {@code count}. */
  private static byte[] need(ByteArrayOutputStream raw, InputStream in, int count)
      throws IOException {
    while (raw.size() < count) {
      byte[] chunk = new byte[Math.min(16 * 1024, count - raw.size())];
      int n = in.read(chunk);
      if (n < 0) {
        throw new IOException("the connection ended inside the ClientHello");
      }
      raw.write(chunk, 0, n);
    }
    return raw.toByteArray();
  }
}
