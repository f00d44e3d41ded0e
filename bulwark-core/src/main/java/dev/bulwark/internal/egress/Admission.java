package dev.bulwark.internal.egress;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The proxy's decision: from what a program asked for, as it wrote it, to a {@link Verdict}. What a
 * program can say is a CONNECT's authority ({@link #tunnel}), a plain request's URL and Host header
 * ({@link #request}), and, inside a tunnel, the TLS server name ({@link #serverName}) or an inner
 * request's Host ({@link #innerHost}); a tunnel is decided twice, because the proxy answers its
 * CONNECT before the program says more.
 *
 * <p>The rules, in the order they apply: the request names a host the proxy can read ({@code
 * CONNECT HOST:PORT}, or an absolute {@code http://} URL without user information); a plain
 * request's Host names its URL's host; the host and port are on the run's allow-list and lead to a
 * public address, resolved here and pinned ({@link Destinations}); inside a tunnel, the server name
 * or the Host names the tunnel's host. A redirect reaches the proxy as a new request, so its target
 * meets the same rules as the first: nothing here remembers an earlier answer.
 *
 * <p>Immutable and thread-safe: every connection of every run calls it from its own thread. Its
 * only way out is {@link Destinations}' resolver (tests give their own), so it needs no socket.
 */
final class Admission {
  private final Destinations destinations;

  Admission(Destinations destinations) {
    this.destinations = destinations;
  }

  /** A head the proxy could not read as a request: it cannot even say where the program meant. */
  static Verdict unreadable(HttpHead.Malformed e) {
    return Verdict.malformed(null, 0, "not a proxy request: " + e.getMessage());
  }

  /**
   * A CONNECT.
   *
   * @param authority its target as sent, {@code HOST:PORT}
   */
  Verdict tunnel(List<String> allow, String authority) {
    int colon = authority.lastIndexOf(':');
    if (colon <= 0 || authority.contains("@") || authority.contains("/")) {
      return Verdict.malformed(null, 0, "CONNECT needs HOST:PORT");
    }
    String host = host(authority.substring(0, colon));
    return destination(allow, host, port(authority.substring(colon + 1)), null);
  }

  /**
   * A plain request through the proxy; allowed, it goes on in origin form ({@link Verdict#path()}).
   *
   * @param url its target as sent, absolute form
   * @param hostHeader its Host header; null when it has none
   */
  Verdict request(List<String> allow, String url, String hostHeader) {
    if (!url.regionMatches(true, 0, "http://", 0, 7)) {
      return Verdict.malformed(
          null, 0, "a proxy request names an http:// URL (use CONNECT for anything else)");
    }
    int pathAt = indexOfAny(url, 7, "/?#");
    String authority = url.substring(7, pathAt);
    String path = pathAt == url.length() ? "/" : url.substring(pathAt);
    if (path.startsWith("?")) {
      path = "/" + path;
    }
    int colon = authority.lastIndexOf(':');
    boolean hasPort = colon > 0 && !authority.endsWith("]");
    String host = host(hasPort ? authority.substring(0, colon) : authority);
    int port = hasPort ? port(authority.substring(colon + 1)) : 80;
    if (authority.contains("@") || host.isEmpty()) {
      return Verdict.malformed(host, port, "a URL with user information or no host");
    }
    String mismatch = hostMismatch(hostHeader, host);
    if (mismatch != null) {
      return Verdict.refuse(host, port, mismatch);
    }
    return destination(allow, host, port, path);
  }

  /**
   * The TLS ClientHello that came first in an allowed tunnel: its server name, when it sends one,
   * must be the tunnel's host, so that a tunnel to an allowed host cannot carry a session to
   * another one behind the same address (domain fronting).
   *
   * @return {@code tunnel} when they agree, else a refusal
   */
  static Verdict serverName(Verdict tunnel, Optional<String> serverName) {
    if (serverName.isPresent() && !serverName.get().equals(tunnel.name())) {
      return Verdict.refuse(
          tunnel.host(),
          tunnel.port(),
          "the TLS server name "
              + serverName.get()
              + " differs from the tunnel's host "
              + tunnel.host());
    }
    return tunnel;
  }

  /**
   * An HTTP request that came first in an allowed tunnel (plain, or intercepted): its Host, when it
   * has one, must be the tunnel's host.
   *
   * @return {@code tunnel} when they agree, else a refusal
   */
  static Verdict innerHost(Verdict tunnel, String hostHeader) {
    String mismatch = hostMismatch(hostHeader, tunnel.host());
    return mismatch == null ? tunnel : Verdict.refuse(tunnel.host(), tunnel.port(), mismatch);
  }

  private Verdict destination(List<String> allow, String host, int port, String path) {
    Destinations.Decision d = destinations.decide(allow, host, port);
    if (d.unresolved()) {
      return Verdict.unresolved(host, port, d.refusal());
    }
    return d.refusal() != null
        ? Verdict.refuse(host, port, d.refusal())
        : Verdict.allow(host, port, path, d.address());
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
    return withoutRootDot(h).equals(withoutRootDot(host))
        ? null
        : "the Host header " + hostHeader.strip() + " differs from the destination " + host;
  }

  static String withoutRootDot(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  private static String host(String raw) {
    return raw.strip().toLowerCase(Locale.ROOT);
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1; // Destinations refuses it as "not a port"
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
}
