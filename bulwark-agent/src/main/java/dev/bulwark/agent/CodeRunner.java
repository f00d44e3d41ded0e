package dev.bulwark.agent;

import dev.bulwark.client.ExecutionResult;
import dev.bulwark.model.RuntimeDescription;
import java.util.List;
import java.util.Map;

/**
 * Where a model's code goes, under one caller's policy and limits: this host's engine ({@link
 * EngineRunner}) or the server, as a tenant. It answers as the HTTP API does, which is what the
 * model-facing {@link dev.bulwark.client.Observation} reads.
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

  /** Checks a program without running it: the body {@code POST /v1/validate} answers. */
  Map<String, Object> validate(String language, String code);

  /** Every runtime with its version and importable packages, as {@code GET /v1/runtimes}. */
  List<RuntimeDescription> runtimes();

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
