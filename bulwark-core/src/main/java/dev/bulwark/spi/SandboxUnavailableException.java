package dev.bulwark.spi;

import java.util.List;

/** The sandbox cannot be built safely on this host; each problem names its fix. */
public final class SandboxUnavailableException extends RuntimeException {
  private final List<String> problems;

  public SandboxUnavailableException(List<String> problems) {
    super("the sandbox cannot run safely here:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Machine-readable code for the API and the CLI. */
  public String code() {
    return "sandbox_unavailable";
  }

  public List<String> problems() {
    return problems;
  }
}
