package dev.bulwark.model;

import java.util.Objects;

/**
 * One connection a program asked the egress proxy for, allowed or not. What went through it is
 * counted, never kept; an injected credential is never part of it. The host and port are what the
 * program asked for, recorded as they came, so they may name no real destination.
 *
 * @param host the host the program named, lower case; empty when the proxy could not read it
 * @param port the port it named
 * @param via {@code CONNECT} (a tunnel, e.g. HTTPS) or {@code HTTP} (a plain request through the
 *     proxy); {@code ?} for a request the proxy could not read
 * @param allowed whether the policy let it through; an allowed connection may still go nowhere (a
 *     name that does not resolve) or end early (a cap): its reason says why
 * @param reason why it was refused, went nowhere or was cut short; empty otherwise
 * @param address the address the proxy resolved and connected to, or empty
 * @param bytesSent bytes from the program to the destination
 * @param bytesReceived bytes from the destination to the program
 */
public record NetworkAttempt(
    String host,
    int port,
    String via,
    boolean allowed,
    String reason,
    String address,
    long bytesSent,
    long bytesReceived) {
  /**
   * @throws NullPointerException without a host or a way
   * @throws IllegalArgumentException for a negative byte count
   */
  public NetworkAttempt {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(via, "via");
    reason = reason == null ? "" : reason;
    address = address == null ? "" : address;
    if (bytesSent < 0 || bytesReceived < 0) {
      throw new IllegalArgumentException("byte counts cannot be negative");
    }
  }
}
