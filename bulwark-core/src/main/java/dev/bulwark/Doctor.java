package dev.bulwark;

import dev.bulwark.internal.cgroup.Cgroups;
import dev.bulwark.internal.host.HostUser;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.internal.seccomp.SeccompFilters;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policies;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.SandboxUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that this host can run sandboxes safely, and says how to fix what it cannot. The last
 * check runs a real sandbox, so a green doctor means a working engine.
 */
public final class Doctor {
  /** One finding of the doctor. */
  public record Check(String name, Level level, String detail, String fix) {}

  /** OK works; WARN works with a caveat; FAIL stops the engine (or a runtime). */
  public enum Level {
    OK,
    WARN,
    FAIL
  }

  private static final Pattern BWRAP_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  private Doctor() {}

  public static List<Check> run(EngineConfig config) {
    List<Check> checks = new ArrayList<>();
    checks.add(bubblewrap(config.bwrap()));
    checks.add(userNamespaces());
    checks.add(cgroups(config.allowDegraded()));
    checks.add(seccomp());
    checks.add(identity(config));
    Runtimes runtimes = Runtimes.builtIn();
    for (RuntimeDescriptor d : runtimes.all()) {
      try {
        checks.add(
            new Check(
                "runtime " + d.name(),
                Level.OK,
                d.command().getFirst() + " " + runtimes.info(d).version(),
                ""));
      } catch (IllegalStateException e) {
        checks.add(
            new Check("runtime " + d.name(), Level.FAIL, e.getMessage(), installHint(d.name())));
      }
    }
    checks.addAll(smokeTest(config));
    return checks;
  }

  private static Check bubblewrap(Path bwrap) {
    if (!Files.isExecutable(bwrap)) {
      return new Check(
          "bubblewrap",
          Level.FAIL,
          bwrap + " not found",
          "apt-get install bubblewrap (0.8 or newer)");
    }
    String out = capture(List.of(bwrap.toString(), "--version"));
    Matcher m = BWRAP_VERSION.matcher(out);
    if (!m.find()) {
      return new Check(
          "bubblewrap",
          Level.FAIL,
          "cannot read the version of " + bwrap + ": " + out.strip(),
          "reinstall bubblewrap");
    }
    int major = Integer.parseInt(m.group(1)), minor = Integer.parseInt(m.group(2));
    if (major == 0 && minor < 8) {
      return new Check(
          "bubblewrap",
          Level.FAIL,
          "version " + m.group() + " lacks --disable-userns",
          "install bubblewrap 0.8 or newer");
    }
    return new Check("bubblewrap", Level.OK, m.group() + " (" + bwrap + ")", "");
  }

  private static Check userNamespaces() {
    String max = read("/proc/sys/user/max_user_namespaces");
    if (max.equals("0")) {
      return new Check(
          "user namespaces",
          Level.FAIL,
          "user.max_user_namespaces is 0",
          "sysctl -w user.max_user_namespaces=15000");
    }
    if (read("/proc/sys/kernel/unprivileged_userns_clone").equals("0")) {
      return new Check(
          "user namespaces",
          Level.FAIL,
          "unprivileged user namespaces are disabled",
          "sysctl -w kernel.unprivileged_userns_clone=1");
    }
    if (read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns").equals("1")) {
      return new Check(
          "user namespaces",
          Level.FAIL,
          "AppArmor restricts unprivileged user namespaces",
          "add an AppArmor profile allowing userns for /usr/bin/bwrap, or sysctl -w kernel.apparmor_restrict_unprivileged_userns=0");
    }
    return new Check(
        "user namespaces", Level.OK, "available (max " + (max.isEmpty() ? "?" : max) + ")", "");
  }

  private static Check cgroups(boolean degradedAllowed) {
    Cgroups cgroups = Cgroups.detect();
    if (cgroups.problems().isEmpty()) {
      return new Check("cgroups", Level.OK, cgroups.describe(), "");
    }
    return new Check(
        "cgroups",
        degradedAllowed ? Level.WARN : Level.FAIL,
        cgroups.describe() + ": " + String.join("; ", cgroups.problems()),
        degradedAllowed
            ? "running degraded: no memory, pids or CPU limits"
            : "fix the above, or accept the risk with --degraded");
  }

  private static Check seccomp() {
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
      return new Check("seccomp", Level.OK, detail, "");
    } catch (IOException | RuntimeException e) {
      return new Check(
          "seccomp", Level.FAIL, String.valueOf(e.getMessage()), "apt-get install libseccomp2");
    } finally {
      deleteQuietly(dir);
    }
  }

  private static Check identity(EngineConfig config) {
    if (HostUser.isRoot()) {
      return new Check(
          "payload uid",
          Level.OK,
          "host uids " + config.sandboxUidBase() + "+ (one per running sandbox), never 0",
          "");
    }
    return new Check(
        "payload uid",
        Level.WARN,
        "host uid " + HostUser.uid() + " (the engine's own)",
        "run as root for a distinct unprivileged uid per sandbox");
  }

  /** A real sandbox run, then each runner's parse of a known program, judged by its findings. */
  private static List<Check> smokeTest(EngineConfig config) {
    try (Engine engine = Engine.start(config)) {
      ExecutionResult r = engine.execute(new Job("bash", "echo sandbox-ok", Profiles.STRICT));
      if (r.status() != Status.OK || !r.stdout().strip().equals("sandbox-ok")) {
        return List.of(
            new Check(
                "sandbox",
                Level.FAIL,
                r.status() + ": " + r.reason() + " " + r.stderr().strip(),
                "see the checks above"));
      }
      return List.of(
          new Check("sandbox", Level.OK, "a real sandbox ran in " + r.wallMs() + " ms", ""),
          parser(engine, "python", "import subprocess", "py.process", "apt-get install python3"),
          parser(
              engine,
              "javascript",
              "require('child_process')",
              "js.process",
              "apt-get install node-acorn"));
    } catch (SandboxUnavailableException e) {
      return List.of(
          new Check(
              "sandbox",
              Level.FAIL,
              "engine refused to start: " + String.join("; ", e.problems()),
              "fix the checks above"));
    } catch (RuntimeException e) {
      return List.of(
          new Check("sandbox", Level.FAIL, String.valueOf(e.getMessage()), "see the checks above"));
    }
  }

  /** The validation layer of one language: its runner parses a program and a rule finds it. */
  private static Check parser(
      Engine engine, String language, String code, String expectedRule, String fix) {
    String name = "validation " + language;
    try {
      boolean found =
          engine.validate(language, code, Policies.standard()).findings().stream()
              .anyMatch(f -> f.ruleId().equals(expectedRule));
      return found
          ? new Check(name, Level.OK, "parsed in the sandbox; " + expectedRule + " found", "")
          : new Check(name, Level.FAIL, "the parser ran but found nothing in: " + code, fix);
    } catch (RuntimeException e) {
      return new Check(name, Level.FAIL, String.valueOf(e.getMessage()), fix);
    }
  }

  private static String installHint(String runtime) {
    return switch (runtime) {
      case "python" -> "apt-get install python3";
      case "javascript" -> "apt-get install nodejs node-acorn";
      case "bash" -> "apt-get install bash";
      default -> "install the runtime's interpreter";
    };
  }

  /**
   * A small /proc or /sys file, read in one call: a sysctl file answers a short first read with a
   * short value and then end of file, so a reader that starts small (as {@link Files#readString}
   * does for files that report size 0) sees only the first digit.
   */
  static String read(String file) {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
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
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp dir left behind is harmless
    }
  }
}
