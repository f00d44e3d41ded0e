package dev.bulwark.internal.bwrap;

import dev.bulwark.EngineConfig;
import dev.bulwark.internal.cgroup.CgroupException;
import dev.bulwark.internal.cgroup.Cgroups;
import dev.bulwark.internal.launch.LauncherImage;
import dev.bulwark.internal.launch.Launchers;
import dev.bulwark.internal.layout.SandboxEtc;
import dev.bulwark.internal.seccomp.SeccompFilters;
import dev.bulwark.spi.EngineHost;
import dev.bulwark.spi.Sandbox;
import dev.bulwark.spi.SandboxBackend;
import dev.bulwark.spi.SandboxSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bubblewrap tier opened for one engine: what every sandbox of the engine shares, made once
 * (the compiled seccomp filters, the sandbox /etc, the launcher binary, the cgroup hierarchy), and
 * the launchers it stages ahead ({@link Launchers}).
 *
 * <p>Invariants: everything it creates on the host carries the engine's id (cgroups {@code
 * ID.SEQUENCE}, files under the engine's directory), so that {@link #recover} of a later engine can
 * tell what a dead one left; it never starts a sandbox itself, only prepares them ({@link
 * BwrapSandbox}). Thread-safe: immutable after {@link BwrapTier#open}, but for its launchers.
 */
final class BwrapBackend implements SandboxBackend {
  private final EngineHost host;
  private final Path bwrap;
  private final SeccompFilters filters;
  private final Cgroups cgroups; // null when degraded
  private final BwrapCommand.StaticFiles staticFiles;
  private final Launchers launchers;
  private final List<String> warnings;

  private BwrapBackend(
      EngineHost host,
      Path bwrap,
      SeccompFilters filters,
      Cgroups cgroups,
      BwrapCommand.StaticFiles staticFiles,
      Launchers launchers,
      List<String> warnings) {
    this.host = host;
    this.bwrap = bwrap;
    this.filters = filters;
    this.cgroups = cgroups;
    this.staticFiles = staticFiles;
    this.launchers = launchers;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Lays out what every sandbox shares in the engine's directory and stages the first launchers.
   *
   * @param cgroups the host's hierarchy, or null in degraded mode
   */
  static BwrapBackend open(
      EngineConfig config, EngineHost host, Cgroups cgroups, List<String> warnings) {
    Path dir = host.directory();
    SeccompFilters filters = SeccompFilters.compileDefault(dir.resolve("seccomp"));
    Path launcher = LauncherImage.link(dir.resolve(LauncherImage.RESOURCE));
    Optional<String> ca = host.egressCaPem();
    BwrapCommand.StaticFiles files =
        new BwrapCommand.StaticFiles(
            SandboxEtc.build(Path.of("/etc"), dir.resolve("etc"), ca),
            writeEmpty(dir.resolve("empty")),
            host.runners(),
            ca.isPresent() ? Map.of("NODE_EXTRA_CA_CERTS", SandboxEtc.EGRESS_CA_INSIDE) : Map.of());
    Launchers launchers =
        new Launchers(launcher, host::newSandboxName, cgroups, config.stagedLaunchers());
    BwrapBackend backend =
        new BwrapBackend(host, config.bwrap(), filters, cgroups, files, launchers, warnings);
    launchers.refill();
    return backend;
  }

  @Override
  public String tier() {
    return BwrapTier.NAME;
  }

  @Override
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Removes the cgroups of dead engines, host-wide: another engine's runs are alive whatever its
   * state directory. Their directories go with the engine's state ({@link EngineHost}).
   *
   * @throws CgroupException when some could not be removed: the engine does not start over what it
   *     cannot account for
   */
  @Override
  public int recover() {
    return cgroups == null
        ? 0
        : cgroups.cleanupStale(name -> host.isDeadEngine(Launchers.engineOf(name)));
  }

  @Override
  public Sandbox prepare(SandboxSpec spec) throws IOException {
    return BwrapSandbox.prepare(this, spec);
  }

  @Override
  public void restock() {
    launchers.restockLater();
  }

  @Override
  public void close() {
    launchers.close();
  }

  EngineHost host() {
    return host;
  }

  Path bwrap() {
    return bwrap;
  }

  SeccompFilters filters() {
    return filters;
  }

  BwrapCommand.StaticFiles staticFiles() {
    return staticFiles;
  }

  Launchers launchers() {
    return launchers;
  }

  private static Path writeEmpty(Path file) {
    try {
      Files.write(file, new byte[0]);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
