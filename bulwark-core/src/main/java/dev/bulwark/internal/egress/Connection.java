package dev.bulwark.internal.egress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection the program opened to its run's proxy, from its first byte to its record: read the
 * request, count it against the run's connection cap, ask {@link Admission}, answer a refusal so
 * that the program can read it, connect to the pinned address with the credentials put in, then
 * {@link Relay} until either side ends.
 *
 * <p>{@link #handle} runs once, on the virtual thread {@link ProxySession} starts for the
 * connection (the relay adds one more). Every socket it opens is tracked by the session before it
 * can block, so that closing the session cuts it; its {@link Attempt} is recorded exactly once,
 * when it ends, under the order the session accepted it in.
 */
final class Connection {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final byte[] ESTABLISHED =
      "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final EgressProxy proxy;
  private final ProxySession session;
  private final SocketChannel client;
  private final long order;
  private final Attempt attempt;

  /**
   * @param order the connection's place among the run's, as the session accepted them
   */
  Connection(EgressProxy proxy, ProxySession session, SocketChannel client, long order) {
    this.proxy = proxy;
    this.session = session;
    this.client = client;
    this.order = order;
    this.attempt = new Attempt(session.caps());
  }

  void handle() {
    Socket upstream = null;
    try (client) {
      InputStream in = ChannelStreams.in(client);
      OutputStream out = ChannelStreams.out(client);
      HttpHead head;
      try {
        head = HttpHead.read(in);
      } catch (HttpHead.Malformed e) {
        refuse(out, Admission.unreadable(e));
        return;
      }
      boolean tunnel = head.method().equals("CONNECT");
      String capped = session.caps().openConnection();
      if (capped != null) {
        attempt.via(tunnel ? "CONNECT" : "HTTP");
        attempt.refuse(capped);
        respond(out, 429, capped);
        return;
      }
      Relay relay = tunnel ? tunnel(head, in, out) : request(head, in, out);
      if (relay == null) {
        return;
      }
      upstream = relay.upstream();
      relay.run(attempt);
    } catch (IOException e) {
      if (!session.closed()) { // closing the session cuts connections: that is no reason of theirs
        attempt.ended(e);
      }
    } finally {
      Closing.close(upstream);
      session.untrack(client);
      if (attempt.worthRecording()) {
        session.record(order, attempt);
      }
    }
  }

  /** A CONNECT: decide on its authority, answer 200, check what comes first, then connect. */
  private Relay tunnel(HttpHead head, InputStream in, OutputStream out) throws IOException {
    attempt.via("CONNECT");
    Verdict tunnel = proxy.admission().tunnel(session.allow(), head.target());
    if (!tunnel.allowed()) {
      return refuse(out, tunnel);
    }
    attempt.target(tunnel);
    out.write(ESTABLISHED);
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
      Verdict named = Admission.serverName(tunnel, hello.serverName());
      if (!named.allowed()) {
        attempt.refuse(named.refusal());
        return null; // after the 200 only closing the connection can refuse
      }
      if (proxy.interception().covers(tunnel.name())) {
        return intercept(hello, tunnel);
      }
      initial = hello.bytes();
    } else {
      HttpHead inner = HttpHead.read(new PrefixedInput(first, in));
      Verdict asked = Admission.innerHost(tunnel, inner.header("Host"));
      if (!asked.allowed()) {
        return refuse(out, asked);
      }
      initial = proxy.credentials().outgoing(inner, inner.target(), tunnel.name(), false);
    }
    return relay(connect(tunnel), initial, in, out);
  }

  /**
   * Interception mode: end the program's TLS, read its request, check its Host, add the
   * credentials, and send it over the proxy's own TLS connection, which verifies the real server.
   * One request per tunnel (Connection: close).
   */
  private Relay intercept(ClientHello.Read hello, Verdict tunnel) throws IOException {
    String name = tunnel.name();
    TlsChannel tls = proxy.interception().terminate(client, hello.bytes(), name);
    HttpHead inner = HttpHead.read(tls.in());
    Verdict asked = Admission.innerHost(tunnel, inner.header("Host"));
    if (!asked.allowed()) {
      refuse(tls.out(), asked);
      tls.closeOutbound();
      return null;
    }
    Socket raw = connect(tunnel);
    SSLSocket up = proxy.interception().toServer(raw, name, tunnel.port());
    session.track(up);
    try {
      up.startHandshake();
    } catch (IOException e) {
      attempt.stop("the real server failed TLS verification: " + e.getMessage());
      respond(tls.out(), 403, "bulwark could not verify " + name + "'s certificate");
      tls.closeOutbound();
      Closing.close(up);
      return null;
    }
    byte[] initial = proxy.credentials().outgoing(inner, inner.target(), name, true);
    up.getOutputStream().write(initial);
    attempt.sent(initial.length);
    return new Relay(tls.in(), tls.out(), tls::closeOutbound, up);
  }

  /** A plain request in absolute form: decide on it, then send it on in origin form. */
  private Relay request(HttpHead head, InputStream in, OutputStream out) throws IOException {
    attempt.via("HTTP");
    Verdict asked = proxy.admission().request(session.allow(), head.target(), head.header("Host"));
    if (!asked.allowed()) {
      return refuse(out, asked);
    }
    attempt.target(asked);
    Socket s = connect(asked);
    return relay(s, proxy.credentials().outgoing(head, asked.path(), asked.name(), true), in, out);
  }

  /** Sends what the program sent first, and relays the rest between the program and {@code s}. */
  private Relay relay(Socket s, byte[] initial, InputStream in, OutputStream out)
      throws IOException {
    s.getOutputStream().write(initial);
    attempt.sent(initial.length);
    return new Relay(in, out, () -> Closing.shutdownOutput(client), s);
  }

  private Socket connect(Verdict allowed) throws IOException {
    Socket s = new Socket();
    session.track(s);
    attempt.address(allowed.address());
    try {
      s.connect(allowed.address(), CONNECT_TIMEOUT_MS);
    } catch (IOException e) {
      attempt.stop("cannot connect: " + e.getMessage());
      Closing.close(s);
      throw e;
    }
    return s;
  }

  /** Records the refusal and tells the program; there is nothing to relay. */
  private Relay refuse(OutputStream out, Verdict refused) {
    attempt.target(refused);
    if (refused.refusedByRules()) {
      attempt.refuse(refused.refusal());
    } else {
      attempt.stop(refused.refusal()); // allowed, and went nowhere: not a refusal of the rules
    }
    respond(out, refused.status(), refused.refusal());
    return null;
  }

  /** A refusal the program reads: the status line says it is Bulwark's, the body says why. */
  private static void respond(OutputStream out, int status, String why) {
    // The reason phrase carries the why, as most clients print it (HTTP Error 403: ...).
    String said = status == 502 ? "Bulwark egress: " : "Bulwark egress refused: ";
    String phrase = (said + why).replaceAll("[^\\x20-\\x7e]", "?");
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
      LOG.debug("the program went away before it read its refusal ({}): {}", why, e.toString());
    }
  }
}
