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
 * @param outputs rich outputs in the order the program made them: charts, tables, a cell's value, a
 *     structured error ({@link Output}); when the engine's caps cut them, the last is a {@code
 *     text/plain} marker saying how many were cut
 * @param artifacts the files a one-shot run was asked to return ({@link Artifact}); absent from the
 *     JSON when none
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
    List<NetworkAttempt> network,
    List<Output> outputs,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Artifact> artifacts) {

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
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
    artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
  }

  /** A result without rich outputs or artifacts. */
  public ExecutionResult(
      String id,
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
    this(
        id,
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
        findings,
        network,
        List.of(),
        List.of());
  }

  /** True when the program ran and exited with 0 and no limit was hit. */
  public boolean ok() {
    return status == Status.OK;
  }

  /** The same result carrying these findings. */
  public ExecutionResult withFindings(List<Finding> more) {
    return copy(id, more, outputs, artifacts);
  }

  /** The same result under the id the server recorded it with. */
  public ExecutionResult withId(String value) {
    return copy(value, findings, outputs, artifacts);
  }

  /** The same result with these rich outputs. */
  public ExecutionResult withOutputs(List<Output> value) {
    return copy(id, findings, value, artifacts);
  }

  /** The same result with these artifacts. */
  public ExecutionResult withArtifacts(List<Artifact> value) {
    return copy(id, findings, outputs, value);
  }

  private ExecutionResult copy(
      String newId,
      List<Finding> newFindings,
      List<Output> newOutputs,
      List<Artifact> newArtifacts) {
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
        network,
        newOutputs,
        newArtifacts);
  }

  /** A result for a run that never started, e.g. a sandbox that could not be built. */
  public static ExecutionResult notRun(Status status, String reason, RuntimeInfo runtime) {
    return new ExecutionResult(
        null, status, reason, null, null, "", "", false, false, 0, 0, 0, runtime, List.of(),
        List.of());
  }
}
