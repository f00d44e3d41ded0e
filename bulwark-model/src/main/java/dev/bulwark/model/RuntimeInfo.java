package dev.bulwark.model;

import java.util.Objects;

/**
 * The runtime an execution used: its name and the version it reports about itself.
 *
 * @param name the runtime's canonical name, e.g. {@code python}
 * @param version its exact version, e.g. {@code 3.12.3}; empty when it could not be asked
 */
public record RuntimeInfo(String name, String version) {
  /**
   * @throws NullPointerException without a name
   */
  public RuntimeInfo {
    Objects.requireNonNull(name, "name");
    version = version == null ? "" : version;
  }
}
