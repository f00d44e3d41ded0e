package dev.bulwark;

import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.Limits;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import java.util.Objects;

/**
 * What the engine runs: code in a language, under limits and a validation policy already decided,
 * with optional standard input. A caller's {@link ExecutionRequest}, which only names a policy and
 * a profile, becomes one through {@link Requests#resolve}. Immutable.
 *
 * <pre>{@code
 * engine.execute(new Job("python", "print(6 * 7)", Profiles.STRICT))
 * }</pre>
 *
 * @param language a runtime name or alias ({@code python}, {@code javascript}, {@code bash})
 * @param code the program's source, UTF-8
 * @param limits the limits to enforce
 * @param stdin bytes fed to the program's standard input (empty: end of file at once)
 * @param policy the validation policy the code must pass ({@code standard} when null); whoever
 *     builds the job has already tightened it to what the caller may ask for
 * @param isolation the tier to run in; null for the engine's default (bubblewrap)
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out: callers never share the array
public record Job(
    String language, String code, Limits limits, byte[] stdin, Policy policy, Isolation isolation) {
  public Job {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(limits, "limits");
    stdin = stdin == null ? new byte[0] : stdin.clone();
    policy = policy == null ? Policies.standard() : policy;
  }

  /** A job in the engine's default tier. */
  public Job(String language, String code, Limits limits, byte[] stdin, Policy policy) {
    this(language, code, limits, stdin, policy, null);
  }

  /** A job under the {@code standard} policy. */
  public Job(String language, String code, Limits limits, byte[] stdin) {
    this(language, code, limits, stdin, null, null);
  }

  /** A job under the {@code standard} policy, with no input. */
  public Job(String language, String code, Limits limits) {
    this(language, code, limits, new byte[0], null, null);
  }

  /** The same job under another policy. */
  public Job withPolicy(Policy other) {
    return new Job(language, code, limits, stdin, other, isolation);
  }

  /** The same job in another tier. */
  public Job withIsolation(Isolation other) {
    return new Job(language, code, limits, stdin, policy, other);
  }

  @Override
  public byte[] stdin() {
    return stdin.clone();
  }
}
