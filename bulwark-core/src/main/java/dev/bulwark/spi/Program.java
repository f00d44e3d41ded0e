package dev.bulwark.spi;

import java.util.List;
import java.util.Objects;

/**
 * What is handed off to a sandbox.
 *
 * @param code the program's source, UTF-8
 * @param networkAllow the hosts it may reach through the egress proxy, as its policy says; empty:
 *     no network at all, not even the proxy
 */
public record Program(String code, List<String> networkAllow) {
  public Program {
    Objects.requireNonNull(code, "code");
    networkAllow = List.copyOf(networkAllow);
  }
}
