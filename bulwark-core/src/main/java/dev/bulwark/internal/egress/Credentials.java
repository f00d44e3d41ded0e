package dev.bulwark.internal.egress;

import dev.bulwark.EgressConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Credential injection: the operator's header lines for a host ({@link EgressConfig#credentials()})
 * go into the request the proxy sends on, replacing any header of the same name the program sent,
 * so that a key never enters the sandbox and the program cannot override it. That needs a request
 * the proxy reads: plain HTTP, or HTTPS it intercepts ({@link Interception}); a tunnel it does not
 * end carries no credential.
 *
 * <p>One per engine; immutable and thread-safe.
 */
final class Credentials {
  private final Map<String, List<String>> byHost;

  Credentials(EgressConfig config) {
    this.byHost = config.credentials();
  }

  /**
   * The bytes to send upstream for a request: its head as {@link HttpHead#forward} rewrites it,
   * with {@code name}'s credentials, then what the program sent after the head.
   *
   * @param path the request target to send, origin form
   * @param name the destination without the root's dot ({@link Verdict#name()})
   * @param close ask for the connection to end after the response
   */
  byte[] outgoing(HttpHead head, String path, String name, boolean close) {
    byte[] forward = head.forward(path, byHost.getOrDefault(name, List.of()), close);
    byte[] rest = head.rest();
    byte[] out = Arrays.copyOf(forward, forward.length + rest.length);
    System.arraycopy(rest, 0, out, forward.length, rest.length);
    return out;
  }
}
