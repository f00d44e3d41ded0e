package dev.bulwark.model;

import java.util.List;
import java.util.Objects;

/**
 * What happened to one execution. The same model serves the CLI, the HTTP API, MCP and the agent.
 *
 * @param status the one cause that ended the run
 * @param reason one line explaining any status but {@link Status#OK}; empty for OK
 * @param exitCode the program's exit code, or {@code null} when it never ran; 128+N when a signal N
 *     ended it, as a shell reports it
 * @param signal the signal that ended the program, or {@code null}
 * @param stdout standard output as UTF-8, head and tail when truncated
 * @param stderr standard error as UTF-8, head and tail when truncated
 * @param stdoutTruncated whether stdout went over the output limit
 * @param stderrTruncated whether stderr went over the output limit
 * @param wallMs wall-clock time of the sandbox, milliseconds
 * @param cpuMs CPU time of every process of the run, milliseconds
 * @param peakMemoryBytes the memory cgroup's high-water mark
 * @param runtime the runtime and its self-reported version
 * @param findings the validation layer's findings
 * @param network every connection the program asked the egress proxy for, allowed or refused
 */
public record ExecutionResult(
    Status status,
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
    RuntimeInfo runtime,
    List<Finding> findings,
    List<NetworkAttempt> network) {

  public ExecutionResult {
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : reason;
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
    findings = findings == null ? List.of() : List.copyOf(findings);
    network = network == null ? List.of() : List.copyOf(network);
  }

  /** The same result carrying these findings. */
  public ExecutionResult withFindings(List<Finding> more) {
    return new ExecutionResult(
        status,
        reason,
        exitCode,
        signal,
        stdout,
        stderr,
        stdoutTruncated,
        stderrTruncated,
        wallMs,
        cpuMs,
        peakMemoryBytes,
        runtime,
        more,
        network);
  }

  /** A result for a run that never started, e.g. a sandbox that could not be built. */
  public static ExecutionResult notRun(Status status, String reason, RuntimeInfo runtime) {
    return new ExecutionResult(
        status, reason, null, null, "", "", false, false, 0, 0, 0, runtime, List.of(), List.of());
  }
}
