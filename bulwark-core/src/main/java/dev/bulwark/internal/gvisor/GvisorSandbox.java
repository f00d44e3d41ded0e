package dev.bulwark.internal.gvisor;

import dev.bulwark.internal.launch.LaunchRecord;
import dev.bulwark.internal.launch.LaunchedSandbox;
import dev.bulwark.internal.launch.StagedLauncher;
import dev.bulwark.internal.layout.SandboxProgram;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.Exit;
import dev.bulwark.spi.SandboxSpec;
import dev.bulwark.spi.UidLease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

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
 * <p>Its usage is the cgroup's, over the Sentry, the gofer and the program: the peak memory
 * includes the Sentry's own, a process limit hit is a task the host refused to the sandbox.
 *
 * <p>The processes: the launcher joins the cgroup, drops to the uid and becomes {@code runsc run};
 * in its user namespace {@code runsc} starts the gofer and the Sentry, which runs the program (in
 * stub processes on the ptrace platform). All of them live in the run's cgroup, which limits and
 * counts them, and all die when {@code runsc run} is killed: the Sentry gets it as its parent-death
 * signal.
 */
final class GvisorSandbox extends LaunchedSandbox {
  private final GvisorBackend backend;

  private GvisorSandbox(
      GvisorBackend backend, SandboxSpec spec, UidLease uid, StagedLauncher launcher, Path dir) {
    super(backend.host(), backend.launchers(), spec, uid, launcher, dir);
    this.backend = backend;
  }

  /**
   * Takes a uid and a staged launcher and lays out the run directory, runsc's log and state
   * directory in it; nothing runs yet.
   */
  static GvisorSandbox prepare(GvisorBackend backend, SandboxSpec spec) throws IOException {
    return prepare(
        backend.host(),
        backend.launchers(),
        spec,
        backend.files().runners(),
        (s, uid, launcher, dir) -> {
          Path log = Files.createFile(dir.resolve("runsc.log"));
          Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw--w--w-"));
          Path state = Files.createDirectory(dir.resolve("runsc"));
          Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
          if (uid.uid().isPresent()) {
            Files.setAttribute(state, "unix:uid", (int) uid.uid().getAsLong());
            Files.setAttribute(state, "unix:gid", (int) uid.uid().getAsLong());
          }
          return new GvisorSandbox(backend, s, uid, launcher, dir);
        });
  }

  /**
   * Waits for {@code runsc run}; when it reported the payload's exit in its log, the sandbox ran
   * and that is the code, else {@code runsc}'s own.
   */
  @Override
  public Exit awaitExit() {
    int runscExit = waitForProcess();
    OptionalInt payload = RunscExit.read(dir().resolve("runsc.log"));
    return payload.isPresent() ? new Exit(true, payload.getAsInt()) : new Exit(false, runscExit);
  }

  /**
   * Kills {@code runsc run}: its Sentry and gofer get their parent's death as SIGKILL, which ends
   * every process of the program with them. The cgroup kill is the backstop.
   */
  @Override
  public void kill() {
    Process process = process();
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

  /**
   * The host's view of the limits: the Sentry's own memory and tasks on top ({@link SentryLimits}).
   */
  @Override
  protected Limits hostLimits(Limits limits) {
    return SentryLimits.onHost(limits);
  }

  /**
   * The launcher's record: {@code runsc} as the sandbox uid, after the run's OCI specification is
   * written. The host's rlimits are not the program's (the Sentry applies those of the
   * specification): the Sentry's memory is a file that grows, and its file descriptors stand for
   * the program's files.
   */
  @Override
  protected LaunchRecord launchRecord(SandboxProgram.Start start) throws IOException {
    Path config = dir().resolve("config.json");
    Files.writeString(
        config,
        OciSpec.json(spec(), backend.files(), dir().resolve("code"), start),
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
    Path devNull = Path.of("/dev/null");
    return new LaunchRecord(
        LaunchRecord.NO_CPU_LIMIT,
        Long.MAX_VALUE / 2,
        backend.hostOpenFiles(),
        uid().uid(),
        devNull,
        devNull,
        devNull,
        backend.runscCommand(dir(), name()));
  }
}
