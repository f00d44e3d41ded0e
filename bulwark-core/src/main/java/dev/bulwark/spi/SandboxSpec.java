package dev.bulwark.spi;

import dev.bulwark.model.Limits;
import java.util.Objects;

/**
 * What one sandbox is for: a runtime under limits. Sandboxes of one spec are interchangeable, which
 * is what lets a warm pool start them before their program exists.
 *
 * @param runtime how to run the language, its runner and its environment
 * @param limits what the sandbox enforces (the wall clock and the output caps are the engine's)
 */
public record SandboxSpec(RuntimeDescriptor runtime, Limits limits) {
  /**
   * Where the program and its runner are inside every sandbox, whatever the tier: tracebacks name
   * {@code /run/bulwark/main.py} alike.
   */
  public static final String CODE_DIR = "/run/bulwark";

  public SandboxSpec {
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(limits, "limits");
  }
}
