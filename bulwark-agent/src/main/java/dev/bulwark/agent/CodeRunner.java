package dev.bulwark.agent;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Observation;
import dev.bulwark.model.RuntimeDescription;
import dev.bulwark.model.ValidationReport;
import java.time.Duration;
import java.util.List;

/**
 * Where a model's code goes, under one caller's policy and limits: this host's engine (the command
 * line's {@code bulwark mcp} and {@code bulwark agent}), a server as a key's tenant ({@code bulwark
 * agent --server}), or the server's own executions as a caller (its agent runs and MCP endpoint).
 * It answers with the model's types, as the HTTP API does, which is what the model-facing {@link
 * Observation} reads.
 *
 * <p>Sessions opened through a runner are its caller's: {@link #session} finds only those (on a
 * server, the key's tenant's), and any other id is {@code session_not_found}, whether it exists or
 * not.
 */
public interface CodeRunner {
  /** The languages it runs. */
  List<String> languages();

  /**
   * Runs one program.
   *
   * @throws IllegalArgumentException for an unknown language
   * @throws Refused when the caller may not run it now
   */
  ExecutionResult run(String language, String code, String stdin);

  /**
   * Checks a program without running it: the body {@code POST /v1/validate} answers.
   *
   * @throws IllegalArgumentException for an unknown language
   * @throws Refused when the caller may not check it now
   */
  ValidationReport validate(String language, String code);

  /** Every runtime with its version and importable packages, as {@code GET /v1/runtimes}. */
  List<RuntimeDescription> runtimes();

  /**
   * Opens a session: one sandbox and one interpreter for many cells, with a workspace of files.
   *
   * @param ttl it ends once idle this long; null for the runner's default
   * @throws IllegalArgumentException for an unknown language, or one without sessions
   * @throws Refused when the caller may not open one now (its sessions' cap, a full machine)
   */
  CodeSession openSession(String language, Duration ttl);

  /**
   * The caller's session of this id.
   *
   * @throws Refused {@code session_not_found} for an id that is not the caller's
   */
  CodeSession session(String id);

  /** A call the caller may not make, e.g. over its tenant's quota; the model may read why. */
  final class Refused extends RuntimeException {
    private final String code;

    /**
     * @param code machine-readable, as the HTTP API's error codes
     */
    public Refused(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
