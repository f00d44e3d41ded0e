package dev.bulwark.internal.net;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hosts in URLs and in allow-lists. An allow-list entry is {@code host}, {@code *.domain} (any
 * subdomain, not the domain itself) or either with {@code :port}. IP literals, in any spelling
 * ({@code 2130706433}, {@code 0x7f.1}, {@code [::ffff:127.0.0.1]}), match only an entry that spells
 * the same literal.
 */
public final class Hosts {
  private static final Pattern PATTERN =
      Pattern.compile("(\\*\\.)?([a-z0-9_-]+(\\.[a-z0-9_-]+)*|\\[[0-9a-f:.]+])(:(\\d{1,5}))?");
  private static final Pattern URL =
      Pattern.compile(
          "^([a-zA-Z][a-zA-Z0-9+.-]*)://(?:[^@/?#\\s]*@)?(\\[[^\\]/]*]|[^:/?#\\s\\\\]*)(?::(\\d{1,5}))?([/?#\\\\].*)?$",
          Pattern.DOTALL);
  private static final Pattern NUMERIC_HOST =
      Pattern.compile("(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+)){0,3}");

  /**
   * A destination: host (lower case, no trailing dot) and port (-1 when unknown); {@code portGiven}
   * when the code spelled the port rather than implied it with the scheme.
   */
  public record Target(String host, int port, boolean portGiven) {
    @Override
    public String toString() {
      return portGiven ? host + ":" + port : host;
    }
  }

  private Hosts() {}

  /**
   * An allow-list entry in canonical form.
   *
   * @throws IllegalArgumentException when it is not a host, {@code *.domain}, optionally with a
   *     port
   */
  public static String normalisePattern(String entry) {
    String e = entry.trim().toLowerCase(Locale.ROOT);
    if (e.endsWith(".")) {
      e = e.substring(0, e.length() - 1);
    }
    if (!PATTERN.matcher(e).matches()) {
      throw new IllegalArgumentException(
          "not a host or *.domain (optionally with :port): '" + entry + "'");
    }
    return e;
  }

  /**
   * The destination of a URL ({@code https://api.example.com/x}) or of a constant beginning of one
   * ({@code https://api.example.com/users/} + id) when its host is complete.
   */
  public static Optional<Target> ofUrl(String text, boolean complete) {
    Matcher m = URL.matcher(text.strip());
    if (!m.matches() || m.group(2).isEmpty()) {
      return Optional.empty();
    }
    boolean hostEnds = complete || m.group(3) != null || m.group(4) != null;
    if (!hostEnds) {
      return Optional.empty(); // "https://api." + tld: the host is not known
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    int port = m.group(3) == null ? defaultPort(scheme) : Integer.parseInt(m.group(3));
    return Optional.of(new Target(host(m.group(2)), port, m.group(3) != null));
  }

  /** A bare host name or IP literal as given to a socket or connection constructor. */
  public static Optional<Target> ofHost(String text, int port) {
    String h = text.strip();
    if (h.isEmpty() || h.contains("/") || h.contains(" ")) {
      return Optional.empty();
    }
    return Optional.of(new Target(host(h), port, port >= 0));
  }

  /** True when some entry of {@code allow} lets code reach {@code target}. */
  public static boolean allows(List<String> allow, Target target) {
    for (String entry : allow) {
      String[] hp = splitPort(entry);
      if (hp[1] != null && target.port() >= 0 && Integer.parseInt(hp[1]) != target.port()) {
        continue;
      }
      if (matches(hp[0], target.host())) {
        return true;
      }
    }
    return false;
  }

  /** True when every host {@code pattern} admits is admitted by some entry of {@code allow}. */
  public static boolean covers(List<String> allow, String pattern) {
    String[] hp = splitPort(pattern);
    for (String entry : allow) {
      String[] ep = splitPort(entry);
      if (ep[1] != null && !ep[1].equals(hp[1])) {
        continue;
      }
      if (ep[0].equals(hp[0]) || (ep[0].startsWith("*.") && hp[0].endsWith(ep[0].substring(1)))) {
        return true;
      }
    }
    return false;
  }

  /** True for hosts spelled as numbers: dotted, decimal, hex or octal IPv4, and IPv6. */
  public static boolean isIpLiteral(String host) {
    String numeric = host.endsWith(".*") ? host.substring(0, host.length() - 2) : host;
    return host.startsWith("[") || host.contains(":") || NUMERIC_HOST.matcher(numeric).matches();
  }

  private static boolean matches(String entry, String host) {
    if (entry.startsWith("*.")) {
      return !isIpLiteral(host) && host.endsWith(entry.substring(1));
    }
    return entry.equals(host);
  }

  private static String host(String raw) {
    String h = raw.toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  private static String[] splitPort(String entry) {
    int colon = entry.lastIndexOf(':');
    boolean hostPort = colon > 0 && !entry.substring(0, colon).contains(":");
    boolean ipv6Port = colon > 0 && entry.startsWith("[") && entry.charAt(colon - 1) == ']';
    if (hostPort || ipv6Port) {
      return new String[] {entry.substring(0, colon), entry.substring(colon + 1)};
    }
    return new String[] {entry, null};
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http", "ws" -> 80;
      case "https", "wss" -> 443;
      case "ftp" -> 21;
      default -> -1;
    };
  }
}
