package dev.bulwark.config;

import dev.bulwark.EgressConfig;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code network} section: the egress proxy, the operator's alone (which hosts a run may reach
 * is its policy's say).
 */
final class NetworkSection {
  static final Key<EgressConfig, Map<String, InetSocketAddress>> MAP_HOSTS =
      Key.of(
          "mapHosts",
          Type.list(
              "NAME[:PORT]=ADDRESS:PORT",
              "api.internal=127.0.0.1:9000",
              specs -> EgressConfig.defaults().plusMappings(specs).mapHosts(),
              NetworkSection::mappings),
          EgressConfig::mapHosts,
          "where an allowed name really goes; a mapped address may be private");
  static final Key<EgressConfig, Map<String, List<String>>> CREDENTIALS =
      Key.of(
          "credentials",
          Type.list(
              "HOST=Header: value",
              "api.internal=Authorization: Bearer ...",
              specs -> EgressConfig.defaults().plusCredentials(specs).credentials(),
              NetworkSection::headerNames),
          EgressConfig::credentials,
          "a header the proxy adds to a host's requests; `config show` prints its value as `***`");
  static final Key<EgressConfig, Long> MAX_BYTES =
      Key.of(
          "maxBytes",
          Type.SIZE,
          EgressConfig::maxBytes,
          "bytes one execution moves through the proxy, both ways");
  static final Key<EgressConfig, Integer> MAX_CONNECTIONS =
      Key.of(
          "maxConnections",
          Type.INTEGER,
          EgressConfig::maxConnections,
          "connections one execution opens through the proxy");
  static final Key<EgressConfig, Set<String>> INTERCEPT =
      Key.of(
          "intercept",
          Type.list(
              "HOST",
              "api.example.com",
              hosts -> EgressConfig.defaults().plusIntercept(hosts).intercept(),
              hosts -> hosts.stream().sorted().toList()),
          EgressConfig::intercept,
          "hosts whose HTTPS the proxy ends itself, so that their credentials reach them");
  static final Key<EgressConfig, Path> UPSTREAM_CA =
      Key.of(
          "upstreamCa",
          Type.PATH,
          EgressConfig::upstreamCa,
          "certificates (PEM) trusted besides the JDK's for intercepted hosts");

  static final Section<EgressConfig> SECTION =
      new Section<>(
          "network",
          List.of(MAP_HOSTS, CREDENTIALS, MAX_BYTES, MAX_CONNECTIONS, INTERCEPT, UPSTREAM_CA),
          c -> c.engine().egress(),
          v ->
              new EgressConfig(
                  v.get(MAP_HOSTS),
                  v.get(CREDENTIALS),
                  v.get(MAX_BYTES),
                  v.get(MAX_CONNECTIONS),
                  v.get(INTERCEPT),
                  v.get(UPSTREAM_CA)));

  private NetworkSection() {}

  private static List<String> mappings(Map<String, InetSocketAddress> mapHosts) {
    return mapHosts.entrySet().stream()
        .map(m -> m.getKey() + "=" + address(m.getValue()))
        .sorted()
        .toList();
  }

  private static String address(InetSocketAddress a) {
    String ip = a.getAddress().getHostAddress();
    return (a.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + a.getPort();
  }

  /** The header names only: the values are secrets. */
  private static List<String> headerNames(Map<String, List<String>> credentials) {
    return credentials.entrySet().stream()
        .flatMap(c ->
            c.getValue().stream()
                .map(h -> c.getKey() + "=" + h.substring(0, h.indexOf(':')) + ": ***"))
        .sorted()
        .toList();
  }
}
