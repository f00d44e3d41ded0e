package dev.bulwark.internal.egress;

import java.net.InetSocketAddress;

/**
 * The proxy's answer to one thing a program asked for ({@link Admission}): the address to connect
 * to, pinned (the one that was checked), or a refusal with the status and the reason the program
 * reads.
 *
 * @param host the host the program named, lower case, IPv6 in brackets; null when it named none the
 *     proxy could read
 * @param port the port it named (80 for a URL without one); 0 when it named none
 * @param path the origin-form path a plain request goes on with; null for a tunnel or a refusal
 * @param address where the proxy connects; null when refused
 * @param status a refusal's HTTP status: 400 for a request the proxy does not serve, 403 for one it
 *     refuses, 502 for an allowed host whose name does not resolve; 0 when allowed
 * @param refusal why not, as the program and the run's record read it; null when allowed
 */
record Verdict(
    String host, int port, String path, InetSocketAddress address, int status, String refusal) {
  Verdict {
    if ((address == null) == (refusal == null)) {
      throw new IllegalArgumentException("a verdict has either an address or a refusal");
    }
  }

  static Verdict allow(String host, int port, String path, InetSocketAddress address) {
    return new Verdict(host, port, path, address, 0, null);
  }

  /** Not a request the proxy serves (400). */
  static Verdict malformed(String host, int port, String why) {
    return new Verdict(host, port, null, null, 400, why);
  }

  /** A request the rules refuse (403). */
  static Verdict refuse(String host, int port, String why) {
    return new Verdict(host, port, null, null, 403, why);
  }

  /**
   * An allowed host whose name does not resolve (502, as a proxy answers a failed lookup): the
   * program's failure, not a refusal of the rules.
   */
  static Verdict unresolved(String host, int port, String why) {
    return new Verdict(host, port, null, null, 502, why);
  }

  /** True when the rules refused it, as opposed to an allowed host that cannot be reached. */
  boolean refusedByRules() {
    return refusal != null && status != 502;
  }

  boolean allowed() {
    return refusal == null;
  }

  /**
   * The host, which must be named, without the DNS root's trailing dot ({@code api.internal.} is
   * {@code api.internal}): the name TLS, the operator's credentials and interception are keyed by.
   */
  String name() {
    return Admission.withoutRootDot(host);
  }
}
