package dev.bulwark.model;

import java.util.Objects;

/**
 * An isolation tier as callers see it ({@code GET /v1/runtimes}, {@code bulwark doctor}): whether
 * it runs on this host and the version of what isolates.
 *
 * @param name its name: {@code bubblewrap}, {@code gvisor}
 * @param version the version of what isolates ({@code bwrap}'s, {@code runsc}'s), empty when it is
 *     not installed
 * @param available whether a request may run in it here
 * @param problem why it cannot run here; empty when it can
 */
public record TierDescription(String name, String version, boolean available, String problem) {
  /**
   * @throws NullPointerException without a name
   */
  public TierDescription {
    Objects.requireNonNull(name, "name");
    version = version == null ? "" : version;
    problem = problem == null ? "" : problem;
  }
}
