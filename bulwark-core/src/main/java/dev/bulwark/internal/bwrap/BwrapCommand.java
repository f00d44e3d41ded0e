package dev.bulwark.internal.bwrap;

import static dev.bulwark.spi.EngineHost.EGRESS_FORWARDER;

import dev.bulwark.internal.egress.EgressProxy;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.SandboxSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The command line of one sandbox. Java's ProcessBuilder closes every descriptor above 2 and cannot
 * join a cgroup before exec, so a small native launcher ({@code src/main/c/bulwark-launch.c}) joins
 * the run's cgroups ahead of the request ({@link StagedLauncher}), then reads its {@link
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

  /** The egress proxy's socket in the code directory, there only for a run that may connect. */
  static final String EGRESS_SOCKET = "proxy.sock";

  /** uid and gid of the payload inside its user namespace (host uid: the leased one). */
  static final int INNER_ID = 1000;

  /** What of the host's layout every sandbox repeats, looked at once rather than at each launch. */
  private static final class HostLayout {
    /**
     * Host facts in /proc that a pid namespace does not hide and any uid may read, those this
     * kernel has; masked with an empty file. Root-only entries (kcore, kmsg, and kallsyms'
     * addresses) need no mask: the payload is an unprivileged host uid, and every mount costs
     * startup time.
     */
    static final List<String> PROC_MASKS =
        Stream.of("/proc/cmdline", "/proc/modules", "/proc/sched_debug", "/proc/timer_list")
            .filter(m -> Files.exists(Path.of(m)))
            .toList();

    /** bwrap arguments for /bin, /lib and the like: merged /usr links as the host's, or binds. */
    static final List<String> TOP_DIRS = topDirs();

    private static List<String> topDirs() {
      List<String> a = new ArrayList<>();
      for (String top : List.of("/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32")) {
        Path p = Path.of(top);
        if (Files.isSymbolicLink(p)) {
          add(a, "--symlink", readLink(p), top); // merged /usr: same link as the host
        } else if (Files.isDirectory(p)) {
          add(a, "--ro-bind", top, top);
        }
      }
      return List.copyOf(a);
    }
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
   * @param egress whether the run may connect through the egress proxy: a runtime without a runner
   *     then starts the forwarder before the program, with the proxy in its environment (a runner
   *     does both itself, once it sees the socket)
   */
  static List<String> bwrapArgs(SandboxSpec spec, StaticFiles files, Path codeDir, boolean egress) {
    RuntimeDescriptor runtime = spec.runtime();
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
    a.addAll(HostLayout.TOP_DIRS);
    add(a, "--ro-bind", files.etc().toString(), "/etc");
    add(a, "--proc", "/proc");
    for (String mask : HostLayout.PROC_MASKS) {
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
    for (Map.Entry<String, String> e : baseEnv().entrySet()) {
      add(a, "--setenv", e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : runtime.env().entrySet()) {
      add(a, "--setenv", e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : files.env().entrySet()) {
      add(a, "--setenv", e.getKey(), e.getValue());
    }
    // A runner, or a session's agent, starts the forwarder itself once it sees the socket.
    boolean forwarder = egress && !runtime.hasRunner() && spec.kind() == SandboxSpec.Kind.PROGRAM;
    if (forwarder) {
      for (Map.Entry<String, String> e : proxyEnv().entrySet()) {
        add(a, "--setenv", e.getKey(), e.getValue());
      }
    }
    add(a, "--json-status-fd", Integer.toString(FD_STATUS));
    add(a, "--add-seccomp-fd", Integer.toString(FD_SECCOMP_ALLOW));
    add(a, "--add-seccomp-fd", Integer.toString(FD_SECCOMP_GUARD));
    a.add("--");
    if (forwarder) { // it forks into the background once it listens, then the program starts
      add(
          a,
          "/bin/sh",
          "-c",
          "/usr/bin/python3 -I -S " + CODE_DIR + "/" + EGRESS_FORWARDER + " && exec \"$@\"",
          "sh");
    }
    a.addAll(spec.command());
    return a;
  }

  /** What points programs at the forwarder: as egress-forwarder.py's ENV. */
  static Map<String, String> proxyEnv() {
    String url = "http://127.0.0.1:" + EgressProxy.SANDBOX_PORT;
    String local = "localhost,127.0.0.1,::1";
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : List.of("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")) {
      env.put(name, url);
      env.put(name.toLowerCase(Locale.ROOT), url);
    }
    env.put("NO_PROXY", local);
    env.put("no_proxy", local);
    return env;
  }

  /** The small environment every sandbox starts with; no host variable gets in. */
  static Map<String, String> baseEnv() {
    return Map.of(
        "PATH", "/usr/local/bin:/usr/bin:/bin",
        "HOME", "/work",
        "USER", "sandbox",
        "LANG", "C.UTF-8",
        "TMPDIR", "/tmp",
        "TERM", "dumb");
  }

  /**
   * What a staged launcher reads on stdin before it starts bwrap ({@code bulwark-launch.c}): the
   * length, a newline, then NUL-terminated fields: the CPU rlimit soft and hard (seconds; the soft
   * one sends SIGXCPU, reported as CPU_LIMIT, the hard one a second later SIGKILL), the file size
   * and open files limits, the uid to drop to ({@code -}: none), the two filters and bwrap's status
   * file (opened as descriptors 3-5), then the command. What follows is the program's input.
   *
   * @param uid the host uid the sandbox runs as; empty when the engine does not drop privileges
   */
  static byte[] launchRecord(
      Limits limits,
      OptionalLong uid,
      Path allowBpf,
      Path guardBpf,
      Path status,
      List<String> command) {
    long cpuSeconds = Math.max(1, (limits.cpuTime().toMillis() + 999) / 1000);
    List<String> fields = new ArrayList<>();
    add(
        fields,
        Long.toString(cpuSeconds),
        Long.toString(cpuSeconds + 1),
        Long.toString(Math.max(1, limits.fileSizeBytes())),
        Long.toString(limits.openFiles()),
        uid.isPresent() ? Long.toString(uid.getAsLong()) : "-",
        allowBpf.toString(),
        guardBpf.toString(),
        status.toString());
    fields.addAll(command);
    StringBuilder body = new StringBuilder();
    for (String field : fields) {
      if (field.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("a sandbox argument contains a NUL: " + field);
      }
      body.append(field).append('\0');
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    byte[] header = (bytes.length + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] record = Arrays.copyOf(header, header.length + bytes.length);
    System.arraycopy(bytes, 0, record, header.length, bytes.length);
    return record;
  }

  private static String readLink(Path p) {
    try {
      return Files.readSymbolicLink(p).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(List<String> list, String... items) {
    list.addAll(List.of(items));
  }
}
