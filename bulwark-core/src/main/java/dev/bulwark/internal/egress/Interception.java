package dev.bulwark.internal.egress;

import dev.bulwark.EgressConfig;
import dev.bulwark.internal.net.Hosts;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The interception mode's two TLS ends. For a host the operator named ({@link
 * EgressConfig#intercept()}) the proxy ends the program's TLS itself, with a certificate of the
 * engine's {@link InterceptCa}, so that it can read the request and add the credentials; and it
 * opens its own TLS connection to the real server, verified as any client would verify it (the
 * JDK's trust anchors and the operator's {@link EgressConfig#upstreamCa()}).
 *
 * <p>One per engine, made at its start; with no host to intercept it makes no CA at all. Immutable
 * after construction and thread-safe: connections of every run call it from their own threads, and
 * the CA issues each host's certificate once.
 */
final class Interception {
  private final Set<String> hosts;
  private final InterceptCa ca; // null: no host to intercept
  private final SSLContext upstream; // null: no host to intercept

  /**
   * @throws IllegalArgumentException when the upstream CA file cannot be read
   */
  Interception(EgressConfig config) {
    this.hosts = config.intercept();
    boolean intercepting = !hosts.isEmpty();
    this.ca = intercepting ? InterceptCa.create() : null;
    this.upstream = intercepting ? upstreamContext(config.upstreamCa()) : null;
  }

  /**
   * @param name a destination without the root's dot ({@link Verdict#name()})
   */
  boolean covers(String name) {
    return hosts.contains(name);
  }

  /** The CA's certificate (PEM) for the sandboxes to trust; empty without interception. */
  Optional<String> caPem() {
    return ca == null ? Optional.empty() : Optional.of(ca.pem());
  }

  /**
   * Ends the program's TLS as {@code name}: completes the handshake its ClientHello began.
   *
   * @param clientHello the bytes the proxy read before it decided
   */
  TlsChannel terminate(SocketChannel program, byte[] clientHello, String name) throws IOException {
    SSLEngine engine = ca.serverContext(name).createSSLEngine();
    engine.setUseClientMode(false);
    TlsChannel tls = new TlsChannel(program, engine, clientHello);
    tls.handshake();
    return tls;
  }

  /**
   * The proxy's own TLS over {@code raw} to the real server, which must prove it is {@code name};
   * its handshake is the caller's to start, as its failure is the attempt's reason.
   */
  SSLSocket toServer(Socket raw, String name, int port) throws IOException {
    SSLSocket socket = (SSLSocket) upstream.getSocketFactory().createSocket(raw, name, port, true);
    SSLParameters p = socket.getSSLParameters();
    p.setEndpointIdentificationAlgorithm("HTTPS");
    if (!Hosts.isIpLiteral(name)) {
      p.setServerNames(List.of(new SNIHostName(name)));
    }
    socket.setSSLParameters(p);
    return socket;
  }

  /** The JDK's trust anchors, and the operator's CA file's certificates. */
  private static SSLContext upstreamContext(Path extra) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      TrustManagerFactory jdk =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      jdk.init((KeyStore) null);
      int n = 0;
      for (TrustManager tm : jdk.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          for (X509Certificate c : x.getAcceptedIssuers()) {
            trust.setCertificateEntry("jdk-" + n++, c);
          }
        }
      }
      if (extra != null) {
        try (InputStream in = Files.newInputStream(extra)) {
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            trust.setCertificateEntry("operator-" + n++, c);
          }
        }
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the upstream CA " + extra + ": " + e.getMessage(), e);
    }
  }
}
