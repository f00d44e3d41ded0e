package dev.bulwark.internal.gvisor;

import dev.bulwark.EngineConfig;
import dev.bulwark.internal.cgroup.CgroupException;
import dev.bulwark.internal.cgroup.Cgroups;
import dev.bulwark.internal.host.HostProbes;
import dev.bulwark.internal.launch.LauncherImage;
import dev.bulwark.internal.launch.Launchers;
import dev.bulwark.internal.layout.SandboxEtc;
import dev.bulwark.spi.EngineHost;
import dev.bulwark.spi.Sandbox;
import dev.bulwark.spi.SandboxBackend;
import dev.bulwark.spi.SandboxSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gVisor tier opened for one engine: what every sandbox of the engine shares, made once, on
 * first use (the read-only root, the sandbox /etc, the launcher binary), the {@code runsc} command
 * line, and the launchers it stages, once a gVisor sandbox has run, for the next ones.
 *
 * <pre>
 * engineDir/gvisor/           0711: the tier's files
 * engineDir/gvisor/rootfs/    0755: every sandbox's read-only root ({@link Rootfs})
 * engineDir/gvisor/etc/       0755: every sandbox's /etc ({@link SandboxEtc})
 * </pre>
 *
 * <p>Invariants: everything it creates on the host carries the engine's id (cgroups and {@code
 * runsc} container ids {@code ID.SEQUENCE}, files under the engine's directory), so that {@link
 * #recover} of a later engine can tell what a dead one left. Thread-safe: immutable after {@link
 * #open}, but for its launchers.
 */
final class GvisorBackend implements SandboxBackend {
  private static final Pattern OPEN_FILES = Pattern.compile("Max open files\\s+\\S+\\s+(\\S+)");

  private final EngineHost host;
  private final EngineConfig config;
  private final Cgroups cgroups;
  private final long hostOpenFiles;
  private volatile Shared shared; // made on first use: an engine that runs no gVisor pays nothing

  /** What every sandbox of the engine shares. */
  private record Shared(OciSpec.StaticFiles files, Launchers launchers) {}

  private GvisorBackend(EngineHost host, EngineConfig config, Cgroups cgroups) {
    this.host = host;
    this.config = config;
    this.cgroups = cgroups;
    this.hostOpenFiles = readNrOpen();
  }

  /** The tier for one engine; its files are laid out when its first sandbox is prepared. */
  static GvisorBackend open(EngineConfig config, EngineHost host, Cgroups cgroups) {
    return new GvisorBackend(host, config, cgroups);
  }

  private Shared shared() {
    Shared s = shared;
    if (s == null) {
      synchronized (this) {
        s = shared;
        if (s == null) {
          s = layOut();
          shared = s;
        }
      }
    }
    return s;
  }

  /** The tier's directory: the root and /etc every sandbox binds, the launcher's link. */
  private Shared layOut() {
    Path dir = host.directory().resolve("gvisor");
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<String> ca = host.egressCaPem();
    OciSpec.StaticFiles files =
        new OciSpec.StaticFiles(
            Rootfs.build(dir.resolve("rootfs")),
            SandboxEtc.build(Path.of("/etc"), dir.resolve("etc"), ca),
            host.runners(),
            env(ca.isPresent()));
    Path launcher = LauncherImage.link(dir.resolve(LauncherImage.RESOURCE));
    // Staged after gVisor runs (restock): an engine that never runs one stages none.
    return new Shared(
        files, new Launchers(launcher, host::newSandboxName, cgroups, config.stagedLaunchers()));
  }

  /** What every sandbox's environment gets: the statx wrapper, node's trust in the egress CA. */
  private static Map<String, String> env(boolean egressCa) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LD_PRELOAD", Rootfs.STATX);
    if (egressCa) {
      env.put("NODE_EXTRA_CA_CERTS", SandboxEtc.EGRESS_CA_INSIDE);
    }
    return env;
  }

  @Override
  public String tier() {
    return GvisorTier.NAME;
  }

  /** None: the tier has no degraded mode. */
  @Override
  public List<String> warnings() {
    return List.of();
  }

  /**
   * Kills what dead engines left of this tier, host-wide: their {@code runsc} processes (found by
   * the state directory on their command line, then swept with the cgroups named after the dead
   * engines). Their directories, runsc's state with them, go with the engine's state ({@link
   * EngineHost}).
   *
   * @throws CgroupException when some cgroups could not be removed: the engine does not start over
   *     what it cannot account for
   */
  @Override
  public int recover() {
    int sandboxes = Leftovers.killRunscOfDeadEngines(host::isDeadEngine);
    cgroups.cleanupStale(name -> host.isDeadEngine(Launchers.engineOf(name)));
    return sandboxes;
  }

  @Override
  public Sandbox prepare(SandboxSpec spec) throws IOException {
    return GvisorSandbox.prepare(this, spec);
  }

  @Override
  public void restock() {
    Shared s = shared;
    if (s != null) {
      s.launchers().restockLater();
    }
  }

  @Override
  public synchronized void close() {
    if (shared != null) {
      shared.launchers().close();
    }
  }

  EngineHost host() {
    return host;
  }

  OciSpec.StaticFiles files() {
    return shared().files();
  }

  Launchers launchers() {
    return shared().launchers();
  }

  /** The Sentry's open files limit on the host: gVisor asks for 2^20, the kernel may allow less. */
  long hostOpenFiles() {
    return hostOpenFiles;
  }

  /**
   * {@code runsc run} for the bundle in {@code runDir}, as the sandbox uid: rootless, its state in
   * the run's directory, no network but the sandbox's own loopback, host Unix sockets reachable
   * only where the sandbox's mounts show one (the egress proxy's, in the code directory), cgroups
   * left to the engine (the launcher joined them), and its report of the payload's exit in its
   * debug log ({@link RunscExit}).
   */
  List<String> runscCommand(Path runDir, String containerId) {
    return List.of(
        config.runsc().toString(),
        "--root=" + runDir.resolve("runsc"),
        "--rootless",
        "--ignore-cgroups",
        "--network=none",
        "--host-uds=open",
        "--platform=" + config.gvisorPlatform().flag(),
        "--debug",
        "--debug-log=" + runDir.resolve("runsc.log"),
        "--debug-command=run",
        "run",
        "--bundle",
        runDir.toString(),
        containerId);
  }

  /**
   * As many as the launcher may set: gVisor asks for 2^20, the kernel allows {@code fs.nr_open},
   * and without CAP_SYS_RESOURCE (in a container) no more than the engine's own hard limit.
   */
  private static long readNrOpen() {
    long limit = 1 << 20;
    try {
      limit = Math.min(limit, Long.parseLong(HostProbes.read("/proc/sys/fs/nr_open")));
    } catch (NumberFormatException e) {
      // no such setting: 2^20 is the kernel's default
    }
    Matcher hard = OPEN_FILES.matcher(HostProbes.read("/proc/self/limits"));
    if (hard.find() && !hard.group(1).equals("unlimited")) {
      limit = Math.min(limit, Long.parseLong(hard.group(1)));
    }
    return limit;
  }
}
