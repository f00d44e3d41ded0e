package dev.bulwark.internal.gvisor;

import dev.bulwark.internal.host.StateDir;
import dev.bulwark.internal.launch.LaunchRecord;
import dev.bulwark.internal.launch.StagedLauncher;
import dev.bulwark.internal.layout.CodeDir;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gVisor sandbox for one program: a uid, a cgroup, a run directory with its OCI bundle and,
 * once started, {@code runsc run} as that uid in that cgroup, the runtime inside. A warm pool
 * starts it before its program exists ({@link #start}); a cold run starts it in {@link #handOff}.
 * Either way the program arrives through a host directory bound read-only at {@link
 * SandboxSpec#CODE_DIR} (gVisor's gofer revalidates it, so that files placed after the start are
 * seen), and the sandbox serves that one program only.
 *
 * <pre>
 * engineDir/NAME/              0711 root: the OCI bundle
 * engineDir/NAME/config.json   0644: the OCI specification ({@link OciSpec})
 * engineDir/NAME/code/         0755, bound read-only inside: the runner and the program
 * engineDir/NAME/runsc.log     0622: runsc's debug log, its report of the payload's exit
 * engineDir/NAME/runsc/        0700, the sandbox uid's: runsc's own state ({@code --root})
 * </pre>
 *
 * <p>The processes: the launcher joins the cgroup, drops to the uid and becomes {@code runsc run};
 * in its user namespace {@code runsc} starts the gofer and the Sentry, which runs the program (in
 * stub processes on the ptrace platform). All of them live in the run's cgroup, which limits and
 * counts them, and all die when {@code runsc run} is killed: the Sentry gets it as its parent-death
 * signal.
 */
final class GvisorSandbox implements Sandbox {
  private static final Logger LOG = LoggerFactory.getLogger(GvisorSandbox.class);

  private final GvisorBackend backend;
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

  private GvisorSandbox(
      GvisorBackend backend, SandboxSpec spec, UidLease uid, StagedLauncher launcher, Path dir) {
    this.backend = backend;
    this.runtime = spec.runtime();
    this.limits = spec.limits();
    this.uid = uid;
    this.launcher = launcher;
    this.dir = dir;
  }

  /** Takes a uid and a staged launcher and lays out the run directory; nothing runs yet. */
  static GvisorSandbox prepare(GvisorBackend backend, SandboxSpec spec) throws IOException {
    UidLease uid = backend.host().leaseUid();
    StagedLauncher launcher = null;
    Path dir = null;
    try {
      launcher = backend.launchers().take();
      dir = backend.host().directory().resolve(launcher.name());
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
      CodeDir.create(dir, spec.runtime(), backend.files().runners());
      Path log = Files.createFile(dir.resolve("runsc.log"));
      Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw--w--w-"));
      Path state = Files.createDirectory(dir.resolve("runsc"));
      Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
      if (uid.uid().isPresent()) {
        Files.setAttribute(state, "unix:uid", (int) uid.uid().getAsLong());
        Files.setAttribute(state, "unix:gid", (int) uid.uid().getAsLong());
      }
      return new GvisorSandbox(backend, spec, uid, launcher, dir);
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
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        OciSpec.json(runtime, limits, backend.files(), dir.resolve("code"), egress != null),
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
    LaunchRecord record = launchRecord();
    startedNanos = System.nanoTime();
    try {
      process = launch(launcher, record);
    } catch (IOException deadLauncher) {
      LOG.debug("{}: its staged launcher died while idle; staging another", name(), deadLauncher);
      launcher.discard();
      launcher = null; // discarded: if staging fails, close() must not discard it again
      launcher = backend.launchers().stageNow();
      process = launch(launcher, record);
    }
  }

  @Override
  public void handOff(Program program) throws IOException {
    egress = CodeDir.place(dir.resolve("code"), runtime, program, backend.host());
    if (process == null) {
      start();
    }
    handedOffNanos = System.nanoTime();
    cpuBaselineNanos = launcher.cgroup().cpuNanos();
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
  public boolean alive() {
    return process != null && process.isAlive();
  }

  @Override
  public long ageNanos() {
    return process == null ? 0 : System.nanoTime() - startedNanos;
  }

  @Override
  public long handedOffNanos() {
    return handedOffNanos;
  }

  @Override
  public String name() {
    return launcher.name();
  }

  /** The Sentry's CPU time counts: it runs the program's system calls. */
  @Override
  public long cpuNanos() {
    return Math.max(0, launcher.cgroup().cpuNanos() - cpuBaselineNanos);
  }

  /**
   * The cgroup's counters, over the Sentry, the gofer and the program: the peak memory includes the
   * Sentry's own, a process limit hit is a task the host refused to the sandbox.
   */
  @Override
  public Usage usage() {
    Usage u = launcher.cgroup().usage();
    return new Usage(
        Math.max(0, u.cpuNanos() - cpuBaselineNanos),
        u.peakMemoryBytes(),
        u.oomKills(),
        u.pidsLimitHits());
  }

  /**
   * Waits for {@code runsc run}; when it reported the payload's exit in its log, the sandbox ran
   * and that is the code, else {@code runsc}'s own.
   */
  @Override
  public Exit awaitExit() {
    int runscExit = waitFor(process);
    OptionalInt payload = RunscExit.read(dir.resolve("runsc.log"));
    return payload.isPresent() ? new Exit(true, payload.getAsInt()) : new Exit(false, runscExit);
  }

  /**
   * Kills {@code runsc run}: its Sentry and gofer get their parent's death as SIGKILL, which ends
   * every process of the program with them. The cgroup kill is the backstop.
   */
  @Override
  public void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (process.waitFor(2, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    killAll();
  }

  /** Sweeps the run's cgroup: a Sentry or gofer still exiting, or a failed setup's rest. */
  @Override
  public void killAll() {
    launcher.cgroup().killAll();
  }

  @Override
  public List<NetworkAttempt> closeNetwork() {
    if (egress == null) {
      return List.of();
    }
    egress.close();
    return egress.attempts();
  }

  /**
   * Destroys the sandbox: whatever still runs, its cgroup, its directory (runsc's state with it),
   * its uid. Blocks; a run that is over leaves this to the engine's reaper, off the request path.
   */
  @Override
  public void close() {
    try {
      closeNetwork();
      if (launcher != null) {
        if (process != null && process.isAlive()) {
          kill();
        }
        launcher.discard(); // kills what is left in the cgroup, then removes it
      }
    } finally {
      StateDir.deleteTree(dir); // the uid is still ours: no other sandbox can touch runsc's state
      uid.close();
    }
  }

  /**
   * The launcher's record: {@code runsc} as the sandbox uid. The host's rlimits are not the
   * program's (the Sentry applies those of the specification): the Sentry's memory is a file that
   * grows, and its file descriptors stand for the program's files.
   */
  private LaunchRecord launchRecord() {
    Path devNull = Path.of("/dev/null");
    return new LaunchRecord(
        LaunchRecord.NO_CPU_LIMIT,
        Long.MAX_VALUE / 2,
        backend.hostOpenFiles(),
        uid.uid(),
        devNull,
        devNull,
        devNull,
        backend.runscCommand(dir, name()));
  }

  /** Applies the host's view of the limits to the launcher's cgroup, then starts runsc. */
  private Process launch(StagedLauncher l, LaunchRecord record) throws IOException {
    l.cgroup().applyLimits(SentryLimits.onHost(limits));
    return l.launch(record);
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public String toString() {
    return "GvisorSandbox[" + name() + ", " + runtime.name() + "]";
  }
}
