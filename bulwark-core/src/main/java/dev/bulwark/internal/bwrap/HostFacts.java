package dev.bulwark.internal.bwrap;

import dev.bulwark.EngineConfig;
import dev.bulwark.internal.cgroup.Cgroups;
import dev.bulwark.internal.host.HostUser;
import dev.bulwark.internal.seccomp.SeccompFilters;
import dev.bulwark.spi.HostCheck;
import dev.bulwark.spi.HostCheck.Level;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  private HostFacts() {}

  /** Every fact the doctor reports, in order. */
  static List<HostCheck> check(EngineConfig config) {
    return List.of(
        bubblewrap(config.bwrap()),
        userNamespaces(),
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

  private static HostCheck bubblewrap(Path bwrap) {
    if (!Files.isExecutable(bwrap)) {
      return new HostCheck(
          "bubblewrap",
          Level.FAIL,
          bwrap + " not found",
          "apt-get install bubblewrap (0.8 or newer)");
    }
    String out = capture(List.of(bwrap.toString(), "--version"));
    Matcher m = BWRAP_VERSION.matcher(out);
    if (!m.find()) {
      return new HostCheck(
          "bubblewrap",
          Level.FAIL,
          "cannot read the version of " + bwrap + ": " + out.strip(),
          "reinstall bubblewrap");
    }
    int major = Integer.parseInt(m.group(1)), minor = Integer.parseInt(m.group(2));
    if (major == 0 && minor < 8) {
      return new HostCheck(
          "bubblewrap",
          Level.FAIL,
          "version " + m.group() + " lacks --disable-userns",
          "install bubblewrap 0.8 or newer");
    }
    return new HostCheck("bubblewrap", Level.OK, m.group() + " (" + bwrap + ")", "");
  }

  private static HostCheck userNamespaces() {
    String max = read("/proc/sys/user/max_user_namespaces");
    if (max.equals("0")) {
      return new HostCheck(
          "user namespaces",
          Level.FAIL,
          "user.max_user_namespaces is 0",
          "sysctl -w user.max_user_namespaces=15000");
    }
    if (read("/proc/sys/kernel/unprivileged_userns_clone").equals("0")) {
      return new HostCheck(
          "user namespaces",
          Level.FAIL,
          "unprivileged user namespaces are disabled",
          "sysctl -w kernel.unprivileged_userns_clone=1");
    }
    if (read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns").equals("1")) {
      return new HostCheck(
          "user namespaces",
          Level.FAIL,
          "AppArmor restricts unprivileged user namespaces",
          "add an AppArmor profile allowing userns for /usr/bin/bwrap, or sysctl -w kernel.apparmor_restrict_unprivileged_userns=0");
    }
    return new HostCheck(
        "user namespaces", Level.OK, "available (max " + (max.isEmpty() ? "?" : max) + ")", "");
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

  /**
   * A small /proc or /sys file, read in one call: a sysctl file answers a short first read with a
   * short value and then end of file, so a reader that starts small (as {@link Files#readString}
   * does for files that report size 0) sees only the first digit. Empty when it cannot be read (a
   * kernel without that setting).
   */
  static String read(String file) {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      LOG.debug("cannot read {}: {}", file, e.toString());
      return "";
    }
  }

  private static String capture(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
      p.waitFor(10, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
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
