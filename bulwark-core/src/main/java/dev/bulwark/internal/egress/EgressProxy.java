package dev.bulwark.internal.egress;

import dev.bulwark.EgressConfig;
import dev.bulwark.model.NetworkAttempt;
import dev.bulwark.spi.EgressSession;
import java.io.IOException;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The host-side egress proxy (DESIGN.md §5). A sandbox has no network but its own loopback; a run
 * whose policy allows hosts gets a {@link Session}: a Unix socket in its code directory, which the
 * runner inside exposes as {@code 127.0.0.1:3128} with {@code HTTP(S)_PROXY} pointing there.
 * Through it a program may open HTTP CONNECT tunnels and send plain HTTP requests, each checked
 * against the run's allow-list, with the name resolved here and the address pinned. The CONNECT
 * authority, the TLS server name and the HTTP Host must agree. Every attempt is recorded; the bytes
 * and connections of a run are capped.
 *
 * <p>One per engine, made at its start from the operator's {@link EgressConfig}; immutable after
 * that and thread-safe: {@link #open} is called from any thread, once per run.
 *
 * <p>Inside, one class per concern: {@link ProxySession} (one run's socket and the lifecycle of its
 * connections), {@link Connection} (one connection, first byte to record) and {@link Relay} (its
 * bytes); {@link Admission} (the decision, a pure function to a {@link Verdict}) with {@link
 * Destinations} and {@link Addresses} (where a host may go); {@link Credentials} and {@link
 * Interception} (credential injection, in clear or by ending TLS); {@link Attempt}, {@link
 * Attempts} and {@link Caps} (the record and the caps).
 */
public final class EgressProxy {
  /** The port the sandbox's forwarder listens on, inside the sandbox's own network. */
  public static final int SANDBOX_PORT = 3128;

  /** Attempts one run records; a program looping on refused connections is not kept whole. */
  public static final int MAX_RECORDS = 256;

  /** One run's proxy: its socket, its connections, what they did. */
  public sealed interface Session extends EgressSession permits ProxySession {
    /**
     * Every attempt that has ended, in the order the program opened them (a kept-alive connection
     * ends after later ones); past {@value #MAX_RECORDS}, one more entry says how many were not
     * kept. Any thread, any time: a snapshot, final once {@link #close()} has returned.
     */
    List<NetworkAttempt> attempts();

    /**
     * Ends every connection and removes the socket; the run is over. Returns once each connection
     * has recorded its attempt (or after a second), so that {@link #attempts()} is final.
     */
    @Override
    void close();
  }

  private final EgressConfig config;
  private final Admission admission;
  private final Credentials credentials;
  private final Interception interception;

  /**
   * @throws IllegalArgumentException when the upstream CA file cannot be read
   */
  public EgressProxy(EgressConfig config) {
    this(config, InetAddress::getAllByName);
  }

  EgressProxy(EgressConfig config, Destinations.Resolver resolver) {
    this.config = config;
    this.admission = new Admission(new Destinations(config, resolver));
    this.credentials = new Credentials(config);
    this.interception = new Interception(config);
  }

  /** The interception CA's certificate (PEM) for the sandboxes to trust; empty without one. */
  public Optional<String> caPem() {
    return interception.caPem();
  }

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
    ProxySession session = new ProxySession(this, server, socket, allow);
    session.start();
    return session;
  }

  EgressConfig config() {
    return config;
  }

  Admission admission() {
    return admission;
  }

  Credentials credentials() {
    return credentials;
  }

  Interception interception() {
    return interception;
  }
}
