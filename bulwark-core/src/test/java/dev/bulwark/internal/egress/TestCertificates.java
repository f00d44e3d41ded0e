package dev.bulwark.internal.egress;

import javax.net.ssl.SSLContext;

/** A server certificate for tests, from a CA of its own: the "real" HTTPS server upstream. */
public final class TestCertificates {
  private final InterceptCa ca = InterceptCa.create();

  /** A TLS context that presents a certificate for {@code host}. */
  public SSLContext serverFor(String host) {
    return ca.serverContext(host);
  }

  /** The CA that issued it, PEM: what the proxy must trust to verify that server. */
  public String caPem() {
    return ca.pem();
  }
}
