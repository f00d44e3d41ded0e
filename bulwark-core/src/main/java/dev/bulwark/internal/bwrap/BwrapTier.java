package dev.bulwark.internal.bwrap;

import dev.bulwark.EngineConfig;
import dev.bulwark.internal.cgroup.Cgroups;
import dev.bulwark.spi.EngineHost;
import dev.bulwark.spi.HostCheck;
import dev.bulwark.spi.SandboxBackend;
import dev.bulwark.spi.SandboxTier;
import dev.bulwark.spi.SandboxUnavailableException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bubblewrap tier (DESIGN.md §3): namespaces, seccomp and cgroups around the host's own kernel.
 * The engine's default, and its first implementation of the backend SPI.
 */
public final class BwrapTier implements SandboxTier {
  /** The tier's name. */
  public static final String NAME = "bubblewrap";

  private final EngineConfig config;

  public BwrapTier(EngineConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return HostFacts.version(config.bwrap()).orElse("");
  }

  @Override
  public List<HostCheck> checkHost() {
    return HostFacts.check(config);
  }

  @Override
  public SandboxBackend open(EngineHost host) {
    Cgroups cgroups = Cgroups.detect();
    List<String> warnings = new ArrayList<>();
    List<String> problems = HostFacts.startProblems(config, cgroups, warnings);
    if (!problems.isEmpty()) {
      throw new SandboxUnavailableException(problems);
    }
    // Problems left here were allowed: the engine runs degraded, without cgroups.
    return BwrapBackend.open(config, host, cgroups.problems().isEmpty() ? cgroups : null, warnings);
  }
}
