package dev.bulwark;

import java.util.Objects;

/**
 * A warm pool to keep: {@code size} sandboxes of a runtime, under a limits profile, in an isolation
 * tier, started ahead and waiting for their program. Only runtimes with a runner can wait warm; the
 * policy needs no pool of its own, because the host applies it when the program arrives.
 *
 * @param runtime a runtime name or alias, e.g. {@code python}
 * @param profile a limits profile name ({@link Profiles}); a request whose limits differ from it
 *     only in wall-clock timeout or output limit is served from the pool too
 * @param isolation the tier its sandboxes run in, null for the engine's default (bubblewrap); a run
 *     of another tier never takes one
 * @param size how many sandboxes wait (0: none)
 */
public record WarmPoolSpec(String runtime, String profile, Isolation isolation, int size) {
  /** The largest pool: each waiting sandbox holds a uid, a cgroup and an idle interpreter. */
  public static final int MAX_SIZE = 64;

  public WarmPoolSpec {
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(profile, "profile");
    Profiles.named(profile);
    if (size < 0 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "a warm pool's size must be between 0 and " + MAX_SIZE + ", was " + size);
    }
  }

  /** A pool of the engine's default tier. */
  public WarmPoolSpec(String runtime, String profile, int size) {
    this(runtime, profile, null, size);
  }

  /**
   * Reads {@code RUNTIME[:PROFILE[:ISOLATION]]=SIZE}, as {@code bulwark serve --pool} takes it; the
   * profile is {@code default} and the isolation the engine's default when omitted.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static WarmPoolSpec parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "a warm pool is RUNTIME[:PROFILE[:ISOLATION]]=SIZE, e.g. python:default=4 or"
              + " python:default:gvisor=4; got '"
              + text
              + "'");
    }
    String[] key = text.substring(0, eq).strip().split(":", -1);
    if (key.length > 3) {
      throw new IllegalArgumentException(
          "a warm pool is RUNTIME[:PROFILE[:ISOLATION]]=SIZE; got '" + text + "'");
    }
    String profile = key.length > 1 ? key[1] : "default";
    Isolation isolation = key.length > 2 ? Isolation.named(key[2]) : null;
    int size;
    try {
      size = Integer.parseInt(text.substring(eq + 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "a warm pool's size must be a whole number, got '" + text.substring(eq + 1) + "'");
    }
    return new WarmPoolSpec(key[0], profile, isolation, size);
  }

  @Override
  public String toString() {
    return runtime
        + ":"
        + profile
        + (isolation == null ? "" : ":" + isolation.tierName())
        + "="
        + size;
  }
}
