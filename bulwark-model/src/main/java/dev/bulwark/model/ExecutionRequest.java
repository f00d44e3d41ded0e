package dev.bulwark.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A program to run, as a caller asks for it over the wire (the body of {@code POST /v1/executions},
 * the Java client, the command line's flags). Only the language and the code are required;
 * everything else falls back to what the caller is allowed: the engine resolves the names and
 * overrides into a policy and limits, never beyond the caller's ceiling. Immutable.
 *
 * <pre>{@code
 * ExecutionRequest.of("python", "print(6 * 7)").withTimeout(Duration.ofSeconds(5))
 * }</pre>
 *
 * <p>JSON: absent values are left out; an unknown field is refused.
 *
 * @param language a runtime name or alias ({@code python}, {@code javascript}, {@code bash})
 * @param code the program's source
 * @param stdin the program's standard input, or null for none
 * @param policy the name of a built-in policy that tightens the caller's, or null
 * @param profile a limits profile within the caller's maximum, or null for the caller's default
 * @param limits overrides of the profile; never null ({@link LimitOverrides#NONE} when none)
 * @param isolation the isolation tier ({@code bubblewrap}, {@code gvisor}), at least as strong as
 *     the caller's; null for the caller's
 * @param files files placed in the workspace before the program runs, by path (base64 in JSON);
 *     never null, left out of JSON when empty
 * @param artifacts patterns ({@code *}, {@code ?}, {@code **}) of the workspace files to return
 *     after the program; never null, left out of JSON when empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record ExecutionRequest(
    String language,
    String code,
    String stdin,
    String policy,
    String profile,
    LimitOverrides limits,
    String isolation,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, byte[]> files,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> artifacts) {
  /**
   * @throws NullPointerException without a language or code
   */
  public ExecutionRequest {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(code, "code");
    limits = limits == null ? LimitOverrides.NONE : limits;
    Map<String, byte[]> copy = new LinkedHashMap<>();
    if (files != null) {
      files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
    }
    files = Collections.unmodifiableMap(copy);
    artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
  }

  /** A request in a tier, with no files and no artifacts. */
  public ExecutionRequest(
      String language,
      String code,
      String stdin,
      String policy,
      String profile,
      LimitOverrides limits,
      String isolation) {
    this(language, code, stdin, policy, profile, limits, isolation, null, null);
  }

  /** A request in the caller's isolation tier, with no files and no artifacts. */
  public ExecutionRequest(
      String language,
      String code,
      String stdin,
      String policy,
      String profile,
      LimitOverrides limits) {
    this(language, code, stdin, policy, profile, limits, null);
  }

  /** The program alone: the caller's policy, default limits and isolation tier. */
  public static ExecutionRequest of(String language, String code) {
    return new ExecutionRequest(language, code, null, null, null, LimitOverrides.NONE, null);
  }

  /** The same request with these input files, by workspace path. */
  public ExecutionRequest withFiles(Map<String, byte[]> value) {
    return new ExecutionRequest(
        language, code, stdin, policy, profile, limits, isolation, value, artifacts);
  }

  /** The same request returning the workspace files these patterns match. */
  public ExecutionRequest withArtifacts(List<String> value) {
    return new ExecutionRequest(
        language, code, stdin, policy, profile, limits, isolation, files, value);
  }

  public ExecutionRequest withStdin(String value) {
    return new ExecutionRequest(
        language, code, value, policy, profile, limits, isolation, files, artifacts);
  }

  public ExecutionRequest withPolicy(String value) {
    return new ExecutionRequest(
        language, code, stdin, value, profile, limits, isolation, files, artifacts);
  }

  public ExecutionRequest withProfile(String value) {
    return new ExecutionRequest(
        language, code, stdin, policy, value, limits, isolation, files, artifacts);
  }

  public ExecutionRequest withLimits(LimitOverrides value) {
    return new ExecutionRequest(
        language, code, stdin, policy, profile, value, isolation, files, artifacts);
  }

  public ExecutionRequest withIsolation(String value) {
    return new ExecutionRequest(
        language, code, stdin, policy, profile, limits, value, files, artifacts);
  }

  /** The wall-clock limit; the other overrides stay. */
  public ExecutionRequest withTimeout(Duration value) {
    return withLimits(limits.withTimeout(value));
  }
}
