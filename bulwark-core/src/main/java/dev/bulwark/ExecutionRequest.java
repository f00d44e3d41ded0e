package dev.bulwark;

import dev.bulwark.model.Limits;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import java.util.Objects;

/**
 * What to run: code in a language, under limits and a validation policy, with optional standard
 * input.
 *
 * @param language a runtime name or alias ({@code python}, {@code javascript}, {@code bash})
 * @param code the program's source, UTF-8
 * @param limits the limits to enforce
 * @param stdin bytes fed to the program's standard input (empty: end of file at once)
 * @param policy the validation policy the code must pass ({@code standard} when null); whoever
 *     builds the request has already tightened it to what the caller may ask for
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out: callers never share the array
public record ExecutionRequest(
    String language, String code, Limits limits, byte[] stdin, Policy policy) {
  public ExecutionRequest {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(limits, "limits");
    stdin = stdin == null ? new byte[0] : stdin.clone();
    policy = policy == null ? Policies.standard() : policy;
  }

  /** A request under the {@code standard} policy. */
  public ExecutionRequest(String language, String code, Limits limits, byte[] stdin) {
    this(language, code, limits, stdin, null);
  }

  /** A request under the {@code standard} policy, with no input. */
  public ExecutionRequest(String language, String code, Limits limits) {
    this(language, code, limits, new byte[0], null);
  }

  /** The same request under another policy. */
  public ExecutionRequest withPolicy(Policy other) {
    return new ExecutionRequest(language, code, limits, stdin, other);
  }

  @Override
  public byte[] stdin() {
    return stdin.clone();
  }
}
