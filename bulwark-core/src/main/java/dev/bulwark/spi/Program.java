package dev.bulwark.spi;

import java.util.List;
import java.util.Objects;

/**
 * What is handed off to a sandbox.
 *
 * @param code the program's source, UTF-8
 * @param networkAllow the hosts it may reach through the egress proxy, as its policy says; empty:
 *     no network at all, not even the proxy
 * @param carriesFiles the job has input files or artifacts: the engine sends the files after the
 *     go-ahead and reads the artifacts from the outputs channel ({@link Sandbox#openChannel}); a
 *     tier starts a runtime without a runner under the workspace step then
 */
public record Program(String code, List<String> networkAllow, boolean carriesFiles) {
  public Program {
    Objects.requireNonNull(code, "code");
    networkAllow = List.copyOf(networkAllow);
  }

  /** A program without input files or artifacts. */
  public Program(String code, List<String> networkAllow) {
    this(code, networkAllow, false);
  }
}
