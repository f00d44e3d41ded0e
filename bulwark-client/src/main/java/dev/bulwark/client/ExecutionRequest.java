package dev.bulwark.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A program to run. Only the language and the code are required; everything else falls back to what
 * the tenant's key allows.
 *
 * <pre>{@code
 * ExecutionRequest.of("python", "print(6 * 7)").withTimeout(Duration.ofSeconds(5))
 * }</pre>
 *
 * @param language a runtime name or alias
 * @param code the program's source
 * @param stdin the program's standard input, or null
 * @param policy a policy name that tightens the tenant's, or null
 * @param profile a limits profile within the tenant's maximum, or null
 * @param limits overrides of the profile: {@code timeout}, {@code cpuTime}, {@code memory}, {@code
 *     outputLimit} (strings such as {@code 5s}, {@code 256m}), {@code cpus}, {@code pids} (numbers)
 */
public record ExecutionRequest(
    String language,
    String code,
    String stdin,
    String policy,
    String profile,
    Map<String, Object> limits) {
  public ExecutionRequest {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(code, "code");
    limits = limits == null ? Map.of() : Map.copyOf(limits);
  }

  public static ExecutionRequest of(String language, String code) {
    return new ExecutionRequest(language, code, null, null, null, Map.of());
  }

  public ExecutionRequest withStdin(String value) {
    return new ExecutionRequest(language, code, value, policy, profile, limits);
  }

  public ExecutionRequest withPolicy(String value) {
    return new ExecutionRequest(language, code, stdin, value, profile, limits);
  }

  public ExecutionRequest withProfile(String value) {
    return new ExecutionRequest(language, code, stdin, policy, value, limits);
  }

  /** The wall-clock limit, in whole milliseconds. */
  public ExecutionRequest withTimeout(Duration value) {
    return withLimit("timeout", value.toMillis() + "ms");
  }

  /** One limit override, as the API names it. */
  public ExecutionRequest withLimit(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(limits);
    more.put(name, value);
    return new ExecutionRequest(language, code, stdin, policy, profile, more);
  }
}
