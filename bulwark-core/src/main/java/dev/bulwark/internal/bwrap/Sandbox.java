package dev.bulwark.internal.bwrap;

import dev.bulwark.internal.cgroup.RunCgroup;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sandbox for one program: a uid, a cgroup, a run directory and, once started, bubblewrap with
 * the runtime inside. A warm pool starts it before its program exists ({@link #start}); a cold run
 * starts it in {@link #handOff}. Either way the program arrives through a host directory bound
 * read-only at {@link BwrapCommand#CODE_DIR}, and the sandbox serves that one program only.
 *
 * <pre>
 * engineDir/NAME/          0711: bwrap's status report (the sandbox uid's bwrap crosses it)
 * engineDir/NAME/code/     0755, bound read-only inside: the runner (a hard link) and the program
 * </pre>
 */
final class Sandbox implements AutoCloseable {
  private static final Pattern CHILD_PID = Pattern.compile("\"child-pid\"\\s*:\\s*(\\d+)");

  private final SandboxHost host;
  private final RuntimeDescriptor runtime;
  private final Limits limits;
  private final SandboxHost.UidLease uid;
  private final Path dir;
  private StagedLauncher launcher; // replaced when it died while idle
  private Process process; // null until started
  private long startedNanos;
  private long handedOffNanos;
  private long cpuBaselineNanos;
  private dev.bulwark.internal.egress.EgressProxy.Session egress; // null: the run has no network

  private Sandbox(
      SandboxHost host,
      RuntimeDescriptor runtime,
      Limits limits,
      SandboxHost.UidLease uid,
      StagedLauncher launcher,
      Path dir) {
    this.host = host;
    this.runtime = runtime;
    this.limits = limits;
    this.uid = uid;
    this.launcher = launcher;
    this.dir = dir;
  }

  /**
   * Takes a uid and a staged launcher and lays out the run directory; nothing runs yet.
   *
   * @param limits what the cgroup, the rlimits and the tmpfs sizes enforce
   */
  static Sandbox prepare(SandboxHost host, RuntimeDescriptor runtime, Limits limits)
      throws IOException {
    SandboxHost.UidLease uid = host.leaseUid();
    StagedLauncher launcher = null;
    Path dir = null;
    try {
      launcher = host.takeLauncher();
      dir = host.state().engineDir().resolve(launcher.name());
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
      Path code = Files.createDirectory(dir.resolve("code"));
      Files.setPosixFilePermissions(code, PosixFilePermissions.fromString("rwxr-xr-x"));
      if (runtime.hasRunner()) {
        String runner = runtime.runnerFile();
        Files.createLink(code.resolve(runner), host.staticFiles().runners().resolve(runner));
      }
      return new Sandbox(host, runtime, limits, uid, launcher, dir);
    } catch (IOException | RuntimeException e) {
      if (launcher != null) {
        launcher.discard();
      }
      if (dir != null) {
        StateDir.deleteTree(dir);
      }
      uid.close();
      throw e;
    }
  }

  /**
   * Starts bubblewrap and the runtime inside; a runner then loads and waits for {@link #handOff}.
   */
  void start() throws IOException {
    byte[] record = launchRecord(egress != null);
    startedNanos = System.nanoTime();
    try {
      process = launch(launcher, record);
    } catch (IOException deadLauncher) {
      launcher.discard(); // it died while idle: a fresh one, staged now, takes over
      launcher = null; // discarded: if staging fails, close() must not discard it again
      launcher = host.stageNow();
      process = launch(launcher, record);
    }
  }

  /**
   * Gives the sandbox its program: writes it where the sandbox sees it, opens its egress proxy when
   * its policy allows hosts, starts the sandbox if it is not yet, and tells the runner to read it.
   * The wall clock and the CPU budget start here.
   *
   * @param networkAllow the hosts the run may reach; empty: no network at all, not even the proxy
   */
  void handOff(String code, List<String> networkAllow) throws IOException {
    Path codeDir = dir.resolve("code");
    Path file = codeDir.resolve(runtime.fileName());
    Files.writeString(file, code, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    if (!networkAllow.isEmpty()) {
      Files.createLink(
          codeDir.resolve(BwrapCommand.EGRESS_FORWARDER),
          host.staticFiles().runners().resolve(BwrapCommand.EGRESS_FORWARDER));
      egress = host.egress().open(codeDir.resolve(BwrapCommand.EGRESS_SOCKET), networkAllow);
    }
    if (process == null) {
      start();
    }
    handedOffNanos = System.nanoTime();
    cpuBaselineNanos = launcher.cgroup() == null ? 0 : launcher.cgroup().cpuNanos();
    if (runtime.hasRunner()) {
      RunnerFrame.sendCode(process.getOutputStream());
    }
  }

  /** Waits, at most {@code timeoutMillis}, until the runner is loaded and waits for its program. */
  boolean awaitReady(long timeoutMillis) {
    java.util.concurrent.CompletableFuture<Boolean> ready =
        new java.util.concurrent.CompletableFuture<>();
    InputStream stdout = process.getInputStream();
    Thread.ofVirtual()
        .name(name() + "-ready")
        .start(() -> {
          try {
            RunnerFrame.readReady(stdout);
            ready.complete(true);
          } catch (IOException e) {
            ready.complete(false);
          }
        });
    try {
      return ready.get(timeoutMillis, TimeUnit.MILLISECONDS) && process.isAlive();
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      return false; // the caller kills the sandbox, which ends the read
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Every connection the program asked the egress proxy for; final once {@link #endEgress}. */
  List<dev.bulwark.model.NetworkAttempt> network() {
    return egress == null ? List.of() : egress.attempts();
  }

  /** Ends the run's connections: the program is over. */
  void endEgress() {
    if (egress != null) {
      egress.close();
    }
  }

  /** How long ago the sandbox started; 0 before. */
  long ageNanos() {
    return process == null ? 0 : System.nanoTime() - startedNanos;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  RuntimeDescriptor runtime() {
    return runtime;
  }

  Limits limits() {
    return limits;
  }

  String name() {
    return launcher.name();
  }

  Process process() {
    return process;
  }

  RunCgroup cgroup() {
    return launcher.cgroup();
  }

  Path status() {
    return dir.resolve("status.json");
  }

  /** When the program was handed over. */
  long handedOffNanos() {
    return handedOffNanos;
  }

  /** CPU time used since the hand-off: the runner's start-up is not the program's. */
  long cpuNanos() {
    RunCgroup cgroup = launcher.cgroup();
    return cgroup == null ? 0 : Math.max(0, cgroup.cpuNanos() - cpuBaselineNanos);
  }

  /** What the cgroup counted since the hand-off: the runner's start-up is not the program's. */
  Usage usage() {
    RunCgroup cgroup = launcher.cgroup();
    if (cgroup == null) {
      return new Usage(0, 0, 0, 0);
    }
    Usage u = cgroup.usage();
    return new Usage(
        Math.max(0, u.cpuNanos() - cpuBaselineNanos),
        u.peakMemoryBytes(),
        u.oomKills(),
        u.pidsLimitHits());
  }

  /**
   * Kills the sandbox's init, which ends its pid namespace (the kernel kills every process in it);
   * bwrap, our child, then reaps it and exits. Killing bwrap first would orphan the init to the
   * host's pid 1, which may reap it late. The cgroup kill is the backstop.
   */
  void kill() {
    if (process == null) {
      return;
    }
    Matcher child = CHILD_PID.matcher(readBounded(status()));
    if (child.find()) {
      ProcessHandle.of(Long.parseLong(child.group(1)))
          .filter(init -> init.parent().map(ProcessHandle::pid).orElse(-1L) == process.pid())
          .ifPresent(ProcessHandle::destroyForcibly);
      try {
        if (process.waitFor(2, TimeUnit.SECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (launcher.cgroup() != null) {
      launcher.cgroup().killAll();
    }
    process.destroyForcibly();
  }

  /**
   * Destroys the sandbox: whatever still runs, its cgroup, its directory, its uid. Blocks; a run
   * that is over leaves this to {@link SandboxHost#retire}, off the request path.
   */
  @Override
  public void close() {
    try {
      endEgress();
      if (launcher != null) {
        if (process != null && process.isAlive()) {
          kill();
        }
        launcher.discard();
      }
    } finally {
      StateDir.deleteTree(dir);
      uid.close();
    }
  }

  /** bwrap's status report is small; never read more than 64 KiB of anything in the run dir. */
  static String readBounded(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private byte[] launchRecord(boolean withEgress) {
    List<String> command = new ArrayList<>();
    command.add(host.config().bwrap().toString());
    command.addAll(
        BwrapCommand.bwrapArgs(
            runtime, limits, host.staticFiles(), dir.resolve("code"), withEgress));
    // The CPU rlimit counts each process's own start-up, the runner's included, which the budget
    // does not. With a cgroup the watchdog measures the budget from the hand-off, so the rlimit is
    // a backstop one second later; without one it is the only enforcement.
    Limits rlimits =
        launcher.cgroup() == null ? limits : limits.withCpuTime(limits.cpuTime().plusSeconds(1));
    return BwrapCommand.launchRecord(
        rlimits,
        host.dropsPrivileges()
            ? java.util.OptionalLong.of(uid.uid())
            : java.util.OptionalLong.empty(),
        host.filters().allowlist(),
        host.filters().guard(),
        status(),
        command);
  }

  /** Applies the limits to the launcher's cgroup, then hands the launcher its record. */
  private Process launch(StagedLauncher l, byte[] record) throws IOException {
    if (l.cgroup() != null) {
      l.cgroup().applyLimits(limits);
    }
    return l.launch(record);
  }

  @Override
  public String toString() {
    return "Sandbox[" + name() + ", " + runtime.name() + "]";
  }
}
