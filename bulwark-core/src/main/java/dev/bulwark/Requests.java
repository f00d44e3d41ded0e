package dev.bulwark;

import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.LimitOverrides;
import dev.bulwark.model.Limits;
import dev.bulwark.model.Units;
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
 *   <li>the source is at most the ceiling's source cap ({@value #DEFAULT_MAX_SOURCE_BYTES} bytes of
 *       UTF-8 unless the operator chose another): a program of 50 MB is refused before anything
 *       else is read from it;
 *   <li>the policy is the ceiling's, tightened by a built-in policy the request names: a request
 *       never loosens it;
 *   <li>the limits are the named profile (the ceiling's default when none is named) with each
 *       override applied, judged by {@link Limits}' own bounds; with a maximum, the result must lie
 *       within it;
 *   <li>the isolation tier is the ceiling's unless the request names one at least as strong: a
 *       caller set to gVisor never runs on bubblewrap.
 * </ul>
 *
 * A refusal is a {@link Refusal} that names what is at fault, in the API's terms ({@code
 * limits.memory}, {@code profile}, {@code policy}). Stateless and thread-safe.
 */
public final class Requests {
  /** The source cap of a ceiling that names none: 1 MiB of UTF-8. */
  public static final long DEFAULT_MAX_SOURCE_BYTES = 1L << 20;

  private Requests() {}

  /**
   * The most a caller may ask for.
   *
   * @param policy the caller's policy, which a request may only tighten
   * @param defaultProfile the limits profile of a request that names none
   * @param maximumProfile the profile no request may exceed, or null for none (the operator's own
   *     command line, whose flags may loosen a profile as well)
   * @param maxSourceBytes the largest source, in bytes of UTF-8
   * @param isolation the weakest tier a request may run in, and its default; null for the engine's
   *     default, with no floor
   */
  public record Ceiling(
      Policy policy,
      String defaultProfile,
      String maximumProfile,
      long maxSourceBytes,
      Isolation isolation) {
    /**
     * @throws IllegalArgumentException for a profile that does not exist, or a source cap below 1
     */
    public Ceiling {
      Objects.requireNonNull(policy, "policy");
      Profiles.named(defaultProfile);
      if (maximumProfile != null) {
        Profiles.named(maximumProfile);
      }
      if (maxSourceBytes < 1) {
        throw new IllegalArgumentException("the source cap must be at least 1 byte");
      }
    }

    /**
     * A tenant's ceiling: its policy, and its maximum profile, which is also its default; the
     * default source cap.
     */
    public static Ceiling of(Policy policy, String maximumProfile) {
      return new Ceiling(
          policy,
          maximumProfile,
          Objects.requireNonNull(maximumProfile),
          DEFAULT_MAX_SOURCE_BYTES,
          null);
    }

    /**
     * The operator's own: the policy, its limits preset by default, no maximum, and the default
     * source cap.
     */
    public static Ceiling unbounded(Policy policy) {
      return new Ceiling(policy, policy.limits(), null, DEFAULT_MAX_SOURCE_BYTES, null);
    }

    /** The same ceiling with another source cap. */
    public Ceiling withMaxSourceBytes(long bytes) {
      return new Ceiling(policy, defaultProfile, maximumProfile, bytes, isolation);
    }

    /** The same ceiling with another isolation floor (null: none). */
    public Ceiling withIsolation(Isolation floor) {
      return new Ceiling(policy, defaultProfile, maximumProfile, maxSourceBytes, floor);
    }
  }

  /**
   * The job a request asks for, within the ceiling. The language is not checked here: the engine
   * knows its runtimes.
   *
   * @throws Refusal for a source, policy, profile or override the ceiling does not allow
   */
  public static Job resolve(ExecutionRequest request, Ceiling ceiling) {
    source(utf8Length(request.code()), ceiling);
    byte[] stdin =
        request.stdin() == null ? new byte[0] : request.stdin().getBytes(StandardCharsets.UTF_8);
    return new Job(
        request.language(),
        request.code(),
        limits(request.profile(), request.limits(), ceiling),
        stdin,
        policy(request.policy(), ceiling),
        isolation(request.isolation(), ceiling));
  }

  /**
   * The tier a request runs in: the ceiling's, or the one it names when that is at least as strong.
   *
   * @param requested a tier's name, or null for the ceiling's own (null again when the ceiling has
   *     none: the engine's default)
   * @throws InvalidField {@code isolation}, when it names no tier
   * @throws IsolationNotAllowed when it names a weaker tier than the ceiling's
   */
  public static Isolation isolation(String requested, Ceiling ceiling) {
    if (requested == null) {
      return ceiling.isolation();
    }
    Isolation wanted;
    try {
      wanted = Isolation.named(requested);
    } catch (IllegalArgumentException e) {
      throw new InvalidField("isolation", "one of " + Isolation.names());
    }
    if (ceiling.isolation() != null && !wanted.atLeast(ceiling.isolation())) {
      throw new IsolationNotAllowed(wanted, ceiling.isolation());
    }
    return wanted;
  }

  /**
   * Checks a source's size against the ceiling's cap, before anything else is done with it (a
   * caller that reads the source itself need read no more than the cap and one byte).
   *
   * @param bytes the source's length in bytes of UTF-8
   * @throws SourceTooLarge when it is over the cap
   */
  public static void source(long bytes, Ceiling ceiling) {
    if (bytes > ceiling.maxSourceBytes()) {
      throw new SourceTooLarge(ceiling.maxSourceBytes());
    }
  }

  /** The length of {@code text} in UTF-8, counted without encoding it. */
  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3; // a lone surrogate is written as '?' or U+FFFD: never longer than this
      }
    }
    return bytes;
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
      permits InvalidField, LimitsNotAllowed, IsolationNotAllowed, SourceTooLarge {
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

  /** A tier weaker than the ceiling's ({@code isolation_not_allowed}). */
  public static final class IsolationNotAllowed extends Refusal {
    private static final long serialVersionUID = 1L;

    private final Isolation floor;

    IsolationNotAllowed(Isolation requested, Isolation floor) {
      super(
          "isolation '"
              + requested.tierName()
              + "' is weaker than '"
              + floor.tierName()
              + "', which the caller must run in");
      this.floor = floor;
    }

    /** The weakest tier the caller may run in. */
    public Isolation floor() {
      return floor;
    }

    @Override
    public String code() {
      return "isolation_not_allowed";
    }
  }

  /** A source over the ceiling's cap ({@code source_too_large}). */
  public static final class SourceTooLarge extends Refusal {
    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    SourceTooLarge(long maxBytes) {
      super("the code exceeds the source cap of " + Units.formatSize(maxBytes));
      this.maxBytes = maxBytes;
    }

    /** The cap, in bytes of UTF-8. */
    public long maxBytes() {
      return maxBytes;
    }

    @Override
    public String code() {
      return "source_too_large";
    }
  }
}
