package dev.bulwark.egress;

import dev.bulwark.model.NetworkAttempt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host-side egress proxy (DESIGN.md §5). A sandbox has no network but its own loopback; a run
 * whose policy allows hosts gets a {@link Session}: a Unix socket in its code directory, which the
 * runner inside exposes as {@code 127.0.0.1:3128} with {@code HTTP(S)_PROXY} pointing there.
 * Through it a program may open HTTP CONNECT tunnels and send plain HTTP requests, each checked
 * against the run's allow-list ({@link Destinations}), with the name resolved here and the address
 * pinned. The CONNECT authority, the TLS server name and the HTTP Host must agree. Every attempt is
 * recorded; the bytes and connections of a run are capped.
 */
public final class EgressProxy {
  /** The port the sandbox's forwarder listens on, inside the sandbox's own network. */
  public static final int SANDBOX_PORT = 3128;

  private static final int CONNECT_TIMEOUT_MS = 10_000;

  /** Attempts one run records; a program looping on refused connections is not kept whole. */
  public static final int MAX_RECORDS = 256;

  private final EgressConfig config;
  private final Destinations destinations;
  private final InterceptCa ca; // null without interception
  private final javax.net.ssl.SSLContext upstreamTls; // null without interception

  /**
   * @throws IllegalArgumentException when the upstream CA file cannot be read
   */
  public EgressProxy(EgressConfig config) {
    this(config, InetAddress::getAllByName);
  }

  EgressProxy(EgressConfig config, Destinations.Resolver resolver) {
    this.config = config;
    this.destinations = new Destinations(config, resolver);
    boolean intercepting = !config.intercept().isEmpty();
    this.ca = intercepting ? InterceptCa.create() : null;
    this.upstreamTls = intercepting ? upstreamContext(config.upstreamCa()) : null;
  }

  public EgressConfig config() {
    return config;
  }

  /** The interception CA's certificate (PEM) for the sandboxes to trust; empty without one. */
  public java.util.Optional<String> caPem() {
    return ca == null ? java.util.Optional.empty() : java.util.Optional.of(ca.pem());
  }

  /** The JDK's trust anchors, and the operator's CA file's certificates. */
  private static javax.net.ssl.SSLContext upstreamContext(Path extra) {
    try {
      java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      javax.net.ssl.TrustManagerFactory jdk =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      jdk.init((java.security.KeyStore) null);
      int n = 0;
      for (javax.net.ssl.TrustManager tm : jdk.getTrustManagers()) {
        if (tm instanceof javax.net.ssl.X509TrustManager x) {
          for (java.security.cert.X509Certificate c : x.getAcceptedIssuers()) {
            trust.setCertificateEntry("jdk-" + n++, c);
          }
        }
      }
      if (extra != null) {
        try (InputStream in = Files.newInputStream(extra)) {
          for (java.security.cert.Certificate c :
              java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            trust.setCertificateEntry("operator-" + n++, c);
          }
        }
      }
      javax.net.ssl.TrustManagerFactory tmf =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the upstream CA " + extra + ": " + e.getMessage(), e);
    }
  }

  /** The program's side and the destination's side of one allowed connection. */
  private record Leg(
      InputStream clientIn, OutputStream clientOut, Runnable clientDone, Socket upstream) {}

  /**
   * Opens a run's proxy at {@code socket}, writable by any uid (the sandbox's), until closed.
   *
   * @param allow the run's allow-list, as its policy says
   */
  public Session open(Path socket, List<String> allow) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(socket));
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    Session session = new Session(server, socket, List.copyOf(allow));
    Thread.ofVirtual()
        .name("bulwark-egress-" + socket.getParent().getFileName())
        .start(session::serve);
    return session;
  }

  /** One run's proxy: its socket, its connections, what they did. */
  public final class Session implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Path socket;
    private final List<String> allow;

    /** Ended attempts by the order their connections were accepted; guarded by itself. */
    private final SortedMap<Long, NetworkAttempt> attempts = new TreeMap<>();

    private final AtomicLong accepted = new AtomicLong();
    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong unrecorded = new AtomicLong();
    private volatile boolean closed;

    private Session(ServerSocketChannel server, Path socket, List<String> allow) {
      this.server = server;
      this.socket = socket;
      this.allow = allow;
    }

    /**
     * Every attempt that has ended, in the order the program opened them (a kept-alive connection
     * ends after later ones); past {@value #MAX_RECORDS}, one more entry says how many were not
     * kept.
     */
    public List<NetworkAttempt> attempts() {
      List<NetworkAttempt> out;
      synchronized (attempts) {
        out = new ArrayList<>(attempts.values());
      }
      long more = unrecorded.get();
      if (more > 0) {
        out.add(
            new NetworkAttempt(
                "", 0, "?", false, more + " more attempts, not recorded one by one", "", 0, 0));
      }
      return List.copyOf(out);
    }

    private void record(long order, NetworkAttempt attempt) {
      synchronized (attempts) {
        if (attempts.size() < MAX_RECORDS) {
          attempts.put(order, attempt);
          return;
        }
      }
      unrecorded.incrementAndGet();
    }

    private void serve() {
      while (!closed) {
        SocketChannel client;
        try {
          client = server.accept();
        } catch (IOException e) {
          return; // closed
        }
        open.add(client);
        long order = accepted.getAndIncrement();
        handlers.add(
            Thread.ofVirtual()
                .name("bulwark-egress-conn")
                .start(() -> {
                  try {
                    handle(client, order);
                  } finally {
                    handlers.remove(Thread.currentThread());
                  }
                }));
      }
    }

    private void handle(SocketChannel client, long order) {
      Attempt a = new Attempt();
      Socket upstream = null;
      try (client) {
        InputStream in = new ChannelIn(client);
        OutputStream out = new ChannelOut(client);
        HttpHead head;
        try {
          head = HttpHead.read(in);
        } catch (HttpHead.Malformed e) {
          a.refuse("not a proxy request: " + e.getMessage());
          respond(out, 400, a.reason);
          return;
        }
        if (connections.incrementAndGet() > config.maxConnections()) {
          a.via = head.method().equals("CONNECT") ? "CONNECT" : "HTTP";
          a.refuse("the run's cap of " + config.maxConnections() + " connections was reached");
          respond(out, 429, a.reason);
          return;
        }
        Leg leg =
            head.method().equals("CONNECT")
                ? tunnel(client, head, in, out, a)
                : request(client, head, in, out, a);
        if (leg == null) {
          return;
        }
        upstream = leg.upstream();
        relay(leg, a);
      } catch (IOException e) {
        if (a.allowed && a.reason.isEmpty() && !closed) {
          a.reason = "ended: " + e.getMessage();
        }
      } finally {
        closeQuietly(upstream);
        open.remove(client);
        if (a.host != null || !a.reason.isEmpty()) {
          record(order, a.record());
        }
      }
    }

    /** A CONNECT: check the authority, answer 200, check what comes first, then connect. */
    private Leg tunnel(
        SocketChannel client, HttpHead head, InputStream in, OutputStream out, Attempt a)
        throws IOException {
      a.via = "CONNECT";
      int colon = head.target().lastIndexOf(':');
      if (colon <= 0 || head.target().contains("@") || head.target().contains("/")) {
        a.refuse("CONNECT needs HOST:PORT");
        respond(out, 400, a.reason);
        return null;
      }
      a.host = host(head.target().substring(0, colon));
      a.port = port(head.target().substring(colon + 1));
      Destinations.Decision d = destinations.decide(allow, a.host, a.port);
      if (d.refusal() != null) {
        a.refuse(d.refusal());
        respond(out, 403, a.reason);
        return null;
      }
      out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] first = head.rest();
      if (first.length == 0) {
        int b = in.read();
        if (b < 0) {
          return null; // opened and closed: nothing went anywhere
        }
        first = new byte[] {(byte) b};
      }
      byte[] initial;
      if (ClientHello.isTls(first[0] & 0xff)) {
        ClientHello.Read hello = ClientHello.read(first, in);
        if (hello.serverName().isPresent() && !hello.serverName().get().equals(stripDot(a.host))) {
          a.refuse(
              "the TLS server name "
                  + hello.serverName().get()
                  + " differs from the tunnel's host "
                  + a.host);
          return null; // after the 200 only closing the connection can refuse
        }
        if (config.intercept().contains(stripDot(a.host))) {
          return intercept(client, hello, d, a);
        }
        initial = hello.bytes();
      } else {
        HttpHead inner = HttpHead.read(new Prefixed(first, in));
        String refusal = hostMismatch(inner.header("Host"), a.host);
        if (refusal != null) {
          a.refuse(refusal);
          respond(out, 403, refusal);
          return null;
        }
        initial = concat(inner.forward(inner.target(), credentials(a.host), false), inner.rest());
      }
      Socket s = connect(d, a);
      s.getOutputStream().write(initial);
      a.sent(initial.length, this);
      return new Leg(in, out, () -> shutdownOutput(client), s);
    }

    /**
     * Interception mode: end the program's TLS with a certificate of the engine's CA, read its
     * request, add the credentials, and send it over a TLS connection of the proxy's own that
     * verifies the real server. One request per tunnel (Connection: close).
     */
    private Leg intercept(
        SocketChannel client, ClientHello.Read hello, Destinations.Decision d, Attempt a)
        throws IOException {
      String host = stripDot(a.host);
      javax.net.ssl.SSLEngine engine = ca.serverContext(host).createSSLEngine();
      engine.setUseClientMode(false);
      TlsChannel tls = new TlsChannel(client, engine, hello.bytes());
      tls.handshake();
      HttpHead inner = HttpHead.read(tls.in());
      String refusal = hostMismatch(inner.header("Host"), a.host);
      if (refusal != null) {
        a.refuse(refusal);
        respond(tls.out(), 403, refusal);
        tls.closeOutbound();
        return null;
      }
      Socket raw = connect(d, a);
      javax.net.ssl.SSLSocket up =
          (javax.net.ssl.SSLSocket)
              upstreamTls.getSocketFactory().createSocket(raw, host, a.port, true);
      open.add(up);
      javax.net.ssl.SSLParameters p = up.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS");
      if (!dev.bulwark.policy.Hosts.isIpLiteral(host)) {
        p.setServerNames(List.of(new javax.net.ssl.SNIHostName(host)));
      }
      up.setSSLParameters(p);
      try {
        up.startHandshake();
      } catch (IOException e) {
        a.reason = "the real server failed TLS verification: " + e.getMessage();
        respond(tls.out(), 403, "bulwark could not verify " + host + "'s certificate");
        tls.closeOutbound();
        closeQuietly(up);
        return null;
      }
      byte[] initial =
          concat(inner.forward(inner.target(), credentials(a.host), true), inner.rest());
      up.getOutputStream().write(initial);
      a.sent(initial.length, this);
      return new Leg(tls.in(), tls.out(), tls::closeOutbound, up);
    }

    /** A plain request in absolute form: check it, then send it on in origin form. */
    private Leg request(
        SocketChannel client, HttpHead head, InputStream in, OutputStream out, Attempt a)
        throws IOException {
      a.via = "HTTP";
      String target = head.target();
      if (!target.regionMatches(true, 0, "http://", 0, 7)) {
        a.refuse("a proxy request names an http:// URL (use CONNECT for anything else)");
        respond(out, 400, a.reason);
        return null;
      }
      int pathAt = indexOfAny(target, 7, "/?#");
      String authority = target.substring(7, pathAt);
      String path = pathAt == target.length() ? "/" : target.substring(pathAt);
      if (path.startsWith("?")) {
        path = "/" + path;
      }
      int colon = authority.lastIndexOf(':');
      boolean hasPort = colon > 0 && !authority.endsWith("]");
      a.host = host(hasPort ? authority.substring(0, colon) : authority);
      a.port = hasPort ? port(authority.substring(colon + 1)) : 80;
      if (authority.contains("@") || a.host.isEmpty()) {
        a.refuse("a URL with user information or no host");
        respond(out, 400, a.reason);
        return null;
      }
      String refusal = hostMismatch(head.header("Host"), a.host);
      Destinations.Decision d =
          refusal != null
              ? Destinations.Decision.refuse(refusal)
              : destinations.decide(allow, a.host, a.port);
      if (d.refusal() != null) {
        a.refuse(d.refusal());
        respond(out, 403, a.reason);
        return null;
      }
      Socket s = connect(d, a);
      byte[] initial = concat(head.forward(path, credentials(a.host), true), head.rest());
      s.getOutputStream().write(initial);
      a.sent(initial.length, this);
      return new Leg(in, out, () -> shutdownOutput(client), s);
    }

    private Socket connect(Destinations.Decision d, Attempt a) throws IOException {
      Socket s = new Socket();
      open.add(s);
      a.address = d.address().getAddress().getHostAddress() + ":" + d.address().getPort();
      try {
        s.connect(d.address(), CONNECT_TIMEOUT_MS);
      } catch (IOException e) {
        a.reason = "cannot connect: " + e.getMessage();
        closeQuietly(s);
        throw e;
      }
      return s;
    }

    /** Both directions until either ends; the run's byte cap cuts both. */
    private void relay(Leg leg, Attempt a) {
      Socket upstream = leg.upstream();
      Thread down =
          Thread.ofVirtual()
              .name("bulwark-egress-down")
              .start(() -> {
                byte[] buf = new byte[16 * 1024];
                try {
                  InputStream from = upstream.getInputStream();
                  for (int n; (n = from.read(buf)) >= 0; ) {
                    if (!a.received(n, this)) {
                      break;
                    }
                    leg.clientOut().write(buf, 0, n);
                  }
                } catch (IOException e) {
                  // either side went away
                } finally {
                  leg.clientDone().run();
                }
              });
      byte[] buf = new byte[16 * 1024];
      try {
        OutputStream to = upstream.getOutputStream();
        for (int n; (n = leg.clientIn().read(buf)) >= 0; ) {
          if (!a.sent(n, this)) {
            break;
          }
          to.write(buf, 0, n);
        }
        if (!(upstream instanceof javax.net.ssl.SSLSocket)) {
          upstream.shutdownOutput(); // TLS has no half-close: the server ends the exchange
        }
      } catch (IOException e) {
        // either side went away
      }
      try {
        down.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private List<String> credentials(String host) {
      return config.credentials().getOrDefault(stripDot(host), List.of());
    }

    /**
     * Ends every connection and removes the socket; the run is over. Returns once each connection
     * has recorded its attempt (or after a second), so that {@link #attempts()} is final.
     */
    @Override
    public void close() {
      closed = true;
      closeQuietly(server);
      for (AutoCloseable c : open) {
        closeQuietly(c);
      }
      long deadline = System.nanoTime() + 1_000_000_000L;
      for (Thread t : handlers) {
        try {
          t.join(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      try {
        Files.deleteIfExists(socket);
      } catch (IOException e) {
        // the run directory's removal takes it
      }
    }
  }

  /** One connection's record while it lasts. */
  private final class Attempt {
    String host;
    int port;
    String via = "?";
    boolean allowed = true;
    String reason = "";
    String address = "";
    final AtomicLong sent = new AtomicLong();
    final AtomicLong received = new AtomicLong();

    void refuse(String why) {
      allowed = false;
      reason = why;
    }

    /** Counts bytes out; false when the run's cap is reached (the connection is cut). */
    boolean sent(long n, Session s) {
      sent.addAndGet(n);
      return within(n, s);
    }

    boolean received(long n, Session s) {
      received.addAndGet(n);
      return within(n, s);
    }

    private boolean within(long n, Session s) {
      if (s.bytes.addAndGet(n) > config.maxBytes()) {
        reason = "cut: the run's network cap of " + config.maxBytes() + " bytes was reached";
        return false;
      }
      return true;
    }

    NetworkAttempt record() {
      return new NetworkAttempt(
          host == null ? "" : host,
          port,
          via,
          allowed,
          reason,
          allowed ? address : "",
          sent.get(),
          received.get());
    }
  }

  /** Why a Host header does not name the destination, or null when it does (or is absent). */
  private static String hostMismatch(String hostHeader, String host) {
    if (hostHeader == null) {
      return null;
    }
    String h = hostHeader.strip().toLowerCase(Locale.ROOT);
    int colon = h.lastIndexOf(':');
    if (colon > 0 && !h.endsWith("]")) {
      h = h.substring(0, colon);
    }
    return stripDot(h).equals(stripDot(host))
        ? null
        : "the Host header " + hostHeader.strip() + " differs from the destination " + host;
  }

  private static String host(String raw) {
    return raw.strip().toLowerCase(Locale.ROOT);
  }

  private static String stripDot(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int indexOfAny(String s, int from, String chars) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A refusal the program reads: the status line says it is Bulwark's, the body says why. */
  private static void respond(OutputStream out, int status, String why) {
    // The reason phrase carries the why, as most clients print it (HTTP Error 403: ...).
    String phrase = ("Bulwark egress refused: " + why).replaceAll("[^\\x20-\\x7e]", "?");
    byte[] body = ("bulwark egress: " + why + "\n").getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + phrase
            + "\r\nContent-Type: text/plain; charset=utf-8\r\nX-Bulwark-Refusal: "
            + why.replaceAll("[\\r\\n]", " ")
            + "\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    try {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
    } catch (IOException e) {
      // the program went away
    }
  }

  private static void shutdownOutput(SocketChannel c) {
    try {
      c.shutdownOutput();
    } catch (IOException e) {
      // already closed
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // closing
    }
  }

  /** Reads a channel directly: Channels.newInputStream would hold a lock a writer needs too. */
  private static final class ChannelIn extends InputStream {
    private final SocketChannel ch;

    ChannelIn(SocketChannel ch) {
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

  private static final class ChannelOut extends OutputStream {
    private final SocketChannel ch;

    ChannelOut(SocketChannel ch) {
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

  /** Bytes already read, then the rest of the stream. */
  private static final class Prefixed extends InputStream {
    private final byte[] prefix;
    private final InputStream rest;
    private int at;

    Prefixed(byte[] prefix, InputStream rest) {
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
}
