package dev.bulwark.internal.gvisor;

import dev.bulwark.internal.layout.HostDirs;
import dev.bulwark.internal.layout.SandboxProgram;
import dev.bulwark.model.Json;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.SandboxSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI runtime specification ({@code config.json}) of one gVisor sandbox: bubblewrap's recipe
 * (DESIGN.md §3) in the terms of an OCI bundle. A read-only root of the engine's own ({@link
 * Rootfs}), the host's {@code /usr} and top-level program directories and the sandbox {@code /etc}
 * bound read-only, size-capped tmpfs for {@code /tmp}, {@code /dev/shm} and the workspace {@code
 * /work}, the run's code directory read-only at {@link SandboxSpec#CODE_DIR}; gVisor's own {@code
 * /proc}, {@code /sys} and {@code /dev}; no capability, no new privileges, the payload uid 1000;
 * the limits a process sees as rlimits, which the Sentry enforces.
 */
final class OciSpec {
  /** uid and gid of the payload inside gVisor (the Sentry's host uid is the leased one). */
  static final int INNER_ID = 1000;

  /**
   * Host-side files every sandbox of an engine uses: the read-only root, the sandbox /etc, the
   * runners' directory; and what the engine adds to every sandbox's environment.
   */
  record StaticFiles(Path rootfs, Path etc, Path runners, Map<String, String> env) {}

  /** A session's CPU rlimit: none in effect (seconds, far beyond any life). */
  private static final long SESSION_CPU_SECONDS = 3650L * 24 * 3600;

  private OciSpec() {}

  /**
   * The specification, as JSON.
   *
   * @param codeDir the run's host directory that holds (or will hold) the program and its runner
   * @param start whether the run may connect through the egress proxy and carries files (see {@link
   *     SandboxProgram#argv})
   */
  static String json(
      SandboxSpec sandbox, StaticFiles files, Path codeDir, SandboxProgram.Start start) {
    Limits limits = sandbox.limits();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("ociVersion", "1.0.2");
    spec.put("process", process(sandbox, files, start));
    spec.put("root", Map.of("path", files.rootfs().toString(), "readonly", true));
    spec.put("hostname", "sandbox");
    spec.put("mounts", mounts(limits, files, codeDir));
    // The Sentry is the kernel of every namespace; these keep its view of the host out.
    spec.put(
        "linux",
        Map.of(
            "namespaces",
            List.of("pid", "network", "ipc", "uts", "mount").stream()
                .map(type -> Map.of("type", type))
                .toList()));
    return Json.write(spec);
  }

  private static Map<String, Object> process(
      SandboxSpec sandbox, StaticFiles files, SandboxProgram.Start start) {
    Limits limits = sandbox.limits();
    Map<String, Object> process = new LinkedHashMap<>();
    process.put("terminal", false);
    process.put("user", Map.of("uid", INNER_ID, "gid", INNER_ID));
    process.put("args", SandboxProgram.argv(sandbox, start));
    process.put(
        "env",
        SandboxProgram.env(sandbox, files.env(), start).entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .toList());
    process.put("cwd", "/work");
    process.put("capabilities", Map.of());
    process.put("noNewPrivileges", true);
    // The CPU rlimit counts each process's own start-up, the runner's included, which the budget
    // does not: the host's watchdog measures the budget from the hand-off, and the rlimit is a
    // backstop one second later. The Sentry sends SIGXCPU and SIGXFSZ as Linux does. A session's
    // agent lives across many programs, whose CPU time the engine counts one by one: no rlimit.
    long cpu =
        sandbox.kind() == SandboxSpec.Kind.SESSION
            ? SESSION_CPU_SECONDS
            : Math.max(1, (limits.cpuTime().toMillis() + 999) / 1000) + 1;
    process.put(
        "rlimits",
        List.of(
            rlimit("RLIMIT_CPU", cpu, cpu + 1),
            rlimit("RLIMIT_FSIZE", Math.max(1, limits.fileSizeBytes())),
            rlimit("RLIMIT_NOFILE", limits.openFiles()),
            rlimit("RLIMIT_CORE", 0)));
    return process;
  }

  private static List<Map<String, Object>> mounts(Limits limits, StaticFiles files, Path codeDir) {
    List<Map<String, Object>> mounts = new ArrayList<>();
    mounts.add(Map.of("destination", "/proc", "type", "proc", "source", "proc"));
    mounts.add(readOnlyBind("/usr", "/usr"));
    for (HostDirs.TopDir top : HostDirs.TOP) {
      if (!top.isLink()) { // a merged /usr's links are in the root already (Rootfs)
        mounts.add(readOnlyBind(top.path(), top.path()));
      }
    }
    mounts.add(readOnlyBind(files.etc().toString(), "/etc"));
    String size = "size=" + limits.tmpfsBytes();
    for (String dir : List.of("/tmp", "/dev/shm", "/work")) {
      mounts.add(
          Map.of(
              "destination",
              dir,
              "type",
              "tmpfs",
              "source",
              "tmpfs",
              "options",
              List.of(size, "mode=1777", "nosuid", "nodev")));
    }
    mounts.add(readOnlyBind(codeDir.toString(), SandboxSpec.CODE_DIR));
    return mounts;
  }

  private static Map<String, Object> readOnlyBind(String source, String destination) {
    return Map.of(
        "destination",
        destination,
        "type",
        "bind",
        "source",
        source,
        "options",
        List.of("rbind", "ro", "nosuid", "nodev"));
  }

  private static Map<String, Object> rlimit(String type, long value) {
    return rlimit(type, value, value);
  }

  private static Map<String, Object> rlimit(String type, long soft, long hard) {
    return Map.of("type", type, "soft", soft, "hard", hard);
  }
}
