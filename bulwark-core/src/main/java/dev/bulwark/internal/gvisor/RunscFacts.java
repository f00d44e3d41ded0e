package dev.bulwark.internal.gvisor;

import dev.bulwark.EngineConfig;
import dev.bulwark.GvisorPlatform;
import dev.bulwark.internal.cgroup.Cgroups;
import dev.bulwark.internal.host.HostProbes;
import dev.bulwark.internal.host.HostUser;
import dev.bulwark.internal.launch.LauncherImage;
import dev.bulwark.spi.HostCheck;
import dev.bulwark.spi.HostCheck.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this host offers the gVisor tier, read from the host and never changed: {@code runsc} and
 * its version, the platform and whether KVM is there, the cgroups, user namespaces. Two readings,
 * as the bubblewrap tier's: {@link #check} for {@code bulwark doctor}, {@link #startProblems} for
 * the engine's start, which fails closed. Stateless but for a cache of versions.
 */
final class RunscFacts {
  private static final Pattern VERSION = Pattern.compile("runsc version (\\S+)");
  private static final Path KVM = Path.of("/dev/kvm");
  private static final Map<Path, Optional<String>> VERSIONS = new ConcurrentHashMap<>();

  private RunscFacts() {}

  /** Every fact the doctor reports, in order. */
  static List<HostCheck> check(EngineConfig config, Cgroups cgroups) {
    List<HostCheck> checks = new ArrayList<>();
    checks.add(runsc(config.runsc()));
    checks.add(platform(config.gvisorPlatform()));
    if (!cgroups.problems().isEmpty()) {
      checks.add(
          new HostCheck(
              "gvisor cgroups",
              Level.WARN,
              "the gVisor tier cannot run without cgroups: "
                  + String.join("; ", cgroups.problems()),
              "it has no degraded mode: fix the cgroups (see above)"));
    }
    return checks;
  }

  /** What stops the tier from opening: no runsc, no KVM for the KVM platform, no cgroups. */
  static List<String> startProblems(EngineConfig config, Cgroups cgroups) {
    List<String> problems = new ArrayList<>();
    if (!Files.isExecutable(config.runsc())) {
      problems.add(
          "gVisor's runsc is not installed at " + config.runsc() + ": apt-get install runsc");
    }
    if (config.gvisorPlatform() == GvisorPlatform.KVM && !kvmUsable()) {
      problems.add(
          "the gVisor platform is kvm but " + kvmFact() + ": use --gvisor-platform ptrace");
    }
    if (!LauncherImage.built() || !Rootfs.built()) {
      problems.add(
          "the sandbox launcher or the statx wrapper was not built with bulwark-core (its build"
              + " compiles src/main/c): apt-get install gcc libc6-dev, then rebuild");
    }
    if (!cgroups.problems().isEmpty()) {
      problems.add(
          "the gVisor tier needs cgroups for its limits and has no degraded mode: "
              + String.join("; ", cgroups.problems()));
    }
    return problems;
  }

  /** runsc's version as it reports it ({@code 0.0~20221219.0} from Debian 12), if installed. */
  static Optional<String> version(Path runsc) {
    return VERSIONS.computeIfAbsent(
        runsc,
        path -> {
          if (!Files.isExecutable(path)) {
            return Optional.empty();
          }
          Matcher m = VERSION.matcher(HostProbes.capture(List.of(path.toString(), "--version")));
          return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
  }

  private static HostCheck runsc(Path runsc) {
    Optional<String> version = version(runsc);
    if (version.isEmpty()) {
      return new HostCheck(
          "gvisor",
          Level.WARN,
          (Files.exists(runsc) ? "cannot read the version of " : "not installed: ")
              + runsc
              + "; requests for the gvisor tier are refused, bubblewrap runs without it",
          "apt-get install runsc");
    }
    return new HostCheck(
        "gvisor", Level.OK, "runsc " + version.get() + " (" + runsc + "), rootless", "");
  }

  private static HostCheck platform(GvisorPlatform platform) {
    String kvm = kvmFact();
    return switch (platform) {
      case PTRACE -> new HostCheck("gvisor platform", Level.OK, "ptrace; KVM: " + kvm, "");
      case KVM ->
          kvmUsable()
              ? new HostCheck("gvisor platform", Level.OK, "kvm (" + KVM + ")", "")
              : new HostCheck(
                  "gvisor platform",
                  Level.FAIL,
                  "kvm configured, but " + kvm,
                  "use --gvisor-platform ptrace, or give sandbox uids a usable /dev/kvm");
    };
  }

  /** What the host offers the kvm platform, in words. */
  private static String kvmFact() {
    if (!Files.exists(KVM)) {
      return "no " + KVM + " on this host, so the ptrace platform is the one that runs here";
    }
    if (!kvmUsable()) {
      return KVM
          + " is there but the Sentry, which runs as an unprivileged sandbox uid, may not open it"
          + " (mode "
          + mode(KVM)
          + ")";
    }
    return KVM
        + " is usable: the kvm platform may be faster where virtualisation is not nested (the"
        + " doctor's gVisor sandbox check tries it with --gvisor-platform kvm)";
  }

  /**
   * /dev/kvm exists and the Sentry may open it: as root, the engine runs the Sentry as a sandbox
   * uid, for which the device must be open to all; else as the engine's own user.
   */
  static boolean kvmUsable() {
    if (!Files.exists(KVM)) {
      return false;
    }
    if (!HostUser.isRoot()) {
      return Files.isReadable(KVM) && Files.isWritable(KVM);
    }
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(KVM);
      return perms.contains(PosixFilePermission.OTHERS_READ)
          && perms.contains(PosixFilePermission.OTHERS_WRITE);
    } catch (IOException e) {
      return false;
    }
  }

  private static String mode(Path file) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
