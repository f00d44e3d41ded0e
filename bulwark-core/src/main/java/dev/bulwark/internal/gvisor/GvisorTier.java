package dev.bulwark.internal.gvisor;

import dev.bulwark.EngineConfig;
import dev.bulwark.internal.cgroup.Cgroups;
import dev.bulwark.spi.EngineHost;
import dev.bulwark.spi.HostCheck;
import dev.bulwark.spi.SandboxBackend;
import dev.bulwark.spi.SandboxTier;
import dev.bulwark.spi.SandboxUnavailableException;
import java.util.List;

/**
 * The gVisor tier: programs run on gVisor's user-space kernel (the Sentry of {@code runsc}), which
 * implements Linux's system calls itself, so that a bug of the host kernel reachable from a sandbox
 * is not enough to reach the host. {@code runsc} runs rootless as the sandbox's leased uid, in the
 * run's cgroup, with the bubblewrap tier's files, limits and egress proxy (DESIGN.md §4a).
 */
public final class GvisorTier implements SandboxTier {
  /** The tier's name. */
  public static final String NAME = "gvisor";

  private final EngineConfig config;

  public GvisorTier(EngineConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return RunscFacts.version(config.runsc()).orElse("");
  }

  @Override
  public List<HostCheck> checkHost() {
    return RunscFacts.check(config, Cgroups.detect());
  }

  @Override
  public SandboxBackend open(EngineHost host) {
    Cgroups cgroups = Cgroups.detect();
    List<String> problems = RunscFacts.startProblems(config, cgroups);
    if (!problems.isEmpty()) {
      throw new SandboxUnavailableException(problems);
    }
    return GvisorBackend.open(config, host, cgroups);
  }
}
