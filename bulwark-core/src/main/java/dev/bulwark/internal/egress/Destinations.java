package dev.bulwark.internal.egress;

import dev.bulwark.EgressConfig;
import dev.bulwark.internal.net.Hosts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where a program may connect: the host must be on the run's allow-list, and the proxy resolves it
 * itself and pins the address it checked, so that a name cannot change its answer between the check
 * and the connection (DNS rebinding).
 */
final class Destinations {
  /** A name to addresses, as the host resolves it; tests give their own. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * Either the address to connect to, or why not; {@code unresolved} when the rules allow the host
   * but its name does not resolve (the program's own failure, not the policy's).
   */
  record Decision(InetSocketAddress address, String refusal, boolean unresolved) {
    static Decision refuse(String why) {
      return new Decision(null, why, false);
    }

    static Decision unresolvable(String host) {
      return new Decision(null, "name not resolved: " + host + " does not resolve", true);
    }
  }

  private final EgressConfig config;
  private final Resolver resolver;

  Destinations(EgressConfig config, Resolver resolver) {
    this.config = config;
    this.resolver = resolver;
  }

  /** Where the operator mapped {@code host:port}, or {@code host} whatever the port. */
  private Optional<InetSocketAddress> mapped(String host, int port) {
    InetSocketAddress a = config.mapHosts().get(host + ":" + port);
    return Optional.ofNullable(a != null ? a : config.mapHosts().get(host));
  }

  /**
   * @param host as the program named it, lower case, IPv6 in brackets
   */
  Decision decide(List<String> allow, String host, int port) {
    if (port < 1 || port > 65535) {
      return Decision.refuse("port " + port + " is not a port");
    }
    if (!Hosts.allows(allow, new Hosts.Target(host, port, true))) {
      return Decision.refuse(host + ":" + port + " is not on this run's network allow-list");
    }
    var mapped = mapped(host, port);
    if (mapped.isPresent()) {
      return new Decision(mapped.get(), null, false); // the operator's choice, private or not
    }
    InetAddress[] addresses;
    if (Hosts.isIpLiteral(host)) {
      InetAddress literal = Addresses.plainLiteral(host);
      if (literal == null) {
        return Decision.refuse(host + " is an oddly written address");
      }
      addresses = new InetAddress[] {literal};
    } else {
      try {
        addresses = resolver.resolve(host);
      } catch (UnknownHostException e) {
        return Decision.unresolvable(host);
      }
    }
    if (addresses.length == 0) {
      return Decision.unresolvable(host);
    }
    for (InetAddress a : addresses) { // every answer, so that one public answer hides no other
      String why = Addresses.refusal(a);
      if (why != null) {
        return Decision.refuse(
            host + " resolves to " + a.getHostAddress() + ", a " + why + " address");
      }
    }
    return new Decision(new InetSocketAddress(addresses[0], port), null, false);
  }
}
