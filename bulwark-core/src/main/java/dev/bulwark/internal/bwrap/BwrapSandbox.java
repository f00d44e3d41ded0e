package dev.bulwark.internal.bwrap;

import static dev.bulwark.spi.EngineHost.EGRESS_FORWARDER;

import dev.bulwark.internal.cgroup.RunCgroup;
import dev.bulwark.internal.host.StateDir;
import dev.bulwark.model.Limits;
import dev.bulwark.model.NetworkAttempt;
import dev.bulwark.spi.EgressSession;
import dev.bulwark.spi.Exit;
import dev.bulwark.spi.Program;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.Sandbox;
import dev.bulwark.spi.SandboxSpec;
import dev.bulwark.spi.UidLease;
import dev.bulwark.spi.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bubblewrap sandbox for one program: a uid, a cgroup, a run directory and, once started,
 * bubblewrap with the runtime inside. A warm pool starts it before its program exists ({@link
 * #start}); a cold run starts it in {@link #handOff}. Either way the program arrives through a host
 * directory bound read-only at {@link BwrapCommand#CODE_DIR}, and the sandbox serves that one
 * program only.
 *
 * <pre>
 * engineDir/NAME/          0711: bwrap's status report (the sandbox uid's bwrap crosses it)
 * engineDir/NAME/code/     0755, bound read-only inside: the runner (a hard link) and the program
 * </pre>
 */
final class BwrapSandbox implements Sandbox {
  private static final Logger LOG = LoggerFactory.getLogger(BwrapSandbox.class);
  private static final Pattern CHILD_PID = Pattern.compile("\"child-pid\"\\s*:\\s*(\\d+)");
  private static final Pattern EXIT_CODE = Pattern.compile("\"exit-code\"\\s*:\\s*(\\d+)");

  /** A session's CPU rlimit: none in effect (RLIMIT_CPU in seconds, far beyond any life). */
  private static final Duration SESSION_CPU = Duration.ofDays(3650);

  private final BwrapBackend backend;
  private final SandboxSpec spec;
  private final RuntimeDescriptor runtime;
  private final Limits limits;
  private final UidLease uid;
  private final Path dir;
  private StagedLauncher launcher; // replaced when it died while idle
  private Process process; // null until started
  private long startedNanos;
  private long handedOffNanos;
  private long cpuBaselineNanos;
  private EgressSession egress; // null: the run has no network

  private BwrapSandbox(
      BwrapBackend backend, SandboxSpec spec, UidLease uid, StagedLauncher launcher, Path dir) {
    this.backend = backend;
    this.spec = spec;
    this.runtime = spec.runtime();
    this.limits = spec.limits();
    this.uid = uid;
    this.launcher = launcher;
    this.dir = dir;
  }

  /** Takes a uid and a staged launcher and lays out the run directory; nothing runs yet. */
  static BwrapSandbox prepare(BwrapBackend backend, SandboxSpec spec) throws IOException {
    UidLease uid = backend.host().leaseUid();
    StagedLauncher launcher = null;
    Path dir = null;
    try {
      launcher = backend.launchers().take();
      dir = backend.host().directory().resolve(launcher.name());
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
      Path code = Files.createDirectory(dir.resolve("code"));
      Files.setPosixFilePermissions(code, PosixFilePermissions.fromString("rwxr-xr-x"));
      for (String file : spec.files()) {
        Files.createLink(code.resolve(file), backend.staticFiles().runners().resolve(file));
      }
      return new BwrapSandbox(backend, spec, uid, launcher, dir);
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

  @Override
  public void start() throws IOException {
    byte[] record = launchRecord(egress != null);
    startedNanos = System.nanoTime();
    try {
      process = launch(launcher, record);
    } catch (IOException deadLauncher) {
      LOG.debug("{}: its staged launcher died while idle; staging another", name(), deadLauncher);
      launcher.discard(); // it died while idle: a fresh one, staged now, takes over
      launcher = null; // discarded: if staging fails, close() must not discard it again
      launcher = backend.launchers().stageNow();
      process = launch(launcher, record);
    }
  }

  @Override
  public void handOff(Program program) throws IOException {
    Path codeDir = dir.resolve("code");
    Path file = codeDir.resolve(runtime.fileName());
    Files.writeString(file, program.code(), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    if (!program.networkAllow().isEmpty()) {
      Files.createLink(
          codeDir.resolve(EGRESS_FORWARDER),
          backend.staticFiles().runners().resolve(EGRESS_FORWARDER));
      egress =
          backend
              .host()
              .openEgress(codeDir.resolve(BwrapCommand.EGRESS_SOCKET), program.networkAllow());
    }
    if (process == null) {
      start();
    }
    handedOffNanos = System.nanoTime();
    cpuBaselineNanos = launcher.cgroup() == null ? 0 : launcher.cgroup().cpuNanos();
  }

  @Override
  public ServerSocketChannel openChannel(String name) throws IOException {
    if (!name.matches("[a-z][a-z0-9.-]{0,31}")) {
      throw new IllegalArgumentException("bad channel name " + name);
    }
    Path socket = dir.resolve("code").resolve(name);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(socket));
      // The code directory is bound read-only and the socket is the host's: the sandbox's uid may
      // connect, not replace it.
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
      return server;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  @Override
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  @Override
  public InputStream stdout() {
    return process.getInputStream();
  }

  @Override
  public InputStream stderr() {
    return process.getErrorStream();
  }

  @Override
  public List<NetworkAttempt> closeNetwork() {
    if (egress == null) {
      return List.of();
    }
    egress.close();
    return egress.attempts();
  }

  @Override
  public long ageNanos() {
    return process == null ? 0 : System.nanoTime() - startedNanos;
  }

  @Override
  public boolean alive() {
    return process != null && process.isAlive();
  }

  @Override
  public String name() {
    return launcher.name();
  }

  private Path status() {
    return dir.resolve("status.json");
  }

  @Override
  public long handedOffNanos() {
    return handedOffNanos;
  }

  @Override
  public long cpuNanos() {
    RunCgroup cgroup = launcher.cgroup();
    return cgroup == null ? 0 : Math.max(0, cgroup.cpuNanos() - cpuBaselineNanos);
  }

  @Override
  public long memoryBytes() {
    RunCgroup cgroup = launcher.cgroup();
    return cgroup == null ? 0 : cgroup.memoryBytes();
  }

  @Override
  public List<NetworkAttempt> network() {
    return egress == null ? List.of() : egress.attempts();
  }

  @Override
  public Usage usage() {
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
   * Waits for bwrap; when it reported the payload's exit in its status file, the setup finished and
   * that is the code, else bwrap's own.
   */
  @Override
  public Exit awaitExit() {
    int bwrapExit = waitFor(process);
    Matcher exit = EXIT_CODE.matcher(readBounded(status()));
    return exit.find()
        ? new Exit(true, Integer.parseInt(exit.group(1)))
        : new Exit(false, bwrapExit);
  }

  /**
   * Kills the sandbox's init, which ends its pid namespace (the kernel kills every process in it);
   * bwrap, our child, then reaps it and exits. Killing bwrap first would orphan the init to the
   * host's pid 1, which may reap it late. The cgroup kill is the backstop.
   */
  @Override
  public void kill() {
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
    killAll();
    process.destroyForcibly();
  }

  /** Sweeps the run's cgroup: what escaped the pid namespace's end, or a failed setup's rest. */
  @Override
  public void killAll() {
    if (launcher.cgroup() != null) {
      launcher.cgroup().killAll();
    }
  }

  /**
   * Destroys the sandbox: whatever still runs, its cgroup, its directory, its uid. Blocks; a run
   * that is over leaves this to the engine's reaper, off the request path.
   */
  @Override
  public void close() {
    try {
      closeNetwork();
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
  private static String readBounded(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return ""; // no report (yet): bwrap failed before writing it, or has not started the payload
    }
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private byte[] launchRecord(boolean withEgress) {
    List<String> command = new ArrayList<>();
    command.add(backend.bwrap().toString());
    command.addAll(
        BwrapCommand.bwrapArgs(spec, backend.staticFiles(), dir.resolve("code"), withEgress));
    // The CPU rlimit counts each process's own start-up, the runner's included, which the budget
    // does not. With a cgroup the watchdog measures the budget from the hand-off, so the rlimit is
    // a backstop one second later; without one it is the only enforcement. A session's agent and
    // kernel live across many programs, whose CPU time the engine counts one by one: no rlimit.
    Limits rlimits =
        spec.kind() == SandboxSpec.Kind.SESSION
            ? limits.withCpuTime(SESSION_CPU)
            : launcher.cgroup() == null
                ? limits
                : limits.withCpuTime(limits.cpuTime().plusSeconds(1));
    return BwrapCommand.launchRecord(
        rlimits,
        uid.uid(),
        backend.filters().allowlist(),
        backend.filters().guard(),
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
    return "BwrapSandbox[" + name() + ", " + runtime.name() + "]";
  }
}
