package dev.bulwark.internal.bwrap;

import dev.bulwark.EngineConfig;
import dev.bulwark.internal.cgroup.Cgroups;
import dev.bulwark.internal.host.HostProbes;
import dev.bulwark.internal.host.HostUser;
import dev.bulwark.internal.launch.LauncherImage;
import dev.bulwark.internal.seccomp.SeccompFilters;
import dev.bulwark.spi.HostCheck;
import dev.bulwark.spi.HostCheck.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this host offers the bubblewrap tier, read from the host and never changed: the bubblewrap
 * binary and its version, user namespaces, the cgroup hierarchy, seccomp, the uid the payload runs
 * as. Two readings: {@link #check} for {@code bulwark doctor} (every fact, each with its fix), and
 * {@link #startProblems} for the engine's start, which fails closed on what would leave a limit
 * unenforced. Stateless.
 */
final class HostFacts {
  private static final Logger LOG = LoggerFactory.getLogger(HostFacts.class);
  private static final Pattern BWRAP_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
  private static final Map<Path, Optional<String>> VERSIONS = new ConcurrentHashMap<>();

  private HostFacts() {}

  /** Every fact the doctor reports, in order. */
  static List<HostCheck> check(EngineConfig config) {
    return List.of(
        bubblewrap(config.bwrap()),
        HostProbes.userNamespaces(),
        cgroups(Cgroups.detect(), config.allowDegraded()),
        seccomp(),
        identity(config));
  }

  /**
   * What stops an engine from starting: no bubblewrap, no launcher, cgroups that cannot limit
   * (unless the configuration allows a degraded mode, for which {@code warnings} gets a line).
   */
  static List<String> startProblems(EngineConfig config, Cgroups cgroups, List<String> warnings) {
    List<String> problems = new ArrayList<>();
    if (!Files.isExecutable(config.bwrap())) {
      problems.add(
          "bubblewrap is not installed at " + config.bwrap() + ": apt-get install bubblewrap");
    }
    if (!LauncherImage.built()) {
      problems.add(
          "the sandbox launcher was not built with bulwark-core (its build compiles"
              + " src/main/c/bulwark-launch.c): apt-get install gcc libc6-dev, then rebuild");
    }
    if (!cgroups.problems().isEmpty()) {
      if (config.allowDegraded()) {
        warnings.add(
            "DEGRADED: no cgroup limits (memory, pids, CPU quota): "
                + String.join("; ", cgroups.problems()));
      } else {
        problems.addAll(cgroups.problems());
      }
    }
    return problems;
  }

  /** bwrap's version, as it reports it ({@code 0.8.0}), read once per binary. */
  static Optional<String> version(Path bwrap) {
    return VERSIONS.computeIfAbsent(
        bwrap,
        path -> {
          if (!Files.isExecutable(path)) {
            return Optional.empty();
          }
          Matcher m =
              BWRAP_VERSION.matcher(HostProbes.capture(List.of(path.toString(), "--version")));
          return m.find() ? Optional.of(m.group()) : Optional.empty();
        });
  }

  private static HostCheck bubblewrap(Path bwrap) {
    if (!Files.isExecutable(bwrap)) {
      return new HostCheck(
          "bubblewrap",
          Level.FAIL,
          bwrap + " not found",
          "apt-get install bubblewrap (0.8 or newer)");
    }
    Optional<String> version = version(bwrap);
    if (version.isEmpty()) {
      return new HostCheck(
          "bubblewrap", Level.FAIL, "cannot read the version of " + bwrap, "reinstall bubblewrap");
    }
    Matcher m = BWRAP_VERSION.matcher(version.get());
    if (m.matches() && Integer.parseInt(m.group(1)) == 0 && Integer.parseInt(m.group(2)) < 8) {
      return new HostCheck(
          "bubblewrap",
          Level.FAIL,
          "version " + m.group() + " lacks --disable-userns",
          "install bubblewrap 0.8 or newer");
    }
    return new HostCheck("bubblewrap", Level.OK, version.get() + " (" + bwrap + ")", "");
  }

  private static HostCheck cgroups(Cgroups cgroups, boolean degradedAllowed) {
    if (cgroups.problems().isEmpty()) {
      return new HostCheck("cgroups", Level.OK, cgroups.describe(), "");
    }
    return new HostCheck(
        "cgroups",
        degradedAllowed ? Level.WARN : Level.FAIL,
        cgroups.describe() + ": " + String.join("; ", cgroups.problems()),
        degradedAllowed
            ? "runs degraded, without memory, pids or CPU limits: to enforce them, fix the above"
            : "fix the above, or accept the risk with --degraded");
  }

  private static HostCheck seccomp() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("bulwark-doctor");
      SeccompFilters filters = SeccompFilters.compileDefault(dir);
      String detail =
          "allowlist "
              + Files.size(filters.allowlist()) / 8
              + " and guard "
              + Files.size(filters.guard()) / 8
              + " BPF instructions";
      if (!filters.unknownSyscalls().isEmpty()) {
        detail +=
            "; unknown to this libseccomp (stay denied): "
                + String.join(", ", filters.unknownSyscalls());
      }
      return new HostCheck("seccomp", Level.OK, detail, "");
    } catch (IOException | RuntimeException e) {
      return new HostCheck(
          "seccomp", Level.FAIL, String.valueOf(e.getMessage()), "apt-get install libseccomp2");
    } finally {
      deleteQuietly(dir);
    }
  }

  private static HostCheck identity(EngineConfig config) {
    if (HostUser.isRoot()) {
      return new HostCheck(
          "payload uid",
          Level.OK,
          "host uids " + config.sandboxUidBase() + "+ (one per running sandbox), never 0",
          "");
    }
    return new HostCheck(
        "payload uid",
        Level.WARN,
        "host uid " + HostUser.uid() + " (the engine's own)",
        "run as root for a distinct unprivileged uid per sandbox");
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.debug("a temporary directory of the doctor stays behind: {}", dir, e);
    }
  }
}
