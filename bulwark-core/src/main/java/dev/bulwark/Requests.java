package dev.bulwark;

import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.LimitOverrides;
import dev.bulwark.model.Limits;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The one rule that turns what a caller asks for into what the engine runs, whatever the door (the
 * HTTP API, agent runs, MCP, the command line):
 *
 * <ul>
 *   <li>the policy is the ceiling's, tightened by a built-in policy the request names: a request
 *       never loosens it;
 *   <li>the limits are the named profile (the ceiling's default when none is named) with each
 *       override applied, judged by {@link Limits}' own bounds; with a maximum, the result must lie
 *       within it.
 * </ul>
 *
 * A refusal is a {@link Refusal} that names what is at fault, in the API's terms ({@code
 * limits.memory}, {@code profile}, {@code policy}). Stateless and thread-safe.
 */
public final class Requests {
  private Requests() {}

  /**
   * The most a caller may ask for.
   *
   * @param policy the caller's policy, which a request may only tighten
   * @param defaultProfile the limits profile of a request that names none
   * @param maximumProfile the profile no request may exceed, or null for none (the operator's own
   *     command line, whose flags may loosen a profile as well)
   */
  public record Ceiling(Policy policy, String defaultProfile, String maximumProfile) {
    /**
     * @throws IllegalArgumentException for a profile that does not exist
     */
    public Ceiling {
      Objects.requireNonNull(policy, "policy");
      Profiles.named(defaultProfile);
      if (maximumProfile != null) {
        Profiles.named(maximumProfile);
      }
    }

    /** A tenant's ceiling: its policy, and its maximum profile, which is also its default. */
    public static Ceiling of(Policy policy, String maximumProfile) {
      return new Ceiling(policy, maximumProfile, Objects.requireNonNull(maximumProfile));
    }

    /** The operator's own: the policy, its limits preset by default, and no maximum. */
    public static Ceiling unbounded(Policy policy) {
      return new Ceiling(policy, policy.limits(), null);
    }
  }

  /**
   * The job a request asks for, within the ceiling. The language is not checked here: the engine
   * knows its runtimes.
   *
   * @throws Refusal for a policy, profile or override the ceiling does not allow
   */
  public static Job resolve(ExecutionRequest request, Ceiling ceiling) {
    byte[] stdin =
        request.stdin() == null ? new byte[0] : request.stdin().getBytes(StandardCharsets.UTF_8);
    return new Job(
        request.language(),
        request.code(),
        limits(request.profile(), request.limits(), ceiling),
        stdin,
        policy(request.policy(), ceiling));
  }

  /**
   * The ceiling's policy, tightened by the built-in one named.
   *
   * @param requested a built-in policy's name, or null for the ceiling's own
   * @throws InvalidField {@code policy}, when it names no built-in policy
   */
  public static Policy policy(String requested, Ceiling ceiling) {
    if (requested == null) {
      return ceiling.policy();
    }
    if (!Policies.BUILT_IN.contains(requested)) {
      throw new InvalidField("policy", "one of " + Policies.BUILT_IN);
    }
    return ceiling.policy().tighten(Policies.builtIn(requested));
  }

  /**
   * The named profile with the overrides applied, within the ceiling's maximum.
   *
   * @param profile a profile's name, or null for the ceiling's default
   * @throws InvalidField {@code profile} or {@code limits.NAME}, for an unknown profile or an
   *     override out of its bounds
   * @throws LimitsNotAllowed when the result exceeds the ceiling's maximum
   */
  public static Limits limits(String profile, LimitOverrides overrides, Ceiling ceiling) {
    Limits limits;
    try {
      limits = Profiles.named(profile == null ? ceiling.defaultProfile() : profile);
    } catch (IllegalArgumentException e) {
      throw new InvalidField("profile", e.getMessage());
    }
    limits = apply(limits, "timeout", overrides.timeout(), Limits::withWallTimeout);
    limits = apply(limits, "cpuTime", overrides.cpuTime(), Limits::withCpuTime);
    limits = apply(limits, "memory", overrides.memory(), Limits::withMemoryBytes);
    limits = apply(limits, "cpus", overrides.cpus(), Limits::withCpus);
    limits = apply(limits, "pids", overrides.pids(), Limits::withPids);
    limits = apply(limits, "fileSize", overrides.fileSize(), Limits::withFileSizeBytes);
    limits = apply(limits, "tmpfsSize", overrides.tmpfsSize(), Limits::withTmpfsBytes);
    limits = apply(limits, "openFiles", overrides.openFiles(), Limits::withOpenFiles);
    limits = apply(limits, "outputLimit", overrides.outputLimit(), Limits::withOutputBytes);
    String max = ceiling.maximumProfile();
    if (max != null && !limits.within(Profiles.named(max))) {
      throw new LimitsNotAllowed(max);
    }
    return limits;
  }

  private static <T> Limits apply(
      Limits limits, String name, T value, BiFunction<Limits, T, Limits> with) {
    if (value == null) {
      return limits;
    }
    try {
      return with.apply(limits, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidField("limits." + name, e.getMessage());
    }
  }

  /** A request the rule refuses; the API's error code says which kind. */
  public abstract static sealed class Refusal extends IllegalArgumentException
      permits InvalidField, LimitsNotAllowed {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }

    /** The API's machine-readable code for it. */
    public abstract String code();
  }

  /** A value out of bounds, or a name that does not exist ({@code invalid_field}). */
  public static final class InvalidField extends Refusal {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    InvalidField(String field, String reason) {
      super(field + ": " + reason);
      this.field = field;
      this.reason = reason;
    }

    /** The field at fault, as the API names it: {@code policy}, {@code limits.memory}... */
    public String field() {
      return field;
    }

    /** What is wrong with it, without its name. */
    public String reason() {
      return reason;
    }

    @Override
    public String code() {
      return "invalid_field";
    }
  }

  /** Limits beyond the ceiling's maximum profile ({@code limits_not_allowed}). */
  public static final class LimitsNotAllowed extends Refusal {
    private static final long serialVersionUID = 1L;

    private final String maximumProfile;

    LimitsNotAllowed(String maximumProfile) {
      super("the requested limits exceed the maximum profile '" + maximumProfile + "'");
      this.maximumProfile = maximumProfile;
    }

    public String maximumProfile() {
      return maximumProfile;
    }

    @Override
    public String code() {
      return "limits_not_allowed";
    }
  }
}
