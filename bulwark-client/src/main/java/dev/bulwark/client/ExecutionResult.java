package dev.bulwark.client;

import java.util.List;

/**
 * What happened to one execution.
 *
 * @param id the execution's id, for {@code GET /v1/executions/{id}} and the audit log
 * @param status {@code OK}, {@code ERROR}, {@code TIMEOUT}, {@code POLICY_DENIED}, ... (a string,
 *     so that a newer server's statuses still read)
 * @param reason why, in words, when the status is not {@code OK}
 * @param exitCode the program's exit code, or null when it never ran
 * @param signal the signal that ended it, or null
 * @param stdout what it printed (head and tail kept beyond the output limit)
 * @param stderr what it printed on stderr
 * @param stdoutTruncated whether stdout was cut
 * @param stderrTruncated whether stderr was cut
 * @param wallMs wall-clock time of the run
 * @param cpuMs CPU time of the run
 * @param peakMemoryBytes the highest memory charge seen
 * @param runtime the runtime and its exact version
 * @param findings what the validation layer said about the program
 * @param network every connection the program asked the egress proxy for, allowed or refused
 */
public record ExecutionResult(
    String id,
    String status,
    String reason,
    Integer exitCode,
    Integer signal,
    String stdout,
    String stderr,
    boolean stdoutTruncated,
    boolean stderrTruncated,
    long wallMs,
    long cpuMs,
    long peakMemoryBytes,
    Runtime runtime,
    List<Finding> findings,
    List<NetworkAttempt> network) {
  public ExecutionResult {
    findings = findings == null ? List.of() : List.copyOf(findings);
    network = network == null ? List.of() : List.copyOf(network);
  }

  /** True when the program ran and exited with 0. */
  public boolean ok() {
    return "OK".equals(status);
  }

  /**
   * One connection the program asked the egress proxy for.
   *
   * @param via {@code CONNECT} (a tunnel) or {@code HTTP} (a plain request)
   * @param reason why it was refused or cut short; empty otherwise
   * @param address where the proxy connected it, when it did
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

  /** The runtime an execution ran on. */
  public record Runtime(String name, String version) {}
}
