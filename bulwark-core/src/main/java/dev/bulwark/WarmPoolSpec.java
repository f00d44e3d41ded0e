package dev.bulwark;

import java.util.Objects;

/**
 * A warm pool to keep: {@code size} sandboxes of a runtime, under a limits profile, started ahead
 * and waiting for their program. Only runtimes with a runner can wait warm; the policy needs no
 * pool of its own, because the host applies it when the program arrives.
 *
 * @param runtime a runtime name or alias, e.g. {@code python}
 * @param profile a limits profile name ({@link Profiles}); a request whose limits differ from it
 *     only in wall-clock timeout or output limit is served from the pool too
 * @param size how many sandboxes wait (0: none)
 */
public record WarmPoolSpec(String runtime, String profile, int size) {
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

  /**
   * Reads {@code RUNTIME[:PROFILE]=SIZE}, as {@code bulwark serve --pool} takes it; the profile is
   * {@code default} when omitted.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static WarmPoolSpec parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "a warm pool is RUNTIME[:PROFILE]=SIZE, e.g. python:default=4; got '" + text + "'");
    }
    String key = text.substring(0, eq).strip();
    int colon = key.indexOf(':');
    String runtime = colon < 0 ? key : key.substring(0, colon);
    String profile = colon < 0 ? "default" : key.substring(colon + 1);
    int size;
    try {
      size = Integer.parseInt(text.substring(eq + 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "a warm pool's size must be a whole number, got '" + text.substring(eq + 1) + "'");
    }
    return new WarmPoolSpec(runtime, profile, size);
  }

  @Override
  public String toString() {
    return runtime + ":" + profile + "=" + size;
  }
}
