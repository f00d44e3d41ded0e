package dev.bulwark.internal.bwrap;

import dev.bulwark.internal.launch.LaunchRecord;
import dev.bulwark.internal.layout.HostDirs;
import dev.bulwark.internal.layout.SandboxProgram;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.SandboxSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The command line of one sandbox. Java's ProcessBuilder closes every descriptor above 2 and cannot
 * join a cgroup before exec, so a small native launcher ({@code src/main/c/bulwark-launch.c}) joins
 * the run's cgroups ahead of the request ({@code StagedLauncher}), then reads its {@link
 * #launchRecord}: rlimits, the filters and bwrap's status file as descriptors 3-5, the drop to the
 * sandbox uid, and {@code bwrap} with the recipe of DESIGN.md §3.
 */
final class BwrapCommand {
  /** Descriptors the launcher opens for bwrap. */
  static final int FD_SECCOMP_ALLOW = 3, FD_SECCOMP_GUARD = 4, FD_STATUS = 5;

  /**
   * Where the program and its runner are inside the sandbox: a host directory of the run, bound
   * read-only outside the workspace, so that the program can arrive after the sandbox started.
   */
  static final String CODE_DIR = SandboxSpec.CODE_DIR;

  /** uid and gid of the payload inside its user namespace (host uid: the leased one). */
  static final int INNER_ID = 1000;

  /**
   * Host facts in /proc that a pid namespace does not hide and any uid may read, those this kernel
   * has; masked with an empty file. Root-only entries (kcore, kmsg, and kallsyms' addresses) need
   * no mask: the payload is an unprivileged host uid, and every mount costs startup time.
   */
  private static final class ProcMasks {
    static final List<String> PATHS =
        Stream.of("/proc/cmdline", "/proc/modules", "/proc/sched_debug", "/proc/timer_list")
            .filter(m -> Files.exists(Path.of(m)))
            .toList();
  }

  /**
   * Host-side files every sandbox binds: its /etc ({@link SandboxEtc}), an empty file for masks,
   * and the directory of the runtimes' runners (each run links its runner into its own code
   * directory); and what the engine adds to every sandbox's environment.
   */
  record StaticFiles(Path etc, Path empty, Path runners, Map<String, String> env) {
    StaticFiles(Path etc, Path empty, Path runners) {
      this(etc, empty, runners, Map.of());
    }
  }

  private BwrapCommand() {}

  /**
   * The bwrap arguments (without the binary) for one sandbox of {@code spec}.
   *
   * @param codeDir the run's host directory that holds (or will hold) the program and its runner
   * @param start whether the run may connect through the egress proxy and carries files (see {@link
   *     SandboxProgram#argv})
   */
  static List<String> bwrapArgs(
      SandboxSpec spec, StaticFiles files, Path codeDir, SandboxProgram.Start start) {
    Limits limits = spec.limits();
    List<String> a = new ArrayList<>();
    // Every namespace, and no way back: --disable-userns stops nested user namespaces (the
    // door to most unprivileged kernel exploits), --new-session stops TIOCSTI on the host tty.
    add(
        a,
        "--unshare-all",
        "--unshare-user",
        "--disable-userns",
        "--die-with-parent",
        "--new-session");
    add(a, "--hostname", "sandbox", "--cap-drop", "ALL");
    add(a, "--uid", Integer.toString(INNER_ID), "--gid", Integer.toString(INNER_ID));
    add(a, "--ro-bind", "/usr", "/usr");
    for (HostDirs.TopDir top : HostDirs.TOP) {
      if (top.isLink()) {
        add(a, "--symlink", top.linkTarget(), top.path()); // merged /usr: same link as the host
      } else {
        add(a, "--ro-bind", top.path(), top.path());
      }
    }
    add(a, "--ro-bind", files.etc().toString(), "/etc");
    add(a, "--proc", "/proc");
    for (String mask : ProcMasks.PATHS) {
      add(a, "--ro-bind", files.empty().toString(), mask);
    }
    add(a, "--dev", "/dev");
    String size = Long.toString(limits.tmpfsBytes());
    for (String dir : List.of("/tmp", "/dev/shm", "/work")) {
      add(a, "--size", size, "--perms", "1777", "--tmpfs", dir);
    }
    add(a, "--ro-bind", codeDir.toString(), CODE_DIR);
    add(a, "--remount-ro", "/");
    add(a, "--chdir", "/work", "--clearenv");
    for (Map.Entry<String, String> e : SandboxProgram.env(spec, files.env(), start).entrySet()) {
      add(a, "--setenv", e.getKey(), e.getValue());
    }
    add(a, "--json-status-fd", Integer.toString(FD_STATUS));
    add(a, "--add-seccomp-fd", Integer.toString(FD_SECCOMP_ALLOW));
    add(a, "--add-seccomp-fd", Integer.toString(FD_SECCOMP_GUARD));
    a.add("--");
    a.addAll(SandboxProgram.argv(spec, start));
    return a;
  }

  private static void add(List<String> list, String... items) {
    list.addAll(List.of(items));
  }

  /**
   * The launch record of one bwrap sandbox: the CPU rlimit (the soft one sends SIGXCPU, reported as
   * CPU_LIMIT, the hard one a second later SIGKILL), the file size and open files limits, the uid,
   * the two filters and bwrap's status file as descriptors 3-5, and the command.
   *
   * @param uid the host uid the sandbox runs as; empty when the engine does not drop privileges
   */
  static LaunchRecord launchRecord(
      Limits limits,
      OptionalLong uid,
      Path allowBpf,
      Path guardBpf,
      Path status,
      List<String> command) {
    return new LaunchRecord(
        Math.max(1, (limits.cpuTime().toMillis() + 999) / 1000),
        Math.max(1, limits.fileSizeBytes()),
        limits.openFiles(),
        uid,
        allowBpf,
        guardBpf,
        status,
        command);
  }
}
