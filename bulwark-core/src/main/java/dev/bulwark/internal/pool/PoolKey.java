package dev.bulwark.internal.pool;

import java.util.Objects;

/**
 * What a warm pool keeps: sandboxes of one runtime, under one limits profile, of one isolation
 * tier. Sandboxes of one key are interchangeable.
 *
 * @param runtime the runtime's canonical name
 * @param profile the limits profile's name
 * @param tier the isolation tier's name
 */
public record PoolKey(String runtime, String profile, String tier) {
  public PoolKey {
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(tier, "tier");
  }

  @Override
  public String toString() {
    return runtime + ":" + profile + ":" + tier;
  }
}
