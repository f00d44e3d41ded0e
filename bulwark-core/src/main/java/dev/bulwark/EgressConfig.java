package dev.bulwark;

import dev.bulwark.internal.net.Hosts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's settings of the egress proxy; never a tenant's or a program's.
 *
 * @param mapHosts where an allow-listed name really goes ({@code api.internal} or {@code
 *     api.internal:443} to {@code 127.0.0.1:9000}): a mapped destination may be a private address,
 *     which the proxy otherwise refuses
 * @param credentials header lines the proxy adds to plain-HTTP requests for a host (e.g. {@code
 *     Authorization: Bearer ...}); the program never sees them and cannot override them
 * @param maxBytes bytes one execution may move through the proxy, both ways together
 * @param maxConnections connections one execution may open through the proxy
 * @param intercept hosts whose HTTPS the proxy ends itself (interception mode), so that it can add
 *     their credentials: the sandboxes then trust the engine's own CA, and the proxy verifies the
 *     real server as any client would
 * @param upstreamCa certificates (PEM) the proxy trusts besides the JDK's when it verifies an
 *     intercepted host, e.g. an internal CA; null for none
 */
public record EgressConfig(
    Map<String, InetSocketAddress> mapHosts,
    Map<String, List<String>> credentials,
    long maxBytes,
    int maxConnections,
    Set<String> intercept,
    Path upstreamCa) {
  public EgressConfig {
    mapHosts = Map.copyOf(mapHosts);
    credentials = Map.copyOf(credentials);
    intercept = Set.copyOf(intercept);
    if (maxBytes < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("egress caps must be positive");
    }
  }

  public EgressConfig(
      Map<String, InetSocketAddress> mapHosts,
      Map<String, List<String>> credentials,
      long maxBytes,
      int maxConnections) {
    this(mapHosts, credentials, maxBytes, maxConnections, Set.of(), null);
  }

  /** No mapping, no credentials, no interception; 64 MiB and 32 connections per execution. */
  public static EgressConfig defaults() {
    return new EgressConfig(Map.of(), Map.of(), 64L << 20, 32);
  }

  public EgressConfig withMapHosts(Map<String, InetSocketAddress> value) {
    return new EgressConfig(value, credentials, maxBytes, maxConnections, intercept, upstreamCa);
  }

  public EgressConfig withCredentials(Map<String, List<String>> value) {
    return new EgressConfig(mapHosts, value, maxBytes, maxConnections, intercept, upstreamCa);
  }

  public EgressConfig withIntercept(Set<String> hosts, Path ca) {
    return new EgressConfig(mapHosts, credentials, maxBytes, maxConnections, hosts, ca);
  }

  /**
   * These mappings ({@code NAME[:PORT]=ADDRESS:PORT}) over this configuration's; a later one for
   * the same name wins.
   *
   * @throws IllegalArgumentException naming the first bad one
   */
  public EgressConfig plusMappings(List<String> specs) {
    Map<String, InetSocketAddress> all = new LinkedHashMap<>(mapHosts);
    for (String spec : specs) {
      var entry = parseMapping(spec);
      all.put(entry.getKey(), entry.getValue());
    }
    return withMapHosts(all);
  }

  /**
   * These credentials ({@code HOST=Header: value}) added to this configuration's.
   *
   * @throws IllegalArgumentException naming the first bad one
   */
  public EgressConfig plusCredentials(List<String> specs) {
    Map<String, List<String>> all = new LinkedHashMap<>();
    credentials.forEach((host, headers) -> all.put(host, new ArrayList<>(headers)));
    for (String spec : specs) {
      var entry = parseCredential(spec);
      all.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue());
    }
    Map<String, List<String>> copied = new LinkedHashMap<>();
    all.forEach((host, headers) -> copied.put(host, List.copyOf(headers)));
    return withCredentials(copied);
  }

  /**
   * These hosts to intercept added to this configuration's.
   *
   * @throws IllegalArgumentException naming the first bad one
   */
  public EgressConfig plusIntercept(List<String> hosts) {
    Set<String> all = new LinkedHashSet<>(intercept);
    for (String h : hosts) {
      all.add(parseInterceptHost(h));
    }
    return withIntercept(all, upstreamCa);
  }

  /**
   * Parses {@code NAME[:PORT]=ADDRESS:PORT} ({@code --map-host}).
   *
   * @throws IllegalArgumentException with what is wrong
   */
  public static Map.Entry<String, InetSocketAddress> parseMapping(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new IllegalArgumentException(
          "'" + text + "': write NAME[:PORT]=ADDRESS:PORT, e.g. api.internal=127.0.0.1:9000");
    }
    String name = Hosts.normalisePattern(text.substring(0, eq));
    if (name.startsWith("*.")) {
      throw new IllegalArgumentException("'" + text + "': map one name, not a wildcard");
    }
    String target = text.substring(eq + 1).strip();
    int colon = target.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("'" + text + "': the address needs its port");
    }
    String address = target.substring(0, colon);
    if (address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(target.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("'" + text + "': the port must be 1-65535");
    }
    InetAddress ip;
    try {
      ip = InetAddress.ofLiteral(address);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "': the address must be an IP literal", e);
    }
    return Map.entry(name, new InetSocketAddress(ip, port));
  }

  /**
   * Parses {@code HOST=Header: value} ({@code --credential}).
   *
   * @throws IllegalArgumentException with what is wrong
   */
  public static Map.Entry<String, String> parseCredential(String text) {
    int eq = text.indexOf('=');
    int colon = eq < 0 ? -1 : text.indexOf(':', eq);
    if (eq <= 0 || colon < 0 || colon == eq + 1 || text.contains("\n") || text.contains("\r")) {
      throw new IllegalArgumentException(
          "a credential is HOST=Header: value, e.g. api.internal=Authorization: Bearer ...");
    }
    String host = Hosts.normalisePattern(text.substring(0, eq));
    String name = text.substring(eq + 1, colon).strip();
    if (!name.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("a credential's header name is letters, digits and -");
    }
    return Map.entry(host, name + ": " + text.substring(colon + 1).strip());
  }

  /**
   * Parses one host to intercept: a name or an IP literal, no wildcard, no port.
   *
   * @throws IllegalArgumentException with what is wrong
   */
  public static String parseInterceptHost(String text) {
    String h = Hosts.normalisePattern(text);
    boolean port = h.startsWith("[") ? !h.endsWith("]") : h.contains(":");
    if (h.startsWith("*.") || port) {
      throw new IllegalArgumentException("intercept one host, without wildcard or port: " + text);
    }
    return h;
  }
}
