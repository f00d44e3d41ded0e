package dev.bulwark.model;

/**
 * One connection a program asked the egress proxy for, allowed or not. What went through it is
 * counted, never kept; an injected credential is never part of it.
 *
 * @param host the host the program named, lower case
 * @param port the port it named
 * @param via {@code CONNECT} (a tunnel, e.g. HTTPS) or {@code HTTP} (a plain request through the
 *     proxy); {@code ?} for a request the proxy could not read
 * @param allowed whether the proxy connected it
 * @param reason why it was refused, or cut short; empty otherwise
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
    long bytesReceived) {}
