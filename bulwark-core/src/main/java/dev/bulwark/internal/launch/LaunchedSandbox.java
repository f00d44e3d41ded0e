package dev.bulwark.internal.launch;

import dev.bulwark.internal.cgroup.RunCgroup;
import dev.bulwark.internal.host.StateDir;
import dev.bulwark.internal.layout.CodeDir;
import dev.bulwark.internal.layout.SandboxProgram;
import dev.bulwark.model.Limits;
import dev.bulwark.model.NetworkAttempt;
import dev.bulwark.spi.EgressSession;
import dev.bulwark.spi.EngineHost;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a sandbox started through a staged launcher is, whichever manager the launcher becomes
 * (bwrap, gVisor's runsc): a leased uid, a launcher in its fresh cgroup, a run directory under the
 * engine's with the code directory in it, and once started the manager's process, whose standard
 * streams are the program's. A tier says what the launcher runs ({@link #launchRecord}), which
 * limits the cgroup gets ({@link #hostLimits}), how the payload's exit is read ({@link #awaitExit})
 * and how the sandbox is killed ({@link #kill}).
 *
 * <p>Invariants: the run's CPU time and usage count from the hand-off; {@link #close} frees
 * everything once, the uid last. Not thread-safe: one run's thread drives it, but for {@link
 * #kill}, {@link #killAll} and {@link #alive}.
 */
public abstract class LaunchedSandbox implements Sandbox {
  private static final Logger LOG = LoggerFactory.getLogger(LaunchedSandbox.class);

  /** What a tier's sandbox needs to be made, in the order {@link #prepare} has them. */
  @FunctionalInterface
  public interface Maker<S extends LaunchedSandbox> {
    S make(SandboxSpec spec, UidLease uid, StagedLauncher launcher, Path dir) throws IOException;
  }

  private final EngineHost host;
  private final Launchers launchers;
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
  private boolean carriesFiles; // the program has input files or artifacts

  protected LaunchedSandbox(
      EngineHost host,
      Launchers launchers,
      SandboxSpec spec,
      UidLease uid,
      StagedLauncher launcher,
      Path dir) {
    this.host = host;
    this.launchers = launchers;
    this.spec = spec;
    this.runtime = spec.runtime();
    this.limits = spec.limits();
    this.uid = uid;
    this.launcher = launcher;
    this.dir = dir;
  }

  /**
   * Takes a uid and a staged launcher and lays out the run directory (0711, its code directory
   * within), then lets {@code maker} add its own; nothing runs yet. What fails is undone.
   */
  protected static <S extends LaunchedSandbox> S prepare(
      EngineHost host, Launchers launchers, SandboxSpec spec, Path runners, Maker<S> maker)
      throws IOException {
    UidLease uid = host.leaseUid();
    StagedLauncher launcher = null;
    Path dir = null;
    try {
      launcher = launchers.take();
      dir = host.directory().resolve(launcher.name());
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
      CodeDir.create(dir, spec, runners);
      return maker.make(spec, uid, launcher, dir);
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

  /** What the launcher runs: the manager's command line, its rlimits and uid. */
  protected abstract LaunchRecord launchRecord(SandboxProgram.Start start) throws IOException;

  /** The limits the run's cgroup gets, from the run's. */
  protected abstract Limits hostLimits(Limits limits);

  @Override
  public void start() throws IOException {
    LaunchRecord record = launchRecord(new SandboxProgram.Start(egress != null, carriesFiles));
    startedNanos = System.nanoTime();
    try {
      process = launch(launcher, record);
    } catch (IOException deadLauncher) {
      LOG.debug("{}: its staged launcher died while idle; staging another", name(), deadLauncher);
      launcher.discard();
      launcher = null; // discarded: if staging fails, close() must not discard it again
      launcher = launchers.stageNow();
      process = launch(launcher, record);
    }
  }

  /** Applies the limits to the launcher's cgroup (none in degraded mode), then launches. */
  private Process launch(StagedLauncher l, LaunchRecord record) throws IOException {
    if (l.cgroup() != null) {
      l.cgroup().applyLimits(hostLimits(limits));
    }
    return l.launch(record);
  }

  @Override
  public void handOff(Program program) throws IOException {
    egress = CodeDir.place(dir.resolve("code"), runtime, program, host);
    carriesFiles = program.carriesFiles();
    if (process == null) {
      start();
    }
    handedOffNanos = System.nanoTime();
    cpuBaselineNanos = launcher.cgroup() == null ? 0 : launcher.cgroup().cpuNanos();
  }

  /**
   * Binds the socket in the code directory, where every tier shows the sandbox its host sockets
   * (gVisor reaches them through {@code --host-uds=open}, as it does the egress proxy's).
   */
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

  @Override
  public long handedOffNanos() {
    return handedOffNanos;
  }

  /** The cgroup's CPU time since the hand-off: every process of the run, the manager's included. */
  @Override
  public long cpuNanos() {
    RunCgroup cgroup = launcher.cgroup();
    return cgroup == null ? 0 : Math.max(0, cgroup.cpuNanos() - cpuBaselineNanos);
  }

  /** The cgroup's memory now: every process of the sandbox, the manager's included. */
  @Override
  public long memoryBytes() {
    RunCgroup cgroup = launcher.cgroup();
    return cgroup == null ? 0 : cgroup.memoryBytes();
  }

  @Override
  public List<NetworkAttempt> network() {
    return egress == null ? List.of() : egress.attempts();
  }

  /** The cgroup's counters, its CPU time since the hand-off. */
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

  /** Sweeps the run's cgroup: what escaped the tier's own kill, or a failed setup's rest. */
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
        launcher.discard(); // kills what is left in the cgroup, then removes it
      }
    } finally {
      StateDir.deleteTree(dir);
      uid.close();
    }
  }

  /** The manager's process; null until started. */
  protected final Process process() {
    return process;
  }

  /** The run's directory. */
  protected final Path dir() {
    return dir;
  }

  /** What the sandbox is for: one program or a session. */
  protected final SandboxSpec spec() {
    return spec;
  }

  protected final RuntimeDescriptor runtime() {
    return runtime;
  }

  protected final Limits limits() {
    return limits;
  }

  protected final UidLease uid() {
    return uid;
  }

  /** Whether the launcher has a cgroup (none in degraded mode). */
  protected final boolean hasCgroup() {
    return launcher.cgroup() != null;
  }

  /** Waits for the manager to exit: its exit code, -1 when interrupted. */
  protected final int waitForProcess() {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + name() + ", " + runtime.name() + "]";
  }
}
