package dev.bulwark.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * What happened to one execution. The same model serves the CLI, the HTTP API, MCP, the agent and
 * the Java client. Immutable; its JSON form is the body of {@code POST /v1/executions}, with {@code
 * id} first when there is one.
 *
 * @param id the execution's id in the server's audit log ({@code GET /v1/executions/{id}}), or
 *     {@code null} for a run on a local engine; absent from the JSON then
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
    @JsonInclude(JsonInclude.Include.NON_NULL) String id,
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

  /**
   * @throws NullPointerException without a status
   * @throws IllegalArgumentException for a blank id
   */
  public ExecutionResult {
    Objects.requireNonNull(status, "status");
    if (id != null && id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    reason = reason == null ? "" : reason;
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
    findings = findings == null ? List.of() : List.copyOf(findings);
    network = network == null ? List.of() : List.copyOf(network);
  }

  /** True when the program ran and exited with 0 and no limit was hit. */
  public boolean ok() {
    return status == Status.OK;
  }

  /** The same result carrying these findings. */
  public ExecutionResult withFindings(List<Finding> more) {
    return copy(id, more);
  }

  /** The same result under the id the server recorded it with. */
  public ExecutionResult withId(String value) {
    return copy(value, findings);
  }

  private ExecutionResult copy(String newId, List<Finding> newFindings) {
    return new ExecutionResult(
        newId,
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
        newFindings,
        network);
  }

  /** A result for a run that never started, e.g. a sandbox that could not be built. */
  public static ExecutionResult notRun(Status status, String reason, RuntimeInfo runtime) {
    return new ExecutionResult(
        null, status, reason, null, null, "", "", false, false, 0, 0, 0, runtime, List.of(),
        List.of());
  }
}
