package dev.bulwark.model;

import java.util.List;
import java.util.Objects;

/**
 * A runtime as callers see it ({@code GET /v1/runtimes}, the MCP tool {@code list_runtimes}).
 * Immutable: the lists are copies.
 *
 * @param name its canonical name
 * @param version its exact version
 * @param aliases other names a request may use
 * @param extensions file extensions that select it
 * @param packages the modules a program can import, as the runtime lists them inside a sandbox
 */
public record RuntimeDescription(
    String name,
    String version,
    List<String> aliases,
    List<String> extensions,
    List<String> packages) {
  /**
   * @throws NullPointerException without a name or a version
   */
  public RuntimeDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
    packages = packages == null ? List.of() : List.copyOf(packages);
  }
}
